// The projected DTI at an evaluation date as a distribution: each indicator's forecast
// uncertainty is carried through the framework's scoring by simulation. Reproducible from a seed.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "dtiplan/defaults.hpp"
#include "dtiplan/model/plan.hpp"
#include "dtiplan/project/trend.hpp"
#include "dtiplan/score/framework.hpp"
#include "dtiplan/score/scoring.hpp"
#include "dtiplan/track/observation.hpp"

namespace dtiplan {

/// Per indicator: the fit and its forecast at the evaluation date (none when data are short).
struct IndicatorProjection {
    std::string indicator;
    TrendFit fit;
    std::optional<Forecast> forecast;  ///< in the indicator's own scale
    std::optional<double> fraction;    ///< forecast mean as a fraction of full attainment
    friend bool operator==(const IndicatorProjection& a, const IndicatorProjection& b) {
        return a.indicator == b.indicator;
    }
};

struct Summary {
    double mean = 0.0;
    double median = 0.0;
    double p05 = 0.0;
    double p95 = 0.0;
    double sd = 0.0;
};
[[nodiscard]] Summary summarize(std::vector<double> samples);

/// The most draws project_dti accepts: every draw's DTI and main indices are kept (9 doubles a
/// draw with the default framework, 72 MB at this limit).
inline constexpr std::size_t kMaxProjectionDraws = 1'000'000;

struct ProjectionOptions {
    TrendModel model = TrendModel::Auto;
    TrendOptions trend;
    std::size_t draws = 10000;
    std::uint64_t seed = kDefaultSeed;
    double level = 0.95;
    /// Indicators with no usable forecast: their last value is held fixed (true; one never
    /// reported is then left out of the scoring) or they score 0 (false, reported or not).
    bool hold_last_value = true;
    /// For RelativeToBest components: the best value among peers, by component id (as
    /// ScoringContext::best; a component without one is scored against its own value).
    std::map<std::string, double, std::less<>> best;
    /// Indicators whose value at the evaluation date is given (a what-if scenario,
    /// rank/scenario.hpp), in the indicator's own scale (a rate 0..1, a count, 1/0 for yes/no):
    /// a target reached and held. Every draw scores that value, with no spread, in place of the
    /// trend's forecast, and the indicator's forecast reports it. Draw i still takes the
    /// indicator's normal, so the other indicators' draws are those of the same seed without it.
    std::map<std::string, double, std::less<>> given{};
    /// Components whose score is given, as a fraction of their points (0..1): every draw scores
    /// them so, whatever their indicators' values.
    std::map<std::string, double, std::less<>> given_components{};
};

struct DtiProjection {
    Date as_of;
    Date evaluation;
    std::vector<IndicatorProjection> indicators;  ///< plan order
    std::vector<double> samples;                  ///< DTI (0..1) per draw, in draw order
    std::map<std::string, std::vector<double>> main_samples;  ///< main index per draw, by id
    /// Each forecast indicator's value per draw, as a fraction of full attainment, by id (the
    /// values the draws were scored on; indicators held fixed are not here).
    std::map<std::string, std::vector<double>, std::less<>> indicator_samples;
    Summary dti;
    std::map<std::string, Summary> mains;
};

/// Fit every indicator's series as known on as_of, forecast it at `evaluation`, and draw `draws`
/// joint samples (independent across indicators) of the framework score. Each draw samples each
/// indicator from a normal in its model's working scale (y, log y, logit y) with the forecast's
/// predictive standard deviation, maps it back, clamps it (0..1 for rates, yes/no and
/// milestones, 0..total for counts, unless options.trend sets bounds), turns it into a fraction
/// of full attainment through the target in force in the evaluation year, and scores the draw
/// with the framework (Target rules use that year's targets). Draw i uses detail::Rng(seed, i).
/// Throws ValidationError for draws = 0 or above kMaxProjectionDraws, a level outside (0, 1) or
/// unset dates; stoppable through the thread's ProgressScope (SimulationCancelled,
/// dtiplan/cancellation.hpp).
[[nodiscard]] DtiProjection project_dti(const Plan& plan, const Framework& framework,
                                        const ObservationLog& log, const Date& as_of,
                                        const Date& evaluation,
                                        const ProjectionOptions& options = {});

}  // namespace dtiplan
