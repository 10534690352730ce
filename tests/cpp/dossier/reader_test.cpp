// Reading a dossier export: every rate of the hand-made file worked out by hand, the windows of
// Nghị định 09 and of the calendar month, a selected period, column mappings (the national
// portal's names, Vietnamese headers), and each bad cell named by file, row and column.
#include <gtest/gtest.h>

#include "dossier/dossier_fixture.hpp"
#include "temp_dir.hpp"

#include <algorithm>
#include <filesystem>
#include <sstream>
#include <string>

#include "dtiplan/dossier/reader.hpp"
#include "dtiplan/error.hpp"

using namespace dtiplan;
using namespace dtiplan::test_support;

namespace {

DossierSummary read_text(const std::string& text, const DossierOptions& options = {},
                         const std::string& name = "ho-so.csv") {
    TempDir dir;
    write_text(dir.path() / name, text);
    return read_dossiers(dir.path() / name, &dossier_plan(), options);
}

const DossierUnitTally& unit(const DossierWindow& w, const std::string& id) {
    for (const auto& u : w.units)
        if (u.unit == id) return u;
    throw std::runtime_error("no unit " + id);
}

/// The message of reading `text` as ho-so.csv, which must name the file by the path it was
/// given; returned from the file's name on.
std::string error_of(const std::string& text, const DossierOptions& options = {}) {
    TempDir dir;
    const std::filesystem::path path = dir.path() / "ho-so.csv";
    write_text(path, text);
    try {
        (void)read_dossiers(path, &dossier_plan(), options);
    } catch (const FormatError& e) {
        const std::string message = e.what();
        const std::string folder = dir.path().string() + "/";
        if (message.rfind(folder, 0) != 0) return "(not the path given) " + message;
        return message.substr(folder.size());
    }
    return "(no error)";
}

}  // namespace

TEST(DossierReader, EveryRateOfAUnitAsWorkedOutByHand) {
    const DossierSummary s = read_text(kDossierHeader + kDossierRows);
    EXPECT_EQ(s.origin, "ho-so.csv");
    EXPECT_EQ(s.rows, 7u);
    EXPECT_EQ(s.counted, 7u);
    ASSERT_EQ(s.windows.size(), 2u);
    const DossierWindow& nov = s.windows[0];
    EXPECT_EQ(nov.period, Period::month(2026, 11));
    EXPECT_EQ(nov.window.first, Date(2026, 10, 15));
    EXPECT_EQ(nov.window.last, Date(2026, 11, 14));
    // Plan order: TTPVHCC comes before CAX in the plan.
    ASSERT_EQ(nov.units.size(), 2u);
    EXPECT_EQ(nov.units[0].unit, "TTPVHCC");
    EXPECT_EQ(nov.units[1].unit, "CAX");

    // TTPVHCC: H1..H5 (H4 named "Trung tâm Phục vụ hành chính công xã").
    const DossierRates r = dossier_rates(unit(nov, "TTPVHCC").tally);
    EXPECT_EQ(unit(nov, "TTPVHCC").tally.dossiers, 5u);
    EXPECT_EQ(r.online, (DossierRate{2, 4}));          // H1, H2 of H1, H2, H3, H5
    EXPECT_EQ(r.full_online, (DossierRate{1, 3}));     // H1 of H1, H2, H5
    EXPECT_EQ(r.digitised, (DossierRate{3, 5}));       // H1, H2, H4
    EXPECT_EQ(r.handled_online, (DossierRate{2, 5}));  // H1, H2
    EXPECT_EQ(r.e_result, (DossierRate{2, 3}));        // H1, H3 of the finished H1, H2, H3
    EXPECT_EQ(r.online_payment, (DossierRate{1, 3}));  // H2 of H2, H3, H4
    EXPECT_EQ(r.on_time,
              (DossierRate{1, 4}));  // H1; late: H2 (end after due), H3 (2 supplements), H5
    EXPECT_EQ(unit(nov, "TTPVHCC").tally.open_not_due, 1u);  // H4, due 20/11
    EXPECT_DOUBLE_EQ(*r.full_online.value(), 1.0 / 3.0);

    // Công an xã: C1 alone, on time with one supplement request.
    const DossierRates c = dossier_rates(unit(nov, "CAX").tally);
    EXPECT_EQ(c.online, (DossierRate{1, 1}));
    EXPECT_EQ(c.full_online, (DossierRate{0, 1}));
    EXPECT_EQ(c.on_time, (DossierRate{1, 1}));
    EXPECT_EQ(c.online_payment, (DossierRate{0, 1}));

    // The commune: both units.
    const DossierRates all = dossier_rates(nov.commune);
    EXPECT_EQ(nov.commune.dossiers, 6u);
    EXPECT_EQ(all.online, (DossierRate{3, 5}));
    EXPECT_EQ(all.full_online, (DossierRate{1, 4}));
    EXPECT_EQ(all.digitised, (DossierRate{4, 6}));
    EXPECT_EQ(all.handled_online, (DossierRate{3, 6}));
    EXPECT_EQ(all.e_result, (DossierRate{3, 4}));
    EXPECT_EQ(all.online_payment, (DossierRate{1, 4}));
    EXPECT_EQ(all.on_time, (DossierRate{2, 5}));

    // Tháng 12: H6 only; no dossier with a fee, so no payment rate ("không có hồ sơ").
    const DossierRates dec = dossier_rates(s.windows[1].commune);
    EXPECT_EQ(s.windows[1].period, Period::month(2026, 12));
    EXPECT_EQ(dec.full_online, (DossierRate{1, 1}));
    EXPECT_EQ(dec.online_payment, (DossierRate{0, 0}));
    EXPECT_FALSE(dec.online_payment.value().has_value());
}

