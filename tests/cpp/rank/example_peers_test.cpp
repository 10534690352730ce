// The illustrative peers embedded in the library: 94 invented communes of a synthetic province,
// every result marked illustrative.
#include <gtest/gtest.h>

#include <string>

#include "dtiplan/dtiplan.hpp"

using namespace dtiplan;

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
