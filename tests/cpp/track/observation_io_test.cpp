// Observations as CSV and JSON: what a coordinator's Excel export looks like (BOM, CRLF, quoted
// cells, percentages, decimal commas, có/không), every way a file can be wrong and the location
// each error names, and round trips that give back an equal log.
#include <gtest/gtest.h>

#include "temp_dir.hpp"

#include <cmath>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "dtiplan/error.hpp"
#include "dtiplan/io/builtin.hpp"
#include "dtiplan/track/observation_io.hpp"

namespace fs = std::filesystem;
using namespace dtiplan;
using dtiplan::test_support::TempDir;

namespace {

Date ymd(int y, int m, int d) {
    return Date(static_cast<unsigned short>(y), static_cast<unsigned short>(m),
                static_cast<unsigned short>(d));
}

const Plan& plan() {
    static const Plan p = builtin_plan();
    return p;
}

ObservationLog read_csv(const std::string& text) {
    return observations_from_csv(text, "bao-cao.csv", plan());
}

std::string in_quotes(const std::string& s) { return std::string(1, '"').append(s).append(1, '"'); }

/// The error of type E reading `text` raises; fails the test when there is none.
template <class E>
E csv_error(const std::string& text) {
    try {
        (void)read_csv(text);
    } catch (const E& e) {
        return e;
    } catch (const std::exception& e) {
        ADD_FAILURE() << "unexpected exception: " << e.what();
        return E("", "");
    }
    ADD_FAILURE() << "expected an error for:\n" << text;
    return E("", "");
}

template <class E>
E json_error(const std::string& text) {
    try {
        (void)observations_from_json(text, "bao-cao.json", plan());
    } catch (const E& e) {
        return e;
    } catch (const std::exception& e) {
        ADD_FAILURE() << "unexpected exception: " << e.what();
        return E("", "");
    }
    ADD_FAILURE() << "expected an error for:\n" << text;
    return E("", "");
}

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

const std::string kHeader = "indicator,period,value,unit,submitted\n";

ObservationLog without_origins(const ObservationLog& log) {
    std::vector<Observation> all = log.all();
    for (auto& o : all) o.origin.clear();
    return ObservationLog(std::move(all));
}

/// A log built in code with everything a writer must get right.
ObservationLog tricky_log() {
    ObservationLog log;
    Observation a;
    a.indicator = "I.03";
    a.period = Period::month(2026, 3);
    a.value.value = 0.1 + 0.2;  // 0.30000000000000004: needs every digit
    a.unit = "TTPVHCC";
    a.submitted = ymd(2026, 4, 18);
    a.evidence = {{"BC-12/2026", "Báo cáo số liệu, tháng 3", "https://dichvucong.dongnai.gov.vn"},
                  {"TK-03", "Thống kê \"toàn trình\"", "Hồ sơ lưu VT"}};
    a.note = "Số liệu \"chính thức\", đã rà soát\r\ndòng thứ hai\nvà dòng ba";
    log.add(a);

    Observation b;
    b.indicator = "II.02";
    b.period = Period::quarter(2026, 2);
    b.value = {8, 8.0, 9.0};
    b.unit = "VHXH";
    b.submitted = ymd(2026, 7, 1);
    b.note = "  khoảng trắng đầu và cuối  ";
    log.add(b);

    Observation c;
    c.indicator = "I.02";
    c.period = Period::whole_year(2026);
    c.value = {1.0 / 3.0, 40.0, 120.0};
    c.submitted = ymd(2026, 12, 31);
    c.evidence = {{"", "Danh sách công chức phụ trách chuyển đổi số", ""}};
    log.add(c);

    Observation d;
    d.indicator = "II.03";
    d.period = Period::month(2027, 1);
    d.value.value = 1;
    d.unit = "ALL";
    d.submitted = ymd(2027, 1, 19);
    log.add(d);
    return log;
}

}  // namespace

// ---- reading CSV -----------------------------------------------------------------------------

