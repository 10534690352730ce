// The exact rank distribution of one unit against its peers (docs/rank.md, "The exact method").
//
// Given the own rounded score r and the common shock w, peers are independent, and peer i is
// ahead when its score rounds above r, i.e. when X_i >= u = r + h/2 (h = 10^-decimals, round
// half up; u = s itself without rounding). So the number ahead is a Poisson-binomial count with
// p_i = P(a_i + b_i Z_i >= u - c_i w), computed exactly by the recursion
// f_k <- f_k (1 - p_i) + f_{k-1} p_i over the peers (certain peers shift the count, tails
// below 1e-16 are dropped). What remains is to integrate over r and w:
//  - the own score is put on the rounding grid exactly (samples: their rounded values; a
//    normal: the probability of each rounded value, from the normal distribution function);
//  - with one common loading c on the shock (every peer's result from the same year), only
//    v = u - c·w matters: its distribution is the own grid convolved with the normal of sd c,
//    computed on the grid, and the count is evaluated once per grid point;
//  - with different loadings, the shock is integrated by Gauss-Hermite quadrature.
// When the grid has more points than ExactOptions::max_points, neighbouring points are merged
// into bins evaluated at their centre of mass (a midpoint rule, error O(bin^2)).
//
// At each point only the band of uncertain peers is visited: peers are sorted once into classes
// of one spread and loading, so the peers surely ahead (mean above v + 8.5 sd) and surely behind
// are counted by binary search. Tail probabilities come from a quintic Hermite table, a band at
// a time in a vectorised pass. The head (P(rank <= k), E[rank]) runs the recursion for counts
// below k only, and not at all where a Chernoff bound makes fewer than k ahead negligible; its
// E[rank] comes from each class's expected count ahead, interpolated in the threshold
// (ExpectedCount), so that a band is read only as far as P(top k) needs it.
#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <map>
#include <mutex>
#include <numbers>
#include <string>
#include <utility>

#include <Eigen/Eigenvalues>

#include "dtiplan/cancellation.hpp"
#include "dtiplan/error.hpp"
#include "dtiplan/rank/detail/normal.hpp"
#include "dtiplan/rank/rank_distribution.hpp"
#include "dtiplan/rank/simulate_ranks.hpp"
#include "rank/detail/clones.hpp"
#include "rank/detail/exact.hpp"
#include "rank/detail/options.hpp"

namespace dtiplan {

namespace detail {

// One step of the Poisson-binomial recursion over the window [lo, hi] of counts, into g:
// g_k = f_k (1 - p) + f_{k-1} p. The whole distribution against 100,000 peers is 10^10 of
// these; compiled for AVX2 and AVX-512 too (clones.hpp), as the rank kernel is, it runs 4 or 8
// counts at once. Not contracted into fused multiply-adds (the library is built in ISO mode),
// so every clone gives the same bits.
DTIPLAN_KERNEL_CLONES
void exact_recursion_step(const double* __restrict f, double* __restrict g, std::size_t lo,
                          std::size_t hi, double p) {
    const double q = 1.0 - p;
    g[lo] = f[lo] * q;
    for (std::size_t k = lo + 1; k <= hi; ++k) g[k] = f[k] * q + f[k - 1] * p;
    g[hi + 1] = f[hi] * p;
}

/// Q(z) for |z| <= 8.5 by quintic Hermite interpolation in the tables q (Q) and phi (φ) at
/// nodes 1/64 apart (TailTable below); 1 - Q(|z|) for z < 0.
DTIPLAN_INLINE double tail_sf(double z, const double* __restrict q,
                              const double* __restrict phi) noexcept {
    constexpr double kPerUnit = 64.0;
    constexpr double h = 1.0 / kPerUnit;
    const double a = std::fabs(z);
    const double x = a * kPerUnit;
    const int k = static_cast<int>(x);
    const double t = x - static_cast<double>(k);
    const double z0 = static_cast<double>(k) * h;
    const double z1 = z0 + h;
    const double f0 = q[k];
    const double f1 = q[k + 1];
    const double d0 = -phi[k] * h;  // h Q'
    const double d1 = -phi[k + 1] * h;
    const double s0 = z0 * phi[k] * h * h;  // h² Q''
    const double s1 = z1 * phi[k + 1] * h * h;
    const double t2 = t * t;
    const double t3 = t2 * t;
    const double t4 = t3 * t;
    const double t5 = t4 * t;
    const double h0 = 1.0 - 10.0 * t3 + 15.0 * t4 - 6.0 * t5;
    const double h1 = t - 6.0 * t3 + 8.0 * t4 - 3.0 * t5;
    const double h2 = 0.5 * (t2 - 3.0 * t3 + 3.0 * t4 - t5);
    const double h3 = 10.0 * t3 - 15.0 * t4 + 6.0 * t5;
    const double h4 = -4.0 * t3 + 7.0 * t4 - 3.0 * t5;
    const double h5 = 0.5 * (t3 - 2.0 * t4 + t5);
    const double v = h0 * f0 + h1 * d0 + h2 * s0 + h3 * f1 + h4 * d1 + h5 * s1;
    const double mirrored = 1.0 - v;  // both computed, one selected: no branch
    return z < 0.0 ? mirrored : v;
}

// P(X_i >= v) for the peers of one class (spread sd) with means[0..n): 1 below z = -8.5, 0
// above 8.5, tail_sf between. Compiled for AVX2 and AVX-512 too: element by element, without
// contraction, so the clones agree; the file is built without trapping math so that the selects
// are not branches and the loop vectorises (CMakeLists.txt).
DTIPLAN_KERNEL_CLONES
void exact_tail_probabilities(const double* __restrict means, std::size_t n, double v, double sd,
                              const double* __restrict q, const double* __restrict phi,
                              double* __restrict out) {
    for (std::size_t i = 0; i < n; ++i) {
        const double z = (v - means[i]) / sd;
        double zc = z < -8.5 ? -8.5 : z;  // selects, not branches: the loop vectorises
        zc = zc > 8.5 ? 8.5 : zc;
        const double p = tail_sf(zc, q, phi);
        const double below = z < -8.5 ? 1.0 : p;
        out[i] = z > 8.5 ? 0.0 : below;
    }
}

// out[j] = Σ_m in[j + m] kernel[m + half] over m = -half..half with 0 <= j + m < n, each sum in
// the order of m: the shift runs outside, so the loop over j vectorises and every out[j] gets
// the same additions in the same order as a plain double loop. The terms of in's zeros at either
// end (the grid's margins for the shock) would add exact zeros: they are skipped.
DTIPLAN_KERNEL_CLONES
void exact_convolve(const double* __restrict in, std::ptrdiff_t n, const double* __restrict kernel,
                    std::ptrdiff_t half, double* __restrict out) {
    for (std::ptrdiff_t j = 0; j < n; ++j) out[j] = 0.0;
    std::ptrdiff_t lo = 0;
    std::ptrdiff_t hi = n;  // in[lo..hi) holds every nonzero
    while (lo < hi && in[lo] == 0.0) ++lo;
    while (hi > lo && in[hi - 1] == 0.0) --hi;
    for (std::ptrdiff_t m = -half; m <= half; ++m) {
        const double k = kernel[m + half];
        const std::ptrdiff_t from = std::max<std::ptrdiff_t>(0, lo - m);
        const std::ptrdiff_t to = std::min<std::ptrdiff_t>(n, hi - m);
        for (std::ptrdiff_t j = from; j < to; ++j) out[j] += in[j + m] * k;
    }
}

// The head's recursion for a head of at most 16 counts, over the peers p[0..n): per peer
// f_k <- f_k q + f_{k-1} p (f_{-1} = 0), the 16 counts in two vectors of eight held in registers
// (the loop over counts in memory stalls on store forwarding: about 28 cycles a peer). The same
// products and sums for the counts below top as the loop over counts; the counts above it are
// computed too but never read back. f holds the top counts in and out. (Two interleaved chains of
// peers, convolved at the end, measured no faster.)
DTIPLAN_KERNEL_CLONES
void exact_head_counts16(double* __restrict f, std::size_t top, const double* __restrict p,
                         std::size_t n) {
    using V = double __attribute__((vector_size(64)));
    double in[16] = {};
    std::memcpy(in, f, top * sizeof(double));
    V lo;
    V hi;
    std::memcpy(&lo, in, sizeof lo);
    std::memcpy(&hi, in + 8, sizeof hi);
    const V zero{};
    for (std::size_t i = 0; i < n; ++i) {
        const double pi = p[i];
        const double q = 1.0 - pi;
        const V lo_down = __builtin_shufflevector(zero, lo, 0, 8, 9, 10, 11, 12, 13, 14);
        const V hi_down = __builtin_shufflevector(lo, hi, 7, 8, 9, 10, 11, 12, 13, 14);
        lo = lo * q + lo_down * pi;
        hi = hi * q + hi_down * pi;
    }
    std::memcpy(in, &lo, sizeof lo);
    std::memcpy(in + 8, &hi, sizeof hi);
    std::memcpy(f, in, top * sizeof(double));
}

// The power sums s[m] = Σ_i p_i^(m+1), m < 6, of p[0..n): eight partial sums per power, one per
// lane, added at the end (a sum of one power at a time would wait on its multiplies: six
// dependent products per peer).
DTIPLAN_KERNEL_CLONES
void exact_power_sums(const double* __restrict p, std::size_t n, double* __restrict s) {
    constexpr std::size_t kLanes = 8;
    constexpr std::size_t kPowers = 6;
    double acc[kPowers][kLanes] = {};
    std::size_t i = 0;
    for (; i + kLanes <= n; i += kLanes) {
        double power[kLanes];
        for (std::size_t l = 0; l < kLanes; ++l) power[l] = p[i + l];
        for (std::size_t m = 0; m < kPowers; ++m)
            for (std::size_t l = 0; l < kLanes; ++l) {
                acc[m][l] += power[l];
                power[l] *= p[i + l];
            }
    }
    for (; i < n; ++i) {
        double power = p[i];
        for (std::size_t m = 0; m < kPowers; ++m) {
            acc[m][0] += power;
            power *= p[i];
        }
    }
    for (std::size_t m = 0; m < kPowers; ++m) {
        double total = 0.0;
        for (std::size_t l = 0; l < kLanes; ++l) total += acc[m][l];
        s[m] = total;
    }
}

// For the grid's resolution (Exact::resolution): out[0] = Σ Q(z)(1 - Q(z)), out[1] = Σ φ(z) and
// out[2] = Σ Q(z) over z = (v - means[i]) / sd, Q from the table (tail_sf) and φ interpolated
// linearly between its nodes 1/64 apart (within 1e-5 of itself: the resolution is a scale, not a
// probability). Eight partial sums per total, so that the loop vectorises.
DTIPLAN_KERNEL_CLONES
void exact_band_moments(const double* __restrict means, std::size_t n, double v, double sd,
                        const double* __restrict q, const double* __restrict phi,
                        double* __restrict out) {
    constexpr std::size_t kLanes = 8;
    double var[kLanes] = {};
    double density[kLanes] = {};
    double mean[kLanes] = {};
    const auto add = [&](std::size_t i, std::size_t lane) {
        const double z = (v - means[i]) / sd;
        double zc = z < -8.5 ? -8.5 : z;
        zc = zc > 8.5 ? 8.5 : zc;
        const double p = tail_sf(zc, q, phi);
        const double x = std::fabs(zc) * 64.0;
        const int k = static_cast<int>(x);
        const double t = x - static_cast<double>(k);
        var[lane] += p * (1.0 - p);
        density[lane] += phi[k] * (1.0 - t) + phi[k + 1] * t;
        mean[lane] += p;
    };
    std::size_t i = 0;
    for (; i + kLanes <= n; i += kLanes)
        for (std::size_t l = 0; l < kLanes; ++l) add(i + l, l);
    for (; i < n; ++i) add(i, 0);
    out[0] = 0.0;
    out[1] = 0.0;
    out[2] = 0.0;
    for (std::size_t l = 0; l < kLanes; ++l) {
        out[0] += var[l];
        out[1] += density[l];
        out[2] += mean[l];
    }
}

GaussHermite gauss_hermite(std::size_t n) {
    GaussHermite out;
    if (n == 0) return out;
    // Golub-Welsch for the probabilists' Hermite polynomials: the Jacobi matrix has a zero
    // diagonal and sqrt(k) off the diagonal; nodes are its eigenvalues, weights the squared
    // first components of its unit eigenvectors.
    Eigen::MatrixXd j =
        Eigen::MatrixXd::Zero(static_cast<Eigen::Index>(n), static_cast<Eigen::Index>(n));
    for (std::size_t k = 1; k < n; ++k) {
        const double b = std::sqrt(static_cast<double>(k));
        j(static_cast<Eigen::Index>(k), static_cast<Eigen::Index>(k - 1)) = b;
        j(static_cast<Eigen::Index>(k - 1), static_cast<Eigen::Index>(k)) = b;
    }
    const Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> es(j);
    out.nodes.resize(n);
    out.weights.resize(n);
    double total = 0.0;
    for (std::size_t k = 0; k < n; ++k) {
        const auto e = static_cast<Eigen::Index>(k);
        out.nodes[k] = es.eigenvalues()(e);
        const double v0 = es.eigenvectors()(0, e);
        out.weights[k] = v0 * v0;
        total += out.weights[k];
    }
    for (double& w : out.weights) w /= total;
    return out;
}

const GaussHermite& gauss_hermite_once(std::size_t n) {
    static std::mutex mutex;
    static std::map<std::size_t, GaussHermite> computed;  // nodes never move once inserted
    std::lock_guard lock(mutex);
    auto it = computed.find(n);
    if (it == computed.end()) it = computed.emplace(n, gauss_hermite(n)).first;
    return it->second;
}

}  // namespace detail

namespace {

/// P(Z > z) from a table: quintic Hermite interpolation between nodes 1/64 apart on [0, 8.5]
/// from Q and its first two derivatives (-φ and zφ), mirrored for z < 0. The interpolation
/// error is at most h^6/46080 · max|Q^(6)| on a step: below 1e-15 absolutely near 0 and 1e-10
/// relatively in the far tail, where Q^(6) shrinks with φ. A fifth of the cost of erfc, which
/// the method calls once per peer and point.
class TailTable {
public:
    static constexpr double kTop = 8.5;
    static constexpr double kPerUnit = 64.0;

