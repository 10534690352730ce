// The default evaluation date and one indicator's progress toward its target (docs/progress.md).
#include "common.hpp"

namespace dtiplan_bindings {

void register_indicator_progress(py::module_& m) {
    m.def("default_evaluation", &dtiplan::default_evaluation, py::arg("plan"), py::arg("as_of"),
          "31 December of the plan's first milestone year not before as_of's year (or of "
          "as_of's year when every milestone has passed).");
    m.def("indicator_progress", &dtiplan::indicator_progress, py::arg("plan"), py::arg("log"),
          py::arg("indicator"), py::arg("as_of"), py::arg("year"),
          py::arg_v("method", dtiplan::ProgressMethod::OpenSdg, "ProgressMethod.OpenSdg"),
          "The progress of one plan indicator toward its target in force in `year`, from its "
          "first to its latest value known on as_of (as fractions of full attainment).");
}

}  // namespace dtiplan_bindings
