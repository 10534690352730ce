// The points needed for the top k (rank/points_needed.hpp): the least DTI that gives P(rank <= k)
// >= p, exact against sure peers, tight, growing with p, and bad options refused.
#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "dtiplan/dtiplan.hpp"
#include "rank/peer_fixtures.hpp"

using namespace dtiplan;
using dtiplan_test::spread_peers;

TEST(PointsNeeded, SureScoreForTheTopTwoAgainstSurePeers) {
    std::vector<PeerForecast> peers = spread_peers(5, 0.0, 0.0, 0.0);
    const std::vector<double> dti{0.90, 0.85, 0.80, 0.75, 0.70};
    for (std::size_t i = 0; i < peers.size(); ++i) peers[i].mean = dti[i];
    PointsNeededOptions o;
    o.top = 2;
    o.probability = 0.5;
    const PointsNeeded pn = points_needed(OwnScore::normal(0.78, 0.01), peers, 1000.0, o);
    EXPECT_TRUE(pn.reachable);
    EXPECT_NEAR(pn.dti, 0.8500, 1e-12);  // a tie with Phường Trấn Biên shares rank 2
    EXPECT_NEAR(pn.points, 850.0, 1e-9);
    EXPECT_NEAR(pn.gap_dti, 0.07, 1e-12);
    EXPECT_NEAR(pn.gap_points, 70.0, 1e-9);
    EXPECT_DOUBLE_EQ(pn.prob_at_needed, 1.0);
    EXPECT_NEAR(pn.prob_at_projection, 0.0, 1e-11);  // 0.78 ± 0.01 reaching 0.85: z = 7
}

TEST(PointsNeeded, HigherProbabilityNeedsMoreAndTheAnswerIsTight) {
    const auto peers = spread_peers(94, 0.50, 0.92, 0.02, 0.01);
    const OwnScore own = OwnScore::normal(0.80, 0.02);
    PointsNeededOptions o;
    double last = 0.0;
    for (const double p : {0.25, 0.5, 0.8, 0.95}) {
        o.probability = p;
        const PointsNeeded pn = points_needed(own, peers, 1000.0, o);
        ASSERT_TRUE(pn.reachable);
        EXPECT_GE(pn.prob_at_needed, p);
        EXPECT_GT(pn.dti, last);
        last = pn.dti;
        // One grid step less does not give p.
        const double below =
            rank_distribution_exact(OwnScore::normal(pn.dti - 1e-4, 0.0), peers).prob_top(10);
        EXPECT_LT(below, p);
    }
    o.probability = 0.8;
    o.keep_own_spread = true;
    const PointsNeeded spread = points_needed(own, peers, 1000.0, o);
    EXPECT_GE(spread.prob_at_needed, 0.8);
    EXPECT_NEAR(rank_distribution_exact(own.shifted(spread.gap_dti), peers).prob_top(10),
                spread.prob_at_needed, 1e-9);
    o.keep_own_spread = false;
    EXPECT_GT(spread.dti, points_needed(own, peers, 1000.0, o).dti);  // uncertainty costs points
}

TEST(PointsNeeded, RejectsBadOptions) {
    const auto peers = spread_peers(5, 0.5, 0.9, 0.01);
    PointsNeededOptions o;
    o.probability = 0.0;
    EXPECT_THROW((void)points_needed(OwnScore::normal(0.7, 0.0), peers, 1000.0, o),
                 ValidationError);
    o.probability = 0.5;
    o.top = 0;
    EXPECT_THROW((void)points_needed(OwnScore::normal(0.7, 0.0), peers, 1000.0, o),
                 ValidationError);
    o.top = 3;
    EXPECT_THROW((void)points_needed(OwnScore::normal(0.7, 0.0), peers, 0.0, o), ValidationError);
}
