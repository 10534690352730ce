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

/// xoshiro256** (Blackman and Vigna, 2018).
class Rng {
public:
    /// The stream `stream` of the generator seeded with `seed`: draw i of a simulation uses
    /// stream i, so the result does not depend on how draws are split across threads.
    Rng(std::uint64_t seed, std::uint64_t stream) noexcept {
        std::uint64_t sm = seed ^ (stream * 0xD1B54A32D192ED03ULL + 0x8CB92BA72F3D8DD7ULL);
        for (auto& word : s_) word = splitmix64(sm);
    }

    [[nodiscard]] std::uint64_t next() noexcept {
        const std::uint64_t result = rotl(s_[1] * 5U, 7) * 9U;
        const std::uint64_t t = s_[1] << 17U;
        s_[2] ^= s_[0];
        s_[3] ^= s_[1];
        s_[1] ^= s_[2];
        s_[0] ^= s_[3];
        s_[2] ^= t;
        s_[3] = rotl(s_[3], 45);
        return result;
    }

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
    [[nodiscard]] static constexpr std::uint64_t rotl(std::uint64_t x, int k) noexcept {
        return (x << static_cast<unsigned>(k)) | (x >> static_cast<unsigned>(64 - k));
    }
    std::uint64_t s_[4]{};
    double spare_ = 0.0;
    bool has_spare_ = false;
};

}  // namespace dtiplan::detail
