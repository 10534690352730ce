// Plans as JSON: lossless round trips, strict reading with located errors, atomic saves.
#include <gtest/gtest.h>

#include "temp_dir.hpp"

#include <filesystem>
#include <fstream>
#include <random>
#include <string>

#include "dtiplan/dtiplan.hpp"

namespace fs = std::filesystem;
using namespace dtiplan;
using dtiplan::test_support::TempDir;

namespace {

std::string minimal_plan_json(const std::string& target_text = "Trên 80%") {
    return R"({
  "schema": "dtiplan.plan/1", "id": "thu-nghiem", "title": "Kế hoạch thử nghiệm",
  "issuer": "UBND xã Thử Nghiệm", "commune": "Thử Nghiệm", "province": "Đồng Nai",
  "period": {"start": 2026, "end": 2030}, "milestones": [2026, 2030],
  "goal": {"text": "Vào nhóm 10 đơn vị dẫn đầu", "top": 10, "of": 95, "scope": "tỉnh Đồng Nai"},
  "reporting": {"unit_report_before_day": 20, "consolidated_report_before_day": 25,
                "consolidator": "VHXH", "recipient": "VHXH"},
  "units": [{"id": "VHXH", "name": "Phòng Văn hóa - Xã hội", "short_name": "Phòng VH-XH",
             "level": "commune"}],
  "groups": [],
  "indicators": [{"id": "I.03", "name": "Tỷ lệ sử dụng dịch vụ công trực tuyến",
                  "pillar": "government", "kind": "rate",
                  "targets": [{"year": 2026, "text": ")" +
           target_text + R"(", "source": {"section": "PL.I", "item": "03"}}],
                  "assignments": [{"unit": "VHXH", "role": "lead"}]}]
})";
}

/// The message of the dtiplan error `f` throws, failing the test if it throws none or another.
template <class E, class F>
std::string error_of(F&& f) {
    try {
        f();
    } catch (const E& e) {
        return e.what();
    }
    ADD_FAILURE() << "expected an exception";
    return {};
}

}  // namespace

TEST(PlanJson, ReadsTargetsFromTheirText) {
    const Plan p = plan_from_json(minimal_plan_json(), "thu-nghiem.json");
    ASSERT_EQ(p.indicators.size(), 1U);
    const Target& t = p.indicators[0].targets.at(0);
    EXPECT_EQ(t.text, "Trên 80%");
    EXPECT_EQ(t.parsed.comparator, Comparator::Above);
    EXPECT_DOUBLE_EQ(t.parsed.value, 0.8);
    EXPECT_EQ(p.units[0].short_name, "Phòng VH-XH");
}

TEST(PlanJson, RoundTripOfTheBuiltInPlanIsLossless) {
    const Plan p = builtin_plan();
    const std::string text = plan_to_json(p);
    const Plan again = plan_from_json(text, "again.json");
    EXPECT_EQ(again, p);
    EXPECT_EQ(plan_to_json(again), text);
}

TEST(PlanJson, SaveThenLoadGivesTheSamePlan) {
    TempDir dir;
    const Plan p = builtin_plan();
    const fs::path file = dir.path() / "kế-hoạch.json";
    save_plan(p, file);
    EXPECT_EQ(load_plan(file), p);
    // Nothing but the plan is left in the folder: the temporary file was renamed.
    EXPECT_EQ(std::distance(fs::directory_iterator(dir.path()), fs::directory_iterator{}), 1);
}

TEST(PlanJson, FailedSaveLeavesNothingBehind) {
    TempDir dir;
    const fs::path file = dir.path() / "khong-co-thu-muc" / "plan.json";
    const std::string msg = error_of<FileError>([&] { save_plan(builtin_plan(), file); });
    EXPECT_NE(msg.find("does not exist"), std::string::npos) << msg;
    EXPECT_FALSE(fs::exists(file.parent_path()));
}

TEST(PlanJson, SaveReplacesAnOldFileWhole) {
    TempDir dir;
    const fs::path file = dir.path() / "plan.json";
    {
        std::ofstream(file) << std::string(200000, 'x');  // longer than the plan
    }
    const Plan p = plan_from_json(minimal_plan_json(), "m.json");
    save_plan(p, file);
    EXPECT_EQ(load_plan(file), p);
}

