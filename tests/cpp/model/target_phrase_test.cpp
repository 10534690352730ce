// Tests of the target-phrase reader and writer (src/model/target_phrase.cpp,
// docs/target-phrases.md): every target phrase of the Đại Phước plan, the rest of the grammar, the
// errors, met(), as_fraction() and format_target() in both languages.
#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <limits>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "dtiplan/error.hpp"
#include "dtiplan/model/target_phrase.hpp"

namespace {

using dtiplan::Comparator;
using dtiplan::Language;
using dtiplan::MeasureKind;
using dtiplan::parse_target_phrase;
using dtiplan::TargetPhraseError;
using dtiplan::TargetValue;

/// One phrase and its expected reading.
struct PhraseCase {
    const char* name;  ///< CamelCase, for the test name
    std::string_view phrase;
    MeasureKind kind;
    Comparator comparator;
    double value;
    std::optional<double> denominator;
    std::string_view basis;
    bool aspirational;
    /// The text to look for in the seed when the cell is split over a page break there.
    std::string_view seed_excerpt = {};
};

constexpr auto kRate = MeasureKind::Rate;
constexpr auto kCount = MeasureKind::CountOfTotal;
constexpr auto kYesNo = MeasureKind::YesNo;
constexpr auto kMilestone = MeasureKind::Milestone;
constexpr auto kAtLeast = Comparator::AtLeast;
constexpr auto kAbove = Comparator::Above;
constexpr auto kExactly = Comparator::Exactly;
constexpr std::optional<double> kNoTotal = std::nullopt;

constexpr std::string_view kCapDo = "hệ thống thông tin được phê duyệt cấp độ";

// Every target phrase of the plan: appendix I and II, columns "NĂM 2026" and "ĐẾN NĂM 2030",
// verbatim, then the rates of section III.
const std::vector<PhraseCase> kSeedCases{
    // Appendix I (commune units lead).
    {"AppendixI01Year2026",
     "100% cơ quan, đơn vị, các ngành xã có 02 công chức phụ trách chuyển đổi số", kRate, kAtLeast,
     1.0, kNoTotal, "cơ quan, đơn vị, các ngành xã có 02 công chức phụ trách chuyển đổi số", false},
    {"AppendixI01Year2030", "100%", kRate, kAtLeast, 1.0, kNoTotal, "", false},
    {"AppendixI02Year2026",
     "Phần đầu đạt 10%/tổng số cán bộ, công chức, viên chức các cơ quan, đơn vị xã", kRate,
     kAtLeast, 0.1, kNoTotal, "tổng số cán bộ, công chức, viên chức các cơ quan, đơn vị xã", true},
    {"AppendixI02Year2030", "100%", kRate, kAtLeast, 1.0, kNoTotal, "", false},
    {"AppendixI03Year2026", "Trên 80%", kRate, kAbove, 0.8, kNoTotal, "", false},
    {"AppendixI03Year2030", "100%", kRate, kAtLeast, 1.0, kNoTotal, "", false},
    {"AppendixI04Year2026", "100%", kRate, kAtLeast, 1.0, kNoTotal, "", false},
    {"AppendixI04Year2030", "100%", kRate, kAtLeast, 1.0, kNoTotal, "", false},
    {"AppendixI05Year2026", "100%", kRate, kAtLeast, 1.0, kNoTotal, "", false},
    {"AppendixI05Year2030", "100%", kRate, kAtLeast, 1.0, kNoTotal, "", false},
    {"AppendixI06Year2026",
     "Trên 70% người dân biết kỹ năng về công nghệ thông tin và truyền thông", kRate, kAbove, 0.7,
     kNoTotal, "người dân biết kỹ năng về công nghệ thông tin và truyền thông", false},
    {"AppendixI06Year2030", "90%", kRate, kAtLeast, 0.9, kNoTotal, "", false},
    // Appendix II (an upper-level body leads).
    {"AppendixII01Year2026", "Trung tâm Tích hợp dữ liệu tỉnh được công nhận đạt chuẩn", kMilestone,
     kExactly, 1.0, kNoTotal, "Trung tâm Tích hợp dữ liệu tỉnh được công nhận đạt chuẩn", false},
    {"AppendixII01Year2030", "100%", kRate, kAtLeast, 1.0, kNoTotal, "", false},
    {"AppendixII02Year2026", "Ứng dụng 9/9 nền tảng theo hướng dẫn và triển khai của cấp trên",
     kCount, kAtLeast, 9.0, 9.0, "nền tảng theo hướng dẫn và triển khai của cấp trên", false},
    {"AppendixII02Year2030", "100%", kRate, kAtLeast, 1.0, kNoTotal, "", false},
    {"AppendixII03Year2026", "Có ứng dụng AI phục vụ người dân, doanh nghiệp, cơ quan nhà nước",
     kYesNo, kExactly, 1.0, kNoTotal,
     "ứng dụng AI phục vụ người dân, doanh nghiệp, cơ quan nhà nước", false},
    {"AppendixII03Year2030", "100%", kRate, kAtLeast, 1.0, kNoTotal, "", false},
    {"AppendixII04Year2026", "100%", kRate, kAtLeast, 1.0, kNoTotal, "", false},
    {"AppendixII04Year2030", "100%", kRate, kAtLeast, 1.0, kNoTotal, "", false},
    {"AppendixII05Year2026",
     "100% công dân đủ điều kiện (công dân đã được cấp căn cước/căn cước công dân, có sử dụng điện "
     "thoại thông minh)",
     kRate, kAtLeast, 1.0, kNoTotal,
     "công dân đủ điều kiện (công dân đã được cấp căn cước/căn cước công dân, có sử dụng điện "
     "thoại "
     "thông minh)",
     false},
    {"AppendixII05Year2030", "100%", kRate, kAtLeast, 1.0, kNoTotal, "", false},
    {"AppendixII06Year2026", "100% hệ thống thông tin được phê duyệt cấp độ", kRate, kAtLeast, 1.0,
     kNoTotal, kCapDo, false},
    {"AppendixII06Year2030", "100%", kRate, kAtLeast, 1.0, kNoTotal, "", false},
    {"AppendixII07Year2026", "100% hệ thống thông tin được phê duyệt cấp độ", kRate, kAtLeast, 1.0,
     kNoTotal, kCapDo, false},
    {"AppendixII07Year2030", "100%", kRate, kAtLeast, 1.0, kNoTotal, "", false},
    // The seed breaks this cell over a page ("... cấp" / "độ"); joined here.
    {"AppendixII08Year2026", "100% hệ thống thông tin được phê duyệt cấp độ", kRate, kAtLeast, 1.0,
     kNoTotal, kCapDo, false, "100% hệ thống thông tin được phê duyệt cấp"},
    {"AppendixII08Year2030", "100%", kRate, kAtLeast, 1.0, kNoTotal, "", false},
    {"AppendixII09Year2026", "Đạt trên 1%", kRate, kAbove, 0.01, kNoTotal, "", false},
    {"AppendixII09Year2030", "3%", kRate, kAtLeast, 0.03, kNoTotal, "", false},
    {"AppendixII10Year2026", "Đạt trên 20%", kRate, kAbove, 0.2, kNoTotal, "", false},
    {"AppendixII10Year2030", "30%", kRate, kAtLeast, 0.3, kNoTotal, "", false},
    {"AppendixII11Year2026", "100%", kRate, kAtLeast, 1.0, kNoTotal, "", false},
    {"AppendixII11Year2030", "100%", kRate, kAtLeast, 1.0, kNoTotal, "", false},
    {"AppendixII12Year2026", "Trên 30% dân số trưởng thành có chữ ký số", kRate, kAbove, 0.3,
     kNoTotal, "dân số trưởng thành có chữ ký số", false},
    {"AppendixII12Year2030", "70%", kRate, kAtLeast, 0.7, kNoTotal, "", false},
    {"AppendixII13Year2026", "100%", kRate, kAtLeast, 1.0, kNoTotal, "", false},
    {"AppendixII13Year2030", "100%", kRate, kAtLeast, 1.0, kNoTotal, "", false},
    // Section III.
    {"SectionIII1PhanDau100", "phân đấu 100%", kRate, kAtLeast, 1.0, kNoTotal, "", true},
    {"SectionIII3aDat90", "đạt 90%", kRate, kAtLeast, 0.9, kNoTotal, "", false},
    {"SectionIII3aDat100", "đạt 100%", kRate, kAtLeast, 1.0, kNoTotal, "", false},
    {"SectionIII3aDat95", "đạt 95%", kRate, kAtLeast, 0.95, kNoTotal, "", false},
    {"SectionIII3aDatTren80", "đạt trên 80%", kRate, kAbove, 0.8, kNoTotal, "", false},
    {"SectionIII3aDatTren90", "đạt trên 90%", kRate, kAbove, 0.9, kNoTotal, "", false},
    {"SectionIII3bDatTren60", "đạt trên 60%", kRate, kAbove, 0.6, kNoTotal, "", false},
    {"SectionIII3cKyVong50", "đạt theo kỳ vọng 50%", kRate, kAtLeast, 0.5, kNoTotal, "", true},
    {"SectionIII3c70", "70%", kRate, kAtLeast, 0.7, kNoTotal, "", false},
};

// The rest of the grammar: case, decimals, comparators, counts, yes/no, milestones, whitespace.
const std::vector<PhraseCase> kGrammarCases{
    {"Dat90", "đạt 90%", kRate, kAtLeast, 0.9, kNoTotal, "", false},
    {"DatUpper100", "Đạt 100%", kRate, kAtLeast, 1.0, kNoTotal, "", false},
    {"DatTrenUpper1", "Đạt trên 1%", kRate, kAbove, 0.01, kNoTotal, "", false},
    {"AllCapitals", "ĐẠT TRÊN 80%", kRate, kAbove, 0.8, kNoTotal, "", false},
    {"PhanDauDat10", "Phấn đấu đạt 10%", kRate, kAtLeast, 0.1, kNoTotal, "", true},
    {"PhanDauCapitals", "PHẤN ĐẤU ĐẠT 10%", kRate, kAtLeast, 0.1, kNoTotal, "", true},
    {"PhanDauWithBasisAfterPercent", "Phấn đấu đạt 10% tổng số cán bộ", kRate, kAtLeast, 0.1,
     kNoTotal, "tổng số cán bộ", true},
    {"KyVongCapitals", "ĐẠT THEO KỲ VỌNG 50%", kRate, kAtLeast, 0.5, kNoTotal, "", true},
    {"DecimalComma", "Trên 2,5%", kRate, kAbove, 0.025, kNoTotal, "", false},
    {"DecimalPoint", "Trên 2.5%", kRate, kAbove, 0.025, kNoTotal, "", false},
    {"TwoDecimals", "Đạt 12,75%", kRate, kAtLeast, 0.1275, kNoTotal, "", false},
    {"SpaceBeforePercent", "Trên 80 %", kRate, kAbove, 0.8, kNoTotal, "", false},
    {"PercentInWords", "Trên 80 phần trăm", kRate, kAbove, 0.8, kNoTotal, "", false},
    {"TrenLen", "80% trở lên", kRate, kAtLeast, 0.8, kNoTotal, "", false},
    {"ToiThieu", "Tối thiểu 5%", kRate, kAtLeast, 0.05, kNoTotal, "", false},
    {"ItNhat", "Ít nhất 5%", kRate, kAtLeast, 0.05, kNoTotal, "", false},
    {"KhongThapHon", "Không thấp hơn 5%", kRate, kAtLeast, 0.05, kNoTotal, "", false},
    {"Bang", "Bằng 5%", kRate, kExactly, 0.05, kNoTotal, "", false},
    {"Dung", "Đúng 5%", kRate, kExactly, 0.05, kNoTotal, "", false},
    {"Zero", "0%", kRate, kAtLeast, 0.0, kNoTotal, "", false},
    {"ThousandPercent", "1000%", kRate, kAtLeast, 10.0, kNoTotal, "", false},
    {"SurroundingWhitespace", "  \tTrên 80%\n ", kRate, kAbove, 0.8, kNoTotal, "", false},
    {"NoBreakSpace", "Trên\u00a080%\u00a0", kRate, kAbove, 0.8, kNoTotal, "", false},
    {"BasisWhitespaceCollapsed", "100% hệ thống thông tin được phê duyệt cấp\n\nđộ", kRate,
     kAtLeast, 1.0, kNoTotal, kCapDo, false},
    {"CountAlone", "9/9", kCount, kAtLeast, 9.0, 9.0, "", false},
    {"CountSpaced", "9 / 9 nền tảng", kCount, kAtLeast, 9.0, 9.0, "nền tảng", false},
    {"CountOverTotal", "10/9", kCount, kAtLeast, 10.0, 9.0, "", false},
    {"CountPart", "Ứng dụng 6/9 nền tảng", kCount, kAtLeast, 6.0, 9.0, "nền tảng", false},
    {"CountAbove", "Trên 5/9 nền tảng", kCount, kAbove, 5.0, 9.0, "nền tảng", false},
    {"YesAlone", "Có", kYesNo, kExactly, 1.0, kNoTotal, "", false},
    {"YesCapitals", "CÓ ỨNG DỤNG AI", kYesNo, kExactly, 1.0, kNoTotal, "ỨNG DỤNG AI", false},
    {"No", "Không sử dụng giấy tờ", kYesNo, kExactly, 0.0, kNoTotal, "sử dụng giấy tờ", false},
    {"NoAlone", "Không", kYesNo, kExactly, 0.0, kNoTotal, "", false},
    {"YesAspirational", "Phấn đấu có ứng dụng AI", kYesNo, kExactly, 1.0, kNoTotal, "ứng dụng AI",
     true},
    {"MilestoneCapitals", "TRUNG TÂM TÍCH HỢP DỮ LIỆU TỈNH ĐƯỢC CÔNG NHẬN ĐẠT CHUẨN", kMilestone,
     kExactly, 1.0, kNoTotal, "TRUNG TÂM TÍCH HỢP DỮ LIỆU TỈNH ĐƯỢC CÔNG NHẬN ĐẠT CHUẨN", false},
    {"MilestoneHoanThanh", "Hoàn thành số hóa hồ sơ", kMilestone, kExactly, 1.0, kNoTotal,
     "Hoàn thành số hóa hồ sơ", false},
    {"MilestoneVanHanh", "Hệ thống camera được đưa vào vận hành", kMilestone, kExactly, 1.0,
     kNoTotal, "Hệ thống camera được đưa vào vận hành", false},
    {"MilestonePheDuyet", "Hồ sơ cấp độ 1 được phê duyệt", kMilestone, kExactly, 1.0, kNoTotal,
     "Hồ sơ cấp độ 1 được phê duyệt", false},
    {"MilestoneTrienKhai", "Triển khai Trung tâm dữ liệu", kMilestone, kExactly, 1.0, kNoTotal,
     "Triển khai Trung tâm dữ liệu", false},
    {"MilestoneAspirational", "Phấn đấu hoàn thành  số hóa", kMilestone, kExactly, 1.0, kNoTotal,
     "Phấn đấu hoàn thành số hóa", true},
};

std::string case_name(const testing::TestParamInfo<PhraseCase>& info) { return info.param.name; }

void expect_reading(const PhraseCase& c) {
    SCOPED_TRACE(std::string{"phrase: "} + std::string{c.phrase});
    const TargetValue v = parse_target_phrase(c.phrase);
    EXPECT_EQ(v.kind, c.kind);
    EXPECT_EQ(v.comparator, c.comparator);
    EXPECT_EQ(v.value, c.value);  // exact: "80%" is the double 0.8
    EXPECT_EQ(v.denominator, c.denominator);
    EXPECT_EQ(v.basis, c.basis);
    EXPECT_EQ(v.aspirational, c.aspirational);
}

/// Runs of whitespace as one space, so that table cells compare with the seed's text.
std::string collapse_spaces(std::string_view s) {
    std::string out;
    bool space = false;
    for (const char ch : s) {
        if (ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r') {
            space = true;
            continue;
        }
        if (space && !out.empty()) out += ' ';
        space = false;
        out += ch;
    }
    return out;
}

class TargetPhraseSeed : public testing::TestWithParam<PhraseCase> {};

TEST_P(TargetPhraseSeed, ReadsAsThePlanMeansIt) { expect_reading(GetParam()); }

TEST_P(TargetPhraseSeed, OccursVerbatimInTheSeed) {
    std::ifstream in(std::string{DTIPLAN_SEED_DIR} + "/ke-hoach-dti-dai-phuoc-2026-2030.txt");
    ASSERT_TRUE(in) << "seed not found under " << DTIPLAN_SEED_DIR;
    std::stringstream buf;
    buf << in.rdbuf();
    const std::string seed = collapse_spaces(buf.str());
    const PhraseCase& c = GetParam();
    const std::string_view excerpt = c.seed_excerpt.empty() ? c.phrase : c.seed_excerpt;
    EXPECT_NE(seed.find(collapse_spaces(excerpt)), std::string::npos) << excerpt;
}

TEST_P(TargetPhraseSeed, FormatReadsBack) {
    const TargetValue v = parse_target_phrase(GetParam().phrase);
    const TargetValue back = parse_target_phrase(dtiplan::format_target(v, Language::Vietnamese));
    EXPECT_EQ(back.kind, v.kind);
    EXPECT_EQ(back.comparator, v.comparator);
    EXPECT_EQ(back.value, v.value);
    EXPECT_EQ(back.denominator, v.denominator);
    EXPECT_EQ(back.aspirational, v.aspirational);
}

INSTANTIATE_TEST_SUITE_P(DaiPhuoc, TargetPhraseSeed, testing::ValuesIn(kSeedCases), case_name);

class TargetPhraseGrammar : public testing::TestWithParam<PhraseCase> {};

TEST_P(TargetPhraseGrammar, Reads) { expect_reading(GetParam()); }

INSTANTIATE_TEST_SUITE_P(Forms, TargetPhraseGrammar, testing::ValuesIn(kGrammarCases), case_name);

TEST(TargetPhraseSeedTable, CoversEveryCellOfBothAppendices) {
    int appendix = 0;
    for (const PhraseCase& c : kSeedCases)
        if (std::string_view{c.name}.starts_with("Appendix")) ++appendix;
    EXPECT_EQ(appendix, (6 + 13) * 2);  // 19 indicators, 2026 and 2030
}

TEST(TargetPhraseValues, PercentagesAreTheNearestDouble) {
    for (int p = 0; p <= 100; ++p) {
        const TargetValue v = parse_target_phrase(std::to_string(p) + "%");
        EXPECT_EQ(v.value, static_cast<double>(p) / 100.0) << p << "%";
    }
    EXPECT_EQ(parse_target_phrase("Trên 2,55%").value, 0.0255);
    EXPECT_EQ(parse_target_phrase("Trên 0,1%").value, 0.001);
}

// --- Errors -------------------------------------------------------------------------------------

struct ErrorCase {
    const char* name;
    std::string_view phrase;
};

const std::vector<ErrorCase> kErrorCases{
    {"Empty", ""},
    {"OnlySpaces", "   \t"},
    {"NumberWithoutPercent", "Trên 80"},
    {"BareNumber", "80"},
    {"NumberThenWords", "Có 02 công chức phụ trách"},
    {"OverThousandPercent", "Trên 1200%"},
    {"JustOverThousandPercent", "1000,5%"},
    {"Negative", "-5%"},
    {"NegativeAfterComparator", "Trên -5%"},
    {"NumberInWords", "Trên tám mươi phần trăm"},
    {"Gibberish", "abc"},
    {"ComparatorAlone", "Trên"},
    {"DatAlone", "Đạt"},
    {"ComparatorBeforeYes", "Trên có ứng dụng AI"},
    {"TwoComparators", "Trên bằng 5%"},
    {"ZeroTotal", "9/0"},
    {"PercentAfterCount", "9/9%"},
    {"PercentNotFirst", "Tỷ lệ hồ sơ được phê duyệt đạt 95%"},
    {"WordsBeforePercent", "Khoảng 80%"},
    {"Decomposed", "Tre\u0302n 80% nga\u0300nh"},
};

class TargetPhraseErrors : public testing::TestWithParam<ErrorCase> {};

TEST_P(TargetPhraseErrors, ThrowQuotingThePhrase) {
    const std::string_view phrase = GetParam().phrase;
    try {
        const TargetValue v = parse_target_phrase(phrase);
        ADD_FAILURE() << "no error for \"" << phrase << "\"; read as kind "
                      << static_cast<int>(v.kind) << ", value " << v.value;
    } catch (const TargetPhraseError& e) {
        // Messages are one line: a tab or a line break in the phrase is quoted escaped.
        std::string escaped;
        for (const char c : phrase) {
            if (c == '\t') {
                escaped += "\\t";
            } else if (c == '\n') {
                escaped += "\\n";
            } else {
                escaped += c;
            }
        }
        const std::string quoted = "\"" + escaped + "\"";
        EXPECT_NE(std::string{e.what()}.find(quoted), std::string::npos) << e.what();
        EXPECT_TRUE(e.where().empty());
        EXPECT_EQ(std::string{e.what()}, e.detail());
    }
}

TEST_P(TargetPhraseErrors, AreInvalidArguments) {
    EXPECT_THROW((void)parse_target_phrase(GetParam().phrase), dtiplan::Error);
    EXPECT_THROW((void)parse_target_phrase(GetParam().phrase), std::invalid_argument);
}

INSTANTIATE_TEST_SUITE_P(Unreadable, TargetPhraseErrors, testing::ValuesIn(kErrorCases),
                         [](const testing::TestParamInfo<ErrorCase>& i) { return i.param.name; });

TEST(TargetPhraseErrorMessage, NamesThePhraseAndTheExpectedForms) {
    try {
        (void)parse_target_phrase("Trên tám mươi phần trăm");
        FAIL() << "no error";
    } catch (const TargetPhraseError& e) {
        EXPECT_EQ(
            std::string{e.what()},
            "cannot read \"Trên tám mươi phần trăm\" as a target (expected e.g. \"Trên 80%\", "
            "\"100%\", \"9/9 ...\", \"Có ...\")");
    }
}

TEST(TargetPhraseErrorMessage, SaysWhyWhenItKnows) {
    try {
        (void)parse_target_phrase("Trên 80");
        FAIL() << "no error";
    } catch (const TargetPhraseError& e) {
        EXPECT_NE(std::string{e.what()}.find("no \"%\""), std::string::npos) << e.what();
    }
    try {
        (void)parse_target_phrase("Tre\u0302n 80% nga\u0300nh");
        FAIL() << "no error";
    } catch (const TargetPhraseError& e) {
        EXPECT_NE(std::string{e.what()}.find("NFC"), std::string::npos) << e.what();
    }
}

// --- met() and as_fraction() --------------------------------------------------------------------

TEST(TargetValueMet, AboveIsStrict) {
    const TargetValue v = parse_target_phrase("Trên 80%");
    EXPECT_FALSE(v.met(0.8));
    EXPECT_FALSE(v.met(0.8 + 1e-10));  // within the tolerance: not above
    EXPECT_TRUE(v.met(0.8001));
    EXPECT_TRUE(v.met(0.8 + 2e-9));
    EXPECT_FALSE(v.met(0.79));
    EXPECT_TRUE(v.met(1.0));
}

TEST(TargetValueMet, AtLeastIsNotStrict) {
    const TargetValue v = parse_target_phrase("Đạt 80%");
    EXPECT_TRUE(v.met(0.8));
    EXPECT_TRUE(v.met(0.7 + 0.1));    // 0.7999999999999999: a rounding is no miss
    EXPECT_TRUE(v.met(0.8 - 1e-10));  // within the tolerance
    EXPECT_FALSE(v.met(0.8 - 1e-8));  // beyond it
    EXPECT_FALSE(v.met(0.79));
    EXPECT_TRUE(v.met(0.95));
}

TEST(TargetValueMet, ExactlyWithinTolerance) {
    const TargetValue v = parse_target_phrase("Bằng 5%");
    EXPECT_TRUE(v.met(0.05));
    EXPECT_TRUE(v.met(0.05 + 5e-10));
    EXPECT_FALSE(v.met(0.05 + 1e-8));
    EXPECT_FALSE(v.met(0.06));
}

TEST(TargetValueMet, YesNoAndMilestone) {
    const TargetValue yes = parse_target_phrase("Có ứng dụng AI phục vụ người dân");
    EXPECT_TRUE(yes.met(1.0));
    EXPECT_FALSE(yes.met(0.0));
    const TargetValue no = parse_target_phrase("Không sử dụng giấy tờ");
    EXPECT_TRUE(no.met(0.0));
    EXPECT_FALSE(no.met(1.0));
    const TargetValue m =
        parse_target_phrase("Trung tâm Tích hợp dữ liệu tỉnh được công nhận đạt chuẩn");
    EXPECT_TRUE(m.met(1.0));
    EXPECT_FALSE(m.met(0.0));
}

TEST(TargetValueMet, CountsAndNan) {
    const TargetValue v = parse_target_phrase("Ứng dụng 9/9 nền tảng");
    EXPECT_TRUE(v.met(9.0));
    EXPECT_FALSE(v.met(8.0));
    EXPECT_FALSE(v.met(std::numeric_limits<double>::quiet_NaN()));
    EXPECT_FALSE(parse_target_phrase("Trên 80%").met(std::numeric_limits<double>::quiet_NaN()));
}

TEST(TargetValueAsFraction, RatesCountsAndYes) {
    EXPECT_EQ(parse_target_phrase("Trên 80%").as_fraction(), 0.8);
    EXPECT_EQ(parse_target_phrase("100%").as_fraction(), 1.0);
    EXPECT_EQ(parse_target_phrase("Ứng dụng 9/9 nền tảng").as_fraction(), 1.0);
    EXPECT_DOUBLE_EQ(parse_target_phrase("Ứng dụng 6/9 nền tảng").as_fraction(), 6.0 / 9.0);
    EXPECT_DOUBLE_EQ(parse_target_phrase("10/9").as_fraction(), 10.0 / 9.0);
    EXPECT_EQ(parse_target_phrase("Có ứng dụng AI").as_fraction(), 1.0);
    EXPECT_EQ(parse_target_phrase("Hoàn thành số hóa").as_fraction(), 1.0);
    TargetValue no_total;
    no_total.kind = MeasureKind::CountOfTotal;
    no_total.value = 3.0;
    EXPECT_EQ(no_total.as_fraction(), 3.0);
    no_total.denominator = 0.0;
    EXPECT_EQ(no_total.as_fraction(), 3.0);
}

// --- format_target ------------------------------------------------------------------------------

struct FormatCase {
    const char* name;
    std::string_view phrase;
    std::string_view vietnamese;
    std::string_view english;
};

const std::vector<FormatCase> kFormatCases{
    {"Above", "Trên 80%", "Trên 80%", "above 80%"},
    {"AtLeast", "100%", "Đạt 100%", "at least 100%"},
    {"Exactly", "Bằng 5%", "Bằng 5%", "exactly 5%"},
    {"DecimalComma", "Trên 2,5%", "Trên 2,5%", "above 2.5%"},
    {"TwoDecimals", "Đạt 12,75%", "Đạt 12,75%", "at least 12.75%"},
    {"Count", "Ứng dụng 9/9 nền tảng theo hướng dẫn và triển khai của cấp trên", "Đạt 9/9",
     "at least 9/9"},
    {"Yes", "Có ứng dụng AI phục vụ người dân, doanh nghiệp, cơ quan nhà nước", "Có", "yes"},
    {"No", "Không sử dụng giấy tờ", "Không", "no"},
    {"Milestone", "Trung tâm Tích hợp dữ liệu tỉnh được công nhận đạt chuẩn", "Đạt mốc",
     "milestone reached"},
    {"Aspirational", "Phần đầu đạt 10%/tổng số cán bộ, công chức, viên chức các cơ quan, đơn vị xã",
     "Phấn đấu đạt 10%", "aim: at least 10%"},
    {"AspirationalAbove", "Phấn đấu trên 80%", "Phấn đấu trên 80%", "aim: above 80%"},
};

class TargetPhraseFormat : public testing::TestWithParam<FormatCase> {};

TEST_P(TargetPhraseFormat, BothLanguages) {
    const TargetValue v = parse_target_phrase(GetParam().phrase);
    EXPECT_EQ(dtiplan::format_target(v, Language::Vietnamese), GetParam().vietnamese);
    EXPECT_EQ(dtiplan::format_target(v, Language::English), GetParam().english);
}

INSTANTIATE_TEST_SUITE_P(Phrases, TargetPhraseFormat, testing::ValuesIn(kFormatCases),
                         [](const testing::TestParamInfo<FormatCase>& i) { return i.param.name; });

TEST(TargetPhraseFormatValues, RoundsToTwoDecimalsAndDropsZeros) {
    TargetValue v;
    v.kind = MeasureKind::Rate;
    v.comparator = Comparator::Above;
    v.value = 0.123456;
    EXPECT_EQ(dtiplan::format_target(v, Language::Vietnamese), "Trên 12,35%");
    EXPECT_EQ(dtiplan::format_target(v, Language::English), "above 12.35%");
    v.value = 1.0 / 3.0;
    EXPECT_EQ(dtiplan::format_target(v, Language::Vietnamese), "Trên 33,33%");
    v.value = 0.1;  // 10.000000000000002 after * 100
    EXPECT_EQ(dtiplan::format_target(v, Language::Vietnamese), "Trên 10%");
    v.value = 0.025;
    EXPECT_EQ(dtiplan::format_target(v, Language::Vietnamese), "Trên 2,5%");
    v.value = -1e-12;
    EXPECT_EQ(dtiplan::format_target(v, Language::English), "above 0%");
    v.kind = MeasureKind::CountOfTotal;
    v.comparator = Comparator::AtLeast;
    v.value = 9.0;
    v.denominator = std::nullopt;
    EXPECT_EQ(dtiplan::format_target(v, Language::Vietnamese), "Đạt 9");
}

}  // namespace

TEST(TargetPhraseErrors, AHugePhraseGivesAShortOneLineMessage) {
    // 100 kB of a phrase that cannot be read: the message keeps its start and its end.
    std::string phrase = "Trên tám mươi phần trăm\n";
    while (phrase.size() < 100'000) phrase += "hồ sơ trực tuyến toàn trình ";
    phrase += "kết thúc";
    try {
        (void)parse_target_phrase(phrase);
        ADD_FAILURE() << "read as a target";
    } catch (const TargetPhraseError& e) {
        const std::string msg = e.what();
        EXPECT_LE(msg.size(), 1000U);
        EXPECT_EQ(msg.find('\n'), std::string::npos);
        EXPECT_EQ(msg.rfind("cannot read \"Trên tám mươi phần trăm\\nhồ sơ", 0), 0U) << msg;
        EXPECT_NE(msg.find(" … "), std::string::npos) << msg;
        EXPECT_NE(msg.find("kết thúc\" as a target"), std::string::npos) << msg;
    }
}
