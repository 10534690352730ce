// Reporting periods and ISO dates. Period::parse is hand-written rather than a regex because it
// reads both the file spellings ("2026-03", "2026-Q1") and the way Vietnamese documents write a
// period ("tháng 3/2026", "Quý I/2026", "năm 2026"), and each failure must quote the text.
#include "dtiplan/track/period.hpp"

#include <array>
#include <cstdio>
#include <stdexcept>
#include <string>
#include <tuple>

#include "dtiplan/error.hpp"

namespace dtiplan {
namespace {

constexpr int kMinYear = 1400;  // the range boost::gregorian::date supports
constexpr int kMaxYear = 9999;

[[nodiscard]] bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }
[[nodiscard]] bool is_space(char c) noexcept {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/// Lower-case ASCII and the upper-case Vietnamese letters (Latin-1, Latin Extended-A, Ơ, Ư and
/// Latin Extended Additional), enough to read "THÁNG", "Quý", "NĂM" in any case. UTF-8 in, out.
std::string lower(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c < 0x80) {
            out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : static_cast<char>(c);
            continue;
        }
        // Decode one 2- or 3-byte sequence; anything else is copied as is.
        std::size_t len = (c >= 0xC0 && c < 0xE0) ? 2 : (c >= 0xE0 && c < 0xF0) ? 3 : 1;
        if (i + len > s.size()) len = 1;
        char32_t cp = 0;
        if (len == 2)
            cp =
                (char32_t{c} & 0x1F) << 6 | (char32_t{static_cast<unsigned char>(s[i + 1])} & 0x3F);
        else if (len == 3)
            cp = (char32_t{c} & 0x0F) << 12 |
                 (char32_t{static_cast<unsigned char>(s[i + 1])} & 0x3F) << 6 |
                 (char32_t{static_cast<unsigned char>(s[i + 2])} & 0x3F);
        char32_t lc = cp;
        if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7)
            lc = cp + 0x20;
        else if (cp >= 0x100 && cp <= 0x17F && cp % 2 == 0)
            lc = cp + 1;
        else if (cp == 0x1A0 || cp == 0x1AF)
            lc = cp + 1;
        else if (cp >= 0x1EA0 && cp <= 0x1EF9 && cp % 2 == 0)
            lc = cp + 1;
        if (len == 1 || lc == cp) {
            out.append(s.substr(i, len));
        } else if (len == 2) {
            out += static_cast<char>(0xC0 | (lc >> 6));
            out += static_cast<char>(0x80 | (lc & 0x3F));
        } else {
            out += static_cast<char>(0xE0 | (lc >> 12));
            out += static_cast<char>(0x80 | ((lc >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (lc & 0x3F));
        }
        i += len - 1;
    }
    return out;
}

/// Trimmed, lower-cased, runs of spaces collapsed to one and no spaces around '/' or '-'.
std::string normalise(std::string_view text) {
    const std::string low = lower(text);
    std::string out;
    for (char c : low) {
        if (is_space(c)) {
            if (!out.empty() && out.back() != ' ') out += ' ';
            continue;
        }
        if ((c == '/' || c == '-') && !out.empty() && out.back() == ' ') out.pop_back();
        if (!out.empty() && out.back() == ' ' &&
            (out.size() >= 2 && (out[out.size() - 2] == '/' || out[out.size() - 2] == '-')))
            out.pop_back();
        out += c;
    }
    if (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

[[nodiscard]] bool all_digits(std::string_view s) noexcept {
    if (s.empty()) return false;
    for (char c : s)
        if (!is_digit(c)) return false;
    return true;
}

[[nodiscard]] int to_int(std::string_view s) noexcept {
    int v = 0;
    for (char c : s) v = v * 10 + (c - '0');
    return v;
}

[[nodiscard]] bool starts_with(std::string_view s, std::string_view prefix) noexcept {
    return s.substr(0, prefix.size()) == prefix;
}

class PeriodReader {
public:
    explicit PeriodReader(std::string_view text) : text_(text) {}

    [[noreturn]] void fail(const std::string& why = {}) const {
        throw FormatError(
            "", "cannot read \"" + std::string(text_) + "\" as a period" +
                    (why.empty() ? std::string(" (expected e.g. 2026-03, 2026-Q1, 2026, "
                                               "03/2026, tháng 3/2026, quý I/2026, năm 2026)")
                                 : ": " + why));
    }

    Period read() {
        std::string s = normalise(text_);
        enum class Want { Any, Month, Quarter, Year } want = Want::Any;
        for (auto [word, w] : std::array<std::pair<std::string_view, Want>, 3>{
                 {{"tháng", Want::Month}, {"quý", Want::Quarter}, {"năm", Want::Year}}}) {
            if (starts_with(s, word)) {
                want = w;
                s.erase(0, word.size());
                if (!s.empty() && s.front() == ' ') s.erase(0, 1);
                break;
            }
        }
        if (want == Want::Year) return Period::whole_year(year(s));
        if (want != Want::Any) {
            // "tháng 3 năm 2026" reads as "tháng 3/2026".
            constexpr std::string_view kYearWord = " năm ";
            if (const auto pos = s.find(kYearWord); pos != std::string::npos) {
                std::string joined;
                joined.append(s, 0, pos).append(1, '/').append(s, pos + kYearWord.size());
                s = std::move(joined);
            }
        }
        const auto sep = s.find_first_of("/-");
        if (sep == std::string::npos) {
            if (want == Want::Any && all_digits(s) && s.size() == 4)
                return Period::whole_year(year(s));
            fail();
        }
        const std::string_view a = std::string_view(s).substr(0, sep);
        const std::string_view b = std::string_view(s).substr(sep + 1);
        if (b.find_first_of("/-") != std::string_view::npos) fail();

        if (want == Want::Month) return Period::month(year(b), month(a));
        if (want == Want::Quarter) return Period::quarter(year(b), quarter(a, true));
        if (a.size() == 4 && all_digits(a)) {  // 2026-03, 2026-Q1
            if (starts_with(b, "q")) return Period::quarter(year(a), quarter(b.substr(1), false));
            return Period::month(year(a), month(b));
        }
        if (b.size() == 4 && all_digits(b)) {  // 03/2026, Q1/2026
            if (starts_with(a, "q")) return Period::quarter(year(b), quarter(a.substr(1), false));
            return Period::month(year(b), month(a));
        }
        fail();
    }

private:
    int year(std::string_view s) const {
        if (s.size() != 4 || !all_digits(s)) fail();
        const int y = to_int(s);
        if (y < kMinYear || y > kMaxYear)
            fail("year " + std::string(s) + " is outside " + std::to_string(kMinYear) + ".." +
                 std::to_string(kMaxYear));
        return y;
    }
    int month(std::string_view s) const {
        if (s.empty() || s.size() > 2 || !all_digits(s)) fail();
        const int m = to_int(s);
        if (m < 1 || m > 12) fail("there is no month " + std::to_string(m) + " (1 to 12)");
        return m;
    }
    int quarter(std::string_view s, bool roman_allowed) const {
        int q = 0;
        if (!s.empty() && s.size() <= 2 && all_digits(s)) {
            q = to_int(s);
        } else if (roman_allowed) {
            constexpr std::array<std::string_view, 4> kRoman{"i", "ii", "iii", "iv"};
            for (std::size_t i = 0; i < kRoman.size(); ++i)
                if (s == kRoman[i]) q = static_cast<int>(i) + 1;
            if (q == 0) fail();
        } else {
            fail();
        }
        if (q < 1 || q > 4) fail("there is no quarter " + std::to_string(q) + " (1 to 4)");
        return q;
    }

    std::string_view text_;
};

void check_year(int year) {
    if (year < kMinYear || year > kMaxYear)
        throw ValidationError("", "year " + std::to_string(year) + " is outside " +
                                      std::to_string(kMinYear) + ".." + std::to_string(kMaxYear));
}

/// The month a period ends with, 1..12.
[[nodiscard]] int end_month(const Period& p) noexcept {
    switch (p.kind) {
        case PeriodKind::Month: return p.index;
        case PeriodKind::Quarter: return 3 * p.index;
        case PeriodKind::Year: return 12;
    }
    return 12;
}

[[nodiscard]] Date make_date(int y, int m, int d) {
    return Date(static_cast<unsigned short>(y), static_cast<unsigned short>(m),
                static_cast<unsigned short>(d));
}

}  // namespace

Period Period::month(int year, int month) {
    check_year(year);
    if (month < 1 || month > 12)
        throw ValidationError("", "there is no month " + std::to_string(month) + " (1 to 12)");
    return {PeriodKind::Month, year, month};
}

Period Period::quarter(int year, int quarter) {
    check_year(year);
    if (quarter < 1 || quarter > 4)
        throw ValidationError("", "there is no quarter " + std::to_string(quarter) + " (1 to 4)");
    return {PeriodKind::Quarter, year, quarter};
}

Period Period::whole_year(int year) {
    check_year(year);
    return {PeriodKind::Year, year, 0};
}

Period Period::parse(std::string_view text) { return PeriodReader(text).read(); }

Date Period::first_day() const {
    switch (kind) {
        case PeriodKind::Month: return make_date(year, index, 1);
        case PeriodKind::Quarter: return make_date(year, 3 * index - 2, 1);
        case PeriodKind::Year: return make_date(year, 1, 1);
    }
    return make_date(year, 1, 1);
}

Date Period::last_day() const { return make_date(year, end_month(*this), 1).end_of_month(); }

std::string Period::to_string() const {
    char buf[32];
    switch (kind) {
        case PeriodKind::Month: std::snprintf(buf, sizeof buf, "%04d-%02d", year, index); break;
        case PeriodKind::Quarter: std::snprintf(buf, sizeof buf, "%04d-Q%d", year, index); break;
        case PeriodKind::Year: std::snprintf(buf, sizeof buf, "%04d", year); break;
    }
    return buf;
}

std::strong_ordering operator<=>(const Period& a, const Period& b) {
    // End date first (year, then the month it ends with), then length: Month < Quarter < Year.
    // The index breaks what is left, so that <=> agrees with ==.
    return std::make_tuple(a.year, end_month(a), static_cast<int>(a.kind), a.index) <=>
           std::make_tuple(b.year, end_month(b), static_cast<int>(b.kind), b.index);
}

namespace {

// A date from its year, month and day as read, or a FormatError quoting `text`.
Date checked_date(std::string_view text, int y, int m, int d) {
    auto bad = [&](const std::string& why) -> FormatError {
        return FormatError("", "cannot read \"" + std::string(text) + "\" as a date (" + why + ")");
    };
    if (y < kMinYear || y > kMaxYear) throw bad("the year is outside 1400..9999");
    if (m < 1 || m > 12) throw bad("there is no month " + std::to_string(m));
    try {
        return make_date(y, m, d);
    } catch (const std::out_of_range&) {
        const std::string month = std::to_string(m);
        throw bad("there is no day " + std::to_string(d) + " in " + std::to_string(y) +
                  (m < 10 ? "-0" : "-") + month);
    }
}

[[nodiscard]] std::string_view trimmed(std::string_view s) noexcept {
    while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
    while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
    return s;
}

[[nodiscard]] bool is_iso(std::string_view s) noexcept {
    return s.size() == 10 && s[4] == '-' && s[7] == '-' && all_digits(s.substr(0, 4)) &&
           all_digits(s.substr(5, 2)) && all_digits(s.substr(8, 2));
}

FormatError unreadable(std::string_view text, const std::string& expected) {
    return FormatError(
        "", "cannot read \"" + std::string(text) + "\" as a date (expected " + expected + ")");
}

}  // namespace

Date parse_iso_date(std::string_view text) {
    const std::string_view s = trimmed(text);
    if (!is_iso(s)) throw unreadable(text, "YYYY-MM-DD, e.g. 2026-03-19");
    return checked_date(text, to_int(s.substr(0, 4)), to_int(s.substr(5, 2)),
                        to_int(s.substr(8, 2)));
}

Date parse_date(std::string_view text) {
    const std::string_view s = trimmed(text);
    if (is_iso(s)) return parse_iso_date(text);
    // D/M/YYYY or DD/MM/YYYY, day first, as Vietnamese documents write a date.
    const std::size_t first = s.find('/');
    const std::size_t second = first == std::string_view::npos ? first : s.find('/', first + 1);
    if (second != std::string_view::npos && s.find('/', second + 1) == std::string_view::npos) {
        const std::string_view day = s.substr(0, first);
        const std::string_view month = s.substr(first + 1, second - first - 1);
        const std::string_view year = s.substr(second + 1);
        if (!day.empty() && day.size() <= 2 && all_digits(day) && !month.empty() &&
            month.size() <= 2 && all_digits(month) && year.size() == 4 && all_digits(year))
            return checked_date(text, to_int(year), to_int(month), to_int(day));
    }
    throw unreadable(text, "YYYY-MM-DD or DD/MM/YYYY, e.g. 2026-03-19 or 19/03/2026");
}

std::string format_date(const Date& d) {
    if (d.is_special()) return {};
    char buf[48];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", static_cast<int>(d.year()),
                  static_cast<int>(d.month()), static_cast<int>(d.day()));
    return buf;
}

}  // namespace dtiplan