TEST(ObservationCsv, ReadsAnExcelExportWithBomCrlfQuotesAndPercentages) {
    const std::string text =
        "\xEF\xBB\xBFIndicator,Period,VALUE,Numerator,Denominator,Unit,Submitted,"
        "Evidence_ID,Evidence_Title,Evidence_Location,Note\r\n"
        "I.03,tháng 3/2026,85%,,,TTPVHCC,2026-04-18,BC-12;TK-03,"
        "\"Báo cáo tháng 3, số liệu DVC;Thống kê hồ sơ\",Hồ sơ lưu VT;Cổng DVC,"
        "\"Số liệu \"\"chính thức\"\", đã rà soát\"\r\n"
        "I.04,2026-03,\"85,5%\",,,TTPVHCC,2026-04-18,,,,\"ghi chú\r\nhai dòng\"\r\n"
        "I.06,Tháng 03/2026,\"0,855\",,,CAX,2026-04-17,,,,\r\n"
        "II.02,Quý I/2026,9/9,,,VHXH,2026-04-10,,,,\r\n"
        "II.03,2026-03,Có,,,VHXH,2026-04-10,,,,\r\n"
        "I.02,2026-03,,12,120,ALL,2026-04-10,,,,\r\n"
        "II.02,2026-04,,8,9,VHXH,2026-05-10,,,,\r\n";
    const ObservationLog log = read_csv(text);
    ASSERT_EQ(log.size(), 7U);
    const auto& all = log.all();

    EXPECT_EQ(all[0].indicator, "I.03");
    EXPECT_EQ(all[0].period, Period::month(2026, 3));
    EXPECT_DOUBLE_EQ(all[0].value.value, 0.85);
    EXPECT_EQ(all[0].unit, "TTPVHCC");
    EXPECT_EQ(all[0].submitted, ymd(2026, 4, 18));
    ASSERT_EQ(all[0].evidence.size(), 2U);
    EXPECT_EQ(all[0].evidence[0],
              (Evidence{"BC-12", "Báo cáo tháng 3, số liệu DVC", "Hồ sơ lưu VT"}));
    EXPECT_EQ(all[0].evidence[1], (Evidence{"TK-03", "Thống kê hồ sơ", "Cổng DVC"}));
    EXPECT_EQ(all[0].note, "Số liệu \"chính thức\", đã rà soát");
    EXPECT_EQ(all[0].origin, "bao-cao.csv:2");

    EXPECT_EQ(all[1].value.value, 0.855);  // "85,5%": the double nearest 0.855, exactly
    EXPECT_EQ(all[1].note, "ghi chú\r\nhai dòng");
    EXPECT_EQ(all[1].origin, "bao-cao.csv:3");
    EXPECT_EQ(all[2].value.value, 0.855);       // "0,855"
    EXPECT_EQ(all[2].origin, "bao-cao.csv:5");  // the note above took two lines

    EXPECT_EQ(all[3].period, Period::quarter(2026, 1));
    EXPECT_EQ(all[3].value, (ObservedValue{9, 9.0, 9.0}));       // count 9 of 9 kept as a fraction
    EXPECT_EQ(all[4].value.value, 1.0);                          // "Có"
    EXPECT_EQ(all[5].value, (ObservedValue{0.1, 12.0, 120.0}));  // rate = 12/120
    EXPECT_EQ(all[6].value, (ObservedValue{8, 8.0, 9.0}));       // count = its numerator
}

TEST(ObservationCsv, ColumnOrderIsFreeAndOptionalColumnsMayBeLeftOut) {
    const ObservationLog log = read_csv(
        "submitted,value,indicator,period\n"
        "2026-04-19,0.9,III.3.a.01,2026-03\n"
        "\n"  // a blank line is skipped
        "2026-04-19 , 95% , III.3.a.06 , 2026-03 \n");
    ASSERT_EQ(log.size(), 2U);
    EXPECT_DOUBLE_EQ(log.all()[1].value.value, 0.95);
    EXPECT_EQ(log.all()[1].indicator, "III.3.a.06");
    EXPECT_EQ(log.all()[1].origin, "bao-cao.csv:4");
    EXPECT_TRUE(log.all()[0].unit.empty());
}

TEST(ObservationCsv, ReadsEveryYesNoSpelling) {
    std::string text = kHeader;
    const char* yes[] = {"1", "có", "Có", "CÓ", "co", "yes", "YES", "true"};
    const char* no[] = {"0", "không", "Không", "KHÔNG", "khong", "no", "False"};
    for (const char* y : yes) text += std::string("II.03,2026-03,") + y + ",VHXH,2026-04-10\n";
    for (const char* n : no) text += std::string("II.01,2026-03,") + n + ",VHXH,2026-04-10\n";
    const ObservationLog log = read_csv(text);
    ASSERT_EQ(log.size(), 15U);
    for (std::size_t i = 0; i < 8; ++i) EXPECT_EQ(log.all()[i].value.value, 1.0) << yes[i];
    for (std::size_t i = 8; i < 15; ++i) EXPECT_EQ(log.all()[i].value.value, 0.0) << no[i - 8];
}

