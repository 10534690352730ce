// The monthly reporting calendar of section V: "trước ngày 20 hằng tháng" (deadline the 19th),
// "trước ngày 25 hằng tháng" for Phòng VH-XH's consolidated report, weekends and holidays under
// each shift setting, report statuses, what falls due next, and who reports what in the
// built-in plan of Đại Phước.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "dtiplan/error.hpp"
#include "dtiplan/io/builtin.hpp"
#include "dtiplan/track/calendar.hpp"

using namespace dtiplan;

namespace {

Date ymd(int y, int m, int d) {
    return Date(static_cast<unsigned short>(y), static_cast<unsigned short>(m),
                static_cast<unsigned short>(d));
}

const Plan& plan() {
    static const Plan p = builtin_plan();
    return p;
}

/// Tết Bính Ngọ 2026: mùng 1 is 17/02/2026. Five days off (Bộ luật Lao động 2019, Điều 112),
/// here 16/02 (the last day of the lunar year) to 20/02 (mùng 4), for the test; the real days
/// are set each year by the Prime Minister's decision.
HolidayCalendar with_tet_2026() {
    HolidayCalendar h;
    for (int day = 16; day <= 20; ++day) h.add(ymd(2026, 2, day), "Tết Nguyên đán");
    return h;
}

Observation report(const std::string& indicator, const Period& month, Date submitted,
                   const std::string& unit) {
    Observation o;
    o.indicator = indicator;
    o.period = month;
    o.value.value = 1.0;
    o.unit = unit;
    o.submitted = submitted;
    return o;
}

const ReportStatus& find(const std::vector<ReportStatus>& all, const std::string& unit,
                         const std::string& indicator) {
    const auto it = std::find_if(all.begin(), all.end(), [&](const ReportStatus& s) {
        return s.obligation.unit == unit && s.obligation.indicator == indicator;
    });
    if (it == all.end()) throw std::runtime_error("no obligation " + unit + " " + indicator);
    return *it;
}

const ReportStatus& consolidated(const std::vector<ReportStatus>& all) {
    const auto it = std::find_if(all.begin(), all.end(),
                                 [](const ReportStatus& s) { return s.obligation.consolidated; });
    if (it == all.end()) throw std::runtime_error("no consolidated report");
    return *it;
}

/// A log in which every unit obligation of `month` is submitted on `on`, except that
/// (late_unit, late_indicator) is submitted on `late_on` (or never when late_on is not set).
ObservationLog everyone_reports(const ReportingCalendar& cal, const Period& month, Date on,
                                const std::string& late_unit, const std::string& late_indicator,
                                Date late_on) {
    ObservationLog log;
    for (const Obligation& ob : cal.obligations(month)) {
        if (ob.consolidated) continue;
        const bool late = ob.unit == late_unit && ob.indicator == late_indicator;
        if (late && late_on.is_special()) continue;
        log.add(report(ob.indicator, month, late ? late_on : on, ob.unit));
    }
    return log;
}

}  // namespace

// ---- reporting windows (Nghị định 09/2019/NĐ-CP, or the calendar month) ----------------------

TEST(ReportingWindow, Decree09MonthIsTheFifteenthToTheFourteenth) {
    // "kỳ báo cáo tháng 3/2026: từ 15/02/2026 đến 14/03/2026"
    const DateRange march = reporting_window(Period::month(2026, 3), ReportingWindow::Decree09);
    EXPECT_EQ(march.first, ymd(2026, 2, 15));
    EXPECT_EQ(march.last, ymd(2026, 3, 14));
    EXPECT_TRUE(march.contains(ymd(2026, 2, 28)));
    EXPECT_FALSE(march.contains(ymd(2026, 3, 15)));
    // January's window starts in December of the year before.
    const DateRange january = reporting_window(Period::month(2026, 1), ReportingWindow::Decree09);
    EXPECT_EQ(january.first, ymd(2025, 12, 15));
    EXPECT_EQ(january.last, ymd(2026, 1, 14));
}

