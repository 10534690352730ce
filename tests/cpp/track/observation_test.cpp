// Observations: supersession (a later submission wins, history keeps every one), what was known
// on a date, and the checks of one observation against the built-in plan of Đại Phước, each
// naming the row and the column at fault.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include "dtiplan/error.hpp"
#include "dtiplan/io/builtin.hpp"
#include "dtiplan/track/observation.hpp"

using namespace dtiplan;

namespace {

Date ymd(int y, int m, int d) {
    return Date(static_cast<unsigned short>(y), static_cast<unsigned short>(m),
                static_cast<unsigned short>(d));
}

Observation obs(std::string indicator, Period period, double value, Date submitted,
                std::string unit = "", std::string note = "") {
    Observation o;
    o.indicator = std::move(indicator);
    o.period = period;
    o.value.value = value;
    o.unit = std::move(unit);
    o.submitted = submitted;
    o.note = std::move(note);
    return o;
}

const Plan& plan() {
    static const Plan p = builtin_plan();
    return p;
}

/// The ValidationError validate_observation raises for `o` at row 12, or a failed test.
ValidationError rejection(const Observation& o) {
    try {
        validate_observation(plan(), o, "observations.csv: row 12");
    } catch (const ValidationError& e) {
        return e;
    }
    ADD_FAILURE() << "expected a ValidationError";
    return ValidationError("", "");
}

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

}  // namespace

// ---- supersession ----------------------------------------------------------------------------

TEST(ObservationLog, LaterSubmissionSupersedesAndHistoryKeepsBoth) {
    const Period march = Period::month(2026, 3);
    ObservationLog log;
    log.add(obs("I.03", march, 0.78, ymd(2026, 3, 15), "TTPVHCC", "số liệu ban đầu"));
    log.add(obs("I.03", march, 0.82, ymd(2026, 3, 18), "TTPVHCC", "đính chính sau rà soát"));
    ASSERT_NE(log.effective("I.03", march), nullptr);
    EXPECT_DOUBLE_EQ(log.effective("I.03", march)->value.value, 0.82);
    const auto history = log.history("I.03", march);
    ASSERT_EQ(history.size(), 2U);
    EXPECT_EQ(history[0]->note, "số liệu ban đầu");
    EXPECT_EQ(history[1]->note, "đính chính sau rà soát");
    EXPECT_EQ(log.size(), 2U);
    EXPECT_EQ(log.effective("I.03", Period::month(2026, 4)), nullptr);
    EXPECT_EQ(log.effective("I.04", march), nullptr);
}

TEST(ObservationLog, TheSubmissionInForceOnADateIsTheLastKnownThen) {
    // One rule for every reader (latest, series, deadlines): a correction counts from the day it
    // was submitted, never before.
    const Period march = Period::month(2026, 3);
    ObservationLog log;
    log.add(obs("I.03", march, 0.78, ymd(2026, 3, 15), "TTPVHCC", "số liệu ban đầu"));
    log.add(obs("I.03", march, 0.82, ymd(2026, 3, 18), "TTPVHCC", "đính chính sau rà soát"));
    log.add(obs("I.03", march, 0.80, ymd(2026, 3, 18), "TTPVHCC", "đính chính lần hai, cùng ngày"));
    EXPECT_EQ(log.in_force("I.03", march, ymd(2026, 3, 14)), nullptr);
    ASSERT_NE(log.in_force("I.03", march, ymd(2026, 3, 17)), nullptr);
    EXPECT_EQ(log.in_force("I.03", march, ymd(2026, 3, 17))->note, "số liệu ban đầu");
    EXPECT_EQ(log.in_force("I.03", march, ymd(2026, 3, 18))->note, "đính chính lần hai, cùng ngày");
    EXPECT_EQ(log.in_force("I.03", march), log.effective("I.03", march));
    EXPECT_EQ(log.latest("I.03", ymd(2026, 3, 17)), log.in_force("I.03", march, ymd(2026, 3, 17)));
    EXPECT_TRUE(ObservationLog::known_on(log.all()[0], ymd(2026, 3, 15)));
    EXPECT_FALSE(ObservationLog::known_on(log.all()[0], ymd(2026, 3, 14)));
}

