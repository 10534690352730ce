// The one rounding rule of the DTI and of every number the library writes: half away from zero
// on the decimal value as written, a value within floating-point noise of a half counting as the
// half (docs/rank.md, "Rounding and ties"). score/rank_key.hpp ranks by it, round_to publishes
// by it, format_decimal writes by it.
#pragma once

#include <algorithm>
#include <cmath>

namespace dtiplan {

/// The rounding rule on a scaled magnitude t = |x| · 10^decimals (t >= 0): the nearest whole
/// number, a half going up, and a fraction within floating-point noise of a half (1e-12
/// relative: 0.81395 · 10^4 is 8139.4999999999991) counted as the half. Beyond 1e11 the
/// fraction carries no such noise and the plain half-away rounding is used. Branch-free below
/// 1e11, so the rank engine's kernel computes the same on vectors (simulation_kernel.cpp).
[[nodiscard]] inline double round_half_away_scaled(double t) noexcept {
    if (!(t < 1e11)) return std::round(t);
    const double whole = std::floor(t);
    return t - whole >= 0.5 - 1e-12 * std::max(1.0, t) ? whole + 1.0 : whole;
}

}  // namespace dtiplan
