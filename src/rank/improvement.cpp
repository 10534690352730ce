// The improvement planner (docs/rank.md §8).
//
// The problem: choose for each indicator one value (its candidates: from, from + step, ...,
// <= to_max, and the values where its components' rules change), each costing its distance from
// `from` in steps × effort_per_step, for the best chance of the goal. Indicators that share a
// framework component interact (the component scores the mean of its indicators' values,
// through a possibly non-linear rule), so the items of the knapsack are components, or groups of
// components linked by a shared indicator ("classes"); an indicator alone in its component is a
// class by itself. That is a multiple-choice knapsack: one choice per class.
//
// Points are expected over the projection's draws (one "draw" of the values as projected when
// none are given): a move adds to - from to the indicator's every draw, so a component's value
// in draw d is its base mean there plus the sum of its indicators' moves over their count
// (capped at 1), and a Target component's points are the mean of its indicators' own expected
// points, which add up. Either way a component's expected points depend on one coordinate per
// component and never fall when it rises, so:
//  1. within a class, indicators are added one at a time, keeping every combination of values
//     that no other beats on effort and on each component's coordinate;
//  2. across classes, the same on (total effort, total expected points).
// The final frontier holds every plan not beaten on effort and expected points. The plan is
// chosen on it for the chance of the goal (P(rank <= top) over the own samples moved draw by
// draw), then the expected rank, then the least effort, by bisection along the frontier (the
// chance rises with the points along it; exactly so when the draws are one).
#include "dtiplan/rank/improvement.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <numeric>
#include <set>
#include <string>
#include <utility>

#include <boost/math/distributions/normal.hpp>

#include "dtiplan/error.hpp"
#include "dtiplan/model/responsibility.hpp"
#include "dtiplan/score/attainment.hpp"
#include "rank/detail/exact.hpp"

namespace dtiplan {
namespace {

constexpr double kEps = 1e-12;
/// Chances closer than this (0.01 percentage point) and expected ranks closer than that are
/// ties: no effort is spent for less.
constexpr double kProbTie = 1e-4;
constexpr double kRankTie = 0.01;
/// Gains of actions on one component are told apart (reported one by one) when they add up
/// within this many points; otherwise the moves are one action.
constexpr double kAdditive = 0.01;

std::string num(double v) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.6g", v);
    return buf;
}

/// The z of a two-sided normal interval at `level` (1.96 at 0.95).
double z_of_level(double level) {
    return boost::math::quantile(boost::math::normal(), 0.5 + 0.5 * level);
}

/// A framework component as the planner sees it, with its values in every draw.
struct Comp {
    const Component* comp = nullptr;
    std::vector<std::string> present;         ///< its indicators with a value, once each
    bool target = false;                      ///< Target rule: per-indicator points, averaged
    std::optional<double> best;               ///< RelativeToBest
    std::vector<const TargetValue*> targets;  ///< Target: per present indicator
    std::vector<std::vector<double>> x;       ///< per present indicator, per draw
    std::vector<double> base_mean;            ///< per draw: mean of the present values
    std::vector<double> base_draw;            ///< per draw: points before any move
    double mean_value = 0.0;                  ///< the mean of the projected values
    double base_points = 0.0;                 ///< expected points before any move
    std::map<double, double> memo;            ///< coordinate -> expected points (non-Target)

