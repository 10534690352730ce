// Everyone's rank at once, the engine's hot loop (docs/rank.md, docs/performance.md).
//
// Why it is built this way:
//  - Draw i uses stream i of the seed (detail::Rng), so the result cannot depend on how draws
//    are spread over threads. To keep that and still use SIMD, a kernel call works on a block
//    of kLanes consecutive draws at once, one draw per lane: the lanes hold the xoshiro256**
//    state of their draws' streams side by side (a structure of arrays seeded by Rng itself),
//    so "the next number of each stream" is one vector operation. Means, spreads and rules are
//    the same for every lane: they are broadcast, never gathered.
//  - Normals come from a 1,024-layer ziggurat (detail/normal.hpp): exact, one draw, one table
//    look-up and one compare 99.57% of the time; a lane that misses finishes its variate from
//    its own stream (out of line) before anything else is drawn from it, so each lane's
//    sequence is exactly what the scalar ziggurat on Rng(seed, i) gives (reference_scoring
//    checks this bit for bit). Deferring the misses to a second stream and a second pass was
//    tried and measured slower: the extra stores cost more than the rare branch.
//  - Rules are compiled into a few branch-free kinds (proportional, yes/no, thresholds for
//    steps and categorical levels, target, relative-to-best) with the proportional components
//    first, because 38 of the built-in framework's 47 components are proportional.
//  - Ranks are competition ranks of integer keys (DTI rounded to 4 decimals): counted pairwise
//    with vector compares for a province, through a histogram of keys for the country.
//  - Each worker keeps its own N × N uint32 count matrix (no sharing, no atomics in the loop);
//    they are added at the end, in integers, so the sum is the same in any order.
// The kernel is compiled for x86-64-v1, AVX2 and AVX-512 (function multiversioning, picked at
// load time), because the wheel must run anywhere; results are identical on all three since
// floating-point contraction is off for this file.
#include "dtiplan/rank/simulate_ranks.hpp"

#include <algorithm>
#include <array>
#include <atomic>
#include <chrono>
#include <cmath>
#include <condition_variable>
#include <cstring>
#include <exception>
#include <limits>
#include <mutex>
#include <numeric>
#include <string>
#include <thread>

#include "dtiplan/detail/random.hpp"
#include "dtiplan/error.hpp"
#include "dtiplan/rank/detail/normal.hpp"
#include "dtiplan/score/scoring.hpp"

#if defined(__GNUC__) && !defined(__clang__) && defined(__x86_64__) && defined(__linux__) && \
    !defined(DTIPLAN_NO_MULTIVERSIONING) && !defined(__SANITIZE_ADDRESS__)
#define DTIPLAN_KERNEL_CLONES __attribute__((target_clones("avx512f", "avx2", "default")))
#else
#define DTIPLAN_KERNEL_CLONES
#endif
#if defined(__GNUC__)
#define DTIPLAN_INLINE inline __attribute__((always_inline))
#else
#define DTIPLAN_INLINE inline
#endif

// The kernel's vector types are passed between always-inlined functions of this file only;
// GCC's note that their ABI differs without AVX-512 does not concern us.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wpsabi"
#endif

