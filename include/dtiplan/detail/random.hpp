// Random numbers that give the same draws on every platform and for every thread count: a
// xoshiro256** generator seeded through splitmix64, one independent stream per (seed, stream id),
// and normal variates by the Box-Muller transform. The standard library's distributions are
// implementation-defined, so a simulation "reproducible from a seed" cannot use them.
#pragma once

#include <cmath>
#include <cstdint>
#include <numbers>

namespace dtiplan::detail {

[[nodiscard]] constexpr std::uint64_t splitmix64(std::uint64_t& state) noexcept {
    std::uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30U)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27U)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31U);
}

/// One xoshiro256** step on explicit state words (Rng::next, and the rank engine's lanes).
[[nodiscard]] inline std::uint64_t xoshiro_next(std::uint64_t& s0, std::uint64_t& s1,
                                                std::uint64_t& s2, std::uint64_t& s3) noexcept {
    const std::uint64_t x = s1 * 5U;
    const std::uint64_t result = ((x << 7U) | (x >> 57U)) * 9U;
    const std::uint64_t t = s1 << 17U;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = (s3 << 45U) | (s3 >> 19U);
    return result;
}

/// xoshiro256** (Blackman and Vigna, 2018).
class Rng {
public:
    /// The stream `stream` of the generator seeded with `seed`: draw i of a simulation uses
    /// stream i, so the result does not depend on how draws are split across threads.
    Rng(std::uint64_t seed, std::uint64_t stream) noexcept {
        std::uint64_t sm = seed ^ (stream * 0xD1B54A32D192ED03ULL + 0x8CB92BA72F3D8DD7ULL);
        for (auto& word : s_) word = splitmix64(sm);
    }

    [[nodiscard]] std::uint64_t next() noexcept { return xoshiro_next(s_[0], s_[1], s_[2], s_[3]); }

    /// Uniform in [0, 1) with 53 random bits.
    [[nodiscard]] double uniform() noexcept {
        return static_cast<double>(next() >> 11U) * 0x1.0p-53;
    }

    /// Standard normal (Box-Muller; the second variate of each pair is kept for the next call).
    [[nodiscard]] double normal() noexcept {
        if (has_spare_) {
            has_spare_ = false;
            return spare_;
        }
        double u1 = uniform();
        while (u1 <= 0.0) u1 = uniform();
        const double u2 = uniform();
        const double r = std::sqrt(-2.0 * std::log(u1));
        const double theta = 2.0 * std::numbers::pi * u2;
        spare_ = r * std::sin(theta);
        has_spare_ = true;
        return r * std::cos(theta);
    }

private:
    std::uint64_t s_[4]{};
    double spare_ = 0.0;
    bool has_spare_ = false;
};

}  // namespace dtiplan::detail