    [[nodiscard]] double n() const { return static_cast<double>(present.size()); }
    [[nodiscard]] std::size_t index_of(const std::string& id) const {
        return static_cast<std::size_t>(std::find(present.begin(), present.end(), id) -
                                        present.begin());
    }
    /// Points in draw d of a non-Target component whose indicators moved by `coord` in all.
    [[nodiscard]] double points_at(double coord, std::size_t d) const {
        const double v = std::clamp(base_mean[d] + coord / n(), 0.0, 1.0);
        return rule_points(comp->rule, v, comp->max_points, best);
    }
    /// Points in draw d of indicator i of a Target component moved by `delta` (before / n).
    [[nodiscard]] double target_at(std::size_t i, double delta, std::size_t d) const {
        return rule_points(comp->rule, std::min(1.0, x[i][d] + delta), comp->max_points,
                           std::nullopt, targets[i]);
    }
    [[nodiscard]] double expected(double coord) {
        if (target) return coord;
        if (const auto it = memo.find(coord); it != memo.end()) return it->second;
        double sum = 0.0;
        for (std::size_t d = 0; d < base_mean.size(); ++d) sum += points_at(coord, d);
        const double e = sum / static_cast<double>(base_mean.size());
        memo.emplace(coord, e);
        return e;
    }
    /// Expected points of Target indicator i moved by delta, over n.
    [[nodiscard]] double target_expected(std::size_t i, double delta) const {
        double sum = 0.0;
        for (std::size_t d = 0; d < x[i].size(); ++d) sum += target_at(i, delta, d);
        return sum / static_cast<double>(x[i].size()) / n();
    }
};

/// The values an option can stop at, with their effort.
struct Candidates {
    std::vector<double> value;  ///< value[0] = from
    std::vector<double> effort;
    std::vector<int> steps;
};

/// A combination of values of a class's options.
struct ClassState {
    double effort = 0.0;
    std::vector<double> coord;  ///< per component of the class
    std::vector<int> level;     ///< per option of the class: its candidate
    double gain = 0.0;
};

/// Keep the states no other state beats (effort <= and every coordinate >=, one strictly).
std::vector<ClassState> pareto(std::vector<ClassState> states) {
    std::sort(states.begin(), states.end(), [](const ClassState& a, const ClassState& b) {
        if (a.effort != b.effort) return a.effort < b.effort;
        return a.coord > b.coord;
    });
    std::vector<ClassState> kept;
    if (!states.empty() && states.front().coord.size() == 1) {
        double best = -std::numeric_limits<double>::infinity();
        for (auto& s : states)
            if (s.coord[0] > best + kEps) {
                best = s.coord[0];
                kept.push_back(std::move(s));
            }
        return kept;
    }
    for (auto& s : states) {
        bool beaten = false;
        for (const auto& k : kept) {
            bool all = true;
            for (std::size_t c = 0; c < s.coord.size() && all; ++c)
                all = k.coord[c] >= s.coord[c] - kEps;
            if (all) {
                beaten = true;
                break;
            }
        }
        if (!beaten) kept.push_back(std::move(s));
    }
    return kept;
}

/// A point of the cross-class frontier, with the way back.
struct Node {
    double effort = 0.0;
    double gain = 0.0;
    std::size_t parent = 0;  ///< index in the previous stage
    std::size_t choice = 0;  ///< index of the class state chosen
};

/// P(rank <= top) and the expected rank of one plan.
struct Chance {
    double prob = 0.0;
    double expected_rank = 0.0;
};

}  // namespace

IndicatorValues projected_values(const DtiProjection& projection, const IndicatorValues& held) {
    IndicatorValues out = held;
    for (const auto& p : projection.indicators)
        if (p.fraction) out[p.indicator] = std::clamp(*p.fraction, 0.0, 1.0);
    return out;
}