TEST(PlanJson, SavingOverADirectoryIsAFileError) {
    TempDir dir;
    EXPECT_THROW(save_plan(builtin_plan(), dir.path()), FileError);
}

TEST(PlanJson, MissingFileIsAFileErrorNamingIt) {
    const std::string msg = error_of<FileError>([] { (void)load_plan("khong-ton-tai.json"); });
    EXPECT_NE(msg.find("khong-ton-tai.json"), std::string::npos) << msg;
}

TEST(PlanJson, UnreadableTargetNamesFileAndPath) {
    try {
        (void)plan_from_json(minimal_plan_json("Trên tám mươi phần trăm"), "plan.json");
        FAIL() << "expected TargetPhraseError";
    } catch (const TargetPhraseError& e) {
        EXPECT_EQ(e.where(), "plan.json: indicators[0].targets[0].text");
        EXPECT_NE(std::string(e.what()).find("Trên tám mươi phần trăm"), std::string::npos)
            << e.what();
    }
}

TEST(PlanJson, MissingFieldNamesItsPath) {
    std::string text = minimal_plan_json();
    text.replace(text.find(R"("pillar": "government", )"), 24, "");
    try {
        (void)plan_from_json(text, "plan.json");
        FAIL() << "expected FormatError";
    } catch (const FormatError& e) {
        EXPECT_EQ(e.where(), "plan.json: indicators[0].pillar");
        EXPECT_NE(e.detail().find("missing"), std::string::npos);
    }
}

TEST(PlanJson, WrongTypeSaysWhatWasExpected) {
    std::string text = minimal_plan_json();
    text.replace(text.find(R"("year": 2026)"), 12, R"("year": "2026")");
    const std::string msg = error_of<FormatError>([&] { (void)plan_from_json(text, "p.json"); });
    EXPECT_NE(msg.find("p.json: indicators[0].targets[0].year"), std::string::npos) << msg;
    EXPECT_NE(msg.find("expected a whole number"), std::string::npos) << msg;
}

TEST(PlanJson, UnknownEnumSpellingListsTheAllowedOnes) {
    std::string text = minimal_plan_json();
    text.replace(text.find(R"("role": "lead")"), 14, R"("role": "chủ trì")");
    const std::string msg = error_of<FormatError>([&] { (void)plan_from_json(text, "p.json"); });
    EXPECT_NE(msg.find("indicators[0].assignments[0].role"), std::string::npos) << msg;
    EXPECT_NE(msg.find("\"upper-lead\""), std::string::npos) << msg;
}

TEST(PlanJson, MisspeltFieldIsRejected) {
    std::string text = minimal_plan_json();
    text.replace(text.find(R"("kind": "rate")"), 14, R"("knd": "rate")");
    const std::string msg = error_of<FormatError>([&] { (void)plan_from_json(text, "p.json"); });
    EXPECT_NE(msg.find("indicators[0].knd"), std::string::npos) << msg;
    EXPECT_NE(msg.find("unknown field"), std::string::npos) << msg;
}

TEST(PlanJson, BrokenJsonGivesLineAndColumn) {
    const std::string msg = error_of<FormatError>([] {
        (void)plan_from_json("{\n  \"schema\": \"dtiplan.plan/1\",\n  \"id\": }", "x.json");
    });
    EXPECT_NE(msg.find("x.json: line 3"), std::string::npos) << msg;
    EXPECT_NE(msg.find("not valid JSON"), std::string::npos) << msg;
}

/// True when `s` is valid UTF-8 on one line (what Python can decode and the command prints).
bool one_line_of_utf8(const std::string& s) {
    for (std::size_t i = 0; i < s.size();) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c == '\n' || c == '\r') return false;
        const std::size_t len = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 ? 2 : 0;
        if (len == 0 || i + len > s.size()) return false;
        for (std::size_t k = 1; k < len; ++k)
            if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
        i += len;
    }
    return true;
}

