// Trend models fitted by (weighted) least squares with Eigen, with Student-t prediction intervals
// from Boost.Math (docs/projection.md has every formula). Every model is a straight line in a
// "working scale" (y, log y or logit y), so one regression routine serves them all and the
// simulation in projected_dti.cpp can sample any forecast the same way: a normal in the working
// scale, mapped back. Too few points give a reason, never a number.
#include "dtiplan/project/trend.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <limits>
#include <string>
#include <utility>

#include <Eigen/Cholesky>
#include <boost/math/distributions/students_t.hpp>

#include "dtiplan/error.hpp"

namespace dtiplan {
namespace {

struct ModelName {
    TrendModel model;
    std::string_view spelling;
};
constexpr std::array<ModelName, 6> kModelNames{{
    {TrendModel::Linear, "linear"},
    {TrendModel::WeightedLinear, "weighted-linear"},
    {TrendModel::Growth, "growth"},
    {TrendModel::Logistic, "logistic"},
    {TrendModel::LastValue, "last-value"},
    {TrendModel::Auto, "auto"},
}};

/// "0.01234", "12.5", "1.2e-05": four significant digits for reasons and explanations.
std::string num(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.4g", v);
    return buf;
}

/// The points a regression model needs.
[[nodiscard]] std::size_t regression_minimum(const TrendOptions& o) noexcept {
    return std::max<std::size_t>(3, o.min_points);
}

[[nodiscard]] double logit(double p) noexcept { return std::log(p / (1.0 - p)); }
[[nodiscard]] double expit(double w) noexcept {
    return w >= 0 ? 1.0 / (1.0 + std::exp(-w)) : std::exp(w) / (1.0 + std::exp(w));
}

void validate_options(const TrendOptions& o) {
    if (!(o.half_life > 0.0) || !std::isfinite(o.half_life))
        throw ValidationError("options.half_life",
                              "expected a half-life above 0 years, found " + num(o.half_life));
    if (o.holdout < 1)
        throw ValidationError("options.holdout", "expected at least 1 hold-out point, found 0");
    if (!(o.logit_epsilon > 0.0 && o.logit_epsilon < 0.5))
        throw ValidationError("options.logit_epsilon",
                              "expected a value in (0, 0.5), found " + num(o.logit_epsilon));
    for (const auto& [name, bound] : {std::pair{"options.lower_bound", o.lower_bound},
                                      std::pair{"options.upper_bound", o.upper_bound}})
        if (bound && std::isnan(*bound)) throw ValidationError(name, "the bound is NaN");
    if (o.lower_bound && o.upper_bound && *o.lower_bound > *o.upper_bound)
        throw ValidationError("options", "lower_bound " + num(*o.lower_bound) +
                                             " is above upper_bound " + num(*o.upper_bound));
}

void validate_series(const std::vector<double>& times, const std::vector<double>& values) {
    if (times.size() != values.size())
        throw ValidationError("values", std::to_string(times.size()) + " times but " +
                                            std::to_string(values.size()) + " values");
    for (std::size_t i = 0; i < times.size(); ++i) {
        // Built by appending: GCC 12 warns (-Wrestrict, a known false positive) on
        // "literal" + std::string&& here.
        std::string at(1, '[');
        at += std::to_string(i);
        at += ']';
        if (!std::isfinite(times[i]))
            throw ValidationError("times" + at, "the time is not a finite number");
        if (!std::isfinite(values[i]))
            throw ValidationError("values" + at, "the value is not a finite number");
        if (i > 0 && !(times[i] > times[i - 1]))
            throw ValidationError("times" + at, "times must increase strictly: " + num(times[i]) +
                                                    " follows " + num(times[i - 1]));
    }
}

/// The Student t quantile, or 0 when there is no spread to scale.
[[nodiscard]] double t_quantile(double dof, double p) {
    if (!(dof > 0.0)) return 0.0;
    return boost::math::quantile(boost::math::students_t(dof), p);
}

}  // namespace

std::string_view to_string(TrendModel m) noexcept {
    for (const auto& e : kModelNames)
        if (e.model == m) return e.spelling;
    return "?";
}

std::optional<TrendModel> trend_model_from_string(std::string_view s) noexcept {
    for (const auto& e : kModelNames)
        if (e.spelling == s) return e.model;
    return std::nullopt;
}

/// Fits one model; the friend of Trend that fills its private state.
struct TrendFitter {
    /// A straight line in the working scale by weighted least squares.
    ///   X = [1, t - t_ref], W = diag(w) with Σw = n, A = XᵀWX, β = A⁻¹XᵀWy (LDLT).
    /// Unweighted: σ² = Σr²/(n-2), Var(β̂) = σ²A⁻¹, dof n-2 (the textbook OLS interval).
    /// Weighted (time-discounting weights on homoscedastic data): Var(β̂) = σ²A⁻¹BA⁻¹ with
    /// B = XᵀW²X; σ² = Σwr² / tr(M), M = W - WX A⁻¹XᵀW (so E σ² = σ² exactly); dof by
    /// Satterthwaite, tr(M)² / tr(M²). Both reduce to OLS when every weight is 1.
    static bool regress(const std::vector<double>& t, const std::vector<double>& y, bool weighted,
                        const TrendOptions& o, Trend& out, std::string& why) {
        const std::size_t n = t.size();
        const double nd = static_cast<double>(n);
        Eigen::VectorXd w = Eigen::VectorXd::Ones(static_cast<Eigen::Index>(n));
        if (weighted) {
            for (std::size_t i = 0; i < n; ++i)
                w(static_cast<Eigen::Index>(i)) = std::exp2(-(t.back() - t[i]) / o.half_life);
            w *= nd / w.sum();
        }
        double t_ref = 0.0;
        for (std::size_t i = 0; i < n; ++i) t_ref += w(static_cast<Eigen::Index>(i)) * t[i];
        t_ref /= nd;

        Eigen::MatrixXd X(static_cast<Eigen::Index>(n), 2);
        Eigen::VectorXd Y(static_cast<Eigen::Index>(n));
        for (std::size_t i = 0; i < n; ++i) {
            const auto r = static_cast<Eigen::Index>(i);
            X(r, 0) = 1.0;
            X(r, 1) = t[i] - t_ref;
            Y(r) = y[i];
        }
        const Eigen::Matrix2d A = X.transpose() * w.asDiagonal() * X;
        const Eigen::LDLT<Eigen::Matrix2d> ldlt(A);
        const Eigen::Vector2d d = ldlt.vectorD();
        if (ldlt.info() != Eigen::Success || !ldlt.isPositive() ||
            !(d.minCoeff() > 1e-12 * d.maxCoeff())) {
            why = "the times are too close together to estimate a slope";
            return false;
        }
        const Eigen::Vector2d beta = ldlt.solve(X.transpose() * w.asDiagonal() * Y);
        const Eigen::Matrix2d A_inv = ldlt.solve(Eigen::Matrix2d::Identity());
        const Eigen::VectorXd r = Y - X * beta;
        const double q = (w.array() * r.array().square()).sum();

        Eigen::Matrix2d cov = A_inv;
        double denominator = nd - 2.0;
        double dof = nd - 2.0;
        if (weighted) {
            const Eigen::Matrix2d B = X.transpose() * w.array().square().matrix().asDiagonal() * X;
            cov = A_inv * B * A_inv;
            // M = W - W X A⁻¹ Xᵀ W: tr(M) = n - tr(A⁻¹B), tr(M²) = Σ Mij² (M is symmetric).
            const Eigen::MatrixXd WX = w.asDiagonal() * X;
            Eigen::MatrixXd M = -WX * A_inv * WX.transpose();
            M.diagonal() += w;
            denominator = M.trace();
            dof = denominator * denominator / M.squaredNorm();
        }
        if (!(denominator > 0.0) || !(dof > 0.0)) {
            why = "too few effective points for the weighting (half-life " + num(o.half_life) +
                  " years)";
            return false;
        }
        double sigma = std::sqrt(std::max(q, 0.0) / denominator);
        // Residuals at floating-point noise level: an exact fit, no spread.
        if (sigma <= 1e-12 * std::max(1.0, Y.cwiseAbs().maxCoeff())) sigma = 0.0;

        out.beta_ = beta;
        out.xtwx_inv_ = cov;
        out.sigma_ = sigma;
        out.dof_ = dof;
        out.n_ = n;
        out.t_last_ = t.back();
        out.t_ref_ = t_ref;
        out.step_ = 1.0;
        return true;
    }

