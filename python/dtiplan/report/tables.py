"""Every verb's data as typed tables, for the files ``--output`` writes (workbook, CSV files,
Markdown, web page, Word document).

A :class:`Table` has a name (the sheet's or the file's), column titles in the output's language,
a kind per column (text, whole number, number, index, percentage, date) and rows of plain
values: numbers stay numbers (a percentage is its fraction, 0.825), dates are dates; each writer
decides how to show them (the workbook with a number format, the text ones with the decimal
comma of :mod:`._format`). Nothing is computed here: the values are the data's.
"""

from __future__ import annotations

import datetime
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from .._core import Period
from ..track import ILLUSTRATIVE_LABEL
from ._format import date_text, number, period_name, short_number, window_range

__all__ = [
    "Cell",
    "Table",
    "cell_text",
    "deadlines_tables",
    "improve_tables",
    "project_tables",
    "rank_tables",
    "report_tables",
    "status_tables",
    "units_tables",
]

#: Column kinds and how a writer shows them.
KINDS = ("text", "int", "year", "number", "index", "percent", "date")


@dataclass(frozen=True)
class Cell:
    """A value whose kind differs from its column's (the summary sheet's mixed column)."""

    value: Any
    kind: str


@dataclass(frozen=True)
class Table:
    """One table: ``name`` (a sheet name, at most 31 characters), ``slug`` (a file-name part,
    ASCII), the column ``titles`` and ``kinds``, the ``rows``, and ``note`` (the illustrative
    label, or "")."""

    name: str
    slug: str
    titles: tuple[str, ...]
    kinds: tuple[str, ...]
    rows: list[list[Any]] = field(default_factory=list)
    note: str = ""


def _note(illustrative: bool, lang: str) -> str:
    return ILLUSTRATIVE_LABEL[lang] if illustrative else ""


def _date(text: str | None) -> datetime.date | None:
    return None if not text else datetime.date.fromisoformat(text)


def _period_cell(period: str | None, window: dict[str, Any] | None, lang: str) -> str | None:
    """"tháng 3/2026 (15/02–14/03/2026)": the period and the days its report covers."""
    if not period:
        return None
    name = period_name(Period.parse(period), lang)
    if not window or not window.get("first") or not window.get("last"):
        return name
    return f"{name} ({window_range(window, lang)})"


def cell_text(value: Any, kind: str, lang: str) -> str:
    """A cell as text: the decimal comma and dot grouping in Vietnamese, percentages with one
    decimal at most, indices with four, dates as people read them; "" for none."""
    if isinstance(value, Cell):
        return cell_text(value.value, value.kind, lang)
    if value is None:
        return ""
    if isinstance(value, float) and math.isnan(value):
        return ""
    if kind == "int":
        return number(float(value), 0, lang)
    if kind == "year":
        return str(int(value))
    if kind == "number":
        return short_number(float(value), lang)
    if kind == "index":
        return number(float(value), 4, lang)
    if kind == "percent":
        return short_number(100.0 * float(value), lang) + "%"
    if kind == "date":
        return date_text(value, lang)
    return " ".join(str(value).split())


def _t(lang: str, vi: Sequence[str], en: Sequence[str]) -> tuple[str, ...]:
    return tuple(vi if lang == "vi" else en)


# --- The verbs' tables ------------------------------------------------------------------------


def status_tables(data: dict[str, Any], lang: str) -> list[Table]:
    """``status``: one row per indicator (Chỉ tiêu) and one per main indicator (Chỉ số chính)."""
    note = _note(data["illustrative"], lang)
    indicators = Table(
        "Chỉ tiêu" if lang == "vi" else "Indicators",
        "chi-tieu" if lang == "vi" else "indicators",
        _t(lang,
           ("Mã", "Chỉ tiêu", "Mục tiêu", "Năm", "Giá trị", "Tỷ lệ", "Kỳ báo cáo", "Ngày nộp",
            "Đơn vị báo cáo", "Đánh giá", "Còn thiếu", "Thành phần DTI", "Điểm", "Điểm tối đa"),
           ("ID", "Indicator", "Target", "Year", "Value", "Rate", "Period", "Submitted",
            "Reporting unit", "Status", "Gap", "DTI component", "Points", "Max points")),
        ("text", "text", "text", "year", "text", "percent", "text", "date", "text", "text",
         "percent", "text", "number", "number"),
        note=note,
    )  # fmt: skip
    for i in data["indicators"]:
        t = i["target"]
        comps = i["components"]
        indicators.rows.append([
            i["id"], i["name"], None if t is None else t["reading"],
            None if t is None else t["year"], i["value_text"], i["fraction"],
            _period_cell(i["period"], i.get("window"), lang),
            _date(i["submitted"]), i.get("unit_name"), i["status_label"],
            i["gap"] if i["kind"] == "rate" and i["met"] is False else None,
            ", ".join(c["id"] for c in comps),
            sum(c["points"] for c in comps) if comps else None,
            sum(c["max_points"] for c in comps) if comps else None,
        ])  # fmt: skip
    mains = Table(
        "Chỉ số chính" if lang == "vi" else "Main indicators",
        "chi-so-chinh" if lang == "vi" else "main-indicators",
        _t(lang, ("Mã", "Chỉ số chính", "Điểm", "Điểm tối đa", "Chỉ số"),
           ("ID", "Main indicator", "Points", "Max points", "Index")),
        ("text", "text", "number", "number", "index"),
        note=note,
    )
    for m in data["main_indicators"]:
        name = m["name"] if lang == "vi" else m.get("name_en") or m["name"]
        mains.rows.append([m["id"], name, m["points"], m["max_points"], m["index"]])
    mains.rows.append(["DTI", "Chỉ số DTI" if lang == "vi" else "DTI", data["points"],
                       data["max_points"], data["dti"]])  # fmt: skip
    return [indicators, mains]


