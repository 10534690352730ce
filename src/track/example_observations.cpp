// The embedded example observations (example_observations.hpp), from cmake/EmbedData.cmake.
#include "dtiplan/track/example_observations.hpp"

#include <cstddef>
#include <string>

#include "dtiplan/track/observation_io.hpp"

namespace dtiplan {
namespace detail {
extern const unsigned char dtiplan_example_observations_csv[];
extern const std::size_t dtiplan_example_observations_csv_size;
}  // namespace detail

std::string_view example_observations_csv() noexcept {
    return {reinterpret_cast<const char*>(detail::dtiplan_example_observations_csv),
            detail::dtiplan_example_observations_csv_size};
}

ObservationLog example_observations(const Plan& plan) {
    return observations_from_csv(example_observations_csv(), std::string(kExampleObservationsFile),
                                 plan);
}

bool is_illustrative(const ObservationLog& log) noexcept {
    const auto& all = log.all();
    if (all.empty()) return false;
    for (const Observation& o : all) {
        // The origin is "<path>:<row>": compare the file name of the path.
        std::string_view path = o.origin;
        if (const auto colon = path.rfind(':'); colon != std::string_view::npos)
            path = path.substr(0, colon);
        if (const auto slash = path.find_last_of("/\\"); slash != std::string_view::npos)
            path = path.substr(slash + 1);
        if (path != kExampleObservationsFile) return false;
    }
    return true;
}

}  // namespace dtiplan
