// Attainment of the plan's own targets (docs/scoring.md, "Attainment"). Everything is compared
// as a fraction of full attainment, so "9/9 nền tảng" in 2026 and "100%" in 2030 judge the same
// observation alike, and the gap of a count target reads like the gap of a rate.
#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

#include "dtiplan/score/attainment.hpp"
#include "dtiplan/track/observation.hpp"

namespace dtiplan {
namespace {

/// Whether two readings of targets ask for the same thing.
bool same_requirement(const TargetValue& a, const TargetValue& b) noexcept {
    if (a.kind != b.kind || a.comparator != b.comparator) return false;
    if (std::fabs(a.value - b.value) > TargetValue::kTolerance) return false;
    if (a.denominator.has_value() != b.denominator.has_value()) return false;
    return !a.denominator || std::fabs(*a.denominator - *b.denominator) <= TargetValue::kTolerance;
}

}  // namespace

const Target* target_in_force(const Indicator& ind, const Plan& plan, int year, bool* conflict) {
    if (conflict != nullptr) *conflict = false;
    std::vector<int> years = plan.milestones;
    if (years.empty())
        for (const auto& t : ind.targets) years.push_back(t.year);
    std::sort(years.begin(), years.end());
    for (const int y : years) {
        if (y < year) continue;
        const std::vector<const Target*> those = ind.targets_for(y);
        if (those.empty()) continue;
        if (conflict != nullptr)
            *conflict = std::any_of(those.begin() + 1, those.end(), [&](const Target* t) {
                return !same_requirement(t->parsed, those.front()->parsed);
            });
        return those.front();
    }
    return nullptr;
}

double as_fraction(const ObservedValue& v, const Indicator& ind, const Target* target) noexcept {
    if (ind.kind != MeasureKind::CountOfTotal) return v.value;
    // The observation's own total, else the indicator's in the target's year (the last year
    // with a count target when no target is in force).
    double total = 0.0;
    if (v.denominator && *v.denominator > 0.0)
        total = *v.denominator;
    else
        total = ind.count_total(target != nullptr ? target->year : std::numeric_limits<int>::max())
                    .value_or(0.0);
    return total > 0.0 ? v.value / total : v.value;
}

std::vector<Attainment> attainment(const Plan& plan, const ObservationLog& log, const Date& as_of) {
    validate_log(plan, log);
    std::vector<Attainment> out;
    out.reserve(plan.indicators.size());
    const int year = static_cast<int>(as_of.year());
    for (const auto& ind : plan.indicators) {
        Attainment a;
        a.indicator = ind.id;
        bool conflict = false;
        const Target* target = target_in_force(ind, plan, year, &conflict);
        if (target != nullptr) a.target = *target;
        a.target_conflict = conflict;
        if (const Observation* obs = log.latest(ind.id, as_of)) {
            a.value = obs->value.value;
            a.period = obs->period;
            if (target != nullptr) {
                const double value = as_fraction(obs->value, ind, target);
                TargetValue goal = target->parsed;
                goal.value = goal.as_fraction();
                goal.denominator.reset();
                a.met = goal.met(value);
                a.gap = goal.value - value;
            }
        }
        out.push_back(std::move(a));
    }
    return out;
}

}  // namespace dtiplan
