// The module's identity: its docstring and __version__ (the C++ library's version).
#include "common.hpp"

namespace dtiplan_bindings {

void register_version(py::module_& m) {
    m.doc() = "dtiplan's compiled core: the C++ value types, loaders and checks. Import dtiplan.";
    m.attr("__version__") = dtiplan::kVersion;
}

}  // namespace dtiplan_bindings
