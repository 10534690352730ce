"""``dtiplan deadlines``: a month's reporting obligations with their state on a date (on time,
late, missing, not yet due), and what falls due next.

:func:`deadlines_data` builds the data (the JSON output as it is); :func:`deadlines_text` and
:func:`deadlines_csv` render it.
"""

from __future__ import annotations

import datetime
import textwrap
from typing import Any, TextIO

from .. import _core
from .._core import ObservationLog, Period, Plan, ReportingCalendar
from ._format import (
    LANGUAGES,
    csv_cell,
    csv_writer,
    date_text,
    from_iso,
    header_lines,
    iso,
    period_name,
    text_table,
    unit_label,
    window_range,
    window_text,
)
from .plan import plan_header

__all__ = ["deadlines_csv", "deadlines_data", "deadlines_text"]

_WORDS: dict[str, dict[str, str]] = {
    "vi": {
        "deadlines_title": "Hạn báo cáo {month}, tính đến ngày {date}",
        "window_line": "{window} ({rule})",
        "deadline_rule": (
            "Đơn vị báo cáo trước ngày {unit_day} (hạn {unit_deadline}); {consolidator} tổng hợp "
            "trước ngày {consolidated_day} (hạn {consolidated_deadline})"
        ),
        "shift_earlier": "Hạn rơi vào ngày nghỉ được lùi về ngày làm việc liền trước.",
        "shift_later": "Hạn rơi vào ngày nghỉ được dời sang ngày làm việc liền sau.",
        "unit": "Đơn vị",
        "indicator": "Chỉ tiêu",
        "deadline": "Hạn nộp",
        "submitted": "Ngày nộp",
        "state": "Tình trạng",
        "consolidated": "Tổng hợp",
        "on-time": "Đúng hạn",
        "late": "Trễ {n} ngày",
        "missing": "Chưa nộp",
        "not-yet-due": "Chưa đến hạn",
        "summary_states": (
            "Tổng: {on_time} đúng hạn, {late} trễ hạn, {missing} chưa nộp, {not_yet_due} chưa đến"
            " hạn"
        ),
        "no_obligations": "Không có nghĩa vụ báo cáo trong tháng này (ngoài các năm của kế hoạch).",
        "upcoming_title": "Sắp đến hạn (từ ngày {date})",
        "upcoming_units": "báo cáo {month} ({window}) của đơn vị: {n} báo cáo ({detail})",
        "upcoming_consolidated": "báo cáo tổng hợp {month} ({window}): {unit}",
        "upcoming_none": "Không còn hạn nào trong thời gian của kế hoạch.",
    },
    "en": {
        "deadlines_title": "Reporting deadlines for {month}, as of {date}",
        "window_line": "{window} ({rule})",
        "deadline_rule": (
            "Units report before day {unit_day} (deadline {unit_deadline}); {consolidator} "
            "consolidates before day {consolidated_day} (deadline {consolidated_deadline})"
        ),
        "shift_earlier": "Deadlines on a day off move back to the previous working day.",
        "shift_later": "Deadlines on a day off move on to the next working day.",
        "unit": "Unit",
        "indicator": "Indicator",
        "deadline": "Deadline",
        "submitted": "Submitted",
        "state": "State",
        "consolidated": "Consolidated",
        "on-time": "on time",
        "late": "late {n} days",
        "missing": "missing",
        "not-yet-due": "not yet due",
        "summary_states": (
            "Total: {on_time} on time, {late} late, {missing} missing, {not_yet_due} not yet due"
        ),
        "no_obligations": "No reporting obligations this month (outside the plan's years).",
        "upcoming_title": "Falling due next (from {date})",
        "upcoming_units": "units' reports for {month} ({window}): {n} reports ({detail})",
        "upcoming_consolidated": "consolidated report for {month} ({window}): {unit}",
        "upcoming_none": "No deadline left within the plan's years.",
    },
}

_UPCOMING_DEADLINES = 2  # how many next deadlines "what falls due next" lists


def _words(lang: str) -> dict[str, str]:
    return _WORDS[lang]


def _state_label(state: str, days_late: int, lang: str) -> str:
    words = _words(lang)
    return words["late"].format(n=days_late) if state == "late" else words[state]


def deadlines_data(
    plan: Plan,
    calendar: ReportingCalendar,
    month: Period,
    log: ObservationLog,
    as_of: datetime.date,
    illustrative: bool,
    source: str,
    lang: str = "vi",
) -> dict[str, Any]:
    """``dtiplan deadlines --format json``: the obligations of a month and their state on
    ``as_of`` (with the label in ``lang``), a count per state, and what falls due next (the
    obligations of the next deadlines from ``as_of``)."""
    statuses = calendar.status(month, log, as_of)
    obligations = []
    counts = {"on-time": 0, "late": 0, "missing": 0, "not-yet-due": 0}
    for s in statuses:
        o = s.obligation
        state = s.state.spelling
        counts[state] += 1
        obligations.append(
            {
                "unit": o.unit,
                "unit_name": unit_label(plan, o.unit),
                "indicator": o.indicator,
                "period": str(o.period),
                "window_first": iso(o.window.first),
                "window_last": iso(o.window.last),
                "deadline": iso(o.deadline),
                "consolidated": o.consolidated,
                "state": state,
                "state_label": _state_label(state, s.days_late, lang),
                "days_late": s.days_late,
                "submitted": iso(s.submitted),
            }
        )
    upcoming = []
    deadlines: list[Any] = []
    for o in calendar.upcoming(as_of, 1000):
        if o.deadline not in deadlines:
            if len(deadlines) == _UPCOMING_DEADLINES:
                break
            deadlines.append(o.deadline)
        upcoming.append(
            {
                "deadline": iso(o.deadline),
                "unit": o.unit,
                "unit_name": unit_label(plan, o.unit),
                "indicator": o.indicator,
                "period": str(o.period),
                "window_first": iso(o.window.first),
                "window_last": iso(o.window.last),
                "consolidated": o.consolidated,
            }
        )
    window = calendar.window(month)
    return {
        "illustrative": illustrative,
        "plan": plan_header(plan),
        "as_of": as_of.isoformat(),
        "observations": source,
        "month": str(month),
        "window": {
            "rule": calendar.window_rule.spelling,
            "first": iso(window.first),
            "last": iso(window.last),
        },
        "consolidator_name": unit_label(plan, plan.reporting.consolidator),
        "shift": calendar.shift.name.lower(),
        "unit_deadline": iso(calendar.unit_deadline(month)),
        "consolidated_deadline": iso(calendar.consolidated_deadline(month)),
        "obligations": obligations,
        "summary": counts,
        "upcoming": upcoming,
    }


