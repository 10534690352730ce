// Unit scorecards and the ranking board the plan asks to publish (appendix I.05; docs/scoring.md
// §6): per unit, indicators met, on-time reporting and a score, ranked with ties.
#include "common.hpp"

namespace dtiplan_bindings {

void register_scorecard(py::module_& m) {
    using dtiplan::UnitScorecard;

    py::class_<UnitScorecard> card(
        m, "UnitScorecard",
        "A unit on the ranking board: indicators it reports, how many have a value and meet "
        "their target, reports due and on time, framework points beside, the score "
        "(0.5 × share met + 0.5 × on-time rate) and its rank.");
    def_value_type(
        card, "A card: UnitScorecard(unit='VHXH', indicators=12, ...).",
        field("unit", &UnitScorecard::unit, "Unit id."),
        field("indicators", &UnitScorecard::indicators, "Indicators it reports each month."),
        field("with_value", &UnitScorecard::with_value,
              "Of those, how many have a value on the date."),
        field("met", &UnitScorecard::met, "Of those, how many meet their target."),
        field("reports_due", &UnitScorecard::reports_due,
              "(indicator, month) reports owed by the date."),
        field("reports_on_time", &UnitScorecard::reports_on_time, "Of those, the ones on time."),
        field("on_time_rate", &UnitScorecard::on_time_rate,
              "reports_on_time / reports_due (0 when none due)."),
        field("points", &UnitScorecard::points,
              "Framework points of the components its indicators measure."),
        field("max_points", &UnitScorecard::max_points, "Their maximum."),
        field("score", &UnitScorecard::score,
              "0.5 × share of indicators met + 0.5 × on-time rate."),
        field("rank", &UnitScorecard::rank, "Competition rank by score, 1 = best."));

    m.def("unit_scorecards", &dtiplan::unit_scorecards, py::arg("plan"), py::arg("framework"),
          py::arg("log"), py::arg("calendar"), py::arg("as_of"),
          "One card per unit with a monthly reporting duty, ordered by rank then plan order; "
          "ranks are competition ranks of the scores at 4 decimals.");
}

}  // namespace dtiplan_bindings
