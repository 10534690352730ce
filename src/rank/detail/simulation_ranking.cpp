// Ranking the draws of the rank engine: competition ranks of integer keys (the DTI rounded to
// 4 decimals), counted pairwise with vector compares for a province, through a histogram of keys
// for the country, by sorting when the keys do not fit 32 bits. Each worker keeps its own N × N
// count matrix (no sharing, no atomics in the loop).
#include <algorithm>
#include <cstdint>
#include <numeric>
#include <vector>

#include "rank/detail/clones.hpp"
#include "rank/detail/simulation.hpp"

namespace dtiplan::detail::sim {
namespace {

/// Competition ranks (1 + number strictly greater) of the n keys at `k` into w.ranks.
DTIPLAN_INLINE void rank_small_keys(Workspace& w, const std::int32_t* k, std::size_t n) {
    w.ranks.resize(n);
    if (n <= 384) {
        // Pairwise: n^2 compares, in vectors of int32, no branches.
        for (std::size_t i = 0; i < n; ++i) {
            const std::int32_t ki = k[i];
            std::uint32_t ahead = 0;
            for (std::size_t j = 0; j < n; ++j) ahead += k[j] > ki ? 1U : 0U;
            w.ranks[i] = ahead + 1U;
        }
        return;
    }
    std::int32_t lo = k[0];
    std::int32_t hi = k[0];
    for (std::size_t i = 1; i < n; ++i) {
        lo = std::min(lo, k[i]);
        hi = std::max(hi, k[i]);
    }
    const auto span = static_cast<std::size_t>(static_cast<std::int64_t>(hi) - lo) + 1;
    if (span <= 16 * n + 65536) {
        // A histogram of the keys, then ahead[key] = number of keys above it.
        w.histogram.assign(span, 0);
        for (std::size_t i = 0; i < n; ++i) ++w.histogram[static_cast<std::size_t>(k[i] - lo)];
        std::int32_t above = 0;
        for (std::size_t b = span; b-- > 0;) {
            const std::int32_t here = w.histogram[b];
            w.histogram[b] = above;
            above += here;
        }
        for (std::size_t i = 0; i < n; ++i)
            w.ranks[i] =
                static_cast<std::uint32_t>(w.histogram[static_cast<std::size_t>(k[i] - lo)]) + 1U;
        return;
    }
    w.keys.assign(k, k + n);
    // (falls through to the caller's general path)
    w.ranks.clear();
}

/// Competition ranks of the n keys in w.keys (any int64 keys): sort, equal keys share a rank.
void rank_general_keys(Workspace& w, std::size_t n) {
    w.ranks.resize(n);
    w.order.resize(n);
    std::iota(w.order.begin(), w.order.end(), std::size_t{0});
    const std::int64_t* key = w.keys.data();
    std::sort(w.order.begin(), w.order.end(), [key](std::size_t a, std::size_t b) {
        return key[a] > key[b] || (key[a] == key[b] && a < b);
    });
    for (std::size_t pos = 0; pos < n; ++pos) {
        const std::size_t i = w.order[pos];
        if (pos > 0 && key[w.order[pos - 1]] == key[i])
            w.ranks[i] = w.ranks[w.order[pos - 1]];
        else
            w.ranks[i] = static_cast<std::uint32_t>(pos) + 1U;
    }
}

}  // namespace

/// Cloned like the kernel: the pairwise compares of a province vectorise 16 wide with AVX-512.
DTIPLAN_KERNEL_CLONES
void count_block(const Compiled& c, Workspace& w, std::size_t lanes) {
    const std::size_t n = c.units;
    const bool small_keys = c.decimals >= 0 && c.decimals <= 9;
    std::uint32_t* counts = w.counts.data();
    for (std::size_t l = 0; l < lanes; ++l) {
        w.ranks.clear();
        if (small_keys) rank_small_keys(w, w.keys32.data() + l * n, n);
        if (w.ranks.empty()) {
            if (!small_keys)
                w.keys.assign(w.lane_keys.begin() + static_cast<std::ptrdiff_t>(l * n),
                              w.lane_keys.begin() + static_cast<std::ptrdiff_t>((l + 1) * n));
            rank_general_keys(w, n);
        }
        for (std::size_t i = 0; i < n; ++i) ++counts[i * n + w.ranks[i] - 1U];
    }
}

}  // namespace dtiplan::detail::sim
