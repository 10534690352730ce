// Trend models fitted by (weighted) least squares with Eigen, with Student-t prediction intervals
// from Boost.Math (docs/projection.md has every formula). Every model is a straight line in a
// "working scale" (y, log y or logit y), so one regression routine serves them all and the
// simulation in projected_dti.cpp can sample any forecast the same way: a normal in the working
// scale, mapped back. Too few points give a reason, never a number.
#include "dtiplan/project/trend.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <limits>
#include <numbers>
#include <numeric>
#include <string>
#include <utility>

#include <Eigen/Cholesky>
#include <boost/math/distributions/normal.hpp>
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

/// A time as written back in an error: the shortest text that reads back as the same double
/// ("2026.0833333333333"), so two nearby times never look equal.
std::string exact(double v) {
    char buf[32];
    const auto r = std::to_chars(buf, buf + sizeof buf, v);
    return std::string(buf, r.ptr);
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
            throw ValidationError(
                "times" + at,
                times[i] == times[i - 1]
                    ? "two points at the same time " + exact(times[i]) + ": one value per time"
                    : "times must increase strictly: " + exact(times[i]) + " comes after " +
                          exact(times[i - 1]) + "; sort the points by time");
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

    /// Scale a fitted model's spread (its intervals and draws) by `factor`.
    static void widen(Trend& trend, double factor) { trend.sigma_ *= factor; }

    /// An average of fitted models with weights summing to 1. Models whose weight is below
    /// 0.001 are left out (the rest renormalised); a single model left is returned itself.
    static Trend combine(std::vector<Trend> models, std::vector<double> weights,
                         const TrendOptions& o) {
        std::vector<Trend> kept;
        std::vector<double> kept_weights;
        double total = 0.0;
        for (std::size_t k = 0; k < models.size(); ++k)
            if (weights[k] >= 1e-3) {
                kept.push_back(std::move(models[k]));
                kept_weights.push_back(weights[k]);
                total += weights[k];
            }
        if (kept.size() == 1) return std::move(kept.front());
        for (double& w : kept_weights) w /= total;
        Trend out;
        out.model_ = TrendModel::Auto;
        out.options_ = o;
        out.n_ = kept.front().n_;
        out.t_last_ = kept.front().t_last_;
        out.t_ref_ = out.t_last_;
        out.members_ = std::move(kept);
        out.weights_ = std::move(kept_weights);
        return out;
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
            if (!finite(trend, t.back(), model, y, why)) return std::nullopt;
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
        if (!finite(trend, t.back(), model, y, why)) return std::nullopt;
        return trend;
    }

    /// A fit whose forecast or spread a year after the last point is not a finite number (values
    /// near the largest double overflow the sums) is no fit: the reason says so.
    static bool finite(const Trend& trend, double t_last, TrendModel model,
                       const std::vector<double>& y, std::string& why) {
        const Forecast f = trend.working(t_last + 1.0);
        if (std::isfinite(f.working_mean) && std::isfinite(f.working_sd) &&
            std::isfinite(trend.forecast(t_last + 1.0)))
            return true;
        double largest = 0.0;
        for (const double v : y) largest = std::max(largest, std::fabs(v));
        why = std::string(to_string(model)) + " cannot be fitted: values as large as " +
              num(largest) + " overflow its computation (the forecast is not a finite number)";
        return false;
    }
};

double Trend::forecast(double time) const {
    // An average: the median of the mixture, as each model's forecast is its median.
    if (!members_.empty()) return quantile(time, 0.5);
    const double w =
        model_ == TrendModel::LastValue ? beta_(0) : beta_(0) + beta_(1) * (time - t_ref_);
    return from_working(w);
}

Forecast Trend::working(double time) const {
    Forecast f;
    f.time = time;
    if (model_ == TrendModel::LastValue) {
        f.working_mean = beta_(0);
        f.working_sd = sigma_ * std::sqrt(std::fabs(time - t_last_) / step_);
    } else {
        const Eigen::Vector2d x0(1.0, time - t_ref_);
        f.working_mean = beta_.dot(x0);
        f.working_sd = sigma_ * std::sqrt(1.0 + x0.dot(xtwx_inv_ * x0));
    }
    return f;
}

namespace {

void check_time(double time) {
    if (!std::isfinite(time)) throw ValidationError("time", "the time is not a finite number");
}

/// The standard normal quantile (the sampling distribution when there are no degrees of
/// freedom).
[[nodiscard]] double z_quantile(double p) {
    return boost::math::quantile(boost::math::normal(), p);
}

}  // namespace