def deadlines_text(data: dict[str, Any], lang: str = "vi") -> str:
    """``dtiplan deadlines``: the month's obligations and states, then what falls due next."""
    words = _words(lang)
    as_of = from_iso(data["as_of"])
    month = _core.Period.parse(data["month"])
    lines = header_lines(
        words["deadlines_title"].format(
            month=period_name(month, lang), date=date_text(as_of, lang)
        ),
        data,
        lang,
        framework=False,
    )
    window = data["window"]
    rule = _core.ReportingWindow.from_spelling(window["rule"]).label(LANGUAGES[lang])
    text = window_text(month, window, lang)
    lines.append(words["window_line"].format(window=text[0].upper() + text[1:], rule=rule))
    reporting = data["plan"]["reporting"]
    lines.append(
        words["deadline_rule"].format(
            unit_day=reporting["unit_report_before_day"],
            unit_deadline=date_text(from_iso(data["unit_deadline"]), lang),
            consolidator=data["consolidator_name"],
            consolidated_day=reporting["consolidated_report_before_day"],
            consolidated_deadline=date_text(from_iso(data["consolidated_deadline"]), lang),
        )
    )
    if data["shift"] in ("earlier", "later"):
        lines.append(words["shift_" + data["shift"]])
    lines.append("")
    if not data["obligations"]:
        lines.append(words["no_obligations"])
    else:
        rows = [
            [
                o["unit_name"],
                words["consolidated"] if o["consolidated"] else o["indicator"],
                date_text(from_iso(o["deadline"]), lang),
                date_text(from_iso(o["submitted"]), lang) if o["submitted"] else "",
                o["state_label"],
            ]
            for o in data["obligations"]
        ]
        headers = [
            words["unit"],
            words["indicator"],
            words["deadline"],
            words["submitted"],
            words["state"],
        ]
        lines.extend(text_table(headers, rows, [34, None, None, None, None]))
        s = data["summary"]
        lines.append(
            words["summary_states"].format(
                on_time=s["on-time"],
                late=s["late"],
                missing=s["missing"],
                not_yet_due=s["not-yet-due"],
            )
        )
    lines.append("")
    lines.append(words["upcoming_title"].format(date=date_text(as_of, lang)))
    if not data["upcoming"]:
        lines.append("  " + words["upcoming_none"])
    groups: dict[tuple[str, str, bool], list[dict[str, Any]]] = {}
    for o in data["upcoming"]:
        groups.setdefault((o["deadline"], o["period"], o["consolidated"]), []).append(o)
    for (deadline, period, consolidated), items in groups.items():
        month_text = period_name(_core.Period.parse(period), lang)
        days = window_range({"first": items[0]["window_first"], "last": items[0]["window_last"]}, lang)
        if consolidated:
            text = words["upcoming_consolidated"].format(
                month=month_text, window=days, unit=", ".join(o["unit_name"] for o in items)
            )
        else:
            by_unit: dict[str, list[str]] = {}
            for o in items:
                by_unit.setdefault(o["unit_name"], []).append(o["indicator"])
            detail = "; ".join(f"{u}: {', '.join(ids)}" for u, ids in by_unit.items())
            text = words["upcoming_units"].format(
                month=month_text, window=days, n=len(items), detail=detail
            )
        first = f"  {date_text(from_iso(deadline), lang)}  "
        lines.extend(
            textwrap.wrap(
                text,
                96,
                initial_indent=first,
                subsequent_indent=" " * len(first),
                break_on_hyphens=False,
            )
        )
    return "\n".join(lines) + "\n"


_DEADLINES_CSV = [
    "section",
    "unit",
    "unit_name",
    "indicator",
    "period",
    "window_first",
    "window_last",
    "deadline",
    "consolidated",
    "state",
    "state_label",
    "days_late",
    "submitted",
    "illustrative",
]


def deadlines_csv(data: dict[str, Any], out: TextIO, lang: str = "vi") -> None:
    """``dtiplan deadlines --format csv``: the month's obligations (``section`` status), then
    what falls due next (``section`` upcoming)."""
    writer = csv_writer(out)
    writer.writerow(_DEADLINES_CSV)
    flag = csv_cell(data["illustrative"])
    for o in data["obligations"]:
        writer.writerow(
            ["status", *(csv_cell(o.get(c)) for c in _DEADLINES_CSV[1:-1]), flag]
        )
    for o in data["upcoming"]:
        writer.writerow(
            ["upcoming", *(csv_cell(o.get(c)) for c in _DEADLINES_CSV[1:-1]), flag]
        )


