// The plan checker: every check fires on a small plan built to break it, stays silent on a plan
// that does not, and the built-in plan of Đại Phước gives the findings its seed calls for (the
// section III rates with no lead unit, I.06's shared lead, II.12's two 2026 targets).
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "dtiplan/dtiplan.hpp"

using namespace dtiplan;

namespace {

Unit unit(std::string id, std::string name, std::string short_name, Level level = Level::Commune) {
    return Unit{std::move(id), std::move(name), std::move(short_name), level};
}

/// A target read from its text, as a plan file without a stored reading is loaded.
Target target(int year, const std::string& text, SourceRef source, bool inferred = false) {
    Target t;
    t.year = year;
    t.text = text;
    t.parsed = parse_target_phrase(text);
    t.source = std::move(source);
    t.year_inferred = inferred;
    return t;
}

/// A target with a reading given by hand (possibly not what the text says).
Target stored(int year, const std::string& text, TargetValue parsed, SourceRef source) {
    Target t;
    t.year = year;
    t.text = text;
    t.parsed = std::move(parsed);
    t.source = std::move(source);
    return t;
}

TargetValue value(MeasureKind kind, Comparator cmp, double v,
                  std::optional<double> denominator = std::nullopt) {
    TargetValue tv;
    tv.kind = kind;
    tv.comparator = cmp;
    tv.value = v;
    tv.denominator = denominator;
    return tv;
}

Indicator indicator(std::string id, std::string name, std::vector<Target> targets,
                    std::vector<Assignment> assignments, std::vector<SourceRef> sources) {
    Indicator ind;
    ind.id = std::move(id);
    ind.name = std::move(name);
    ind.targets = std::move(targets);
    ind.assignments = std::move(assignments);
    ind.sources = std::move(sources);
    return ind;
}

/// A small plan that every check passes: a commune-led row, an upper-led row, a group used
/// only for coordination, and reporting to real units.
Plan valid_plan() {
    Plan p;
    p.id = "thu-nghiem-2026-2030";
    p.title = "Kế hoạch thử nghiệm nâng cao chỉ số chuyển đổi số";
    p.issuer = "UBND xã Thử Nghiệm";
    p.commune = "Thử Nghiệm";
    p.province = "Đồng Nai";
    p.start_year = 2026;
    p.end_year = 2030;
    p.milestones = {2026, 2030};
    p.reporting.consolidator = "VHXH";
    p.reporting.recipient = "UBND";
    p.reporting.sources = {{"V.2", "5"}, {"V.1", "3"}};
    p.units = {
        unit("UBND", "Ủy ban nhân dân xã Thử Nghiệm", "UBND xã"),
        unit("VHXH", "Phòng Văn hóa - Xã hội", "Phòng VH-XH"),
        unit("CAX", "Công an xã", "Công an xã"),
        unit("TTPVHCC", "Trung tâm Phục vụ hành chính công xã", "TT PVHCC"),
        unit("SKHCN", "Sở Khoa học và Công nghệ", "Sở KH&CN", Level::Upper),
    };
    p.groups = {UnitGroup{"ALL", "Các cơ quan, đơn vị; các ngành xã", true, {}, ""}};
    p.indicators = {
        indicator("I.03", "Tỷ lệ sử dụng dịch vụ công trực tuyến của người dân và doanh nghiệp",
                  {target(2026, "Trên 80%", {"PL.I", "03"}), target(2030, "100%", {"PL.I", "03"})},
                  {{"TTPVHCC", Role::Lead, ""}, {"VHXH", Role::Coordinating, ""}},
                  {{"PL.I", "03"}}),
        indicator("II.04", "Tỷ lệ công chức, viên chức được bồi dưỡng, tập huấn về chuyển đổi số",
                  {target(2026, "100%", {"PL.II", "04"}), target(2030, "100%", {"PL.II", "04"})},
                  {{"SKHCN", Role::UpperLead, ""},
                   {"ALL", Role::Coordinating, ""},
                   {"VHXH", Role::Tracking, ""}},
                  {{"PL.II", "04"}}),
    };
    return p;
}

std::vector<Finding> with_code(const std::vector<Finding>& all, const std::string& code) {
    std::vector<Finding> out;
    std::copy_if(all.begin(), all.end(), std::back_inserter(out),
                 [&](const Finding& f) { return f.code == code; });
    return out;
}

std::vector<Finding> check(const Plan& p, const std::string& code) {
    return with_code(check_plan(p), code);
}

bool contains(const std::string& haystack, const std::string& needle) {
    return haystack.find(needle) != std::string::npos;
}

Indicator& ind(Plan& p, const std::string& id) {
    for (auto& i : p.indicators)
        if (i.id == id) return i;
    throw std::out_of_range(id);
}

}  // namespace

// --- A valid plan -----------------------------------------------------------------------------