TEST(DossierReader, ListsTheHalfOnlineCasesWithTheirReasons) {
    const DossierSummary s = read_text(kDossierHeader + kDossierRows);
    ASSERT_EQ(s.half_online.size(), 2u);
    const HalfOnlineCase& h2 = s.half_online[0];
    EXPECT_EQ(h2.dossier, "H2");
    EXPECT_EQ(h2.procedure, "1.002");
    EXPECT_EQ(h2.procedure_name, "Chứng thực bản sao, chữ ký");
    EXPECT_EQ(h2.unit, "TTPVHCC");
    EXPECT_EQ(h2.row, 3u);
    EXPECT_EQ(h2.received, Date(2026, 11, 1));
    EXPECT_EQ(h2.reason(Language::Vietnamese),
              "yêu cầu mang bản chính đến đối chiếu; trả kết quả trực tiếp tại bộ phận một cửa");
    const HalfOnlineCase& c1 = s.half_online[1];
    EXPECT_EQ(c1.unit, "CAX");
    EXPECT_EQ(c1.reason(Language::Vietnamese), "yêu cầu mang bản chính đến đối chiếu");
    EXPECT_EQ(c1.reason(Language::English), "asked to bring originals for checking");
    EXPECT_EQ(unit(s.windows[0], "TTPVHCC").tally.half_online, 1u);
}

TEST(DossierReader, CalendarMonthsAndASelectedPeriod) {
    DossierOptions calendar;
    calendar.rule = ReportingWindow::CalendarMonth;
    const DossierSummary c = read_text(kDossierHeader + kDossierRows, calendar);
    ASSERT_EQ(c.windows.size(), 2u);
    EXPECT_EQ(c.windows[0].period, Period::month(2026, 10));  // H1, H5, C1
    EXPECT_EQ(c.windows[0].commune.dossiers, 3u);
    EXPECT_EQ(c.windows[1].period, Period::month(2026, 11));  // H2, H3, H4, H6
    EXPECT_EQ(c.windows[1].commune.dossiers, 4u);
    // Open H5 (due 16/10) is late at 31/10 under the calendar month too.
    EXPECT_EQ(dossier_rates(c.windows[0].commune).on_time, (DossierRate{2, 3}));

    DossierOptions november;
    november.period = Period::month(2026, 11);
    const DossierSummary n = read_text(kDossierHeader + kDossierRows, november);
    ASSERT_EQ(n.windows.size(), 1u);
    EXPECT_EQ(n.counted, 6u);
    EXPECT_EQ(n.outside, 1u);  // H6
    EXPECT_EQ(n.windows[0].window.first, Date(2026, 10, 15));

    DossierOptions quarter;
    quarter.period = Period::quarter(2026, 4);  // 15/09 – 14/12: every dossier
    EXPECT_EQ(read_text(kDossierHeader + kDossierRows, quarter).windows[0].commune.dossiers, 7u);
}

