"""The report layer: a plan, its findings and its responsibility matrix as text, JSON and CSV.

This is what the ``dtiplan`` command prints. Text is for the coordinator at Phòng VH-XH:
Vietnamese headings by default (English with ``lang="en"``), tables that fit a terminal, target
phrases as the plan reads them (decimal comma in Vietnamese, from the C++ ``format_target``).
JSON and CSV are for programs: stable English keys and file spellings, Vietnamese text kept as
written. Every function here only reads the plan; none decides anything the checker has not.
"""

from __future__ import annotations

import csv
import datetime
import textwrap
import unicodedata
from collections.abc import Iterable, Sequence
from typing import Any, TextIO

from . import _core
from ._core import Finding, Indicator, Language, Plan, Role, Severity, SourceRef, Target
from .plan import section_of
from .track import ILLUSTRATIVE_LABEL

__all__ = [
    "LANGUAGES",
    "ROLE_LETTERS",
    "check_csv",
    "check_json",
    "check_text",
    "matrix_csv",
    "matrix_json",
    "matrix_text",
    "plan_header",
    "show_csv",
    "show_json",
    "show_text",
    "summary_counts",
]

#: The command's language codes.
LANGUAGES: dict[str, Language] = {"vi": Language.Vietnamese, "en": Language.English}

#: Role letters of the matrix: vi CT chủ trì, PH phối hợp, TD theo dõi, CT↑ chủ trì cấp trên.
ROLE_LETTERS: dict[str, dict[Role, str]] = {
    "vi": {Role.Lead: "CT", Role.Coordinating: "PH", Role.Tracking: "TD", Role.UpperLead: "CT↑"},
    "en": {Role.Lead: "L", Role.Coordinating: "C", Role.Tracking: "T", Role.UpperLead: "U"},
}

_SEVERITY_ORDER = (Severity.Error, Severity.Warning, Severity.Info)

_WORDS: dict[str, dict[str, str]] = {
    "vi": {
        "plan": "Kế hoạch",
        "issuer": "Đơn vị ban hành",
        "where": "xã {commune}, tỉnh {province}",
        "period": "giai đoạn {start}-{end}",
        "goal": "Mục tiêu chung",
        "goal_rank": "vào nhóm {top}/{of} đơn vị dẫn đầu {scope}",
        "reporting": "Báo cáo",
        "reporting_rule": (
            "đơn vị chủ trì báo cáo trước ngày {unit_day} hằng tháng về {recipient} qua "
            "{consolidator}; {consolidator} tổng hợp, báo cáo trước ngày {consolidated_day}"
        ),
        "id": "Mã",
        "indicator": "Chỉ số",
        "year": "Năm {year}",
        "lead": "Chủ trì",
        "no_lead": "— chưa giao",
        "upper": "(cấp trên)",
        "indicators_n": "{n} chỉ số",
        "totals": "Tổng: {indicators} chỉ số, {targets} mục tiêu",
        "note_inferred": "* năm suy ra: Kế hoạch không ghi năm cho mục tiêu này",
        "note_conflict": "⚠ Kế hoạch ghi nhiều mục tiêu khác nhau cho cùng năm (xem: dtiplan check)",
        "section_I": "Phụ lục I. Chỉ tiêu do cơ quan, đơn vị xã chủ trì thực hiện",
        "section_II": "Phụ lục II. Chỉ tiêu do cấp trên chủ trì, xã phối hợp thực hiện",
        "section": "Mục {key}",
        "check_title": "Kiểm tra kế hoạch {id}",
        "summary": "{error} lỗi, {warning} cảnh báo, {info} thông tin",
        "heading_error": "LỖI",
        "heading_warning": "CẢNH BÁO",
        "heading_info": "THÔNG TIN",
        "none": "Không có.",
        "units": "Đơn vị",
        "sources": "Nguồn",
        "matrix_title": "Ma trận trách nhiệm: {id} ({rows} chỉ số × {cols} đơn vị)",
        "legend": "Chú giải",
        "unit_legend": "Đơn vị",
        "workload_title": "Khối lượng theo đơn vị",
        "name": "Tên",
        "w_lead": "Chủ trì",
        "w_coordinating": "Phối hợp",
        "w_tracking": "Theo dõi",
        "w_upper_lead": "Chủ trì cấp trên",
        "w_sole_lead": "Chủ trì duy nhất",
        "w_total": "Tổng",
    },
    "en": {
        "plan": "Plan",
        "issuer": "Issued by",
        "where": "{commune} commune, {province} province",
        "period": "period {start}-{end}",
        "goal": "Overall goal",
        "goal_rank": "rank in the top {top} of {of} units of {scope}",
        "reporting": "Reporting",
        "reporting_rule": (
            "lead units report before day {unit_day} of each month to {recipient} through "
            "{consolidator}; {consolidator} consolidates and reports before day "
            "{consolidated_day}"
        ),
        "id": "Id",
        "indicator": "Indicator",
        "year": "{year}",
        "lead": "Lead",
        "no_lead": "— none",
        "upper": "(upper level)",
        "indicators_n": "{n} indicators",
        "totals": "Total: {indicators} indicators, {targets} targets",
        "note_inferred": "* year inferred: the plan gives no year for this target",
        "note_conflict": "⚠ the plan gives different targets for the same year (see: dtiplan check)",
        "section_I": "Appendix I. Indicators led by commune units",
        "section_II": "Appendix II. Indicators led by upper-level bodies, the commune coordinating",
        "section": "Section {key}",
        "check_title": "Check of plan {id}",
        "summary": "{error} errors, {warning} warnings, {info} info",
        "heading_error": "ERRORS",
        "heading_warning": "WARNINGS",
        "heading_info": "INFO",
        "none": "None.",
        "units": "Units",
        "sources": "Sources",
        "matrix_title": "Responsibility matrix: {id} ({rows} indicators × {cols} units)",
        "legend": "Legend",
        "unit_legend": "Units",
        "workload_title": "Workload per unit",
        "name": "Name",
        "w_lead": "Lead",
        "w_coordinating": "Coordinating",
        "w_tracking": "Tracking",
        "w_upper_lead": "Upper lead",
        "w_sole_lead": "Sole lead",
        "w_total": "Total",
    },
}


def _words(lang: str) -> dict[str, str]:
    return _WORDS[lang]


# --- Small formatting helpers -----------------------------------------------------------------


def _width(text: str) -> int:
    """Display width in a terminal: combining marks take no cell, wide characters two."""
    width = 0
    for ch in text:
        if unicodedata.combining(ch):
            continue
        width += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return width