    TailTable() {
        const auto n = static_cast<std::size_t>(kTop * kPerUnit) + 2;
        q_.resize(n);
        phi_.resize(n);
        for (std::size_t k = 0; k < n; ++k) {
            const double z = static_cast<double>(k) / kPerUnit;
            q_[k] = detail::normal_sf(z);
            phi_[k] = std::exp(-0.5 * z * z) / std::sqrt(2.0 * std::numbers::pi);
        }
    }

    /// Q(z) for |z| <= kTop.
    [[nodiscard]] double sf(double z) const noexcept { return detail::tail_sf(z, q(), phi()); }
    [[nodiscard]] const double* q() const noexcept { return q_.data(); }
    [[nodiscard]] const double* phi() const noexcept { return phi_.data(); }

private:
    std::vector<double> q_;
    std::vector<double> phi_;
};

const TailTable& tail_table() {
    static const TailTable table;
    return table;
}

/// Piecewise interpolation in the threshold x of functions that are sums of normal tails of one
/// scale (below: the expected count ahead, the far peers' power sums): panels of one width over
/// [lo, lo + count·width), on each a few Chebyshev points of the second kind, and the barycentric
/// formula between them (weights (-1)^j, halved at the ends).
class Panels {
public:
    static constexpr std::size_t kMaxNodes = 32;

    Panels() = default;
    Panels(double lo, double width, std::size_t count, std::size_t nodes)
        : lo_(lo), width_(width), count_(count), nodes_(std::min(nodes, kMaxNodes)) {
        for (std::size_t j = 0; j < nodes_; ++j)
            unit_[j] = 0.5 * (1.0 - std::cos(std::numbers::pi * static_cast<double>(j) /
                                             static_cast<double>(nodes_ - 1)));
    }

    [[nodiscard]] std::size_t count() const noexcept { return count_; }
    [[nodiscard]] double lo() const noexcept { return lo_; }
    [[nodiscard]] double hi() const noexcept { return lo_ + width_ * static_cast<double>(count_); }
    [[nodiscard]] double start(std::size_t k) const noexcept {
        return lo_ + width_ * static_cast<double>(k);
    }
    [[nodiscard]] double node(std::size_t k, std::size_t j) const noexcept {
        return start(k) + width_ * unit_[j];
    }
    /// The panel of x, for lo <= x <= hi.
    [[nodiscard]] std::size_t panel_of(double x) const noexcept {
        const double t = (x - lo_) / width_;
        return std::min(static_cast<std::size_t>(std::max(t, 0.0)), count_ - 1);
    }

