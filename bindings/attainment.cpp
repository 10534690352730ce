// Attainment of the plan's targets on a date (docs/scoring.md §5): the target in force, the
// latest value, met or not and the gap. Separate from points, which come from the framework.
#include "common.hpp"

#include <optional>
#include <utility>

namespace dtiplan_bindings {

void register_attainment(py::module_& m) {
    using dtiplan::Attainment;

    py::class_<Attainment> attainment(
        m, "Attainment",
        "An indicator on a date: the target in force, the latest value and period, whether it "
        "is met and the gap (target minus value, in fractions of full attainment).");
    def_value_type(
        attainment, "An attainment row: Attainment(indicator='I.03', target=..., value=0.825).",
        field("indicator", &Attainment::indicator, "Indicator id."),
        field("target", &Attainment::target, "The target in force (Target), or None."),
        field("target_conflict", &Attainment::target_conflict,
              "True when the plan gives another, different target that year."),
        field("value", &Attainment::value, "Latest value in the indicator's scale, or None."),
        field("period", &Attainment::period, "The period of that value (Period), or None."),
        field("met", &Attainment::met, "Met or not; None without a value or a target."),
        field("gap", &Attainment::gap,
              "Target minus value as fractions (0.05 = 5 points short), <= 0 when met; None "
              "without a value or a target."));

    m.def(
        "target_in_force",
        [](const dtiplan::Indicator& indicator, const dtiplan::Plan& plan, int year) {
            bool conflict = false;
            const dtiplan::Target* t = dtiplan::target_in_force(indicator, plan, year, &conflict);
            return std::make_pair(copy_or_none(t), conflict);
        },
        py::arg("indicator"), py::arg("plan"), py::arg("year"),
        "(target, conflict): the target in force in a year (the first milestone year >= year "
        "with a target; None when none) and whether another target that year differs.");
    m.def(
        "as_fraction",
        [](const dtiplan::ObservedValue& value, const dtiplan::Indicator& indicator,
           const dtiplan::Target* target) {
            return dtiplan::as_fraction(value, indicator, target);
        },
        py::arg("value"), py::arg("indicator"), py::arg("target") = py::none(),
        "An observed value as a fraction of full attainment (a count divided by its total).");
    m.def("attainment", &dtiplan::attainment, py::arg("plan"), py::arg("log"), py::arg("as_of"),
          "One Attainment per plan indicator, in plan order, on the date as_of.");
}

}  // namespace dtiplan_bindings
