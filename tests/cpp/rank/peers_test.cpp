// Peer tables: reading them from CSV as coordinators write them (BOM, CRLF, ";", decimal
// commas), every error located by origin, row and column, and the round trip. Their growth to
// the evaluation date is in growth_test.cpp, the synthetic province in synthetic_test.cpp.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <string>
#include <vector>

#include "dtiplan/dtiplan.hpp"
#include "rank/peer_fixtures.hpp"

using namespace dtiplan;

using dtiplan_test::error_of;
using dtiplan_test::kPeersCsv;

TEST(PeerTable, ReadsAPlainTable) {
    const PeerTable t = peers_from_csv(kPeersCsv, "peers.csv");
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

TEST(PeerTable, DecomposedVietnameseIsComposedAndComposedTextReadInPlace) {
    // "Phường Tam Hiệp" typed with combining marks (NFD: ư + grave, e + dot below + circumflex)
    // names the same unit as the composed spelling; a file without such marks is read as it is.
    const std::string decomposed =
        "unit,year,dti\nPhu\xCC\x9Bo\xCC\x9B\xCC\x80ng Tam Hie\xCC\xA3\xCC\x82p,2025,0.8002\n";
    const PeerTable t = peers_from_csv(decomposed, "peers.csv");
    ASSERT_EQ(t.size(), 1U);
    EXPECT_EQ(t.results[0].unit, "Phường Tam Hiệp");
    EXPECT_EQ(peers_from_csv("\xEF\xBB\xBF" + std::string(kPeersCsv), "peers.csv"),
              peers_from_csv(kPeersCsv, "peers.csv"));
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
        message("unit,year,dti\nPhường Tam Hiệp,2025,\"8,002\"\n"),
        "peers.csv: row 2, column dti: expected a DTI from 0 to 1, found 8.002 (write the DTI "
        "on the 0..1 scale: 0.8002, not 800.2 points or 80.02%)");
    EXPECT_EQ(message("unit,year,dti\nPhường Tam Hiệp,2025,1.000\n"),
              "peers.csv: row 2, column dti: cannot read \"1.000\": a dot here is ambiguous: it "
              "is the thousands separator in Vietnamese (1.234 = 1234) and the decimal point in "
              "English (1.234 = 1,234); write the number without thousands separators and with a "
              "decimal comma (0,855 or 85,5%)");
    EXPECT_NE(message("unit,year,dti,CQS\nA,2025,0.5,1.000\n")
                  .find("column CQS: cannot read "
                        "\"1.000\": a dot here is "
                        "ambiguous"),
              std::string::npos);
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

// A long table is read one record at a time and says how far it is through the thread's
// progress scope (bytes read of all, the last call complete); a stop asked there stops it.
// Every row keeps its name, year and DTI, and a duplicate far down is still found.
TEST(PeerTable, LongTablesReportProgressAndStopWhenAsked) {
    std::string csv = "unit,year,dti\n";
    for (int i = 0; i < 5000; ++i)
        csv += "Xã Phước An " + std::to_string(i) + ",2025," + (i % 2 == 0 ? "\"0,7" : "0.6") +
               std::to_string(1000 + i % 9000).substr(1) + (i % 2 == 0 ? "\"\n" : "\n");
    std::vector<std::pair<std::size_t, std::size_t>> calls;
    PeerTable table;
    {
        const ProgressScope scope([&calls](std::size_t done, std::size_t total) {
            calls.emplace_back(done, total);
            return true;
        });
        table = peers_from_csv(csv, "bang-xep-hang.csv");
    }
    ASSERT_EQ(table.size(), 5000U);
    EXPECT_EQ(table.results[4999].unit, "Xã Phước An 4999");
    EXPECT_EQ(table.results[4999].origin, "bang-xep-hang.csv:5001");
    EXPECT_DOUBLE_EQ(table.results[2].dti, 0.7002);
    ASSERT_FALSE(calls.empty());
    EXPECT_EQ(calls.back().first, calls.back().second);
    EXPECT_EQ(calls.back().second, csv.size());
    {
        const ProgressScope stop([](std::size_t, std::size_t) { return false; });
        EXPECT_THROW((void)peers_from_csv(csv, "bang-xep-hang.csv"), SimulationCancelled);
    }
    csv += "Xã Phước An 17,2025,0.5\n";
    EXPECT_EQ(error_of<ValidationError>([&] { (void)peers_from_csv(csv, "bang-xep-hang.csv"); }),
              "bang-xep-hang.csv: row 5002, column unit: \"Xã Phước An 17\" has two results for "
              "2025 (also row 19)");
}
