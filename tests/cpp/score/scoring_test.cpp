// Points, indices, the DTI and ranks: every rule with worked numbers, a whole scorecard by hand,
// rounding and competition ranks, coverage, and published provincial DTI values reproduced from
// their published main-indicator indices.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <string>
#include <vector>

#include "dtiplan/dtiplan.hpp"
#include "dtiplan/score/attainment.hpp"
#include "dtiplan/score/framework.hpp"
#include "dtiplan/score/scoring.hpp"

using namespace dtiplan;

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

ScoringRule rule_of(RuleKind kind) {
    ScoringRule r;
    r.kind = kind;
    return r;
}

/// "Số cuộc họp của Ban Chỉ đạo: 4 lần/năm: 20 điểm; 3 lần: 15; 2 lần: 10; 1 lần: 5; còn lại:
/// 0", with meetings as a fraction of the 4 that earn full points (3 meetings = 0.75).
ScoringRule meetings_rule() {
    ScoringRule r = rule_of(RuleKind::Steps);
    r.steps = {{1.0, 20}, {0.75, 15}, {0.5, 10}, {0.25, 5}};
    return r;
}

/// "Trưởng ban là Chủ tịch: điểm tối đa; Phó Chủ tịch: 1/2 điểm tối đa; chưa có: 0".
ScoringRule head_of_board_rule() {
    ScoringRule r = rule_of(RuleKind::Categorical);
    r.levels = {{1.0, 1.0, "Trưởng ban là Chủ tịch"},
                {0.5, 0.5, "Trưởng ban là Phó Chủ tịch"},
                {0.0, 0.0, "Chưa có"}};
    return r;
}

Component component(std::string id, double max, ScoringRule rule,
                    std::vector<std::string> indicators) {
    Component c;
    c.id = std::move(id);
    c.name = "Chỉ số thành phần " + c.id;
    c.max_points = max;
    c.rule = std::move(rule);
    c.indicators = std::move(indicators);
    return c;
}

/// Two main indicators, 300 points, every rule kind; plan indicator ids of the built-in plan.
Framework small_framework() {
    Framework f;
    f.id = "thu-nghiem";
    f.name = "Bộ chỉ số thử nghiệm";
    MainIndicator nts{"NTS", "Nhận thức số", "Digital awareness", Pillar::Awareness, 100, {}};
    nts.components = {component("NTS.01", 20, head_of_board_rule(), {"I.01"}),
                      component("NTS.02", 20, meetings_rule(), {"I.02"}),
                      component("NTS.03", 60, rule_of(RuleKind::Proportional), {"I.06", "II.13"})};
    MainIndicator cqs{
        "CQS", "Hoạt động chính quyền số", "Digital government", Pillar::Government, 200, {}};
    cqs.components = {component("CQS.01", 50, rule_of(RuleKind::YesNo), {"II.03"}),
                      component("CQS.02", 50, rule_of(RuleKind::RelativeToBest), {"III.3.a.09"}),
                      component("CQS.03", 100, rule_of(RuleKind::Target), {"I.03"})};
    f.main_indicators = {nts, cqs};
    return f;
}

/// The eight provincial main indicators with their 922/QĐ-BTTTT points (one component each).
Framework provincial_mains() {
    Framework f;
    f.id = "dti-tinh-922";
    f.name = "DTI cấp tỉnh (922/QĐ-BTTTT), chỉ các chỉ số chính";
    const struct {
        const char* id;
        const char* name;
        double points;
    } mains[] = {{"NTS", "Nhận thức số", 100},
                 {"TCS", "Thể chế số", 100},
                 {"HTS", "Hạ tầng số", 100},
                 {"NLS", "Nhân lực số", 100},
                 {"ATTT", "An toàn thông tin mạng", 100},
                 {"CQS", "Hoạt động chính quyền số", 200},
                 {"KTS", "Hoạt động kinh tế số", 150},
                 {"XHS", "Hoạt động xã hội số", 150}};
    for (std::size_t i = 0; i < 8; ++i) {
        MainIndicator m{mains[i].id, mains[i].name, "", kAllPillars[i], mains[i].points, {}};
        m.components = {component(std::string(mains[i].id) + ".01", mains[i].points,
                                  rule_of(RuleKind::Proportional), {})};
        f.main_indicators.push_back(std::move(m));
    }
    return f;
}

TargetValue target(const char* phrase) { return parse_target_phrase(phrase); }

}  // namespace

