// Target trajectories: linear, step and S-shaped paths between a baseline and the milestones,
// and the paths the built-in Đại Phước plan implies for its indicators.
#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "dtiplan/error.hpp"
#include "dtiplan/io/builtin.hpp"
#include "dtiplan/project/trajectory.hpp"

using namespace dtiplan;

namespace {

Date day(int y, int m, int d) {
    return Date(static_cast<unsigned short>(y), static_cast<unsigned short>(m),
                static_cast<unsigned short>(d));
}

/// 0.2 on 1 Jan 2026 to 0.6 on 1 Jan 2027 (365 days) to 1.0 on 1 Jan 2029.
std::vector<TrajectoryPoint> three_points() {
    return {{day(2026, 1, 1), 0.2}, {day(2027, 1, 1), 0.6}, {day(2029, 1, 1), 1.0}};
}

}  // namespace

TEST(TrajectoryShapeNames, SpellingsRoundTrip) {
    for (const TrajectoryShape s :
         {TrajectoryShape::Linear, TrajectoryShape::Step, TrajectoryShape::SCurve})
        EXPECT_EQ(trajectory_shape_from_string(to_string(s)), s);
    EXPECT_EQ(to_string(TrajectoryShape::SCurve), "s-curve");
    EXPECT_FALSE(trajectory_shape_from_string("chữ S").has_value());
}

TEST(TrajectoryLinear, InterpolatesByDays) {
    const Trajectory path(three_points());
    EXPECT_DOUBLE_EQ(path.expected(day(2026, 1, 1)), 0.2);
    // 2026-07-02 is day 182 of 365.
    EXPECT_NEAR(path.expected(day(2026, 7, 2)), 0.2 + 0.4 * 182.0 / 365.0, 1e-15);
    EXPECT_DOUBLE_EQ(path.expected(day(2027, 1, 1)), 0.6);
    EXPECT_NEAR(path.expected(day(2028, 1, 1)), 0.6 + 0.4 * 365.0 / 731.0, 1e-15);
    EXPECT_DOUBLE_EQ(path.expected(day(2029, 1, 1)), 1.0);
}

TEST(TrajectoryLinear, HoldsTheEndsOutsideThePath) {
    const Trajectory path(three_points());
    EXPECT_DOUBLE_EQ(path.expected(day(2025, 6, 1)), 0.2);
    EXPECT_DOUBLE_EQ(path.expected(day(2031, 6, 1)), 1.0);
}

TEST(TrajectoryStep, KeepsThePreviousValueUntilTheMilestoneDate) {
    const Trajectory path(three_points(), TrajectoryShape::Step);
    EXPECT_DOUBLE_EQ(path.expected(day(2026, 12, 31)), 0.2);
    EXPECT_DOUBLE_EQ(path.expected(day(2027, 1, 1)), 0.6);
    EXPECT_DOUBLE_EQ(path.expected(day(2028, 12, 31)), 0.6);
    EXPECT_DOUBLE_EQ(path.expected(day(2029, 1, 1)), 1.0);
}

TEST(TrajectorySCurve, IsSmoothstepBetweenPoints) {
    // 0 to 1 over 100 days: s = 0.25 -> 3s² - 2s³ = 0.15625; s = 0.5 -> 0.5; s = 0.75 ->
    // 0.84375. Slow start and end, the linear path's value at the middle.
    const Trajectory path({{day(2026, 1, 1), 0.0}, {day(2026, 4, 11), 1.0}},
                          TrajectoryShape::SCurve);
    EXPECT_NEAR(path.expected(day(2026, 1, 26)), 0.15625, 1e-15);
    EXPECT_NEAR(path.expected(day(2026, 2, 20)), 0.5, 1e-15);
    EXPECT_NEAR(path.expected(day(2026, 3, 17)), 0.84375, 1e-15);
    const Trajectory linear({{day(2026, 1, 1), 0.0}, {day(2026, 4, 11), 1.0}});
    EXPECT_LT(path.expected(day(2026, 1, 26)), linear.expected(day(2026, 1, 26)));
    EXPECT_GT(path.expected(day(2026, 3, 17)), linear.expected(day(2026, 3, 17)));
}