Forecast Trend::interval(double time, double level) const {
    check_time(time);
    if (!(level > 0.0 && level < 1.0))
        throw ValidationError("level", "expected a level in (0, 1), found " + num(level));
    if (!members_.empty()) {
        // The mixture's central interval; its working scale is the indicator's own. While the
        // last value keeps a weight of at least 1 − level (the data do not rule out "no trend"
        // at that level), the interval also holds the last value's own interval.
        Forecast f;
        f.time = time;
        f.level = level;
        f.mean = forecast(time);
        f.lower = quantile(time, 0.5 * (1.0 - level));
        f.upper = quantile(time, 0.5 * (1.0 + level));
        for (std::size_t k = 0; k < members_.size(); ++k)
            if (members_[k].model() == TrendModel::LastValue && weights_[k] >= 1.0 - level) {
                const Forecast walk = members_[k].interval(time, level);
                f.lower = std::min(f.lower, walk.lower);
                f.upper = std::max(f.upper, walk.upper);
            }
        f.working_mean = f.mean;
        f.working_sd = (f.upper - f.lower) / (2.0 * z_quantile(0.5 * (1.0 + level)));
        return f;
    }
    Forecast f = working(time);
    f.level = level;
    const double half =
        f.working_sd > 0.0 ? t_quantile(dof_, 0.5 * (1.0 + level)) * f.working_sd : 0.0;
    f.mean = from_working(f.working_mean);
    f.lower = from_working(f.working_mean - half);
    f.upper = from_working(f.working_mean + half);
    return f;
}

double Trend::cdf(double time, double y) const {
    check_time(time);
    if (std::isnan(y)) throw ValidationError("y", "the value is NaN");
    if (options_.lower_bound && y < *options_.lower_bound) return 0.0;
    if (options_.upper_bound && y >= *options_.upper_bound) return 1.0;
    if (!members_.empty()) {
        double p = 0.0;
        for (std::size_t k = 0; k < members_.size(); ++k)
            p += weights_[k] * members_[k].cdf(time, y);
        return std::clamp(p, 0.0, 1.0);
    }
    const Forecast f = working(time);
    double w = y;
    if (model_ == TrendModel::Growth) {
        if (!(y > 0.0)) return 0.0;
        w = std::log(y);
    } else if (model_ == TrendModel::Logistic) {
        if (!(y > 0.0)) return 0.0;
        if (!(y < 1.0)) return 1.0;
        w = logit(y);
    }
    if (!(f.working_sd > 0.0)) return w >= f.working_mean ? 1.0 : 0.0;
    const double z = (w - f.working_mean) / f.working_sd;
    if (dof_ > 0.0) return boost::math::cdf(boost::math::students_t(dof_), z);
    return boost::math::cdf(boost::math::normal(), z);
}