    /// The last value carried forward with a random-walk interval: σ is the sample standard
    /// deviation of the changes, each scaled to one median spacing (a change over two spacings
    /// is divided by √2), with (changes - 1) degrees of freedom.
    static void last_value(const std::vector<double>& t, const std::vector<double>& y, Trend& out) {
        const std::size_t n = t.size();
        double step = 1.0;
        double sigma = 0.0;
        double dof = 0.0;
        if (n >= 2) {
            std::vector<double> spacing(n - 1);
            for (std::size_t i = 1; i < n; ++i) spacing[i - 1] = t[i] - t[i - 1];
            std::vector<double> sorted = spacing;
            std::sort(sorted.begin(), sorted.end());
            const std::size_t m = sorted.size();
            step = m % 2 == 1 ? sorted[m / 2] : 0.5 * (sorted[m / 2 - 1] + sorted[m / 2]);
            if (n >= 3) {
                std::vector<double> change(n - 1);
                double mean = 0.0;
                for (std::size_t i = 1; i < n; ++i) {
                    change[i - 1] = (y[i] - y[i - 1]) / std::sqrt(spacing[i - 1] / step);
                    mean += change[i - 1];
                }
                mean /= static_cast<double>(m);
                double ss = 0.0;
                for (const double c : change) ss += (c - mean) * (c - mean);
                dof = static_cast<double>(m) - 1.0;
                sigma = std::sqrt(ss / dof);
                if (sigma <= 1e-12 * std::max(1.0, std::fabs(y.back()))) sigma = 0.0;
            }
        }
        out.beta_ = Eigen::Vector2d(y.back(), 0.0);
        out.xtwx_inv_.setZero();
        out.sigma_ = sigma;
        out.dof_ = sigma > 0.0 ? dof : 0.0;
        out.n_ = n;
        out.t_last_ = t.back();
        out.t_ref_ = t.back();
        out.step_ = step;
    }

