// The rank distribution of one commune among its peers: the exact method against Monte Carlo
// (within a stated multiple of the Monte Carlo standard error, for plain, shocked, mixed-year,
// sampled and tied settings), closed forms (i.i.d. peers give a uniform rank; sure scores give
// a sure rank with ties sharing it), the distribution's summaries and the ziggurat's normals.
// The points needed for the top k are in points_needed_test.cpp.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numeric>
#include <string>
#include <vector>

#include "dtiplan/detail/random.hpp"
#include "dtiplan/dtiplan.hpp"
#include "dtiplan/rank/detail/normal.hpp"
#include "rank/peer_fixtures.hpp"

using namespace dtiplan;
using dtiplan_test::spread_peers;

namespace {

/// Agreement is judged at this many Monte Carlo standard errors. With ~100 quantities compared
/// per setting, a correct method exceeds 4.5 SE with probability about 1e-4 per setting; the
/// draws are seeded, so the test is deterministic.
constexpr double kSigmas = 4.5;

/// Exact and Monte Carlo agree: every P(rank = r), P(rank <= k) and E[rank] within kSigmas
/// standard errors (the error of a probability p from D draws is sqrt(p (1 - p) / D), floored
/// at 1/D so that a probability the exact method puts near 0 is not judged at 0 tolerance).
void expect_agree(const RankDistribution& exact, const RankDistribution& mc) {
    ASSERT_EQ(exact.units(), mc.units());
    const auto d = static_cast<double>(mc.draws);
    const auto se = [d](double p) { return std::sqrt(std::max(p * (1.0 - p), 1.0 / d) / d); };
    for (int r = 1; r <= static_cast<int>(exact.units()); ++r) {
        EXPECT_LE(std::fabs(exact.prob(r) - mc.prob(r)), kSigmas * se(exact.prob(r)) + 1e-12)
            << "P(rank = " << r << "): exact " << exact.prob(r) << ", Monte Carlo " << mc.prob(r);
        EXPECT_LE(std::fabs(exact.prob_top(r) - mc.prob_top(r)),
                  kSigmas * se(exact.prob_top(r)) + 1e-12)
            << "P(rank <= " << r << ")";
    }
    EXPECT_LE(std::fabs(exact.expected() - mc.expected()),
              kSigmas * std::max(exact.sd(), 1e-3) / std::sqrt(d))
        << "E[rank]: exact " << exact.expected() << ", Monte Carlo " << mc.expected();
}

MonteCarloOptions mc_options(std::size_t draws, std::uint64_t seed = 7) {
    MonteCarloOptions o;
    o.draws = draws;
    o.seed = seed;
    o.threads = 2;
    return o;
}

}  // namespace

// ---- the distribution's summaries ------------------------------------------------------------

TEST(RankDistribution, SummariesByHand) {
    RankDistribution d;
    d.pmf = {0.2, 0.3, 0.5};
    EXPECT_DOUBLE_EQ(d.prob_top(0), 0.0);
    EXPECT_DOUBLE_EQ(d.prob_top(1), 0.2);
    EXPECT_DOUBLE_EQ(d.prob_top(2), 0.5);
    EXPECT_DOUBLE_EQ(d.prob_top(3), 1.0);
    EXPECT_DOUBLE_EQ(d.prob_top(10), 1.0);
    EXPECT_DOUBLE_EQ(d.expected(), 0.2 + 0.6 + 1.5);
    EXPECT_NEAR(d.sd(), std::sqrt(0.2 * 1.69 + 0.3 * 0.09 + 0.5 * 0.49), 1e-12);
    EXPECT_EQ(d.quantile(0.2), 1);
    EXPECT_EQ(d.quantile(0.21), 2);
    EXPECT_EQ(d.quantile(0.5), 2);
    EXPECT_EQ(d.quantile(1.0), 3);
    EXPECT_THROW((void)d.quantile(0.0), ValidationError);
    EXPECT_DOUBLE_EQ(d.standard_error(1), 0.0);  // exact: no Monte Carlo error
}

TEST(RankDistribution, MonteCarloStandardErrorsFromCounts) {
    const RankDistribution d = rank_distribution_from_counts({250, 750});
    EXPECT_EQ(d.method, RankMethod::MonteCarlo);
    EXPECT_EQ(d.draws, 1000U);
    EXPECT_DOUBLE_EQ(d.prob(1), 0.25);
    EXPECT_NEAR(d.standard_error(1), std::sqrt(0.25 * 0.75 / 1000.0), 1e-15);
    EXPECT_NEAR(d.prob_top_standard_error(1), std::sqrt(0.25 * 0.75 / 1000.0), 1e-15);
    EXPECT_NEAR(d.expected_standard_error(), d.sd() / std::sqrt(1000.0), 1e-15);
}

