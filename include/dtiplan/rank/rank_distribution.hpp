// Where the commune will rank: the distribution of its rank among its peers at the evaluation
// date, given its own projected DTI and the peers' forecasts. Two methods that must agree
// (docs/rank.md):
//  - exact: given the own score and the common shock, the number of peers ahead is a
//    Poisson-binomial count, computed exactly; the own score and the shock are integrated out
//    by quadrature;
//  - Monte Carlo: draw everything, rank, count; reproducible from a seed.
// Ties are ranked as the DTI ranks them: competition ranks of values rounded to 4 decimals,
// rank = 1 + the number of peers strictly ahead after rounding.
#pragma once

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <functional>
#include <vector>

#include "dtiplan/defaults.hpp"
#include "dtiplan/rank/growth.hpp"
#include "dtiplan/score/rank_key.hpp"  // rank_key: how values are rounded before they are ranked

namespace dtiplan {

/// The own commune's DTI at the evaluation date (clamped to 0..1): a normal with a mean and a
/// spread, or equally likely samples (e.g. DtiProjection::samples).
struct OwnScore {
    double mean = 0.0;
    double sd = 0.0;
    std::vector<double> samples;  ///< when not empty, the score is these; mean and sd are unused

    [[nodiscard]] static OwnScore normal(double mean, double sd);
    [[nodiscard]] static OwnScore from_samples(std::vector<double> samples);
    [[nodiscard]] bool has_samples() const noexcept { return !samples.empty(); }
    /// The mean: `mean`, or the mean of the samples.
    [[nodiscard]] double expected() const noexcept;
    /// The same score moved by `delta` (every sample, or the mean): an improvement of delta.
    [[nodiscard]] OwnScore shifted(double delta) const;

    friend bool operator==(const OwnScore&, const OwnScore&) = default;
};

/// Check an own score: a mean in 0..1, sd >= 0, samples finite and in 0..1.
void validate_own_score(const OwnScore& own);

enum class RankMethod { Exact, MonteCarlo };

/// P(rank = r) for r = 1..units, and what follows from it. For a Monte Carlo distribution the
/// standard errors are those of the estimates from `draws` independent draws.
struct RankDistribution {
    RankMethod method = RankMethod::Exact;
    std::vector<double> pmf;  ///< pmf[r - 1] = P(rank = r); sums to 1
    std::size_t draws = 0;    ///< Monte Carlo draws (0 for the exact method)

    /// The number of units ranked (peers + 1).
    [[nodiscard]] std::size_t units() const noexcept { return pmf.size(); }
    /// P(rank = r); 0 outside 1..units.
    [[nodiscard]] double prob(int rank) const noexcept;
    /// P(rank <= k): 0 for k < 1, 1 for k >= units. Non-decreasing in k.
    [[nodiscard]] double prob_top(int k) const noexcept;
    /// E[rank].
    [[nodiscard]] double expected() const noexcept;
    /// Standard deviation of the rank.
    [[nodiscard]] double sd() const noexcept;
    /// The q-quantile: the least r with P(rank <= r) >= q (q in (0, 1]; 1e-12 of slack for
    /// rounding). Throws ValidationError for q outside (0, 1].
    [[nodiscard]] int quantile(double q) const;
    /// Monte Carlo standard errors (0 for the exact method): sqrt(p (1 - p) / draws) of
    /// P(rank = r) and of P(rank <= k); sd / sqrt(draws) of the expected rank.
    [[nodiscard]] double standard_error(int rank) const noexcept;
    [[nodiscard]] double prob_top_standard_error(int k) const noexcept;
    [[nodiscard]] double expected_standard_error() const noexcept;

