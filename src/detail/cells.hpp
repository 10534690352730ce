// Private to the library (not installed): spreadsheet cells as people write them, shared by the
// observation and peer-table readers and writers so both accept and write the same spellings:
// decimal commas and percentages, "có"/"không", UTF-8 checks, CSV quoting, shortest numbers.
#pragma once

#include <algorithm>
#include <array>
#include <charconv>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>
#include <utility>

#include "csv.hpp"

namespace dtiplan::detail {

/// Shortest spelling that reads back as the same double.
[[nodiscard]] inline std::string shortest(double v) {
    char buf[64];
    const auto r = std::to_chars(buf, buf + sizeof buf, v);
    return std::string(buf, r.ptr);
}

/// The 1-based line of the first byte that is not UTF-8, or 0 when the text is valid UTF-8.
[[nodiscard]] inline std::size_t first_bad_utf8_line(std::string_view s) noexcept {
    std::size_t line = 1;
    for (std::size_t i = 0; i < s.size();) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c == '\n') ++line;
        std::size_t len = 0;
        char32_t min = 0;
        if (c < 0x80)
            len = 1;
        else if (c >= 0xC2 && c < 0xE0)
            len = 2, min = 0x80;
        else if (c >= 0xE0 && c < 0xF0)
            len = 3, min = 0x800;
        else if (c >= 0xF0 && c < 0xF5)
            len = 4, min = 0x10000;
        else
            return line;
        if (i + len > s.size()) return line;
        char32_t cp = len == 1 ? c : len == 2 ? (c & 0x1Fu) : len == 3 ? (c & 0x0Fu) : (c & 0x07u);
        for (std::size_t k = 1; k < len; ++k) {
            const auto cc = static_cast<unsigned char>(s[i + k]);
            if ((cc & 0xC0u) != 0x80u) return line;
            cp = (cp << 6) | (cc & 0x3Fu);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return line;
        i += len;
    }
    return 0;
}

/// "0.85", "0,855", "85%", "85,5 %", "9": a number, a percentage divided by 100. Returns nullopt
/// when the text is not one (no thousands separators, no inf/nan); `percent` tells whether it
/// was written with "%".
[[nodiscard]] inline std::optional<double> read_number(std::string_view text, bool& percent) {
    std::string s(trim(text));
    percent = false;
    if (!s.empty() && s.back() == '%') {
        percent = true;
        s.pop_back();
        s = std::string(trim(s));
    }
    if (s.empty()) return std::nullopt;
    const bool has_dot = s.find('.') != std::string::npos;
    const bool has_comma = s.find(',') != std::string::npos;
    if (has_dot && has_comma) return std::nullopt;  // 1.234,5 or 1,234.5: ambiguous
    if (has_comma) std::replace(s.begin(), s.end(), ',', '.');
    const char first = s[0] == '-' && s.size() > 1 ? s[1] : s[0];
    if (!((first >= '0' && first <= '9') || first == '.')) return std::nullopt;  // no inf, nan
    if (s.find_first_of("eE") != std::string::npos && percent) return std::nullopt;
    if (percent) s += "e-2";  // exact decimal shift: "85.5e-2" reads as the double nearest 0.855
    double v = 0.0;
    const auto r = std::from_chars(s.data(), s.data() + s.size(), v);
    if (r.ec != std::errc{} || r.ptr != s.data() + s.size()) return std::nullopt;
    return v;
}

/// "1"/"có"/"co"/"yes"/"true" and "0"/"không"/"khong"/"no"/"false", any case (Vietnamese
/// capitals "CÓ", "KHÔNG" included); nullopt for anything else.
[[nodiscard]] inline std::optional<bool> read_yes_no(std::string_view text) {
    std::string s = ascii_lower(trim(text));
    for (auto [upper, lower] :
         std::array<std::pair<std::string_view, std::string_view>, 2>{{{"Ó", "ó"}, {"Ô", "ô"}}})
        for (std::size_t pos = s.find(upper); pos != std::string::npos; pos = s.find(upper))
            s.replace(pos, upper.size(), lower);
    for (std::string_view yes : {"1", "có", "co", "yes", "true"})
        if (s == yes) return true;
    for (std::string_view no : {"0", "không", "khong", "no", "false"})
        if (s == no) return false;
    return std::nullopt;
}

/// A CSV cell, quoted when it holds a separator, a quote, a line break or edge blanks.
[[nodiscard]] inline std::string csv_cell(std::string_view s) {
    const bool quote = !s.empty() && (is_blank(s.front()) || is_blank(s.back()) ||
                                      s.find_first_of(",;\"\r\n") != std::string_view::npos);
    if (!quote) return std::string(s);
    std::string out = "\"";
    for (char c : s) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

/// The records of a spreadsheet's CSV text, as observations and peer tables are opened: a UTF-8
/// BOM dropped, text that is not UTF-8 refused (naming the line), a header row required
/// (naming the allowed `columns`).
[[nodiscard]] inline std::vector<CsvRecord> open_csv(std::string_view csv_text,
                                                     const std::string& origin,
                                                     const std::string& columns) {
    if (csv_text.substr(0, 3) == "\xEF\xBB\xBF") csv_text.remove_prefix(3);
    if (const std::size_t bad = first_bad_utf8_line(csv_text))
        throw FormatError(origin + ": line " + std::to_string(bad),
                          "the text is not UTF-8 (in Excel, save as \"CSV UTF-8\")");
    std::vector<CsvRecord> records = CsvReader(csv_text, origin).read();
    if (records.empty())
        throw FormatError(origin + ": row 1",
                          "a header row is required (columns: " + columns + ")");
    return records;
}

}  // namespace dtiplan::detail