TEST(CheckPlan, ValidPlanHasNoFindings) {
    const auto findings = check_plan(valid_plan());
    for (const auto& f : findings) ADD_FAILURE() << f.code << ": " << f.message_en;
    EXPECT_FALSE(has_errors(findings));
}

TEST(CheckPlan, HasErrorsOnlyWhenSomeFindingIsAnError) {
    Finding info;
    info.severity = Severity::Info;
    Finding warning;
    warning.severity = Severity::Warning;
    Finding error;
    error.severity = Severity::Error;
    EXPECT_FALSE(has_errors({}));
    EXPECT_FALSE(has_errors({info, warning}));
    EXPECT_TRUE(has_errors({info, error, warning}));
}

TEST(CheckPlan, IsDeterministic) {
    Plan p = valid_plan();
    p.units.push_back(p.units[1]);
    ind(p, "I.03").assignments.push_back({"PHONGMA", Role::Lead, ""});
    EXPECT_EQ(check_plan(p), check_plan(p));
}

// --- Errors -----------------------------------------------------------------------------------

TEST(CheckPlan, DuplicateUnitIdIsAnError) {
    Plan p = valid_plan();
    p.units.push_back(unit("VHXH", "Phòng Văn hóa - Xã hội (bản sao)", "Phòng VH-XH 2"));
    p.units.push_back(unit("VHXH", "Phòng Văn hóa - Xã hội (bản sao 2)", "Phòng VH-XH 3"));
    const auto f = check(p, "unit.duplicate-id");
    ASSERT_EQ(f.size(), 1U);  // one finding per duplicated id, however often it repeats
    EXPECT_EQ(f[0].severity, Severity::Error);
    EXPECT_EQ(f[0].units, std::vector<std::string>{"VHXH"});
    EXPECT_TRUE(contains(f[0].message_vi, "“VHXH” bị khai báo 3 lần")) << f[0].message_vi;
    EXPECT_TRUE(contains(f[0].message_en, "declared 3 times")) << f[0].message_en;
    // The indicators that name the id are listed, with their sources.
    EXPECT_EQ(f[0].indicators, (std::vector<std::string>{"I.03", "II.04"}));
    EXPECT_TRUE(has_errors(check_plan(p)));
}

TEST(CheckPlan, DuplicateGroupIdIsAnError) {
    Plan p = valid_plan();
    p.groups.push_back(UnitGroup{"ALL", "Các cơ quan, đơn vị xã", false, {"VHXH"}, ""});
    const auto f = check(p, "group.duplicate-id");
    ASSERT_EQ(f.size(), 1U);
    EXPECT_EQ(f[0].severity, Severity::Error);
    EXPECT_EQ(f[0].units, std::vector<std::string>{"ALL"});
    EXPECT_TRUE(contains(f[0].message_vi, "Mã nhóm “ALL” bị khai báo 2 lần"));
}

TEST(CheckPlan, GroupIdEqualToAUnitIdIsAnError) {
    Plan p = valid_plan();
    p.groups.push_back(UnitGroup{"CAX", "Lực lượng công an", false, {"CAX"}, ""});
    const auto f = check(p, "group.duplicate-id");
    ASSERT_EQ(f.size(), 1U);
    EXPECT_TRUE(contains(f[0].message_vi, "trùng với mã của đơn vị Công an xã")) << f[0].message_vi;
    EXPECT_TRUE(contains(f[0].message_en, "is also the id of the unit Công an xã"));
}

TEST(CheckPlan, DuplicateIndicatorIdIsAnErrorWithEverySource) {
    Plan p = valid_plan();
    Indicator copy = ind(p, "I.03");
    copy.name = "Tỷ lệ hồ sơ trực tuyến toàn trình";
    copy.sources = {{"PL.I", "04"}};
    p.indicators.push_back(copy);
    const auto f = check(p, "indicator.duplicate-id");
    ASSERT_EQ(f.size(), 1U);
    EXPECT_EQ(f[0].indicators, std::vector<std::string>{"I.03"});
    EXPECT_EQ(f[0].sources, (std::vector<SourceRef>{{"PL.I", "03"}, {"PL.I", "04"}}));
    EXPECT_TRUE(contains(f[0].message_vi, "Tỷ lệ hồ sơ trực tuyến toàn trình"));
}

TEST(CheckPlan, UnknownUnitInAssignmentIsAnError) {
    Plan p = valid_plan();
    ind(p, "II.04").assignments.push_back({"PHONG-VHXH", Role::Coordinating, ""});
    ind(p, "II.04").assignments.push_back({"PHONG-VHXH", Role::Tracking, ""});
    const auto f = check(p, "unit.unknown");
    ASSERT_EQ(f.size(), 1U);  // one per (indicator, id), naming both roles
    EXPECT_EQ(f[0].severity, Severity::Error);
    EXPECT_EQ(f[0].indicators, std::vector<std::string>{"II.04"});
    EXPECT_EQ(f[0].units, std::vector<std::string>{"PHONG-VHXH"});
    EXPECT_EQ(f[0].sources, (std::vector<SourceRef>{{"PL.II", "04"}}));
    EXPECT_TRUE(contains(f[0].message_vi,
                         "giao vai trò phối hợp và theo dõi, tổng hợp cho "
                         "“PHONG-VHXH”"))
        << f[0].message_vi;
    EXPECT_TRUE(contains(f[0].message_en, "neither a unit nor a group"));
}

