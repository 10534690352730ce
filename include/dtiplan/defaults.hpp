// The library's defaults, the same as the command's (one place for each): the random seed of
// every projection and rank estimate, and the evaluation date of the first milestone.
#pragma once

#include <cstdint>

#include "dtiplan/track/period.hpp"

namespace dtiplan {

/// The seed of the projection, the rank distributions and the rank engine: the same seed gives
/// the same result on any machine and any number of threads.
inline constexpr std::uint64_t kDefaultSeed = 20260101;

/// The default evaluation date: 31 December 2026, the end of the plan's first milestone year
/// (the DTI of a year is evaluated on that year's results).
[[nodiscard]] inline Date default_evaluation_date() { return Date(2026, 12, 31); }

}  // namespace dtiplan