TEST(TrajectoryGap, IsExpectedMinusValue) {
    const Trajectory path(three_points());
    EXPECT_NEAR(path.gap(day(2027, 1, 1), 0.5), 0.1, 1e-15);   // behind
    EXPECT_NEAR(path.gap(day(2027, 1, 1), 0.7), -0.1, 1e-15);  // ahead
}

TEST(TrajectoryConstruction, RejectsTooFewOrUnsortedPoints) {
    EXPECT_THROW(Trajectory({{day(2026, 1, 1), 0.2}}), ValidationError);
    EXPECT_THROW(Trajectory({{day(2027, 1, 1), 0.2}, {day(2026, 1, 1), 0.5}}), ValidationError);
    EXPECT_THROW(Trajectory({{day(2026, 1, 1), 0.2}, {day(2026, 1, 1), 0.5}}), ValidationError);
    EXPECT_THROW(Trajectory({{day(2026, 1, 1), 0.2}, {day(2027, 1, 1), std::nan("")}}),
                 ValidationError);
}

TEST(TrajectoryOfPlan, RunsThroughTheMilestoneTargets) {
    const Plan plan = builtin_plan();
    // I.03 "Trên 80%" in 2026 (0.8), "100%" in 2030.
    const Indicator* i03 = plan.find_indicator("I.03");
    ASSERT_NE(i03, nullptr);
    const Trajectory path = target_trajectory(plan, *i03, {day(2026, 1, 1), 0.5});
    ASSERT_EQ(path.points().size(), 3U);
    EXPECT_EQ(path.points()[1], (TrajectoryPoint{day(2026, 12, 31), 0.8}));
    EXPECT_EQ(path.points()[2], (TrajectoryPoint{day(2030, 12, 31), 1.0}));
    EXPECT_EQ(path.shape(), TrajectoryShape::Linear);
    EXPECT_DOUBLE_EQ(path.expected(day(2026, 12, 31)), 0.8);

    // II.02 "Ứng dụng 9/9 nền tảng" reads as a fraction: 9/9 = 1.
    const Indicator* ii02 = plan.find_indicator("II.02");
    ASSERT_NE(ii02, nullptr);
    const Trajectory platforms =
        target_trajectory(plan, *ii02, {day(2026, 1, 1), 5.0 / 9.0}, TrajectoryShape::Step);
    EXPECT_DOUBLE_EQ(platforms.points()[1].value, 1.0);

    // A section III rate with a 2026 target only.
    const Indicator* a01 = plan.find_indicator("III.3.a.01");
    ASSERT_NE(a01, nullptr);
    const Trajectory rate = target_trajectory(plan, *a01, {day(2026, 1, 1), 0.6});
    ASSERT_EQ(rate.points().size(), 2U);
    EXPECT_DOUBLE_EQ(rate.points()[1].value, 0.9);

    // A baseline after 2026 starts the path at the 2030 target.
    const Trajectory later = target_trajectory(plan, *i03, {day(2027, 3, 1), 0.85});
    ASSERT_EQ(later.points().size(), 2U);
    EXPECT_EQ(later.points()[1].date, day(2030, 12, 31));

    // No target after the baseline: nothing to draw.
    EXPECT_THROW((void)target_trajectory(plan, *a01, {day(2027, 1, 1), 0.6}), ValidationError);
}

TEST(TrajectoryOfPlan, SkipsAMilestoneWithoutItsOwnTarget) {
    // An indicator with a 2030 target only: the path runs straight from the baseline to 2030
    // (the 2030 target is "in force" in 2026 but is not due then).
    Plan plan;
    plan.milestones = {2026, 2030};
    Indicator ind;
    ind.id = "X.01";
    ind.name = "Tỷ lệ hộ gia đình có địa chỉ số";
    Target t;
    t.year = 2030;
    t.text = "100%";
    t.parsed.value = 1.0;
    ind.targets.push_back(t);
    plan.indicators.push_back(ind);
    const Trajectory path = target_trajectory(plan, plan.indicators[0], {day(2026, 1, 1), 0.2});
    ASSERT_EQ(path.points().size(), 2U);
    EXPECT_EQ(path.points()[1], (TrajectoryPoint{day(2030, 12, 31), 1.0}));
}
