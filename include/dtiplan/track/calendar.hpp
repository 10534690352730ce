// The monthly reporting calendar of a plan (section V): lead units report before the 20th,
// Phòng VH-XH consolidates before the 25th. Deadlines, statuses on a date, and what falls due
// next, with Boost.Date_Time. Whether a deadline on a weekend or public holiday stays or moves is
// a setting, because provinces differ and the plan does not say.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "dtiplan/model/plan.hpp"
#include "dtiplan/track/observation.hpp"
#include "dtiplan/track/period.hpp"

namespace dtiplan {

/// What happens to a deadline that falls on a weekend or a public holiday.
enum class DeadlineShift {
    Keep,     ///< the deadline stays where it falls
    Earlier,  ///< moves to the previous working day ("before the 20th" stays before it)
    Later,    ///< moves to the next working day
};

/// Public holidays: the fixed-date national ones of the Labour Code 2019, art. 112 (1/1, 30/4,
/// 1/5, 2/9), plus any added (Tết, Giỗ Tổ Hùng Vương and the extra days each year's decision
/// sets, which follow the lunar calendar or a yearly announcement).
class HolidayCalendar {
public:
    /// With the fixed-date national holidays.
    HolidayCalendar();
    void add(const Date& d, std::string name);
    [[nodiscard]] bool is_holiday(const Date& d) const;
    [[nodiscard]] std::optional<std::string> holiday_name(const Date& d) const;
    [[nodiscard]] static bool is_weekend(const Date& d) noexcept;
    [[nodiscard]] bool is_working_day(const Date& d) const {
        return !is_weekend(d) && !is_holiday(d);
    }

private:
    std::vector<std::pair<Date, std::string>> added_;
};

/// The days a report covers (thời gian chốt số liệu): from `first` to `last`, both included.
struct DateRange {
    Date first;
    Date last;
    [[nodiscard]] bool contains(const Date& d) const { return first <= d && d <= last; }
    friend bool operator==(const DateRange&, const DateRange&) = default;
};

/// The days the report for `period` covers. Decree09: a month M from 15/(M-1) to 14/M, a quarter
/// from the 15th of the month before it to the 14th of its last month, a year from 15/12 of the
/// year before to 14/12. CalendarMonth: the period's own first and last days.
[[nodiscard]] DateRange reporting_window(const Period& period, ReportingWindow rule);

/// The last day that is still "before day `before_day`" once the window has closed: day
/// `before_day - 1` of the window's last month when it comes after the window's last day, else
/// of the month after (Decree09, before the 20th: 19/M for the window ending 14/M; calendar month:
/// 19/(M+1)). `before_day` is 1..28; 1 means the last day of the month before.
[[nodiscard]] Date due_after(const DateRange& window, int before_day);

/// One reporting obligation: a unit reports an indicator for a month by a deadline.
struct Obligation {
    std::string unit;       ///< reporting unit id (lead unit, or the commune's tracking unit)
    std::string indicator;  ///< "" for the consolidated report
    Period period;          ///< the month reported on ("kỳ báo cáo tháng 3/2026")
    Date deadline;          ///< the last day on which a submission is on time
    bool consolidated = false;
    DateRange window;  ///< the days the report covers (15/02/2026 to 14/03/2026 for March, NĐ 09)
    friend bool operator==(const Obligation&, const Obligation&) = default;
};

enum class ReportState { OnTime, Late, Missing, NotYetDue };
[[nodiscard]] std::string_view to_string(ReportState s) noexcept;
[[nodiscard]] std::string_view label(ReportState s, Language lang) noexcept;

struct ReportStatus {
    Obligation obligation;
    ReportState state = ReportState::NotYetDue;
    int days_late = 0;              ///< > 0 only when Late
    std::optional<Date> submitted;  ///< the first submission for that month, if any
    friend bool operator==(const ReportStatus&, const ReportStatus&) = default;
};

/// Who reports what, when. The report for month M covers the plan's reporting window for M and
/// is due before day N (N = 20 for units, 25 for the consolidated report) once that window has
/// closed: under Nghị định 09 (the default) the window is 15/(M-1)..14/M and the deadline 19/M;
/// under the calendar month it is the month itself and the deadline 19/(M+1). Deadlines are
/// then shifted per the setting.
/// Reporting units: each commune Lead of an indicator (a group reports as one: a submission by any
/// member or by the group fulfils its duty); for an
/// indicator led only at the upper level, the commune's Tracking units. Indicators with no such
/// unit have no obligation (check_plan reports them).
class ReportingCalendar {
public:
    explicit ReportingCalendar(const Plan& plan, DeadlineShift shift = DeadlineShift::Keep,
                               HolidayCalendar holidays = {});

    /// Deadlines of a month (any month, in the plan's years or not). Throw ValidationError when
    /// `month` is not a month.
    [[nodiscard]] Date unit_deadline(const Period& month) const;
    [[nodiscard]] Date consolidated_deadline(const Period& month) const;
    /// Every obligation of a month: units' reports (by unit in the plan's unit order, then
    /// indicator in plan order), then the consolidated report (when the plan names a
    /// consolidator). None for a month outside the plan's years. Throws ValidationError when
    /// `month` is not a month.
    [[nodiscard]] std::vector<Obligation> obligations(const Period& month) const;
    /// The status of each obligation of a month on a date. A unit's report for an indicator is
    /// submitted when the log has an observation of that indicator from that unit (or with no
    /// unit named) for that month, or for the quarter or year whose window closes with that
    /// month's (a figure for Quý I fulfils the report of March). Only submissions made on or before
    /// `as_of` count, so a past date shows what was known then. The consolidated report is
    /// submitted when every unit obligation of the month is; its date is then the last of those
    /// submissions.
    [[nodiscard]] std::vector<ReportStatus> status(const Period& month, const ObservationLog& log,
                                                   const Date& as_of) const;
    /// Obligations with a deadline on or after `from`, soonest first (same deadline: earlier
    /// month first, then in obligations() order), up to `limit`; months up to December of the
    /// plan's end year.
    [[nodiscard]] std::vector<Obligation> upcoming(const Date& from, std::size_t limit) const;
    /// The indicators a unit must report each month, in plan order.
    [[nodiscard]] std::vector<std::string> indicators_reported_by(std::string_view unit) const;

    /// The days the report for `period` covers under the plan's rules.
    [[nodiscard]] DateRange window(const Period& period) const {
        return reporting_window(period, window_rule_);
    }
    [[nodiscard]] ReportingWindow window_rule() const noexcept { return window_rule_; }
    [[nodiscard]] const HolidayCalendar& holidays() const noexcept { return holidays_; }
    [[nodiscard]] DeadlineShift shift() const noexcept { return shift_; }

private:
    [[nodiscard]] Date shifted(Date d) const;
    /// Whether a submission by `submitter` ("" = not said) fulfils the duty of `duty` (a unit,
    /// or a group whose members share it).
    [[nodiscard]] bool reports_for(std::string_view submitter, std::string_view duty) const;

    std::map<std::string, std::vector<std::string>> group_members_;

    std::vector<std::pair<std::string, std::string>> duties_;  ///< (unit, indicator), plan order
    int unit_day_;
    int consolidated_day_;
    std::string consolidator_;
    ReportingWindow window_rule_;
    int first_year_;
    int last_year_;
    DeadlineShift shift_;
    HolidayCalendar holidays_;
};

}  // namespace dtiplan