    /// The m functions at x in panel k, from their values at its nodes (values[j·m + f] for node
    /// j and function f), into out[0..m).
    void interpolate(double x, std::size_t k, const double* values, std::size_t m,
                     double* out) const noexcept {
        for (std::size_t f = 0; f < m; ++f) out[f] = 0.0;
        double den = 0.0;
        for (std::size_t j = 0; j < nodes_; ++j) {
            const double d = x - node(k, j);
            if (d == 0.0) {
                for (std::size_t f = 0; f < m; ++f) out[f] = values[j * m + f];
                return;
            }
            double w = (j % 2 == 0 ? 1.0 : -1.0) / d;
            if (j == 0 || j == nodes_ - 1) w *= 0.5;
            for (std::size_t f = 0; f < m; ++f) out[f] += w * values[j * m + f];
            den += w;
        }
        for (std::size_t f = 0; f < m; ++f) out[f] /= den;
    }

private:
    double lo_ = 0.0;
    double width_ = 1.0;
    std::size_t count_ = 0;
    std::size_t nodes_ = 2;
    std::array<double, kMaxNodes> unit_{};  ///< the nodes on [0, 1]
};

/// The reach of the band: a peer whose mean is further than this from the threshold is surely
/// ahead or behind (a little wider than 8.5 spreads, so that the edge is classified exactly).
double band_reach(double sd) noexcept { return 8.5 * sd * (1.0 + 1e-9) + 1e-12; }

/// Whether every term of a class with this spread is a plain normal tail at a threshold (not a
/// step, not averaged over a cell `cell` wide; cell 0: no cells), which is what the head's
/// interpolants assume (certain_ahead() averages below 4 cells).
bool plain_tails(double sd, double cell) noexcept {
    return sd > 0.0 && !(cell > 0.0 && sd < 4.0 * cell);
}

/// The expected number of a class's peers ahead of a threshold x, E(x) = Σ_i P(X_i >= x) over
/// peers of one spread sd (means ascending), interpolated: each term is a normal tail of scale
/// sd, so E is as smooth as one tail however many peers there are, and 24 Chebyshev points on
/// panels 4 sd wide hold it to 1e-14 of the class's count (measured: within 2.4e-11 of the sum
/// for 3,320 means and spreads of 0.005 to 0.05; a test compares the expected rank with the whole
/// distribution's). Built from 24 sums per panel over the class's band instead of one sum per
/// point of the method's grid: the head's E[rank] then needs no band of its own (docs/rank.md §4).
class ExpectedCount {
public:
    static constexpr double kWidth = 4.0;      ///< panel width, in spreads
    static constexpr std::size_t kNodes = 24;  ///< Chebyshev points per panel

    /// The sum itself at x: peers surely ahead (mean beyond 8.5 sd above x), plus the tails of
    /// the band, as the method takes them (TailTable, clamped at ±8.5).
    static double sum(const std::vector<double>& means, double sd, double x,
                      std::vector<double>& scratch) {
        const TailTable& tail = tail_table();
        const double reach = band_reach(sd);
        const auto first = std::lower_bound(means.begin(), means.end(), x - reach);
        const auto last = std::upper_bound(means.begin(), means.end(), x + reach);
        const auto n = static_cast<std::size_t>(last - first);
        if (scratch.size() < n) scratch.resize(n);
        detail::exact_tail_probabilities(means.data() + (first - means.begin()), n, x, sd, tail.q(),
                                         tail.phi(), scratch.data());
        double total = static_cast<double>(means.end() - last);
        for (std::size_t i = 0; i < n; ++i) total += scratch[i];
        return total;
    }

    /// The panels over [lo, hi] (trimmed to where E changes: beyond 8.5 sd of every mean it is
    /// the class's count or 0).
    ExpectedCount(const std::vector<double>& means, double sd, double lo, double hi,
                  std::vector<double>& scratch)
        : count_(static_cast<double>(means.size())) {
        panels_ = Panels(std::max(lo, means.front() - band_reach(sd)), kWidth * sd,
                         panel_count(means, sd, lo, hi), kNodes);
        values_.resize(panels_.count() * kNodes);
        for (std::size_t k = 0; k < panels_.count(); ++k)
            for (std::size_t j = 0; j < kNodes; ++j)
                values_[k * kNodes + j] = sum(means, sd, panels_.node(k, j), scratch);
    }

    /// How many sums building it over [lo, hi] takes (to compare with a sum per point).
    static std::size_t cost(const std::vector<double>& means, double sd, double lo, double hi) {
        return panel_count(means, sd, lo, hi) * kNodes;
    }

    /// E(x), for x anywhere: the class's count below the panels, 0 above them.
    [[nodiscard]] double operator()(double x) const noexcept {
        if (panels_.count() == 0 || x <= panels_.lo()) return x <= panels_.lo() ? count_ : 0.0;
        if (x >= panels_.hi()) return 0.0;
        const std::size_t k = panels_.panel_of(x);
        double e = 0.0;
        panels_.interpolate(x, k, values_.data() + k * kNodes, 1, &e);
        return e;
    }

private:
    /// The panels over [lo, hi] trimmed to where E changes.
    static std::size_t panel_count(const std::vector<double>& means, double sd, double lo,
                                   double hi) {
        const double reach = band_reach(sd);
        const double a = std::max(lo, means.front() - reach);
        const double b = std::min(hi, means.back() + reach);
        return b > a ? static_cast<std::size_t>(std::ceil((b - a) / (kWidth * sd))) : 0;
    }

    double count_ = 0.0;
    Panels panels_;
    std::vector<double> values_;  ///< panels × nodes
};

/// The far peers of a class in aggregate, for the head (docs/rank.md §4). For thresholds x in a
/// panel [a, a + sd], the peers whose mean lies below a - kFar·sd are each ahead with
/// probability below Q(kFar) = 1.35e-3 wherever x is in the panel. Their count enters P(top k)
/// only through its generating function, whose log Σ_i log(1 + p_i (s - 1)) is
/// Σ_j (-1)^(j+1) S_j (s - 1)^j / j with S_j = Σ_i p_i^j; the first kPowers power sums hold it to
/// S_1·1e-20. Each S_j is a sum of smooth tails, so it is interpolated in x as E is, on a panel's
/// 16 points (measured: S_1 within 2e-13 of itself), built when a point first needs the panel: a
/// few hundred sums over the far peers in place of one per point.
class FarSums {
public:
    static constexpr double kFar = 3.0;
    static constexpr std::size_t kPowers = 6;
    static constexpr std::size_t kNodes = 16;  ///< Chebyshev points per panel
    static constexpr double kWidth = 1.0;      ///< panel width, in spreads

    FarSums(const std::vector<double>& means, double sd, double lo, double hi)
        : means_(&means), sd_(sd) {
        const double width = kWidth * sd;
        const std::size_t count =
            hi > lo ? static_cast<std::size_t>(std::ceil((hi - lo) / width)) : 0;
        panels_ = Panels(lo, width, std::max<std::size_t>(count, 1), kNodes);
        built_.assign(panels_.count(), false);
        first_.resize(panels_.count());
        split_.resize(panels_.count());
        for (std::size_t k = 0; k < panels_.count(); ++k) {
            const double a = panels_.start(k);
            first_[k] = static_cast<std::size_t>(
                std::lower_bound(means.begin(), means.end(), a - band_reach(sd)) - means.begin());
            split_[k] = static_cast<std::size_t>(
                std::lower_bound(means.begin(), means.end(), a - kFar * sd) - means.begin());
        }
        values_.resize(panels_.count() * kNodes * kPowers);
    }

    /// Whether x lies on the panels: then the index of the first near peer (the far ones are
    /// below it) into split.
    bool split_at(double x, std::size_t& split) const noexcept {
        if (!(x >= panels_.lo() && x <= panels_.hi())) return false;
        split = split_[panels_.panel_of(x)];
        return true;
    }

    /// S_1..S_kPowers of the far peers at x (which split_at() accepted), added into s.
    void add_sums(double x, std::vector<double>& scratch, double* s) {
        const std::size_t k = panels_.panel_of(x);
        double* v = values_.data() + k * kNodes * kPowers;
        if (!built_[k]) {
            build(k, v, scratch);
            built_[k] = true;
        }
        double at[kPowers];
        panels_.interpolate(x, k, v, kPowers, at);
        for (std::size_t j = 0; j < kPowers; ++j) s[j] += at[j];
    }

private:
    void build(std::size_t k, double* v, std::vector<double>& scratch) const {
        const TailTable& tail = tail_table();
        const std::size_t n = split_[k] - first_[k];
        if (scratch.size() < n) scratch.resize(n);
        for (std::size_t j = 0; j < kNodes; ++j) {
            detail::exact_tail_probabilities(means_->data() + first_[k], n, panels_.node(k, j), sd_,
                                             tail.q(), tail.phi(), scratch.data());
            static_assert(kPowers == 6, "exact_power_sums computes six powers");
            detail::exact_power_sums(scratch.data(), n, v + j * kPowers);
        }
    }

