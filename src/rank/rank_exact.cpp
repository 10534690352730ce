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
#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <mutex>
#include <numbers>
#include <numeric>
#include <string>
#include <utility>

#include <Eigen/Eigenvalues>

#include "dtiplan/error.hpp"
#include "dtiplan/rank/detail/normal.hpp"
#include "dtiplan/rank/rank_distribution.hpp"
#include "rank/detail/options.hpp"

namespace dtiplan {

namespace detail {

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
        fixed_key_.resize(n_);
        for (std::size_t i = 0; i < n_; ++i)
            fixed_key_[i] = rank_key(std::clamp(peers[i].mean, 0.0, 1.0), options.decimals);
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
        double smallest = std::numeric_limits<double>::infinity();
        for (const auto& p : peers_) {
            if (p.sd <= 0.0) return 0.0;
            smallest = std::min(smallest, p.sd);
        }
        double scale = smallest;
        for (int k = 0; k <= 8; ++k) {
            const double u = lo + (hi - lo) * k / 8.0;
            double slope = 0.0;
            double var = 0.0;
            for (const auto& p : peers_) {
                const double z = (u - p.mean) / p.sd;
                if (std::fabs(z) > 9.0) continue;
                const double q = detail::normal_sf(z);
                slope += std::exp(-0.5 * z * z) / (p.sd * std::sqrt(2.0 * std::numbers::pi));
                var += q * (1.0 - q);
            }
            if (slope > 0.0) scale = std::min(scale, std::sqrt(var + 0.25) / slope);
        }
        return scale / 10.0;
    }

    /// Add weight × P(count ahead = k) for thresholds u - c_i w (key: the own rounded score
    /// when known exactly, for comparisons with fixed peers) into pmf. With cell > 0 the
    /// threshold stands for a cell [u - cell/2, u + cell/2) of the convolved grid: a peer whose
    /// spread is narrow next to the cell gets its probability averaged over the cell (exactly:
    /// the integral of the normal tail), so a certain peer inside a cell counts for the share
    /// of the cell below it rather than all or nothing.
    void add_count(double u, std::int64_t key, double w, double weight, std::vector<double>& pmf,
                   double cell = 0.0) {
        const double trunc = options_.truncation;
        const bool rounded = options_.decimals >= 0;
        std::size_t certain = 0;
        p_.clear();
        for (std::size_t i = 0; i < n_; ++i) {
            const PeerForecast& pf = peers_[i];
            const double v = u - pf.shock * w;
            double p = 0.0;
            if (cell > 0.0 && pf.sd < 4.0 * cell) {
                const double a = v - 0.5 * cell;
                if (pf.sd > 0.0) {
                    // Mean over the cell of P(X >= t): (G(zb) - G(za)) sd / cell, G(z) = z Q(z) -
                    // φ(z).
                    const auto g = [](double z) {
                        return z * detail::normal_sf(z) -
                               std::exp(-0.5 * z * z) / std::sqrt(2.0 * std::numbers::pi);
                    };
                    const double za = (a - pf.mean) / pf.sd;
                    const double zb = (a + cell - pf.mean) / pf.sd;
                    p = std::clamp((g(zb) - g(za)) * pf.sd / cell, 0.0, 1.0);
                } else {
                    p = std::clamp((pf.mean - a) / cell, 0.0, 1.0);
                }
            } else if (pf.sd > 0.0) {
                const double z = (v - pf.mean) / pf.sd;
                if (z < -8.5) {
                    p = 1.0;
                } else if (z > 8.5) {
                    p = 0.0;
                } else {
                    p = detail::normal_sf(z);
                }
            } else if (key >= 0 && pf.shock == 0.0) {
                p = fixed_key_[i] > key ? 1.0 : 0.0;
            } else {
                p = rounded ? (pf.mean >= v ? 1.0 : 0.0) : (pf.mean > v ? 1.0 : 0.0);
            }
            if (p >= 1.0 - trunc) {
                ++certain;
            } else if (p > trunc) {
                p_.push_back(p);
            }
        }
        // Poisson-binomial recursion over the uncertain peers on a window [lo, hi].
        std::size_t lo = 0;
        std::size_t hi = 0;  // inclusive
        f_[0] = 1.0;
        for (const double p : p_) {
            const double q = 1.0 - p;
            g_[lo] = f_[lo] * q;
            for (std::size_t k = lo + 1; k <= hi; ++k) g_[k] = f_[k] * q + f_[k - 1] * p;
            g_[hi + 1] = f_[hi] * p;
            ++hi;
            std::swap(f_, g_);
            while (lo < hi && f_[lo] < trunc) ++lo;
            while (hi > lo && f_[hi] < trunc) --hi;
        }
        double total = 0.0;
        for (std::size_t k = lo; k <= hi; ++k) total += f_[k];
        const double scale = weight / total;
        for (std::size_t k = lo; k <= hi; ++k) pmf[certain + k] += f_[k] * scale;
    }

