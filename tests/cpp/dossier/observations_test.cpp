// Dossier figures as observations of the plan's indicators, with the export as evidence.
#include <gtest/gtest.h>

#include "dossier/dossier_fixture.hpp"
#include "temp_dir.hpp"

#include "dtiplan/dossier/observations.hpp"
#include "dtiplan/dossier/reader.hpp"
#include "dtiplan/error.hpp"

using namespace dtiplan;
using namespace dtiplan::test_support;

TEST(DossierObservations, OnePerIndicatorAndWindowWithTheExportAsEvidence) {
    TempDir dir;
    write_text(dir.path() / "ho-so.csv", kDossierHeader + kDossierRows);
    const DossierSummary s = read_dossiers(dir.path() / "ho-so.csv", &dossier_plan());
    const auto obs = dossier_observations(s, dossier_plan(), Date(2026, 12, 16), "TTPVHCC");
    // November: all six indicators; December: no fee, so no III.3.a.10.
    ASSERT_EQ(obs.size(), 11u);
    const Observation& i04 = obs[1];
    EXPECT_EQ(i04.indicator, "I.04");
    EXPECT_EQ(i04.period, Period::month(2026, 11));
    EXPECT_DOUBLE_EQ(i04.value.value, 0.25);
    EXPECT_EQ(i04.value.numerator, 1.0);
    EXPECT_EQ(i04.value.denominator, 4.0);
    EXPECT_EQ(i04.unit, "TTPVHCC");
    ASSERT_EQ(i04.evidence.size(), 1u);
    EXPECT_EQ(i04.evidence[0].id, "sha256:" + s.sha256);
    EXPECT_EQ(i04.evidence[0].title,
              "Dữ liệu hồ sơ TTHC ho-so.csv: 7 dòng, 6 hồ sơ tiếp nhận 15/10/2026 – 14/11/2026");
    EXPECT_EQ(obs[5].indicator, "III.3.a.10");
    EXPECT_EQ(obs.back().period, Period::month(2026, 12));
    EXPECT_EQ(obs.back().indicator, "III.3.a.08");
    // A submission before the period starts is refused.
    EXPECT_THROW((void)dossier_observations(s, dossier_plan(), Date(2026, 10, 20)),
                 ValidationError);
}
