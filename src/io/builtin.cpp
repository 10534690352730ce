// The built-in data, embedded by cmake/EmbedData.cmake from data/*.json.
#include <cstddef>
#include <string_view>

#include "dtiplan/io/builtin.hpp"
#include "dtiplan/io/plan_json.hpp"

namespace dtiplan {
namespace detail {
extern const unsigned char dtiplan_builtin_plan_json[];
extern const std::size_t dtiplan_builtin_plan_json_size;
}  // namespace detail

std::string_view builtin_plan_json() noexcept {
    return {reinterpret_cast<const char*>(detail::dtiplan_builtin_plan_json),
            detail::dtiplan_builtin_plan_json_size};
}

Plan builtin_plan() {
    return plan_from_json(builtin_plan_json(), "<built-in dai-phuoc-2026-2030>");
}

}  // namespace dtiplan
