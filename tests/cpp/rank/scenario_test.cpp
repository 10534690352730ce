// What-if scenarios: an indicator given a value is projected at that value (not smoothed by its
// trend), a component given a score scores it, a change that raises the own score never lowers
// P(top 10) with the same seed, the settings people write are read (Vietnamese numbers, có/không)
// and refused with the setting named, and the comparison keeps the illustrative label.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "dtiplan/dtiplan.hpp"

using namespace dtiplan;

namespace {

const Date kAsOf(2026, 11, 20);
const Date kEvaluation(2026, 12, 31);

struct Inputs {
    Plan plan = builtin_plan();
    Framework framework = builtin_framework();
    ObservationLog log = example_observations(plan);
};

const Inputs& inputs() {
    static const Inputs in;
    return in;
}

OutlookOptions small_options() {
    OutlookOptions o;
    o.as_of = kAsOf;
    o.evaluation = kEvaluation;
    o.projection.draws = 1000;
    return o;
}

const IndicatorProjection& find(const DtiProjection& p, const std::string& id) {
    const auto it = std::find_if(p.indicators.begin(), p.indicators.end(),
                                 [&](const IndicatorProjection& i) { return i.indicator == id; });
    EXPECT_NE(it, p.indicators.end()) << id;
    return *it;
}

/// The error message of parse_scenario on these settings ("" when it does not throw).
std::string parse_error(const std::vector<std::string>& settings) {
    try {
        (void)parse_scenario(inputs().plan, inputs().framework, settings);
    } catch (const ValidationError& e) {
        return e.what();
    }
    return "";
}

}  // namespace

TEST(Scenario, SettingsAreReadAsPeopleWriteThem) {
    const Scenario s = parse_scenario(inputs().plan, inputs().framework,
                                      {"I.03=90%", "II.03=có", "I.01=0,95", "CQS.04=80%",
                                       "growth-mean=0,03", "shock-sd=0", "untracked=zero"});
    EXPECT_EQ(s.name,
              "I.03=90%, II.03=có, I.01=0,95, CQS.04=80%, growth-mean=0,03, shock-sd=0, "
              "untracked=zero");
    EXPECT_DOUBLE_EQ(s.indicators.at("I.03"), 0.90);
    EXPECT_EQ(s.indicators.at("II.03"), 1.0);
    EXPECT_DOUBLE_EQ(s.indicators.at("I.01"), 0.95);
    EXPECT_DOUBLE_EQ(s.components.at("CQS.04"), 0.80);
    EXPECT_DOUBLE_EQ(*s.growth_mean, 0.03);
    EXPECT_EQ(*s.shock_sd, 0.0);
    EXPECT_FALSE(s.growth_sd.has_value());
    EXPECT_EQ(s.untracked->basis, UntrackedBasis::Zero);
    EXPECT_EQ(
        parse_scenario(inputs().plan, inputs().framework, {"II.03=không"}).indicators.at("II.03"),
        0.0);
    EXPECT_TRUE(parse_scenario(inputs().plan, inputs().framework, {}).empty());
}

TEST(Scenario, BadSettingsNameTheSettingAndSayWhatIsExpected) {
    EXPECT_NE(parse_error({"I.03"}).find("I.03: expected KEY=VALUE"), std::string::npos);
    const std::string rate = parse_error({"I.03=90"});
    EXPECT_NE(rate.find("I.03=90: I.03 is a rate"), std::string::npos) << rate;
    EXPECT_NE(rate.find("write 90%"), std::string::npos) << rate;
    EXPECT_NE(parse_error({"I.03=chín mươi"}).find("cannot read \"chín mươi\""), std::string::npos);
    const std::string yes_no = parse_error({"II.03=có lẽ"});
    EXPECT_NE(yes_no.find("II.03=có lẽ: II.03 is yes/no: expected có/không"), std::string::npos)
        << yes_no;
    const std::string unknown = parse_error({"I.3=90%"});
    EXPECT_NE(unknown.find("I.3=90%: no indicator of the plan"), std::string::npos) << unknown;
    EXPECT_NE(unknown.find("growth-mean"), std::string::npos);
    EXPECT_NE(parse_error({"I.03=90%", "I.03=80%"}).find("I.03 is set twice"), std::string::npos);
    EXPECT_NE(parse_error({"growth-sd=-0,01"}).find("growth-sd=-0,01: expected a spread >= 0"),
              std::string::npos);
    EXPECT_NE(parse_error({"CQS.04=1,5"}).find("CQS.04=1,5: a component's score"),
              std::string::npos);
}