// ---- rules ------------------------------------------------------------------------------------

TEST(ScoringRules, ProportionalIsRateTimesMaxCapped) {
    const ScoringRule r = rule_of(RuleKind::Proportional);
    EXPECT_DOUBLE_EQ(rule_points(r, 0.85, 20), 17.0);  // Tỷ lệ × Điểm tối đa
    EXPECT_DOUBLE_EQ(rule_points(r, 1.0, 20), 20.0);
    EXPECT_DOUBLE_EQ(rule_points(r, 1.2, 20), 20.0);  // capped at max
    EXPECT_DOUBLE_EQ(rule_points(r, 0.0, 20), 0.0);
    EXPECT_DOUBLE_EQ(rule_points(r, -0.1, 20), 0.0);  // never negative
    EXPECT_DOUBLE_EQ(rule_points(r, kNaN, 20), 0.0);
    EXPECT_DOUBLE_EQ(rule_points(r, 0.5, 0.0), 0.0);
}

TEST(ScoringRules, StepsGiveThePointsOfTheHighestThresholdReached) {
    const ScoringRule r = meetings_rule();
    EXPECT_DOUBLE_EQ(rule_points(r, 4.0 / 4.0, 20), 20.0);     // 4 lần/năm
    EXPECT_DOUBLE_EQ(rule_points(r, 3.0 / 4.0, 20), 15.0);     // 3 lần
    EXPECT_DOUBLE_EQ(rule_points(r, 2.0 / 4.0, 20), 10.0);     // 2 lần
    EXPECT_DOUBLE_EQ(rule_points(r, 1.0 / 4.0, 20), 5.0);      // 1 lần
    EXPECT_DOUBLE_EQ(rule_points(r, 0.0 / 4.0, 20), 0.0);      // còn lại
    EXPECT_DOUBLE_EQ(rule_points(r, 0.2, 20), 0.0);            // below every threshold
    EXPECT_DOUBLE_EQ(rule_points(r, 0.9, 20), 15.0);           // between 3 and 4 meetings
    EXPECT_DOUBLE_EQ(rule_points(r, 5.0 / 4.0, 20), 20.0);     // more than 4 meetings
    EXPECT_DOUBLE_EQ(rule_points(r, 0.75 - 1e-12, 20), 15.0);  // rounding noise is no miss
}

TEST(ScoringRules, StepsNeedNotBeSorted) {
    ScoringRule r = rule_of(RuleKind::Steps);
    r.steps = {{0.25, 5}, {1.0, 20}, {0.5, 10}, {0.75, 15}};
    EXPECT_DOUBLE_EQ(rule_points(r, 0.8, 20), 15.0);
    EXPECT_DOUBLE_EQ(rule_points(r, 0.3, 20), 5.0);
}

TEST(ScoringRules, CategoricalGivesTheMatchingLevelsShare) {
    const ScoringRule r = head_of_board_rule();
    EXPECT_DOUBLE_EQ(rule_points(r, 1.0, 20), 20.0);  // Trưởng ban là Chủ tịch: điểm tối đa
    EXPECT_DOUBLE_EQ(rule_points(r, 0.5, 20), 10.0);  // Phó Chủ tịch: 1/2 điểm tối đa
    EXPECT_DOUBLE_EQ(rule_points(r, 0.0, 20), 0.0);   // chưa có: 0
    EXPECT_DOUBLE_EQ(rule_points(r, 0.5 + 1e-10, 20), 10.0);  // equal within 1e-9
    EXPECT_DOUBLE_EQ(rule_points(r, 0.7, 20), 10.0);          // no match: highest level below
}

TEST(ScoringRules, CategoricalBelowEveryLevelScoresZero) {
    ScoringRule r = rule_of(RuleKind::Categorical);
    r.levels = {{2.0, 1.0, "Cấp tỉnh công nhận"}, {1.0, 0.6, "Cấp xã công nhận"}};
    EXPECT_DOUBLE_EQ(rule_points(r, 0.5, 30), 0.0);
    EXPECT_DOUBLE_EQ(rule_points(r, 1.0, 30), 18.0);
    EXPECT_DOUBLE_EQ(rule_points(r, 2.0, 30), 30.0);
}

