// The rank engine's lanes (simulation_kernel.cpp): the xoshiro256** states of kLanes draws' streams
// side by side, the rare path of the ziggurat for a lane that missed the fast test, and the
// kLanes-wide vectors (GCC/Clang vector extensions) that the rank keys are computed in. Included
// only by the kernel's files, which are built with -ffp-contract=off so that every instruction
// set gives the same numbers.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>

#include "dtiplan/detail/random.hpp"
#include "dtiplan/rank/detail/normal.hpp"
#include "rank/detail/clones.hpp"
#include "rank/detail/simulation.hpp"

namespace dtiplan::detail::sim {

// kLanes values in one vector: one zmm register with AVX-512, two ymm with AVX2, four xmm
// otherwise, chosen by the compiler for each clone (the rank keys, key_block).
using I64 = std::int64_t __attribute__((vector_size(kLanes * 8)));
using F64 = double __attribute__((vector_size(kLanes * 8)));

[[nodiscard]] DTIPLAN_INLINE F64 splat(double x) noexcept { return F64{} + x; }
[[nodiscard]] DTIPLAN_INLINE F64 vmax(const F64& a, const F64& b) noexcept { return a > b ? a : b; }

// ---- the lanes' random streams ---------------------------------------------------------------

/// The xoshiro256** states of kLanes streams side by side: lane l is Rng(seed, first + l).
/// The kernel loads the lanes it works on (all eight with AVX-512, four at a time with AVX2, two
/// otherwise) into vector registers and stores them back.
struct Lanes {
    alignas(64) std::uint64_t s[4][kLanes]{};

    void seed(std::uint64_t seed, std::uint64_t first_draw) noexcept {
        for (std::size_t l = 0; l < kLanes; ++l) {
            const auto state = detail::rng_state(seed, first_draw + l);
            for (std::size_t k = 0; k < 4; ++k) s[k][l] = state[k];
        }
    }
};

/// The rare part, for `width` lanes whose states are `s` (4 × width words, word-major): finish
/// the variate of each lane whose bit is set in `missed` from its own stream (the ziggurat's
/// exact tail and wedge), before anything else is drawn from it. Out of line and scalar: it runs
/// for 0.43% of the variates, and the hot loop stays small.
inline __attribute__((noinline)) void finish_missed_lanes(const ZigguratTables& t, std::uint64_t* s,
                                                          std::size_t width, const std::uint64_t* r,
                                                          unsigned missed, double* z) noexcept {
    for (unsigned m = missed; m != 0; m &= m - 1) {  // the set bits only, lowest first
        const auto l = static_cast<std::size_t>(__builtin_ctz(m));
        std::uint64_t* s0 = s + l;
        std::uint64_t* s1 = s0 + width;
        std::uint64_t* s2 = s1 + width;
        std::uint64_t* s3 = s2 + width;
        z[l] = detail::ziggurat_slow(t, r[l],
                                     [&] { return detail::xoshiro_next(*s0, *s1, *s2, *s3); });
    }
}

}  // namespace dtiplan::detail::sim
