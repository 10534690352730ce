// Series from the observation log: decimal years, what was known on a date (later corrections
// unseen, superseded figures resolved), the finest frequency, times at the end of each period,
// and gaps kept as gaps.
#include <gtest/gtest.h>

#include <limits>
#include <string>
#include <vector>

#include "dtiplan/error.hpp"
#include "dtiplan/project/series.hpp"
#include "dtiplan/track/observation.hpp"

using namespace dtiplan;

namespace {

Date day(int y, int m, int d) {
    return Date(static_cast<unsigned short>(y), static_cast<unsigned short>(m),
                static_cast<unsigned short>(d));
}

Observation obs(std::string indicator, Period period, double value, Date submitted,
                std::string note = "Số liệu minh họa") {
    Observation o;
    o.indicator = std::move(indicator);
    o.period = period;
    o.value.value = value;
    o.unit = "VHXH";
    o.submitted = submitted;
    o.note = std::move(note);
    return o;
}

}  // namespace

TEST(SeriesDecimalYear, OfKnownDates) {
    EXPECT_DOUBLE_EQ(decimal_year(day(2026, 1, 1)), 2026.0);
    EXPECT_DOUBLE_EQ(decimal_year(day(2026, 7, 2)), 2026.0 + 182.0 / 365.0);
    EXPECT_DOUBLE_EQ(decimal_year(day(2024, 12, 31)), 2024.0 + 365.0 / 366.0);  // leap year
    EXPECT_DOUBLE_EQ(decimal_year(day(2027, 1, 1)), 2027.0);
}

TEST(SeriesDecimalYear, RoundTripsEveryDay) {
    for (Date d = day(2023, 1, 1); d <= day(2031, 12, 31); d += boost::gregorian::days(1))
        ASSERT_EQ(date_from_decimal_year(decimal_year(d)), d) << format_date(d);
    EXPECT_EQ(date_from_decimal_year(2026.9999999), day(2027, 1, 1));
    EXPECT_THROW((void)date_from_decimal_year(std::numeric_limits<double>::quiet_NaN()),
                 ValidationError);
    EXPECT_THROW((void)date_from_decimal_year(1200.0), ValidationError);
}

TEST(SeriesFromLog, KeepsWhatWasKnownOnTheDate) {
    // II.04 (tỷ lệ cán bộ được bồi dưỡng kỹ năng số): March was reported on 10 April as 0.60
    // and corrected on 5 May to 0.62.
    ObservationLog log;
    log.add(obs("II.04", Period::month(2026, 1), 0.50, day(2026, 2, 10)));
    log.add(obs("II.04", Period::month(2026, 2), 0.55, day(2026, 3, 10)));
    log.add(obs("II.04", Period::month(2026, 3), 0.60, day(2026, 4, 10)));
    log.add(obs("II.04", Period::month(2026, 3), 0.62, day(2026, 5, 5), "Điều chỉnh số liệu"));
    log.add(obs("II.05", Period::month(2026, 3), 0.90, day(2026, 4, 10)));

    const Series before = series_from_log(log, "II.04", day(2026, 4, 30));
    EXPECT_EQ(before.indicator, "II.04");
    EXPECT_EQ(before.frequency, PeriodKind::Month);
    ASSERT_EQ(before.size(), 3U);
    EXPECT_EQ(before.values, (std::vector<double>{0.50, 0.55, 0.60}));

    const Series after = series_from_log(log, "II.04", day(2026, 5, 5));
    EXPECT_EQ(after.values, (std::vector<double>{0.50, 0.55, 0.62}));

    const Series early = series_from_log(log, "II.04", day(2026, 3, 9));
    EXPECT_EQ(early.values, (std::vector<double>{0.50}));
    EXPECT_TRUE(series_from_log(log, "II.04", day(2026, 2, 1)).empty());
    EXPECT_TRUE(series_from_log(log, "I.99", day(2026, 12, 31)).empty());
}

TEST(SeriesFromLog, SameDayCorrectionTakesTheLaterEntry) {
    ObservationLog log;
    log.add(obs("I.03", Period::month(2026, 5), 0.70, day(2026, 6, 15)));
    log.add(obs("I.03", Period::month(2026, 5), 0.72, day(2026, 6, 15)));
    EXPECT_EQ(series_from_log(log, "I.03", day(2026, 6, 30)).values, std::vector<double>{0.72});
}

TEST(SeriesFromLog, UsesTheFinestFrequencyUnlessOneIsGiven) {
    ObservationLog log;
    log.add(obs("II.10", Period::quarter(2026, 1), 0.21, day(2026, 4, 5)));
    log.add(obs("II.10", Period::quarter(2026, 2), 0.24, day(2026, 7, 5)));
    log.add(obs("II.10", Period::month(2026, 6), 0.25, day(2026, 7, 5)));
    log.add(obs("II.10", Period::whole_year(2026), 0.26, day(2027, 1, 10)));

    const Series finest = series_from_log(log, "II.10", day(2027, 2, 1));
    EXPECT_EQ(finest.frequency, PeriodKind::Month);
    EXPECT_EQ(finest.values, std::vector<double>{0.25});

    const Series quarters = series_from_log(log, "II.10", day(2027, 2, 1), PeriodKind::Quarter);
    EXPECT_EQ(quarters.frequency, PeriodKind::Quarter);
    EXPECT_EQ(quarters.values, (std::vector<double>{0.21, 0.24}));
    EXPECT_EQ(quarters.periods,
              (std::vector<Period>{Period::quarter(2026, 1), Period::quarter(2026, 2)}));

    // Before the monthly figure was known, the finest known was the quarter.
    EXPECT_EQ(series_from_log(log, "II.10", day(2026, 4, 30)).frequency, PeriodKind::Quarter);
}

TEST(SeriesTimes, AreTheEndsOfThePeriods) {
    Series s;
    s.frequency = PeriodKind::Month;
    s.periods = {Period::month(2026, 1), Period::month(2026, 12)};
    s.values = {0.1, 0.2};
    const std::vector<double> t = s.times();
    ASSERT_EQ(t.size(), 2U);
    EXPECT_DOUBLE_EQ(t[0], decimal_year(day(2026, 2, 1)));
    EXPECT_DOUBLE_EQ(t[1], 2027.0);
    Series q;
    q.frequency = PeriodKind::Quarter;
    q.periods = {Period::quarter(2026, 2)};
    q.values = {0.3};
    EXPECT_DOUBLE_EQ(q.times()[0], decimal_year(day(2026, 7, 1)));
}

TEST(SeriesGaps, ListsTheMissingPeriodsBetweenFirstAndLast) {
    ObservationLog log;
    for (const int m : {1, 2, 5, 6, 9})
        log.add(obs("III.3.a.01", Period::month(2026, m), 0.8 + 0.01 * m, day(2026, m, 28)));
    const Series s = series_from_log(log, "III.3.a.01", day(2026, 12, 31));
    EXPECT_EQ(s.size(), 5U);
    EXPECT_EQ(s.gaps(), (std::vector<Period>{Period::month(2026, 3), Period::month(2026, 4),
                                             Period::month(2026, 7), Period::month(2026, 8)}));
    Series across;
    across.frequency = PeriodKind::Quarter;
    across.periods = {Period::quarter(2026, 3), Period::quarter(2027, 2)};
    across.values = {0.1, 0.2};
    EXPECT_EQ(across.gaps(),
              (std::vector<Period>{Period::quarter(2026, 4), Period::quarter(2027, 1)}));
    EXPECT_TRUE(Series{}.gaps().empty());
}