TEST(ObservationLog, TheLaterDateWinsWhateverTheOrderReceived) {
    const Period march = Period::month(2026, 3);
    ObservationLog log;
    log.add(obs("I.04", march, 0.95, ymd(2026, 3, 18)));
    log.add(obs("I.04", march, 0.90, ymd(2026, 3, 10)));  // entered late, dated earlier
    EXPECT_DOUBLE_EQ(log.effective("I.04", march)->value.value, 0.95);
    const auto history = log.history("I.04", march);
    ASSERT_EQ(history.size(), 2U);
    EXPECT_DOUBLE_EQ(history[0]->value.value, 0.90);  // oldest first
}

TEST(ObservationLog, SameDayTheLaterInTheLogWins) {
    const Period march = Period::month(2026, 3);
    ObservationLog log;
    log.add(obs("I.05", march, 0.97, ymd(2026, 3, 18)));
    log.add(obs("I.05", march, 0.99, ymd(2026, 3, 18)));
    EXPECT_DOUBLE_EQ(log.effective("I.05", march)->value.value, 0.99);
}

TEST(ObservationLog, LatestAsOfIgnoresSubmissionsMadeAfterIt) {
    ObservationLog log;
    log.add(obs("I.03", Period::month(2026, 2), 0.70, ymd(2026, 3, 10)));
    log.add(obs("I.03", Period::month(2026, 3), 0.80, ymd(2026, 4, 15)));
    log.add(obs("I.03", Period::month(2026, 2), 0.72, ymd(2026, 4, 20)));  // correction of Feb
    log.add(obs("I.03", Period::month(2026, 4), 0.85, ymd(2026, 5, 12)));

    EXPECT_EQ(log.latest("I.03", ymd(2026, 3, 9)), nullptr);  // nothing known yet
    const Observation* early = log.latest("I.03", ymd(2026, 4, 1));
    ASSERT_NE(early, nullptr);
    EXPECT_DOUBLE_EQ(early->value.value, 0.70);  // neither March nor the correction known yet
    const Observation* mid = log.latest("I.03", ymd(2026, 4, 16));
    ASSERT_NE(mid, nullptr);
    EXPECT_EQ(mid->period, Period::month(2026, 3));
    const Observation* late = log.latest("I.03", ymd(2026, 6, 1));
    ASSERT_NE(late, nullptr);
    EXPECT_EQ(late->period, Period::month(2026, 4));
    EXPECT_EQ(log.latest("I.06", ymd(2026, 6, 1)), nullptr);
}

TEST(ObservationLog, LatestAsOfSeesTheCorrectionOnceMade) {
    ObservationLog log;
    log.add(obs("II.12", Period::month(2026, 3), 0.25, ymd(2026, 4, 5)));
    log.add(obs("II.12", Period::month(2026, 3), 0.28, ymd(2026, 4, 9)));
    EXPECT_DOUBLE_EQ(log.latest("II.12", ymd(2026, 4, 8))->value.value, 0.25);
    EXPECT_DOUBLE_EQ(log.latest("II.12", ymd(2026, 4, 9))->value.value, 0.28);
}

TEST(ObservationLog, LatestSkipsPeriodsNotYetStarted) {
    ObservationLog log;
    log.add(obs("I.04", Period::month(2026, 3), 0.9, ymd(2026, 3, 20)));
    // A figure filed early for a month that has not begun on as_of does not count.
    log.add(obs("I.04", Period::month(2026, 5), 0.95, ymd(2026, 3, 25)));
    EXPECT_EQ(log.latest("I.04", ymd(2026, 4, 1))->period, Period::month(2026, 3));
    EXPECT_EQ(log.latest("I.04", ymd(2026, 5, 1))->period, Period::month(2026, 5));
}

TEST(ObservationLog, LatestPrefersTheLongerPeriodEndingTheSameDay) {
    ObservationLog log;
    log.add(obs("I.03", Period::quarter(2026, 1), 0.79, ymd(2026, 4, 10)));
    log.add(obs("I.03", Period::month(2026, 3), 0.81, ymd(2026, 4, 12)));
    EXPECT_EQ(log.latest("I.03", ymd(2026, 4, 30))->period, Period::quarter(2026, 1));
}