namespace dtiplan {
namespace {

constexpr std::size_t kLanes = 8;  ///< draws per kernel block

// ---- the compiled model ----------------------------------------------------------------------

enum class Kind : std::uint8_t { Proportional, YesNo, Thresholds, Target, Best };

/// One component as the kernel scores it.
struct Slot {
    Kind kind = Kind::Proportional;
    double max_points = 0.0;
    std::uint32_t first_threshold = 0;  ///< Thresholds: range in Compiled::thresholds
    std::uint32_t threshold_count = 0;
    double goal = 1.0;  ///< Target: the target as a fraction
    Comparator comparator = Comparator::AtLeast;
    std::uint32_t best_index = 0;  ///< Best: its column in the best buffers
    std::size_t component = 0;     ///< index in framework order
};

struct Threshold {
    double at = 0.0;      ///< the value from which these points are earned (tolerance included)
    double points = 0.0;  ///< clamped to 0..max
};

struct Compiled {
    std::size_t units = 0;
    std::size_t slots = 0;  ///< K
    std::size_t proportional = 0;  ///< slots [0, proportional) are Proportional
    std::vector<Slot> slot;
    std::vector<Threshold> thresholds;
    std::vector<double> mean;  ///< units × slots, slot order
    std::vector<double> sd;
    std::vector<std::uint8_t> random;  ///< units × slots: 1 when sd > 0 (a normal is drawn)
    std::size_t best_count = 0;
    double total_points = 0.0;
    int decimals = 4;
};

Compiled compile(const Framework& framework, const ComponentModel& model,
                 const SimulationOptions& options) {
    Compiled c;
    c.units = model.units.size();
    c.decimals = options.decimals;
    std::vector<Slot> first;
    std::vector<Slot> rest;
    std::size_t index = 0;
    for (const auto& main : framework.main_indicators) {
        for (const auto& comp : main.components) {
            Slot s;
            s.component = index++;
            s.max_points = comp.max_points > 0.0 ? comp.max_points : 0.0;
            c.total_points += comp.max_points;
            const ScoringRule& rule = comp.rule;
            switch (rule.kind) {
                case RuleKind::Proportional: s.kind = Kind::Proportional; break;
                case RuleKind::YesNo: s.kind = Kind::YesNo; break;
                case RuleKind::Steps:
                case RuleKind::Categorical: {
                    // Both are "the points of the highest threshold reached". Steps are matched
                    // within 1e-9 (rule_points: value >= threshold - 1e-9); a categorical value
                    // that matches a level within 1e-9 takes it, else the level below: the same
                    // as thresholds at level - 1e-9.
                    std::vector<Threshold> list;
                    if (rule.kind == RuleKind::Steps) {
                        for (const auto& st : rule.steps)
                            list.push_back({st.threshold - TargetValue::kTolerance,
                                            std::clamp(st.points, 0.0, s.max_points)});
                    } else {
                        for (const auto& lv : rule.levels)
                            list.push_back({lv.value - TargetValue::kTolerance,
                                            std::clamp(lv.share * s.max_points, 0.0, s.max_points)});
                    }
                    std::stable_sort(list.begin(), list.end(),
                                     [](const Threshold& a, const Threshold& b) { return a.at > b.at; });
                    s.kind = Kind::Thresholds;
                    s.first_threshold = static_cast<std::uint32_t>(c.thresholds.size());
                    s.threshold_count = static_cast<std::uint32_t>(list.size());
                    c.thresholds.insert(c.thresholds.end(), list.begin(), list.end());
                    break;
                }
                case RuleKind::RelativeToBest:
                    s.kind = Kind::Best;
                    s.best_index = static_cast<std::uint32_t>(c.best_count++);
                    break;
                case RuleKind::Target:
                    if (const auto it = options.targets.find(comp.id); it != options.targets.end()) {
                        s.kind = Kind::Target;
                        s.goal = it->second.as_fraction();
                        s.comparator = it->second.comparator;
                    } else {
                        s.kind = Kind::Proportional;  // rule_points without a target: 100%
                    }
                    break;
            }
            (s.kind == Kind::Proportional ? first : rest).push_back(s);
        }
    }
    c.proportional = first.size();
    c.slot = first;
    c.slot.insert(c.slot.end(), rest.begin(), rest.end());
    c.slots = c.slot.size();
    c.mean.resize(c.units * c.slots);
    c.sd.resize(c.units * c.slots);
    c.random.resize(c.units * c.slots);
    for (std::size_t i = 0; i < c.units; ++i) {
        for (std::size_t j = 0; j < c.slots; ++j) {
            const auto k = static_cast<Eigen::Index>(c.slot[j].component);
            const auto r = static_cast<Eigen::Index>(i);
            c.mean[i * c.slots + j] = model.mean(r, k);
            c.sd[i * c.slots + j] = model.sd(r, k);
            c.random[i * c.slots + j] = model.sd(r, k) > 0.0 ? 1 : 0;
        }
    }
    return c;
}

// ---- vectors of lanes --------------------------------------------------------------------------

// Vectors of kLanes values (GCC/Clang vector extensions): one zmm register with AVX-512, two
// ymm with AVX2, four xmm otherwise, chosen by the compiler for each clone of the kernel.
using U64 = std::uint64_t __attribute__((vector_size(kLanes * 8)));
using I64 = std::int64_t __attribute__((vector_size(kLanes * 8)));
using F64 = double __attribute__((vector_size(kLanes * 8)));
using F2 = double __attribute__((vector_size(16)));
using F4 = double __attribute__((vector_size(32)));

[[nodiscard]] DTIPLAN_INLINE F64 splat(double x) noexcept { return F64{} + x; }
[[nodiscard]] DTIPLAN_INLINE F64 vmin(const F64& a, const F64& b) noexcept { return a < b ? a : b; }
[[nodiscard]] DTIPLAN_INLINE F64 vmax(const F64& a, const F64& b) noexcept { return a > b ? a : b; }
[[nodiscard]] DTIPLAN_INLINE F64 clamp01(const F64& x) noexcept {
    return vmin(vmax(x, splat(0.0)), splat(1.0));
}

// ---- per-thread work space -------------------------------------------------------------------

struct Workspace {
    explicit Workspace(const Compiled& c)
        : acc(c.units * kLanes),
          best_values(c.best_count * c.units * kLanes),
          keys(c.units),
          counts(c.units * c.units, 0U),
          key_sum(c.units, 0),
          key_sq_sum(c.units, 0) {}
    std::vector<double> acc;          ///< units × lanes: points (lane fastest)
    std::vector<double> best_values;  ///< best slots × units × lanes: values
    std::vector<std::int64_t> keys;       ///< one lane's keys (general ranking)
    std::vector<std::int64_t> lane_keys;  ///< lanes × units: keys that do not fit 32 bits
    std::vector<std::int32_t> keys32;     ///< lanes × units: keys
    std::vector<std::int32_t> histogram;
    std::vector<std::uint32_t> ranks;
    std::vector<std::uint32_t> counts;       ///< units × units: counts[i * N + r - 1]
    std::vector<std::int64_t> key_sum;       ///< Σ of 4-decimal keys per unit
    std::vector<std::int64_t> key_sq_sum;    ///< Σ of their squares
    std::vector<std::size_t> order;
};

// ---- the lanes' random streams ---------------------------------------------------------------

/// The xoshiro256** states of kLanes streams side by side: lane l is Rng(seed, first + l).
struct alignas(64) Lanes {
    U64 s0;
    U64 s1;
    U64 s2;
    U64 s3;