    const std::vector<double>* means_;
    double sd_;
    Panels panels_;
    std::vector<bool> built_;
    std::vector<std::size_t> first_;  ///< per panel: the first peer within reach
    std::vector<std::size_t> split_;  ///< per panel: the first near peer
    std::vector<double> values_;      ///< panels × nodes × powers
};

/// The head's counts 0..top-1 of the far peers from their power sums s[0..kPowers): the
/// coefficients of exp(Σ_m a_m s^m), where a_m = (-1)^(m+1) Σ_{j >= max(1, m)} C(j, m) S_j / j
/// is the log of the generating function expanded in s, by b_0 = exp(a_0) and
/// m b_m = Σ_{j=1..m} j a_j b_{m-j}.
void far_counts(const double* s, std::size_t top, double* b) {
    constexpr std::size_t J = FarSums::kPowers;
    double a[J + 1];
    for (std::size_t m = 0; m <= J; ++m) {
        double sum = 0.0;
        double binomial = 1.0;  // C(j, m), from j = m up
        for (std::size_t j = m; j <= J; ++j) {
            if (j >= 1) sum += binomial * s[j - 1] / static_cast<double>(j);
            binomial = binomial * static_cast<double>(j + 1) / static_cast<double>(j + 1 - m);
        }
        a[m] = m % 2 == 1 ? sum : -sum;
    }
    b[0] = std::exp(a[0]);
    for (std::size_t m = 1; m < top; ++m) {
        double sum = 0.0;
        for (std::size_t j = 1; j <= std::min(m, J); ++j)
            sum += static_cast<double>(j) * a[j] * b[m - j];
        b[m] = sum / static_cast<double>(m);
    }
}

/// A point of the own-score grid: the threshold u a peer must reach to be ahead, its
/// probability, and (for an unmerged rounded score) the key of the score.
struct Atom {
    double u = 0.0;
    double weight = 0.0;
    std::int64_t key = -1;  ///< rounded own score as an integer; -1 when merged or unrounded
};

class Exact {
public:
    Exact(const std::vector<PeerForecast>& peers, const ExactOptions& options)
        : peers_(peers), options_(options), n_(peers.size()) {
        h_ = options.decimals >= 0 ? std::pow(10.0, -options.decimals) : 0.0;
        // Peers in classes of one spread and one loading, each sorted by mean: for a threshold,
        // the peers of a class that are surely ahead, surely behind and uncertain are three
        // runs found by binary search.
        // Sorted as (spread, loading, mean) triples held together: sorting indices into the
        // peers would read them at random.
        struct Triple {
            double sd;
            double shock;
            double mean;
        };
        std::vector<Triple> sorted;
        sorted.reserve(n_);
        for (const PeerForecast& p : peers) sorted.push_back({p.sd, p.shock, p.mean});
        std::sort(sorted.begin(), sorted.end(), [](const Triple& x, const Triple& y) {
            if (x.sd != y.sd) return x.sd < y.sd;
            if (x.shock != y.shock) return x.shock < y.shock;
            return x.mean < y.mean;
        });
        for (const Triple& p : sorted) {
            if (classes_.empty() || classes_.back().sd != p.sd || classes_.back().shock != p.shock)
                classes_.push_back({p.sd, p.shock, false, {}, {}});
            classes_.back().means.push_back(p.mean);
            if (p.sd <= 0.0)  // the keys compare sure peers only (certain_ahead)
                classes_.back().keys.push_back(
                    rank_key(std::clamp(p.mean, 0.0, 1.0), options.decimals));
        }
        f_.resize(n_ + 2);
        g_.resize(n_ + 2);
        p_.reserve(n_);
    }

    /// The own score as atoms (sorted by u). Atoms with u past the top (nobody can be ahead)
    /// are returned separately as `top_mass`.
    std::vector<Atom> own_atoms(const OwnScore& own, double& top_mass) const {
        std::vector<Atom> atoms;
        top_mass = 0.0;
        const int d = options_.decimals;
        if (own.has_samples()) {
            std::vector<double> xs = own.samples;
            std::sort(xs.begin(), xs.end());
            const double w = 1.0 / static_cast<double>(xs.size());
            for (std::size_t i = 0; i < xs.size();) {
                std::size_t j = i;
                const std::int64_t key = rank_key(xs[i], d);
                while (j < xs.size() && rank_key(xs[j], d) == key) ++j;
                const double mass = w * static_cast<double>(j - i);
                if (d >= 0) {
                    atoms.push_back({static_cast<double>(key) * h_ + 0.5 * h_, mass, key});
                } else {
                    atoms.push_back({xs[i], mass, -1});
                }
                i = j;
            }
        } else if (own.sd <= 0.0) {
            const double s = std::clamp(own.mean, 0.0, 1.0);
            const std::int64_t key = rank_key(s, d);
            atoms.push_back(
                {d >= 0 ? static_cast<double>(key) * h_ + 0.5 * h_ : s, 1.0, d >= 0 ? key : -1});
        } else if (d >= 0) {
            // P(round(clamp(S)) = k h) for S ~ N(mean, sd): the ends take the clamped tails.
            const double lo = std::clamp(own.mean - 8.5 * own.sd, 0.0, 1.0);
            const double hi = std::clamp(own.mean + 8.5 * own.sd, 0.0, 1.0);
            const std::int64_t k_lo = rank_key(lo, d);
            const std::int64_t k_hi = rank_key(hi, d);
            const std::int64_t k_max = rank_key(1.0, d);
            for (std::int64_t k = k_lo; k <= k_hi; ++k) {
                const double a = k == 0 ? -std::numeric_limits<double>::infinity()
                                        : (static_cast<double>(k) - 0.5) * h_;
                const double b = k == k_max ? std::numeric_limits<double>::infinity()
                                            : (static_cast<double>(k) + 0.5) * h_;
                const double mass = detail::normal_cdf((b - own.mean) / own.sd) -
                                    detail::normal_cdf((a - own.mean) / own.sd);
                if (mass > 0.0) atoms.push_back({static_cast<double>(k) * h_ + 0.5 * h_, mass, k});
            }
        } else {
            // Unrounded: cells of the normal on [mean - 8.5 sd, mean + 8.5 sd], clamped.
            const std::size_t cells = std::max<std::size_t>(options_.max_points, 16);
            const double lo = own.mean - 8.5 * own.sd;
            const double width = 17.0 * own.sd / static_cast<double>(cells);
            for (std::size_t c = 0; c < cells; ++c) {
                const double a = lo + width * static_cast<double>(c);
                const double mass = detail::normal_cdf((a + width - own.mean) / own.sd) -
                                    detail::normal_cdf((a - own.mean) / own.sd);
                atoms.push_back({std::clamp(a + 0.5 * width, 0.0, 1.0), mass, -1});
            }
        }
        // Nobody can be ahead of a score at the top (peers are clamped to 1).
        std::vector<Atom> kept;
        double total = 0.0;
        for (const Atom& a : atoms) total += a.weight;
        for (const Atom& a : atoms) {
            const bool at_top = d >= 0 ? a.u > 1.0 : a.u >= 1.0;
            if (at_top)
                top_mass += a.weight / total;
            else
                kept.push_back({a.u, a.weight / total, a.key});
        }
        return kept;
    }

    /// Merge neighbouring atoms into bins no wider than `width` and, beyond that, into at most
    /// `limit` bins; a bin sits at its centre of mass.
    static std::vector<Atom> merge(std::vector<Atom> atoms, double width, std::size_t limit) {
        if (atoms.size() > 1 && width > 0.0) {
            std::vector<Atom> out;
            for (std::size_t i = 0; i < atoms.size();) {
                std::size_t j = i;
                double w = 0.0;
                double wu = 0.0;
                while (j < atoms.size() && (j == i || atoms[j].u - atoms[i].u < width)) {
                    w += atoms[j].weight;
                    wu += atoms[j].weight * atoms[j].u;
                    ++j;
                }
                if (j == i + 1)
                    out.push_back(atoms[i]);
                else if (w > 0.0)
                    out.push_back({wu / w, w, -1});
                i = j;
            }
            atoms = std::move(out);
        }
        if (atoms.size() <= limit || limit == 0) return atoms;
        const std::size_t per = (atoms.size() + limit - 1) / limit;
        std::vector<Atom> out;
        for (std::size_t i = 0; i < atoms.size(); i += per) {
            double w = 0.0;
            double wu = 0.0;
            for (std::size_t j = i; j < std::min(i + per, atoms.size()); ++j) {
                w += atoms[j].weight;
                wu += atoms[j].weight * atoms[j].u;
            }
            if (w > 0.0) out.push_back({wu / w, w, -1});
        }
        return out;
    }

