// Reporting periods: the spellings a coordinator writes (file forms and Vietnamese forms), the
// first and last days, the order, and ISO dates.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "dtiplan/error.hpp"
#include "dtiplan/track/period.hpp"

using namespace dtiplan;

namespace {

std::string in_quotes(const std::string& s) { return std::string(1, '"').append(s).append(1, '"'); }

Date ymd(int y, int m, int d) {
    return Date(static_cast<unsigned short>(y), static_cast<unsigned short>(m),
                static_cast<unsigned short>(d));
}

/// The message of the FormatError `text` raises when parsed as a period.
std::string parse_error(const std::string& text) {
    try {
        (void)Period::parse(text);
    } catch (const FormatError& e) {
        return e.what();
    }
    ADD_FAILURE() << "expected a FormatError for \"" << text << "\"";
    return {};
}

struct Spelling {
    const char* text;
    Period expected;
};

class PeriodSpellings : public ::testing::TestWithParam<Spelling> {};

}  // namespace

TEST_P(PeriodSpellings, ReadsAsExpected) {
    const Spelling& s = GetParam();
    EXPECT_EQ(Period::parse(s.text), s.expected) << s.text;
}

INSTANTIATE_TEST_SUITE_P(PeriodParse, PeriodSpellings,
                         ::testing::Values(Spelling{"2026-03", Period::month(2026, 3)},
                                           Spelling{"2026-3", Period::month(2026, 3)},
                                           Spelling{"2026-Q1", Period::quarter(2026, 1)},
                                           Spelling{"2026-q1", Period::quarter(2026, 1)},
                                           Spelling{"Q1/2026", Period::quarter(2026, 1)},
                                           Spelling{"q4/2027", Period::quarter(2027, 4)},
                                           Spelling{"2026", Period::whole_year(2026)},
                                           Spelling{"03/2026", Period::month(2026, 3)},
                                           Spelling{"3/2026", Period::month(2026, 3)},
                                           Spelling{"12/2030", Period::month(2030, 12)},
                                           Spelling{"tháng 3/2026", Period::month(2026, 3)},
                                           Spelling{"Tháng 03/2026", Period::month(2026, 3)},
                                           Spelling{"THÁNG 11/2026", Period::month(2026, 11)},
                                           Spelling{"tháng 3 năm 2026", Period::month(2026, 3)},
                                           Spelling{"  tháng  3 / 2026 ", Period::month(2026, 3)},
                                           Spelling{"quý 1/2026", Period::quarter(2026, 1)},
                                           Spelling{"Quý I/2026", Period::quarter(2026, 1)},
                                           Spelling{"Quý II/2026", Period::quarter(2026, 2)},
                                           Spelling{"quý III/2026", Period::quarter(2026, 3)},
                                           Spelling{"QUÝ IV/2026", Period::quarter(2026, 4)},
                                           Spelling{"quý II năm 2027", Period::quarter(2027, 2)},
                                           Spelling{"năm 2026", Period::whole_year(2026)},
                                           Spelling{"Năm 2030", Period::whole_year(2030)}));

TEST(PeriodParse, RejectsMonthThirteenQuotingTheText) {
    const std::string msg = parse_error("2026-13");
    EXPECT_NE(msg.find("\"2026-13\""), std::string::npos) << msg;
    EXPECT_NE(msg.find("no month 13"), std::string::npos) << msg;
    EXPECT_NE(parse_error("tháng 13/2026").find("\"tháng 13/2026\""), std::string::npos);
    EXPECT_NE(parse_error("00/2026").find("no month 0"), std::string::npos);
}

TEST(PeriodParse, RejectsQuarterFive) {
    const std::string msg = parse_error("2026-Q5");
    EXPECT_NE(msg.find("\"2026-Q5\""), std::string::npos) << msg;
    EXPECT_NE(msg.find("no quarter 5"), std::string::npos) << msg;
    EXPECT_NE(parse_error("quý V/2026").find("\"quý V/2026\""), std::string::npos);
    EXPECT_NE(parse_error("quý 5/2026").find("no quarter 5"), std::string::npos);
}

TEST(PeriodParse, RejectsGarbage) {
    for (const char* text :
         {"", "   ", "tháng ba", "2026-03-01", "26-03", "2026/03/01", "Q1", "năm hai nghìn",
          "20266", "abc", "tháng 3/26", "Q1/2026/2027", "quý 1"}) {
        const std::string msg = parse_error(text);
        EXPECT_NE(msg.find(in_quotes(text)), std::string::npos) << msg;
    }
}

TEST(PeriodParse, ErrorLeavesTheLocationToTheCaller) {
    try {
        (void)Period::parse("tháng mười ba");
        FAIL() << "expected a FormatError";
    } catch (const FormatError& e) {
        EXPECT_TRUE(e.where().empty());
        EXPECT_NE(e.detail().find("tháng mười ba"), std::string::npos);
    }
}

