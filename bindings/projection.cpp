// Target trajectories and the projected DTI (docs/projection.md §3-5). project_dti releases the
// GIL while it simulates; its samples come back as numpy arrays.
#include "cancellation.hpp"
#include "project_common.hpp"

#include <map>
#include <string>
#include <vector>

namespace dtiplan_bindings {

void register_projection(py::module_& m) {
    using dtiplan::DtiProjection;
    using dtiplan::IndicatorProjection;
    using dtiplan::ProjectionOptions;
    using dtiplan::Summary;
    using dtiplan::Trajectory;
    using dtiplan::TrajectoryPoint;
    using dtiplan::TrajectoryShape;

    // --- Trajectories ---
    py::native_enum<TrajectoryShape>(m, "TrajectoryShape", "enum.Enum",
                                     "The shape of a target path between its points.")
        .value("Linear", TrajectoryShape::Linear, "straight lines between points")
        .value("Step", TrajectoryShape::Step, "the previous value until a milestone's date")
        .value("SCurve", TrajectoryShape::SCurve, "smoothstep: slow start, fast middle, slow end")
        .finalize();
    add_spelling<TrajectoryShape>(m, "TrajectoryShape", &dtiplan::trajectory_shape_from_string);

    py::class_<TrajectoryPoint> point(m, "TrajectoryPoint",
                                      "A dated point of a trajectory (value as a fraction).");
    def_value_type(point, "A point: TrajectoryPoint(date=datetime.date(2026, 12, 31), value=0.8).",
                   field("date", &TrajectoryPoint::date, "The date (datetime.date)."),
                   field("value", &TrajectoryPoint::value, "Fraction of full attainment."));

    py::class_<Trajectory> trajectory(
        m, "Trajectory",
        "A target path through dated points: the expected value on any date, and the gap.");
    trajectory
        .def(py::init<std::vector<TrajectoryPoint>, TrajectoryShape>(), py::arg("points"),
             py::arg_v("shape", TrajectoryShape::Linear, "TrajectoryShape.Linear"),
             "A path through points in date order (at least 2); ValidationError otherwise.")
        .def("expected", &Trajectory::expected, py::arg("date"),
             "The expected value on a date (the first point's before it, the last's after).")
        .def("gap", &Trajectory::gap, py::arg("date"), py::arg("value"),
             "expected(date) - value: how far a value is behind the path (negative: ahead).")
        .def_property_readonly("points", &Trajectory::points, "The points (copies).")
        .def_property_readonly("shape", &Trajectory::shape, "The TrajectoryShape.")
        .def(
            "__repr__",
            [](py::handle self) {
                const auto& t = self.cast<const Trajectory&>();
                return python_type_name(self) + "(" + std::to_string(t.points().size()) +
                       " points, " + std::string(dtiplan::to_string(t.shape())) + ")";
            },
            "The number of points and the shape.");

    m.def("target_trajectory", &dtiplan::target_trajectory, py::arg("plan"), py::arg("indicator"),
          py::arg("baseline"),
          py::arg_v("shape", TrajectoryShape::Linear, "TrajectoryShape.Linear"),
          "The plan's path for an indicator from a baseline TrajectoryPoint through its targets "
          "in force at each later milestone (due 31 December), as fractions. ValidationError "
          "when no target follows the baseline.");

    // --- The projected DTI ---
    py::class_<IndicatorProjection> ind(
        m, "IndicatorProjection",
        "One indicator's fit and its forecast at the evaluation date (None when data are short).");
    def_record_type(ind,
                    "IndicatorProjection(indicator='II.04', fit=TrendFit(), forecast=None, ...).",
                    field("indicator", &IndicatorProjection::indicator, "The plan indicator id."),
                    field("fit", &IndicatorProjection::fit, "The TrendFit (model, reason)."),
                    field("forecast", &IndicatorProjection::forecast,
                          "Forecast at the evaluation date in the indicator's own scale, or None."),
                    field("fraction", &IndicatorProjection::fraction,
                          "Forecast mean as a fraction of full attainment, or None."));

    py::class_<Summary> summary(m, "Summary",
                                "Mean, median, 5th and 95th percentiles, standard deviation.");
    def_record_type(summary,
                    "A summary: Summary(mean=0.7, median=0.7, p05=0.65, p95=0.75, sd=0.03).",
                    field("mean", &Summary::mean, "The mean."),
                    field("median", &Summary::median, "The median."),
                    field("p05", &Summary::p05, "The 5th percentile (type 7)."),
                    field("p95", &Summary::p95, "The 95th percentile (type 7)."),
                    field("sd", &Summary::sd, "The sample standard deviation (n - 1)."));
    m.def("summarize", &dtiplan::summarize, py::arg("samples"),
          "Summary of samples; ValidationError when empty or NaN.");

    py::class_<ProjectionOptions> options(m, "ProjectionOptions", "Options of project_dti.");
    def_record_type(
        options, "Options: ProjectionOptions(model=TrendModel.Auto, draws=10000, seed=20260101).",
        field("model", &ProjectionOptions::model, "The trend model for every indicator."),
        field("trend", &ProjectionOptions::trend, "TrendOptions (bounds default per indicator)."),
        field("draws", &ProjectionOptions::draws, "Number of simulated draws (>= 1)."),
        field("seed", &ProjectionOptions::seed, "Seed: draw i uses (seed, i)."),
        field("level", &ProjectionOptions::level, "Level of the forecasts' intervals."),
        field("hold_last_value", &ProjectionOptions::hold_last_value,
              "Without a forecast: hold the last value (True) or score 0 (False)."),
        field("best", &ProjectionOptions::best,
              "Relative-to-best components: the best peer value, by component id."),
        field("given", &ProjectionOptions::given,
              "Indicators given a value at the evaluation date (own scale), held on every draw: "
              "a what-if scenario's targets reached."),
        field("given_components", &ProjectionOptions::given_components,
              "Components given a score (a fraction of their points) on every draw."));

    py::class_<DtiProjection> projection(
        m, "DtiProjection",
        "The projected DTI at an evaluation date as a distribution (made by project_dti).");
    projection.def_readonly("as_of", &DtiProjection::as_of, "The date the data were known on.")
        .def_readonly("evaluation", &DtiProjection::evaluation, "The evaluation date.")
        .def_readonly("indicators", &DtiProjection::indicators,
                      "IndicatorProjection per plan indicator, in plan order.")
        .def_property_readonly(
            "samples", [](const DtiProjection& p) { return to_array(p.samples); },
            "The DTI (0..1) per draw, in draw order (a numpy array, a copy).")
        .def_property_readonly(
            "main_samples",
            [](const DtiProjection& p) {
                py::dict out;
                for (const auto& [id, column] : p.main_samples) out[py::str(id)] = to_array(column);
                return out;
            },
            "Each main indicator's index per draw, by main indicator id (numpy arrays, copies).")
        .def_property_readonly(
            "indicator_samples",
            [](const DtiProjection& p) {
                py::dict out;
                for (const auto& [id, column] : p.indicator_samples)
                    out[py::str(id)] = to_array(column);
                return out;
            },
            "Each forecast indicator's value (fraction) per draw, by id (numpy arrays, copies).")
        .def_readonly("dti", &DtiProjection::dti, "Summary of the DTI samples.")
        .def_readonly("mains", &DtiProjection::mains, "Summary per main indicator id.")
        .def(
            "__repr__",
            [](py::handle self) {
                const auto& p = self.cast<const DtiProjection&>();
                return python_type_name(self) +
                       "(evaluation=" + dtiplan::format_date(p.evaluation) +
                       ", draws=" + std::to_string(p.samples.size()) +
                       ", median=" + py::repr(py::float_(p.dti.median)).cast<std::string>() + ")";
            },
            "The evaluation date, the number of draws and the median DTI.");

    m.attr("MAX_PROJECTION_DRAWS") = dtiplan::kMaxProjectionDraws;
    m.def("project_dti", &dtiplan::project_dti, py::arg("plan"), py::arg("framework"),
          py::arg("log"), py::arg("as_of"), py::arg("evaluation"),
          py::arg_v("options", ProjectionOptions{}, "ProjectionOptions()"),
          py::call_guard<WithoutGil>(),
          "Fit every plan indicator's series as known on as_of, forecast it at `evaluation` and "
          "simulate the framework's score (docs/projection.md §4-5); reproducible from the "
          "seed. Releases the GIL; Ctrl-C stops it (SimulationCancelled). ValidationError for "
          "draws = 0 or above 1,000,000, a level outside (0, 1) or unset dates.");
}

}  // namespace dtiplan_bindings
