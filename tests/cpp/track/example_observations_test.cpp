// The illustrative observations embedded in the library: a program has them with no files around,
// and a log read from them is illustrative (a renamed copy is the user's own data).
#include <gtest/gtest.h>

#include <string>
#include <vector>

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