TEST(ReportingWindow, Decree09QuarterAndYear) {
    const DateRange q1 = reporting_window(Period::quarter(2026, 1), ReportingWindow::Decree09);
    EXPECT_EQ(q1.first, ymd(2025, 12, 15));
    EXPECT_EQ(q1.last, ymd(2026, 3, 14));
    const DateRange q3 = reporting_window(Period::quarter(2026, 3), ReportingWindow::Decree09);
    EXPECT_EQ(q3.first, ymd(2026, 6, 15));
    EXPECT_EQ(q3.last, ymd(2026, 9, 14));
    const DateRange year = reporting_window(Period::whole_year(2026), ReportingWindow::Decree09);
    EXPECT_EQ(year.first, ymd(2025, 12, 15));
    EXPECT_EQ(year.last, ymd(2026, 12, 14));
}

TEST(ReportingWindow, CalendarMonthIsThePeriodItself) {
    const DateRange march =
        reporting_window(Period::month(2026, 3), ReportingWindow::CalendarMonth);
    EXPECT_EQ(march.first, ymd(2026, 3, 1));
    EXPECT_EQ(march.last, ymd(2026, 3, 31));
    const DateRange q1 = reporting_window(Period::quarter(2026, 1), ReportingWindow::CalendarMonth);
    EXPECT_EQ(q1.first, ymd(2026, 1, 1));
    EXPECT_EQ(q1.last, ymd(2026, 3, 31));
}

TEST(ReportingWindow, DueOnceTheWindowHasClosed) {
    // "trước ngày 20": the 19th of the month the window closes in when it closes before then,
    // else of the month after; a day outside 1..28 is refused.
    EXPECT_EQ(due_after({ymd(2026, 2, 15), ymd(2026, 3, 14)}, 20), ymd(2026, 3, 19));
    EXPECT_EQ(due_after({ymd(2026, 3, 1), ymd(2026, 3, 31)}, 20), ymd(2026, 4, 19));
    EXPECT_EQ(due_after({ymd(2026, 12, 1), ymd(2026, 12, 31)}, 25), ymd(2027, 1, 24));
    EXPECT_EQ(due_after({ymd(2026, 3, 1), ymd(2026, 3, 31)}, 1), ymd(2026, 3, 31));
    EXPECT_THROW((void)due_after({ymd(2026, 3, 1), ymd(2026, 3, 31)}, 29), ValidationError);
}

TEST(ReportingWindow, SpellingsAndLabels) {
    EXPECT_EQ(to_string(ReportingWindow::Decree09), "decree-09");
    EXPECT_EQ(reporting_window_from_string("calendar-month"), ReportingWindow::CalendarMonth);
    EXPECT_FALSE(reporting_window_from_string("tháng").has_value());
    EXPECT_EQ(label(ReportingWindow::CalendarMonth, Language::Vietnamese), "theo tháng dương lịch");
}

TEST(CalendarDeadlines, ObligationsSayTheirWindow) {
    const ReportingCalendar cal(plan());
    EXPECT_EQ(cal.window_rule(), ReportingWindow::Decree09);
    for (const Obligation& ob : cal.obligations(Period::month(2026, 3))) {
        EXPECT_EQ(ob.window.first, ymd(2026, 2, 15)) << ob.unit << " " << ob.indicator;
        EXPECT_EQ(ob.window.last, ymd(2026, 3, 14)) << ob.unit << " " << ob.indicator;
        EXPECT_LT(ob.window.last, ob.deadline);
    }
}

TEST(CalendarDeadlines, CalendarMonthWindowIsDueTheMonthAfter) {
    Plan p = plan();
    p.reporting.window = ReportingWindow::CalendarMonth;
    const ReportingCalendar cal(p);
    const Period march = Period::month(2026, 3);
    EXPECT_EQ(cal.unit_deadline(march), ymd(2026, 4, 19));
    EXPECT_EQ(cal.consolidated_deadline(march), ymd(2026, 4, 24));
    EXPECT_EQ(cal.unit_deadline(Period::month(2030, 12)), ymd(2031, 1, 19));
    // A whole month's figures sent on 18/04 are on time for March.
    ObservationLog log;
    log.add(report("I.03", march, ymd(2026, 4, 18), "TTPVHCC"));
    const auto status = cal.status(march, log, ymd(2026, 4, 20));
    EXPECT_EQ(find(status, "TTPVHCC", "I.03").state, ReportState::OnTime);
    // The plan starts in 2026: the first report due after 1/1/2026 is January's, due 19/02.
    const auto next = cal.upcoming(ymd(2026, 1, 1), 1);
    ASSERT_EQ(next.size(), 1U);
    EXPECT_EQ(next[0].period, Period::month(2026, 1));
    EXPECT_EQ(next[0].deadline, ymd(2026, 2, 19));
    // In March, February's reports are what falls due.
    const auto in_march = cal.upcoming(ymd(2026, 3, 2), 1);
    ASSERT_EQ(in_march.size(), 1U);
    EXPECT_EQ(in_march[0].period, Period::month(2026, 2));
}