TEST(RankDistribution, RankKeyRoundsHalfUpLikeRoundTo) {
    EXPECT_EQ(rank_key(0.80024, 4), 8002);
    EXPECT_EQ(rank_key(0.80026, 4), 8003);
    EXPECT_EQ(rank_key(1.0, 4), 10000);
    EXPECT_EQ(rank_key(0.0, 4), 0);
    detail::Rng rng(3, 0);
    for (int i = 0; i < 10000; ++i) {
        const double x = rng.uniform();
        EXPECT_EQ(static_cast<double>(rank_key(x, 4)) / 1e4, round_to(x, 4)) << x;
    }
    EXPECT_LT(rank_key(0.5, -1), rank_key(0.5000000001, -1));
    EXPECT_EQ(rank_key(-0.0, -1), rank_key(0.0, -1));
}

// ---- closed forms ----------------------------------------------------------------------------

TEST(RankExact, PmfSumsToOneAndProbTopIsMonotone) {
    const auto peers = spread_peers(94, 0.50, 0.92, 0.02, 0.01);
    const RankDistribution d = rank_distribution_exact(OwnScore::normal(0.80, 0.03), peers);
    ASSERT_EQ(d.units(), 95U);
    EXPECT_NEAR(std::accumulate(d.pmf.begin(), d.pmf.end(), 0.0), 1.0, 1e-12);
    for (int k = 1; k <= 95; ++k) EXPECT_GE(d.prob_top(k), d.prob_top(k - 1) - 1e-15);
    for (const double p : d.pmf) EXPECT_GE(p, 0.0);
}

TEST(RankExact, IidPeersAndEqualOwnScoreGiveUniformRank) {
    // Own score and 19 peers i.i.d. N(0.7, 0.05), compared exactly: each of the 20 ranks has
    // probability 1/20, by symmetry.
    const auto peers = spread_peers(19, 0.7, 0.7, 0.05);
    ExactOptions o;
    o.decimals = -1;
    const RankDistribution d = rank_distribution_exact(OwnScore::normal(0.7, 0.05), peers, o);
    for (int r = 1; r <= 20; ++r) EXPECT_NEAR(d.prob(r), 1.0 / 20.0, 2e-5) << r;
    EXPECT_NEAR(d.expected(), 10.5, 1e-3);

    MonteCarloOptions m = mc_options(40000);
    m.decimals = -1;
    const RankDistribution mc = rank_distribution_montecarlo(OwnScore::normal(0.7, 0.05), peers, m);
    expect_agree(d, mc);

    // Rounded to 4 decimals, ties make ranks share: a little mass moves to better ranks.
    const RankDistribution tied = rank_distribution_exact(OwnScore::normal(0.7, 0.05), peers);
    EXPECT_LT(tied.expected(), 10.5);
    EXPECT_GT(tied.expected(), 10.4);
}

TEST(RankExact, SureScoresGiveSureRanksWithTiesSharingTheBest) {
    // Published-style peers, no growth uncertainty: the own rank is certain.
    std::vector<PeerForecast> peers = spread_peers(4, 0.0, 0.0, 0.0);
    peers[0].mean = 0.8512;  // Phường Tam Hiệp: ahead
    peers[1].mean = 0.80024;  // Phường Trấn Biên: 0.8002 after rounding, ties with the own 0.8002
    peers[2].mean = 0.80026;  // Phường Long Bình: 0.8003, ahead
    peers[3].mean = 0.7001;   // Phường Biên Hòa: behind
    const RankDistribution d = rank_distribution_exact(OwnScore::normal(0.80016, 0.0), peers);
    EXPECT_NEAR(d.prob(3), 1.0, 1e-15);  // two strictly ahead; the tie shares rank 3
    const RankDistribution mc =
        rank_distribution_montecarlo(OwnScore::normal(0.80016, 0.0), peers, mc_options(1000));
    EXPECT_DOUBLE_EQ(mc.prob(3), 1.0);
    // Compared exactly, the tie is broken: 0.80024 > 0.80016.
    ExactOptions exact;
    exact.decimals = -1;
    EXPECT_NEAR(rank_distribution_exact(OwnScore::normal(0.80016, 0.0), peers, exact).prob(4), 1.0,
                1e-15);
}

TEST(RankExact, ScoreAtTheTopCannotBeBeaten) {
    auto peers = spread_peers(10, 0.95, 1.0, 0.05);
    const RankDistribution d = rank_distribution_exact(OwnScore::normal(1.0, 0.0), peers);
    EXPECT_NEAR(d.prob(1), 1.0, 1e-15);
}