def _pad(text: str, width: int, right: bool = False) -> str:
    fill = " " * max(0, width - _width(text))
    return fill + text if right else text + fill


def _wrap(text: str, width: int | None) -> list[str]:
    if not text:
        return [""]
    if width is None or _width(text) <= width:
        return [text]
    return textwrap.wrap(text, width, break_long_words=True, break_on_hyphens=False) or [""]


def _table(
    headers: Sequence[str],
    rows: Sequence[Sequence[str]],
    max_widths: Sequence[int | None] | None = None,
    right: Sequence[bool] | None = None,
    indent: str = "",
) -> list[str]:
    """A plain-text table: wrapped cells, columns two spaces apart, a rule under the headings."""
    n = len(headers)
    max_widths = list(max_widths) if max_widths is not None else [None] * n
    right = list(right) if right is not None else [False] * n
    wrapped = [[_wrap(str(cell), max_widths[i]) for i, cell in enumerate(row)] for row in rows]
    widths = []
    for i in range(n):
        cells = [_width(line) for row in wrapped for line in row[i]]
        widths.append(max([_width(headers[i]), *cells]))
    lines = [indent + "  ".join(_pad(h, widths[i], right[i]) for i, h in enumerate(headers))]
    lines.append(indent + "  ".join("─" * w for w in widths))
    for row in wrapped:
        height = max(len(cell) for cell in row)
        for k in range(height):
            parts = [
                _pad(row[i][k] if k < len(row[i]) else "", widths[i], right[i]) for i in range(n)
            ]
            lines.append(indent + "  ".join(parts).rstrip())
    return [line.rstrip() for line in lines]


def _unit_label(plan: Plan, unit_id: str) -> str:
    unit = plan.find_unit(unit_id)
    if unit is not None:
        return unit.short_name or unit.name or unit_id
    group = plan.find_group(unit_id)
    if group is not None:
        return group.name or unit_id
    return unit_id


def _unit_full_name(plan: Plan, unit_id: str) -> str:
    unit = plan.find_unit(unit_id)
    if unit is not None:
        return unit.name or unit.short_name or unit_id
    group = plan.find_group(unit_id)
    if group is not None:
        return group.name or unit_id
    return unit_id


def _sources_text(sources: Iterable[SourceRef], lang: str) -> str:
    return "; ".join(s.describe(LANGUAGES[lang]) for s in sources)


def _source_json(source: SourceRef) -> dict[str, str]:
    return {"section": source.section, "item": source.item}


def _sections(plan: Plan) -> list[tuple[str, list[Indicator]]]:
    """The plan's indicators grouped by appendix part / section, in order of first appearance."""
    groups: dict[str, list[Indicator]] = {}
    for ind in plan.indicators:
        groups.setdefault(section_of(ind.id), []).append(ind)
    return list(groups.items())


def _section_heading(key: str, lang: str) -> str:
    words = _words(lang)
    if key in ("I", "II"):
        return words[f"section_{key}"]
    return words["section"].format(key=key)


# --- The plan: show ---------------------------------------------------------------------------


def plan_header(plan: Plan) -> dict[str, Any]:
    """The plan's identity for JSON outputs: id, title, commune, province, period, goal, reporting."""
    return {
        "id": plan.id,
        "title": plan.title,
        "issuer": plan.issuer,
        "commune": plan.commune,
        "province": plan.province,
        "period": {"start": plan.start_year, "end": plan.end_year},
        "milestones": list(plan.milestones),
        "goal": {
            "text": plan.goal.text,
            "top": plan.goal.top,
            "of": plan.goal.of,
            "scope": plan.goal.scope,
        },
        "reporting": {
            "unit_report_before_day": plan.reporting.unit_report_before_day,
            "consolidated_report_before_day": plan.reporting.consolidated_report_before_day,
            "consolidator": plan.reporting.consolidator,
            "recipient": plan.reporting.recipient,
        },
    }


def _target_json(target: Target) -> dict[str, Any]:
    parsed = target.parsed
    return {
        "text": target.text,
        "comparator": parsed.comparator.spelling,
        "value": parsed.value,
        "denominator": parsed.denominator,
        "kind": parsed.kind.spelling,
        "aspirational": parsed.aspirational,
        "source": _source_json(target.source),
        "year_inferred": target.year_inferred,
    }


def _targets_json(indicator: Indicator) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for year in sorted({t.year for t in indicator.targets}):
        first, *rest = indicator.targets_for(year)
        entry = _target_json(first)
        entry["alternatives"] = [_target_json(t) for t in rest]
        out[str(year)] = entry
    return out


def show_json(plan: Plan, lang: str = "vi") -> dict[str, Any]:
    """``dtiplan show --format json``: the plan header and every indicator with its targets by
    year (the first target of a year, any further ones under ``alternatives``) and
    assignments."""
    indicators = []
    for ind in plan.indicators:
        indicators.append(
            {
                "id": ind.id,
                "section": section_of(ind.id),
                "name": ind.name,
                "pillar": ind.pillar.spelling,
                "kind": ind.kind.spelling,
                "targets": _targets_json(ind),
                "assignments": [
                    {
                        "unit": a.unit,
                        "role": a.role.spelling,
                        "unit_name": _unit_full_name(plan, a.unit),
                        "note": a.note,
                    }
                    for a in ind.assignments
                ],
                "task": ind.task,
                "sources": [_source_json(s) for s in ind.sources],
            }
        )
    return {"plan": plan_header(plan), "indicators": indicators}


def _target_cell(indicator: Indicator, year: int, lang: str) -> tuple[str, bool, bool]:
    """(cell text, any inferred year, a conflict) for one indicator and year.

    Targets that mean the same (kind, comparator, value, denominator) are shown once, with "*"
    when every copy has an inferred year; different meanings are all shown, marked "⚠".
    """
    language = LANGUAGES[lang]
    readings: dict[tuple[Any, ...], tuple[str, bool]] = {}
    for t in indicator.targets_for(year):
        p = t.parsed
        key = (p.kind, p.comparator, p.value, p.denominator)
        if key in readings:
            text, inferred = readings[key]
            readings[key] = (text, inferred and t.year_inferred)
        else:
            readings[key] = (_core.format_target(p, language), t.year_inferred)
    if not readings:
        return "—", False, False
    parts = [text + ("*" if inferred else "") for text, inferred in readings.values()]
    conflict = len(parts) > 1
    cell = " | ".join(parts) + (" ⚠" if conflict else "")
    return cell, any(inferred for _, inferred in readings.values()), conflict