// ---- deadlines -------------------------------------------------------------------------------

TEST(CalendarDeadlines, BeforeTheTwentiethMeansTheNineteenth) {
    const ReportingCalendar cal(plan());
    const Period march = Period::month(2026, 3);
    EXPECT_EQ(cal.unit_deadline(march), ymd(2026, 3, 19));          // thứ Năm
    EXPECT_EQ(cal.consolidated_deadline(march), ymd(2026, 3, 24));  // thứ Ba
    EXPECT_EQ(cal.unit_deadline(Period::month(2030, 12)), ymd(2030, 12, 19));
    EXPECT_EQ(cal.shift(), DeadlineShift::Keep);
}

TEST(CalendarDeadlines, SaturdayDeadlineUnderEachShift) {
    ASSERT_EQ(ymd(2026, 9, 19).day_of_week(), boost::date_time::Saturday);
    const Period september = Period::month(2026, 9);
    EXPECT_EQ(ReportingCalendar(plan(), DeadlineShift::Keep).unit_deadline(september),
              ymd(2026, 9, 19));
    EXPECT_EQ(ReportingCalendar(plan(), DeadlineShift::Earlier).unit_deadline(september),
              ymd(2026, 9, 18));  // thứ Sáu
    EXPECT_EQ(ReportingCalendar(plan(), DeadlineShift::Later).unit_deadline(september),
              ymd(2026, 9, 21));  // thứ Hai
}

TEST(CalendarDeadlines, SundayDeadlineUnderEachShift) {
    ASSERT_EQ(ymd(2026, 4, 19).day_of_week(), boost::date_time::Sunday);
    const Period april = Period::month(2026, 4);
    EXPECT_EQ(ReportingCalendar(plan(), DeadlineShift::Keep).unit_deadline(april),
              ymd(2026, 4, 19));
    EXPECT_EQ(ReportingCalendar(plan(), DeadlineShift::Earlier).unit_deadline(april),
              ymd(2026, 4, 17));
    EXPECT_EQ(ReportingCalendar(plan(), DeadlineShift::Later).unit_deadline(april),
              ymd(2026, 4, 20));
}

TEST(CalendarDeadlines, ConsolidatedDeadlineOnASaturday) {
    ASSERT_EQ(ymd(2026, 10, 24).day_of_week(), boost::date_time::Saturday);
    const Period october = Period::month(2026, 10);
    EXPECT_EQ(ReportingCalendar(plan(), DeadlineShift::Earlier).consolidated_deadline(october),
              ymd(2026, 10, 23));
    EXPECT_EQ(ReportingCalendar(plan(), DeadlineShift::Later).consolidated_deadline(october),
              ymd(2026, 10, 26));
}

TEST(CalendarDeadlines, TetMovesTheFebruaryDeadline) {
    // 19/02/2026 is mùng 3 Tết; with the weekends around it, the office is closed 14-22/02.
    const Period february = Period::month(2026, 2);
    EXPECT_EQ(
        ReportingCalendar(plan(), DeadlineShift::Keep, with_tet_2026()).unit_deadline(february),
        ymd(2026, 2, 19));
    EXPECT_EQ(
        ReportingCalendar(plan(), DeadlineShift::Earlier, with_tet_2026()).unit_deadline(february),
        ymd(2026, 2, 13));
    EXPECT_EQ(
        ReportingCalendar(plan(), DeadlineShift::Later, with_tet_2026()).unit_deadline(february),
        ymd(2026, 2, 23));
    // Without the Tết days added, 19/02 is an ordinary Thursday and nothing moves.
    EXPECT_EQ(ReportingCalendar(plan(), DeadlineShift::Earlier).unit_deadline(february),
              ymd(2026, 2, 19));
}

