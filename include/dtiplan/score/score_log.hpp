// The commune's points as of a date, straight from its observation log: each plan indicator's
// value in force on that date (the latest submitted by then) as a fraction of full attainment,
// scored through the framework with the targets in force that year. What `dtiplan status`
// shows, and the value every improvement starts from.
#pragma once

#include <map>
#include <string>

#include "dtiplan/model/plan.hpp"
#include "dtiplan/score/framework.hpp"
#include "dtiplan/score/scoring.hpp"
#include "dtiplan/track/observation.hpp"
#include "dtiplan/track/period.hpp"

namespace dtiplan {

/// The value of each plan indicator known on `as_of` (ObservationLog::latest) as a fraction of
/// full attainment (as_fraction against the target in force in as_of's year: a count over its
/// total), clamped to 0..1. Indicators without a value, or whose value has no fraction (NaN),
/// are left out.
[[nodiscard]] IndicatorValues indicator_values(const Plan& plan, const ObservationLog& log,
                                               const Date& as_of);

/// The framework's points of each component, each main indicator and the DTI on `as_of`:
/// score(framework, indicator_values(plan, log, as_of)) with the plan's targets in force in
/// as_of's year for Target rules and `best` for RelativeToBest ones. A component no plan
/// indicator measures, or without a value, scores 0: the DTI is then a lower bound (coverage).
/// Throws ValidationError for an unset date.
[[nodiscard]] ScoreCard score_log(const Framework& framework, const Plan& plan,
                                  const ObservationLog& log, const Date& as_of,
                                  const std::map<std::string, double, std::less<>>& best = {});

}  // namespace dtiplan
