// The checks of who is responsible: an indicator without a lead unit, a lead shared by
// several units, a group as the lead.
#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "check/detail/checker.hpp"
#include "dtiplan/model/target_phrase.hpp"

namespace dtiplan::detail::check {

void Checker::responsibility_no_lead() {
    for (const auto& ind : plan_.indicators) {
        const bool has_lead = std::any_of(
            ind.assignments.begin(), ind.assignments.end(),
            [](const auto& a) { return a.role == Role::Lead || a.role == Role::UpperLead; });
        if (has_lead) continue;
        std::vector<std::string> units;
        for (const auto& a : ind.assignments) add_id(units, a.unit);
        std::vector<SourceRef> srcs = ind.sources;
        add_source(srcs, SourceRef{"I.2", "2"});  // the requirement itself
        add(Severity::Warning, "responsibility.no-lead",
            "Chỉ tiêu " + indicator_label(ind) +
                " chưa có đơn vị chủ trì; yêu cầu I.2 của Kế hoạch: mỗi chỉ tiêu phải có bộ "
                "phận chịu trách nhiệm chính.",
            "Indicator " + indicator_label(ind) +
                " has no lead unit; the plan's requirement I.2 says every indicator needs a "
                "unit primarily responsible for it.",
            {ind.id}, std::move(units), std::move(srcs));
    }
}

void Checker::responsibility_shared_lead() {
    for (const auto& ind : plan_.indicators) {
        std::vector<std::string> leads;
        for (const auto& a : ind.assignments)
            if (a.role == Role::Lead) add_id(leads, a.unit);
        if (leads.size() < 2) continue;
        std::vector<std::string> names;
        names.reserve(leads.size());
        for (const auto& id : leads) names.push_back(unit_label(plan_, id));
        const std::string n = std::to_string(leads.size());
        add(Severity::Warning, "responsibility.shared-lead",
            "Chỉ tiêu " + indicator_label(ind) + " có " + n +
                " đơn vị cùng chủ trì: " + join_list(names, Language::Vietnamese) +
                "; trách nhiệm chính bị chia sẻ, cần xác định một đơn vị chịu trách nhiệm "
                "cuối cùng (yêu cầu I.2).",
            "Indicator " + indicator_label(ind) + " has " + n +
                " lead units: " + join_list(names, Language::English) +
                "; accountability is split, name the one unit that answers for it "
                "(requirement I.2).",
            {ind.id}, leads, ind.sources);
    }
}

void Checker::responsibility_group_lead() {
    for (const auto& ind : plan_.indicators) {
        std::vector<std::string> groups;
        for (const auto& a : ind.assignments)
            if (a.role == Role::Lead && is_group(a.unit)) add_id(groups, a.unit);
        for (const auto& gid : groups) {
            const UnitGroup* g = plan_.find_group(gid);
            const std::string n = std::to_string(plan_.expand(gid).size());
            add(Severity::Warning, "responsibility.group-lead",
                "Chỉ tiêu " + indicator_label(ind) + " giao chủ trì cho cả nhóm " +
                    quoted(g->name) + " (" + n +
                    " đơn vị); không có một đơn vị cụ thể chịu trách nhiệm chính, cần chỉ "
                    "rõ đơn vị đầu mối (yêu cầu I.2).",
                "Indicator " + indicator_label(ind) + " is led by the whole group " +
                    quoted(g->name) + " (" + n +
                    " units); no single unit answers for it, name the one that does "
                    "(requirement I.2).",
                {ind.id}, {gid}, ind.sources);
        }
    }
}

}  // namespace dtiplan::detail::check
