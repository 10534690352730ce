// Progress status by the Open SDG (Statistics Canada) and UNSD progress-chart methods.
// Neither the Open SDG methodology page (open-sdg/open-sdg docs/progress-methodology.md) nor
// EUSTAT's page on the UNSD method gives a worked numerical example, so:
//  - the Open SDG cases with data come from the progress-calculation test assets of
//    open-sdg/sdg-build (tests/assets/progress-calculation: indicator 3-3-3 with a target of 0,
//    indicator 1-1-1 without a target), with the category worked out by hand from the formulas;
//  - every threshold is tested with examples constructed to land exactly on it and just below
//    it (the inputs are solved from the formulas, so the ratio is known before the call).
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <string>

#include "dtiplan/error.hpp"
#include "dtiplan/project/progress.hpp"

using namespace dtiplan;

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

ProgressInput input(double base, double current, double target, double base_time = 2025.0,
                    double current_time = 2026.0, double target_time = 2030.0) {
    ProgressInput in;
    in.base_time = base_time;
    in.base_value = base;
    in.current_time = current_time;
    in.current_value = current;
    in.target_time = target_time;
    in.target_value = target;
    return in;
}

/// Open SDG: the current value one year after the base that gives R exactly `r` for a target
/// due 5 years after the base: y = y0 (1 + r |CAGR_req|).
double current_for_r(double base, double target, double r) {
    const double required = std::pow(target / base, 1.0 / 5.0) - 1.0;
    return base * (1.0 + r * std::fabs(required));
}

/// UNSD: the current value one year after the base whose growth projects, 4 years on, to
/// base + ratio·(target - base): v̂ = v_t (v_t / v_b)^4, so v_t = (v̂ v_b⁴)^(1/5).
double current_for_ratio(double base, double target, double ratio) {
    const double projected = base + ratio * (target - base);
    return std::pow(projected * std::pow(base, 4.0), 1.0 / 5.0);
}

}  // namespace

TEST(ProgressNames, SpellingsAndLabels) {
    EXPECT_EQ(to_string(ProgressMethod::OpenSdg), "open-sdg");
    EXPECT_EQ(progress_method_from_string("unsd"), ProgressMethod::Unsd);
    EXPECT_FALSE(progress_method_from_string("escap").has_value());
    EXPECT_EQ(to_string(ProgressCategory::AccelerationNeeded), "acceleration-needed");
    EXPECT_EQ(label(ProgressCategory::OnTrack, Language::Vietnamese), "Đúng tiến độ");
    EXPECT_EQ(label(ProgressCategory::TargetAchieved, Language::Vietnamese), "Đã đạt chỉ tiêu");
    EXPECT_EQ(label(ProgressCategory::AccelerationNeeded, Language::English),
              "Progress made but acceleration needed");
}

// sdg-build test asset 3-3-3 (headline series): 2015 1.55, 2019 1.82; config: direction
// negative, target 0 (replaced by 0.001), target year 2030 (the default), base year 2015.
// CAGR_obs = (1.82/1.55)^(1/4) - 1 = 4.096%; CAGR_req = (0.001/1.55)^(1/15) - 1 = -38.72%;
// R = -1 · 0.04096 / 0.3872 = -0.1058 < 0: deterioration.
TEST(ProgressOpenSdg, SdgBuildAssetWithZeroTargetIsDeterioration) {
    ProgressInput in = input(1.55, 1.82, 0.0, 2015.0, 2019.0, 2030.0);
    in.direction = Direction::Decrease;
    in.bounded_rate = false;
    const ProgressResult r = progress_status(in, ProgressMethod::OpenSdg);
    EXPECT_EQ(r.category, ProgressCategory::Deterioration);
    const double observed = std::pow(1.82 / 1.55, 0.25) - 1.0;
    const double required = std::pow(0.001 / 1.55, 1.0 / 15.0) - 1.0;
    ASSERT_TRUE(r.ratio && r.observed_growth && r.required_growth);
    EXPECT_NEAR(*r.observed_growth, observed, 1e-15);
    EXPECT_NEAR(*r.required_growth, required, 1e-15);
    EXPECT_NEAR(*r.ratio, -observed / std::fabs(required), 1e-15);
    EXPECT_NEAR(*r.ratio, -0.1058, 1e-4);
    EXPECT_NE(r.explanation.find("target 0 replaced by 0.001"), std::string::npos) << r.explanation;
    EXPECT_NE(r.explanation.find("-0.1058"), std::string::npos) << r.explanation;
}

