// The responsibility matrix: who leads, coordinates and tracks each indicator, with groups
// expanded to the units they stand for, and what each unit answers for.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <Eigen/Core>

#include "dtiplan/model/enums.hpp"
#include "dtiplan/model/plan.hpp"

namespace dtiplan {

/// Bit of a role in ResponsibilityMatrix::roles: Lead 1, Coordinating 2, Tracking 4, UpperLead 8.
[[nodiscard]] constexpr std::uint8_t role_bit(Role r) noexcept {
    return static_cast<std::uint8_t>(1U << static_cast<unsigned>(r));
}

/// Rows: the plan's indicators in order. Columns: every unit of the plan in order (groups are
/// expanded). roles(i, j) is the OR of role_bit of each role unit j holds for indicator i.
struct ResponsibilityMatrix {
    std::vector<std::string> indicators;  ///< row labels (indicator ids)
    std::vector<std::string> units;       ///< column labels (unit ids)
    Eigen::Matrix<std::uint8_t, Eigen::Dynamic, Eigen::Dynamic> roles;

    /// 0/1 matrix of one role, same labels.
    [[nodiscard]] Eigen::MatrixXi incidence(Role role) const;
    [[nodiscard]] bool has(std::string_view indicator, std::string_view unit, Role role) const;
};

[[nodiscard]] ResponsibilityMatrix responsibility_matrix(const Plan& plan);

/// What one unit answers for: one row per (indicator, role), and whether it holds the role
/// itself or through a group.
struct Responsibility {
    std::string indicator;
    Role role = Role::Lead;
    std::string via;  ///< "" when named directly, else the group id
    friend bool operator==(const Responsibility&, const Responsibility&) = default;
};
[[nodiscard]] std::vector<Responsibility> responsibilities_of(const Plan& plan,
                                                              std::string_view unit);

/// Workload per unit: how many indicators it holds in each role (directly or via a group), and
/// how many it holds alone as the single named lead.
struct Workload {
    std::string unit;
    int lead = 0;
    int coordinating = 0;
    int tracking = 0;
    int upper_lead = 0;
    int sole_lead = 0;  ///< indicators whose only lead is this unit, named directly
    [[nodiscard]] int total() const noexcept { return lead + coordinating + tracking + upper_lead; }
    friend bool operator==(const Workload&, const Workload&) = default;
};
/// One row per unit of the plan, in the plan's order.
[[nodiscard]] std::vector<Workload> workload(const Plan& plan);

}  // namespace dtiplan
