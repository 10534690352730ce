// The illustrative examples embedded in the library: observations of 2026 for the built-in plan
// and peers of a synthetic province. Every result made from them is marked illustrative.
#include "common.hpp"

#include <string>

namespace dtiplan_bindings {

void register_examples(py::module_& m) {
    m.attr("EXAMPLE_OBSERVATIONS_FILE") = std::string(dtiplan::kExampleObservationsFile);
    m.def(
        "example_observations_csv", [] { return std::string(dtiplan::example_observations_csv()); },
        "The CSV text of the illustrative observations of 2026 (data/examples/).");
    m.def("example_observations", &dtiplan::example_observations, py::arg("plan"),
          "The illustrative observations read for the plan; each origin names the example file.");
    m.def("is_illustrative", &dtiplan::is_illustrative, py::arg("log"),
          "True when every observation of a non-empty log was read from the example file.");
    m.attr("EXAMPLE_PEERS_FILE") = std::string(dtiplan::kExamplePeersFile);
    m.def(
        "example_peers_csv", [] { return std::string(dtiplan::example_peers_csv()); },
        "The CSV text of the illustrative peer table (94 invented communes, 2025).");
    m.def("example_peers", &dtiplan::example_peers, py::arg("framework"),
          "The illustrative peer table read with the framework; every result illustrative.");
}

}  // namespace dtiplan_bindings
