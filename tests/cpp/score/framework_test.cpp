// Frameworks as JSON: the built-in default's shape, lossless round trips, atomic saves, and every
// validation error with the JSON path it names.
#include <gtest/gtest.h>

#include "temp_dir.hpp"

#include <filesystem>
#include <fstream>
#include <functional>
#include <random>
#include <string>

#include <nlohmann/json.hpp>

#include "dtiplan/dtiplan.hpp"
#include "dtiplan/score/framework.hpp"

namespace fs = std::filesystem;
using namespace dtiplan;
using dtiplan::test_support::TempDir;
using nlohmann::json;

namespace {

/// A small framework using every rule kind: two main indicators, 300 points.
json small_framework() {
    return json::parse(R"({
  "schema": "dtiplan.framework/1", "id": "thu-nghiem", "name": "Bộ chỉ số thử nghiệm",
  "sources": "Quyết định 922/QĐ-BTTTT", "assumptions": "Điểm thành phần là giả định",
  "main_indicators": [
    {"id": "NTS", "name": "Nhận thức số", "name_en": "Digital awareness", "pillar": "awareness",
     "max_points": 100, "components": [
       {"id": "NTS.01", "name": "Trưởng Ban Chỉ đạo chuyển đổi số", "max_points": 20,
        "rule": {"kind": "categorical", "levels": [
          {"value": 1, "share": 1.0, "label": "Trưởng ban là Chủ tịch"},
          {"value": 0.5, "share": 0.5, "label": "Trưởng ban là Phó Chủ tịch"},
          {"value": 0, "share": 0.0, "label": "Chưa có"}]},
        "indicators": [], "source": "bảng chỉ số cấp huyện", "assumed": false},
       {"id": "NTS.02", "name": "Số cuộc họp của Ban Chỉ đạo trong năm", "max_points": 20,
        "rule": {"kind": "steps", "steps": [
          {"threshold": 0.25, "points": 5}, {"threshold": 1.0, "points": 20},
          {"threshold": 0.5, "points": 10}, {"threshold": 0.75, "points": 15}]}},
       {"id": "NTS.03", "name": "Tỷ lệ người dân biết kỹ năng số", "max_points": 60,
        "rule": {"kind": "proportional"}, "indicators": ["I.06"], "assumed": true}]},
    {"id": "CQS", "name": "Hoạt động chính quyền số", "name_en": "Digital government",
     "pillar": "government", "max_points": 200, "components": [
       {"id": "CQS.01", "name": "Có ứng dụng AI", "max_points": 50, "rule": {"kind": "yes-no"},
        "indicators": ["II.03"]},
       {"id": "CQS.02", "name": "Tỷ lệ thanh toán trực tuyến so với đơn vị tốt nhất",
        "max_points": 50, "rule": {"kind": "relative-to-best"}, "indicators": ["III.3.a.09"]},
       {"id": "CQS.03", "name": "Tỷ lệ sử dụng dịch vụ công trực tuyến", "max_points": 100,
        "rule": {"kind": "target"}, "indicators": ["I.03"]}]}]
})");
}

/// The where() of the error of type E that reading `doc` throws ("" and a failure if none).
template <class E>
std::string where_of(const json& doc) {
    try {
        (void)framework_from_json(doc.dump(), "khung.json");
    } catch (const E& e) {
        return e.where();
    } catch (const std::exception& e) {
        ADD_FAILURE() << "wrong exception type: " << e.what();
        return {};
    }
    ADD_FAILURE() << "expected an exception";
    return {};
}

}  // namespace

TEST(FrameworkBuiltIn, HasEightMainIndicatorsThousandPointsAndFortySevenComponents) {
    const Framework f = builtin_framework();
    EXPECT_EQ(f.main_indicators.size(), 8U);
    EXPECT_DOUBLE_EQ(f.max_points(), 1000.0);
    EXPECT_EQ(f.component_count(), 47U);
    const char* names[] = {"Nhận thức số",
                           "Thể chế số",
                           "Hạ tầng số",
                           "Nhân lực số",
                           "An toàn thông tin mạng",
                           "Hoạt động chính quyền số",
                           "Hoạt động kinh tế số",
                           "Hoạt động xã hội số"};
    const double points[] = {100, 100, 100, 100, 100, 200, 150, 150};
    for (std::size_t i = 0; i < 8; ++i) {
        EXPECT_EQ(f.main_indicators[i].name, names[i]);
        EXPECT_DOUBLE_EQ(f.main_indicators[i].max_points, points[i]);
        EXPECT_EQ(f.main_indicators[i].pillar, kAllPillars[i]);
    }
    EXPECT_FALSE(f.sources.empty());
    EXPECT_FALSE(f.assumptions.empty());
}

