// The checks of targets: unreachable values, years outside the plan, conflicts and regressions
// between years, text that does not read as stored, missing milestones, inferred years and
// changes of kind. Comparisons go through check/detail/target_compare.hpp.
#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "check/detail/checker.hpp"
#include "dtiplan/error.hpp"
#include "dtiplan/model/target_phrase.hpp"

namespace dtiplan::detail::check {

/// Why a target cannot be met by any value, or nullopt when it can: {vi, en}.
std::optional<std::pair<std::string, std::string>> Checker::unreachable_reason(
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
                return std::pair{
                    "số lượng " + number(v.value, vi) + " vượt tổng số " + number(d, vi),
                    "the count " + number(v.value, en) + " exceeds the total " + number(d, en)};
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

void Checker::target_unreachable() {
    for (const auto& ind : plan_.indicators)
        for (const auto& t : ind.targets) {
            const auto why = unreachable_reason(t.parsed);
            if (!why) continue;
            add(Severity::Error, "target.unreachable",
                "Chỉ tiêu " + indicator_label(ind) + " năm " + std::to_string(t.year) + ": " +
                    target_quote(t, Language::Vietnamese) + " không thể đạt được: " + why->first +
                    ".",
                "Indicator " + indicator_label(ind) + ", " + std::to_string(t.year) + ": " +
                    target_quote(t, Language::English) + " cannot be met: " + why->second + ".",
                {ind.id}, {}, {t.source});
        }
}

void Checker::target_year_outside_plan() {
    const std::string period =
        std::to_string(plan_.start_year) + "-" + std::to_string(plan_.end_year);
    for (const auto& ind : plan_.indicators)
        for (const auto& t : ind.targets) {
            if (t.year >= plan_.start_year && t.year <= plan_.end_year) continue;
            add(Severity::Error, "target.year-outside-plan",
                "Chỉ tiêu " + indicator_label(ind) + " có chỉ tiêu cho năm " +
                    std::to_string(t.year) + " (" + quoted(t.text) + ", " +
                    describe(t.source, Language::Vietnamese) + "), nằm ngoài thời kỳ Kế hoạch " +
                    period + ".",
                "Indicator " + indicator_label(ind) + " has a target for " +
                    std::to_string(t.year) + " (" + quoted(t.text) + ", " +
                    describe(t.source, Language::English) + "), outside the plan period " + period +
                    ".",
                {ind.id}, {}, {t.source});
        }
}

void Checker::target_conflict() {
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
                "Chỉ tiêu " + indicator_label(ind) + " có " + n + " chỉ tiêu khác nhau cho năm " +
                    y + ": " + join_list(vi_parts, Language::Vietnamese) +
                    ". Kế hoạch tự mâu thuẫn; cần thống nhất một chỉ tiêu.",
                "Indicator " + indicator_label(ind) + " has " + n + " different targets for " + y +
                    ": " + join_list(en_parts, Language::English) +
                    ". The plan contradicts itself; settle on one target.",
                {ind.id}, {}, std::move(srcs));
        }
    }
}

void Checker::target_regression() {
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
                        target_quote(later, Language::Vietnamese) + " thấp hơn chỉ tiêu năm " +
                        std::to_string(earlier.year) + " " +
                        target_quote(earlier, Language::Vietnamese) +
                        "; chỉ tiêu về sau không nên thấp hơn chỉ tiêu trước.",
                    "Indicator " + indicator_label(ind) + ": the " + std::to_string(later.year) +
                        " target " + target_quote(later, Language::English) +
                        " is weaker than the " + std::to_string(earlier.year) + " target " +
                        target_quote(earlier, Language::English) +
                        "; a later target should not ask for less.",
                    {ind.id}, {}, {earlier.source, later.source});
            }
    }
}

void Checker::target_text_mismatch() {
    for (const auto& ind : plan_.indicators)
        for (const auto& t : ind.targets) {
            const std::string head_vi = "Chỉ tiêu " + indicator_label(ind) + " năm " +
                                        std::to_string(t.year) + " (" +
                                        describe(t.source, Language::Vietnamese) + "): ";
            const std::string head_en = "Indicator " + indicator_label(ind) + ", " +
                                        std::to_string(t.year) + " (" +
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

void Checker::target_missing_milestone() {
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

void Checker::target_year_inferred() {
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

void Checker::target_kind_change() {
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
                               std::string(label(t->parsed.kind, Language::Vietnamese)) + " (" +
                               quoted(t->text) + ")");
            en_parts.push_back(y + " a " + std::string(label(t->parsed.kind, Language::English)) +
                               " (" + quoted(t->text) + ")");
            add_source(srcs, t->source);
        }
        std::string vi = "Chỉ tiêu " + indicator_label(ind) +
                         " đổi loại chỉ tiêu giữa các năm: " + join_plain(vi_parts, "; ");
        std::string en = "Indicator " + indicator_label(ind) +
                         " changes the kind of target across years: " + join_plain(en_parts, "; ");
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

}  // namespace dtiplan::detail::check
