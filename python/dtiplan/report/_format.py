"""What every renderer of the report package shares, written once: numbers with a decimal comma,
percentages, dates, display width (wide characters two cells, combining marks none), padding and
wrapping, the one text-table builder, unit labels, and the spelling of CSV cells.

The renderers differ in words and layout, never in how a number, a date or a table is written,
so each of those rules lives here and nowhere else in the package (docs/architecture.md).
"""

from __future__ import annotations

import csv
import datetime
import math
import textwrap
import unicodedata
from collections.abc import Sequence
from typing import Any, TextIO

from .._core import Language, Period, PeriodKind, Plan, reporting_window
from ..track import ILLUSTRATIVE_LABEL

__all__ = [
    "LANGUAGES",
    "csv_cell",
    "csv_writer",
    "date_text",
    "display_width",
    "from_iso",
    "header_lines",
    "illustrative_lines",
    "iso",
    "number",
    "pad",
    "percent",
    "period_name",
    "period_window",
    "short_name",
    "short_number",
    "shorten",
    "text_table",
    "unit_full_name",
    "unit_label",
    "window_range",
    "window_text",
    "wrap",
]

#: The command's language codes.
LANGUAGES: dict[str, Language] = {"vi": Language.Vietnamese, "en": Language.English}


# --- Numbers and dates ------------------------------------------------------------------------

_SWAP_SEPARATORS = str.maketrans(",.", ".,")


def number(value: float, decimals: int, lang: str) -> str:
    """``value`` with ``decimals`` places, thousands grouped: decimal comma and dot grouping in
    Vietnamese ("1.000", "82,5"), the other way round in English ("1,000", "82.5")."""
    text = f"{value:,.{decimals}f}"
    return text.translate(_SWAP_SEPARATORS) if lang == "vi" else text


def short_number(value: float, lang: str, decimals: int = 1) -> str:
    """A number with at most ``decimals`` places, trailing zeros dropped: 80 -> "80", 82.5 ->
    "82,5" in Vietnamese."""
    text = number(round(value, decimals), decimals, lang)
    sep = "," if lang == "vi" else "."
    if sep in text:
        text = text.rstrip("0").rstrip(sep)
    return text


def percent(fraction: float, lang: str) -> str:
    """A fraction as a percentage, at most one decimal, trailing zeros dropped: 0.825 ->
    "82,5%", 0.8 -> "80%"."""
    return short_number(fraction * 100, lang) + "%"


#: How the value of a yes/no or milestone indicator is written: (below 0.5, from 0.5).
BINARY_WORDS = {
    "yes-no": {"vi": ("không", "có"), "en": ("no", "yes")},
    "milestone": {"vi": ("chưa hoàn thành", "hoàn thành"), "en": ("not reached", "reached")},
}


def value_text(
    kind: str, value: float | None, lang: str, denominator: float | None = None, missing: str = "–"
) -> str:
    """An indicator's value as people read it, by its measure kind (``MeasureKind.spelling``):
    a rate "82,5%", a count "6" or "6/9" with its total, "có"/"không", "hoàn thành"/"chưa hoàn
    thành"; ``missing`` for no value. The one rule for every output that shows a value
    (status, projection, scenarios, templates, collection, the self-assessment form)."""
    if value is None or math.isnan(value):
        return missing
    if kind in BINARY_WORDS:
        return BINARY_WORDS[kind][lang][1 if value >= 0.5 else 0]
    if kind == "rate":
        return percent(value, lang)
    count = short_number(value, lang, 2)
    if denominator is not None:
        return f"{count}/{short_number(denominator, lang, 2)}"
    return count


def observed_text(indicator: Any, value: Any, lang: str) -> str:
    """An observed ``Value`` of ``indicator`` as people read it (:func:`value_text`)."""
    return value_text(indicator.kind.spelling, value.value, lang, value.denominator)


