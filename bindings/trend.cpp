// Trend models (docs/projection.md §2): fit_trend on (decimal year, value) pairs, giving a Trend
// with a forecast and a prediction interval at any time, or "insufficient data" with the reason.
#include "project_common.hpp"

#include <string>
#include <vector>

namespace dtiplan_bindings {

void register_trend(py::module_& m) {
    using dtiplan::Forecast;
    using dtiplan::Trend;
    using dtiplan::TrendFit;
    using dtiplan::TrendModel;
    using dtiplan::TrendOptions;

    py::native_enum<TrendModel>(m, "TrendModel", "enum.Enum",
                                "A trend model for an indicator's series.")
        .value("Linear", TrendModel::Linear, "least squares y = a + b t")
        .value("WeightedLinear", TrendModel::WeightedLinear,
               "least squares with weights halving every half_life years back")
        .value("Growth", TrendModel::Growth, "constant growth: log y = a + b t (y > 0)")
        .value("Logistic", TrendModel::Logistic, "rates in 0..1: logit y = a + b t")
        .value("LastValue", TrendModel::LastValue, "last value carried forward (random walk)")
        .value("Auto", TrendModel::Auto,
               "the families averaged with Akaike weights (fit_trend; an average's model)")
        .finalize();
    add_spelling<TrendModel>(m, "TrendModel", &dtiplan::trend_model_from_string);

    py::class_<TrendOptions> options(m, "TrendOptions", "Options of the trend models.");
    def_record_type(
        options, "Options: TrendOptions(half_life=1.0, min_points=3, holdout=3, ...).",
        field("half_life", &TrendOptions::half_life, "Years, for WeightedLinear (> 0)."),
        field("min_points", &TrendOptions::min_points,
              "Regression models need at least max(3, min_points) points."),
        field("holdout", &TrendOptions::holdout, "Auto: final points held out in turn (>= 1)."),
        field("lower_bound", &TrendOptions::lower_bound,
              "Clamp forecasts and intervals below (None: no bound)."),
        field("upper_bound", &TrendOptions::upper_bound,
              "Clamp forecasts and intervals above (None: no bound)."),
        field("logit_epsilon", &TrendOptions::logit_epsilon,
              "Logistic: values clamped to [eps, 1 - eps]."));

    py::class_<Forecast> forecast(m, "Forecast",
                                  "A forecast at one time with its prediction interval.");
    def_record_type(
        forecast, "A forecast: Forecast(time=2027.0, mean=0.8, lower=0.7, upper=0.9, ...).",
        field("time", &Forecast::time, "Decimal year."),
        field("mean", &Forecast::mean, "Point forecast (the median in transformed models)."),
        field("lower", &Forecast::lower, "Lower end of the prediction interval."),
        field("upper", &Forecast::upper, "Upper end of the prediction interval."),
        field("level", &Forecast::level, "Level of the interval (0.95)."),
        field("working_mean", &Forecast::working_mean,
              "Point forecast in the model's working scale (y, log y, logit y)."),
        field("working_sd", &Forecast::working_sd,
              "Predictive standard deviation in the working scale."));

    py::class_<Trend> trend(m, "Trend",
                            "A fitted trend (made by fit_trend): forecast and interval at any "
                            "time in decimal years.");
    trend.def_property_readonly("model", &Trend::model, "The model fitted (TrendModel).")
        .def_property_readonly(
            "coefficients", [](const Trend& t) { return Eigen::Vector2d(t.coefficients()); },
            "Intercept and slope in the working scale (numpy array of 2); LastValue: (last, 0).")
        .def_property_readonly("sigma", &Trend::sigma,
                               "Residual standard deviation in the working scale.")
        .def_property_readonly("members", &Trend::members,
                               "An average (model Auto): the models averaged (list of Trend); "
                               "empty for a single model.")
        .def_property_readonly("weights", &Trend::weights,
                               "An average: the members' weights (list of float, summing to 1).")
        .def_property_readonly("points", &Trend::points, "Number of points fitted.")
        .def_property_readonly("last_time", &Trend::last_time, "Decimal year of the last point.")
        .def("forecast", &Trend::forecast, py::arg("time"),
             "The point forecast at a decimal year. ValidationError for a non-finite time.")
        .def("interval", &Trend::interval, py::arg("time"), py::arg("level") = 0.95,
             "The Forecast (mean and prediction interval at `level`) at a decimal year.")
        .def("quantile", &Trend::quantile, py::arg("time"), py::arg("p"),
             "The p-quantile of the predictive distribution at a decimal year (a mixture for "
             "an average).")
        .def("cdf", &Trend::cdf, py::arg("time"), py::arg("y"),
             "P(value <= y) at a decimal year under the predictive distribution.")
        .def("from_working", &Trend::from_working, py::arg("w"),
             "Map a working-scale value back to the indicator's scale (clamped to the bounds).")
        .def(
            "__repr__",
            [](py::handle self) {
                const auto& t = self.cast<const Trend&>();
                return python_type_name(self) + "(" + std::string(dtiplan::to_string(t.model())) +
                       ", " + std::to_string(t.points()) +
                       " points, sigma=" + py::repr(py::float_(t.sigma())).cast<std::string>() +
                       ")";
            },
            "The model, the number of points and sigma.")
        .def(
            "__copy__", [](const Trend& self) { return Trend(self); }, "A copy.")
        .def(
            "__deepcopy__", [](const Trend& self, const py::object&) { return Trend(self); },
            py::arg("memo"), "A deep copy.");

    py::class_<TrendFit> fit(m, "TrendFit",
                             "The result of fit_trend: the trend, or none with the reason.");
    def_record_type(
        fit,
        "A fit: TrendFit(requested=TrendModel.Auto, trend=None, reason='', errors={}, "
        "weights={}).",
        field("requested", &TrendFit::requested, "The model asked for (TrendModel)."),
        field("trend", &TrendFit::trend, "The fitted Trend, or None when data are insufficient."),
        field("reason", &TrendFit::reason, "Why this model, or why none."),
        field("errors", &TrendFit::errors,
              "Auto only: mean absolute one-step-ahead error of each candidate (TrendModel -> "
              "float), for information."),
        field("weights", &TrendFit::weights,
              "Auto only: each family's Akaike weight in the average (TrendModel -> float)."));
    fit.def_property_readonly("sufficient", &TrendFit::sufficient, "True when a trend was fitted.");

    m.def("fit_trend", &dtiplan::fit_trend, py::arg("times"), py::arg("values"),
          py::arg_v("model", TrendModel::Auto, "TrendModel.Auto"),
          py::arg_v("options", TrendOptions{}, "TrendOptions()"),
          "Fit a trend to (decimal year, value) pairs, times strictly increasing. Too little "
          "data (or values the model cannot take) gives a TrendFit without trend and the "
          "reason; ValidationError on unequal lengths, unsorted times or NaN.");
}

}  // namespace dtiplan_bindings