TEST(DossierReader, ColumnMappingsForThePortalsNamesAndVietnameseHeaders) {
    // The national portal's names, channels as 1/2/3, a semicolon-separated file with a BOM and
    // CRLF.
    const std::string portal =
        "\xEF\xBB\xBFMaHoSo;MaTTHC;TenTTHC;MucDo;KenhThucHien;DonViXuLy;NgayTiepNhan;NgayHenTra;"
        "NgayKetThucXuLy;NgayTra;TrangThaiHoSo;DaSoHoa;CoKetQuaDienTu;CoPhi;"
        "DuocThanhToanTrucTuyen;SoLanBoSung;YeuCauBanChinh;HinhThucNhanKetQua\r\n"
        "H1;1.001;Đăng ký khai sinh;toàn trình;2;TTPVHCC;2026-10-20 08:15:00;2026-10-22;"
        "2026-10-21T16:00:00;;;1;1;0;0;0;0;2\r\n"
        "H2;1.002;Chứng thực;toàn trình;2;TTPVHCC;2026-11-01;2026-11-05;;;;1;0;1;1;0;0;1\r\n";
    const std::string mapping = R"({"MaHoSo": "ma_ho_so", "MaTTHC": "ma_thu_tuc",
        "TenTTHC": "ten_thu_tuc", "MucDo": "muc_do", "KenhThucHien": "kenh",
        "DonViXuLy": "don_vi", "NgayTiepNhan": "ngay_tiep_nhan", "NgayHenTra": "ngay_hen_tra",
        "NgayKetThucXuLy": "ngay_ket_thuc", "NgayTra": "ngay_tra", "TrangThaiHoSo": "trang_thai",
        "DaSoHoa": "so_hoa", "CoKetQuaDienTu": "ket_qua_dien_tu", "CoPhi": "co_phi",
        "DuocThanhToanTrucTuyen": "thanh_toan_truc_tuyen", "SoLanBoSung": "so_lan_bo_sung",
        "YeuCauBanChinh": "yeu_cau_ban_chinh", "HinhThucNhanKetQua": "nhan_ket_qua"})";
    DossierOptions options;
    options.columns = parse_dossier_columns(mapping, "portal.json");
    const DossierSummary s = read_text(portal, options);
    const DossierRates r = dossier_rates(s.windows[0].commune);
    EXPECT_EQ(r.full_online, (DossierRate{1, 2}));  // H2's result at the counter (1)
    EXPECT_EQ(r.online_payment, (DossierRate{1, 1}));
    EXPECT_EQ(s.half_online.size(), 1u);

    // Vietnamese headers with diacritics are read as the fields they spell, without a mapping;
    // a mapping names the others ("Số hồ sơ" -> ma_ho_so).
    const std::string vietnamese =
        "Số hồ sơ,Mã thủ tục,Mức độ,Kênh,Đơn vị,Ngày tiếp nhận,Ngày hẹn trả,Ngày kết thúc,"
        "Số hóa,Kết quả điện tử,Có phí,Thanh toán trực tuyến,Số lần bổ sung,"
        "Yêu cầu bản chính,Nhận kết quả\n"
        "A1,1.001,toàn trình,trực tuyến,Công an xã,20/10/2026,22/10/2026,21/10/2026,có,có,không,"
        "không,0,không,bưu chính\n";
    DossierOptions vi;
    vi.columns = {{"Số hồ sơ", "ma_ho_so"}};
    const DossierSummary v = read_text(vietnamese, vi);
    EXPECT_EQ(v.windows[0].units[0].unit, "CAX");
    EXPECT_EQ(dossier_rates(v.windows[0].commune).full_online, (DossierRate{1, 1}));

    EXPECT_THROW((void)parse_dossier_columns(R"({"Mã": "ma_ho"})", "cot.json"), FormatError);
    EXPECT_THROW((void)parse_dossier_columns("[1]", "cot.json"), FormatError);
}

