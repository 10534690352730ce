"""The files ``--output`` writes: the Word report a commune office signs (read back with
python-docx, each component of Nghị định 30/2020), the workbook (read back with pandas), the
web page (escaped; opened in headless Chromium), Markdown, CSV files, and the errors."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from docx import Document
from docx.shared import Pt

Run = Callable[..., subprocess.CompletedProcess[str]]
AS_OF = "2026-11-20"
LABEL = "Số liệu minh họa (không phải số liệu chính thức)"


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The November report written once in every format."""
    folder = tmp_path_factory.mktemp("bao-cao")
    for ext in ("docx", "xlsx", "html", "md", "csv"):
        from dtiplan.cli import main

        assert main(["report", "--as-of", AS_OF, "--output", str(folder / f"bao-cao.{ext}")]) == 0
    return folder


def _texts(doc: Any) -> list[str]:
    out = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for row in table.rows:
            for cell in row.cells:
                out += [p.text for p in cell.paragraphs]
    return out


def test_docx_has_every_component_of_an_administrative_document(written: Path) -> None:
    doc = Document(str(written / "bao-cao.docx"))
    section = doc.sections[0]
    def mm(length: Any) -> int:
        return round(length.mm)

    assert (mm(section.page_width), mm(section.page_height)) == (210, 297)  # A4 portrait
    assert mm(section.left_margin) == 30 and mm(section.right_margin) == 15
    assert mm(section.top_margin) == 20 and mm(section.bottom_margin) == 20
    assert doc.styles["Normal"].font.name == "Times New Roman"
    assert Pt(13) <= doc.styles["Normal"].font.size <= Pt(14)
    head = doc.tables[0]
    left = [p.text for p in head.rows[0].cells[0].paragraphs]
    right = [p.text for p in head.rows[0].cells[1].paragraphs]
    assert left[:2] == ["ỦY BAN NHÂN DÂN XÃ ĐẠI PHƯỚC", "PHÒNG VĂN HÓA - XÃ HỘI"]
    assert "Số: …/BC-VHXH" in left
    assert right[:2] == ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]
    # Each title has its line under it (an underlined run in the next paragraph).
    for cell in head.rows[0].cells:
        assert any(r.underline for p in cell.paragraphs for r in p.runs)
    assert "Đại Phước, ngày 20 tháng 11 năm 2026" in right
    date_run = next(r for p in head.rows[0].cells[1].paragraphs for r in p.runs
                    if r.text.startswith("Đại Phước, ngày"))  # fmt: skip
    assert date_run.italic
    texts = [p.text for p in doc.paragraphs]
    i = texts.index("BÁO CÁO")
    assert texts[i + 1].startswith("Tình hình thực hiện Kế hoạch duy trì, cải thiện và nâng cao")
    assert texts[i + 1].endswith("tháng 11 năm 2026")
    assert LABEL in texts
    headings = [t for t in texts if t[:4] in ("I. T", "II. ", "III.", "IV. ", "V. D", "VI. ")]
    assert headings == [
        "I. TÓM TẮT",
        "II. TÌNH HÌNH THỰC HIỆN CÁC CHỈ TIÊU",
        "III. TÌNH HÌNH BÁO CÁO CỦA CÁC ĐƠN VỊ",
        "IV. BẢNG XẾP HẠNG KẾT QUẢ THỰC HIỆN CỦA CÁC ĐƠN VỊ",
        "V. DỰ BÁO VÀ THỨ HẠNG",
        "VI. ĐỀ XUẤT CÁC VIỆC CẦN LÀM THEO ĐƠN VỊ CHỦ TRÌ",
    ]
    summary = " ".join(texts)
    # KTS.01 against the peers' best, as the projection and the rank score it (dtiplan status,
    # without peers, gives 0,5049: KTS.01 against the commune's own value).
    assert "Chỉ số DTI ngày 20/11/2026: 0,4853" in summary
    assert "19 chỉ tiêu mục III chưa có đơn vị chủ trì: III.1.01, III.1.02" in summary
    assert "Chưa nộp: Phòng VH-XH (II.04)" in summary
    assert "xác suất vào top 10" in summary
    # The status table: one row per indicator; the reporting table; the board.
    status, deadlines, board = doc.tables[1], doc.tables[2], doc.tables[3]
    assert len(status.rows) == 1 + 38
    assert [c.text for c in status.rows[1].cells][:3] == ["I.01", status.rows[1].cells[1].text,
                                                          "Đạt 100%"]  # fmt: skip
    assert len(deadlines.rows) == 1 + 22
    assert board.rows[1].cells[1].text == "Phòng Kinh tế"
    assert board.rows[-1].cells[0].text == "–"  # the group is shown apart, not ranked
    assert board.rows[-1].cells[1].text == "Các cơ quan, đơn vị; các ngành xã"
    # Actions grouped by lead unit, by name.
    assert "Phòng VH-XH; Sở KH&CN:" in texts
    closing = doc.tables[-1]
    recipients = [p.text for p in closing.rows[0].cells[0].paragraphs]
    assert recipients[0] == "Nơi nhận:"
    assert "- Sở Khoa học và Công nghệ;" in recipients and "- Lưu: VT, VHXH." in recipients
    assert closing.rows[0].cells[1].paragraphs[0].text == "TRƯỞNG PHÒNG"
    # Page numbers at the top centre, not on the first page.
    assert section.different_first_page_header_footer
    assert "PAGE" in section.header._element.xml


