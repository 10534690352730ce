// Period (a month, quarter or year) and ISO dates. A Period is built from its spelling too, and a
// str converts implicitly wherever a Period is expected, so Python code writes "2026-03" (or
// "tháng 3/2026") instead of Period.month(2026, 3).
#include "common.hpp"

#include <string>
#include <string_view>

namespace dtiplan_bindings {

void register_period(py::module_& m) {
    using dtiplan::Period;
    using dtiplan::PeriodKind;

    py::native_enum<PeriodKind>(m, "PeriodKind", "enum.Enum", "The length of a reporting period.")
        .value("Month", PeriodKind::Month, "tháng")
        .value("Quarter", PeriodKind::Quarter, "quý")
        .value("Year", PeriodKind::Year, "năm")
        .finalize();

    py::class_<Period> period(
        m, "Period",
        "A reporting period (kỳ báo cáo): a month, a quarter or a year. Period('2026-03'), "
        "Period('Quý I/2026') or Period.month(2026, 3); str(p) is the file spelling. Wherever a "
        "Period is expected a str is accepted and read by Period.parse. Ordered by end date, "
        "then by length (a month before the quarter that ends with it).");
    def_value_type(period,
                   "A period from its fields: Period(kind=PeriodKind.Month, year=2026, "
                   "index=3) (index: month 1..12, quarter 1..4, 0 for a year).",
                   field("kind", &Period::kind, "PeriodKind.Month, .Quarter or .Year."),
                   field("year", &Period::year, "The calendar year."),
                   field("index", &Period::index, "Month 1..12, quarter 1..4, 0 for a year."));
    period
        .def(py::init([](std::string_view text) { return Period::parse(text); }), py::arg("text"),
             "A period from its spelling (see Period.parse).")
        .def_static("month", &Period::month, py::arg("year"), py::arg("month"),
                    "The month; ValidationError outside 1..12 or years 1400..9999.")
        .def_static("quarter", &Period::quarter, py::arg("year"), py::arg("quarter"),
                    "The quarter; ValidationError outside 1..4 or years 1400..9999.")
        .def_static("whole_year", &Period::whole_year, py::arg("year"),
                    "The whole year; ValidationError outside 1400..9999.")
        .def_static("parse", &Period::parse, py::arg("text"),
                    "Read '2026-03', '2026-Q1', '2026', '03/2026', 'tháng 3/2026', 'Quý I/2026', "
                    "'năm 2026' (case and spaces do not matter). FormatError quoting the text.")
        .def("first_day", &Period::first_day, "The first day (datetime.date).")
        .def("last_day", &Period::last_day, "The last day (datetime.date).")
        .def("contains", &Period::contains, py::arg("date"),
             "Whether a date falls within the period.")
        .def("__str__", &Period::to_string, "The file spelling: '2026-03', '2026-Q1', '2026'.")
        .def(
            "__lt__", [](const Period& a, const Period& b) { return a < b; }, py::is_operator(),
            py::arg("other"), "Ordered by end date, then by length.")
        .def(
            "__le__", [](const Period& a, const Period& b) { return a <= b; }, py::is_operator(),
            py::arg("other"), "Ordered by end date, then by length.")
        .def(
            "__gt__", [](const Period& a, const Period& b) { return a > b; }, py::is_operator(),
            py::arg("other"), "Ordered by end date, then by length.")
        .def(
            "__ge__", [](const Period& a, const Period& b) { return a >= b; }, py::is_operator(),
            py::arg("other"), "Ordered by end date, then by length.");
    period.attr("__repr__") = py::cpp_function(
        [](py::handle self) {
            return python_type_name(self) + "('" + self.cast<const Period&>().to_string() + "')";
        },
        py::name("__repr__"), py::is_method(period), "Period('2026-03'): the file spelling.");
    py::implicitly_convertible<py::str, Period>();

    m.def("parse_date", &dtiplan::parse_date, py::arg("text"),
          "Read an ISO date '2026-03-19' (datetime.date); FormatError quoting anything else.");
    m.def("format_date", &dtiplan::format_date, py::arg("date"),
          "The ISO spelling '2026-03-19'; '' for None.");
}

}  // namespace dtiplan_bindings
