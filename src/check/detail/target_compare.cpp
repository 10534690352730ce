// How the checker compares targets: as fractions of full attainment (TargetValue::as_fraction),
// so "9/9" and "100%" read the same and a rate is never compared with a yes/no or a milestone.
#include "check/detail/target_compare.hpp"

#include <algorithm>
#include <cmath>
#include <set>

namespace dtiplan::detail::check {

/// A target's value as a fraction of full attainment, when it has one: a CountOfTotal needs a
/// positive total; NaN never compares.
std::optional<double> fraction_of(const TargetValue& v) {
    if (std::isnan(v.value)) return std::nullopt;
    if (v.kind == MeasureKind::CountOfTotal &&
        (!v.denominator || std::isnan(*v.denominator) || *v.denominator <= 0))
        return std::nullopt;
    return v.as_fraction();
}

/// Rates and counts of a total compare through their fractions; yes/no and milestones only
/// with their own kind.
bool comparable_kinds(MeasureKind a, MeasureKind b) noexcept {
    const auto numeric = [](MeasureKind k) {
        return k == MeasureKind::Rate || k == MeasureKind::CountOfTotal;
    };
    return a == b || (numeric(a) && numeric(b));
}

/// Two readings say the same thing: comparable kinds, the same comparator, the same fraction.
/// "Trên 80%" and "đạt trên 80%" read the same; "9/9" and "100%" read the same.
bool same_reading(const TargetValue& a, const TargetValue& b) {
    if (!comparable_kinds(a.kind, b.kind)) return false;
    if (a.comparator != b.comparator) return false;
    const auto fa = fraction_of(a);
    const auto fb = fraction_of(b);
    if (!fa || !fb) return false;
    return std::fabs(*fa - *fb) <= kTol;
}

/// A later target is weaker than an earlier one: a lower fraction (higher when the indicator
/// should decrease), or the same fraction with a non-strict comparator after a strict one
/// ("đạt 80%" after "trên 80%"). A later "trên 80%" after "đạt 80%" is not weaker.
bool weaker(const TargetValue& later, const TargetValue& earlier, Direction direction) {
    if (!comparable_kinds(later.kind, earlier.kind)) return false;
    const auto fl = fraction_of(later);
    const auto fe = fraction_of(earlier);
    if (!fl || !fe) return false;
    if (direction == Direction::Decrease) return *fl > *fe + kTol;
    if (*fl < *fe - kTol) return true;
    if (std::fabs(*fl - *fe) <= kTol)
        return earlier.comparator == Comparator::Above && later.comparator != Comparator::Above;
    return false;
}

/// The stored reading says what the text says: the same kind, comparator, value and total. The
/// basis and the aspirational flag are left out: they do not change whether a value meets the
/// target, and a plan may carry "strive for" from the surrounding sentence (docs/plan-data.md).
bool same_parse(const TargetValue& stored, const TargetValue& parsed) {
    const auto close = [](double a, double b) {
        if (std::isnan(a) || std::isnan(b)) return false;
        return std::fabs(a - b) <= kTol;
    };
    if (stored.kind != parsed.kind || stored.comparator != parsed.comparator) return false;
    if (!close(stored.value, parsed.value)) return false;
    if (stored.denominator.has_value() != parsed.denominator.has_value()) return false;
    return !stored.denominator || close(*stored.denominator, *parsed.denominator);
}

/// The targets of an indicator sorted by year, stable within a year.
std::vector<const Target*> by_year(const Indicator& ind) {
    std::vector<const Target*> out;
    out.reserve(ind.targets.size());
    for (const auto& t : ind.targets) out.push_back(&t);
    std::stable_sort(out.begin(), out.end(),
                     [](const Target* a, const Target* b) { return a->year < b->year; });
    return out;
}

std::vector<int> distinct_years(const Indicator& ind) {
    std::set<int> years;
    for (const auto& t : ind.targets) years.insert(t.year);
    return {years.begin(), years.end()};
}

}  // namespace dtiplan::detail::check
