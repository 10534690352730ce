// The plan checker's state and its checks (check_plan in findings.cpp runs them). Each check is
// a member function defined in the file of its topic: ids and membership, responsibility,
// targets.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "check/detail/target_compare.hpp"
#include "check/detail/text.hpp"
#include "dtiplan/check/findings.hpp"
#include "dtiplan/model/plan.hpp"

namespace dtiplan::detail::check {

class Checker {
public:
    explicit Checker(const Plan& plan) : plan_(plan) {}

    /// Every check, in the order findings.hpp lists the codes.
    [[nodiscard]] std::vector<Finding> run();

private:
    const Plan& plan_;
    std::vector<Finding> out_;

    void add(Severity severity, std::string code, std::string vi, std::string en,
             std::vector<std::string> indicators, std::vector<std::string> units,
             std::vector<SourceRef> sources) {
        Finding f;
        f.severity = severity;
        f.code = std::move(code);
        f.message_vi = std::move(vi);
        f.message_en = std::move(en);
        f.indicators = std::move(indicators);
        f.units = std::move(units);
        f.sources = std::move(sources);
        out_.push_back(std::move(f));
    }

    /// The id names a group (and not a unit, which would win in Plan::expand).
    [[nodiscard]] bool is_group(std::string_view id) const noexcept {
        return plan_.find_unit(id) == nullptr && plan_.find_group(id) != nullptr;
    }
    [[nodiscard]] bool is_known(std::string_view id) const noexcept {
        return plan_.find_unit(id) != nullptr || plan_.find_group(id) != nullptr;
    }

    /// Indicators assigning a role to this id, and their sources.
    void users_of(std::string_view id, std::vector<std::string>& indicators,
                  std::vector<SourceRef>& sources) const {
        for (const auto& ind : plan_.indicators)
            for (const auto& a : ind.assignments)
                if (a.unit == id) {
                    add_id(indicators, ind.id);
                    for (const auto& s : ind.sources) add_source(sources, s);
                    break;
                }
    }

    // The checks, one per finding code (plan_checks_ids.cpp, plan_checks_responsibility.cpp,
    // plan_checks_targets.cpp).
    void unit_duplicate_id();
    void group_duplicate_id();
    void indicator_duplicate_id();
    void unit_unknown();
    void group_unknown_member();
    void target_unreachable();
    void target_year_outside_plan();
    void responsibility_no_lead();
    void responsibility_shared_lead();
    void responsibility_group_lead();
    void target_conflict();
    void target_regression();
    void target_text_mismatch();
    void target_missing_milestone();
    void target_year_inferred();
    void target_kind_change();

    /// Why a target cannot be met by any value, or nullopt when it can: {vi, en}.
    [[nodiscard]] static std::optional<std::pair<std::string, std::string>> unreachable_reason(
        const TargetValue& v);
};

}  // namespace dtiplan::detail::check
