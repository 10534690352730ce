// Observations as CSV (UTF-8, documented columns: docs/observations.md) and JSON. Reading
// validates each row against the plan and names the row and column of the first bad value;
// nothing is returned half-read.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "dtiplan/model/plan.hpp"
#include "dtiplan/track/observation.hpp"

namespace dtiplan {

/// Columns, in this order when written: indicator, period, value, numerator, denominator, unit,
/// submitted, evidence_id, evidence_title, evidence_location, note. Required: indicator, period,
/// submitted, and either value or numerator+denominator. Several evidence documents: the three
/// evidence columns hold ";"-separated lists of equal length. Rates may be written as fractions
/// (0.85), percentages ("85%") or with a decimal comma ("85,5%"). Yes/no: 1/0, "có"/"không",
/// "yes"/"no", "true"/"false". A UTF-8 byte-order mark is ignored. Column order is free;
/// unknown columns are an error naming them.
[[nodiscard]] ObservationLog observations_from_csv(std::string_view csv_text,
                                                   const std::string& origin, const Plan& plan);
[[nodiscard]] std::string observations_to_csv(const ObservationLog& log);

/// {"schema": "dtiplan.observations/1", "observations": [{"indicator", "period", "value",
/// "numerator", "denominator", "unit", "submitted", "evidence": [{"id","title","location"}],
/// "note"}]}
[[nodiscard]] ObservationLog observations_from_json(std::string_view json_text,
                                                    const std::string& origin, const Plan& plan);
[[nodiscard]] std::string observations_to_json(const ObservationLog& log);

/// By extension: .csv or .json. Throws FileError / FormatError / ValidationError.
[[nodiscard]] ObservationLog load_observations(const std::filesystem::path& path, const Plan& plan);
void save_observations(const ObservationLog& log, const std::filesystem::path& path);

}  // namespace dtiplan