def deadlines_tables(data: dict[str, Any], lang: str) -> list[Table]:
    """``deadlines``: one row per reporting obligation of the month (Hạn báo cáo)."""
    table = Table(
        "Hạn báo cáo" if lang == "vi" else "Deadlines",
        "han-bao-cao" if lang == "vi" else "deadlines",
        _t(lang, ("Đơn vị", "Chỉ tiêu", "Kỳ báo cáo", "Hạn nộp", "Ngày nộp", "Tình trạng", "Số ngày trễ"),
           ("Unit", "Indicator", "Period", "Deadline", "Submitted", "State", "Days late")),
        ("text", "text", "text", "date", "date", "text", "int"),
        note=_note(data["illustrative"], lang),
    )
    for o in data["obligations"]:
        indicator = o["indicator"] or ("Tổng hợp" if lang == "vi" else "Consolidated")
        table.rows.append([
            o["unit_name"], indicator,
            _period_cell(o["period"], {"first": o.get("window_first"),
                                       "last": o.get("window_last")}, lang),
            _date(o["deadline"]), _date(o["submitted"]),
            o["state_label"], o["days_late"] or None,
        ])  # fmt: skip
    return [table]


def units_tables(data: dict[str, Any], lang: str) -> list[Table]:
    """``units``: the units' board (Xếp hạng đơn vị); a group of units has no rank."""
    table = Table(
        "Xếp hạng đơn vị" if lang == "vi" else "Units",
        "xep-hang-don-vi" if lang == "vi" else "units",
        _t(lang,
           ("Hạng", "Đơn vị", "Chỉ tiêu", "Có số liệu", "Đạt", "Báo cáo đến hạn", "Đúng hạn",
            "Tỷ lệ đúng hạn", "Điểm DTI", "Điểm DTI tối đa", "Điểm xếp hạng"),
           ("Rank", "Unit", "Indicators", "With value", "Met", "Reports due", "On time",
            "On-time rate", "DTI points", "DTI max points", "Score")),
        ("int", "text", "int", "int", "int", "int", "int", "percent", "number", "number",
         "index"),
        note=_note(data["illustrative"], lang),
    )  # fmt: skip
    for u in data["units"]:
        table.rows.append([
            u["rank"], u["unit_name"], u["indicators"], u["with_value"], u["met"],
            u["reports_due"], u["reports_on_time"], u["on_time_rate"], u["points"],
            u["max_points"], u["score"],
        ])  # fmt: skip
    return [table]


def _fraction_kind(kind: str | None) -> str:
    return "percent" if kind == "rate" else "number"


def project_tables(data: dict[str, Any], lang: str) -> list[Table]:
    """``project``: one row per indicator (Dự báo), then the DTI and each main index."""
    table = Table(
        "Dự báo" if lang == "vi" else "Projection",
        "du-bao" if lang == "vi" else "projection",
        _t(lang,
           ("Mã", "Chỉ tiêu", "Mô hình", "Dự báo", "Cận dưới", "Cận trên", "Mục tiêu",
            "Mức mục tiêu", "Tình trạng"),
           ("ID", "Indicator", "Model", "Forecast", "Lower", "Upper", "Target", "Target level",
            "Status")),
        ("text", "text", "text", "percent", "percent", "percent", "text", "percent", "text"),
        note=_note(data["illustrative"], lang),
    )  # fmt: skip
    for i in data["indicators"]:
        k = _fraction_kind(i.get("kind"))
        table.rows.append([
            i["indicator"], i["name"], i.get("model"), Cell(i.get("forecast"), k),
            Cell(i.get("lower"), k), Cell(i.get("upper"), k), i.get("target"),
            Cell(i.get("target_fraction"), k), i.get("status_label"),
        ])  # fmt: skip
    for s in [data["dti"], *data["mains"]]:
        table.rows.append([
            s["id"], s["name"], None, Cell(s["median"], "index"), Cell(s["p05"], "index"),
            Cell(s["p95"], "index"), None, None, None,
        ])  # fmt: skip
    return [table]


