// Peer tables: reading them from CSV as coordinators write them (BOM, CRLF, ";", decimal
// commas), every error located by origin, row and column, the round trip, and the peers'
// evolution to the evaluation date. Also the synthetic province: its spread, its labels and its
// reproducibility.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <string>
#include <vector>

#include "dtiplan/dtiplan.hpp"

using namespace dtiplan;

namespace {

/// The message of the error `f` throws, or "" when it throws none.
template <class E, class F>
std::string error_of(F&& f) {
    try {
        f();
    } catch (const E& e) {
        return e.what();
    }
    return "";
}

const char* const kCsv =
    "unit,year,dti\n"
    "Phường Tam Hiệp,2025,0.8002\n"
    "Phường Trấn Biên,2025,0.7815\n"
    "Xã Đại Phước,2025,0.7240\n"
    "Phường Tam Hiệp,2024,0.7511\n";

}  // namespace

TEST(PeerTable, ReadsAPlainTable) {
    const PeerTable t = peers_from_csv(kCsv, "peers.csv");
    ASSERT_EQ(t.size(), 4U);
    EXPECT_EQ(t.results[0].unit, "Phường Tam Hiệp");
    EXPECT_EQ(t.results[0].year, 2025);
    EXPECT_DOUBLE_EQ(t.results[0].dti, 0.8002);
    EXPECT_EQ(t.results[0].origin, "peers.csv:2");
    EXPECT_FALSE(t.illustrative());
    EXPECT_EQ(t.units(),
              (std::vector<std::string>{"Phường Tam Hiệp", "Phường Trấn Biên", "Xã Đại Phước"}));
    const auto latest = t.latest();
    ASSERT_EQ(latest.size(), 3U);
    EXPECT_EQ(latest[0]->year, 2025);
    EXPECT_EQ(t.latest(2024).size(), 1U);
    EXPECT_EQ(t.latest(2024)[0]->dti, 0.7511);
    ASSERT_NE(t.find("Xã Đại Phước", 2025), nullptr);
    EXPECT_EQ(t.find("Xã Đại Phước", 2024), nullptr);
}

TEST(PeerTable, ReadsExcelSpellings) {
    // BOM, CRLF, ";" separators, decimal commas, columns in another order, yes/no as "có".
    const std::string csv =
        "\xEF\xBB\xBF"
        "DTI;Unit;Year;Illustrative\r\n"
        "0,8002;Phường Long Bình;2025;có\r\n"
        "\r\n"
        "0,7;\"Xã Nhơn Trạch; cũ\";2025;không\r\n";
    const PeerTable t = peers_from_csv(csv, "peers.csv");
    ASSERT_EQ(t.size(), 2U);
    EXPECT_DOUBLE_EQ(t.results[0].dti, 0.8002);
    EXPECT_TRUE(t.results[0].illustrative);
    EXPECT_EQ(t.results[1].unit, "Xã Nhơn Trạch; cũ");
    EXPECT_FALSE(t.results[1].illustrative);
    EXPECT_TRUE(t.illustrative());
}

TEST(PeerTable, ReadsMainIndicesAndComponentsWithAFramework) {
    const Framework f = builtin_framework();
    // Đà Nẵng's published 2022 provincial indices give 0.8002 with the provincial weights.
    const std::string csv =
        "unit,year,dti,NTS,TCS,HTS,NLS,ATTT,CQS,KTS,XHS,CQS.05\n"
        "Phường Hải Châu,2025,0.8002,1.0000,0.9000,0.8253,0.8487,0.7578,0.8575,0.7836,0.5197,0.9\n"
        "Phường Tam Hiệp,2025,0.7,,,,,,,,,\n";
    const PeerTable t = peers_from_csv(csv, "peers.csv", &f);
    ASSERT_EQ(t.size(), 2U);
    EXPECT_EQ(t.results[0].main_indices.size(), 8U);
    EXPECT_DOUBLE_EQ(t.results[0].main_indices.at("CQS"), 0.8575);
    EXPECT_DOUBLE_EQ(t.results[0].components.at("CQS.05"), 0.9);
    EXPECT_TRUE(t.results[1].main_indices.empty());
    // Without the framework these columns are unknown.
    EXPECT_NE(error_of<FormatError>([&] {
                  (void)peers_from_csv(csv, "peers.csv");
              }).find("peers.csv: row 1, column NTS: unknown column"),
              std::string::npos);
}

