// An indicator's observations as a time series: one value per period (the effective submission
// known on the as-of date), gaps left as gaps, time measured in decimal years at each period's end.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dtiplan/track/observation.hpp"
#include "dtiplan/track/period.hpp"

namespace dtiplan {

/// Decimal year of a date: 2026-01-01 -> 2026.0, 2026-07-02 -> about 2026.5 (each day is 1/365
/// or 1/366 of its year). NaN for a date that is not set.
[[nodiscard]] double decimal_year(const Date& d) noexcept;
/// Inverse of decimal_year, to the day (rounded to the nearest day). Throws ValidationError for
/// NaN or a year outside 1400..9999.
[[nodiscard]] Date date_from_decimal_year(double t);

struct Series {
    std::string indicator;
    PeriodKind frequency = PeriodKind::Month;
    std::vector<Period> periods;  ///< ascending, no duplicates; missing periods are absent
    std::vector<double> values;   ///< same length; in the indicator's own scale

    [[nodiscard]] std::size_t size() const noexcept { return values.size(); }
    [[nodiscard]] bool empty() const noexcept { return values.empty(); }
    /// decimal_year of each period's last day + 1 day (the moment the period is complete).
    [[nodiscard]] std::vector<double> times() const;
    /// Periods of the frequency between the first and last present that have no value.
    [[nodiscard]] std::vector<Period> gaps() const;
    friend bool operator==(const Series&, const Series&) = default;
};

/// The series of one indicator at one frequency from a log, as known on as_of (submissions after
/// as_of are ignored; superseded values resolved). With no frequency given, the finest one the
/// log has for that indicator. Observations of other frequencies are left out.
[[nodiscard]] Series series_from_log(const ObservationLog& log, std::string_view indicator,
                                     const Date& as_of,
                                     std::optional<PeriodKind> frequency = std::nullopt);

}  // namespace dtiplan
