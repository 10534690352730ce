// Reads the Vietnamese phrases a plan writes its targets in: "Trên 80%", "Đạt trên 1%",
// "Phấn đấu đạt 10%", "Ứng dụng 9/9 nền tảng", "Có ứng dụng AI", "100% công dân đủ điều kiện
// (...)", and qualitative milestones. See docs/target-phrases.md for the grammar.
#pragma once

#include <string_view>

#include "dtiplan/model/target.hpp"

namespace dtiplan {

/// Parse a target phrase. Throws TargetPhraseError quoting the phrase when it cannot be read.
/// A phrase with no number is read as a milestone only when it states an achievement
/// ("... được công nhận đạt chuẩn"); "Có ..." is yes/no.
[[nodiscard]] TargetValue parse_target_phrase(std::string_view phrase);

/// The phrase a parsed target would be written as, for display: Above 0.8 -> "Trên 80%" /
/// "above 80%"; AtLeast 9 of 9 -> "9/9" ; decimal comma in Vietnamese ("Trên 2,5%").
[[nodiscard]] std::string format_target(const TargetValue& v, Language lang);

/// The word of a comparator: "Trên"/"Đạt"/"Bằng" (lowercase "trên"/"đạt"/"bằng" after
/// "Phấn đấu" or inside a sentence), "above"/"at least"/"exactly" in English.
[[nodiscard]] std::string_view comparator_word(Comparator c, Language lang, bool lowercase);

}  // namespace dtiplan
