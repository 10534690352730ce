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

#include "detail/cells.hpp"
#include "detail/stats.hpp"
#include "dtiplan/cancellation.hpp"
#include "dtiplan/detail/random.hpp"
#include "dtiplan/error.hpp"
#include "dtiplan/project/series.hpp"
#include "dtiplan/score/attainment.hpp"
#include "dtiplan/track/observation.hpp"

namespace dtiplan {
namespace {

constexpr double kZ = 6.0;
constexpr int kHalf = 240;

/// One plan indicator in the simulation.
struct Item {
    const Indicator* indicator = nullptr;
    const Target* target = nullptr;  ///< in force in the evaluation year
    const Trend* trend = nullptr;    ///< none: a fixed value (or absent)
    Forecast forecast;
    /// An average of trends (model Auto): its quantiles at z = -kZ..kZ in steps of kZ/kHalf;
    /// a draw's z reads the value off this table (linear interpolation), so the draw follows
    /// the mixture. Empty for a single model, which is sampled in its working scale.
    std::vector<double> table;
    double* slot = nullptr;       ///< its value in the IndicatorValues map
    std::optional<double> given;  ///< a scenario's value (as a fraction): held on every draw

    [[nodiscard]] double fraction(double value) const noexcept {
        ObservedValue v;
        v.value = value;
        return std::clamp(as_fraction(v, *indicator, target), 0.0, 1.0);
    }
};

[[nodiscard]] double phi(double z) noexcept { return 0.5 * std::erfc(-z / std::sqrt(2.0)); }

/// The quantiles of an average of trends at z = -kZ..kZ (kZ / kHalf apart): its distribution
/// function on 1,024 values between its quantiles at ±kZ, inverted by linear interpolation.
std::vector<double> mixture_table(const Trend& trend, double time) {
    constexpr std::size_t kGrid = 1024;
    const double lo = trend.quantile(time, phi(-kZ));
    const double hi = trend.quantile(time, phi(kZ));
    std::vector<double> ys(kGrid);
    std::vector<double> ps(kGrid);
    for (std::size_t g = 0; g < kGrid; ++g) {
        ys[g] = lo + (hi - lo) * static_cast<double>(g) / static_cast<double>(kGrid - 1);
        ps[g] = trend.cdf(time, ys[g]);
    }
    std::vector<double> table(2 * kHalf + 1);
    std::size_t g = 0;
    for (int j = -kHalf; j <= kHalf; ++j) {
        const double p = phi(kZ * j / kHalf);
        while (g + 1 < kGrid && ps[g] < p) ++g;
        double y = ys[g];
        if (g > 0 && ps[g] > ps[g - 1] && ps[g] >= p)
            y = ys[g - 1] + (ys[g] - ys[g - 1]) * (p - ps[g - 1]) / (ps[g] - ps[g - 1]);
        table[static_cast<std::size_t>(j + kHalf)] = y;
    }
    return table;
}

/// A scenario's given values (options.given, options.given_components), checked: each names an
/// indicator of the plan or a component of the framework and is finite, >= 0, and at most 1
/// (rates, yes/no, milestones, components) or the indicator's total (counts).
void check_given(const Plan& plan, const Framework& framework, const ProjectionOptions& options,
                 int eval_year) {
    for (const auto& [id, value] : options.given) {
        const std::string where = "options.given[" + id + "]";
        const Indicator* ind = plan.find_indicator(id);
        if (ind == nullptr) throw ValidationError(where, "the plan has no indicator " + id);
        const std::optional<double> most = ind->kind == MeasureKind::CountOfTotal
                                               ? ind->count_total(eval_year)
                                               : std::optional<double>(1.0);
        if (!(std::isfinite(value) && value >= 0.0 && (!most || value <= *most)))
            throw ValidationError(where,
                                  (most ? "expected a value from 0 to " + detail::shortest(*most)
                                        : std::string("expected a count >= 0")) +
                                      ", found " + detail::shortest(value));
    }
    for (const auto& [id, value] : options.given_components) {
        const std::string where = "options.given_components[" + id + "]";
        if (framework.find_component(id) == nullptr)
            throw ValidationError(where, "the framework has no component " + id);
        if (!(value >= 0.0 && value <= 1.0))
            throw ValidationError(where,
                                  "expected a fraction of the component's points from 0 "
                                  "to 1, found " +
                                      detail::shortest(value));
    }
}

/// The card with the given components' points replaced (a fraction of their points each), and
/// its main indicators' and total points made up again.
void apply_given_components(ScoreCard& card, const ProjectionOptions& options) {
    if (options.given_components.empty()) return;
    for (ComponentScore& c : card.components) {
        const auto given = options.given_components.find(c.component);
        if (given == options.given_components.end()) continue;
        const double delta = given->second * c.max_points - c.points;
        c.points += delta;
        card.points += delta;
        for (MainScore& m : card.mains)
            if (m.id == c.main) m.points += delta;
    }
}

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
    check_given(plan, framework, options, eval_year);

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
        if (const auto given = options.given.find(ind.id); given != options.given.end()) {
            Forecast held;
            held.time = t_eval;
            held.mean = held.lower = held.upper = held.working_mean = given->second;
            held.level = options.level;
            p.forecast = held;
            p.fraction = item.fraction(given->second);
            item.given = p.fraction;
            if (!p.fit.trend) fixed = p.fraction;
            p.fit.reason += "; given as " + detail::shortest(given->second) +
                            " at the evaluation date (a scenario)";
        } else if (p.fit.trend) {
            item.forecast = p.fit.trend->interval(t_eval, options.level);
            if (!p.fit.trend->members().empty()) item.table = mixture_table(*p.fit.trend, t_eval);
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
    context.best = options.best;
    context.resolve_targets();  // once, not in each of the draws
    out.samples.assign(options.draws, 0.0);
    std::vector<std::vector<double>*> main_columns;
    for (const auto& m : framework.main_indicators) {
        auto& column = out.main_samples[m.id];
        column.assign(options.draws, 0.0);
        main_columns.push_back(&column);
    }
    std::vector<std::vector<double>*> item_columns;
    for (const Item& item : items) {
        auto& column = out.indicator_samples[item.indicator->id];
        column.assign(options.draws, 0.0);
        item_columns.push_back(&column);
    }
    Progress progress(options.draws);
    for (std::size_t i = 0; i < options.draws; ++i) {
        if (i % 256 == 0 && !progress.keep_going(i)) progress.throw_if_stopped();
        detail::Rng rng(options.seed, i);
        for (std::size_t j = 0; j < items.size(); ++j) {
            const Item& item = items[j];
            // One normal per forecast indicator on every draw, even with no spread, so that an
            // indicator's draws do not depend on its neighbours' spreads.
            const double z = rng.normal();
            if (item.given) {
                *item.slot = *item.given;
            } else if (!item.table.empty()) {
                const double x = std::clamp((z + kZ) * kHalf / kZ, 0.0, 2.0 * kHalf);
                const auto k = std::min(static_cast<std::size_t>(x), item.table.size() - 2);
                const double f = x - static_cast<double>(k);
                *item.slot = item.fraction(item.table[k] + f * (item.table[k + 1] - item.table[k]));
            } else {
                const double w = item.forecast.working_mean + item.forecast.working_sd * z;
                *item.slot = item.fraction(item.trend->from_working(w));
            }
            (*item_columns[j])[i] = *item.slot;
        }
        ScoreCard card = score(framework, values, context);
        apply_given_components(card, options);
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
