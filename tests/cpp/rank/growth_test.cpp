// The peers' growth to the evaluation date (rank/growth.hpp): the default is the command's
// (0.02 a year, spread 0.02, a shared shift of 0.01), so a program that ranks with GrowthModel{}
// gets what `dtiplan rank` prints; each peer grows by the years elapsed; and the growth is
// estimated from the peers' own history where it has two or more years.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <string>
#include <vector>

#include "dtiplan/dtiplan.hpp"
#include "rank/peer_fixtures.hpp"

using namespace dtiplan;

using dtiplan_test::error_of;
using dtiplan_test::kPeersCsv;

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

TEST(PeerEvolution, GrowsEachPeerByTheYearsElapsed) {
    const Date eval(2026, 12, 31);
    EXPECT_NEAR(years_elapsed(2025, eval), 1.0, 1e-12);
    EXPECT_NEAR(years_elapsed(2024, eval), 2.0, 1e-12);
    EXPECT_NEAR(years_elapsed(2026, eval), 0.0, 1e-12);
    EXPECT_NEAR(years_elapsed(2025, Date(2026, 6, 30)), 0.5, 0.01);
    EXPECT_LT(years_elapsed(2026, Date(2026, 6, 30)), 0.0);

    PeerTable t = peers_from_csv(kPeersCsv, "peers.csv");
    t.results.push_back({"Phường Long Khánh", 2024, 0.65, {}, {}, false, ""});
    GrowthModel g;
    g.mean = 0.02;
    g.sd = 0.01;
    g.shock_sd = 0.015;
    g.unit_mean["Phường Trấn Biên"] = 0.05;
    g.unit_sd["Phường Trấn Biên"] = 0.0;
    const auto peers = evolve_peers(t, g, eval, "Xã Đại Phước");
    ASSERT_EQ(peers.size(), 3U);  // the own commune is left out
    EXPECT_EQ(peers[0].unit, "Phường Tam Hiệp");
    EXPECT_EQ(peers[0].year, 2025);
    EXPECT_NEAR(peers[0].mean, 0.8202, 1e-12);
    EXPECT_NEAR(peers[0].sd, 0.01, 1e-12);
    EXPECT_NEAR(peers[0].shock, 0.015, 1e-12);
    EXPECT_NEAR(peers[1].mean, 0.8315, 1e-12);  // its own growth
    EXPECT_EQ(peers[1].sd, 0.0);
    EXPECT_EQ(peers[2].unit, "Phường Long Khánh");
    EXPECT_NEAR(peers[2].years, 2.0, 1e-12);  // two years of growth from its 2024 result
    EXPECT_NEAR(peers[2].mean, 0.69, 1e-12);
    EXPECT_NEAR(peers[2].sd, 0.02, 1e-12);
    EXPECT_NEAR(peers[2].shock, 0.03, 1e-12);

    // On 30 June 2026, the 2025 results are the latest whose year has ended.
    t.results.push_back({"Phường Tam Hiệp", 2026, 0.9, {}, {}, false, ""});
    const auto mid = evolve_peers(t, g, Date(2026, 6, 30));
    EXPECT_EQ(mid[0].year, 2025);

    g.sd = -0.01;
    EXPECT_THROW((void)evolve_peers(t, g, eval), ValidationError);
}

// ---- the synthetic province ------------------------------------------------------------------

TEST(EstimateGrowth, OnePeriodGivesTheMeanAndSpreadOfTheChanges) {
    // 2024 -> 2025: changes +0.05, +0.03, +0.01 (Tam Hiệp, Trấn Biên, Phú Hữu).
    const PeerTable t = peers_from_csv(
        "unit,year,dti\n"
        "Phường Tam Hiệp,2024,0.75\nPhường Tam Hiệp,2025,0.80\n"
        "Phường Trấn Biên,2024,0.75\nPhường Trấn Biên,2025,0.78\n"
        "Xã Phú Hữu,2024,0.70\nXã Phú Hữu,2025,0.71\n"
        "Xã Đại Phước,2025,0.69\n",
        "peers.csv");
    const GrowthEstimate e = estimate_growth(t);
    EXPECT_EQ(e.changes, 3U);
    EXPECT_EQ(e.units, 3U);
    EXPECT_EQ(e.periods, 1U);
    EXPECT_FALSE(e.shock_estimated);
    EXPECT_NEAR(e.model.mean, 0.03, 1e-12);
    EXPECT_NEAR(e.model.sd, 0.02, 1e-12);
    EXPECT_EQ(e.model.shock_sd, 0.0);
}

TEST(EstimateGrowth, TwoPeriodsSeparateTheCommonShock) {
    // 2023 -> 2024 changes {0.00, 0.02}, 2024 -> 2025 changes {0.06, 0.08}: within sd 0.01414,
    // period means 0.01 and 0.07 (variance 0.0018), shock² = 0.0018 - 0.0002 / 2 = 0.0017.
    const PeerTable t = peers_from_csv(
        "unit,year,dti\n"
        "A,2023,0.70\nA,2024,0.70\nA,2025,0.76\n"
        "B,2023,0.60\nB,2024,0.62\nB,2025,0.70\n",
        "peers.csv");
    const GrowthEstimate e = estimate_growth(t);
    EXPECT_EQ(e.changes, 4U);
    EXPECT_EQ(e.periods, 2U);
    EXPECT_TRUE(e.shock_estimated);
    EXPECT_NEAR(e.model.mean, 0.04, 1e-12);
    EXPECT_NEAR(e.model.sd, std::sqrt(0.0002), 1e-12);
    EXPECT_NEAR(e.model.shock_sd, std::sqrt(0.0017), 1e-12);
    // Up to 2024 only one period is left.
    EXPECT_FALSE(estimate_growth(t, 2024).shock_estimated);
}

TEST(EstimateGrowth, OneYearOfResultsIsNotEnough) {
    const PeerTable t = peers_from_csv(kPeersCsv, "peers.csv");  // only Tam Hiệp has two years
    const std::string message = error_of<ValidationError>([&] { (void)estimate_growth(t); });
    EXPECT_NE(message.find("at least two yearly changes"), std::string::npos) << message;
    EXPECT_NE(message.find("found 1"), std::string::npos) << message;
}
