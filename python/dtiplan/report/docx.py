"""The monthly report as the document the office sends (``--output FILE.docx``), laid out as
Nghị định 30/2020/NĐ-CP asks of an administrative document (docs/documents.md): A4 portrait,
margins 20/20/30/15 mm, Times New Roman 13-14; the issuing body over the Quốc hiệu and Tiêu ngữ,
each with its line under it; "Số: …/BC-VHXH" with the number left blank; place and date;
"BÁO CÁO" and its subject; the content; "Nơi nhận" and the signature block; page numbers at the
top centre from page 2.

The content: the summary (the same sentences as the text report), the status of every
indicator, the reporting table of the month, the units' board, the projection and the rank,
and the proposed actions grouped by their lead units. Everything comes from the report's data.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt
from docx.table import Table as DocxTable
from docx.text.paragraph import Paragraph

from .._core import Period
from ..track import ILLUSTRATIVE_LABEL
from ._format import number, short_name, window_text
from ._summary import probability_text
from .dossiers import dossier_rate_rows, half_online_rows, index_766_rows
from .tables import cell_text

__all__ = [
    "FONT",
    "LAYOUT",
    "MARGINS_MM",
    "PAGE_MM",
    "assessment_docx",
    "dossiers_docx",
    "report_docx",
]

#: The font (Nghị định 30/2020, Phụ lục I: Times New Roman, Unicode TCVN 6909:2001).
FONT = "Times New Roman"

#: The page, A4 portrait, and its margins in mm (Phụ lục I).
PAGE_MM = (210, 297)
MARGINS_MM = {"top": 20, "bottom": 20, "left": 30, "right": 15}

#: Type sizes in points (Phụ lục I; configurable values of a secondary summary, ADMIN.md §2).
LAYOUT: dict[str, float] = {
    "body_pt": 14,
    "national_pt": 12,
    "motto_pt": 13,
    "issuer_pt": 12,
    "type_pt": 14,
    "table_pt": 11,
    "recipients_head_pt": 12,
    "recipients_pt": 11,
}

_NATIONAL = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
_MOTTO = "Độc lập - Tự do - Hạnh phúc"

_HEADINGS = {
    "summary": "I. TÓM TẮT",
    "status": "II. TÌNH HÌNH THỰC HIỆN CÁC CHỈ TIÊU",
    "deadlines": "III. TÌNH HÌNH BÁO CÁO CỦA CÁC ĐƠN VỊ",
    "board": "IV. BẢNG XẾP HẠNG KẾT QUẢ THỰC HIỆN CỦA CÁC ĐƠN VỊ",
    "outlook": "V. DỰ BÁO VÀ THỨ HẠNG",
    "actions": "VI. ĐỀ XUẤT CÁC VIỆC CẦN LÀM THEO ĐƠN VỊ CHỦ TRÌ",
}


# --- Low-level helpers ------------------------------------------------------------------------


def _run(paragraph: Paragraph, text: str, size: float, bold: bool = False,
         italic: bool = False, underline: bool = False) -> None:  # fmt: skip
    run = paragraph.add_run(text)
    run.font.name = FONT
    run.font.size = Pt(size)
    run.bold = bold
    run.italic = italic
    run.underline = underline
    run._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), FONT)


def _para(container: Any, text: str = "", size: float = LAYOUT["body_pt"], *, bold: bool = False,
          italic: bool = False, align: Any = None, indent: bool = False, after: float = 0,
          before: float = 0) -> Paragraph:  # fmt: skip
    p: Paragraph = container.add_paragraph()
    if text:
        _run(p, text, size, bold, italic)
    fmt = p.paragraph_format
    fmt.space_after = Pt(after)
    fmt.space_before = Pt(before)
    fmt.line_spacing = 1.0
    if align is not None:
        p.alignment = align
    if indent:
        fmt.first_line_indent = Cm(1.27)
    return p


def _rule(container: Any, length: int) -> Paragraph:
    """A short line centred under a heading (underlined no-break spaces)."""
    p = _para(container, align=WD_ALIGN_PARAGRAPH.CENTER)
    _run(p, "\u00a0" * length, 6, underline=True)
    p.paragraph_format.space_after = Pt(0)
    return p


def _widths(table: DocxTable, widths_cm: Sequence[float]) -> None:
    """Fixed column widths (the grid and every cell, as Word and LibreOffice each read one)."""
    table.autofit = False
    for i, width in enumerate(widths_cm):
        table.columns[i].width = Cm(width)
        for cell in table.columns[i].cells:
            cell.width = Cm(width)


def _no_borders(table: DocxTable) -> None:
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        e = OxmlElement(f"w:{edge}")
        e.set(qn("w:val"), "nil")
        borders.append(e)
    table._tbl.tblPr.append(borders)


def _page_number_header(section: Any) -> None:
    """Page numbers at the top centre, not on the first page."""
    section.different_first_page_header_footer = True
    p = section.header.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = p.add_run()
    run.font.name = FONT
    run.font.size = Pt(13)
    for kind, text in (("begin", None), (None, "PAGE"), ("end", None)):
        if kind is not None:
            fld = OxmlElement("w:fldChar")
            fld.set(qn("w:fldCharType"), kind)
            run._element.append(fld)
        else:
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = str(text)
            run._element.append(instr)


def _grid(doc: Any, titles: Sequence[str], rows: Sequence[Sequence[str]],
          widths_cm: Sequence[float], numeric: Sequence[bool]) -> DocxTable:  # fmt: skip
    """A bordered table, titles in bold, numbers right-aligned, in the table type size."""
    table = doc.add_table(rows=1, cols=len(titles))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    size = LAYOUT["table_pt"]
    for i, title in enumerate(titles):
        cell = table.rows[0].cells[i]
        cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
        _run(cell.paragraphs[0], title, size, bold=True)
    for row in rows:
        cells = table.add_row().cells
        for i, text in enumerate(row):
            _run(cells[i].paragraphs[0], text, size)
            if numeric[i]:
                cells[i].paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
    _widths(table, widths_cm)
    # The header row repeats on every page.
    tr_pr = table.rows[0]._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    tr_pr.append(header)
    return table


# --- The parts ----------------------------------------------------------------------------------


def _heading_block(doc: Any, d: dict[str, Any]) -> None:
    """Issuing body and number (left), Quốc hiệu, Tiêu ngữ, place and date (right)."""
    table = doc.add_table(rows=1, cols=2)
    _no_borders(table)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    _widths(table, (7.5, 9.6))
    left, right = table.rows[0].cells
    centre = WD_ALIGN_PARAGRAPH.CENTER
    p = left.paragraphs[0]
    p.alignment = centre
    _run(p, d["parent"], LAYOUT["issuer_pt"])
    _para(left, d["issuer"], LAYOUT["issuer_pt"], bold=True, align=centre)
    _rule(left, 18)
    _para(left, d["number"], 13, align=centre, before=6)
    p = right.paragraphs[0]
    p.alignment = centre
    _run(p, _NATIONAL, LAYOUT["national_pt"], bold=True)
    _para(right, _MOTTO, LAYOUT["motto_pt"], bold=True, align=centre)
    _rule(right, 40)
    _para(right, d["place_date"], LAYOUT["body_pt"], italic=True, align=centre, before=6)


def _title_block(doc: Any, d: dict[str, Any], note: str) -> None:
    centre = WD_ALIGN_PARAGRAPH.CENTER
    _para(doc, d["type"], LAYOUT["type_pt"], bold=True, align=centre, before=18)
    _para(doc, d["subject"], LAYOUT["type_pt"], bold=True, align=centre)
    _rule(doc, 24)
    if note:
        _para(doc, note, 13, italic=True, align=centre, before=6)
    _para(doc, after=6)


def _heading(doc: Any, text: str) -> None:
    _para(doc, text, LAYOUT["body_pt"], bold=True, indent=True, before=6, after=6)


def _body(doc: Any, text: str) -> None:
    _para(doc, text, LAYOUT["body_pt"], align=WD_ALIGN_PARAGRAPH.JUSTIFY, indent=True, after=6)


def _summary(doc: Any, lines: Sequence[str]) -> None:
    for line in lines:
        text = line.strip()
        _body(doc, ("+ " if line.startswith("  ") else "- ") + text)


def _status(doc: Any, data: dict[str, Any], lang: str) -> None:
    rows = []
    for i in data["status"]["indicators"]:
        comps = i["components"]
        points = sum(c["points"] for c in comps) if comps else None
        top = sum(c["max_points"] for c in comps) if comps else None
        rows.append([
            i["id"], short_name(i["name"], 70),
            "" if i["target"] is None else i["target"]["reading"],
            i["value_text"] or "", i["status_label"],
            "" if points is None else f"{cell_text(points, 'number', lang)}/"
            f"{cell_text(top, 'number', lang)}",
        ])  # fmt: skip
    _grid(doc, ("Mã", "Chỉ tiêu", "Mục tiêu", "Giá trị", "Đánh giá", "Điểm DTI"), rows,
          (1.8, 6.2, 2.4, 2.0, 1.9, 2.0), (False, False, False, True, False, True))  # fmt: skip
    s = data["status"]
    _para(doc, after=6)
    _body(doc, f"Chỉ số DTI (tổng điểm/điểm tối đa): {number(s['dti'], 4, lang)} "
               f"({cell_text(s['points'], 'number', lang)}/"
               f"{number(s['max_points'], 0, lang)} điểm).")  # fmt: skip


def _deadlines(doc: Any, data: dict[str, Any], lang: str) -> None:
    d = data["deadlines"]
    rows = [
        [o["unit_name"], o["indicator"] or "Tổng hợp", cell_text(_iso(o["deadline"]), "date", lang),
         cell_text(_iso(o["submitted"]), "date", lang), o["state_label"]]
        for o in d["obligations"]
    ]  # fmt: skip
    _grid(doc, ("Đơn vị", "Chỉ tiêu", "Hạn nộp", "Ngày nộp", "Tình trạng"), rows,
          (5.4, 2.2, 2.8, 2.8, 3.1), (False, False, True, True, False))  # fmt: skip
    _para(doc, after=6)


def _iso(text: str | None) -> Any:
    return None if not text else datetime.date.fromisoformat(text)


def _board(doc: Any, data: dict[str, Any], lang: str) -> None:
    rows = [
        ["–" if u["rank"] is None else str(u["rank"]), u["unit_name"], str(u["indicators"]),
         str(u["met"]), cell_text(u["on_time_rate"], "percent", lang),
         number(u["score"], 4, lang)]
        for u in data["units"]["units"]
    ]  # fmt: skip
    _grid(doc, ("Hạng", "Đơn vị", "Chỉ tiêu", "Đạt", "Tỷ lệ đúng hạn", "Điểm xếp hạng"), rows,
          (1.3, 6.4, 1.8, 1.5, 2.6, 2.7), (True, False, True, True, True, True))  # fmt: skip
    _para(doc, after=6)
    _body(doc, "Điểm xếp hạng = 0,5 × tỷ lệ chỉ tiêu đạt mục tiêu + 0,5 × tỷ lệ báo cáo đúng "
               "hạn. Nhóm đơn vị (hạng “–”) không xếp hạng cùng các đơn vị.")  # fmt: skip


def _outlook(doc: Any, data: dict[str, Any], lang: str) -> None:
    proj = data["projection"]
    if proj is not None:
        dti = proj["dti"]
        _body(doc, f"DTI dự báo đến ngày {cell_text(_iso(proj['to']), 'date', lang)} (phần kế "
                   f"hoạch theo dõi): trung vị {number(dti['median'], 4, lang)}, khoảng 90% từ "
                   f"{number(dti['p05'], 4, lang)} đến {number(dti['p95'], 4, lang)}.")  # fmt: skip
    o = data["outlook"]
    if o is not None:
        lo, hi = o["rank_band_90"]
        _body(doc, f"Thứ hạng dự báo trong {o['goal']['of']} đơn vị cấp xã của tỉnh: trung vị "
                   f"{o['median_rank']}, khoảng 90% từ {lo} đến {hi}; xác suất vào nhóm "
                   f"{o['goal']['top']} đơn vị dẫn đầu: {probability_text(o['prob_top'], lang)} "
                   f"(các thành phần DTI kế hoạch chưa theo dõi giả định bằng trung vị các đơn "
                   f"vị khác; DTI dự báo gồm phần đó: {number(o['projected_dti'], 4, lang)}).")
        n = o["points_needed_keeping_spread"]
        if n["reachable"] and n["gap_points"] > 0:
            _body(doc, f"Để đạt mục tiêu của Kế hoạch với xác suất "
                       f"{probability_text(o['probability'], lang)}, DTI cần tăng thêm khoảng "
                       f"{number(n['gap_points'], 1, lang)} điểm so với dự báo.")  # fmt: skip


def _actions(doc: Any, data: dict[str, Any], lang: str) -> None:
    o = data["outlook"]
    actions = [] if o is None or o.get("improvement") is None else o["improvement"]["actions"]
    if not actions:
        _body(doc, "Không có việc nào của kế hoạch mang lại thêm điểm.")
        return
    groups: dict[str, list[dict[str, Any]]] = {}
    for a in actions:
        lead = "; ".join(a.get("lead_names") or []) or "Chưa có đơn vị chủ trì"
        groups.setdefault(lead, []).append(a)
    for lead, items in groups.items():
        _para(doc, f"{lead}:", LAYOUT["body_pt"], bold=True, italic=True, indent=True, after=3)
        for a in items:
            span = (f"từ {cell_text(a['from'], 'percent', lang)} lên "
                    f"{cell_text(a['to'], 'percent', lang)}")  # fmt: skip
            _body(doc, f"- {a['indicator']} “{short_name(a['name'], 90)}”: {span} "
                       f"(+{number(a['points_gained'], 1, lang)} điểm DTI).")  # fmt: skip


def _closing(doc: Any, d: dict[str, Any]) -> None:
    _para(doc, after=6)
    table = doc.add_table(rows=1, cols=2)
    _no_borders(table)
    _widths(table, (8.5, 8.0))
    # Nơi nhận and the signature stay together on one page.
    keep = OxmlElement("w:cantSplit")
    keep.set(qn("w:val"), "true")
    table.rows[0]._tr.get_or_add_trPr().append(keep)
    left, right = table.rows[0].cells
    p = left.paragraphs[0]
    _run(p, "Nơi nhận:", LAYOUT["recipients_head_pt"], bold=True, italic=True)
    for line in d["recipients"]:
        _para(left, f"- {line}", LAYOUT["recipients_pt"])
    centre = WD_ALIGN_PARAGRAPH.CENTER
    p = right.paragraphs[0]
    p.alignment = centre
    _run(p, d["signer_title"], LAYOUT["body_pt"], bold=True)
    for _ in range(4):
        _para(right, "", LAYOUT["body_pt"])
    _para(right, d["signer_name"] or "……………………", LAYOUT["body_pt"], bold=True, align=centre)


def _new_document(landscape: bool = False) -> Any:
    doc = Document()
    section = doc.sections[0]
    width, height = (Mm(v) for v in PAGE_MM)
    if landscape:
        section.orientation = WD_ORIENT.LANDSCAPE
        width, height = height, width
    else:
        section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = width, height
    m = MARGINS_MM
    section.top_margin, section.bottom_margin = Mm(m["top"]), Mm(m["bottom"])
    section.left_margin, section.right_margin = Mm(m["left"]), Mm(m["right"])
    style = doc.styles["Normal"]
    style.font.name = FONT
    style.font.size = Pt(LAYOUT["body_pt"])
    style.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), FONT)
    _page_number_header(section)
    return doc


def assessment_docx(data: dict[str, Any], path: Path, lang: str, titles: Sequence[str],
                    rows: Sequence[Sequence[str]]) -> None:  # fmt: skip
    """The annual self-assessment form as a Word document: the same heading as the report, on
    A4 landscape, the form's table (``titles`` and ``rows`` as text), then Nơi nhận and the
    signature block."""
    doc = _new_document(landscape=True)
    d = dict(data["document"])
    d["type"] = "BẢNG TỰ ĐÁNH GIÁ"
    d["subject"] = f"Chỉ số chuyển đổi số (DTI) năm {data['year']} của xã {data['plan']['commune']}"
    _heading_block(doc, d)
    note = ILLUSTRATIVE_LABEL["vi"] if data["illustrative"] else ""
    _title_block(doc, d, note)
    _grid(doc, titles, rows, (1.0, 4.6, 1.4, 4.2, 1.6, 1.6, 4.4, 3.6, 2.6),
          (False, False, True, False, True, True, False, False, False))  # fmt: skip
    _para(doc, after=6)
    _body(doc, f"Chỉ số DTI tự đánh giá: {number(data['dti'], 4, lang)} "
               f"({cell_text(data['points'], 'number', lang)}/"
               f"{number(data['max_points'], 0, lang)} điểm).")  # fmt: skip
    _closing(doc, d)
    doc.core_properties.title = f"{d['type']} {d['subject']}"
    doc.core_properties.language = "vi-VN"
    doc.save(str(path))


def dossiers_docx(data: dict[str, Any], path: Path, lang: str) -> None:
    """The dossier figures as the report the office sends (A4 landscape, the same heading and
    closing as the monthly report): where the figures come from, each window's rates per unit
    ("81,2% (13/16)", "không có hồ sơ"), the "nửa vời" cases to follow up, the 766 index and the
    rows left out. Vietnamese whatever ``lang``; numbers follow ``lang``."""
    doc = _new_document(landscape=True)
    d = data["document"]
    src = data["source"]
    _heading_block(doc, d)
    _title_block(doc, d, ILLUSTRATIVE_LABEL["vi"] if data["illustrative"] else "")
    _heading(doc, "I. NGUỒN SỐ LIỆU")
    _body(doc, f"Số liệu chiết xuất từ tệp {src['file']} của Hệ thống thông tin giải quyết thủ "
               f"tục hành chính: {number(src['rows'], 0, lang)} dòng, "
               f"{number(src['counted'], 0, lang)} hồ sơ được tính theo kỳ báo cáo.")  # fmt: skip
    _para(doc, f"Mã SHA-256 của tệp: {src['sha256'] or '-'}", LAYOUT["table_pt"], indent=True,
          after=6)  # fmt: skip
    _heading(doc, "II. TỶ LỆ THEO ĐƠN VỊ")
    widths = (4.0, 1.5, *(2.2,) * 7, 1.4, 1.9)
    for c in data["commune"]:
        text = window_text(Period.parse(c["period"]), c["window"], "vi")
        _body(doc, text[:1].upper() + text[1:] + ".")
        titles, rows = dossier_rate_rows(data, c["period"], lang)
        _grid(doc, titles, rows, widths, (False, *(True,) * (len(titles) - 1)))
        _para(doc, after=6)
    _heading(doc, "III. HỒ SƠ “TRỰC TUYẾN NỬA VỜI” CẦN CHẤN CHỈNH")
    if data["half_online"]:
        _body(doc, f"Có {number(len(data['half_online']), 0, lang)} hồ sơ của thủ tục trực tuyến toàn trình nộp "
                   "trực tuyến nhưng vẫn yêu cầu người dân mang bản chính đến đối chiếu hoặc "
                   "nhận kết quả trực tiếp; đề nghị các đơn vị kịp thời chấn chỉnh.")  # fmt: skip
        titles, rows = half_online_rows(data, lang)
        _grid(doc, titles, rows, (3.2, 7.0, 4.0, 2.6, 8.0), (False,) * 5)
    else:
        _body(doc, "Không có hồ sơ “trực tuyến nửa vời”.")
    _heading(doc, "IV. CHỈ SỐ 766 CỦA XÃ")
    _body(doc, "Các nhóm tiêu chí của Chỉ số 766 (Quyết định 766/QĐ-TTg) đo bằng hồ sơ: đúng "
               "hạn, nộp trực tuyến, thanh toán trực tuyến, số hóa và kết quả điện tử. Điểm tối "
               "đa và ngưỡng lấy từ nguồn thứ cấp, chưa đối chiếu văn bản gốc.")  # fmt: skip
    titles, rows = index_766_rows(data, lang)
    _grid(doc, titles, rows, (3.6, 8.0, 4.4, 2.6, 3.0, 3.2),
          (False, False, True, True, True, True))  # fmt: skip
    if data["bad_rows"]:
        _heading(doc, "V. DÒNG LỖI BỊ BỎ QUA")
        _body(doc, f"{len(data['bad_rows'])} dòng có ô sai không được tính (--skip-bad):")
        _grid(doc, ["Dòng", "Cột", "Lỗi"],
              [[str(b["row"]), b["column"], b["message"]] for b in data["bad_rows"]],
              (2.0, 4.0, 18.8), (True, False, False))  # fmt: skip
    _closing(doc, d)
    doc.core_properties.title = f"{d['type']} {d['subject']}"
    doc.core_properties.language = "vi-VN"
    doc.save(str(path))


def report_docx(data: dict[str, Any], path: Path, lang: str, lines: Sequence[str]) -> None:
    """Write the monthly report ``data`` to ``path`` as a Word document; ``lines`` is the
    summary as the text report writes it. The document is in Vietnamese (the language of
    the office's documents) whatever ``lang``; numbers follow ``lang``."""
    doc = _new_document()
    d = data["document"]
    note = ILLUSTRATIVE_LABEL["vi"] if data["illustrative"] else ""
    _heading_block(doc, d)
    _title_block(doc, d, note)
    _heading(doc, _HEADINGS["summary"])
    _summary(doc, lines)
    _heading(doc, _HEADINGS["status"])
    _status(doc, data, lang)
    _heading(doc, _HEADINGS["deadlines"])
    _deadlines(doc, data, lang)
    _heading(doc, _HEADINGS["board"])
    _board(doc, data, lang)
    if data.get("projection") is not None or data.get("outlook") is not None:
        _heading(doc, _HEADINGS["outlook"])
        _outlook(doc, data, lang)
        _heading(doc, _HEADINGS["actions"])
        _actions(doc, data, lang)
    _body(doc, f"Trên đây là báo cáo tình hình thực hiện kế hoạch {d['month_text']} của "
               f"{d['office']}.")  # fmt: skip
    _closing(doc, d)
    doc.core_properties.title = f"{d['type']} {d['subject']}"
    doc.core_properties.language = "vi-VN"
    doc.save(str(path))
