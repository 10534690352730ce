// Progress status against a target (docs/progress.md): Open SDG (Statistics Canada) and the UNSD
// progress chart, with the numbers behind the verdict.
#include "project_common.hpp"

#include <optional>
#include <string_view>

namespace dtiplan_bindings {
namespace {

std::optional<dtiplan::ProgressCategory> category_from_string(std::string_view s) noexcept {
    using C = dtiplan::ProgressCategory;
    for (C c : {C::TargetAchieved, C::OnTrack, C::AccelerationNeeded, C::LimitedProgress,
                C::Deterioration, C::InsufficientData})
        if (dtiplan::to_string(c) == s) return c;
    return std::nullopt;
}

}  // namespace

void register_progress(py::module_& m) {
    using dtiplan::ProgressCategory;
    using dtiplan::ProgressInput;
    using dtiplan::ProgressMethod;
    using dtiplan::ProgressResult;

    py::native_enum<ProgressMethod>(m, "ProgressMethod", "enum.Enum",
                                    "A published progress-assessment method.")
        .value("OpenSdg", ProgressMethod::OpenSdg,
               "Statistics Canada / Open SDG: observed over required growth")
        .value("Unsd", ProgressMethod::Unsd, "UNSD progress chart: projected over required")
        .finalize();
    add_spelling<ProgressMethod>(m, "ProgressMethod", &dtiplan::progress_method_from_string);

    py::native_enum<ProgressCategory>(m, "ProgressCategory", "enum.Enum",
                                      "The verdict of a progress assessment.")
        .value("TargetAchieved", ProgressCategory::TargetAchieved, "target achieved")
        .value("OnTrack", ProgressCategory::OnTrack, "on track (ratio >= 0.95)")
        .value("AccelerationNeeded", ProgressCategory::AccelerationNeeded,
               "progress made but acceleration needed")
        .value("LimitedProgress", ProgressCategory::LimitedProgress,
               "limited progress (Open SDG only)")
        .value("Deterioration", ProgressCategory::Deterioration,
               "deterioration (UNSD: stagnation or regression)")
        .value("InsufficientData", ProgressCategory::InsufficientData, "insufficient data")
        .finalize();
    add_spelling<ProgressCategory>(m, "ProgressCategory", &category_from_string);
    add_label<ProgressCategory>(m, "ProgressCategory");

    py::class_<ProgressInput> input(m, "ProgressInput",
                                    "Base, current and target (decimal years and values).");
    def_record_type(
        input, "An input: ProgressInput(base_time=2026.0, base_value=0.4, ...).",
        field("base_time", &ProgressInput::base_time, "Decimal year of the base value."),
        field("base_value", &ProgressInput::base_value, "The base value."),
        field("current_time", &ProgressInput::current_time, "Decimal year of the latest value."),
        field("current_value", &ProgressInput::current_value, "The latest value."),
        field("target_time", &ProgressInput::target_time, "Decimal year the target is due."),
        field("target_value", &ProgressInput::target_value,
              "The target; NaN: no quantitative target."),
        field("direction", &ProgressInput::direction, "Direction.Increase or .Decrease."),
        field("strict", &ProgressInput::strict,
              "The target is strict ('Trên 80%'): achieved needs current > target."),
        field("bounded_rate", &ProgressInput::bounded_rate, "Values are rates on a 0..1 scale."));

    py::class_<ProgressResult> result(m, "ProgressResult",
                                      "The category and the numbers behind it.");
    def_record_type(
        result, "A result: ProgressResult(method=..., category=..., ratio=None, ...).",
        field("method", &ProgressResult::method, "The method used (ProgressMethod)."),
        field("category", &ProgressResult::category, "The verdict (ProgressCategory)."),
        field("ratio", &ProgressResult::ratio, "R (Open SDG) or the UNSD ratio, or None."),
        field("observed_growth", &ProgressResult::observed_growth,
              "Observed CAGR per year, or None."),
        field("required_growth", &ProgressResult::required_growth,
              "Required CAGR per year, or None."),
        field("projected_value", &ProgressResult::projected_value,
              "UNSD: the value projected to the target time, or None."),
        field("explanation", &ProgressResult::explanation,
              "The numbers and the rule applied, in English."));

    m.def("progress_status", &dtiplan::progress_status, py::arg("input"),
          py::arg_v("method", ProgressMethod::OpenSdg, "ProgressMethod.OpenSdg"),
          "Assess progress toward the target by Open SDG or UNSD (docs/progress.md). "
          "ValidationError for a non-finite time or value (a NaN target means no target).");
}

}  // namespace dtiplan_bindings