std::vector<ImprovementOption> default_improvement_options(const Plan& plan,
                                                           const Framework& framework,
                                                           const DtiProjection& projection,
                                                           const IndicatorValues& held,
                                                           const ImprovementDefaults& defaults) {
    if (!(defaults.rate_step > 0.0 && defaults.rate_step <= 1.0))
        throw ValidationError("defaults.rate_step", "expected a step in (0, 1]");
    if (!(defaults.no_forecast_room >= 0.0 && defaults.no_forecast_sd > 0.0 &&
          defaults.yes_no_effort >= 0.0))
        throw ValidationError("defaults", "expected room >= 0, sd > 0 and effort >= 0");
    if (!(defaults.effort_floor >= 0.0 && defaults.effort_floor <= 1.0))
        throw ValidationError("defaults.effort_floor",
                              "expected a floor from 0 to 1, found " + num(defaults.effort_floor));
    const IndicatorValues values = projected_values(projection, held);
    std::set<std::string, std::less<>> scored;
    for (const auto& m : framework.main_indicators)
        for (const auto& c : m.components)
            for (const auto& id : c.indicators) scored.insert(id);
    const ResponsibilityMatrix matrix = responsibility_matrix(plan);

    std::vector<ImprovementOption> out;
    for (std::size_t row = 0; row < plan.indicators.size(); ++row) {
        const Indicator& ind = plan.indicators[row];
        if (scored.count(ind.id) == 0) continue;
        const auto v = values.find(ind.id);
        if (v == values.end()) continue;  // no projection and no value: no basis to plan on
        ImprovementOption o;
        o.indicator = ind.id;
        o.from = v->second;
        if (const auto h = held.find(ind.id); h != held.end())
            o.latest = std::clamp(h->second, 0.0, 1.0);
        const IndicatorProjection* proj = nullptr;
        for (const auto& p : projection.indicators)
            if (p.indicator == ind.id) proj = &p;

        if (ind.kind == MeasureKind::YesNo || ind.kind == MeasureKind::Milestone) {
            if (o.from >= 1.0 - 1e-9) continue;
            o.to_max = 1.0;
            o.step = 1.0 - o.from;
            o.effort_per_step = defaults.yes_no_effort;
            o.whole_steps = true;
        } else {
            // The count's total in the evaluation year (the latest when no date is set).
            const int year = projection.evaluation.is_special()
                                 ? std::numeric_limits<int>::max()
                                 : static_cast<int>(projection.evaluation.year());
            const double total = ind.count_total(year).value_or(0.0);
            o.whole_steps = ind.kind == MeasureKind::CountOfTotal && total > 0.0;
            o.step = o.whole_steps ? 1.0 / total : defaults.rate_step;
            if (proj != nullptr && proj->forecast && proj->fraction) {
                const Forecast& f = *proj->forecast;
                double scale = 1.0;
                if (ind.kind == MeasureKind::CountOfTotal)
                    scale =
                        total > 0.0 ? 1.0 / total : (f.mean > 0.0 ? *proj->fraction / f.mean : 1.0);
                const double upper = std::clamp(f.upper * scale, 0.0, 1.0);
                const double lower = std::clamp(f.lower * scale, 0.0, 1.0);
                const double z = z_of_level(std::clamp(f.level, 0.5, 0.999999));
                // The spread, floored: a flat series (a band narrower than the floor's) can
                // still move, z floors above its forecast at most.
                const double band_sd = (upper - lower) / (2.0 * z);
                const double sd = std::max(band_sd, defaults.effort_floor);
                o.to_max = std::max(o.from, upper);
                if (band_sd < defaults.effort_floor)
                    o.to_max = std::min(1.0, std::max(o.to_max, o.from + z * sd));
                o.effort_per_step = sd > 1e-9 ? o.step / sd : o.step / defaults.no_forecast_sd;
            } else {
                o.to_max = std::min(1.0, o.from + defaults.no_forecast_room);
                o.effort_per_step = o.step / defaults.no_forecast_sd;
            }
            if (o.to_max < o.from + o.step - 1e-12) continue;  // no room for one step
        }
        // Who must act: the leads; for an indicator led at the upper level, the upper-level
        // leads and the commune's tracking units.
        const auto r = static_cast<Eigen::Index>(row);
        for (std::size_t u = 0; u < matrix.units.size(); ++u)
            if (matrix.roles(r, static_cast<Eigen::Index>(u)) & role_bit(Role::Lead))
                o.lead_units.push_back(matrix.units[u]);
        if (o.lead_units.empty())
            for (std::size_t u = 0; u < matrix.units.size(); ++u)
                if (matrix.roles(r, static_cast<Eigen::Index>(u)) &
                    (role_bit(Role::UpperLead) | role_bit(Role::Tracking)))
                    o.lead_units.push_back(matrix.units[u]);
        out.push_back(std::move(o));
    }
    return out;
}

