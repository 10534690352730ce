// PeerValues: a peer result's values by id, read as a std::map is and kept as a flat array over
// ids shared by the rows of a table, so that a 128,000-row table costs its numbers, not a map
// node per value.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <map>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "dtiplan/dtiplan.hpp"
#include "rank/peer_fixtures.hpp"

using namespace dtiplan;

TEST(PeerValues, ReadsLikeAMapInIdOrder) {
    const PeerValues v{{"NTS", 1.0}, {"CQS", 0.8575}, {"HTS", 0.8253}};
    EXPECT_EQ(v.size(), 3U);
    EXPECT_FALSE(v.empty());
    EXPECT_TRUE(v.contains("CQS"));
    EXPECT_FALSE(v.contains("KTS"));
    EXPECT_DOUBLE_EQ(v.at("CQS"), 0.8575);
    EXPECT_EQ(v.get("KTS"), std::nullopt);
    ASSERT_NE(v.find("HTS"), v.end());
    EXPECT_EQ(v.find("HTS")->first, "HTS");
    EXPECT_DOUBLE_EQ(v.find("HTS")->second, 0.8253);
    EXPECT_EQ(v.find("KTS"), v.end());
    // Iteration gives (id, value) pairs sorted by id, as the std::map did.
    std::vector<std::pair<std::string, double>> seen;
    for (const auto& [id, value] : v) seen.emplace_back(id, value);
    EXPECT_EQ(seen, (std::vector<std::pair<std::string, double>>{
                        {"CQS", 0.8575}, {"HTS", 0.8253}, {"NTS", 1.0}}));
    try {
        (void)v.at("XHS");
        FAIL() << "at() of an id without a value must throw";
    } catch (const std::out_of_range& e) {
        EXPECT_NE(std::string(e.what()).find("XHS"), std::string::npos);
    }
    EXPECT_TRUE(PeerValues{}.empty());
    EXPECT_EQ(PeerValues{}.size(), 0U);
}

TEST(PeerValues, RowsOfOneTableShareTheirIdsAndSkipCellsNotGiven) {
    const auto keys = PeerValues::make_keys({"CQS.05", "NTS.01", "CQS.01"});
    EXPECT_EQ(*keys, (PeerKeys{"CQS.01", "CQS.05", "NTS.01"}));
    // Equal ids made again on this thread while the list is in use: the same list.
    EXPECT_EQ(PeerValues::make_keys({"NTS.01", "CQS.01", "CQS.05", "CQS.01"}), keys);
    PeerValues tam_hiep(keys);
    PeerValues dai_phuoc(keys);
    EXPECT_TRUE(tam_hiep.empty());
    tam_hiep.set_at(*tam_hiep.index_of("CQS.05"), 0.9);
    dai_phuoc.set("NTS.01", 0.25);  // an id of the list: no list of its own
    EXPECT_EQ(tam_hiep.keys(), dai_phuoc.keys());
    EXPECT_EQ(tam_hiep.size(), 1U);
    EXPECT_FALSE(tam_hiep.contains("NTS.01"));
    EXPECT_FALSE(dai_phuoc.contains("CQS.05"));
    EXPECT_THROW(tam_hiep.set_at(3, 0.5), std::out_of_range);

    // An id the shared list lacks gives this row a list of its own; the other row keeps its.
    tam_hiep.set("KTS.01", 0.5);
    EXPECT_NE(tam_hiep.keys(), keys);
    EXPECT_EQ(dai_phuoc.keys(), keys);
    EXPECT_EQ(keys->size(), 3U);
    EXPECT_DOUBLE_EQ(tam_hiep.at("KTS.01"), 0.5);
    EXPECT_DOUBLE_EQ(tam_hiep.at("CQS.05"), 0.9);
    EXPECT_EQ(tam_hiep.size(), 2U);
}

