// The plan checker. Each check is one function that appends its findings, and check_plan calls
// them in the order findings.hpp lists the codes, each walking the plan in its own order: so the
// findings come out in a stable order a coordinator (and a golden-file test) can rely on.
//
// Messages are built here in both languages, naming the indicator ids with a shortened name, the
// units by the short name the plan uses and the targets by their verbatim text, so a finding can
// be acted on without looking anything up. The comparisons of targets go through
// TargetValue::as_fraction, so "9/9" and "100%" read the same, and a Rate is never compared with
// a yes/no or a milestone.
#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdio>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "dtiplan/check/findings.hpp"
#include "dtiplan/error.hpp"
#include "dtiplan/model/target_phrase.hpp"

namespace dtiplan {
namespace {

constexpr double kTol = TargetValue::kTolerance;

// --- Text helpers --------------------------------------------------------------------------

/// "«text»" in typographic quotes, as both languages show a verbatim phrase.
std::string quoted(std::string_view s) { return "“" + std::string(s) + "”"; }

/// Number of UTF-8 code points in s.
std::size_t code_points(std::string_view s) noexcept {
    std::size_t n = 0;
    for (char c : s)
        if ((static_cast<unsigned char>(c) & 0xC0U) != 0x80U) ++n;
    return n;
}

/// The indicator's name cut at a word boundary after about 60 characters, with "...".
std::string short_indicator_name(std::string_view name) {
    constexpr std::size_t kMax = 60;
    if (code_points(name) <= kMax) return std::string(name);
    std::size_t cps = 0;
    std::size_t cut = 0;  // byte offset of the last space within the first kMax code points
    for (std::size_t i = 0; i < name.size(); ++i) {
        const auto byte = static_cast<unsigned char>(name[i]);
        if ((byte & 0xC0U) != 0x80U) {
            if (cps == kMax) break;
            ++cps;
        }
        if (name[i] == ' ') cut = i;
    }
    if (cut == 0) {  // one long word: cut at the code point boundary
        std::size_t i = 0;
        for (std::size_t seen = 0; i < name.size(); ++i) {
            if ((static_cast<unsigned char>(name[i]) & 0xC0U) != 0x80U) {
                if (seen == kMax) break;
                ++seen;
            }
        }
        cut = i;
    }
    std::string out(name.substr(0, cut));
    while (!out.empty() && (out.back() == ' ' || out.back() == ',' || out.back() == ';'))
        out.pop_back();
    return out + " ...";
}

/// "I.03 (Tỷ lệ sử dụng dịch vụ công ...)" or just the id when the name is empty.
std::string indicator_label(const Indicator& ind) {
    if (ind.name.empty()) return ind.id;
    return ind.id + " (" + short_indicator_name(ind.name) + ")";
}

/// A unit-or-group id as people know it: the unit's short name, the group's name in quotes, or
/// the id itself in quotes when the plan has neither.
std::string unit_label(const Plan& plan, std::string_view id) {
    if (const Unit* u = plan.find_unit(id)) {
        if (!u->short_name.empty()) return u->short_name;
        if (!u->name.empty()) return u->name;
        return u->id;
    }
    if (const UnitGroup* g = plan.find_group(id)) {
        if (!g->name.empty()) return quoted(g->name);
        return quoted(g->id);
    }
    return quoted(id);
}

/// "a, b và c" / "a, b and c".
std::string join_list(const std::vector<std::string>& items, Language lang) {
    std::string out;
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (i > 0) {
            if (i + 1 == items.size())
                out += lang == Language::Vietnamese ? " và " : " and ";
            else
                out += ", ";
        }
        out += items[i];
    }
    return out;
}

std::string join_plain(const std::vector<std::string>& items, std::string_view sep) {
    std::string out;
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (i > 0) out += sep;
        out += items[i];
    }
    return out;
}