TEST(PlanJson, TextThatIsNotUtf8NamesTheFileLineAndWhatItProbablyIs) {
    // "Kế hoạch" in Windows-1258: "K" 0xEA 0xD2 (ê + combining dot below) ...
    std::string cp1258 = minimal_plan_json();
    cp1258.replace(cp1258.find("Kế hoạch thử nghiệm"), std::string("Kế hoạch thử nghiệm").size(),
                   "K\xEA\xD2 ho\xE4\xF2"
                   "ch");
    const std::string msg =
        error_of<FormatError>([&] { (void)plan_from_json(cp1258, "ke-hoach-1258.json"); });
    EXPECT_NE(msg.find("ke-hoach-1258.json: line 2, column"), std::string::npos) << msg;
    EXPECT_NE(msg.find("not UTF-8 (byte 0xEA; saved as Windows-1258"), std::string::npos) << msg;
    EXPECT_TRUE(one_line_of_utf8(msg)) << msg;

    // UTF-16 (little-endian, with its byte-order mark), as some editors save "Unicode".
    const std::string utf8 = minimal_plan_json();
    std::string utf16 = "\xFF\xFE";
    for (char c : utf8) utf16.append(1, c).append(1, '\0');  // ASCII is enough to recognise it
    EXPECT_EQ(error_of<FormatError>([&] { (void)plan_from_json(utf16, "ke-hoach-16.json"); }),
              "ke-hoach-16.json: line 1: the file is UTF-16 text, not UTF-8; save it as UTF-8");
    EXPECT_EQ(
        error_of<FormatError>([&] { (void)plan_from_json(utf16.substr(2), "ke-hoach-16.json"); }),
        "ke-hoach-16.json: line 1: the file is UTF-16 text, not UTF-8; save it as UTF-8");
}

TEST(PlanJson, ANumberTooLargeForADoubleIsAFormatError) {
    std::string text = minimal_plan_json();
    text.replace(text.find("\"top\": 10"), 9, "\"top\": 1e999");
    EXPECT_EQ(error_of<FormatError>([&] { (void)plan_from_json(text, "p.json"); }),
              "p.json: line 5, column 68: the number 1e999 is too large (beyond about 1.8e308)");
    std::string huge = minimal_plan_json();
    huge.replace(huge.find("\"top\": 10"), 9, "\"top\": 18446744073709551615");
    const std::string msg = error_of<FormatError>([&] { (void)plan_from_json(huge, "p.json"); });
    EXPECT_NE(msg.find("goal.top: number out of range: 18446744073709551615"), std::string::npos)
        << msg;
}

TEST(PlanJson, ADuplicateKeyIsRefusedNamingItsPath) {
    std::string text = minimal_plan_json();
    text.replace(text.find(R"("pillar": "government")"), 22,
                 R"("pillar": "government", "name": "Tỷ lệ hồ sơ trực tuyến")");
    EXPECT_EQ(error_of<FormatError>([&] { (void)plan_from_json(text, "p.json"); }),
              "p.json: indicators[0].name: the key \"name\" appears twice in one object; keep "
              "one of them");
    std::string top = minimal_plan_json();
    const std::string id = R"("id": "thu-nghiem")";
    top.replace(top.find(id), id.size(), R"("id": "a", "id": "b")");
    EXPECT_EQ(error_of<FormatError>([&] { (void)plan_from_json(top, "p.json"); }),
              "p.json: id: the key \"id\" appears twice in one object; keep one of them");
}

TEST(PlanJson, DecomposedVietnameseIsReadComposed) {
    // "Thử Nghiệm" typed decomposed: u + U+031B (horn) + U+0309 (hook), e + U+0323 + U+0302.
    std::string text = minimal_plan_json();
    text.replace(text.find("\"commune\": \"Thử Nghiệm\""),
                 std::string("\"commune\": \"Thử Nghiệm\"").size(),
                 "\"commune\": \"Thu\xCC\x9B\xCC\x89 Nghie\xCC\xA3\xCC\x82m\"");
    EXPECT_EQ(plan_from_json(text, "p.json").commune, "Thử Nghiệm");
}

TEST(PlanJson, WrongSchemaIsRejected) {
    std::string text = minimal_plan_json();
    text.replace(text.find("dtiplan.plan/1"), 14, "dtiplan.plan/9");
    const std::string msg = error_of<FormatError>([&] { (void)plan_from_json(text, "p.json"); });
    EXPECT_NE(msg.find("p.json: schema"), std::string::npos) << msg;
}