TEST(FrameworkBuiltIn, RoundTripIsLossless) {
    const Framework f = builtin_framework();
    EXPECT_EQ(framework_from_json(framework_to_json(f), "lai.json"), f);
}

TEST(FrameworkBuiltIn, FindsMainIndicatorsByIdOrNameAndComponentsById) {
    const Framework f = builtin_framework();
    ASSERT_NE(f.find_main("CQS"), nullptr);
    EXPECT_EQ(f.find_main("Hoạt động chính quyền số"), f.find_main("CQS"));
    EXPECT_EQ(f.find_main("hoạt động chính quyền số"), nullptr);  // exact only
    ASSERT_NE(f.find_component("NTS.02"), nullptr);
    EXPECT_EQ(f.find_component("NTS.02")->rule.kind, RuleKind::Steps);
    EXPECT_EQ(f.find_component("NTS"), nullptr);
}

TEST(FrameworkJson, ReadsEveryRuleKind) {
    const Framework f = framework_from_json(small_framework().dump(), "khung.json");
    ASSERT_EQ(f.main_indicators.size(), 2U);
    EXPECT_EQ(f.id, "thu-nghiem");
    EXPECT_DOUBLE_EQ(f.max_points(), 300.0);
    EXPECT_EQ(f.component_count(), 6U);
    const Component& c1 = *f.find_component("NTS.01");
    ASSERT_EQ(c1.rule.levels.size(), 3U);
    EXPECT_EQ(c1.rule.levels[1].label, "Trưởng ban là Phó Chủ tịch");
    EXPECT_FALSE(c1.assumed);
    EXPECT_EQ(c1.source, "bảng chỉ số cấp huyện");
    EXPECT_EQ(f.find_component("NTS.03")->indicators, std::vector<std::string>{"I.06"});
    EXPECT_EQ(f.find_component("CQS.01")->rule.kind, RuleKind::YesNo);
    EXPECT_EQ(f.find_component("CQS.02")->rule.kind, RuleKind::RelativeToBest);
    EXPECT_EQ(f.find_component("CQS.03")->rule.kind, RuleKind::Target);
}

TEST(FrameworkJson, KeepsStepsSortedByDescendingThreshold) {
    const Framework f = framework_from_json(small_framework().dump(), "khung.json");
    const auto& steps = f.find_component("NTS.02")->rule.steps;
    const std::vector<Step> expected{{1.0, 20}, {0.75, 15}, {0.5, 10}, {0.25, 5}};
    EXPECT_EQ(steps, expected);
}

TEST(FrameworkJson, RoundTripIsLossless) {
    const Framework f = framework_from_json(small_framework().dump(), "khung.json");
    const std::string text = framework_to_json(f);
    EXPECT_EQ(framework_from_json(text, "lai.json"), f);
    EXPECT_EQ(framework_to_json(framework_from_json(text, "lai.json")), text);
    EXPECT_NE(text.find("\"Nhận thức số\""), std::string::npos);  // UTF-8, not \u escapes
}

TEST(FrameworkJson, RuleKindSpellingsRoundTrip) {
    for (RuleKind k : {RuleKind::Proportional, RuleKind::Steps, RuleKind::Categorical,
                       RuleKind::YesNo, RuleKind::RelativeToBest, RuleKind::Target})
        EXPECT_EQ(rule_kind_from_string(to_string(k)), k);
    EXPECT_EQ(to_string(RuleKind::RelativeToBest), "relative-to-best");
    EXPECT_EQ(to_string(RuleKind::YesNo), "yes-no");
    EXPECT_FALSE(rule_kind_from_string("Proportional").has_value());
}

