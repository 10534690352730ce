// The peers' growth (docs/rank.md §2): their results evolved to the evaluation date under a
// growth model, the check of such forecasts, and the estimate of the model from the peers'
// published history (how fast they improve, how much that differs between them, and how much
// moves them all together).
#include "dtiplan/rank/growth.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "detail/cells.hpp"
#include "dtiplan/error.hpp"

namespace dtiplan {

using detail::shortest;

// ---- evolution to the evaluation date --------------------------------------------------------

double years_elapsed(int year, const Date& evaluation) {
    if (evaluation.is_special()) throw ValidationError("evaluation", "the date is not set");
    // The end of the evaluation day as a decimal year, minus the end of `year`.
    const Date next = evaluation + boost::gregorian::days(1);
    const int y = static_cast<int>(next.year());
    const Date jan1(static_cast<unsigned short>(y), 1, 1);
    const Date jan1_next(static_cast<unsigned short>(y + 1), 1, 1);
    const double into = static_cast<double>((next - jan1).days());
    const double length = static_cast<double>((jan1_next - jan1).days());
    return (static_cast<double>(y) + into / length) - static_cast<double>(year + 1);
}

std::vector<PeerForecast> evolve_peers(const PeerTable& peers, const GrowthModel& growth,
                                       const Date& evaluation, std::string_view exclude_unit) {
    if (evaluation.is_special()) throw ValidationError("evaluation", "the date is not set");
    const auto check = [](double v, const std::string& where, bool spread) {
        if (!std::isfinite(v) || (spread && v < 0.0))
            throw ValidationError(
                where, std::string(spread ? "expected a spread >= 0" : "expected a finite change") +
                           ", found " + shortest(v));
    };
    check(growth.mean, "growth.mean", false);
    check(growth.sd, "growth.sd", true);
    check(growth.shock_sd, "growth.shock_sd", true);
    for (const auto& [u, v] : growth.unit_mean) check(v, "growth.unit_mean[\"" + u + "\"]", false);
    for (const auto& [u, v] : growth.unit_sd) check(v, "growth.unit_sd[\"" + u + "\"]", true);
    validate_peer_table(peers);

    std::vector<PeerForecast> out;
    for (const PeerResult* r : peers.latest(static_cast<int>(evaluation.year()))) {
        if (!exclude_unit.empty() && r->unit == exclude_unit) continue;
        // The latest result whose year has ended by the evaluation date.
        const PeerResult* use = r;
        if (years_elapsed(use->year, evaluation) < 0.0) {
            use = nullptr;
            for (const auto& other : peers.results)
                if (other.unit == r->unit && years_elapsed(other.year, evaluation) >= 0.0 &&
                    (use == nullptr || other.year > use->year))
                    use = &other;
            if (use == nullptr) continue;
        }
        PeerForecast f;
        f.unit = use->unit;
        f.last = use->dti;
        f.year = use->year;
        f.years = std::max(0.0, years_elapsed(use->year, evaluation));
        const auto m = growth.unit_mean.find(use->unit);
        const auto s = growth.unit_sd.find(use->unit);
        const double mean = m != growth.unit_mean.end() ? m->second : growth.mean;
        const double sd = s != growth.unit_sd.end() ? s->second : growth.sd;
        f.mean = use->dti + f.years * mean;
        f.sd = f.years * sd;
        f.shock = f.years * growth.shock_sd;
        f.illustrative = use->illustrative;
        out.push_back(std::move(f));
    }
    return out;
}

// ---- checking forecasts ----------------------------------------------------------------------

void validate_peer_forecasts(const std::vector<PeerForecast>& peers) {
    if (peers.empty())
        throw ValidationError("peers",
                              "no peer to rank against (an empty peer table, or no "
                              "result of the evaluation year or earlier)");
    for (std::size_t i = 0; i < peers.size(); ++i) {
        const PeerForecast& p = peers[i];
        const std::string where =
            "peers[" + std::to_string(i) + "]" + (p.unit.empty() ? "" : " (" + p.unit + ")");
        if (!std::isfinite(p.mean))
            throw ValidationError(where + ".mean",
                                  "expected a finite DTI, found " + std::to_string(p.mean));
        if (!std::isfinite(p.sd) || p.sd < 0.0)
            throw ValidationError(where + ".sd",
                                  "expected a spread >= 0, found " + std::to_string(p.sd));
        if (!std::isfinite(p.shock) || p.shock < 0.0)
            throw ValidationError(where + ".shock",
                                  "expected a loading >= 0, found " + std::to_string(p.shock));
    }
}

// ---- estimating growth from history ----------------------------------------------------------

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
        throw ValidationError("peers",
                              "estimating growth needs at least two yearly changes (units "
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
