// Plans as JSON: from text, files and the built-in data, and back.
#include "common.hpp"

namespace dtiplan_bindings {

void register_plan_io(py::module_& m) {
    m.def("plan_from_json", &dtiplan::plan_from_json, py::arg("json_text"),
          py::arg("origin") = "<string>",
          "Read a plan from JSON text; `origin` names the source in errors. Raises FormatError "
          "or TargetPhraseError with the JSON path.");
    m.def("plan_to_json", &dtiplan::plan_to_json, py::arg("plan"),
          "The plan as JSON text (UTF-8, 2-space indent); loading it gives back an equal plan.");
    m.def("load_plan", &dtiplan::load_plan, py::arg("path"),
          "Load a plan file (str or os.PathLike). Raises FileError when it cannot be read, "
          "FormatError when it is not a plan.");
    m.def("save_plan", &dtiplan::save_plan, py::arg("plan"), py::arg("path"),
          "Save a plan atomically (temporary file, then rename). Raises FileError and leaves "
          "any old file as it was.");
    m.def("builtin_plan", &dtiplan::builtin_plan,
          "The built-in plan of Đại Phước 2026-2030 (a fresh copy on each call).");
    m.def(
        "builtin_plan_json", [] { return std::string(dtiplan::builtin_plan_json()); },
        "The JSON text of the built-in plan as shipped.");

    auto plan = py::reinterpret_borrow<py::class_<dtiplan::Plan>>(m.attr("Plan"));
    plan.def("save", &dtiplan::save_plan, py::arg("path"),
             "Save the plan atomically to a JSON file (see save_plan).")
        .def("to_json", &dtiplan::plan_to_json, "The plan as JSON text (see plan_to_json).");
}

}  // namespace dtiplan_bindings