TEST(PlanJson, StoredReadingIsTakenAsGiven) {
    std::string text = minimal_plan_json();
    text.replace(text.find(R"("source": {"section": "PL.I", "item": "03"}})"), 44,
                 R"("source": {"section": "PL.I", "item": "03"}, "kind": "rate",
                    "comparator": "at-least", "value": 0.85, "aspirational": true})");
    const Plan p = plan_from_json(text, "p.json");
    const TargetValue& v = p.indicators[0].targets[0].parsed;
    EXPECT_EQ(v.comparator, Comparator::AtLeast);
    EXPECT_DOUBLE_EQ(v.value, 0.85);
    EXPECT_TRUE(v.aspirational);
}

TEST(PlanJson, PartialReadingIsRejected) {
    std::string text = minimal_plan_json();
    text.replace(text.find(R"("source": {"section": "PL.I", "item": "03"}})"), 44,
                 R"("source": {"section": "PL.I", "item": "03"}, "value": 0.85})");
    const std::string msg = error_of<FormatError>([&] { (void)plan_from_json(text, "p.json"); });
    EXPECT_NE(msg.find("indicators[0].targets[0].value"), std::string::npos) << msg;
}

TEST(PlanJson, MilestoneOutsideThePeriodIsRejected) {
    std::string text = minimal_plan_json();
    text.replace(text.find("[2026, 2030]"), 12, "[2026, 2035]");
    const std::string msg = error_of<FormatError>([&] { (void)plan_from_json(text, "p.json"); });
    EXPECT_NE(msg.find("p.json: milestones[1]"), std::string::npos) << msg;
}

TEST(PlanJson, ReportingDayMustBeADayOfTheMonth) {
    std::string text = minimal_plan_json();
    text.replace(text.find(R"("unit_report_before_day": 20)"), 28,
                 R"("unit_report_before_day": 32)");
    const std::string msg = error_of<FormatError>([&] { (void)plan_from_json(text, "p.json"); });
    EXPECT_NE(msg.find("reporting.unit_report_before_day"), std::string::npos) << msg;
}

TEST(PlanJson, ReportingWindowDefaultsToDecree09AndIsKept) {
    EXPECT_EQ(plan_from_json(minimal_plan_json(), "p.json").reporting.window,
              ReportingWindow::Decree09);
    std::string text = minimal_plan_json();
    text.replace(text.find(R"("recipient": "VHXH")"), 19,
                 R"("recipient": "VHXH", "window": "calendar-month",
                "report_recipients": ["Sở Khoa học và Công nghệ;", "Lưu: VT, VHXH."])");
    const Plan p = plan_from_json(text, "p.json");
    EXPECT_EQ(p.reporting.window, ReportingWindow::CalendarMonth);
    ASSERT_EQ(p.reporting.report_recipients.size(), 2U);
    EXPECT_EQ(p.reporting.report_recipients[0], "Sở Khoa học và Công nghệ;");
    EXPECT_EQ(plan_from_json(plan_to_json(p), "again.json"), p);
}

TEST(PlanJson, UnknownReportingWindowListsTheAllowedOnes) {
    std::string text = minimal_plan_json();
    text.replace(text.find(R"("recipient": "VHXH")"), 19,
                 R"("recipient": "VHXH", "window": "tháng")");
    const std::string msg = error_of<FormatError>([&] { (void)plan_from_json(text, "p.json"); });
    EXPECT_NE(msg.find("reporting.window"), std::string::npos) << msg;
    EXPECT_NE(msg.find("\"decree-09\""), std::string::npos) << msg;
}

TEST(PlanJson, BuiltInPlanReportsInDecree09WindowsToItsRecipients) {
    const Plan p = builtin_plan();
    EXPECT_EQ(p.reporting.window, ReportingWindow::Decree09);
    ASSERT_FALSE(p.reporting.report_recipients.empty());
    EXPECT_EQ(p.reporting.report_recipients.front(), "Sở Khoa học và Công nghệ;");
    EXPECT_EQ(p.reporting.report_recipients.back(), "Lưu: VT, VHXH.");
}
