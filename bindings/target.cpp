// TargetValue (the parsed meaning of a phrase) and Target (a phrase for one milestone year).
#include "common.hpp"

namespace dtiplan_bindings {

void register_target(py::module_& m) {
    using dtiplan::Target;
    using dtiplan::TargetValue;

    py::class_<TargetValue> value(
        m, "TargetValue",
        "The parsed meaning of a target phrase: 'Trên 80%' is Rate, Above, 0.8; '9/9 nền tảng' "
        "is CountOfTotal, AtLeast, 9 of 9; yes/no and milestones are Exactly 1.");
    def_value_type(
        value, "A parsed target: TargetValue(kind=MeasureKind.Rate, comparator=..., value=0.8).",
        field("kind", &TargetValue::kind, "What is measured (MeasureKind)."),
        field("comparator", &TargetValue::comparator, "How a value is compared (Comparator)."),
        field("value", &TargetValue::value,
              "A fraction for a Rate, the count for a CountOfTotal, 1 for yes/milestone."),
        field("denominator", &TargetValue::denominator, "The total of a CountOfTotal, else None."),
        field("basis", &TargetValue::basis, "What a rate is of / what is counted, or ''."),
        field("aspirational", &TargetValue::aspirational,
              "True for 'Phấn đấu đạt ...' (strive to reach)."));
    value
        .def("met", &TargetValue::met, py::arg("observed"),
             "Whether an observed value (in the target's own scale) meets the target; strict "
             "comparators are strict, NaN never meets.")
        .def("as_fraction", &TargetValue::as_fraction,
             "The value as a fraction of full attainment (a count divided by its total).");
    value.attr("TOLERANCE") = TargetValue::kTolerance;

    py::class_<Target> target(m, "Target",
                              "A target (chỉ tiêu) for one year: the phrase as written, its "
                              "parsed value and where the plan writes it.");
    def_value_type(target, "A target: Target(year=2026, text='Trên 80%', parsed=..., ...).",
                   field("year", &Target::year, "The milestone year."),
                   field("text", &Target::text, "The phrase, verbatim."),
                   field("parsed", &Target::parsed, "The parsed reading (TargetValue)."),
                   field("source", &Target::source, "Where the plan writes it (SourceRef)."),
                   field("year_inferred", &Target::year_inferred,
                         "True when the plan gives no year and it was inferred."));
    target.def("met", &Target::met, py::arg("observed"),
               "Whether an observed value meets the target (see TargetValue.met).");
}

}  // namespace dtiplan_bindings
