// The built-in data, embedded into the library at build time from data/*.json, so a program
// works with no data files around.
#pragma once

#include <string_view>

#include "dtiplan/model/plan.hpp"

namespace dtiplan {

/// The JSON text of Đại Phước's 2026-2030 plan as shipped in data/.
[[nodiscard]] std::string_view builtin_plan_json() noexcept;

/// The built-in plan of Đại Phước 2026-2030 (every row of the seed). Parsed on each call.
[[nodiscard]] Plan builtin_plan();

}  // namespace dtiplan
