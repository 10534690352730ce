// The built-in plan holds every row of the seed (the plan document kept in data/source/):
// appendix I (6), appendix II (13) and every numeric rate of section III, with texts exactly as
// the signed document writes them.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "dtiplan/dtiplan.hpp"

using namespace dtiplan;

namespace {

const Plan& plan() {
    static const Plan p = builtin_plan();
    return p;
}

/// The seed text with every run of whitespace folded into one space.
const std::string& seed() {
    static const std::string text = [] {
        const std::filesystem::path file =
            std::filesystem::path(DTIPLAN_SEED_DIR) / "ke-hoach-dti-dai-phuoc-2026-2030.txt";
        std::ifstream in(file);
        std::ostringstream raw;
        raw << in.rdbuf();
        std::string folded;
        bool space = false;
        for (char c : raw.str()) {
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                space = true;
                continue;
            }
            if (space && !folded.empty()) folded += ' ';
            space = false;
            folded += c;
        }
        return folded;
    }();
    return text;
}

/// Whether `text` stands in the seed, allowing it to be split in at most `pieces` pieces at word
/// boundaries (a table row broken over two pages interleaves its cells).
bool in_seed(const std::string& text, int pieces = 3) {
    if (text.empty()) return true;
    if (seed().find(text) != std::string::npos) return true;
    if (pieces <= 1) return false;
    for (std::size_t cut = text.rfind(' '); cut != std::string::npos && cut > 0;
         cut = text.rfind(' ', cut - 1)) {
        if (seed().find(text.substr(0, cut)) != std::string::npos)
            return in_seed(text.substr(cut + 1), pieces - 1);
    }
    return false;
}

int count_with_prefix(const std::string& prefix) {
    return static_cast<int>(
        std::count_if(plan().indicators.begin(), plan().indicators.end(),
                      [&](const Indicator& i) { return i.id.rfind(prefix, 0) == 0; }));
}

}  // namespace

TEST(BuiltinPlan, HoldsEveryRowOfTheSeed) {
    EXPECT_EQ(plan().indicators.size(), 38U);
    EXPECT_EQ(count_with_prefix("I."), 6);
    EXPECT_EQ(count_with_prefix("II."), 13);
    EXPECT_EQ(count_with_prefix("III."), 19);
    for (int n = 1; n <= 6; ++n)
        EXPECT_NE(plan().find_indicator("I.0" + std::to_string(n)), nullptr) << n;
    for (int n = 1; n <= 13; ++n) {
        const std::string id = std::string(n < 10 ? "II.0" : "II.") + std::to_string(n);
        EXPECT_NE(plan().find_indicator(id), nullptr) << id;
    }
}

TEST(BuiltinPlan, EveryAppendixRowHasBothMilestonesAndATask) {
    for (const auto& ind : plan().indicators) {
        if (ind.id.rfind("III.", 0) == 0) continue;
        EXPECT_FALSE(ind.targets_for(2026).empty()) << ind.id;
        EXPECT_FALSE(ind.targets_for(2030).empty()) << ind.id;
        EXPECT_FALSE(ind.task.empty()) << ind.id;
        EXPECT_FALSE(ind.responsibility_text.lead.empty()) << ind.id;
    }
}

TEST(BuiltinPlan, TextsAreVerbatimFromTheSeed) {
    ASSERT_FALSE(seed().empty()) << "seed not found at " << DTIPLAN_SEED_DIR;
    for (const auto& ind : plan().indicators) {
        const bool appendix = ind.id.rfind("III.", 0) != 0;
        if (appendix) {
            EXPECT_TRUE(in_seed(ind.name)) << ind.id << ": " << ind.name;
        }
        EXPECT_TRUE(in_seed(ind.task)) << ind.id << ": " << ind.task;
        EXPECT_TRUE(in_seed(ind.responsibility_text.lead)) << ind.id;
        EXPECT_TRUE(in_seed(ind.responsibility_text.coordinating)) << ind.id;
        EXPECT_TRUE(in_seed(ind.responsibility_text.tracking)) << ind.id;
        for (const auto& t : ind.targets)
            EXPECT_TRUE(in_seed(t.text)) << ind.id << " " << t.year << ": " << t.text;
    }
    EXPECT_TRUE(in_seed(plan().goal.text));
    EXPECT_TRUE(in_seed(plan().title));
}

