// The rank engine's kernel: the points of every unit for kLanes draws at once, one draw per
// lane (docs/performance.md), and the rank keys of those points. This is the only file built
// with the kernel's flags (-O3 and no floating-point contraction, CMakeLists.txt), so that its
// builds for x86-64, AVX2 and AVX-512 give the same numbers.
//  - Draw i uses stream i of the seed (detail::Rng): the lanes hold the xoshiro256** states of
//    their draws' streams side by side, so "the next number of each stream" is one vector
//    operation. Means, spreads and rules are the same for every lane: broadcast, never gathered.
//  - Normals come from the ziggurat's fast path on the whole vector (kernel_body.hpp); a lane
//    that misses finishes its variate from its own stream, so each lane's sequence is exactly
//    what the scalar ziggurat on Rng(seed, i) gives (score_block_reference checks this bit for
//    bit).
//  - The scoring is compiled once per instruction set (kernel_body.hpp in a `#pragma GCC
//    target` region each) with vectors of that set's native width: eight lanes in one zmm
//    register (its table look-ups by loads, or by gathers where they are fast), four in a ymm
//    (twice per block), two in an xmm (four times). GCC's target_clones of one eight-lane
//    source split the AVX2 build's vectors badly (scalar clamps, store forwarding stalls: 3.1x
//    slower than AVX-512); and only a build for one set can use that set's own instructions
//    (AVX-512's gathers and mask registers, AVX2's movemask).
#include <algorithm>
#include <cstring>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "dtiplan/error.hpp"
#include "dtiplan/score/rank_key.hpp"
#include "dtiplan/score/scoring.hpp"
#include "rank/detail/lanes.hpp"
#include "rank/detail/simulation.hpp"

#if DTIPLAN_KERNEL_ISAS
#include <immintrin.h>
#endif

// ---- the kernel, once per instruction set ----------------------------------------------------

#if DTIPLAN_KERNEL_ISAS
#pragma GCC push_options
#pragma GCC target("avx512f")
// GCC 12's AVX-512 intrinsics start from _mm512_undefined_pd(), which it then reports as maybe
// uninitialised where they are inlined (a false positive: every lane is written).
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
namespace dtiplan::detail::sim::avx512 {
inline constexpr std::size_t W = 8;

/// The compare writes a mask register; testing it is one instruction.
template <class F>
DTIPLAN_INLINE unsigned missed(const F abs_u, const F ratio) noexcept {
    return _mm512_cmp_pd_mask(__m512d(abs_u), __m512d(ratio), _CMP_GE_OQ);
}
// maxpd(a, b) is a > b ? a : b exactly (the second operand when they are equal or unordered).
template <class F>
DTIPLAN_INLINE F vmin(const F a, const F b) noexcept {
    return F(_mm512_min_pd(__m512d(a), __m512d(b)));
}
template <class F>
DTIPLAN_INLINE F vmax(const F a, const F b) noexcept {
    return F(_mm512_max_pd(__m512d(a), __m512d(b)));
}

namespace gather {
/// Two gathers, a table look-up per lane in one instruction each. On processors whose gathers
/// are fast (Sapphire Rapids and later) they beat the loads below by 15-25%; on those with the
/// "Downfall" microcode mitigation (Skylake to Ice Lake) a gather is several times slower.
template <class U, class F>
DTIPLAN_INLINE void lookup(const ZigguratTables& t, const U r, F& width, F& ratio) noexcept {
    const __m512i layer = __m512i(r & kLayerMask);
    width = F(_mm512_i64gather_pd(layer, t.x.data(), 8));
    ratio = F(_mm512_i64gather_pd(layer, t.ratio.data(), 8));
}
#include "rank/detail/kernel_body.hpp"
}  // namespace gather

namespace load {
/// Each lane's (width, ratio) pair in one 16-byte load, two lanes per ymm, four ymm joined into
/// two zmm, then split into widths and ratios by two permutes.
template <class U, class F>
DTIPLAN_INLINE void lookup(const ZigguratTables& t, const U r, F& width, F& ratio) noexcept {
    const double* pairs = t.pairs.data();
    const U at = (r & kLayerMask) * 2U;
    const auto two = [pairs](std::uint64_t a, std::uint64_t b) {
        return _mm256_insertf128_pd(_mm256_castpd128_pd256(_mm_load_pd(pairs + a)),
                                    _mm_load_pd(pairs + b), 1);
    };
    const __m512d lo =
        _mm512_insertf64x4(_mm512_castpd256_pd512(two(at[0], at[1])), two(at[2], at[3]), 1);
    const __m512d hi =
        _mm512_insertf64x4(_mm512_castpd256_pd512(two(at[4], at[5])), two(at[6], at[7]), 1);
    width = F(_mm512_permutex2var_pd(lo, _mm512_setr_epi64(0, 2, 4, 6, 8, 10, 12, 14), hi));
    ratio = F(_mm512_permutex2var_pd(lo, _mm512_setr_epi64(1, 3, 5, 7, 9, 11, 13, 15), hi));
}
#include "rank/detail/kernel_body.hpp"
}  // namespace load
}  // namespace dtiplan::detail::sim::avx512
#pragma GCC diagnostic pop
#pragma GCC pop_options