TEST(PeerValues, EqualityIsByIdsAndValuesWhateverTheList) {
    const auto keys = PeerValues::make_keys({"CQS", "NTS", "XHS"});
    PeerValues shared(keys);
    shared.set("NTS", 1.0);
    shared.set("CQS", 0.8575);
    const PeerValues own{{"CQS", 0.8575}, {"NTS", 1.0}};
    EXPECT_EQ(shared, own);
    EXPECT_EQ(own, shared);
    PeerValues other = own;
    other.set("XHS", 0.5);
    EXPECT_NE(other, own);
    EXPECT_TRUE(other.erase("XHS"));
    EXPECT_FALSE(other.erase("XHS"));
    EXPECT_EQ(other, own);
    other.set("CQS", 0.8576);
    EXPECT_NE(other, own);
    other.clear();
    EXPECT_TRUE(other.empty());
    EXPECT_EQ(other, PeerValues{});
}

TEST(PeerValues, ANaNSetIsKeptSoThatValidationRefusesIt) {
    PeerResult r;
    r.unit = "Phường Tam Hiệp";
    r.year = 2025;
    r.dti = 0.8002;
    r.components.set("CQS.05", std::numeric_limits<double>::quiet_NaN());
    EXPECT_TRUE(r.components.contains("CQS.05"));
    EXPECT_TRUE(std::isnan(r.components.at("CQS.05")));
    PeerTable t;
    t.results.push_back(r);
    const std::string message =
        dtiplan_test::error_of<ValidationError>([&] { validate_peer_table(t); });
    EXPECT_NE(message.find("CQS.05"), std::string::npos) << message;
    EXPECT_NE(message.find("NaN"), std::string::npos) << message;
}

TEST(PeerValues, ATableReadFromCsvSharesOneListOfIdsAcrossItsRows) {
    const Framework f = builtin_framework();
    const PeerTable t = peers_from_csv(
        "unit,year,dti,CQS,CQS.05\n"
        "Phường Tam Hiệp,2025,0.8002,0.8575,0.9\n"
        "Xã Đại Phước,2025,0.7002,,0.25\n"
        "Phường Trấn Biên,2025,0.7511,0.7,\n",
        "peers.csv", &f);
    ASSERT_EQ(t.size(), 3U);
    for (const PeerResult& r : t.results) {
        EXPECT_EQ(r.main_indices.keys(), t.results[0].main_indices.keys()) << r.unit;
        EXPECT_EQ(r.components.keys(), t.results[0].components.keys()) << r.unit;
    }
    EXPECT_EQ(*t.results[0].main_indices.keys(), PeerKeys{"CQS"});
    EXPECT_FALSE(t.results[1].main_indices.contains("CQS"));  // an empty cell: not given
    EXPECT_EQ(t.results[1].main_indices.size(), 0U);
    EXPECT_DOUBLE_EQ(t.results[1].components.at("CQS.05"), 0.25);
    EXPECT_FALSE(t.results[2].components.contains("CQS.05"));
    EXPECT_EQ(t.results[0].main_indices, (PeerValues{{"CQS", 0.8575}}));
}

TEST(PeerValues, IdsSharedByRowsAreCheckedForEachValueGiven) {
    // The check of a table looks at a shared list of ids once when every id is the framework's;
    // a list with an unknown id falls back to the values each row gives.
    const Framework f = builtin_framework();
    const auto keys = PeerValues::make_keys({"CQS.05", "XYZ.01"});
    PeerTable t;
    for (const char* unit : {"Phường Tam Hiệp", "Xã Đại Phước"}) {
        PeerResult r;
        r.unit = unit;
        r.year = 2025;
        r.dti = 0.75;
        r.components = PeerValues(keys);
        r.components.set("CQS.05", 0.9);
        t.results.push_back(r);
    }
    EXPECT_NO_THROW(validate_peer_table(t, &f));  // XYZ.01 is in the list, given by no row
    t.results[1].components.set("XYZ.01", 0.5);
    const std::string message =
        dtiplan_test::error_of<ValidationError>([&] { validate_peer_table(t, &f); });
    EXPECT_NE(message.find("results[1], XYZ.01"), std::string::npos) << message;
    EXPECT_NE(message.find("not a component id"), std::string::npos) << message;
}
