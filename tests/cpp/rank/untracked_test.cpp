// The assumption for the components the plan does not track: on the built-in plan and framework
// 355 of 1,000 points are untracked; each basis fills them as docs/rank.md §11 says.
#include <gtest/gtest.h>

#include <string>

#include "dtiplan/dtiplan.hpp"

using namespace dtiplan;

namespace {

struct Builtin {
    Plan plan = builtin_plan();
    Framework framework = builtin_framework();
    Coverage cover = coverage(framework, plan);
};

const Builtin& builtin() {
    static const Builtin b;
    return b;
}

PeerTable peers_with_indices() {
    // NTS published for two peers only; TCS for none (falls back to the peers' DTI).
    return peers_from_csv(
        "unit,year,dti,NTS\n"
        "Phường Tam Hiệp,2025,0.8000,0.9000\n"
        "Phường Trấn Biên,2025,0.7000,0.3000\n"
        "Xã Phú Hữu,2025,0.6000,\n"
        "Xã Đại Phước,2025,0.1000,0.0000\n"
        "Phường Tam Hiệp,2026,0.9900,0.9900\n",
        "peers.csv", &builtin().framework);
}

}  // namespace

TEST(UntrackedFill, ZeroAddsNothing) {
    const auto& b = builtin();
    const UntrackedFill f = untracked_fill(b.framework, b.cover, {UntrackedBasis::Zero, 0.0});
    EXPECT_DOUBLE_EQ(f.points, 0.0);
    EXPECT_DOUBLE_EQ(f.dti(), 0.0);
    EXPECT_DOUBLE_EQ(f.untracked_points, b.cover.untracked_points);
    EXPECT_DOUBLE_EQ(f.max_points, 1000.0);
    EXPECT_FALSE(f.points_by_main.empty());
}

TEST(UntrackedFill, FixedFractionOfEveryUntrackedPoint) {
    const auto& b = builtin();
    const UntrackedFill f = untracked_fill(b.framework, b.cover, {UntrackedBasis::Fixed, 0.5});
    EXPECT_NEAR(f.points, 0.5 * b.cover.untracked_points, 1e-9);
    EXPECT_NEAR(f.dti(), 0.5 * b.cover.untracked_points / 1000.0, 1e-12);
    std::size_t mains_untracked = 0;
    for (const auto& [id, points] : b.cover.untracked_by_main)
        mains_untracked += points > 0.0 ? 1 : 0;
    ASSERT_EQ(f.fraction_by_main.size(), mains_untracked);
    ASSERT_GT(mains_untracked, 0U);
    for (const auto& [id, fraction] : f.fraction_by_main) EXPECT_DOUBLE_EQ(fraction, 0.5) << id;
}

TEST(UntrackedFill, PeerMedianUsesTheLatestResultsAndLeavesTheOwnCommuneOut) {
    const auto& b = builtin();
    ASSERT_GT(b.cover.untracked_by_main.at("NTS"), 0.0);
    const UntrackedFill f =
        untracked_fill(b.framework, b.cover, {}, peers_with_indices(), 2025, "Xã Đại Phước");
    EXPECT_EQ(f.basis, UntrackedBasis::PeerMedian);
    EXPECT_EQ(f.peers_used, 3U);  // 2026 result too late, own commune left out
    // NTS: median of the published 0.9 and 0.3; other mains: median peer DTI 0.7.
    EXPECT_DOUBLE_EQ(f.fraction_by_main.at("NTS"), 0.6);
    double expected = 0.0;
    for (const auto& [id, points] : b.cover.untracked_by_main)
        expected += points * (id == "NTS" ? 0.6 : 0.7);
    EXPECT_NEAR(f.points, expected, 1e-9);

    // With every year, Tam Hiệp's 2026 result counts: NTS median of 0.99 and 0.3.
    const UntrackedFill all =
        untracked_fill(b.framework, b.cover, {}, peers_with_indices(), 0, "Xã Đại Phước");
    EXPECT_DOUBLE_EQ(all.fraction_by_main.at("NTS"), 0.645);
}

TEST(UntrackedFill, BadAssumptionsAreNamed) {
    const auto& b = builtin();
    try {
        (void)untracked_fill(b.framework, b.cover, {UntrackedBasis::Fixed, 1.5});
        FAIL() << "no error";
    } catch (const ValidationError& e) {
        EXPECT_NE(std::string(e.what()).find("untracked.value"), std::string::npos) << e.what();
    }
    try {
        (void)untracked_fill(b.framework, b.cover, {}, PeerTable{}, 2025);
        FAIL() << "no error";
    } catch (const ValidationError& e) {
        EXPECT_NE(std::string(e.what()).find("2025"), std::string::npos) << e.what();
    }
}

TEST(UntrackedFill, SpellingsRoundTrip) {
    for (auto b : {UntrackedBasis::Zero, UntrackedBasis::PeerMedian, UntrackedBasis::Fixed})
        EXPECT_EQ(untracked_basis_from_string(to_string(b)), b);
    EXPECT_FALSE(untracked_basis_from_string("median").has_value());
}