TEST(CalendarDeadlines, FixedHolidaysThirtiethOfAprilAndFirstOfMay) {
    // A plan reporting calendar months, its consolidated report due "trước ngày 2": April 2026's
    // is due 01/05 (Ngày Quốc tế Lao động), right after 30/04 (Ngày Chiến thắng), then a weekend.
    Plan p = plan();
    p.reporting.window = ReportingWindow::CalendarMonth;
    p.reporting.consolidated_report_before_day = 2;
    const Period april = Period::month(2026, 4);
    EXPECT_EQ(ReportingCalendar(p, DeadlineShift::Keep).consolidated_deadline(april),
              ymd(2026, 5, 1));
    EXPECT_EQ(ReportingCalendar(p, DeadlineShift::Earlier).consolidated_deadline(april),
              ymd(2026, 4, 29));
    EXPECT_EQ(ReportingCalendar(p, DeadlineShift::Later).consolidated_deadline(april),
              ymd(2026, 5, 4));
    // "Trước ngày 1" is the last day of a month: under Nghị định 09, March's window closes on
    // 14/03, so its report is due 31/03.
    Plan nd09 = plan();
    nd09.reporting.unit_report_before_day = 1;
    EXPECT_EQ(ReportingCalendar(nd09).unit_deadline(Period::month(2026, 3)), ymd(2026, 3, 31));
}

TEST(CalendarDeadlines, OnlyMonthsHaveDeadlines) {
    const ReportingCalendar cal(plan());
    EXPECT_THROW((void)cal.unit_deadline(Period::quarter(2026, 1)), ValidationError);
    EXPECT_THROW((void)cal.obligations(Period::whole_year(2026)), ValidationError);
}

// ---- holidays --------------------------------------------------------------------------------

TEST(Holidays, FixedDateNationalHolidaysHaveVietnameseNames) {
    const HolidayCalendar h;
    EXPECT_EQ(h.holiday_name(ymd(2027, 1, 1)), "Tết Dương lịch");
    EXPECT_EQ(h.holiday_name(ymd(2026, 4, 30)), "Ngày Chiến thắng");
    EXPECT_EQ(h.holiday_name(ymd(2026, 5, 1)), "Ngày Quốc tế Lao động");
    EXPECT_EQ(h.holiday_name(ymd(2026, 9, 2)), "Quốc khánh");
    EXPECT_FALSE(h.holiday_name(ymd(2026, 9, 3)).has_value());
    EXPECT_FALSE(h.is_holiday(ymd(2026, 2, 17)));  // lunar holidays are added, not built in
    EXPECT_TRUE(h.is_holiday(ymd(2030, 9, 2)));
}

TEST(Holidays, AddedHolidaysAndWorkingDays) {
    HolidayCalendar h = with_tet_2026();
    h.add(ymd(2026, 4, 27), "Giỗ Tổ Hùng Vương (nghỉ bù)");
    EXPECT_EQ(h.holiday_name(ymd(2026, 2, 17)), "Tết Nguyên đán");
    EXPECT_EQ(h.holiday_name(ymd(2026, 4, 27)), "Giỗ Tổ Hùng Vương (nghỉ bù)");
    EXPECT_FALSE(h.is_working_day(ymd(2026, 2, 18)));
    EXPECT_TRUE(HolidayCalendar::is_weekend(ymd(2026, 9, 19)));   // thứ Bảy
    EXPECT_TRUE(HolidayCalendar::is_weekend(ymd(2026, 9, 20)));   // Chủ nhật
    EXPECT_FALSE(HolidayCalendar::is_weekend(ymd(2026, 9, 21)));  // thứ Hai
    EXPECT_TRUE(h.is_working_day(ymd(2026, 2, 23)));
    EXPECT_FALSE(h.is_working_day(ymd(2026, 9, 2)));
    EXPECT_THROW(h.add(Date(), "không có ngày"), ValidationError);
}

// ---- statuses --------------------------------------------------------------------------------