TEST(RankExact, CommonShockWidensTheRankDistribution) {
    const auto calm = spread_peers(94, 0.50, 0.92, 0.01, 0.0);
    const auto shocked = spread_peers(94, 0.50, 0.92, 0.01, 0.03);
    const OwnScore own = OwnScore::normal(0.85, 0.0);
    const RankDistribution a = rank_distribution_exact(own, calm);
    const RankDistribution b = rank_distribution_exact(own, shocked);
    EXPECT_GT(b.sd(), 2.0 * a.sd());
}

// ---- exact against Monte Carlo ---------------------------------------------------------------

TEST(RankExact, AgreesWithMonteCarloForAProvince) {
    const auto peers = spread_peers(94, 0.50, 0.92, 0.02);
    const OwnScore own = OwnScore::normal(0.84, 0.02);
    expect_agree(rank_distribution_exact(own, peers),
                 rank_distribution_montecarlo(own, peers, mc_options(40000)));
}

TEST(RankExact, AgreesWithMonteCarloWithACommonShock) {
    const auto peers = spread_peers(94, 0.50, 0.92, 0.015, 0.02);
    const OwnScore own = OwnScore::normal(0.83, 0.015);
    expect_agree(rank_distribution_exact(own, peers),
                 rank_distribution_montecarlo(own, peers, mc_options(40000, 11)));
}

TEST(RankExact, AgreesWithMonteCarloWhenPeersResultsAreFromDifferentYears) {
    // Loadings on the shock differ (1 and 2 years elapsed): the shock is integrated by
    // Gauss-Hermite quadrature.
    auto peers = spread_peers(60, 0.55, 0.90, 0.015, 0.02);
    for (std::size_t i = 0; i < peers.size(); i += 3) {
        peers[i].years = 2.0;
        peers[i].sd *= 2.0;
        peers[i].shock *= 2.0;
    }
    const OwnScore own = OwnScore::normal(0.80, 0.02);
    expect_agree(rank_distribution_exact(own, peers),
                 rank_distribution_montecarlo(own, peers, mc_options(40000, 12)));
}

TEST(RankExact, AgreesWithMonteCarloForSampledOwnScoreAndTies) {
    // The own score as samples (a projection's draws), many of them on 4-decimal values equal
    // to sure peers' results: ties everywhere.
    detail::Rng rng(5, 0);
    std::vector<double> samples;
    samples.reserve(3000);
    for (int i = 0; i < 3000; ++i) samples.push_back(round_to(0.78 + 0.02 * rng.normal(), 3));
    auto peers = spread_peers(40, 0.70, 0.86, 0.0);
    for (std::size_t i = 0; i < peers.size(); ++i) {
        peers[i].mean = round_to(peers[i].mean, 3);
        if (i % 2 == 0) peers[i].sd = 0.01;
    }
    const OwnScore own = OwnScore::from_samples(samples);
    expect_agree(rank_distribution_exact(own, peers),
                 rank_distribution_montecarlo(own, peers, mc_options(40000, 13)));
}

// Two peers with no spread of their own but the same share of the common shock always score
// alike: both ahead or both behind, never one of them. Rank 2 is impossible.
TEST(RankExact, PeersWithoutSpreadOnTheSameShockNeverSplit) {
    auto peers = spread_peers(2, 0.80, 0.80, 0.0, 0.01);
    const OwnScore own = OwnScore::normal(0.80, 0.02);
    const RankDistribution d = rank_distribution_exact(own, peers);
    EXPECT_EQ(d.prob(2), 0.0);
    EXPECT_NEAR(d.prob(1) + d.prob(3), 1.0, 1e-12);
    const RankHead head = rank_head_exact(own, peers, 2);
    EXPECT_EQ(head.pmf[1], 0.0);
    EXPECT_NEAR(head.pmf[0], d.prob(1), 1e-12);
    expect_agree(d, rank_distribution_montecarlo(own, peers, mc_options(40000, 14)));
    // The same with a wide own spread (more grid values than max_points) and peers a little apart.
    peers = spread_peers(3, 0.79, 0.80, 0.0, 0.02);
    const OwnScore wide = OwnScore::normal(0.78, 0.06);
    const RankDistribution w = rank_distribution_exact(wide, peers);
    expect_agree(w, rank_distribution_montecarlo(wide, peers, mc_options(40000, 15)));
}

namespace {

/// The head on the whole distribution's grid (ExactOptions::head_grid false).
ExactOptions whole_grid() {
    ExactOptions options;
    options.head_grid = false;
    return options;
}

}  // namespace