    /// The finest scale on which the count's distribution changes as the threshold moves over
    /// [lo, hi]: sd(count) / (d E[count] / du), and no more than the smallest peer spread.
    /// Bins a tenth of it wide lose nothing a test can see (the composite midpoint rule on a
    /// smooth integrand); 0 when a peer is certain (its step must fall on the exact grid).
    double resolution(double lo, double hi) const {
        double scale = smallest_spread();
        if (scale <= 0.0) return 0.0;
        double mean = 0.0;
        for (int k = 0; k <= 8; ++k)
            scale = std::min(scale, scale_at(lo + (hi - lo) * k / 8.0, mean));
        return scale / 10.0;
    }

    /// The head's resolution (ExactOptions::head_grid): the same scale, read only where the
    /// top k is decided, at thresholds where fewer than k ahead is not negligible (below
    /// kGridNegligible by the Chernoff bound). E[count] falls as the threshold rises, so those
    /// thresholds run from some point up to hi: resolution()'s nine thresholds, from lo up, find
    /// the first of them; eight more, from the last negligible one (or lo) up to hi, read the
    /// scale. Against thousands of peers the whole distribution's scale is set where hundreds are
    /// ahead and shrinks like 1/sqrt(N); the head's is set where about k are, and hardly moves
    /// with N. Where fewer than k ahead is negligible at all nine, resolution() itself.
    double head_resolution(double lo, double hi) const {
        const double smallest = smallest_spread();
        if (smallest <= 0.0) return 0.0;
        double whole = smallest;  // resolution()'s minimum, while no threshold is relevant
        double from = lo;
        double mean = 0.0;
        for (int k = 0; k <= 8; ++k) {
            const double u = lo + (hi - lo) * k / 8.0;
            const double s = scale_at(u, mean);
            whole = std::min(whole, s);
            if (fewer_than_head_below(mean, kGridNegligible)) {
                from = u;
                continue;
            }
            // The first relevant threshold: from there (or from the last negligible one) up.
            double scale = std::min(smallest, s);
            for (int j = 1; j <= 8; ++j) {
                const double at = scale_at(from + (hi - from) * j / 8.0, mean);
                if (!fewer_than_head_below(mean, kGridNegligible)) scale = std::min(scale, at);
            }
            return scale / 10.0;
        }
        return whole / 10.0;
    }

    /// Where fewer than k ahead has a probability below this, the head's grid may be as coarse
    /// as it likes: whatever its bins do there moves P(rank <= k) by less than this times their
    /// mass.
    static constexpr double kGridNegligible = 1e-9;

    /// The smallest peer spread; 0 when a peer is certain.
    double smallest_spread() const {
        double smallest = std::numeric_limits<double>::infinity();
        for (const PeerClass& c : classes_) smallest = std::min(smallest, std::max(c.sd, 0.0));
        return smallest;
    }

    /// The scale sd(count) / (d E[count] / du) at the threshold u (infinite where the count does
    /// not move), and E[count] into mean: each class's peers within 9 spreads summed in one
    /// vectorised pass (exact_band_moments), those above them counted.
    double scale_at(double u, double& mean) const {
        const TailTable& tail = tail_table();
        double slope = 0.0;
        double var = 0.0;
        mean = 0.0;
        for (const PeerClass& c : classes_) {
            const auto& m = c.means;
            const auto first = std::lower_bound(m.begin(), m.end(), u - 9.0 * c.sd);
            const auto last = std::upper_bound(m.begin(), m.end(), u + 9.0 * c.sd);
            double sums[3] = {};
            detail::exact_band_moments(m.data() + (first - m.begin()),
                                       static_cast<std::size_t>(last - first), u, c.sd, tail.q(),
                                       tail.phi(), sums);
            var += sums[0];
            slope += sums[1] / c.sd;
            mean += sums[2] + static_cast<double>(m.end() - last);
        }
        return slope > 0.0 ? std::sqrt(var + 0.25) / slope
                           : std::numeric_limits<double>::infinity();
    }

    /// The probabilities of the peers that are not certain for the threshold u - c_i w (key: the
    /// own rounded score when known exactly, for comparisons with fixed peers), into p_, and
    /// the number of peers certainly ahead. With cell > 0 the threshold stands for the piece
    /// [lo, hi) of a cell of the convolved grid (u is then its midpoint and w = 0): a peer whose
    /// spread is narrow next to the piece gets its probability averaged over it (exactly: the
    /// integral of the normal tail); a step peer (no spread, or a spread below a twentieth of the
    /// cell) is ahead for the whole piece or not at all, as the pieces are cut at the steps.
    /// The peers surely ahead found by binary search alone: step peers above the piece, peers
    /// without spread above the threshold, and peers of a class whose mean is beyond 8.5 spreads
    /// above it. A lower bound of the count ahead (uncertain() finds the rest).
    std::size_t certain_ahead(double u, std::int64_t key, double w, double lo, double hi) {
        const bool rounded = options_.decimals >= 0;
        const double cell = hi - lo;
        std::size_t certain = 0;
        if (cell > 0.0) {
            // Step peers: ahead when their mean is at or above the piece (cut at the means).
            const auto first_ahead =
                rounded ? std::lower_bound(steps_.begin(), steps_.end(), hi - 0.25 * cell)
                        : std::upper_bound(steps_.begin(), steps_.end(), hi - 0.25 * cell);
            certain += static_cast<std::size_t>(steps_.end() - first_ahead);
        }
        for (PeerClass& c : classes_) {
            const auto& m = c.means;
            c.first = c.last = m.size();
            if (cell > 0.0 && c.step) continue;
            const double v = u - c.shock * w;
            if (c.sd <= 0.0) {
                std::size_t from = 0;
                if (key >= 0 && c.shock == 0.0)
                    from = static_cast<std::size_t>(
                        std::upper_bound(c.keys.begin(), c.keys.end(), key) - c.keys.begin());
                else if (rounded)
                    from = static_cast<std::size_t>(std::lower_bound(m.begin(), m.end(), v) -
                                                    m.begin());
                else
                    from = static_cast<std::size_t>(std::upper_bound(m.begin(), m.end(), v) -
                                                    m.begin());
                certain += m.size() - from;
                continue;
            }
            // The band [a - reach, b + reach] of means whose peers may be uncertain (a little
            // wider than 8.5 spreads: the scan classifies the edge exactly as before).
            const bool averaged = !plain_tails(c.sd, cell);  // c.sd > 0 here
            const double a = averaged ? lo : v;
            const double b = averaged ? hi : v;
            const double reach = band_reach(c.sd);
            c.averaged = averaged;
            c.v = v;
            c.first = static_cast<std::size_t>(std::lower_bound(m.begin(), m.end(), a - reach) -
                                               m.begin());
            c.last = static_cast<std::size_t>(std::upper_bound(m.begin(), m.end(), b + reach) -
                                              m.begin());
            certain += m.size() - c.last;
        }
        return certain;
    }