TEST(ScoringRules, YesNoIsAllOrNothing) {
    const ScoringRule r = rule_of(RuleKind::YesNo);
    EXPECT_DOUBLE_EQ(rule_points(r, 1.0, 15), 15.0);  // Có ứng dụng AI
    EXPECT_DOUBLE_EQ(rule_points(r, 0.0, 15), 0.0);
    EXPECT_DOUBLE_EQ(rule_points(r, 0.5, 15), 15.0);
    EXPECT_DOUBLE_EQ(rule_points(r, 0.49, 15), 0.0);
}

TEST(ScoringRules, RelativeToBestNormalisesByTheBestPeer) {
    // Tỷ lệ chuẩn hóa = tỷ lệ của đơn vị / tỷ lệ lớn nhất; Điểm = Tỷ lệ chuẩn hóa × Điểm tối đa.
    const ScoringRule r = rule_of(RuleKind::RelativeToBest);
    EXPECT_DOUBLE_EQ(rule_points(r, 0.12, 25, 0.20), 15.0);
    EXPECT_DOUBLE_EQ(rule_points(r, 0.20, 25, 0.20), 25.0);
    EXPECT_DOUBLE_EQ(rule_points(r, 0.30, 25, 0.20), 25.0);  // capped: best was stale
    EXPECT_DOUBLE_EQ(rule_points(r, 0.12, 25, 0.0), 0.0);    // best <= 0
    EXPECT_DOUBLE_EQ(rule_points(r, 0.12, 25), 25.0);        // no best: its own value
    EXPECT_DOUBLE_EQ(rule_points(r, 0.0, 25), 0.0);
}

TEST(ScoringRules, TargetNonStrictIsMaxWhenMetAndLinearBelow) {
    const ScoringRule r = rule_of(RuleKind::Target);
    const TargetValue t = target("đạt 90%");
    EXPECT_DOUBLE_EQ(rule_points(r, 0.90, 40, std::nullopt, &t), 40.0);
    EXPECT_DOUBLE_EQ(rule_points(r, 0.95, 40, std::nullopt, &t), 40.0);
    EXPECT_DOUBLE_EQ(rule_points(r, 0.45, 40, std::nullopt, &t), 20.0);  // 0.45 / 0.9 × 40
}

TEST(ScoringRules, TargetStrictIsNeverMaxUnlessMet) {
    // "Trên 80%": 0.80 does not meet it, so the linear credit 0.8 / 0.8 × max stops a hair
    // below max (× (1 − 1e-9)); 0.81 meets it.
    const ScoringRule r = rule_of(RuleKind::Target);
    const TargetValue t = target("Trên 80%");
    ASSERT_EQ(t.comparator, Comparator::Above);
    EXPECT_DOUBLE_EQ(rule_points(r, 0.81, 40, std::nullopt, &t), 40.0);
    const double at_target = rule_points(r, 0.80, 40, std::nullopt, &t);
    EXPECT_LT(at_target, 40.0);
    EXPECT_NEAR(at_target, 40.0, 1e-6);
    EXPECT_DOUBLE_EQ(rule_points(r, 0.60, 40, std::nullopt, &t), 30.0);  // 0.6 / 0.8 × 40
    EXPECT_DOUBLE_EQ(rule_points(r, 0.0, 40, std::nullopt, &t), 0.0);
}

TEST(ScoringRules, TargetCountsCompareAsFractions) {
    // "Ứng dụng 9/9 nền tảng": values are fractions of full attainment, so 9 of 9 is 1.0.
    const ScoringRule r = rule_of(RuleKind::Target);
    const TargetValue t = target("Ứng dụng 9/9 nền tảng");
    ASSERT_EQ(t.kind, MeasureKind::CountOfTotal);
    EXPECT_DOUBLE_EQ(rule_points(r, 9.0 / 9.0, 27, std::nullopt, &t), 27.0);
    EXPECT_DOUBLE_EQ(rule_points(r, 6.0 / 9.0, 27, std::nullopt, &t), 18.0);
}

TEST(ScoringRules, TargetOfSmallShares) {
    // II.09 "Đạt trên 1%" of the budget: 0.5% earns half, 1.1% all.
    const ScoringRule r = rule_of(RuleKind::Target);
    const TargetValue t = target("Đạt trên 1%");
    EXPECT_DOUBLE_EQ(rule_points(r, 0.005, 40, std::nullopt, &t), 20.0);
    EXPECT_DOUBLE_EQ(rule_points(r, 0.011, 40, std::nullopt, &t), 40.0);
}