TEST(ObservationCsv, ReadsSemicolonSeparatedFiles) {
    const ObservationLog log = read_csv(
        "indicator;period;value;unit;submitted;evidence_id;evidence_title\n"
        "I.03;2026-03;85,5%;TTPVHCC;2026-04-18;\"BC-1;BC-2\";\"Báo cáo 1;Báo cáo 2\"\n");
    ASSERT_EQ(log.size(), 1U);
    EXPECT_EQ(log.all()[0].value.value, 0.855);
    EXPECT_EQ(log.all()[0].evidence.size(), 2U);
}

TEST(ObservationCsv, HeaderOnlyIsAnEmptyLog) { EXPECT_EQ(read_csv(kHeader).size(), 0U); }

// ---- CSV errors ------------------------------------------------------------------------------

TEST(ObservationCsvErrors, EmptyFileNeedsAHeader) {
    for (const char* text : {"", "\xEF\xBB\xBF", "\r\n\r\n"}) {
        const auto e = csv_error<FormatError>(text);
        EXPECT_TRUE(contains(e.detail(), "header row is required")) << e.what();
    }
}

TEST(ObservationCsvErrors, UnknownColumnNamesItAndTheAllowedOnes) {
    const auto e = csv_error<FormatError>("indicator,period,Giá trị,submitted\n");
    EXPECT_EQ(e.where(), "bao-cao.csv: row 1, column Giá trị");
    EXPECT_TRUE(contains(e.detail(), "unknown column \"Giá trị\"")) << e.what();
    EXPECT_TRUE(contains(e.detail(),
                         "indicator, period, value, numerator, denominator, unit, "
                         "submitted, evidence_id, evidence_title, evidence_location, "
                         "note"))
        << e.what();
}

TEST(ObservationCsvErrors, MissingAndDuplicateColumns) {
    EXPECT_TRUE(contains(csv_error<FormatError>("indicator,value,submitted\n").detail(),
                         "missing required column \"period\""));
    EXPECT_TRUE(contains(csv_error<FormatError>("indicator,period,submitted\n").detail(),
                         "missing column \"value\""));
    const auto dup = csv_error<FormatError>("indicator,period,value,Value,submitted\n");
    EXPECT_EQ(dup.where(), "bao-cao.csv: row 1, column Value");
    EXPECT_TRUE(contains(dup.detail(), "appears twice"));
    EXPECT_TRUE(contains(csv_error<FormatError>("indicator,,period,value,submitted\n").detail(),
                         "no name"));
}

TEST(ObservationCsvErrors, BrokenQuoting) {
    const auto open = csv_error<FormatError>(kHeader + "I.03,2026-03,0.8,VHXH,\"2026-04-18\n");
    EXPECT_EQ(open.where(), "bao-cao.csv: row 2");
    EXPECT_TRUE(contains(open.detail(), "not closed")) << open.what();
    const auto inside =
        csv_error<FormatError>(kHeader + "I.03,2026-03,0.8,Phòng \"VH\",2026-04-18\n");
    EXPECT_EQ(inside.where(), "bao-cao.csv: row 2");
    EXPECT_TRUE(contains(inside.detail(), "quote inside an unquoted field")) << inside.what();
    const auto after = csv_error<FormatError>(kHeader + "I.03,2026-03,\"0.8\"x,VHXH,2026-04-18\n");
    EXPECT_TRUE(contains(after.detail(), "after the closing quote")) << after.what();
}

TEST(ObservationCsvErrors, VietnameseTextAfterAClosingQuoteIsQuotedWhole) {
    // The excerpt stops at the cell's end and never cuts a character in half.
    const auto e = csv_error<FormatError>(
        "indicator,period,value,note,submitted\n"
        "I.03,2026-03,0.8,\"Số liệu\" đã được Phòng Văn hóa - Xã hội rà soát,2026-04-18\n");
    EXPECT_EQ(e.where(), "bao-cao.csv: row 2");
    EXPECT_TRUE(
        contains(e.detail(), "text after the closing quote of a field: \"đã được Phòng Vă\""))
        << e.what();
    EXPECT_TRUE(contains(e.detail(), "quote the whole field and double them")) << e.what();
}

TEST(ObservationCsvErrors, WrongNumberOfCells) {
    const auto e = csv_error<FormatError>(kHeader + "I.03,2026-03,0.8,VHXH\n");
    EXPECT_EQ(e.where(), "bao-cao.csv: row 2");
    EXPECT_TRUE(contains(e.detail(), "4 cells, but the header has 5 columns")) << e.what();
}

