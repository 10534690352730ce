// The projected DTI distribution on the built-in Đại Phước plan and default framework, with
// illustrative monthly observations made up here (not official figures): reproducible from a
// seed, collapsing onto the deterministic score when the series are exact, and carrying the
// indicators' uncertainty when they are not.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "dtiplan/detail/random.hpp"
#include "dtiplan/error.hpp"
#include "dtiplan/io/builtin.hpp"
#include "dtiplan/project/projected_dti.hpp"
#include "dtiplan/project/series.hpp"
#include "dtiplan/score/attainment.hpp"

using namespace dtiplan;

namespace {

Date day(int y, int m, int d) {
    return Date(static_cast<unsigned short>(y), static_cast<unsigned short>(m),
                static_cast<unsigned short>(d));
}

/// Monthly figures January to June 2026, each submitted on the 10th of the next month.
void add_months(ObservationLog& log, const std::string& indicator,
                const std::vector<double>& values) {
    for (std::size_t i = 0; i < values.size(); ++i) {
        Observation o;
        o.indicator = indicator;
        const int month = static_cast<int>(i) + 1;
        o.period = Period::month(2026, month);
        o.value.value = values[i];
        o.submitted = day(2026, month + 1, 10);
        o.note = "Số liệu minh họa, không phải số liệu chính thức";
        log.add(o);
    }
}

/// A straight line in time: `start` at the end of January, rising `per_month` × 12 a year, at
/// the times Series::times() gives the months (month lengths differ, so "the same step each
/// month" would not be a straight line in time).
std::vector<double> line(double start, double per_month, std::size_t n = 6) {
    std::vector<double> v(n);
    const double t0 = decimal_year(day(2026, 2, 1));
    for (std::size_t i = 0; i < n; ++i) {
        const double t = decimal_year(Period::month(2026, static_cast<int>(i) + 1).last_day() +
                                      boost::gregorian::days(1));
        v[i] = start + 12.0 * per_month * (t - t0);
    }
    return v;
}

/// Exact straight lines: every fit is exact (σ = 0), so every draw is the same.
ObservationLog exact_log() {
    ObservationLog log;
    add_months(log, "I.01", line(0.70, 0.02));  // cán bộ được phổ biến về chuyển đổi số
    add_months(log, "II.04", line(0.50, 0.02));
    add_months(log, "II.06", line(0.60, 0.03));
    add_months(log, "III.3.a.01", line(0.80, 0.01));  // hồ sơ xử lý trực tuyến
    add_months(log, "II.10", line(0.15, 0.005));
    add_months(log, "II.02", {3, 4, 5, 6, 7, 8});  // nền tảng dùng chung, a count of 9
    return log;
}

/// The same indicators with reporting noise (2 points), drawn from a fixed seed.
ObservationLog noisy_log() {
    ObservationLog log;
    detail::Rng rng(99, 0);
    auto noisy = [&](std::vector<double> v) {
        for (double& x : v) x = std::clamp(x + 0.02 * rng.normal(), 0.0, 1.0);
        return v;
    };
    add_months(log, "I.01", noisy(line(0.70, 0.02)));
    add_months(log, "II.04", noisy(line(0.50, 0.02)));
    add_months(log, "II.06", noisy(line(0.60, 0.03)));
    add_months(log, "III.3.a.01", noisy(line(0.80, 0.01)));
    add_months(log, "II.10", noisy(line(0.15, 0.005)));
    return log;
}

ProjectionOptions small(std::uint64_t seed = 20260101) {
    ProjectionOptions o;
    o.draws = 2000;
    o.seed = seed;
    return o;
}

/// The score of the forecast means (and held values): what the distribution collapses onto.
double deterministic_dti(const Plan& plan, const Framework& f, const DtiProjection& p,
                         const ObservationLog& log) {
    IndicatorValues values;
    for (const auto& ip : p.indicators) {
        if (ip.fraction) {
            values[ip.indicator] = *ip.fraction;
        } else {
            const Series s = series_from_log(log, ip.indicator, p.as_of);
            if (!s.empty()) {
                const Indicator* ind = plan.find_indicator(ip.indicator);
                ObservedValue v;
                v.value = s.values.back();
                values[ip.indicator] = std::clamp(
                    as_fraction(v, *ind,
                                target_in_force(*ind, plan, static_cast<int>(p.evaluation.year()))),
                    0.0, 1.0);
            }
        }
    }
    ScoringContext ctx;
    ctx.plan = &plan;
    ctx.year = static_cast<int>(p.evaluation.year());
    return score(f, values, ctx).dti();
}

}  // namespace