TEST(ScoringRules, TargetYesNo) {
    const ScoringRule r = rule_of(RuleKind::Target);
    const TargetValue t = target("Có ứng dụng AI phục vụ người dân");
    EXPECT_DOUBLE_EQ(rule_points(r, 1.0, 20, std::nullopt, &t), 20.0);
    EXPECT_DOUBLE_EQ(rule_points(r, 0.0, 20, std::nullopt, &t), 0.0);
}

TEST(ScoringRules, TargetWithoutTargetScoresAgainstFullAttainment) {
    const ScoringRule r = rule_of(RuleKind::Target);
    EXPECT_DOUBLE_EQ(rule_points(r, 0.7, 40), 28.0);
    EXPECT_DOUBLE_EQ(rule_points(r, 1.0, 40), 40.0);
}

// ---- a whole scorecard ------------------------------------------------------------------------

TEST(ScoringCard, WorkedExampleByHand) {
    const Framework f = small_framework();
    const Plan plan = builtin_plan();
    const IndicatorValues values{
        {"I.01", 0.5},        // NTS.01 Phó Chủ tịch: 10 of 20
        {"I.02", 0.75},       // NTS.02 3 meetings: 15 of 20
        {"I.06", 0.7},        // NTS.03 mean(0.7, 0.9) = 0.8: 48 of 60
        {"II.13", 0.9},       //
        {"II.03", 1.0},       // CQS.01 yes: 50 of 50
        {"III.3.a.09", 0.6},  // CQS.02 0.6 / best 0.8: 37.5 of 50
        {"I.03", 0.75},       // CQS.03 "Trên 80%" in 2026: 0.75 / 0.8 × 100 = 93.75
        {"II.01", 1.0},       // not in this framework: ignored
    };
    ScoringContext ctx;
    ctx.best["CQS.02"] = 0.8;
    ctx.plan = &plan;
    ctx.year = 2026;
    const ScoreCard card = score(f, values, ctx);

    ASSERT_EQ(card.components.size(), 6U);
    const double expected[] = {10, 15, 48, 50, 37.5, 93.75};
    for (std::size_t i = 0; i < 6; ++i)
        EXPECT_DOUBLE_EQ(card.components[i].points, expected[i]) << card.components[i].component;
    EXPECT_EQ(card.components[2].main, "NTS");
    EXPECT_DOUBLE_EQ(*card.components[2].value, 0.8);
    ASSERT_EQ(card.mains.size(), 2U);
    EXPECT_DOUBLE_EQ(card.mains[0].points, 73.0);
    EXPECT_DOUBLE_EQ(card.mains[0].index(), 0.73);
    EXPECT_DOUBLE_EQ(card.mains[1].points, 181.25);
    EXPECT_DOUBLE_EQ(card.mains[1].index(), 0.90625);
    EXPECT_DOUBLE_EQ(card.points, 254.25);
    EXPECT_DOUBLE_EQ(card.max_points, 300.0);
    EXPECT_DOUBLE_EQ(card.dti(), 0.8475);
}

TEST(ScoringCard, TargetRuleUsesTheTargetInForceThatYear) {
    const Framework f = small_framework();
    const Plan plan = builtin_plan();
    ScoringContext ctx;
    ctx.plan = &plan;
    ctx.year = 2026;  // I.03: "Trên 80%"
    EXPECT_DOUBLE_EQ(score(f, {{"I.03", 0.85}}, ctx).components[5].points, 100.0);
    ctx.year = 2027;  // I.03: 2030's "100%"
    EXPECT_DOUBLE_EQ(score(f, {{"I.03", 0.85}}, ctx).components[5].points, 85.0);
}

TEST(ScoringCard, ComponentWithoutValueScoresZero) {
    const ScoreCard card = score(small_framework(), {{"I.06", 1.0}});
    EXPECT_FALSE(card.components[0].value.has_value());
    EXPECT_DOUBLE_EQ(card.components[0].points, 0.0);
    EXPECT_DOUBLE_EQ(card.components[2].points, 60.0);  // the mean of the values present
    EXPECT_DOUBLE_EQ(card.points, 60.0);
    EXPECT_DOUBLE_EQ(card.dti(), 0.2);
}

