// The rank engine's kernel: the points of every unit for kLanes draws at once, one draw per
// lane (docs/performance.md), and the rank keys of those points. This is the only file built
// with the kernel's flags (-O3 and no floating-point contraction, CMakeLists.txt), so that its
// clones for x86-64, AVX2 and AVX-512 give the same numbers.
//  - Draw i uses stream i of the seed (detail::Rng): the lanes hold the xoshiro256** states of
//    their draws' streams side by side, so "the next number of each stream" is one vector
//    operation. Means, spreads and rules are the same for every lane: broadcast, never gathered.
//  - Normals come from the ziggurat's fast path on the whole vector (lanes.hpp); a lane that
//    misses finishes its variate from its own stream, so each lane's sequence is exactly what
//    the scalar ziggurat on Rng(seed, i) gives (score_block_reference checks this bit for bit).
#include <algorithm>
#include <cstring>
#include <optional>
#include <vector>

#include "dtiplan/score/rank_key.hpp"
#include "dtiplan/score/scoring.hpp"
#include "rank/detail/lanes.hpp"
#include "rank/detail/simulation.hpp"

namespace dtiplan::detail::sim {

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
