// The words of the checker's messages (text.cpp).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "dtiplan/model/enums.hpp"
#include "dtiplan/model/plan.hpp"

namespace dtiplan::detail::check {

/// "«text»" in typographic quotes, as both languages show a verbatim phrase.
[[nodiscard]] std::string quoted(std::string_view s);

/// Number of UTF-8 code points in s.
[[nodiscard]] std::size_t code_points(std::string_view s) noexcept;

/// The indicator's name cut at a word boundary after about 60 characters, with "...".
[[nodiscard]] std::string short_indicator_name(std::string_view name);

/// "I.03 (Tỷ lệ sử dụng dịch vụ công ...)" or just the id when the name is empty.
[[nodiscard]] std::string indicator_label(const Indicator& ind);

/// A unit-or-group id as people know it: the unit's short name, the group's name in quotes, or
/// the id itself in quotes when the plan has neither.
[[nodiscard]] std::string unit_label(const Plan& plan, std::string_view id);

/// "a, b và c" / "a, b and c".
[[nodiscard]] std::string join_list(const std::vector<std::string>& items, Language lang);

[[nodiscard]] std::string join_plain(const std::vector<std::string>& items, std::string_view sep);

/// A number in messages: at most 4 decimals, a decimal comma in Vietnamese (format_decimal).
[[nodiscard]] std::string number(double v, Language lang);

[[nodiscard]] std::string percent(double fraction, Language lang);

/// Our reading of a target, in words: "trên 80%", "đạt 9/9", "có", "đạt mốc".
[[nodiscard]] std::string reading(const TargetValue& v, Language lang);

/// “text” (Phụ lục II, STT 12; đọc là trên 30%) / “text” (Appendix II, row 12; read as above 30%)
[[nodiscard]] std::string target_quote(const Target& t, Language lang);

[[nodiscard]] std::string years_text(const std::vector<int>& years);

void add_source(std::vector<SourceRef>& out, const SourceRef& s);

void add_id(std::vector<std::string>& out, const std::string& id);
}  // namespace dtiplan::detail::check