TEST(CalendarStatus, OnTimeLateMissingAndNotYetDue) {
    const ReportingCalendar cal(plan());
    const Period march = Period::month(2026, 3);
    ObservationLog log;
    log.add(report("I.03", march, ymd(2026, 3, 18), "TTPVHCC"));
    log.add(report("I.04", march, ymd(2026, 3, 22), "TTPVHCC"));
    log.add(report("I.03", march, ymd(2026, 3, 25), "TTPVHCC"));  // a later correction

    const auto on_25th = cal.status(march, log, ymd(2026, 3, 25));
    const ReportStatus& i03 = find(on_25th, "TTPVHCC", "I.03");
    EXPECT_EQ(i03.state, ReportState::OnTime);
    EXPECT_EQ(i03.submitted, ymd(2026, 3, 18));  // the first submission counts
    EXPECT_EQ(i03.days_late, 0);
    const ReportStatus& i04 = find(on_25th, "TTPVHCC", "I.04");
    EXPECT_EQ(i04.state, ReportState::Late);
    EXPECT_EQ(i04.days_late, 3);
    EXPECT_EQ(i04.obligation.deadline, ymd(2026, 3, 19));
    const ReportStatus& i05 = find(on_25th, "TTPVHCC", "I.05");
    EXPECT_EQ(i05.state, ReportState::Missing);
    EXPECT_FALSE(i05.submitted.has_value());

    const auto on_19th = cal.status(march, log, ymd(2026, 3, 19));
    EXPECT_EQ(find(on_19th, "TTPVHCC", "I.05").state, ReportState::NotYetDue);  // due today
    EXPECT_EQ(find(on_19th, "TTPVHCC", "I.04").state, ReportState::NotYetDue);  // not yet sent
    EXPECT_EQ(find(on_19th, "TTPVHCC", "I.03").state, ReportState::OnTime);
    const auto on_20th = cal.status(march, log, ymd(2026, 3, 20));
    EXPECT_EQ(find(on_20th, "TTPVHCC", "I.05").state, ReportState::Missing);
}

TEST(CalendarStatus, AQuarterlyFigureFulfilsTheReportOfItsLastMonth) {
    // "Quý I/2026" covers 15/12/2025 to 14/03/2026 and is reported with March's report.
    const ReportingCalendar cal(plan());
    ObservationLog log;
    log.add(report("II.02", Period::quarter(2026, 1), ymd(2026, 3, 17), "VHXH"));
    const auto march = cal.status(Period::month(2026, 3), log, ymd(2026, 3, 25));
    EXPECT_EQ(find(march, "VHXH", "II.02").state, ReportState::OnTime);
    EXPECT_EQ(find(march, "VHXH", "II.02").submitted, ymd(2026, 3, 17));
    // It is not February's report.
    const auto february = cal.status(Period::month(2026, 2), log, ymd(2026, 3, 25));
    EXPECT_EQ(find(february, "VHXH", "II.02").state, ReportState::Missing);
    // A year's figure is December's report; the earlier of two submissions counts.
    log.add(report("II.02", Period::whole_year(2026), ymd(2026, 12, 16), "VHXH"));
    log.add(report("II.02", Period::month(2026, 12), ymd(2026, 12, 21), "VHXH"));
    const auto december = cal.status(Period::month(2026, 12), log, ymd(2026, 12, 31));
    EXPECT_EQ(find(december, "VHXH", "II.02").state, ReportState::OnTime);
    EXPECT_EQ(find(december, "VHXH", "II.02").submitted, ymd(2026, 12, 16));
}

TEST(CalendarStatus, SubmittedOnTheDeadlineIsOnTime) {
    const ReportingCalendar cal(plan());
    const Period march = Period::month(2026, 3);
    ObservationLog log;
    log.add(report("II.11", march, ymd(2026, 3, 19), "CAX"));
    const auto s = cal.status(march, log, ymd(2026, 3, 31));
    EXPECT_EQ(find(s, "CAX", "II.11").state, ReportState::OnTime);
}

TEST(CalendarStatus, SubmissionsAfterAsOfAreNotYetKnown) {
    const ReportingCalendar cal(plan());
    const Period march = Period::month(2026, 3);
    ObservationLog log;
    log.add(report("II.11", march, ymd(2026, 3, 18), "CAX"));
    EXPECT_EQ(find(cal.status(march, log, ymd(2026, 3, 17)), "CAX", "II.11").state,
              ReportState::NotYetDue);
    EXPECT_EQ(find(cal.status(march, log, ymd(2026, 3, 18)), "CAX", "II.11").state,
              ReportState::OnTime);
}

