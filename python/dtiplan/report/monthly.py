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
from ._admin import document_data, plan_name
from ._format import (
    LANGUAGES,
    csv_cell,
    csv_writer,
    date_text,
    from_iso,
    illustrative_lines,
)
from ._summary import grouped_findings, summary_data, summary_text
from .deadlines import deadlines_csv, deadlines_text
from .plan import plan_header, summary_counts
from .status import status_csv, status_text
from .units import units_csv, units_text

__all__ = [
    "check_summary_data",
    "check_summary_text",
    "report_csv",
    "report_data",
    "report_text",
    "report_title",
]

_WORDS: dict[str, dict[str, str]] = {
    "vi": {
        "report_title": "Báo cáo tình hình thực hiện {plan}, ngày {date}",
        "more": "Các bảng chi tiết (tình hình từng chỉ tiêu, hạn báo cáo, bảng xếp hạng đơn vị): "
        "dtiplan report --full; văn bản gửi đi: dtiplan report --output bao-cao.docx",
        "check_summary": "Kiểm tra kế hoạch: {error} lỗi, {warning} cảnh báo, {info} thông tin",
    },
    "en": {
        "report_title": "Report on the plan “{plan}” on {date}",
        "more": "The full tables (each indicator's status, the deadlines, the units' board): "
        "dtiplan report --full; the document to send: dtiplan report --output report.docx",
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
        lines.extend(f"  {mark} {line}" for line in grouped_findings(data[key], lang))
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
    *,
    previous: dict[str, Any] | None = None,
    previous_deadlines: dict[str, Any] | None = None,
    projection: dict[str, Any] | None = None,
    outlook: dict[str, Any] | None = None,
    dossiers: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """``dtiplan report --format json``: the plan, the check in brief, and the data of status,
    deadlines and units (:func:`status_data`, :func:`deadlines_data`, :func:`units_data`);
    then, when given, last month's status (``previous``, for what changed), the projection
    (:func:`project_data`) and the rank outlook with its improvement plan
    (:func:`rank_data` plus ``improvement``), the month's "nửa vời" dossiers
    (:func:`report_dossiers_data`), and the administrative parts of the document the office
    sends (:func:`dtiplan.report._admin.document_data`)."""
    month = from_iso(deadlines["month"] + "-01")
    data: dict[str, Any] = {
        "illustrative": illustrative,
        "plan": plan_header(plan),
        "as_of": as_of.isoformat(),
        "check": check_summary_data(findings, lang),
        "status": status,
        "deadlines": deadlines,
        "units": units,
        "previous": None if previous is None else _previous_data(previous, previous_deadlines),
        "projection": projection,
        "outlook": outlook,
        "dossiers": dossiers,
        "document": document_data(plan, as_of, f"tháng {month.month} năm {month.year}"),
    }
    data["summary"] = summary_data(data, lang)
    return data


def _previous_data(
    status: dict[str, Any], deadlines: dict[str, Any] | None
) -> dict[str, Any]:
    """What the summary compares with: last month's DTI, the indicators met then, and the
    reports late or missing in last month's report (unit and indicator)."""
    obligations = [] if deadlines is None else deadlines["obligations"]
    return {
        "as_of": status["as_of"],
        "dti": status["dti"],
        "met": [i["id"] for i in status["indicators"] if i["met"]],
        "month": None if deadlines is None else deadlines["month"],
        "missing": [[o["unit"], o["indicator"]] for o in obligations if o["state"] == "missing"],
        "late": [[o["unit"], o["indicator"]] for o in obligations if o["state"] == "late"],
    }


def report_title(data: dict[str, Any], lang: str = "vi") -> str:
    """The report's title: the plan by its title (its id when it has none) and the date."""
    plan = data["plan"]
    name = plan_name(plan["title"], plan["id"]) if lang == "vi" else plan["title"] or plan["id"]
    return _words(lang)["report_title"].format(
        plan=name, date=date_text(from_iso(data["as_of"]), lang)
    )


def report_text(data: dict[str, Any], lang: str = "vi", full: bool = False) -> str:
    """``dtiplan report``: the title and the one-screen summary; with ``full``, then the
    check's findings, the status, the month's deadlines and the units' board, one after the
    other."""
    head = [report_title(data, lang), *illustrative_lines(data["illustrative"], lang), ""]
    summary = "\n".join(head) + "\n" + summary_text(data["summary"], lang)
    if not full:
        return summary + "\n" + _words(lang)["more"] + "\n"
    parts = [
        summary,
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
