// The monthly reporting calendar (section V of the plan): holidays, obligations, deadlines,
// statuses on a date and what falls due next (docs/calendar.md). Months may be given as
// Period or as their spelling ("2026-03"), dates as datetime.date.
#include "common.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace dtiplan_bindings {
namespace {

std::optional<dtiplan::ReportState> report_state_from_string(std::string_view s) noexcept {
    using dtiplan::ReportState;
    for (ReportState v :
         {ReportState::OnTime, ReportState::Late, ReportState::Missing, ReportState::NotYetDue})
        if (dtiplan::to_string(v) == s) return v;
    return std::nullopt;
}

}  // namespace

void register_calendar(py::module_& m) {
    using dtiplan::DeadlineShift;
    using dtiplan::HolidayCalendar;
    using dtiplan::Obligation;
    using dtiplan::ReportingCalendar;
    using dtiplan::ReportState;
    using dtiplan::ReportStatus;

    py::native_enum<DeadlineShift>(m, "DeadlineShift", "enum.Enum",
                                   "What happens to a deadline on a weekend or public holiday.")
        .value("Keep", DeadlineShift::Keep, "the deadline stays where it falls")
        .value("Earlier", DeadlineShift::Earlier, "moves to the previous working day")
        .value("Later", DeadlineShift::Later, "moves to the next working day")
        .finalize();

    py::native_enum<ReportState>(m, "ReportState", "enum.Enum",
                                 "The state of a reporting obligation on a date.")
        .value("OnTime", ReportState::OnTime, "đúng hạn")
        .value("Late", ReportState::Late, "trễ hạn")
        .value("Missing", ReportState::Missing, "chưa báo cáo (quá hạn)")
        .value("NotYetDue", ReportState::NotYetDue, "chưa đến hạn")
        .finalize();
    add_spelling<ReportState>(m, "ReportState", &report_state_from_string);
    add_label<ReportState>(m, "ReportState");

    py::class_<HolidayCalendar> holidays(
        m, "HolidayCalendar",
        "Public holidays: the fixed-date national ones of the Labour Code 2019, art. 112 (1/1, "
        "30/4, 1/5, 2/9), plus any added with add() (Tết, Giỗ Tổ Hùng Vương, the yearly extra "
        "days).");
    holidays.def(py::init<>(), "With the fixed-date national holidays.")
        .def("add", &HolidayCalendar::add, py::arg("date"), py::arg("name"),
             "Add a holiday: add(datetime.date(2026, 2, 17), 'Tết Nguyên đán').")
        .def("is_holiday", &HolidayCalendar::is_holiday, py::arg("date"),
             "Whether the date is a holiday.")
        .def("holiday_name", &HolidayCalendar::holiday_name, py::arg("date"),
             "The holiday's Vietnamese name, or None.")
        .def_static("is_weekend", &HolidayCalendar::is_weekend, py::arg("date"),
                    "Saturday or Sunday.")
        .def("is_working_day", &HolidayCalendar::is_working_day, py::arg("date"),
             "Monday to Friday and not a holiday.")
        .def(
            "__repr__", [](py::handle self) { return python_type_name(self) + "()"; },
            "The class name.");

    py::class_<dtiplan::DateRange> range(
        m, "DateRange", "The days a report covers, both included: DateRange(first, last).");
    def_value_type(range, "Days: DateRange(first=datetime.date(2026, 2, 15), last=...).",
                   field("first", &dtiplan::DateRange::first, "The first day (datetime.date)."),
                   field("last", &dtiplan::DateRange::last, "The last day (datetime.date)."));
    range.def("contains", &dtiplan::DateRange::contains, py::arg("date"),
              "Whether the day is in the range.");
    m.def("reporting_window", &dtiplan::reporting_window, py::arg("period"), py::arg("rule"),
          "The days the report for a period covers: Decree09 (15/(M-1) to 14/M for a month) or "
          "CalendarMonth (the period itself).");

    py::class_<Obligation> obligation(
        m, "Obligation",
        "One reporting obligation: a unit reports an indicator for a month by a "
        "deadline (or consolidates the month's reports).");
    def_value_type(
        obligation, "An obligation: Obligation(unit='TTPVHCC', indicator='I.03', ...).",
        field("unit", &Obligation::unit,
              "Reporting unit or group id (lead unit, or the commune's tracking unit)."),
        field("indicator", &Obligation::indicator, "Indicator id; '' for the consolidated report."),
        field("period", &Obligation::period, "The month reported on (Period)."),
        field("deadline", &Obligation::deadline,
              "The last day a submission is on time (datetime.date)."),
        field("consolidated", &Obligation::consolidated,
              "True for the consolidator's monthly report."),
        field("window", &Obligation::window,
              "The days the report covers (DateRange: 15/02 to 14/03 for March under NĐ 09)."));

    py::class_<ReportStatus> status(m, "ReportStatus",
                                    "The state of an obligation on a date: on time, late (by "
                                    "how many days), missing or not yet due.");
    def_value_type(status, "A status: ReportStatus(obligation=..., state=ReportState.Late, ...).",
                   field("obligation", &ReportStatus::obligation, "The obligation (Obligation)."),
                   field("state", &ReportStatus::state, "The state (ReportState)."),
                   field("days_late", &ReportStatus::days_late, "> 0 only when Late."),
                   field("submitted", &ReportStatus::submitted,
                         "The first submission's date for that month, or None."));

    py::class_<ReportingCalendar> calendar(
        m, "ReportingCalendar",
        "Who reports what, when: the report for month M covers the plan's reporting window "
        "(15/(M-1) to 14/M under Nghị định 09, the default) and is due before day N (20 for "
        "units, 25 for the consolidated report) once the window has closed, shifted per the "
        "setting.");
    calendar
        .def(py::init<const dtiplan::Plan&, DeadlineShift, HolidayCalendar>(), py::arg("plan"),
             py::arg_v("shift", DeadlineShift::Keep, "DeadlineShift.Keep"),
             py::arg_v("holidays", HolidayCalendar(), "HolidayCalendar()"),
             "The calendar of a plan (it keeps what it needs: the plan may change later).")
        .def("unit_deadline", &ReportingCalendar::unit_deadline, py::arg("month"),
             "The units' deadline of a month (datetime.date).")
        .def("consolidated_deadline", &ReportingCalendar::consolidated_deadline, py::arg("month"),
             "The consolidated report's deadline of a month.")
        .def("obligations", &ReportingCalendar::obligations, py::arg("month"),
             "Every obligation of a month: units' reports (unit, then indicator, in plan "
             "order), then the consolidated report. None outside the plan's years.")
        .def("status", &ReportingCalendar::status, py::arg("month"), py::arg("log"),
             py::arg("as_of"),
             "The status of each obligation of a month on a date (only submissions made on or "
             "before as_of count).")
        .def("upcoming", &ReportingCalendar::upcoming, py::arg("start"), py::arg("limit") = 10,
             "Obligations with a deadline on or after `start`, soonest first, up to `limit`.")
        .def("indicators_reported_by", &ReportingCalendar::indicators_reported_by, py::arg("unit"),
             "The indicators a unit or group must report each month.")
        .def_property_readonly(
            "holidays", [](const ReportingCalendar& self) { return self.holidays(); },
            "The holiday calendar (a copy).")
        .def_property_readonly("shift", &ReportingCalendar::shift, "The DeadlineShift setting.")
        .def("window", &ReportingCalendar::window, py::arg("period"),
             "The days the report for a period covers under the plan's rules (DateRange).")
        .def_property_readonly("window_rule", &ReportingCalendar::window_rule,
                               "The plan's ReportingWindow.")
        .def(
            "__repr__",
            [](py::handle self) {
                const auto& v = self.cast<const ReportingCalendar&>();
                return python_type_name(self) +
                       "(shift=" + py::repr(py::cast(v.shift())).cast<std::string>() + ")";
            },
            "The class name and the shift setting.");
}

}  // namespace dtiplan_bindings