def rank_tables(data: dict[str, Any], lang: str) -> list[Table]:
    """``rank``: the rank distribution (Thứ hạng): each rank's probability and the cumulative."""
    table = Table(
        "Thứ hạng" if lang == "vi" else "Rank",
        "thu-hang" if lang == "vi" else "rank",
        _t(lang, ("Thứ hạng", "Xác suất", "Xác suất tích lũy"),
           ("Rank", "Probability", "Cumulative")),
        ("int", "percent", "percent"),
        note="; ".join(data.get("labels", [])),
    )
    for r in data.get("distribution", []):
        table.rows.append([r["rank"], r["probability"], r["cumulative"]])
    return [table]


def improve_tables(data: dict[str, Any], lang: str) -> list[Table]:
    """``improve``: the actions, best value for effort first (Việc cần làm)."""
    top = data["goal"]["top"]
    table = Table(
        "Việc cần làm" if lang == "vi" else "Actions",
        "viec-can-lam" if lang == "vi" else "actions",
        _t(lang,
           ("STT", "Chỉ tiêu", "Tên chỉ tiêu", "Từ", "Đến", "Điểm tăng", "Công sức",
            "Đơn vị chủ trì", f"Xác suất top {top} sau"),
           ("#", "Indicator", "Name", "From", "To", "Points gained", "Effort", "Lead units",
            f"P(top {top}) after")),
        ("int", "text", "text", "percent", "percent", "number", "number", "text", "percent"),
        note="; ".join(data.get("labels", [])),
    )  # fmt: skip
    for a in data["improvement"]["actions"]:
        table.rows.append([
            a["order"], a["indicator"], a["name"], a["from"], a["to"], a["points_gained"],
            a["effort"], ", ".join(a.get("lead_names", a["lead_units"])), a["prob_top_after"],
        ])  # fmt: skip
    return [table]


def _summary_table(data: dict[str, Any], lang: str) -> Table:
    s = data["summary"]
    vi = lang == "vi"
    table = Table(
        "Tổng hợp" if vi else "Summary",
        "tong-hop" if vi else "summary",
        _t(lang, ("Nội dung", "Giá trị"), ("Item", "Value")),
        ("text", "text"),
        note=_note(data["illustrative"], lang),
    )
    rows = table.rows
    rows.append(["Kế hoạch" if vi else "Plan", data["plan"]["title"] or data["plan"]["id"]])
    rows.append(["Ngày số liệu" if vi else "As of", Cell(_date(data["as_of"]), "date")])
    rows.append(["Chỉ số DTI" if vi else "DTI", Cell(s["dti"], "index")])
    rows.append(["Tổng điểm DTI" if vi else "DTI points", Cell(s["points"], "number")])
    if s["previous"] is not None:
        rows.append(["Chỉ số DTI tháng trước" if vi else "DTI last month",
                     Cell(s["previous"]["dti"], "index")])  # fmt: skip
    if s["projected"] is not None:
        p = s["projected"]
        rows.append(["DTI dự báo (trung vị)" if vi else "Projected DTI (median)",
                     Cell(p["median"], "index")])  # fmt: skip
        rows.append(["DTI dự báo, cận dưới 90%" if vi else "Projected DTI, 90% low",
                     Cell(p["p05"], "index")])  # fmt: skip
        rows.append(["DTI dự báo, cận trên 90%" if vi else "Projected DTI, 90% high",
                     Cell(p["p95"], "index")])  # fmt: skip
    if s["rank"] is not None:
        r = s["rank"]
        rows.append(["Thứ hạng dự báo (trung vị)" if vi else "Projected rank (median)",
                     Cell(r["median"], "int")])  # fmt: skip
        rows.append([(f"Xác suất vào top {r['top']}" if vi else f"Chance of the top {r['top']}"),
                     Cell(r["prob_top"], "percent")])  # fmt: skip
    rows.append(["Chỉ tiêu đạt mục tiêu" if vi else "Indicators met", Cell(s["met"], "int")])
    rows.append(["Số chỉ tiêu" if vi else "Indicators", Cell(s["indicators"], "int")])
    names = {"on-time": ("Báo cáo đúng hạn", "Reports on time"),
             "late": ("Báo cáo trễ hạn", "Reports late"),
             "missing": ("Báo cáo chưa nộp", "Reports missing"),
             "not-yet-due": ("Báo cáo chưa đến hạn", "Reports not yet due")}  # fmt: skip
    for key, (name_vi, name_en) in names.items():
        rows.append([name_vi if vi else name_en, Cell(s["reports"].get(key, 0), "int")])
    return table


def report_tables(data: dict[str, Any], lang: str) -> list[Table]:
    """``report``: Tổng hợp, Chỉ tiêu, Hạn báo cáo, Xếp hạng đơn vị, then (when the report has
    them) Dự báo, Thứ hạng and Việc cần làm."""
    tables = [
        _summary_table(data, lang),
        status_tables(data["status"], lang)[0],
        *deadlines_tables(data["deadlines"], lang),
        *units_tables(data["units"], lang),
    ]
    if data.get("projection") is not None:
        tables += project_tables(data["projection"], lang)
    outlook = data.get("outlook")
    if outlook is not None:
        tables += rank_tables(outlook, lang)
        if outlook.get("improvement") is not None:
            tables += improve_tables(outlook, lang)
    return tables
