// SIMD lanes for the rank engine's kernel (simulation_kernel.cpp): vectors of kLanes draws
// (GCC/Clang vector extensions), the xoshiro256** states of kLanes streams side by side, and the
// ziggurat's fast path on a whole vector (docs/performance.md). Included only by the kernel's
// files, which are built with -ffp-contract=off so that every clone gives the same numbers.
#pragma once

#include <cstdint>
#include <cstring>

#include "dtiplan/detail/random.hpp"
#include "dtiplan/rank/detail/normal.hpp"
#include "rank/detail/clones.hpp"
#include "rank/detail/simulation.hpp"

namespace dtiplan::detail::sim {

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
inline __attribute__((noinline)) void finish_missed_lanes(Lanes& st, const std::uint64_t* r,
                                                          const std::int64_t* miss,
                                                          double* z) noexcept {
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
    const F64 width = __builtin_shufflevector(lo, hi, 0, 2, 4, 6, 8, 10, 12, 14);
    const F64 ratio = __builtin_shufflevector(lo, hi, 1, 3, 5, 7, 9, 11, 13, 15);
    F64 z = u * width;
    const F64 abs_u = F64(U64(u) & 0x7FFFFFFFFFFFFFFFULL);
    const I64 miss = abs_u >= ratio;  // -1 where the fast test failed
    // Any lane missed? An OR across lanes in three shuffles (a loop of lane compares was
    // measured slower).
    I64 any = miss;
    any |= __builtin_shufflevector(any, any, 4, 5, 6, 7, 0, 1, 2, 3);
    any |= __builtin_shufflevector(any, any, 2, 3, 0, 1, 6, 7, 4, 5);
    any |= __builtin_shufflevector(any, any, 1, 0, 3, 2, 5, 4, 7, 6);
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

}  // namespace dtiplan::detail::sim
