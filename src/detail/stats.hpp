// Sample statistics shared by the projection's summaries and the untracked-component fill, so a
// median is the same number wherever the library prints one.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <vector>

namespace dtiplan::detail {

/// The p-quantile of sorted, non-empty samples by linear interpolation between order statistics
/// (Hyndman and Fan's type 7, the default of R and numpy).
[[nodiscard]] inline double quantile_type7(const std::vector<double>& sorted, double p) noexcept {
    const double h = (static_cast<double>(sorted.size()) - 1.0) * p;
    const auto lo = static_cast<std::size_t>(std::floor(h));
    if (lo + 1 >= sorted.size()) return sorted.back();
    return sorted[lo] + (h - static_cast<double>(lo)) * (sorted[lo + 1] - sorted[lo]);
}

/// The median of non-empty samples (the type-7 quantile at 0.5).
[[nodiscard]] inline double median(std::vector<double> samples) {
    std::sort(samples.begin(), samples.end());
    return quantile_type7(samples, 0.5);
}

}  // namespace dtiplan::detail
