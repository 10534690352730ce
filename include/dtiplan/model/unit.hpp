// Units (cơ quan, đơn vị) and unit groups. A group stands for several units in one cell of the
// plan ("Các cơ quan, đơn vị; các ngành xã" = every commune unit); expanding it is what lets the
// responsibility matrix say what each real unit answers for.
#pragma once

#include <string>
#include <vector>

#include "dtiplan/model/enums.hpp"

namespace dtiplan {

/// A unit that can be given a role: "VHXH" = "Phòng Văn hóa - Xã hội" ("Phòng VH-XH").
struct Unit {
    std::string id;          ///< stable id, ASCII: "VHXH", "TTPVHCC", "SKHCN"
    std::string name;        ///< full Vietnamese name
    std::string short_name;  ///< as the plan abbreviates it; may equal name
    Level level = Level::Commune;

    /// The unit as people know it: its short name, else its name, else its id.
    [[nodiscard]] const std::string& label() const noexcept {
        if (!short_name.empty()) return short_name;
        return name.empty() ? id : name;
    }

    friend bool operator==(const Unit&, const Unit&) = default;
};

/// A named set of units. With all_commune_units, it is every unit of level Commune (members
/// must then be empty); otherwise it is exactly the listed unit ids.
struct UnitGroup {
    std::string id;    ///< stable id, ASCII: "ALL", "TTHC"
    std::string name;  ///< Vietnamese name as the plan writes it
    bool all_commune_units = false;
    std::vector<std::string> members;
    std::string note;  ///< e.g. how the membership was decided when the plan does not list it

    friend bool operator==(const UnitGroup&, const UnitGroup&) = default;
};

}  // namespace dtiplan