def test_workbook_sheets_read_back_with_their_values(written: Path) -> None:
    path = written / "bao-cao.xlsx"
    sheets = pd.read_excel(path, sheet_name=None, header=1)
    assert list(sheets) == ["Tổng hợp", "Chỉ tiêu", "Hạn báo cáo", "Xếp hạng đơn vị", "Dự báo",
                            "Thứ hạng", "Việc cần làm"]  # fmt: skip
    summary = sheets["Tổng hợp"].set_index("Nội dung")["Giá trị"]
    assert float(summary["Chỉ số DTI"]) == pytest.approx(0.4853)
    status = sheets["Chỉ tiêu"].set_index("Mã")
    assert len(status) == 38
    assert status.loc["I.01", "Tỷ lệ"] == pytest.approx(0.865)  # a number, not "86,5%"
    assert status.loc["I.01", "Mục tiêu"] == "Đạt 100%"
    deadlines = sheets["Hạn báo cáo"]
    assert len(deadlines) == 22
    assert set(deadlines["Tình trạng"]) >= {"Đúng hạn", "Chưa nộp"}
    board = sheets["Xếp hạng đơn vị"]
    assert board["Đơn vị"].tolist()[0] == "Phòng Kinh tế"
    assert board["Tỷ lệ đúng hạn"].iloc[0] == pytest.approx(18 / 22)
    ranks = sheets["Thứ hạng"]
    assert ranks["Xác suất"].sum() == pytest.approx(1.0, abs=1e-6)
    actions = sheets["Việc cần làm"]
    # The cheapest action first: II.09's budget share just past its target ("Trên 1%").
    assert "Phòng Kinh tế" in actions["Đơn vị chủ trì"].iloc[0]
    from openpyxl import load_workbook

    book = load_workbook(path)
    sheet = book["Chỉ tiêu"]
    assert sheet.freeze_panes == "A3"
    assert sheet["A1"].value.endswith(LABEL)  # the illustrative label
    column = next(c for c in sheet[2] if c.value == "Tỷ lệ").column_letter
    assert sheet[f"{column}3"].number_format == "0.0%"
    assert sheet.column_dimensions["B"].width > 20