TEST(ObservationCsvErrors, UnknownIndicator) {
    const auto e = csv_error<ValidationError>(kHeader +
                                              "I.03,2026-03,0.8,,2026-04-18\n"
                                              "I.99,2026-03,0.8,,2026-04-18\n");
    EXPECT_EQ(e.where(), "bao-cao.csv: row 3, column indicator");
    EXPECT_TRUE(contains(e.detail(), "\"I.99\"")) << e.what();
    EXPECT_EQ(csv_error<FormatError>(kHeader + ",2026-03,0.8,,2026-04-18\n").where(),
              "bao-cao.csv: row 2, column indicator");
}

TEST(ObservationCsvErrors, BadPeriodQuotesIt) {
    const auto e = csv_error<FormatError>(kHeader + "I.03,tháng 13/2026,0.8,,2026-04-18\n");
    EXPECT_EQ(e.where(), "bao-cao.csv: row 2, column period");
    EXPECT_TRUE(contains(e.detail(), "\"tháng 13/2026\"")) << e.what();
    EXPECT_EQ(csv_error<FormatError>(kHeader + "I.03,,0.8,,2026-04-18\n").where(),
              "bao-cao.csv: row 2, column period");
}

TEST(ObservationCsvErrors, UnreadableNumbersQuoteTheCell) {
    for (const char* bad : {"tám mươi%", "1.234,5", "0,8,5", "inf", "nan", "--1", "85%%"}) {
        const auto e =
            csv_error<FormatError>(kHeader + "I.03,2026-03,\"" + bad + "\",,2026-04-18\n");
        EXPECT_EQ(e.where(), "bao-cao.csv: row 2, column value") << bad;
        EXPECT_TRUE(contains(e.detail(), in_quotes(bad))) << e.what();
    }
    const auto pct = csv_error<FormatError>(
        "indicator,period,numerator,denominator,submitted\nI.04,2026-03,50%,100,2026-04-18\n");
    EXPECT_EQ(pct.where(), "bao-cao.csv: row 2, column numerator");
    EXPECT_TRUE(contains(pct.detail(), "\"50%\"")) << pct.what();
    const auto count_pct = csv_error<FormatError>(kHeader + "II.02,2026-03,90%,,2026-04-18\n");
    EXPECT_EQ(count_pct.where(), "bao-cao.csv: row 2, column value");
}

TEST(ObservationCsv, CountsReadVietnameseThousandsDots) {
    // shared/ADMIN.md: "1.234" is one thousand two hundred thirty-four.
    const std::string head = "indicator,period,numerator,denominator,submitted\n";
    const ObservationLog log = read_csv(head + "I.04,2026-03,1.234,1.300,2026-04-18\n" +
                                        "I.04,2026-04,\"1.234.567\",\"2.000.000\",2026-05-18\n" +
                                        "I.04,2026-05,\"1.234,0\",\"1.300,00\",2026-06-18\n");
    ASSERT_EQ(log.size(), 3U);
    EXPECT_EQ(*log.all()[0].value.numerator, 1234.0);
    EXPECT_EQ(*log.all()[0].value.denominator, 1300.0);
    EXPECT_DOUBLE_EQ(log.all()[0].value.value, 1234.0 / 1300.0);  // 94,9 %, not 0,1 %
    EXPECT_EQ(*log.all()[1].value.numerator, 1234567.0);
    EXPECT_EQ(*log.all()[1].value.denominator, 2000000.0);
    EXPECT_EQ(*log.all()[2].value.numerator, 1234.0);
    // In a/b and in the value cell of a count: the same reading.
    const ObservationLog fraction = read_csv(kHeader + "I.04,2026-03,1.234/1.300,,2026-04-18\n");
    EXPECT_EQ(*fraction.all()[0].value.numerator, 1234.0);
    EXPECT_EQ(read_csv(kHeader + "II.02,2026-03,9,,2026-04-18\n").all()[0].value.value, 9.0);
}