TEST(CheckPlan, UnknownReportingUnitsAreErrors) {
    Plan p = valid_plan();
    p.reporting.consolidator = "VH-XH";
    p.reporting.recipient = "ALL";
    const auto f = check(p, "unit.unknown");
    ASSERT_EQ(f.size(), 2U);
    EXPECT_EQ(f[0].units, std::vector<std::string>{"VH-XH"});
    EXPECT_TRUE(contains(f[0].message_vi, "tổng hợp báo cáo"));
    EXPECT_EQ(f[0].sources, p.reporting.sources);
    EXPECT_TRUE(contains(f[1].message_vi, "là nhóm “Các cơ quan, đơn vị; các ngành xã”"))
        << f[1].message_vi;
    EXPECT_TRUE(f[1].indicators.empty());
}

TEST(CheckPlan, ReportingRulesLeftEmptyAreNotUnknownUnits) {
    Plan p = valid_plan();
    p.reporting = ReportingRules{};
    EXPECT_TRUE(check(p, "unit.unknown").empty());
}

TEST(CheckPlan, GroupMemberThatIsNoUnitIsAnError) {
    Plan p = valid_plan();
    p.groups.push_back(UnitGroup{"TTHC",
                                 "Các cơ quan, đơn vị giải quyết thủ tục hành chính xã",
                                 false,
                                 {"TTPVHCC", "VPHDND", "ALL"},
                                 ""});
    ind(p, "I.03").assignments.push_back({"TTHC", Role::Coordinating, ""});
    const auto f = check(p, "group.unknown-member");
    ASSERT_EQ(f.size(), 2U);
    EXPECT_EQ(f[0].units, (std::vector<std::string>{"TTHC", "VPHDND"}));
    EXPECT_EQ(f[0].indicators, std::vector<std::string>{"I.03"});
    EXPECT_TRUE(contains(f[1].message_en, "groups do not nest"));
}

TEST(CheckPlan, UnreachableTargetsAreErrors) {
    struct Case {
        const char* what;
        TargetValue v;
        bool unreachable;
    };
    const double nan = std::numeric_limits<double>::quiet_NaN();
    const std::vector<Case> cases = {
        {"trên 100%", value(MeasureKind::Rate, Comparator::Above, 1.0), true},
        {"đạt 120%", value(MeasureKind::Rate, Comparator::AtLeast, 1.2), true},
        {"đúng 150%", value(MeasureKind::Rate, Comparator::Exactly, 1.5), true},
        {"tỷ lệ âm", value(MeasureKind::Rate, Comparator::AtLeast, -0.1), true},
        {"NaN", value(MeasureKind::Rate, Comparator::AtLeast, nan), true},
        {"10/9", value(MeasureKind::CountOfTotal, Comparator::AtLeast, 10, 9), true},
        {"trên 9/9", value(MeasureKind::CountOfTotal, Comparator::Above, 9, 9), true},
        {"9/0", value(MeasureKind::CountOfTotal, Comparator::AtLeast, 9, 0), true},
        {"9 không có tổng", value(MeasureKind::CountOfTotal, Comparator::AtLeast, 9), true},
        {"có = 2", value(MeasureKind::YesNo, Comparator::Exactly, 2), true},
        {"mốc 0,5", value(MeasureKind::Milestone, Comparator::Exactly, 0.5), true},
        {"đạt 100%", value(MeasureKind::Rate, Comparator::AtLeast, 1.0), false},
        {"trên 99%", value(MeasureKind::Rate, Comparator::Above, 0.99), false},
        {"0%", value(MeasureKind::Rate, Comparator::AtLeast, 0.0), false},
        {"9/9", value(MeasureKind::CountOfTotal, Comparator::AtLeast, 9, 9), false},
        {"trên 8/9", value(MeasureKind::CountOfTotal, Comparator::Above, 8, 9), false},
        {"có", value(MeasureKind::YesNo, Comparator::Exactly, 1), false},
        {"chưa đạt mốc", value(MeasureKind::Milestone, Comparator::Exactly, 0), false},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.what);
        Plan p = valid_plan();
        ind(p, "I.03").targets[1] = stored(2030, c.what, c.v, {"PL.I", "03"});
        const auto f = check(p, "target.unreachable");
        ASSERT_EQ(f.size(), c.unreachable ? 1U : 0U);
        if (!c.unreachable) continue;
        EXPECT_EQ(f[0].severity, Severity::Error);
        EXPECT_EQ(f[0].indicators, std::vector<std::string>{"I.03"});
        EXPECT_EQ(f[0].sources, (std::vector<SourceRef>{{"PL.I", "03"}}));
        EXPECT_TRUE(contains(f[0].message_vi, "không thể đạt được")) << f[0].message_vi;
        EXPECT_TRUE(contains(f[0].message_en, "cannot be met")) << f[0].message_en;
    }
}