#pragma GCC push_options
#pragma GCC target("avx2")
namespace dtiplan::detail::sim::avx2 {
inline constexpr std::size_t W = 4;

/// Each lane's (width, ratio) pair in one 16-byte load, two lanes per register, then split by
/// two unpacks (the lanes are paired 0-2 and 1-3 so that the unpacks give them in order). AVX2's
/// gathers measured no faster here and are much slower on processors with the "Downfall"
/// microcode mitigation.
template <class U, class F>
DTIPLAN_INLINE void lookup(const ZigguratTables& t, const U r, F& width, F& ratio) noexcept {
    const double* pairs = t.pairs.data();
    const U at = (r & kLayerMask) * 2U;
    const __m256d a = _mm256_insertf128_pd(_mm256_castpd128_pd256(_mm_load_pd(pairs + at[0])),
                                           _mm_load_pd(pairs + at[2]), 1);
    const __m256d b = _mm256_insertf128_pd(_mm256_castpd128_pd256(_mm_load_pd(pairs + at[1])),
                                           _mm_load_pd(pairs + at[3]), 1);
    width = F(_mm256_unpacklo_pd(a, b));
    ratio = F(_mm256_unpackhi_pd(a, b));
}
template <class F>
DTIPLAN_INLINE unsigned missed(const F abs_u, const F ratio) noexcept {
    return static_cast<unsigned>(_mm256_movemask_pd(__m256d(abs_u >= ratio)));
}
template <class F>
DTIPLAN_INLINE F vmin(const F a, const F b) noexcept {
    return F(_mm256_min_pd(__m256d(a), __m256d(b)));
}
template <class F>
DTIPLAN_INLINE F vmax(const F a, const F b) noexcept {
    return F(_mm256_max_pd(__m256d(a), __m256d(b)));
}
#include "rank/detail/kernel_body.hpp"
}  // namespace dtiplan::detail::sim::avx2
#pragma GCC pop_options
#endif

namespace dtiplan::detail::sim::baseline {
/// Any processor: two lanes per vector (SSE2 on x86-64, NEON on ARM), plain C++ look-ups.
inline constexpr std::size_t W = 2;

template <class U, class F>
DTIPLAN_INLINE void lookup(const ZigguratTables& t, const U r, F& width, F& ratio) noexcept {
    const U layer = r & kLayerMask;
    width = F{t.x[layer[0]], t.x[layer[1]]};
    ratio = F{t.ratio[layer[0]], t.ratio[layer[1]]};
}
template <class F>
DTIPLAN_INLINE unsigned missed(const F abs_u, const F ratio) noexcept {
    return (abs_u[0] >= ratio[0] ? 1U : 0U) | (abs_u[1] >= ratio[1] ? 2U : 0U);
}
template <class F>
DTIPLAN_INLINE F vmin(const F a, const F b) noexcept {
    return a < b ? a : b;
}
template <class F>
DTIPLAN_INLINE F vmax(const F a, const F b) noexcept {
    return a > b ? a : b;
}
#include "rank/detail/kernel_body.hpp"
}  // namespace dtiplan::detail::sim::baseline