TEST(ObservationCsvErrors, ACountWithADecimalPartSaysACountIsWhole) {
    const std::string head = "indicator,period,numerator,denominator,submitted\n";
    for (const char* bad : {"12,5", "1.5", "1,234", "1.234,5", "0,5"}) {
        const auto e =
            csv_error<FormatError>(head + "I.04,2026-03,\"" + bad + "\",1300,2026-04-18\n");
        EXPECT_EQ(e.where(), "bao-cao.csv: row 2, column numerator") << bad;
        EXPECT_TRUE(contains(e.detail(), "cannot read " + in_quotes(bad) +
                                             ": a count is a whole number, and this one has a "
                                             "decimal part"))
            << e.what();
    }
    const auto count_value =
        csv_error<FormatError>(kHeader + "II.02,2026-03,\"8,5\",,2026-04-18\n");
    EXPECT_EQ(count_value.where(), "bao-cao.csv: row 2, column value");
    EXPECT_TRUE(contains(count_value.detail(), "a count is a whole number")) << count_value.what();
    // JSON numbers are not ambiguous, but a count in them is whole too: one validation.
    const auto json = json_error<ValidationError>(
        R"({"schema": "dtiplan.observations/1", "observations": [{"indicator": "I.04",
        "period": "2026-03", "numerator": 2.5, "denominator": 10, "submitted": "2026-04-18"}]})");
    EXPECT_EQ(json.where(), "bao-cao.json: observations[0].numerator");
    EXPECT_TRUE(contains(json.detail(), "a count, a whole number; found 2.5")) << json.what();
}

TEST(ObservationCsvErrors, ADotAndThreeDigitsInARateIsAmbiguous) {
    for (const char* bad : {"1.234", "12.345.678", "1.234,5", "1.000%"}) {
        const auto e =
            csv_error<FormatError>(kHeader + "I.03,2026-03,\"" + bad + "\",,2026-04-18\n");
        EXPECT_EQ(e.where(), "bao-cao.csv: row 2, column value") << bad;
        EXPECT_TRUE(contains(e.detail(), "cannot read " + in_quotes(bad) +
                                             ": a dot here is ambiguous: it is the thousands "
                                             "separator in Vietnamese (1.234 = 1234)"))
            << e.what();
    }
    // A leading zero is never a thousands group, and other decimals are not three digits.
    for (const auto& [text, value] : std::vector<std::pair<std::string, double>>{
             {"0.855", 0.855}, {"0,855", 0.855}, {"0.8552", 0.8552}, {"85,5%", 0.855}}) {
        const auto log = read_csv(kHeader + "I.03,2026-03,\"" + text + "\",,2026-04-18\n");
        EXPECT_DOUBLE_EQ(log.all()[0].value.value, value) << text;
    }
}

TEST(ObservationCsv, DecomposedVietnameseAndUnitIdsInAnotherCaseAreRead) {
    // "tháng 3/2026" typed decomposed (a + U+0301), and "ttpvhcc" for the unit TTPVHCC.
    const ObservationLog log =
        read_csv(kHeader + "I.03,\"tha\xCC\x81ng 3/2026\",\"82,5%\",ttpvhcc,2026-04-18\n");
    ASSERT_EQ(log.size(), 1U);
    EXPECT_EQ(log.all()[0].period, Period::month(2026, 3));
    EXPECT_EQ(log.all()[0].unit, "TTPVHCC");
}

TEST(ObservationCsvErrors, UnreadableYesNo) {
    const auto e = csv_error<FormatError>(kHeader + "II.03,2026-03,chắc chắn,,2026-04-18\n");
    EXPECT_EQ(e.where(), "bao-cao.csv: row 2, column value");
    EXPECT_TRUE(contains(e.detail(), "\"chắc chắn\" as yes/no")) << e.what();
    const auto two = csv_error<ValidationError>(kHeader + "II.03,2026-03,2,,2026-04-18\n");
    EXPECT_EQ(two.where(), "bao-cao.csv: row 2, column value");
}

TEST(ObservationCsvErrors, RateAboveHundredPercentQuotesTheCellAsWritten) {
    const auto e = csv_error<ValidationError>(kHeader + "I.03,2026-03,120%,,2026-04-18\n");
    EXPECT_EQ(e.where(), "bao-cao.csv: row 2, column value");
    EXPECT_TRUE(contains(e.detail(), "outside 0..1")) << e.what();
    EXPECT_TRUE(contains(e.detail(), "the cell reads \"120%\"")) << e.what();
    const auto plain = csv_error<ValidationError>(kHeader + "I.03,2026-03,85,,2026-04-18\n");
    EXPECT_TRUE(contains(plain.detail(), "write a rate as 0.85 or 85%")) << plain.what();
}

