// Two small rules of the projection that the command and the library share: the evaluation date
// a projection aims at when none is given, and one plan indicator's progress toward its target
// from its own observations (the "status" column of `dtiplan project`).
#pragma once

#include "dtiplan/model/indicator.hpp"
#include "dtiplan/model/plan.hpp"
#include "dtiplan/project/progress.hpp"
#include "dtiplan/track/observation.hpp"
#include "dtiplan/track/period.hpp"

namespace dtiplan {

/// The evaluation date when none is given: 31 December of the plan's first milestone year not
/// before as_of's year (2026-12-31 for the built-in plan through 2026, then 2030-12-31), or of
/// as_of's year when every milestone has passed. Throws ValidationError for an unset date.
[[nodiscard]] Date default_evaluation(const Plan& plan, const Date& as_of);

/// The progress of one plan indicator toward its target in force in `year` (due 31 December of
/// the target's year), from its first to its latest value known on `as_of` (series_from_log,
/// each as a fraction of full attainment through that target), by `method`, in the indicator's
/// direction, strict for an "above" target. One value gives no growth rate: base and current
/// are then the same value (InsufficientData unless already achieved). No value: InsufficientData,
/// "no value of I.03 known on 2026-03-25". No target: judged on the observed growth alone.
[[nodiscard]] ProgressResult indicator_progress(const Plan& plan, const ObservationLog& log,
                                                const Indicator& indicator, const Date& as_of,
                                                int year,
                                                ProgressMethod method = ProgressMethod::OpenSdg);

}  // namespace dtiplan
