// The rank engine's kernel for one instruction set (docs/performance.md). simulation_kernel.cpp
// includes this file once per set, each time inside that set's `#pragma GCC target` region and
// its own namespace, after defining W, the lanes of one vector (8 with AVX-512, 4 with AVX2, 2
// otherwise), and the operations that differ between sets, as templates over the vectors of W
// lanes defined below (defined in the region, so their instances get its instructions too):
//   lookup(t, r, x, q) each lane's ziggurat layer (the low 10 bits of r) in the tables t: its
//                     width x and the share q of it that lies wholly under the curve;
//   missed(a, q)      the lanes (one bit each) where |u| = a fails the fast test a < q;
//   vmin, vmax        a < b ? a : b and a > b ? a : b, lane by lane (GCC 12 does not turn the
//                     generic select into the min and max instructions: two operations each).
// Everything else is the same code for every set, so the sets give the same numbers bit for
// bit (tests/cpp/rank/simulate_ranks_test.cpp runs each one this machine has).
// No include guard: it is meant to be included more than once.

using U = std::uint64_t __attribute__((vector_size(W * 8)));
using I = std::int64_t __attribute__((vector_size(W * 8)));
using F = double __attribute__((vector_size(W * 8)));

/// The xoshiro256** states of W lanes, in vector registers while the kernel runs.
struct State {
    U s0;
    U s1;
    U s2;
    U s3;
};

/// x in every lane: a broadcast (from memory where x is read from memory). `F{} + x` is not one:
/// 0.0 + x is an addition (it makes -0.0 +0.0), done before broadcasting.
template <std::size_t... L>
[[nodiscard]] DTIPLAN_INLINE F splat_lanes(double x, std::index_sequence<L...> /*lanes*/) noexcept {
    return F{((void)L, x)...};
}
[[nodiscard]] DTIPLAN_INLINE F splat(double x) noexcept {
    return splat_lanes(x, std::make_index_sequence<W>{});
}
[[nodiscard]] DTIPLAN_INLINE F clamp01(const F& x) noexcept {
    return vmin(vmax(x, splat(0.0)), splat(1.0));
}

/// The lanes that missed the fast test: finish their variates from their own streams (spilled to
/// memory for the out-of-line scalar code, then read back).
DTIPLAN_INLINE void finish(const ZigguratTables& t, State& st, const U& r, unsigned lanes_missed,
                           F& z) noexcept {
    // Through a copy of the state: taking the address of st itself would keep it in memory on
    // the fast path too (measured: a fifth slower).
    State copy = st;
    static_assert(sizeof(State) == 4 * W * sizeof(std::uint64_t));
    alignas(64) std::uint64_t s[4 * W];
    alignas(64) std::uint64_t rr[W];
    alignas(64) double zz[W];
    std::memcpy(s, &copy, sizeof copy);
    std::memcpy(rr, &r, sizeof rr);
    std::memcpy(zz, &z, sizeof zz);
    finish_missed_lanes(t, s, W, rr, lanes_missed, zz);
    std::memcpy(&copy, s, sizeof copy);
    std::memcpy(&z, zz, sizeof zz);
    st = copy;
}

/// W standard normals, one from each lane's stream: one xoshiro256** step on every lane, the
/// ziggurat's fast path on the whole vector, and for a lane that missed it the exact slow path
/// on that lane's stream before it draws anything else. Exactly detail::ziggurat_normal's
/// variates on Rng(seed, draw).
[[nodiscard]] DTIPLAN_INLINE F normals(State& st, const ZigguratTables& t) noexcept {
    const U x = (st.s1 << 2U) + st.s1;  // × 5
    const U rot = (x << 7U) | (x >> 57U);
    const U r = (rot << 3U) + rot;  // × 9
    const U sh = st.s1 << 17U;
    st.s2 ^= st.s0;
    st.s3 ^= st.s1;
    st.s1 ^= st.s2;
    st.s0 ^= st.s3;
    st.s2 ^= sh;
    st.s3 = (st.s3 << 45U) | (st.s3 >> 19U);

    // zig_signed_uniform: 2 d - 3 for d in [1, 2) from the high 52 bits. The same bits with the
    // exponent of [2, 4) are 2 d exactly, so one operation less gives the same number.
    const F u = F((r >> 12U) | 0x4000000000000000ULL) - 3.0;
    F width;
    F ratio;
    lookup(t, r, width, ratio);
    F z = u * width;
    const F abs_u = F(U(u) & 0x7FFFFFFFFFFFFFFFULL);
    if (const unsigned m = missed(abs_u, ratio); m != 0) [[unlikely]]
        finish(t, st, r, m, z);
    return z;
}