TEST(ObservationCsvErrors, FractionProblems) {
    const std::string head = "indicator,period,value,numerator,denominator,submitted\n";
    const auto over = csv_error<ValidationError>(head + "I.04,2026-03,,130,120,2026-04-18\n");
    EXPECT_EQ(over.where(), "bao-cao.csv: row 2, column numerator");
    EXPECT_TRUE(contains(over.detail(), "\"130\"")) << over.what();
    const auto zero = csv_error<ValidationError>(head + "I.04,2026-03,,0,0,2026-04-18\n");
    EXPECT_EQ(zero.where(), "bao-cao.csv: row 2, column denominator");
    const auto half = csv_error<ValidationError>(head + "I.04,2026-03,,5,,2026-04-18\n");
    EXPECT_EQ(half.where(), "bao-cao.csv: row 2, column denominator");
    const auto twice = csv_error<FormatError>(head + "II.02,2026-03,9/9,9,9,2026-04-18\n");
    EXPECT_EQ(twice.where(), "bao-cao.csv: row 2, column value");
    const auto above = csv_error<ValidationError>(head + "II.02,2026-03,10/9,,,2026-04-18\n");
    EXPECT_EQ(above.where(), "bao-cao.csv: row 2, column value");  // where "10/9" is written
    EXPECT_TRUE(contains(above.detail(), "the cell reads \"10/9\"")) << above.what();
    const auto count = csv_error<ValidationError>(head + "II.02,2026-03,10,,,2026-04-18\n");
    EXPECT_EQ(count.where(), "bao-cao.csv: row 2, column value");
    EXPECT_TRUE(contains(count.detail(), "above its total 9")) << count.what();
}

TEST(ObservationCsvErrors, MissingValue) {
    const auto e = csv_error<FormatError>(
        "indicator,period,value,numerator,denominator,submitted\nI.04,2026-03,,,,2026-04-18\n");
    EXPECT_EQ(e.where(), "bao-cao.csv: row 2, column value");
    EXPECT_TRUE(contains(e.detail(), "missing value")) << e.what();
}

TEST(ObservationCsvErrors, BadOrMissingSubmissionDate) {
    const auto e = csv_error<FormatError>(kHeader + "I.03,2026-03,0.8,,19/04/2026\n");
    EXPECT_EQ(e.where(), "bao-cao.csv: row 2, column submitted");
    EXPECT_TRUE(contains(e.detail(), "\"19/04/2026\"")) << e.what();
    EXPECT_EQ(csv_error<FormatError>(kHeader + "I.03,2026-03,0.8,,\n").where(),
              "bao-cao.csv: row 2, column submitted");
    const auto early = csv_error<ValidationError>(kHeader + "I.03,2026-03,0.8,,2026-02-27\n");
    EXPECT_EQ(early.where(), "bao-cao.csv: row 2, column submitted");
    EXPECT_TRUE(contains(early.detail(), "submitted before the period began")) << early.what();
}

TEST(ObservationCsvErrors, UnknownUnitAndPeriodOutsideThePlan) {
    const auto unit =
        csv_error<ValidationError>(kHeader + "I.03,2026-03,0.8,Phòng VH-XH,2026-04-18\n");
    EXPECT_EQ(unit.where(), "bao-cao.csv: row 2, column unit");
    EXPECT_TRUE(contains(unit.detail(), "\"Phòng VH-XH\"")) << unit.what();
    const auto year = csv_error<ValidationError>(kHeader + "I.03,năm 2031,0.8,,2031-12-31\n");
    EXPECT_EQ(year.where(), "bao-cao.csv: row 2, column period");
    EXPECT_TRUE(contains(year.detail(), "the cell reads \"năm 2031\"")) << year.what();
}

TEST(ObservationCsvErrors, EvidenceListsOfDifferentLengths) {
    const auto e = csv_error<FormatError>(
        "indicator,period,value,submitted,evidence_id,evidence_title\n"
        "I.01,2026-03,100%,2026-03-19,QĐ-1;QĐ-2,Quyết định phân công\n");
    EXPECT_EQ(e.where(), "bao-cao.csv: row 2, column evidence_title");
    EXPECT_TRUE(
        contains(e.detail(), "1 documents in \"Quyết định phân công\" but 2 in evidence_id"))
        << e.what();
}

TEST(ObservationCsvErrors, RowNumbersCountLinesInsideQuotedCells) {
    const auto e = csv_error<ValidationError>(
        "indicator,period,value,submitted,note\n"
        "I.03,2026-03,0.8,2026-04-18,\"dòng 1\ndòng 2\ndòng 3\"\n"
        "I.03,2026-03,1.8,2026-04-18,\n");
    EXPECT_EQ(e.where(), "bao-cao.csv: row 5, column value");
}