TEST(BuiltinPlan, TargetsReadAsTheirPhrasesSay) {
    const Indicator* usage = plan().find_indicator("I.03");
    ASSERT_NE(usage, nullptr);
    EXPECT_EQ(usage->name, "Tỷ lệ sử dụng dịch vụ công trực tuyến của người dân và doanh nghiệp");
    const Target& t2026 = *usage->targets_for(2026).at(0);
    EXPECT_EQ(t2026.text, "Trên 80%");
    EXPECT_EQ(t2026.parsed.comparator, Comparator::Above);
    EXPECT_FALSE(t2026.met(0.80));
    EXPECT_TRUE(t2026.met(0.805));

    const Target& platforms = *plan().find_indicator("II.02")->targets_for(2026).at(0);
    EXPECT_EQ(platforms.parsed.kind, MeasureKind::CountOfTotal);
    EXPECT_EQ(platforms.parsed.denominator, 9.0);
    EXPECT_TRUE(platforms.met(9));
    EXPECT_FALSE(platforms.met(8));

    const Target& staff = *plan().find_indicator("I.02")->targets_for(2026).at(0);
    EXPECT_EQ(staff.text,
              "Phần đầu đạt 10%/tổng số cán bộ, công chức, viên chức các cơ quan, đơn vị xã");
    EXPECT_TRUE(staff.parsed.aspirational);
    EXPECT_DOUBLE_EQ(staff.parsed.value, 0.10);

    EXPECT_EQ(plan().find_indicator("II.01")->targets_for(2026).at(0)->parsed.kind,
              MeasureKind::Milestone);
    EXPECT_EQ(plan().find_indicator("II.03")->targets_for(2026).at(0)->parsed.kind,
              MeasureKind::YesNo);
}

TEST(BuiltinPlan, StoredReadingsAgreeWithTheParser) {
    for (const auto& ind : plan().indicators) {
        for (const auto& t : ind.targets) {
            const TargetValue v = parse_target_phrase(t.text);
            EXPECT_EQ(v.kind, t.parsed.kind) << ind.id << " " << t.text;
            EXPECT_EQ(v.comparator, t.parsed.comparator) << ind.id << " " << t.text;
            EXPECT_DOUBLE_EQ(v.value, t.parsed.value) << ind.id << " " << t.text;
            EXPECT_EQ(v.denominator, t.parsed.denominator) << ind.id << " " << t.text;
        }
    }
}

TEST(BuiltinPlan, SectionThreeRatesKeepBothSourcesWhenMerged) {
    const Indicator* usage = plan().find_indicator("I.03");
    EXPECT_NE(std::find(usage->sources.begin(), usage->sources.end(), SourceRef{"III.3.a", "7"}),
              usage->sources.end());
    const Indicator* signatures = plan().find_indicator("II.12");
    ASSERT_EQ(signatures->targets_for(2026).size(), 2U);
    EXPECT_EQ(signatures->targets_for(2026)[0]->text, "Trên 30% dân số trưởng thành có chữ ký số");
    EXPECT_EQ(signatures->targets_for(2026)[1]->source, (SourceRef{"III.3.c", "2"}));
    EXPECT_DOUBLE_EQ(signatures->targets_for(2026)[1]->parsed.value, 0.5);
    const Indicator* cashless = plan().find_indicator("III.3.b.01");
    ASSERT_NE(cashless, nullptr);
    EXPECT_EQ(cashless->name, "Tỷ lệ giao dịch không dùng tiền mặt");
    EXPECT_TRUE(cashless->assignments.empty());
    EXPECT_TRUE(cashless->targets.at(0).year_inferred);
}

TEST(BuiltinPlan, GoalAndReportingRules) {
    EXPECT_EQ(plan().goal.top, 10);
    EXPECT_EQ(plan().goal.of, 95);
    EXPECT_NE(plan().goal.text.find("nhóm 10 đơn vị cấp xã/phường"), std::string::npos);
    EXPECT_EQ(plan().reporting.unit_report_before_day, 20);
    EXPECT_EQ(plan().reporting.consolidated_report_before_day, 25);
    EXPECT_EQ(plan().find_unit(plan().reporting.consolidator)->short_name, "Phòng VH-XH");
    EXPECT_EQ(plan().milestones, (std::vector<int>{2026, 2030}));
}

TEST(BuiltinPlan, UnitsAndGroupsExpand) {
    EXPECT_EQ(plan().find_unit("DTNT")->level, Level::Upper);
    EXPECT_EQ(plan().expand("TTPVHCC"), (std::vector<std::string>{"TTPVHCC"}));
    const auto all = plan().expand("ALL");
    EXPECT_NE(std::find(all.begin(), all.end(), "PKT"), all.end());
    EXPECT_EQ(std::find(all.begin(), all.end(), "SKHCN"), all.end());
    EXPECT_THROW((void)plan().expand("KHONG-CO"), ValidationError);
}
