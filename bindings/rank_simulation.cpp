// Everyone's rank at once (docs/rank.md §6, §9): the component model, the simulation with its
// progress callback, and the synthetic province. simulate_ranks runs without the GIL; the
// progress callback takes it back for each call, and Ctrl-C (or an exception raised by the
// callback) stops the workers and is raised in Python.
#include "cancellation.hpp"
#include "common.hpp"

#include <map>
#include <string>
#include <vector>

namespace dtiplan_bindings {

void register_rank_simulation(py::module_& m) {
    using dtiplan::ComponentModel;
    using dtiplan::RankSimulation;
    using dtiplan::SimulationOptions;
    using dtiplan::SyntheticOptions;
    using dtiplan::SyntheticProvince;
    using dtiplan::UnitRankSummary;

    py::class_<ComponentModel> model(
        m, "ComponentModel",
        "Every unit's component values at the evaluation date: N × K means and spreads (0..1), "
        "in the framework's component order.");
    def_value_type(
        model, "A model: ComponentModel(units=[...], components=[...], mean=M, sd=S).",
        field("units", &ComponentModel::units, "N unit names."),
        field("components", &ComponentModel::components, "K component ids, framework order."),
        field("mean", &ComponentModel::mean, "N × K expected values (a copy as numpy)."),
        field("sd", &ComponentModel::sd, "N × K spreads (a copy as numpy)."),
        field("illustrative", &ComponentModel::illustrative, "True for generated data."));
    model
        .def_property_readonly("unit_count", &ComponentModel::unit_count,
                               "The number of units N (rows of mean and sd).")
        .def_property_readonly("component_count", &ComponentModel::component_count,
                               "The number of components K (columns of mean and sd).");
    m.def("component_ids", &dtiplan::component_ids, py::arg("framework"),
          "The component ids of a framework, in order.");
    m.def("validate_component_model", &dtiplan::validate_component_model, py::arg("model"),
          py::arg("framework"),
          "Check a model against a framework; ValidationError naming the cell.");
    m.def("dti_at_means", &dtiplan::dti_at_means, py::arg("model"), py::arg("framework"),
          "Each unit's DTI at its component means.");

    py::native_enum<dtiplan::SimulationKernel>(
        m, "SimulationKernel", "enum.Enum",
        "Which build of the rank simulation's kernel runs; every build gives the same numbers.")
        .value("Automatic", dtiplan::SimulationKernel::Automatic,
               "the fastest build for this processor")
        .value("Baseline", dtiplan::SimulationKernel::Baseline, "any processor: two lanes")
        .value("Avx2", dtiplan::SimulationKernel::Avx2, "x86-64 with AVX2: four lanes")
        .value("Avx512", dtiplan::SimulationKernel::Avx512,
               "x86-64 with AVX-512F: eight lanes, table look-ups by loads")
        .value("Avx512Gather", dtiplan::SimulationKernel::Avx512Gather,
               "the same with gather instructions (fast from Sapphire Rapids on)")
        .finalize();
    m.def("available_simulation_kernels", &dtiplan::available_simulation_kernels,
          "The builds of the kernel this processor runs, narrowest first.");
    m.def("automatic_simulation_kernel", &dtiplan::automatic_simulation_kernel,
          "The build SimulationKernel.Automatic runs on this processor.");

    py::class_<SimulationOptions> options(m, "SimulationOptions", "Options of simulate_ranks.");
    def_value_type(
        options, "Options: SimulationOptions(draws=10000, seed=20260101, threads=0, top=10).",
        field("draws", &SimulationOptions::draws, "Number of draws."),
        field("seed", &SimulationOptions::seed, "Seed: draw i uses stream i."),
        field("threads", &SimulationOptions::threads,
              "Worker threads (0: all cores); the result does not depend on it."),
        field("decimals", &SimulationOptions::decimals, "Ties after rounding (the DTI: 4)."),
        field("top", &SimulationOptions::top, "k of the summaries' P(rank <= k)."),
        field("targets", &SimulationOptions::targets, "TargetValue per Target-rule component id."),
        field("reference_scoring", &SimulationOptions::reference_scoring,
              "Score through rule_points (slow; for checking)."),
        field("kernel", &SimulationOptions::kernel,
              "The kernel's build (same numbers from each; for tests and benchmarks)."));

    py::class_<UnitRankSummary> summary(m, "UnitRankSummary",
                                        "One unit's simulated rank distribution in brief.");
    def_value_type(summary, "A summary of one unit's ranks.",
                   field("unit", &UnitRankSummary::unit, "The unit."),
                   field("expected_rank", &UnitRankSummary::expected_rank, "E[rank]."),
                   field("rank_sd", &UnitRankSummary::rank_sd, "Standard deviation of the rank."),
                   field("median_rank", &UnitRankSummary::median_rank, "Median rank."),
                   field("p05_rank", &UnitRankSummary::p05_rank, "5% quantile (a good draw)."),
                   field("p95_rank", &UnitRankSummary::p95_rank, "95% quantile (a bad draw)."),
                   field("prob_top", &UnitRankSummary::prob_top, "P(rank <= top)."),
                   field("prob_top_standard_error", &UnitRankSummary::prob_top_standard_error,
                         "Its Monte Carlo standard error."),
                   field("mean_dti", &UnitRankSummary::mean_dti, "Mean DTI over the draws."),
                   field("sd_dti", &UnitRankSummary::sd_dti, "Its standard deviation."));

    py::class_<RankSimulation> simulation(m, "RankSimulation",
                                          "Every unit's rank distribution (N × N).");
    def_value_type(
        simulation, "A result of simulate_ranks.",
        field("units", &RankSimulation::units, "The units, model order."),
        field("probabilities", &RankSimulation::probabilities,
              "N × N: probabilities[i, r - 1] = P(unit i has rank r) (numpy, a copy)."),
        field("summaries", &RankSimulation::summaries, "One UnitRankSummary per unit."),
        field("draws", &RankSimulation::draws, "Draws."),
        field("seed", &RankSimulation::seed, "Seed."),
        field("decimals", &RankSimulation::decimals, "Tie decimals."),
        field("top", &RankSimulation::top, "k of the summaries."),
        field("illustrative", &RankSimulation::illustrative, "The model was illustrative."));
    simulation
        .def("distribution", &RankSimulation::distribution, py::arg("unit"),
             "Unit i's rank distribution (Monte Carlo).")
        .def("standard_error", &RankSimulation::standard_error, py::arg("unit"), py::arg("rank"),
             "The Monte Carlo standard error of probabilities[i, r - 1].");

    m.def(
        "simulate_ranks",
        [](const dtiplan::Framework& framework, const ComponentModel& component_model,
           const SimulationOptions& simulation_options, const py::object& progress) {
            // Ctrl-C is checked with the GIL on each call (cancellation.hpp).
            const dtiplan::ProgressCallback callback =
                progress.is_none() ? python_progress(dtiplan::ProgressScope::current())
                                   : python_progress(nullptr, progress);
            py::gil_scoped_release release;
            return dtiplan::simulate_ranks(framework, component_model, simulation_options,
                                           callback);
        },
        py::arg("framework"), py::arg("model"),
        py::arg_v("options", SimulationOptions{}, "SimulationOptions()"),
        py::arg("progress") = py::none(),
        "Simulate every unit's rank (docs/rank.md §6), without the GIL. `progress(done, total)` "
        "is called about every 0.1 s of work and at the end; returning False cancels "
        "(SimulationCancelled). Ctrl-C stops it within a second (SimulationCancelled).");

    py::class_<SyntheticOptions> synth_options(m, "SyntheticOptions",
                                               "Options of the synthetic province.");
    def_value_type(
        synth_options, "Options: SyntheticOptions(units=95, seed=20250701).",
        field("units", &SyntheticOptions::units, "Number of units."),
        field("seed", &SyntheticOptions::seed, "Seed."),
        field("dti_low", &SyntheticOptions::dti_low, "Lowest DTI of the range."),
        field("dti_high", &SyntheticOptions::dti_high, "Highest DTI of the range."),
        field("shape_a", &SyntheticOptions::shape_a, "Kumaraswamy a."),
        field("shape_b", &SyntheticOptions::shape_b, "Kumaraswamy b."),
        field("component_spread", &SyntheticOptions::component_spread,
              "Component difficulty spread (logit units)."),
        field("unit_spread", &SyntheticOptions::unit_spread, "Unit strength spread (logit units)."),
        field("value_sd", &SyntheticOptions::value_sd, "Uncertainty of a component value."),
        field("year", &SyntheticOptions::year, "Year of the peer results made from it."));
    py::class_<SyntheticProvince> province(m, "SyntheticProvince",
                                           "A generated province (illustrative, not real).");
    def_value_type(
        province, "A result of synthetic_province.",
        field("model", &SyntheticProvince::model, "The ComponentModel (illustrative)."),
        field("dti", &SyntheticProvince::dti, "Per unit, the DTI at the component means."),
        field("target_dti", &SyntheticProvince::target_dti, "Per unit, the level aimed for."),
        field("peers", &SyntheticProvince::peers, "The same as a PeerTable (illustrative)."),
        field("description", &SyntheticProvince::description, "What it is, to show with it."));
    m.def("synthetic_province", &dtiplan::synthetic_province, py::arg("framework"),
          py::arg_v("options", SyntheticOptions{}, "SyntheticOptions()"),
          py::call_guard<py::gil_scoped_release>(),
          "Generate an illustrative province for a framework, reproducibly from the seed.");
    m.attr("DONG_NAI_COMMUNE_UNITS") = dtiplan::kDongNaiCommuneUnits;
    m.attr("NATIONAL_COMMUNE_UNITS") = dtiplan::kNationalCommuneUnits;
}

}  // namespace dtiplan_bindings
