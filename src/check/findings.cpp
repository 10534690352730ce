// The plan checker. Each check is one function that appends its findings, and check_plan calls
// them in the order findings.hpp lists the codes, each walking the plan in its own order: so the
// findings come out in a stable order a coordinator (and a golden-file test) can rely on.
#include "dtiplan/check/findings.hpp"

#include <algorithm>
#include <iomanip>
#include <ostream>
#include <vector>

#include "check/detail/checker.hpp"

namespace dtiplan {

namespace detail::check {

std::vector<Finding> Checker::run() {
    unit_duplicate_id();
    group_duplicate_id();
    indicator_duplicate_id();
    unit_unknown();
    group_unknown_member();
    target_unreachable();
    target_year_outside_plan();
    responsibility_no_lead();
    responsibility_shared_lead();
    responsibility_group_lead();
    target_conflict();
    target_regression();
    target_text_mismatch();
    target_missing_milestone();
    target_year_inferred();
    target_kind_change();
    return std::move(out_);
}

}  // namespace detail::check

std::vector<Finding> check_plan(const Plan& plan) { return detail::check::Checker(plan).run(); }

bool has_errors(const std::vector<Finding>& findings) noexcept {
    return std::any_of(findings.begin(), findings.end(),
                       [](const Finding& f) { return f.severity == Severity::Error; });
}

std::ostream& operator<<(std::ostream& os, const Finding& v) {
    os << "Finding(" << to_string(v.severity) << ", " << std::quoted(v.code);
    for (const auto& id : v.indicators) os << ", " << std::quoted(id);
    return os << ")";
}

}  // namespace dtiplan