TEST(CheckPlan, TargetYearOutsideThePlanIsAnError) {
    Plan p = valid_plan();
    ind(p, "I.03").targets.push_back(target(2031, "100%", {"III.1", "1"}));
    ind(p, "I.03").targets.push_back(target(2025, "Trên 50%", {"III.1", "1"}));
    const auto f = check(p, "target.year-outside-plan");
    ASSERT_EQ(f.size(), 2U);
    EXPECT_TRUE(contains(f[0].message_vi, "năm 2031"));
    EXPECT_TRUE(contains(f[0].message_vi, "ngoài thời kỳ Kế hoạch 2026-2030"));
    EXPECT_TRUE(contains(f[1].message_en, "2025"));
    EXPECT_EQ(f[1].sources, (std::vector<SourceRef>{{"III.1", "1"}}));
}

// --- Warnings ---------------------------------------------------------------------------------

TEST(CheckPlan, IndicatorWithoutLeadCitesRequirementI2) {
    Plan p = valid_plan();
    p.indicators.push_back(indicator(
        "III.3.a.10",
        "Tỷ lệ thanh toán trực tuyến trong giải quyết thủ tục hành chính, dịch vụ công",
        {target(2026, "đạt trên 80%", {"III.3.a", "10"}), target(2030, "100%", {"III.3.a", "10"})},
        {{"VHXH", Role::Coordinating, ""}}, {{"III.3.a", "10"}}));
    const auto f = check(p, "responsibility.no-lead");
    ASSERT_EQ(f.size(), 1U);  // II.04 has an upper-level lead: that counts as a lead
    EXPECT_EQ(f[0].severity, Severity::Warning);
    EXPECT_EQ(f[0].indicators, std::vector<std::string>{"III.3.a.10"});
    EXPECT_EQ(f[0].sources.front(), (SourceRef{"III.3.a", "10"}));
    EXPECT_TRUE(contains(f[0].message_vi, "Chỉ tiêu III.3.a.10 (Tỷ lệ thanh toán trực tuyến"));
    EXPECT_TRUE(contains(f[0].message_vi, "chưa có đơn vị chủ trì; yêu cầu I.2 của Kế hoạch"));
    EXPECT_TRUE(contains(f[0].message_vi, "bộ phận chịu trách nhiệm chính"));
    EXPECT_TRUE(contains(f[0].message_en, "Indicator III.3.a.10 (Tỷ lệ thanh toán trực tuyến"));
    EXPECT_TRUE(contains(f[0].message_en, "has no lead unit; the plan's requirement I.2"));
}

TEST(CheckPlan, TwoLeadUnitsAreASharedLead) {
    Plan p = valid_plan();
    p.indicators.push_back(indicator(
        "I.06", "Tỷ lệ người dân biết kỹ năng về công nghệ thông tin và truyền thông",
        {target(2026, "Trên 70% người dân biết kỹ năng", {"PL.I", "06"}),
         target(2030, "90%", {"PL.I", "06"})},
        {{"VHXH", Role::Lead, ""}, {"CAX", Role::Lead, ""}, {"ALL", Role::Coordinating, ""}},
        {{"PL.I", "06"}}));
    const auto f = check(p, "responsibility.shared-lead");
    ASSERT_EQ(f.size(), 1U);
    EXPECT_EQ(f[0].indicators, std::vector<std::string>{"I.06"});
    EXPECT_EQ(f[0].units, (std::vector<std::string>{"VHXH", "CAX"}));
    EXPECT_TRUE(contains(f[0].message_vi, "2 đơn vị cùng chủ trì: Phòng VH-XH và Công an xã"))
        << f[0].message_vi;
    EXPECT_TRUE(contains(f[0].message_en, "Phòng VH-XH and Công an xã"));
}

TEST(CheckPlan, TheSameLeadNamedTwiceIsNotShared) {
    Plan p = valid_plan();
    ind(p, "I.03").assignments.push_back({"TTPVHCC", Role::Lead, "nhắc lại"});
    EXPECT_TRUE(check(p, "responsibility.shared-lead").empty());
}