TEST(ObservationLog, EffectiveAllOnePerIndicatorAndPeriodInOrder) {
    ObservationLog log;
    log.add(obs("II.12", Period::month(2026, 4), 0.31, ymd(2026, 5, 10)));
    log.add(obs("I.03", Period::month(2026, 3), 0.80, ymd(2026, 4, 10)));
    log.add(obs("II.12", Period::month(2026, 3), 0.29, ymd(2026, 4, 10)));
    log.add(obs("II.12", Period::month(2026, 4), 0.33, ymd(2026, 5, 12)));
    const auto all = log.effective_all();
    ASSERT_EQ(all.size(), 3U);
    EXPECT_EQ(all[0]->indicator, "II.12");
    EXPECT_EQ(all[0]->period, Period::month(2026, 3));
    EXPECT_EQ(all[1]->indicator, "II.12");
    EXPECT_DOUBLE_EQ(all[1]->value.value, 0.33);
    EXPECT_EQ(all[2]->indicator, "I.03");
}

// ---- validation ------------------------------------------------------------------------------

TEST(ObservationValidate, AcceptsGoodObservations) {
    Observation rate = obs("I.03", Period::month(2026, 3), 0.82, ymd(2026, 4, 18), "TTPVHCC");
    EXPECT_NO_THROW(validate_observation(plan(), rate, "r"));
    Observation group = obs("I.01", Period::month(2026, 3), 1.0, ymd(2026, 4, 18), "ALL");
    EXPECT_NO_THROW(validate_observation(plan(), group, "r"));  // a group id is fine
    Observation count = obs("II.02", Period::month(2026, 3), 9, ymd(2026, 4, 18), "VHXH");
    count.value.numerator = 9;
    count.value.denominator = 9;
    EXPECT_NO_THROW(validate_observation(plan(), count, "r"));
    Observation ai = obs("II.03", Period::whole_year(2026), 1, ymd(2026, 12, 20));
    ai.evidence.push_back({"", "Báo cáo ứng dụng trợ lý AI", ""});
    EXPECT_NO_THROW(validate_observation(plan(), ai, "r"));
    Observation fraction = obs("I.04", Period::month(2026, 3), 0.75, ymd(2026, 3, 31));
    fraction.value.numerator = 3;
    fraction.value.denominator = 4;
    EXPECT_NO_THROW(validate_observation(plan(), fraction, "r"));
}

TEST(ObservationValidate, UnknownIndicator) {
    const auto e = rejection(obs("I.07", Period::month(2026, 3), 0.5, ymd(2026, 4, 1)));
    EXPECT_EQ(e.where(), "observations.csv: row 12, column indicator");
    EXPECT_TRUE(contains(e.detail(), "\"I.07\"")) << e.what();
}

TEST(ObservationValidate, NaNInfiniteAndNegativeValues) {
    const Period march = Period::month(2026, 3);
    for (double bad : {std::nan(""), std::numeric_limits<double>::infinity()}) {
        const auto e = rejection(obs("I.03", march, bad, ymd(2026, 4, 1)));
        EXPECT_EQ(e.where(), "observations.csv: row 12, column value");
        EXPECT_TRUE(contains(e.detail(), "not a finite number")) << e.what();
    }
    const auto e = rejection(obs("I.03", march, -0.1, ymd(2026, 4, 1)));
    EXPECT_EQ(e.where(), "observations.csv: row 12, column value");
    EXPECT_TRUE(contains(e.detail(), "negative value -0.1")) << e.what();
}

TEST(ObservationValidate, RateOutsideZeroToOneQuotesTheIndicator) {
    const auto e = rejection(obs("I.03", Period::month(2026, 3), 1.2, ymd(2026, 4, 1)));
    EXPECT_EQ(e.where(), "observations.csv: row 12, column value");
    EXPECT_TRUE(contains(e.detail(), "rate 1.2 (120%)")) << e.what();
    EXPECT_TRUE(contains(e.detail(), "Tỷ lệ sử dụng dịch vụ công trực tuyến")) << e.what();
    EXPECT_TRUE(contains(e.detail(), "outside 0..1")) << e.what();
}

TEST(ObservationValidate, NumeratorAboveDenominator) {
    Observation o = obs("I.04", Period::month(2026, 3), 1.0, ymd(2026, 4, 1));
    o.value.numerator = 12;
    o.value.denominator = 10;
    const auto e = rejection(o);
    EXPECT_EQ(e.where(), "observations.csv: row 12, column numerator");
    EXPECT_TRUE(contains(e.detail(), "numerator 12 is above the denominator 10")) << e.what();
}

