// The plan checker: Finding and check_plan.
#include "common.hpp"

namespace dtiplan_bindings {

void register_check(py::module_& m) {
    using dtiplan::Finding;

    py::class_<Finding> finding(m, "Finding",
                                "What the checker found: a stable code, a message in Vietnamese "
                                "and English, the indicators and units involved and where in the "
                                "plan it comes from.");
    def_value_type(
        finding, "A finding: Finding(severity=Severity.Warning, code='target.conflict', ...).",
        field("severity", &Finding::severity, "Severity.Info, .Warning or .Error."),
        field("code", &Finding::code, "Stable code: 'responsibility.no-lead', 'target.conflict'."),
        field("message_vi", &Finding::message_vi, "The message in Vietnamese."),
        field("message_en", &Finding::message_en, "The message in English."),
        field("indicators", &Finding::indicators, "Indicator ids involved."),
        field("units", &Finding::units, "Unit or group ids involved."),
        field("sources", &Finding::sources, "Where in the plan (list of SourceRef)."));
    finding.def(
        "message", [](const Finding& self, dtiplan::Language lang) { return self.message(lang); },
        py::arg_v("lang", dtiplan::Language::Vietnamese, "Language.Vietnamese"),
        "The message in a language.");

    m.def("check_plan", &dtiplan::check_plan, py::arg("plan"),
          "Every finding about the plan, in a stable order (see docs/checks.md for the codes).");
    m.def("has_errors", &dtiplan::has_errors, py::arg("findings"),
          "True when any finding is an error.");

    auto plan = py::reinterpret_borrow<py::class_<dtiplan::Plan>>(m.attr("Plan"));
    plan.def("check", &dtiplan::check_plan, "Check the plan: the list of findings (check_plan).");
}

}  // namespace dtiplan_bindings