TEST(ScoringCard, RejectsValuesThatAreNotFractions) {
    const Framework f = small_framework();
    for (double bad : {kNaN, -0.1, 1.3, std::numeric_limits<double>::infinity()}) {
        try {
            (void)score(f, {{"I.03", bad}});
            ADD_FAILURE() << "expected a ValidationError for " << bad;
        } catch (const ValidationError& e) {
            EXPECT_EQ(e.where(), "values[\"I.03\"]");
        }
    }
    ScoringContext ctx;
    ctx.best["CQS.02"] = -1.0;
    EXPECT_THROW((void)score(f, {}, ctx), ValidationError);
}

TEST(ScoringCard, BuiltInFrameworkWithEveryIndicatorAtFullScoresItsTrackedPoints) {
    const Framework f = builtin_framework();
    const Plan plan = builtin_plan();
    IndicatorValues all;
    for (const auto& ind : plan.indicators) all[ind.id] = 1.0;
    ScoringContext ctx;
    ctx.plan = &plan;
    ctx.year = 2026;
    const ScoreCard card = score(f, all, ctx);
    EXPECT_DOUBLE_EQ(card.max_points, 1000.0);
    EXPECT_EQ(card.components.size(), 47U);
    EXPECT_NEAR(card.points, coverage(f, plan).tracked_points, 1e-9);
}

// ---- the DTI from published main-indicator indices --------------------------------------------

// Published values reproduced: "Xếp hạng chi tiết" of the 2022 provincial DTI ranking, Ministry
// of Information and Communications, https://dti.gov.vn/xep-hang-2022 ("BÁO CÁO XẾP HẠNG Đánh
// giá mức độ chuyển đổi số năm 2022", table "CHUYỂN ĐỔI SỐ CẤP TỈNH (PDTI)"), rows 1-5 as
// published: the eight main-indicator indices in the order Nhận thức số, Thể chế số, Hạ tầng số,
// Nhân lực số, An toàn thông tin mạng, Hoạt động chính quyền số, Hoạt động kinh tế số, Hoạt động
// xã hội số, then the DTI. The indices are published rounded to 4 decimals, so the DTI computed
// from them can differ from the published one (computed from unrounded indices) by up to
// Σ max × 0.00005 / 1000 = 0.00005 before rounding, hence by one unit in the 4th decimal after:
// TP. Hồ Chí Minh computes to 0.716355 (0.7164) against a published 0.7163.
struct PublishedDti {
    const char* province;
    double indices[8];
    double dti;
    bool reproduced_to_4_decimals;
};
constexpr PublishedDti kDti2022[] = {
    {"TP. Đà Nẵng", {1.0000, 0.9000, 0.8253, 0.8487, 0.7578, 0.8575, 0.7836, 0.5197}, 0.8002, true},
    {"TP. Hồ Chí Minh",
     {0.8917, 0.9000, 0.8258, 0.6267, 0.5580, 0.8406, 0.7611, 0.3590},
     0.7163,
     false},
    {"Quảng Ninh", {0.9581, 0.9000, 0.7648, 0.6250, 0.5382, 0.8385, 0.5904, 0.4505}, 0.7024, true},
    {"Thừa Thiên - Huế",
     {0.9500, 0.9000, 0.6823, 0.6794, 0.6423, 0.8262, 0.6787, 0.3001},
     0.6975,
     true},
    {"TP. Cần Thơ", {0.9000, 0.8000, 0.7233, 0.7376, 0.7226, 0.7325, 0.7556, 0.2947}, 0.6924, true},
};

class ScoringPublishedDti2022 : public testing::TestWithParam<PublishedDti> {};

TEST_P(ScoringPublishedDti2022, ReproducedFromMainIndicesByNameAndById) {
    const PublishedDti& row = GetParam();
    for (const Framework& f : {provincial_mains(), builtin_framework()}) {
        std::map<std::string, double> by_name;
        std::map<std::string, double> by_id;
        for (std::size_t i = 0; i < 8; ++i) {
            by_name[f.main_indicators[i].name] = row.indices[i];
            by_id[f.main_indicators[i].id] = row.indices[i];
        }
        const double dti = dti_from_main_indices(f, by_name);
        EXPECT_DOUBLE_EQ(dti_from_main_indices(f, by_id), dti);
        EXPECT_NEAR(dti, row.dti, 1e-4 + 1e-12) << row.province;
        if (row.reproduced_to_4_decimals)
            EXPECT_DOUBLE_EQ(round_to(dti, 4), row.dti) << row.province;
        else
            EXPECT_NEAR(round_to(dti, 4), row.dti, 1e-4 + 1e-12) << row.province;
    }
}