def _lead_cell(plan: Plan, indicator: Indicator, lang: str) -> str:
    words = _words(lang)
    leads = indicator.units_with(Role.Lead)
    if leads:
        return "; ".join(_unit_label(plan, u) for u in leads)
    upper = indicator.units_with(Role.UpperLead)
    if upper:
        return "; ".join(f"{_unit_label(plan, u)} {words['upper']}" for u in upper)
    return words["no_lead"]


def _plan_intro(plan: Plan, lang: str) -> list[str]:
    words = _words(lang)
    consolidator = _unit_label(plan, plan.reporting.consolidator)
    recipient = _unit_label(plan, plan.reporting.recipient)
    rule = words["reporting_rule"].format(
        unit_day=plan.reporting.unit_report_before_day,
        consolidated_day=plan.reporting.consolidated_report_before_day,
        consolidator=consolidator,
        recipient=recipient,
    )
    rank = words["goal_rank"].format(top=plan.goal.top, of=plan.goal.of, scope=plan.goal.scope)
    place = words["where"].format(commune=plan.commune, province=plan.province)
    period = words["period"].format(start=plan.start_year, end=plan.end_year)
    return [
        f"{words['plan']}: {plan.title} ({plan.id})",
        f"{words['issuer']}: {plan.issuer} · {place} · {period}",
        f"{words['goal']}: {rank}",
        f"{words['reporting']}: {rule}",
    ]


def show_text(plan: Plan, lang: str = "vi") -> str:
    """``dtiplan show``: the plan's indicators grouped by appendix part / section, with the
    targets of the first and last milestone and the lead unit."""
    words = _words(lang)
    milestones = list(plan.milestones)
    shown = [milestones[0], milestones[-1]] if len(milestones) > 1 else milestones
    lines = _plan_intro(plan, lang)
    any_inferred = any_conflict = False
    for key, indicators in _sections(plan):
        lines.append("")
        lines.append(
            f"{_section_heading(key, lang)} ({words['indicators_n'].format(n=len(indicators))})"
        )
        rows = []
        for ind in indicators:
            row = [ind.id, ind.name]
            for year in shown:
                cell, inferred, conflict = _target_cell(ind, year, lang)
                any_inferred |= inferred
                any_conflict |= conflict
                row.append(cell)
            row.append(_lead_cell(plan, ind, lang))
            rows.append(row)
        headers = [
            words["id"],
            words["indicator"],
            *(words["year"].format(year=y) for y in shown),
            words["lead"],
        ]
        max_widths = [None, 46, *([22] * len(shown)), 30]
        lines.extend(_table(headers, rows, max_widths))
    lines.append("")
    n_targets = sum(len(ind.targets) for ind in plan.indicators)
    lines.append(words["totals"].format(indicators=len(plan.indicators), targets=n_targets))
    if any_inferred:
        lines.append(words["note_inferred"])
    if any_conflict:
        lines.append(words["note_conflict"])
    return "\n".join(lines) + "\n"


def show_csv(plan: Plan, out: TextIO, lang: str = "vi") -> None:
    """``dtiplan show --format csv``: one row per indicator, target texts verbatim (further
    targets of the same year after " | "), units by their short names."""
    milestones = list(plan.milestones)
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(
        [
            "id",
            "section",
            "name",
            "pillar",
            "kind",
            *(f"target_{y}" for y in milestones),
            "lead",
            "coordinating",
            "tracking",
            "upper_lead",
            "sources",
        ]
    )
    for ind in plan.indicators:
        targets = [" | ".join(t.text for t in ind.targets_for(y)) for y in milestones]
        units = [
            "; ".join(_unit_label(plan, u) for u in ind.units_with(role))
            for role in (Role.Lead, Role.Coordinating, Role.Tracking, Role.UpperLead)
        ]
        writer.writerow(
            [
                ind.id,
                section_of(ind.id),
                ind.name,
                ind.pillar.spelling,
                ind.kind.spelling,
                *targets,
                *units,
                _sources_text(ind.sources, lang),
            ]
        )


# --- Findings: check --------------------------------------------------------------------------


def summary_counts(findings: Sequence[Finding]) -> dict[str, int]:
    """How many findings of each severity: {"error": n, "warning": n, "info": n}."""
    counts = {s.spelling: 0 for s in _SEVERITY_ORDER}
    for f in findings:
        counts[f.severity.spelling] += 1
    return counts


def check_json(plan: Plan, findings: Sequence[Finding], lang: str = "vi") -> dict[str, Any]:
    """``dtiplan check --format json``: the plan header, the findings (message in ``lang``) and
    the count per severity."""
    language = LANGUAGES[lang]
    return {
        "plan": plan_header(plan),
        "findings": [
            {
                "severity": f.severity.spelling,
                "code": f.code,
                "message": f.message(language),
                "indicators": list(f.indicators),
                "units": list(f.units),
                "sources": [_source_json(s) for s in f.sources],
            }
            for f in findings
        ],
        "summary": summary_counts(findings),
    }


def check_text(plan: Plan, findings: Sequence[Finding], lang: str = "vi") -> str:
    """``dtiplan check``: findings grouped by severity (errors first) with their counts."""
    words = _words(lang)
    language = LANGUAGES[lang]
    counts = summary_counts(findings)
    lines = [f"{words['check_title'].format(id=plan.id)}: {words['summary'].format(**counts)}"]
    for severity in _SEVERITY_ORDER:
        group = [f for f in findings if f.severity == severity]
        lines.append("")
        lines.append(f"{words['heading_' + severity.spelling]} ({len(group)})")
        if not group:
            lines.append(f"  {words['none']}")
            continue
        for number, f in enumerate(group, start=1):
            title = f"{number}. {f.code}"
            if f.indicators:
                title += " · " + ", ".join(f.indicators)
            lines.append(f"  {title}")
            lines.extend(
                textwrap.wrap(
                    f.message(language),
                    96,
                    initial_indent="     ",
                    subsequent_indent="     ",
                    break_on_hyphens=False,
                )
            )
            if f.units:
                units = ", ".join(_unit_label(plan, u) for u in f.units)
                lines.append(f"     {words['units']}: {units}")
            if f.sources:
                lines.append(f"     {words['sources']}: {_sources_text(f.sources, lang)}")
    return "\n".join(lines) + "\n"


