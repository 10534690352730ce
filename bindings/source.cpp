// SourceRef: a place in the plan document (appendix row or body bullet).
#include "common.hpp"

namespace dtiplan_bindings {

void register_source(py::module_& m) {
    using dtiplan::SourceRef;
    py::class_<SourceRef> cls(m, "SourceRef",
                              "A place in the plan document: section 'PL.I'/'PL.II' with the "
                              "row's STT as item ('06'), or a body section ('III.3.a') with the "
                              "bullet's position from 1 ('7').");
    def_value_type(cls, "A place in the plan: SourceRef(section='PL.I', item='03').",
                   field("section", &SourceRef::section, "'PL.I', 'PL.II', 'III.3.a', 'V.1', ..."),
                   field("item", &SourceRef::item, "Row STT ('06') or bullet position ('7')."));

    cls.def(py::self < py::self, py::arg("other"), "Order by section, then item.")
        .def(py::self <= py::self, py::arg("other"), "Order by section, then item.")
        .def(py::self > py::self, py::arg("other"), "Order by section, then item.")
        .def(py::self >= py::self, py::arg("other"), "Order by section, then item.");

    cls.def("describe", &dtiplan::describe,
            py::arg_v("lang", dtiplan::Language::Vietnamese, "Language.Vietnamese"),
            "For people: 'Phụ lục I, STT 06' / 'Appendix I, row 06'; 'Mục III.3.a, ý 7' / "
            "'Section III.3.a, item 7'.");
}

}  // namespace dtiplan_bindings