TEST(ObservationValidate, DenominatorNotAboveZero) {
    Observation o = obs("I.04", Period::month(2026, 3), 0.0, ymd(2026, 4, 1));
    o.value.numerator = 0;
    o.value.denominator = 0;
    const auto e = rejection(o);
    EXPECT_EQ(e.where(), "observations.csv: row 12, column denominator");
    EXPECT_TRUE(contains(e.detail(), "above 0")) << e.what();
}

TEST(ObservationValidate, RateNumeratorWithoutDenominator) {
    Observation o = obs("I.04", Period::month(2026, 3), 0.5, ymd(2026, 4, 1));
    o.value.numerator = 5;
    EXPECT_EQ(rejection(o).where(), "observations.csv: row 12, column denominator");
}

TEST(ObservationValidate, ValueDisagreeingWithItsFraction) {
    Observation o = obs("I.04", Period::month(2026, 3), 0.8, ymd(2026, 4, 1));
    o.value.numerator = 3;
    o.value.denominator = 4;
    const auto e = rejection(o);
    EXPECT_EQ(e.where(), "observations.csv: row 12, column value");
    EXPECT_TRUE(contains(e.detail(), "3/4 = 0.75")) << e.what();
}

TEST(ObservationValidate, YesNoAndMilestoneMustBeZeroOrOne) {
    const auto ai = rejection(obs("II.03", Period::month(2026, 3), 2, ymd(2026, 4, 1)));
    EXPECT_EQ(ai.where(), "observations.csv: row 12, column value");
    EXPECT_TRUE(contains(ai.detail(), "Mức độ ứng dụng AI")) << ai.what();
    EXPECT_TRUE(contains(ai.detail(), "found 2")) << ai.what();
    const auto center = rejection(obs("II.01", Period::month(2026, 3), 0.5, ymd(2026, 4, 1)));
    EXPECT_EQ(center.where(), "observations.csv: row 12, column value");
    EXPECT_TRUE(contains(center.detail(), "milestone")) << center.what();
}

TEST(ObservationValidate, CountAboveItsTotal) {
    // II.02: "Ứng dụng 9/9 nền tảng": ten platforms of nine is impossible.
    const auto e = rejection(obs("II.02", Period::month(2026, 3), 10, ymd(2026, 4, 1)));
    EXPECT_EQ(e.where(), "observations.csv: row 12, column value");
    EXPECT_TRUE(contains(e.detail(), "above its total 9")) << e.what();
    // The 2026 total also bounds later years, which have no count target of their own.
    EXPECT_EQ(rejection(obs("II.02", Period::month(2028, 3), 10, ymd(2028, 4, 1))).where(),
              "observations.csv: row 12, column value");
}

TEST(ObservationValidate, PeriodOutsideThePlanYears) {
    const auto e = rejection(obs("I.03", Period::month(2031, 1), 0.9, ymd(2031, 2, 1)));
    EXPECT_EQ(e.where(), "observations.csv: row 12, column period");
    EXPECT_TRUE(contains(e.detail(), "2031-01 is outside the plan's years 2026-2030")) << e.what();
    EXPECT_EQ(rejection(obs("I.03", Period::whole_year(2025), 0.9, ymd(2026, 1, 5))).where(),
              "observations.csv: row 12, column period");
}

TEST(ObservationValidate, UnknownReportingUnit) {
    const auto e =
        rejection(obs("I.03", Period::month(2026, 3), 0.8, ymd(2026, 4, 1), "Phòng VH-XH"));
    EXPECT_EQ(e.where(), "observations.csv: row 12, column unit");
    EXPECT_TRUE(contains(e.detail(), "\"Phòng VH-XH\"")) << e.what();
}

TEST(ObservationValidate, SubmittedBeforeThePeriodBegan) {
    const auto e = rejection(obs("I.03", Period::month(2026, 3), 0.8, ymd(2026, 2, 28)));
    EXPECT_EQ(e.where(), "observations.csv: row 12, column submitted");
    EXPECT_TRUE(contains(e.detail(), "submitted before the period began")) << e.what();
    // On the first day is fine.
    EXPECT_NO_THROW(validate_observation(
        plan(), obs("I.03", Period::month(2026, 3), 0.8, ymd(2026, 3, 1)), "r"));
}