def check_csv(findings: Sequence[Finding], out: TextIO, lang: str = "vi") -> None:
    """``dtiplan check --format csv``: one row per finding, message in ``lang``."""
    language = LANGUAGES[lang]
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["severity", "code", "message", "indicators", "units", "sources"])
    for f in findings:
        writer.writerow(
            [
                f.severity.spelling,
                f.code,
                f.message(language),
                "; ".join(f.indicators),
                "; ".join(f.units),
                _sources_text(f.sources, lang),
            ]
        )


# --- Responsibility: matrix -------------------------------------------------------------------


def _role_cell(mask: int, lang: str) -> str:
    letters = ROLE_LETTERS[lang]
    return "+".join(letters[r] for r in Role if mask & _core.role_bit(r))


def matrix_json(plan: Plan, lang: str = "vi") -> dict[str, Any]:
    """``dtiplan matrix --format json``: the role bitmask of every indicator x unit, the legend
    and the workload per unit."""
    matrix = _core.ResponsibilityMatrix(plan)
    language = LANGUAGES[lang]
    units = []
    for unit_id in matrix.units:
        unit = plan.find_unit(unit_id)
        units.append(
            {
                "id": unit_id,
                "name": unit.name if unit else unit_id,
                "short_name": unit.short_name if unit else unit_id,
                "level": unit.level.spelling if unit else "",
            }
        )
    return {
        "plan": plan_header(plan),
        "legend": [
            {
                "role": r.spelling,
                "bit": _core.role_bit(r),
                "letter": ROLE_LETTERS[lang][r],
                "label": r.label(language),
            }
            for r in Role
        ],
        "units": units,
        "indicators": list(matrix.indicators),
        "roles": [[int(v) for v in row] for row in matrix.roles.tolist()],
        "workload": [
            {
                "unit": w.unit,
                "lead": w.lead,
                "coordinating": w.coordinating,
                "tracking": w.tracking,
                "upper_lead": w.upper_lead,
                "sole_lead": w.sole_lead,
                "total": w.total(),
            }
            for w in _core.workload(plan)
        ],
    }


def matrix_text(plan: Plan, lang: str = "vi") -> str:
    """``dtiplan matrix``: indicators x units with role letters, a legend, then the workload."""
    words = _words(lang)
    language = LANGUAGES[lang]
    matrix = _core.ResponsibilityMatrix(plan)
    roles = matrix.roles.tolist()
    lines = [
        words["matrix_title"].format(
            id=plan.id, rows=len(matrix.indicators), cols=len(matrix.units)
        ),
        f"{words['legend']}: "
        + "; ".join(f"{ROLE_LETTERS[lang][r]} = {r.label(language)}" for r in Role),
        "",
    ]
    rows = [
        [ind, *(_role_cell(int(mask), lang) for mask in roles[i])]
        for i, ind in enumerate(matrix.indicators)
    ]
    lines.extend(_table([words["id"], *matrix.units], rows))
    lines.append("")
    lines.append(f"{words['unit_legend']}:")
    for unit_id in matrix.units:
        lines.append(f"  {unit_id} = {_unit_full_name(plan, unit_id)}")
    lines.append("")
    lines.append(words["workload_title"])
    workload_rows = [
        [
            w.unit,
            _unit_label(plan, w.unit),
            str(w.lead),
            str(w.coordinating),
            str(w.tracking),
            str(w.upper_lead),
            str(w.sole_lead),
            str(w.total()),
        ]
        for w in _core.workload(plan)
    ]
    headers = [
        words["id"],
        words["name"],
        words["w_lead"],
        words["w_coordinating"],
        words["w_tracking"],
        words["w_upper_lead"],
        words["w_sole_lead"],
        words["w_total"],
    ]
    lines.extend(
        _table(headers, workload_rows, [None, 34, *([None] * 6)], [False, False, *([True] * 6)])
    )
    return "\n".join(lines) + "\n"


def matrix_csv(plan: Plan, out: TextIO, lang: str = "vi") -> None:
    """``dtiplan matrix --format csv``: one row per indicator, one column per unit, role
    letters in ``lang`` joined by "+"."""
    matrix = _core.ResponsibilityMatrix(plan)
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["indicator", *matrix.units])
    for ind, row in zip(matrix.indicators, matrix.roles.tolist()):
        writer.writerow([ind, *(_role_cell(int(mask), lang) for mask in row)])


# --- Observations: status, deadlines, units, report -------------------------------------------
# These outputs read observations. When the observations are the illustrative example (the
# default), every output says so: a line of text, "illustrative": true in JSON, and a column
# `illustrative` in CSV (present in every case, true or false, so a program can rely on it).