def date_text(day: datetime.date | None, lang: str) -> str:
    """A date as people read it: 25/03/2026 in Vietnamese, 2026-03-25 in English; "" for none."""
    if day is None:
        return ""
    return day.strftime("%d/%m/%Y") if lang == "vi" else day.isoformat()


def iso(day: datetime.date | None) -> str | None:
    """A date for JSON and CSV: ISO 8601, None for none."""
    return None if day is None else day.isoformat()


def from_iso(text: str) -> datetime.date:
    """The date of an ISO 8601 text in a data dict (the inverse of :func:`iso`)."""
    return datetime.date.fromisoformat(text)


_ROMAN = ("I", "II", "III", "IV")


def period_name(period: Period, lang: str) -> str:
    """A reporting period as an office names it: "tháng 3/2026", "quý I/2026", "năm 2026"
    (Vietnamese), "2026-03", "2026-Q1", "2026" (English)."""
    if lang != "vi":
        return str(period)
    if period.kind == PeriodKind.Month:
        return f"tháng {period.index}/{period.year}"
    if period.kind == PeriodKind.Quarter:
        return f"quý {_ROMAN[period.index - 1]}/{period.year}"
    return f"năm {period.year}"


def period_window(plan: Plan, period: Period) -> dict[str, str | None]:
    """The days the report for ``period`` covers under the plan's rules, for JSON and CSV:
    ``{"first": "2026-02-15", "last": "2026-03-14"}`` (Nghị định 09, the default)."""
    days = reporting_window(period, plan.reporting.window)
    return {"first": iso(days.first), "last": iso(days.last)}


def window_range(window: dict[str, Any], lang: str) -> str:
    """A window's days, short: "15/02–14/03/2026" ("15/12/2025–14/03/2026" across a year) in
    Vietnamese, "2026-02-15 to 2026-03-14" in English."""
    first, last = from_iso(window["first"]), from_iso(window["last"])
    if lang != "vi":
        return f"{first.isoformat()} to {last.isoformat()}"
    start = first.strftime("%d/%m") if first.year == last.year else first.strftime("%d/%m/%Y")
    return f"{start}–{last.strftime('%d/%m/%Y')}"


def window_text(period: Period, window: dict[str, Any], lang: str) -> str:
    """Which days a figure or a report covers, in full: "kỳ báo cáo tháng 3/2026: từ 15/02/2026
    đến 14/03/2026"; "reporting period 2026-03: 2026-02-15 to 2026-03-14"."""
    first, last = from_iso(window["first"]), from_iso(window["last"])
    if lang == "vi":
        return (
            f"kỳ báo cáo {period_name(period, lang)}: từ {date_text(first, lang)} "
            f"đến {date_text(last, lang)}"
        )
    return f"reporting period {period}: {first.isoformat()} to {last.isoformat()}"


# --- Text width, padding, wrapping, tables ----------------------------------------------------


def display_width(text: str) -> int:
    """Cells ``text`` takes in a terminal: combining marks (the tone marks of decomposed
    Vietnamese) none, East Asian wide and full-width characters two, any other one."""
    width = 0
    for ch in text:
        if unicodedata.combining(ch):
            continue
        width += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return width


def pad(text: str, width: int, right: bool = False) -> str:
    """``text`` filled with spaces to ``width`` display cells, on the right (default) or, with
    ``right``, on the left (a right-aligned number)."""
    fill = " " * max(0, width - display_width(text))
    return fill + text if right else text + fill


def wrap(text: str, width: int | None) -> list[str]:
    """``text`` as lines of at most ``width`` characters (words kept whole where they fit, never
    broken at a hyphen); one line when ``width`` is None or the text fits."""
    if not text:
        return [""]
    if width is None or display_width(text) <= width:
        return [text]
    return textwrap.wrap(text, width, break_long_words=True, break_on_hyphens=False) or [""]


def shorten(text: str, width: int) -> str:
    """``text`` cut to ``width`` display cells with "…" when longer."""
    return text if display_width(text) <= width else text[: width - 1].rstrip() + "…"