// The head (P(rank = r) for r <= top, and E[rank]) is the full method's, counted only up to top:
// on the whole distribution's grid, the same numbers.
TEST(RankExact, HeadAgreesWithTheFullDistribution) {
    struct Case {
        std::vector<PeerForecast> peers;
        OwnScore own;
    };
    auto years = spread_peers(60, 0.55, 0.90, 0.015, 0.02);
    for (std::size_t i = 0; i < years.size(); i += 3) {
        years[i].sd *= 2.0;
        years[i].shock *= 2.0;
    }
    const std::vector<Case> cases{
        {spread_peers(94, 0.50, 0.92, 0.02), OwnScore::normal(0.84, 0.02)},
        {spread_peers(94, 0.50, 0.92, 0.015, 0.02), OwnScore::normal(0.83, 0.015)},
        {years, OwnScore::normal(0.80, 0.02)},
        {spread_peers(300, 0.40, 0.95, 0.0, 0.0), OwnScore::normal(0.90, 0.03)},
    };
    for (const Case& c : cases) {
        const RankDistribution full = rank_distribution_exact(c.own, c.peers);
        for (const std::size_t top : {1U, 3U, 10U}) {
            const RankHead head = rank_head_exact(c.own, c.peers, top, whole_grid());
            ASSERT_EQ(head.pmf.size(), top);
            EXPECT_EQ(head.units, full.units());
            for (std::size_t r = 1; r <= top; ++r)
                EXPECT_NEAR(head.pmf[r - 1], full.prob(static_cast<int>(r)), 1e-10) << r;
            EXPECT_NEAR(head.prob_top(static_cast<int>(top)), full.prob_top(static_cast<int>(top)),
                        1e-10);
            EXPECT_NEAR(head.expected, full.expected(), 1e-8);
        }
    }
    EXPECT_THROW((void)rank_head_exact(OwnScore::normal(0.8, 0.01), cases[0].peers, 0),
                 ValidationError);
}

// ---- the head against the whole distribution on edge cases --------------------------------

namespace {

/// The whole distribution by brute force for an own score without spread or given as samples
/// and no shock: for each rounded own value, the Poisson-binomial count over every peer by the
/// plain O(N²) recursion (no band, no truncation), weighted by the value's frequency.
std::vector<double> brute_force(const std::vector<double>& own_values,
                                const std::vector<PeerForecast>& peers) {
    std::vector<double> pmf(peers.size() + 1, 0.0);
    const double weight = 1.0 / static_cast<double>(own_values.size());
    for (const double s : own_values) {
        const std::int64_t key = rank_key(s, 4);
        const double u = static_cast<double>(key) * 1e-4 + 0.5e-4;
        std::vector<double> f(peers.size() + 1, 0.0);
        f[0] = 1.0;
        for (std::size_t i = 0; i < peers.size(); ++i) {
            const PeerForecast& pf = peers[i];
            const double p = pf.sd > 0.0 ? detail::normal_sf((u - pf.mean) / pf.sd)
                                         : (rank_key(pf.mean, 4) > key ? 1.0 : 0.0);
            for (std::size_t k = i + 1; k >= 1; --k) f[k] = f[k] * (1.0 - p) + f[k - 1] * p;
            f[0] *= 1.0 - p;
        }
        if (key >= 10000) {  // a score of 1.0000: peers are clamped to 1, nobody is ahead
            f.assign(peers.size() + 1, 0.0);
            f[0] = 1.0;
        }
        for (std::size_t k = 0; k < f.size(); ++k) pmf[k] += weight * f[k];
    }
    return pmf;
}

/// The head agrees with the whole distribution on its grid: every P(rank = r) for r <= top,
/// P(rank <= top) and E[rank].
void expect_head_matches(const OwnScore& own, const std::vector<PeerForecast>& peers,
                         std::size_t top, const std::string& label) {
    const RankDistribution full = rank_distribution_exact(own, peers);
    const RankHead head = rank_head_exact(own, peers, top, whole_grid());
    ASSERT_EQ(head.units, full.units()) << label;
    ASSERT_EQ(head.pmf.size(), std::min(top, full.units())) << label;
    for (std::size_t r = 1; r <= head.pmf.size(); ++r)
        EXPECT_NEAR(head.pmf[r - 1], full.prob(static_cast<int>(r)), 1e-12)
            << label << ": P(rank = " << r << ")";
    for (int k = 1; k <= static_cast<int>(top); ++k)
        EXPECT_NEAR(head.prob_top(k), full.prob_top(k), 1e-12) << label << ": top " << k;
    EXPECT_NEAR(head.expected, full.expected(), 1e-9) << label << ": E[rank]";
}

}  // namespace

