// The units' ranking board on a small plan of three reporting units, every card computed by hand:
// indicators met, reports due and on time, points, the score and competition ranks with a tie.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "dtiplan/dtiplan.hpp"
#include "dtiplan/score/scorecard.hpp"
#include "dtiplan/track/calendar.hpp"

using namespace dtiplan;
using boost::gregorian::date;

namespace {

Target target_of(int year, const char* text) {
    Target t;
    t.year = year;
    t.text = text;
    t.parsed = parse_target_phrase(text);
    return t;
}

Indicator indicator(std::string id, MeasureKind kind, std::vector<Target> targets,
                    std::vector<Assignment> assignments) {
    Indicator ind;
    ind.id = std::move(id);
    ind.name = "Chỉ tiêu " + ind.id;
    ind.kind = kind;
    ind.targets = std::move(targets);
    ind.assignments = std::move(assignments);
    return ind;
}

/// Three reporting units (PKT listed first), the UBND (receives, reports nothing) and two
/// provincial bodies:
///  - TTPVHCC leads I.03 ("Trên 80%") and I.04 ("100%");
///  - VHXH leads I.06 ("Trên 70%") and tracks II.02 ("9/9 nền tảng", led by Sở KH&CN);
///  - PKT tracks II.09 ("Đạt trên 1%", led by Sở Tài chính).
Plan small_plan() {
    Plan p;
    p.id = "xa-thu-nghiem";
    p.title = "Kế hoạch thử nghiệm";
    p.start_year = 2026;
    p.end_year = 2030;
    p.milestones = {2026, 2030};
    p.reporting.consolidator = "VHXH";
    p.reporting.recipient = "UBND";
    p.units = {{"PKT", "Phòng Kinh tế", "Phòng Kinh tế", Level::Commune},
               {"VHXH", "Phòng Văn hóa - Xã hội", "Phòng VH-XH", Level::Commune},
               {"TTPVHCC", "Trung tâm Phục vụ hành chính công xã", "TT PVHCC", Level::Commune},
               {"UBND", "Ủy ban nhân dân xã", "UBND xã", Level::Commune},
               {"SKHCN", "Sở Khoa học và Công nghệ", "Sở KH&CN", Level::Upper},
               {"STC", "Sở Tài chính", "Sở Tài chính", Level::Upper}};
    p.indicators = {
        indicator("I.03", MeasureKind::Rate, {target_of(2026, "Trên 80%"), target_of(2030, "100%")},
                  {{"TTPVHCC", Role::Lead, ""}}),
        indicator("I.04", MeasureKind::Rate, {target_of(2026, "100%"), target_of(2030, "100%")},
                  {{"TTPVHCC", Role::Lead, ""}}),
        indicator("I.06", MeasureKind::Rate, {target_of(2026, "Trên 70%"), target_of(2030, "90%")},
                  {{"VHXH", Role::Lead, ""}}),
        indicator("II.02", MeasureKind::CountOfTotal,
                  {target_of(2026, "Ứng dụng 9/9 nền tảng"), target_of(2030, "100%")},
                  {{"SKHCN", Role::UpperLead, ""}, {"VHXH", Role::Tracking, ""}}),
        indicator("II.09", MeasureKind::Rate,
                  {target_of(2026, "Đạt trên 1%"), target_of(2030, "3%")},
                  {{"STC", Role::UpperLead, ""}, {"PKT", Role::Tracking, ""}}),
    };
    return p;
}

Component component(std::string id, double max, RuleKind kind, std::string indicator) {
    Component c;
    c.id = std::move(id);
    c.name = "Thành phần " + c.id;
    c.max_points = max;
    c.rule.kind = kind;
    c.indicators = {std::move(indicator)};
    return c;
}

Framework small_framework() {
    Framework f;
    f.id = "thu-nghiem";
    f.name = "Bộ chỉ số thử nghiệm";
    f.main_indicators = {
        {"TCS",
         "Thể chế số",
         "",
         Pillar::Institution,
         100,
         {component("TCS.01", 100, RuleKind::Target, "II.09")}},
        {"CQS",
         "Hoạt động chính quyền số",
         "",
         Pillar::Government,
         100,
         {component("CQS.01", 50, RuleKind::Proportional, "I.03"),
          component("CQS.02", 50, RuleKind::Proportional, "I.04")}},
        {"XHS",
         "Hoạt động xã hội số",
         "",
         Pillar::Society,
         100,
         {component("XHS.01", 60, RuleKind::Proportional, "I.06"),
          component("XHS.02", 40, RuleKind::Target, "II.02")}},
    };
    return f;
}

Observation obs(const char* indicator, int month, double value, date submitted, const char* unit,
                std::optional<double> denominator = std::nullopt) {
    Observation o;
    o.indicator = indicator;
    o.period = Period::month(2026, month);
    o.value.value = value;
    if (denominator) {
        o.value.numerator = value;
        o.value.denominator = denominator;
    }
    o.unit = unit;
    o.submitted = submitted;
    return o;
}

/// January to March 2026. Unit deadlines: 19 January, 19 February, 19 March.
ObservationLog first_quarter() {
    ObservationLog log;
    // TT PVHCC: I.03 on time in January and March, late in February; I.04 on time in January
    // and February, missing in March.
    log.add(obs("I.03", 1, 0.78, date(2026, 1, 15), "TTPVHCC"));
    log.add(obs("I.03", 2, 0.82, date(2026, 2, 22), "TTPVHCC"));
    log.add(obs("I.03", 3, 0.85, date(2026, 3, 18), "TTPVHCC"));
    log.add(obs("I.04", 1, 0.90, date(2026, 1, 10), "TTPVHCC"));
    log.add(obs("I.04", 2, 1.00, date(2026, 2, 18), "TTPVHCC"));
    // Phòng VH-XH: I.06 every month on time (in January on the deadline day itself); II.02
    // in January only, with no unit named.
    log.add(obs("I.06", 1, 0.72, date(2026, 1, 19), "VHXH"));
    log.add(obs("I.06", 2, 0.74, date(2026, 2, 19), "VHXH"));
    log.add(obs("I.06", 3, 0.75, date(2026, 3, 10), "VHXH"));
    log.add(obs("II.02", 1, 9, date(2026, 1, 5), "", 9.0));
    // Phòng Kinh tế: nothing.
    return log;
}

}  // namespace