TEST(CalendarStatus, WhoseSubmissionCounts) {
    // I.06 is led by Phòng VH-XH and Công an xã together: each owes its own report.
    const ReportingCalendar cal(plan());
    const Period march = Period::month(2026, 3);
    ObservationLog log;
    log.add(report("I.06", march, ymd(2026, 3, 10), "VHXH"));
    // A figure for Quý I is March's report (its window closes with March's), not February's.
    log.add(report("II.11", Period::quarter(2026, 1), ymd(2026, 3, 10), "CAX"));
    log.add(report("II.09", march, ymd(2026, 3, 12), ""));  // no unit named: counts for PKT
    const auto s = cal.status(march, log, ymd(2026, 3, 31));
    EXPECT_EQ(find(s, "VHXH", "I.06").state, ReportState::OnTime);
    EXPECT_EQ(find(s, "CAX", "I.06").state, ReportState::Missing);
    EXPECT_EQ(find(s, "CAX", "II.11").state, ReportState::OnTime);
    EXPECT_EQ(find(cal.status(Period::month(2026, 2), log, ymd(2026, 3, 31)), "CAX", "II.11").state,
              ReportState::Missing);
    EXPECT_EQ(find(s, "PKT", "II.09").state, ReportState::OnTime);
}

TEST(CalendarStatus, LateByTheDaysPastAShiftedDeadline) {
    // September 2026 under Later: due Monday 21/09; a report on 24/09 is 3 days late.
    const ReportingCalendar cal(plan(), DeadlineShift::Later);
    const Period september = Period::month(2026, 9);
    ObservationLog log;
    log.add(report("II.10", september, ymd(2026, 9, 24), "PKT"));
    log.add(report("II.09", september, ymd(2026, 9, 21), "PKT"));
    const auto s = cal.status(september, log, ymd(2026, 9, 30));
    EXPECT_EQ(find(s, "PKT", "II.10").days_late, 3);
    EXPECT_EQ(find(s, "PKT", "II.09").state, ReportState::OnTime);
}

TEST(CalendarStatus, ConsolidatedReportFollowsTheLastUnitReport) {
    const ReportingCalendar cal(plan());
    const Period march = Period::month(2026, 3);
    const Date none;

    // Everyone by the 18th, Công an xã's II.11 on the 23rd: consolidated on the 23rd, on time.
    const auto on_time = cal.status(
        march, everyone_reports(cal, march, ymd(2026, 3, 18), "CAX", "II.11", ymd(2026, 3, 23)),
        ymd(2026, 3, 31));
    const ReportStatus& c1 = consolidated(on_time);
    EXPECT_EQ(c1.obligation.unit, "VHXH");
    EXPECT_EQ(c1.obligation.indicator, "");
    EXPECT_EQ(c1.obligation.deadline, ymd(2026, 3, 24));
    EXPECT_EQ(c1.submitted, ymd(2026, 3, 23));
    EXPECT_EQ(c1.state, ReportState::OnTime);
    EXPECT_EQ(find(on_time, "CAX", "II.11").state, ReportState::Late);

    // The last report on the 26th: the consolidated report is 2 days late.
    const auto late = cal.status(
        march, everyone_reports(cal, march, ymd(2026, 3, 18), "PKT", "II.10", ymd(2026, 3, 26)),
        ymd(2026, 3, 31));
    EXPECT_EQ(consolidated(late).state, ReportState::Late);
    EXPECT_EQ(consolidated(late).days_late, 2);

    // One report never arrives: not yet due on the 24th, missing on the 25th.
    const ObservationLog partial =
        everyone_reports(cal, march, ymd(2026, 3, 18), "ALL", "I.01", none);
    EXPECT_EQ(consolidated(cal.status(march, partial, ymd(2026, 3, 24))).state,
              ReportState::NotYetDue);
    const auto missing = cal.status(march, partial, ymd(2026, 3, 25));
    EXPECT_EQ(consolidated(missing).state, ReportState::Missing);
    EXPECT_FALSE(consolidated(missing).submitted.has_value());
    EXPECT_EQ(find(missing, "ALL", "I.01").state, ReportState::Missing);
}