TEST(ProjectedDtiSummary, UsesType7Quantiles) {
    const Summary s = summarize({4.0, 1.0, 3.0, 2.0});
    EXPECT_DOUBLE_EQ(s.mean, 2.5);
    EXPECT_DOUBLE_EQ(s.median, 2.5);
    EXPECT_DOUBLE_EQ(s.p05, 1.15);  // h = 3 × 0.05 = 0.15
    EXPECT_DOUBLE_EQ(s.p95, 3.85);
    EXPECT_DOUBLE_EQ(s.sd, std::sqrt(5.0 / 3.0));
    const Summary one = summarize({0.7});
    EXPECT_DOUBLE_EQ(one.p05, 0.7);
    EXPECT_DOUBLE_EQ(one.sd, 0.0);
    EXPECT_THROW((void)summarize({}), ValidationError);
    EXPECT_THROW((void)summarize({0.1, std::nan("")}), ValidationError);
}

TEST(ProjectedDti, ExactSeriesCollapseOntoTheDeterministicScore) {
    const Plan plan = builtin_plan();
    const Framework f = builtin_framework();
    const ObservationLog log = exact_log();
    // Linear for every indicator: an exact line is linear's; `auto` would also give a little
    // weight to last-value (the months differ in length), and its average is not one value.
    ProjectionOptions options = small();
    options.model = TrendModel::Linear;
    const DtiProjection p = project_dti(plan, f, log, day(2026, 7, 15), day(2026, 12, 31), options);

    ASSERT_EQ(p.indicators.size(), plan.indicators.size());
    for (std::size_t i = 0; i < plan.indicators.size(); ++i)
        EXPECT_EQ(p.indicators[i].indicator, plan.indicators[i].id);
    const auto ii04 = std::find_if(p.indicators.begin(), p.indicators.end(),
                                   [](const auto& ip) { return ip.indicator == "II.04"; });
    ASSERT_TRUE(ii04->forecast.has_value()) << ii04->fit.reason;
    EXPECT_EQ(ii04->fit.trend->model(), TrendModel::Linear) << ii04->fit.reason;
    // Linear at 2 points a month from 50% in January, forecast at 31 December.
    const double t_eval = decimal_year(day(2026, 12, 31));
    const double t_jan = decimal_year(day(2026, 2, 1));
    EXPECT_NEAR(ii04->forecast->mean, 0.50 + 0.02 * (t_eval - t_jan) * 12.0, 1e-9);
    EXPECT_EQ(ii04->forecast->lower, ii04->forecast->upper);
    EXPECT_NEAR(*ii04->fraction, ii04->forecast->mean, 1e-15);

    // II.02 is a count of 9 platforms: the forecast is a count, its fraction count / 9.
    const auto ii02 = std::find_if(p.indicators.begin(), p.indicators.end(),
                                   [](const auto& ip) { return ip.indicator == "II.02"; });
    ASSERT_TRUE(ii02->fraction.has_value());
    EXPECT_EQ(ii02->forecast->mean, 9.0);  // 3 + 1 a month would pass 9: bounded by its total
    EXPECT_DOUBLE_EQ(*ii02->fraction, 1.0);
    EXPECT_EQ(ii02->forecast->upper, 9.0);

    const double expected = deterministic_dti(plan, f, p, log);
    ASSERT_EQ(p.samples.size(), 2000U);
    for (const double s : p.samples) ASSERT_NEAR(s, expected, 1e-12);
    EXPECT_NEAR(p.dti.mean, expected, 1e-12);
    EXPECT_NEAR(p.dti.p05, expected, 1e-12);
    EXPECT_NEAR(p.dti.p95, expected, 1e-12);
    EXPECT_NEAR(p.dti.sd, 0.0, 1e-12);
    EXPECT_GT(expected, 0.0);
    ASSERT_EQ(p.main_samples.size(), f.main_indicators.size());
    for (const auto& m : f.main_indicators) {
        ASSERT_EQ(p.main_samples.at(m.id).size(), 2000U);
        EXPECT_NEAR(p.mains.at(m.id).sd, 0.0, 1e-12) << m.id;
    }
}

TEST(ProjectedDti, IsReproducibleFromTheSeed) {
    const Plan plan = builtin_plan();
    const Framework f = builtin_framework();
    const ObservationLog log = noisy_log();
    const Date as_of = day(2026, 7, 15);
    const Date evaluation = day(2026, 12, 31);
    const DtiProjection a = project_dti(plan, f, log, as_of, evaluation, small(7));
    const DtiProjection b = project_dti(plan, f, log, as_of, evaluation, small(7));
    const DtiProjection c = project_dti(plan, f, log, as_of, evaluation, small(8));
    EXPECT_EQ(a.samples, b.samples);
    EXPECT_EQ(a.main_samples, b.main_samples);
    EXPECT_NE(a.samples, c.samples);
    std::size_t differing = 0;
    for (std::size_t i = 0; i < a.samples.size(); ++i) differing += a.samples[i] != c.samples[i];
    EXPECT_GT(differing, a.samples.size() / 2);
    // Different seeds, same distribution: the medians agree within a few standard errors.
    EXPECT_NEAR(a.dti.median, c.dti.median, 4.0 * a.dti.sd / std::sqrt(2000.0) * 1.5);

    // Draw i depends on (seed, i) only: fewer draws give the first draws of a longer run.
    ProjectionOptions fewer = small(7);
    fewer.draws = 100;
    const DtiProjection d = project_dti(plan, f, log, as_of, evaluation, fewer);
    EXPECT_TRUE(std::equal(d.samples.begin(), d.samples.end(), a.samples.begin()));
}