TEST(CheckPlan, AGroupAsLeadIsReported) {
    Plan p = valid_plan();
    p.indicators.push_back(
        indicator("I.01",
                  "Các cơ quan, đơn vị, các ngành xã có bộ phận/đầu mối thực hiện nhiệm vụ chuyển "
                  "đổi số tại cơ quan, đơn vị",
                  {target(2026, "100%", {"PL.I", "01"}), target(2030, "100%", {"PL.I", "01"})},
                  {{"ALL", Role::Lead, ""}, {"VHXH", Role::Coordinating, ""}}, {{"PL.I", "01"}}));
    const auto f = check(p, "responsibility.group-lead");
    ASSERT_EQ(f.size(), 1U);  // II.04's group only coordinates
    EXPECT_EQ(f[0].indicators, std::vector<std::string>{"I.01"});
    EXPECT_EQ(f[0].units, std::vector<std::string>{"ALL"});
    // The group stands for the four commune units of the plan.
    EXPECT_TRUE(contains(f[0].message_vi, "cả nhóm “Các cơ quan, đơn vị; các ngành xã” (4 đơn vị)"))
        << f[0].message_vi;
    EXPECT_TRUE(contains(f[0].message_en, "no single unit answers for it"));
    EXPECT_TRUE(check(p, "responsibility.shared-lead").empty());
}

TEST(CheckPlan, TwoDifferentTargetsForOneYearConflict) {
    Plan p = valid_plan();
    p.indicators.push_back(
        indicator("II.12", "Tỷ lệ dân số trưởng thành có chữ ký số hoặc chữ ký điện tử cá nhân",
                  {target(2026, "Trên 30% dân số trưởng thành có chữ ký số", {"PL.II", "12"}),
                   target(2030, "70%", {"PL.II", "12"}),
                   target(2026, "đạt theo kỳ vọng 50%", {"III.3.c", "2"}),
                   target(2030, "70%", {"III.3.c", "2"})},
                  {{"SKHCN", Role::UpperLead, ""}, {"VHXH", Role::Tracking, ""}},
                  {{"PL.II", "12"}, {"III.3.c", "2"}}));
    const auto f = check(p, "target.conflict");
    ASSERT_EQ(f.size(), 1U);  // 2030 reads 70% in both places: no conflict
    EXPECT_EQ(f[0].severity, Severity::Warning);
    EXPECT_EQ(f[0].indicators, std::vector<std::string>{"II.12"});
    EXPECT_EQ(f[0].sources, (std::vector<SourceRef>{{"PL.II", "12"}, {"III.3.c", "2"}}));
    for (const auto* msg : {&f[0].message_vi, &f[0].message_en}) {
        EXPECT_TRUE(contains(*msg, "2026")) << *msg;
        EXPECT_TRUE(contains(*msg, "“Trên 30% dân số trưởng thành có chữ ký số”")) << *msg;
        EXPECT_TRUE(contains(*msg, "“đạt theo kỳ vọng 50%”")) << *msg;
    }
    EXPECT_TRUE(contains(f[0].message_vi, "Phụ lục II, STT 12"));
    EXPECT_TRUE(contains(f[0].message_vi, "Mục III.3.c, ý 2"));
    EXPECT_TRUE(contains(f[0].message_en, "Appendix II, row 12"));
}

TEST(CheckPlan, TargetsThatReadTheSameDoNotConflict) {
    Plan p = valid_plan();
    // "Trên 80%" (appendix) and "đạt trên 80%" (section III) say the same.
    ind(p, "I.03").targets.push_back(target(2026, "đạt trên 80%", {"III.3.a", "7"}, true));
    // "9/9" and "100%" say the same through as_fraction.
    ind(p, "II.04").targets.push_back(target(2030, "Ứng dụng 9/9 nền tảng", {"III.2.a", "1"}));
    EXPECT_TRUE(check(p, "target.conflict").empty());
}

TEST(CheckPlan, StrictAndNonStrictTargetsConflict) {
    Plan p = valid_plan();
    ind(p, "I.03").targets.push_back(target(2026, "đạt 80%", {"III.3.a", "7"}));
    EXPECT_EQ(check(p, "target.conflict").size(), 1U);
}

TEST(CheckPlan, TargetsOfKindsThatCannotBeComparedConflict) {
    Plan p = valid_plan();
    ind(p, "II.04")
        .targets.push_back(target(2026, "Trung tâm Tích hợp dữ liệu tỉnh được công nhận đạt chuẩn",
                                  {"III.2.a", "2"}));
    const auto f = check(p, "target.conflict");
    ASSERT_EQ(f.size(), 1U);
    EXPECT_TRUE(contains(f[0].message_vi, "đạt mốc")) << f[0].message_vi;
}

TEST(CheckPlan, ALaterTargetWeakerThanAnEarlierOneIsARegression) {
    Plan p = valid_plan();
    ind(p, "I.03").targets[1] = target(2030, "70%", {"PL.I", "03"});
    const auto f = check(p, "target.regression");
    ASSERT_EQ(f.size(), 1U);
    EXPECT_EQ(f[0].severity, Severity::Warning);
    EXPECT_EQ(f[0].indicators, std::vector<std::string>{"I.03"});
    EXPECT_TRUE(contains(f[0].message_vi, "chỉ tiêu năm 2030 “70%”")) << f[0].message_vi;
    EXPECT_TRUE(contains(f[0].message_vi, "thấp hơn chỉ tiêu năm 2026 “Trên 80%”"));
    EXPECT_TRUE(contains(f[0].message_en, "weaker than the 2026 target"));
}