ImprovementPlan plan_improvements(const Framework& framework, const IndicatorValues& projected,
                                  const std::vector<ImprovementOption>& options,
                                  const OwnScore& own, const std::vector<PeerForecast>& peers,
                                  const PlannerOptions& planner) {
    validate_own_score(own);
    // The chance of the goal needs peers; a plan for points alone does not (its chances are then
    // those of a commune alone: rank 1).
    if (planner.goal == PlannerGoal::Chance || !peers.empty()) validate_peer_forecasts(peers);
    if (planner.top < 1) throw ValidationError("planner.top", "expected k >= 1");
    if (planner.budget && !(*planner.budget >= 0.0 && std::isfinite(*planner.budget)))
        throw ValidationError("planner.budget",
                              "expected a budget >= 0, found " + num(*planner.budget));
    if (planner.points_needed && !std::isfinite(*planner.points_needed))
        throw ValidationError("planner.points_needed", "expected a number of points");
    if (!(planner.strict_margin >= 0.0 && planner.strict_margin < 1.0))
        throw ValidationError("planner.strict_margin",
                              "expected a margin from 0 to 1, found " + num(planner.strict_margin));
    const double max_points = framework.max_points();
    if (!(max_points > 0.0)) throw ValidationError("framework", "the framework has no points");
    ScoringContext scoring = planner.scoring;
    scoring.resolve_targets();  // once, not in the inner loop

    // The draws: as many as the own samples, fractions.
    const bool with_draws = !planner.draws.empty();
    const std::size_t draws = with_draws ? own.samples.size() : 1;
    if (with_draws && !own.has_samples())
        throw ValidationError("own", "the own score needs its samples when draws are given");
    for (const auto& [id, column] : planner.draws) {
        if (column.size() != draws)
            throw ValidationError("draws[\"" + id + "\"]",
                                  "expected " + std::to_string(draws) +
                                      " draws (one per own sample), found " +
                                      std::to_string(column.size()));
        for (std::size_t d = 0; d < column.size(); ++d)
            if (!std::isfinite(column[d]) || column[d] < 0.0 || column[d] > 1.0)
                throw ValidationError("draws[\"" + id + "\"][" + std::to_string(d) + "]",
                                      "expected a fraction from 0 to 1, found " + num(column[d]));
    }

    // Values before any improvement: the projection, with each option's indicator at `from`.
    IndicatorValues values = projected;
    std::set<std::string, std::less<>> seen;
    for (std::size_t i = 0; i < options.size(); ++i) {
        const ImprovementOption& o = options[i];
        const std::string where = "options[" + std::to_string(i) + "] (" + o.indicator + ")";
        if (o.indicator.empty())
            throw ValidationError("options[" + std::to_string(i) + "].indicator",
                                  "missing indicator id");
        if (!seen.insert(o.indicator).second)
            throw ValidationError(where + ".indicator", "the indicator has two options");
        const auto fraction = [&](double v, const char* field) {
            if (!std::isfinite(v) || v < 0.0 || v > 1.0)
                throw ValidationError(where + "." + field,
                                      "expected a fraction from 0 to 1, found " + num(v));
        };
        fraction(o.from, "from");
        fraction(o.to_max, "to_max");
        if (o.latest) fraction(*o.latest, "latest");
        if (o.to_max < o.from)
            throw ValidationError(where + ".to_max",
                                  "below from (" + num(o.to_max) + " < " + num(o.from) + ")");
        if (!(o.step > 0.0) || !std::isfinite(o.step))
            throw ValidationError(where + ".step", "expected a step > 0, found " + num(o.step));
        if (!(o.effort_per_step >= 0.0) || !std::isfinite(o.effort_per_step))
            throw ValidationError(where + ".effort_per_step",
                                  "expected an effort >= 0, found " + num(o.effort_per_step));
        values[o.indicator] = o.from;
    }

    // Components, their values in every draw and their base points.
    std::vector<Comp> comps;
    for (const auto& m : framework.main_indicators)
        for (const auto& c : m.components) {
            Comp k;
            k.comp = &c;
            k.target = c.rule.kind == RuleKind::Target;
            if (const auto it = scoring.best.find(c.id); it != scoring.best.end())
                k.best = it->second;
            for (const auto& id : c.indicators)
                if (values.count(id) &&
                    std::find(k.present.begin(), k.present.end(), id) == k.present.end())
                    k.present.push_back(id);
            k.base_mean.assign(draws, 0.0);
            k.base_draw.assign(draws, 0.0);
            for (const auto& id : k.present) {
                const auto column = planner.draws.find(id);
                std::vector<double> x = column != planner.draws.end()
                                            ? column->second
                                            : std::vector<double>(draws, values.at(id));
                for (std::size_t d = 0; d < draws; ++d) k.base_mean[d] += x[d] / k.n();
                k.mean_value += values.at(id) / k.n();
                const Target* t = scoring.target_for(id);
                k.targets.push_back(t ? &t->parsed : nullptr);
                k.x.push_back(std::move(x));
            }
            if (!k.present.empty()) {
                for (std::size_t d = 0; d < draws; ++d) {
                    if (k.target) {
                        for (std::size_t i = 0; i < k.present.size(); ++i)
                            k.base_draw[d] += k.target_at(i, 0.0, d) / k.n();
                    } else {
                        k.base_draw[d] = k.points_at(0.0, d);
                    }
                    k.base_points += k.base_draw[d] / static_cast<double>(draws);
                }
                if (!k.target) k.memo.emplace(0.0, k.base_points);
            }
            comps.push_back(std::move(k));
        }
    // Which components each option's indicator counts in; classes by union-find.
    std::vector<std::vector<std::size_t>> comps_of(options.size());
    for (std::size_t i = 0; i < options.size(); ++i) {
        for (std::size_t c = 0; c < comps.size(); ++c)
            if (comps[c].index_of(options[i].indicator) < comps[c].present.size())
                comps_of[i].push_back(c);
        if (comps_of[i].empty())
            throw ValidationError(
                "options[" + std::to_string(i) + "] (" + options[i].indicator + ").indicator",
                "the indicator counts in no component of framework \"" + framework.id + "\"");
    }

    // Each option's candidate values: its grid, and where its components' rules change.
    std::vector<Candidates> cands(options.size());
    for (std::size_t i = 0; i < options.size(); ++i) {
        const ImprovementOption& o = options[i];
        std::vector<double> v;
        const int levels = static_cast<int>(std::floor((o.to_max - o.from) / o.step + 1e-9));
        for (int l = 0; l <= levels; ++l) v.push_back(std::min(o.from + o.step * l, o.to_max));
        if (planner.thresholds) {
            std::vector<double> at;
            for (const std::size_t c : comps_of[i]) {
                const Comp& k = comps[c];
                if (k.target) {
                    const TargetValue* t = k.targets[k.index_of(o.indicator)];
                    if (t == nullptr) continue;  // against 100%: linear up to to_max
                    double goal = t->as_fraction();
                    if (t->comparator == Comparator::Above) goal += planner.strict_margin;
                    at.push_back(goal);
                    continue;
                }
                std::vector<double> limits;
                const ScoringRule& rule = k.comp->rule;
                switch (rule.kind) {
                    case RuleKind::Steps:
                        for (const auto& st : rule.steps) limits.push_back(st.threshold);
                        break;
                    case RuleKind::Categorical:
                        for (const auto& l : rule.levels) limits.push_back(l.value);
                        break;
                    case RuleKind::YesNo: limits.push_back(0.5); break;
                    case RuleKind::RelativeToBest:
                        if (k.best) limits.push_back(*k.best);
                        break;
                    case RuleKind::Proportional:
                    case RuleKind::Target: break;
                }
                // The indicator's value that brings the component's mean to the limit, the
                // others as projected.
                for (const double limit : limits)
                    at.push_back(o.from + k.n() * (limit - k.mean_value));
            }
            for (double a : at) {
                if (o.whole_steps) a = o.from + std::ceil((a - o.from) / o.step - 1e-9) * o.step;
                if (a > o.from + 1e-9 && a <= o.to_max + 1e-9) v.push_back(std::min(a, o.to_max));
            }
        }
        std::sort(v.begin(), v.end());
        v.erase(std::unique(v.begin(), v.end(),
                            [](double a, double b) { return std::fabs(a - b) <= 1e-12; }),
                v.end());
        for (const double x : v) {
            const double distance = (x - o.from) / o.step;
            cands[i].value.push_back(x);
            cands[i].effort.push_back(distance * o.effort_per_step);
            cands[i].steps.push_back(static_cast<int>(std::ceil(distance - 1e-9)));
        }
        cands[i].effort[0] = 0.0;
        cands[i].steps[0] = 0;
    }

    std::vector<std::size_t> parent(comps.size());
    std::iota(parent.begin(), parent.end(), std::size_t{0});
    const auto find = [&](std::size_t x) {
        while (parent[x] != x) x = parent[x] = parent[parent[x]];
        return x;
    };
    for (const auto& list : comps_of)
        for (std::size_t k = 1; k < list.size(); ++k) parent[find(list[k])] = find(list[0]);
    std::map<std::size_t, std::size_t> class_of_root;
    std::vector<std::vector<std::size_t>> class_options;
    std::vector<std::vector<std::size_t>> class_comps;
    for (std::size_t i = 0; i < options.size(); ++i) {
        const std::size_t root = find(comps_of[i][0]);
        auto [it, inserted] = class_of_root.emplace(root, class_options.size());
        if (inserted) {
            class_options.emplace_back();
            class_comps.emplace_back();
        }
        class_options[it->second].push_back(i);
    }
    for (std::size_t c = 0; c < comps.size(); ++c)
        if (const auto it = class_of_root.find(find(c)); it != class_of_root.end())
            class_comps[it->second].push_back(c);

    ImprovementPlan out;
    out.top = planner.top;
    out.goal = planner.goal;
    out.max_points = max_points;

    // The coordinate a move adds to a component: its value's rise, or for a Target component
    // the indicator's expected points over the count.
    const auto rise = [&](std::size_t c, std::size_t option, std::size_t candidate) {
        Comp& k = comps[c];
        const ImprovementOption& o = options[option];
        const double delta = cands[option].value[candidate] - o.from;
        if (!k.target) return delta;
        const std::size_t i = k.index_of(o.indicator);
        return k.target_expected(i, delta) - k.target_expected(i, 0.0);
    };

    // Step 1: each class's Pareto states.
    std::size_t largest = 0;
    std::vector<std::vector<ClassState>> class_states(class_options.size());
    for (std::size_t k = 0; k < class_options.size(); ++k) {
        const auto& opts = class_options[k];
        const auto& cc = class_comps[k];
        ClassState base;
        base.level.assign(opts.size(), 0);
        base.coord.assign(cc.size(), 0.0);
        for (std::size_t j = 0; j < cc.size(); ++j)
            if (comps[cc[j]].target) base.coord[j] = comps[cc[j]].base_points;
        std::vector<ClassState> states{base};
        for (std::size_t q = 0; q < opts.size(); ++q) {
            const std::size_t oi = opts[q];
            const Candidates& cand = cands[oi];
            // The coordinate each candidate adds to each component of the class.
            std::vector<std::vector<double>> add(cand.value.size(),
                                                 std::vector<double>(cc.size(), 0.0));
            for (std::size_t l = 0; l < cand.value.size(); ++l)
                for (std::size_t j = 0; j < cc.size(); ++j)
                    if (comps[cc[j]].index_of(options[oi].indicator) < comps[cc[j]].present.size())
                        add[l][j] = rise(cc[j], oi, l);
            std::vector<ClassState> next;
            next.reserve(states.size() * cand.value.size());
            for (const auto& s : states) {
                for (std::size_t l = 0; l < cand.value.size(); ++l) {
                    ClassState t = s;
                    t.level[q] = static_cast<int>(l);
                    t.effort += cand.effort[l];
                    for (std::size_t j = 0; j < cc.size(); ++j) t.coord[j] += add[l][j];
                    next.push_back(std::move(t));
                }
            }
            states = pareto(std::move(next));
            largest = std::max(largest, states.size());
            if (states.size() > planner.max_frontier)
                throw ValidationError("options", "the plan has too many combinations (" +
                                                     std::to_string(states.size()) +
                                                     " on one frontier); use coarser steps");
        }
        for (auto& s : states) {
            s.gain = 0.0;
            for (std::size_t j = 0; j < cc.size(); ++j)
                s.gain += comps[cc[j]].expected(s.coord[j]) - comps[cc[j]].base_points;
        }
        // Keep the class's states that are Pareto on (effort, gain).
        std::sort(states.begin(), states.end(), [](const ClassState& a, const ClassState& b) {
            return a.effort < b.effort || (a.effort == b.effort && a.gain > b.gain);
        });
        std::vector<ClassState> kept;
        double best = -std::numeric_limits<double>::infinity();
        for (auto& s : states)
            if (s.gain > best + kEps) {
                best = s.gain;
                kept.push_back(std::move(s));
            }
        class_states[k] = std::move(kept);
    }

    // Step 2: across classes.
    std::vector<std::vector<Node>> stages;
    std::vector<Node> frontier{Node{}};
    for (std::size_t k = 0; k < class_states.size(); ++k) {
        std::vector<Node> next;
        next.reserve(frontier.size() * class_states[k].size());
        for (std::size_t f = 0; f < frontier.size(); ++f)
            for (std::size_t s = 0; s < class_states[k].size(); ++s)
                next.push_back({frontier[f].effort + class_states[k][s].effort,
                                frontier[f].gain + class_states[k][s].gain, f, s});
        std::sort(next.begin(), next.end(), [](const Node& a, const Node& b) {
            return a.effort < b.effort || (a.effort == b.effort && a.gain > b.gain);
        });
        std::vector<Node> kept;
        double best = -std::numeric_limits<double>::infinity();
        for (const auto& n : next)
            if (n.gain > best + kEps) {
                best = n.gain;
                kept.push_back(n);
            }
        largest = std::max(largest, kept.size());
        if (kept.size() > planner.max_frontier)
            throw ValidationError("options", "the plan has too many combinations (" +
                                                 std::to_string(kept.size()) +
                                                 " on one frontier); use coarser steps");
        stages.push_back(kept);
        frontier = std::move(kept);
    }
    out.frontier_size = largest;
    out.points_possible = frontier.back().gain;

    // A plan as the candidate chosen for each option (0: not moved).
    using Levels = std::vector<std::size_t>;
    const auto assignment_of = [&](std::size_t node) {
        Levels a(options.size(), 0);
        std::size_t at = node;
        for (std::size_t k = stages.size(); k-- > 0;) {
            const ClassState& s = class_states[k][stages[k][at].choice];
            for (std::size_t q = 0; q < class_options[k].size(); ++q)
                a[class_options[k][q]] = static_cast<std::size_t>(s.level[q]);
            at = stages[k][at].parent;
        }
        return a;
    };
    // The points a plan gains in each draw.
    const auto draw_gains = [&](const Levels& a) {
        std::vector<double> gain(draws, 0.0);
        std::vector<double> coord(comps.size(), 0.0);
        std::vector<std::vector<double>> delta(comps.size());
        std::vector<bool> touched(comps.size(), false);
        for (std::size_t i = 0; i < options.size(); ++i) {
            if (a[i] == 0) continue;
            const double dv = cands[i].value[a[i]] - options[i].from;
            for (const std::size_t c : comps_of[i]) {
                touched[c] = true;
                coord[c] += dv;
                if (comps[c].target) {
                    delta[c].resize(comps[c].present.size(), 0.0);
                    delta[c][comps[c].index_of(options[i].indicator)] = dv;
                }
            }
        }
        for (std::size_t c = 0; c < comps.size(); ++c) {
            if (!touched[c]) continue;
            const Comp& k = comps[c];
            for (std::size_t d = 0; d < draws; ++d) {
                double p = 0.0;
                if (k.target) {
                    for (std::size_t i = 0; i < k.present.size(); ++i)
                        p += k.target_at(i, delta[c][i], d) / k.n();
                } else {
                    p = k.points_at(coord[c], d);
                }
                gain[d] += p - k.base_draw[d];
            }
        }
        return gain;
    };
    const auto mean_of = [](const std::vector<double>& v) {
        double s = 0.0;
        for (const double x : v) s += x;
        return v.empty() ? 0.0 : s / static_cast<double>(v.size());
    };
    const auto chance_of = [&](const std::vector<double>& gain) {
        OwnScore moved = own;
        if (with_draws) {
            for (std::size_t d = 0; d < draws; ++d)
                moved.samples[d] = std::clamp(own.samples[d] + gain[d] / max_points, 0.0, 1.0);
        } else {
            moved = own.shifted(gain[0] / max_points);
        }
        // P(top k) and E[rank] only: the head of the count.
        const RankHead head = detail::exact_head_of_moved(
            moved, peers, static_cast<std::size_t>(std::max(1, planner.top)), planner.exact, true);
        return Chance{head.prob_top(planner.top), head.expected};
    };
    std::map<std::size_t, Chance> evaluated;
    const auto chance_at = [&](std::size_t node) {
        if (const auto it = evaluated.find(node); it != evaluated.end()) return it->second;
        const Chance c = chance_of(draw_gains(assignment_of(node)));
        evaluated.emplace(node, c);
        return c;
    };
    // The least node in [lo, hi] where `ok` holds (hi when none before it), `ok` taken as
    // monotone along the frontier.
    const auto least = [&](std::size_t lo, std::size_t hi, const auto& ok) {
        while (lo < hi) {
            const std::size_t mid = lo + (hi - lo) / 2;
            if (ok(mid))
                hi = mid;
            else
                lo = mid + 1;
        }
        return lo;
    };

    const Chance before = chance_of(std::vector<double>(draws, 0.0));
    out.prob_top_before = before.prob;
    out.expected_rank_before = before.expected_rank;

    // The points needed (asked for, or the shift of the projection giving the probability).
    double needed = 0.0;
    if (planner.points_needed) {
        needed = *planner.points_needed;
    } else if (!peers.empty()) {  // no peers (a plan for points alone): nothing is needed
        PointsNeededOptions pn;
        pn.top = planner.top;
        pn.probability = planner.probability;
        pn.keep_own_spread = true;
        pn.exact = planner.exact;
        needed = std::max(0.0, points_needed(own, peers, max_points, pn).gap_points);
    }
    if (!(planner.budget && planner.goal == PlannerGoal::Points)) out.points_needed = needed;

    // The last node within the budget (the frontier is sorted by effort, gains increasing).
    std::size_t last = frontier.size() - 1;
    if (planner.budget) {
        last = 0;
        for (std::size_t i = 0; i < frontier.size(); ++i)
            if (frontier[i].effort <= *planner.budget + 1e-9) last = i;
    }
    // Choose: std::nullopt is no move at all.
    std::optional<std::size_t> chosen;
    if (planner.goal == PlannerGoal::Points) {
        if (planner.budget) {
            chosen = last;
        } else if (needed > 0.0) {
            chosen = least(std::size_t{0}, last,
                           [&](std::size_t i) { return frontier[i].gain >= needed - 1e-9; });
        } else {
            chosen = 0;
        }
    } else {
        const Chance top_chance = chance_at(last);
        if (!planner.budget && before.prob >= planner.probability - kEps) {
            // The goal's chance is already there: nothing to do.
        } else if (!planner.budget && top_chance.prob >= planner.probability - kEps) {
            chosen = least(std::size_t{0}, last, [&](std::size_t i) {
                return chance_at(i).prob >= planner.probability - kEps;
            });
        } else if (top_chance.prob > before.prob + kProbTie ||
                   top_chance.expected_rank < before.expected_rank - kRankTie) {
            // The highest chance within reach, then the best expected rank, at least effort.
            chosen = least(std::size_t{0}, last, [&](std::size_t i) {
                const Chance c = chance_at(i);
                return c.prob >= top_chance.prob - kProbTie &&
                       c.expected_rank <= top_chance.expected_rank + kRankTie;
            });
        }
        // Otherwise no plan raises the chance of the goal or the expected rank (the top k is
        // certain at rank 1, or nothing can move it): nothing is spent.
    }

    out.prob_top_possible = chance_at(frontier.size() - 1).prob;

    // Actions: per class, the moved indicators one by one when their gains add up, else the
    // class's moves as one action.
    const Levels plan_assignment = chosen ? assignment_of(*chosen) : Levels(options.size(), 0);
    const auto move_of = [&](std::size_t i) {
        Move m;
        m.indicator = options[i].indicator;
        m.from = options[i].from;
        m.to = cands[i].value[plan_assignment[i]];
        m.steps = cands[i].steps[plan_assignment[i]];
        m.effort = cands[i].effort[plan_assignment[i]];
        m.lead_units = options[i].lead_units;
        m.latest = options[i].latest;
        return m;
    };
    std::vector<std::vector<std::size_t>> action_options;  // parallel to out.actions
    for (std::size_t k = 0; k < class_options.size(); ++k) {
        std::vector<std::size_t> moved;
        for (const std::size_t i : class_options[k])
            if (plan_assignment[i] > 0) moved.push_back(i);
        if (moved.empty()) continue;
        const auto gain_of = [&](const std::vector<std::size_t>& which) {
            Levels a(options.size(), 0);
            for (const std::size_t i : which) a[i] = plan_assignment[i];
            return mean_of(draw_gains(a));
        };
        std::vector<double> alone;
        double sum = 0.0;
        for (const std::size_t i : moved) {
            alone.push_back(gain_of({i}));
            sum += alone.back();
        }
        const double together = gain_of(moved);
        std::vector<std::vector<std::size_t>> groups;
        std::vector<double> group_points;
        if (moved.size() == 1 || std::fabs(sum - together) <= kAdditive) {
            for (std::size_t q = 0; q < moved.size(); ++q) {
                groups.push_back({moved[q]});
                group_points.push_back(alone[q]);
            }
        } else {
            groups.push_back(moved);
            group_points.push_back(together);
        }
        for (std::size_t g = 0; g < groups.size(); ++g) {
            const Move first = move_of(groups[g][0]);
            Action a;
            a.indicator = first.indicator;
            a.from = first.from;
            a.to = first.to;
            a.steps = first.steps;
            a.lead_units = first.lead_units;
            a.latest = first.latest;
            a.points_gained = group_points[g];
            std::set<std::size_t> in;
            for (const std::size_t i : groups[g]) {
                in.insert(comps_of[i].begin(), comps_of[i].end());
                a.effort += cands[i].effort[plan_assignment[i]];
                if (i != groups[g][0]) a.with.push_back(move_of(i));
            }
            for (const std::size_t c : in) a.components.push_back(comps[c].comp->id);
            out.actions.push_back(std::move(a));
            action_options.push_back(groups[g]);
        }
    }
    std::vector<std::size_t> order(out.actions.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    const auto ratio = [](const Action& a) {
        return a.effort > 0.0 ? a.points_gained / a.effort
                              : std::numeric_limits<double>::infinity();
    };
    std::sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) {
        const Action& a = out.actions[x];
        const Action& b = out.actions[y];
        if (ratio(a) != ratio(b)) return ratio(a) > ratio(b);
        if (a.points_gained != b.points_gained) return a.points_gained > b.points_gained;
        return a.indicator < b.indicator;
    });
    std::vector<Action> sorted;
    Levels done(options.size(), 0);
    for (const std::size_t x : order) {
        Action a = std::move(out.actions[x]);
        for (const std::size_t i : action_options[x]) done[i] = plan_assignment[i];
        const Chance c = chance_of(draw_gains(done));
        a.prob_top_after = c.prob;
        a.expected_rank_after = c.expected_rank;
        out.total_effort += a.effort;
        sorted.push_back(std::move(a));
    }
    out.actions = std::move(sorted);
    out.points_gained = chosen ? frontier[*chosen].gain : 0.0;
    out.prob_top_after = out.actions.empty() ? before.prob : out.actions.back().prob_top_after;
    out.expected_rank_after =
        out.actions.empty() ? before.expected_rank : out.actions.back().expected_rank_after;
    out.reaches = !planner.budget && (planner.goal == PlannerGoal::Points
                                          ? out.points_gained >= needed - 1e-9
                                          : out.prob_top_after >= planner.probability - kEps);
    return out;
}

}  // namespace dtiplan