// Peers without spread (published results, no growth) among peers with one: each sure peer is
// ahead or not, exactly, and the band of uncertain peers holds only the others.
TEST(RankExactHead, SurePeersAmongUncertainOnesAsTheWholeDistributionAndBruteForce) {
    auto peers = spread_peers(40, 0.60, 0.90, 0.015);
    for (std::size_t i = 0; i < peers.size(); i += 2) peers[i].sd = 0.0;  // e.g. Phường Tam Hiệp
    const std::vector<double> samples{0.8101, 0.8102, 0.8230, 0.8230, 0.7995, 0.8444, 0.7712};
    const OwnScore own = OwnScore::from_samples(samples);
    for (const std::size_t top : {1U, 5U, 10U}) expect_head_matches(own, peers, top, "mixed");
    const std::vector<double> reference = brute_force(samples, peers);
    const RankDistribution full = rank_distribution_exact(own, peers);
    for (std::size_t r = 0; r < reference.size(); ++r)
        EXPECT_NEAR(full.pmf[r], reference[r], 1e-12) << "rank " << r + 1;
    // All sure: the rank of each sample is sure, the distribution a count of the samples.
    auto sure = spread_peers(12, 0.70, 0.90, 0.0);
    const RankDistribution d = rank_distribution_exact(own, sure);
    const std::vector<double> by_hand = brute_force(samples, sure);
    for (std::size_t r = 0; r < by_hand.size(); ++r) EXPECT_NEAR(d.pmf[r], by_hand[r], 1e-15);
    expect_head_matches(own, sure, 3, "all sure");
}

// Ties on the 4-decimal grid: peers whose results round to the own value share its rank, the
// half-way values round up (0.80005 is 0.8001), whether the peer is sure or uncertain.
TEST(RankExactHead, TiesAtTheRoundingGridShareTheRank) {
    std::vector<PeerForecast> peers = spread_peers(6, 0.0, 0.0, 0.0);
    peers[0].mean = 0.80004;  // Phường Tam Hiệp: 0.8000, ties with the own 0.8000
    peers[1].mean = 0.80005;  // Phường Trấn Biên: 0.8001, ahead
    peers[2].mean = 0.79995;  // Phường Long Bình: 0.8000, ties
    peers[3].mean = 0.8000;   // Phường Biên Hòa: ties
    peers[4].mean = 0.80015;  // Phường Hố Nai: 0.8002, ahead
    peers[5].mean = 0.7999;   // Xã Nhơn Trạch: behind
    const OwnScore own = OwnScore::normal(0.8000, 0.0);
    const RankDistribution d = rank_distribution_exact(own, peers);
    EXPECT_EQ(d.prob(3), 1.0);  // two ahead, three ties share rank 3
    const RankHead head = rank_head_exact(own, peers, 4);
    EXPECT_EQ(head.pmf, (std::vector<double>{0.0, 0.0, 1.0, 0.0}));
    EXPECT_EQ(head.expected, 3.0);
    // With a spread on the own score and on half the peers, on the same grid.
    for (std::size_t i = 0; i < peers.size(); i += 2) peers[i].sd = 0.0004;
    expect_head_matches(OwnScore::normal(0.8000, 0.0003), peers, 4, "ties with spreads");
    expect_head_matches(OwnScore::from_samples({0.79995, 0.80005, 0.8000, 0.80015}), peers, 3,
                        "samples on the half-way values");
}

// A head longer than the peers: every rank, the whole distribution itself.
TEST(RankExactHead, TopLargerThanThePeersIsTheWholeDistribution) {
    const auto peers = spread_peers(7, 0.70, 0.85, 0.02, 0.01);
    const OwnScore own = OwnScore::normal(0.78, 0.02);
    const RankHead head = rank_head_exact(own, peers, 20);
    ASSERT_EQ(head.pmf.size(), 8U);
    EXPECT_EQ(head.units, 8U);
    EXPECT_EQ(head.prob_top(8), 1.0);
    EXPECT_EQ(head.prob_top(20), 1.0);
    expect_head_matches(own, peers, 20, "k > N");
    expect_head_matches(own, peers, 8, "k = N + 1");
}

