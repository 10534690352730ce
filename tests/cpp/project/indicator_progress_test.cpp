// The evaluation date a projection aims at by default, and one plan indicator's progress toward
// its target from its own observations (the "status" column of `dtiplan project`).
#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "dtiplan/dtiplan.hpp"

using namespace dtiplan;

namespace {

Observation obs(int month, double value) {
    Observation o;
    o.indicator = "I.03";
    o.period = Period::month(2026, month);
    o.value.value = value;
    o.unit = "TTPVHCC";
    o.submitted = Date(2026, static_cast<unsigned short>(month + 1), 15);
    return o;
}

}  // namespace

TEST(DefaultEvaluation, IsTheEndOfTheFirstMilestoneNotPassed) {
    const Plan plan = builtin_plan();  // milestones 2026 and 2030
    EXPECT_EQ(default_evaluation(plan, Date(2026, 3, 25)), Date(2026, 12, 31));
    EXPECT_EQ(default_evaluation(plan, Date(2026, 12, 31)), Date(2026, 12, 31));
    EXPECT_EQ(default_evaluation(plan, Date(2027, 1, 1)), Date(2030, 12, 31));
    EXPECT_EQ(default_evaluation(plan, Date(2031, 6, 1)), Date(2031, 12, 31));  // all passed
    EXPECT_THROW((void)default_evaluation(plan, Date()), ValidationError);
}

TEST(IndicatorProgress, JudgesTheSeriesAgainstTheTargetInForce) {
    const Plan plan = builtin_plan();
    const Indicator& i03 = *plan.find_indicator("I.03");  // "Trên 80%" in 2026
    ObservationLog log;
    const ProgressResult none = indicator_progress(plan, log, i03, Date(2026, 3, 25), 2026);
    EXPECT_EQ(none.category, ProgressCategory::InsufficientData);
    EXPECT_EQ(none.explanation, "no value of I.03 known on 2026-03-25");

    log.add(obs(1, 0.50));
    const ProgressResult one = indicator_progress(plan, log, i03, Date(2026, 3, 25), 2026);
    EXPECT_EQ(one.category, ProgressCategory::InsufficientData);  // one value: no growth rate

    log.add(obs(2, 0.55));
    log.add(obs(3, 0.60));
    const Date as_of(2026, 4, 30);
    const ProgressResult r = indicator_progress(plan, log, i03, as_of, 2026, ProgressMethod::Unsd);
    EXPECT_EQ(r.method, ProgressMethod::Unsd);

    // The same as progress_status on the series, due 31 December of the target's year.
    const Series s = series_from_log(log, "I.03", as_of);
    ProgressInput in;
    in.base_time = s.times().front();
    in.base_value = 0.50;
    in.current_time = s.times().back();
    in.current_value = 0.60;
    in.target_time = decimal_year(Date(2026, 12, 31));
    in.target_value = 0.8;
    in.strict = true;  // "Trên": above
    const ProgressResult expected = progress_status(in, ProgressMethod::Unsd);
    EXPECT_EQ(r.category, expected.category);
    EXPECT_EQ(r.ratio, expected.ratio);
    EXPECT_EQ(r.explanation, expected.explanation);

    // The 2030 target ("100%") when asked for 2027.
    const ProgressResult later = indicator_progress(plan, log, i03, as_of, 2027);
    in.target_time = decimal_year(Date(2030, 12, 31));
    in.target_value = 1.0;
    in.strict = false;
    EXPECT_EQ(later.ratio, progress_status(in).ratio);
}