_TRACK_WORDS: dict[str, dict[str, str]] = {
    "vi": {
        "status_title": "Tình hình thực hiện kế hoạch {id}, ngày {date}",
        "observations": "Số liệu",
        "framework": "Khung điểm",
        "indicators_title": "Chỉ số của kế hoạch ({n})",
        "name": "Tên",
        "target": "Mục tiêu",
        "value": "Giá trị",
        "period": "Kỳ",
        "met": "Đánh giá",
        "gap": "Thiếu (điểm %)",
        "points": "Điểm",
        "met_yes": "Đạt",
        "met_no": "Chưa đạt",
        "no_data": "Chưa có số liệu",
        "no_target": "Không có mục tiêu",
        "yes": "có",
        "no": "không",
        "reached": "hoàn thành",
        "not_reached": "chưa hoàn thành",
        "no_target_cell": "—",
        "main_title": "Chỉ số chính",
        "max": "Tối đa",
        "index": "Chỉ số",
        "dti": "DTI (tổng điểm / điểm tối đa, 4 chữ số thập phân): {dti} ({points}/{max} điểm)",
        "coverage": (
            "Độ phủ: kế hoạch theo dõi {tracked}/{max} điểm; {n} thành phần ({untracked} điểm) "
            "không có chỉ số nào của kế hoạch đo"
        ),
        "coverage_main": "{name}: {points}/{max} điểm không theo dõi{all}",
        "coverage_all": " (toàn bộ)",
        "coverage_note": (
            "Thành phần không theo dõi được tính 0 điểm, nên DTI trên là cận dưới."
        ),
        "conflict_note": "⚠ Kế hoạch ghi mục tiêu khác nhau cho cùng năm; dùng mục tiêu của phụ lục.",
        "deadlines_title": "Hạn báo cáo {month}, tính đến ngày {date}",
        "deadline_rule": (
            "Đơn vị báo cáo trước ngày {unit_day} (hạn {unit_deadline}); {consolidator} tổng hợp "
            "trước ngày {consolidated_day} (hạn {consolidated_deadline})"
        ),
        "shift_earlier": "Hạn rơi vào ngày nghỉ được lùi về ngày làm việc liền trước.",
        "shift_later": "Hạn rơi vào ngày nghỉ được dời sang ngày làm việc liền sau.",
        "unit": "Đơn vị",
        "indicator": "Chỉ số",
        "deadline": "Hạn nộp",
        "submitted": "Ngày nộp",
        "state": "Tình trạng",
        "consolidated": "Tổng hợp",
        "on-time": "Đúng hạn",
        "late": "Trễ {n} ngày",
        "missing": "Chưa nộp",
        "not-yet-due": "Chưa đến hạn",
        "summary_states": "Tổng: {on_time} đúng hạn, {late} trễ hạn, {missing} chưa nộp, "
        "{not_yet_due} chưa đến hạn",
        "no_obligations": "Không có nghĩa vụ báo cáo trong tháng này (ngoài các năm của kế hoạch).",
        "upcoming_title": "Sắp đến hạn (từ ngày {date})",
        "upcoming_units": "báo cáo {month} của đơn vị: {n} báo cáo ({detail})",
        "upcoming_consolidated": "báo cáo tổng hợp {month}: {unit}",
        "upcoming_none": "Không còn hạn nào trong thời gian của kế hoạch.",
        "units_title": "Bảng xếp hạng kết quả thực hiện của các đơn vị, ngày {date}",
        "units_rule": (
            "Điểm xếp hạng = 0,5 × tỷ lệ chỉ số đạt mục tiêu + 0,5 × tỷ lệ báo cáo đúng hạn; "
            "điểm DTI chỉ để tham khảo, không tính vào xếp hạng."
        ),
        "rank": "Hạng",
        "u_indicators": "Chỉ số",
        "u_with_value": "Có số liệu",
        "u_met": "Đạt",
        "u_due": "Đến hạn",
        "u_on_time": "Đúng hạn",
        "u_rate": "Tỷ lệ đúng hạn",
        "u_points": "Điểm DTI",
        "u_score": "Điểm xếp hạng",
        "report_title": "Báo cáo tình hình thực hiện kế hoạch {id}, ngày {date}",
        "check_summary": "Kiểm tra kế hoạch: {error} lỗi, {warning} cảnh báo, {info} thông tin",
        "month": "tháng {m:02d}/{y}",
    },
    "en": {
        "status_title": "Status of plan {id} on {date}",
        "observations": "Observations",
        "framework": "Framework",
        "indicators_title": "Plan indicators ({n})",
        "name": "Name",
        "target": "Target",
        "value": "Value",
        "period": "Period",
        "met": "Assessment",
        "gap": "Gap (pp)",
        "points": "Points",
        "met_yes": "met",
        "met_no": "not met",
        "no_data": "no data",
        "no_target": "no target",
        "yes": "yes",
        "no": "no",
        "reached": "reached",
        "not_reached": "not reached",
        "no_target_cell": "—",
        "main_title": "Main indicators",
        "max": "Max",
        "index": "Index",
        "dti": "DTI (points / maximum, 4 decimals): {dti} ({points}/{max} points)",
        "coverage": (
            "Coverage: the plan tracks {tracked}/{max} points; {n} components ({untracked} "
            "points) are measured by no plan indicator"
        ),
        "coverage_main": "{name}: {points}/{max} points untracked{all}",
        "coverage_all": " (all of it)",
        "coverage_note": "Untracked components score 0 points, so the DTI above is a lower bound.",
        "conflict_note": (
            "⚠ the plan gives different targets for the same year; the appendix's is used."
        ),
        "deadlines_title": "Reporting deadlines for {month}, as of {date}",
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
        "summary_states": "Total: {on_time} on time, {late} late, {missing} missing, "
        "{not_yet_due} not yet due",
        "no_obligations": "No reporting obligations this month (outside the plan's years).",
        "upcoming_title": "Falling due next (from {date})",
        "upcoming_units": "units' reports for {month}: {n} reports ({detail})",
        "upcoming_consolidated": "consolidated report for {month}: {unit}",
        "upcoming_none": "No deadline left within the plan's years.",
        "units_title": "Ranking board of the units' results on {date}",
        "units_rule": (
            "Score = 0.5 × share of indicators meeting their target + 0.5 × on-time reporting "
            "rate; DTI points are shown for reference and not part of the score."
        ),
        "rank": "Rank",
        "u_indicators": "Indicators",
        "u_with_value": "With value",
        "u_met": "Met",
        "u_due": "Due",
        "u_on_time": "On time",
        "u_rate": "On-time rate",
        "u_points": "DTI points",
        "u_score": "Score",
        "report_title": "Report on plan {id} on {date}",
        "check_summary": "Plan check: {error} errors, {warning} warnings, {info} info",
        "month": "{y}-{m:02d}",
    },
}

_UPCOMING_DEADLINES = 2  # how many next deadlines "what falls due next" lists
_NAME_WIDTH = 34


def _tw(lang: str) -> dict[str, str]:
    return _TRACK_WORDS[lang]


def _num(value: float, decimals: int, lang: str) -> str:
    """A number with `decimals` places, thousands grouped; decimal comma and dot grouping in
    Vietnamese ("1.000", "82,5"), the other way round in English."""
    text = f"{value:,.{decimals}f}"
    if lang == "vi":
        text = text.translate(str.maketrans({",": ".", ".": ","}))
    return text


def _short_num(value: float, lang: str, decimals: int = 1) -> str:
    """A number with at most `decimals` places, trailing zeros dropped: 80 -> "80", 82.5 ->
    "82,5"."""
    text = _num(round(value, decimals), decimals, lang)
    sep = "," if lang == "vi" else "."
    if sep in text:
        text = text.rstrip("0").rstrip(sep)
    return text


def _percent(fraction: float, lang: str) -> str:
    return _short_num(fraction * 100, lang) + "%"


def _date_text(day: Any, lang: str) -> str:
    if day is None:
        return ""
    return day.strftime("%d/%m/%Y") if lang == "vi" else day.isoformat()


def _iso(day: Any) -> str | None:
    return None if day is None else day.isoformat()


def _month_text(period: Any, lang: str) -> str:
    return _tw(lang)["month"].format(m=period.index, y=period.year)


def _shorten(text: str, width: int = _NAME_WIDTH) -> str:
    return text if _width(text) <= width else text[: width - 1].rstrip() + "…"