namespace dtiplan::detail::sim {

// ---- which build runs ------------------------------------------------------------------------

namespace {

bool runs(SimulationKernel kernel) noexcept {
    switch (kernel) {
        case SimulationKernel::Automatic:
        case SimulationKernel::Baseline: return true;
#if DTIPLAN_KERNEL_ISAS
        case SimulationKernel::Avx2: return __builtin_cpu_supports("avx2") != 0;
        case SimulationKernel::Avx512:
        case SimulationKernel::Avx512Gather: return __builtin_cpu_supports("avx512f") != 0;
#else
        case SimulationKernel::Avx2:
        case SimulationKernel::Avx512:
        case SimulationKernel::Avx512Gather: return false;
#endif
    }
    return false;
}

}  // namespace

std::vector<SimulationKernel> available_kernels() {
    std::vector<SimulationKernel> out;
    for (const SimulationKernel k : {SimulationKernel::Baseline, SimulationKernel::Avx2,
                                     SimulationKernel::Avx512, SimulationKernel::Avx512Gather})
        if (runs(k)) out.push_back(k);
    return out;
}

SimulationKernel resolve_kernel(SimulationKernel requested) {
    if (requested == SimulationKernel::Automatic) {
        // AVX-512 with gathers where they are fast: AVX-512 FP16 stands for "Sapphire Rapids or
        // later", whose gathers are not slowed by the "Downfall" mitigation (docs/performance.md).
#if DTIPLAN_KERNEL_ISAS
        if (runs(SimulationKernel::Avx512))
            return __builtin_cpu_supports("avx512fp16") != 0 ? SimulationKernel::Avx512Gather
                                                             : SimulationKernel::Avx512;
#endif
        return runs(SimulationKernel::Avx2) ? SimulationKernel::Avx2 : SimulationKernel::Baseline;
    }
    if (runs(requested)) return requested;
    std::string names;
    for (const SimulationKernel k : available_kernels())
        names += (names.empty() ? "" : ", ") + std::string(to_string(k));
    throw ValidationError("options.kernel", std::string("the ") + to_string(requested) +
                                                " kernel does not run here (this processor or "
                                                "this build lacks it); available: " +
                                                names);
}

void score_block(const Compiled& c, Lanes& lanes, Workspace& w) {
    switch (c.kernel) {
#if DTIPLAN_KERNEL_ISAS
        case SimulationKernel::Avx512: avx512::load::score_block(c, lanes, w); return;
        case SimulationKernel::Avx512Gather: avx512::gather::score_block(c, lanes, w); return;
        case SimulationKernel::Avx2: avx2::score_block(c, lanes, w); return;
#endif
        default: baseline::score_block(c, lanes, w); return;
    }
}

// ---- the reference path: rule_points on a scalar stream --------------------------------------

void score_block_reference(const Framework& framework, const Compiled& c,
                           const SimulationOptions& options, std::uint64_t first_draw,
                           Workspace& w) {
    std::vector<const Component*> comps;
    for (const auto& main : framework.main_indicators)
        for (const auto& comp : main.components) comps.push_back(&comp);
    std::vector<double> values(c.units * c.slots);
    for (std::size_t l = 0; l < kLanes; ++l) {
        detail::Rng rng(options.seed, first_draw + l);
        for (std::size_t i = 0; i < c.units; ++i)
            for (std::size_t j = 0; j < c.slots; ++j) {
                const std::size_t at = i * c.slots + j;
                const double z = c.random[at] != 0 ? detail::ziggurat_normal(rng) : 0.0;
                values[at] =
                    std::clamp(c.mean[at] + (c.random[at] != 0 ? c.sd[at] * z : 0.0), 0.0, 1.0);
            }
        for (std::size_t i = 0; i < c.units; ++i) {
            double acc = 0.0;
            for (std::size_t pass = 0; pass < 2; ++pass) {
                for (std::size_t j = 0; j < c.slots; ++j) {
                    const Slot& slot = c.slot[j];
                    if ((slot.kind == Kind::Best) != (pass == 1)) continue;
                    const Component& comp = *comps[slot.component];
                    std::optional<double> best;
                    if (slot.kind == Kind::Best) {
                        double b = 0.0;
                        for (std::size_t u = 0; u < c.units; ++u)
                            b = std::max(b, values[u * c.slots + j]);
                        best = b;
                    }
                    const TargetValue* target = nullptr;
                    if (const auto it = options.targets.find(comp.id);
                        it != options.targets.end() && comp.rule.kind == RuleKind::Target)
                        target = &it->second;
                    acc += rule_points(comp.rule, values[i * c.slots + j], comp.max_points, best,
                                       target);
                }
            }
            w.acc[i * kLanes + l] = acc;
        }
    }
}

// ---- the rank keys of a block ----------------------------------------------------------------

DTIPLAN_KERNEL_CLONES
void key_block(const Compiled& c, Workspace& w, std::size_t lanes) {
    const std::size_t n = c.units;
    const double scale = c.total_points > 0.0 ? 1.0 / c.total_points : 0.0;
    const bool small_keys = c.decimals >= 0 && c.decimals <= 9;
    w.keys32.resize(n * kLanes);
    w.lane_keys.resize(n * kLanes);
    for (std::size_t i = 0; i < n; ++i) {
        F64 acc;
        std::memcpy(&acc, w.acc.data() + i * kLanes, sizeof acc);
        const F64 dti = acc * scale;
        // dti_rank_key on every lane, branch-free: round_half_away_scaled of t = dti · 10^4
        // (t >= 0, so truncation is floor; a true compare is -1).
        const F64 t = dti * 1e4;
        const I64 whole = __builtin_convertvector(t, I64);
        const F64 frac = t - __builtin_convertvector(whole, F64);
        const I64 key4 = whole - (frac >= 0.5 - 1e-12 * vmax(t, splat(1.0)));
        for (std::size_t l = 0; l < lanes; ++l) {
            w.key_sum[i] += key4[l];
            w.key_sq_sum[i] += key4[l] * key4[l];
        }
        if (c.decimals == kDtiDecimals) {
            for (std::size_t l = 0; l < kLanes; ++l)
                w.keys32[l * n + i] = static_cast<std::int32_t>(key4[l]);
        } else {
            for (std::size_t l = 0; l < lanes; ++l) {
                const std::int64_t key = rank_key(dti[l], c.decimals);
                if (small_keys)
                    w.keys32[l * n + i] = static_cast<std::int32_t>(key);
                else
                    w.lane_keys[l * n + i] = key;
            }
        }
    }
}

}  // namespace dtiplan::detail::sim
