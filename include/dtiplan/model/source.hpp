// Where something comes from in the plan document, so a finding or a target can be traced back
// to the paper the commune signed.
#pragma once

#include <compare>
#include <string>

#include "dtiplan/model/enums.hpp"

namespace dtiplan {

/// A place in the plan document.
///  - section "PL.I" / "PL.II": appendix part I or II, item = the row's STT ("06");
///  - section "II.1", "III.1", "III.2.b", "III.2.c", "III.3.a", "III.3.b", "III.3.c", "V.1",
///    "V.2": a section of the body, item = the bullet's position within it, from 1 ("7").
struct SourceRef {
    std::string section;
    std::string item;

    friend bool operator==(const SourceRef&, const SourceRef&) = default;
    friend auto operator<=>(const SourceRef&, const SourceRef&) = default;
};

/// "Phụ lục I, STT 06" / "Appendix I, row 06"; "Mục III.3.a, ý 7" / "Section III.3.a, item 7".
[[nodiscard]] std::string describe(const SourceRef& ref, Language lang);

}  // namespace dtiplan
