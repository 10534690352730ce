// Progress status of an indicator against its next milestone, by published methods:
//  - Statistics Canada / Open SDG: ratio of observed to required compound growth;
//  - UN Statistics Division progress chart: ratio of projected to required progress.
// Formulas, thresholds and sources: docs/progress.md.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "dtiplan/model/enums.hpp"

namespace dtiplan {

enum class ProgressMethod { OpenSdg, Unsd };
[[nodiscard]] std::string_view to_string(ProgressMethod m) noexcept;
[[nodiscard]] std::optional<ProgressMethod> progress_method_from_string(
    std::string_view s) noexcept;

enum class ProgressCategory {
    TargetAchieved,
    OnTrack,             ///< OpenSDG R >= 0.95; UNSD ratio >= 0.95
    AccelerationNeeded,  ///< OpenSDG 0.60 <= R < 0.95 ("progress, acceleration needed");
                         ///< UNSD 0.10 <= ratio < 0.95
    LimitedProgress,     ///< OpenSDG 0 <= R < 0.60
    Deterioration,       ///< OpenSDG R < 0; UNSD ratio < 0.10 ("stagnation or regression")
    InsufficientData,
};
[[nodiscard]] std::string_view to_string(ProgressCategory c) noexcept;
[[nodiscard]] std::string_view label(ProgressCategory c, Language lang) noexcept;

struct ProgressInput {
    double base_time = 0.0;  ///< decimal year of the base value
    double base_value = 0.0;
    double current_time = 0.0;  ///< decimal year of the latest value
    double current_value = 0.0;
    double target_time = 0.0;  ///< decimal year the target is due
    /// NaN: no quantitative target; both methods then judge the observed growth alone (Open
    /// SDG: 1.5% / 0.5% / 0 a year; UNSD as EUSTAT applies it: 2% / 0.5%).
    double target_value = 0.0;
    Direction direction = Direction::Increase;
    bool strict = false;  ///< the target is "above" (strict): achieved needs current > target
    /// Values on a 0..1 scale (rates): UNSD's "within 1 point of a 0% or 100% target counts as
    /// achieved" applies as 0.01.
    bool bounded_rate = true;
};

struct ProgressResult {
    ProgressMethod method = ProgressMethod::OpenSdg;
    ProgressCategory category = ProgressCategory::InsufficientData;
    std::optional<double> ratio;            ///< R (OpenSDG) or the progress ratio (UNSD)
    std::optional<double> observed_growth;  ///< CAGR observed (per year)
    std::optional<double> required_growth;  ///< CAGR required (per year)
    std::optional<double> projected_value;  ///< UNSD: value projected to the target time
    std::string explanation;                ///< the numbers and the rule applied, in English
};

/// Assess progress. A current value that meets the target is TargetAchieved first, whatever
/// the times (strict targets strictly, in the target's direction). Otherwise insufficient data
/// when current_time <= base_time, target_time <= base_time, or base and current (or target)
/// values differ in sign. A target date already past (current_time >= target_time) is still
/// assessed: UNSD then projects back to the target date along the observed growth, as EUSTAT
/// evaluates a past target year. Throws ValidationError for a non-finite time or value (a NaN
/// target_value means "no target").
[[nodiscard]] ProgressResult progress_status(const ProgressInput& in,
                                             ProgressMethod method = ProgressMethod::OpenSdg);

}  // namespace dtiplan
