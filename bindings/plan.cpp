// Goal, ReportingRules and Plan: the commune's plan as a plain value.
#include "common.hpp"

#include <optional>

namespace dtiplan_bindings {

void register_plan(py::module_& m) {
    using dtiplan::Goal;
    using dtiplan::Plan;
    using dtiplan::ReportingRules;

    py::class_<Goal> goal(m, "Goal",
                          "The overall goal (II.1): rank within the top `top` of `of` units of "
                          "`scope`.");
    def_value_type(goal, "A goal: Goal(text=..., top=10, of=95, scope='tỉnh Đồng Nai').",
                   field("text", &Goal::text, "The goal as written."),
                   field("top", &Goal::top, "The rank to reach (top 10)."),
                   field("of", &Goal::of, "Out of how many units (95)."),
                   field("scope", &Goal::scope, "Where the ranking is: 'tỉnh Đồng Nai'."),
                   field("source", &Goal::source, "Where the plan writes it (SourceRef)."));

    py::class_<ReportingRules> reporting(
        m, "ReportingRules",
        "The monthly reporting rhythm (section V): lead units report before day "
        "unit_report_before_day to the recipient through the consolidator, which reports before "
        "day consolidated_report_before_day.");
    def_value_type(
        reporting, "Reporting rules: ReportingRules(unit_report_before_day=20, ...).",
        field("unit_report_before_day", &ReportingRules::unit_report_before_day,
              "Lead units report before this day of each month (20)."),
        field("consolidated_report_before_day", &ReportingRules::consolidated_report_before_day,
              "The consolidator reports before this day of each month (25)."),
        field("consolidator", &ReportingRules::consolidator, "Unit id: 'VHXH'."),
        field("recipient", &ReportingRules::recipient, "Unit id: 'UBND'."),
        field("window", &ReportingRules::window,
              "The days a report covers (ReportingWindow.Decree09 by default)."),
        field("report_recipients", &ReportingRules::report_recipients,
              "'Nơi nhận' of the consolidated monthly report, one line each."),
        field("sources", &ReportingRules::sources, "Where the plan writes the rules."));

    py::class_<Plan> plan(m, "Plan",
                          "A commune's plan (kế hoạch): units and groups, indicators with targets "
                          "and assignments, the goal and the reporting rules. List fields are "
                          "returned as copies: assign a new list to change one.");
    def_value_type(plan, "A plan: Plan(id='dai-phuoc-2026-2030', title=..., indicators=[...]).",
                   field("id", &Plan::id, "'dai-phuoc-2026-2030'."),
                   field("title", &Plan::title, "The plan's title, verbatim."),
                   field("issuer", &Plan::issuer, "'UBND xã Đại Phước'."),
                   field("commune", &Plan::commune, "'Đại Phước'."),
                   field("province", &Plan::province, "'Đồng Nai'."),
                   field("start_year", &Plan::start_year, "First year of the period."),
                   field("end_year", &Plan::end_year, "Last year of the period."),
                   field("milestones", &Plan::milestones, "Years targets are set for."),
                   field("goal", &Plan::goal, "The overall goal (Goal)."),
                   field("reporting", &Plan::reporting, "The reporting rules (ReportingRules)."),
                   field("units", &Plan::units, "Every unit (list of Unit)."),
                   field("groups", &Plan::groups, "Every group (list of UnitGroup)."),
                   field("indicators", &Plan::indicators, "Every indicator (list of Indicator)."));
    plan.def(
            "find_unit",
            [](const Plan& self, std::string_view id) { return copy_or_none(self.find_unit(id)); },
            py::arg("id"), "A copy of the unit with this id, or None.")
        .def(
            "find_group",
            [](const Plan& self, std::string_view id) { return copy_or_none(self.find_group(id)); },
            py::arg("id"), "A copy of the group with this id, or None.")
        .def("label_of", &Plan::label_of, py::arg("id"),
             "A unit-or-group id as tables name it: the unit's short name, else its name, else "
             "the group's name, else the id.")
        .def(
            "find_indicator",
            [](const Plan& self, std::string_view id) {
                return copy_or_none(self.find_indicator(id));
            },
            py::arg("id"), "A copy of the indicator with this id, or None.")
        .def("expand", &Plan::expand, py::arg("unit_or_group"),
             "The unit ids a unit or group id stands for, in the order of units. Raises "
             "ValidationError when the id is neither.")
        .def(
            "_repr_html_",
            [](const Plan& self) {
                std::string html = "<div><strong>" + html_escape(self.title) + "</strong><table>";
                const auto row = [&html](std::string_view key, const std::string& value) {
                    html += "<tr><th style='text-align:left'>" + std::string(key) +
                            "</th><td style='text-align:left'>" + html_escape(value) + "</td></tr>";
                };
                row("id", self.id);
                row("issuer", self.issuer);
                row("period",
                    std::to_string(self.start_year) + "–" + std::to_string(self.end_year));
                row("goal", self.goal.text);
                row("indicators", std::to_string(self.indicators.size()));
                row("units", std::to_string(self.units.size()) + " (" +
                                 std::to_string(self.groups.size()) + " groups)");
                return html + "</table></div>";
            },
            "The plan in a notebook: title, id, issuer, period, goal, counts.");
}

}  // namespace dtiplan_bindings