    void seed(std::uint64_t seed, std::uint64_t first_draw) noexcept {
        for (std::size_t l = 0; l < kLanes; ++l) {
            const auto s = detail::rng_state(seed, first_draw + l);
            s0[l] = s[0];
            s1[l] = s[1];
            s2[l] = s[2];
            s3[l] = s[3];
        }
    }
    /// One lane's next number (the rare slow path of the ziggurat).
    [[nodiscard]] std::uint64_t next(std::size_t l) noexcept {
        std::uint64_t a = s0[l];
        std::uint64_t b = s1[l];
        std::uint64_t c = s2[l];
        std::uint64_t d = s3[l];
        const std::uint64_t r = detail::xoshiro_next(a, b, c, d);
        s0[l] = a;
        s1[l] = b;
        s2[l] = c;
        s3[l] = d;
        return r;
    }
};

/// The rare part: finish the variates of the lanes that missed the fast test, each from its
/// own stream, before anything else is drawn from it. Out of line: the hot loop stays small.
__attribute__((noinline)) void finish_missed_lanes(Lanes& st, const std::uint64_t* r,
                                                   const std::int64_t* miss, double* z) noexcept {
    for (std::size_t l = 0; l < kLanes; ++l)
        if (miss[l] != 0) z[l] = detail::ziggurat_slow(r[l], [&st, l] { return st.next(l); });
}

/// The states as the kernel holds them: four vectors, by value.
struct LaneState {
    U64 s0;
    U64 s1;
    U64 s2;
    U64 s3;
};

/// kLanes standard normals, one from each lane's stream: the ziggurat's fast path on the whole
/// vector (layer from the low 10 bits, a uniform in [-1, 1) from the high 52), then, for a lane
/// that missed it, the exact slow path on that lane's stream before it draws anything else.
[[nodiscard]] DTIPLAN_INLINE F64 lane_normals(LaneState& st, const double* pairs) noexcept {
    const U64 x = (st.s1 << 2U) + st.s1;  // × 5
    const U64 rot = (x << 7U) | (x >> 57U);
    const U64 r = (rot << 3U) + rot;  // × 9
    const U64 sh = st.s1 << 17U;
    st.s2 ^= st.s0;
    st.s3 ^= st.s1;
    st.s1 ^= st.s2;
    st.s0 ^= st.s3;
    st.s2 ^= sh;
    st.s3 = (st.s3 << 45U) | (st.s3 >> 19U);

    const U64 layer = r & detail::kLayerMask;
    const F64 u = F64((r >> 12U) | 0x3FF0000000000000ULL) * 2.0 - 3.0;
    // (x, ratio) of each lane's layer: one 16-byte load per lane, then two permutes split the
    // pairs into the width and ratio vectors.
    alignas(64) std::uint64_t index[kLanes];
    std::memcpy(index, &layer, sizeof index);
    F2 p[kLanes];
    for (std::size_t l = 0; l < kLanes; ++l) std::memcpy(&p[l], pairs + 2 * index[l], sizeof(F2));
    const F4 a = __builtin_shufflevector(p[0], p[1], 0, 1, 2, 3);
    const F4 b = __builtin_shufflevector(p[2], p[3], 0, 1, 2, 3);
    const F4 c = __builtin_shufflevector(p[4], p[5], 0, 1, 2, 3);
    const F4 d = __builtin_shufflevector(p[6], p[7], 0, 1, 2, 3);
    const F64 lo = __builtin_shufflevector(a, b, 0, 1, 2, 3, 4, 5, 6, 7);
    const F64 hi = __builtin_shufflevector(c, d, 0, 1, 2, 3, 4, 5, 6, 7);
    const F64 width = __builtin_shuffle(lo, hi, I64{0, 2, 4, 6, 8, 10, 12, 14});
    const F64 ratio = __builtin_shuffle(lo, hi, I64{1, 3, 5, 7, 9, 11, 13, 15});
    F64 z = u * width;
    const F64 abs_u = F64(U64(u) & 0x7FFFFFFFFFFFFFFFULL);
    const I64 miss = abs_u >= ratio;  // -1 where the fast test failed
    // Any lane missed? An OR across lanes in three shuffles (a loop of lane compares was
    // measured slower).
    I64 any = miss;
    any |= __builtin_shuffle(any, I64{4, 5, 6, 7, 0, 1, 2, 3});
    any |= __builtin_shuffle(any, I64{2, 3, 0, 1, 6, 7, 4, 5});
    any |= __builtin_shuffle(any, I64{1, 0, 3, 2, 5, 4, 7, 6});
    if (any[0] != 0) [[unlikely]] {
        Lanes spill{st.s0, st.s1, st.s2, st.s3};
        alignas(64) std::uint64_t rr[kLanes];
        alignas(64) std::int64_t mm[kLanes];
        alignas(64) double zz[kLanes];
        std::memcpy(rr, &r, sizeof rr);
        std::memcpy(mm, &miss, sizeof mm);
        std::memcpy(zz, &z, sizeof zz);
        finish_missed_lanes(spill, rr, mm, zz);
        std::memcpy(&z, zz, sizeof zz);
        st = LaneState{spill.s0, spill.s1, spill.s2, spill.s3};
    }
    return z;
}

// ---- the kernel: points of every unit for kLanes draws ---------------------------------------

DTIPLAN_KERNEL_CLONES
void score_block(const Compiled& c, Lanes& lanes, Workspace& w) {
    const std::size_t K = c.slots;
    const std::size_t P = c.proportional;
    LaneState st{lanes.s0, lanes.s1, lanes.s2, lanes.s3};
    const double* pairs = detail::ziggurat_tables().pairs.data();
    for (std::size_t i = 0; i < c.units; ++i) {
        const double* mean = c.mean.data() + i * K;
        const double* sd = c.sd.data() + i * K;
        const std::uint8_t* random = c.random.data() + i * K;
        F64 acc = splat(0.0);
        for (std::size_t j = 0; j < P; ++j) {
            const double mx = c.slot[j].max_points;
            if (random[j] != 0)
                acc += clamp01(mean[j] + sd[j] * lane_normals(st, pairs)) * mx;
            else
                acc += std::clamp(mean[j], 0.0, 1.0) * mx;
        }
        for (std::size_t j = P; j < K; ++j) {
            const Slot& slot = c.slot[j];
            const F64 v = random[j] != 0 ? clamp01(mean[j] + sd[j] * lane_normals(st, pairs))
                                         : splat(std::clamp(mean[j], 0.0, 1.0));
            const double mx = slot.max_points;
            switch (slot.kind) {
                case Kind::Proportional: acc += v * mx; break;
                case Kind::YesNo: acc += v >= 0.5 ? splat(mx) : splat(0.0); break;
                case Kind::Thresholds: {
                    const Threshold* th = c.thresholds.data() + slot.first_threshold;
                    F64 pts = splat(0.0);
                    I64 done = I64{} + 0;
                    for (std::uint32_t q = 0; q < slot.threshold_count; ++q) {
                        const I64 hit = (v >= th[q].at) & ~done;
                        pts = hit ? splat(th[q].points) : pts;
                        done |= hit;
                    }
                    acc += pts;
                    break;
                }
                case Kind::Target: {
                    constexpr double tol = TargetValue::kTolerance;
                    I64 met = I64{} + 0;
                    switch (slot.comparator) {
                        case Comparator::AtLeast: met = v >= slot.goal - tol; break;
                        case Comparator::Above: met = v > slot.goal + tol; break;
                        case Comparator::Exactly:
                            met = (v >= slot.goal - tol) & (v <= slot.goal + tol);
                            break;
                    }
                    const F64 partial = slot.goal > 0.0
                                            ? clamp01(vmin(v / slot.goal, splat(1.0 - 1e-9))) * mx
                                            : splat(0.0);
                    acc += met ? splat(mx) : partial;
                    break;
                }
                case Kind::Best: {
                    double* out = w.best_values.data() + (slot.best_index * c.units + i) * kLanes;
                    std::memcpy(out, &v, sizeof v);
                    break;
                }
            }
        }
        std::memcpy(w.acc.data() + i * kLanes, &acc, sizeof acc);
    }
    lanes.s0 = st.s0;
    lanes.s1 = st.s1;
    lanes.s2 = st.s2;
    lanes.s3 = st.s3;
    // Relative to the best unit of each draw.
    for (std::size_t j = P; j < K; ++j) {
        const Slot& slot = c.slot[j];
        if (slot.kind != Kind::Best) continue;
        const double* vals = w.best_values.data() + slot.best_index * c.units * kLanes;
        F64 best = splat(0.0);
        for (std::size_t i = 0; i < c.units; ++i) {
            F64 v;
            std::memcpy(&v, vals + i * kLanes, sizeof v);
            best = vmax(best, v);
        }
        const F64 positive = F64(best > 0.0 ? U64{} + ~std::uint64_t{0} : U64{});
        const F64 safe_best = best > 0.0 ? best : splat(1.0);
        const double mx = slot.max_points;
        for (std::size_t i = 0; i < c.units; ++i) {
            F64 v;
            F64 acc;
            std::memcpy(&v, vals + i * kLanes, sizeof v);
            std::memcpy(&acc, w.acc.data() + i * kLanes, sizeof acc);
            const F64 pts = vmin(v / safe_best, splat(1.0)) * mx;
            acc += F64(U64(pts) & U64(positive));
            std::memcpy(w.acc.data() + i * kLanes, &acc, sizeof acc);
        }
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
                values[at] = std::clamp(c.mean[at] + (c.random[at] != 0 ? c.sd[at] * z : 0.0),
                                        0.0, 1.0);
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
                    acc += rule_points(comp.rule, values[i * c.slots + j], comp.max_points,
                                       best, target);
                }
            }
            w.acc[i * kLanes + l] = acc;
        }
    }
}

