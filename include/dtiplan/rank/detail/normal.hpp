// Numerics shared by the rank engine: the normal distribution function, Gauss-Hermite nodes, and
// exact standard normal variates by a ziggurat (Marsaglia and Tsang 2000, in the form of Doornik
// 2005, "An improved ziggurat method to generate normal random samples") drawn from
// detail::Rng streams. Box-Muller (detail::Rng::normal) costs a log, a square root and a sine
// per variate; the ziggurat costs one 64-bit draw, a table look-up and a comparison 99.57% of
// the time and falls back to exact rejection steps otherwise, so its variates are exactly normal
// (to the 52-bit resolution of the uniform it scales), not an approximation. 1,024 layers rather
// than the usual 128 or 256: the rare path costs a function call and an exponential, and with
// eight draws side by side in the rank simulation a miss in any lane takes it (3.4% of vectors
// with 1,024 layers, 11% with 256).
//
// Internal: the layout and names here may change without notice.
#pragma once

#include <array>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <numbers>
#include <type_traits>
#include <vector>

#include "dtiplan/detail/random.hpp"

namespace dtiplan::detail {

/// P(Z <= x) for a standard normal Z, accurate in both tails.
[[nodiscard]] inline double normal_cdf(double x) noexcept {
    return 0.5 * std::erfc(-x * std::numbers::sqrt2 * 0.5);
}
/// P(Z > x), accurate in the upper tail (1 - normal_cdf(x) loses digits there).
[[nodiscard]] inline double normal_sf(double x) noexcept {
    return 0.5 * std::erfc(x * std::numbers::sqrt2 * 0.5);
}

/// The ziggurat's tables: 1,024 layers of equal area v under the density f(x) = exp(-x^2/2),
/// the base layer taking the tail beyond r. x[0] = v / f(r) is the base layer's pseudo-width,
/// x[1] = r, x[1024] = 0; ratio[i] = x[i+1] / x[i] is the share of layer i that lies wholly
/// under the curve; f[i] = f(x[i]), the density at the layer edges (for the wedge test).
/// r solves "the layers close exactly at the top" (x[1024] = 0) by bisection, as Marsaglia and
/// Tsang's 3.6541528853610088 does for 256 layers (the same procedure reproduces it and the
/// 128-layer 3.442619855899); v = r f(r) + the tail's area sqrt(pi/2) erfc(r / sqrt 2).
struct ZigguratTables {
    static constexpr int kLayers = 1024;
    static constexpr int kLayerBits = 10;
    static constexpr double kR = 4.038849846109504;
    std::array<double, kLayers + 1> x{};
    std::array<double, kLayers> ratio{};
    std::array<double, kLayers + 1> f{};
    /// x[i] and ratio[i] side by side (x0, r0, x1, r1, ...): one 16-byte load per layer for the
    /// vectorised fast path (simulate_ranks), instead of two scattered ones.
    alignas(64) std::array<double, std::size_t{2} * kLayers> pairs{};

    /// For the wedge test without an exponential (wedge_accepts): 1 / (x[i]^2 - x[i+1]^2), and
    /// how far the density may lie below its chord in x^2 across layer i, as a share of the
    /// layer's height f[i+1] - f[i].
    std::array<double, kLayers> inverse_step{};
    std::array<double, kLayers> chord_band{};

    double area = 0.0;  ///< v, the area of each layer