TEST(ScorecardBoard, HandComputedCardsWithATie) {
    const Plan plan = small_plan();
    const ReportingCalendar calendar(plan);
    const auto cards =
        unit_scorecards(plan, small_framework(), first_quarter(), calendar, date(2026, 3, 25));
    ASSERT_EQ(cards.size(), 3U);  // the UBND and the provincial bodies report nothing

    // Phòng VH-XH: I.06 0.75 > 70% met, II.02 9/9 met: 2 of 2. Reports: I.06 × 3 on time,
    // II.02 January on time, February and March missing: 4 of 6.
    // score = 0.5 × 2/2 + 0.5 × 4/6 = 0.8333. Points: XHS.01 0.75 × 60 = 45, XHS.02 9/9 met
    // = 40: 85 of 100.
    UnitScorecard vhxh;
    vhxh.unit = "VHXH";
    vhxh.indicators = 2;
    vhxh.with_value = 2;
    vhxh.met = 2;
    vhxh.reports_due = 6;
    vhxh.reports_on_time = 4;
    vhxh.on_time_rate = 4.0 / 6.0;
    vhxh.points = 85.0;
    vhxh.max_points = 100.0;
    vhxh.score = 0.5 * 2.0 / 2.0 + 0.5 * (4.0 / 6.0);
    vhxh.rank = 1;

    // TT PVHCC: I.03 0.85 > 80% met, I.04 1.00 (February) met: 2 of 2. Reports: I.03 January
    // and March on time, February late; I.04 January and February on time, March missing:
    // 4 of 6. Same score as Phòng VH-XH: a tie at rank 1. Points: 0.85 × 50 + 1.0 × 50 = 92.5.
    UnitScorecard ttpvhcc = vhxh;
    ttpvhcc.unit = "TTPVHCC";
    ttpvhcc.points = 92.5;

    // Phòng Kinh tế: II.09 no value, 3 reports due, none in: score 0, rank 3 (not 2).
    UnitScorecard pkt;
    pkt.unit = "PKT";
    pkt.indicators = 1;
    pkt.reports_due = 3;
    pkt.max_points = 100.0;
    pkt.rank = 3;

    EXPECT_EQ(cards[0], vhxh);  // the tie keeps plan order: VHXH is listed before TTPVHCC
    EXPECT_EQ(cards[1], ttpvhcc);
    EXPECT_EQ(cards[2], pkt);
    EXPECT_NEAR(cards[0].score, 0.8333, 1e-4);
}

