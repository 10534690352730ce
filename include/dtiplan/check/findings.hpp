// The plan checker: what a plan gets wrong, as findings a coordinator can act on. Every finding
// has a stable code (docs/checks.md lists them), a message in Vietnamese and English, the
// indicators and units involved, and where in the plan it comes from.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

#include "dtiplan/model/enums.hpp"
#include "dtiplan/model/plan.hpp"
#include "dtiplan/model/source.hpp"

namespace dtiplan {

struct Finding {
    Severity severity = Severity::Warning;
    std::string code;  ///< stable: "responsibility.no-lead", "target.conflict", ...
    std::string message_vi;
    std::string message_en;
    std::vector<std::string> indicators;  ///< indicator ids involved
    std::vector<std::string> units;       ///< unit or group ids involved
    std::vector<SourceRef> sources;       ///< where in the plan

    [[nodiscard]] const std::string& message(Language lang) const noexcept {
        return lang == Language::Vietnamese ? message_vi : message_en;
    }

    friend bool operator==(const Finding&, const Finding&) = default;
};

/// Every check, in a stable order (by check, then by the plan's order of indicators).
/// Errors: unit.duplicate-id, group.duplicate-id, indicator.duplicate-id, unit.unknown,
/// group.unknown-member, target.unreachable, target.year-outside-plan.
/// Warnings: responsibility.no-lead, responsibility.shared-lead, responsibility.group-lead,
/// target.conflict, target.regression, target.text-mismatch.
/// Info: target.missing-milestone, target.year-inferred, target.kind-change.
[[nodiscard]] std::vector<Finding> check_plan(const Plan& plan);

/// True when any finding is an error.
[[nodiscard]] bool has_errors(const std::vector<Finding>& findings) noexcept;

/// One line for logs and Python's repr: Finding(warning, "target.conflict", "II.12").
std::ostream& operator<<(std::ostream& os, const Finding& v);

}  // namespace dtiplan