// sdg-build test asset 1-1-1 (headline): 2020 100, 2021 120, no target, direction negative by
// default: d·CAGR = -20% < 0: deterioration.
TEST(ProgressOpenSdg, SdgBuildAssetWithoutTargetIsDeterioration) {
    ProgressInput in = input(100.0, 120.0, kNaN, 2020.0, 2021.0, 2030.0);
    in.direction = Direction::Decrease;
    in.bounded_rate = false;
    const ProgressResult r = progress_status(in);
    EXPECT_EQ(r.category, ProgressCategory::Deterioration);
    ASSERT_TRUE(r.observed_growth.has_value());
    EXPECT_NEAR(*r.observed_growth, 0.2, 1e-12);
    EXPECT_FALSE(r.ratio.has_value());
}

TEST(ProgressOpenSdg, ThresholdsAtAndJustBelowEachBoundary) {
    // Tỷ lệ hồ sơ trực tuyến toàn trình: 40% in 2025, target 90% in 2030, current in 2026.
    struct Case {
        double r;
        ProgressCategory expected;
    };
    const Case cases[] = {
        {1.50, ProgressCategory::OnTrack},
        {0.95, ProgressCategory::OnTrack},
        {0.95 - 1e-6, ProgressCategory::AccelerationNeeded},
        {0.60, ProgressCategory::AccelerationNeeded},
        {0.60 - 1e-6, ProgressCategory::LimitedProgress},
        {0.0, ProgressCategory::LimitedProgress},
        {-1e-6, ProgressCategory::Deterioration},
        {-0.5, ProgressCategory::Deterioration},
    };
    for (const Case& c : cases) {
        const ProgressResult r =
            progress_status(input(0.4, current_for_r(0.4, 0.9, c.r), 0.9), ProgressMethod::OpenSdg);
        EXPECT_EQ(r.category, c.expected) << "R = " << c.r << ": " << r.explanation;
        ASSERT_TRUE(r.ratio.has_value());
        EXPECT_NEAR(*r.ratio, c.r, 1e-12);
    }
}

TEST(ProgressOpenSdg, DecreasingIndicatorUsesTheDirection) {
    // Tỷ lệ hồ sơ trễ hạn (late dossiers) 20% in 2025, target 5% in 2030. Falling to 15% in
    // 2026 is faster than required (R > 1); rising to 22% is deterioration.
    ProgressInput in = input(0.20, 0.15, 0.05);
    in.direction = Direction::Decrease;
    const ProgressResult falling = progress_status(in);
    EXPECT_EQ(falling.category, ProgressCategory::OnTrack) << falling.explanation;
    EXPECT_GT(*falling.ratio, 1.0);
    in.current_value = 0.22;
    EXPECT_EQ(progress_status(in).category, ProgressCategory::Deterioration);
    in.current_value = 0.05;
    EXPECT_EQ(progress_status(in).category, ProgressCategory::TargetAchieved);
}

TEST(ProgressOpenSdg, TargetAchievedComesFirstAndRespectsStrictTargets) {
    // "Trên 80%" (strictly above 80%): 0.80 does not meet it, 0.8001 does.
    ProgressInput in = input(0.85, 0.80, 0.80);
    in.strict = true;
    const ProgressResult at = progress_status(in);
    EXPECT_NE(at.category, ProgressCategory::TargetAchieved);
    EXPECT_NE(at.explanation.find("R = "), std::string::npos) << at.explanation;
    in.current_value = 0.8001;
    const ProgressResult above = progress_status(in);
    EXPECT_EQ(above.category, ProgressCategory::TargetAchieved) << above.explanation;
    // Achieved even though the value fell since the base (R would be negative).
    ASSERT_TRUE(above.ratio.has_value());
    EXPECT_LT(*above.ratio, 0.0);
    EXPECT_NE(above.explanation.find("target achieved"), std::string::npos);
    EXPECT_NE(above.explanation.find("above 0.8"), std::string::npos) << above.explanation;
    EXPECT_EQ(above.explanation.find("deterioration"), std::string::npos) << above.explanation;
    // "Đạt 80%" (at least): 0.80 meets it.
    in.strict = false;
    in.current_value = 0.80;
    EXPECT_EQ(progress_status(in).category, ProgressCategory::TargetAchieved);
}

