// An indicator's observations as a time series. The series keeps what was *known* on a date (a
// figure corrected after that date is not seen), one value per period, and leaves gaps as gaps:
// the trend models take irregular times, so nothing is interpolated here.
#include "dtiplan/project/series.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include "dtiplan/error.hpp"

namespace dtiplan {
namespace {

[[nodiscard]] int days_in_year(int year) noexcept {
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return leap ? 366 : 365;
}

[[nodiscard]] Date first_of_year(int year) { return Date(static_cast<unsigned short>(year), 1, 1); }

/// The period after `p` of the same kind.
[[nodiscard]] Period next_period(const Period& p) {
    switch (p.kind) {
        case PeriodKind::Month:
            return p.index == 12 ? Period::month(p.year + 1, 1)
                                 : Period::month(p.year, p.index + 1);
        case PeriodKind::Quarter:
            return p.index == 4 ? Period::quarter(p.year + 1, 1)
                                : Period::quarter(p.year, p.index + 1);
        case PeriodKind::Year: return Period::whole_year(p.year + 1);
    }
    return Period::whole_year(p.year + 1);
}

/// Finer first: a month before a quarter before a year.
[[nodiscard]] int fineness(PeriodKind k) noexcept {
    switch (k) {
        case PeriodKind::Month: return 0;
        case PeriodKind::Quarter: return 1;
        case PeriodKind::Year: return 2;
    }
    return 3;
}

}  // namespace

double decimal_year(const Date& d) noexcept {
    if (d.is_special()) return std::nan("");
    const int year = static_cast<int>(d.year());
    const int day_index = static_cast<int>(d.day_of_year()) - 1;  // 0 on 1 January
    return static_cast<double>(year) +
           static_cast<double>(day_index) / static_cast<double>(days_in_year(year));
}

Date date_from_decimal_year(double t) {
    if (!std::isfinite(t) || t < 1400.0 || t >= 10000.0)
        throw ValidationError("", "cannot turn decimal year " + std::to_string(t) +
                                      " into a date (expected a finite year from 1400 to 9999)");
    int year = static_cast<int>(std::floor(t));
    const double fraction = t - static_cast<double>(year);
    long day = std::lround(fraction * static_cast<double>(days_in_year(year)));
    if (day >= days_in_year(year)) {  // rounds up to the next 1 January
        if (year == 9999)
            throw ValidationError("", "decimal year " + std::to_string(t) + " is after 9999-12-31");
        ++year;
        day = 0;
    }
    return first_of_year(year) + boost::gregorian::days(day);
}

std::vector<double> Series::times() const {
    std::vector<double> out;
    out.reserve(periods.size());
    for (const auto& p : periods)
        out.push_back(decimal_year(p.last_day() + boost::gregorian::days(1)));
    return out;
}

std::vector<Period> Series::gaps() const {
    std::vector<Period> out;
    if (periods.size() < 2) return out;
    std::size_t next_present = 1;
    for (Period p = next_period(periods.front()); p < periods.back(); p = next_period(p)) {
        while (next_present < periods.size() && periods[next_present] < p) ++next_present;
        if (next_present < periods.size() && periods[next_present] == p) continue;
        out.push_back(p);
    }
    return out;
}

Series series_from_log(const ObservationLog& log, std::string_view indicator, const Date& as_of,
                       std::optional<PeriodKind> frequency) {
    // What was known on as_of: submissions on or before that day only.
    std::vector<const Observation*> known;
    for (const auto& o : log.all())
        if (o.indicator == indicator && ObservationLog::known_on(o, as_of)) known.push_back(&o);

    Series s;
    s.indicator = std::string(indicator);
    if (frequency) {
        s.frequency = *frequency;
    } else if (!known.empty()) {
        const auto finest = std::min_element(
            known.begin(), known.end(), [](const Observation* a, const Observation* b) {
                return fineness(a->period.kind) < fineness(b->period.kind);
            });
        s.frequency = (*finest)->period.kind;
    }

    // One value per period of that frequency: the submission in force on as_of.
    std::vector<Period> periods;
    for (const Observation* o : known)
        if (o->period.kind == s.frequency &&
            std::find(periods.begin(), periods.end(), o->period) == periods.end())
            periods.push_back(o->period);
    std::sort(periods.begin(), periods.end());
    std::vector<const Observation*> chosen;
    chosen.reserve(periods.size());
    for (const Period& p : periods) chosen.push_back(log.in_force(indicator, p, as_of));
    s.periods.reserve(chosen.size());
    s.values.reserve(chosen.size());
    for (const Observation* o : chosen) {
        s.periods.push_back(o->period);
        s.values.push_back(o->value.value);
    }
    return s;
}

}  // namespace dtiplan