def test_csv_files_one_table_each_with_bom(written: Path) -> None:
    names = sorted(p.name for p in written.glob("bao-cao-*.csv"))
    assert names == sorted(f"bao-cao-{s}.csv" for s in (
        "tong-hop", "chi-tieu", "han-bao-cao", "xep-hang-don-vi", "du-bao", "thu-hang",
        "viec-can-lam"))  # fmt: skip
    raw = (written / "bao-cao-xep-hang-don-vi.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    frame = pd.read_csv(written / "bao-cao-xep-hang-don-vi.csv", encoding="utf-8-sig")
    assert frame["Đơn vị"].tolist()[0] == "Phòng Kinh tế"
    assert set(frame["illustrative"]) == {True}


def test_markdown_has_the_summary_and_the_tables(written: Path) -> None:
    text = (written / "bao-cao.md").read_text(encoding="utf-8")
    assert text.startswith("# Báo cáo tình hình thực hiện Kế hoạch duy trì")
    assert "- Chỉ số DTI ngày 20/11/2026: 0,4853" in text
    assert "## Xếp hạng đơn vị" in text
    assert "| Các cơ quan, đơn vị; các ngành xã |" in text


def test_a_bad_extension_is_a_usage_error(run_cli: Run, tmp_path: Path) -> None:
    result = run_cli("report", "--as-of", AS_OF, "--output", tmp_path / "bao-cao.pdf")
    assert result.returncode == 2
    assert ".docx, .xlsx, .csv, .md, .html" in result.stderr
    assert not list(tmp_path.iterdir())


def test_writes_are_atomic_and_leave_no_temporary_file(run_cli: Run, tmp_path: Path) -> None:
    target = tmp_path / "xep-hang.xlsx"
    target.write_text("cũ")
    result = run_cli("units", "--as-of", AS_OF, "--output", target)
    assert result.returncode == 0, result.stderr
    assert target.read_bytes().startswith(b"PK")  # replaced by the workbook
    assert [p.name for p in tmp_path.iterdir()] == ["xep-hang.xlsx"]
    assert "xep-hang.xlsx" in result.stderr


def test_other_verbs_write_their_tables(run_cli: Run, tmp_path: Path) -> None:
    result = run_cli("improve", "--as-of", AS_OF, "--output", tmp_path / "viec.xlsx")
    assert result.returncode == 0, result.stderr
    frame = pd.read_excel(tmp_path / "viec.xlsx", sheet_name="Việc cần làm", header=1)
    assert frame["Chỉ tiêu"].iloc[0] == "II.09"


# --- The web page -----------------------------------------------------------------------------

_SCRIPT = "<script>alert(1)</script>"


@pytest.fixture
def hostile_page(plan_data: dict[str, Any], write_plan: Callable[..., Path],
                 tmp_path: Path) -> Path:  # fmt: skip
    for unit in plan_data["units"]:
        if unit["id"] == "PKT":
            unit["name"] = unit["short_name"] = _SCRIPT
    plan = write_plan(plan_data)
    from dtiplan.cli import main

    page = tmp_path / "bang-xep-hang.html"
    assert main(["report", "--plan", str(plan), "--as-of", AS_OF, "--output", str(page)]) == 0
    return page


def test_html_escapes_every_text(hostile_page: Path) -> None:
    text = hostile_page.read_text(encoding="utf-8")
    assert _SCRIPT not in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text
    assert "<script" not in text.lower()
    assert "http://" not in text.replace("http://www.w3.org/2000/svg", "")
    assert "https://" not in text and "<link" not in text and "src=" not in text
    assert text.count("<svg") == 2


def _browser() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


def test_html_in_headless_chromium(hostile_page: Path, tmp_path: Path) -> None:
    browser = _browser()
    if browser is None:
        if os.environ.get("CI") or os.environ.get("DTIPLAN_REQUIRE_BROWSER"):
            pytest.fail("chromium is required (scripts/setup.sh installs it)")
        pytest.skip("chromium is not installed (scripts/setup.sh installs it)")
    base = [browser, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
            f"--user-data-dir={tmp_path / 'profile'}", "--enable-logging=stderr", "--v=0"]  # fmt: skip
    dom = subprocess.run([*base, "--dump-dom", hostile_page.as_uri()], capture_output=True,
                         text=True, timeout=120, check=False)  # fmt: skip
    assert dom.returncode == 0, dom.stderr[-2000:]
    assert "CONSOLE" not in dom.stderr and "Uncaught" not in dom.stderr
    board = dom.stdout.split('id="board"', 1)[1].split("</table>", 1)[0]
    assert board.count("<tr") == 1 + 5  # the heading and one row per unit
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in board  # shown as text
    # The console check would catch an error: a page with one shows it on stderr.
    bad = tmp_path / "loi.html"
    bad.write_text("<p>x</p><script>khong_co_ham()</script>", encoding="utf-8")
    probe = subprocess.run([*base, "--dump-dom", bad.as_uri()], capture_output=True, text=True,
                           timeout=120, check=False)  # fmt: skip
    assert "CONSOLE" in probe.stderr
    shot = tmp_path / "bang-xep-hang.png"
    run = subprocess.run([*base, "--window-size=1200,1600", f"--screenshot={shot}",
                          hostile_page.as_uri()], capture_output=True, text=True, timeout=120,
                         check=False)  # fmt: skip
    assert run.returncode == 0 and shot.stat().st_size > 10_000


# --- The annual self-assessment form ------------------------------------------------------------


def test_assessment_self_scores_add_up_to_the_status_dti(run_cli: Run, tmp_path: Path) -> None:
    path = tmp_path / "tu-danh-gia-dti-2026.xlsx"
    result = run_cli("assessment", "--year", "2026", "--output", path)
    assert result.returncode == 0, result.stderr
    form = pd.read_excel(path, sheet_name="Tự đánh giá", header=1, dtype={"STT": str})
    assert list(form.columns) == ["STT", "Chỉ số", "Điểm tối đa", "Cách xác định và cho điểm",
                                  "Giá trị", "Điểm tự chấm", "Giải trình", "Tài liệu kiểm chứng",
                                  "Nguồn dữ liệu"]  # fmt: skip
    components = form[form["STT"].fillna("").str.contains(r"^\d+\.\d+$")]
    assert len(components) == 47 and components["Điểm tối đa"].sum() == 1000
    status = run_cli("status", "--as-of", "2026-12-14", "--format", "json")
    import json

    dti = json.loads(status.stdout)["dti"]
    assert components["Điểm tự chấm"].sum() / 1000 == pytest.approx(dti, abs=5e-5)
    # A component the plan does not track: listed, an empty self-score and a note.
    nts1 = components[components["Chỉ số"].str.startswith("NTS.01.")].iloc[0]
    assert pd.isna(nts1["Điểm tự chấm"])
    assert nts1["Giải trình"].startswith("Kế hoạch chưa có chỉ tiêu đo chỉ số này")
    assert nts1["Cách xác định và cho điểm"].startswith("Trưởng ban là Bí thư hoặc Chủ tịch")
    # A tracked one: its value, the indicator read, its evidence and its source.
    cqs2 = components[components["Chỉ số"].str.startswith("CQS.02.")].iloc[0]
    assert cqs2["Điểm tự chấm"] > 0 and 0 < cqs2["Giá trị"] <= 1
    assert cqs2["Cách xác định và cho điểm"] == "Tỷ lệ = a/b; Điểm = Tỷ lệ × Điểm tối đa"
    assert "I.04 “Tỷ lệ hồ sơ trực tuyến toàn trình”" in cqs2["Giải trình"]
    assert "tháng 12/2026" in cqs2["Tài liệu kiểm chứng"] or "I.04" in cqs2["Tài liệu kiểm chứng"]
    assert cqs2["Nguồn dữ liệu"].startswith("TT PVHCC: illustrative-observations-2026.csv")


def test_assessment_as_a_word_form(run_cli: Run, tmp_path: Path) -> None:
    path = tmp_path / "tu-danh-gia-dti-2026.docx"
    result = run_cli("assessment", "--year", "2026", "--output", path)
    assert result.returncode == 0, result.stderr
    doc = Document(str(path))
    texts = [p.text for p in doc.paragraphs]
    assert "BẢNG TỰ ĐÁNH GIÁ" in texts
    assert "Chỉ số chuyển đổi số (DTI) năm 2026 của xã Đại Phước" in texts
    form = doc.tables[1]
    assert [c.text for c in form.rows[0].cells][5] == "Điểm tự chấm"
    assert len(form.rows) == 1 + 8 + 47 + 1  # titles, main indicators, components, total
    assert doc.sections[0].page_width > doc.sections[0].page_height  # landscape


def test_the_word_report_is_vietnamese_whatever_lang(run_cli: Run, tmp_path: Path) -> None:
    path = tmp_path / "report.docx"
    result = run_cli("report", "--as-of", AS_OF, "--lang", "en", "--output", path)
    assert result.returncode == 0, result.stderr
    texts = [p.text for p in Document(str(path)).paragraphs]
    assert "I. TÓM TẮT" in texts
    assert any(t.startswith("- Chỉ số DTI ngày 20/11/2026: 0,4853") for t in texts)


# --- The Word report as an office opens it ------------------------------------------------------


def test_word_report_renders_in_libreoffice_as_a4_pages(written: Path, tmp_path: Path) -> None:
    """The .docx opens in LibreOffice (the office suite communes use besides Word): it converts
    to a PDF of A4 pages whose text carries the title, the heading and the recipients."""
    office = shutil.which("soffice") or shutil.which("libreoffice")
    pdfinfo, pdftotext = shutil.which("pdfinfo"), shutil.which("pdftotext")
    if office is None or pdfinfo is None or pdftotext is None:
        if os.environ.get("CI") or os.environ.get("DTIPLAN_REQUIRE_BROWSER"):
            pytest.fail("LibreOffice and poppler-utils are required (scripts/setup.sh installs them)")
        pytest.skip("LibreOffice is not installed (scripts/setup.sh installs it)")
    profile = (tmp_path / "profile").as_uri()
    result = subprocess.run(
        [office, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
         "--outdir", str(tmp_path), str(written / "bao-cao.docx")],
        capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    pdf = tmp_path / "bao-cao.pdf"
    assert result.returncode == 0 and pdf.is_file(), result.stderr[-2000:]
    info = subprocess.run([pdfinfo, str(pdf)], capture_output=True, text=True, check=True).stdout
    pages = int(next(line for line in info.splitlines() if line.startswith("Pages:")).split()[1])
    assert pages >= 2
    size = next(line for line in info.splitlines() if line.startswith("Page size:"))
    assert size.rstrip().endswith("pts (A4)"), size
    text = subprocess.run([pdftotext, "-layout", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout  # fmt: skip
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text
    assert "BÁO CÁO" in text
    assert "Nơi nhận:" in text