TEST(Scenario, AnIndicatorGivenAValueIsProjectedAtThatValue) {
    const Scenario s = parse_scenario(inputs().plan, inputs().framework, {"I.03=90%"});
    const ScenarioComparison c =
        compare_scenarios(inputs().plan, inputs().framework, inputs().log, {s}, small_options());
    ASSERT_EQ(c.outlooks.size(), 2U);
    const IndicatorProjection& base = find(c.outlooks[0].projection, "I.03");
    const IndicatorProjection& what_if = find(c.outlooks[1].projection, "I.03");
    ASSERT_TRUE(base.forecast.has_value());
    EXPECT_LT(base.forecast->mean, 0.90);  // the trend alone does not reach 90%
    ASSERT_TRUE(what_if.forecast.has_value());
    EXPECT_DOUBLE_EQ(what_if.forecast->mean, 0.90);
    EXPECT_DOUBLE_EQ(what_if.forecast->lower, 0.90);
    EXPECT_DOUBLE_EQ(what_if.forecast->upper, 0.90);
    EXPECT_DOUBLE_EQ(*what_if.fraction, 0.90);
    EXPECT_NE(what_if.fit.reason.find("given as 0.9"), std::string::npos);
    // The other indicators are projected as in the baseline.
    for (std::size_t k = 0; k < c.outlooks[0].projection.indicators.size(); ++k) {
        const IndicatorProjection& b = c.outlooks[0].projection.indicators[k];
        const IndicatorProjection& w = c.outlooks[1].projection.indicators[k];
        if (b.indicator == "I.03") continue;
        ASSERT_EQ(b.forecast.has_value(), w.forecast.has_value()) << b.indicator;
        if (b.forecast) {
            EXPECT_EQ(b.forecast->mean, w.forecast->mean) << b.indicator;
        }
    }
    // "Trên 80%" met on every draw: the own score is at least the baseline's on every draw.
    const auto& b = c.outlooks[0].own.samples;
    const auto& w = c.outlooks[1].own.samples;
    ASSERT_EQ(b.size(), w.size());
    for (std::size_t i = 0; i < b.size(); ++i) ASSERT_GE(w[i], b[i] - 1e-12) << i;
    EXPECT_GE(c.figures[1].prob_top, c.figures[0].prob_top);
    EXPECT_GE(c.figures[1].projected_dti, c.figures[0].projected_dti);
    EXPECT_TRUE(c.figures[0].baseline);
    EXPECT_EQ(c.figures[0].name, "baseline");
    EXPECT_EQ(c.figures[1].name, "I.03=90%");
}