TEST(PeriodFactories, RejectImpossibleValues) {
    EXPECT_THROW((void)Period::month(2026, 13), ValidationError);
    EXPECT_THROW((void)Period::month(2026, 0), ValidationError);
    EXPECT_THROW((void)Period::quarter(2026, 5), ValidationError);
    EXPECT_THROW((void)Period::whole_year(99999), ValidationError);
}

TEST(PeriodDays, FirstAndLastDays) {
    EXPECT_EQ(Period::month(2026, 2).first_day(), ymd(2026, 2, 1));
    EXPECT_EQ(Period::month(2026, 2).last_day(), ymd(2026, 2, 28));
    EXPECT_EQ(Period::month(2028, 2).last_day(), ymd(2028, 2, 29));  // năm nhuận
    EXPECT_EQ(Period::quarter(2026, 2).first_day(), ymd(2026, 4, 1));
    EXPECT_EQ(Period::quarter(2026, 2).last_day(), ymd(2026, 6, 30));
    EXPECT_EQ(Period::whole_year(2026).first_day(), ymd(2026, 1, 1));
    EXPECT_EQ(Period::whole_year(2026).last_day(), ymd(2026, 12, 31));
    EXPECT_TRUE(Period::quarter(2026, 1).contains(ymd(2026, 3, 31)));
    EXPECT_FALSE(Period::quarter(2026, 1).contains(ymd(2026, 4, 1)));
}

TEST(PeriodText, ToStringIsTheFileSpellingAndReadsBack) {
    EXPECT_EQ(Period::month(2026, 3).to_string(), "2026-03");
    EXPECT_EQ(Period::quarter(2026, 1).to_string(), "2026-Q1");
    EXPECT_EQ(Period::whole_year(2026).to_string(), "2026");
    for (const Period& p :
         {Period::month(2030, 12), Period::quarter(2027, 4), Period::whole_year(2029)})
        EXPECT_EQ(Period::parse(p.to_string()), p);
}

TEST(PeriodOrder, ByEndDateThenLength) {
    const Period march = Period::month(2026, 3);
    const Period q1 = Period::quarter(2026, 1);
    const Period april = Period::month(2026, 4);
    const Period year = Period::whole_year(2026);
    const Period december = Period::month(2026, 12);
    const Period q4 = Period::quarter(2026, 4);
    EXPECT_LT(march, q1);  // a month before the quarter that ends with it
    EXPECT_LT(q1, april);
    EXPECT_LT(december, q4);
    EXPECT_LT(q4, year);
    EXPECT_LT(year, Period::month(2027, 1));
    std::vector<Period> v{year, april, q1, december, march, q4};
    std::sort(v.begin(), v.end());
    EXPECT_EQ(v, (std::vector<Period>{march, q1, april, december, q4, year}));
    EXPECT_EQ(march <=> Period::month(2026, 3), std::strong_ordering::equal);
}

TEST(PeriodDates, ParseReadsTheDayFirstSpellingOfVietnameseDocuments) {
    EXPECT_EQ(parse_date("02/12/2026"), ymd(2026, 12, 2));  // ngày 2 tháng 12, as --as-of reads it
    EXPECT_EQ(parse_date("2/12/2026"), ymd(2026, 12, 2));
    EXPECT_EQ(parse_date(" 19/3/2026 "), ymd(2026, 3, 19));
    // Data files keep ISO: a day-first date there is refused, quoting it.
    try {
        (void)parse_iso_date("19/03/2026");
        ADD_FAILURE() << "expected a FormatError";
    } catch (const FormatError& e) {
        EXPECT_NE(std::string(e.what()).find("\"19/03/2026\""), std::string::npos) << e.what();
    }
    EXPECT_EQ(parse_iso_date("2026-03-19"), ymd(2026, 3, 19));
    try {
        (void)parse_date("30/02/2026");
        ADD_FAILURE() << "expected a FormatError";
    } catch (const FormatError& e) {
        EXPECT_NE(std::string(e.what()).find("no day 30 in 2026-02"), std::string::npos)
            << e.what();
    }
}

TEST(PeriodDates, ParseAndFormatIso) {
    EXPECT_EQ(parse_date("2026-03-19"), ymd(2026, 3, 19));
    EXPECT_EQ(parse_date(" 2026-03-19 "), ymd(2026, 3, 19));
    EXPECT_EQ(format_date(ymd(2026, 3, 9)), "2026-03-09");
    EXPECT_EQ(format_date(Date()), "");
    for (const char* bad : {"2026-02-30", "2026-13-01", "2026-3-19", "hôm nay", "", "31/02/2026",
                            "19/03/26", "19-03-2026", "1/2/3/2026", "19/003/2026"}) {
        try {
            (void)parse_date(bad);
            ADD_FAILURE() << "expected a FormatError for " << bad;
        } catch (const FormatError& e) {
            EXPECT_NE(std::string(e.what()).find(in_quotes(bad)), std::string::npos) << e.what();
        }
    }
}
