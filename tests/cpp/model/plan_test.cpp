// How tables name a unit or a group (Plan::label_of): one rule for the command's tables, the
// observations' frames and the documents.
#include <gtest/gtest.h>

#include "dtiplan/io/builtin.hpp"
#include "dtiplan/model/plan.hpp"

using namespace dtiplan;

TEST(PlanLabelOf, NamesAUnitByItsShortName) {
    const Plan plan = builtin_plan();
    EXPECT_EQ(plan.label_of("VHXH"), "Phòng VH-XH");
    EXPECT_EQ(plan.label_of("UBND"), "UBND xã");
}

TEST(PlanLabelOf, FallsBackToTheNameThenTheId) {
    Plan plan;
    plan.units.push_back(Unit{"PKT", "Phòng Kinh tế", "", Level::Commune});
    plan.units.push_back(Unit{"X", "", "", Level::Commune});
    EXPECT_EQ(plan.label_of("PKT"), "Phòng Kinh tế");
    EXPECT_EQ(plan.label_of("X"), "X");
}

TEST(PlanLabelOf, NamesAGroupByItsNameAndAnUnknownIdByItself) {
    const Plan plan = builtin_plan();
    EXPECT_EQ(plan.label_of("ALL"), "Các cơ quan, đơn vị; các ngành xã");
    EXPECT_EQ(plan.label_of("KHONGCO"), "KHONGCO");
}