TEST(ObservationCsvErrors, TextThatIsNotUtf8) {
    // "Phòng" written in Windows-1258 (ò = 0xF2), as Excel's plain "CSV" saves it.
    const auto e = csv_error<FormatError>(kHeader + "I.03,2026-03,0.8,Ph\xF2ng,2026-04-18\n");
    EXPECT_EQ(e.where(), "bao-cao.csv: line 2");
    EXPECT_TRUE(contains(e.detail(), "CSV UTF-8")) << e.what();
}

// ---- writing CSV and round trips -------------------------------------------------------------

TEST(ObservationCsv, WritesTheDocumentedColumnOrder) {
    const std::string text = observations_to_csv(ObservationLog{});
    EXPECT_EQ(text,
              "indicator,period,value,numerator,denominator,unit,submitted,evidence_id,"
              "evidence_title,evidence_location,note\n");
}

TEST(ObservationCsv, RoundTripGivesAnEqualLog) {
    const ObservationLog log = tricky_log();
    const std::string text = observations_to_csv(log);
    const ObservationLog again = read_csv(text);
    EXPECT_EQ(without_origins(again), log);
    EXPECT_EQ(again.all()[0].value.value, 0.1 + 0.2);
    EXPECT_EQ(again.all()[2].value.value, 1.0 / 3.0);
    EXPECT_EQ(observations_to_csv(again), text);
    EXPECT_EQ(again.all()[1].origin, "bao-cao.csv:5");  // the first note spans three lines
}

TEST(ObservationCsv, ReadWriteReadIsStableWithOrigins) {
    const std::string text = kHeader + "I.03,tháng 3/2026,\"85,5%\",TTPVHCC,2026-04-18\n";
    const ObservationLog first = read_csv(text);
    const ObservationLog second = read_csv(observations_to_csv(first));
    EXPECT_EQ(second, first);
}

TEST(ObservationCsv, EvidenceWithASemicolonCannotBeWritten) {
    ObservationLog log = tricky_log();
    std::vector<Observation> all = log.all();
    all[0].evidence[0].title = "Báo cáo; phụ lục";
    EXPECT_THROW((void)observations_to_csv(ObservationLog(all)), FormatError);
    EXPECT_NO_THROW((void)observations_to_json(ObservationLog(all)));
}

// ---- JSON ------------------------------------------------------------------------------------

TEST(ObservationJson, RoundTripGivesAnEqualLog) {
    const ObservationLog log = tricky_log();
    const std::string text = observations_to_json(log);
    EXPECT_TRUE(contains(text, "\"schema\": \"dtiplan.observations/1\"")) << text;
    const ObservationLog again = observations_from_json(text, "bao-cao.json", plan());
    EXPECT_EQ(without_origins(again), log);
    EXPECT_EQ(again.all()[2].origin, "bao-cao.json: observations[2]");
    EXPECT_EQ(observations_to_json(again), text);
}

TEST(ObservationJson, CsvAndJsonAgree) {
    const ObservationLog log = tricky_log();
    EXPECT_EQ(without_origins(read_csv(observations_to_csv(log))),
              without_origins(observations_from_json(observations_to_json(log), "x", plan())));
}

TEST(ObservationJson, ReadsAFractionWithoutValue) {
    const ObservationLog log = observations_from_json(
        R"({"schema": "dtiplan.observations/1", "observations": [
            {"indicator": "I.04", "period": "tháng 3/2026", "numerator": 45, "denominator": 50,
             "unit": "TTPVHCC", "submitted": "2026-04-18"}]})",
        "bao-cao.json", plan());
    ASSERT_EQ(log.size(), 1U);
    EXPECT_DOUBLE_EQ(log.all()[0].value.value, 0.9);
    EXPECT_EQ(log.all()[0].period, Period::month(2026, 3));
}