    ZigguratTables() noexcept {
        double fr = std::exp(-0.5 * kR * kR);
        area = kR * fr + std::sqrt(0.5 * std::numbers::pi) * std::erfc(kR / std::numbers::sqrt2);
        x[0] = area / fr;
        x[1] = kR;
        x[kLayers] = 0.0;
        for (int i = 2; i < kLayers; ++i) {
            x[static_cast<std::size_t>(i)] =
                std::sqrt(-2.0 * std::log(area / x[static_cast<std::size_t>(i - 1)] + fr));
            fr = std::exp(-0.5 * x[static_cast<std::size_t>(i)] * x[static_cast<std::size_t>(i)]);
        }
        for (std::size_t i = 0; i < static_cast<std::size_t>(kLayers); ++i)
            ratio[i] = x[i + 1] / x[i];
        for (std::size_t i = 0; i <= static_cast<std::size_t>(kLayers); ++i)
            f[i] = std::exp(-0.5 * x[i] * x[i]);
        for (std::size_t i = 0; i < static_cast<std::size_t>(kLayers); ++i) {
            pairs[2 * i] = x[i];
            pairs[2 * i + 1] = ratio[i];
        }
        // In t = x^2 the density is g(t) = exp(-t / 2): convex, so it lies below its chord
        // across the layer, by at most (dt)^2 / 8 max g'' = (dt)^2 / 32 f[i+1] (linear
        // interpolation's error; g'' = g / 4 is largest at the layer's lower edge t[i+1]).
        for (std::size_t i = 1; i < static_cast<std::size_t>(kLayers); ++i) {
            const double dt = x[i] * x[i] - x[i + 1] * x[i + 1];
            inverse_step[i] = 1.0 / dt;
            chord_band[i] = dt * dt / 32.0 * f[i + 1] / (f[i + 1] - f[i]) * (1.0 + 1e-6);
        }
    }
};

[[nodiscard]] inline const ZigguratTables& ziggurat_tables() noexcept {
    static const ZigguratTables tables;
    return tables;
}

/// The low bits of a draw that pick the layer.
inline constexpr std::uint64_t kLayerMask = ZigguratTables::kLayers - 1;

/// A uniform in [-1, 1) from the 52 high bits of a 64-bit draw (the low 10 bits pick the layer).
[[nodiscard]] inline double zig_signed_uniform(std::uint64_t bits) noexcept {
    const std::uint64_t m = (bits >> 12U) | 0x3FF0000000000000ULL;  // [1, 2)
    double d = 0.0;
    std::memcpy(&d, &m, sizeof d);
    return 2.0 * d - 3.0;
}

/// A uniform in (0, 1), never 0 (for logarithms).
[[nodiscard]] inline double open_uniform(std::uint64_t bits) noexcept {
    return (static_cast<double>(bits >> 11U) + 0.5) * 0x1.0p-53;
}

/// The wedge test of layer i by the exponential itself (wedge_accepts below).
[[nodiscard]] inline bool wedge_accepts_exactly(const ZigguratTables& t, std::size_t i, double x,
                                                double w) noexcept {
    return t.f[i + 1] + w * (t.f[i] - t.f[i + 1]) < std::exp(-0.5 * x * x);
}

/// The chord's acceptance threshold in layer i at x, linear in x^2 (wedge_accepts below).
[[nodiscard]] inline double wedge_chord(const ZigguratTables& t, std::size_t i, double x) noexcept {
    return (x * x - t.x[i + 1] * t.x[i + 1]) * t.inverse_step[i];
}

/// The wedge test of layer i (1 <= i < kLayers) for the point x (x[i+1] <= |x| <= x[i]) at
/// height y = f[i+1] + w (f[i] - f[i+1]), w uniform: under the curve when y < f(x), that is
/// when w > s = (f[i+1] - f(x)) / (f[i+1] - f[i]). In t = x^2 the density is convex, below its
/// chord, so s lies between the chord's c = (x^2 - x[i+1]^2) / (x[i]^2 - x[i+1]^2) and c +
/// chord_band[i]. With a margin of 1e-9 over the rounding of both sides, a w outside that band
/// gets the exponential's answer without computing it (the same answer, so the variates are the
/// same bit for bit); within it (0.8% of wedge points) it is computed.
[[nodiscard]] inline bool wedge_accepts(const ZigguratTables& t, std::size_t i, double x,
                                        double w) noexcept {
    constexpr double kMargin = 1e-9;
    const double chord = wedge_chord(t, i, x);
    if (w > chord + t.chord_band[i] + kMargin) return true;
    if (w < chord - kMargin) return false;
    return wedge_accepts_exactly(t, i, x, w);
}

/// The rare part of the ziggurat: the draw `bits` missed the fast test. Finishes the variate
/// with further draws from `next` (a callable returning the stream's next 64-bit value):
/// the tail beyond r by Marsaglia's method, a wedge by rejection against the density, a
/// rejected wedge point by starting afresh. Exact.
template <class Next>
[[nodiscard]] [[gnu::always_inline]] inline double ziggurat_slow(const ZigguratTables& t,
                                                                 std::uint64_t bits,
                                                                 Next&& next) noexcept {
    while (true) {
        const auto i = static_cast<std::size_t>(bits & kLayerMask);
        const double u = zig_signed_uniform(bits);
        if (std::fabs(u) < t.ratio[i]) return u * t.x[i];
        if (i == 0) {  // the tail beyond r
            double a = 0.0;
            double b = 0.0;
            do {
                a = -std::log(open_uniform(next())) / ZigguratTables::kR;
                b = -std::log(open_uniform(next()));
            } while (b + b < a * a);
            return u < 0.0 ? -(ZigguratTables::kR + a) : ZigguratTables::kR + a;
        }
        // The wedge: a point uniform in the layer's rectangle beyond x[i+1] is under the curve
        // with probability (f(x) - f[i]) / (f[i+1] - f[i]).
        const double x = u * t.x[i];
        if (wedge_accepts(t, i, x, open_uniform(next()))) return x;
        bits = next();
    }
}

/// One standard normal variate from a stream.
[[nodiscard]] inline double ziggurat_normal(Rng& rng) noexcept {
    const ZigguratTables& t = ziggurat_tables();
    const std::uint64_t bits = rng.next();
    const auto i = static_cast<std::size_t>(bits & kLayerMask);
    const double u = zig_signed_uniform(bits);
    if (std::fabs(u) < t.ratio[i]) return u * t.x[i];
    return ziggurat_slow(t, bits, [&rng] { return rng.next(); });
}

/// The four 64-bit words of a freshly seeded Rng(seed, stream): the state a structure-of-arrays
/// copy of the generator starts from (so the seeding is Rng's own, never re-implemented).
[[nodiscard]] inline std::array<std::uint64_t, 4> rng_state(std::uint64_t seed,
                                                            std::uint64_t stream) noexcept {
    static_assert(std::is_trivially_copyable_v<Rng> && std::is_standard_layout_v<Rng>);
    static_assert(sizeof(Rng) >= 4 * sizeof(std::uint64_t));
    const Rng rng(seed, stream);
    std::array<std::uint64_t, 4> s{};
    std::memcpy(s.data(), &rng, sizeof s);  // the first member: std::uint64_t s_[4]
    return s;
}

/// Nodes and weights of Gauss-Hermite quadrature for a standard normal weight:
/// E f(Z) ~ sum_j w_j f(z_j), exact for polynomials of degree < 2n. Golub-Welsch.
struct GaussHermite {
    std::vector<double> nodes;
    std::vector<double> weights;
};
[[nodiscard]] GaussHermite gauss_hermite(std::size_t n);
/// The same, computed once per n for the life of the program (thread-safe).
[[nodiscard]] const GaussHermite& gauss_hermite_once(std::size_t n);

}  // namespace dtiplan::detail