    RankDistribution run(const OwnScore& own) {
        std::vector<double> pmf(n_ + 1, 0.0);
        double top_mass = 0.0;
        std::vector<Atom> atoms = own_atoms(own, top_mass);
        pmf[0] += top_mass;
        if (!atoms.empty()) {
            bool equal_loadings = true;
            const double c = n_ > 0 ? peers_[0].shock : 0.0;
            for (const auto& p : peers_)
                if (std::fabs(p.shock - c) > 1e-15 * std::max(1.0, c)) equal_loadings = false;
            const double lo = atoms.front().u - 8.5 * c;
            const double hi = atoms.back().u + 8.5 * c;
            const double width = std::max(h_, resolution(lo, hi));
            if (equal_loadings && c == 0.0) {
                for (const Atom& a :
                     merge(std::move(atoms), width > h_ ? width : 0.0, options_.max_points))
                    add_count(a.u, a.key, 0.0, a.weight, pmf);
            } else if (equal_loadings) {
                convolved(atoms, c, width, pmf);
            } else {
                const detail::GaussHermite& gh =
                    detail::gauss_hermite_once(std::max<std::size_t>(1, options_.shock_nodes));
                const std::size_t per_node = std::max<std::size_t>(
                    16, options_.max_points / std::max<std::size_t>(1, gh.nodes.size() / 8));
                const std::vector<Atom> merged =
                    merge(std::move(atoms), width > h_ ? width : 0.0, per_node);
                for (std::size_t q = 0; q < gh.nodes.size(); ++q)
                    for (const Atom& a : merged)
                        add_count(a.u, a.key, gh.nodes[q], a.weight * gh.weights[q], pmf);
            }
        }
        // Renormalise away the truncated tails.
        double total = 0.0;
        for (const double x : pmf) total += x;
        if (total > 0.0)
            for (double& x : pmf) x /= total;
        RankDistribution d;
        d.method = RankMethod::Exact;
        d.pmf = std::move(pmf);
        return d;
    }

private:
    /// One common loading c > 0: only v = u - c·W matters. Atoms are spread linearly onto a
    /// regular grid, convolved with the cell probabilities of c·W, and the count is evaluated
    /// at each grid point.
    void convolved(const std::vector<Atom>& atoms, double c, double width,
                   std::vector<double>& pmf) {
        const double u_lo = atoms.front().u;
        const double u_hi = atoms.back().u;
        const double reach = 8.5 * c;
        const double span = (u_hi - u_lo) + 2.0 * reach;
        double step =
            std::max(width, h_ > 0.0 ? h_ : span / static_cast<double>(options_.max_points));
        if (span / step > static_cast<double>(options_.max_points))
            step = span / static_cast<double>(options_.max_points);
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
        for (std::ptrdiff_t j = 0; j < total_nodes; ++j) {
            double mass = 0.0;
            for (std::ptrdiff_t m = -half; m <= half; ++m) {
                const std::ptrdiff_t src = j + m;
                if (src < 0 || src >= total_nodes) continue;
                mass += on_grid[static_cast<std::size_t>(src)] *
                        kernel[static_cast<std::size_t>(m + half)];
            }
            if (mass <= options_.truncation * 1e-3) continue;
            // add_count subtracts shock·w from u: pass u = v and w = 0 (every loading equal).
            const double v = origin + static_cast<double>(j) * step;
            add_count(v, -1, 0.0, mass, pmf, step);
        }
    }

    const std::vector<PeerForecast>& peers_;
    ExactOptions options_;
    std::size_t n_;
    double h_ = 0.0;
    std::vector<std::int64_t> fixed_key_;
    std::vector<double> f_;
    std::vector<double> g_;
    std::vector<double> p_;
};

}  // namespace

RankDistribution rank_distribution_exact(const OwnScore& own,
                                         const std::vector<PeerForecast>& peers,
                                         const ExactOptions& options) {
    validate_own_score(own);
    validate_peer_forecasts(peers);
    detail::check_rank_decimals(options.decimals);
    if (options.max_points < 1)
        throw ValidationError("options.max_points", "expected at least 1 point");
    if (!(options.truncation >= 0.0 && options.truncation < 1e-6))
        throw ValidationError("options.truncation", "expected a truncation from 0 to 1e-6, found " +
                                                        std::to_string(options.truncation));
    Exact exact(peers, options);
    return exact.run(own);
}

}  // namespace dtiplan
