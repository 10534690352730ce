// Look-ups on the plan value types: targets per year, unit and group resolution.
#include <algorithm>

#include "dtiplan/error.hpp"
#include "dtiplan/model/plan.hpp"
#include "dtiplan/model/source.hpp"

namespace dtiplan {

std::string describe(const SourceRef& ref, Language lang) {
    const bool appendix = ref.section.rfind("PL.", 0) == 0;
    if (appendix) {
        const std::string part = ref.section.substr(3);
        return lang == Language::Vietnamese ? "Phụ lục " + part + ", STT " + ref.item
                                            : "Appendix " + part + ", row " + ref.item;
    }
    return lang == Language::Vietnamese ? "Mục " + ref.section + ", ý " + ref.item
                                        : "Section " + ref.section + ", item " + ref.item;
}

std::vector<const Target*> Indicator::targets_for(int year) const {
    std::vector<const Target*> out;
    for (const auto& t : targets)
        if (t.year == year) out.push_back(&t);
    return out;
}

std::optional<double> Indicator::count_total(int year) const noexcept {
    const Target* next = nullptr;  // the first year >= year
    const Target* last = nullptr;  // the last year before it
    for (const auto& t : targets) {
        if (t.parsed.kind != MeasureKind::CountOfTotal || !t.parsed.denominator ||
            !(*t.parsed.denominator > 0.0))
            continue;
        if (t.year >= year) {
            if (next == nullptr || t.year < next->year) next = &t;
        } else if (last == nullptr || t.year > last->year) {
            last = &t;
        }
    }
    const Target* use = next != nullptr ? next : last;
    if (use == nullptr) return std::nullopt;
    return use->parsed.denominator;
}

std::vector<std::string> Indicator::units_with(Role role) const {
    std::vector<std::string> out;
    for (const auto& a : assignments)
        if (a.role == role) out.push_back(a.unit);
    return out;
}

const Unit* Plan::find_unit(std::string_view wanted) const noexcept {
    auto it =
        std::find_if(units.begin(), units.end(), [&](const Unit& u) { return u.id == wanted; });
    return it == units.end() ? nullptr : &*it;
}

std::string Plan::label_of(std::string_view unit_or_group) const {
    if (const Unit* unit = find_unit(unit_or_group)) return unit->label();
    if (const UnitGroup* group = find_group(unit_or_group);
        group != nullptr && !group->name.empty()) {
        return group->name;
    }
    return std::string(unit_or_group);
}

const UnitGroup* Plan::find_group(std::string_view wanted) const noexcept {
    auto it = std::find_if(groups.begin(), groups.end(),
                           [&](const UnitGroup& g) { return g.id == wanted; });
    return it == groups.end() ? nullptr : &*it;
}

const Indicator* Plan::find_indicator(std::string_view wanted) const noexcept {
    auto it = std::find_if(indicators.begin(), indicators.end(),
                           [&](const Indicator& i) { return i.id == wanted; });
    return it == indicators.end() ? nullptr : &*it;
}

std::vector<std::string> Plan::expand(std::string_view unit_or_group) const {
    if (find_unit(unit_or_group)) return {std::string(unit_or_group)};
    const UnitGroup* group = find_group(unit_or_group);
    if (!group)
        throw ValidationError(
            "", "\"" + std::string(unit_or_group) + "\" is neither a unit nor a group of the plan");
    std::vector<std::string> out;
    for (const auto& u : units) {
        const bool member = group->all_commune_units
                                ? u.level == Level::Commune
                                : std::find(group->members.begin(), group->members.end(), u.id) !=
                                      group->members.end();
        if (member) out.push_back(u.id);
    }
    return out;
}

}  // namespace dtiplan