TEST(PeerTable, ErrorsNameTheOriginRowAndColumn) {
    const Framework f = builtin_framework();
    const auto message = [&](const std::string& csv) {
        return error_of<Error>([&] { (void)peers_from_csv(csv, "peers.csv", &f); });
    };
    EXPECT_EQ(
        message("unit,year,dti\nPhường Tam Hiệp,2025,8.002\n"),
        "peers.csv: row 2, column dti: expected a DTI from 0 to 1, found 8.002 (write the DTI "
        "on the 0..1 scale: 0.8002, not 800.2 points or 80.02%)");
    EXPECT_EQ(message("unit,year,dti\nPhường Tam Hiệp,2025,80%\n"),
              "peers.csv: row 2, column dti: cannot read \"80%\" as a DTI (e.g. 0.8002 or 0,8002)");
    EXPECT_EQ(message("unit,year\nPhường Tam Hiệp,2025\n"),
              "peers.csv: row 1: missing required column \"dti\"");
    EXPECT_NE(
        message("unit,year,dti,hạng\nA,2025,0.5,3\n").find("row 1, column hạng: unknown column"),
        std::string::npos);
    EXPECT_NE(message("unit,year,dti,DTI\nA,2025,0.5,0.5\n").find("appears twice"),
              std::string::npos);
    EXPECT_EQ(message("unit,year,dti\n,2025,0.5\n"),
              "peers.csv: row 2, column unit: missing unit name");
    EXPECT_EQ(message("unit,year,dti\nA,năm 2025,0.5\n"),
              "peers.csv: row 2, column year: cannot read \"năm 2025\" as a year (e.g. 2025)");
    EXPECT_EQ(message("unit,year,dti\nA,1995,0.5\n"),
              "peers.csv: row 2, column year: expected a year from 2000 to 2100, found 1995");
    EXPECT_EQ(
        message("unit,year,dti\nPhường Tam Hiệp,2025,0.5\nPhường Tam Hiệp,2025,0.6\n"),
        "peers.csv: row 3, column unit: \"Phường Tam Hiệp\" has two results for 2025 (also row 2)");
    EXPECT_EQ(message("unit,year,dti\nA,2025,0.5,1\n"),
              "peers.csv: row 2: 4 cells, but the header has 3 columns");
    EXPECT_EQ(
        message("unit,year,dti,CQS\nA,2025,0.5,1.5\n"),
        "peers.csv: row 2, column CQS: expected an index from 0 to 1, found 1.5 (write the DTI on "
        "the 0..1 scale: 0.8002, not 800.2 points or 80.02%)");
    EXPECT_NE(
        message("unit,year,dti,NTS,TCS,HTS,NLS,ATTT,CQS,KTS,XHS\n"
                "A,2025,0.7002,1.0000,0.9000,0.8253,0.8487,0.7578,0.8575,0.7836,0.5197\n")
            .find("peers.csv: row 2, column dti: the DTI 0.7002 disagrees with its main indices, "
                  "which give 0.8002"),
        std::string::npos);
    EXPECT_EQ(message("unit,year,dti\nA,2025,0.5\xff\n"),
              "peers.csv: line 2: the text is not UTF-8 (in Excel, save as \"CSV UTF-8\")");
    EXPECT_EQ(
        message(""),
        "peers.csv: row 1: a header row is required (columns: unit, year, dti, illustrative, and "
        "the framework's main indicator and component ids (e.g. CQS, CQS.05))");
}

TEST(PeerTable, RoundTripsThroughCsv) {
    const Framework f = builtin_framework();
    PeerTable t;
    PeerResult a;
    a.unit = "Phường Tam Hiệp, khu phố 1";  // a comma: quoted
    a.year = 2025;
    a.dti = 0.8002;
    a.main_indices = {{"NTS", 1.0},     {"TCS", 0.9},    {"HTS", 0.8253}, {"NLS", 0.8487},
                      {"ATTT", 0.7578}, {"CQS", 0.8575}, {"KTS", 0.7836}, {"XHS", 0.5197}};
    a.components = {{"CQS.05", 0.25}};
    a.illustrative = true;
    PeerResult b;
    b.unit = "Xã \"Đại\" Phước";
    b.year = 2024;
    b.dti = 1.0 / 3.0;
    t.results = {a, b};
    PeerTable back = peers_from_csv(peers_to_csv(t, &f), "x.csv", &f);
    for (auto& r : back.results) r.origin.clear();
    EXPECT_EQ(back, t);
    EXPECT_EQ(peers_to_csv(t, &f).substr(0, 54),
              "unit,year,dti,illustrative,NTS,TCS,HTS,NLS,ATTT,CQS,KT");
}

TEST(PeerEvolution, GrowsEachPeerByTheYearsElapsed) {
    const Date eval(2026, 12, 31);
    EXPECT_NEAR(years_elapsed(2025, eval), 1.0, 1e-12);
    EXPECT_NEAR(years_elapsed(2024, eval), 2.0, 1e-12);
    EXPECT_NEAR(years_elapsed(2026, eval), 0.0, 1e-12);
    EXPECT_NEAR(years_elapsed(2025, Date(2026, 6, 30)), 0.5, 0.01);
    EXPECT_LT(years_elapsed(2026, Date(2026, 6, 30)), 0.0);

    PeerTable t = peers_from_csv(kCsv, "peers.csv");
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
    const PeerTable t = peers_from_csv(kCsv, "peers.csv");  // only Tam Hiệp has two years
    const std::string message = error_of<ValidationError>([&] { (void)estimate_growth(t); });
    EXPECT_NE(message.find("at least two yearly changes"), std::string::npos) << message;
    EXPECT_NE(message.find("found 1"), std::string::npos) << message;
}
