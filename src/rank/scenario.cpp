// What-if scenarios (scenario.hpp): settings read as people write them, applied to the outlook's
// options, and the outlooks compared.
#include "dtiplan/rank/scenario.hpp"

#include <algorithm>
#include <cmath>
#include <string>
#include <string_view>
#include <utility>

#include "detail/cells.hpp"
#include "dtiplan/error.hpp"
#include "dtiplan/rank/example_peers.hpp"

namespace dtiplan {
namespace {

[[nodiscard]] std::string in_quotes(std::string_view s) { return "\"" + std::string(s) + "\""; }

/// A number as written ("0,9", "90%", "2"); `percent` tells whether it had "%".
[[nodiscard]] double number(const std::string& setting, std::string_view text, bool& percent,
                            std::string_view expected) {
    const detail::NumberCell cell = detail::read_value_cell(text);
    percent = cell.percent;
    if (!cell.value || !std::isfinite(*cell.value))
        throw ValidationError(setting, "cannot read " + in_quotes(text) + " as " +
                                           std::string(expected) +
                                           (cell.why.empty() ? "" : ": " + cell.why));
    return *cell.value;
}

/// The value of a plan indicator in its own scale.
[[nodiscard]] double indicator_value(const std::string& setting, const Indicator& ind,
                                     std::string_view text, int year) {
    bool percent = false;
    switch (ind.kind) {
        case MeasureKind::Rate: {
            const double v = number(setting, text, percent, "a rate (90% or 0,9)");
            if (v < 0.0 || v > 1.0)
                throw ValidationError(
                    setting, ind.id + " is a rate: expected 0..1 or a percentage 0%..100%, found " +
                                 in_quotes(text) +
                                 (!percent && v > 1.0 && v <= 100.0
                                      ? " (for a percentage write " + std::string(text) + "%)"
                                      : std::string()));
            return v;
        }
        case MeasureKind::CountOfTotal: {
            const std::optional<double> total = ind.count_total(year);
            double v = number(setting, text, percent, "a count (or a percentage of the total)");
            if (percent) {
                if (!total)
                    throw ValidationError(setting, ind.id + " has no total in " +
                                                       std::to_string(year) +
                                                       ": give a count, not a percentage");
                v *= *total;
            }
            if (v < 0.0 || (total && v > *total + 1e-9))
                throw ValidationError(
                    setting, ind.id + " is a count" +
                                 (total ? " of " + detail::shortest(*total) : std::string()) +
                                 ": found " + in_quotes(text));
            return total ? std::min(v, *total) : v;
        }
        case MeasureKind::YesNo:
        case MeasureKind::Milestone: {
            if (const auto yes = detail::read_yes_no(text)) return *yes ? 1.0 : 0.0;
            throw ValidationError(setting, ind.id +
                                               " is yes/no: expected có/không (or 1/0, "
                                               "yes/no), found " +
                                               in_quotes(text));
        }
    }
    return 0.0;
}

/// A fraction 0..1, written as a number or a percentage.
[[nodiscard]] double fraction(const std::string& setting, std::string_view text,
                              std::string_view what) {
    bool percent = false;
    const double v = number(setting, text, percent, "a fraction (0,9 or 90%)");
    if (v < 0.0 || v > 1.0)
        throw ValidationError(setting, std::string(what) +
                                           ": expected 0..1 or a percentage 0%..100%, found " +
                                           in_quotes(text));
    return v;
}

[[nodiscard]] bool tracked(const Component& component, const Plan& plan) {
    return std::any_of(component.indicators.begin(), component.indicators.end(),
                       [&](const std::string& id) { return plan.find_indicator(id) != nullptr; });
}

}  // namespace

bool Scenario::empty() const noexcept {
    return indicators.empty() && components.empty() && !growth_mean && !growth_sd && !shock_sd &&
           !untracked;
}

Scenario parse_scenario(const Plan& plan, const Framework& framework,
                        const std::vector<std::string>& settings, std::string name) {
    Scenario out;
    const int year = static_cast<int>(plan.start_year);
    std::vector<std::string> keys;
    for (const std::string& setting : settings) {
        const auto eq = setting.find('=');
        if (eq == std::string::npos)
            throw ValidationError(setting,
                                  "expected KEY=VALUE (I.03=90%, II.03=có, "
                                  "CQS.04=0,9, growth-mean=0,03)");
        const std::string key(detail::trim(std::string_view(setting).substr(0, eq)));
        const std::string_view text = detail::trim(std::string_view(setting).substr(eq + 1));
        if (key.empty()) throw ValidationError(setting, "the key before \"=\" is empty");
        if (text.empty()) throw ValidationError(setting, "the value after \"=\" is empty");
        if (std::find(keys.begin(), keys.end(), key) != keys.end())
            throw ValidationError(setting, key + " is set twice");
        keys.push_back(key);

        bool percent = false;
        if (const Indicator* ind = plan.find_indicator(key)) {
            out.indicators[ind->id] = indicator_value(setting, *ind, text, year);
        } else if (framework.find_component(key) != nullptr) {
            out.components[key] = fraction(setting, text, "a component's score");
        } else if (key == "growth-mean") {
            out.growth_mean = number(setting, text, percent, "a yearly change (0,02 or 2%)");
        } else if (key == "growth-sd" || key == "shock-sd") {
            const double v = number(setting, text, percent, "a spread (0,02 or 2%)");
            if (v < 0.0) throw ValidationError(setting, "expected a spread >= 0");
            (key == "growth-sd" ? out.growth_sd : out.shock_sd) = v;
        } else if (key == "untracked") {
            UntrackedAssumption assumption;
            if (const auto basis = untracked_basis_from_string(text);
                basis && *basis != UntrackedBasis::Fixed) {
                assumption.basis = *basis;
            } else {
                assumption.basis = UntrackedBasis::Fixed;
                assumption.value =
                    fraction(setting, text, "untracked: peer-median, zero or a fraction");
            }
            out.untracked = assumption;
        } else {
            throw ValidationError(setting,
                                  "no indicator of the plan, component of the "
                                  "framework or assumption is called " +
                                      in_quotes(key) + " (assumptions: " + kScenarioAssumptionKeys +
                                      ")");
        }
    }
    if (name.empty()) {
        for (const std::string& setting : settings) {
            if (!name.empty()) name += ", ";
            name += setting;
        }
    }
    out.name = std::move(name);
    return out;
}

OutlookOptions scenario_options(const Plan& plan, const Framework& framework,
                                const Scenario& scenario, const OutlookOptions& base) {
    OutlookOptions out = base;
    for (const auto& [id, value] : scenario.indicators) {
        if (plan.find_indicator(id) == nullptr)
            throw ValidationError("scenario " + in_quotes(scenario.name),
                                  "the plan has no indicator " + id);
        out.projection.given[id] = value;
    }
    for (const auto& [id, value] : scenario.components) {
        const Component* component = framework.find_component(id);
        if (component == nullptr)
            throw ValidationError("scenario " + in_quotes(scenario.name),
                                  "the framework has no component " + id);
        if (tracked(*component, plan))
            out.projection.given_components[id] = value;
        else
            out.untracked.components[id] = value;
    }
    if (scenario.growth_mean || scenario.growth_sd || scenario.shock_sd) {
        out.estimate_growth = false;
        if (scenario.growth_mean) out.growth.mean = *scenario.growth_mean;
        if (scenario.growth_sd) out.growth.sd = *scenario.growth_sd;
        if (scenario.shock_sd) out.growth.shock_sd = *scenario.shock_sd;
    }
    if (scenario.untracked) {
        out.untracked.basis = scenario.untracked->basis;
        out.untracked.value = scenario.untracked->value;
        for (const auto& [id, value] : scenario.untracked->components)
            out.untracked.components[id] = value;
    }
    return out;
}

ScenarioFigures scenario_figures(const Outlook& outlook, std::string name, bool baseline) {
    ScenarioFigures f;
    f.name = std::move(name);
    f.baseline = baseline;
    f.projected_dti = outlook.projected_dti();
    if (outlook.own.has_samples()) {
        const Summary band = summarize(outlook.own.samples);
        f.dti_low = band.p05;
        f.dti_high = band.p95;
    } else {
        f.dti_low = f.dti_high = f.projected_dti;
    }
    f.expected_rank = outlook.distribution.expected();
    f.rank_low = outlook.distribution.quantile(0.05);
    f.rank_high = outlook.distribution.quantile(0.95);
    f.top = outlook.top;
    f.prob_top = outlook.distribution.prob_top(outlook.top);
    f.points_needed = outlook.needed_shift.gap_points;
    f.reachable = outlook.needed_shift.reachable;
    f.illustrative = outlook.illustrative();
    return f;
}

bool ScenarioComparison::illustrative() const noexcept {
    return std::any_of(outlooks.begin(), outlooks.end(),
                       [](const Outlook& o) { return o.illustrative(); });
}

ScenarioComparison compare_scenarios(const Plan& plan, const Framework& framework,
                                     const ObservationLog& log,
                                     std::shared_ptr<const PeerTable> peers,
                                     const std::vector<Scenario>& scenarios,
                                     const OutlookOptions& options) {
    ScenarioComparison out;
    OutlookOptions base = options;
    base.improve = false;
    Scenario baseline;
    baseline.name = "baseline";
    out.outlooks.push_back(rank_outlook(plan, framework, log, peers, base));
    out.figures.push_back(scenario_figures(out.outlooks.back(), baseline.name, true));
    out.scenarios.push_back(std::move(baseline));
    // A scenario changing part of an estimated growth starts from the estimate.
    base.growth = out.outlooks.front().growth;
    for (const Scenario& scenario : scenarios) {
        const OutlookOptions opts = scenario_options(plan, framework, scenario, base);
        out.outlooks.push_back(rank_outlook(plan, framework, log, peers, opts));
        out.figures.push_back(scenario_figures(out.outlooks.back(), scenario.name));
        out.scenarios.push_back(scenario);
    }
    return out;
}

ScenarioComparison compare_scenarios(const Plan& plan, const Framework& framework,
                                     const ObservationLog& log,
                                     const std::vector<Scenario>& scenarios,
                                     const OutlookOptions& options) {
    OutlookOptions with_source = options;
    if (with_source.peer_source.empty()) with_source.peer_source = std::string(kExamplePeersFile);
    return compare_scenarios(plan, framework, log,
                             std::make_shared<const PeerTable>(example_peers(framework)), scenarios,
                             with_source);
}

ScenarioComparison compare_scenarios(const Plan& plan, const Framework& framework,
                                     const ObservationLog& log, const PeerTable& peers,
                                     const std::vector<Scenario>& scenarios,
                                     const OutlookOptions& options) {
    return compare_scenarios(plan, framework, log, std::make_shared<const PeerTable>(peers),
                             scenarios, options);
}

}  // namespace dtiplan
