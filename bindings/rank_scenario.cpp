// What-if scenarios (docs/scenarios.md): the Scenario and its settings as people write them, the
// options a scenario gives, and the comparison of the baseline with each scenario. The
// comparison releases the GIL.
#include "common.hpp"

#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace dtiplan_bindings {

void register_rank_scenario(py::module_& m) {
    using dtiplan::Scenario;
    using dtiplan::ScenarioComparison;
    using dtiplan::ScenarioFigures;

    py::class_<Scenario> scenario(
        m, "Scenario",
        "What a what-if scenario changes: indicators given a value at the evaluation date, "
        "components given a score, the peers' growth, the untracked assumption.");
    def_value_type(
        scenario, "Scenario(name='', indicators={}, components={}, growth_mean=None, ...).",
        field("name", &Scenario::name, "How outputs name it."),
        field("indicators", &Scenario::indicators,
              "Plan indicator id -> its value at the evaluation date (own scale)."),
        field("components", &Scenario::components,
              "Component id -> its score as a fraction of its points."),
        field("growth_mean", &Scenario::growth_mean, "The peers' expected change per year."),
        field("growth_sd", &Scenario::growth_sd, "The spread of each peer's own yearly change."),
        field("shock_sd", &Scenario::shock_sd, "The spread of the province-wide yearly change."),
        field("untracked", &Scenario::untracked, "The UntrackedAssumption, or None."));
    scenario.def("empty", &Scenario::empty, "True when the scenario changes nothing.");

    py::class_<ScenarioFigures> figures(m, "ScenarioFigures",
                                        "One column of a scenario comparison.");
    def_value_type(
        figures, "ScenarioFigures(name='', baseline=False, projected_dti=0.0, ...).",
        field("name", &ScenarioFigures::name, "The scenario's name ('baseline')."),
        field("baseline", &ScenarioFigures::baseline, "True for the outlook without a change."),
        field("projected_dti", &ScenarioFigures::projected_dti, "The projected DTI ranked."),
        field("dti_low", &ScenarioFigures::dti_low, "Its 5% quantile."),
        field("dti_high", &ScenarioFigures::dti_high, "Its 95% quantile."),
        field("expected_rank", &ScenarioFigures::expected_rank, "E[rank]."),
        field("rank_low", &ScenarioFigures::rank_low, "The rank's 5% quantile."),
        field("rank_high", &ScenarioFigures::rank_high, "The rank's 95% quantile."),
        field("top", &ScenarioFigures::top, "The k of the top k."),
        field("prob_top", &ScenarioFigures::prob_top, "P(rank <= top)."),
        field("points_needed", &ScenarioFigures::points_needed,
              "Points still needed as a shift of the projection (<= 0: none)."),
        field("reachable", &ScenarioFigures::reachable,
              "False when even a DTI of 1 does not give the probability."),
        field("illustrative", &ScenarioFigures::illustrative,
              "True when the data are illustrative."));

    py::class_<ScenarioComparison> comparison(m, "ScenarioComparison",
                                              "The baseline and each scenario, side by side.");
    comparison
        .def_readonly("scenarios", &ScenarioComparison::scenarios,
                      "The Scenarios, the baseline first.")
        .def_readonly("outlooks", &ScenarioComparison::outlooks, "One Outlook per scenario.")
        .def_readonly("figures", &ScenarioComparison::figures, "One ScenarioFigures per scenario.")
        .def_property_readonly("illustrative", &ScenarioComparison::illustrative,
                               "True when any outlook is illustrative.")
        .def(
            "__repr__",
            [](py::handle self) {
                const auto& c = self.cast<const ScenarioComparison&>();
                std::string text = python_type_name(self) + "(";
                for (std::size_t i = 0; i < c.figures.size() && i < 4; ++i) {
                    const ScenarioFigures& f = c.figures[i];
                    if (i > 0) text += "; ";
                    text += f.name + ": P(top " + std::to_string(f.top) +
                            ")=" + py::repr(py::float_(f.prob_top)).cast<std::string>();
                }
                if (c.figures.size() > 4)
                    text += "; ... " + std::to_string(c.figures.size() - 4) + " more";
                return text + (c.illustrative() ? ", illustrative)" : ")");
            },
            "Each scenario's name and P(top k) (the first four).");

    m.def("parse_scenario", &dtiplan::parse_scenario, py::arg("plan"), py::arg("framework"),
          py::arg("settings"), py::arg("name") = std::string(),
          "A Scenario from settings as people write them ('I.03=90%', 'II.03=có', "
          "'CQS.04=0,9', 'growth-mean=0,03', 'untracked=zero'); ValidationError naming the "
          "setting.");
    m.def("scenario_options", &dtiplan::scenario_options, py::arg("plan"), py::arg("framework"),
          py::arg("scenario"), py::arg("base"),
          "The OutlookOptions `base` with the scenario applied.");
    m.def("scenario_figures", &dtiplan::scenario_figures, py::arg("outlook"), py::arg("name"),
          py::arg("baseline") = false, "The ScenarioFigures of one Outlook.");
    m.def(
        "compare_scenarios",
        [](const dtiplan::Plan& plan, const dtiplan::Framework& framework,
           const dtiplan::ObservationLog& log, const py::object& peers,
           const std::vector<Scenario>& scenarios, const dtiplan::OutlookOptions& opts) {
            std::shared_ptr<const dtiplan::PeerTable> table;  // shared, not copied
            if (!peers.is_none())
                table = share_from_python<dtiplan::PeerTable>(peers, "compare_scenarios: peers");
            py::gil_scoped_release release;
            return table ? dtiplan::compare_scenarios(plan, framework, log, std::move(table),
                                                      scenarios, opts)
                         : dtiplan::compare_scenarios(plan, framework, log, scenarios, opts);
        },
        py::arg("plan"), py::arg("framework"), py::arg("log"), py::arg("peers") = py::none(),
        py::arg("scenarios") = std::vector<Scenario>{},
        py::arg_v("options", dtiplan::OutlookOptions{}, "OutlookOptions()"),
        "The outlook of the baseline and of each scenario, with the same seeds, improvements "
        "not planned; peers None: the illustrative example peers. Releases the GIL.");
}

}  // namespace dtiplan_bindings
