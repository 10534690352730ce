// What total a count is out of (Indicator::count_total): one rule read by attainment, the
// projection's upper bound, the check of observations and the improvement planner. The
// indicator here counts the commune's shared platforms: 9 in 2026, 12 by 2030.
#include <gtest/gtest.h>

#include <limits>
#include <optional>
#include <stdexcept>
#include <string>

#include "dtiplan/error.hpp"
#include "dtiplan/io/builtin.hpp"
#include "dtiplan/model/target_phrase.hpp"
#include "dtiplan/score/attainment.hpp"
#include "dtiplan/track/observation.hpp"

using namespace dtiplan;

namespace {

Target count_target(int year, const std::string& text) {
    Target t;
    t.year = year;
    t.text = text;
    t.parsed = parse_target_phrase(text);
    return t;
}

/// II.02 of the built-in plan with its total growing from 9 (2026) to 12 (2030).
Plan growing_plan() {
    Plan plan = builtin_plan();
    for (auto& ind : plan.indicators)
        if (ind.id == "II.02")
            ind.targets = {count_target(2026, "Ứng dụng 9/9 nền tảng"),
                           count_target(2030, "Ứng dụng 12/12 nền tảng")};
    return plan;
}

const Indicator& ii02(const Plan& plan) {
    for (const auto& ind : plan.indicators)
        if (ind.id == "II.02") return ind;
    throw std::logic_error("no II.02");
}

}  // namespace

TEST(IndicatorCountTotal, TheTotalInForceIsTheNextMilestonesElseTheLastOne) {
    const Plan plan = growing_plan();
    const Indicator& ind = ii02(plan);
    EXPECT_EQ(ind.count_total(2025), 9.0);
    EXPECT_EQ(ind.count_total(2026), 9.0);
    EXPECT_EQ(ind.count_total(2027), 12.0);  // on the way to 2030's milestone
    EXPECT_EQ(ind.count_total(2030), 12.0);
    EXPECT_EQ(ind.count_total(2031), 12.0);  // after the plan: the last total
    Indicator rate = ind;
    rate.targets = {count_target(2026, "Trên 80%")};
    EXPECT_EQ(rate.count_total(2026), std::nullopt);
}

TEST(IndicatorCountTotal, AChangeOfKindKeepsTheCountsTotal) {
    // The built-in II.02: "9/9 nền tảng" in 2026, "100%" in 2030: counted out of 9 in 2030 too.
    const Plan plan = builtin_plan();
    EXPECT_EQ(ii02(plan).count_total(2030), 9.0);
}

TEST(IndicatorCountTotal, AttainmentAndObservationsReadTheSameTotal) {
    const Plan plan = growing_plan();
    const Indicator& ind = ii02(plan);
    ObservedValue six;
    six.value = 6;
    // As a fraction of the target of each year.
    EXPECT_DOUBLE_EQ(as_fraction(six, ind, ind.targets_for(2026).front()), 6.0 / 9.0);
    EXPECT_DOUBLE_EQ(as_fraction(six, ind, ind.targets_for(2030).front()), 6.0 / 12.0);
    // An observation's own total wins.
    ObservedValue six_of_ten = six;
    six_of_ten.denominator = 10;
    EXPECT_DOUBLE_EQ(as_fraction(six_of_ten, ind, ind.targets_for(2030).front()), 0.6);

    // 11 platforms in 2027 are within 2030's 12; 10 in 2026 are above 2026's 9.
    Observation o;
    o.indicator = "II.02";
    o.period = Period::month(2027, 3);
    o.value.value = 11;
    o.submitted = Date(2027, 4, 1);
    EXPECT_NO_THROW(validate_observation(plan, o, "observations.csv: row 2"));
    o.period = Period::month(2026, 3);
    o.value.value = 10;
    o.submitted = Date(2026, 4, 1);
    try {
        validate_observation(plan, o, "observations.csv: row 3");
        ADD_FAILURE() << "10 of 9 platforms accepted";
    } catch (const ValidationError& e) {
        EXPECT_NE(std::string(e.what()).find("above its total 9"), std::string::npos) << e.what();
    }
}
