// Attainment of the built-in plan's targets: which target is in force when, strict and non-strict
// comparators, gaps, count targets, the II.12 conflict, and indicators with no value.
#include <gtest/gtest.h>

#include <string>

#include "dtiplan/dtiplan.hpp"
#include "dtiplan/score/attainment.hpp"
#include "dtiplan/track/observation.hpp"

using namespace dtiplan;
using boost::gregorian::date;

namespace {

Observation obs(std::string indicator, Period period, double value, date submitted,
                std::optional<double> denominator = std::nullopt) {
    Observation o;
    o.indicator = std::move(indicator);
    o.period = period;
    o.value.value = value;
    if (denominator) {
        o.value.numerator = value;
        o.value.denominator = denominator;
    }
    o.submitted = submitted;
    return o;
}

/// A copy of the row of an indicator (a copy, so that row(attainment(...), id) is safe).
Attainment row(const std::vector<Attainment>& rows, const std::string& id) {
    for (const auto& a : rows)
        if (a.indicator == id) return a;
    throw std::out_of_range("no row " + id);
}

}  // namespace

TEST(AttainmentTargetInForce, MilestoneOf2026Then2030) {
    const Plan plan = builtin_plan();
    const Indicator& i03 = *plan.find_indicator("I.03");
    bool conflict = true;
    const Target* t2026 = target_in_force(i03, plan, 2026, &conflict);
    ASSERT_NE(t2026, nullptr);
    EXPECT_EQ(t2026->text, "Trên 80%");
    EXPECT_EQ(t2026->parsed.comparator, Comparator::Above);
    EXPECT_FALSE(conflict);  // "Trên 80%" (appendix) and "đạt trên 80%" (III) agree
    const Target* t2027 = target_in_force(i03, plan, 2027, &conflict);
    ASSERT_NE(t2027, nullptr);
    EXPECT_EQ(t2027->year, 2030);
    EXPECT_EQ(t2027->text, "100%");
    EXPECT_FALSE(conflict);
    EXPECT_EQ(target_in_force(i03, plan, 2030), t2027);
    EXPECT_EQ(target_in_force(i03, plan, 2025), t2026);    // before the plan: the first milestone
    EXPECT_EQ(target_in_force(i03, plan, 2031), nullptr);  // after the last milestone
}

TEST(AttainmentTargetInForce, SectionThreeRatesHaveNoTargetAfter2026) {
    const Plan plan = builtin_plan();
    const Indicator& rate = *plan.find_indicator("III.1.01");
    ASSERT_NE(target_in_force(rate, plan, 2026), nullptr);
    EXPECT_EQ(target_in_force(rate, plan, 2027), nullptr);
}

TEST(AttainmentTargetInForce, FlagsTheConflictOfIi12) {
    // II.12: appendix "Trên 30% dân số trưởng thành có chữ ký số" vs section III.3.c "50%".
    const Plan plan = builtin_plan();
    const Indicator& ii12 = *plan.find_indicator("II.12");
    bool conflict = false;
    const Target* t = target_in_force(ii12, plan, 2026, &conflict);
    ASSERT_NE(t, nullptr);
    EXPECT_TRUE(conflict);
    EXPECT_DOUBLE_EQ(t->parsed.value, 0.3);  // the first stored: the appendix's
    EXPECT_EQ(t->source.section, "PL.II");
    (void)target_in_force(ii12, plan, 2030, &conflict);
    EXPECT_FALSE(conflict);  // both say 70% for 2030

    const auto rows = attainment(plan, ObservationLog{}, date(2026, 6, 30));
    EXPECT_TRUE(row(rows, "II.12").target_conflict);
    EXPECT_FALSE(row(rows, "I.03").target_conflict);
}

TEST(AttainmentAsFraction, CountsAreDividedByTheirTotal) {
    const Plan plan = builtin_plan();
    const Indicator& ii02 = *plan.find_indicator("II.02");  // "Ứng dụng 9/9 nền tảng" in 2026
    const Target* t2026 = target_in_force(ii02, plan, 2026);
    const Target* t2030 = target_in_force(ii02, plan, 2030);  // "100%", a rate
    EXPECT_DOUBLE_EQ(as_fraction({9, 9.0, 9.0}, ii02, t2026), 1.0);
    EXPECT_DOUBLE_EQ(as_fraction({6, std::nullopt, std::nullopt}, ii02, t2026), 6.0 / 9.0);
    EXPECT_DOUBLE_EQ(as_fraction({6, 6.0, 12.0}, ii02, t2026), 0.5);  // the observation's total
    EXPECT_DOUBLE_EQ(as_fraction({6, std::nullopt, std::nullopt}, ii02, t2030), 6.0 / 9.0);
    const Indicator& i03 = *plan.find_indicator("I.03");
    EXPECT_DOUBLE_EQ(as_fraction({0.85, 85.0, 100.0}, i03, target_in_force(i03, plan, 2026)), 0.85);
}

