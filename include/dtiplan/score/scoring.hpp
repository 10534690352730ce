// Turning values into DTI points the way the official DTI does: points per component by its
// rule, an index 0..1 per main indicator, the DTI as points / maximum (published to 4 decimals),
// and competition ranks with ties (1, 2, 2, 4).
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dtiplan/model/plan.hpp"
#include "dtiplan/score/framework.hpp"
#include "dtiplan/score/rank_key.hpp"

namespace dtiplan {

/// Values by plan indicator id, each as a fraction of full attainment (a rate as is; a count as
/// count / total; yes/no and milestones 0 or 1).
using IndicatorValues = std::map<std::string, double, std::less<>>;

struct ScoringContext {
    /// For RelativeToBest: the best value among peers, by component id. A component with a
    /// RelativeToBest rule and no best here is scored against its own value (full points).
    std::map<std::string, double, std::less<>> best;
    /// For Target rules: the plan and the year whose target in force counts (target_in_force;
    /// 0 = the first milestone). Without a plan, or for an indicator with no target, a Target
    /// rule scores against 100%.
    const Plan* plan = nullptr;
    int year = 0;

    /// The target in force that a Target rule scores `indicator` against (nullptr: 100%): from
    /// the targets resolved once by resolve_targets(), else looked up in the plan.
    [[nodiscard]] const Target* target_for(std::string_view indicator) const;
    /// Resolve every indicator's target in force in `year` once, for a context that scores many
    /// times (the projection's draws, the improvement planner's inner loop). Call it again after
    /// changing `plan` or `year`.
    void resolve_targets();

private:
    std::map<std::string, const Target*, std::less<>> targets_;
    bool resolved_ = false;
};

struct ComponentScore {
    std::string component;
    std::string main;             ///< main indicator id
    std::optional<double> value;  ///< mean of its indicators' values present; none if none
    double points = 0.0;
    double max_points = 0.0;
    friend bool operator==(const ComponentScore&, const ComponentScore&) = default;
};

struct MainScore {
    std::string id;
    double points = 0.0;
    double max_points = 0.0;
    [[nodiscard]] double index() const noexcept {
        return max_points > 0 ? points / max_points : 0.0;
    }
    friend bool operator==(const MainScore&, const MainScore&) = default;
};

struct ScoreCard {
    std::vector<ComponentScore> components;
    std::vector<MainScore> mains;
    double points = 0.0;
    double max_points = 0.0;
    /// points / max_points, unrounded.
    [[nodiscard]] double dti() const noexcept { return max_points > 0 ? points / max_points : 0.0; }
    friend bool operator==(const ScoreCard&, const ScoreCard&) = default;
};

/// The points of one rule for one value (a fraction of full attainment; max given). `best` for
/// RelativeToBest (none: the value is its own best), `target` for Target (none: 100%). Never
/// negative, never above max; 0 for a NaN value or max <= 0. Steps and categorical levels are
/// matched within 1e-9. A Target rule gives max only when the target is met (compared as
/// fractions: a count target as count / total); otherwise value / target × max, capped just
/// below max (× (1 − 1e-9)), so "Trên 80%" with 0.80 earns all but a hair and stays unmet.
[[nodiscard]] double rule_points(const ScoringRule& rule, double value, double max_points,
                                 std::optional<double> best = std::nullopt,
                                 const TargetValue* target = nullptr);

/// Score indicator values through a framework. A component's value is the mean of its
/// indicators' values present; with none it scores 0 points. A Target component scores each of
/// its indicators against that indicator's own target and takes the mean of the points. Throws
/// ValidationError for a value that is NaN, infinite or outside 0..1, or a negative best.
[[nodiscard]] ScoreCard score(const Framework& f, const IndicatorValues& values,
                              const ScoringContext& context = {});

/// The DTI from main-indicator indices (0..1), keyed by main indicator id or Vietnamese name:
/// Σ index × max points / total max. Throws ValidationError for an unknown key, a missing main
/// indicator or an index outside 0..1.
[[nodiscard]] double dti_from_main_indices(const Framework& f,
                                           const std::map<std::string, double>& indices);

/// Round half away from zero to `decimals` places (the DTI is published to 4), by the rule of
/// rank_key (score/rank_key.hpp). A value within floating-point noise (1e-12 relative) of a half
/// counts as the half: 0.80025 -> 0.8003.
/// Negative `decimals` (or more than 15), NaN and infinities: the value unchanged.
[[nodiscard]] double round_to(double value, int decimals) noexcept;

/// Competition ranks, highest value first: {0.9, 0.8, 0.8, 0.7} -> {1, 2, 2, 4}. Values equal
/// after rounding to `decimals` places tie (the DTI ranks its published 4-decimal values; pass
/// -1 for exact comparison). NaN ranks after every number and NaNs tie with each other. Ranks
/// are 1-based and given in the order of `values`.
[[nodiscard]] std::vector<int> competition_rank(const std::vector<double>& values,
                                                int decimals = -1);

/// Coverage of a framework by a plan.
struct CoverageGap {
    std::string component;  ///< untracked component id ("" for an indicator that scores nowhere)
    std::string main;
    double points = 0.0;    ///< points the untracked component is worth
    std::string indicator;  ///< plan indicator id that maps to no component ("" otherwise)
    friend bool operator==(const CoverageGap&, const CoverageGap&) = default;
};
struct Coverage {
    std::vector<CoverageGap>
        untracked_components;  ///< framework components no plan indicator measures
    std::vector<std::string> unscored_indicators;  ///< plan indicators no component uses
    std::vector<std::string> unknown_indicators;   ///< component indicator ids not in the plan
    double tracked_points = 0.0;
    double untracked_points = 0.0;
    /// untracked points per main indicator id (every main indicator, 0 when fully tracked)
    std::map<std::string, double> untracked_by_main;
    friend bool operator==(const Coverage&, const Coverage&) = default;
};
/// A component is tracked when at least one of its indicators is in the plan. Lists are in
/// framework order (untracked components, unknown indicators, each once) and plan order
/// (unscored indicators).
[[nodiscard]] Coverage coverage(const Framework& f, const Plan& plan);

}  // namespace dtiplan