def short_name(name: str, width: int = 60) -> str:
    """A name on one line (runs of blanks as one space), cut to ``width`` with "…"."""
    return shorten(" ".join(name.split()), width)


def text_table(
    headers: Sequence[str],
    rows: Sequence[Sequence[str]],
    max_widths: Sequence[int | None] | None = None,
    right: Sequence[bool] | None = None,
    indent: str = "",
    rule: str = "─",
) -> list[str]:
    """A plain-text table as lines: cells wrapped to ``max_widths`` (None: no limit), columns two
    spaces apart, right-aligned where ``right`` says, a line of ``rule`` under the headings,
    every line prefixed by ``indent``; no line ends in a space."""
    n = len(headers)
    limits = list(max_widths) if max_widths is not None else [None] * n
    align = list(right) if right is not None else [False] * n
    wrapped = [[wrap(str(cell), limits[i]) for i, cell in enumerate(row)] for row in rows]
    widths = []
    for i in range(n):
        cells = [display_width(line) for row in wrapped for line in row[i]]
        widths.append(max([display_width(headers[i]), *cells]))
    lines = [indent + "  ".join(pad(h, widths[i], align[i]) for i, h in enumerate(headers))]
    lines.append(indent + "  ".join(rule * w for w in widths))
    for row in wrapped:
        height = max(len(cell) for cell in row)
        for k in range(height):
            parts = [
                pad(row[i][k] if k < len(row[i]) else "", widths[i], align[i]) for i in range(n)
            ]
            lines.append(indent + "  ".join(parts))
    return [line.rstrip() for line in lines]


# --- Units, labels ----------------------------------------------------------------------------


def unit_label(plan: Plan, unit_id: str) -> str:
    """How a table names a unit or group: its short name, else its name, else its id (the
    library's ``Plan.label_of``)."""
    return plan.label_of(unit_id)


def unit_full_name(plan: Plan, unit_id: str) -> str:
    """How a legend names a unit or group: its full name, else its short name, else its id."""
    unit = plan.find_unit(unit_id)
    if unit is not None:
        return unit.name or unit.short_name or unit_id
    group = plan.find_group(unit_id)
    if group is not None:
        return group.name or unit_id
    return unit_id


def illustrative_lines(illustrative: bool, lang: str) -> list[str]:
    """The line that labels the illustrative example observations, when they are used."""
    return [ILLUSTRATIVE_LABEL[lang]] if illustrative else []


_ORIGIN_WORDS = {
    "vi": {"observations": "Số liệu", "framework": "Khung điểm"},
    "en": {"observations": "Observations", "framework": "Framework"},
}


def header_lines(
    title: str, data: dict[str, Any], lang: str, framework: bool = True
) -> list[str]:
    """The head of an output that reads observations: its title, the illustrative label when
    the observations are the example, and where the observations (and the framework, when
    ``framework`` and the data name one) come from."""
    words = _ORIGIN_WORDS[lang]
    lines = [title, *illustrative_lines(data["illustrative"], lang)]
    origin = f"{words['observations']}: {data['observations']}"
    if framework and "framework" in data:
        origin += f" · {words['framework']}: {data['framework']['name']}"
    lines.append(origin)
    return lines


# --- CSV --------------------------------------------------------------------------------------


def csv_writer(out: TextIO) -> Any:
    """The CSV writer of every output: RFC 4180 quoting, lines ended by "\\n" alone."""
    return csv.writer(out, lineterminator="\n")


def csv_cell(value: Any) -> Any:
    """A value as a CSV cell: "" for None and NaN, ``true``/``false`` for booleans, NumPy
    scalars as Python numbers; anything else as the csv module writes it (floats in full)."""
    if value is None:
        return ""
    if hasattr(value, "item") and not isinstance(value, (str, bytes)):
        value = value.item()  # a NumPy scalar
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and math.isnan(value):
        return ""
    return value
