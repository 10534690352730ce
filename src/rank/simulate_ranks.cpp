// Everyone's rank at once (docs/rank.md, docs/performance.md): the options checked, the rules
// compiled (detail/simulation_rules.cpp), blocks of kLanes draws scored by the kernel
// (detail/simulation_kernel.cpp) and ranked (detail/simulation_ranking.cpp) on every thread
// (detail/parallel.hpp), and the counts summed into the rank matrix and each unit's summary.
//  - Draw i uses stream i of the seed, so the result cannot depend on how draws are spread over
//    threads; the kernel works on blocks of kLanes consecutive draws, one draw per lane.
//  - Each worker keeps its own N × N uint32 count matrix (no sharing, no atomics in the loop);
//    they are added at the end, in integers, so the sum is the same in any order.
#include "dtiplan/rank/simulate_ranks.hpp"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include "detail/parallel.hpp"
#include "dtiplan/cancellation.hpp"
#include "dtiplan/error.hpp"
#include "rank/detail/lanes.hpp"
#include "rank/detail/options.hpp"
#include "rank/detail/simulation.hpp"

namespace dtiplan {
namespace {

using detail::sim::Compiled;
using detail::sim::kLanes;
using detail::sim::Workspace;

/// Score, key and count the blocks [first, last) into w.
void run_blocks(const Framework& framework, const Compiled& c, const SimulationOptions& options,
                std::size_t first, std::size_t last, Workspace& w,
                std::atomic<std::size_t>& done_draws) {
    detail::sim::Lanes lanes{};
    for (std::size_t b = first; b < last; ++b) {
        const std::size_t d0 = b * kLanes;
        const std::size_t real = std::min(kLanes, options.draws - d0);
        if (options.reference_scoring) {
            detail::sim::score_block_reference(framework, c, options, d0, w);
        } else {
            lanes.seed(options.seed, d0);
            detail::sim::score_block(c, lanes, w);
        }
        detail::sim::key_block(c, w, real);
        detail::sim::count_block(c, w, real);
        done_draws.fetch_add(real, std::memory_order_relaxed);
    }
}

UnitRankSummary summarize_unit(const std::string& unit, const RankDistribution& d, int top,
                               std::int64_t key_sum, std::int64_t key_sq_sum, std::size_t draws) {
    UnitRankSummary s;
    s.unit = unit;
    s.expected_rank = d.expected();
    s.rank_sd = d.sd();
    s.median_rank = d.quantile(0.5);
    s.p05_rank = d.quantile(0.05);
    s.p95_rank = d.quantile(0.95);
    s.prob_top = d.prob_top(top);
    s.prob_top_standard_error = d.prob_top_standard_error(top);
    const auto n = static_cast<double>(draws);
    const double mean_key = static_cast<double>(key_sum) / n;
    const double var_key = std::max(0.0, static_cast<double>(key_sq_sum) / n - mean_key * mean_key);
    s.mean_dti = mean_key * 1e-4;
    s.sd_dti = std::sqrt(var_key * n / std::max(1.0, n - 1.0)) * 1e-4;
    return s;
}

}  // namespace

const char* to_string(SimulationKernel kernel) noexcept {
    switch (kernel) {
        case SimulationKernel::Automatic: return "automatic";
        case SimulationKernel::Baseline: return "baseline";
        case SimulationKernel::Avx2: return "avx2";
        case SimulationKernel::Avx512: return "avx512";
        case SimulationKernel::Avx512Gather: return "avx512-gather";
    }
    return "?";
}

std::vector<SimulationKernel> available_simulation_kernels() {
    return detail::sim::available_kernels();
}

SimulationKernel automatic_simulation_kernel() {
    return detail::sim::resolve_kernel(SimulationKernel::Automatic);
}

RankDistribution RankSimulation::distribution(std::size_t unit) const {
    if (unit >= units.size())
        throw ValidationError("unit", "no unit " + std::to_string(unit) + " (there are " +
                                          std::to_string(units.size()) + ")");
    RankDistribution d;
    d.method = RankMethod::MonteCarlo;
    d.draws = draws;
    d.pmf.resize(units.size());
    for (std::size_t r = 0; r < units.size(); ++r)
        d.pmf[r] = probabilities(static_cast<Eigen::Index>(unit), static_cast<Eigen::Index>(r));
    return d;
}

double RankSimulation::standard_error(std::size_t unit, int rank) const noexcept {
    if (unit >= units.size() || rank < 1 || static_cast<std::size_t>(rank) > units.size() ||
        draws == 0)
        return 0.0;
    const double p =
        probabilities(static_cast<Eigen::Index>(unit), static_cast<Eigen::Index>(rank - 1));
    return std::sqrt(std::max(0.0, p * (1.0 - p)) / static_cast<double>(draws));
}

RankSimulation simulate_ranks(const Framework& framework, const ComponentModel& model,
                              const SimulationOptions& options, const ProgressCallback& progress) {
    validate_component_model(model, framework);
    if (options.draws < 1) throw ValidationError("options.draws", "expected at least 1 draw");
    if (options.draws > kMaxDraws)
        throw ValidationError("options.draws", "at most " + std::to_string(kMaxDraws) +
                                                   " draws, found " +
                                                   std::to_string(options.draws));
    if (options.top < 1)
        throw ValidationError("options.top",
                              "expected k >= 1, found " + std::to_string(options.top));
    detail::check_rank_decimals(options.decimals);
    for (const auto& [id, target] : options.targets) {
        const Component* comp = framework.find_component(id);
        if (comp == nullptr || comp->rule.kind != RuleKind::Target)
            throw ValidationError(
                "options.targets[\"" + id + "\"]",
                "not a component of framework \"" + framework.id + "\" with a target rule");
    }

    const Compiled compiled = detail::sim::compile(framework, model, options);
    const std::size_t n = compiled.units;

    const std::size_t blocks = (options.draws + kLanes - 1) / kLanes;
    std::size_t threads = detail::thread_count(options.threads, blocks, 1);
    // Each thread keeps an N × N count matrix: at most 2 GiB of them (46 threads for the
    // country's 3,321 units; no limit that matters for a province).
    const std::size_t matrix_bytes = std::max<std::size_t>(1, n * n * sizeof(std::uint32_t));
    threads = std::min(threads, std::max<std::size_t>(1, (std::size_t{2} << 30U) / matrix_bytes));
    // Tasks of about 1/256 of the draws, and of at most about 2^23 component values (a few
    // milliseconds), so that the caller's thread asks for progress and cancellation several
    // times per kProgressInterval whatever the draw count and the number of units.
    const std::size_t per_block =
        std::max<std::size_t>(1, n * std::max<std::size_t>(1, compiled.slots) * kLanes);
    const std::size_t chunk = std::clamp<std::size_t>(
        blocks / 256, 1, std::max<std::size_t>(1, (std::size_t{1} << 23U) / per_block));
    std::atomic<std::size_t> done_draws{0};

    std::vector<Workspace> spaces;
    spaces.reserve(threads);
    for (std::size_t t = 0; t < threads; ++t) spaces.emplace_back(compiled);

    // Progress: reported by this (the caller's) thread only.
    Progress pace(options.draws, progress);
    const bool finished = detail::parallel_chunks(
        blocks, chunk, threads,
        [&](std::size_t t, std::size_t first, std::size_t last) {
            run_blocks(framework, compiled, options, first, last, spaces[t], done_draws);
        },
        [&] { return pace.keep_going(done_draws.load(std::memory_order_relaxed)); });
    if (!finished) pace.throw_if_stopped();

    // Add the workers' counts into the first's: integers, so the sum is the same in any order,
    // and they fit 32 bits since there are at most 2^32 - 1 draws in all.
    for (Workspace& w : spaces) detail::sim::flush_counts(compiled, w);
    auto& counts = spaces.front().counts;
    std::vector<std::int64_t> key_sum(n, 0);
    std::vector<std::int64_t> key_sq_sum(n, 0);
    for (std::size_t t = 0; t < spaces.size(); ++t) {
        Workspace& w = spaces[t];
        if (t > 0) {
            for (std::size_t x = 0; x < n * n; ++x) counts[x] += w.counts[x];
            decltype(w.counts)().swap(w.counts);
        }
        for (std::size_t i = 0; i < n; ++i) {
            key_sum[i] += w.key_sum[i];
            key_sq_sum[i] += w.key_sq_sum[i];
        }
    }

    RankSimulation out;
    out.units = model.units;
    out.draws = options.draws;
    out.seed = options.seed;
    out.decimals = options.decimals;
    out.top = options.top;
    out.illustrative = model.illustrative;
    out.summaries.reserve(n);
    std::vector<std::uint64_t> row(n);
    for (std::size_t i = 0; i < n; ++i) {
        std::copy(counts.begin() + static_cast<std::ptrdiff_t>(i * n),
                  counts.begin() + static_cast<std::ptrdiff_t>((i + 1) * n), row.begin());
        out.summaries.push_back(summarize_unit(model.units[i], rank_distribution_from_counts(row),
                                               options.top, key_sum[i], key_sq_sum[i],
                                               options.draws));
    }
    // Row-major counts into the column-major matrix, in tiles (a plain transpose of a 3,321²
    // matrix would miss the cache on every element).
    out.probabilities.resize(static_cast<Eigen::Index>(n), static_cast<Eigen::Index>(n));
    const double inv = 1.0 / static_cast<double>(options.draws);
    constexpr std::size_t kTile = 64;
    double* dst = out.probabilities.data();
    for (std::size_t i0 = 0; i0 < n; i0 += kTile)
        for (std::size_t r0 = 0; r0 < n; r0 += kTile)
            for (std::size_t r = r0; r < std::min(n, r0 + kTile); ++r)
                for (std::size_t i = i0; i < std::min(n, i0 + kTile); ++i)
                    dst[r * n + i] = static_cast<double>(counts[i * n + r]) * inv;
    spaces.clear();
    pace.finish(options.draws);  // the last call; a "stop" now still cancels
    return out;
}

}  // namespace dtiplan
