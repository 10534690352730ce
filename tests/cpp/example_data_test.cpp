// The illustrative examples embedded in the library: a program has them with no files around,
// and everything read from them is marked illustrative (a renamed copy is the user's own data).
#include <gtest/gtest.h>

#include <string>

#include "dtiplan/dtiplan.hpp"

using namespace dtiplan;

TEST(ExampleObservations, AreEmbeddedAndIllustrative) {
    const Plan plan = builtin_plan();
    const ObservationLog log = example_observations(plan);
    ASSERT_GT(log.size(), 100U);
    EXPECT_TRUE(is_illustrative(log));
    EXPECT_EQ(log.all().front().origin, "illustrative-observations-2026.csv:2");
    EXPECT_NE(log.all().front().note.find("minh họa"), std::string::npos);
    EXPECT_EQ(example_observations_csv().substr(0, 10), "indicator,");

    // The same file read from a folder stays illustrative; renamed, it is the commune's own.
    ObservationLog copied = log;
    std::vector<Observation> all = copied.all();
    for (Observation& o : all) o.origin = "data/examples/" + o.origin;
    EXPECT_TRUE(is_illustrative(ObservationLog(all)));
    all.back().origin = "so-lieu-dai-phuoc.csv:9";
    EXPECT_FALSE(is_illustrative(ObservationLog(all)));
    EXPECT_FALSE(is_illustrative(ObservationLog()));
}

TEST(ExamplePeers, AreNinetyFourIllustrativeCommunes) {
    const Framework f = builtin_framework();
    const PeerTable t = example_peers(f);
    ASSERT_EQ(t.size(), 94U);
    EXPECT_TRUE(t.illustrative());
    int xa = 0;
    for (const PeerResult& r : t.results) {
        EXPECT_TRUE(r.illustrative);
        EXPECT_EQ(r.year, 2025);
        EXPECT_EQ(r.components.size(), 47U) << r.unit;
        if (r.unit.rfind("Xã minh họa", 0) == 0) ++xa;
    }
    EXPECT_EQ(xa, 71);  // Đại Phước is the province's 72nd xã
    EXPECT_EQ(t.results.front().origin, "illustrative-peers-2025.csv:2");
    EXPECT_NO_THROW(validate_peer_table(t, &f));
}
