// Series (docs/projection.md §1): an indicator's observations as one value per period, as known
// on an as-of date, with time in decimal years; decimal_year and its inverse.
#include "project_common.hpp"

#include <optional>
#include <string_view>

namespace dtiplan_bindings {

void register_series(py::module_& m) {
    using dtiplan::Series;

    m.def("decimal_year", &dtiplan::decimal_year, py::arg("date"),
          "Decimal year of a date: 2026-01-01 -> 2026.0, 2026-07-02 -> about 2026.5 (each day "
          "is 1/365 or 1/366 of its year). NaN for None.");
    m.def("date_from_decimal_year", &dtiplan::date_from_decimal_year, py::arg("time"),
          "The date of a decimal year, to the nearest day (inverse of decimal_year). "
          "ValidationError for NaN or a year outside 1400..9999.");

    py::class_<Series> series(
        m, "Series",
        "One indicator's values, one per period (the effective submission known on the as-of "
        "date), ascending; missing periods are absent (gaps stay gaps).");
    def_value_type(
        series,
        "A series: Series(indicator='II.04', frequency=PeriodKind.Month, "
        "periods=[...], values=[...]).",
        field("indicator", &Series::indicator, "The plan indicator id."),
        field("frequency", &Series::frequency, "PeriodKind of every period."),
        field("periods", &Series::periods, "Periods, ascending, no duplicates."),
        field("values", &Series::values, "Values in the indicator's own scale, one per period."));
    series.def("__len__", &Series::size, "The number of values.")
        .def("times", &Series::times,
             "Decimal year at which each period is complete (the day after its last day).")
        .def("gaps", &Series::gaps,
             "Periods of the frequency between the first and last present with no value.");

    m.def("series_from_log", &dtiplan::series_from_log, py::arg("log"), py::arg("indicator"),
          py::arg("as_of"), py::arg("frequency") = py::none(),
          "The series of one indicator from an ObservationLog as known on as_of (later "
          "submissions ignored, superseded values resolved), at one frequency (default: the "
          "finest the log has for it).");
}

}  // namespace dtiplan_bindings