INSTANTIATE_TEST_SUITE_P(ScoringRows1To5, ScoringPublishedDti2022, testing::ValuesIn(kDti2022));

TEST(ScoringDti2022, DaNangByHand) {
    // (100 + 90 + 82.53 + 84.87 + 75.78 + 0.8575 × 200 + 0.7836 × 150 + 0.5197 × 150) / 1000
    const double dti =
        dti_from_main_indices(provincial_mains(), {{"Nhận thức số", 1.0000},
                                                   {"Thể chế số", 0.9000},
                                                   {"Hạ tầng số", 0.8253},
                                                   {"Nhân lực số", 0.8487},
                                                   {"An toàn thông tin mạng", 0.7578},
                                                   {"Hoạt động chính quyền số", 0.8575},
                                                   {"Hoạt động kinh tế số", 0.7836},
                                                   {"Hoạt động xã hội số", 0.5197}});
    EXPECT_NEAR(dti, 0.800175, 1e-12);
    EXPECT_DOUBLE_EQ(round_to(dti, 4), 0.8002);
}

TEST(ScoringDti2022, TopFiveRankInPublishedOrder) {
    std::vector<double> dti;
    for (const auto& row : kDti2022) dti.push_back(row.dti);
    EXPECT_EQ(competition_rank(dti, 4), (std::vector<int>{1, 2, 3, 4, 5}));
}

TEST(ScoringMainIndices, ErrorsNameTheKey) {
    const Framework f = provincial_mains();
    std::map<std::string, double> ok{{"NTS", 1},  {"TCS", 1}, {"HTS", 1}, {"NLS", 1},
                                     {"ATTT", 1}, {"CQS", 1}, {"KTS", 1}, {"XHS", 1}};
    EXPECT_DOUBLE_EQ(dti_from_main_indices(f, ok), 1.0);

    auto where_of = [&](const std::map<std::string, double>& indices) -> std::string {
        try {
            (void)dti_from_main_indices(f, indices);
        } catch (const ValidationError& e) {
            return e.where();
        }
        return "(no error)";
    };
    auto with = [&](const std::string& key, double v) {
        auto m = ok;
        m[key] = v;
        return m;
    };
    auto without = [&](const std::string& key) {
        auto m = ok;
        m.erase(key);
        return m;
    };
    EXPECT_EQ(where_of(with("Chính quyền số", 0.5)), "indices[\"Chính quyền số\"]");  // unknown
    EXPECT_EQ(where_of(with("nts", 0.5)), "indices[\"nts\"]");  // exact keys only
    EXPECT_EQ(where_of(with("CQS", 1.2)), "indices[\"CQS\"]");
    EXPECT_EQ(where_of(with("CQS", -0.01)), "indices[\"CQS\"]");
    EXPECT_EQ(where_of(with("CQS", kNaN)), "indices[\"CQS\"]");
    EXPECT_EQ(where_of(without("XHS")), "indices");
    // The same main indicator by id and by name.
    EXPECT_EQ(where_of(with("Hạ tầng số", 0.5)), "indices[\"Hạ tầng số\"]");
}

// ---- rounding and ranks -----------------------------------------------------------------------

TEST(ScoringRounding, HalfAwayFromZeroToFourDecimals) {
    EXPECT_DOUBLE_EQ(round_to(0.800175, 4), 0.8002);
    EXPECT_DOUBLE_EQ(round_to(0.80024, 4), 0.8002);
    EXPECT_DOUBLE_EQ(round_to(0.80025, 4), 0.8003);  // stored as 0.80024999999999996
    EXPECT_DOUBLE_EQ(round_to(-0.80025, 4), -0.8003);
    EXPECT_DOUBLE_EQ(round_to(0.70245, 4), 0.7025);
    EXPECT_DOUBLE_EQ(round_to(0.7024449, 4), 0.7024);
    EXPECT_DOUBLE_EQ(round_to(2.5, 0), 3.0);
    EXPECT_DOUBLE_EQ(round_to(-2.5, 0), -3.0);
    EXPECT_DOUBLE_EQ(round_to(0.1 + 0.2, 1), 0.3);
    EXPECT_DOUBLE_EQ(round_to(1234.5678, 2), 1234.57);
    EXPECT_DOUBLE_EQ(round_to(0.123456, -1), 0.123456);  // negative decimals: unchanged
    EXPECT_TRUE(std::isnan(round_to(kNaN, 4)));
}