TEST(ProjectedDti, NoisySeriesSpreadAroundTheDeterministicScore) {
    const Plan plan = builtin_plan();
    const Framework f = builtin_framework();
    const ObservationLog log = noisy_log();
    const DtiProjection p = project_dti(plan, f, log, day(2026, 7, 15), day(2026, 12, 31), small());
    EXPECT_GT(p.dti.sd, 0.0);
    EXPECT_LT(p.dti.p05, p.dti.median);
    EXPECT_LT(p.dti.median, p.dti.p95);
    const double expected = deterministic_dti(plan, f, p, log);
    EXPECT_GE(expected, p.dti.p05);
    EXPECT_LE(expected, p.dti.p95);
    for (const double s : p.samples) {
        ASSERT_GE(s, 0.0);
        ASSERT_LE(s, 1.0);
    }
}

TEST(ProjectedDti, IndicatorsWithoutForecastAreHeldOrScoredZero) {
    // II.03 "Có ứng dụng AI" (yes/no, 20 points in HTS.05) reported for January (no) and
    // February (yes) only: too few points for the linear model, so no forecast. Held at its
    // last value (yes) it earns 20 points, scored as 0 it earns none. The other series are
    // exact lines, so every draw is the same and the means are exact scores.
    const Plan plan = builtin_plan();
    const Framework f = builtin_framework();
    ObservationLog log = exact_log();
    add_months(log, "II.03", {0, 1});
    ProjectionOptions held = small();
    held.model = TrendModel::Linear;
    held.draws = 50;
    ProjectionOptions zero = held;
    zero.hold_last_value = false;
    const DtiProjection a = project_dti(plan, f, log, day(2026, 7, 15), day(2026, 12, 31), held);
    const DtiProjection b = project_dti(plan, f, log, day(2026, 7, 15), day(2026, 12, 31), zero);
    const auto ii03 = std::find_if(a.indicators.begin(), a.indicators.end(),
                                   [](const auto& ip) { return ip.indicator == "II.03"; });
    EXPECT_FALSE(ii03->forecast.has_value());
    EXPECT_EQ(ii03->fit.reason,
              "insufficient data: 2 points, 3 needed; the last value 1 is held fixed");
    // Held: II.03 counts as 1, indicators never reported are left out. Scored 0: II.03 and
    // every indicator never reported count as 0 (a component whose other indicator has data
    // then averages in the 0).
    IndicatorValues held_values;
    IndicatorValues zero_values;
    for (const auto& ip : a.indicators) {
        if (ip.fraction) {
            held_values[ip.indicator] = *ip.fraction;
            zero_values[ip.indicator] = *ip.fraction;
        } else {
            zero_values[ip.indicator] = 0.0;
        }
    }
    held_values["II.03"] = 1.0;
    ScoringContext ctx;
    ctx.plan = &plan;
    ctx.year = 2026;
    EXPECT_NEAR(a.dti.mean, score(f, held_values, ctx).dti(), 1e-12);
    EXPECT_NEAR(b.dti.mean, score(f, zero_values, ctx).dti(), 1e-12);
    // II.03 alone is worth 20 of the framework's 1,000 points.
    IndicatorValues without = held_values;
    without["II.03"] = 0.0;
    EXPECT_NEAR(score(f, held_values, ctx).dti() - score(f, without, ctx).dti(),
                20.0 / f.max_points(), 1e-12);

    // An indicator with no observation at all says so.
    const auto none = std::find_if(a.indicators.begin(), a.indicators.end(),
                                   [](const auto& ip) { return ip.indicator == "I.02"; });
    EXPECT_FALSE(none->fit.sufficient());
    EXPECT_NE(none->fit.reason.find("insufficient data: 0 points"), std::string::npos)
        << none->fit.reason;
}

TEST(ProjectedDti, RejectsBadOptions) {
    const Plan plan = builtin_plan();
    const Framework f = builtin_framework();
    ProjectionOptions o = small();
    o.draws = 0;
    EXPECT_THROW((void)project_dti(plan, f, {}, day(2026, 7, 15), day(2026, 12, 31), o),
                 ValidationError);
    o = small();
    o.level = 1.5;
    EXPECT_THROW((void)project_dti(plan, f, {}, day(2026, 7, 15), day(2026, 12, 31), o),
                 ValidationError);
}
