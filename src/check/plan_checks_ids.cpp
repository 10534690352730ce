// The checks of ids and membership: duplicate unit, group and indicator ids, assignments to
// unknown units, unknown group members. All errors: the plan cannot be tracked with them.
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

void Checker::unit_duplicate_id() {
    std::map<std::string, int> seen;
    for (const auto& u : plan_.units) ++seen[u.id];
    std::set<std::string> reported;
    for (const auto& u : plan_.units) {
        if (seen[u.id] < 2 || !reported.insert(u.id).second) continue;
        std::vector<std::string> names;
        for (const auto& other : plan_.units)
            if (other.id == u.id) names.push_back(other.label());
        const std::string n = std::to_string(seen[u.id]);
        std::vector<std::string> inds;
        std::vector<SourceRef> srcs;
        users_of(u.id, inds, srcs);
        add(Severity::Error, "unit.duplicate-id",
            "Mã đơn vị " + quoted(u.id) + " bị khai báo " + n + " lần (" + join_plain(names, "; ") +
                "); mỗi đơn vị phải có một mã riêng để phân công không bị nhầm lẫn.",
            "Unit id " + quoted(u.id) + " is declared " + n + " times (" + join_plain(names, "; ") +
                "); every unit needs its own id so that assignments are unambiguous.",
            std::move(inds), {u.id}, std::move(srcs));
    }
}

void Checker::group_duplicate_id() {
    std::map<std::string, int> seen;
    for (const auto& g : plan_.groups) ++seen[g.id];
    std::set<std::string> reported;
    for (const auto& g : plan_.groups) {
        if (!reported.insert(g.id).second) continue;
        const Unit* unit = plan_.find_unit(g.id);
        if (seen[g.id] < 2 && unit == nullptr) continue;
        std::vector<std::string> inds;
        std::vector<SourceRef> srcs;
        users_of(g.id, inds, srcs);
        std::string vi;
        std::string en;
        if (seen[g.id] >= 2) {
            const std::string n = std::to_string(seen[g.id]);
            vi = "Mã nhóm " + quoted(g.id) + " bị khai báo " + n + " lần";
            en = "Group id " + quoted(g.id) + " is declared " + n + " times";
            if (unit != nullptr) {
                vi += " và còn trùng với mã của đơn vị " + unit_label(plan_, g.id);
                en += " and is also the id of the unit " + unit_label(plan_, g.id);
            }
        } else {
            vi = "Mã nhóm " + quoted(g.id) + " (" + g.name + ") trùng với mã của đơn vị " +
                 unit_label(plan_, g.id);
            en = "Group id " + quoted(g.id) + " (" + g.name + ") is also the id of the unit " +
                 unit_label(plan_, g.id);
        }
        vi += "; một phân công ghi mã này không rõ chỉ đơn vị hay nhóm nào.";
        en += "; an assignment naming this id is ambiguous.";
        add(Severity::Error, "group.duplicate-id", std::move(vi), std::move(en), std::move(inds),
            {g.id}, std::move(srcs));
    }
}

void Checker::indicator_duplicate_id() {
    std::map<std::string, int> seen;
    for (const auto& ind : plan_.indicators) ++seen[ind.id];
    std::set<std::string> reported;
    for (const auto& ind : plan_.indicators) {
        if (seen[ind.id] < 2 || !reported.insert(ind.id).second) continue;
        std::vector<std::string> names;
        std::vector<SourceRef> srcs;
        for (const auto& other : plan_.indicators)
            if (other.id == ind.id) {
                names.push_back(quoted(short_indicator_name(other.name)));
                for (const auto& s : other.sources) add_source(srcs, s);
            }
        const std::string n = std::to_string(seen[ind.id]);
        add(Severity::Error, "indicator.duplicate-id",
            "Mã chỉ tiêu " + quoted(ind.id) + " được dùng cho " + n + " chỉ tiêu (" +
                join_plain(names, "; ") +
                "); số liệu báo cáo theo mã này sẽ không biết thuộc chỉ tiêu nào.",
            "Indicator id " + quoted(ind.id) + " is used by " + n + " indicators (" +
                join_plain(names, "; ") + "); figures reported under this id cannot be told apart.",
            {ind.id}, {}, std::move(srcs));
    }
}