TEST(ScorecardBoard, ADeadlineOnTheDateIsNotYetDue) {
    // On 19 February, February's reports are due that very day: only January's count. Known
    // on that day: I.03 January 0.78 (February's came on the 22nd), not above 80%; I.04
    // February 1.00, met. TT PVHCC: 0.5 × 1/2 + 0.5 × 2/2 = 0.75; Phòng VH-XH: 1.0; Phòng Kinh
    // tế: II.09 January missing, 0.
    const Plan plan = small_plan();
    const ReportingCalendar calendar(plan);
    const auto cards =
        unit_scorecards(plan, small_framework(), first_quarter(), calendar, date(2026, 2, 19));
    ASSERT_EQ(cards.size(), 3U);
    EXPECT_EQ(cards[0].unit, "VHXH");
    EXPECT_EQ(cards[0].reports_due, 2);
    EXPECT_EQ(cards[0].reports_on_time, 2);
    EXPECT_DOUBLE_EQ(cards[0].score, 1.0);
    EXPECT_EQ(cards[0].rank, 1);
    EXPECT_EQ(cards[1].unit, "TTPVHCC");
    EXPECT_EQ(cards[1].met, 1);
    EXPECT_EQ(cards[1].reports_due, 2);
    EXPECT_EQ(cards[1].reports_on_time, 2);
    EXPECT_DOUBLE_EQ(cards[1].score, 0.75);
    EXPECT_EQ(cards[1].rank, 2);
    EXPECT_DOUBLE_EQ(cards[1].points, 0.78 * 50 + 50);
    EXPECT_EQ(cards[2].unit, "PKT");
    EXPECT_EQ(cards[2].reports_due, 1);
    EXPECT_DOUBLE_EQ(cards[2].score, 0.0);
    EXPECT_EQ(cards[2].rank, 3);
}

TEST(ScorecardBoard, BeforeThePlanStartsNothingIsDue) {
    const Plan plan = small_plan();
    const ReportingCalendar calendar(plan);
    const auto cards =
        unit_scorecards(plan, small_framework(), ObservationLog{}, calendar, date(2025, 12, 31));
    ASSERT_EQ(cards.size(), 3U);
    for (const auto& c : cards) {
        EXPECT_EQ(c.reports_due, 0);
        EXPECT_DOUBLE_EQ(c.on_time_rate, 0.0);
        EXPECT_DOUBLE_EQ(c.score, 0.0);
        EXPECT_EQ(c.rank, 1);  // all tie
    }
    EXPECT_EQ(cards[0].unit, "PKT");  // plan order
}

TEST(ScorecardBoard, BuiltInPlanHasACardForEveryReportingUnitAndGroup) {
    const Plan plan = builtin_plan();
    const ReportingCalendar calendar(plan);
    const auto cards =
        unit_scorecards(plan, builtin_framework(), ObservationLog{}, calendar, date(2026, 4, 1));
    ASSERT_FALSE(cards.empty());
    for (const auto& c : cards) {
        EXPECT_EQ(static_cast<std::size_t>(c.indicators),
                  calendar.indicators_reported_by(c.unit).size());
        EXPECT_GT(c.indicators, 0);
        EXPECT_EQ(c.reports_due, 3 * c.indicators) << c.unit;  // January to March
        EXPECT_EQ(c.reports_on_time, 0);
        EXPECT_EQ(c.rank, 1);
        if (const Unit* u = plan.find_unit(c.unit))
            EXPECT_EQ(u->level, Level::Commune) << c.unit;
        else
            EXPECT_NE(plan.find_group(c.unit), nullptr) << c.unit;
    }
}

TEST(ScorecardBoard, AGroupThatLeadsHasOneCardAndAnyMemberMayReport) {
    // I.01 and I.02 are led by "Các cơ quan, đơn vị; các ngành xã" (group ALL): one card, and a
    // report by one member (Văn phòng HĐND-UBND) fulfils the group's duty.
    const Plan plan = builtin_plan();
    const ReportingCalendar calendar(plan);
    ObservationLog log;
    Observation o;
    o.indicator = "I.01";
    o.period = Period::month(2026, 1);
    o.value.value = 1.0;
    o.unit = "VP";
    o.submitted = date(2026, 1, 12);
    log.add(o);
    const auto cards = unit_scorecards(plan, builtin_framework(), log, calendar, date(2026, 1, 31));
    const auto all = std::find_if(cards.begin(), cards.end(),
                                  [](const UnitScorecard& c) { return c.unit == "ALL"; });
    ASSERT_NE(all, cards.end());
    EXPECT_EQ(all->indicators, 2);
    EXPECT_EQ(all->reports_due, 2);
    EXPECT_EQ(all->reports_on_time, 1);
    EXPECT_EQ(all->with_value, 1);
    EXPECT_EQ(all->met, 1);  // "100% cơ quan, đơn vị ... có 02 công chức phụ trách"
    EXPECT_DOUBLE_EQ(all->score, 0.5 * 1.0 / 2.0 + 0.5 * 1.0 / 2.0);  // 1 of 2 met, 1 of 2 on time
    EXPECT_EQ(all->rank, 1);
    EXPECT_DOUBLE_EQ(all->max_points, 20.0 + 15.0);  // NLS.01 and NLS.02
    EXPECT_DOUBLE_EQ(all->points, 20.0);             // NLS.01 at 100%
}
