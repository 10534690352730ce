// The projected DTI as a distribution. Each indicator's forecast at the evaluation date is a
// normal in its model's working scale (y, log y, logit y); a draw samples every indicator
// independently, maps the samples back through the model, clamps them, and scores the whole set
// with the framework, so the non-linear rules (caps, steps, targets) act on every draw as they
// would on real values. Draw i uses stream i of the seed: the result does not depend on the
// order or the thread the draws are made in.
#include "dtiplan/project/projected_dti.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>
#include <utility>

#include "detail/stats.hpp"
#include "dtiplan/cancellation.hpp"
#include "dtiplan/detail/random.hpp"
#include "dtiplan/error.hpp"
#include "dtiplan/project/series.hpp"
#include "dtiplan/score/attainment.hpp"
#include "dtiplan/track/observation.hpp"

namespace dtiplan {
namespace {

/// One plan indicator in the simulation.
struct Item {
    const Indicator* indicator = nullptr;
    const Target* target = nullptr;  ///< in force in the evaluation year
    const Trend* trend = nullptr;    ///< none: a fixed value (or absent)
    Forecast forecast;
    double* slot = nullptr;  ///< its value in the IndicatorValues map

    [[nodiscard]] double fraction(double value) const noexcept {
        ObservedValue v;
        v.value = value;
        return std::clamp(as_fraction(v, *indicator, target), 0.0, 1.0);
    }
};

}  // namespace

Summary summarize(std::vector<double> samples) {
    if (samples.empty()) throw ValidationError("samples", "no samples to summarize");
    for (std::size_t i = 0; i < samples.size(); ++i)
        if (std::isnan(samples[i]))
            throw ValidationError("samples[" + std::to_string(i) + "]", "the sample is NaN");
    std::sort(samples.begin(), samples.end());
    const double n = static_cast<double>(samples.size());
    double mean = 0.0;
    for (const double x : samples) mean += x;
    mean /= n;
    double ss = 0.0;
    for (const double x : samples) ss += (x - mean) * (x - mean);
    Summary s;
    s.mean = mean;
    s.median = detail::quantile_type7(samples, 0.5);
    s.p05 = detail::quantile_type7(samples, 0.05);
    s.p95 = detail::quantile_type7(samples, 0.95);
    s.sd = samples.size() > 1 ? std::sqrt(ss / (n - 1.0)) : 0.0;
    return s;
}

DtiProjection project_dti(const Plan& plan, const Framework& framework, const ObservationLog& log,
                          const Date& as_of, const Date& evaluation,
                          const ProjectionOptions& options) {
    validate_log(plan, log);
    if (as_of.is_special()) throw ValidationError("as_of", "the date is not set");
    if (evaluation.is_special()) throw ValidationError("evaluation", "the date is not set");
    if (options.draws < 1) throw ValidationError("options.draws", "expected at least 1 draw");
    if (options.draws > kMaxProjectionDraws)
        throw ValidationError("options.draws", "at most " + std::to_string(kMaxProjectionDraws) +
                                                   " draws (every draw is kept), found " +
                                                   std::to_string(options.draws));
    if (!(options.level > 0.0 && options.level < 1.0))
        throw ValidationError("options.level",
                              "expected a level in (0, 1), found " + std::to_string(options.level));

    DtiProjection out;
    out.as_of = as_of;
    out.evaluation = evaluation;
    const double t_eval = decimal_year(evaluation);
    const int eval_year = static_cast<int>(evaluation.year());

    IndicatorValues values;
    std::vector<Item> items;
    out.indicators.reserve(plan.indicators.size());
    items.reserve(plan.indicators.size());
    for (const auto& ind : plan.indicators) {
        const Series series = series_from_log(log, ind.id, as_of);
        Item item;
        item.indicator = &ind;
        item.target = target_in_force(ind, plan, eval_year);

        TrendOptions trend_options = options.trend;
        if (!trend_options.lower_bound) trend_options.lower_bound = 0.0;
        if (ind.kind == MeasureKind::CountOfTotal) {
            if (!trend_options.upper_bound) trend_options.upper_bound = ind.count_total(eval_year);
        } else if (!trend_options.upper_bound) {
            trend_options.upper_bound = 1.0;  // rates, yes/no, milestones
        }

        IndicatorProjection p;
        p.indicator = ind.id;
        p.fit = fit_trend(series.times(), series.values, options.model, trend_options);
        std::optional<double> fixed;
        if (p.fit.trend) {
            item.forecast = p.fit.trend->interval(t_eval, options.level);
            p.forecast = item.forecast;
            p.fraction = item.fraction(item.forecast.mean);
        } else if (options.hold_last_value && !series.empty()) {
            fixed = item.fraction(series.values.back());
            char buf[32];
            std::snprintf(buf, sizeof buf, "%.4g", series.values.back());
            p.fit.reason += "; the last value " + std::string(buf) + " is held fixed";
        } else if (!options.hold_last_value) {
            fixed = 0.0;
            p.fit.reason += "; scored as 0";
        }
        out.indicators.push_back(std::move(p));
        if (out.indicators.back().fit.trend) {
            item.trend = &*out.indicators.back().fit.trend;  // stable: reserved above
            item.slot = &values[ind.id];
            items.push_back(item);
        } else if (fixed) {
            values[ind.id] = *fixed;
        }
    }

    ScoringContext context;
    context.plan = &plan;
    context.year = eval_year;
    context.resolve_targets();  // once, not in each of the draws
    out.samples.assign(options.draws, 0.0);
    std::vector<std::vector<double>*> main_columns;
    for (const auto& m : framework.main_indicators) {
        auto& column = out.main_samples[m.id];
        column.assign(options.draws, 0.0);
        main_columns.push_back(&column);
    }
    Progress progress(options.draws);
    for (std::size_t i = 0; i < options.draws; ++i) {
        if (i % 256 == 0 && !progress.keep_going(i)) progress.throw_if_stopped();
        detail::Rng rng(options.seed, i);
        for (const Item& item : items) {
            // One normal per forecast indicator on every draw, even with no spread, so that an
            // indicator's draws do not depend on its neighbours' spreads.
            const double z = rng.normal();
            const double w = item.forecast.working_mean + item.forecast.working_sd * z;
            *item.slot = item.fraction(item.trend->from_working(w));
        }
        const ScoreCard card = score(framework, values, context);
        out.samples[i] = card.dti();
        for (std::size_t m = 0; m < card.mains.size() && m < main_columns.size(); ++m)
            (*main_columns[m])[i] = card.mains[m].index();
    }

    progress.finish(options.draws);

    out.dti = summarize(out.samples);
    for (const auto& [id, column] : out.main_samples) out.mains[id] = summarize(column);
    return out;
}

}  // namespace dtiplan