TEST(Scenario, AComponentGivenItsFullPointsRaisesPTopAndTheTrackedAndUntrackedBothCount) {
    const Coverage cov = coverage(inputs().framework, inputs().plan);
    ASSERT_FALSE(cov.untracked_components.empty());
    const std::string untracked = cov.untracked_components.front().component;
    Scenario tracked;
    tracked.name = "CQS.04 đủ điểm";
    tracked.components["CQS.04"] = 1.0;
    Scenario other;
    other.name = untracked + " đủ điểm";
    other.components[untracked] = 1.0;
    const ScenarioComparison c = compare_scenarios(inputs().plan, inputs().framework, inputs().log,
                                                   {tracked, other}, small_options());
    const double max_points = inputs().framework.max_points();
    // Tracked: scored in the projection's every draw.
    EXPECT_GE(c.figures[1].prob_top, c.figures[0].prob_top);
    EXPECT_GT(c.outlooks[1].tracked_dti, c.outlooks[0].tracked_dti);
    // Untracked: the fill holds it at its full points instead of the peers' median.
    const double points = cov.untracked_components.front().points;
    const double median =
        c.outlooks[0].fill.fraction_by_main.at(cov.untracked_components.front().main);
    EXPECT_NEAR(c.outlooks[2].fill.points - c.outlooks[0].fill.points, (1.0 - median) * points,
                1e-9);
    EXPECT_NEAR(c.figures[2].projected_dti - c.figures[0].projected_dti,
                (1.0 - median) * points / max_points, 1e-9);
    EXPECT_GE(c.figures[2].prob_top, c.figures[0].prob_top);
}

TEST(Scenario, PeersGrowthAndTheUntrackedAssumptionChangeOnlyWhatTheySay) {
    const Scenario faster = parse_scenario(inputs().plan, inputs().framework, {"growth-mean=5%"});
    const Scenario zero = parse_scenario(inputs().plan, inputs().framework, {"untracked=zero"});
    const ScenarioComparison c = compare_scenarios(inputs().plan, inputs().framework, inputs().log,
                                                   {faster, zero}, small_options());
    EXPECT_DOUBLE_EQ(c.outlooks[1].growth.mean, 0.05);
    EXPECT_EQ(c.outlooks[1].growth.sd, c.outlooks[0].growth.sd);
    // Faster peers raise the peers' best, which only a relative-to-best component (KTS.01)
    // is scored against: the commune's projected DTI can only fall.
    EXPECT_LE(c.figures[1].projected_dti, c.figures[0].projected_dti);
    EXPECT_NEAR(c.outlooks[1].tracked_dti - c.outlooks[0].tracked_dti,
                c.figures[1].projected_dti - c.figures[0].projected_dti, 1e-12);
    EXPECT_LE(c.figures[1].prob_top, c.figures[0].prob_top);
    EXPECT_GE(c.figures[1].expected_rank, c.figures[0].expected_rank);
    EXPECT_EQ(c.outlooks[2].fill.points, 0.0);
    EXPECT_LT(c.figures[2].projected_dti, c.figures[0].projected_dti);
    EXPECT_NEAR(c.figures[2].projected_dti, c.outlooks[2].tracked_dti, 1e-12);
}

TEST(Scenario, AScenarioOnIllustrativeDataIsIllustrative) {
    const Scenario s = parse_scenario(inputs().plan, inputs().framework, {"II.03=có"});
    const ScenarioComparison c =
        compare_scenarios(inputs().plan, inputs().framework, inputs().log, {s}, small_options());
    EXPECT_TRUE(c.illustrative());
    EXPECT_TRUE(c.figures[1].illustrative);
    EXPECT_LE(c.figures[1].dti_low, c.figures[1].projected_dti);
    EXPECT_GE(c.figures[1].dti_high, c.figures[1].projected_dti);
    EXPECT_LE(c.figures[1].rank_low, c.figures[1].rank_high);
}

TEST(Scenario, GivenValuesOutsideTheirRangeAreRefusedByTheProjection) {
    ProjectionOptions o;
    o.draws = 10;
    o.given["I.03"] = 1.2;
    try {
        (void)project_dti(inputs().plan, inputs().framework, inputs().log, kAsOf, kEvaluation, o);
        FAIL() << "expected a ValidationError";
    } catch (const ValidationError& e) {
        EXPECT_EQ(e.where(), "options.given[I.03]");
    }
    o.given.clear();
    o.given_components["XYZ.01"] = 0.5;
    EXPECT_THROW(
        (void)project_dti(inputs().plan, inputs().framework, inputs().log, kAsOf, kEvaluation, o),
        ValidationError);
}