TEST(FrameworkJson, SavesAtomicallyAndLoads) {
    TempDir dir;
    const Framework f = framework_from_json(small_framework().dump(), "khung.json");
    const fs::path path = dir.path() / "khung.json";
    save_framework(f, path);
    EXPECT_EQ(load_framework(path), f);
    EXPECT_FALSE(fs::exists(dir.path() / "khung.json.tmp-dtiplan"));
    EXPECT_THROW((void)load_framework(dir.path() / "khong-co.json"), FileError);
    EXPECT_THROW(save_framework(f, dir.path() / "khong-co" / "khung.json"), FileError);
}

TEST(FrameworkJson, LoadErrorsNameTheFile) {
    TempDir dir;
    const fs::path path = dir.path() / "hong.json";
    {
        json doc = small_framework();
        doc["main_indicators"][0]["max_points"] = 90;
        std::ofstream(path) << doc.dump(2);
    }
    try {
        (void)load_framework(path);
        FAIL() << "expected a ValidationError";
    } catch (const ValidationError& e) {
        EXPECT_EQ(e.where(), path.string() + ": main_indicators[0].max_points");
    }
}

TEST(FrameworkJson, BadJsonNamesLineAndColumn) {
    try {
        (void)framework_from_json("{\n  \"schema\": \"dtiplan.framework/1\",\n  \"id\": }",
                                  "khung.json");
        FAIL() << "expected a FormatError";
    } catch (const FormatError& e) {
        EXPECT_EQ(e.where(), "khung.json: line 3, column 9");
    }
}

// ---- validation: one case per rule, each naming its JSON path ---------------------------------

struct InvalidCase {
    const char* name;
    std::function<void(json&)> mutate;
    bool format_error;  ///< FormatError (shape) rather than ValidationError (value)
    const char* where;
    const char* detail_contains;
};

class FrameworkValidation : public testing::TestWithParam<InvalidCase> {};

TEST_P(FrameworkValidation, NamesOriginAndPath) {
    const InvalidCase& c = GetParam();
    json doc = small_framework();
    c.mutate(doc);
    std::string message;
    try {
        (void)framework_from_json(doc.dump(), "khung.json");
        FAIL() << "expected an error";
    } catch (const ValidationError& e) {
        EXPECT_FALSE(c.format_error) << "got ValidationError: " << e.what();
        EXPECT_EQ(e.where(), std::string("khung.json: ") + c.where);
        message = e.detail();
    } catch (const FormatError& e) {
        EXPECT_TRUE(c.format_error) << "got FormatError: " << e.what();
        EXPECT_EQ(e.where(), std::string("khung.json: ") + c.where);
        message = e.detail();
    }
    EXPECT_NE(message.find(c.detail_contains), std::string::npos) << message;
}

