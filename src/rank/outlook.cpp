// The outlook pipeline (outlook.hpp). Each step is a library function of its own layer; this file
// only chains them with the command's defaults and keeps every intermediate result.
#include "dtiplan/rank/outlook.hpp"

#include <algorithm>
#include <cmath>
#include <memory>
#include <string>
#include <utility>

#include <boost/date_time/gregorian/gregorian.hpp>

#include "dtiplan/error.hpp"
#include "dtiplan/project/indicator_progress.hpp"
#include "dtiplan/rank/example_peers.hpp"
#include "dtiplan/score/attainment.hpp"
#include "dtiplan/score/score_log.hpp"
#include "dtiplan/track/example_observations.hpp"

namespace dtiplan {
namespace {

[[nodiscard]] bool starts_with(std::string_view s, std::string_view prefix) noexcept {
    return s.substr(0, prefix.size()) == prefix;
}

[[nodiscard]] bool ends_with(std::string_view s, std::string_view suffix) noexcept {
    return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

}  // namespace

std::string find_own_unit(const PeerTable& peers, std::string_view commune) {
    if (commune.empty()) return {};
    const std::string suffix = " " + std::string(commune);
    for (const std::string& unit : peers.units())
        if (unit == commune || ends_with(unit, suffix)) return unit;
    return {};
}

std::string ranked_name(const Plan& plan, std::string_view own_unit) {
    if (!own_unit.empty()) return std::string(own_unit);
    const std::string& name = plan.commune;
    // "Xã" / "Phường" in the spellings a name is written with (UTF-8: ã, ư, ờ and capitals).
    for (std::string_view kind : {"Xã", "xã", "XÃ", "Phường", "phường", "PHƯỜNG"})
        if (starts_with(name, kind)) return name;
    return "Xã " + name;
}

std::map<std::string, double, std::less<>> peers_best(const Framework& framework,
                                                      const PeerTable& peers,
                                                      const GrowthModel& growth,
                                                      const Date& evaluation,
                                                      std::string_view own_unit) {
    std::map<std::string, double, std::less<>> best;
    const int year = static_cast<int>(evaluation.year());
    const auto latest = peers.latest(year);
    for (const MainIndicator& main : framework.main_indicators)
        for (const Component& comp : main.components) {
            if (comp.rule.kind != RuleKind::RelativeToBest) continue;
            for (const PeerResult* r : latest) {
                if (r->unit == own_unit) continue;
                const auto v = r->components.find(comp.id);
                if (v == r->components.end()) continue;
                const double years = std::max(0.0, years_elapsed(r->year, evaluation));
                const double grown = std::clamp(v->second + years * growth.mean, 0.0, 1.0);
                auto [it, inserted] = best.emplace(comp.id, grown);
                if (!inserted) it->second = std::max(it->second, grown);
            }
        }
    return best;
}

Outlook rank_outlook(const Plan& plan, const Framework& framework, const ObservationLog& log,
                     std::shared_ptr<const PeerTable> shared_peers, const OutlookOptions& options) {
    Outlook out;
    out.as_of = options.as_of.value_or(boost::gregorian::day_clock::local_day());
    out.evaluation = options.evaluation.value_or(default_evaluation(plan, out.as_of));
    out.top = options.top.value_or(plan.goal.top);
    out.probability = options.probability;
    out.budget = options.budget;
    out.peer_source = options.peer_source.empty() ? std::string("peers") : options.peer_source;
    const int year = static_cast<int>(out.evaluation.year());

    // 1. The peers at the evaluation date.
    if (!shared_peers) throw ValidationError(out.peer_source, "no peer table given");
    const PeerTable& peers = *shared_peers;
    validate_peer_table(peers, &framework);
    out.peers = std::move(shared_peers);
    out.peers_illustrative = peers.illustrative();
    out.own_unit = find_own_unit(peers, plan.commune);
    out.commune = ranked_name(plan, out.own_unit);
    if (options.estimate_growth) {
        out.growth_estimate = estimate_growth(peers, year);
        out.growth = out.growth_estimate->model;
    } else {
        out.growth = options.growth;
    }
    out.forecasts = evolve_peers(peers, out.growth, out.evaluation, out.own_unit);
    if (out.forecasts.empty())
        throw ValidationError(out.peer_source, "no peer result of " + std::to_string(year) +
                                                   " or earlier to rank against");

    // 2. The plan's tracked components, projected, relative-to-best components against the
    // peers' best (1 where no peer publishes one).
    out.best = peers_best(framework, peers, out.growth, out.evaluation, out.own_unit);
    for (const MainIndicator& main : framework.main_indicators)
        for (const Component& comp : main.components)
            if (comp.rule.kind == RuleKind::RelativeToBest && !out.best.count(comp.id)) {
                out.best_assumed.push_back(comp.id);
                out.best[comp.id] = 1.0;
            }
    ProjectionOptions projection = options.projection;
    for (const auto& [id, b] : out.best) projection.best.emplace(id, b);
    out.projection = project_dti(plan, framework, log, out.as_of, out.evaluation, projection);
    out.observations_illustrative =
        options.observations_illustrative.value_or(is_illustrative(log));
    out.tracked_dti = out.projection.dti.mean;

    // 3. The untracked components, filled; the own score is the projection plus the fill.
    out.fill = untracked_fill(framework, coverage(framework, plan), options.untracked, peers, year,
                              out.own_unit);
    std::vector<double> samples = out.projection.samples;
    const double fill = out.fill.dti();
    for (double& s : samples) s = std::clamp(s + fill, 0.0, 1.0);
    out.own = OwnScore::from_samples(std::move(samples));

    // 4. The rank distribution and the points needed.
    out.distribution =
        options.method == RankMethod::Exact
            ? rank_distribution_exact(out.own, out.forecasts, options.exact)
            : rank_distribution_montecarlo(out.own, out.forecasts, options.montecarlo);
    PointsNeededOptions needed;
    needed.top = out.top;
    needed.probability = out.probability;
    needed.exact = options.exact;
    const double max_points = framework.max_points();
    out.needed = points_needed(out.own, out.forecasts, max_points, needed);
    needed.keep_own_spread = true;
    out.needed_shift = points_needed(out.own, out.forecasts, max_points, needed);

    // 5. The improvements, from the values in force on as_of.
    out.held = indicator_values(plan, log, out.projection.as_of);
    if (options.improve) {
        out.improvement_options =
            options.improvement_options
                ? *options.improvement_options
                : default_improvement_options(plan, framework, out.projection, out.held);
        PlannerOptions planner;
        if (!options.budget) planner.points_needed = std::max(0.0, out.needed_shift.gap_points);
        planner.budget = options.budget;
        planner.goal = options.goal;
        planner.top = out.top;
        planner.probability = out.probability;
        planner.scoring.plan = &plan;
        planner.scoring.year = year;
        planner.scoring.best = out.best;
        planner.draws = out.projection.indicator_samples;
        planner.exact = options.exact;
        out.improvements =
            plan_improvements(framework, projected_values(out.projection, out.held),
                              out.improvement_options, out.own, out.forecasts, planner);
    }
    return out;
}

Outlook rank_outlook(const Plan& plan, const Framework& framework, const ObservationLog& log,
                     const PeerTable& peers, const OutlookOptions& options) {
    return rank_outlook(plan, framework, log, std::make_shared<const PeerTable>(peers), options);
}

Outlook rank_outlook(const Plan& plan, const Framework& framework, const ObservationLog& log,
                     const OutlookOptions& options) {
    OutlookOptions with_source = options;
    if (with_source.peer_source.empty()) with_source.peer_source = std::string(kExamplePeersFile);
    return rank_outlook(plan, framework, log,
                        std::make_shared<const PeerTable>(example_peers(framework)), with_source);
}

ComponentModel everyone_model(const Framework& framework, const Outlook& outlook, double value_sd) {
    ComponentModel model;
    model.components = component_ids(framework);
    const std::size_t k = model.components.size();
    const IndicatorValues projected = projected_values(outlook.projection, outlook.held);

    std::vector<std::vector<double>> means;
    std::vector<std::vector<double>> sds;
    const int year = static_cast<int>(outlook.evaluation.year());
    for (const PeerResult* r : outlook.peers->latest(year)) {
        if (r->unit == outlook.own_unit) continue;
        for (const std::string& id : model.components) {
            if (r->components.contains(id)) continue;
            throw ValidationError(
                outlook.peer_source,
                r->unit + " (" + std::to_string(r->year) + ") has no value for component " + id +
                    ": everyone's rank at once needs every component value of every peer "
                    "(columns " +
                    model.components[0] + (k > 1 ? ", " + model.components[1] : "") + ", ...)");
        }
        const double years = std::max(0.0, years_elapsed(r->year, outlook.evaluation));
        std::vector<double> row_mean;
        std::vector<double> row_sd;
        for (const std::string& id : model.components) {
            const double m =
                std::clamp(r->components.at(id) + years * outlook.growth.mean, 0.0, 1.0);
            row_mean.push_back(m);
            row_sd.push_back(
                std::hypot(component_value_sd(m, value_sd), years * outlook.growth.sd));
        }
        model.units.push_back(r->unit);
        means.push_back(std::move(row_mean));
        sds.push_back(std::move(row_sd));
    }

    std::vector<double> own_mean;
    std::vector<double> own_sd;
    for (const MainIndicator& main : framework.main_indicators) {
        const auto f = outlook.fill.fraction_by_main.find(main.id);
        const double fraction = f == outlook.fill.fraction_by_main.end() ? 0.0 : f->second;
        for (const Component& comp : main.components) {
            double sum = 0.0;
            std::size_t n = 0;
            for (const std::string& id : comp.indicators) {
                if (const auto v = projected.find(id); v != projected.end()) {
                    sum += v->second;
                    ++n;
                }
            }
            const double m = n > 0 ? sum / static_cast<double>(n) : fraction;
            own_mean.push_back(m);
            own_sd.push_back(component_value_sd(m, value_sd));
        }
    }
    model.units.push_back(outlook.commune);
    means.push_back(std::move(own_mean));
    sds.push_back(std::move(own_sd));

    const auto rows = static_cast<Eigen::Index>(means.size());
    const auto cols = static_cast<Eigen::Index>(k);
    model.mean.resize(rows, cols);
    model.sd.resize(rows, cols);
    for (Eigen::Index i = 0; i < rows; ++i) {
        for (Eigen::Index j = 0; j < cols; ++j) {
            model.mean(i, j) = means[static_cast<std::size_t>(i)][static_cast<std::size_t>(j)];
            model.sd(i, j) = sds[static_cast<std::size_t>(i)][static_cast<std::size_t>(j)];
        }
    }
    model.illustrative = outlook.illustrative();
    return model;
}

std::map<std::string, TargetValue, std::less<>> component_targets(const Framework& framework,
                                                                  const Plan& plan, int year) {
    std::map<std::string, TargetValue, std::less<>> out;
    for (const MainIndicator& main : framework.main_indicators) {
        for (const Component& comp : main.components) {
            if (comp.rule.kind != RuleKind::Target) continue;
            for (const std::string& id : comp.indicators) {
                const Indicator* ind = plan.find_indicator(id);
                const Target* target = ind == nullptr ? nullptr : target_in_force(*ind, plan, year);
                if (target == nullptr) continue;
                TargetValue value;
                value.kind = MeasureKind::Rate;
                value.comparator = target->parsed.comparator;
                value.value =
                    as_fraction(ObservedValue{target->parsed.value, {}, {}}, *ind, target);
                out[comp.id] = value;
                break;
            }
        }
    }
    return out;
}

}  // namespace dtiplan
