// The rank engine's one-commune side (docs/rank.md §1-5, 7, 11): peer tables, peer evolution,
// the own score, the rank distribution by the exact method and by Monte Carlo, the points
// needed, and the assumption for untracked components. The computations release the GIL.
#include "cancellation.hpp"
#include "common.hpp"

#include <algorithm>
#include <map>
#include <string>
#include <vector>

namespace dtiplan_bindings {

void register_rank_peers(py::module_& m) {
    using dtiplan::ExactOptions;
    using dtiplan::GrowthModel;
    using dtiplan::MonteCarloOptions;
    using dtiplan::OwnScore;
    using dtiplan::PeerForecast;
    using dtiplan::PeerResult;
    using dtiplan::PeerTable;
    using dtiplan::PointsNeeded;
    using dtiplan::PointsNeededOptions;
    using dtiplan::RankDistribution;
    using dtiplan::RankMethod;
    using dtiplan::UntrackedAssumption;
    using dtiplan::UntrackedBasis;
    using dtiplan::UntrackedFill;

    // --- Peer tables ---
    py::class_<PeerResult> result(m, "PeerResult", "One unit's published DTI result for one year.");
    def_value_type(result, "A result: PeerResult(unit='Phường Tam Hiệp', year=2025, dti=0.8002).",
                   field("unit", &PeerResult::unit, "The unit's name as published."),
                   field("year", &PeerResult::year, "The year assessed."),
                   field("dti", &PeerResult::dti, "The DTI, 0..1, as published."),
                   field("main_indices", &PeerResult::main_indices,
                         "Main-indicator indices (0..1) by main indicator id, when published (a "
                         "dict, a copy: assign a mapping to change them)."),
                   field("components", &PeerResult::components,
                         "Component values (fractions 0..1) by component id, when known (a dict, "
                         "a copy: assign a mapping to change them)."),
                   field("illustrative", &PeerResult::illustrative,
                         "True for generated data (the synthetic province)."),
                   field("origin", &PeerResult::origin, "Where it was read: 'peers.csv:12'."));

    py::class_<PeerTable> table(m, "PeerTable",
                                "Peers' results, several years per unit (one per unit and year).");
    def_value_type(
        table, "A table: PeerTable(results=[PeerResult(...), ...]).",
        field("results", &PeerTable::results, "The results (a copy; assign to change)."));
    table
        .def(
            "latest",
            [](const PeerTable& t, int max_year) {
                std::vector<PeerResult> out;
                for (const PeerResult* r : t.latest(max_year)) out.push_back(*r);
                return out;
            },
            py::arg("max_year") = 0,
            "Each unit's latest result of a year <= max_year (0: any year), in first-seen order.")
        .def(
            "find",
            [](const PeerTable& t, std::string_view unit, int year) {
                return copy_or_none(t.find(unit, year));
            },
            py::arg("unit"), py::arg("year"), "The result of a unit for a year, or None.")
        .def("units", &PeerTable::units, "Unit names, once each, in first-seen order.")
        .def_property_readonly("illustrative", &PeerTable::illustrative,
                               "True when any result is illustrative.")
        .def("__len__", &PeerTable::size, "The number of results.");
    // Replaces the field-list repr of def_value_type (a second def would only add an overload).
    table.attr("__repr__") = py::cpp_function(
        [](py::handle self) {
            const auto& t = self.cast<const PeerTable&>();
            int first = 0;
            int last = 0;
            for (const PeerResult& r : t.results) {
                first = first == 0 ? r.year : std::min(first, r.year);
                last = std::max(last, r.year);
            }
            std::string years = std::to_string(first);
            if (last != first) years += "-" + std::to_string(last);
            return python_type_name(self) + "(" + std::to_string(t.results.size()) +
                   " results of " + std::to_string(t.units().size()) + " units" +
                   (t.results.empty() ? std::string() : ", " + years) +
                   (t.illustrative() ? ", illustrative)" : ")");
        },
        py::is_method(table), py::name("__repr__"),
        "The number of results and units, the years, whether illustrative.");

    m.def("validate_peer_table", &dtiplan::validate_peer_table, py::arg("table"),
          py::arg("framework") = py::none(),
          "Check every result and that no unit has two results for one year; ValidationError "
          "naming the result otherwise.");
    m.def("peers_from_csv", &dtiplan::peers_from_csv, py::arg("text"), py::arg("origin"),
          py::arg("framework") = py::none(),
          "Read a peer table from CSV text (columns unit, year, dti, optional illustrative and, "
          "with a framework, main indicator or component ids). FormatError/ValidationError "
          "naming origin, row and column.");
    m.def("peers_to_csv", &dtiplan::peers_to_csv, py::arg("table"),
          py::arg("framework") = py::none(), "The table as CSV text (read back equal).");
    m.def("load_peers", &dtiplan::load_peers, py::arg("path"), py::arg("framework") = py::none(),
          "Load a peer table from a CSV file.");
    m.def("save_peers", &dtiplan::save_peers, py::arg("table"), py::arg("path"),
          py::arg("framework") = py::none(), "Save a peer table as CSV, atomically.");

    // --- Peer evolution ---
    py::class_<GrowthModel> growth(m, "GrowthModel",
                                   "Yearly change of the peers' DTI (0..1 scale) and its spread.");
    def_value_type(growth, "A growth model: GrowthModel(mean=0.02, sd=0.02, shock_sd=0.01).",
                   field("mean", &GrowthModel::mean, "Expected change per year, every peer."),
                   field("sd", &GrowthModel::sd, "Spread of each peer's own yearly change."),
                   field("shock_sd", &GrowthModel::shock_sd,
                         "Spread of a province-wide yearly change shared by all peers."),
                   field("unit_mean", &GrowthModel::unit_mean, "Per-peer mean by unit name."),
                   field("unit_sd", &GrowthModel::unit_sd, "Per-peer spread by unit name."));

    py::class_<PeerForecast> forecast(m, "PeerForecast",
                                      "A peer's DTI at the evaluation date: a normal with a "
                                      "loading on the common shock.");
    def_value_type(forecast,
                   "A forecast: PeerForecast(unit='Phường Tam Hiệp', mean=0.82, sd=0.02).",
                   field("unit", &PeerForecast::unit, "The unit."),
                   field("last", &PeerForecast::last, "The last published DTI."),
                   field("year", &PeerForecast::year, "The year of that result."),
                   field("years", &PeerForecast::years, "Years from that result to the date."),
                   field("mean", &PeerForecast::mean, "last + years × growth mean."),
                   field("sd", &PeerForecast::sd, "years × growth sd."),
                   field("shock", &PeerForecast::shock, "years × shock sd."),
                   field("illustrative", &PeerForecast::illustrative, "Generated data."));

    py::class_<dtiplan::GrowthEstimate> estimate(
        m, "GrowthEstimate", "A growth model estimated from the peers' results over the years.");
    def_value_type(
        estimate, "A result of estimate_growth.",
        field("model", &dtiplan::GrowthEstimate::model, "The GrowthModel estimated."),
        field("changes", &dtiplan::GrowthEstimate::changes, "Yearly changes used."),
        field("units", &dtiplan::GrowthEstimate::units, "Units with at least one change."),
        field("periods", &dtiplan::GrowthEstimate::periods, "Distinct pairs of years."),
        field("shock_estimated", &dtiplan::GrowthEstimate::shock_estimated,
              "True when the common shock could be separated (two or more periods)."));
    m.def("estimate_growth", &dtiplan::estimate_growth, py::arg("peers"), py::arg("max_year") = 0,
          "Estimate the peers' yearly growth (mean, spread, common shock) from units with results "
          "in two or more years; ValidationError with fewer than two changes.");
    m.def("years_elapsed", &dtiplan::years_elapsed, py::arg("year"), py::arg("evaluation"),
          "Years from 31 December of `year` to the end of the evaluation day.");
    m.def("evolve_peers", &dtiplan::evolve_peers, py::arg("peers"), py::arg("growth"),
          py::arg("evaluation"), py::arg("exclude_unit") = std::string_view{},
          "Each peer's forecast at the evaluation date from its latest result whose year has "
          "ended by then; `exclude_unit` (the own commune) is left out.");
    m.def("validate_peer_forecasts", &dtiplan::validate_peer_forecasts, py::arg("peers"),
          "Check forecasts: finite means, spreads and loadings >= 0.");

    // --- The own score and the rank distribution ---
    py::class_<OwnScore> own(m, "OwnScore",
                             "The own commune's DTI at the evaluation date: a normal, or equally "
                             "likely samples (e.g. DtiProjection.samples).");
    def_value_type(own, "An own score: OwnScore(mean=0.75, sd=0.02) or OwnScore(samples=[...]).",
                   field("mean", &OwnScore::mean, "The mean (unused with samples)."),
                   field("sd", &OwnScore::sd, "The spread (unused with samples)."),
                   field("samples", &OwnScore::samples, "Equally likely values, or empty."));
    own.def_static("normal", &OwnScore::normal, py::arg("mean"), py::arg("sd"),
                   "A normal own score.")
        .def_static("from_samples", &OwnScore::from_samples, py::arg("samples"),
                    "An own score from samples.")
        .def_property_readonly("has_samples", &OwnScore::has_samples, "True with samples.")
        .def("expected", &OwnScore::expected, "The mean.")
        .def("shifted", &OwnScore::shifted, py::arg("delta"),
             "The same score moved by delta (an improvement).");
    m.def("validate_own_score", &dtiplan::validate_own_score, py::arg("own"),
          "Check an own score: finite mean, sd >= 0, samples finite and in 0..1.");

    py::native_enum<RankMethod>(m, "RankMethod", "enum.Enum", "How a rank distribution is made.")
        .value("Exact", RankMethod::Exact, "Poisson-binomial count with quadrature")
        .value("MonteCarlo", RankMethod::MonteCarlo, "simulation from a seed")
        .finalize();

    py::class_<RankDistribution> dist(m, "RankDistribution",
                                      "P(rank = r) for r = 1..units, and what follows from it.");
    def_value_type(dist, "A distribution: RankDistribution(method=RankMethod.Exact, pmf=[...]).",
                   field("method", &RankDistribution::method, "The RankMethod."),
                   field("pmf", &RankDistribution::pmf, "pmf[r - 1] = P(rank = r)."),
                   field("draws", &RankDistribution::draws, "Monte Carlo draws (0: exact)."));
    dist.def_property_readonly("units", &RankDistribution::units, "Units ranked (peers + 1).")
        .def("prob", &RankDistribution::prob, py::arg("rank"), "P(rank = r).")
        .def("prob_top", &RankDistribution::prob_top, py::arg("k"), "P(rank <= k).")
        .def("expected", &RankDistribution::expected, "E[rank].")
        .def("sd", &RankDistribution::sd, "Standard deviation of the rank.")
        .def("quantile", &RankDistribution::quantile, py::arg("q"),
             "The least r with P(rank <= r) >= q; ValidationError for q outside (0, 1].")
        .def("standard_error", &RankDistribution::standard_error, py::arg("rank"),
             "Monte Carlo standard error of P(rank = r) (0 for exact).")
        .def("prob_top_standard_error", &RankDistribution::prob_top_standard_error, py::arg("k"),
             "Monte Carlo standard error of P(rank <= k) (0 for exact).")
        .def("expected_standard_error", &RankDistribution::expected_standard_error,
             "Monte Carlo standard error of E[rank] (0 for exact).");
    m.def("rank_distribution_from_counts", &dtiplan::rank_distribution_from_counts,
          py::arg("counts"), "A Monte Carlo distribution from counts of ranks.");

    py::class_<ExactOptions> exact(m, "ExactOptions", "Options of the exact method.");
    def_value_type(
        exact, "Options: ExactOptions(decimals=4, max_points=4096, shock_nodes=64).",
        field("decimals", &ExactOptions::decimals, "Ties after rounding to this many decimals."),
        field("max_points", &ExactOptions::max_points, "Most own-score grid points evaluated."),
        field("shock_nodes", &ExactOptions::shock_nodes, "Gauss-Hermite nodes for the shock."),
        field("truncation", &ExactOptions::truncation, "Probabilities below this are dropped."));
    py::class_<MonteCarloOptions> mc(m, "MonteCarloOptions", "Options of the Monte Carlo method.");
    def_value_type(mc, "Options: MonteCarloOptions(draws=100000, seed=20260101, threads=0).",
                   field("decimals", &MonteCarloOptions::decimals, "As ExactOptions.decimals."),
                   field("draws", &MonteCarloOptions::draws, "Number of draws."),
                   field("seed", &MonteCarloOptions::seed, "Seed: draw i uses stream i."),
                   field("threads", &MonteCarloOptions::threads,
                         "Worker threads (0: all cores); the result does not depend on it."));

    m.def(
        "rank_distribution_exact",
        [](const dtiplan::OwnScore& score, const std::vector<dtiplan::PeerForecast>& forecasts,
           const ExactOptions& options) {
            return dtiplan::rank_distribution_exact(score, forecasts, options);
        },
        py::arg("own"), py::arg("peers"), py::arg_v("options", ExactOptions{}, "ExactOptions()"),
        py::call_guard<WithoutGil>(),
        "The exact rank distribution of the own commune among `peers` (releases the GIL).");
    m.def("rank_distribution_montecarlo", &dtiplan::rank_distribution_montecarlo, py::arg("own"),
          py::arg("peers"), py::arg_v("options", MonteCarloOptions{}, "MonteCarloOptions()"),
          py::call_guard<WithoutGil>(),
          "The rank distribution by Monte Carlo, reproducible from the seed (releases the GIL; "
          "Ctrl-C stops it: SimulationCancelled). At most MAX_DRAWS draws.");

    // --- Points needed ---
    py::class_<PointsNeededOptions> pn_options(m, "PointsNeededOptions",
                                               "Options of points_needed.");
    def_value_type(
        pn_options, "Options: PointsNeededOptions(top=10, probability=0.5).",
        field("top", &PointsNeededOptions::top, "k of P(rank <= k)."),
        field("probability", &PointsNeededOptions::probability, "The least P(rank <= k) wanted."),
        field("keep_own_spread", &PointsNeededOptions::keep_own_spread,
              "False: a sure score; True: the whole projection is moved."),
        field("exact", &PointsNeededOptions::exact, "The exact method's options."));
    py::class_<PointsNeeded> pn(m, "PointsNeeded",
                                "The DTI and points needed for the top k with probability p.");
    def_value_type(
        pn, "A result of points_needed.",
        field("top", &PointsNeeded::top, "k: the rank to reach or beat (the top k)."),
        field("probability", &PointsNeeded::probability, "p: the chance of the top k asked for."),
        field("reachable", &PointsNeeded::reachable, "False when even a DTI of 1 falls short."),
        field("dti", &PointsNeeded::dti, "The least DTI that gives p."),
        field("points", &PointsNeeded::points, "dti × max_points."),
        field("max_points", &PointsNeeded::max_points, "The framework's total."),
        field("projected_dti", &PointsNeeded::projected_dti, "The projection's mean."),
        field("gap_dti", &PointsNeeded::gap_dti, "dti - projected_dti (<= 0: already there)."),
        field("gap_points", &PointsNeeded::gap_points, "gap_dti × max_points."),
        field("prob_at_projection", &PointsNeeded::prob_at_projection,
              "P(rank <= k) with the projection as it is."),
        field("prob_at_needed", &PointsNeeded::prob_at_needed, "P(rank <= k) at the DTI found."));
    m.def("points_needed", &dtiplan::points_needed, py::arg("own"), py::arg("peers"),
          py::arg("max_points"),
          py::arg_v("options", PointsNeededOptions{}, "PointsNeededOptions()"),
          py::call_guard<py::gil_scoped_release>(),
          "The least DTI (or shift of the projection) giving P(rank <= top) >= probability.");

    // --- Untracked components ---
    py::native_enum<UntrackedBasis>(m, "UntrackedBasis", "enum.Enum",
                                    "What the components a plan does not track are assumed to "
                                    "score.")
        .value("Zero", UntrackedBasis::Zero, "nothing: the floor")
        .value("PeerMedian", UntrackedBasis::PeerMedian,
               "the median peer's index of the same main indicator")
        .value("Fixed", UntrackedBasis::Fixed, "one fraction of their points")
        .finalize();
    add_spelling<UntrackedBasis>(m, "UntrackedBasis", &dtiplan::untracked_basis_from_string);
    py::class_<UntrackedAssumption> assumption(m, "UntrackedAssumption",
                                               "The assumption for untracked components.");
    def_value_type(assumption, "UntrackedAssumption(basis=UntrackedBasis.PeerMedian, value=0.0).",
                   field("basis", &UntrackedAssumption::basis, "The UntrackedBasis."),
                   field("value", &UntrackedAssumption::value, "The fraction for Fixed."),
                   field("components", &UntrackedAssumption::components,
                         "Untracked components given their own fraction (a what-if scenario)."));
    py::class_<UntrackedFill> fill(m, "UntrackedFill",
                                   "The points assumed on the untracked components.");
    def_value_type(
        fill, "A result of untracked_fill.",
        field("basis", &UntrackedFill::basis, "The UntrackedBasis used."),
        field("points", &UntrackedFill::points, "Points assumed in all."),
        field("untracked_points", &UntrackedFill::untracked_points,
              "Points the untracked components are worth."),
        field("max_points", &UntrackedFill::max_points, "The framework's total."),
        field("fraction_by_main", &UntrackedFill::fraction_by_main,
              "Fraction assumed, by main indicator id."),
        field("points_by_main", &UntrackedFill::points_by_main,
              "Points assumed, by main indicator id."),
        field("peers_used", &UntrackedFill::peers_used, "Peer results the medians used."));
    fill.def("dti", &UntrackedFill::dti, "points / max_points: what to add to a projected DTI.");
    m.def("untracked_fill", &dtiplan::untracked_fill, py::arg("framework"), py::arg("coverage"),
          py::arg_v("assumption", UntrackedAssumption{}, "UntrackedAssumption()"),
          py::arg_v("peers", PeerTable{}, "PeerTable()"), py::arg("max_year") = 0,
          py::arg("exclude_unit") = std::string_view{},
          "The points assumed on the untracked components of `coverage`.");
}

}  // namespace dtiplan_bindings
