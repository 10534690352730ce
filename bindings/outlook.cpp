// The outlook pipeline (docs/rank.md §11, §13): rank_outlook with its options and result, the
// commune's name among the peers, and the everyone-at-once model and targets made from an
// outlook. The pipeline releases the GIL.
#include "cancellation.hpp"
#include "common.hpp"

#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace dtiplan_bindings {

void register_outlook(py::module_& m) {
    using dtiplan::Outlook;
    using dtiplan::OutlookOptions;

    py::class_<OutlookOptions> options(m, "OutlookOptions",
                                       "Options of rank_outlook; the defaults are the command's.");
    def_record_type(
        options, "Options: OutlookOptions(as_of=None, evaluation=None, top=None, ...).",
        field("as_of", &OutlookOptions::as_of, "The data known on this day; None: today."),
        field("evaluation", &OutlookOptions::evaluation,
              "The evaluation date; None: default_evaluation(plan, as_of)."),
        field("projection", &OutlookOptions::projection,
              "ProjectionOptions: trend model, 10,000 draws, seed 20260101."),
        field("growth", &OutlookOptions::growth, "The peers' growth: 0.02 / 0.02 / 0.01."),
        field("estimate_growth", &OutlookOptions::estimate_growth,
              "Estimate the growth from the peers' history instead."),
        field("untracked", &OutlookOptions::untracked,
              "The assumption for untracked components: the peers' median."),
        field("top", &OutlookOptions::top, "The k of the top k; None: the plan's goal."),
        field("probability", &OutlookOptions::probability,
              "The chance of the top k the points needed aim at."),
        field("method", &OutlookOptions::method, "RankMethod of the rank distribution."),
        field("exact", &OutlookOptions::exact, "ExactOptions (4 decimals)."),
        field("montecarlo", &OutlookOptions::montecarlo,
              "MonteCarloOptions (100,000 draws, seed 20260101)."),
        field("improve", &OutlookOptions::improve, "Plan the improvements."),
        field("budget", &OutlookOptions::budget,
              "An effort budget: the most P(top k) within it; None: reach the points needed."),
        field("goal", &OutlookOptions::goal,
              "PlannerGoal: the chance of the top k (default) or points for their own sake."),
        field("improvement_options", &OutlookOptions::improvement_options,
              "The ImprovementOptions to choose from; None: the projection's defaults."),
        field("observations_illustrative", &OutlookOptions::observations_illustrative,
              "Whether the observations are illustrative; None: is_illustrative(log)."),
        field("peer_source", &OutlookOptions::peer_source,
              "The peer table's name in messages; '': 'peers'."));

    py::class_<Outlook> outlook(m, "Outlook",
                                "What rank_outlook found: every step's result, from the "
                                "projection to the improvement plan.");
    outlook.def_readonly("as_of", &Outlook::as_of, "The date the data were known on.")
        .def_readonly("evaluation", &Outlook::evaluation, "The evaluation date.")
        .def_readonly("top", &Outlook::top, "The k of the top k.")
        .def_readonly("probability", &Outlook::probability, "The chance aimed at.")
        .def_readonly("projection", &Outlook::projection,
                      "The DtiProjection of the plan's tracked components.")
        .def_readonly("observations_illustrative", &Outlook::observations_illustrative,
                      "True when the observations are illustrative.")
        .def_readonly("held", &Outlook::held, "The values in force on as_of, by indicator.")
        .def_property_readonly(
            "peers", [](const Outlook& o) -> const dtiplan::PeerTable& { return *o.peers; },
            py::return_value_policy::reference_internal,
            "The PeerTable ranked against (the one given, not a copy).")
        .def_readonly("peer_source", &Outlook::peer_source, "The peer table's name.")
        .def_readonly("peers_illustrative", &Outlook::peers_illustrative,
                      "True when the peers are illustrative.")
        .def_readonly("own_unit", &Outlook::own_unit,
                      "The peer table's name for the commune ('' when absent).")
        .def_readonly("commune", &Outlook::commune, "The commune as ranked.")
        .def_readonly("growth", &Outlook::growth, "The GrowthModel used.")
        .def_readonly("growth_estimate", &Outlook::growth_estimate,
                      "The GrowthEstimate when estimated, else None.")
        .def_readonly("forecasts", &Outlook::forecasts, "The peers at the evaluation date.")
        .def_readonly("best", &Outlook::best,
                      "The peers' best value of each relative-to-best component, by id.")
        .def_readonly("best_assumed", &Outlook::best_assumed,
                      "Relative-to-best components no peer gives: scored against 1.")
        .def_readonly("fill", &Outlook::fill, "The UntrackedFill.")
        .def_readonly("tracked_dti", &Outlook::tracked_dti,
                      "The projection's mean DTI, untracked components at 0.")
        .def_readonly("own", &Outlook::own, "The OwnScore ranked: projection plus fill.")
        .def_readonly("distribution", &Outlook::distribution, "The RankDistribution.")
        .def_readonly("needed", &Outlook::needed, "PointsNeeded as a sure score.")
        .def_readonly("needed_shift", &Outlook::needed_shift,
                      "PointsNeeded as a shift of the whole projection.")
        .def_readonly("improvement_options", &Outlook::improvement_options,
                      "The ImprovementOptions chosen from.")
        .def_readonly("improvements", &Outlook::improvements,
                      "The ImprovementPlan, or None when not asked for.")
        .def_readonly("budget", &Outlook::budget, "The effort budget, or None.")
        .def_property_readonly("illustrative", &Outlook::illustrative,
                               "True when the observations or the peers are illustrative.")
        .def_property_readonly("units", &Outlook::units, "Units ranked: the peers and the commune.")
        .def_property_readonly("projected_dti", &Outlook::projected_dti,
                               "The projected DTI ranked (the own score's mean).")
        .def(
            "__repr__",
            [](py::handle self) {
                const auto& o = self.cast<const Outlook&>();
                return python_type_name(self) + "(" + o.commune +
                       ", evaluation=" + dtiplan::format_date(o.evaluation) +
                       ", units=" + std::to_string(o.units()) + ", P(top " + std::to_string(o.top) +
                       ")=" +
                       py::repr(py::float_(o.distribution.prob_top(o.top))).cast<std::string>() +
                       (o.illustrative() ? ", illustrative)" : ")");
            },
            "The commune, the evaluation date, the units and P(top k).");

    m.def(
        "rank_outlook",
        [](const dtiplan::Plan& plan, const dtiplan::Framework& framework,
           const dtiplan::ObservationLog& log, const py::object& peers,
           const OutlookOptions& opts) {
            // The outlook shares the caller's table: a large one is not copied.
            std::shared_ptr<const dtiplan::PeerTable> table;
            if (!peers.is_none())
                table = share_from_python<dtiplan::PeerTable>(peers, "rank_outlook: peers");
            const WithoutGil without_gil;  // Ctrl-C stops the long steps (cancellation.hpp)
            return table ? dtiplan::rank_outlook(plan, framework, log, std::move(table), opts)
                         : dtiplan::rank_outlook(plan, framework, log, opts);
        },
        py::arg("plan"), py::arg("framework"), py::arg("log"), py::arg("peers") = py::none(),
        py::arg_v("options", OutlookOptions{}, "OutlookOptions()"),
        "The whole chain of `dtiplan rank`: projection, untracked fill, peers grown to the "
        "evaluation date, rank distribution, points needed and improvement plan. peers None: "
        "the illustrative example peers. Releases the GIL.");
    m.def("find_own_unit", &dtiplan::find_own_unit, py::arg("peers"), py::arg("commune"),
          "The unit of the peer table that is the commune ('Xã Đại Phước' for 'Đại Phước'), or "
          "''.");
    m.def("ranked_name", &dtiplan::ranked_name, py::arg("plan"),
          py::arg("own_unit") = std::string_view{},
          "The commune as ranked: own_unit, else 'Xã <commune>' (unless already 'Xã'/'Phường').");
    m.def("peers_best", &dtiplan::peers_best, py::arg("framework"), py::arg("peers"),
          py::arg("growth"), py::arg("evaluation"), py::arg("own_unit") = std::string_view{},
          "The best value among the peers of each relative-to-best component on a date: their "
          "latest result of that year or earlier, grown by growth.mean a year, at most 1 "
          "(components no peer gives are absent).");
    m.attr("COMPONENT_VALUE_SD") = dtiplan::kComponentValueSd;
    m.def("component_value_sd", &dtiplan::component_value_sd, py::arg("mean"),
          py::arg("base") = dtiplan::kComponentValueSd,
          "The spread of a component value with this mean: base × 2·sqrt(m (1 - m)).");
    m.def("everyone_model", &dtiplan::everyone_model, py::arg("framework"), py::arg("outlook"),
          py::arg("value_sd") = dtiplan::kComponentValueSd,
          "The component model of every unit at the evaluation date (the commune last), for "
          "simulate_ranks; ValidationError naming a peer without a component value.");
    m.def("component_targets", &dtiplan::component_targets, py::arg("framework"), py::arg("plan"),
          py::arg("year"),
          "The target (a fraction) each Target-rule component is scored against when everyone "
          "is ranked at once: its first plan indicator's target in force in `year`.");
}

}  // namespace dtiplan_bindings
