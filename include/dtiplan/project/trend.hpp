// Trend models for an indicator's series, each giving a forecast at any time with a prediction
// interval, fitted with Eigen. Too little data gives "insufficient data", never a made-up number.
// Formulas and sources: docs/projection.md.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <Eigen/Core>

namespace dtiplan {

enum class TrendModel {
    Linear,          ///< ordinary least squares on time: y = a + b t
    WeightedLinear,  ///< least squares with weights halving every `half_life` years back from
                     ///< the last point (recent data trusted more, as UN ESCAP's assessment)
    Growth,          ///< constant growth (CAGR): log y = a + b t, for y > 0
    Logistic,        ///< logistic curve for rates in 0..1: logit y = a + b t
    LastValue,       ///< last value carried forward; random-walk interval
    Auto,            ///< the model with the least out-of-sample error (fit_trend only)
};
[[nodiscard]] std::string_view to_string(TrendModel m) noexcept;
[[nodiscard]] std::optional<TrendModel> trend_model_from_string(std::string_view s) noexcept;

struct TrendOptions {
    double half_life = 1.0;  ///< years, for WeightedLinear
    /// The regression models (Linear, WeightedLinear, Growth, Logistic) need at least
    /// max(3, min_points) points; LastValue needs 1. Fewer: insufficient data.
    std::size_t min_points = 3;
    /// Auto: how many final points are held out one at a time (rolling origin); at least 1.
    std::size_t holdout = 3;
    /// Clamp forecasts and intervals to [lower_bound, upper_bound] (rates: 0..1).
    std::optional<double> lower_bound;
    std::optional<double> upper_bound;
    /// Logistic needs values strictly inside (0, 1): values are clamped to [eps, 1 - eps].
    double logit_epsilon = 1e-3;
};

struct Forecast {
    double time = 0.0;   ///< decimal year
    double mean = 0.0;   ///< point forecast (median in the transformed models)
    double lower = 0.0;  ///< prediction interval at `level`
    double upper = 0.0;
    double level = 0.95;
    /// Standard deviation of the forecast in the model's working scale (y, log y or logit y), and
    /// that scale's point forecast: what a simulation samples from (see sample()).
    double working_mean = 0.0;
    double working_sd = 0.0;
};

/// A fitted trend. Plain value; forecast() and interval() are const and cheap.
class Trend {
public:
    [[nodiscard]] TrendModel model() const noexcept { return model_; }
    /// Intercept and slope in the working scale (y, log y, logit y); LastValue: (last, 0).
    [[nodiscard]] const Eigen::Vector2d& coefficients() const noexcept { return beta_; }
    /// Residual standard deviation in the working scale; LastValue: standard deviation of the
    /// change over one median spacing (0 when fewer than 2 changes are known).
    [[nodiscard]] double sigma() const noexcept { return sigma_; }
    [[nodiscard]] std::size_t points() const noexcept { return n_; }
    [[nodiscard]] double last_time() const noexcept { return t_last_; }

    [[nodiscard]] double forecast(double time) const;
    [[nodiscard]] Forecast interval(double time, double level = 0.95) const;
    /// Map a working-scale value back to the indicator's scale (clamped to the bounds).
    [[nodiscard]] double from_working(double w) const;

private:
    friend struct TrendFitter;
    TrendModel model_ = TrendModel::Linear;
    Eigen::Vector2d beta_ = Eigen::Vector2d::Zero();
    /// Var(β̂) / σ²: (XᵀX)⁻¹ unweighted; the sandwich (XᵀWX)⁻¹XᵀW²X(XᵀWX)⁻¹ for WeightedLinear
    /// (docs/projection.md says why).
    Eigen::Matrix2d xtwx_inv_ = Eigen::Matrix2d::Zero();
    double sigma_ = 0.0;
    double dof_ = 0.0;   ///< degrees of freedom of the Student t quantile (0: none)
    double step_ = 1.0;  ///< LastValue: median spacing of the times, in years
    std::size_t n_ = 0;
    double t_last_ = 0.0;
    double t_ref_ = 0.0;  ///< times are centred on t_ref_ for conditioning
    TrendOptions options_;
};

struct TrendFit {
    TrendModel requested = TrendModel::Auto;
    std::optional<Trend> trend;  ///< none when there is not enough data
    /// Why this model, or why none: "insufficient data: 2 points, 3 needed", "auto: weighted-linear
    /// had the least out-of-sample mean absolute error (0.0123 over 3 hold-outs; linear 0.0210,
    /// ...)".
    std::string reason;
    /// Auto only: mean absolute one-step-ahead error of each candidate.
    std::map<TrendModel, double> errors;
    [[nodiscard]] bool sufficient() const noexcept { return trend.has_value(); }
};

/// Fit a model to (time, value) pairs (times in decimal years, strictly increasing). Throws
/// ValidationError on unequal lengths, unsorted times, NaN. Growth needs positive values and
/// Logistic values in 0..1: a series that violates that gives an insufficient fit with the reason.
[[nodiscard]] TrendFit fit_trend(const std::vector<double>& times,
                                 const std::vector<double>& values,
                                 TrendModel model = TrendModel::Auto,
                                 const TrendOptions& options = {});

}  // namespace dtiplan