/// A number as people write it: at most 4 decimals, no trailing zeros, decimal comma in
/// Vietnamese ("2,5"), "NaN" when it is not a number.
std::string number(double v, Language lang) {
    if (std::isnan(v)) return "NaN";
    if (std::isinf(v)) return v > 0 ? "∞" : "-∞";
    char buf[64];
    const bool huge = std::fabs(v) >= 1e15;  // "%.4f" would print every digit
    std::snprintf(buf, sizeof buf, huge ? "%.4g" : "%.4f", v);
    std::string s(buf);
    if (!huge) {
        while (!s.empty() && s.back() == '0') s.pop_back();
        if (!s.empty() && s.back() == '.') s.pop_back();
    }
    if (s == "-0") s = "0";
    if (lang == Language::Vietnamese)
        for (char& c : s)
            if (c == '.') c = ',';
    return s;
}

std::string percent(double fraction, Language lang) { return number(fraction * 100.0, lang) + "%"; }

std::string comparator_word(Comparator c, Language lang) {
    const bool vi = lang == Language::Vietnamese;
    switch (c) {
        case Comparator::AtLeast: return vi ? "đạt" : "at least";
        case Comparator::Above: return vi ? "trên" : "above";
        case Comparator::Exactly: return vi ? "đúng" : "exactly";
    }
    return {};
}

/// Our reading of a target, in words: "trên 80%", "đạt 9/9", "có", "đạt mốc".
std::string reading(const TargetValue& v, Language lang) {
    const bool vi = lang == Language::Vietnamese;
    std::string out;
    if (v.aspirational) out += vi ? "phấn đấu " : "strive for ";
    switch (v.kind) {
        case MeasureKind::Rate:
            out += comparator_word(v.comparator, lang) + " " + percent(v.value, lang);
            break;
        case MeasureKind::CountOfTotal:
            out += comparator_word(v.comparator, lang) + " " + number(v.value, lang);
            if (v.denominator)
                out += (vi ? "/" : " of ") + number(*v.denominator, lang);
            else
                out += vi ? " (không có tổng số)" : " (no total)";
            break;
        case MeasureKind::YesNo:
            if (std::fabs(v.value - 1.0) <= kTol)
                out += vi ? "có" : "yes";
            else if (std::fabs(v.value) <= kTol)
                out += vi ? "không" : "no";
            else
                out += (vi ? "có/không = " : "yes/no = ") + number(v.value, lang);
            break;
        case MeasureKind::Milestone:
            if (std::fabs(v.value - 1.0) <= kTol)
                out += vi ? "đạt mốc" : "milestone reached";
            else if (std::fabs(v.value) <= kTol)
                out += vi ? "chưa đạt mốc" : "milestone not reached";
            else
                out += (vi ? "mốc = " : "milestone = ") + number(v.value, lang);
            break;
    }
    return out;
}

/// “text” (Phụ lục II, STT 12; đọc là trên 30%) / “text” (Appendix II, row 12; read as above 30%)
std::string target_quote(const Target& t, Language lang) {
    const bool vi = lang == Language::Vietnamese;
    return quoted(t.text) + " (" + describe(t.source, lang) + (vi ? "; đọc là " : "; read as ") +
           reading(t.parsed, lang) + ")";
}

std::string years_text(const std::vector<int>& years) {
    std::vector<std::string> parts;
    parts.reserve(years.size());
    for (int y : years) parts.push_back(std::to_string(y));
    return join_plain(parts, ", ");
}

void add_source(std::vector<SourceRef>& out, const SourceRef& s) {
    if (std::find(out.begin(), out.end(), s) == out.end()) out.push_back(s);
}

void add_id(std::vector<std::string>& out, const std::string& id) {
    if (std::find(out.begin(), out.end(), id) == out.end()) out.push_back(id);
}

// --- Target comparisons --------------------------------------------------------------------

/// A target's value as a fraction of full attainment, when it has one: a CountOfTotal needs a
/// positive total; NaN never compares.
std::optional<double> fraction_of(const TargetValue& v) {
    if (std::isnan(v.value)) return std::nullopt;
    if (v.kind == MeasureKind::CountOfTotal &&
        (!v.denominator || std::isnan(*v.denominator) || *v.denominator <= 0))
        return std::nullopt;
    return v.as_fraction();
}