// ---- ranking one draw ------------------------------------------------------------------------

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
            w.ranks[i] = static_cast<std::uint32_t>(w.histogram[static_cast<std::size_t>(k[i] - lo)]) + 1U;
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

/// Rank the first `lanes` lanes of a scored block and count each unit's rank. Cloned like the
/// kernel: the pairwise compares of a province vectorise 16 wide with AVX-512.
DTIPLAN_KERNEL_CLONES
void count_block(const Compiled& c, Workspace& w, std::size_t lanes) {
    const std::size_t n = c.units;
    const double scale = c.total_points > 0.0 ? 1.0 / c.total_points : 0.0;
    const bool small_keys = c.decimals >= 0 && c.decimals <= 9;
    w.keys32.resize(n * kLanes);
    w.lane_keys.resize(n * kLanes);
    for (std::size_t i = 0; i < n; ++i) {
        F64 acc;
        std::memcpy(&acc, w.acc.data() + i * kLanes, sizeof acc);
        const F64 dti = acc * scale;
        // rank_key(dti, 4) on every lane: floor(x · 10^4 + 0.5), x >= 0 so truncation is floor.
        const I64 key4 = __builtin_convertvector(dti * 1e4 + 0.5, I64);
        for (std::size_t l = 0; l < lanes; ++l) {
            w.key_sum[i] += key4[l];
            w.key_sq_sum[i] += key4[l] * key4[l];
        }
        if (c.decimals == 4) {
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
    std::uint32_t* counts = w.counts.data();
    for (std::size_t l = 0; l < lanes; ++l) {
        w.ranks.clear();
        if (small_keys) rank_small_keys(w, w.keys32.data() + l * n, n);
        if (w.ranks.empty()) {
            if (!small_keys) w.keys.assign(w.lane_keys.begin() + static_cast<std::ptrdiff_t>(l * n),
                                           w.lane_keys.begin() + static_cast<std::ptrdiff_t>((l + 1) * n));
            rank_general_keys(w, n);
        }
        for (std::size_t i = 0; i < n; ++i) ++counts[i * n + w.ranks[i] - 1U];
    }
}

// ---- threads ---------------------------------------------------------------------------------

struct Shared {
    Shared(const Framework& f, const Compiled& c, const SimulationOptions& o)
        : framework(f), compiled(c), options(o) {}
    const Framework& framework;
    const Compiled& compiled;
    const SimulationOptions& options;
    std::size_t blocks = 0;
    std::size_t chunk = 1;  ///< blocks per task
    std::atomic<std::size_t> next_block{0};
    std::atomic<std::size_t> done_draws{0};
    std::atomic<bool> stop{false};
    std::mutex mutex;
    std::condition_variable finished_cv;
    std::size_t finished = 0;
    std::exception_ptr error;
};

/// Take tasks until none are left; returns false when told to stop.
bool run_tasks(Shared& sh, Workspace& w, const std::function<void()>& between_tasks) {
    const Compiled& c = sh.compiled;
    const std::size_t draws = sh.options.draws;
    Lanes lanes{};
    while (!sh.stop.load(std::memory_order_relaxed)) {
        const std::size_t first = sh.next_block.fetch_add(sh.chunk, std::memory_order_relaxed);
        if (first >= sh.blocks) return true;
        const std::size_t last = std::min(first + sh.chunk, sh.blocks);
        for (std::size_t b = first; b < last; ++b) {
            const std::size_t d0 = b * kLanes;
            const std::size_t real = std::min(kLanes, draws - d0);
            if (sh.options.reference_scoring) {
                score_block_reference(sh.framework, c, sh.options, d0, w);
            } else {
                lanes.seed(sh.options.seed, d0);
                score_block(c, lanes, w);
            }
            count_block(c, w, real);
            sh.done_draws.fetch_add(real, std::memory_order_relaxed);
        }
        if (between_tasks) between_tasks();
    }
    return false;
}

UnitRankSummary summarize_unit(const std::string& unit, const RankDistribution& d, int top,
                               std::int64_t key_sum, std::int64_t key_sq_sum,
                               std::size_t draws) {
    UnitRankSummary s;
    s.unit = unit;
    s.expected_rank = d.expected();
    s.rank_sd = d.sd();
    s.median_rank = d.quantile(0.5);
    s.p05_rank = d.quantile(0.05);
    s.p95_rank = d.quantile(0.95);
    s.prob_top = d.prob_top(top);
    s.prob_top_standard_error = d.prob_top_standard_error(top);
    const auto n = static_cast<double>(draws);
    const double mean_key = static_cast<double>(key_sum) / n;
    const double var_key = std::max(0.0, static_cast<double>(key_sq_sum) / n - mean_key * mean_key);
    s.mean_dti = mean_key * 1e-4;
    s.sd_dti = std::sqrt(var_key * n / std::max(1.0, n - 1.0)) * 1e-4;
    return s;
}

}  // namespace

RankDistribution RankSimulation::distribution(std::size_t unit) const {
    if (unit >= units.size())
        throw ValidationError("unit", "no unit " + std::to_string(unit) + " (there are " +
                                          std::to_string(units.size()) + ")");
    RankDistribution d;
    d.method = RankMethod::MonteCarlo;
    d.draws = draws;
    d.pmf.resize(units.size());
    for (std::size_t r = 0; r < units.size(); ++r)
        d.pmf[r] = probabilities(static_cast<Eigen::Index>(unit), static_cast<Eigen::Index>(r));
    return d;
}

double RankSimulation::standard_error(std::size_t unit, int rank) const noexcept {
    if (unit >= units.size() || rank < 1 || static_cast<std::size_t>(rank) > units.size() ||
        draws == 0)
        return 0.0;
    const double p =
        probabilities(static_cast<Eigen::Index>(unit), static_cast<Eigen::Index>(rank - 1));
    return std::sqrt(std::max(0.0, p * (1.0 - p)) / static_cast<double>(draws));
}

RankSimulation simulate_ranks(const Framework& framework, const ComponentModel& model,
                              const SimulationOptions& options, const ProgressCallback& progress) {
    validate_component_model(model, framework);
    if (options.draws < 1) throw ValidationError("options.draws", "expected at least 1 draw");
    if (options.draws > std::numeric_limits<std::uint32_t>::max())
        throw ValidationError("options.draws",
                              "at most 4294967295 draws (counts are 32-bit per thread)");
    if (options.top < 1)
        throw ValidationError("options.top", "expected k >= 1, found " + std::to_string(options.top));
    if (options.decimals > 15)
        throw ValidationError("options.decimals",
                              "expected -1 (exact) or 0..15 decimals, found " +
                                  std::to_string(options.decimals));
    for (const auto& [id, target] : options.targets) {
        const Component* comp = framework.find_component(id);
        if (comp == nullptr || comp->rule.kind != RuleKind::Target)
            throw ValidationError("options.targets[\"" + id + "\"]",
                                  "not a component of framework \"" + framework.id +
                                      "\" with a target rule");
    }

    const Compiled compiled = compile(framework, model, options);
    const std::size_t n = compiled.units;

    std::size_t threads = options.threads != 0 ? options.threads
                                               : std::max(1U, std::thread::hardware_concurrency());
    Shared sh(framework, compiled, options);
    sh.blocks = (options.draws + kLanes - 1) / kLanes;
    threads = std::max<std::size_t>(1, std::min(threads, sh.blocks));
    // Each thread keeps an N × N count matrix: at most 2 GiB of them (46 threads for the
    // country's 3,321 units; no limit that matters for a province).
    const std::size_t matrix_bytes = std::max<std::size_t>(1, n * n * sizeof(std::uint32_t));
    threads = std::min(threads, std::max<std::size_t>(1, (std::size_t{2} << 30U) / matrix_bytes));
    // Tasks of about 1/256 of the draws: fine enough to balance threads and report progress.
    sh.chunk = std::max<std::size_t>(1, sh.blocks / 256);

    std::vector<Workspace> spaces;
    spaces.reserve(threads);
    for (std::size_t t = 0; t < threads; ++t) spaces.emplace_back(compiled);

    // Progress: reported by this (the caller's) thread only.
    const std::size_t total = options.draws;
    const std::size_t step = std::max<std::size_t>(1, total / 100);
    std::size_t next_report = step;
    std::size_t last_reported = 0;
    bool cancelled = false;
    const auto report = [&](bool final) {
        if (!progress || cancelled) return;
        const std::size_t done = sh.done_draws.load(std::memory_order_relaxed);
        if (done == last_reported) return;
        if (!final && done < next_report) return;
        if (final && done < total) return;
        next_report = (done / step + 1) * step;
        last_reported = done;
        if (!progress(done, total)) {
            cancelled = true;
            sh.stop.store(true);
        }
    };

    std::vector<std::thread> workers;
    workers.reserve(threads - 1);
    std::size_t expected_workers = 0;
    try {
        for (std::size_t t = 1; t < threads; ++t) {
            workers.emplace_back([&sh, &spaces, t] {
                try {
                    run_tasks(sh, spaces[t], {});
                } catch (...) {
                    std::lock_guard lock(sh.mutex);
                    if (!sh.error) sh.error = std::current_exception();
                    sh.stop.store(true);
                }
                std::lock_guard lock(sh.mutex);
                ++sh.finished;
                sh.finished_cv.notify_all();
            });
            ++expected_workers;
        }
    } catch (...) {  // a thread could not be started: stop the ones that were
        sh.stop.store(true);
        for (auto& t : workers) t.join();
        throw;
    }
    std::exception_ptr caller_error;
    try {
        run_tasks(sh, spaces[0], [&] { report(false); });
        std::unique_lock lock(sh.mutex);
        while (sh.finished < expected_workers) {
            sh.finished_cv.wait_for(lock, std::chrono::milliseconds(20));
            lock.unlock();
            report(false);
            lock.lock();
        }
    } catch (...) {
        caller_error = std::current_exception();
        sh.stop.store(true);
    }
    for (auto& t : workers) t.join();
    if (caller_error) std::rethrow_exception(caller_error);
    if (sh.error) std::rethrow_exception(sh.error);
    if (cancelled) throw SimulationCancelled();

    // Add the workers' counts into the first's: integers, so the sum is the same in any order,
    // and they fit 32 bits since there are at most 2^32 - 1 draws in all.
    std::vector<std::uint32_t>& counts = spaces.front().counts;
    std::vector<std::int64_t> key_sum(n, 0);
    std::vector<std::int64_t> key_sq_sum(n, 0);
    for (std::size_t t = 0; t < spaces.size(); ++t) {
        Workspace& w = spaces[t];
        if (t > 0) {
            for (std::size_t x = 0; x < n * n; ++x) counts[x] += w.counts[x];
            std::vector<std::uint32_t>().swap(w.counts);
        }
        for (std::size_t i = 0; i < n; ++i) {
            key_sum[i] += w.key_sum[i];
            key_sq_sum[i] += w.key_sq_sum[i];
        }
    }

    RankSimulation out;
    out.units = model.units;
    out.draws = options.draws;
    out.seed = options.seed;
    out.decimals = options.decimals;
    out.top = options.top;
    out.illustrative = model.illustrative;
    out.summaries.reserve(n);
    std::vector<std::uint64_t> row(n);
    for (std::size_t i = 0; i < n; ++i) {
        std::copy(counts.begin() + static_cast<std::ptrdiff_t>(i * n),
                  counts.begin() + static_cast<std::ptrdiff_t>((i + 1) * n), row.begin());
        out.summaries.push_back(summarize_unit(model.units[i], rank_distribution_from_counts(row),
                                               options.top, key_sum[i], key_sq_sum[i],
                                               options.draws));
    }
    // Row-major counts into the column-major matrix, in tiles (a plain transpose of a 3,321²
    // matrix would miss the cache on every element).
    out.probabilities.resize(static_cast<Eigen::Index>(n), static_cast<Eigen::Index>(n));
    const double inv = 1.0 / static_cast<double>(options.draws);
    constexpr std::size_t kTile = 64;
    double* dst = out.probabilities.data();
    for (std::size_t i0 = 0; i0 < n; i0 += kTile)
        for (std::size_t r0 = 0; r0 < n; r0 += kTile)
            for (std::size_t r = r0; r < std::min(n, r0 + kTile); ++r)
                for (std::size_t i = i0; i < std::min(n, i0 + kTile); ++i)
                    dst[r * n + i] = static_cast<double>(counts[i * n + r]) * inv;
    spaces.clear();
    report(true);  // the work is done: a "stop" now changes nothing
    return out;
}

}  // namespace dtiplan
