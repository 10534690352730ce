// The monthly reporting calendar of section V. "Trước ngày 20 hằng tháng" (before the 20th of
// each month) is read as: the last day on time is the 19th. Who reports is derived from the
// plan's assignments once, when the calendar is built, so every look-up is a walk over a short
// list of (unit, indicator) duties.
#include "dtiplan/track/calendar.hpp"

#include <algorithm>
#include <array>
#include <cstddef>

#include "dtiplan/error.hpp"

namespace dtiplan {
namespace {

struct FixedHoliday {
    unsigned short month;
    unsigned short day;
    std::string_view name;
};

/// The fixed-date public holidays of Bộ luật Lao động 2019, Điều 112, khoản 1 (the lunar Tết
/// days, Giỗ Tổ Hùng Vương and the second day of Quốc khánh move each year: add() them).
constexpr std::array<FixedHoliday, 4> kFixedHolidays{{
    {1, 1, "Tết Dương lịch"},
    {4, 30, "Ngày Chiến thắng"},
    {5, 1, "Ngày Quốc tế Lao động"},
    {9, 2, "Quốc khánh"},
}};

void require_month(const Period& p) {
    if (p.kind != PeriodKind::Month)
        throw ValidationError(
            "", "the reporting calendar works in months; " + p.to_string() + " is not a month");
}

/// Day `before_day - 1` of the month that starts on `first`: the last day that is still
/// "before day N". N = 1 gives the last day of the month before.
Date day_before(const Date& first, int before_day) {
    return first + boost::gregorian::days(before_day - 2);
}

/// The periods whose report is made with month M's: M itself, the quarter ending with M, the
/// year ending with M.
std::vector<Period> reported_with(const Period& month) {
    std::vector<Period> out{month};
    if (month.index % 3 == 0) out.push_back(Period::quarter(month.year, month.index / 3));
    if (month.index == 12) out.push_back(Period::whole_year(month.year));
    return out;
}

}  // namespace

// ---- reporting windows -----------------------------------------------------------------------

DateRange reporting_window(const Period& period, ReportingWindow rule) {
    if (rule == ReportingWindow::CalendarMonth) return {period.first_day(), period.last_day()};
    // Decree 09: from the 15th of the month before the period's first month to the 14th of its
    // last month.
    const Date last_month_first = Date(period.last_day().year(), period.last_day().month(), 1);
    const Date before_first = period.first_day() - boost::gregorian::months(1);
    return {before_first + boost::gregorian::days(14),
            last_month_first + boost::gregorian::days(13)};
}

Date due_after(const DateRange& window, int before_day) {
    if (before_day < 1 || before_day > 28)
        throw ValidationError(
            "", "a report is due before a day from 1 to 28, not " + std::to_string(before_day));
    const Date month_first(window.last.year(), window.last.month(), 1);
    const Date same_month = day_before(month_first, before_day);
    if (window.last < same_month) return same_month;
    return day_before(month_first + boost::gregorian::months(1), before_day);
}

// ---- holidays --------------------------------------------------------------------------------

HolidayCalendar::HolidayCalendar() = default;

void HolidayCalendar::add(const Date& d, std::string name) {
    if (d.is_special()) throw ValidationError("", "a holiday needs a date");
    added_.emplace_back(d, std::move(name));
}

bool HolidayCalendar::is_holiday(const Date& d) const { return holiday_name(d).has_value(); }

std::optional<std::string> HolidayCalendar::holiday_name(const Date& d) const {
    if (d.is_special()) return std::nullopt;
    for (const auto& h : kFixedHolidays)
        if (d.month() == h.month && d.day() == h.day) return std::string(h.name);
    for (const auto& [date, name] : added_)
        if (date == d) return name;
    return std::nullopt;
}

bool HolidayCalendar::is_weekend(const Date& d) noexcept {
    if (d.is_special()) return false;
    const auto wd = d.day_of_week().as_number();  // 0 = Sunday
    return wd == 0 || wd == 6;
}

// ---- states ----------------------------------------------------------------------------------

std::string_view to_string(ReportState s) noexcept {
    switch (s) {
        case ReportState::OnTime: return "on-time";
        case ReportState::Late: return "late";
        case ReportState::Missing: return "missing";
        case ReportState::NotYetDue: return "not-yet-due";
    }
    return {};
}

std::string_view label(ReportState s, Language lang) noexcept {
    const bool vi = lang == Language::Vietnamese;
    switch (s) {
        case ReportState::OnTime: return vi ? "đúng hạn" : "on time";
        case ReportState::Late: return vi ? "trễ hạn" : "late";
        case ReportState::Missing: return vi ? "chưa báo cáo (quá hạn)" : "missing";
        case ReportState::NotYetDue: return vi ? "chưa đến hạn" : "not yet due";
    }
    return {};
}

// ---- the calendar ----------------------------------------------------------------------------

ReportingCalendar::ReportingCalendar(const Plan& plan, DeadlineShift shift,
                                     HolidayCalendar holidays)
    : unit_day_(plan.reporting.unit_report_before_day),
      consolidated_day_(plan.reporting.consolidated_report_before_day),
      consolidator_(plan.reporting.consolidator),
      window_rule_(plan.reporting.window),
      first_year_(plan.start_year),
      last_year_(plan.end_year),
      shift_(shift),
      holidays_(std::move(holidays)) {
    // A group that leads reports as one (its members share the duty: any of them, or the group
    // itself, may submit); an id the plan does not know is kept as it is (the plan says that unit
    // reports; check_plan reports the unknown id).
    for (const UnitGroup& g : plan.groups) group_members_[g.id] = plan.expand(g.id);
    struct Duty {
        std::size_t unit_rank;
        std::string unit;
        std::string indicator;
    };
    std::vector<Duty> duties;
    std::vector<std::string> unknown;  // reporting ids the plan does not list, first met first
    for (const Indicator& ind : plan.indicators) {
        std::vector<std::string> reporters = ind.units_with(Role::Lead);
        if (reporters.empty()) reporters = ind.units_with(Role::Tracking);
        for (const auto& id : reporters) {
            {
                std::string unit = id;
                const bool seen = std::any_of(duties.begin(), duties.end(), [&](const Duty& d) {
                    return d.unit == unit && d.indicator == ind.id;
                });
                if (seen) continue;
                const auto it = std::find_if(plan.units.begin(), plan.units.end(),
                                             [&](const Unit& u) { return u.id == unit; });
                std::size_t rank = static_cast<std::size_t>(it - plan.units.begin());
                const auto group = std::find_if(plan.groups.begin(), plan.groups.end(),
                                                [&](const UnitGroup& g) { return g.id == unit; });
                if (group != plan.groups.end()) {
                    rank += static_cast<std::size_t>(group - plan.groups.begin());
                } else if (it == plan.units.end()) {
                    rank += plan.groups.size();
                    auto known = std::find(unknown.begin(), unknown.end(), unit);
                    rank += static_cast<std::size_t>(known - unknown.begin());
                    if (known == unknown.end()) unknown.push_back(unit);
                }
                duties.push_back({rank, std::move(unit), ind.id});
            }
        }
    }
    // By unit (units the plan does not list after those it does, in the order first met); the
    // duties of one unit stay in indicator order, the order they were found in.
    std::stable_sort(duties.begin(), duties.end(),
                     [](const Duty& a, const Duty& b) { return a.unit_rank < b.unit_rank; });
    for (auto& d : duties) duties_.emplace_back(std::move(d.unit), std::move(d.indicator));
}

bool ReportingCalendar::reports_for(std::string_view submitter, std::string_view duty) const {
    if (submitter.empty() || submitter == duty) return true;
    const auto group = group_members_.find(std::string(duty));
    if (group == group_members_.end()) return false;
    return std::find(group->second.begin(), group->second.end(), submitter) != group->second.end();
}

Date ReportingCalendar::shifted(Date d) const {
    if (shift_ == DeadlineShift::Keep) return d;
    const boost::gregorian::days step(shift_ == DeadlineShift::Earlier ? -1 : 1);
    for (int guard = 0; guard < 366 && !holidays_.is_working_day(d); ++guard) d += step;
    return d;
}

Date ReportingCalendar::unit_deadline(const Period& month) const {
    require_month(month);
    return shifted(due_after(window(month), unit_day_));
}

Date ReportingCalendar::consolidated_deadline(const Period& month) const {
    require_month(month);
    return shifted(due_after(window(month), consolidated_day_));
}

std::vector<Obligation> ReportingCalendar::obligations(const Period& month) const {
    require_month(month);
    std::vector<Obligation> out;
    if (month.year < first_year_ || month.year > last_year_) return out;
    const Date unit_due = unit_deadline(month);
    const DateRange days = window(month);
    for (const auto& [unit, indicator] : duties_)
        out.push_back({unit, indicator, month, unit_due, false, days});
    if (!consolidator_.empty())
        out.push_back({consolidator_, "", month, consolidated_deadline(month), true, days});
    return out;
}

std::vector<ReportStatus> ReportingCalendar::status(const Period& month, const ObservationLog& log,
                                                    const Date& as_of) const {
    std::vector<ReportStatus> out;
    auto judge = [&](ReportStatus& s) {
        if (s.submitted) {
            const long late = (*s.submitted - s.obligation.deadline).days();
            s.state = late > 0 ? ReportState::Late : ReportState::OnTime;
            s.days_late = late > 0 ? static_cast<int>(late) : 0;
        } else {
            s.state = s.obligation.deadline < as_of ? ReportState::Missing : ReportState::NotYetDue;
        }
    };

    bool all_in = true;
    std::optional<Date> last_in;
    std::size_t unit_count = 0;
    for (const Obligation& ob : obligations(month)) {
        ReportStatus s;
        s.obligation = ob;
        if (!ob.consolidated) {
            ++unit_count;
            // The day the unit's report came in: its first submission known on as_of, for the
            // month or for a longer period reported with it.
            for (const Period& reported : reported_with(month)) {
                for (const Observation* o : log.history(ob.indicator, reported)) {
                    if (!reports_for(o->unit, ob.unit) || !ObservationLog::known_on(*o, as_of))
                        continue;
                    if (!s.submitted || o->submitted < *s.submitted) s.submitted = o->submitted;
                    break;
                }
            }
            if (s.submitted) {
                if (!last_in || *last_in < *s.submitted) last_in = s.submitted;
            } else {
                all_in = false;
            }
        } else if (unit_count > 0 && all_in) {
            s.submitted = last_in;
        }
        judge(s);
        out.push_back(std::move(s));
    }
    return out;
}

std::vector<Obligation> ReportingCalendar::upcoming(const Date& from, std::size_t limit) const {
    std::vector<Obligation> out;
    if (limit == 0 || from.is_special()) return out;
    // Start two months early: a month's deadline can fall in the month after it (calendar-month
    // windows), and a deadline shifted later can cross into the month after that.
    int year = static_cast<int>(from.year());
    int month = static_cast<int>(from.month()) - 2;
    if (month <= 0) {
        month += 12;
        --year;
    }
    if (year < first_year_) {
        year = first_year_;
        month = 1;
    }
    for (; year <= last_year_; ++year, month = 1) {
        for (; month <= 12; ++month) {
            for (auto& ob : obligations(Period::month(year, month)))
                if (!(ob.deadline < from)) out.push_back(std::move(ob));
        }
    }
    std::stable_sort(out.begin(), out.end(), [](const Obligation& a, const Obligation& b) {
        return a.deadline < b.deadline;
    });
    if (out.size() > limit) out.resize(limit);
    return out;
}

std::vector<std::string> ReportingCalendar::indicators_reported_by(std::string_view unit) const {
    std::vector<std::string> out;
    for (const auto& [u, indicator] : duties_)
        if (u == unit) out.push_back(indicator);
    return out;
}

}  // namespace dtiplan
