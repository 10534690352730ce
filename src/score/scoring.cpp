// Points from values, the way official DTI tables score (docs/scoring.md): one rule per
// component, an index per main indicator, the DTI as points over maximum, competition ranks.
// Rules never throw on a value (a value is clamped into 0..max points), but score() and
// dti_from_main_indices() check their inputs first, because a NaN or a 130% rate fed into a
// ranking would quietly move a commune up or down the table.
#include <algorithm>
#include <cmath>
#include <cstddef>
#include <limits>
#include <numeric>
#include <set>
#include <string>

#include "dtiplan/error.hpp"
#include "dtiplan/score/attainment.hpp"
#include "dtiplan/score/scoring.hpp"

namespace dtiplan {
namespace {

/// Tolerance for comparing fractions with thresholds and level values (as TargetValue does).
constexpr double kTolerance = TargetValue::kTolerance;
/// An unmet Target rule earns linear credit, but never the full points: at most this share.
constexpr double kUnmetTargetCap = 1.0 - 1e-9;

double clamp_points(double points, double max_points) noexcept {
    if (std::isnan(points)) return 0.0;
    return std::clamp(points, 0.0, max_points);
}

double steps_points(const ScoringRule& rule, double value) noexcept {
    double best_threshold = -std::numeric_limits<double>::infinity();
    double points = 0.0;
    for (const auto& s : rule.steps) {
        if (value >= s.threshold - kTolerance && s.threshold > best_threshold) {
            best_threshold = s.threshold;
            points = s.points;
        }
    }
    return points;
}

double categorical_share(const ScoringRule& rule, double value) noexcept {
    for (const auto& l : rule.levels)
        if (std::fabs(l.value - value) <= kTolerance) return l.share;
    const ScoreLevel* below = nullptr;
    for (const auto& l : rule.levels)
        if (l.value <= value && (below == nullptr || l.value > below->value)) below = &l;
    return below ? below->share : 0.0;
}

double target_points(double value, double max_points, const TargetValue* target) noexcept {
    if (target == nullptr) return std::min(value, 1.0) * max_points;  // as a 100% target
    // Values are fractions of full attainment, so compare with the target as a fraction too:
    // "9/9 nền tảng" is 1.0, "Trên 80%" is 0.8.
    TargetValue as_fraction_target = *target;
    as_fraction_target.value = target->as_fraction();
    as_fraction_target.denominator.reset();
    if (as_fraction_target.met(value)) return max_points;
    const double goal = as_fraction_target.value;
    if (!(goal > 0.0)) return 0.0;
    return std::min(value / goal, kUnmetTargetCap) * max_points;
}

void check_fraction(double v, const std::string& where) {
    if (!std::isfinite(v))
        throw ValidationError(where, "expected a number from 0 to 1, found " +
                                         std::string(std::isnan(v) ? "NaN" : "infinity"));
    if (v < 0.0 || v > 1.0 + kTolerance)
        throw ValidationError(where, "expected a fraction from 0 to 1, found " + std::to_string(v));
}

}  // namespace

double rule_points(const ScoringRule& rule, double value, double max_points,
                   std::optional<double> best, const TargetValue* target) {
    if (!(max_points > 0.0) || std::isnan(value)) return 0.0;
    value = std::max(value, 0.0);
    double points = 0.0;
    switch (rule.kind) {
        case RuleKind::Proportional: points = std::min(value, 1.0) * max_points; break;
        case RuleKind::Steps: points = steps_points(rule, value); break;
        case RuleKind::Categorical: points = categorical_share(rule, value) * max_points; break;
        case RuleKind::YesNo: points = value >= 0.5 ? max_points : 0.0; break;
        case RuleKind::RelativeToBest: {
            const double b = best.value_or(value);
            points = b > 0.0 ? std::min(value / b, 1.0) * max_points : 0.0;
            break;
        }
        case RuleKind::Target: points = target_points(value, max_points, target); break;
    }
    return clamp_points(points, max_points);
}

const Target* ScoringContext::target_for(std::string_view indicator) const {
    if (plan == nullptr) return nullptr;
    if (resolved_) {
        const auto it = targets_.find(indicator);
        return it != targets_.end() ? it->second : nullptr;
    }
    const Indicator* ind = plan->find_indicator(indicator);
    return ind != nullptr ? target_in_force(*ind, *plan, year) : nullptr;
}

void ScoringContext::resolve_targets() {
    targets_.clear();
    resolved_ = false;
    if (plan == nullptr) return;
    for (const auto& ind : plan->indicators)
        targets_.emplace(ind.id, target_in_force(ind, *plan, year));  // the first of a duplicate id
    resolved_ = true;
}

ScoreCard score(const Framework& f, const IndicatorValues& values, const ScoringContext& context) {
    for (const auto& [id, v] : values) check_fraction(v, "values[\"" + id + "\"]");
    for (const auto& [id, b] : context.best)
        if (!std::isfinite(b) || b < 0.0)
            throw ValidationError("best[\"" + id + "\"]",
                                  "expected a best value >= 0, found " + std::to_string(b));

    ScoreCard card;
    for (const auto& main : f.main_indicators) {
        MainScore ms{main.id, 0.0, main.max_points};
        for (const auto& comp : main.components) {
            ComponentScore cs{comp.id, main.id, std::nullopt, 0.0, comp.max_points};
            std::vector<std::pair<std::string_view, double>> present;
            for (const auto& ind : comp.indicators)
                if (const auto it = values.find(ind); it != values.end())
                    present.emplace_back(ind, it->second);
            if (!present.empty()) {
                double sum = 0.0;
                for (const auto& p : present) sum += p.second;
                cs.value = sum / static_cast<double>(present.size());
                if (comp.rule.kind == RuleKind::Target) {
                    // Each indicator against its own target in force, then the mean credit.
                    double points = 0.0;
                    for (const auto& [ind_id, v] : present) {
                        const Target* t = context.target_for(ind_id);
                        points += rule_points(comp.rule, v, comp.max_points, std::nullopt,
                                              t ? &t->parsed : nullptr);
                    }
                    cs.points = points / static_cast<double>(present.size());
                } else {
                    std::optional<double> best;
                    if (const auto it = context.best.find(comp.id); it != context.best.end())
                        best = it->second;
                    cs.points = rule_points(comp.rule, *cs.value, comp.max_points, best);
                }
            }
            ms.points += cs.points;
            card.components.push_back(std::move(cs));
        }
        card.points += ms.points;
        card.max_points += ms.max_points;
        card.mains.push_back(std::move(ms));
    }
    return card;
}

double dti_from_main_indices(const Framework& f, const std::map<std::string, double>& indices) {
    std::map<std::string, std::string> given;  // main id -> the key it was given under
    double points = 0.0;
    for (const auto& [key, index] : indices) {
        const std::string where = "indices[\"" + key + "\"]";
        const MainIndicator* m = f.find_main(key);
        if (m == nullptr) {
            std::string known;
            for (const auto& mi : f.main_indicators)
                known += (known.empty() ? "" : ", ") + mi.id + " (" + mi.name + ")";
            throw ValidationError(
                where, "not a main indicator of framework \"" + f.id + "\" (known: " + known + ")");
        }
        if (const auto it = given.find(m->id); it != given.end())
            throw ValidationError(where, "main indicator " + m->id + " is given twice (also as \"" +
                                             it->second + "\")");
        given.emplace(m->id, key);
        if (std::isnan(index) || index < 0.0 || index > 1.0)
            throw ValidationError(
                where, "expected an index from 0 to 1, found " +
                           (std::isnan(index) ? std::string("NaN") : std::to_string(index)));
        points += index * m->max_points;
    }
    std::string missing;
    for (const auto& m : f.main_indicators)
        if (given.find(m.id) == given.end()) missing += (missing.empty() ? "" : ", ") + m.id;
    if (!missing.empty())
        throw ValidationError("indices", "no index for main indicator(s) " + missing);
    const double max = f.max_points();
    return max > 0.0 ? points / max : 0.0;
}

double round_to(double value, int decimals) noexcept {
    if (decimals < 0 || decimals > 15 || !std::isfinite(value)) return value;
    const double scale = std::pow(10.0, decimals);
    const double rounded = round_half_away_scaled(std::fabs(value) * scale) / scale;
    return std::signbit(value) ? -rounded : rounded;
}

std::vector<int> competition_rank(const std::vector<double>& values, int decimals) {
    if (decimals < -1 || decimals > 15)
        throw ValidationError(
            "decimals", "expected -1 (exact) or 0..15 decimals, found " + std::to_string(decimals));
    const std::size_t n = values.size();
    std::vector<double> keys(n);
    for (std::size_t i = 0; i < n; ++i)
        keys[i] = decimals >= 0 ? round_to(values[i], decimals) : values[i];
    std::vector<std::size_t> order(n);
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        const bool na = std::isnan(keys[a]);
        const bool nb = std::isnan(keys[b]);
        if (na || nb) return !na && nb;  // numbers before NaN; NaNs keep their order
        return keys[a] > keys[b];
    });
    std::vector<int> ranks(n, 0);
    for (std::size_t pos = 0; pos < n; ++pos) {
        const std::size_t i = order[pos];
        if (pos > 0) {
            const std::size_t prev = order[pos - 1];
            const bool tie =
                (std::isnan(keys[i]) && std::isnan(keys[prev])) || keys[i] == keys[prev];
            if (tie) {
                ranks[i] = ranks[prev];
                continue;
            }
        }
        ranks[i] = static_cast<int>(pos) + 1;
    }
    return ranks;
}

Coverage coverage(const Framework& f, const Plan& plan) {
    Coverage out;
    std::set<std::string, std::less<>> used;
    std::set<std::string, std::less<>> unknown_seen;
    for (const auto& main : f.main_indicators) {
        out.untracked_by_main[main.id] = 0.0;
        for (const auto& comp : main.components) {
            bool tracked = false;
            for (const auto& id : comp.indicators) {
                used.insert(id);
                if (plan.find_indicator(id) != nullptr) {
                    tracked = true;
                } else if (unknown_seen.insert(id).second) {
                    out.unknown_indicators.push_back(id);
                }
            }
            if (tracked) {
                out.tracked_points += comp.max_points;
            } else {
                out.untracked_components.push_back({comp.id, main.id, comp.max_points, ""});
                out.untracked_points += comp.max_points;
                out.untracked_by_main[main.id] += comp.max_points;
            }
        }
    }
    for (const auto& ind : plan.indicators)
        if (used.find(ind.id) == used.end()) out.unscored_indicators.push_back(ind.id);
    return out;
}

}  // namespace dtiplan