def _value_text(indicator: Indicator, value: Any, lang: str) -> str:
    """An observed value as people read it: 82,5% · 6/9 · có · hoàn thành."""
    words = _tw(lang)
    kind = indicator.kind
    if kind == _core.MeasureKind.Rate:
        return _percent(value.value, lang)
    if kind == _core.MeasureKind.CountOfTotal:
        count = _short_num(value.value, lang, 2)
        if value.denominator is not None:
            return f"{count}/{_short_num(value.denominator, lang, 2)}"
        return count
    if kind == _core.MeasureKind.YesNo:
        return words["yes"] if value.value >= 0.5 else words["no"]
    return words["reached"] if value.value >= 0.5 else words["not_reached"]


def _met_key(met: bool | None, has_value: bool, has_target: bool) -> str:
    if not has_value:
        return "no-data"
    if not has_target or met is None:
        return "no-target"
    return "met" if met else "not-met"


_MET_WORD = {"met": "met_yes", "not-met": "met_no", "no-data": "no_data", "no-target": "no_target"}


def _illustrative_line(illustrative: bool, lang: str) -> list[str]:
    return [ILLUSTRATIVE_LABEL[lang]] if illustrative else []


def _component_index(framework: Any) -> dict[str, list[tuple[Any, Any]]]:
    """Plan indicator id -> [(main indicator, component)] of the components it measures."""
    index: dict[str, list[tuple[Any, Any]]] = {}
    for main in framework.main_indicators:
        for comp in main.components:
            for ind in comp.indicators:
                index.setdefault(ind, []).append((main, comp))
    return index


def status_data(
    plan: Plan,
    framework: Any,
    log: Any,
    as_of: Any,
    illustrative: bool,
    source: str,
    lang: str = "vi",
) -> dict[str, Any]:
    """``dtiplan status --format json``: per indicator (target in force, latest value, met,
    gap, points of its components), per main indicator (points, index), the DTI (4 decimals)
    and the coverage of the framework by the plan, on ``as_of``."""
    from .scoring import score_log

    language = LANGUAGES[lang]
    card = score_log(framework, plan, log, as_of)
    comp_scores = {c.component: c for c in card.components}
    by_indicator = _component_index(framework)
    indicators = []
    for a in _core.attainment(plan, log, as_of):
        ind = plan.find_indicator(a.indicator)
        assert ind is not None
        latest = log.latest(a.indicator, as_of)
        t = a.target
        fraction = None
        if latest is not None:
            fraction = _core.as_fraction(latest.value, ind, t)
        components = [
            {
                "id": comp.id,
                "main": main.id,
                "points": comp_scores[comp.id].points if comp.id in comp_scores else 0.0,
                "max_points": comp.max_points,
            }
            for main, comp in by_indicator.get(ind.id, [])
        ]
        met_key = _met_key(a.met, latest is not None, t is not None)
        indicators.append(
            {
                "id": ind.id,
                "name": ind.name,
                "kind": ind.kind.spelling,
                "target": None
                if t is None
                else {
                    "text": t.text,
                    "reading": _core.format_target(t.parsed, language),
                    "year": t.year,
                    "conflict": a.target_conflict,
                },
                "value": a.value,
                "value_text": None if latest is None else _value_text(ind, latest.value, lang),
                "numerator": None if latest is None else latest.value.numerator,
                "denominator": None if latest is None else latest.value.denominator,
                "fraction": fraction,
                "period": None if a.period is None else str(a.period),
                "submitted": None if latest is None else _iso(latest.submitted),
                "unit": None if latest is None else latest.unit,
                "met": a.met,
                "status": met_key,
                "status_label": _tw(lang)[_MET_WORD[met_key]],
                "gap": a.gap,
                "components": components,
            }
        )
    mains = {m.id: m for m in card.mains}
    main_rows = []
    for main in framework.main_indicators:
        s = mains.get(main.id)
        points = 0.0 if s is None else s.points
        main_rows.append(
            {
                "id": main.id,
                "name": main.name,
                "name_en": main.name_en,
                "points": points,
                "max_points": main.max_points,
                "index": _core.round_to(points / main.max_points if main.max_points else 0.0, 4),
            }
        )
    cov = _core.coverage(framework, plan)
    component_names = {c.id: c.name for m in framework.main_indicators for c in m.components}
    return {
        "illustrative": illustrative,
        "plan": plan_header(plan),
        "as_of": as_of.isoformat(),
        "observations": source,
        "framework": {"id": framework.id, "name": framework.name},
        "indicators": indicators,
        "main_indicators": main_rows,
        "dti": _core.round_to(card.dti(), 4),
        "dti_unrounded": card.dti(),
        "points": card.points,
        "max_points": card.max_points,
        "coverage": {
            "tracked_points": cov.tracked_points,
            "untracked_points": cov.untracked_points,
            "untracked_by_main": [
                {
                    "id": main.id,
                    "name": main.name,
                    "untracked_points": cov.untracked_by_main.get(main.id, 0.0),
                    "max_points": main.max_points,
                }
                for main in framework.main_indicators
            ],
            "untracked_components": [
                {
                    "id": g.component,
                    "main": g.main,
                    "name": component_names.get(g.component, ""),
                    "points": g.points,
                }
                for g in cov.untracked_components
            ],
            "unscored_indicators": list(cov.unscored_indicators),
            "unknown_indicators": list(cov.unknown_indicators),
        },
    }


def _points_cell(components: Sequence[dict[str, Any]], lang: str) -> str:
    return "; ".join(
        f"{c['id']} {_short_num(c['points'], lang)}/{_short_num(c['max_points'], lang)}"
        for c in components
    )


def _header_lines(title: str, data: dict[str, Any], lang: str, framework: bool = True) -> list[str]:
    words = _tw(lang)
    lines = [title, *_illustrative_line(data["illustrative"], lang)]
    origin = f"{words['observations']}: {data['observations']}"
    if framework and "framework" in data:
        origin += f" · {words['framework']}: {data['framework']['name']}"
    lines.append(origin)
    return lines


