// What-if scenarios (kịch bản giả định): "if I.03 reaches 90% by December, what happens to
// P(top 10)?". A scenario changes the inputs of the outlook (outlook.hpp) and nothing else:
// indicators given a value at the evaluation date (a target reached and held, not one more
// observation for the trend to smooth away), DTI components given a score directly, the peers'
// growth, the assumption for the untracked components. compare_scenarios runs the outlook once
// for the baseline and once per scenario, with the same seed, and puts the figures side by side:
// projected DTI with its band, expected rank, P(top k), points still needed (docs/scenarios.md).
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "dtiplan/model/plan.hpp"
#include "dtiplan/rank/outlook.hpp"
#include "dtiplan/rank/peers.hpp"
#include "dtiplan/rank/untracked.hpp"
#include "dtiplan/score/framework.hpp"
#include "dtiplan/track/observation.hpp"

namespace dtiplan {

/// What a scenario changes. Unset fields keep the baseline's value.
struct Scenario {
    std::string name;  ///< how outputs name it ("I.03=90%, II.03=có")
    /// Plan indicators given a value at the evaluation date, in the indicator's own scale (a
    /// rate 0..1, a count, 1/0 for yes/no and milestones): ProjectionOptions::given.
    std::map<std::string, double, std::less<>> indicators;
    /// Components given a score, as a fraction of their points (0..1): a tracked one through
    /// ProjectionOptions::given_components, an untracked one through
    /// UntrackedAssumption::components.
    std::map<std::string, double, std::less<>> components;
    std::optional<double> growth_mean;  ///< the peers' expected change per year
    std::optional<double> growth_sd;    ///< the spread of each peer's own yearly change
    std::optional<double> shock_sd;     ///< the spread of the province-wide yearly change
    /// The assumption for the untracked components (its basis and value; the given components
    /// are added to it).
    std::optional<UntrackedAssumption> untracked;

    /// True when the scenario changes nothing.
    [[nodiscard]] bool empty() const noexcept;
    friend bool operator==(const Scenario&, const Scenario&) = default;
};

/// The keys of the assumptions a setting may change, besides indicator and component ids.
inline constexpr const char* kScenarioAssumptionKeys =
    "growth-mean, growth-sd, shock-sd, untracked";

/// Read settings as people write them, one "KEY=VALUE" each: a plan indicator ("I.03=90%",
/// "I.03=0,9", "II.03=có" / "không", "II.05=9" for a count, "II.05=100%" for all of its total in
/// the plan's first year), a framework component ("CQS.04=0,9": the fraction of its points), or an
/// assumption
/// ("growth-mean=0,03", "growth-sd=2%", "shock-sd=0", "untracked=zero" / "peer-median" / a
/// fraction). Numbers take a decimal comma or point and "%" (divided by 100). The scenario is
/// named `name`, or the settings joined by ", ". Throws ValidationError whose place is the
/// setting as written: no "=", an unknown key (listing the assumption keys), a value that
/// cannot be read or is out of range for its kind ("I.03=90": a rate is 0..1 or a percentage),
/// a key set twice.
[[nodiscard]] Scenario parse_scenario(const Plan& plan, const Framework& framework,
                                      const std::vector<std::string>& settings,
                                      std::string name = {});

/// `base` with the scenario applied: its indicators in projection.given (each must be a plan
/// indicator), its components in projection.given_components when the plan tracks them (one of
/// their indicators is in the plan) and in untracked.components otherwise, its growth fields
/// over base.growth (estimate_growth turned off), its untracked basis over base.untracked.
/// Throws ValidationError naming an unknown indicator or component.
[[nodiscard]] OutlookOptions scenario_options(const Plan& plan, const Framework& framework,
                                              const Scenario& scenario, const OutlookOptions& base);

/// One column of a comparison: the figures a person compares.
struct ScenarioFigures {
    std::string name;
    bool baseline = false;       ///< the outlook without any change
    double projected_dti = 0.0;  ///< the projected DTI ranked (the own score's mean)
    double dti_low = 0.0;        ///< its 5% quantile
    double dti_high = 0.0;       ///< its 95% quantile
    double expected_rank = 0.0;
    int rank_low = 0;   ///< the rank distribution's 5% quantile (the best likely rank)
    int rank_high = 0;  ///< its 95% quantile
    int top = 10;
    double prob_top = 0.0;  ///< P(rank <= top)
    /// Points still needed for P(top k) >= the outlook's probability, as a shift of the whole
    /// projection (needed_shift.gap_points; <= 0: none needed).
    double points_needed = 0.0;
    bool reachable = true;  ///< false when even a DTI of 1 does not give the probability
    bool illustrative = false;
    friend bool operator==(const ScenarioFigures&, const ScenarioFigures&) = default;
};

/// The figures of one outlook.
[[nodiscard]] ScenarioFigures scenario_figures(const Outlook& outlook, std::string name,
                                               bool baseline = false);

/// The baseline and each scenario, side by side.
struct ScenarioComparison {
    std::vector<Scenario> scenarios;  ///< the baseline (empty, named "baseline") first
    std::vector<Outlook> outlooks;    ///< one per scenario, same order
    std::vector<ScenarioFigures> figures;

    /// True when any outlook is illustrative: a scenario on illustrative data is illustrative.
    [[nodiscard]] bool illustrative() const noexcept;
};

/// The outlook of the baseline (`options` as given) and of each scenario (scenario_options over
/// the baseline's options, with the baseline's growth when it was estimated), improvements not
/// planned, every outlook with the same seeds: a change that raises every draw of the own score
/// cannot lower P(top k). Throws as rank_outlook and scenario_options do.
[[nodiscard]] ScenarioComparison compare_scenarios(const Plan& plan, const Framework& framework,
                                                   const ObservationLog& log,
                                                   std::shared_ptr<const PeerTable> peers,
                                                   const std::vector<Scenario>& scenarios,
                                                   const OutlookOptions& options = {});

/// The same with a copy of `peers`, which every outlook shares.
[[nodiscard]] ScenarioComparison compare_scenarios(const Plan& plan, const Framework& framework,
                                                   const ObservationLog& log,
                                                   const PeerTable& peers,
                                                   const std::vector<Scenario>& scenarios,
                                                   const OutlookOptions& options = {});

/// The same against the illustrative example peers (example_peers(framework)).
[[nodiscard]] ScenarioComparison compare_scenarios(const Plan& plan, const Framework& framework,
                                                   const ObservationLog& log,
                                                   const std::vector<Scenario>& scenarios,
                                                   const OutlookOptions& options = {});

}  // namespace dtiplan
