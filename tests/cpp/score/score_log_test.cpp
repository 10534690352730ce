// The points on a date from an observation log: the values in force on that date (later
// submissions ignored), counts over their totals, values clamped to 0..1, and the score through
// the framework with the targets in force that year, the same the units' board uses.
#include <gtest/gtest.h>

#include <string>

#include "dtiplan/dtiplan.hpp"

using namespace dtiplan;

namespace {

Observation obs(std::string indicator, int month, double value, Date submitted,
                std::optional<double> numerator = std::nullopt,
                std::optional<double> denominator = std::nullopt) {
    Observation o;
    o.indicator = std::move(indicator);
    o.period = Period::month(2026, month);
    o.value = ObservedValue{value, numerator, denominator};
    o.unit = "TTPVHCC";
    o.submitted = submitted;
    o.note = "Báo cáo tháng " + std::to_string(month) + "/2026";
    return o;
}

}  // namespace

TEST(ScoreLog, IndicatorValuesAreTheValuesInForceAsFractions) {
    const Plan plan = builtin_plan();
    ObservationLog log;
    log.add(obs("I.03", 2, 0.62, Date(2026, 3, 18)));
    log.add(obs("I.03", 3, 0.71, Date(2026, 4, 17)));  // not yet known on 2026-03-25
    log.add(obs("II.02", 2, 6.0, Date(2026, 3, 19)));  // 6 of the 9 platforms ("9/9 nền tảng")
    log.add(obs("II.09", 2, 0.011, Date(2026, 3, 19)));  // 1,1% of the budget

    const IndicatorValues on_25_march = indicator_values(plan, log, Date(2026, 3, 25));
    EXPECT_EQ(on_25_march.size(), 3U);
    EXPECT_DOUBLE_EQ(on_25_march.at("I.03"), 0.62);
    EXPECT_DOUBLE_EQ(on_25_march.at("II.02"), 6.0 / 9.0);
    EXPECT_DOUBLE_EQ(on_25_march.at("II.09"), 0.011);
    EXPECT_DOUBLE_EQ(indicator_values(plan, log, Date(2026, 4, 30)).at("I.03"), 0.71);
    EXPECT_TRUE(indicator_values(plan, log, Date(2025, 12, 31)).empty());
    EXPECT_THROW((void)indicator_values(plan, log, Date()), ValidationError);
    // A rate above 100% is refused, not clamped (the log is validated where it is judged).
    log.add(obs("II.09", 3, 1.2, Date(2026, 4, 19)));
    EXPECT_THROW((void)indicator_values(plan, log, Date(2026, 4, 30)), ValidationError);
}

TEST(ScoreLog, ScoresTheValuesInForceWithThatYearsTargets) {
    const Plan plan = builtin_plan();
    const Framework f = builtin_framework();
    const ObservationLog log = example_observations(plan);
    const Date as_of(2026, 11, 28);
    ScoringContext context;
    context.plan = &plan;
    context.year = 2026;
    const ScoreCard card = score_log(f, plan, log, as_of);
    EXPECT_EQ(card, score(f, indicator_values(plan, log, as_of), context));
    EXPECT_GT(card.points, 0.0);
    EXPECT_LT(card.dti(), 1.0 - coverage(f, plan).untracked_points / f.max_points() + 1e-12);
    EXPECT_EQ(card.max_points, 1000.0);

    // A best value for a RelativeToBest component (KTS.01) changes only that component.
    const ScoreCard against_best = score_log(f, plan, log, as_of, {{"KTS.01", 1.0}});
    for (std::size_t i = 0; i < card.components.size(); ++i) {
        if (card.components[i].component != "KTS.01") {
            EXPECT_EQ(card.components[i], against_best.components[i]);
        }
    }

    // Before any submission, nothing scores.
    EXPECT_EQ(score_log(f, plan, log, Date(2025, 12, 31)).points, 0.0);
}
