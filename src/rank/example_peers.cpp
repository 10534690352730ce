// The embedded example peers (example_peers.hpp), from cmake/EmbedData.cmake.
#include "dtiplan/rank/example_peers.hpp"

#include <cstddef>
#include <string>

namespace dtiplan {
namespace detail {
extern const unsigned char dtiplan_example_peers_csv[];
extern const std::size_t dtiplan_example_peers_csv_size;
}  // namespace detail

std::string_view example_peers_csv() noexcept {
    return {reinterpret_cast<const char*>(detail::dtiplan_example_peers_csv),
            detail::dtiplan_example_peers_csv_size};
}

PeerTable example_peers(const Framework& framework) {
    PeerTable table =
        peers_from_csv(example_peers_csv(), std::string(kExamplePeersFile), &framework);
    // The file says so in its illustrative column; a result read from it is illustrative
    // whatever the column holds.
    for (PeerResult& r : table.results) r.illustrative = true;
    return table;
}

}  // namespace dtiplan
