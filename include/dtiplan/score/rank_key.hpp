// The one rounding rule of the DTI (docs/rank.md, "Rounding and ties"): a value is published to
// 4 decimals, rounded half away from zero on the decimal value as written, so 0.81395 is
// 0.8140 even though the double nearest to 0.81395 lies just below the half. Every ranking
// (competition_rank, the exact and Monte Carlo rank distributions, the rank engine's kernel,
// points needed) compares these keys, so they all agree on which values tie.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>

#include "dtiplan/model/rounding.hpp"

namespace dtiplan {

/// The decimals the DTI and its indices are published to.
inline constexpr int kDtiDecimals = 4;

/// The rank key of a value: x rounded to `decimals` places (0..15) as an integer, by
/// round_half_away_scaled; for decimals < 0 an integer with the order of x (its bit pattern;
/// x >= 0). Equal keys tie. For |x| · 10^decimals below 2^63 (any DTI).
[[nodiscard]] inline std::int64_t rank_key(double x, int decimals) noexcept {
    if (decimals < 0) {
        const double y = x + 0.0;  // -0.0 -> +0.0
        std::int64_t bits = 0;
        std::memcpy(&bits, &y, sizeof bits);
        return bits;
    }
    constexpr double kPow10[] = {1e0, 1e1, 1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15};
    const double t = round_half_away_scaled(std::fabs(x) * kPow10[std::min(decimals, 15)]);
    const auto key = static_cast<std::int64_t>(t);
    return std::signbit(x) ? -key : key;
}

/// The rank key of a DTI (or an index) at the published 4 decimals: 0.81395 and 0.8140 tie.
[[nodiscard]] inline std::int64_t dti_rank_key(double x) noexcept {
    return rank_key(x, kDtiDecimals);
}

}  // namespace dtiplan
