// Attainment: for each indicator on a date, the target in force, the latest value, whether it is
// met and by how much it falls short. Attainment comes from the plan's targets; points come from
// the framework; the two are reported side by side and never mixed.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "dtiplan/model/plan.hpp"
#include "dtiplan/track/observation.hpp"

namespace dtiplan {

struct Attainment {
    std::string indicator;
    std::optional<Target> target;      ///< the target in force; none when the plan has none
    bool target_conflict = false;      ///< the plan gives other, different targets that year
    std::optional<double> value;       ///< latest value in the indicator's scale
    std::optional<Period> period;      ///< the period of that value
    std::optional<bool> met;           ///< none without a value or a target
    /// Target minus value as fractions of full attainment (0.05 = 5 points short); <= 0 when met
    /// or exceeded. For a strict target ("Trên 80%") met needs value > target, so a gap of 0 is
    /// still not met.
    std::optional<double> gap;
    friend bool operator==(const Attainment&, const Attainment&) = default;
};

/// The target in force on a date: the target of the first milestone year >= the date's year
/// (2026 until the end of 2026, then 2030). With several targets that year, the first stored
/// (the appendix's), and target_conflict is set. nullptr when none.
[[nodiscard]] const Target* target_in_force(const Indicator& ind, const Plan& plan, int year,
                                            bool* conflict = nullptr);

/// An observed value as a fraction of full attainment, given the indicator's target: a count is
/// divided by its total (the observation's denominator, else the target's); others as is.
[[nodiscard]] double as_fraction(const ObservedValue& v, const Target* target) noexcept;

/// One row per plan indicator, in plan order.
[[nodiscard]] std::vector<Attainment> attainment(const Plan& plan, const ObservationLog& log,
                                                 const Date& as_of);

}  // namespace dtiplan