/// Rates and counts of a total compare through their fractions; yes/no and milestones only
/// with their own kind.
bool comparable_kinds(MeasureKind a, MeasureKind b) noexcept {
    const auto numeric = [](MeasureKind k) {
        return k == MeasureKind::Rate || k == MeasureKind::CountOfTotal;
    };
    return a == b || (numeric(a) && numeric(b));
}

/// Two readings say the same thing: comparable kinds, the same comparator, the same fraction.
/// "Trên 80%" and "đạt trên 80%" read the same; "9/9" and "100%" read the same.
bool same_reading(const TargetValue& a, const TargetValue& b) {
    if (!comparable_kinds(a.kind, b.kind)) return false;
    if (a.comparator != b.comparator) return false;
    const auto fa = fraction_of(a);
    const auto fb = fraction_of(b);
    if (!fa || !fb) return false;
    return std::fabs(*fa - *fb) <= kTol;
}

/// A later target is weaker than an earlier one: a lower fraction (higher when the indicator
/// should decrease), or the same fraction with a non-strict comparator after a strict one
/// ("đạt 80%" after "trên 80%"). A later "trên 80%" after "đạt 80%" is not weaker.
bool weaker(const TargetValue& later, const TargetValue& earlier, Direction direction) {
    if (!comparable_kinds(later.kind, earlier.kind)) return false;
    const auto fl = fraction_of(later);
    const auto fe = fraction_of(earlier);
    if (!fl || !fe) return false;
    if (direction == Direction::Decrease) return *fl > *fe + kTol;
    if (*fl < *fe - kTol) return true;
    if (std::fabs(*fl - *fe) <= kTol)
        return earlier.comparator == Comparator::Above && later.comparator != Comparator::Above;
    return false;
}

/// The stored reading says what the text says: the same kind, comparator, value and total. The
/// basis and the aspirational flag are left out: they do not change whether a value meets the
/// target, and a plan may carry "strive for" from the surrounding sentence (docs/plan-data.md).
bool same_parse(const TargetValue& stored, const TargetValue& parsed) {
    const auto close = [](double a, double b) {
        if (std::isnan(a) || std::isnan(b)) return false;
        return std::fabs(a - b) <= kTol;
    };
    if (stored.kind != parsed.kind || stored.comparator != parsed.comparator) return false;
    if (!close(stored.value, parsed.value)) return false;
    if (stored.denominator.has_value() != parsed.denominator.has_value()) return false;
    return !stored.denominator || close(*stored.denominator, *parsed.denominator);
}

/// The targets of an indicator sorted by year, stable within a year.
std::vector<const Target*> by_year(const Indicator& ind) {
    std::vector<const Target*> out;
    out.reserve(ind.targets.size());
    for (const auto& t : ind.targets) out.push_back(&t);
    std::stable_sort(out.begin(), out.end(),
                     [](const Target* a, const Target* b) { return a->year < b->year; });
    return out;
}

std::vector<int> distinct_years(const Indicator& ind) {
    std::set<int> years;
    for (const auto& t : ind.targets) years.insert(t.year);
    return {years.begin(), years.end()};
}

// --- The checker ---------------------------------------------------------------------------

class Checker {
public:
    explicit Checker(const Plan& plan) : plan_(plan) {}

    std::vector<Finding> run() {
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

    // Errors ---------------------------------------------------------------------------------

    void unit_duplicate_id() {
        std::map<std::string, int> seen;
        for (const auto& u : plan_.units) ++seen[u.id];
        std::set<std::string> reported;
        for (const auto& u : plan_.units) {
            if (seen[u.id] < 2 || !reported.insert(u.id).second) continue;
            std::vector<std::string> names;
            for (const auto& other : plan_.units)
                if (other.id == u.id)
                    names.push_back(other.short_name.empty() ? other.name : other.short_name);
            const std::string n = std::to_string(seen[u.id]);
            std::vector<std::string> inds;
            std::vector<SourceRef> srcs;
            users_of(u.id, inds, srcs);
            add(Severity::Error, "unit.duplicate-id",
                "Mã đơn vị " + quoted(u.id) + " bị khai báo " + n + " lần (" +
                    join_plain(names, "; ") +
                    "); mỗi đơn vị phải có một mã riêng để phân công không bị nhầm lẫn.",
                "Unit id " + quoted(u.id) + " is declared " + n + " times (" +
                    join_plain(names, "; ") +
                    "); every unit needs its own id so that assignments are unambiguous.",
                std::move(inds), {u.id}, std::move(srcs));
        }
    }

    void group_duplicate_id() {
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
            add(Severity::Error, "group.duplicate-id", std::move(vi), std::move(en),
                std::move(inds), {g.id}, std::move(srcs));
        }
    }

