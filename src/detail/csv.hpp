// Private to the library (not installed): an RFC 4180 CSV record reader shared by the
// observation and peer-table readers, so both accept the same files and report the same errors.
#pragma once

#include <algorithm>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "dtiplan/error.hpp"
#include "utf8.hpp"

namespace dtiplan::detail {

[[nodiscard]] inline bool is_blank(char c) noexcept {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

[[nodiscard]] inline std::string_view trim(std::string_view s) noexcept {
    while (!s.empty() && is_blank(s.front())) s.remove_prefix(1);
    while (!s.empty() && is_blank(s.back())) s.remove_suffix(1);
    return s;
}

[[nodiscard]] inline std::string ascii_lower(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

/// "text" with double quotes around it, for messages that quote a bad value.
[[nodiscard]] inline std::string quoted(std::string_view s) {
    std::string out;
    out.reserve(s.size() + 2);
    out.append(1, '"').append(s).append(1, '"');
    return out;
}

struct CsvRecord {
    std::size_t line = 0;  ///< the line the record starts on (header = 1)
    std::vector<std::string> cells;
};

/// RFC 4180 records: quoted fields may hold the separator, doubled quotes and line breaks; lines
/// end with CRLF, LF or CR. Unquoted cells are trimmed; quoted cells are kept as written.
class CsvReader {
public:
    CsvReader(std::string_view text, const std::string& origin) : s_(text), origin_(origin) {
        // The separator: "," unless the header line has ";" and no "," (Excel in a locale
        // whose decimal mark is the comma).
        const std::string_view first_line = s_.substr(0, s_.find('\n'));
        if (first_line.find(',') == std::string_view::npos &&
            first_line.find(';') != std::string_view::npos)
            sep_ = ';';
    }

    std::vector<CsvRecord> read() {
        std::vector<CsvRecord> out;
        CsvRecord rec;
        while (next(rec)) out.push_back(rec);
        return out;
    }

    /// The next record that is not blank into `rec`, its cells' storage reused (a table of any
    /// length is read one record at a time, with no allocation per cell once the first records
    /// have sized the strings); false at the end of the text.
    bool next(CsvRecord& rec) {
        while (i_ < s_.size()) {
            rec.line = line_;
            std::size_t n = 0;
            while (true) {
                if (n == rec.cells.size()) rec.cells.emplace_back();
                field(rec.line, rec.cells[n++]);
                if (i_ < s_.size() && s_[i_] == sep_) {
                    ++i_;
                    continue;
                }
                end_of_line();
                break;
            }
            rec.cells.resize(n);
            const bool blank = std::all_of(rec.cells.begin(), rec.cells.end(),
                                           [](const std::string& c) { return c.empty(); });
            if (!blank) return true;
        }
        return false;
    }

    /// Bytes of the text read so far.
    [[nodiscard]] std::size_t position() const noexcept { return i_; }

private:
    [[noreturn]] void fail(std::size_t row, const std::string& what) const {
        throw FormatError(origin_ + ": row " + std::to_string(row), what);
    }

    void end_of_line() {
        if (i_ >= s_.size()) return;
        if (s_[i_] == '\r') ++i_;
        if (i_ < s_.size() && s_[i_] == '\n') ++i_;
        ++line_;
    }

    /// The text from the position to the end of the cell.
    [[nodiscard]] std::string_view rest_of_cell() const {
        const char ends[] = {sep_, '\r', '\n'};
        const std::size_t end = s_.find_first_of(std::string_view(ends, 3), i_);
        return s_.substr(i_, end == std::string_view::npos ? end : end - i_);
    }

    void field(std::size_t row, std::string& out) {
        std::size_t j = i_;
        while (j < s_.size() && (s_[j] == ' ' || s_[j] == '\t')) ++j;
        if (j < s_.size() && s_[j] == '"') {
            i_ = j + 1;
            out.clear();
            while (true) {
                if (i_ >= s_.size()) fail(row, "a quoted field is not closed (a \" is missing)");
                const char c = s_[i_];
                if (c == '"') {
                    if (i_ + 1 < s_.size() && s_[i_ + 1] == '"') {
                        out += '"';
                        i_ += 2;
                        continue;
                    }
                    ++i_;
                    break;
                }
                if (c == '\n' || (c == '\r' && (i_ + 1 >= s_.size() || s_[i_ + 1] != '\n')))
                    ++line_;
                out += c;
                ++i_;
            }
            while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\t')) ++i_;
            if (i_ < s_.size() && s_[i_] != sep_ && s_[i_] != '\r' && s_[i_] != '\n')
                fail(row, "text after the closing quote of a field: " +
                              quoted(utf8_prefix(rest_of_cell(), 24)) +
                              " (a quoted field ends at its closing quote; to keep quotes inside "
                              "the text, quote the whole field and double them)");
            return;
        }
        const std::size_t start = i_;
        while (i_ < s_.size() && s_[i_] != sep_ && s_[i_] != '\r' && s_[i_] != '\n') {
            if (s_[i_] == '"')
                fail(row, "a quote inside an unquoted field " +
                              quoted(s_.substr(start, i_ - start + 1)) +
                              "; quote the whole field and double the quotes in it");
            ++i_;
        }
        out.assign(trim(s_.substr(start, i_ - start)));
    }

    std::string_view s_;
    const std::string& origin_;
    std::size_t i_ = 0;
    std::size_t line_ = 1;
    char sep_ = ',';
};

}  // namespace dtiplan::detail