TEST(AttainmentOfPlan, StrictTargetIsNotMetAtItsValue) {
    const Plan plan = builtin_plan();
    ObservationLog log;
    log.add(obs("I.03", Period::month(2026, 3), 0.80, date(2026, 3, 18)));
    const auto rows = attainment(plan, log, date(2026, 3, 31));
    const Attainment& a = row(rows, "I.03");
    ASSERT_TRUE(a.target.has_value());
    EXPECT_EQ(a.target->text, "Trên 80%");
    EXPECT_DOUBLE_EQ(*a.value, 0.80);
    EXPECT_EQ(a.period, Period::month(2026, 3));
    EXPECT_FALSE(*a.met);  // "Trên 80%" needs more than 80%
    EXPECT_NEAR(*a.gap, 0.0, 1e-12);

    log.add(obs("I.03", Period::month(2026, 4), 0.81, date(2026, 4, 15)));
    const Attainment& b = row(attainment(plan, log, date(2026, 4, 30)), "I.03");
    EXPECT_TRUE(*b.met);
    EXPECT_NEAR(*b.gap, -0.01, 1e-12);
}

TEST(AttainmentOfPlan, NonStrictTargetIsMetAtItsValue) {
    const Plan plan = builtin_plan();
    ObservationLog log;
    log.add(obs("III.3.a.01", Period::month(2026, 5), 0.90, date(2026, 5, 19)));  // "đạt 90%"
    log.add(obs("I.04", Period::month(2026, 5), 0.95, date(2026, 5, 19)));        // "100%"
    const auto rows = attainment(plan, log, date(2026, 5, 31));
    EXPECT_TRUE(*row(rows, "III.3.a.01").met);
    EXPECT_NEAR(*row(rows, "III.3.a.01").gap, 0.0, 1e-12);
    EXPECT_FALSE(*row(rows, "I.04").met);
    EXPECT_NEAR(*row(rows, "I.04").gap, 0.05, 1e-12);  // 5 points short
}

TEST(AttainmentOfPlan, CountTargetNineOfNine) {
    const Plan plan = builtin_plan();
    ObservationLog log;
    log.add(obs("II.02", Period::month(2026, 6), 8, date(2026, 6, 10), 9.0));
    const Attainment& a = row(attainment(plan, log, date(2026, 6, 30)), "II.02");
    EXPECT_DOUBLE_EQ(*a.value, 8.0);  // in the indicator's scale: a count
    EXPECT_FALSE(*a.met);
    EXPECT_NEAR(*a.gap, 1.0 / 9.0, 1e-12);

    log.add(obs("II.02", Period::month(2026, 7), 9, date(2026, 7, 10), 9.0));
    const Attainment& b = row(attainment(plan, log, date(2026, 7, 31)), "II.02");
    EXPECT_TRUE(*b.met);
    EXPECT_NEAR(*b.gap, 0.0, 1e-12);
    // In 2027 the target in force is 2030's "100%": 9 of 9 still meets it.
    log.add(obs("II.02", Period::month(2027, 1), 9, date(2027, 1, 10)));
    const Attainment& c = row(attainment(plan, log, date(2027, 1, 31)), "II.02");
    EXPECT_EQ(c.target->text, "100%");
    EXPECT_TRUE(*c.met);
}

TEST(AttainmentOfPlan, NoValueMeansNoMetAndNoGap) {
    const Plan plan = builtin_plan();
    const auto rows = attainment(plan, ObservationLog{}, date(2026, 6, 30));
    ASSERT_EQ(rows.size(), plan.indicators.size());
    for (std::size_t i = 0; i < rows.size(); ++i) {
        EXPECT_EQ(rows[i].indicator, plan.indicators[i].id);  // plan order
        EXPECT_FALSE(rows[i].value.has_value());
        EXPECT_FALSE(rows[i].met.has_value());
        EXPECT_FALSE(rows[i].gap.has_value());
        EXPECT_TRUE(rows[i].target.has_value()) << rows[i].indicator;
    }
}

TEST(AttainmentOfPlan, NoTargetMeansNoMetButTheValueIsKept) {
    const Plan plan = builtin_plan();
    ObservationLog log;
    log.add(obs("III.1.01", Period::month(2027, 2), 1.0, date(2027, 2, 15)));
    const Attainment& a = row(attainment(plan, log, date(2027, 2, 28)), "III.1.01");
    EXPECT_FALSE(a.target.has_value());
    EXPECT_DOUBLE_EQ(*a.value, 1.0);
    EXPECT_FALSE(a.met.has_value());
    EXPECT_FALSE(a.gap.has_value());
}

TEST(AttainmentOfPlan, UsesWhatWasKnownOnTheDate) {
    const Plan plan = builtin_plan();
    ObservationLog log;
    log.add(obs("I.06", Period::month(2026, 3), 0.65, date(2026, 3, 19)));
    log.add(obs("I.06", Period::month(2026, 4), 0.75, date(2026, 4, 19)));
    const Attainment& march = row(attainment(plan, log, date(2026, 4, 18)), "I.06");
    EXPECT_DOUBLE_EQ(*march.value, 0.65);  // April's figure was not in yet
    EXPECT_FALSE(*march.met);              // "Trên 70%"
    const Attainment& april = row(attainment(plan, log, date(2026, 4, 19)), "I.06");
    EXPECT_DOUBLE_EQ(*april.value, 0.75);
    EXPECT_TRUE(*april.met);
}
