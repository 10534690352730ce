"""The report as one self-contained web page (``--output FILE.html``): the summary, the units'
ranking board ready to publish on the province's portal (plan appendix I.05), the status of
every indicator, and two charts drawn as inline SVG (the DTI fan: today's DTI and last month's,
widening to the projected band at the evaluation date; the rank distribution with the goal's
top k marked). No script, no network, no file beside it: a style sheet in the page, and every
text from the plan or the observations escaped (a unit named ``<script>`` shows as text).

:func:`report_html` writes the monthly report; :func:`tables_html` any verb's tables.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from html import escape
from typing import Any

from ._format import date_text, from_iso, number
from .tables import Table, cell_text, status_tables

__all__ = ["report_html", "tables_html"]

_STYLE = """
body{font-family:"Times New Roman",Times,serif;margin:24px auto;max-width:1100px;color:#111;
line-height:1.4;padding:0 16px}
h1{font-size:22px;margin:0 0 4px}h2{font-size:18px;margin:28px 0 8px;border-bottom:1px solid #999}
.note{color:#a40000;font-weight:bold}.meta{color:#555;font-size:14px}
ul.summary{padding-left:20px}ul.summary li.sub{list-style:none;margin-left:-4px;color:#333}
table{border-collapse:collapse;width:100%;font-size:14px}
th,td{border:1px solid #bbb;padding:3px 6px;vertical-align:top}
th{background:#e8eef5;text-align:left}td.n{text-align:right;white-space:nowrap}
tr.group td{background:#f4f4f4;font-style:italic}
.charts{display:flex;flex-wrap:wrap;gap:24px}.charts figure{margin:0}
figcaption{font-size:14px;color:#333;margin-top:4px}
"""

_WORDS = {
    "vi": {
        "board": "Bảng xếp hạng kết quả thực hiện của các đơn vị",
        "board_rule": "Điểm xếp hạng = 0,5 × tỷ lệ chỉ tiêu đạt mục tiêu + 0,5 × tỷ lệ báo cáo "
        "đúng hạn. Nhóm đơn vị (in nghiêng) không xếp hạng cùng các đơn vị.",
        "status": "Tình hình thực hiện các chỉ tiêu",
        "charts": "Biểu đồ",
        "fan": "DTI hiện tại và dự báo (khoảng 50% và 90%)",
        "dist": "Phân bố thứ hạng dự báo; vạch đỏ: top {top}",
        "summary": "Tóm tắt",
        "rank": "xác suất",
        "made": "Lập bằng dtiplan từ số liệu: {source}",
    },
    "en": {
        "board": "Ranking board of the units' results",
        "board_rule": "Score = 0.5 × share of indicators meeting their target + 0.5 × on-time "
        "reporting rate. A group of units (in italics) is not ranked with the units.",
        "status": "Status of the indicators",
        "charts": "Charts",
        "fan": "DTI now and projected (50% and 90% bands)",
        "dist": "Projected rank distribution; red line: top {top}",
        "summary": "Summary",
        "rank": "probability",
        "made": "Made with dtiplan from the observations: {source}",
    },
}

_NUMERIC = ("int", "number", "index", "percent")


def _table_html(table: Table, lang: str, group_rows: Sequence[bool] = ()) -> str:
    head = "".join(f"<th>{escape(t)}</th>" for t in table.titles)
    body = []
    for r, row in enumerate(table.rows):
        cells = []
        for i, value in enumerate(row):
            kind = table.kinds[i]
            cls = ' class="n"' if kind in _NUMERIC else ""
            cells.append(f"<td{cls}>{escape(cell_text(value, kind, lang))}</td>")
        cls = ' class="group"' if r < len(group_rows) and group_rows[r] else ""
        body.append(f"<tr{cls}>{''.join(cells)}</tr>")
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"


def _page(title: str, lang: str, body: list[str]) -> str:
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(title)}</title><style>{_STYLE}</style></head>\n<body>\n"
        + "\n".join(body)
        + "\n</body></html>\n"
    )


def _summary_list(lines: Sequence[str]) -> str:
    items = []
    for line in lines:
        cls = ' class="sub"' if line.startswith("  ") else ""
        items.append(f"<li{cls}>{escape(line.strip())}</li>")
    return f'<ul class="summary">{"".join(items)}</ul>'


def tables_html(title: str, lines: Sequence[str], tables: Sequence[Table], lang: str) -> str:
    """A page of ``title``, the ``lines`` as a list, and each table under its name."""
    body = [f"<h1>{escape(title)}</h1>"]
    if lines:
        body.append(_summary_list(lines))
    for table in tables:
        body.append(f"<h2>{escape(table.name)}</h2>")
        if table.note:
            body.append(f'<p class="note">{escape(table.note)}</p>')
        body.append(_table_html(table, lang))
    return _page(title, lang, body)


# --- Charts -----------------------------------------------------------------------------------


def _svg_open(w: int, h: int) -> str:
    return f'<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="0 0 {w} {h}" role="img">'


def _fan_svg(data: dict[str, Any], lang: str) -> str:
    """Last month's and today's DTI, then the projected band at the evaluation date."""
    proj = data["projection"]["dti"]
    to = from_iso(data["projection"]["to"])
    points: list[tuple[datetime.date, float]] = []
    prev = data.get("previous")
    if prev is not None:
        points.append((from_iso(prev["as_of"]), prev["dti"]))
    as_of = from_iso(data["as_of"])
    now = data["status"]["dti"]
    points.append((as_of, now))
    w, h, left, right, top, bottom = 460, 260, 52, 40, 14, 34
    start = points[0][0]
    span = max(1, (to - start).days)
    values = [float(v) for _, v in points] + [float(proj["p05"]), float(proj["p95"])]
    lo = max(0.0, min(values) - 0.05)
    hi = min(1.0, max(values) + 0.05)
    if hi - lo < 0.1:
        hi = min(1.0, lo + 0.1)

    def x(day: datetime.date) -> float:
        return left + (w - left - right) * (day - start).days / span

    def y(v: float) -> float:
        return top + (h - top - bottom) * (hi - v) / (hi - lo)

    out = [_svg_open(w, h)]
    for k in range(5):
        v = lo + (hi - lo) * k / 4
        out.append(f'<line x1="{left}" y1="{y(v):.1f}" x2="{w - right}" y2="{y(v):.1f}" '
                   'stroke="#ddd"/>')  # fmt: skip
        out.append(f'<text x="{left - 4}" y="{y(v) + 4:.1f}" font-size="11" '
                   f'text-anchor="end">{escape(number(v, 2, lang))}</text>')  # fmt: skip
    x0, x1 = x(as_of), x(to)
    for a, b, colour in (("p05", "p95", "#c6dbef"), ("p25", "p75", "#6baed6")):
        poly = f"{x0:.1f},{y(now):.1f} {x1:.1f},{y(proj[a]):.1f} {x1:.1f},{y(proj[b]):.1f}"
        out.append(f'<polygon points="{poly}" fill="{colour}" stroke="none"/>')
    out.append(f'<line x1="{x0:.1f}" y1="{y(now):.1f}" x2="{x1:.1f}" y2="{y(proj["median"]):.1f}" '
               'stroke="#08519c" stroke-width="2" stroke-dasharray="5,3"/>')  # fmt: skip
    path = " ".join(f"{x(d):.1f},{y(v):.1f}" for d, v in points)
    out.append(f'<polyline points="{path}" fill="none" stroke="#111" stroke-width="2"/>')
    for d, v in points:
        out.append(f'<circle cx="{x(d):.1f}" cy="{y(v):.1f}" r="3.5" fill="#111"/>')
        out.append(f'<text x="{x(d) + 4:.1f}" y="{y(v) - 8:.1f}" font-size="11" '
                   f'text-anchor="start">{escape(number(v, 4, lang))}</text>')  # fmt: skip
    out.append(f'<text x="{x1 + 3:.1f}" y="{y(proj["median"]) + 4:.1f}" font-size="11" '
               f'text-anchor="start">{escape(number(proj["median"], 4, lang))}</text>')  # fmt: skip
    for d in sorted({*(p[0] for p in points), to}):
        anchor = "start" if d == start else "middle"
        out.append(f'<text x="{x(d):.1f}" y="{h - 12}" font-size="11" '
                   f'text-anchor="{anchor}">{escape(date_text(d, lang))}</text>')  # fmt: skip
    out.append("</svg>")
    return "".join(out)


def _rank_svg(outlook: dict[str, Any], lang: str) -> str:
    """Bars of the probability of each rank (the ranks around the distribution's mass), and
    a line after the goal's top k."""
    dist = [r for r in outlook["distribution"] if r["probability"] >= 0.001]
    top = outlook["goal"]["top"]
    first = min([r["rank"] for r in dist] + [1])
    last = max([r["rank"] for r in dist] + [top + 1])
    w, h, left, right, bottom, head = 460, 260, 44, 12, 34, 14
    n = last - first + 1
    bar = (w - left - right) / n
    peak = max([float(r["probability"]) for r in dist] + [0.01])

    def y(p: float) -> float:
        return head + (h - head - bottom) * (1 - p / peak)

    out = [_svg_open(w, h)]
    for k in range(5):
        p = peak * k / 4
        out.append(f'<line x1="{left}" y1="{y(p):.1f}" x2="{w - right}" y2="{y(p):.1f}" '
                   'stroke="#ddd"/>')  # fmt: skip
        out.append(f'<text x="{left - 4}" y="{y(p) + 4:.1f}" font-size="11" text-anchor="end">'
                   f"{escape(number(100 * p, 1, lang))}%</text>")  # fmt: skip
    for r in dist:
        x = left + (r["rank"] - first) * bar
        out.append(f'<rect x="{x + 0.5:.1f}" y="{y(r["probability"]):.1f}" '
                   f'width="{max(1.0, bar - 1):.1f}" height="{h - bottom - y(r["probability"]):.1f}" '
                   'fill="#3182bd"/>')  # fmt: skip
    xt = left + (top - first + 1) * bar
    out.append(f'<line x1="{xt:.1f}" y1="{head}" x2="{xt:.1f}" y2="{h - bottom}" '
               'stroke="#c00" stroke-width="2"/>')  # fmt: skip
    step = max(1, n // 10)
    for rank in range(first, last + 1, step):
        x = left + (rank - first + 0.5) * bar
        out.append(f'<text x="{x:.1f}" y="{h - 18}" font-size="11" '
                   f'text-anchor="middle">{rank}</text>')  # fmt: skip
    out.append("</svg>")
    return "".join(out)


# --- The report -------------------------------------------------------------------------------


def report_html(data: dict[str, Any], lang: str, title: str, lines: Sequence[str],
                board: Table) -> str:  # fmt: skip
    """The monthly report's page: ``title`` and the summary ``lines`` (as the text report
    writes them), the board, the charts when the report has a projection and a rank outlook,
    and the status of every indicator."""
    w = _WORDS[lang]
    body = [f"<h1>{escape(title)}</h1>"]
    if data["illustrative"]:
        body.append(f'<p class="note">{escape(board.note)}</p>')
    body.append(f"<h2>{escape(w['summary'])}</h2>")
    body.append(_summary_list(lines))
    body.append(f'<h2 id="bang-xep-hang">{escape(w["board"])}</h2>')
    body.append(f'<p class="meta">{escape(w["board_rule"])}</p>')
    groups = [bool(u["group"]) for u in data["units"]["units"]]
    body.append(_table_html(board, lang, groups).replace("<table>", '<table id="board">', 1))
    if data.get("projection") is not None and data.get("outlook") is not None:
        top = data["outlook"]["goal"]["top"]
        body.append(f"<h2>{escape(w['charts'])}</h2><div class=\"charts\">")
        body.append(f"<figure>{_fan_svg(data, lang)}<figcaption>{escape(w['fan'])}"
                    "</figcaption></figure>")  # fmt: skip
        body.append(f"<figure>{_rank_svg(data['outlook'], lang)}<figcaption>"
                    f"{escape(w['dist'].format(top=top))}</figcaption></figure></div>")  # fmt: skip
    body.append(f"<h2>{escape(w['status'])}</h2>")
    body.append(_table_html(status_tables(data["status"], lang)[0], lang))
    body.append(f'<p class="meta">{escape(w["made"].format(source=data["status"]["observations"]))}'
                "</p>")  # fmt: skip
    return _page(title, lang, body)