TEST(ObservationValidate, MissingSubmissionDate) {
    const auto e = rejection(obs("I.03", Period::month(2026, 3), 0.8, Date()));
    EXPECT_EQ(e.where(), "observations.csv: row 12, column submitted");
}

TEST(ObservationValidate, EmptyEvidenceDocument) {
    Observation o = obs("I.01", Period::month(2026, 3), 1.0, ymd(2026, 3, 19));
    o.evidence.push_back({"QĐ-15/2026", "Quyết định phân công", "Hồ sơ lưu VT"});
    o.evidence.push_back({});
    const auto e = rejection(o);
    EXPECT_EQ(e.where(), "observations.csv: row 12, column evidence");
    EXPECT_TRUE(contains(e.detail(), "evidence document 2")) << e.what();
}

TEST(ObservationValidate, LocatorOverloadNamesJsonPaths) {
    try {
        validate_observation(plan(), obs("I.03", Period::month(2026, 3), 1.5, ymd(2026, 4, 1)),
                             [](std::string_view field) {
                                 return std::string("obs.json: observations[3].").append(field);
                             });
        FAIL() << "expected a ValidationError";
    } catch (const ValidationError& e) {
        EXPECT_EQ(e.where(), "obs.json: observations[3].value");
    }
}

TEST(ObservationValidate, EmptyWhereNamesTheColumnOnly) {
    try {
        validate_observation(plan(), obs("I.03", Period::month(2026, 3), 1.5, ymd(2026, 4, 1)), "");
        FAIL() << "expected a ValidationError";
    } catch (const ValidationError& e) {
        EXPECT_EQ(e.where(), "column value");
    }
}

// ---- one validation for every entry point -----------------------------------------------------

TEST(ObservationValidate, ALogBuiltInCodeIsValidatedWhereverItIsJudged) {
    // As from Python: a NaN rate, an infinite one, a rate of 5 (500 %). Each is refused by every
    // function that judges a log against the plan, not turned into "not met", "met" or 0 points.
    for (double bad : {std::nan(""), std::numeric_limits<double>::infinity(), 5.0}) {
        ObservationLog log;
        log.add(obs("I.03", Period::month(2026, 3), 0.8, ymd(2026, 4, 1), "TTPVHCC"));
        log.add(obs("I.03", Period::month(2026, 4), bad, ymd(2026, 5, 1), "TTPVHCC"));
        try {
            validate_log(plan(), log);
            ADD_FAILURE() << bad << " accepted";
        } catch (const ValidationError& e) {
            EXPECT_EQ(e.where(), "observations[1] (I.03 2026-04), column value") << e.what();
        }
    }
    ObservationLog read;
    Observation o = obs("I.03", Period::month(2026, 3), -1.0, ymd(2026, 4, 1));
    o.origin = "so-lieu.csv:7";
    read.add(o);
    try {
        validate_log(plan(), read);
        ADD_FAILURE() << "accepted";
    } catch (const ValidationError& e) {
        EXPECT_EQ(e.where(), "so-lieu.csv:7, column value");
    }
}

TEST(ObservationValidate, ACountIsAWholeNumber) {
    Observation o = obs("II.02", Period::month(2026, 3), 7.5, ymd(2026, 4, 1));
    EXPECT_TRUE(contains(rejection(o).detail(), "is not a whole number")) << rejection(o).what();
    Observation rate = obs("I.04", Period::month(2026, 3), 0.5, ymd(2026, 4, 1));
    rate.value.numerator = 2.5;
    rate.value.denominator = 5.0;
    EXPECT_EQ(rejection(rate).where(), "observations.csv: row 12, column numerator");
}

TEST(ObservationValidate, AnUnknownUnitListsThePlansIdsAndTheOneMeant) {
    const auto e = rejection(obs("I.03", Period::month(2026, 3), 0.8, ymd(2026, 4, 1), "TT PVHCC"));
    EXPECT_EQ(e.where(), "observations.csv: row 12, column unit");
    EXPECT_TRUE(contains(e.detail(),
                         "unknown reporting unit \"TT PVHCC\" (did you mean "
                         "\"TTPVHCC\"?); the plan's units: "))
        << e.what();
    EXPECT_TRUE(contains(e.detail(), "VHXH")) << e.what();
    EXPECT_TRUE(contains(e.detail(), "; groups: ")) << e.what();
}