const InvalidCase kInvalidCases[] = {
    {"ComponentPointsDoNotAddUp",
     [](json& d) { d["main_indicators"][0]["components"][2]["max_points"] = 55; }, false,
     "main_indicators[0].max_points", "add up to 95 points, not the main indicator's 100"},
    {"ComponentPointsAddUpOnlyRoughly",
     [](json& d) { d["main_indicators"][1]["components"][0]["max_points"] = 50.000001; }, false,
     "main_indicators[1].max_points", "add up to"},
    {"DuplicateMainId", [](json& d) { d["main_indicators"][1]["id"] = "NTS"; }, false,
     "main_indicators[1].id",
     "main indicator id \"NTS\" is given twice (also khung.json: "
     "main_indicators[0].id)"},
    {"DuplicateMainName", [](json& d) { d["main_indicators"][1]["name"] = "Nhận thức số"; }, false,
     "main_indicators[1].name", "is given twice"},
    {"DuplicateComponentIdAcrossMains",
     [](json& d) { d["main_indicators"][1]["components"][0]["id"] = "NTS.02"; }, false,
     "main_indicators[1].components[0].id", "component id \"NTS.02\" is given twice"},
    {"EmptyComponentId", [](json& d) { d["main_indicators"][0]["components"][0]["id"] = ""; },
     false, "main_indicators[0].components[0].id", "must not be empty"},
    {"MainMaxPointsZero", [](json& d) { d["main_indicators"][0]["max_points"] = 0; }, false,
     "main_indicators[0].max_points", "greater than 0"},
    {"ComponentMaxPointsNegative",
     [](json& d) { d["main_indicators"][1]["components"][1]["max_points"] = -5; }, false,
     "main_indicators[1].components[1].max_points", "greater than 0"},
    {"StepsRuleWithoutSteps",
     [](json& d) { d["main_indicators"][0]["components"][1]["rule"].erase("steps"); }, true,
     "main_indicators[0].components[1].rule.steps", "missing required field"},
    {"StepsRuleWithNoStep",
     [](json& d) { d["main_indicators"][0]["components"][1]["rule"]["steps"] = json::array(); },
     false, "main_indicators[0].components[1].rule.steps", "at least one step"},
    {"StepAboveComponentMax",
     [](json& d) { d["main_indicators"][0]["components"][1]["rule"]["steps"][1]["points"] = 25; },
     false, "main_indicators[0].components[1].rule.steps[1].points",
     "from 0 to the component's 20"},
    {"StepThresholdGivenTwice",
     [](json& d) {
         d["main_indicators"][0]["components"][1]["rule"]["steps"][2]["threshold"] = 0.25;
     },
     false, "main_indicators[0].components[1].rule.steps[2].threshold", "given twice"},
    {"CategoricalWithoutLevels",
     [](json& d) { d["main_indicators"][0]["components"][0]["rule"].erase("levels"); }, true,
     "main_indicators[0].components[0].rule.levels", "missing required field"},
    {"CategoricalWithNoLevel",
     [](json& d) { d["main_indicators"][0]["components"][0]["rule"]["levels"] = json::array(); },
     false, "main_indicators[0].components[0].rule.levels", "at least one level"},
    {"ShareAboveOne",
     [](json& d) { d["main_indicators"][0]["components"][0]["rule"]["levels"][1]["share"] = 1.5; },
     false, "main_indicators[0].components[0].rule.levels[1].share", "from 0 to 1"},
    {"ShareNegative",
     [](json& d) { d["main_indicators"][0]["components"][0]["rule"]["levels"][2]["share"] = -0.1; },
     false, "main_indicators[0].components[0].rule.levels[2].share", "from 0 to 1"},
    {"LevelValueGivenTwice",
     [](json& d) { d["main_indicators"][0]["components"][0]["rule"]["levels"][2]["value"] = 1; },
     false, "main_indicators[0].components[0].rule.levels[2].value", "given twice"},
    {"StepsOnAProportionalRule",
     [](json& d) { d["main_indicators"][0]["components"][2]["rule"]["steps"] = json::array(); },
     true, "main_indicators[0].components[2].rule.steps", "only a \"steps\" rule has steps"},
    {"UnknownRuleKind",
     [](json& d) { d["main_indicators"][1]["components"][0]["rule"]["kind"] = "boolean"; }, true,
     "main_indicators[1].components[0].rule.kind", "expected one of"},
    {"UnknownPillar", [](json& d) { d["main_indicators"][1]["pillar"] = "chính quyền"; }, true,
     "main_indicators[1].pillar", "expected one of"},
    {"UnknownField", [](json& d) { d["main_indicators"][0]["components"][2]["weight"] = 1; }, true,
     "main_indicators[0].components[2].weight", "unknown field"},
    {"WrongSchema", [](json& d) { d["schema"] = "dtiplan.plan/1"; }, true, "schema",
     "expected \"dtiplan.framework/1\""},
    {"NoMainIndicator", [](json& d) { d["main_indicators"] = json::array(); }, false,
     "main_indicators", "at least one main indicator"},
    {"MainWithoutComponents",
     [](json& d) { d["main_indicators"][0]["components"] = json::array(); }, false,
     "main_indicators[0].components", "at least one component"},
    {"IndicatorListedTwice",
     [](json& d) {
         d["main_indicators"][0]["components"][2]["indicators"] = json{"I.06", "I.06"};
     },
     false, "main_indicators[0].components[2].indicators[1]", "listed twice"},
    {"PointsAsText", [](json& d) { d["main_indicators"][0]["components"][2]["max_points"] = "60"; },
     true, "main_indicators[0].components[2].max_points", "expected a number"},
};

std::string case_name(const testing::TestParamInfo<InvalidCase>& c) { return c.param.name; }

INSTANTIATE_TEST_SUITE_P(FrameworkCases, FrameworkValidation, testing::ValuesIn(kInvalidCases),
                         case_name);