    /// Fit `model` (not Auto). On failure, returns nothing and says why.
    static std::optional<Trend> fit(const std::vector<double>& t, const std::vector<double>& y,
                                    TrendModel model, const TrendOptions& o, std::string& why) {
        const std::size_t n = t.size();
        Trend trend;
        trend.model_ = model;
        trend.options_ = o;
        if (model == TrendModel::LastValue) {
            if (n < 1) {
                why = "insufficient data: 0 points, 1 needed";
                return std::nullopt;
            }
            last_value(t, y, trend);
            return trend;
        }
        const std::size_t needed = regression_minimum(o);
        if (n < needed) {
            why = "insufficient data: " + std::to_string(n) + (n == 1 ? " point, " : " points, ") +
                  std::to_string(needed) + " needed";
            return std::nullopt;
        }
        std::vector<double> working(n);
        for (std::size_t i = 0; i < n; ++i) {
            switch (model) {
                case TrendModel::Growth:
                    if (!(y[i] > 0.0)) {
                        why = "growth needs values above 0: " + num(y[i]) + " at " + num(t[i]);
                        return std::nullopt;
                    }
                    working[i] = std::log(y[i]);
                    break;
                case TrendModel::Logistic:
                    if (y[i] < 0.0 || y[i] > 1.0) {
                        why = "logistic needs values in 0..1: " + num(y[i]) + " at " + num(t[i]);
                        return std::nullopt;
                    }
                    working[i] = logit(std::clamp(y[i], o.logit_epsilon, 1.0 - o.logit_epsilon));
                    break;
                default: working[i] = y[i]; break;
            }
        }
        if (!regress(t, working, model == TrendModel::WeightedLinear, o, trend, why))
            return std::nullopt;
        return trend;
    }
};

double Trend::forecast(double time) const {
    const double w =
        model_ == TrendModel::LastValue ? beta_(0) : beta_(0) + beta_(1) * (time - t_ref_);
    return from_working(w);
}

Forecast Trend::interval(double time, double level) const {
    if (!std::isfinite(time)) throw ValidationError("time", "the time is not a finite number");
    if (!(level > 0.0 && level < 1.0))
        throw ValidationError("level", "expected a level in (0, 1), found " + num(level));
    Forecast f;
    f.time = time;
    f.level = level;
    if (model_ == TrendModel::LastValue) {
        f.working_mean = beta_(0);
        f.working_sd = sigma_ * std::sqrt(std::fabs(time - t_last_) / step_);
    } else {
        const Eigen::Vector2d x0(1.0, time - t_ref_);
        f.working_mean = beta_.dot(x0);
        f.working_sd = sigma_ * std::sqrt(1.0 + x0.dot(xtwx_inv_ * x0));
    }
    const double half =
        f.working_sd > 0.0 ? t_quantile(dof_, 0.5 * (1.0 + level)) * f.working_sd : 0.0;
    f.mean = from_working(f.working_mean);
    f.lower = from_working(f.working_mean - half);
    f.upper = from_working(f.working_mean + half);
    return f;
}

double Trend::from_working(double w) const {
    double v = w;
    if (model_ == TrendModel::Growth) v = std::exp(w);
    if (model_ == TrendModel::Logistic) v = expit(w);
    if (options_.lower_bound) v = std::max(v, *options_.lower_bound);
    if (options_.upper_bound) v = std::min(v, *options_.upper_bound);
    return v;
}

namespace {

std::string fitted_reason(const Trend& trend) {
    std::string r = std::string(to_string(trend.model())) + " fitted to " +
                    std::to_string(trend.points()) + (trend.points() == 1 ? " point" : " points");
    if (trend.model() == TrendModel::LastValue && trend.sigma() == 0.0) {
        if (trend.points() < 3)
            r += "; with fewer than 2 changes the spread is unknown: the interval is the last "
                 "value itself";
        else
            r += "; the value never changed: the interval is the last value itself";
    }
    return r;
}

/// Auto: every candidate is fitted on the points before each of the last `holdout` points and
/// forecasts that point; the least mean absolute error wins, ties to the simpler model.
TrendFit fit_auto(const std::vector<double>& t, const std::vector<double>& y,
                  const TrendOptions& o) {
    TrendFit out;
    out.requested = TrendModel::Auto;
    const std::size_t n = t.size();
    if (n == 0) {
        out.reason = "insufficient data: 0 points, 1 needed";
        return out;
    }
    const std::size_t needed = regression_minimum(o);
    const std::size_t first = std::max(needed, n > o.holdout ? n - o.holdout : std::size_t{0});
    std::string why;
    if (first >= n) {
        out.trend = TrendFitter::fit(t, y, TrendModel::LastValue, o, why);
        out.reason = "auto: last-value, because " + std::to_string(n) +
                     (n == 1 ? " point is" : " points are") +
                     " too few to compare models out of sample (a hold-out needs " +
                     std::to_string(needed + 1) + "); " + fitted_reason(*out.trend);
        return out;
    }

    std::vector<TrendModel> candidates{TrendModel::LastValue, TrendModel::Linear,
                                       TrendModel::WeightedLinear};
    const bool positive = std::all_of(y.begin(), y.end(), [](double v) { return v > 0.0; });
    const bool unit =
        std::all_of(y.begin(), y.end(), [](double v) { return v >= 0.0 && v <= 1.0; });
    if (positive) candidates.push_back(TrendModel::Growth);
    if (unit) candidates.push_back(TrendModel::Logistic);

    const std::size_t folds = n - first;
    std::vector<std::pair<TrendModel, std::string>> failed;
    for (const TrendModel m : candidates) {
        double total = 0.0;
        bool ok = true;
        for (std::size_t j = first; j < n && ok; ++j) {
            const std::vector<double> tt(t.begin(), t.begin() + static_cast<std::ptrdiff_t>(j));
            const std::vector<double> yy(y.begin(), y.begin() + static_cast<std::ptrdiff_t>(j));
            std::string fold_why;
            const auto trend = TrendFitter::fit(tt, yy, m, o, fold_why);
            if (!trend) {
                failed.emplace_back(m, fold_why);
                ok = false;
                break;
            }
            total += std::fabs(trend->forecast(t[j]) - y[j]);
        }
        if (ok) out.errors[m] = total / static_cast<double>(folds);
    }

    // Candidates in order of simplicity: a later one must be better by more than rounding.
    std::optional<TrendModel> best;
    for (const TrendModel m : candidates) {
        const auto it = out.errors.find(m);
        if (it == out.errors.end()) continue;
        if (!best) {
            best = m;
            continue;
        }
        const double b = out.errors.at(*best);
        if (it->second < b - (1e-12 + 1e-9 * b)) best = m;
    }
    // LastValue always fits, so there is a best; should the winner fail on all the points
    // (it fitted every fold, so only a degenerate last point could do that), carry the last
    // value forward instead.
    out.trend = TrendFitter::fit(t, y, *best, o, why);
    if (!out.trend) {
        out.trend = TrendFitter::fit(t, y, TrendModel::LastValue, o, why);
        out.reason = "auto: last-value, because " + std::string(to_string(*best)) +
                     " won out of sample but cannot be fitted to all the points (" + why + ")";
        return out;
    }
    std::string others;
    for (const TrendModel m : candidates) {
        if (m == *best) continue;
        others += "; " + std::string(to_string(m)) + " ";
        if (const auto it = out.errors.find(m); it != out.errors.end())
            others += num(it->second);
        else
            for (const auto& [fm, fw] : failed)
                if (fm == m) others += "not fitted (" + fw + ")";
    }
    if (!positive) others += "; growth not tried (values not all above 0)";
    if (!unit) others += "; logistic not tried (values not all in 0..1)";
    out.reason = "auto: " + std::string(to_string(*best)) +
                 " had the least out-of-sample mean absolute error (" + num(out.errors.at(*best)) +
                 " over " + std::to_string(folds) + (folds == 1 ? " hold-out" : " hold-outs") +
                 others + ")";
    return out;
}

}  // namespace

TrendFit fit_trend(const std::vector<double>& times, const std::vector<double>& values,
                   TrendModel model, const TrendOptions& options) {
    validate_options(options);
    validate_series(times, values);
    if (model == TrendModel::Auto) return fit_auto(times, values, options);
    TrendFit out;
    out.requested = model;
    std::string why;
    out.trend = TrendFitter::fit(times, values, model, options, why);
    out.reason = out.trend ? fitted_reason(*out.trend) : why;
    return out;
}

}  // namespace dtiplan
