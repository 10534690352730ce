// The improvement planner (docs/rank.md §8): options per indicator, their defaults from a
// projection, and the plan of actions. The C++ PlannerOptions (with its ScoringContext) is
// passed as keyword arguments, as score() takes its context.
#include "common.hpp"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace dtiplan_bindings {

void register_rank_planner(py::module_& m) {
    using dtiplan::Action;
    using dtiplan::ImprovementDefaults;
    using dtiplan::ImprovementOption;
    using dtiplan::ImprovementPlan;

    py::class_<ImprovementOption> option(
        m, "ImprovementOption",
        "How far one plan indicator can move by the evaluation date, and at what effort.");
    def_value_type(
        option, "An option: ImprovementOption(indicator='III.3.b.01', from_=0.75, to_max=0.9).",
        field("indicator", &ImprovementOption::indicator, "Plan indicator id."),
        field("from_", &ImprovementOption::from, "Its projected value (fraction)."),
        field("to_max", &ImprovementOption::to_max, "The most it can reach by then."),
        field("step", &ImprovementOption::step, "It moves in steps of this size."),
        field("effort_per_step", &ImprovementOption::effort_per_step, "Effort of each step."),
        field("lead_units", &ImprovementOption::lead_units, "Who must act."),
        field("whole_steps", &ImprovementOption::whole_steps,
              "Whole steps only (a count, a yes/no)."),
        field("latest", &ImprovementOption::latest,
              "The latest value in force (fraction), when known."));

    py::class_<ImprovementDefaults> defaults(m, "ImprovementDefaults",
                                             "How default options are derived from a projection.");
    def_value_type(defaults,
                   "Defaults: ImprovementDefaults(rate_step=0.01, no_forecast_room=0.2, ...).",
                   field("rate_step", &ImprovementDefaults::rate_step, "Step of a rate."),
                   field("no_forecast_room", &ImprovementDefaults::no_forecast_room,
                         "Without a forecast: how far above the held value."),
                   field("no_forecast_sd", &ImprovementDefaults::no_forecast_sd,
                         "Without a forecast: one effort unit per this much."),
                   field("yes_no_effort", &ImprovementDefaults::yes_no_effort,
                         "Effort of a yes/no or milestone indicator not yet reached."),
                   field("effort_floor", &ImprovementDefaults::effort_floor,
                         "The forecast's spread counts as at least this (0.05)."));

    py::native_enum<dtiplan::PlannerGoal>(m, "PlannerGoal", "enum.Enum",
                                          "What the improvement planner aims at.")
        .value("Chance", dtiplan::PlannerGoal::Chance,
               "the chance of the goal, then the expected rank, then the least effort")
        .value("Points", dtiplan::PlannerGoal::Points, "points for their own sake")
        .finalize();

    py::class_<dtiplan::Move> move(m, "Move", "One indicator moved from one value to another.");
    def_value_type(move, "A move of an Action done with it.",
                   field("indicator", &dtiplan::Move::indicator, "Plan indicator id."),
                   field("from_", &dtiplan::Move::from, "From (fraction)."),
                   field("to", &dtiplan::Move::to, "To (fraction)."),
                   field("steps", &dtiplan::Move::steps, "Grid steps covered."),
                   field("effort", &dtiplan::Move::effort, "Effort."),
                   field("lead_units", &dtiplan::Move::lead_units, "Who must act."),
                   field("latest", &dtiplan::Move::latest, "The latest value in force."));

    py::class_<Action> action(m, "Action",
                              "One improvement: move an indicator from one value "
                              "to another.");
    def_value_type(action, "An action of an ImprovementPlan.",
                   field("indicator", &Action::indicator, "Plan indicator id."),
                   field("components", &Action::components, "Framework components it counts in."),
                   field("from_", &Action::from, "From (fraction)."),
                   field("to", &Action::to, "To (fraction)."),
                   field("steps", &Action::steps, "Steps taken."),
                   field("points_gained", &Action::points_gained,
                         "Expected framework points it gives on its own."),
                   field("effort", &Action::effort, "Effort (its moves together)."),
                   field("lead_units", &Action::lead_units, "Who must act."),
                   field("latest", &Action::latest, "The latest value in force."),
                   field("with_", &Action::with,
                         "Moves done together with it (only together they give the points)."),
                   field("prob_top_after", &Action::prob_top_after,
                         "P(rank <= top) once this and every action above it are done."),
                   field("expected_rank_after", &Action::expected_rank_after,
                         "The expected rank once this and every action above it are done."));

    py::class_<ImprovementPlan> plan(m, "ImprovementPlan",
                                     "The ranked actions reaching the points needed at least "
                                     "effort.");
    def_value_type(
        plan, "A result of plan_improvements.",
        field("actions", &ImprovementPlan::actions, "Ranked actions (points per effort)."),
        field("goal", &ImprovementPlan::goal, "The PlannerGoal."),
        field("reaches", &ImprovementPlan::reaches, "The goal is reached (without a budget)."),
        field("points_needed", &ImprovementPlan::points_needed, "The points needed."),
        field("points_gained", &ImprovementPlan::points_gained, "Expected points in all."),
        field("points_possible", &ImprovementPlan::points_possible,
              "The most expected points the options give, at any effort."),
        field("total_effort", &ImprovementPlan::total_effort, "Total effort."),
        field("max_points", &ImprovementPlan::max_points, "The framework's total."),
        field("top", &ImprovementPlan::top, "k: the rank to reach or beat (the top k)."),
        field("prob_top_before", &ImprovementPlan::prob_top_before, "P(rank <= k) before."),
        field("prob_top_after", &ImprovementPlan::prob_top_after, "P(rank <= k) after."),
        field("expected_rank_before", &ImprovementPlan::expected_rank_before,
              "The expected rank before."),
        field("expected_rank_after", &ImprovementPlan::expected_rank_after,
              "The expected rank after."),
        field("prob_top_possible", &ImprovementPlan::prob_top_possible,
              "P(rank <= k) with the most points the options give, at any effort."),
        field("frontier_size", &ImprovementPlan::frontier_size,
              "The largest Pareto frontier kept."));

    m.def("projected_values", &dtiplan::projected_values, py::arg("projection"),
          py::arg("held") = dtiplan::IndicatorValues{},
          "Each plan indicator's projected value (fraction): the forecast's, else the held one.");
    m.def("default_improvement_options", &dtiplan::default_improvement_options, py::arg("plan"),
          py::arg("framework"), py::arg("projection"), py::arg("held") = dtiplan::IndicatorValues{},
          py::arg_v("defaults", ImprovementDefaults{}, "ImprovementDefaults()"),
          "One option per scored plan indicator that can still move, from the projection.");
    m.def(
        "plan_improvements",
        [](const dtiplan::Framework& framework, const dtiplan::IndicatorValues& projected,
           const std::vector<ImprovementOption>& options, const dtiplan::OwnScore& own,
           const std::vector<dtiplan::PeerForecast>& peers, std::optional<double> points_needed,
           std::optional<double> budget, int top, double probability,
           std::map<std::string, double, std::less<>> best, const dtiplan::Plan* scoring_plan,
           int year, const dtiplan::ExactOptions& exact, std::size_t max_frontier,
           dtiplan::PlannerGoal goal, std::map<std::string, std::vector<double>, std::less<>> draws,
           bool thresholds, double strict_margin) {
            dtiplan::PlannerOptions planner;
            planner.goal = goal;
            planner.draws = std::move(draws);
            planner.thresholds = thresholds;
            planner.strict_margin = strict_margin;
            planner.points_needed = points_needed;
            planner.budget = budget;
            planner.top = top;
            planner.probability = probability;
            planner.scoring.best = std::move(best);
            planner.scoring.plan = scoring_plan;
            planner.scoring.year = year;
            planner.exact = exact;
            planner.max_frontier = max_frontier;
            py::gil_scoped_release release;
            return dtiplan::plan_improvements(framework, projected, options, own, peers, planner);
        },
        py::arg("framework"), py::arg("projected"), py::arg("options"), py::arg("own"),
        py::arg("peers"), py::kw_only(), py::arg("points_needed") = py::none(),
        py::arg("budget") = py::none(), py::arg("top") = 10, py::arg("probability") = 0.5,
        py::arg("best") = std::map<std::string, double, std::less<>>{},
        py::arg("plan") = py::none(), py::arg("year") = 0,
        py::arg_v("exact", dtiplan::ExactOptions{}, "ExactOptions()"),
        py::arg("max_frontier") = std::size_t{2000000},
        py::arg_v("goal", dtiplan::PlannerGoal::Chance, "PlannerGoal.Chance"),
        py::arg("draws") = std::map<std::string, std::vector<double>, std::less<>>{},
        py::arg("thresholds") = true, py::arg("strict_margin") = 0.001,
        "The improvements for the chance of the top k: without a budget the least effort "
        "giving P(top k) >= probability, with one the highest P(top k), then the best expected "
        "rank, then the least effort (goal=PlannerGoal.Points: points for their own sake). "
        "draws: the projection's draws per indicator, for expected points. Releases the GIL.");
}

}  // namespace dtiplan_bindings
