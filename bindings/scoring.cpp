// Scoring (docs/scoring.md): rule points, a framework's score card from indicator values, the DTI
// from main-indicator indices, rounding as published, competition ranks, and the coverage of a
// framework by a plan. The C++ ScoringContext is passed as keyword arguments (best, plan, year).
#include "common.hpp"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace dtiplan_bindings {

namespace {

/// Main-indicator indices from any object with items() (a dict, any mapping, a pandas Series):
/// keys read with str(), values with float(), as Python would.
std::map<std::string, double> main_indices(const py::handle& indices) {
    if (!py::hasattr(indices, "items"))
        throw py::type_error(
            "main-indicator indices must be a mapping or a pandas Series "
            "keyed by id or name, not " +
            python_type_name(indices));
    std::map<std::string, double> out;
    for (const py::handle item : indices.attr("items")()) {
        const auto pair = py::reinterpret_borrow<py::sequence>(item);
        out[py::str(pair[0]).cast<std::string>()] = py::float_(pair[1]).cast<double>();
    }
    return out;
}

double dti_from_main_indices(const dtiplan::Framework& framework, const py::object& indices) {
    return dtiplan::dti_from_main_indices(framework, main_indices(indices));
}

}  // namespace

void register_scoring(py::module_& m) {
    using dtiplan::ComponentScore;
    using dtiplan::Coverage;
    using dtiplan::CoverageGap;
    using dtiplan::Framework;
    using dtiplan::MainScore;
    using dtiplan::ScoreCard;

    py::class_<ComponentScore> component(m, "ComponentScore",
                                         "A component's value (mean of its indicators' values "
                                         "present, None if none) and points.");
    def_value_type(component, "A component score: ComponentScore(component='CQS.04', ...).",
                   field("component", &ComponentScore::component, "Component id."),
                   field("main", &ComponentScore::main, "Main indicator id."),
                   field("value", &ComponentScore::value, "Its value (0..1), or None."),
                   field("points", &ComponentScore::points, "Points earned."),
                   field("max_points", &ComponentScore::max_points, "Maximum points."));

    py::class_<MainScore> main(m, "MainScore", "A main indicator's points and index (0..1).");
    def_value_type(main, "A main score: MainScore(id='CQS', points=150, max_points=200).",
                   field("id", &MainScore::id, "Main indicator id."),
                   field("points", &MainScore::points, "Sum of its components' points."),
                   field("max_points", &MainScore::max_points, "Maximum points."));
    main.def("index", &MainScore::index, "points / max_points (0 when max is 0).");

    py::class_<ScoreCard> card(m, "ScoreCard",
                               "Points per component and main indicator, and the DTI.");
    def_value_type(card, "A score card: ScoreCard(components=[...], mains=[...], ...).",
                   field("components", &ScoreCard::components, "List of ComponentScore."),
                   field("mains", &ScoreCard::mains, "List of MainScore."),
                   field("points", &ScoreCard::points, "Total points."),
                   field("max_points", &ScoreCard::max_points, "Total maximum points."));
    card.def("dti", &ScoreCard::dti,
             "points / max_points, unrounded (published as round_to(dti, 4)).");

    m.def(
        "rule_points",
        [](const dtiplan::ScoringRule& rule, double value, double max_points,
           std::optional<double> best, const dtiplan::TargetValue* target) {
            return dtiplan::rule_points(rule, value, max_points, best, target);
        },
        py::arg("rule"), py::arg("value"), py::arg("max_points"), py::arg("best") = py::none(),
        py::arg("target") = py::none(),
        "The points of one rule for one value (a fraction 0..1): `best` for RelativeToBest, "
        "`target` (TargetValue) for Target. Never negative, never above max.");
    m.def(
        "score",
        [](const Framework& f, const dtiplan::IndicatorValues& values,
           std::map<std::string, double, std::less<>> best, const dtiplan::Plan* plan, int year) {
            dtiplan::ScoringContext context;
            context.best = std::move(best);
            context.plan = plan;
            context.year = year;
            return dtiplan::score(f, values, context);
        },
        py::arg("framework"), py::arg("values"), py::kw_only(),
        py::arg("best") = std::map<std::string, double, std::less<>>{},
        py::arg("plan") = py::none(), py::arg("year") = 0,
        "Score indicator values (fractions 0..1 by plan indicator id) through a framework. "
        "`best`: the best peer value by component id (RelativeToBest); `plan` and `year`: the "
        "targets in force for Target rules. ValidationError for a NaN or out-of-range value.");
    m.def("dti_from_main_indices", &dti_from_main_indices, py::arg("framework"), py::arg("indices"),
          "The DTI from main-indicator indices (0..1) keyed by id or Vietnamese name (a dict, "
          "any mapping or a pandas Series): Σ index × max points / total max, unrounded "
          "(publish round_to(dti, 4)). ValidationError for an unknown, repeated or missing main "
          "indicator or an index outside 0..1.");
    m.def("round_to", &dtiplan::round_to, py::arg("value"), py::arg("decimals"),
          "Round half away from zero to `decimals` places, as the DTI is published (4): "
          "round_to(0.80025, 4) == 0.8003.");
    m.def("competition_rank", &dtiplan::competition_rank, py::arg("values"),
          py::arg("decimals") = -1,
          "Competition ranks, highest first, ties sharing a rank: [0.9, 0.8, 0.8, 0.7] -> "
          "[1, 2, 2, 4]; values equal after rounding to `decimals` tie (-1: exact). NaN last.");

    auto framework = py::reinterpret_borrow<py::class_<Framework>>(m.attr("Framework"));
    framework.def("dti_from_main_indices", &dti_from_main_indices, py::arg("indices"),
                  "The DTI from main-indicator indices keyed by id ('CQS') or Vietnamese name "
                  "('Hoạt động chính quyền số'); see dti_from_main_indices.");

    py::class_<CoverageGap> gap(m, "CoverageGap",
                                "A framework component the plan does not track (or a plan "
                                "indicator that scores nowhere).");
    def_value_type(gap, "A gap: CoverageGap(component='NTS.01', main='NTS', points=20).",
                   field("component", &CoverageGap::component, "Untracked component id, or ''."),
                   field("main", &CoverageGap::main, "Main indicator id."),
                   field("points", &CoverageGap::points, "Points the component is worth."),
                   field("indicator", &CoverageGap::indicator,
                         "Plan indicator mapping to no component, or ''."));

    py::class_<Coverage> coverage(m, "Coverage", "What a plan can score of a framework.");
    def_value_type(
        coverage, "Coverage(untracked_components=[...], ...).",
        field("untracked_components", &Coverage::untracked_components,
              "Components no plan indicator measures (list of CoverageGap)."),
        field("unscored_indicators", &Coverage::unscored_indicators,
              "Plan indicators no component uses."),
        field("unknown_indicators", &Coverage::unknown_indicators,
              "Component indicator ids not in the plan."),
        field("tracked_points", &Coverage::tracked_points, "Points of tracked components."),
        field("untracked_points", &Coverage::untracked_points, "Points of untracked components."),
        field("untracked_by_main", &Coverage::untracked_by_main,
              "Untracked points per main indicator id (every main indicator)."));
    m.def("coverage", &dtiplan::coverage, py::arg("framework"), py::arg("plan"),
          "Coverage of a framework by a plan: untracked components, unscored and unknown "
          "indicators, tracked and untracked points.");
}

}  // namespace dtiplan_bindings
