// Every unit's component values at the evaluation date, each a normal with a mean and a spread:
// the input of the everyone-at-once rank simulation (simulate_ranks) and the output of the
// synthetic-province generator. N units × K components, in the framework's component order.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include <Eigen/Core>

#include "dtiplan/score/framework.hpp"

namespace dtiplan {

struct ComponentModel {
    std::vector<std::string> units;       ///< N unit names
    std::vector<std::string> components;  ///< K component ids, in the framework's order
    Eigen::MatrixXd mean;                 ///< N × K: expected value, a fraction 0..1
    Eigen::MatrixXd sd;                   ///< N × K: spread (>= 0) of the value
    /// True for generated data (the synthetic province): every output that uses it says so.
    bool illustrative = false;

    [[nodiscard]] std::size_t unit_count() const noexcept { return units.size(); }
    [[nodiscard]] std::size_t component_count() const noexcept { return components.size(); }

    friend bool operator==(const ComponentModel& a, const ComponentModel& b) {
        return a.units == b.units && a.components == b.components &&
               a.mean.rows() == b.mean.rows() && a.mean.cols() == b.mean.cols() &&
               a.sd.rows() == b.sd.rows() && a.sd.cols() == b.sd.cols() && a.mean == b.mean &&
               a.sd == b.sd && a.illustrative == b.illustrative;
    }
};

/// The component ids of a framework, in order (main indicators, then their components).
[[nodiscard]] std::vector<std::string> component_ids(const Framework& framework);

/// Check a model against a framework: components equal to the framework's, one row per unit,
/// unique unit names, means in 0..1, spreads finite and >= 0. Throws ValidationError naming the
/// cell ("mean(3, 12) (Xã Tân An, CQS.05)").
void validate_component_model(const ComponentModel& model, const Framework& framework);

/// Each unit's DTI at its component means (no spread): Σ rule points / max points, with
/// RelativeToBest components scored against the largest mean among the units and Target
/// components against 100%, as simulate_ranks scores them.
[[nodiscard]] std::vector<double> dti_at_means(const ComponentModel& model,
                                               const Framework& framework);

}  // namespace dtiplan
