// The words of the checker's messages: quoted texts, shortened indicator names, unit labels,
// lists, numbers and targets as people read them, in Vietnamese and English.
#include "check/detail/text.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include "check/detail/target_compare.hpp"
#include "dtiplan/model/number_text.hpp"
#include "dtiplan/model/target_phrase.hpp"

namespace dtiplan::detail::check {

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
        return u->label();
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

std::string number(double v, Language lang) { return format_decimal(v, lang, 4); }

std::string percent(double fraction, Language lang) { return number(fraction * 100.0, lang) + "%"; }

/// Our reading of a target, in words: "trên 80%", "đạt 9/9", "có", "đạt mốc".
std::string reading(const TargetValue& v, Language lang) {
    const bool vi = lang == Language::Vietnamese;
    std::string out;
    if (v.aspirational) out += vi ? "phấn đấu " : "strive for ";
    switch (v.kind) {
        case MeasureKind::Rate:
            out += std::string(comparator_word(v.comparator, lang, true)) + " " +
                   percent(v.value, lang);
            break;
        case MeasureKind::CountOfTotal:
            out += std::string(comparator_word(v.comparator, lang, true)) + " " +
                   number(v.value, lang);
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

}  // namespace dtiplan::detail::check
