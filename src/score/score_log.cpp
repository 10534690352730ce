// The one reading of "the values in force on a date" for scoring (score_log.hpp): the units'
// board, `dtiplan status` and the outlook's improvements all start from it.
#include "dtiplan/score/score_log.hpp"

#include <algorithm>
#include <cmath>

#include "dtiplan/error.hpp"
#include "dtiplan/score/attainment.hpp"
#include "dtiplan/track/observation.hpp"

namespace dtiplan {

IndicatorValues indicator_values(const Plan& plan, const ObservationLog& log, const Date& as_of) {
    validate_log(plan, log);
    if (as_of.is_special()) throw ValidationError("as_of", "expected a date, found none");
    IndicatorValues values;
    const int year = static_cast<int>(as_of.year());
    for (const Indicator& ind : plan.indicators) {
        const Observation* obs = log.latest(ind.id, as_of);
        if (obs == nullptr) continue;
        const double v = as_fraction(obs->value, ind, target_in_force(ind, plan, year));
        if (!std::isnan(v)) values[ind.id] = std::clamp(v, 0.0, 1.0);
    }
    return values;
}

ScoreCard score_log(const Framework& framework, const Plan& plan, const ObservationLog& log,
                    const Date& as_of, const std::map<std::string, double, std::less<>>& best) {
    ScoringContext context;
    context.best = best;
    context.plan = &plan;
    context.year = as_of.is_special() ? 0 : static_cast<int>(as_of.year());
    return score(framework, indicator_values(plan, log, as_of), context);
}

}  // namespace dtiplan
