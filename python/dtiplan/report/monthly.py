"""``dtiplan report``: the monthly report, everything the coordinator needs each month on one
page: the check of the plan in brief, the status, the month's deadlines and the units' board.

:func:`report_data` gathers the data of the parts (each the JSON output of its verb);
:func:`report_text` and :func:`report_csv` render it with the parts' own renderers.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from typing import Any, TextIO

from .._core import Finding, Plan, Severity
from ._format import LANGUAGES, csv_cell, csv_writer, date_text, from_iso, illustrative_lines
from .deadlines import deadlines_csv, deadlines_text
from .plan import plan_header, summary_counts
from .status import status_csv, status_text
from .units import units_csv, units_text

__all__ = ["check_summary_data", "check_summary_text", "report_csv", "report_data", "report_text"]

_WORDS: dict[str, dict[str, str]] = {
    "vi": {
        "report_title": "Báo cáo tình hình thực hiện kế hoạch {id}, ngày {date}",
        "check_summary": "Kiểm tra kế hoạch: {error} lỗi, {warning} cảnh báo, {info} thông tin",
    },
    "en": {
        "report_title": "Report on plan {id} on {date}",
        "check_summary": "Plan check: {error} errors, {warning} warnings, {info} info",
    },
}


def _words(lang: str) -> dict[str, str]:
    return _WORDS[lang]


def check_summary_data(findings: Sequence[Finding], lang: str = "vi") -> dict[str, Any]:
    """The check in brief: counts by severity, and the errors' and warnings' one-line
    messages."""
    language = LANGUAGES[lang]
    return {
        "summary": summary_counts(findings),
        "errors": [
            {"code": f.code, "indicators": list(f.indicators), "message": f.message(language)}
            for f in findings
            if f.severity == Severity.Error
        ],
        "warnings": [
            {"code": f.code, "indicators": list(f.indicators), "message": f.message(language)}
            for f in findings
            if f.severity == Severity.Warning
        ],
    }


def check_summary_text(data: dict[str, Any], lang: str = "vi") -> str:
    """The check in brief as text: the counts, then one line per error (✗) and warning (⚠)."""
    words = _words(lang)
    lines = [words["check_summary"].format(**data["summary"])]
    for mark, key in (("✗", "errors"), ("⚠", "warnings")):
        for f in data[key]:
            lines.append(f"  {mark} {f['code']}: {' '.join(f['message'].split())}")
    return "\n".join(lines) + "\n"


def report_data(
    plan: Plan,
    findings: Sequence[Finding],
    status: dict[str, Any],
    deadlines: dict[str, Any],
    units: dict[str, Any],
    as_of: datetime.date,
    illustrative: bool,
    lang: str = "vi",
) -> dict[str, Any]:
    """``dtiplan report --format json``: the plan, the check in brief, and the data of status,
    deadlines and units (:func:`status_data`, :func:`deadlines_data`, :func:`units_data`)."""
    return {
        "illustrative": illustrative,
        "plan": plan_header(plan),
        "as_of": as_of.isoformat(),
        "check": check_summary_data(findings, lang),
        "status": status,
        "deadlines": deadlines,
        "units": units,
    }


def report_text(data: dict[str, Any], lang: str = "vi") -> str:
    """``dtiplan report``: the check summary, the status, the month's deadlines and the
    units' board, one after the other."""
    words = _words(lang)
    as_of = from_iso(data["as_of"])
    head = [
        words["report_title"].format(id=data["plan"]["id"], date=date_text(as_of, lang)),
        *illustrative_lines(data["illustrative"], lang),
        "",
    ]
    parts = [
        "\n".join(head) + "\n" + check_summary_text(data["check"], lang),
        status_text(data["status"], lang),
        deadlines_text(data["deadlines"], lang),
        units_text(data["units"], lang),
    ]
    rule = "\n" + "═" * 78 + "\n\n"
    return rule.join(parts)


def report_csv(data: dict[str, Any], out: TextIO, lang: str = "vi") -> None:
    """``dtiplan report --format csv``: the status, deadlines and units tables one after the
    other, separated by an empty line (each with its own header row and ``illustrative``
    column); the check summary first, as a table of its errors and warnings."""
    writer = csv_writer(out)
    writer.writerow(["severity", "code", "indicators", "message", "illustrative"])
    flag = csv_cell(data["illustrative"])
    for severity in ("errors", "warnings"):
        for f in data["check"][severity]:
            indicators = "; ".join(f["indicators"])
            writer.writerow([severity[:-1], f["code"], indicators, f["message"], flag])
    out.write("\n")
    status_csv(data["status"], out, lang)
    out.write("\n")
    deadlines_csv(data["deadlines"], out, lang)
    out.write("\n")
    units_csv(data["units"], out, lang)
