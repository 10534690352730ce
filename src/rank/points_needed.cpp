// Points needed for the top k (docs/rank.md, "Points needed"). P(rank <= k) is non-decreasing in
// the own score (a higher score can only leave fewer peers ahead), so the least score that
// gives the wanted probability is found by bisection over the grid the DTI is published on
// (10^-4): about 14 exact rank distributions, each cheap since the own score is one point (or
// the projection moved as a whole).
#include "dtiplan/rank/points_needed.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include "dtiplan/error.hpp"
#include "rank/detail/exact.hpp"

namespace dtiplan {

PointsNeeded points_needed(const OwnScore& own, const std::vector<PeerForecast>& peers,
                           double max_points, const PointsNeededOptions& options) {
    validate_own_score(own);
    validate_peer_forecasts(peers);
    if (options.top < 1)
        throw ValidationError("options.top",
                              "expected k >= 1, found " + std::to_string(options.top));
    if (!(options.probability > 0.0 && options.probability <= 1.0))
        throw ValidationError("options.probability", "expected a probability in (0, 1], found " +
                                                         std::to_string(options.probability));
    if (!(max_points > 0.0) || !std::isfinite(max_points))
        throw ValidationError("max_points", "expected the framework's total points (> 0), found " +
                                                std::to_string(max_points));

    // The grid: 10^-decimals (10^-6 for unrounded comparisons).
    const int d = options.exact.decimals >= 0 ? options.exact.decimals : 6;
    const double h = std::pow(10.0, -d);
    const auto grid_max = static_cast<long long>(std::llround(1.0 / h));
    const double projected = std::clamp(own.expected(), 0.0, 1.0);

    const auto prob_with = [&](const OwnScore& s) {
        // P(top k) alone: the head of the count, points with k peers surely ahead skipped.
        return detail::exact_head_of_moved(s, peers, static_cast<std::size_t>(options.top),
                                           options.exact, false)
            .prob_top(options.top);
    };
    // Candidate j on the grid: a sure score j·h, or the projection moved by j·h.
    const auto candidate = [&](long long j) {
        return options.keep_own_spread ? own.shifted(static_cast<double>(j) * h)
                                       : OwnScore::normal(static_cast<double>(j) * h, 0.0);
    };
    long long lo = 0;
    long long hi = grid_max;
    if (options.keep_own_spread) {
        // Shifts from "everything at 0" to "everything at 1".
        lo = -static_cast<long long>(std::ceil(projected / h)) - 1;
        hi = static_cast<long long>(std::ceil((1.0 - projected) / h)) + 1;
        if (own.has_samples()) {
            const auto [mn, mx] = std::minmax_element(own.samples.begin(), own.samples.end());
            lo = -static_cast<long long>(std::ceil(*mx / h)) - 1;
            hi = static_cast<long long>(std::ceil((1.0 - *mn) / h)) + 1;
        } else if (own.sd > 0.0) {
            lo -= static_cast<long long>(std::ceil(9.0 * own.sd / h));
            hi += static_cast<long long>(std::ceil(9.0 * own.sd / h));
        }
    }

    PointsNeeded out;
    out.top = options.top;
    out.probability = options.probability;
    out.max_points = max_points;
    out.projected_dti = projected;
    out.prob_at_projection = prob_with(own);

    const double p = options.probability;
    const double at_hi = prob_with(candidate(hi));
    if (at_hi < p) {
        out.reachable = false;
        out.dti = 1.0;
        out.prob_at_needed = at_hi;
    } else {
        // Invariant: P(candidate(hi)) >= p; P(candidate(lo)) < p or lo is the bottom.
        if (prob_with(candidate(lo)) >= p) {
            hi = lo;
        } else {
            while (hi - lo > 1) {
                const long long mid = lo + (hi - lo) / 2;
                if (prob_with(candidate(mid)) >= p)
                    hi = mid;
                else
                    lo = mid;
            }
        }
        out.reachable = true;
        out.prob_at_needed = prob_with(candidate(hi));
        out.dti = std::clamp(candidate(hi).expected(), 0.0, 1.0);
    }
    out.points = out.dti * max_points;
    out.gap_dti = out.dti - projected;
    out.gap_points = out.gap_dti * max_points;
    return out;
}

}  // namespace dtiplan