    /// The probabilities of the peers in each class's band (certain_ahead() set the bands) into
    /// p_, from both ends of the band inwards (the surest first, so that the recursion's window
    /// of counts stays narrow), and the band's peers found surely ahead into extra_certain_.
    /// With cell > 0 the threshold stands for the piece [lo, hi) of a cell of the convolved
    /// grid (u is then its midpoint and w = 0): a peer whose spread is narrow next to the piece
    /// gets its probability averaged over it (exactly: the integral of the normal tail); a step
    /// peer (no spread, or a spread below a twentieth of the cell) is ahead for the whole piece
    /// or not at all, as the pieces are cut at the steps (certain_ahead counted it).
    ///
    /// For P(top k) alone (prob_only), the bands are read from the top down and the reading
    /// stops as soon as the peers read make fewer than k ahead negligible: with μ the expected
    /// count of the peers read so far (certain included) and a = k - 1 < μ, the Chernoff bound
    /// of a Poisson-binomial count P(A <= a) <= e^-μ (eμ/a)^a (e^-μ for a = 0) holds for the
    /// whole count too, which can only be larger. Below a hundredth of the truncation the point
    /// adds nothing and uncertain() returns true.
    bool uncertain(double lo, double hi, std::size_t certain, bool prob_only) {
        const double trunc = options_.truncation;
        const double cell = hi - lo;
        const TailTable& tail = tail_table();
        extra_certain_ = 0;
        p_.clear();
        double mu = static_cast<double>(certain);
        const auto negligible = [&] { return fewer_than_head_negligible(mu); };
        if (prob_only && negligible()) return true;
        for (const PeerClass& c : classes_) {
            if (c.first >= c.last) continue;
            const double sd = c.sd;
            const auto prob = [&](double mean) {
                if (c.averaged) {
                    // Mean over the piece of P(X >= t): (G(zb) - G(za)) sd / cell,
                    // G(z) = z Q(z) - φ(z).
                    const auto g = [](double z) {
                        return z * detail::normal_sf(z) -
                               std::exp(-0.5 * z * z) / std::sqrt(2.0 * std::numbers::pi);
                    };
                    return std::clamp((g((hi - mean) / sd) - g((lo - mean) / sd)) * sd / cell, 0.0,
                                      1.0);
                }
                const double z = (c.v - mean) / sd;
                if (z < -8.5) return 1.0;
                if (z > 8.5) return 0.0;
                return tail.sf(z);
            };
            const auto take = [&](double p) {
                if (p >= 1.0 - trunc) {
                    ++extra_certain_;
                } else if (p > trunc) {
                    p_.push_back(p);
                }
            };
            if (prob_only && !c.averaged) {
                // From the top down, 256 peers at a time through the vectorised pass.
                constexpr std::size_t kChunk = 256;
                band_.resize(std::max(band_.size(), kChunk));
                for (std::size_t j = c.last; j > c.first;) {
                    const std::size_t n = std::min(kChunk, j - c.first);
                    j -= n;
                    detail::exact_tail_probabilities(c.means.data() + j, n, c.v, sd, tail.q(),
                                                     tail.phi(), band_.data());
                    for (std::size_t k = n; k > 0;) {
                        const double p = band_[--k];
                        take(p);
                        mu += p;
                    }
                    if (negligible()) return true;
                }
                continue;
            }
            if (prob_only) {
                for (std::size_t j = c.last; j > c.first;) {
                    const double p = prob(c.means[--j]);
                    take(p);
                    mu += p;
                    if ((j & 15U) == 0 && negligible()) return true;
                }
                if (negligible()) return true;
                continue;
            }
            std::size_t i = c.first;
            std::size_t j = c.last;
            if (!c.averaged) {
                // The band's probabilities in one vectorised pass, then taken outside in.
                const std::size_t n = j - i;
                band_.resize(std::max(band_.size(), n));
                detail::exact_tail_probabilities(c.means.data() + i, n, c.v, sd, tail.q(),
                                                 tail.phi(), band_.data());
                std::size_t a = 0;
                std::size_t b = n;
                while (a < b) {
                    take(band_[a++]);
                    if (a < b) take(band_[--b]);
                }
                continue;
            }
            while (i < j) {
                take(prob(c.means[i++]));
                if (i < j) take(prob(c.means[--j]));
            }
        }
        return false;
    }

    /// Whether P(count ahead < head) is below a hundredth of the truncation by the Chernoff
    /// bound for a count of mean at least `mu` (uncertain() above).
    [[nodiscard]] bool fewer_than_head_negligible(double mu) const {
        const double trunc = options_.truncation;
        return trunc > 0.0 && fewer_than_head_below(mu, trunc * 1e-2);
    }

    /// Whether P(count ahead < head) is below `bound` by the Chernoff bound for a count of mean
    /// at least `mu`: P(A <= a) <= e^-mu (e mu / a)^a for a = head - 1 < mu (e^-mu for a = 0).
    [[nodiscard]] bool fewer_than_head_below(double mu, double bound) const {
        const double a = head_ > 0 ? static_cast<double>(head_ - 1) : 0.0;
        if (head_ == 0 || !(mu > a)) return false;
        const double log_bound = a > 0.0 ? -mu + a + a * std::log(mu / a) : -mu;
        return log_bound < std::log(bound);
    }

    /// Add weight × P(count ahead = k) into pmf_ (all counts: the Poisson-binomial recursion
    /// over the uncertain peers on a window of counts trimmed below the truncation), or, with a
    /// head of K counts, weight × P(count ahead = k) for k < K only (the recursion stopped at
    /// K: O(N K)) and weight × E[count ahead] into expected_ (a plain sum).
    void add_count(double u, std::int64_t key, double w, double weight, double lo = 0.0,
                   double hi = 0.0) {
        ++evaluations_;
        std::size_t certain = certain_ahead(u, key, w, lo, hi);
        // E[count ahead] from the classes' interpolants: the bands are then read for P(top k)
        // alone.
        if (!expected_counts_.empty()) {
            double mean = 0.0;
            for (std::size_t c = 0; c < classes_.size(); ++c)
                mean += expected_counts_[c](classes_[c].v);
            expected_ += weight * mean;
            // The whole count's mean already makes fewer than k ahead negligible: no band.
            if (head_ > 0 && fewer_than_head_negligible(mean)) return;
        }
        // P(top k) alone: where k peers are surely ahead, or fewer than k is negligible,
        // nothing to add.
        const bool prob_only = head_ > 0 && (!want_expected_ || !expected_counts_.empty());
        if (prob_only && certain >= head_) return;
        // With the far peers in aggregate (FarSums), each class's band is read down to its near
        // peers only.
        const bool far = near_peers_only();
        if (uncertain(lo, hi, certain, prob_only)) return;
        certain += extra_certain_;
        if (head_ > 0) {
            double mean = static_cast<double>(certain);
            for (const double p : p_) mean += p;
            std::array<double, FarSums::kPowers> sums{};
            if (far) {
                for (std::size_t c = 0; c < classes_.size(); ++c)
                    far_sums_[c].add_sums(classes_[c].v, band_, sums.data());
                mean += sums[0];
            }
            if (want_expected_ && expected_counts_.empty()) expected_ += weight * mean;
            // The recursion only where fewer than k ahead is not negligible.
            if (certain >= head_ || fewer_than_head_negligible(mean)) return;
            const std::size_t top = head_ - certain;  // counts 0..top-1 are kept
            std::fill(f_.begin(), f_.begin() + static_cast<std::ptrdiff_t>(top), 0.0);
            f_[0] = 1.0;
            std::size_t hi_count = 0;
            if (top <= 16) {
                detail::exact_head_counts16(f_.data(), top, p_.data(), p_.size());
                hi_count = std::min(p_.size(), top - 1);
            } else {
                for (const double p : p_) {
                    const double q = 1.0 - p;
                    const std::size_t up = std::min(hi_count + 1, top - 1);
                    for (std::size_t k = up; k >= 1; --k) f_[k] = f_[k] * q + f_[k - 1] * p;
                    f_[0] *= q;
                    hi_count = up;
                }
            }
            if (!far) {
                for (std::size_t k = 0; k <= hi_count; ++k) pmf_[certain + k] += weight * f_[k];
                return;
            }
            // The near peers' counts convolved with the far peers'.
            far_counts(sums.data(), top, g_.data());
            for (std::size_t h = 0; h < top; ++h) {
                double p = 0.0;
                for (std::size_t i = 0; i <= std::min(h, hi_count); ++i) p += f_[i] * g_[h - i];
                pmf_[certain + h] += weight * p;
            }
            return;
        }
        const double trunc = options_.truncation;
        std::size_t lo_count = 0;
        std::size_t hi_count = 0;  // inclusive
        f_[0] = 1.0;
        std::size_t read = 0;
        for (const double p : p_) {
            // Against 100,000 peers one point is 10^8 steps: the clock is looked at within it.
            if ((++read & 4095U) == 0) report();
            detail::exact_recursion_step(f_.data(), g_.data(), lo_count, hi_count, p);
            ++hi_count;
            std::swap(f_, g_);
            while (lo_count < hi_count && f_[lo_count] < trunc) ++lo_count;
            while (hi_count > lo_count && f_[hi_count] < trunc) --hi_count;
        }
        double total = 0.0;
        for (std::size_t k = lo_count; k <= hi_count; ++k) total += f_[k];
        const double scale = weight / total;
        for (std::size_t k = lo_count; k <= hi_count; ++k) pmf_[certain + k] += f_[k] * scale;
    }

