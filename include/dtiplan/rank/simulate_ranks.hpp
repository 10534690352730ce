// Everyone's rank at once: Monte Carlo at component level for every unit of a province (95) or
// of the country (3,321). Each draw takes every unit's every component value from its normal,
// clamps it to 0..1, scores it through the framework's rules, ranks all units by DTI with ties
// (as the DTI ranks them) and counts, for each unit, the rank it got. The result is each unit's
// rank distribution: an N × N matrix.
//
// Built for speed (docs/performance.md): worker threads take blocks of draws, each keeps its own
// N × N count matrix (memory does not grow with the number of draws) and the counts are added
// at the end. Draw i uses stream i of the seed (exact normals by a ziggurat on detail::Rng), so
// the result is identical for any number of threads. Call it without holding the Python GIL.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

#include <Eigen/Core>

#include "dtiplan/cancellation.hpp"
#include "dtiplan/defaults.hpp"
#include "dtiplan/model/target.hpp"
#include "dtiplan/rank/component_model.hpp"
#include "dtiplan/rank/rank_distribution.hpp"
#include "dtiplan/score/framework.hpp"

namespace dtiplan {

// ProgressCallback and SimulationCancelled: dtiplan/cancellation.hpp (shared by every long
// computation).

/// Which build of the rank simulation's kernel scores the draws (docs/performance.md). Every
/// build gives the same numbers bit for bit; they differ only in speed. Automatic, the default,
/// takes the fastest for this processor; the others are for tests and benchmarks, and one that
/// does not run here is a ValidationError.
enum class SimulationKernel : std::uint8_t {
    Automatic,
    Baseline,      ///< any processor: two lanes per vector
    Avx2,          ///< x86-64 with AVX2: four lanes
    Avx512,        ///< x86-64 with AVX-512F: eight lanes, table look-ups by loads
    Avx512Gather,  ///< the same with gather instructions (fast from Sapphire Rapids on)
};

/// "automatic", "baseline", "avx2", "avx512", "avx512-gather".
[[nodiscard]] const char* to_string(SimulationKernel kernel) noexcept;

/// The builds this processor runs, narrowest first (Baseline always; Automatic is not listed).
[[nodiscard]] std::vector<SimulationKernel> available_simulation_kernels();

/// The build Automatic runs on this processor.
[[nodiscard]] SimulationKernel automatic_simulation_kernel();

struct SimulationOptions {
    std::size_t draws = 10000;
    std::uint64_t seed = kDefaultSeed;
    /// Worker threads, the caller's included (0: std::thread::hardware_concurrency()). Each
    /// keeps an N × N count matrix (44 MB for 3,321 units), so at most 2 GiB worth are used.
    std::size_t threads = 0;
    /// Ties: DTI values equal after rounding to this many decimals share a rank (the DTI
    /// publishes 4); -1: exact comparison.
    int decimals = 4;
    /// The k of the summaries' P(rank <= k): the plan's goal is the top 10.
    int top = 10;
    /// Target components are scored against these targets (by component id; a fraction, e.g.
    /// "Trên 80%" as Above 0.8); without one, against 100% as score() does without a plan.
    std::map<std::string, TargetValue, std::less<>> targets;
    /// Score every value through rule_points() instead of the fast per-rule kernels. Same
    /// result, many times slower: for checking the fast path.
    bool reference_scoring = false;
    /// The kernel's build (same numbers from each; Automatic: the fastest here).
    SimulationKernel kernel = SimulationKernel::Automatic;

    friend bool operator==(const SimulationOptions&, const SimulationOptions&) = default;
};

/// One unit's rank distribution in brief.
struct UnitRankSummary {
    std::string unit;
    double expected_rank = 0.0;
    double rank_sd = 0.0;
    int median_rank = 0;
    int p05_rank = 0;                      ///< 5% quantile (a good draw)
    int p95_rank = 0;                      ///< 95% quantile (a bad draw)
    double prob_top = 0.0;                 ///< P(rank <= top)
    double prob_top_standard_error = 0.0;  ///< its Monte Carlo standard error
    double mean_dti = 0.0;  ///< mean of the unit's DTI (rounded as ranked) over the draws
    double sd_dti = 0.0;

    friend bool operator==(const UnitRankSummary&, const UnitRankSummary&) = default;
};

struct RankSimulation {
    std::vector<std::string> units;
    /// N × N: probabilities(i, r - 1) = P(unit i has rank r). Each row sums to 1; with ties
    /// (equal rounded DTIs) a column can sum to more or less than 1, since tied units share a
    /// rank and skip the next.
    Eigen::MatrixXd probabilities;
    std::vector<UnitRankSummary> summaries;  ///< one per unit, in the model's order
    std::size_t draws = 0;
    std::uint64_t seed = 0;
    int decimals = 4;
    int top = 10;
    bool illustrative = false;  ///< the model was illustrative (synthetic)

    /// Unit i's rank distribution (Monte Carlo, with its standard errors).
    [[nodiscard]] RankDistribution distribution(std::size_t unit) const;
    /// The Monte Carlo standard error of probabilities(i, r - 1).
    [[nodiscard]] double standard_error(std::size_t unit, int rank) const noexcept;

    friend bool operator==(const RankSimulation& a, const RankSimulation& b) {
        return a.units == b.units && a.probabilities.rows() == b.probabilities.rows() &&
               a.probabilities.cols() == b.probabilities.cols() &&
               a.probabilities == b.probabilities && a.summaries == b.summaries &&
               a.draws == b.draws && a.seed == b.seed && a.decimals == b.decimals &&
               a.top == b.top && a.illustrative == b.illustrative;
    }
};

/// Simulate every unit's rank. RelativeToBest components are scored in each draw against the
/// largest value among the units of that draw. `progress` (else the callback of the thread's
/// ProgressScope) is called about every 0.1 s of work and at the end. Throws ValidationError for
/// a model that does not fit the framework (validate_component_model) or bad options (no draws,
/// more than kMaxDraws, top < 1), SimulationCancelled when the callback says stop; an exception
/// thrown by the callback stops the workers and is rethrown.
[[nodiscard]] RankSimulation simulate_ranks(const Framework& framework, const ComponentModel& model,
                                            const SimulationOptions& options = {},
                                            const ProgressCallback& progress = {});

}  // namespace dtiplan