TEST(DossierReader, ABadCellNamesFileRowAndColumn) {
    const std::string h = kDossierHeader;
    const std::string good =
        "H1,1.001,Khai sinh,toàn trình,trực tuyến,TTPVHCC,20/10/2026,22/10/2026,,,,có,có,không,"
        "không,0,không,\n";
    EXPECT_EQ(error_of(h + good +
                       "H2,1.001,Khai sinh,toàn trình,trực tuyến,TTPVHCC,31/11/2026,22/12/2026,,,,"
                       "có,có,không,không,0,không,\n"),
              "ho-so.csv: row 3, column ngay_tiep_nhan: not a date: \"31/11/2026\" (dd/mm/yyyy "
              "or yyyy-mm-dd)");
    EXPECT_NE(error_of(h + "H2,1.001,Khai sinh,toàn trình,trực tuyến,Phòng Tư pháp,20/10/2026,"
                           "22/10/2026,,,,có,có,không,không,0,không,\n")
                  .find("ho-so.csv: row 2, column don_vi: unknown unit \"Phòng Tư pháp\""),
              std::string::npos);
    EXPECT_EQ(error_of(h + "H2,1.001,Khai sinh,toàn trình,trực tuyến,TTPVHCC,20/10/2026,"
                           "22/10/2026,,,,có rồi,có,không,không,0,không,\n"),
              "ho-so.csv: row 2, column so_hoa: not a yes/no cell: \"có rồi\" (có/không, x or "
              "empty, 1/0)");
    EXPECT_NE(error_of(h + "H2,1.001,Khai sinh,trực tuyến cấp độ 4,trực tuyến,TTPVHCC,20/10/2026,"
                           "22/10/2026,,,,có,có,không,không,0,không,\n")
                  .find("row 2, column muc_do"),
              std::string::npos);
    EXPECT_NE(error_of(h + "H2,1.001,Khai sinh,toàn trình,qua Zalo,TTPVHCC,20/10/2026,"
                           "22/10/2026,,,,có,có,không,không,0,không,\n")
                  .find("row 2, column kenh"),
              std::string::npos);
    EXPECT_NE(error_of(h + "H2,1.001,Khai sinh,toàn trình,trực tuyến,TTPVHCC,20/10/2026,"
                           "19/10/2026,,,,có,có,không,không,0,không,\n")
                  .find("row 2, column ngay_hen_tra: the due date comes before"),
              std::string::npos);
    EXPECT_NE(error_of(h + "H2,1.001,Khai sinh,toàn trình,trực tuyến,TTPVHCC,20/10/2026,"
                           "22/10/2026,,,,có,có,không,không,hai,không,\n")
                  .find("row 2, column so_lan_bo_sung: not a count"),
              std::string::npos);
    EXPECT_NE(error_of("ma_ho_so,don_vi\nH1,TTPVHCC\n")
                  .find("ho-so.csv: row 1: missing columns: "
                        "ma_thu_tuc, muc_do, kenh"),
              std::string::npos);
    EXPECT_NE(error_of(h + "H2,\"1.001,Khai sinh\n").find("row 2"), std::string::npos);
    EXPECT_NE(error_of(h + good + "H3,1.001,Kh\xE1i sinh,,trực tuyến,TTPVHCC,20/10/2026\n")
                  .find("ho-so.csv: row 3: the text is not UTF-8"),
              std::string::npos);
    EXPECT_NE(error_of(h + "H2,1.001,Khai sinh,toàn trình\n").find("row 2: the row has 4 cells"),
              std::string::npos);
}

TEST(DossierReader, SkipBadLeavesOutBadRowsButCountsAndListsThem) {
    DossierOptions options;
    options.skip_bad = true;
    const std::string bad =
        "X1,1.001,Khai sinh,toàn trình,trực tuyến,TTPVHCC,ngày 20,22/10/2026,,,,có,có,không,"
        "không,0,không,\n";
    const DossierSummary s = read_text(kDossierHeader + kDossierRows + bad, options);
    EXPECT_EQ(s.rows, 8u);
    EXPECT_EQ(s.counted, 7u);
    ASSERT_EQ(s.bad_rows.size(), 1u);
    EXPECT_EQ(s.bad_rows[0].row, 9u);
    EXPECT_EQ(s.bad_rows[0].column, "ngay_tiep_nhan");
    EXPECT_NE(s.bad_rows[0].message.find("\"ngày 20\""), std::string::npos);
    // The good rows give the same figures as without the bad one.
    EXPECT_EQ(s.windows, read_text(kDossierHeader + kDossierRows).windows);
}

