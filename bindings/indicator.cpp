// Assignment, ResponsibilityText and Indicator: one row of the plan.
#include "common.hpp"

namespace dtiplan_bindings {

void register_indicator(py::module_& m) {
    using dtiplan::Assignment;
    using dtiplan::Indicator;
    using dtiplan::ResponsibilityText;

    py::class_<Assignment> assignment(m, "Assignment",
                                      "One unit (or group) in one role for an indicator.");
    def_value_type(assignment, "An assignment: Assignment(unit='TTPVHCC', role=Role.Lead).",
                   field("unit", &Assignment::unit, "A unit id or a group id of the plan."),
                   field("role", &Assignment::role, "The role (Role)."),
                   field("note", &Assignment::note, "Qualifier kept from the cell, or ''."));

    py::class_<ResponsibilityText> text(
        m, "ResponsibilityText",
        "The responsibility cells of the plan's row, verbatim ('' where there is no column).");
    def_value_type(
        text, "The cells: ResponsibilityText(lead=..., coordinating=..., tracking=...).",
        field("lead", &ResponsibilityText::lead,
              "CƠ QUAN CHỦ TRÌ / Cơ quan chủ trì triển khai của cấp trên."),
        field("coordinating", &ResponsibilityText::coordinating,
              "CƠ QUAN PHỐI HỢP / Cơ quan phối hợp của xã."),
        field("tracking", &ResponsibilityText::tracking, "Cơ quan theo dõi và tổng hợp của xã."));

    py::class_<Indicator> indicator(m, "Indicator",
                                    "An indicator (chỉ số) of the plan: its targets per year, "
                                    "who answers for it, the task text and its sources.");
    def_value_type(
        indicator, "An indicator: Indicator(id='I.03', name=..., pillar=..., targets=[...]).",
        field("id", &Indicator::id, "'I.03', 'II.12', 'III.3.a.01'."),
        field("name", &Indicator::name, "Vietnamese name as the plan writes it."),
        field("pillar", &Indicator::pillar, "The DTI main group (Pillar)."),
        field("kind", &Indicator::kind, "What is measured (MeasureKind)."),
        field("direction", &Indicator::direction, "Whether larger is better (Direction)."),
        field("targets", &Indicator::targets,
              "Targets in any order (a copy: assign a new list to change them)."),
        field("assignments", &Indicator::assignments,
              "Who holds which role (a copy: assign a new list to change them)."),
        field("responsibility_text", &Indicator::responsibility_text,
              "The responsibility cells, verbatim."),
        field("task", &Indicator::task, "NHIỆM VỤ THỰC HIỆN, verbatim."),
        field("sources", &Indicator::sources,
              "Every place in the plan this indicator is written."));
    indicator
        .def(
            "targets_for",
            [](const Indicator& self, int year) {
                std::vector<dtiplan::Target> out;
                for (const auto* t : self.targets_for(year)) out.push_back(*t);
                return out;
            },
            py::arg("year"),
            "Targets for a year, in stored order (several when the plan contradicts itself).")
        .def("units_with", &Indicator::units_with, py::arg("role"),
             "Unit or group ids holding a role, in stored order.")
        .def(
            "_repr_html_",
            [](const Indicator& self) {
                std::string html = "<div><strong>" + html_escape(self.id) + " " +
                                   html_escape(self.name) + "</strong><table>";
                html += "<tr><th style='text-align:left'>kind</th><td>" +
                        std::string(dtiplan::to_string(self.kind)) + "</td></tr>";
                for (const dtiplan::Target& t : self.targets)
                    html += "<tr><th style='text-align:left'>" + std::to_string(t.year) +
                            "</th><td style='text-align:left'>" + html_escape(t.text) +
                            "</td></tr>";
                std::string leads;
                for (const std::string& u : self.units_with(dtiplan::Role::Lead))
                    leads += (leads.empty() ? "" : ", ") + u;
                html += "<tr><th style='text-align:left'>lead</th><td>" + html_escape(leads) +
                        "</td></tr>";
                return html + "</table></div>";
            },
            "The indicator in a notebook: id, name, kind, targets by year, lead units.");
}

}  // namespace dtiplan_bindings
