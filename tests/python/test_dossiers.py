"""``dtiplan dossiers`` and ``dtiplan.load_dossiers`` on a small hand-made export whose rates are
worked out below: per unit and for the commune, the "nửa vời" cases, a bad cell named by row and
column, --skip-bad, --columns, --period, the observations written, a workbook and a DataFrame."""

from __future__ import annotations

import csv
import io
import json
import math
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

import dtiplan

Run = Callable[..., Any]

HEADER = (
    "ma_ho_so,ma_thu_tuc,ten_thu_tuc,muc_do,kenh,don_vi,ngay_tiep_nhan,ngay_hen_tra,"
    "ngay_ket_thuc,ngay_tra,trang_thai,so_hoa,ket_qua_dien_tu,co_phi,thanh_toan_truc_tuyen,"
    "so_lan_bo_sung,yeu_cau_ban_chinh,nhan_ket_qua\n"
)
# Window of tháng 11/2026 under Nghị định 09: 15/10/2026 - 14/11/2026.
# TTPVHCC: K1 full online on time; K2 toàn trình online but originals asked ("nửa vời"), late,
# fee paid online; K3 một phần at the counter, on time; K4 no online service, open, not yet due.
# Phòng Kinh tế: P1 toàn trình online, result collected at the counter ("nửa vời"), on time.
ROWS = (
    "K1,1.001,Đăng ký khai sinh,toàn trình,trực tuyến,TTPVHCC,20/10/2026,22/10/2026,"
    "21/10/2026,,Đã trả,có,có,không,không,0,không,trực tuyến\n"
    "K2,1.002,Chứng thực bản sao,toàn trình,trực tuyến,TTPVHCC,01/11/2026,03/11/2026,"
    "05/11/2026,,Đã trả,có,không,có,có,0,có,bưu chính\n"
    "K3,1.003,Đăng ký kết hôn,một phần,trực tiếp,TTPVHCC,02/11/2026,04/11/2026,04/11/2026,,"
    "Đã trả,không,có,có,không,1,không,trực tiếp\n"
    "K4,1.004,Xác nhận cư trú,,trực tiếp,TTPVHCC,13/11/2026,20/11/2026,,,Đang xử lý,không,"
    "không,không,không,0,không,\n"
    "P1,3.001,Cấp giấy phép kinh doanh hộ,toàn trình,trực tuyến,Phòng Kinh tế,25/10/2026,"
    "30/10/2026,28/10/2026,,Đã trả,có,có,có,có,0,không,trực tiếp\n"
)


@pytest.fixture
def export(tmp_path: Path) -> Path:
    path = tmp_path / "ho-so-thang-11.csv"
    path.write_text(HEADER + ROWS, encoding="utf-8")
    return path


def _rate(entry: dict[str, Any], name: str) -> tuple[int, int]:
    return entry[name]["numerator"], entry[name]["denominator"]