    void indicator_duplicate_id() {
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
                    join_plain(names, "; ") +
                    "); figures reported under this id cannot be told apart.",
                {ind.id}, {}, std::move(srcs));
        }
    }

    void unit_unknown() {
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
            std::string vi = "Quy định báo cáo (mục V) giao việc " + std::string(vi_role) +
                             " cho " + quoted(id) + ", nhưng ";
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

    void group_unknown_member() {
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

    /// Why a target cannot be met by any value, or nullopt when it can: {vi, en}.
    static std::optional<std::pair<std::string, std::string>> unreachable_reason(
        const TargetValue& v) {
        constexpr auto vi = Language::Vietnamese;
        constexpr auto en = Language::English;
        if (std::isnan(v.value) || std::isinf(v.value))
            return std::pair{"giá trị " + number(v.value, vi) + " không phải là một số hữu hạn",
                             "the value " + number(v.value, en) + " is not a finite number"};
        switch (v.kind) {
            case MeasureKind::Rate:
                if (v.value < -kTol)
                    return std::pair{"tỷ lệ âm (" + percent(v.value, vi) + ")",
                                     "a negative rate (" + percent(v.value, en) + ")"};
                if (v.value > 1.0 + kTol)
                    return std::pair{"tỷ lệ " + percent(v.value, vi) + " vượt quá 100%",
                                     "a rate of " + percent(v.value, en) + " exceeds 100%"};
                if (v.comparator == Comparator::Above && v.value >= 1.0 - kTol)
                    return std::pair{std::string("không tỷ lệ nào vượt được 100%"),
                                     std::string("no rate can be above 100%")};
                return std::nullopt;
            case MeasureKind::CountOfTotal: {
                if (!v.denominator || std::isnan(*v.denominator) || *v.denominator <= 0) {
                    const std::string d = v.denominator ? number(*v.denominator, vi) : "";
                    const std::string de = v.denominator ? number(*v.denominator, en) : "";
                    return std::pair{v.denominator ? "tổng số " + d + " không lớn hơn 0"
                                                   : std::string("thiếu tổng số (mẫu số)"),
                                     v.denominator ? "the total " + de + " is not positive"
                                                   : std::string("the total is missing")};
                }
                const double d = *v.denominator;
                if (v.value < -kTol)
                    return std::pair{"số lượng âm (" + number(v.value, vi) + ")",
                                     "a negative count (" + number(v.value, en) + ")"};
                if (v.value > d + kTol)
                    return std::pair{"số lượng " + number(v.value, vi) + " vượt tổng số " +
                                         number(d, vi),
                                     "the count " + number(v.value, en) + " exceeds the total " +
                                         number(d, en)};
                if (v.comparator == Comparator::Above && v.value >= d - kTol)
                    return std::pair{"không thể vượt tổng số " + number(d, vi),
                                     "nothing can be above the total " + number(d, en)};
                return std::nullopt;
            }
            case MeasureKind::YesNo:
            case MeasureKind::Milestone: {
                const bool zero = std::fabs(v.value) <= kTol;
                const bool one = std::fabs(v.value - 1.0) <= kTol;
                if (!zero && !one)
                    return std::pair{"giá trị " + number(v.value, vi) + " không phải 0 hoặc 1",
                                     "the value " + number(v.value, en) + " is not 0 or 1"};
                if (v.comparator == Comparator::Above && one)
                    return std::pair{std::string("không giá trị nào lớn hơn 1 (đạt)"),
                                     std::string("nothing is above 1 (reached)")};
                return std::nullopt;
            }
        }
        return std::nullopt;
    }

    void target_unreachable() {
        for (const auto& ind : plan_.indicators)
            for (const auto& t : ind.targets) {
                const auto why = unreachable_reason(t.parsed);
                if (!why) continue;
                add(Severity::Error, "target.unreachable",
                    "Chỉ tiêu " + indicator_label(ind) + " năm " + std::to_string(t.year) + ": " +
                        target_quote(t, Language::Vietnamese) +
                        " không thể đạt được: " + why->first + ".",
                    "Indicator " + indicator_label(ind) + ", " + std::to_string(t.year) + ": " +
                        target_quote(t, Language::English) +
                        " cannot be met: " + why->second + ".",
                    {ind.id}, {}, {t.source});
            }
    }

    void target_year_outside_plan() {
        const std::string period =
            std::to_string(plan_.start_year) + "-" + std::to_string(plan_.end_year);
        for (const auto& ind : plan_.indicators)
            for (const auto& t : ind.targets) {
                if (t.year >= plan_.start_year && t.year <= plan_.end_year) continue;
                add(Severity::Error, "target.year-outside-plan",
                    "Chỉ tiêu " + indicator_label(ind) + " có chỉ tiêu cho năm " +
                        std::to_string(t.year) + " (" + quoted(t.text) + ", " +
                        describe(t.source, Language::Vietnamese) +
                        "), nằm ngoài thời kỳ Kế hoạch " + period + ".",
                    "Indicator " + indicator_label(ind) + " has a target for " +
                        std::to_string(t.year) + " (" + quoted(t.text) + ", " +
                        describe(t.source, Language::English) + "), outside the plan period " +
                        period + ".",
                    {ind.id}, {}, {t.source});
            }
    }

    // Warnings -------------------------------------------------------------------------------

    void responsibility_no_lead() {
        for (const auto& ind : plan_.indicators) {
            const bool has_lead =
                std::any_of(ind.assignments.begin(), ind.assignments.end(), [](const auto& a) {
                    return a.role == Role::Lead || a.role == Role::UpperLead;
                });
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

    void responsibility_shared_lead() {
        for (const auto& ind : plan_.indicators) {
            std::vector<std::string> leads;
            for (const auto& a : ind.assignments)
                if (a.role == Role::Lead) add_id(leads, a.unit);
            if (leads.size() < 2) continue;
            std::vector<std::string> names;
            for (const auto& id : leads) names.push_back(unit_label(plan_, id));
            const std::string n = std::to_string(leads.size());
            add(Severity::Warning, "responsibility.shared-lead",
                "Chỉ tiêu " + indicator_label(ind) + " có " + n + " đơn vị cùng chủ trì: " +
                    join_list(names, Language::Vietnamese) +
                    "; trách nhiệm chính bị chia sẻ, cần xác định một đơn vị chịu trách nhiệm "
                    "cuối cùng (yêu cầu I.2).",
                "Indicator " + indicator_label(ind) + " has " + n + " lead units: " +
                    join_list(names, Language::English) +
                    "; accountability is split, name the one unit that answers for it "
                    "(requirement I.2).",
                {ind.id}, leads, ind.sources);
        }
    }

    void responsibility_group_lead() {
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

    void target_conflict() {
        for (const auto& ind : plan_.indicators) {
            for (int year : distinct_years(ind)) {
                const auto ts = ind.targets_for(year);
                if (ts.size() < 2) continue;
                bool differ = false;
                for (std::size_t i = 1; i < ts.size() && !differ; ++i)
                    differ = !same_reading(ts[0]->parsed, ts[i]->parsed);
                if (!differ) continue;
                std::vector<std::string> vi_parts;
                std::vector<std::string> en_parts;
                std::vector<SourceRef> srcs;
                for (const Target* t : ts) {
                    vi_parts.push_back(target_quote(*t, Language::Vietnamese));
                    en_parts.push_back(target_quote(*t, Language::English));
                    add_source(srcs, t->source);
                }
                const std::string n = std::to_string(ts.size());
                const std::string y = std::to_string(year);
                add(Severity::Warning, "target.conflict",
                    "Chỉ tiêu " + indicator_label(ind) + " có " + n +
                        " chỉ tiêu khác nhau cho năm " + y + ": " +
                        join_list(vi_parts, Language::Vietnamese) +
                        ". Kế hoạch tự mâu thuẫn; cần thống nhất một chỉ tiêu.",
                    "Indicator " + indicator_label(ind) + " has " + n +
                        " different targets for " + y + ": " +
                        join_list(en_parts, Language::English) +
                        ". The plan contradicts itself; settle on one target.",
                    {ind.id}, {}, std::move(srcs));
            }
        }
    }

    void target_regression() {
        for (const auto& ind : plan_.indicators) {
            const auto ts = by_year(ind);
            for (std::size_t j = 0; j < ts.size(); ++j)
                for (std::size_t i = 0; i < j; ++i) {
                    const Target& earlier = *ts[i];
                    const Target& later = *ts[j];
                    if (earlier.year >= later.year) continue;
                    if (!weaker(later.parsed, earlier.parsed, ind.direction)) continue;
                    add(Severity::Warning, "target.regression",
                        "Chỉ tiêu " + indicator_label(ind) + ": chỉ tiêu năm " +
                            std::to_string(later.year) + " " +
                            target_quote(later, Language::Vietnamese) +
                            " thấp hơn chỉ tiêu năm " + std::to_string(earlier.year) + " " +
                            target_quote(earlier, Language::Vietnamese) +
                            "; chỉ tiêu về sau không nên thấp hơn chỉ tiêu trước.",
                        "Indicator " + indicator_label(ind) + ": the " +
                            std::to_string(later.year) + " target " +
                            target_quote(later, Language::English) +
                            " is weaker than the " + std::to_string(earlier.year) + " target " +
                            target_quote(earlier, Language::English) +
                            "; a later target should not ask for less.",
                        {ind.id}, {}, {earlier.source, later.source});
                }
        }
    }

    void target_text_mismatch() {
        for (const auto& ind : plan_.indicators)
            for (const auto& t : ind.targets) {
                const std::string head_vi =
                    "Chỉ tiêu " + indicator_label(ind) + " năm " + std::to_string(t.year) + " (" +
                    describe(t.source, Language::Vietnamese) + "): ";
                const std::string head_en =
                    "Indicator " + indicator_label(ind) + ", " + std::to_string(t.year) + " (" +
                    describe(t.source, Language::English) + "): ";
                try {
                    const TargetValue parsed = parse_target_phrase(t.text);
                    if (same_parse(t.parsed, parsed)) continue;
                    add(Severity::Warning, "target.text-mismatch",
                        head_vi + "cách đọc đã lưu (" + reading(t.parsed, Language::Vietnamese) +
                            ") khác với điều câu chữ " + quoted(t.text) + " nói (" +
                            reading(parsed, Language::Vietnamese) + ").",
                        head_en + "the stored reading (" + reading(t.parsed, Language::English) +
                            ") differs from what the text " + quoted(t.text) + " says (" +
                            reading(parsed, Language::English) + ").",
                        {ind.id}, {}, {t.source});
                } catch (const Error& e) {
                    add(Severity::Warning, "target.text-mismatch",
                        head_vi + "không đọc được câu chữ " + quoted(t.text) +
                            " thành chỉ tiêu; cách đọc đã lưu (" +
                            reading(t.parsed, Language::Vietnamese) + ") chưa được kiểm chứng.",
                        head_en + "the text " + quoted(t.text) + " cannot be read as a target (" +
                            e.detail() + "); the stored reading (" +
                            reading(t.parsed, Language::English) + ") cannot be verified.",
                        {ind.id}, {}, {t.source});
                }
            }
    }

    // Info -----------------------------------------------------------------------------------

    void target_missing_milestone() {
        for (const auto& ind : plan_.indicators) {
            std::vector<int> missing;
            for (int year : plan_.milestones)
                if (ind.targets_for(year).empty() &&
                    std::find(missing.begin(), missing.end(), year) == missing.end())
                    missing.push_back(year);
            if (missing.empty()) continue;
            const std::string ys = years_text(missing);
            const bool many = missing.size() > 1;
            add(Severity::Info, "target.missing-milestone",
                "Chỉ tiêu " + indicator_label(ind) + " chưa có chỉ tiêu cho " +
                    (many ? "các năm mốc " : "năm mốc ") + ys +
                    "; không thể đánh giá tiến độ tại mốc này.",
                "Indicator " + indicator_label(ind) + " has no target for the milestone " +
                    (many ? "years " : "year ") + ys +
                    "; progress at that milestone cannot be assessed.",
                {ind.id}, {}, ind.sources);
        }
    }

    void target_year_inferred() {
        std::vector<std::string> inds;
        std::vector<SourceRef> srcs;
        std::set<int> years;
        for (const auto& ind : plan_.indicators)
            for (const auto& t : ind.targets)
                if (t.year_inferred) {
                    add_id(inds, ind.id);
                    add_source(srcs, t.source);
                    years.insert(t.year);
                }
        if (inds.empty()) return;
        const std::string n = std::to_string(inds.size());
        const std::string ys = years_text({years.begin(), years.end()});
        const std::string ids = join_plain(inds, ", ");
        add(Severity::Info, "target.year-inferred",
            n + " chỉ tiêu (" + ids +
                ") có mục tiêu không ghi năm trong Kế hoạch; năm được suy ra là " + ys +
                ". Cần xác nhận năm áp dụng với đơn vị ban hành Kế hoạch.",
            "The plan gives no year for the targets of " + n + " indicators (" + ids +
                "); the year was inferred as " + ys +
                ". Confirm with the issuer which year they apply to.",
            std::move(inds), {}, std::move(srcs));
    }

    void target_kind_change() {
        for (const auto& ind : plan_.indicators) {
            const auto ts = by_year(ind);
            bool changes = false;
            bool comparable = true;
            for (std::size_t j = 0; j < ts.size(); ++j)
                for (std::size_t i = 0; i < j; ++i)
                    if (ts[i]->year != ts[j]->year && ts[i]->parsed.kind != ts[j]->parsed.kind) {
                        changes = true;
                        comparable =
                            comparable && comparable_kinds(ts[i]->parsed.kind, ts[j]->parsed.kind);
                    }
            if (!changes) continue;
            std::vector<std::string> vi_parts;
            std::vector<std::string> en_parts;
            std::vector<SourceRef> srcs;
            for (const Target* t : ts) {
                const std::string y = std::to_string(t->year);
                vi_parts.push_back("năm " + y + " là " +
                                   std::string(label(t->parsed.kind, Language::Vietnamese)) +
                                   " (" + quoted(t->text) + ")");
                en_parts.push_back(y + " a " +
                                   std::string(label(t->parsed.kind, Language::English)) + " (" +
                                   quoted(t->text) + ")");
                add_source(srcs, t->source);
            }
            std::string vi = "Chỉ tiêu " + indicator_label(ind) +
                             " đổi loại chỉ tiêu giữa các năm: " + join_plain(vi_parts, "; ");
            std::string en = "Indicator " + indicator_label(ind) +
                             " changes the kind of target across years: " +
                             join_plain(en_parts, "; ");
            if (comparable) {
                vi += "; hai cách ghi được so sánh qua tỷ lệ hoàn thành.";
                en += "; they are compared as fractions of full attainment.";
            } else {
                vi += "; tiến độ giữa các năm không so sánh trực tiếp được.";
                en += "; progress from one to the other cannot be compared directly.";
            }
            add(Severity::Info, "target.kind-change", std::move(vi), std::move(en), {ind.id}, {},
                std::move(srcs));
        }
    }
};

}  // namespace

std::vector<Finding> check_plan(const Plan& plan) { return Checker(plan).run(); }

bool has_errors(const std::vector<Finding>& findings) noexcept {
    return std::any_of(findings.begin(), findings.end(),
                       [](const Finding& f) { return f.severity == Severity::Error; });
}

}  // namespace dtiplan
