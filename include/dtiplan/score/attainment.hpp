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
    std::optional<Target> target;  ///< the target in force; none when the plan has none
    bool target_conflict = false;  ///< the plan gives other, different targets that year
    std::optional<double> value;   ///< latest value in the indicator's scale
    std::optional<Period> period;  ///< the period of that value
    std::optional<bool> met;       ///< none without a value or a target
    /// Target minus value as fractions of full attainment (0.05 = 5 points short); <= 0 when met
    /// or exceeded. For a strict target ("Trên 80%") met needs value > target, so a gap of 0 is
    /// still not met. None without a value or a target. Both met and gap compare fractions
    /// (as_fraction of the value against the target's as_fraction()).
    std::optional<double> gap;
    friend bool operator==(const Attainment&, const Attainment&) = default;
};

/// The target in force in a year: the target of the first milestone year >= `year` for which the
/// indicator has a target (2026 until the end of 2026, then 2030; an indicator with targets for
/// 2030 only has the 2030 target in force in 2026). With several targets that year, the first
/// stored (the appendix's); `*conflict` (when given) is set when another target that year asks
/// for something different (kind, comparator, value or total; I.03's "Trên 80%" and "đạt trên
/// 80%" agree, II.12's ">30%" and "50%" do not). nullptr when none.
[[nodiscard]] const Target* target_in_force(const Indicator& ind, const Plan& plan, int year,
                                            bool* conflict = nullptr);

/// An observed value as a fraction of full attainment. For a CountOfTotal indicator the count is
/// divided by its total: the observation's denominator, else Indicator::count_total in the
/// target's year (the last count target's when no target is given; the value as is when no
/// total is known). Other kinds are
/// already fractions (a rate) or 0/1 (yes/no, milestone) and are returned as is. The indicator
/// is needed because the target in force may be of another kind (II.02: "9/9 nền tảng" in 2026,
/// "100%" in 2030) while observations keep the indicator's own scale.
[[nodiscard]] double as_fraction(const ObservedValue& v, const Indicator& ind,
                                 const Target* target) noexcept;

/// One row per plan indicator, in plan order: the target in force in as_of's year and the value
/// ObservationLog::latest(indicator, as_of).
[[nodiscard]] std::vector<Attainment> attainment(const Plan& plan, const ObservationLog& log,
                                                 const Date& as_of);

}  // namespace dtiplan
