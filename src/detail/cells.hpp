// Private to the library (not installed): spreadsheet cells as people write them, shared by the
// observation and peer-table readers and writers so both accept and write the same spellings:
// decimal commas and percentages, "có"/"không", UTF-8 checks, CSV quoting, shortest numbers.
#pragma once

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>
#include <utility>

#include "csv.hpp"
#include "utf8.hpp"

namespace dtiplan::detail {

/// Shortest spelling that reads back as the same double.
[[nodiscard]] inline std::string shortest(double v) {
    char buf[64];
    const auto r = std::to_chars(buf, buf + sizeof buf, v);
    return std::string(buf, r.ptr);
}

/// True for an integer written with a dot between groups of three digits, the Vietnamese
/// thousands separator (shared/ADMIN.md: "1.234" is one thousand two hundred thirty-four):
/// an optional "-", one to three digits not starting with 0, then one or more ".ddd".
[[nodiscard]] inline bool thousands_dots(std::string_view s) noexcept {
    if (!s.empty() && s.front() == '-') s.remove_prefix(1);
    const std::size_t first = s.find('.');
    if (first == 0 || first == std::string_view::npos || first > 3 || s.front() == '0')
        return false;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const bool dot_here = i >= first && (i - first) % 4 == 0;
        if (dot_here ? s[i] != '.' : !(s[i] >= '0' && s[i] <= '9')) return false;
    }
    return (s.size() - first) % 4 == 0;
}

/// A number cell read, or why it is refused: `value` is empty when the text is not a number;
/// `why` then says what is wrong when the text looks like one written another way ("1.234" in
/// a rate cell, "12,5" for a count); `percent` tells whether it was written with "%".
struct NumberCell {
    std::optional<double> value;
    bool percent = false;
    std::string why;
};

/// "0.85", "0,855", "85%", "85,5 %", "9": a number, a percentage divided by 100, for a rate or a
/// value. Not a number: inf, nan, text, and thousands separators, since "1.234" could be 1234
/// written the Vietnamese way or 1.234 with a decimal point: it is refused as ambiguous (`why`).
[[nodiscard]] inline NumberCell read_value_cell(std::string_view text) {
    NumberCell out;
    std::string s(trim(text));
    if (!s.empty() && s.back() == '%') {
        out.percent = true;
        s.pop_back();
        s = std::string(trim(s));
    }
    if (s.empty()) return out;
    const bool has_dot = s.find('.') != std::string::npos;
    const bool has_comma = s.find(',') != std::string::npos;
    if (thousands_dots(s) || (has_dot && has_comma)) {
        out.why =
            "a dot here is ambiguous: it is the thousands separator in Vietnamese (1.234 = "
            "1234) and the decimal point in English (1.234 = 1,234); write the number "
            "without thousands separators and with a decimal comma (0,855 or 85,5%)";
        return out;
    }
    if (has_comma) std::replace(s.begin(), s.end(), ',', '.');
    const char first = s[0] == '-' && s.size() > 1 ? s[1] : s[0];
    if (!((first >= '0' && first <= '9') || first == '.')) return out;  // no inf, nan
    if (s.find_first_of("eE") != std::string::npos && out.percent) return out;
    if (out.percent)
        s += "e-2";  // exact decimal shift: "85.5e-2" reads as the double nearest 0.855
    double v = 0.0;
    const auto r = std::from_chars(s.data(), s.data() + s.size(), v);
    if (r.ec == std::errc{} && r.ptr == s.data() + s.size()) out.value = v;
    return out;
}

/// A count: a whole number ("9", "1234"), with Vietnamese thousands dots read as such ("1.234"
/// = 1234, "1.234.567" = 1234567). A decimal part ("12,5", "1.5", or "1,234", which is 1.234
/// with a decimal comma) is refused saying a count is whole; so is a percentage.
[[nodiscard]] inline NumberCell read_count_cell(std::string_view text) {
    std::string s(trim(text));
    NumberCell out;
    if (thousands_dots(s)) {
        s.erase(std::remove(s.begin(), s.end(), '.'), s.end());
        double v = 0.0;
        std::from_chars(s.data(), s.data() + s.size(), v);  // only digits and a sign: always read
        out.value = v;
        return out;
    }
    const std::size_t comma = s.find(',');
    if (comma != std::string::npos && s.find('.') != std::string::npos &&
        thousands_dots(std::string_view(s).substr(0, comma))) {
        // "1.234,5": the Vietnamese way with both marks; whole only when the decimals are zeros.
        std::string plain = s.substr(0, comma);
        plain.erase(std::remove(plain.begin(), plain.end(), '.'), plain.end());
        s = plain + s.substr(comma);
    }
    out = read_value_cell(s);
    if (out.value && !out.percent && *out.value != std::floor(*out.value) &&
        std::isfinite(*out.value)) {
        out.why =
            "a count is a whole number, and this one has a decimal part (the comma is the "
            "decimal mark; thousands are written with a dot, 1.234, or without a separator)";
        out.value.reset();
    }
    return out;
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

/// A CSV file's text ready for CsvReader: without its UTF-8 byte-order mark, checked to be
/// UTF-8 (FormatError naming the line), decomposed Vietnamese composed (NFC). A view of
/// `csv_text` when nothing needs composing, else of `storage`: a long table is not copied.
[[nodiscard]] inline std::string_view csv_view_of(std::string_view csv_text,
                                                  const std::string& origin, std::string& storage) {
    if (csv_text.substr(0, 3) == "\xEF\xBB\xBF") csv_text.remove_prefix(3);
    if (const std::size_t bad = first_bad_utf8_line(csv_text))
        throw FormatError(origin + ": line " + std::to_string(bad),
                          "the text is not UTF-8 (in Excel, save as \"CSV UTF-8\")");
    if (!may_need_nfc(csv_text)) return csv_text;
    storage = to_nfc(csv_text);
    return storage;
}

/// csv_view_of as a string of its own.
[[nodiscard]] inline std::string csv_text_of(std::string_view csv_text, const std::string& origin) {
    std::string storage;
    const std::string_view text = csv_view_of(csv_text, origin, storage);
    return storage.empty() ? std::string(text) : storage;
}

/// The records of a spreadsheet's CSV text, as observations are opened: csv_text_of, then a
/// header row required (naming the allowed `columns`). Peer tables, which may be long, read the
/// same text one record at a time (CsvReader::next).
[[nodiscard]] inline std::vector<CsvRecord> open_csv(std::string_view csv_text,
                                                     const std::string& origin,
                                                     const std::string& columns) {
    const std::string text = csv_text_of(csv_text, origin);
    std::vector<CsvRecord> records = CsvReader(text, origin).read();
    if (records.empty())
        throw FormatError(origin + ": row 1",
                          "a header row is required (columns: " + columns + ")");
    return records;
}

}  // namespace dtiplan::detail