def status_text(data: dict[str, Any], lang: str = "vi") -> str:
    """``dtiplan status``: indicators, main indicators, the DTI and the coverage."""
    words = _tw(lang)
    as_of = _dt_date(data["as_of"])
    lines = _header_lines(
        words["status_title"].format(id=data["plan"]["id"], date=_date_text(as_of, lang)),
        data,
        lang,
    )
    lines.append("")
    lines.append(words["indicators_title"].format(n=len(data["indicators"])))
    rows = []
    conflict = False
    for row in data["indicators"]:
        target = row["target"]
        target_cell = words["no_target_cell"]
        if target is not None:
            target_cell = target["reading"] + (" ⚠" if target["conflict"] else "")
            conflict |= target["conflict"]
        gap = ""
        if row["status"] == "not-met" and row["gap"] is not None:
            gap = _short_num(max(row["gap"], 0.0) * 100, lang)
        rows.append(
            [
                row["id"],
                _shorten(row["name"]),
                target_cell,
                row["value_text"] or "",
                row["period"] or "",
                row["status_label"],
                gap,
                _points_cell(row["components"], lang),
            ]
        )
    headers = [
        _words(lang)["id"],
        words["name"],
        words["target"],
        words["value"],
        words["period"],
        words["met"],
        words["gap"],
        words["points"],
    ]
    lines.extend(
        _table(headers, rows, [None, None, 24, None, None, None, None, 24],
               [False, False, False, True, False, False, True, False])
    )
    if conflict:
        lines.append(words["conflict_note"])
    lines.append("")
    lines.append(words["main_title"])
    main_rows = [
        [
            m["id"],
            m["name"] if lang == "vi" else m["name_en"] or m["name"],
            _num(m["points"], 1, lang),
            _num(m["max_points"], 0, lang),
            _num(m["index"], 4, lang),
        ]
        for m in data["main_indicators"]
    ]
    lines.extend(
        _table(
            [_words(lang)["id"], words["name"], words["points"], words["max"], words["index"]],
            main_rows,
            right=[False, False, True, True, True],
        )
    )
    lines.append("")
    lines.append(
        words["dti"].format(
            dti=_num(data["dti"], 4, lang),
            points=_num(data["points"], 1, lang),
            max=_num(data["max_points"], 0, lang),
        )
    )
    cov = data["coverage"]
    lines.append("")
    lines.append(
        words["coverage"].format(
            tracked=_short_num(cov["tracked_points"], lang),
            max=_num(data["max_points"], 0, lang),
            n=len(cov["untracked_components"]),
            untracked=_short_num(cov["untracked_points"], lang),
        )
    )
    for m in cov["untracked_by_main"]:
        if m["untracked_points"] <= 0:
            continue
        whole = abs(m["untracked_points"] - m["max_points"]) < 1e-9
        lines.append(
            "  "
            + words["coverage_main"].format(
                name=m["name"],
                points=_short_num(m["untracked_points"], lang),
                max=_short_num(m["max_points"], lang),
                all=words["coverage_all"] if whole else "",
            )
        )
    lines.append(words["coverage_note"])
    return "\n".join(lines) + "\n"


def _dt_date(iso: str) -> datetime.date:
    return datetime.date.fromisoformat(iso)


_STATUS_CSV = [
    "level",
    "id",
    "name",
    "main",
    "target",
    "target_reading",
    "target_year",
    "value",
    "value_text",
    "period",
    "status",
    "gap",
    "components",
    "points",
    "max_points",
    "index",
    "illustrative",
]


def _csv_value(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return value


def status_csv(data: dict[str, Any], out: TextIO, lang: str = "vi") -> None:
    """``dtiplan status --format csv``: one table, a row per indicator (``level`` indicator),
    per main indicator (main), the DTI (dti) and each untracked component (untracked)."""
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(_STATUS_CSV)
    flag = _csv_value(data["illustrative"])

    def row(**cells: Any) -> None:
        writer.writerow([_csv_value(cells.get(c)) for c in _STATUS_CSV[:-1]] + [flag])

    for r in data["indicators"]:
        t = r["target"]
        row(
            level="indicator",
            id=r["id"],
            name=r["name"],
            main="; ".join(dict.fromkeys(c["main"] for c in r["components"])),
            target=None if t is None else t["text"],
            target_reading=None if t is None else t["reading"],
            target_year=None if t is None else t["year"],
            value=r["value"],
            value_text=r["value_text"],
            period=r["period"],
            status=r["status"],
            gap=r["gap"],
            components="; ".join(c["id"] for c in r["components"]),
            points=sum(c["points"] for c in r["components"]) if r["components"] else None,
            max_points=sum(c["max_points"] for c in r["components"]) if r["components"] else None,
        )
    for m in data["main_indicators"]:
        row(
            level="main",
            id=m["id"],
            name=m["name"],
            main=m["id"],
            points=m["points"],
            max_points=m["max_points"],
            index=m["index"],
        )
    row(
        level="dti",
        id="DTI",
        name="Chỉ số chuyển đổi số" if lang == "vi" else "Digital Transformation Index",
        points=data["points"],
        max_points=data["max_points"],
        index=data["dti"],
    )
    for g in data["coverage"]["untracked_components"]:
        row(level="untracked", id=g["id"], name=g["name"], main=g["main"], max_points=g["points"])


# --- deadlines ---------------------------------------------------------------------------------


def _state_label(state: str, days_late: int, lang: str) -> str:
    words = _tw(lang)
    return words["late"].format(n=days_late) if state == "late" else words[state]


def deadlines_data(
    plan: Plan,
    calendar: Any,
    month: Any,
    log: Any,
    as_of: Any,
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
                "unit_name": _unit_label(plan, o.unit),
                "indicator": o.indicator,
                "period": str(o.period),
                "deadline": _iso(o.deadline),
                "consolidated": o.consolidated,
                "state": state,
                "state_label": _state_label(state, s.days_late, lang),
                "days_late": s.days_late,
                "submitted": _iso(s.submitted),
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
                "deadline": _iso(o.deadline),
                "unit": o.unit,
                "unit_name": _unit_label(plan, o.unit),
                "indicator": o.indicator,
                "period": str(o.period),
                "consolidated": o.consolidated,
            }
        )
    return {
        "illustrative": illustrative,
        "plan": plan_header(plan),
        "as_of": as_of.isoformat(),
        "observations": source,
        "month": str(month),
        "consolidator_name": _unit_label(plan, plan.reporting.consolidator),
        "shift": calendar.shift.name.lower(),
        "unit_deadline": _iso(calendar.unit_deadline(month)),
        "consolidated_deadline": _iso(calendar.consolidated_deadline(month)),
        "obligations": obligations,
        "summary": counts,
        "upcoming": upcoming,
    }


