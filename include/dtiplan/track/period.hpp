// Reporting periods: a month, a quarter or a year. Observations are made for a period; the
// monthly reporting rhythm of the plan works in months.
#pragma once

#include <compare>
#include <string>
#include <string_view>

#include <boost/date_time/gregorian/gregorian_types.hpp>

namespace dtiplan {

using Date = boost::gregorian::date;

enum class PeriodKind { Month, Quarter, Year };

struct Period {
    PeriodKind kind = PeriodKind::Month;
    int year = 0;
    int index = 1;  ///< month 1..12, quarter 1..4, 0 for a year

    /// Throw ValidationError for a month outside 1..12, a quarter outside 1..4 or a year outside
    /// 1400..9999 (the years boost::gregorian::date supports).
    [[nodiscard]] static Period month(int year, int month);
    [[nodiscard]] static Period quarter(int year, int quarter);
    [[nodiscard]] static Period whole_year(int year);
    /// "2026-03", "2026-Q1" (also "2026-q1", "Q1/2026"), "2026"; also Vietnamese "03/2026",
    /// "3/2026", "tháng 3/2026", "tháng 3 năm 2026", "quý 1/2026", "Quý I/2026" (Roman I-IV),
    /// "năm 2026". Case and surrounding spaces do not matter. Throws FormatError quoting the
    /// text (its where() is empty: the caller knows the location).
    [[nodiscard]] static Period parse(std::string_view text);

    [[nodiscard]] Date first_day() const;
    [[nodiscard]] Date last_day() const;
    [[nodiscard]] bool contains(const Date& d) const { return first_day() <= d && d <= last_day(); }
    /// "2026-03", "2026-Q1", "2026": the spelling written to files.
    [[nodiscard]] std::string to_string() const;

    friend bool operator==(const Period&, const Period&) = default;
    /// Ordered by end date, then by length (a month before the quarter that ends with it).
    friend std::strong_ordering operator<=>(const Period& a, const Period& b);
};

/// A date as a person writes it: ISO "2026-03-19" or day first "19/03/2026" (also "2/12/2026"),
/// as Vietnamese documents and the command's --as-of write it; spaces around are ignored.
/// Throws FormatError quoting the text for anything else (or a day that does not exist).
[[nodiscard]] Date parse_date(std::string_view text);
/// ISO "2026-03-19" only: the spelling of data files (observations' `submitted`), where a
/// day-first date would be ambiguous to other tools. Throws FormatError quoting the text.
[[nodiscard]] Date parse_iso_date(std::string_view text);
/// ISO spelling "2026-03-19"; "" for a date that is not set (not_a_date_time).
[[nodiscard]] std::string format_date(const Date& d);

}  // namespace dtiplan
