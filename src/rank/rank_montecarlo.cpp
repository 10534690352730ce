// The rank distribution of one unit by Monte Carlo: the check on the exact method, and the
// method of choice when the own score is only known through samples of something more complex.
// Draw i uses stream i of the seed, consumed in a fixed order (the own score: one normal, or
// one uniform picking a sample; then the common shock when any peer loads on it; then one
// normal per peer with a spread, in the peers' order), so the result does not depend on the
// number of threads. Normals are exact (the ziggurat of detail/normal.hpp).
#include <algorithm>
#include <atomic>
#include <cmath>
#include <string>
#include <vector>

#include "detail/parallel.hpp"
#include "dtiplan/cancellation.hpp"
#include "dtiplan/detail/random.hpp"
#include "dtiplan/error.hpp"
#include "dtiplan/rank/detail/normal.hpp"
#include "dtiplan/rank/rank_distribution.hpp"
#include "rank/detail/options.hpp"

namespace dtiplan {

RankDistribution rank_distribution_montecarlo(const OwnScore& own,
                                              const std::vector<PeerForecast>& peers,
                                              const MonteCarloOptions& options) {
    validate_own_score(own);
    validate_peer_forecasts(peers);
    if (options.draws < 1) throw ValidationError("options.draws", "expected at least 1 draw");
    if (options.draws > kMaxDraws)
        throw ValidationError("options.draws", "at most " + std::to_string(kMaxDraws) +
                                                   " draws, found " +
                                                   std::to_string(options.draws));
    detail::check_rank_decimals(options.decimals);

    const std::size_t n = peers.size();
    const int d = options.decimals;
    bool any_shock = false;
    for (const auto& p : peers) any_shock = any_shock || p.shock > 0.0;

    // Chunks of about 2^16 normals (a millisecond or two), so that the caller's thread asks for
    // progress and cancellation many times per kProgressInterval, whatever the draw count.
    const std::size_t chunk =
        std::clamp<std::size_t>((std::size_t{1} << 16U) / (n + 1), 16, 1U << 16U);
    const std::size_t threads = detail::thread_count(options.threads, options.draws, chunk);
    std::vector<std::vector<std::uint64_t>> counts(threads, std::vector<std::uint64_t>(n + 1, 0));
    std::atomic<std::size_t> done{0};
    Progress progress(options.draws);

    const bool finished = detail::parallel_chunks(
        options.draws, chunk, threads,
        [&](std::size_t t, std::size_t first, std::size_t last) {
            std::vector<std::uint64_t>& mine = counts[t];
            for (std::size_t draw = first; draw < last; ++draw) {
                detail::Rng rng(options.seed, draw);
                double s = 0.0;
                if (own.has_samples()) {
                    // A uniform index from 53 random bits (bias below 2^-40 for any realistic
                    // number of samples).
                    const auto size = static_cast<double>(own.samples.size());
                    const std::size_t pick = std::min(
                        own.samples.size() - 1, static_cast<std::size_t>(rng.uniform() * size));
                    s = own.samples[pick];
                } else {
                    s = own.sd > 0.0 ? own.mean + own.sd * detail::ziggurat_normal(rng) : own.mean;
                }
                const std::int64_t own_key = rank_key(std::clamp(s, 0.0, 1.0), d);
                const double w = any_shock ? detail::ziggurat_normal(rng) : 0.0;
                std::size_t ahead = 0;
                for (const PeerForecast& p : peers) {
                    double x = p.mean + p.shock * w;
                    if (p.sd > 0.0) x += p.sd * detail::ziggurat_normal(rng);
                    ahead += rank_key(std::clamp(x, 0.0, 1.0), d) > own_key ? 1U : 0U;
                }
                ++mine[ahead];
            }
            done.fetch_add(last - first, std::memory_order_relaxed);
        },
        [&] { return progress.keep_going(done.load(std::memory_order_relaxed)); });
    if (!finished) progress.throw_if_stopped();
    progress.finish(options.draws);

    std::vector<std::uint64_t> total(n + 1, 0);
    for (const auto& c : counts)
        for (std::size_t r = 0; r <= n; ++r) total[r] += c[r];
    return rank_distribution_from_counts(total);
}

}  // namespace dtiplan