TEST(CheckPlan, RegressionComparesComparatorsAtTheSameValue) {
    Plan p = valid_plan();
    ind(p, "I.03").targets[1] = target(2030, "80%", {"PL.I", "03"});  // đạt 80% after trên 80%
    EXPECT_EQ(check(p, "target.regression").size(), 1U);

    Plan q = valid_plan();
    ind(q, "I.03").targets[0] = target(2026, "đạt 80%", {"PL.I", "03"});
    ind(q, "I.03").targets[1] = target(2030, "Trên 80%", {"PL.I", "03"});  // stricter: fine
    EXPECT_TRUE(check(q, "target.regression").empty());
}

TEST(CheckPlan, RegressionSkipsKindsThatCannotBeCompared) {
    Plan p = valid_plan();
    ind(p, "I.03").targets[0] =
        target(2026, "Trung tâm Tích hợp dữ liệu tỉnh được công nhận đạt chuẩn", {"PL.I", "03"});
    ind(p, "I.03").targets[1] = target(2030, "50%", {"PL.I", "03"});
    EXPECT_TRUE(check(p, "target.regression").empty());
    // A count of a total and a rate do compare: 9/9 then 50% is weaker.
    ind(p, "I.03").targets[0] = target(2026, "Ứng dụng 9/9 nền tảng", {"PL.I", "03"});
    EXPECT_EQ(check(p, "target.regression").size(), 1U);
}

TEST(CheckPlan, RegressionFollowsTheIndicatorsDirection) {
    Plan p = valid_plan();
    ind(p, "I.03").direction = Direction::Decrease;
    ind(p, "I.03").targets = {target(2026, "10%", {"PL.I", "03"}),
                              target(2030, "20%", {"PL.I", "03"})};
    EXPECT_EQ(check(p, "target.regression").size(), 1U);
    ind(p, "I.03").targets[1] = target(2030, "5%", {"PL.I", "03"});
    EXPECT_TRUE(check(p, "target.regression").empty());
}

TEST(CheckPlan, StoredReadingThatDiffersFromTheTextIsReported) {
    Plan p = valid_plan();
    ind(p, "I.03").targets[0] =
        stored(2026, "Đạt 80%", value(MeasureKind::Rate, Comparator::Above, 0.8), {"PL.I", "03"});
    const auto f = check(p, "target.text-mismatch");
    ASSERT_EQ(f.size(), 1U);
    EXPECT_EQ(f[0].severity, Severity::Warning);
    EXPECT_EQ(f[0].sources, (std::vector<SourceRef>{{"PL.I", "03"}}));
    EXPECT_TRUE(contains(f[0].message_vi, "cách đọc đã lưu (trên 80%)")) << f[0].message_vi;
    EXPECT_TRUE(contains(f[0].message_vi, "câu chữ “Đạt 80%” nói (đạt 80%)"));
    EXPECT_TRUE(contains(f[0].message_en, "the stored reading (above 80%)"));
}

TEST(CheckPlan, TextThatCannotBeReadIsATextMismatch) {
    Plan p = valid_plan();
    ind(p, "I.03").targets[0] =
        stored(2026, "Trên tám mươi phần trăm", value(MeasureKind::Rate, Comparator::Above, 0.8),
               {"PL.I", "03"});
    const auto f = check(p, "target.text-mismatch");
    ASSERT_EQ(f.size(), 1U);
    EXPECT_TRUE(contains(f[0].message_vi, "không đọc được câu chữ “Trên tám mươi phần trăm”"))
        << f[0].message_vi;
    EXPECT_TRUE(contains(f[0].message_en, "cannot be read as a target"));
}

TEST(CheckPlan, AspirationAndBasisAreNotPartOfTheReadingCompared) {
    Plan p = valid_plan();
    TargetValue v = value(MeasureKind::Rate, Comparator::AtLeast, 1.0);
    v.aspirational = true;  // "Phấn đấu" carried over from the sentence around the figure
    v.basis = "dịch vụ công đủ điều kiện";
    ind(p, "I.03").targets[1] = stored(2030, "đạt 100%", v, {"III.1", "1"});
    EXPECT_TRUE(check(p, "target.text-mismatch").empty());
}

// --- Info -------------------------------------------------------------------------------------