void Checker::unit_unknown() {
    for (const auto& ind : plan_.indicators) {
        // One finding per unknown id of the indicator, listing the roles it is named in.
        std::vector<std::string> unknown;
        std::map<std::string, std::vector<Role>> roles;
        for (const auto& a : ind.assignments) {
            if (is_known(a.unit)) continue;
            add_id(unknown, a.unit);
            auto& r = roles[a.unit];
            if (std::find(r.begin(), r.end(), a.role) == r.end()) r.push_back(a.role);
        }
        for (const auto& id : unknown) {
            std::vector<std::string> vi_roles;
            std::vector<std::string> en_roles;
            for (Role r : roles[id]) {
                vi_roles.emplace_back(label(r, Language::Vietnamese));
                en_roles.emplace_back(label(r, Language::English));
            }
            add(Severity::Error, "unit.unknown",
                "Chỉ tiêu " + indicator_label(ind) + " giao vai trò " +
                    join_list(vi_roles, Language::Vietnamese) + " cho " + quoted(id) +
                    ", nhưng mã này không phải đơn vị hay nhóm nào của Kế hoạch.",
                "Indicator " + indicator_label(ind) + " gives the " +
                    join_list(en_roles, Language::English) + " role to " + quoted(id) +
                    ", which is neither a unit nor a group of the plan.",
                {ind.id}, {id}, ind.sources);
        }
    }
    const auto reporting_unit = [&](const std::string& id, std::string_view vi_role,
                                    std::string_view en_role) {
        if (id.empty() || plan_.find_unit(id) != nullptr) return;  // empty: not given
        std::string vi = "Quy định báo cáo (mục V) giao việc " + std::string(vi_role) + " cho " +
                         quoted(id) + ", nhưng ";
        std::string en = "The reporting rules (section V) make " + quoted(id) + " the " +
                         std::string(en_role) + ", but ";
        if (const UnitGroup* g = plan_.find_group(id)) {
            vi += "đó là nhóm " + quoted(g->name) + ", không phải một đơn vị cụ thể.";
            en += "that is the group " + quoted(g->name) + ", not a single unit.";
        } else {
            vi += "mã này không phải đơn vị nào của Kế hoạch.";
            en += "this id is not a unit of the plan.";
        }
        add(Severity::Error, "unit.unknown", std::move(vi), std::move(en), {}, {id},
            plan_.reporting.sources);
    };
    reporting_unit(plan_.reporting.consolidator, "tổng hợp báo cáo", "consolidator");
    reporting_unit(plan_.reporting.recipient, "nhận báo cáo", "recipient of the reports");
}

void Checker::group_unknown_member() {
    for (const auto& g : plan_.groups) {
        std::vector<std::string> reported;
        for (const auto& m : g.members) {
            if (plan_.find_unit(m) != nullptr) continue;
            if (std::find(reported.begin(), reported.end(), m) != reported.end()) continue;
            reported.push_back(m);
            std::vector<std::string> inds;
            std::vector<SourceRef> srcs;
            users_of(g.id, inds, srcs);
            std::string vi = "Nhóm " + quoted(g.id) + " (" + g.name + ") có thành viên " +
                             quoted(m) + " không phải đơn vị nào của Kế hoạch";
            std::string en = "Group " + quoted(g.id) + " (" + g.name + ") has the member " +
                             quoted(m) + ", which is not a unit of the plan";
            if (plan_.find_group(m) != nullptr) {
                vi += " (đó là một nhóm; nhóm không lồng nhau)";
                en += " (it is a group; groups do not nest)";
            }
            vi += "; thành viên này bị bỏ qua khi phân công.";
            en += "; it is left out when the group is expanded.";
            add(Severity::Error, "group.unknown-member", std::move(vi), std::move(en),
                std::move(inds), {g.id, m}, std::move(srcs));
        }
    }
}

}  // namespace dtiplan::detail::check
