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
    Auto,  ///< fit_trend: the families averaged with Akaike weights (docs/projection.md); a
           ///< Trend whose model() is Auto is such an average (see Trend::members())
};
[[nodiscard]] std::string_view to_string(TrendModel m) noexcept;
[[nodiscard]] std::optional<TrendModel> trend_model_from_string(std::string_view s) noexcept;

struct TrendOptions {
    double half_life = 1.0;  ///< years, for WeightedLinear
    /// The regression models (Linear, WeightedLinear, Growth, Logistic) need at least
    /// max(3, min_points) points; LastValue needs 1. Fewer: insufficient data.
    std::size_t min_points = 3;
    /// Auto: how many final points are held out one at a time (rolling origin) for the
    /// out-of-sample errors TrendFit::errors reports; at least 1.
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
    /// that scale's point forecast: what a simulation samples from. An average of models (model
    /// Auto) has no single working scale: these are its mean and the standard deviation of the
    /// normal with the same interval width, and it is sampled through Trend::quantile().
    double working_mean = 0.0;
    double working_sd = 0.0;
};

/// A fitted trend: one model, or (model Auto) an average of models whose forecast is the
/// weighted mean of theirs and whose predictive distribution is the mixture of theirs. Plain
/// value; forecast(), interval() and quantile() are const.
class Trend {
public:
    [[nodiscard]] TrendModel model() const noexcept { return model_; }
    /// An average (model Auto): the models averaged and their weights (summing to 1), from
    /// the simplest; empty for a single model.
    [[nodiscard]] const std::vector<Trend>& members() const noexcept { return members_; }
    [[nodiscard]] const std::vector<double>& weights() const noexcept { return weights_; }
    /// Intercept and slope in the working scale (y, log y, logit y); LastValue: (last, 0); an
    /// average: (0, 0).
    [[nodiscard]] const Eigen::Vector2d& coefficients() const noexcept { return beta_; }
    /// Residual standard deviation in the working scale; LastValue: standard deviation of the
    /// change over one median spacing (0 when fewer than 2 changes are known).
    [[nodiscard]] double sigma() const noexcept { return sigma_; }
    [[nodiscard]] std::size_t points() const noexcept { return n_; }
    [[nodiscard]] double last_time() const noexcept { return t_last_; }

    [[nodiscard]] double forecast(double time) const;
    /// The prediction interval at `level`. An average: the mixture's central interval, widened
    /// to hold the last value's own interval while its weight is at least 1 − level
    /// (docs/projection.md, "Forecast and interval"); quantile() and cdf() stay the mixture's.
    [[nodiscard]] Forecast interval(double time, double level = 0.95) const;
    /// The p-quantile (0 < p < 1) of the predictive distribution at `time`, in the indicator's
    /// scale (clamped to the bounds): a single model's Student t (normal without degrees of
    /// freedom) mapped back from the working scale; an average's mixture, by bisection.
    [[nodiscard]] double quantile(double time, double p) const;
    /// P(value <= y) at `time` under the predictive distribution (a mixture for an average).
    [[nodiscard]] double cdf(double time, double y) const;
    /// Map a working-scale value back to the indicator's scale (clamped to the bounds).
    [[nodiscard]] double from_working(double w) const;

private:
    friend struct TrendFitter;
    /// A single model's Student t in the working scale at `time`: mean, sd, dof.
    [[nodiscard]] Forecast working(double time) const;
    TrendModel model_ = TrendModel::Linear;
    std::vector<Trend> members_;
    std::vector<double> weights_;
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
    /// Why this model, or why none: "insufficient data: 2 points, 3 needed", "auto: average of
    /// linear 0.72, growth 0.28 (Akaike weights of each family's fit ...)".
    std::string reason;
    /// Auto only: each candidate's Akaike weight (0 to 1, summing to 1; docs/projection.md).
    std::map<TrendModel, double> weights;
    /// Auto only: mean absolute one-step-ahead error of each candidate over the last `holdout`
    /// points (rolling origin), for information.
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
