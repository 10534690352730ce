// The improvement planner (docs/rank.md, "The improvement planner").
//
// The problem: choose for each indicator one level (from, from + step, ..., <= to_max), each
// costing level × effort_per_step, so that the framework points gained reach the points needed
// at the least total effort (or, with a budget, the most points within it). Indicators that
// share a framework component interact (the component scores the mean of its indicators'
// values, through a possibly non-linear rule), so the items of the knapsack are components, or
// groups of components linked by a shared indicator ("classes"); an indicator alone in its
// component is a class by itself. That is a multiple-choice knapsack: one choice per class.
//
// The solution is exact for the discretisation, by dynamic programming over Pareto frontiers:
//  1. within a class, indicators are added one at a time, keeping every combination of levels
//     that no other beats on effort and on each component's value (rules never give fewer
//     points for a higher value, so a beaten combination can never be part of a better plan;
//     Target components are kept as their per-indicator points, which add up);
//  2. across classes, the same on (total effort, total points).
// No effort or point value is rounded; the frontier holds every plan that is not beaten on both
// effort and points, so the least-effort plan reaching the points (or the most points within a
// budget) is on it.
#include "dtiplan/rank/improvement.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <numeric>
#include <set>
#include <string>

#include <boost/math/distributions/normal.hpp>

#include "dtiplan/error.hpp"
#include "dtiplan/model/responsibility.hpp"
#include "dtiplan/rank/detail/normal.hpp"
#include "dtiplan/score/attainment.hpp"

namespace dtiplan {
namespace {

constexpr double kEps = 1e-12;

std::string num(double v) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.6g", v);
    return buf;
}

/// The z of a two-sided normal interval at `level` (1.96 at 0.95).
double z_of_level(double level) {
    return boost::math::quantile(boost::math::normal(), 0.5 + 0.5 * level);
}

/// A framework component as the planner sees it.
struct Comp {
    const Component* comp = nullptr;
    std::vector<std::string> present;  ///< its indicators with a value, once each
    bool target = false;               ///< Target rule: per-indicator points, averaged
    double base_coord = 0.0;           ///< sum of values (or mean points for Target)
    double base_points = 0.0;
};

double indicator_target_points(const Comp& c, const std::string& indicator, double v,
                               const ScoringContext& ctx) {
    const Target* t = ctx.target_for(indicator);
    return rule_points(c.comp->rule, v, c.comp->max_points, std::nullopt, t ? &t->parsed : nullptr);
}

/// Points of a component from its coordinate.
double points_of(const Comp& c, double coord, const ScoringContext& ctx) {
    if (c.present.empty()) return 0.0;
    if (c.target) return coord;
    std::optional<double> best;
    if (const auto it = ctx.best.find(c.comp->id); it != ctx.best.end()) best = it->second;
    const double mean = std::clamp(coord / static_cast<double>(c.present.size()), 0.0, 1.0);
    return rule_points(c.comp->rule, mean, c.comp->max_points, best);
}

/// A combination of levels of a class's options.
struct ClassState {
    double effort = 0.0;
    std::vector<double> coord;  ///< per component of the class
    std::vector<int> level;     ///< per option of the class
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
        const IndicatorProjection* proj = nullptr;
        for (const auto& p : projection.indicators)
            if (p.indicator == ind.id) proj = &p;

