// Plans as JSON files (schema: docs/plan-schema.md). Loading reports the file, the JSON path and
// what was expected; saving writes a temporary file beside the target and renames it, so a failed
// save never leaves a half-written plan.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "dtiplan/model/plan.hpp"

namespace dtiplan {

/// Read a plan from JSON text. `origin` names the source in errors ("plan.json", "<built-in>").
/// Throws FormatError ("plan.json: indicators[3].targets[0].text: cannot read \"...\" as a
/// target") or TargetPhraseError. Targets without a stored "comparator"/"value" are parsed from
/// their text.
[[nodiscard]] Plan plan_from_json(std::string_view json_text, const std::string& origin);

/// The plan as JSON text (UTF-8, 2-space indent, fields in schema order). Lossless:
/// plan_from_json(plan_to_json(p), x) == p.
[[nodiscard]] std::string plan_to_json(const Plan& plan);

/// Load a plan file. Throws FileError when it cannot be read, FormatError when it is not a plan.
[[nodiscard]] Plan load_plan(const std::filesystem::path& path);

/// Save a plan atomically (temporary file + rename). Throws FileError; the old file, if any, is
/// then left as it was.
void save_plan(const Plan& plan, const std::filesystem::path& path);

}  // namespace dtiplan