TEST(CalendarStatus, StateSpellingsAndLabels) {
    EXPECT_EQ(to_string(ReportState::OnTime), "on-time");
    EXPECT_EQ(to_string(ReportState::NotYetDue), "not-yet-due");
    EXPECT_EQ(label(ReportState::Late, Language::Vietnamese), "trễ hạn");
    EXPECT_EQ(label(ReportState::OnTime, Language::Vietnamese), "đúng hạn");
    EXPECT_EQ(label(ReportState::Missing, Language::English), "missing");
    EXPECT_EQ(label(ReportState::NotYetDue, Language::Vietnamese), "chưa đến hạn");
}

// ---- upcoming --------------------------------------------------------------------------------

TEST(CalendarUpcoming, SoonestFirst) {
    const ReportingCalendar cal(plan());
    const auto next = cal.upcoming(ymd(2026, 3, 20), 5);
    ASSERT_EQ(next.size(), 5U);
    EXPECT_TRUE(next[0].consolidated);  // March's consolidated report, due 24/03
    EXPECT_EQ(next[0].deadline, ymd(2026, 3, 24));
    const auto april = cal.obligations(Period::month(2026, 4));
    for (std::size_t i = 1; i < 5; ++i) {
        EXPECT_EQ(next[i], april[i - 1]);
        EXPECT_EQ(next[i].deadline, ymd(2026, 4, 19));
    }
    const auto many = cal.upcoming(ymd(2026, 1, 1), 100000);
    EXPECT_EQ(many.size(), 60U * 22U);  // 5 years x 12 months x (21 unit reports + 1)
    EXPECT_TRUE(std::is_sorted(
        many.begin(), many.end(),
        [](const Obligation& a, const Obligation& b) { return a.deadline < b.deadline; }));
}

TEST(CalendarUpcoming, FromTheDeadlineDayAndToThePlanEnd) {
    const ReportingCalendar cal(plan());
    EXPECT_EQ(cal.upcoming(ymd(2026, 3, 19), 1).at(0).deadline, ymd(2026, 3, 19));
    EXPECT_EQ(cal.upcoming(ymd(2025, 6, 1), 1).at(0).period, Period::month(2026, 1));
    const auto last = cal.upcoming(ymd(2030, 12, 20), 10);
    ASSERT_EQ(last.size(), 1U);
    EXPECT_TRUE(last[0].consolidated);
    EXPECT_TRUE(cal.upcoming(ymd(2030, 12, 25), 10).empty());
    EXPECT_TRUE(cal.upcoming(ymd(2026, 3, 1), 0).empty());
}

TEST(CalendarUpcoming, AShiftedDeadlineStillComesUp) {
    // Under Later, September's 19/09 (thứ Bảy) moves to 21/09: from the 20th it is still ahead.
    const ReportingCalendar cal(plan(), DeadlineShift::Later);
    const auto next = cal.upcoming(ymd(2026, 9, 20), 1);
    ASSERT_EQ(next.size(), 1U);
    EXPECT_EQ(next[0].period, Period::month(2026, 9));
    EXPECT_EQ(next[0].deadline, ymd(2026, 9, 21));
}

// ---- obligations of the built-in plan --------------------------------------------------------

TEST(CalendarObligations, WhoReportsWhatInTheBuiltInPlan) {
    const ReportingCalendar cal(plan());
    using V = std::vector<std::string>;
    EXPECT_EQ(cal.indicators_reported_by("VHXH"),
              (V{"I.06", "II.01", "II.02", "II.03", "II.04", "II.05", "II.06", "II.07", "II.08",
                 "II.12", "II.13"}));
    EXPECT_EQ(cal.indicators_reported_by("CAX"), (V{"I.06", "II.11"}));
    EXPECT_EQ(cal.indicators_reported_by("PKT"), (V{"II.09", "II.10"}));
    EXPECT_EQ(cal.indicators_reported_by("TTPVHCC"), (V{"I.03", "I.04", "I.05", "II.03"}));
    // "Các cơ quan, đơn vị; các ngành xã" leads I.01 and I.02 as a group: one report each.
    EXPECT_EQ(cal.indicators_reported_by("ALL"), (V{"I.01", "I.02"}));
    EXPECT_TRUE(cal.indicators_reported_by("TYT").empty());
    // Not reporting units: the committee, hamlets, volunteer teams, provincial bodies.
    for (const char* unit : {"UBND", "AP", "TCNS", "SKHCN", "CAT", "DTNT"})
        EXPECT_TRUE(cal.indicators_reported_by(unit).empty()) << unit;
}