// Peers surely ahead of every own value the grid can take: P(top k) is 0 when k or more of
// them are, without the recursion; the expected rank still counts them.
TEST(RankExactHead, CertainPeersAheadAtLeastKGiveZero) {
    auto peers = spread_peers(30, 0.40, 0.70, 0.02, 0.005);
    for (std::size_t i = 0; i < 12; ++i) {
        peers[i].mean = 0.95 + 0.002 * static_cast<double>(i);  // far above: surely ahead
        peers[i].sd = i % 3 == 0 ? 0.0 : 0.002;
    }
    const OwnScore own = OwnScore::normal(0.60, 0.02);
    const RankHead head = rank_head_exact(own, peers, 10);
    for (const double p : head.pmf) EXPECT_EQ(p, 0.0);
    EXPECT_EQ(head.prob_top(10), 0.0);
    expect_head_matches(own, peers, 10, "12 surely ahead, k = 10");
    expect_head_matches(own, peers, 13, "12 surely ahead, k = 13");
    EXPECT_GT(rank_head_exact(own, peers, 13).prob_top(13), 0.0);
    // Different years (loadings differ): the shock by Gauss-Hermite, the same answers.
    for (std::size_t i = 12; i < peers.size(); i += 4) {
        peers[i].sd *= 2.0;
        peers[i].shock *= 2.0;
    }
    expect_head_matches(own, peers, 10, "mixed years, k = 10");
    expect_head_matches(own, peers, 14, "mixed years, k = 14");
}

// Large peer sets in several classes (spreads and loadings), against the whole distribution.
TEST(RankExactHead, ManyPeersInSeveralClassesAsTheWholeDistribution) {
    auto peers = spread_peers(400, 0.45, 0.93, 0.02, 0.01);
    for (std::size_t i = 0; i < peers.size(); i += 5) {
        peers[i].sd = 0.04;
        peers[i].shock = 0.02;
    }
    for (std::size_t i = 2; i < peers.size(); i += 7) peers[i].sd = 0.0;
    expect_head_matches(OwnScore::normal(0.90, 0.02), peers, 10, "400 peers, three classes");
}

namespace {

/// 3,000 peers from 0.40 to 0.95 (spread 0.02 each) with one common shock, with a third of them
/// from an earlier year (a larger spread and loading: the shock by Gauss-Hermite), and without a
/// shock.
std::vector<std::pair<std::string, std::vector<PeerForecast>>> thousands_of_peers() {
    auto two_years = spread_peers(3000, 0.40, 0.95, 0.02, 0.01);
    for (std::size_t i = 0; i < two_years.size(); i += 3) {
        two_years[i].sd = 0.03;
        two_years[i].shock = 0.015;
    }
    return {
        {"one shock", spread_peers(3000, 0.40, 0.95, 0.02, 0.01)},
        {"two years", two_years},
        {"no shock", spread_peers(3000, 0.40, 0.95, 0.02)},
    };
}

}  // namespace

// Against thousands of peers the head works in aggregate: its E[rank] comes from each class's
// expected count, and the peers far below a threshold enter P(top k) through their power sums,
// both interpolated between a few hundred thresholds instead of summed at each of thousands of
// points. On the whole distribution's grid, the same P(rank = r), P(top 10) and E[rank] as the
// whole distribution (a change of 1e-6 in the far counts or of 1e-8 in the expected count
// fails it), with one common shock, with peers of two years (the shock by Gauss-Hermite) and
// without a shock, for an own score near the top (e.g. Xã Đại Phước among 3,000 communes) and
// in the middle.
TEST(RankExactHead, ThousandsOfPeersInAggregateAsTheWholeDistribution) {
    const auto cases = thousands_of_peers();
    for (const auto& [label, peers] : cases)
        for (const double own : {0.93, 0.70}) {
            const std::string where = label + ", own " + std::to_string(own);
            const OwnScore score = OwnScore::normal(own, 0.02);
            const RankDistribution full = rank_distribution_exact(score, peers);
            const RankHead head = rank_head_exact(score, peers, 10, whole_grid());
            EXPECT_NEAR(head.expected, full.expected(), 1e-9 * full.expected()) << where;
            EXPECT_NEAR(head.prob_top(10), full.prob_top(10), 1e-12) << where;
            for (std::size_t r = 1; r <= 10; ++r)
                EXPECT_NEAR(head.pmf[r - 1], full.prob(static_cast<int>(r)), 1e-12)
                    << where << ": P(rank = " << r << ")";
        }
}