TEST(CheckPlan, MissingMilestoneIsOneFindingPerIndicator) {
    Plan p = valid_plan();
    ind(p, "I.03").targets.pop_back();  // no 2030
    ind(p, "II.04").targets.clear();    // neither year
    const auto f = check(p, "target.missing-milestone");
    ASSERT_EQ(f.size(), 2U);
    EXPECT_EQ(f[0].severity, Severity::Info);
    EXPECT_EQ(f[0].indicators, std::vector<std::string>{"I.03"});
    EXPECT_TRUE(contains(f[0].message_vi, "chưa có chỉ tiêu cho năm mốc 2030")) << f[0].message_vi;
    EXPECT_TRUE(contains(f[1].message_vi, "các năm mốc 2026, 2030")) << f[1].message_vi;
    EXPECT_TRUE(contains(f[1].message_en, "milestone years 2026, 2030"));
}

TEST(CheckPlan, InferredYearsAreListedInOneFinding) {
    Plan p = valid_plan();
    ind(p, "I.03").targets[0].year_inferred = true;
    ind(p, "II.04").targets[0].year_inferred = true;
    const auto f = check(p, "target.year-inferred");
    ASSERT_EQ(f.size(), 1U);
    EXPECT_EQ(f[0].severity, Severity::Info);
    EXPECT_EQ(f[0].indicators, (std::vector<std::string>{"I.03", "II.04"}));
    EXPECT_EQ(f[0].sources, (std::vector<SourceRef>{{"PL.I", "03"}, {"PL.II", "04"}}));
    EXPECT_TRUE(contains(f[0].message_vi, "2 chỉ tiêu (I.03, II.04)")) << f[0].message_vi;
    EXPECT_TRUE(contains(f[0].message_vi, "năm được suy ra là 2026"));
}

TEST(CheckPlan, ATargetKindThatChangesAcrossYearsIsNoted) {
    Plan p = valid_plan();
    ind(p, "II.04").targets[0] =
        target(2026, "Trung tâm Tích hợp dữ liệu tỉnh được công nhận đạt chuẩn", {"PL.II", "04"});
    const auto f = check(p, "target.kind-change");
    ASSERT_EQ(f.size(), 1U);
    EXPECT_EQ(f[0].severity, Severity::Info);
    EXPECT_EQ(f[0].indicators, std::vector<std::string>{"II.04"});
    EXPECT_TRUE(contains(f[0].message_vi, "năm 2026 là mốc định tính")) << f[0].message_vi;
    EXPECT_TRUE(contains(f[0].message_vi, "năm 2030 là tỷ lệ (“100%”)"));
    EXPECT_TRUE(contains(f[0].message_en, "cannot be compared directly"));
}

// --- Order ------------------------------------------------------------------------------------

TEST(CheckPlan, FindingsComeByCheckThenInThePlansOrder) {
    Plan p = valid_plan();
    p.units.push_back(p.units[2]);                                              // unit.duplicate-id
    ind(p, "II.04").assignments.clear();                                        // no-lead
    ind(p, "I.03").assignments.clear();                                         // no-lead
    ind(p, "I.03").assignments.push_back({"KHONGCO", Role::Coordinating, ""});  // unit.unknown
    ind(p, "I.03").targets[1] = target(2030, "70%", {"PL.I", "03"});            // regression
    ind(p, "I.03").targets[0].year_inferred = true;                             // year-inferred
    const auto f = check_plan(p);
    std::vector<std::pair<std::string, std::string>> got;
    got.reserve(f.size());
    for (const auto& x : f) got.emplace_back(x.code, x.indicators.empty() ? "" : x.indicators[0]);
    const std::vector<std::pair<std::string, std::string>> want = {
        {"unit.duplicate-id", ""},          {"unit.unknown", "I.03"},
        {"responsibility.no-lead", "I.03"}, {"responsibility.no-lead", "II.04"},
        {"target.regression", "I.03"},      {"target.year-inferred", "I.03"},
    };
    EXPECT_EQ(got, want);
}

// --- The built-in plan ------------------------------------------------------------------------

namespace {

const std::vector<Finding>& builtin_findings() {
    static const std::vector<Finding> f = check_plan(builtin_plan());
    return f;
}

std::vector<std::string> indicators_of(const std::vector<Finding>& fs) {
    std::vector<std::string> out;
    for (const auto& f : fs) out.insert(out.end(), f.indicators.begin(), f.indicators.end());
    return out;
}

bool has_source(const Finding& f, const std::string& section, const std::string& item) {
    return std::find(f.sources.begin(), f.sources.end(), SourceRef{section, item}) !=
           f.sources.end();
}

}  // namespace

TEST(CheckPlanBuiltIn, HasNoErrors) {
    const auto& f = builtin_findings();
    for (const auto& x : f)
        if (x.severity == Severity::Error) ADD_FAILURE() << x.code << ": " << x.message_en;
    EXPECT_FALSE(has_errors(f));
}

