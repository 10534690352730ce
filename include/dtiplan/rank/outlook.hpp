// The outlook (triển vọng xếp hạng): the whole chain `dtiplan rank` and `dtiplan improve` run, from
// a plan and its observations to the projected rank among the peers, the chance of the top 10,
// the points still needed and the cheapest improvements with the units that must act:
//   projection -> untracked fill -> peers grown to the evaluation date -> rank distribution ->
//   points needed -> improvement plan.
// OutlookOptions{} holds the command's defaults, so a C++ program gets what the command prints.
#pragma once

#include <cstddef>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dtiplan/model/plan.hpp"
#include "dtiplan/model/target.hpp"
#include "dtiplan/project/projected_dti.hpp"
#include "dtiplan/rank/component_model.hpp"
#include "dtiplan/rank/growth.hpp"
#include "dtiplan/rank/improvement.hpp"
#include "dtiplan/rank/peers.hpp"
#include "dtiplan/rank/points_needed.hpp"
#include "dtiplan/rank/rank_distribution.hpp"
#include "dtiplan/rank/synthetic.hpp"
#include "dtiplan/rank/untracked.hpp"
#include "dtiplan/score/framework.hpp"
#include "dtiplan/score/scoring.hpp"
#include "dtiplan/track/observation.hpp"
#include "dtiplan/track/period.hpp"

namespace dtiplan {

/// The options of rank_outlook. Defaults are the command's (docs/rank.md §11).
struct OutlookOptions {
    std::optional<Date> as_of;  ///< the data known on this day; none: today
    /// The evaluation date; none: default_evaluation(plan, as_of) (2026-12-31 for the built-in
    /// plan through 2026).
    std::optional<Date> evaluation;
    /// The projection: trend model Auto, 10,000 draws, seed 20260101, level 0.95, last values
    /// held.
    ProjectionOptions projection;
    GrowthModel growth;  ///< the peers' yearly growth: 0.02 / 0.02 / 0.01
    /// Estimate the growth from the peers' own results up to the evaluation year
    /// (estimate_growth) instead of using `growth`.
    bool estimate_growth = false;
    UntrackedAssumption untracked;  ///< the untracked components: the peers' median
    std::optional<int> top;         ///< the k of the top k; none: the plan's goal (10)
    double probability = 0.5;       ///< the chance of the top k the points needed aim at
    RankMethod method = RankMethod::Exact;
    ExactOptions exact;            ///< the exact method (4 decimals, as the DTI ranks)
    MonteCarloOptions montecarlo;  ///< RankMethod::MonteCarlo: 100,000 draws, seed 20260101
    bool improve = true;           ///< plan the improvements (false: improvements is none)
    /// An effort budget: the most P(top k) within it instead of the least effort reaching the
    /// points needed.
    std::optional<double> budget;
    /// What the plan aims at: the chance of the top k (then the expected rank, then the least
    /// effort), or points for their own sake.
    PlannerGoal goal = PlannerGoal::Chance;
    /// The improvement options to choose from; none: default_improvement_options.
    std::optional<std::vector<ImprovementOption>> improvement_options;
    /// Whether the observations are illustrative; none: is_illustrative(log). A program that
    /// knows better (it loaded the example itself, under another name) says so here.
    std::optional<bool> observations_illustrative;
    /// The name of the peer table in messages and outputs ("peers.csv"); empty: "peers".
    std::string peer_source;
};

/// What rank_outlook found. Each step's result is kept, so a report can show the chain.
struct Outlook {
    Date as_of;
    Date evaluation;
    int top = 10;
    double probability = 0.5;
    DtiProjection projection;  ///< the plan's tracked components
    bool observations_illustrative = false;
    IndicatorValues held;  ///< the values in force on as_of (indicator_values)
    /// The table ranked against: the caller's own when it was given shared (no second copy of
    /// a large table), else the outlook's copy. Never null in an outlook rank_outlook made.
    std::shared_ptr<const PeerTable> peers;
    std::string peer_source;
    bool peers_illustrative = false;
    std::string own_unit;  ///< the table's name for the commune ("" when absent)
    std::string commune;   ///< the commune as ranked (ranked_name)
    GrowthModel growth;    ///< the growth used (given or estimated)
    std::optional<GrowthEstimate> growth_estimate;  ///< when estimated
    std::vector<PeerForecast> forecasts;            ///< the peers at the evaluation date
    /// The best value among the peers of each RelativeToBest component (their latest published
    /// value, grown by the growth mean a year like everyone_model's, at most 1): what the
    /// projection and the planner score such a component against.
    std::map<std::string, double, std::less<>> best;
    /// RelativeToBest components no peer publishes a value of: scored against a best of 1
    /// (100%, the least the rule can give), and said so.
    std::vector<std::string> best_assumed;
    UntrackedFill fill;
    double tracked_dti = 0.0;  ///< the projection's mean DTI, untracked components at 0
    OwnScore own;              ///< the projection's samples + the fill, clamped to 0..1
    RankDistribution distribution;
    PointsNeeded needed;        ///< a sure score giving P(top k) >= probability
    PointsNeeded needed_shift;  ///< the shift of the whole projection giving it
    std::vector<ImprovementOption> improvement_options;  ///< the options chosen from
    std::optional<ImprovementPlan> improvements;         ///< none when not asked for
    std::optional<double> budget;