// The head's own grid (the default): against thousands of peers its bins are read where the top
// 10 is decided, so it evaluates fewer points than the whole distribution, and its numbers stay
// within the midpoint rule's error of the whole distribution's (measured: at most 2.6e-6 of
// P(top 10), 3e-7 of P(rank = r), 4.6e-6 of E[rank] relatively). Xã Đại Phước near the top of
// 3,000 communes, with one shock, two years' loadings and none, and in the middle of them, where
// the top 10 is nearly out of reach.
TEST(RankExactHead, ItsOwnGridIsCoarserNearTheTopAndAgreesWithTheWholeDistribution) {
    const auto cases = thousands_of_peers();
    const auto points = [](const auto& compute) {
        std::size_t total = 0;
        compute([&total](std::size_t, std::size_t all) {
            total = all;
            return true;
        });
        return total;
    };
    for (const auto& [label, peers] : cases)
        for (const double own : {0.93, 0.70}) {
            const std::string where = label + ", own " + std::to_string(own);
            const OwnScore score = OwnScore::normal(own, 0.02);
            RankDistribution full;
            const std::size_t whole_points = points([&](const ExactProgress& progress) {
                full = rank_distribution_exact(score, peers, {}, progress);
            });
            RankHead head;
            const std::size_t head_points = points([&](const ExactProgress& progress) {
                head = rank_head_exact(score, peers, 10, {}, progress);
            });
            EXPECT_LE(head_points, whole_points) << where;
            if (own > 0.9) {
                EXPECT_LT(5 * head_points, 4 * whole_points) << where;
                EXPECT_GT(full.prob_top(10), 0.01) << where;
            }
            // Bins a third of the scale instead of a tenth fail each of these three.
            EXPECT_NEAR(head.prob_top(10), full.prob_top(10), 5e-6) << where;
            for (std::size_t r = 1; r <= 10; ++r)
                EXPECT_NEAR(head.pmf[r - 1], full.prob(static_cast<int>(r)), 5e-7)
                    << where << ": P(rank = " << r << ")";
            EXPECT_NEAR(head.expected, full.expected(), 8e-6 * full.expected()) << where;
        }
}

// Progress: (done, total) with done <= total, the last call (total, total); false stops the
// method with SimulationCancelled.
TEST(RankExact, ReportsProgressAndStopsWhenAsked) {
    const auto peers = spread_peers(2000, 0.40, 0.95, 0.01, 0.02);
    const OwnScore own = OwnScore::normal(0.85, 0.03);
    std::vector<std::pair<std::size_t, std::size_t>> calls;
    const RankDistribution d =
        rank_distribution_exact(own, peers, {}, [&calls](std::size_t done, std::size_t total) {
            calls.emplace_back(done, total);
            return true;
        });
    ASSERT_FALSE(calls.empty());
    EXPECT_EQ(calls.back().first, calls.back().second);
    EXPECT_GT(calls.back().second, 0U);
    for (const auto& [done, total] : calls) EXPECT_LE(done, total);
    EXPECT_NEAR(std::accumulate(d.pmf.begin(), d.pmf.end(), 0.0), 1.0, 1e-12);
    EXPECT_THROW(
        (void)rank_head_exact(own, peers, 10, {}, [](std::size_t, std::size_t) { return false; }),
        SimulationCancelled);
}

TEST(RankMonteCarlo, SameSeedSameResultForAnyThreadCount) {
    const auto peers = spread_peers(94, 0.50, 0.92, 0.02, 0.01);
    MonteCarloOptions o = mc_options(5000);
    o.threads = 1;
    const RankDistribution one =
        rank_distribution_montecarlo(OwnScore::normal(0.8, 0.02), peers, o);
    o.threads = 4;
    const RankDistribution four =
        rank_distribution_montecarlo(OwnScore::normal(0.8, 0.02), peers, o);
    EXPECT_EQ(one, four);
    o.seed += 1;
    EXPECT_NE(one, rank_distribution_montecarlo(OwnScore::normal(0.8, 0.02), peers, o));
}

TEST(RankExact, RejectsBadInput) {
    auto peers = spread_peers(3, 0.5, 0.9, 0.01);
    EXPECT_THROW((void)rank_distribution_exact(OwnScore::normal(0.8, -0.1), peers),
                 ValidationError);
    EXPECT_THROW((void)rank_distribution_exact(OwnScore::from_samples({0.5, 1.2}), peers),
                 ValidationError);
    peers[1].sd = std::nan("");
    EXPECT_THROW((void)rank_distribution_exact(OwnScore::normal(0.8, 0.01), peers),
                 ValidationError);
    EXPECT_THROW((void)rank_distribution_montecarlo(OwnScore::normal(0.8, 0.01), peers),
                 ValidationError);
}

TEST(RankExact, RefusesWhatWouldGiveAMeaninglessRank) {
    const auto peers = spread_peers(3, 0.5, 0.9, 0.01);
    // An own DTI of 1.5 (150 %) is not a DTI; no peers gives "rank 1 of 1" for anyone.
    EXPECT_EQ(dtiplan_test::error_of<ValidationError>(
                  [&] { (void)rank_distribution_exact(OwnScore::normal(1.5, 0.0), peers); }),
              "own.mean: expected a DTI from 0 to 1, found 1.500000");
    EXPECT_EQ(dtiplan_test::error_of<ValidationError>(
                  [&] { (void)rank_distribution_exact(OwnScore::normal(0.8, 0.0), {}); }),
              "peers: no peer to rank against (an empty peer table, or no result of the "
              "evaluation year or earlier)");
    // Ties at -1 (unrounded) or 0..15 decimals: -5 is neither.
    MonteCarloOptions options;
    options.decimals = -5;
    EXPECT_EQ(dtiplan_test::error_of<ValidationError>([&] {
                  (void)rank_distribution_montecarlo(OwnScore::normal(0.8, 0.0), peers, options);
              }),
              "options.decimals: expected -1 (exact) or 0..15 decimals, found -5");
}

