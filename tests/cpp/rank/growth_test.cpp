// The peers' growth assumed by default is the command's (0.02 a year, spread 0.02, a shared
// shift of 0.01), so a program that ranks with GrowthModel{} gets what `dtiplan rank` prints.
#include <gtest/gtest.h>

#include "dtiplan/dtiplan.hpp"

using namespace dtiplan;

TEST(GrowthModel, DefaultIsTheCommandsAssumption) {
    const GrowthModel g;
    EXPECT_EQ(g.mean, 0.02);
    EXPECT_EQ(g.sd, 0.02);
    EXPECT_EQ(g.shock_sd, 0.01);
    EXPECT_TRUE(g.unit_mean.empty() && g.unit_sd.empty());

    PeerTable t;
    t.results.push_back({"Phường Tam Hiệp", 2025, 0.8002, {}, {}, false, ""});
    const auto grown = evolve_peers(t, g, Date(2026, 12, 31));
    ASSERT_EQ(grown.size(), 1U);
    EXPECT_NEAR(grown[0].mean, 0.8202, 1e-12);
    EXPECT_NEAR(grown[0].sd, 0.02, 1e-12);
    EXPECT_NEAR(grown[0].shock, 0.01, 1e-12);

    // No growth is said explicitly.
    const GrowthModel none{0.0, 0.0, 0.0, {}, {}};
    EXPECT_EQ(evolve_peers(t, none, Date(2026, 12, 31))[0].mean, 0.8002);
}