    /// True when the observations or the peers are illustrative: every output says so.
    [[nodiscard]] bool illustrative() const noexcept {
        return observations_illustrative || peers_illustrative;
    }
    /// Units ranked: the peers and the commune.
    [[nodiscard]] std::size_t units() const noexcept { return forecasts.size() + 1; }
    /// The projected DTI ranked: the tracked components plus the untracked fill.
    [[nodiscard]] double projected_dti() const noexcept { return own.expected(); }
};

/// The unit of `peers` that is the commune: the one named `commune` or ending in " <commune>"
/// ("Xã Đại Phước" for "Đại Phước"); "" when none (or commune is empty).
[[nodiscard]] std::string find_own_unit(const PeerTable& peers, std::string_view commune);

/// The commune as ranked: `own_unit` when the peers list it, else the plan's commune name,
/// prefixed "Xã " unless it already starts with "Xã" or "Phường" (any case).
[[nodiscard]] std::string ranked_name(const Plan& plan, std::string_view own_unit = {});

/// The best value of each RelativeToBest component of `framework` among the peers: their latest
/// result of `evaluation`'s year or earlier (own unit left out), grown by growth.mean a year to
/// the evaluation date, at most 1. Components no peer gives a value for are absent.
[[nodiscard]] std::map<std::string, double, std::less<>> peers_best(const Framework& framework,
                                                                    const PeerTable& peers,
                                                                    const GrowthModel& growth,
                                                                    const Date& evaluation,
                                                                    std::string_view own_unit = {});

/// The whole chain (docs/rank.md §11): the best peer value of each relative-to-best component
/// (peers_best; 1 where no peer gives one, listed in best_assumed); project_dti of the plan's
/// indicators to the evaluation date, scored against those bests; the untracked components filled
/// (untracked_fill, the peers' results up to the evaluation year, the commune left out); the peers
/// grown to the evaluation date (evolve_peers); the own score = each projected sample + the fill,
/// clamped to 0..1; its rank distribution (options.method); the points needed for P(rank <= top) >=
/// probability, as a sure score and as a shift of the projection; and, with improve, the
/// improvement plan from the projection's draws (plan_improvements with the plan's targets of the
/// evaluation year, the peers' bests, and the draws of every forecast indicator), for the chance of
/// the top k. Throws ValidationError when no peer has a result of the evaluation year or earlier
/// ("peers.csv: no peer result of 2026 or earlier to rank against"), and as each step does.
[[nodiscard]] Outlook rank_outlook(const Plan& plan, const Framework& framework,
                                   const ObservationLog& log,
                                   std::shared_ptr<const PeerTable> peers,
                                   const OutlookOptions& options = {});

/// The same, the outlook keeping a copy of `peers` (pass a shared_ptr to share a large table
/// instead).
[[nodiscard]] Outlook rank_outlook(const Plan& plan, const Framework& framework,
                                   const ObservationLog& log, const PeerTable& peers,
                                   const OutlookOptions& options = {});

/// The same against the illustrative example peers (example_peers(framework)), as the command
/// ranks when given no peer table.
[[nodiscard]] Outlook rank_outlook(const Plan& plan, const Framework& framework,
                                   const ObservationLog& log, const OutlookOptions& options = {});

/// The component model of every unit at the evaluation date, for simulate_ranks (everyone's rank
/// at once, docs/rank.md §13): each peer's latest component values (its latest result of the
/// evaluation year or earlier) grown by the outlook's growth mean per year, clamped to 0..1,
/// spread by hypot(component_value_sd(m, value_sd), years × growth sd); then the commune (the
/// last row, named outlook.commune): each tracked component at the mean of its indicators'
/// projected values (projected_values with the held values), each untracked one at the fill's
/// fraction for its main indicator, spread by component_value_sd(m, value_sd). Illustrative
/// when the outlook is. Throws ValidationError naming the first peer and component without a
/// value ("peers.csv: Phường Tam Hiệp (2025) has no value for component NTS.01: ...").
[[nodiscard]] ComponentModel everyone_model(const Framework& framework, const Outlook& outlook,
                                            double value_sd = kComponentValueSd);

/// The target each Target-rule component is scored against when every unit is ranked at once:
/// its first plan indicator's target in force in `year`, as a fraction (a count target over its
/// total), keeping the comparator ("Trên 80%": Above 0.8). Every unit is held to the commune's
/// target, as score() holds the commune to it. Components without such a target are absent.
[[nodiscard]] std::map<std::string, TargetValue, std::less<>> component_targets(
    const Framework& framework, const Plan& plan, int year);

}  // namespace dtiplan