// ---- the ziggurat ----------------------------------------------------------------------------

// The rare path decides a wedge point by the chord where its bound allows: the answer must be the
// exponential's for every layer, at the band's edges too, and the exponential must be left for
// few points (docs/performance.md).
TEST(RankZiggurat, TheChordDecidesAWedgePointAsTheExponentialDoes) {
    const detail::ZigguratTables& t = detail::ziggurat_tables();
    double points = 0.0;
    double undecided = 0.0;
    for (std::size_t i = 1; i < static_cast<std::size_t>(detail::ZigguratTables::kLayers); ++i) {
        for (int a = 0; a <= 64; ++a) {
            const double x = t.x[i + 1] + (t.x[i] - t.x[i + 1]) * a / 64.0;
            const double chord = detail::wedge_chord(t, i, x);
            std::vector<double> ws;
            for (int b = 1; b < 64; ++b) ws.push_back(b / 64.0);     // the uniform's spread
            for (const double d : {0.0, 1e-12, 1e-9, 1.1e-9, 1e-6})  // at the band's edges
                for (const double sign : {-1.0, 1.0}) {
                    ws.push_back(chord + sign * d);
                    ws.push_back(chord + t.chord_band[i] + sign * d);
                }
            for (const double w : ws) {
                if (w <= 0.0 || w >= 1.0) continue;
                for (const double signed_x : {x, -x})
                    ASSERT_EQ(detail::wedge_accepts(t, i, signed_x, w),
                              detail::wedge_accepts_exactly(t, i, signed_x, w))
                        << "layer " << i << ", x " << signed_x << ", w " << w;
            }
            // A layer's wedge points come in proportion to its share outside the rectangle.
            for (int b = 1; b < 64; ++b) {
                const double share = 1.0 - t.ratio[i];
                points += share;
                const double w = b / 64.0;
                if (w >= chord && w <= chord + t.chord_band[i]) undecided += share;
            }
        }
    }
    // The band is narrow next to a layer's height: the exponential is computed for few points.
    std::printf("[ wedge ] exponential computed for %.4f of the wedge points\n",
                undecided / points);
    EXPECT_LT(undecided / points, 0.01);
}

TEST(RankZiggurat, GivesStandardNormals) {
    detail::Rng rng(20260101, 3);
    constexpr int n = 400000;
    const std::vector<double> cuts{-3.0, -2.0, -1.0, -0.3, 0.0, 0.5, 1.5, 2.5, 3.7};
    std::vector<int> below(cuts.size(), 0);
    double sum = 0.0;
    double sq = 0.0;
    for (int i = 0; i < n; ++i) {
        const double z = detail::ziggurat_normal(rng);
        sum += z;
        sq += z * z;
        for (std::size_t c = 0; c < cuts.size(); ++c) below[c] += z < cuts[c] ? 1 : 0;
    }
    EXPECT_NEAR(sum / n, 0.0, 5.0 / std::sqrt(n));
    EXPECT_NEAR(sq / n, 1.0, 5.0 * std::sqrt(2.0 / n));
    for (std::size_t c = 0; c < cuts.size(); ++c) {
        const double p = detail::normal_cdf(cuts[c]);
        EXPECT_NEAR(below[c] / static_cast<double>(n), p, 5.0 * std::sqrt(p * (1 - p) / n))
            << cuts[c];
    }
}

TEST(RankZiggurat, GaussHermiteIntegratesPolynomials) {
    const auto gh = detail::gauss_hermite(20);
    double m0 = 0.0;
    double m2 = 0.0;
    double m4 = 0.0;
    for (std::size_t i = 0; i < gh.nodes.size(); ++i) {
        const double x = gh.nodes[i];
        m0 += gh.weights[i];
        m2 += gh.weights[i] * x * x;
        m4 += gh.weights[i] * x * x * x * x;
    }
    EXPECT_NEAR(m0, 1.0, 1e-12);
    EXPECT_NEAR(m2, 1.0, 1e-12);
    EXPECT_NEAR(m4, 3.0, 1e-11);
}
