// The illustrative observations of 2026 (số liệu minh họa): invented monthly figures for the
// built-in plan, made by a seeded script (scripts/make_example_observations.py) and embedded in
// the library like the built-in plan, so a program can try the whole pipeline with no files.
// They are not official figures: every output made from them must say so.
#pragma once

#include <string_view>

#include "dtiplan/model/plan.hpp"
#include "dtiplan/track/observation.hpp"

namespace dtiplan {

/// The file name the example is known by; each observation's origin is "<this>:<row>".
inline constexpr std::string_view kExampleObservationsFile = "illustrative-observations-2026.csv";

/// The CSV text of the example as shipped in data/examples/.
[[nodiscard]] std::string_view example_observations_csv() noexcept;

/// The example read for `plan` (the built-in plan, or one with the same indicators). Throws as
/// observations_from_csv for a plan that lacks its indicators.
[[nodiscard]] ObservationLog example_observations(const Plan& plan);

/// True when every observation of a non-empty log was read from the example, by its file name
/// wherever the file lay ("data/examples/illustrative-observations-2026.csv:12"): a log made
/// from it is labelled illustrative; a renamed copy is the user's own data.
[[nodiscard]] bool is_illustrative(const ObservationLog& log) noexcept;

}  // namespace dtiplan
