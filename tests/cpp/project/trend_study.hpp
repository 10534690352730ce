// The simulation study of the default trend choice (docs/projection.md, "The study"): 1,200
// simulated monthly series of rates, 300 from each of four families, 12 to 24 points each, and
// the value 6 months after the last point to forecast. Every series is drawn from its own stream
// of detail::Rng (seed, index), so the study is the same on every machine.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "dtiplan/detail/random.hpp"
#include "dtiplan/project/trend.hpp"

namespace dtiplan::test {

/// The process a series is simulated from (x: years since the first month, e ~ N(0, 1)).
enum class StudyFamily {
    Line,    ///< y = a + b x + s e;  a ~ U(0.2, 0.6), b ~ U(-0.05, 0.25) a year, s ~ U(0.01, 0.04)
    Growth,  ///< log y = log a + g x + s e;  a ~ U(0.05, 0.25), g ~ U(0.15, 0.5), s ~ U(0.03, 0.08)
    Logit,   ///< logit y = c + d x + s e;  c ~ U(-2.5, 0.5), d ~ U(0.4, 1.5), s ~ U(0.05, 0.2)
    Walk,    ///< y_i = y_{i-1} + s e;  y_0 ~ U(0.3, 0.7), s ~ U(0.01, 0.03) a month
};

/// The single model that matches a family (the forecast an analyst who knew it would use).
[[nodiscard]] inline TrendModel true_model(StudyFamily f) {
    switch (f) {
        case StudyFamily::Growth: return TrendModel::Growth;
        case StudyFamily::Logit: return TrendModel::Logistic;
        case StudyFamily::Walk: return TrendModel::LastValue;
        default: return TrendModel::Linear;
    }
}

[[nodiscard]] inline std::string family_name(StudyFamily f) {
    switch (f) {
        case StudyFamily::Growth: return "growth";
        case StudyFamily::Logit: return "logit";
        case StudyFamily::Walk: return "random walk";
        default: return "line";
    }
}

struct StudySeries {
    std::vector<double> times;  ///< decimal years, monthly
    std::vector<double> values;
    double future_time = 0.0;  ///< 6 months after the last point
    double future_value = 0.0;
};

/// Series `index` of a family: n = 12..24 points, then 5 unseen months and the one to forecast.
/// Draws whose path leaves (0.005, 0.995) are drawn again (rates stay rates), from the same
/// stream.
[[nodiscard]] inline StudySeries study_series(StudyFamily family, std::size_t index,
                                              std::uint64_t seed = 20261202) {
    detail::Rng rng(seed + static_cast<std::uint64_t>(family), index);
    const auto u = [&rng](double lo, double hi) { return lo + (hi - lo) * rng.uniform(); };
    const auto n = static_cast<std::size_t>(12 + std::min(12.0, std::floor(13.0 * rng.uniform())));
    constexpr std::size_t kAhead = 6;
    std::vector<double> y(n + kAhead);
    for (;;) {
        const double p1 = family == StudyFamily::Line     ? u(0.2, 0.6)
                          : family == StudyFamily::Growth ? u(0.05, 0.25)
                          : family == StudyFamily::Logit  ? u(-2.5, 0.5)
                                                          : u(0.3, 0.7);
        const double p2 = family == StudyFamily::Line     ? u(-0.05, 0.25)
                          : family == StudyFamily::Growth ? u(0.15, 0.5)
                          : family == StudyFamily::Logit  ? u(0.4, 1.5)
                                                          : 0.0;
        const double s = family == StudyFamily::Line     ? u(0.01, 0.04)
                         : family == StudyFamily::Growth ? u(0.03, 0.08)
                         : family == StudyFamily::Logit  ? u(0.05, 0.2)
                                                         : u(0.01, 0.03);
        double walk = p1;
        bool inside = true;
        for (std::size_t i = 0; i < y.size(); ++i) {
            const double x = static_cast<double>(i + 1) / 12.0;
            const double e = rng.normal();
            switch (family) {
                case StudyFamily::Line: y[i] = p1 + p2 * x + s * e; break;
                case StudyFamily::Growth: y[i] = p1 * std::exp(p2 * x + s * e); break;
                case StudyFamily::Logit:
                    y[i] = 1.0 / (1.0 + std::exp(-(p1 + p2 * x + s * e)));
                    break;
                case StudyFamily::Walk:
                    walk += s * e;
                    y[i] = walk;
                    break;
            }
            inside = inside && y[i] > 0.005 && y[i] < 0.995;
        }
        if (inside) break;
    }
    StudySeries out;
    for (std::size_t i = 0; i < n; ++i) {
        out.times.push_back(2024.0 + static_cast<double>(i + 1) / 12.0);
        out.values.push_back(y[i]);
    }
    out.future_time = 2024.0 + static_cast<double>(n + kAhead) / 12.0;
    out.future_value = y.back();
    return out;
}

/// One model's record on one family: mean absolute error of the forecast and the share of 95%
/// intervals that hold the value.
struct StudyScore {
    double mae = 0.0;
    double coverage = 0.0;
};

/// Forecasts every series of `family` with `model` (bounds 0..1, as the projection sets for
/// rates) and scores the forecasts.
[[nodiscard]] inline StudyScore study_score(StudyFamily family, TrendModel model,
                                            std::size_t series = 300) {
    TrendOptions options;
    options.lower_bound = 0.0;
    options.upper_bound = 1.0;
    double abs_error = 0.0;
    std::size_t covered = 0;
    for (std::size_t k = 0; k < series; ++k) {
        const StudySeries s = study_series(family, k);
        const TrendFit fit = fit_trend(s.times, s.values, model, options);
        const Forecast f = fit.trend->interval(s.future_time, 0.95);
        abs_error += std::fabs(f.mean - s.future_value);
        if (f.lower <= s.future_value && s.future_value <= f.upper) ++covered;
    }
    const double n = static_cast<double>(series);
    return {abs_error / n, static_cast<double>(covered) / n};
}

}  // namespace dtiplan::test
