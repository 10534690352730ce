// Estimating the peers' growth from their published history (docs/rank.md §2): how fast they
// improve, how much that differs between them, and how much moves them all together.
#include "dtiplan/rank/growth.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "dtiplan/error.hpp"

namespace dtiplan {

GrowthEstimate estimate_growth(const PeerTable& peers, int max_year) {
    validate_peer_table(peers);
    // Each unit's results in year order.
    std::map<std::string, std::vector<const PeerResult*>, std::less<>> by_unit;
    for (const auto& r : peers.results)
        if (max_year == 0 || r.year <= max_year) by_unit[r.unit].push_back(&r);

    std::map<std::pair<int, int>, std::vector<double>> by_period;
    GrowthEstimate out;
    std::vector<double> all;
    for (auto& [unit, results] : by_unit) {
        std::sort(results.begin(), results.end(),
                  [](const PeerResult* a, const PeerResult* b) { return a->year < b->year; });
        if (results.size() >= 2) ++out.units;
        for (std::size_t k = 1; k < results.size(); ++k) {
            const PeerResult& a = *results[k - 1];
            const PeerResult& b = *results[k];
            const double change = (b.dti - a.dti) / static_cast<double>(b.year - a.year);
            by_period[{a.year, b.year}].push_back(change);
            all.push_back(change);
        }
    }
    if (all.size() < 2)
        throw ValidationError("peers", "estimating growth needs at least two yearly changes (units "
                                       "with results in two or more years); found " +
                                           std::to_string(all.size()));
    out.changes = all.size();
    out.periods = by_period.size();

    double sum = 0.0;
    for (double c : all) sum += c;
    const double mean = sum / static_cast<double>(all.size());
    out.model.mean = mean;

    std::size_t usable = 0;
    for (const auto& [period, changes] : by_period)
        if (changes.size() >= 2) ++usable;
    if (usable >= 2) {
        // Pooled within-period variance, and the variance of the period means.
        double within = 0.0;
        std::size_t within_dof = 0;
        std::vector<double> means;
        double n_sum = 0.0;
        for (const auto& [period, changes] : by_period) {
            if (changes.size() < 2) continue;
            double m = 0.0;
            for (double c : changes) m += c;
            m /= static_cast<double>(changes.size());
            for (double c : changes) within += (c - m) * (c - m);
            within_dof += changes.size() - 1;
            means.push_back(m);
            n_sum += static_cast<double>(changes.size());
        }
        const double sigma2 = within / static_cast<double>(within_dof);
        double grand = 0.0;
        for (double m : means) grand += m;
        grand /= static_cast<double>(means.size());
        double between = 0.0;
        for (double m : means) between += (m - grand) * (m - grand);
        between /= static_cast<double>(means.size() - 1);
        const double n_mean = n_sum / static_cast<double>(means.size());
        out.model.sd = std::sqrt(sigma2);
        out.model.shock_sd = std::sqrt(std::max(0.0, between - sigma2 / n_mean));
        out.shock_estimated = true;
    } else {
        double ss = 0.0;
        for (double c : all) ss += (c - mean) * (c - mean);
        out.model.sd = std::sqrt(ss / static_cast<double>(all.size() - 1));
        out.model.shock_sd = 0.0;
    }
    return out;
}

}  // namespace dtiplan