TEST(DossierReader, QuotedCellsWithLineBreaksAcrossBlocksKeepRowNumbers) {
    // Enough rows to cross the reader's block boundary (1 MiB), with a quoted cell spanning lines.
    std::string text = kDossierHeader;
    const std::string row =
        "H,1.001,\"Đăng ký khai sinh\nkèm \"\"trích lục\"\"\",toàn trình,trực tuyến,TTPVHCC,"
        "20/10/2026,22/10/2026,21/10/2026,,,có,có,không,không,0,không,trực tuyến\n";
    const std::size_t n = (1u << 20) / row.size() + 500;
    for (std::size_t i = 0; i < n; ++i) text += row;
    text +=
        "Z,1.001,Khai sinh,toàn trình,trực tuyến,TTPVHCC,20/10/2026,sai,,,,có,có,không,không,"
        "0,không,\n";
    const std::string err = error_of(text);
    // Each good record spans two lines: the bad one starts at line 2 + 2n.
    EXPECT_NE(err.find("row " + std::to_string(2 + 2 * n) + ", column ngay_hen_tra"),
              std::string::npos)
        << err;
    DossierOptions skip;
    skip.skip_bad = true;
    const DossierSummary s = read_text(text, skip);
    EXPECT_EQ(s.counted, n);
    EXPECT_EQ(dossier_rates(s.windows[0].commune).full_online, (DossierRate{n, n}));
}

