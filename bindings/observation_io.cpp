// Observations as CSV and JSON text and files (docs/observations.md). Every reader validates
// against a plan and names the row and column (or JSON path) of the first bad value.
#include "common.hpp"

namespace dtiplan_bindings {

void register_observation_io(py::module_& m) {
    m.def("observations_from_csv", &dtiplan::observations_from_csv, py::arg("csv_text"),
          py::arg("origin"), py::arg("plan"),
          "Read observations from CSV text (columns: docs/observations.md); `origin` names the "
          "source in errors ('so-lieu.csv: row 12, column value: ...'). Raises FormatError or "
          "ValidationError; nothing is returned half-read.");
    m.def("observations_to_csv", &dtiplan::observations_to_csv, py::arg("log"),
          "The log as CSV text (every submission, documented column order, LF line ends).");
    m.def("observations_from_json", &dtiplan::observations_from_json, py::arg("json_text"),
          py::arg("origin"), py::arg("plan"),
          "Read observations from JSON text (schema dtiplan.observations/1); errors name the "
          "JSON path.");
    m.def("observations_to_json", &dtiplan::observations_to_json, py::arg("log"),
          "The log as JSON text (schema dtiplan.observations/1).");
    m.def("load_observations", &dtiplan::load_observations, py::arg("path"), py::arg("plan"),
          "Load a .csv or .json observations file, validated against the plan. Raises FileError, "
          "FormatError or ValidationError.");
    m.def("save_observations", &dtiplan::save_observations, py::arg("log"), py::arg("path"),
          "Save a log to a .csv or .json file atomically (temporary file, then rename).");

    auto log =
        py::reinterpret_borrow<py::class_<dtiplan::ObservationLog>>(m.attr("ObservationLog"));
    log.def("save", &dtiplan::save_observations, py::arg("path"),
            "Save the log to a .csv or .json file (see save_observations).")
        .def("to_csv", &dtiplan::observations_to_csv, "The log as CSV text.")
        .def("to_json", &dtiplan::observations_to_json, "The log as JSON text.");
}

}  // namespace dtiplan_bindings
