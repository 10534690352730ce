// The observation log and the checks of one observation against a plan. The log never forgets:
// a correction is a new submission, and look-ups pick the effective one, so that "what did we
// know on the 20th?" can still be answered after a figure has been corrected.
#include "dtiplan/track/observation.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <string>
#include <system_error>

#include "dtiplan/error.hpp"

namespace dtiplan {
namespace {

/// Shortest spelling that reads back as the same double: 0.85, 9, 1e-05.
std::string num(double v) {
    if (std::isnan(v)) return "NaN";
    if (std::isinf(v)) return v > 0 ? "infinity" : "-infinity";
    char buf[64];
    const auto r = std::to_chars(buf, buf + sizeof buf, v);
    return std::string(buf, r.ptr);
}

std::string percent(double v) { return num(std::round(v * 1e6) / 1e4) + "%"; }

std::string describe(const Indicator& ind) { return ind.id + " \"" + ind.name + "\""; }

/// A matching observation is for this indicator and exactly this period.
bool matches(const Observation& o, std::string_view indicator, const Period& period) {
    return o.indicator == indicator && o.period == period;
}

[[noreturn]] void raise(const std::function<std::string(std::string_view)>& where_field,
                        std::string_view field, const std::string& what) {
    throw ValidationError(where_field(field), what);
}

bool valid_shape(const Period& p) noexcept {
    if (p.year < 1400 || p.year > 9999) return false;
    switch (p.kind) {
        case PeriodKind::Month: return p.index >= 1 && p.index <= 12;
        case PeriodKind::Quarter: return p.index >= 1 && p.index <= 4;
        case PeriodKind::Year: return p.index == 0;
    }
    return false;
}

}  // namespace

// ---- the log ---------------------------------------------------------------------------------

bool ObservationLog::known_on(const Observation& o, const Date& as_of) noexcept {
    return !o.submitted.is_special() && !(as_of < o.submitted);
}

const Observation* ObservationLog::in_force(std::string_view indicator, const Period& period,
                                            const std::optional<Date>& as_of) const {
    const Observation* best = nullptr;
    for (const auto& o : all_) {
        if (!matches(o, indicator, period) || (as_of && !known_on(o, *as_of))) continue;
        if (!best || !(o.submitted < best->submitted)) best = &o;  // later in the log wins a tie
    }
    return best;
}

const Observation* ObservationLog::effective(std::string_view indicator,
                                             const Period& period) const {
    return in_force(indicator, period);
}

std::vector<const Observation*> ObservationLog::history(std::string_view indicator,
                                                        const Period& period) const {
    std::vector<const Observation*> out;
    for (const auto& o : all_)
        if (matches(o, indicator, period)) out.push_back(&o);
    std::stable_sort(out.begin(), out.end(), [](const Observation* a, const Observation* b) {
        return a->submitted < b->submitted;
    });
    return out;
}

std::vector<const Observation*> ObservationLog::effective_all() const {
    std::vector<std::string_view> indicators;  // in order of first appearance
    for (const auto& o : all_)
        if (std::find(indicators.begin(), indicators.end(), o.indicator) == indicators.end())
            indicators.push_back(o.indicator);
    std::vector<const Observation*> out;
    for (const auto indicator : indicators) {
        std::vector<Period> periods;
        for (const auto& o : all_)
            if (o.indicator == indicator &&
                std::find(periods.begin(), periods.end(), o.period) == periods.end())
                periods.push_back(o.period);
        std::sort(periods.begin(), periods.end());
        for (const auto& p : periods) out.push_back(effective(indicator, p));
    }
    return out;
}

const Observation* ObservationLog::latest(std::string_view indicator, const Date& as_of) const {
    // The period that ends last among those started on as_of with a submission known then.
    const Period* period = nullptr;
    for (const auto& o : all_) {
        if (o.indicator != indicator || !known_on(o, as_of) || as_of < o.period.first_day())
            continue;
        if (period == nullptr || *period < o.period) period = &o.period;
    }
    return period != nullptr ? in_force(indicator, *period, as_of) : nullptr;
}

// ---- validation ------------------------------------------------------------------------------

namespace {

/// "TT PVHCC" -> "ttpvhcc": an id compared without case and spaces, to suggest the one meant.
std::string loose(std::string_view s) {
    std::string out;
    for (char c : s)
        if (c != ' ' && c != '-' && c != '.' && c != '_')
            out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    return out;
}

/// The message for a unit id the plan does not know: the id meant when it differs only by case,
/// spaces or punctuation, and the plan's unit and group ids.
std::string unknown_unit(const Plan& plan, const std::string& unit) {
    std::string ids;
    std::string meant;
    for (const auto& u : plan.units) {
        ids += (ids.empty() ? "" : ", ") + u.id;
        if (meant.empty() && loose(u.id) == loose(unit)) meant = u.id;
    }
    std::string groups;
    for (const auto& g : plan.groups) {
        groups += (groups.empty() ? "" : ", ") + g.id;
        if (meant.empty() && loose(g.id) == loose(unit)) meant = g.id;
    }
    return "unknown reporting unit \"" + unit + "\"" +
           (meant.empty() ? std::string{} : " (did you mean \"" + meant + "\"?)") +
           "; the plan's units: " + ids + (groups.empty() ? "" : "; groups: " + groups);
}

}  // namespace

void validate_observation(const Plan& plan, const Observation& o,
                          const std::function<std::string(std::string_view field)>& where_field) {
    auto fail = [&](std::string_view field, const std::string& what) {
        raise(where_field, field, what);
    };

    const Indicator* ind = plan.find_indicator(o.indicator);
    if (o.indicator.empty()) fail("indicator", "missing indicator id");
    if (!ind)
        raise(where_field, "indicator",
              "unknown indicator \"" + o.indicator + "\" (not in the plan \"" + plan.id + "\")");

    if (!valid_shape(o.period))
        fail("period", "not a valid period (kind " +
                           std::to_string(static_cast<int>(o.period.kind)) + ", year " +
                           std::to_string(o.period.year) + ", index " +
                           std::to_string(o.period.index) + ")");
    if (o.period.year < plan.start_year || o.period.year > plan.end_year)
        fail("period", "period " + o.period.to_string() + " is outside the plan's years " +
                           std::to_string(plan.start_year) + "-" + std::to_string(plan.end_year));

    const ObservedValue& v = o.value;
    const bool binary = ind->kind == MeasureKind::YesNo || ind->kind == MeasureKind::Milestone;
    if (v.numerator) {
        if (!std::isfinite(*v.numerator))
            fail("numerator", "the numerator is not a finite number (" + num(*v.numerator) + ")");
        if (*v.numerator < 0) fail("numerator", "negative numerator " + num(*v.numerator));
        if (*v.numerator != std::floor(*v.numerator))
            fail("numerator",
                 "the numerator is a count, a whole number; found " + num(*v.numerator));
    }
    if (v.denominator) {
        if (!std::isfinite(*v.denominator))
            fail("denominator",
                 "the denominator is not a finite number (" + num(*v.denominator) + ")");
        if (*v.denominator <= 0)
            fail("denominator", "the denominator must be above 0, found " + num(*v.denominator));
        if (*v.denominator != std::floor(*v.denominator))
            fail("denominator",
                 "the denominator is a count, a whole number; found " + num(*v.denominator));
    }
    if (binary && (v.numerator || v.denominator))
        fail(v.numerator ? "numerator" : "denominator",
             describe(*ind) + " is " + std::string(to_string(ind->kind)) +
                 ": give a value 0 or 1, not a numerator or denominator");
    if (ind->kind == MeasureKind::Rate && v.numerator && !v.denominator)
        fail("denominator",
             "a rate given by its numerator (" + num(*v.numerator) + ") needs a denominator");
    if (ind->kind == MeasureKind::Rate && v.denominator && !v.numerator)
        fail("numerator",
             "a rate given by its denominator (" + num(*v.denominator) + ") needs a numerator");
    if (v.numerator && v.denominator && *v.numerator > *v.denominator)
        fail("numerator", "the numerator " + num(*v.numerator) + " is above the denominator " +
                              num(*v.denominator));

    if (!std::isfinite(v.value))
        fail("value", "the value is not a finite number (" + num(v.value) + ")");
    if (v.value < 0) fail("value", "negative value " + num(v.value));
    switch (ind->kind) {
        case MeasureKind::Rate:
            if (v.value > 1.0)
                fail("value", "rate " + num(v.value) + " (" + percent(v.value) + ") for " +
                                  describe(*ind) + " is outside 0..1; write a rate as 0.85 or 85%");
            if (v.numerator && v.denominator) {
                const double ratio = *v.numerator / *v.denominator;
                if (std::fabs(v.value - ratio) > 1e-9)
                    fail("value", "value " + num(v.value) +
                                      " does not match numerator/denominator " + num(*v.numerator) +
                                      "/" + num(*v.denominator) + " = " + num(ratio));
            }
            break;
        case MeasureKind::CountOfTotal: {
            if (v.value != std::floor(v.value))
                fail("value",
                     "count " + num(v.value) + " for " + describe(*ind) + " is not a whole number");
            if (v.numerator && std::fabs(v.value - *v.numerator) > 1e-9)
                fail("value", "count " + num(v.value) + " does not match the numerator " +
                                  num(*v.numerator));
            const std::optional<double> total =
                v.denominator ? v.denominator : ind->count_total(o.period.year);
            if (total && v.value > *total + 1e-9)
                fail("value", "count " + num(v.value) + " for " + describe(*ind) +
                                  " is above its total " + num(*total));
            break;
        }
        case MeasureKind::YesNo:
        case MeasureKind::Milestone:
            if (v.value != 0.0 && v.value != 1.0)
                fail("value", describe(*ind) + " is " + std::string(to_string(ind->kind)) +
                                  ": the value must be 1 (có/yes) or 0 (không/no), found " +
                                  num(v.value));
            break;
    }

    if (!o.unit.empty() && !plan.find_unit(o.unit) && !plan.find_group(o.unit))
        fail("unit", unknown_unit(plan, o.unit));

    if (o.submitted.is_special()) fail("submitted", "missing submission date");
    if (o.submitted < o.period.first_day())
        fail("submitted", "submitted before the period began: " + format_date(o.submitted) +
                              " is before " + format_date(o.period.first_day()) +
                              ", the first day of " + o.period.to_string());

    for (std::size_t i = 0; i < o.evidence.size(); ++i) {
        const Evidence& e = o.evidence[i];
        if (e.id.empty() && e.title.empty() && e.location.empty())
            fail("evidence",
                 "evidence document " + std::to_string(i + 1) + " has no id, title or location");
    }
}

void validate_observation(const Plan& plan, const Observation& o, const std::string& where) {
    validate_observation(plan, o, [&](std::string_view field) {
        return where.empty() ? "column " + std::string(field)
                             : where + ", column " + std::string(field);
    });
}

void validate_log(const Plan& plan, const ObservationLog& log) {
    const std::vector<Observation>& all = log.all();
    for (std::size_t i = 0; i < all.size(); ++i) {
        const Observation& o = all[i];
        validate_observation(plan, o,
                             !o.origin.empty()
                                 ? o.origin
                                 : "observations[" + std::to_string(i) + "] (" + o.indicator + " " +
                                       o.period.to_string() + ")");
    }
}

}  // namespace dtiplan