TEST(DossierReader, Sha256OfTheFileAndAFedReaderAgree) {
    TempDir dir;
    write_text(dir.path() / "abc.csv", "abc");
    EXPECT_EQ(file_sha256(dir.path() / "abc.csv"),
              "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    write_text(dir.path() / "ho-so.csv", kDossierHeader + kDossierRows);
    const DossierSummary s = read_dossiers(dir.path() / "ho-so.csv", &dossier_plan());
    EXPECT_EQ(s.sha256, file_sha256(dir.path() / "ho-so.csv"));
    EXPECT_THROW((void)read_dossiers(dir.path() / "khong-co.csv", &dossier_plan()), FileError);

    // Rows fed one by one (as a workbook or a DataFrame is) give the same figures.
    DossierReader reader(&dossier_plan(), {}, "bang.xlsx");
    reader.header({"ma_ho_so", "ma_thu_tuc", "muc_do", "kenh", "don_vi", "ngay_tiep_nhan",
                   "ngay_hen_tra", "ngay_ket_thuc", "so_hoa", "ket_qua_dien_tu", "co_phi",
                   "thanh_toan_truc_tuyen", "so_lan_bo_sung", "yeu_cau_ban_chinh", "nhan_ket_qua"});
    reader.row({"H1", "1.001", "toàn trình", "trực tuyến", "TTPVHCC", "2026-10-20", "2026-10-22",
                "2026-10-21", "có", "có", "không", "không", "0", "không", "trực tuyến"},
               2);
    const DossierSummary fed = reader.finish();
    EXPECT_EQ(fed.sha256, "");
    EXPECT_EQ(dossier_rates(fed.windows[0].commune).full_online, (DossierRate{1, 1}));
}

TEST(DossierReader, AStreamGivesTheFilesFiguresAndDigest) {
    // An export received as a download or held in memory: the same windows, cases and rows as
    // the file, the digest of the bytes read, and errors naming the origin given.
    TempDir dir;
    const std::string text = kDossierHeader + kDossierRows;
    write_text(dir.path() / "ho-so.csv", text);
    const DossierSummary from_file = read_dossiers(dir.path() / "ho-so.csv", &dossier_plan());
    std::istringstream in(text);
    const DossierSummary from_stream = read_dossiers(in, "tai-ve.csv", &dossier_plan());
    EXPECT_EQ(from_stream.origin, "tai-ve.csv");
    EXPECT_EQ(from_stream.sha256, from_file.sha256);
    EXPECT_EQ(from_stream.windows, from_file.windows);
    EXPECT_EQ(from_stream.half_online, from_file.half_online);
    EXPECT_EQ(from_stream.rows, 7U);

    // Larger than the first block (64 KiB): blocks grow and no row is lost at their seams.
    std::string many = kDossierHeader;
    std::size_t rows = 0;
    while (many.size() < 300'000) {
        many += kDossierRows;
        rows += 7;
    }
    std::istringstream big(many);
    const DossierSummary s = read_dossiers(big, "nhieu.csv", &dossier_plan());
    EXPECT_EQ(s.rows, rows);
    EXPECT_EQ(s.half_online.size(), rows / 7 * 2);

    std::istringstream bad(kDossierHeader +
                           "H9,1.001,Đăng ký khai sinh,toàn trình,bằng thư,"
                           "TTPVHCC,20/10/2026,22/10/2026,,,,có,có,không,"
                           "không,0,không,\n");
    try {
        (void)read_dossiers(bad, "tai-ve.csv", &dossier_plan());
        FAIL() << "no error";
    } catch (const FormatError& e) {
        EXPECT_EQ(std::string(e.what()).rfind("tai-ve.csv: row 2, column kenh", 0), 0U) << e.what();
    }
}

namespace {

/// An export of at least `bytes` bytes: the hand-made rows again and again, dossier codes made
/// unique, with `middle` inserted as one row at the middle of the file.
std::string big_export(std::size_t bytes, const std::string& middle = "") {
    std::string text = kDossierHeader;
    std::size_t copy = 0;
    bool placed = middle.empty();
    while (text.size() < bytes) {
        if (!placed && text.size() >= bytes / 2 - middle.size() / 2) {
            text += middle;
            placed = true;
        }
        std::string rows = kDossierRows;
        for (std::size_t at = rows.find("\nH"); at != std::string::npos;
             at = rows.find("\nH", at + 1))
            rows.insert(at + 2, std::to_string(copy) + "-");
        text += rows;
        ++copy;
    }
    return text;
}

}  // namespace

TEST(DossierReader, ABigFileReadInTwoPartsGivesTheOnePassFigures) {
    // From 4 MiB a file is read as two parts on two threads; the stream is read in one pass.
    // Both must give the same windows, cases (with their rows in the file) and row counts.
    TempDir dir;
    std::string text = big_export(6u << 20);
    // A bad row in each half, left out and listed under skip_bad with its line in the file.
    for (const std::size_t at : {text.size() / 4, text.size() * 3 / 4})
        text.insert(text.find("\nH", at) + 1,
                    "X1,1.001,Đăng ký khai sinh,toàn trình,bằng bồ câu,TTPVHCC,20/10/2026,"
                    "22/10/2026,,,,có,có,không,không,0,không,\n");
    write_text(dir.path() / "ho-so-nam.csv", text);
    DossierOptions skip;
    skip.skip_bad = true;
    const DossierSummary parts = read_dossiers(dir.path() / "ho-so-nam.csv", &dossier_plan(), skip);
    std::istringstream in(text);
    const DossierSummary one = read_dossiers(in, "ho-so-nam.csv", &dossier_plan(), skip);
    ASSERT_EQ(parts.bad_rows.size(), 2U);
    EXPECT_EQ(parts.bad_rows, one.bad_rows);
    EXPECT_GT(parts.rows, 20'000U);
    EXPECT_EQ(parts.rows, one.rows);
    EXPECT_EQ(parts.counted, one.counted);
    EXPECT_EQ(parts.windows, one.windows);
    EXPECT_EQ(parts.half_online, one.half_online);
    EXPECT_EQ(parts.sha256, one.sha256);
    // The last case's row is its line in the file.
    const HalfOnlineCase& last = parts.half_online.back();
    std::size_t line = 1;
    std::size_t at = 0;
    for (std::size_t k = 1; k < last.row; ++k) at = text.find('\n', at) + 1, ++line;
    EXPECT_EQ(text.compare(at, last.dossier.size(), last.dossier), 0) << last.row;
}

TEST(DossierReader, AQuotedCellAcrossTheMiddleAndAnErrorAfterItKeepTheirRows) {
    TempDir dir;
    // A procedure name of many lines, quoted, across the middle of the file: the split point
    // falls inside it, and the file is read again in one pass.
    std::string name = "\"Thủ tục";
    for (int i = 0; i < 20'000; ++i) name += "\ndòng " + std::to_string(i);
    name += "\"";
    const std::string middle = "Q1,1.009," + name +
                               ",toàn trình,trực tuyến,TTPVHCC,20/10/2026,22/10/2026,"
                               "21/10/2026,,Đã trả kết quả,có,có,không,không,0,có,\n";
    const std::string text = big_export(5u << 20, middle);
    write_text(dir.path() / "ho-so.csv", text);
    const DossierSummary parts = read_dossiers(dir.path() / "ho-so.csv", &dossier_plan());
    std::istringstream in(text);
    EXPECT_EQ(parts.half_online, read_dossiers(in, "ho-so.csv", &dossier_plan()).half_online);

    // A bad cell in the second half is named by its line in the whole file.
    std::string bad = big_export(5u << 20);
    const std::size_t cut = bad.find("\nH", bad.size() * 3 / 4) + 1;
    const std::size_t line =
        static_cast<std::size_t>(
            std::count(bad.begin(), bad.begin() + static_cast<std::ptrdiff_t>(cut), '\n')) +
        1;
    bad.insert(cut,
               "X1,1.001,Đăng ký khai sinh,toàn trình,bằng bồ câu,TTPVHCC,20/10/2026,"
               "22/10/2026,,,,có,có,không,không,0,không,\n");
    write_text(dir.path() / "loi.csv", bad);
    try {
        (void)read_dossiers(dir.path() / "loi.csv", &dossier_plan());
        FAIL() << "no error";
    } catch (const FormatError& e) {
        EXPECT_NE(
            std::string(e.what()).find("loi.csv: row " + std::to_string(line) + ", column kenh"),
            std::string::npos)
            << e.what();
    }
}

TEST(DossierReader, ABigFileSavedByExcelWithAByteOrderMarkAndSemicolons) {
    // Excel's "CSV UTF-8" in a Vietnamese locale: a byte-order mark and ";" between cells. A big
    // file is parsed from memory; the mark and the separator are found there as in a stream.
    TempDir dir;
    std::string text = big_export(5u << 20);
    std::replace(text.begin(), text.end(), ',', ';');
    text.insert(0, "\xEF\xBB\xBF");
    write_text(dir.path() / "ho-so-excel.csv", text);
    const DossierSummary mapped = read_dossiers(dir.path() / "ho-so-excel.csv", &dossier_plan());
    std::istringstream in(text);
    const DossierSummary one = read_dossiers(in, "ho-so-excel.csv", &dossier_plan());
    EXPECT_GT(mapped.rows, 20'000U);
    EXPECT_EQ(mapped.rows, one.rows);
    EXPECT_EQ(mapped.windows, one.windows);
    EXPECT_EQ(mapped.sha256, one.sha256);
}

TEST(DossierReader, ABigFileWithAWindows1258LetterNamesItsLine) {
    // "Phước" saved as Windows-1258 (ư = 0xFD) in the second half of a big file.
    TempDir dir;
    std::string text = big_export(5u << 20);
    const std::size_t cut = text.find("\nH", text.size() * 3 / 4) + 1;
    const std::size_t line =
        static_cast<std::size_t>(
            std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(cut), '\n')) +
        1;
    text.insert(cut,
                "X2,1.001,Đăng ký khai sinh,toàn trình,trực tuyến,Ph\xFD\xF5\xEC"
                "c,20/10/2026,"
                "22/10/2026,,,,có,có,không,không,0,không,\n");
    write_text(dir.path() / "ho-so-1258.csv", text);
    try {
        (void)read_dossiers(dir.path() / "ho-so-1258.csv", &dossier_plan());
        FAIL() << "no error";
    } catch (const FormatError& e) {
        const std::string what = e.what();
        EXPECT_NE(what.find("ho-so-1258.csv: row " + std::to_string(line)), std::string::npos)
            << what;
        EXPECT_NE(what.find("not UTF-8"), std::string::npos) << what;
    }
}
