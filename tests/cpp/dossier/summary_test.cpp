// The 766 index's threshold rule on the hand-made export's commune figures, worked out by hand.
#include <gtest/gtest.h>

#include "dossier/dossier_fixture.hpp"
#include "temp_dir.hpp"

#include "dtiplan/dossier/reader.hpp"
#include "dtiplan/dossier/summary.hpp"

using namespace dtiplan;
using namespace dtiplan::test_support;

TEST(DossierIndex766, ThresholdRuleOnTheCommunesNovember) {
    TempDir dir;
    write_text(dir.path() / "ho-so.csv", kDossierHeader + kDossierRows);
    const DossierSummary s = read_dossiers(dir.path() / "ho-so.csv", &dossier_plan());
    const Index766 idx = index_766(s.windows[0].commune, default_index_766_criteria());
    ASSERT_EQ(idx.criteria.size(), 5u);
    // on time 2/5, proportional: 0,4 x 20 = 8.
    EXPECT_EQ(idx.criteria[0].criterion, "2.1");
    EXPECT_DOUBLE_EQ(idx.criteria[0].points, 8.0);
    // online 3/5 = 60% at or above the 50% threshold: the full 12.
    EXPECT_DOUBLE_EQ(idx.criteria[1].points, 12.0);
    // online payment 1/4 = 25% under 50%: 0,25 x 10 / 0,5 = 5.
    EXPECT_DOUBLE_EQ(idx.criteria[2].points, 5.0);
    // digitised 4/6 under 80%: (2/3) x 11 / 0,8; electronic results 3/4 under 90%: 0,75 x 11 / 0,9.
    EXPECT_DOUBLE_EQ(idx.criteria[3].points, 2.0 / 3.0 * 11.0 / 0.8);
    EXPECT_DOUBLE_EQ(idx.criteria[4].points, 0.75 * 11.0 / 0.9);
    EXPECT_DOUBLE_EQ(idx.max_points, 64.0);
    EXPECT_NEAR(idx.points, 8.0 + 12.0 + 5.0 + 9.1666667 + 9.1666667, 1e-6);
}

TEST(DossierIndex766, ACriterionWithoutDossiersIsNotScored) {
    DossierTally t;
    t.dossiers = 2;
    t.digitised = 2;
    t.with_online_service = 2;
    t.online_with_service = 1;
    const Index766 idx = index_766(t, default_index_766_criteria());
    EXPECT_FALSE(idx.criteria[0].scored);  // no dossier judged on time or late
    EXPECT_FALSE(idx.criteria[2].scored);  // no fee
    EXPECT_TRUE(idx.criteria[3].scored);
    EXPECT_DOUBLE_EQ(idx.max_points, 12.0 + 11.0);
    EXPECT_DOUBLE_EQ(idx.points, 12.0 + 11.0);
}

TEST(DossierIndex766, TheMaximaAreDataMarkedByTheirSource) {
    const auto& criteria = default_index_766_criteria();
    double total = 0;
    for (const auto& c : criteria) {
        total += c.max_points;
        EXPECT_FALSE(c.source.empty()) << c.id;
        EXPECT_EQ(c.confirmed, c.id == "2.1") << c.id;
    }
    EXPECT_DOUBLE_EQ(total, 64.0);  // 20 + 22 + 12 + 10 of the 100
}