/// The points of every unit for the W draws in lanes [first, first + W) of the block, into w.acc
/// (units × kLanes, lane fastest).
inline void score_lanes(const Compiled& c, Lanes& lanes, Workspace& w, std::size_t first) {
    const std::size_t K = c.slots;
    const std::size_t P = c.proportional;
    const ZigguratTables& t = ziggurat_tables();  // once: a function's static is checked per call
    State st;
    std::memcpy(&st.s0, lanes.s[0] + first, sizeof(U));
    std::memcpy(&st.s1, lanes.s[1] + first, sizeof(U));
    std::memcpy(&st.s2, lanes.s[2] + first, sizeof(U));
    std::memcpy(&st.s3, lanes.s[3] + first, sizeof(U));
    for (std::size_t i = 0; i < c.units; ++i) {
        const double* mean = c.mean.data() + i * K;
        const double* sd = c.sd.data() + i * K;
        const std::uint8_t* random = c.random.data() + i * K;
        F acc = splat(0.0);
        for (std::size_t j = 0; j < P; ++j) {
            // Both branches in vectors, so that the mean and the maximum are broadcast from
            // memory (a load) rather than loaded once and broadcast from a register (an
            // operation on a vector port, which the kernel is short of). clamp01 of a mean
            // that is not NaN is std::clamp's value, and the points the same.
            const double mx = c.max_points[j];
            if (random[j] != 0)
                acc += clamp01(splat(mean[j]) + splat(sd[j]) * normals(st, t)) * splat(mx);
            else
                acc += clamp01(splat(mean[j])) * splat(mx);
        }
        for (std::size_t j = P; j < K; ++j) {
            const Slot& slot = c.slot[j];
            const F v = random[j] != 0 ? clamp01(mean[j] + sd[j] * normals(st, t))
                                       : splat(std::clamp(mean[j], 0.0, 1.0));
            const double mx = slot.max_points;
            switch (slot.kind) {
                case Kind::Proportional: acc += v * mx; break;
                case Kind::YesNo: acc += v >= 0.5 ? splat(mx) : splat(0.0); break;
                case Kind::Thresholds: {
                    const Threshold* th = c.thresholds.data() + slot.first_threshold;
                    F pts = splat(0.0);
                    I done = I{} + 0;
                    for (std::uint32_t q = 0; q < slot.threshold_count; ++q) {
                        const I hit = (v >= th[q].at) & ~done;
                        pts = hit ? splat(th[q].points) : pts;
                        done |= hit;
                    }
                    acc += pts;
                    break;
                }
                case Kind::Target: {
                    constexpr double tol = TargetValue::kTolerance;
                    I met = I{} + 0;
                    switch (slot.comparator) {
                        case Comparator::AtLeast: met = v >= slot.goal - tol; break;
                        case Comparator::Above: met = v > slot.goal + tol; break;
                        case Comparator::Exactly:
                            met = (v >= slot.goal - tol) & (v <= slot.goal + tol);
                            break;
                    }
                    const F partial = slot.goal > 0.0
                                          ? clamp01(vmin(v / slot.goal, splat(1.0 - 1e-9))) * mx
                                          : splat(0.0);
                    acc += met ? splat(mx) : partial;
                    break;
                }
                case Kind::Best: {
                    double* out =
                        w.best_values.data() + (slot.best_index * c.units + i) * kLanes + first;
                    std::memcpy(out, &v, sizeof v);
                    break;
                }
            }
        }
        std::memcpy(w.acc.data() + i * kLanes + first, &acc, sizeof acc);
    }
    std::memcpy(lanes.s[0] + first, &st.s0, sizeof(U));
    std::memcpy(lanes.s[1] + first, &st.s1, sizeof(U));
    std::memcpy(lanes.s[2] + first, &st.s2, sizeof(U));
    std::memcpy(lanes.s[3] + first, &st.s3, sizeof(U));
    // Relative to the best unit of each draw.
    for (std::size_t j = P; j < K; ++j) {
        const Slot& slot = c.slot[j];
        if (slot.kind != Kind::Best) continue;
        const double* vals = w.best_values.data() + slot.best_index * c.units * kLanes + first;
        F best = splat(0.0);
        for (std::size_t i = 0; i < c.units; ++i) {
            F v;
            std::memcpy(&v, vals + i * kLanes, sizeof v);
            best = vmax(best, v);
        }
        const F positive = F(best > 0.0 ? U{} + ~std::uint64_t{0} : U{});
        const F safe_best = best > 0.0 ? best : splat(1.0);
        const double mx = slot.max_points;
        for (std::size_t i = 0; i < c.units; ++i) {
            F v;
            F acc;
            std::memcpy(&v, vals + i * kLanes, sizeof v);
            std::memcpy(&acc, w.acc.data() + i * kLanes + first, sizeof acc);
            const F pts = vmin(v / safe_best, splat(1.0)) * mx;
            acc += F(U(pts) & U(positive));
            std::memcpy(w.acc.data() + i * kLanes + first, &acc, sizeof acc);
        }
    }
}

/// The points of every unit for the block's kLanes draws, W lanes at a time.
inline void score_block(const Compiled& c, Lanes& lanes, Workspace& w) {
    for (std::size_t first = 0; first < kLanes; first += W) score_lanes(c, lanes, w, first);
}
