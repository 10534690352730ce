// Numbers in the plan's two languages (model/number_text.hpp): the one formatter behind target
// phrases ("Trên 2,5%") and the checker's messages.
#include <gtest/gtest.h>

#include <limits>

#include "dtiplan/model/number_text.hpp"
#include "dtiplan/model/target_phrase.hpp"

using namespace dtiplan;

TEST(FormatDecimal, DecimalCommaInVietnameseAndPointInEnglish) {
    EXPECT_EQ(format_decimal(2.5, Language::Vietnamese, 2), "2,5");
    EXPECT_EQ(format_decimal(2.5, Language::English, 2), "2.5");
    EXPECT_EQ(format_decimal(0.81395, Language::Vietnamese, 4), "0,814");
    EXPECT_EQ(format_decimal(80.0, Language::Vietnamese, 4), "80");
    EXPECT_EQ(format_decimal(-0.00001, Language::English, 2), "0");
    EXPECT_EQ(format_decimal(1.005, Language::English, 2), "1.01");  // as written, like the DTI
    EXPECT_EQ(format_decimal(std::numeric_limits<double>::quiet_NaN(), Language::English, 2),
              "NaN");
    EXPECT_EQ(format_decimal(std::numeric_limits<double>::infinity(), Language::English, 2), "∞");
    EXPECT_EQ(format_decimal(1e15, Language::English, 4), "1e+15");
}

TEST(FormatDecimal, TargetPhrasesUseIt) {
    TargetValue v;
    v.kind = MeasureKind::Rate;
    v.comparator = Comparator::Above;
    v.value = 0.025;
    EXPECT_EQ(format_target(v, Language::Vietnamese), "Trên 2,5%");
    EXPECT_EQ(comparator_word(Comparator::Exactly, Language::Vietnamese, true), "bằng");
    EXPECT_EQ(comparator_word(Comparator::AtLeast, Language::English, false), "at least");
}
