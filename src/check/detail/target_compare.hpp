// How the checker compares targets (target_compare.cpp).
#pragma once

#include <optional>
#include <vector>

#include "dtiplan/model/plan.hpp"

namespace dtiplan::detail::check {

/// Values closer than this are equal (TargetValue::kTolerance).
inline constexpr double kTol = TargetValue::kTolerance;

/// A target's value as a fraction of full attainment, when it has one: a CountOfTotal needs a
/// positive total; NaN never compares.
[[nodiscard]] std::optional<double> fraction_of(const TargetValue& v);

/// Rates and counts of a total compare through their fractions; yes/no and milestones only
/// with their own kind.
[[nodiscard]] bool comparable_kinds(MeasureKind a, MeasureKind b) noexcept;

/// Two readings say the same thing: comparable kinds, the same comparator, the same fraction.
/// "Trên 80%" and "đạt trên 80%" read the same; "9/9" and "100%" read the same.
[[nodiscard]] bool same_reading(const TargetValue& a, const TargetValue& b);

/// A later target is weaker than an earlier one: a lower fraction (higher when the indicator
/// should decrease), or the same fraction with a non-strict comparator after a strict one
/// ("đạt 80%" after "trên 80%"). A later "trên 80%" after "đạt 80%" is not weaker.
[[nodiscard]] bool weaker(const TargetValue& later, const TargetValue& earlier,
                          Direction direction);

/// The stored reading says what the text says: the same kind, comparator, value and total. The
/// basis and the aspirational flag are left out: they do not change whether a value meets the
/// target, and a plan may carry "strive for" from the surrounding sentence (docs/plan-data.md).
[[nodiscard]] bool same_parse(const TargetValue& stored, const TargetValue& parsed);

/// The targets of an indicator sorted by year, stable within a year.
[[nodiscard]] std::vector<const Target*> by_year(const Indicator& ind);

[[nodiscard]] std::vector<int> distinct_years(const Indicator& ind);
}  // namespace dtiplan::detail::check