def test_json_gives_every_rate_per_unit_and_for_the_commune(run_cli: Run, export: Path) -> None:
    result = run_cli("dossiers", export, "--format", "json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    units = {u["unit"]: u for u in data["units"]}
    assert list(units) == ["PKT", "TTPVHCC"]  # plan order: Phòng Kinh tế before TT PVHCC
    t = units["TTPVHCC"]
    assert t["dossiers"] == 4
    assert _rate(t, "online_rate") == (2, 3)  # K1, K2 of the three with an online service
    assert _rate(t, "full_online_rate") == (1, 2)  # K1 of K1, K2 (K2 is "nửa vời")
    assert _rate(t, "digitised_rate") == (2, 4)
    assert _rate(t, "handled_online_rate") == (2, 4)
    assert _rate(t, "e_result_rate") == (2, 3)  # K1, K3 of the finished K1, K2, K3
    assert _rate(t, "online_payment_rate") == (1, 2)  # K2 of K2, K3
    assert _rate(t, "on_time_rate") == (2, 3)  # K1, K3; K2 late; K4 not yet due
    assert t["full_online_rate"]["value"] == pytest.approx(0.5)
    c = data["commune"][0]
    assert c["period"] == "2026-11"
    assert c["window"] == {"first": "2026-10-15", "last": "2026-11-14"}
    assert _rate(c, "full_online_rate") == (1, 3)
    assert _rate(c, "online_payment_rate") == (2, 3)
    assert _rate(c, "on_time_rate") == (3, 4)
    half = {h["dossier"]: h for h in data["half_online"]}
    assert half["K2"]["reason"] == "yêu cầu mang bản chính đến đối chiếu"
    assert half["P1"]["reason"] == "trả kết quả trực tiếp tại bộ phận một cửa"
    assert half["P1"]["procedure"] == "3.001" and half["P1"]["unit"] == "PKT"
    assert data["source"]["rows"] == 5 and len(data["source"]["sha256"]) == 64
    scores = data["index_766"]["scores"]
    assert scores[-1]["unit"] == "" and scores[-1]["max_points"] == 64
    assert any(not c["confirmed"] for c in data["index_766"]["criteria"])


def test_text_shows_the_tables_and_the_flagged_dossiers_in_vietnamese(
    run_cli: Run, export: Path
) -> None:
    result = run_cli("dossiers", export)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "Kỳ báo cáo tháng 11/2026: từ 15/10/2026 đến 14/11/2026" in out
    assert "50% (1/2)" in out  # TT PVHCC's I.04
    assert "33,3% (1/3)" in out  # the commune's I.04, decimal comma
    assert 'Hồ sơ "trực tuyến nửa vời" (2)' in out
    assert "Phòng Kinh tế" in out and "Cấp giấy phép kinh doanh hộ" in out
    english = run_cli("dossiers", export, "--lang", "en").stdout
    assert "33.3% (1/3)" in english and "result collected at the counter" in english


def test_the_word_document_is_the_report_an_office_sends(
    run_cli: Run, export: Path, tmp_path: Path
) -> None:
    from docx import Document

    out = tmp_path / "ho-so-thang-11.docx"
    result = run_cli("dossiers", export, "--as-of", "2026-12-02", "--output", out)
    assert result.returncode == 0, result.stderr
    doc = Document(str(out))
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "BÁO CÁO" in text
    assert "Kết quả giải quyết hồ sơ thủ tục hành chính trực tuyến tháng 11 năm 2026" in text
    assert "Đại Phước, ngày 02 tháng 12 năm 2026" in "\n".join(
        c.text for t in doc.tables for r in t.rows for c in r.cells
    )
    assert "Kỳ báo cáo tháng 11/2026: từ 15/10/2026 đến 14/11/2026." in text
    assert "Có 2 hồ sơ của thủ tục trực tuyến toàn trình" in text
    assert "minh họa" not in text  # a real export is not labelled illustrative
    grids = [[[c.text for c in r.cells] for r in t.rows] for t in doc.tables]
    rates = next(g for g in grids if g[0][0] == "Đơn vị")
    assert rates[-1][0] == "Toàn xã" and rates[-1][3] == "33,3% (1/3)"  # I.04 of the commune
    half = next(g for g in grids if g[0][0] == "Mã hồ sơ")
    assert [row[0] for row in half[1:]] == ["K2", "P1"]
    assert half[2][4] == "trả kết quả trực tiếp tại bộ phận một cửa"
    index = next(g for g in grids if g[0][1] == "Tiêu chí")
    assert index[1][1] == "2.1 Hồ sơ giải quyết đúng hạn" and index[1][2] == "75% (3/4)"
    assert doc.sections[0].page_width > doc.sections[0].page_height  # landscape


def test_the_workbook_keeps_rates_as_numbers_and_lists_the_cases(
    run_cli: Run, export: Path, tmp_path: Path
) -> None:
    out = tmp_path / "ho-so.xlsx"
    assert run_cli("dossiers", export, "--output", out).returncode == 0
    sheets = pd.read_excel(out, sheet_name=None, header=1)
    assert list(sheets) == ["Tỷ lệ theo đơn vị", "Tử số và mẫu số", "Hồ sơ nửa vời", "Chỉ số 766"]
    rates = sheets["Tỷ lệ theo đơn vị"].set_index("Đơn vị")
    assert rates.loc["TT PVHCC", "I.04 toàn trình"] == pytest.approx(0.5)
    assert rates.loc["Toàn xã", "Hồ sơ"] == 5
    assert rates.loc["TT PVHCC", "Nửa vời"] == 1  # K2
    counts = sheets["Tử số và mẫu số"]
    row = counts[(counts["Đơn vị"] == "Toàn xã") & (counts["Chỉ tiêu"] == "I.04 toàn trình")]
    assert (int(row["Tử số"].iloc[0]), int(row["Mẫu số"].iloc[0])) == (1, 3)
    assert list(sheets["Hồ sơ nửa vời"]["Mã hồ sơ"]) == ["K2", "P1"]


def test_the_monthly_report_names_the_units_with_the_most_half_online_cases(
    run_cli: Run, export: Path
) -> None:
    # On 20/11/2026 the report is tháng 11/2026's (15/10 – 14/11): K2 (TT PVHCC) and P1 (Phòng
    # Kinh tế) are the month's "nửa vời" cases among the three toàn trình dossiers filed online.
    result = run_cli("report", "--as-of", "2026-11-20", "--dossiers", export)
    assert result.returncode in (0, 1), result.stderr
    assert (
        "Hồ sơ “trực tuyến nửa vời” tháng 11/2026 (15/10–14/11/2026): 2/3 hồ sơ toàn trình nộp "
        "trực tuyến; nhiều nhất: Phòng Kinh tế (1), TT PVHCC (1)"
    ) in result.stdout
    data = json.loads(
        run_cli("report", "--as-of", "2026-11-20", "--dossiers", export, "--format", "json").stdout
    )
    assert data["summary"]["dossiers"]["half_online"] == 2
    assert [u["unit"] for u in data["summary"]["dossiers"]["units"]] == ["PKT", "TTPVHCC"]
    # A month the export has no dossier for says so instead of "no case".
    december = run_cli("report", "--as-of", "2026-12-20", "--dossiers", export).stdout
    assert (
        "Tệp hồ sơ ho-so-thang-11.csv không có hồ sơ tiếp nhận trong tháng 12/2026 "
        "(15/11–14/12/2026)"
    ) in december


def test_a_rate_with_no_dossiers_says_so(run_cli: Run, tmp_path: Path) -> None:
    path = tmp_path / "khong-phi.csv"
    path.write_text(HEADER + ROWS.splitlines(keepends=True)[0], encoding="utf-8")
    data = json.loads(run_cli("dossiers", path, "--format", "json").stdout)
    assert data["commune"][0]["online_payment_rate"] == {
        "numerator": 0,
        "denominator": 0,
        "value": None,
    }
    assert "không có hồ sơ" in run_cli("dossiers", path).stdout


def test_a_bad_cell_names_file_row_and_column_and_skip_bad_lists_it(
    run_cli: Run, tmp_path: Path
) -> None:
    path = tmp_path / "loi.csv"
    bad = "K9,1.001,Khai sinh,toàn trình,trực tuyến,TTPVHCC,32/10/2026,22/10/2026,,,,có,có,"
    path.write_text(HEADER + ROWS + bad + "không,không,0,không,\n", encoding="utf-8")
    result = run_cli("dossiers", path)
    assert result.returncode == 2
    assert f'{path}: row 7, column ngay_tiep_nhan: not a date: "32/10/2026"' in result.stderr
    assert result.stderr.count("loi.csv") == 1  # the file named once, by the path given
    skipped = run_cli("dossiers", path, "--skip-bad")
    assert skipped.returncode == 0, skipped.stderr
    assert "Dòng lỗi bị bỏ qua (--skip-bad): 1" in skipped.stdout
    data = json.loads(run_cli("dossiers", path, "--skip-bad", "--format", "json").stdout)
    assert data["bad_rows"] == [
        {"row": 7, "column": "ngay_tiep_nhan", "message": data["bad_rows"][0]["message"]}
    ]
    assert data["source"] == {**data["source"], "rows": 6, "counted": 5}
    rows = list(
        csv.DictReader(
            io.StringIO(run_cli("dossiers", path, "--skip-bad", "--format", "csv").stdout)
        )
    )
    assert [r["row"] for r in rows if r["record"] == "bad_row"] == ["7"]
    assert {r["dossier"] for r in rows if r["record"] == "half_online"} == {"K2", "P1"}
    commune = [r for r in rows if r["record"] == "rate" and r["unit"] == ""]
    i04 = next(r for r in commune if r["measure"] == "full_online_rate")
    assert (i04["numerator"], i04["denominator"]) == ("1", "3")


def test_columns_mapping_and_period(run_cli: Run, tmp_path: Path) -> None:
    portal = HEADER.replace("ma_ho_so", "MaHoSo").replace("kenh", "KenhThucHien")
    portal = portal.replace("ngay_tiep_nhan", "NgayTiepNhan")
    path = tmp_path / "cong.csv"
    extra = (
        "K5,1.001,Khai sinh,toàn trình,trực tuyến,TTPVHCC,16/11/2026,18/11/2026,17/11/2026,"
        ",,có,có,không,không,0,không,trực tuyến\n"
    )
    path.write_text(portal + ROWS + extra, encoding="utf-8")
    mapping = tmp_path / "cot.json"
    mapping.write_text(
        json.dumps(
            {"MaHoSo": "ma_ho_so", "KenhThucHien": "kenh", "NgayTiepNhan": "ngay_tiep_nhan"}
        ),
        encoding="utf-8",
    )
    missing = run_cli("dossiers", path)
    assert missing.returncode == 2 and "missing columns: ma_ho_so, kenh" in missing.stderr
    data = json.loads(run_cli("dossiers", path, "--columns", mapping, "--format", "json").stdout)
    assert [c["period"] for c in data["commune"]] == ["2026-11", "2026-12"]
    nov = json.loads(
        run_cli(
            "dossiers", path, "--columns", mapping, "--period", "tháng 11/2026", "--format", "json"
        ).stdout
    )
    assert [c["period"] for c in nov["commune"]] == ["2026-11"]
    assert nov["source"]["outside_period"] == 1
    calendar = json.loads(
        run_cli(
            "dossiers", path, "--columns", mapping, "--window", "calendar-month", "--format", "json"
        ).stdout
    )
    assert [c["period"] for c in calendar["commune"]] == ["2026-10", "2026-11"]


def test_write_observations_feeds_the_plan(run_cli: Run, export: Path, tmp_path: Path) -> None:
    target = tmp_path / "so-lieu.csv"
    # The coordinator's file already holds a unit's figure: it is kept, the export's are added.
    target.write_text(
        "indicator,period,value,unit,submitted\nII.05,2026-10,45%,VHXH,2026-10-18\n",
        encoding="utf-8",
    )
    result = run_cli("dossiers", export, "--write-observations", target, "--as-of", "2026-11-18")
    assert result.returncode == 0, result.stderr
    assert "Đã thêm 6 số liệu" in result.stdout and "0 số liệu đã có từ trước" in result.stdout
    again = run_cli("dossiers", export, "--write-observations", target, "--as-of", "2026-11-18")
    assert "Đã thêm 0 số liệu" in again.stdout and "6 số liệu đã có từ trước" in again.stdout
    log = dtiplan.load_observations(target)
    assert len(log) == 7
    assert log.effective("II.05", "2026-10") is not None
    book = tmp_path / "so-lieu.xlsx"  # the workbook collect keeps works the same way
    for _ in range(2):
        assert run_cli("dossiers", export, "--write-observations", book).returncode == 0
    assert len(dtiplan.load_observations(book)) == 6
    i04 = log.effective("I.04", "2026-11")
    assert i04 is not None and i04.value.value == pytest.approx(1 / 3)
    assert i04.value.numerator == 1 and i04.value.denominator == 3
    assert i04.evidence[0].id.startswith("sha256:")
    assert "ho-so-thang-11.csv" in i04.evidence[0].title
    status = run_cli(
        "status", "--observations", target, "--as-of", "2026-11-20", "--format", "json"
    )
    assert status.returncode == 0, status.stderr


def test_python_api_from_a_file_a_dataframe_and_a_workbook(export: Path, tmp_path: Path) -> None:
    result = dtiplan.load_dossiers(export)
    frame = result.frame()
    commune = frame[(frame["unit"] == "") & (frame["period"] == "2026-11")].iloc[0]
    assert commune["full_online_rate_numerator"] == 1
    assert commune["full_online_rate"] == pytest.approx(1 / 3)
    pkt = frame[frame["unit"] == "PKT"].iloc[0]
    assert math.isnan(pkt["e_result_rate"]) is False
    assert list(result.half_online_frame()["dossier"]) == ["K2", "P1"]

    df = pd.read_csv(export, dtype=str, keep_default_na=False)
    from_df = dtiplan.load_dossiers(df)
    assert from_df.summary.windows == result.summary.windows
    assert from_df.summary.origin == "DataFrame"

    book = tmp_path / "ho-so.xlsx"
    df.to_excel(book, index=False)
    from_xlsx = dtiplan.load_dossiers(book)
    assert from_xlsx.summary.windows == result.summary.windows
    assert from_xlsx.summary.sha256 == dtiplan._core.file_sha256(book)

    df.loc[1, "kenh"] = "qua mạng xã hội"
    with pytest.raises(dtiplan.FormatError, match=r"DataFrame: row 3, column kenh"):
        dtiplan.load_dossiers(df)
