// The responsibility matrix and what each unit answers for. Groups are expanded to their units
// through the plan's own rule (Plan::expand); an assignment naming an id that is neither a unit
// nor a group is skipped here, because check_plan reports it (unit.unknown) and a matrix for a
// half-finished plan is still useful.
#include "dtiplan/model/responsibility.hpp"

#include <algorithm>
#include <cstddef>
#include <string>
#include <unordered_map>
#include <utility>

#include "dtiplan/error.hpp"

namespace dtiplan {
namespace {

using Index = Eigen::Index;

/// Position of the first label equal to `wanted`, or -1.
Index position(const std::vector<std::string>& labels, std::string_view wanted) noexcept {
    const auto it = std::find(labels.begin(), labels.end(), wanted);
    return it == labels.end() ? Index{-1} : static_cast<Index>(it - labels.begin());
}

/// The units an assignment's id stands for; empty when the id is unknown.
std::vector<std::string> expand_or_skip(const Plan& plan, std::string_view id) {
    if (plan.find_unit(id) == nullptr && plan.find_group(id) == nullptr) return {};
    return plan.expand(id);
}

/// The id names a group (a unit of the same id wins, as in Plan::expand).
bool names_group(const Plan& plan, std::string_view id) noexcept {
    return plan.find_unit(id) == nullptr && plan.find_group(id) != nullptr;
}

}  // namespace

Eigen::MatrixXi ResponsibilityMatrix::incidence(Role role) const {
    const std::uint8_t bit = role_bit(role);
    return roles.unaryExpr([bit](std::uint8_t v) { return (v & bit) != 0 ? 1 : 0; });
}

bool ResponsibilityMatrix::has(std::string_view indicator, std::string_view unit, Role role) const {
    const Index row = position(indicators, indicator);
    if (row < 0)
        throw ValidationError("", "\"" + std::string(indicator) +
                                      "\" is not an indicator of the responsibility matrix");
    const Index col = position(units, unit);
    if (col < 0)
        throw ValidationError(
            "", "\"" + std::string(unit) + "\" is not a unit of the responsibility matrix");
    return (roles(row, col) & role_bit(role)) != 0;
}

ResponsibilityMatrix responsibility_matrix(const Plan& plan) {
    ResponsibilityMatrix m;
    m.indicators.reserve(plan.indicators.size());
    for (const auto& ind : plan.indicators) m.indicators.push_back(ind.id);
    m.units.reserve(plan.units.size());
    for (const auto& u : plan.units) m.units.push_back(u.id);

    // A duplicated unit id gets its column at the first occurrence (check_plan reports it).
    std::unordered_map<std::string, Index> column;
    for (std::size_t j = 0; j < m.units.size(); ++j)
        column.emplace(m.units[j], static_cast<Index>(j));

    m.roles.setZero(static_cast<Index>(m.indicators.size()), static_cast<Index>(m.units.size()));
    for (std::size_t i = 0; i < plan.indicators.size(); ++i) {
        const auto row = static_cast<Index>(i);
        for (const auto& a : plan.indicators[i].assignments) {
            const std::uint8_t bit = role_bit(a.role);
            for (const auto& unit : expand_or_skip(plan, a.unit)) {
                const auto it = column.find(unit);
                if (it == column.end()) continue;
                m.roles(row, it->second) =
                    static_cast<std::uint8_t>(m.roles(row, it->second) | bit);
            }
        }
    }
    return m;
}

std::vector<Responsibility> responsibilities_of(const Plan& plan, std::string_view unit) {
    if (plan.find_unit(unit) == nullptr && plan.find_group(unit) == nullptr)
        throw ValidationError(
            "", "\"" + std::string(unit) + "\" is neither a unit nor a group of the plan");
    const bool is_unit = plan.find_unit(unit) != nullptr;
    std::vector<Responsibility> out;
    for (const auto& ind : plan.indicators) {
        for (Role role : kAllRoles) {
            bool direct = false;
            std::string via;
            for (const auto& a : ind.assignments) {
                if (a.role != role) continue;
                if (a.unit == unit) {
                    direct = true;
                    break;
                }
                if (is_unit && via.empty() && names_group(plan, a.unit)) {
                    const auto members = plan.expand(a.unit);
                    if (std::find(members.begin(), members.end(), unit) != members.end())
                        via = a.unit;
                }
            }
            if (direct)
                out.push_back({ind.id, role, ""});
            else if (!via.empty())
                out.push_back({ind.id, role, via});
        }
    }
    return out;
}

std::vector<Workload> workload(const Plan& plan) {
    const ResponsibilityMatrix m = responsibility_matrix(plan);
    const Eigen::MatrixXi lead = m.incidence(Role::Lead);
    const Eigen::MatrixXi coordinating = m.incidence(Role::Coordinating);
    const Eigen::MatrixXi tracking = m.incidence(Role::Tracking);
    const Eigen::MatrixXi upper = m.incidence(Role::UpperLead);

    // The sole lead of each indicator: its Lead assignments name exactly one id, a unit.
    std::vector<std::string> sole(plan.indicators.size());
    for (std::size_t i = 0; i < plan.indicators.size(); ++i) {
        std::vector<std::string> leads;
        for (const auto& a : plan.indicators[i].assignments)
            if (a.role == Role::Lead &&
                std::find(leads.begin(), leads.end(), a.unit) == leads.end())
                leads.push_back(a.unit);
        if (leads.size() == 1 && plan.find_unit(leads.front()) != nullptr) sole[i] = leads.front();
    }

    std::vector<Workload> out;
    out.reserve(plan.units.size());
    for (const auto& u : plan.units) {
        // A duplicated id shares the first occurrence's column.
        const Index col = position(m.units, u.id);
        Workload w;
        w.unit = u.id;
        w.lead = lead.col(col).sum();
        w.coordinating = coordinating.col(col).sum();
        w.tracking = tracking.col(col).sum();
        w.upper_lead = upper.col(col).sum();
        w.sole_lead = static_cast<int>(std::count(sole.begin(), sole.end(), u.id));
        out.push_back(std::move(w));
    }
    return out;
}

}  // namespace dtiplan