        if (ind.kind == MeasureKind::YesNo || ind.kind == MeasureKind::Milestone) {
            if (o.from >= 1.0 - 1e-9) continue;
            o.to_max = 1.0;
            o.step = 1.0 - o.from;
            o.effort_per_step = defaults.yes_no_effort;
        } else {
            // The count's total in the evaluation year (the latest when no date is set).
            const int year = projection.evaluation.is_special()
                                 ? std::numeric_limits<int>::max()
                                 : static_cast<int>(projection.evaluation.year());
            const double total = ind.count_total(year).value_or(0.0);
            o.step = ind.kind == MeasureKind::CountOfTotal && total > 0.0 ? 1.0 / total
                                                                          : defaults.rate_step;
            if (proj != nullptr && proj->forecast && proj->fraction) {
                const Forecast& f = *proj->forecast;
                double scale = 1.0;
                if (ind.kind == MeasureKind::CountOfTotal)
                    scale =
                        total > 0.0 ? 1.0 / total : (f.mean > 0.0 ? *proj->fraction / f.mean : 1.0);
                const double upper = std::clamp(f.upper * scale, 0.0, 1.0);
                const double lower = std::clamp(f.lower * scale, 0.0, 1.0);
                const double z = z_of_level(std::clamp(f.level, 0.5, 0.999999));
                const double sd = (upper - lower) / (2.0 * z);
                o.to_max = std::max(o.from, upper);
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
    validate_peer_forecasts(peers);
    if (planner.top < 1) throw ValidationError("planner.top", "expected k >= 1");
    if (planner.budget && !(*planner.budget >= 0.0 && std::isfinite(*planner.budget)))
        throw ValidationError("planner.budget",
                              "expected a budget >= 0, found " + num(*planner.budget));
    if (planner.points_needed && !std::isfinite(*planner.points_needed))
        throw ValidationError("planner.points_needed", "expected a number of points");
    const double max_points = framework.max_points();
    if (!(max_points > 0.0)) throw ValidationError("framework", "the framework has no points");
    ScoringContext scoring = planner.scoring;
    scoring.resolve_targets();  // once, not in the inner loop

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

    // Components and their base points.
    std::vector<Comp> comps;
    for (const auto& m : framework.main_indicators)
        for (const auto& c : m.components) {
            Comp k;
            k.comp = &c;
            k.target = c.rule.kind == RuleKind::Target;
            for (const auto& id : c.indicators)
                if (values.count(id) &&
                    std::find(k.present.begin(), k.present.end(), id) == k.present.end())
                    k.present.push_back(id);
            for (const auto& id : k.present)
                k.base_coord += k.target ? indicator_target_points(k, id, values.at(id), scoring) /
                                               static_cast<double>(k.present.size())
                                         : values.at(id);
            k.base_points = points_of(k, k.base_coord, scoring);
            comps.push_back(std::move(k));
        }
    // Which components each option's indicator counts in; classes by union-find.
    std::vector<std::vector<std::size_t>> comps_of(options.size());
    for (std::size_t i = 0; i < options.size(); ++i) {
        for (std::size_t c = 0; c < comps.size(); ++c)
            if (std::find(comps[c].present.begin(), comps[c].present.end(), options[i].indicator) !=
                comps[c].present.end())
                comps_of[i].push_back(c);
        if (comps_of[i].empty())
            throw ValidationError(
                "options[" + std::to_string(i) + "] (" + options[i].indicator + ").indicator",
                "the indicator counts in no component of framework \"" + framework.id + "\"");
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
    out.max_points = max_points;

    // Step 1: each class's Pareto states.
    std::size_t largest = 0;
    std::vector<std::vector<ClassState>> class_states(class_options.size());
    for (std::size_t k = 0; k < class_options.size(); ++k) {
        const auto& opts = class_options[k];
        const auto& cc = class_comps[k];
        ClassState base;
        base.level.assign(opts.size(), 0);
        for (const std::size_t c : cc) base.coord.push_back(comps[c].base_coord);
        std::vector<ClassState> states{base};
        for (std::size_t q = 0; q < opts.size(); ++q) {
            const ImprovementOption& o = options[opts[q]];
            const int levels = static_cast<int>(std::floor((o.to_max - o.from) / o.step + 1e-9));
            std::vector<ClassState> next;
            next.reserve(states.size() * static_cast<std::size_t>(levels + 1));
            for (const auto& s : states) {
                for (int l = 0; l <= levels; ++l) {
                    ClassState t = s;
                    t.level[q] = l;
                    t.effort += o.effort_per_step * l;
                    const double v = std::min(o.from + o.step * l, o.to_max);
                    for (std::size_t j = 0; j < cc.size(); ++j) {
                        const Comp& comp = comps[cc[j]];
                        if (std::find(comp.present.begin(), comp.present.end(), o.indicator) ==
                            comp.present.end())
                            continue;
                        if (comp.target) {
                            const auto n = static_cast<double>(comp.present.size());
                            t.coord[j] +=
                                (indicator_target_points(comp, o.indicator, v, scoring) -
                                 indicator_target_points(comp, o.indicator, o.from, scoring)) /
                                n;
                        } else {
                            t.coord[j] += v - o.from;
                        }
                    }
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
                s.gain += points_of(comps[cc[j]], s.coord[j], scoring) - comps[cc[j]].base_points;
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

    // The points needed and the probabilities.
    const auto prob = [&](double gained_points) {
        return rank_distribution_exact(own.shifted(gained_points / max_points), peers,
                                       planner.exact)
            .prob_top(planner.top);
    };
    double needed = 0.0;
    if (!planner.budget) {
        if (planner.points_needed) {
            needed = *planner.points_needed;
        } else {
            PointsNeededOptions pn;
            pn.top = planner.top;
            pn.probability = planner.probability;
            pn.keep_own_spread = true;
            pn.exact = planner.exact;
            needed = std::max(0.0, points_needed(own, peers, max_points, pn).gap_points);
        }
        out.points_needed = needed;
    }

    // Choose on the final frontier (sorted by effort, gains strictly increasing).
    std::size_t chosen = 0;
    if (planner.budget) {
        for (std::size_t i = 0; i < frontier.size(); ++i)
            if (frontier[i].effort <= *planner.budget + 1e-9) chosen = i;
    } else if (needed > 0.0) {
        chosen = frontier.size() - 1;  // the most points, if the need cannot be met
        for (std::size_t i = 0; i < frontier.size(); ++i)
            if (frontier[i].gain >= needed - 1e-9) {
                chosen = i;
                break;
            }
    }
    // Walk back to each class's choice.
    std::vector<std::size_t> choice(class_states.size(), 0);
    std::size_t at = chosen;
    for (std::size_t k = stages.size(); k-- > 0;) {
        choice[k] = stages[k][at].choice;
        at = stages[k][at].parent;
    }

    // Actions, with the class's gain shared among its moved indicators.
    for (std::size_t k = 0; k < class_states.size(); ++k) {
        const ClassState& s = class_states[k][choice[k]];
        const auto& opts = class_options[k];
        const auto& cc = class_comps[k];
        std::vector<double> share(opts.size(), 0.0);
        for (std::size_t j = 0; j < cc.size(); ++j) {
            const Comp& comp = comps[cc[j]];
            const double comp_gain = points_of(comp, s.coord[j], scoring) - comp.base_points;
            double total_rise = 0.0;
            std::vector<double> rise(opts.size(), 0.0);
            for (std::size_t q = 0; q < opts.size(); ++q) {
                const ImprovementOption& o = options[opts[q]];
                if (std::find(comp.present.begin(), comp.present.end(), o.indicator) ==
                    comp.present.end())
                    continue;
                const double v = std::min(o.from + o.step * s.level[q], o.to_max);
                rise[q] = comp.target
                              ? indicator_target_points(comp, o.indicator, v, scoring) -
                                    indicator_target_points(comp, o.indicator, o.from, scoring)
                              : v - o.from;
                total_rise += rise[q];
            }
            if (total_rise > 0.0)
                for (std::size_t q = 0; q < opts.size(); ++q)
                    share[q] += comp_gain * rise[q] / total_rise;
        }
        for (std::size_t q = 0; q < opts.size(); ++q) {
            if (s.level[q] == 0) continue;
            const ImprovementOption& o = options[opts[q]];
            Action a;
            a.indicator = o.indicator;
            for (const std::size_t c : comps_of[opts[q]]) a.components.push_back(comps[c].comp->id);
            a.from = o.from;
            a.to = std::min(o.from + o.step * s.level[q], o.to_max);
            a.steps = s.level[q];
            a.points_gained = share[q];
            a.effort = o.effort_per_step * s.level[q];
            a.lead_units = o.lead_units;
            out.actions.push_back(std::move(a));
        }
    }
    std::sort(out.actions.begin(), out.actions.end(), [](const Action& a, const Action& b) {
        const double ra =
            a.effort > 0.0 ? a.points_gained / a.effort : std::numeric_limits<double>::infinity();
        const double rb =
            b.effort > 0.0 ? b.points_gained / b.effort : std::numeric_limits<double>::infinity();
        if (ra != rb) return ra > rb;
        if (a.points_gained != b.points_gained) return a.points_gained > b.points_gained;
        return a.indicator < b.indicator;
    });

    out.prob_top_before = prob(0.0);
    double cumulative = 0.0;
    for (auto& a : out.actions) {
        cumulative += a.points_gained;
        a.prob_top_after = prob(cumulative);
        out.total_effort += a.effort;
    }
    out.points_gained = frontier.empty() ? 0.0 : frontier[chosen].gain;
    out.prob_top_after =
        out.actions.empty() ? out.prob_top_before : out.actions.back().prob_top_after;
    out.reaches = !planner.budget && out.points_gained >= needed - 1e-9;
    return out;
}

}  // namespace dtiplan