TEST(ObservationJson, StrictReadingNamesThePath) {
    const std::string head = R"({"schema": "dtiplan.observations/1", "observations": [)";
    const auto unknown =
        json_error<FormatError>(head + R"({"indicator": "I.03", "period": "2026-03", "value": 0.8,
                   "submitted": "2026-04-18", "gia_tri": 1}]})");
    EXPECT_EQ(unknown.where(), "bao-cao.json: observations[0].gia_tri");
    EXPECT_TRUE(contains(unknown.detail(), "unknown field")) << unknown.what();

    const auto schema =
        json_error<FormatError>(R"({"schema": "dtiplan.plan/1", "observations": []})");
    EXPECT_EQ(schema.where(), "bao-cao.json: schema");

    const auto missing = json_error<FormatError>(
        head + R"({"indicator": "I.03", "period": "2026-03", "value": 0.8}]})");
    EXPECT_EQ(missing.where(), "bao-cao.json: observations[0].submitted");

    const auto type =
        json_error<FormatError>(head + R"({"indicator": "I.03", "period": "2026-03", "value": "85%",
                   "submitted": "2026-04-18"}]})");
    EXPECT_EQ(type.where(), "bao-cao.json: observations[0].value");
    EXPECT_TRUE(contains(type.detail(), "expected a number")) << type.what();

    const auto no_value = json_error<FormatError>(
        head + R"({"indicator": "II.03", "period": "2026-03", "submitted": "2026-04-18"}]})");
    EXPECT_EQ(no_value.where(), "bao-cao.json: observations[0].value");

    const auto period = json_error<FormatError>(
        head + R"({"indicator": "I.03", "period": "quý 5/2026", "value": 0.8,
                   "submitted": "2026-04-18"}]})");
    EXPECT_EQ(period.where(), "bao-cao.json: observations[0].period");
    EXPECT_TRUE(contains(period.detail(), "\"quý 5/2026\"")) << period.what();

    const auto evidence =
        json_error<FormatError>(head + R"({"indicator": "I.03", "period": "2026-03", "value": 0.8,
                   "submitted": "2026-04-18", "evidence": [{"so": "1"}]}]})");
    EXPECT_EQ(evidence.where(), "bao-cao.json: observations[0].evidence[0].so");
}

TEST(ObservationJson, ValidationErrorsNameThePath) {
    const std::string head = R"({"schema": "dtiplan.observations/1", "observations": [)";
    const auto rate = json_error<ValidationError>(
        head +
        R"({"indicator": "I.03", "period": "2026-03", "value": 0.8, "submitted": "2026-04-18"},
                  {"indicator": "I.03", "period": "2026-03", "value": 1.2, "submitted": "2026-04-18"}]})");
    EXPECT_EQ(rate.where(), "bao-cao.json: observations[1].value");
    const auto indicator = json_error<ValidationError>(
        head +
        R"({"indicator": "I.9", "period": "2026-03", "value": 0.8, "submitted": "2026-04-18"}]})");
    EXPECT_EQ(indicator.where(), "bao-cao.json: observations[0].indicator");
}

TEST(ObservationJson, InvalidJsonNamesLineAndColumn) {
    const auto e = json_error<FormatError>(
        "{\"schema\": \"dtiplan.observations/1\",\n  \"observations\": [,]}");
    EXPECT_TRUE(contains(e.where(), "bao-cao.json: line 2")) << e.what();
    EXPECT_TRUE(contains(e.detail(), "not valid JSON")) << e.what();
}

// ---- files -----------------------------------------------------------------------------------

TEST(ObservationFiles, SaveAndLoadCsvAndJson) {
    TempDir dir;
    const ObservationLog log = tricky_log();
    for (const char* name : {"số-liệu.csv", "số-liệu.JSON"}) {
        const fs::path file = dir.path() / name;
        save_observations(log, file);
        const ObservationLog again = load_observations(file, plan());
        EXPECT_EQ(without_origins(again), log) << name;
        EXPECT_TRUE(contains(again.all()[0].origin, file.string())) << again.all()[0].origin;
    }
}

TEST(ObservationFiles, UnknownExtensionAndMissingFile) {
    TempDir dir;
    EXPECT_THROW(save_observations(tricky_log(), dir.path() / "so-lieu.xlsx"), FormatError);
    EXPECT_FALSE(fs::exists(dir.path() / "so-lieu.xlsx"));
    EXPECT_THROW((void)load_observations(dir.path() / "so-lieu.txt", plan()), FormatError);
    EXPECT_THROW((void)load_observations(dir.path() / "khong-co.csv", plan()), FileError);
}

TEST(ObservationFiles, ABadRowLoadsNothing) {
    TempDir dir;
    const fs::path file = dir.path() / "bao-cao.csv";
    {
        std::ofstream(file, std::ios::binary) << kHeader << "I.03,2026-03,0.8,,2026-04-18\n"
                                              << "I.03,2026-04,abc,,2026-05-18\n";
    }
    ObservationLog log;
    try {
        log = load_observations(file, plan());
        FAIL() << "expected a FormatError";
    } catch (const FormatError& e) {
        EXPECT_EQ(e.where(), file.string() + ": row 3, column value");
    }
}
