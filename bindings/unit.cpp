// Unit and UnitGroup: who can be given a role, and named sets of units.
#include "common.hpp"

namespace dtiplan_bindings {

void register_unit(py::module_& m) {
    using dtiplan::Unit;
    using dtiplan::UnitGroup;

    py::class_<Unit> unit(m, "Unit",
                          "A unit (cơ quan, đơn vị) that can be given a role: 'VHXH' = "
                          "'Phòng Văn hóa - Xã hội' ('Phòng VH-XH').");
    def_value_type(unit, "A unit: Unit(id='VHXH', name='Phòng Văn hóa - Xã hội', ...).",
                   field("id", &Unit::id, "Stable ASCII id: 'VHXH', 'TTPVHCC', 'SKHCN'."),
                   field("name", &Unit::name, "Full Vietnamese name."),
                   field("short_name", &Unit::short_name,
                         "As the plan abbreviates it ('Phòng VH-XH'); may equal name."),
                   field("level", &Unit::level, "Level.Commune or Level.Upper."));

    py::class_<UnitGroup> group(m, "UnitGroup",
                                "A named set of units written in one cell of the plan ('Các cơ "
                                "quan, đơn vị; các ngành xã' = every commune unit).");
    def_value_type(group, "A group: UnitGroup(id='ALL', name=..., all_commune_units=True).",
                   field("id", &UnitGroup::id, "Stable ASCII id: 'ALL', 'TTHC'."),
                   field("name", &UnitGroup::name, "Vietnamese name as the plan writes it."),
                   field("all_commune_units", &UnitGroup::all_commune_units,
                         "True: every unit of level Commune (members must then be empty)."),
                   field("members", &UnitGroup::members,
                         "Member unit ids (a copy: assign a new list to change it)."),
                   field("note", &UnitGroup::note,
                         "How the membership was decided when the plan does not list it."));
}

}  // namespace dtiplan_bindings
