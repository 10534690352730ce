// The commune's points on a date from its observation log (docs/scoring.md).
#include "common.hpp"

#include <map>
#include <string>

namespace dtiplan_bindings {

void register_score_log(py::module_& m) {
    m.def("indicator_values", &dtiplan::indicator_values, py::arg("plan"), py::arg("log"),
          py::arg("as_of"),
          "The value of each plan indicator known on as_of as a fraction of full attainment, "
          "clamped to 0..1 (indicators without a value are left out).");
    m.def("score_log", &dtiplan::score_log, py::arg("framework"), py::arg("plan"), py::arg("log"),
          py::arg("as_of"), py::arg("best") = std::map<std::string, double, std::less<>>{},
          "The ScoreCard of the values in force on as_of, with the plan's targets of as_of's "
          "year for Target rules and `best` for RelativeToBest ones.");
}

}  // namespace dtiplan_bindings