TEST(ProgressOpenSdg, ZeroBaseIsReplacedByOneThousandth) {
    // Tỷ lệ doanh nghiệp ứng dụng AI: 0% in 2025, 2% in 2026, target 10% in 2030.
    const ProgressResult r = progress_status(input(0.0, 0.02, 0.10));
    ASSERT_TRUE(r.observed_growth && r.required_growth && r.ratio);
    EXPECT_NEAR(*r.observed_growth, 0.02 / 0.001 - 1.0, 1e-12);
    EXPECT_NEAR(*r.required_growth, std::pow(0.10 / 0.001, 0.2) - 1.0, 1e-12);
    EXPECT_EQ(r.category, ProgressCategory::OnTrack);
    EXPECT_NE(r.explanation.find("base 0 replaced by 0.001"), std::string::npos) << r.explanation;
}

TEST(ProgressOpenSdg, WithoutTargetUsesGrowthThresholdsScaledNearTheLimit) {
    // d·CAGR of 1.45% a year: below the plain 1.5% threshold, but a rate of 50% rising toward
    // its 100% limit has thresholds scaled by C = 1 - 0.5^4.44 = 0.954 (1.43%): on track.
    ProgressInput in = input(0.5, 0.5 * 1.0145, kNaN);
    in.bounded_rate = false;
    EXPECT_EQ(progress_status(in).category, ProgressCategory::AccelerationNeeded);
    in.bounded_rate = true;
    const ProgressResult scaled = progress_status(in);
    EXPECT_EQ(scaled.category, ProgressCategory::OnTrack) << scaled.explanation;
    EXPECT_NE(scaled.explanation.find("scaled by C"), std::string::npos);
    // Thresholds 1.5% / 0.5% / 0 without scaling.
    in.bounded_rate = false;
    in.current_value = 0.5 * 1.015;
    EXPECT_EQ(progress_status(in).category, ProgressCategory::OnTrack);
    in.current_value = 0.5 * 1.005;
    EXPECT_EQ(progress_status(in).category, ProgressCategory::AccelerationNeeded);
    in.current_value = 0.5 * 1.004;
    EXPECT_EQ(progress_status(in).category, ProgressCategory::LimitedProgress);
    in.current_value = 0.5 * 0.999;
    EXPECT_EQ(progress_status(in).category, ProgressCategory::Deterioration);
    // A rate held at its 100% limit: C = 0, any non-negative growth is on track.
    in = input(1.0, 1.0, kNaN);
    EXPECT_EQ(progress_status(in).category, ProgressCategory::OnTrack);
}

TEST(ProgressUnsd, ThresholdsAtAndJustBelowEachBoundary) {
    struct Case {
        double ratio;
        ProgressCategory expected;
    };
    const Case cases[] = {
        {1.20, ProgressCategory::OnTrack},
        {0.95, ProgressCategory::OnTrack},
        {0.95 - 1e-6, ProgressCategory::AccelerationNeeded},
        {0.10, ProgressCategory::AccelerationNeeded},
        {0.10 - 1e-6, ProgressCategory::Deterioration},
        {-0.2, ProgressCategory::Deterioration},
    };
    for (const Case& c : cases) {
        const ProgressResult r = progress_status(
            input(0.4, current_for_ratio(0.4, 0.9, c.ratio), 0.9), ProgressMethod::Unsd);
        EXPECT_EQ(r.category, c.expected) << "ratio = " << c.ratio << ": " << r.explanation;
        ASSERT_TRUE(r.ratio && r.projected_value);
        EXPECT_NEAR(*r.ratio, c.ratio, 1e-12);
        EXPECT_NEAR(*r.projected_value, 0.4 + c.ratio * 0.5, 1e-12);
        EXPECT_EQ(r.method, ProgressMethod::Unsd);
    }
}