TEST(RankCompetition, TiesShareARankAndTheNextRankSkips) {
    EXPECT_EQ(competition_rank({0.9, 0.8, 0.8, 0.7}), (std::vector<int>{1, 2, 2, 4}));
    EXPECT_EQ(competition_rank({0.7, 0.8, 0.9, 0.8}), (std::vector<int>{4, 2, 1, 2}));
    EXPECT_EQ(competition_rank({0.5, 0.5, 0.5}), (std::vector<int>{1, 1, 1}));
    EXPECT_EQ(competition_rank({}), std::vector<int>{});
    EXPECT_EQ(competition_rank({0.42}), std::vector<int>{1});
}

TEST(RankCompetition, ComparesRoundedValuesWhenAskedTo) {
    const std::vector<double> v{0.80021, 0.80024, 0.8001, 0.80015};
    EXPECT_EQ(competition_rank(v), (std::vector<int>{2, 1, 4, 3}));     // exact
    EXPECT_EQ(competition_rank(v, 4), (std::vector<int>{1, 1, 4, 1}));  // 0.8002 ×3, 0.8001
    EXPECT_EQ(competition_rank(v, 3), (std::vector<int>{1, 1, 1, 1}));
}

TEST(RankCompetition, NaNRanksLastAndNaNsTie) {
    EXPECT_EQ(competition_rank({kNaN, 0.5, kNaN, 0.7}), (std::vector<int>{3, 2, 3, 1}));
    EXPECT_EQ(competition_rank({kNaN, kNaN}), (std::vector<int>{1, 1}));
    EXPECT_EQ(competition_rank({kNaN, 0.1}, 4), (std::vector<int>{2, 1}));
}

TEST(RankCompetition, InfinitiesAreNumbers) {
    const double inf = std::numeric_limits<double>::infinity();
    EXPECT_EQ(competition_rank({-inf, kNaN, inf, 0.0}), (std::vector<int>{3, 4, 1, 2}));
}

// ---- coverage ---------------------------------------------------------------------------------

TEST(CoverageOfPlan, ListsUntrackedComponentsUnknownAndUnscoredIndicators) {
    Framework f = small_framework();
    f.main_indicators[0].components[0].indicators = {};                // NTS.01: untracked
    f.main_indicators[1].components[1].indicators = {"X.99"};          // CQS.02: unknown id only
    f.main_indicators[1].components[2].indicators = {"I.03", "X.98"};  // CQS.03: tracked
    const Plan plan = builtin_plan();
    const Coverage c = coverage(f, plan);

    ASSERT_EQ(c.untracked_components.size(), 2U);
    EXPECT_EQ(c.untracked_components[0], (CoverageGap{"NTS.01", "NTS", 20.0, ""}));
    EXPECT_EQ(c.untracked_components[1], (CoverageGap{"CQS.02", "CQS", 50.0, ""}));
    EXPECT_EQ(c.unknown_indicators, (std::vector<std::string>{"X.99", "X.98"}));
    EXPECT_DOUBLE_EQ(c.tracked_points, 230.0);
    EXPECT_DOUBLE_EQ(c.untracked_points, 70.0);
    EXPECT_DOUBLE_EQ(c.untracked_by_main.at("NTS"), 20.0);
    EXPECT_DOUBLE_EQ(c.untracked_by_main.at("CQS"), 50.0);
    // Plan indicators no component uses, in plan order.
    ASSERT_FALSE(c.unscored_indicators.empty());
    EXPECT_EQ(c.unscored_indicators.front(), "I.01");
    EXPECT_EQ(std::count(c.unscored_indicators.begin(), c.unscored_indicators.end(), "I.03"), 0);
    EXPECT_EQ(c.unscored_indicators.size(), plan.indicators.size() - 5);
}

TEST(CoverageOfPlan, BuiltInFrameworkScoresEveryIndicatorOfTheBuiltInPlan) {
    const Coverage c = coverage(builtin_framework(), builtin_plan());
    EXPECT_TRUE(c.unscored_indicators.empty());
    EXPECT_TRUE(c.unknown_indicators.empty());
    EXPECT_DOUBLE_EQ(c.tracked_points + c.untracked_points, 1000.0);
    EXPECT_EQ(c.untracked_by_main.size(), 8U);
    double by_main = 0.0;
    for (const auto& [main, points] : c.untracked_by_main) by_main += points;
    EXPECT_DOUBLE_EQ(by_main, c.untracked_points);
}
