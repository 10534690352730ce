// The responsibility matrix (numpy uint8 role bitmasks), per-unit responsibilities and workload.
#include "common.hpp"

namespace dtiplan_bindings {

void register_responsibility(py::module_& m) {
    using dtiplan::Responsibility;
    using dtiplan::ResponsibilityMatrix;
    using dtiplan::Workload;

    m.def("role_bit", &dtiplan::role_bit, py::arg("role"),
          "Bit of a role in ResponsibilityMatrix.roles: Lead 1, Coordinating 2, Tracking 4, "
          "UpperLead 8.");

    py::class_<ResponsibilityMatrix> matrix(
        m, "ResponsibilityMatrix",
        "Who holds which role for each indicator, groups expanded to their units. Rows are the "
        "plan's indicators, columns every unit of the plan, both in plan order.");
    matrix
        .def(py::init(&dtiplan::responsibility_matrix), py::arg("plan"),
             "The plan's matrix (same as responsibility_matrix(plan)).")
        .def_readonly("indicators", &ResponsibilityMatrix::indicators,
                      "Row labels (indicator ids).")
        .def_readonly("units", &ResponsibilityMatrix::units, "Column labels (unit ids).")
        .def_readonly("roles", &ResponsibilityMatrix::roles,
                      "numpy uint8 array (indicators x units), read-only: the OR of role_bit of "
                      "each role the unit holds for the indicator.")
        .def("incidence", &ResponsibilityMatrix::incidence, py::arg("role"),
             "0/1 numpy int array (indicators x units) of one role.")
        .def("has", &ResponsibilityMatrix::has, py::arg("indicator"), py::arg("unit"),
             py::arg("role"), "Whether the unit holds the role for the indicator.")
        .def(
            "__repr__",
            [](py::handle self) {
                const auto& v = self.cast<const ResponsibilityMatrix&>();
                return python_type_name(self) + "(" + std::to_string(v.indicators.size()) +
                       " indicators x " + std::to_string(v.units.size()) + " units)";
            },
            "The matrix's shape.");
    m.def("responsibility_matrix", &dtiplan::responsibility_matrix, py::arg("plan"),
          "The plan's responsibility matrix. Raises ValidationError for an unknown unit or "
          "group.");

    py::class_<Responsibility> responsibility(
        m, "Responsibility",
        "What one unit answers for: an indicator, a role, and the group it holds it through "
        "('' when named directly).");
    def_value_type(
        responsibility, "A responsibility: Responsibility(indicator='I.03', role=Role.Lead).",
        field("indicator", &Responsibility::indicator, "Indicator id."),
        field("role", &Responsibility::role, "The role (Role)."),
        field("via", &Responsibility::via, "'' when named directly, else the group id."));
    m.def("responsibilities_of", &dtiplan::responsibilities_of, py::arg("plan"), py::arg("unit"),
          "What a unit answers for: one Responsibility per (indicator, role).");

    py::class_<Workload> workload(m, "Workload",
                                  "How many indicators a unit holds in each role (directly or "
                                  "via a group), and how many it leads alone.");
    def_value_type(
        workload, "A workload row: Workload(unit='VHXH', lead=2, ...).",
        field("unit", &Workload::unit, "Unit id."),
        field("lead", &Workload::lead, "Indicators led (chủ trì)."),
        field("coordinating", &Workload::coordinating, "Indicators coordinated (phối hợp)."),
        field("tracking", &Workload::tracking, "Indicators tracked (theo dõi, tổng hợp)."),
        field("upper_lead", &Workload::upper_lead,
              "Indicators led as the upper level (chủ trì cấp trên)."),
        field("sole_lead", &Workload::sole_lead,
              "Indicators whose only lead is this unit, named directly."));
    workload.def("total", &Workload::total, "lead + coordinating + tracking + upper_lead.");
    m.def("workload", &dtiplan::workload, py::arg("plan"),
          "One Workload per unit of the plan, in plan order.");
}

}  // namespace dtiplan_bindings
