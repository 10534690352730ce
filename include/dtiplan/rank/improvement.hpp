// The improvement planner (kế hoạch cải thiện): which indicators, moved how far, by which lead
// units, buy the points still needed for the top 10 at the least total effort.
//
// Each plan indicator can move from its projected value up to how far it can realistically get
// by the evaluation date, in steps, each step costing an effort. Points come from the
// framework's rules (a component's value is the mean of its indicators'), so the gains are those
// the DTI would really award, steps and caps included. Choosing one level per indicator is a
// multiple-choice knapsack; it is solved exactly for the discretisation (every level of every
// indicator considered) by dynamic programming over Pareto frontiers of (effort, points)
// (docs/rank.md, "The improvement planner").
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "dtiplan/model/plan.hpp"
#include "dtiplan/project/projected_dti.hpp"
#include "dtiplan/rank/points_needed.hpp"
#include "dtiplan/rank/rank_distribution.hpp"
#include "dtiplan/score/framework.hpp"
#include "dtiplan/score/scoring.hpp"

namespace dtiplan {

/// How far one plan indicator can move by the evaluation date, and at what effort. Values are
/// fractions of full attainment (a rate as is, a count over its total, yes/no 0 or 1).
struct ImprovementOption {
    std::string indicator;  ///< plan indicator id: "III.3.b.01"
    double from = 0.0;      ///< its projected value at the evaluation date
    double to_max = 1.0;    ///< the most it can realistically reach by then (>= from)
    double step = 0.01;     ///< it moves in steps of this size: from, from + step, ... <= to_max
    double effort_per_step = 1.0;  ///< effort of each step (any unit, the same for all options)
    std::vector<std::string> lead_units;  ///< who must act (the responsibility matrix's leads)

    friend bool operator==(const ImprovementOption&, const ImprovementOption&) = default;
};

/// How default options are derived from a projection.
struct ImprovementDefaults {
    double rate_step =
        0.01;  ///< rates move by 1 percentage point a step; counts by 1 of their total
    /// With a forecast: up to its upper prediction bound; one effort unit per forecast standard
    /// deviation beaten (effort_per_step = step / sd): moving an indicator far above its trend
    /// costs more than moving an uncertain one within its band.
    /// Without one (too few observations): up to this far above the held value...
    double no_forecast_room = 0.2;
    /// ...at one effort unit per this much.
    double no_forecast_sd = 0.1;
    /// A yes/no or milestone indicator not yet reached: one step to 1 at this effort.
    double yes_no_effort = 2.0;

    friend bool operator==(const ImprovementDefaults&, const ImprovementDefaults&) = default;
};

/// The projected value (fraction) of each plan indicator at the evaluation date: the forecast's
/// fraction where there is one, else the value in `held` (e.g. the last observed), else none.
[[nodiscard]] IndicatorValues projected_values(const DtiProjection& projection,
                                               const IndicatorValues& held = {});

/// One option per plan indicator that some framework component uses and that can still move:
/// from = projected_values(), to_max and effort as ImprovementDefaults says, lead units from
/// the responsibility matrix (its Lead units; when none, the UpperLead units and the commune's
/// Tracking units).
[[nodiscard]] std::vector<ImprovementOption> default_improvement_options(
    const Plan& plan, const Framework& framework, const DtiProjection& projection,
    const IndicatorValues& held = {}, const ImprovementDefaults& defaults = {});

struct PlannerOptions {
    /// Framework points to gain. None: points_needed(own, peers, ...) with the projection's
    /// spread kept (gap_points; nothing is needed when it is <= 0).
    std::optional<double> points_needed;
    /// With a budget, maximise P(rank <= top) within this total effort instead of reaching the
    /// points needed (the most points within the budget, then the least effort).
    std::optional<double> budget;
    int top = 10;              ///< the k of P(rank <= k)
    double probability = 0.5;  ///< for the default points needed
    /// Context of the framework's rules (the plan and year for Target components, the best
    /// peer values for RelativeToBest ones), as score() takes it.
    ScoringContext scoring;
    ExactOptions exact;  ///< for the probabilities reported
    /// A guard on the dynamic programme's size: more Pareto points than this throws
    /// ValidationError (use coarser steps).
    std::size_t max_frontier = 2000000;
};

/// One improvement: move an indicator from one value to another.
struct Action {
    std::string indicator;
    std::vector<std::string> components;  ///< the framework components it counts in
    double from = 0.0;
    double to = 0.0;
    int steps = 0;
    double points_gained = 0.0;  ///< framework points; shared with the other actions on the
                                 ///< same component in proportion to the value each adds
    double effort = 0.0;
    std::vector<std::string> lead_units;
    /// P(rank <= top) once this action and every one above it in the list are done.
    double prob_top_after = 0.0;

    friend bool operator==(const Action&, const Action&) = default;
};

struct ImprovementPlan {
    /// Ranked: points per effort, highest first (free actions first).
    std::vector<Action> actions;
    bool reaches = false;        ///< points_gained >= points_needed (reach mode)
    double points_needed = 0.0;  ///< what was asked for (reach mode; 0 with a budget)
    double points_gained = 0.0;
    double total_effort = 0.0;
    double max_points = 0.0;  ///< the framework's total
    int top = 10;
    double prob_top_before = 0.0;
    double prob_top_after = 0.0;
    /// Reach mode when the points cannot be reached: the plan is the one with the most points
    /// (the highest P(top k)) at the least effort, and reaches is false.
    std::size_t frontier_size = 0;  ///< the largest Pareto frontier the programme kept

    friend bool operator==(const ImprovementPlan&, const ImprovementPlan&) = default;
};

/// Plan the improvements. `projected` holds the projected value of the plan's indicators (those
/// of the options are set to their `from`); `own` is the own projected DTI the gains shift and
/// `peers` the peers' forecasts, for the probabilities. Throws ValidationError for an option
/// with an unknown or repeated indicator, values outside 0..1, to_max < from, a step <= 0, a
/// negative effort, or a negative budget.
[[nodiscard]] ImprovementPlan plan_improvements(const Framework& framework,
                                                const IndicatorValues& projected,
                                                const std::vector<ImprovementOption>& options,
                                                const OwnScore& own,
                                                const std::vector<PeerForecast>& peers,
                                                const PlannerOptions& planner = {});

}  // namespace dtiplan
