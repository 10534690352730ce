// The one rounding rule of the DTI (score/rank_key.hpp, docs/rank.md "Rounding and ties"): every
// half-way value in 0..1 rounds up, as the published 4-decimal value does, and every ranking
// (competition_rank, the exact and Monte Carlo rank distributions) ties it with the value above.
#include <gtest/gtest.h>

#include <cstdint>
#include <vector>

#include "dtiplan/rank/rank_distribution.hpp"
#include "dtiplan/score/rank_key.hpp"
#include "dtiplan/score/scoring.hpp"

using namespace dtiplan;

namespace {

PeerForecast sure_peer(double dti) {
    PeerForecast p;
    p.unit = "Phường Long Khánh";
    p.mean = dti;
    return p;
}

}  // namespace

TEST(RankKey, TheExampleOfTheIssue) {
    // 0.81395 is stored as 0.81394999999999995...: still 0.8140 as a person rounds it.
    EXPECT_EQ(dti_rank_key(0.81395), 8140);
    EXPECT_EQ(dti_rank_key(0.8140), 8140);
    EXPECT_EQ(round_to(0.81395, 4), 0.814);
    EXPECT_EQ(competition_rank({0.81395, 0.8140}, 4), (std::vector<int>{1, 1}));
    const auto exact = rank_distribution_exact(OwnScore::normal(0.81395, 0.0), {sure_peer(0.8140)});
    EXPECT_EQ(exact.prob(1), 1.0);
}

TEST(RankKey, KeysOfOrdinaryValues) {
    EXPECT_EQ(dti_rank_key(0.80024), 8002);
    EXPECT_EQ(dti_rank_key(0.80026), 8003);
    EXPECT_EQ(dti_rank_key(0.0), 0);
    EXPECT_EQ(dti_rank_key(1.0), 10000);
    EXPECT_EQ(rank_key(-0.81395, 4), -8140);  // half away from zero on both sides
    EXPECT_EQ(rank_key(0.125, 2), 13);
    EXPECT_EQ(rank_key(2.5, 0), 3);
}

TEST(RankKey, EveryHalfWayValueTiesWithTheValueAboveInEveryRanking) {
    int disagreements = 0;
    for (int k = 0; k < 10000; ++k) {
        const double half = (k + 0.5) / 1e4;
        const double above = (k + 1) / 1e4;
        SCOPED_TRACE(half);
        ASSERT_EQ(dti_rank_key(half), k + 1);
        ASSERT_EQ(round_to(half, 4), above);
        const std::vector<int> ranks = competition_rank({half, above}, 4);
        ASSERT_EQ(ranks, (std::vector<int>{1, 1}));
        const std::vector<PeerForecast> peers = {sure_peer(above)};
        const double exact = rank_distribution_exact(OwnScore::normal(half, 0.0), peers).prob(1);
        MonteCarloOptions mc;
        mc.draws = 1;
        mc.threads = 1;
        const double drawn =
            rank_distribution_montecarlo(OwnScore::normal(half, 0.0), peers, mc).prob(1);
        const double from_samples =
            rank_distribution_exact(OwnScore::from_samples({half}), peers).prob(1);
        disagreements += (exact != 1.0) + (drawn != 1.0) + (from_samples != 1.0);
    }
    EXPECT_EQ(disagreements, 0);
}