TEST(CheckPlanBuiltIn, EverySectionThreeOnlyIndicatorHasNoLead) {
    const Plan p = builtin_plan();
    std::vector<std::string> section_three;
    for (const auto& i : p.indicators)
        if (i.id.rfind("III.", 0) == 0) section_three.push_back(i.id);
    EXPECT_EQ(section_three.size(), 19U);
    const auto f = with_code(builtin_findings(), "responsibility.no-lead");
    EXPECT_EQ(indicators_of(f), section_three);  // one each, in the plan's order; no appendix row
    for (const auto& x : f) {
        EXPECT_EQ(x.severity, Severity::Warning);
        EXPECT_TRUE(contains(x.message_vi, "yêu cầu I.2 của Kế hoạch")) << x.message_vi;
        EXPECT_TRUE(has_source(x, "I.2", "2"));
    }
    const auto payment = std::find_if(f.begin(), f.end(), [](const Finding& x) {
        return x.indicators == std::vector<std::string>{"III.3.a.10"};
    });
    ASSERT_NE(payment, f.end());
    EXPECT_TRUE(contains(payment->message_vi, "Tỷ lệ thanh toán trực tuyến"));
    EXPECT_TRUE(has_source(*payment, "III.3.a", "10"));
}

TEST(CheckPlanBuiltIn, I06IsLedByPhongVHXHAndCongAnXa) {
    const auto f = with_code(builtin_findings(), "responsibility.shared-lead");
    ASSERT_EQ(f.size(), 1U);
    EXPECT_EQ(f[0].indicators, std::vector<std::string>{"I.06"});
    EXPECT_EQ(f[0].units, (std::vector<std::string>{"VHXH", "CAX"}));
    EXPECT_TRUE(contains(f[0].message_vi, "Phòng VH-XH và Công an xã")) << f[0].message_vi;
    EXPECT_TRUE(has_source(f[0], "PL.I", "06"));
}

TEST(CheckPlanBuiltIn, I01AndI02AreLedByEveryUnit) {
    const auto f = with_code(builtin_findings(), "responsibility.group-lead");
    EXPECT_EQ(indicators_of(f), (std::vector<std::string>{"I.01", "I.02"}));
    for (const auto& x : f) {
        EXPECT_EQ(x.units, std::vector<std::string>{"ALL"});
        EXPECT_TRUE(contains(x.message_vi, "“Các cơ quan, đơn vị; các ngành xã”"));
    }
}

TEST(CheckPlanBuiltIn, TheOnlyConflictIsTheDigitalSignatureTargetFor2026) {
    const auto f = with_code(builtin_findings(), "target.conflict");
    ASSERT_EQ(f.size(), 1U);
    EXPECT_EQ(f[0].indicators, std::vector<std::string>{"II.12"});
    EXPECT_EQ(f[0].sources, (std::vector<SourceRef>{{"PL.II", "12"}, {"III.3.c", "2"}}));
    EXPECT_TRUE(contains(f[0].message_vi, "cho năm 2026")) << f[0].message_vi;
    EXPECT_TRUE(contains(f[0].message_vi, "“Trên 30% dân số trưởng thành có chữ ký số”"));
    EXPECT_TRUE(contains(f[0].message_vi, "“đạt theo kỳ vọng 50%”"));
    EXPECT_TRUE(contains(f[0].message_en, "for 2026"));
}

TEST(CheckPlanBuiltIn, StoredReadingsAgreeWithTheTextsAndNeverRegress) {
    EXPECT_TRUE(with_code(builtin_findings(), "target.text-mismatch").empty());
    EXPECT_TRUE(with_code(builtin_findings(), "target.regression").empty());
}

TEST(CheckPlanBuiltIn, InfoFindings) {
    const auto kinds = with_code(builtin_findings(), "target.kind-change");
    EXPECT_EQ(indicators_of(kinds), (std::vector<std::string>{"II.01", "II.02", "II.03"}));

    const auto inferred = with_code(builtin_findings(), "target.year-inferred");
    ASSERT_EQ(inferred.size(), 1U);
    EXPECT_EQ(inferred[0].indicators.front(), "I.03");  // III.3.a bullet 7, merged into I.03

    const auto missing = with_code(builtin_findings(), "target.missing-milestone");
    const auto ids = indicators_of(missing);
    EXPECT_EQ(ids.size(), 18U);  // the section III rates, but III.3.a.05 has 2030 from III.1
    EXPECT_EQ(std::count(ids.begin(), ids.end(), "III.3.a.05"), 0);
    EXPECT_EQ(std::count(ids.begin(), ids.end(), "III.3.a.10"), 1);
}

TEST(CheckPlanBuiltIn, CountsByCode) {
    std::map<std::string, int> counts;
    for (const auto& f : builtin_findings()) ++counts[f.code];
    const std::map<std::string, int> want = {
        {"responsibility.no-lead", 19},   {"responsibility.shared-lead", 1},
        {"responsibility.group-lead", 2}, {"target.conflict", 1},
        {"target.missing-milestone", 18}, {"target.year-inferred", 1},
        {"target.kind-change", 3},
    };
    EXPECT_EQ(counts, want);
}
