// One-line descriptions of the value types (used by logs and by Python's repr). They name the
// type, then the fields a person needs to recognise the value, never the whole content.
#include "dtiplan/model/print.hpp"

#include <iomanip>

#include "dtiplan/model/target_phrase.hpp"

namespace dtiplan {
namespace {

struct Quoted {
    const std::string& s;
};
std::ostream& operator<<(std::ostream& os, Quoted q) { return os << std::quoted(q.s); }

// Long Vietnamese names are shortened to keep a repr on one line; cut on a UTF-8 boundary.
std::string shorten(const std::string& s, std::size_t max_bytes = 48) {
    if (s.size() <= max_bytes) return s;
    std::size_t cut = max_bytes;
    while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0U) == 0x80U) --cut;
    return s.substr(0, cut) + "...";
}

}  // namespace

std::ostream& operator<<(std::ostream& os, const SourceRef& v) {
    return os << "SourceRef(" << Quoted{v.section} << ", " << Quoted{v.item} << ")";
}

std::ostream& operator<<(std::ostream& os, const Unit& v) {
    return os << "Unit(" << Quoted{v.id} << ", " << Quoted{v.short_name} << ", "
              << to_string(v.level) << ")";
}

std::ostream& operator<<(std::ostream& os, const UnitGroup& v) {
    os << "UnitGroup(" << Quoted{v.id} << ", " << Quoted{v.name} << ", ";
    if (v.all_commune_units) return os << "all commune units)";
    return os << v.members.size() << " members)";
}

std::ostream& operator<<(std::ostream& os, const TargetValue& v) {
    os << "TargetValue(" << to_string(v.kind) << ", " << to_string(v.comparator) << " " << v.value;
    if (v.denominator) os << "/" << *v.denominator;
    if (v.aspirational) os << ", aspirational";
    return os << ")";
}

std::ostream& operator<<(std::ostream& os, const Target& v) {
    os << "Target(" << v.year << (v.year_inferred ? "?" : "") << ", " << Quoted{shorten(v.text)}
       << ", " << to_string(v.parsed.comparator) << " " << v.parsed.value;
    if (v.parsed.denominator) os << "/" << *v.parsed.denominator;
    return os << ")";
}

std::ostream& operator<<(std::ostream& os, const Assignment& v) {
    return os << "Assignment(" << Quoted{v.unit} << ", " << to_string(v.role) << ")";
}

std::ostream& operator<<(std::ostream& os, const Indicator& v) {
    return os << "Indicator(" << Quoted{v.id} << ", " << Quoted{shorten(v.name)} << ", "
              << to_string(v.pillar) << ", " << v.targets.size() << " targets, "
              << v.assignments.size() << " assignments)";
}

std::ostream& operator<<(std::ostream& os, const Goal& v) {
    return os << "Goal(top " << v.top << " of " << v.of << ", " << Quoted{v.scope} << ")";
}

std::ostream& operator<<(std::ostream& os, const ReportingRules& v) {
    return os << "ReportingRules(units before day " << v.unit_report_before_day
              << ", consolidated before day " << v.consolidated_report_before_day << " by "
              << Quoted{v.consolidator} << ")";
}

std::ostream& operator<<(std::ostream& os, const Plan& v) {
    return os << "Plan(" << Quoted{v.id} << ", " << Quoted{v.commune} << ", " << v.start_year << "-"
              << v.end_year << ", " << v.indicators.size() << " indicators, " << v.units.size()
              << " units)";
}

}  // namespace dtiplan