    /// The cell [v - step/2, v + step/2) with its mass, cut at the step peers inside it into
    /// pieces that share the mass by length (the cell's density taken as flat, as the midpoint
    /// rule does).
    void add_cell(double v, double step, double mass) {
        const double a = v - 0.5 * step;
        const double b = v + 0.5 * step;
        auto it = std::upper_bound(steps_.begin(), steps_.end(), a);
        double lo = a;
        while (it != steps_.end() && *it < b) {
            const double cut = *it;
            if (cut > lo) {
                add_count(0.5 * (lo + cut), -1, 0.0, mass * (cut - lo) / step, lo, cut);
                lo = cut;
            }
            ++it;
        }
        add_count(0.5 * (lo + b), -1, 0.0, mass * (b - lo) / step, lo, b);
        report();
    }

    /// Calls the progress callback about every kProgressInterval (0.1 s) of work; throws
    /// SimulationCancelled on false.
    void report() {
        if (!progress_ || total_nodes_ == 0) return;
        const auto now = std::chrono::steady_clock::now();
        if (now - last_report_ < kProgressInterval) return;
        last_report_ = now;
        if (!progress_(std::min(nodes_done_, total_nodes_), total_nodes_))
            throw SimulationCancelled();
    }

    /// Runs the method: the full pmf into pmf_ (head 0), or the first `head` counts and the
    /// expected count.
    void run(const OwnScore& own, std::size_t head, bool want_expected = true) {
        head_ = head;
        want_expected_ = want_expected;
        pmf_.assign(n_ + 1, 0.0);
        expected_ = 0.0;
        double top_mass = 0.0;
        std::vector<Atom> atoms = own_atoms(own, top_mass);
        pmf_[0] += top_mass;  // nobody ahead: count 0, which the expected count adds nothing for
        if (atoms.empty()) return;
        bool equal_loadings = true;
        const double c = n_ > 0 ? peers_[0].shock : 0.0;
        for (const auto& p : peers_)
            if (std::fabs(p.shock - c) > 1e-15 * std::max(1.0, c)) equal_loadings = false;
        const double lo = atoms.front().u - 8.5 * c;
        const double hi = atoms.back().u + 8.5 * c;
        const double width = std::max(
            h_, head_ > 0 && options_.head_grid ? head_resolution(lo, hi) : resolution(lo, hi));
        // A peer without spread must meet the exact grid: no merging beyond it then.
        const bool sure_peer = std::any_of(peers_.begin(), peers_.end(),
                                           [](const PeerForecast& p) { return p.sd <= 0.0; });
        const std::size_t cap = sure_peer ? 0 : options_.max_points;
        if (equal_loadings && c == 0.0) {
            const std::vector<Atom> merged = merge(std::move(atoms), width > h_ ? width : 0.0, cap);
            total_nodes_ = merged.size();
            use_expected_counts(merged.front().u, merged.back().u, 0.0, 0.0, 0.0, merged.size());
            use_far_sums(merged.front().u, merged.back().u, 0.0, 0.0, 0.0, merged.size());
            for (const Atom& a : merged) {
                add_count(a.u, a.key, 0.0, a.weight);
                ++nodes_done_;
                report();
            }
        } else if (equal_loadings) {
            convolved(atoms, c, width);
        } else {
            const detail::GaussHermite& gh =
                detail::gauss_hermite_once(std::max<std::size_t>(1, options_.shock_nodes));
            const std::size_t per_node = std::max<std::size_t>(
                16, options_.max_points / std::max<std::size_t>(1, gh.nodes.size() / 8));
            const std::vector<Atom> merged =
                merge(std::move(atoms), width > h_ ? width : 0.0, sure_peer ? 0 : per_node);
            total_nodes_ = gh.nodes.size() * merged.size();
            const auto [w_lo, w_hi] = std::minmax_element(gh.nodes.begin(), gh.nodes.end());
            use_expected_counts(merged.front().u, merged.back().u, *w_lo, *w_hi, 0.0, total_nodes_);
            use_far_sums(merged.front().u, merged.back().u, *w_lo, *w_hi, 0.0, total_nodes_);
            for (std::size_t q = 0; q < gh.nodes.size(); ++q)
                for (const Atom& a : merged) {
                    add_count(a.u, a.key, gh.nodes[q], a.weight * gh.weights[q]);
                    ++nodes_done_;
                    report();
                }
        }
    }

    /// Interpolates the head's E[count ahead] per class (ExpectedCount) when that takes fewer
    /// sums than one per point: for thresholds u - shock·w, u in [u_lo, u_hi], w in [w_lo, w_hi],
    /// at `points` points of a grid `cell` wide (0: none). Only where every class's terms are
    /// normal tails at every point: a spread > 0, not averaged over a cell (sd >= 4 cell).
    void use_expected_counts(double u_lo, double u_hi, double w_lo, double w_hi, double cell,
                             std::size_t points) {
        expected_counts_.clear();
        if (head_ == 0 || !want_expected_) return;
        std::size_t cost = 0;
        for (const PeerClass& c : classes_) {
            if (!plain_tails(c.sd, cell)) return;
            cost +=
                ExpectedCount::cost(c.means, c.sd, u_lo - c.shock * w_hi, u_hi - c.shock * w_lo);
        }
        if (cost >= points) return;
        expected_counts_.reserve(classes_.size());
        for (const PeerClass& c : classes_)
            expected_counts_.emplace_back(c.means, c.sd, u_lo - c.shock * w_hi,
                                          u_hi - c.shock * w_lo, band_);
    }

    /// Holds the far peers of each class in aggregate (FarSums) for the head where that saves
    /// work: every class's terms plain tails (as use_expected_counts), a head of at most 64
    /// counts, and at least 32 points to a panel, so that a panel's 16 sums are shared.
    void use_far_sums(double u_lo, double u_hi, double w_lo, double w_hi, double cell,
                      std::size_t points) {
        far_sums_.clear();
        if (head_ == 0 || head_ > 64 || (want_expected_ && expected_counts_.empty())) return;
        for (const PeerClass& c : classes_) {
            if (!plain_tails(c.sd, cell)) return;
            const double range = (u_hi - u_lo) + c.shock * (w_hi - w_lo);
            if (static_cast<double>(points) * FarSums::kWidth * c.sd < 32.0 * range) return;
        }
        far_sums_.reserve(classes_.size());
        for (const PeerClass& c : classes_)
            far_sums_.emplace_back(c.means, c.sd, u_lo - c.shock * w_hi, u_hi - c.shock * w_lo);
    }

    /// With far sums, narrows each class's band (certain_ahead() set it) to its near peers, and
    /// says so; false, the band untouched, where a threshold is off the panels.
    bool near_peers_only() {
        if (far_sums_.empty()) return false;
        splits_.resize(classes_.size());
        for (std::size_t c = 0; c < classes_.size(); ++c)
            if (!far_sums_[c].split_at(classes_[c].v, splits_[c])) return false;
        for (std::size_t c = 0; c < classes_.size(); ++c) {
            PeerClass& k = classes_[c];
            k.first = std::min(std::max(k.first, splits_[c]), k.last);
        }
        return true;
    }

    RankDistribution distribution() {
        // Renormalise away the truncated tails.
        double total = 0.0;
        for (const double x : pmf_) total += x;
        if (total > 0.0)
            for (double& x : pmf_) x /= total;
        RankDistribution d;
        d.method = RankMethod::Exact;
        d.pmf = std::move(pmf_);
        return d;
    }

    RankHead head(std::size_t top) {
        RankHead h;
        h.units = n_ + 1;
        h.pmf.assign(pmf_.begin(), pmf_.begin() + static_cast<std::ptrdiff_t>(top));
        for (double& x : h.pmf) x = std::clamp(x, 0.0, 1.0);
        h.expected = 1.0 + expected_;
        return h;
    }

    std::size_t evaluations() const noexcept { return evaluations_; }

    /// The function's own callback, else the one a ProgressScope installed on this thread (the
    /// bindings' Ctrl-C), else none.
    void set_progress(const ExactProgress& progress) {
        if (progress) {
            progress_ = progress;
        } else if (const ProgressCallback* scope = ProgressScope::current()) {
            progress_ = *scope;
        }
    }