    friend bool operator==(const RankDistribution&, const RankDistribution&) = default;
};

/// A Monte Carlo distribution from counts of ranks (counts[r - 1] draws had rank r).
[[nodiscard]] RankDistribution rank_distribution_from_counts(
    const std::vector<std::uint64_t>& counts);

struct ExactOptions {
    /// Ties: values equal after rounding to this many decimals share a rank (the DTI publishes
    /// 4). -1: exact comparison of the unrounded values.
    int decimals = 4;
    /// Most points at which the Poisson-binomial count is evaluated. The own score's rounded
    /// values (and, with a common shock, the threshold it sets) are taken on the 10^-decimals
    /// grid; beyond this many grid points, neighbouring points are merged into bins evaluated
    /// at their centre of mass (a midpoint rule; see docs/rank.md).
    std::size_t max_points = 4096;
    /// Gauss-Hermite nodes for the common shock when peers' loadings on it differ (peers whose
    /// results are from different years); with equal loadings the shock is integrated exactly
    /// on the grid.
    std::size_t shock_nodes = 64;
    /// Peers whose probability of being ahead is within this of 0 or 1 are counted as certainly
    /// behind or ahead, and count probabilities below it at either end of the distribution are
    /// dropped (the pmf is renormalised; the mass dropped is below units × truncation).
    double truncation = 1e-16;
    /// The head (rank_head_exact: P(rank <= k) and E[rank] alone) takes its grid's bins from
    /// where the top k is decided: a tenth of the scale on which the count ahead moves, read at
    /// the thresholds where fewer than k ahead is not negligible (docs/rank.md §4, "The head's
    /// grid"). Against thousands of peers that grid is coarser than the whole distribution's
    /// (1,053 points against 3,383 in the benchmark's 3,320 peers), and the head's numbers differ
    /// from the whole distribution's by the midpoint rule's error (measured: a few millionths of
    /// P(rank <= k), 2e-5 of E[rank] relatively). false: the whole distribution's grid, on which
    /// the head gives the whole distribution's numbers to 1e-12.
    bool head_grid = true;

    friend bool operator==(const ExactOptions&, const ExactOptions&) = default;
};

struct MonteCarloOptions {
    int decimals = 4;  ///< as ExactOptions::decimals
    std::size_t draws = 100000;
    std::uint64_t seed = kDefaultSeed;
    /// Worker threads (0: std::thread::hardware_concurrency()). Draw i uses stream i of the
    /// seed, so the result is the same for any thread count.
    std::size_t threads = 0;

    friend bool operator==(const MonteCarloOptions&, const MonteCarloOptions&) = default;
};

/// Progress of the exact method: (points evaluated, points in all), from the caller's thread,
/// about every kProgressInterval (0.1 s) and once at the end; false stops it with
/// SimulationCancelled (simulate_ranks.hpp). The shape of ProgressCallback (simulate_ranks.hpp).
using ExactProgress = std::function<bool(std::size_t done, std::size_t total)>;

/// The exact rank distribution of the own commune among `peers`. Throws ValidationError for an
/// invalid own score or forecast.
[[nodiscard]] RankDistribution rank_distribution_exact(const OwnScore& own,
                                                       const std::vector<PeerForecast>& peers,
                                                       const ExactOptions& options = {},
                                                       const ExactProgress& progress = {});

/// The head of the exact rank distribution: P(rank = r) for r = 1..top and the expected rank,
/// without the rest (docs/rank.md, "Only the top"). Costs O(N·top) per point instead of the
/// whole Poisson-binomial.
struct RankHead {
    std::vector<double> pmf;  ///< pmf[r - 1] = P(rank = r), r = 1..min(top, units)
    std::size_t units = 0;    ///< peers + 1
    double expected = 0.0;    ///< E[rank] = 1 + Σ P(peer ahead)
    /// P(rank <= k) for k <= top (0 for k < 1, 1 for k >= units).
    [[nodiscard]] double prob_top(int k) const noexcept;

    friend bool operator==(const RankHead&, const RankHead&) = default;
};

/// P(rank <= top) and E[rank] by the exact method, counting the peers ahead only up to `top`.
/// The same values as rank_distribution_exact (within the truncation). Throws ValidationError
/// for top < 1 and as rank_distribution_exact.
[[nodiscard]] RankHead rank_head_exact(const OwnScore& own, const std::vector<PeerForecast>& peers,
                                       std::size_t top, const ExactOptions& options = {},
                                       const ExactProgress& progress = {});

/// The same by Monte Carlo: each draw takes the own score (a normal, or a sample picked
/// uniformly), one common shock and one normal per peer (exact normals: a ziggurat on the
/// draw's detail::Rng stream), clamps every score to 0..1 and counts the peers ahead. At most
/// kMaxDraws draws; stoppable through the thread's ProgressScope (dtiplan/cancellation.hpp).
[[nodiscard]] RankDistribution rank_distribution_montecarlo(const OwnScore& own,
                                                            const std::vector<PeerForecast>& peers,
                                                            const MonteCarloOptions& options = {});

}  // namespace dtiplan