def deadlines_text(data: dict[str, Any], lang: str = "vi") -> str:
    """``dtiplan deadlines``: the month's obligations and states, then what falls due next."""
    words = _tw(lang)
    as_of = _dt_date(data["as_of"])
    month = _core.Period.parse(data["month"])
    lines = _header_lines(
        words["deadlines_title"].format(
            month=_month_text(month, lang), date=_date_text(as_of, lang)
        ),
        data,
        lang,
        framework=False,
    )
    reporting = data["plan"]["reporting"]
    lines.append(
        words["deadline_rule"].format(
            unit_day=reporting["unit_report_before_day"],
            unit_deadline=_date_text(_dt_date(data["unit_deadline"]), lang),
            consolidator=data["consolidator_name"],
            consolidated_day=reporting["consolidated_report_before_day"],
            consolidated_deadline=_date_text(_dt_date(data["consolidated_deadline"]), lang),
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
                _date_text(_dt_date(o["deadline"]), lang),
                _date_text(_dt_date(o["submitted"]), lang) if o["submitted"] else "",
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
        lines.extend(_table(headers, rows, [34, None, None, None, None]))
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
    lines.append(words["upcoming_title"].format(date=_date_text(as_of, lang)))
    if not data["upcoming"]:
        lines.append("  " + words["upcoming_none"])
    groups: dict[tuple[str, str, bool], list[dict[str, Any]]] = {}
    for o in data["upcoming"]:
        groups.setdefault((o["deadline"], o["period"], o["consolidated"]), []).append(o)
    for (deadline, period, consolidated), items in groups.items():
        month_text = _month_text(_core.Period.parse(period), lang)
        if consolidated:
            text = words["upcoming_consolidated"].format(
                month=month_text, unit=", ".join(o["unit_name"] for o in items)
            )
        else:
            by_unit: dict[str, list[str]] = {}
            for o in items:
                by_unit.setdefault(o["unit_name"], []).append(o["indicator"])
            detail = "; ".join(f"{u}: {', '.join(ids)}" for u, ids in by_unit.items())
            text = words["upcoming_units"].format(month=month_text, n=len(items), detail=detail)
        first = f"  {_date_text(_dt_date(deadline), lang)}  "
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
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(_DEADLINES_CSV)
    flag = _csv_value(data["illustrative"])
    for o in data["obligations"]:
        writer.writerow(
            ["status", *(_csv_value(o.get(c)) for c in _DEADLINES_CSV[1:-1]), flag]
        )
    for o in data["upcoming"]:
        writer.writerow(
            ["upcoming", *(_csv_value(o.get(c)) for c in _DEADLINES_CSV[1:-1]), flag]
        )


# --- units: the ranking board ------------------------------------------------------------------


def units_data(
    plan: Plan,
    framework: Any,
    log: Any,
    calendar: Any,
    as_of: Any,
    illustrative: bool,
    source: str,
) -> dict[str, Any]:
    """``dtiplan units --format json``: the ranking board (ranks shared on ties)."""
    cards = _core.unit_scorecards(plan, framework, log, calendar, as_of)
    return {
        "illustrative": illustrative,
        "plan": plan_header(plan),
        "as_of": as_of.isoformat(),
        "observations": source,
        "framework": {"id": framework.id, "name": framework.name},
        "units": [
            {
                "rank": c.rank,
                "unit": c.unit,
                "unit_name": _unit_label(plan, c.unit),
                "indicators": c.indicators,
                "with_value": c.with_value,
                "met": c.met,
                "reports_due": c.reports_due,
                "reports_on_time": c.reports_on_time,
                "on_time_rate": c.on_time_rate,
                "points": c.points,
                "max_points": c.max_points,
                "score": _core.round_to(c.score, 4),
            }
            for c in cards
        ],
    }


def units_text(data: dict[str, Any], lang: str = "vi") -> str:
    """``dtiplan units``: the ranking board."""
    words = _tw(lang)
    as_of = _dt_date(data["as_of"])
    lines = _header_lines(
        words["units_title"].format(date=_date_text(as_of, lang)), data, lang
    )
    lines.append(words["units_rule"])
    lines.append("")
    rows = [
        [
            str(u["rank"]),
            u["unit_name"],
            str(u["indicators"]),
            str(u["with_value"]),
            str(u["met"]),
            str(u["reports_due"]),
            str(u["reports_on_time"]),
            _percent(u["on_time_rate"], lang),
            f"{_short_num(u['points'], lang)}/{_short_num(u['max_points'], lang)}",
            _num(u["score"], 4, lang),
        ]
        for u in data["units"]
    ]
    headers = [
        words["rank"],
        words["unit"],
        words["u_indicators"],
        words["u_with_value"],
        words["u_met"],
        words["u_due"],
        words["u_on_time"],
        words["u_rate"],
        words["u_points"],
        words["u_score"],
    ]
    lines.extend(
        _table(headers, rows, [None, 34, *([None] * 8)], [True, False, *([True] * 8)])
    )
    return "\n".join(lines) + "\n"


_UNITS_CSV = [
    "rank",
    "unit",
    "unit_name",
    "indicators",
    "with_value",
    "met",
    "reports_due",
    "reports_on_time",
    "on_time_rate",
    "points",
    "max_points",
    "score",
    "illustrative",
]


def units_csv(data: dict[str, Any], out: TextIO, lang: str = "vi") -> None:
    """``dtiplan units --format csv``: one row per unit, by rank."""
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(_UNITS_CSV)
    flag = _csv_value(data["illustrative"])
    for u in data["units"]:
        writer.writerow([_csv_value(u[c]) for c in _UNITS_CSV[:-1]] + [flag])


# --- report: everything the coordinator needs each month ----------------------------------------


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
    words = _tw(lang)
    lines = [words["check_summary"].format(**data["summary"])]
    for mark, key in (("✗", "errors"), ("⚠", "warnings")):
        for f in data[key]:
            lines.append(f"  {mark} {f['code']}: {' '.join(f['message'].split())}")
    return "\n".join(lines) + "\n"


def report_text(data: dict[str, Any], lang: str = "vi") -> str:
    """``dtiplan report``: the check summary, the status, the month's deadlines and the
    units' board, one after the other."""
    words = _tw(lang)
    as_of = _dt_date(data["as_of"])
    head = [
        words["report_title"].format(id=data["plan"]["id"], date=_date_text(as_of, lang)),
        *_illustrative_line(data["illustrative"], lang),
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
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["severity", "code", "indicators", "message", "illustrative"])
    flag = _csv_value(data["illustrative"])
    for severity in ("errors", "warnings"):
        for f in data["check"][severity]:
            writer.writerow([severity[:-1], f["code"], "; ".join(f["indicators"]), f["message"], flag])
    out.write("\n")
    status_csv(data["status"], out, lang)
    out.write("\n")
    deadlines_csv(data["deadlines"], out, lang)
    out.write("\n")
    units_csv(data["units"], out, lang)