TEST(ProgressUnsd, WithinOnePointOfAHundredOrZeroPercentIsAchieved) {
    // 100% target, 99.1% now: achieved for UNSD (within 1 point), not for Open SDG.
    const ProgressInput in = input(0.9, 0.991, 1.0);
    const ProgressResult unsd = progress_status(in, ProgressMethod::Unsd);
    EXPECT_EQ(unsd.category, ProgressCategory::TargetAchieved) << unsd.explanation;
    EXPECT_NE(unsd.explanation.find("within 0.01"), std::string::npos);
    EXPECT_NE(progress_status(in, ProgressMethod::OpenSdg).category,
              ProgressCategory::TargetAchieved);
    EXPECT_NE(progress_status(input(0.9, 0.989, 1.0), ProgressMethod::Unsd).category,
              ProgressCategory::TargetAchieved);
    // Only for rates on a 0..1 scale.
    ProgressInput counts = in;
    counts.bounded_rate = false;
    EXPECT_NE(progress_status(counts, ProgressMethod::Unsd).category,
              ProgressCategory::TargetAchieved);
    // 0% target for a falling rate: 0.9% is within 1 point.
    ProgressInput late = input(0.10, 0.009, 0.0);
    late.direction = Direction::Decrease;
    EXPECT_EQ(progress_status(late, ProgressMethod::Unsd).category,
              ProgressCategory::TargetAchieved);
}

TEST(ProgressUnsd, BaseThatAlreadyMetTheTargetIsRegressionWhenCurrentFallsShort) {
    // 85% in 2025 already met "đạt 80%"; 75% in 2026 does not: the ratio's sign would read as
    // progress, so it is not used.
    const ProgressResult r = progress_status(input(0.85, 0.75, 0.80), ProgressMethod::Unsd);
    EXPECT_EQ(r.category, ProgressCategory::Deterioration) << r.explanation;
    EXPECT_FALSE(r.ratio.has_value());
    EXPECT_NE(r.explanation.find("already met"), std::string::npos);
}

TEST(ProgressUnsd, PastTargetDateIsStillAssessed) {
    // Target due end of 2026, assessed mid-2027 with the target still missed: projected back to
    // 2026.99 along the observed growth.
    const ProgressResult r =
        progress_status(input(0.40, 0.70, 0.80, 2025.0, 2027.5, 2026.99), ProgressMethod::Unsd);
    ASSERT_TRUE(r.projected_value.has_value());
    EXPECT_LT(*r.projected_value, 0.70);
    EXPECT_EQ(r.category, ProgressCategory::AccelerationNeeded) << r.explanation;
}

TEST(ProgressUnsd, WithoutTargetUsesEustatGrowthThresholds) {
    ProgressInput in = input(0.5, 0.5 * 1.02, kNaN);
    EXPECT_EQ(progress_status(in, ProgressMethod::Unsd).category, ProgressCategory::OnTrack);
    in.current_value = 0.5 * 1.01;
    EXPECT_EQ(progress_status(in, ProgressMethod::Unsd).category,
              ProgressCategory::AccelerationNeeded);
    in.current_value = 0.5 * 1.004;
    EXPECT_EQ(progress_status(in, ProgressMethod::Unsd).category, ProgressCategory::Deterioration);
}

TEST(ProgressInsufficientData, NeedsTwoTimesAndSameSigns) {
    for (const ProgressMethod m : {ProgressMethod::OpenSdg, ProgressMethod::Unsd}) {
        const ProgressResult one = progress_status(input(0.3, 0.3, 0.8, 2026.0, 2026.0), m);
        EXPECT_EQ(one.category, ProgressCategory::InsufficientData);
        EXPECT_NE(one.explanation.find("insufficient data"), std::string::npos);
        EXPECT_FALSE(one.ratio.has_value());
        EXPECT_EQ(progress_status(input(0.3, 0.4, 0.8, 2026.0, 2027.0, 2025.0), m).category,
                  ProgressCategory::InsufficientData);
        ProgressInput signs = input(-0.2, 0.3, 0.8);
        signs.bounded_rate = false;
        EXPECT_EQ(progress_status(signs, m).category, ProgressCategory::InsufficientData);
        // One value that already meets the target: achieved, with no growth rate.
        const ProgressResult met = progress_status(input(0.9, 0.9, 0.8, 2026.0, 2026.0), m);
        EXPECT_EQ(met.category, ProgressCategory::TargetAchieved);
        EXPECT_FALSE(met.ratio.has_value());
    }
}

TEST(ProgressBadInput, ThrowsValidationError) {
    EXPECT_THROW((void)progress_status(input(kNaN, 0.3, 0.8)), ValidationError);
    EXPECT_THROW((void)progress_status(input(0.2, 0.3, 0.8, kNaN)), ValidationError);
    EXPECT_THROW((void)progress_status(input(0.2, 0.3, std::numeric_limits<double>::infinity())),
                 ValidationError);
}
