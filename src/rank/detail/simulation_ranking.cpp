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

/// Keys are padded to a multiple of this with INT16_MIN, which is never ahead of a key: the
/// compares run over whole vectors, with no scalar remainder (95 = 64 + 31 would spend most of
/// its time there).
inline constexpr std::size_t kPad16 = 32;
static_assert(kPairwiseUnits % kPad16 == 0 && kPairwiseUnits <= UINT16_MAX);

/// Competition ranks of n <= kPairwiseUnits keys of 16 bits (padded), pairwise: the DTI's
/// 4-decimal keys (0 to 10,000) fit, and so does a count up to 384, so a vector holds twice as
/// many as with 32.
DTIPLAN_INLINE void pairwise16_body(const std::int16_t* k, std::size_t n,
                                    std::uint32_t* ranks) noexcept {
    const std::size_t padded = (n + kPad16 - 1) / kPad16 * kPad16;
    for (std::size_t i = 0; i < n; ++i) {
        const std::int16_t ki = k[i];
        std::uint16_t ahead = 0;
        for (std::size_t j = 0; j < padded; ++j)
            ahead = static_cast<std::uint16_t>(ahead + (k[j] > ki ? 1 : 0));
        ranks[i] = static_cast<std::uint32_t>(ahead) + 1U;
    }
}

using Pairwise16 = void (*)(const std::int16_t*, std::size_t, std::uint32_t*) noexcept;

// The same loop built for AVX-512BW (32 keys per compare) and AVX2 (16), picked once at run time:
// GCC's target_clones cannot name AVX-512BW, which 16-bit lanes in zmm registers need.
#if DTIPLAN_KERNEL_ISAS
#pragma GCC push_options
#pragma GCC target("avx512f,avx512bw")
void pairwise16_avx512bw(const std::int16_t* k, std::size_t n, std::uint32_t* ranks) noexcept {
    pairwise16_body(k, n, ranks);
}
#pragma GCC pop_options
#pragma GCC push_options
#pragma GCC target("avx2")
void pairwise16_avx2(const std::int16_t* k, std::size_t n, std::uint32_t* ranks) noexcept {
    pairwise16_body(k, n, ranks);
}
#pragma GCC pop_options
#endif
void pairwise16_baseline(const std::int16_t* k, std::size_t n, std::uint32_t* ranks) noexcept {
    pairwise16_body(k, n, ranks);
}

Pairwise16 pairwise16() noexcept {
#if DTIPLAN_KERNEL_ISAS
    static const Pairwise16 chosen = __builtin_cpu_supports("avx512bw") ? &pairwise16_avx512bw
                                     : __builtin_cpu_supports("avx2")   ? &pairwise16_avx2
                                                                        : &pairwise16_baseline;
    return chosen;
#else
    return &pairwise16_baseline;
#endif
}

/// Competition ranks (1 + number strictly greater) of the n keys at `k` into `ranks`; false
/// (nothing written) when the keys span too wide a range for a histogram.
DTIPLAN_INLINE bool rank_small_keys(Workspace& w, const std::int32_t* k, std::size_t n,
                                    std::uint32_t* ranks) {
    if (n <= kPairwiseUnits) {
        std::int32_t lo = k[0];
        std::int32_t hi = k[0];
        for (std::size_t i = 1; i < n; ++i) {
            lo = std::min(lo, k[i]);
            hi = std::max(hi, k[i]);
        }
        if (lo >= INT16_MIN && hi <= INT16_MAX) {
            std::int16_t* k16 = w.keys16.data();
            for (std::size_t i = 0; i < n; ++i) k16[i] = static_cast<std::int16_t>(k[i]);
            for (std::size_t i = n; i < (n + kPad16 - 1) / kPad16 * kPad16; ++i) k16[i] = INT16_MIN;
            pairwise16()(k16, n, ranks);
            return true;
        }
        // Pairwise: n^2 compares, in vectors of int32, no branches.
        for (std::size_t i = 0; i < n; ++i) {
            const std::int32_t ki = k[i];
            std::uint32_t ahead = 0;
            for (std::size_t j = 0; j < n; ++j) ahead += k[j] > ki ? 1U : 0U;
            ranks[i] = ahead + 1U;
        }
        return true;
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
            ranks[i] =
                static_cast<std::uint32_t>(w.histogram[static_cast<std::size_t>(k[i] - lo)]) + 1U;
        return true;
    }
    return false;
}

/// Competition ranks of the n keys in w.keys (any int64 keys) into `ranks`: sort, equal keys
/// share a rank.
void rank_general_keys(Workspace& w, std::size_t n, std::uint32_t* ranks) {
    w.order.resize(n);
    std::iota(w.order.begin(), w.order.end(), std::size_t{0});
    const std::int64_t* key = w.keys.data();
    std::sort(w.order.begin(), w.order.end(), [key](std::size_t a, std::size_t b) {
        return key[a] > key[b] || (key[a] == key[b] && a < b);
    });
    for (std::size_t pos = 0; pos < n; ++pos) {
        const std::size_t i = w.order[pos];
        if (pos > 0 && key[w.order[pos - 1]] == key[i])
            ranks[i] = ranks[w.order[pos - 1]];
        else
            ranks[i] = static_cast<std::uint32_t>(pos) + 1U;
    }
}

}  // namespace

/// Cloned like the kernel: the 32-bit pairwise compares vectorise 16 wide with AVX-512.
DTIPLAN_KERNEL_CLONES
void count_block(const Compiled& c, Workspace& w, std::size_t lanes) {
    const std::size_t n = c.units;
    const bool small_keys = c.decimals >= 0 && c.decimals <= 9;
    for (std::size_t l = 0; l < lanes; ++l) {
        std::uint32_t* ranks = w.batch.data() + w.batched * n;
        const std::int32_t* keys32 = small_keys ? w.keys32.data() + l * n : nullptr;
        if (!small_keys || !rank_small_keys(w, keys32, n, ranks)) {
            // The general path sorts int64 keys: the lane's own, or its 32-bit ones widened.
            if (small_keys)
                w.keys.assign(keys32, keys32 + n);
            else
                w.keys.assign(w.lane_keys.begin() + static_cast<std::ptrdiff_t>(l * n),
                              w.lane_keys.begin() + static_cast<std::ptrdiff_t>((l + 1) * n));
            rank_general_keys(w, n, ranks);
        }
        if (++w.batched == w.batch_draws) flush_counts(c, w);
    }
}

// Unit by unit: against 3,321 units, adding each draw's ranks as they come touched a cache line
// of a 44 MB matrix per unit and draw, a quarter of the national case's time.
void flush_counts(const Compiled& c, Workspace& w) {
    const std::size_t n = c.units;
    std::uint32_t* counts = w.counts.data();
    const std::uint32_t* ranks = w.batch.data();
    for (std::size_t i = 0; i < n; ++i) {
        std::uint32_t* row = counts + i * n;
        for (std::size_t d = 0; d < w.batched; ++d) ++row[ranks[d * n + i] - 1U];  // from rank 1
    }
    w.batched = 0;
}

}  // namespace dtiplan::detail::sim
