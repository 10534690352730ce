// The synthetic province (rank/synthetic.hpp): a stand-in for published results that spreads
// like them, is labelled illustrative, and is reproducible from its seed.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <string>
#include <vector>

#include "dtiplan/dtiplan.hpp"

using namespace dtiplan;

TEST(SyntheticProvince, SpreadsLikePublishedResultsAndIsLabelledIllustrative) {
    const Framework f = builtin_framework();
    const SyntheticProvince p = synthetic_province(f);
    ASSERT_EQ(p.model.units.size(), kDongNaiCommuneUnits);
    EXPECT_EQ(p.model.components.size(), 47U);
    const auto [lo, hi] = std::minmax_element(p.dti.begin(), p.dti.end());
    const double mean =
        std::accumulate(p.dti.begin(), p.dti.end(), 0.0) / static_cast<double>(p.dti.size());
    EXPECT_GT(*lo, 0.47);
    EXPECT_LT(*lo, 0.56);
    EXPECT_GT(*hi, 0.86);
    EXPECT_LT(*hi, 0.93);
    EXPECT_NEAR(mean, 0.70, 0.03);
    for (std::size_t i = 0; i < p.dti.size(); ++i)
        EXPECT_NEAR(p.dti[i], p.target_dti[i], 0.02) << i;
    // 72 xã and 23 phường, as Đồng Nai since 1 July 2025.
    EXPECT_EQ(std::count_if(p.model.units.begin(), p.model.units.end(),
                            [](const std::string& u) { return u.rfind("Xã minh họa", 0) == 0; }),
              72);
    EXPECT_EQ(p.model.units.back(), "Phường minh họa 23");
    EXPECT_TRUE(p.model.illustrative);
    EXPECT_TRUE(p.peers.illustrative());
    EXPECT_NE(p.description.find("Illustrative"), std::string::npos);
    EXPECT_NE(p.description.find("not real results"), std::string::npos);
    // The peer table is valid for the framework: the DTIs agree with the main indices.
    EXPECT_NO_THROW(validate_peer_table(p.peers, &f));
    EXPECT_NO_THROW(validate_component_model(p.model, f));
}

TEST(SyntheticProvince, IsReproducibleFromItsSeed) {
    const Framework f = builtin_framework();
    SyntheticOptions o;
    o.units = 30;
    EXPECT_EQ(synthetic_province(f, o), synthetic_province(f, o));
    SyntheticOptions other = o;
    other.seed += 1;
    EXPECT_NE(synthetic_province(f, o).model.mean, synthetic_province(f, other).model.mean);
    o.units = 1;
    EXPECT_THROW((void)synthetic_province(f, o), ValidationError);
    o.units = 10;
    o.dti_low = 0.9;
    o.dti_high = 0.5;
    EXPECT_THROW((void)synthetic_province(f, o), ValidationError);
}

TEST(SyntheticProvince, NationalCaseHasTheCountrysUnitKinds) {
    const Framework f = builtin_framework();
    SyntheticOptions o;
    o.units = kNationalCommuneUnits;
    const SyntheticProvince p = synthetic_province(f, o);
    const auto count = [&](const char* prefix) {
        return std::count_if(p.model.units.begin(), p.model.units.end(),
                             [prefix](const std::string& u) { return u.rfind(prefix, 0) == 0; });
    };
    EXPECT_EQ(count("Xã minh họa"), 2621);
    EXPECT_EQ(count("Phường minh họa"), 687);
    EXPECT_EQ(count("Đặc khu minh họa"), 13);
}