    /// The last progress call: everything done (a stop asked now still stops).
    void finish() {
        if (progress_ && !progress_(total_nodes_, total_nodes_)) throw SimulationCancelled();
    }

private:
    /// One common loading c > 0: only v = u - c·W matters. Atoms are spread linearly onto a
    /// regular grid, convolved with the cell probabilities of c·W, and the count is evaluated
    /// in each cell (cut at the step peers: add_cell).
    void convolved(const std::vector<Atom>& atoms, double c, double width) {
        const double u_lo = atoms.front().u;
        const double u_hi = atoms.back().u;
        const double reach = 8.5 * c;
        const double span = (u_hi - u_lo) + 2.0 * reach;
        double step =
            std::max(width, h_ > 0.0 ? h_ : span / static_cast<double>(options_.max_points));
        if (span / step > static_cast<double>(options_.max_points))
            step = span / static_cast<double>(options_.max_points);
        // Step peers: no spread, or one too narrow to see inside a cell.
        steps_.clear();
        for (PeerClass& k : classes_) {
            k.step = k.sd <= step / 20.0;
            if (k.step) steps_.insert(steps_.end(), k.means.begin(), k.means.end());
        }
        std::sort(steps_.begin(), steps_.end());
        const double origin = u_lo - reach;
        const auto cells = static_cast<std::size_t>(std::ceil(span / step)) + 2;
        // Linear binning of the atoms onto nodes origin + j·step.
        std::vector<double> on_grid(cells + 1, 0.0);
        for (const Atom& a : atoms) {
            const double x = (a.u - origin) / step;
            const auto j = static_cast<std::size_t>(std::floor(x));
            const double frac = x - static_cast<double>(j);
            on_grid[std::min(j, cells)] += a.weight * (1.0 - frac);
            on_grid[std::min(j + 1, cells)] += a.weight * frac;
        }
        // Kernel: P(c·W in [(m - 1/2) step, (m + 1/2) step)).
        const auto half = static_cast<std::ptrdiff_t>(std::ceil(reach / step)) + 1;
        std::vector<double> kernel(static_cast<std::size_t>(2 * half + 1));
        for (std::ptrdiff_t m = -half; m <= half; ++m)
            kernel[static_cast<std::size_t>(m + half)] =
                detail::normal_cdf((static_cast<double>(m) + 0.5) * step / c) -
                detail::normal_cdf((static_cast<double>(m) - 0.5) * step / c);
        // v = u - c W: the mass at node j comes from atoms at node j + m with c W = m step.
        const auto total_nodes = static_cast<std::ptrdiff_t>(cells + 1);
        std::vector<double> masses(cells + 1, 0.0);
        detail::exact_convolve(on_grid.data(), total_nodes, kernel.data(), half, masses.data());
        for (const double mass : masses)
            if (mass > options_.truncation * 1e-3) ++total_nodes_;
        // The expected count only where a cell's mass can count: a cell below 1e-14 / N adds
        // less than 1e-14 to E[rank] (its interpolant returns the count at an end beyond them).
        const double counts = 1e-14 / static_cast<double>(std::max<std::size_t>(n_, 1));
        std::size_t j_lo = 0;
        std::size_t j_hi = masses.size();
        while (j_lo + 1 < j_hi && masses[j_lo] < counts) ++j_lo;
        while (j_hi > j_lo + 1 && masses[j_hi - 1] < counts) --j_hi;
        use_expected_counts(origin + static_cast<double>(j_lo) * step,
                            origin + static_cast<double>(j_hi - 1) * step, 0.0, 0.0, step,
                            total_nodes_);
        use_far_sums(origin, origin + static_cast<double>(cells) * step, 0.0, 0.0, step,
                     total_nodes_);
        for (std::size_t j = 0; j < masses.size(); ++j) {
            if (masses[j] <= options_.truncation * 1e-3) continue;
            add_cell(origin + static_cast<double>(j) * step, step, masses[j]);
            ++nodes_done_;
        }
    }

    const std::vector<PeerForecast>& peers_;
    ExactOptions options_;
    std::size_t n_;
    double h_ = 0.0;
    /// Peers of one spread and one loading on the shock, by mean; [first, last) is the band of
    /// the threshold last given to certain_ahead().
    struct PeerClass {
        double sd = 0.0;
        double shock = 0.0;
        bool step = false;               ///< a step peer on the convolved grid
        std::vector<double> means;       ///< ascending
        std::vector<std::int64_t> keys;  ///< rank keys of the clamped means (sure peers only)
        std::size_t first = 0;
        std::size_t last = 0;
        bool averaged = false;  ///< probabilities averaged over the piece
        double v = 0.0;         ///< the threshold u - shock w
    };
    std::vector<PeerClass> classes_;
    std::size_t extra_certain_ = 0;
    std::vector<double> band_;  ///< scratch: one class's band probabilities
    bool want_expected_ = true;
    /// The head's E[count ahead] per class, when interpolating is cheaper (use_expected_counts).
    std::vector<ExpectedCount> expected_counts_;
    /// The head's far peers per class in aggregate, when that saves work (use_far_sums).
    std::vector<FarSums> far_sums_;
    std::vector<std::size_t> splits_;  ///< scratch: each class's first near peer
    std::vector<double> steps_;        ///< sorted means of the step peers (convolved grid only)
    std::vector<double> f_;
    std::vector<double> g_;
    std::vector<double> p_;
    std::vector<double> pmf_;
    double expected_ = 0.0;
    std::size_t head_ = 0;
    std::size_t evaluations_ = 0;
    std::size_t total_nodes_ = 0;
    std::size_t nodes_done_ = 0;
    ExactProgress progress_;
    std::chrono::steady_clock::time_point last_report_ = std::chrono::steady_clock::now();
};

void check_exact_options(const ExactOptions& options) {
    detail::check_rank_decimals(options.decimals);
    if (options.max_points < 1)
        throw ValidationError("options.max_points", "expected at least 1 point");
    if (!(options.truncation >= 0.0 && options.truncation < 1e-6))
        throw ValidationError("options.truncation", "expected a truncation from 0 to 1e-6, found " +
                                                        std::to_string(options.truncation));
}

}  // namespace

RankDistribution rank_distribution_exact(const OwnScore& own,
                                         const std::vector<PeerForecast>& peers,
                                         const ExactOptions& options,
                                         const ExactProgress& progress) {
    validate_own_score(own);
    validate_peer_forecasts(peers);
    check_exact_options(options);
    Exact exact(peers, options);
    exact.set_progress(progress);
    exact.run(own, 0);
    exact.finish();
    return exact.distribution();
}

namespace detail {

namespace {

/// The checks of the searches' entry points: a moved own score (finite mean, spread >= 0).
void validate_moved(const OwnScore& own, const std::vector<PeerForecast>& peers,
                    const ExactOptions& options) {
    if (own.samples.empty()) {
        if (!std::isfinite(own.mean))
            throw ValidationError("own.mean",
                                  "expected a finite DTI, found " + std::to_string(own.mean));
        if (!std::isfinite(own.sd) || own.sd < 0.0)
            throw ValidationError("own.sd",
                                  "expected a spread >= 0, found " + std::to_string(own.sd));
    } else {
        validate_own_score(own);
    }
    if (!peers.empty()) validate_peer_forecasts(peers);  // none: a plan for points alone
    check_exact_options(options);
}

}  // namespace

RankDistribution exact_distribution_of_moved(const OwnScore& own,
                                             const std::vector<PeerForecast>& peers,
                                             const ExactOptions& options) {
    validate_moved(own, peers, options);
    Exact exact(peers, options);
    exact.set_progress({});
    exact.run(own, 0);
    exact.finish();
    return exact.distribution();
}

RankHead exact_head_of_moved(const OwnScore& own, const std::vector<PeerForecast>& peers,
                             std::size_t top, const ExactOptions& options, bool expected) {
    validate_moved(own, peers, options);
    if (top < 1) throw ValidationError("top", "expected at least rank 1");
    top = std::min(top, peers.size() + 1);
    Exact exact(peers, options);
    exact.set_progress({});
    exact.run(own, top, expected);
    exact.finish();
    RankHead h = exact.head(top);
    if (!expected) h.expected = 0.0;
    return h;
}

}  // namespace detail

double RankHead::prob_top(int k) const noexcept {
    if (k < 1) return 0.0;
    if (static_cast<std::size_t>(k) >= units) return 1.0;
    double p = 0.0;
    for (std::size_t r = 0; r < std::min<std::size_t>(static_cast<std::size_t>(k), pmf.size()); ++r)
        p += pmf[r];
    return std::clamp(p, 0.0, 1.0);
}

RankHead rank_head_exact(const OwnScore& own, const std::vector<PeerForecast>& peers,
                         std::size_t top, const ExactOptions& options,
                         const ExactProgress& progress) {
    validate_own_score(own);
    validate_peer_forecasts(peers);
    check_exact_options(options);
    if (top < 1) throw ValidationError("top", "expected at least rank 1");
    top = std::min(top, peers.size() + 1);
    Exact exact(peers, options);
    exact.set_progress(progress);
    exact.run(own, top);
    exact.finish();
    return exact.head(top);
}

}  // namespace dtiplan
