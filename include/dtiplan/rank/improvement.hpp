// The improvement planner (kế hoạch cải thiện): which indicators, moved how far, by which lead
// units, buy the points still needed for the top 10 at the least total effort.
//
// Each plan indicator can move from its projected value up to how far it can realistically get
// by the evaluation date, to values on a grid of steps and to the values where its components'
// rules change (a step's limit, a target, a yes/no cut), at an effort proportional to the
// distance. Points come from the framework's rules (a component's value is the mean of its
// indicators'), so the gains are those the DTI would really award, steps and caps included;
// with the projection's draws they are the expected change over the same distribution that
// P(top k) is computed on. Choosing one value per indicator is a multiple-choice knapsack; its
// Pareto frontier of (effort, expected points) is found exactly by dynamic programming, and the
// plan on it is chosen for the chance of the goal first, then the expected rank, then the least
// effort (docs/rank.md §8).
#pragma once

#include <cstddef>
#include <functional>
#include <map>
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
    /// Whole steps only (a count, a yes/no): a rule's threshold between two steps is reached at
    /// the next step. Otherwise the value may stop anywhere, a threshold included, at an effort
    /// proportional to the distance.
    bool whole_steps = false;
    /// The latest value in force (fraction), when known: shown next to `from` where it is
    /// higher (the forecast expects it to fall back).
    std::optional<double> latest;

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
    /// The effort floor: the forecast's spread counts as at least this much (5 percentage
    /// points of full attainment) for the effort per step and the room above the forecast, so
    /// that an indicator reported flat (a narrow band) can still be planned: one effort unit
    /// moves it at most this far, and it can move at least z × this above its forecast.
    double effort_floor = 0.05;

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

/// What the planner aims at.
enum class PlannerGoal {
    /// The chance of the goal: without a budget, the least effort giving P(rank <= top) >=
    /// probability; with a budget (or when the probability cannot be reached), the highest
    /// P(rank <= top), then the lowest expected rank, then the least effort (chances within
    /// 1e-4 and expected ranks within 0.01 are ties). Nothing is spent when no plan raises
    /// either (the top k certain at rank 1, no peers at all).
    Chance,
    /// Points for their own sake: the least effort gaining points_needed (the most points when
    /// they cannot be reached), or with a budget the most expected points within it, then the
    /// least effort.
    Points,
};

struct PlannerOptions {
    PlannerGoal goal = PlannerGoal::Chance;
    /// Framework points to gain (PlannerGoal::Points). None: points_needed(own, peers, ...) with
    /// the projection's spread kept (gap_points; nothing is needed when it is <= 0); reported
    /// with either goal.
    std::optional<double> points_needed;
    /// An effort budget: the best plan (by the goal) whose effort is at most this.
    std::optional<double> budget;
    int top = 10;              ///< the k of P(rank <= k)
    double probability = 0.5;  ///< for the default points needed
    /// Context of the framework's rules (the plan and year for Target components, the best
    /// peer values for RelativeToBest ones), as score() takes it.
    ScoringContext scoring;
    ExactOptions exact;  ///< for the probabilities reported
    /// The projection's draws of plan indicators (fractions), each as long as own.samples and
    /// in the same order (DtiProjection::indicator_samples). When given, a move from `from` to
    /// `to` moves the indicator's every draw by to - from (a component's value capped at 1),
    /// points are the expected change over the draws, and P(rank <= top) is computed on the
    /// own samples each moved by its draw's gain. Indicators without draws keep their value.
    std::map<std::string, std::vector<double>, std::less<>> draws;
    /// Also consider the values where a rule changes (steps' limits, targets, the yes/no cut)
    /// between an option's grid steps. False: the grid only.
    bool thresholds = true;
    /// How far past a strict target ("Trên 1%") a threshold value is put: 0.1 percentage point.
    double strict_margin = 0.001;
    /// A guard on the dynamic programme's size: more Pareto points than this throws
    /// ValidationError (use coarser steps).
    std::size_t max_frontier = 2000000;
};

/// One indicator moved from one value to another.
struct Move {
    std::string indicator;
    double from = 0.0;
    double to = 0.0;
    int steps = 0;  ///< grid steps covered (a threshold between two steps counts as the next)
    double effort = 0.0;
    std::vector<std::string> lead_units;
    std::optional<double> latest;  ///< the option's latest value in force

    friend bool operator==(const Move&, const Move&) = default;
};

/// One improvement: move an indicator from one value to another, or, when only a combination
/// gives its points (two indicators whose mean must cross a step together), several at once.
struct Action {
    std::string indicator;
    std::vector<std::string> components;  ///< the framework components it counts in
    double from = 0.0;
    double to = 0.0;
    int steps = 0;
    /// The expected framework points this action gives on its own (every other indicator as
    /// projected); the whole combination's for an action with `with`.
    double points_gained = 0.0;
    double effort = 0.0;  ///< the whole action's (its `with` moves included)
    std::vector<std::string> lead_units;
    std::optional<double> latest;  ///< the indicator's latest value in force, when known
    /// The other indicators moved with this one, when only together they give the points.
    std::vector<Move> with;
    /// P(rank <= top) and the expected rank once this action and every one above it in the
    /// list are done (computed on those moves, not on a sum of points).
    double prob_top_after = 0.0;
    double expected_rank_after = 0.0;

    friend bool operator==(const Action&, const Action&) = default;
};

struct ImprovementPlan {
    /// Ranked: points per effort, highest first (free actions first).
    std::vector<Action> actions;
    PlannerGoal goal = PlannerGoal::Chance;
    /// Without a budget: P(rank <= top) >= probability after the plan (PlannerGoal::Chance), or
    /// points_gained >= points_needed (PlannerGoal::Points).
    bool reaches = false;
    /// The points needed: given, or the shift of the projection giving the probability (0 when
    /// nothing is needed); 0 with a budget under PlannerGoal::Points.
    double points_needed = 0.0;
    double points_gained = 0.0;  ///< the expected points of the whole plan
    /// The most expected points the options can give, whatever the effort.
    double points_possible = 0.0;
    double total_effort = 0.0;
    double max_points = 0.0;  ///< the framework's total
    int top = 10;
    double prob_top_before = 0.0;
    double prob_top_after = 0.0;
    double expected_rank_before = 0.0;
    double expected_rank_after = 0.0;
    /// P(rank <= top) with the most expected points the options give, whatever the effort.
    double prob_top_possible = 0.0;
    std::size_t frontier_size = 0;  ///< the largest Pareto frontier the programme kept

    friend bool operator==(const ImprovementPlan&, const ImprovementPlan&) = default;
};

/// Plan the improvements. `projected` holds the projected value of the plan's indicators (those
/// of the options are set to their `from`); `own` is the own projected DTI the gains shift and
/// `peers` the peers' forecasts, for the probabilities. Throws ValidationError for an option
/// with an unknown or repeated indicator, values outside 0..1, to_max < from, a step <= 0, a
/// negative effort, a negative budget, or draws that are not fractions or not as many as the
/// own samples.
[[nodiscard]] ImprovementPlan plan_improvements(const Framework& framework,
                                                const IndicatorValues& projected,
                                                const std::vector<ImprovementOption>& options,
                                                const OwnScore& own,
                                                const std::vector<PeerForecast>& peers,
                                                const PlannerOptions& planner = {});

}  // namespace dtiplan