TEST(CalendarObligations, AnyMemberFulfilsAGroupDuty) {
    const ReportingCalendar cal(plan());
    const Period may = Period::month(2026, 5);
    ObservationLog log;
    Observation by_member;
    by_member.indicator = "I.01";
    by_member.period = may;
    by_member.value.value = 0.8;
    by_member.unit = "TYT";  // Trạm Y tế, a member of ALL
    by_member.submitted = ymd(2026, 5, 15);
    log.add(by_member);
    Observation by_outsider = by_member;
    by_outsider.indicator = "I.02";
    by_outsider.unit = "AP";  // các ấp: not a member of ALL
    log.add(by_outsider);
    const auto s = cal.status(may, log, ymd(2026, 5, 31));
    const auto state = [&](const std::string& indicator) {
        for (const auto& r : s)
            if (r.obligation.unit == "ALL" && r.obligation.indicator == indicator) return r.state;
        ADD_FAILURE() << "no duty of ALL for " << indicator;
        return ReportState::NotYetDue;
    };
    EXPECT_EQ(state("I.01"), ReportState::OnTime);
    EXPECT_EQ(state("I.02"), ReportState::Missing);
}

TEST(CalendarObligations, SectionThreeRatesHaveNoReporter) {
    const ReportingCalendar cal(plan());
    const auto all = cal.obligations(Period::month(2026, 3));
    for (const Obligation& ob : all) EXPECT_NE(ob.indicator.rfind("III.", 0), 0U) << ob.indicator;
    const auto has = [&](const std::string& indicator) {
        return std::any_of(all.begin(), all.end(),
                           [&](const Obligation& ob) { return ob.indicator == indicator; });
    };
    EXPECT_FALSE(has("III.3.b.01"));  // Tỷ lệ giao dịch không dùng tiền mặt: nobody reports it
    EXPECT_TRUE(has("II.12"));
}

TEST(CalendarObligations, OrderOfAMonthsObligations) {
    const ReportingCalendar cal(plan());
    const Period march = Period::month(2026, 3);
    const auto all = cal.obligations(march);
    ASSERT_EQ(all.size(), 22U);  // VHXH 11, PKT 2, TTPVHCC 4, CAX 2, group ALL 2, consolidated
    // Units in the plan's order (VHXH before PKT), each unit's indicators in plan order, then the
    // groups that lead.
    const DateRange window{ymd(2026, 2, 15), ymd(2026, 3, 14)};
    EXPECT_EQ(all[0], (Obligation{"VHXH", "I.06", march, ymd(2026, 3, 19), false, window}));
    EXPECT_EQ(all[1].indicator, "II.01");
    EXPECT_EQ(all[11], (Obligation{"PKT", "II.09", march, ymd(2026, 3, 19), false, window}));
    EXPECT_EQ(all[19], (Obligation{"ALL", "I.01", march, ymd(2026, 3, 19), false, window}));
    EXPECT_EQ(all[20], (Obligation{"ALL", "I.02", march, ymd(2026, 3, 19), false, window}));
    EXPECT_EQ(all.back(), (Obligation{"VHXH", "", march, ymd(2026, 3, 24), true, window}));
    // Outside the plan's years there is nothing to report.
    EXPECT_TRUE(cal.obligations(Period::month(2025, 12)).empty());
    EXPECT_TRUE(cal.obligations(Period::month(2031, 1)).empty());
}

TEST(CalendarObligations, UnknownLeadIsKeptAsItIsWritten) {
    Plan p = plan();
    p.indicators.at(0).assignments = {{"BAN-CDS", Role::Lead, ""}};  // not a unit of the plan
    const ReportingCalendar cal(p);
    EXPECT_EQ(cal.indicators_reported_by("BAN-CDS"), (std::vector<std::string>{"I.01"}));
    const auto all = cal.obligations(Period::month(2026, 3));
    ASSERT_EQ(all.size(), 22U);             // I.01 now reported by BAN-CDS instead of the group
    EXPECT_EQ(all.at(19).unit, "ALL");      // the group still reports I.02
    EXPECT_EQ(all.at(20).unit, "BAN-CDS");  // after the units and groups the plan lists
    EXPECT_TRUE(all.at(21).consolidated);
}