double Trend::quantile(double time, double p) const {
    check_time(time);
    if (!(p > 0.0 && p < 1.0))
        throw ValidationError("p", "expected a probability in (0, 1), found " + num(p));
    if (members_.empty()) {
        const Forecast f = working(time);
        if (!(f.working_sd > 0.0)) return from_working(f.working_mean);
        const double q = dof_ > 0.0 ? t_quantile(dof_, p) : z_quantile(p);
        return from_working(f.working_mean + q * f.working_sd);
    }
    // The mixture's quantile lies between its members' quantiles at p.
    double lo = std::numeric_limits<double>::infinity();
    double hi = -lo;
    for (const Trend& m : members_) {
        const double q = m.quantile(time, p);
        lo = std::min(lo, q);
        hi = std::max(hi, q);
    }
    for (int i = 0; i < 200 && hi - lo > 1e-12 * std::max(1.0, std::fabs(hi)); ++i) {
        const double mid = 0.5 * (lo + hi);
        if (cdf(time, mid) < p)
            lo = mid;
        else
            hi = mid;
    }
    return from_working(hi);
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

/// The least number of points at which `auto` compares the families: a two-parameter trend
/// with its spread has 3 parameters, and AICc needs more changes than parameters + 1.
[[nodiscard]] std::size_t comparison_minimum(const TrendOptions& o) noexcept {
    return std::max<std::size_t>(6, regression_minimum(o));
}

/// The log-likelihood of a fitted model in the indicator's own scale, given the first point
/// (docs/projection.md, "Automatic choice"), and its number of parameters. Regression models:
/// the normal likelihood of the working-scale residuals at the maximum-likelihood spread, plus
/// the Jacobian of the working scale (−Σ log y for growth, −Σ log y(1−y) for logistic), counted
/// for n − 1 points; last-value: the normal likelihood of the n − 1 changes (scaled to one
/// spacing) with no drift. Spreads are floored at 1e-9 so that an exact fit is finite.
struct Likelihood {
    double log_likelihood = 0.0;
    double parameters = 0.0;
};

Likelihood likelihood(const Trend& trend, const std::vector<double>& t,
                      const std::vector<double>& y, const TrendOptions& o) {
    const std::size_t n = t.size();
    const double nd = static_cast<double>(n);
    constexpr double kFloor = 1e-18;
    const double log2pi = std::log(2.0 * std::numbers::pi);
    if (trend.model() == TrendModel::LastValue) {
        double ss = 0.0;
        double jacobian = 0.0;
        std::vector<double> gaps(n - 1);
        for (std::size_t i = 1; i < n; ++i) gaps[i - 1] = t[i] - t[i - 1];
        std::vector<double> sorted = gaps;
        std::sort(sorted.begin(), sorted.end());
        const std::size_t m = sorted.size();
        const double median =
            m % 2 == 1 ? sorted[m / 2] : 0.5 * (sorted[m / 2 - 1] + sorted[m / 2]);
        for (std::size_t i = 1; i < n; ++i) {
            const double scale = std::sqrt(gaps[i - 1] / median);
            const double c = (y[i] - y[i - 1]) / scale;
            ss += c * c;
            jacobian -= std::log(scale);
        }
        const double md = nd - 1.0;
        const double var = std::max(ss / md, kFloor);
        return {-0.5 * md * (log2pi + std::log(var) + 1.0) + jacobian, 1.0};
    }
    double jacobian = 0.0;
    for (std::size_t i = 0; i < n; ++i) {
        if (trend.model() == TrendModel::Growth) {
            jacobian -= std::log(y[i]);
        } else if (trend.model() == TrendModel::Logistic) {
            const double c = std::clamp(y[i], o.logit_epsilon, 1.0 - o.logit_epsilon);
            jacobian -= std::log(c * (1.0 - c));
        }
    }
    // The residual sum of squares from the fitted spread: σ² = RSS / (n − 2).
    const double rss = trend.sigma() * trend.sigma() * (nd - 2.0);
    const double var = std::max(rss / nd, kFloor);
    const double ll = -0.5 * nd * (log2pi + std::log(var) + 1.0) + jacobian;
    return {ll * (nd - 1.0) / nd, 3.0};
}

/// How much wider a model's intervals must be to be honest on this series: each origin j from
/// 5 points on, the model is fitted to the first j points and forecasts every later point; the
/// forecast errors, standardised by the model's own predictive spread and mapped to normal
/// scores through its Student t, should have mean square 1. The factor is the root of their
/// mean square, pooled with 4 pseudo-errors of 1 (a weak pull to 1 when there are few), and
/// never below 1.
double calibration(const std::vector<double>& t, const std::vector<double>& y, TrendModel model,
                   const TrendOptions& o) {
    const std::size_t n = t.size();
    double ss = 4.0;
    double count = 4.0;
    const boost::math::normal standard;
    for (std::size_t j = std::max<std::size_t>(5, regression_minimum(o)); j < n; ++j) {
        const std::vector<double> tt(t.begin(), t.begin() + static_cast<std::ptrdiff_t>(j));
        const std::vector<double> yy(y.begin(), y.begin() + static_cast<std::ptrdiff_t>(j));
        std::string why;
        const auto trend = TrendFitter::fit(tt, yy, model, o, why);
        if (!trend) continue;
        for (std::size_t i = j; i < n; ++i) {
            const double p = trend->cdf(t[i], y[i]);
            const double z = boost::math::quantile(standard, std::clamp(p, 1e-9, 1.0 - 1e-9));
            ss += z * z;
            count += 1.0;
        }
    }
    return std::max(1.0, std::sqrt(ss / count));
}

/// The prior weight of a family among `families` fitted: the last value 1/2, the trends (linear,
/// growth, logistic) 1/2 shared equally. On rates away from 0 and 1 the three trend shapes
/// nearly coincide, so equal priors would count the evidence for a trend three times over
/// against one for no trend (docs/projection.md, "Prior weights").
double prior(TrendModel model, std::size_t families) {
    if (families < 2) return 1.0;
    if (model == TrendModel::LastValue) return 0.5;
    return 0.5 / static_cast<double>(families - 1);
}

/// Auto: the families that can take the values (last-value, linear, growth for values above 0,
/// logistic for values in 0..1) are each fitted to all the points and averaged with Akaike
/// weights w_k ∝ π_k exp(−ΔAICc_k / 2) (π_k: prior()), AICc on the likelihood in the indicator's
/// scale; the average's forecast is the weighted mean, its distribution the mixture. Too few points
/// to compare: last-value. The rolling-origin errors of the old choice are kept for information.
TrendFit fit_auto(const std::vector<double>& t, const std::vector<double>& y,
                  const TrendOptions& o) {
    TrendFit out;
    out.requested = TrendModel::Auto;
    const std::size_t n = t.size();
    if (n == 0) {
        out.reason = "insufficient data: 0 points, 1 needed";
        return out;
    }
    std::string why;
    const std::size_t needed = comparison_minimum(o);
    if (n < needed) {
        out.trend = TrendFitter::fit(t, y, TrendModel::LastValue, o, why);
        if (!out.trend) {
            out.reason = "auto: " + why;
            return out;
        }
        out.weights[TrendModel::LastValue] = 1.0;
        out.reason = "auto: last-value, because " + std::to_string(n) +
                     (n == 1 ? " point is" : " points are") +
                     " too few to compare trends with it (comparing needs " +
                     std::to_string(needed) + "); " + fitted_reason(*out.trend);
        return out;
    }

    std::vector<TrendModel> candidates{TrendModel::LastValue, TrendModel::Linear};
    const bool positive = std::all_of(y.begin(), y.end(), [](double v) { return v > 0.0; });
    const bool unit =
        std::all_of(y.begin(), y.end(), [](double v) { return v >= 0.0 && v <= 1.0; });
    if (positive) candidates.push_back(TrendModel::Growth);
    if (unit) candidates.push_back(TrendModel::Logistic);

    // Out-of-sample one-step errors, for information (TrendFit::errors).
    const std::size_t first = std::max(regression_minimum(o), n > o.holdout ? n - o.holdout : 0);
    for (const TrendModel m : candidates) {
        double total = 0.0;
        bool ok = first < n;
        for (std::size_t j = first; j < n && ok; ++j) {
            const std::vector<double> tt(t.begin(), t.begin() + static_cast<std::ptrdiff_t>(j));
            const std::vector<double> yy(y.begin(), y.begin() + static_cast<std::ptrdiff_t>(j));
            std::string fold_why;
            const auto trend = TrendFitter::fit(tt, yy, m, o, fold_why);
            if (!trend)
                ok = false;
            else
                total += std::fabs(trend->forecast(t[j]) - y[j]);
        }
        if (ok) out.errors[m] = total / static_cast<double>(n - first);
    }

    std::vector<Trend> fitted;
    std::vector<double> aicc;
    std::vector<std::pair<TrendModel, std::string>> failed;
    const double m = static_cast<double>(n) - 1.0;  // points after the first
    for (const TrendModel model : candidates) {
        std::string fail;
        auto trend = TrendFitter::fit(t, y, model, o, fail);
        if (!trend) {
            failed.emplace_back(model, fail);
            continue;
        }
        const Likelihood l = likelihood(*trend, t, y, o);
        TrendFitter::widen(*trend, calibration(t, y, model, o));
        const double k = l.parameters;
        aicc.push_back(-2.0 * l.log_likelihood + 2.0 * k + 2.0 * k * (k + 1.0) / (m - k - 1.0));
        fitted.push_back(std::move(*trend));
    }
    if (fitted.empty()) {  // every family failed (values that overflow)
        out.reason = "auto: no trend could be fitted";
        for (const auto& [fm, fw] : failed) out.reason += "; " + fw;
        return out;
    }
    const double best = *std::min_element(aicc.begin(), aicc.end());
    std::vector<double> w(fitted.size());
    double total = 0.0;
    for (std::size_t k = 0; k < fitted.size(); ++k)
        total += w[k] = prior(fitted[k].model(), fitted.size()) * std::exp(-0.5 * (aicc[k] - best));
    for (std::size_t k = 0; k < fitted.size(); ++k) w[k] /= total;
    for (std::size_t k = 0; k < fitted.size(); ++k) out.weights[fitted[k].model()] = w[k];

    // The reason: the weights, most weight first, then what was not tried.
    std::vector<std::size_t> order(fitted.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(),
                     [&w](std::size_t a, std::size_t b) { return w[a] > w[b]; });
    std::string weights_text;
    for (const std::size_t k : order) {
        char cell[48];
        std::snprintf(cell, sizeof cell, "%s%s %.2f", weights_text.empty() ? "" : ", ",
                      std::string(to_string(fitted[k].model())).c_str(), w[k]);
        weights_text += cell;
    }
    std::string others;
    for (const auto& [fm, fw] : failed)
        others += "; " + std::string(to_string(fm)) + " not fitted (" + fw + ")";
    if (!positive) others += "; growth not tried (values not all above 0)";
    if (!unit) others += "; logistic not tried (values not all in 0..1)";
    out.reason = "auto: average of " + weights_text +
                 " (Akaike weights of each trend's fit to the " + std::to_string(n) +
                 " points, in the indicator's own scale, with even prior odds of a trend or none" +
                 others + ")";
    out.trend = TrendFitter::combine(std::move(fitted), std::move(w), o);
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
