"""The plan as people and programs read it: ``dtiplan show`` (indicators and targets),
``dtiplan check`` (findings) and ``dtiplan matrix`` (who leads, coordinates and tracks what).

Text is for the coordinator at Phòng VH-XH: Vietnamese headings by default (English with
``lang="en"``), tables that fit a terminal, target phrases as the plan reads them (decimal comma
in Vietnamese, from the C++ ``format_target``). JSON and CSV are for programs: stable English
keys and file spellings, Vietnamese text kept as written. These functions only read the plan;
none decides anything the checker has not. Each verb has a data function (``*_json``) and text
and CSV renderers; the plan itself is their data.
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterable, Sequence
from typing import Any, TextIO

from .. import _core
from .._core import Finding, Indicator, Plan, Role, Severity, SourceRef, Target
from ..plan import section_of
from ._format import LANGUAGES, csv_writer, text_table, unit_full_name, unit_label

__all__ = [
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
        "indicator": "Chỉ tiêu",
        "year": "Năm {year}",
        "lead": "Chủ trì",
        "no_lead": "— chưa giao",
        "upper": "(cấp trên)",
        "indicators_n": "{n} chỉ số",
        "totals": "Tổng: {indicators} chỉ số, {targets} mục tiêu",
        "note_inferred": "* năm suy ra: Kế hoạch không ghi năm cho mục tiêu này",
        "note_conflict": (
            "⚠ Kế hoạch ghi nhiều mục tiêu khác nhau cho cùng năm (xem: dtiplan check)"
        ),
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
        "note_conflict": (
            "⚠ the plan gives different targets for the same year (see: dtiplan check)"
        ),
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
    """The plan's identity for JSON outputs: id, title, commune, province, period, goal and
    reporting rule."""
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
                        "unit_name": unit_full_name(plan, a.unit),
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
        return "; ".join(unit_label(plan, u) for u in leads)
    upper = indicator.units_with(Role.UpperLead)
    if upper:
        return "; ".join(f"{unit_label(plan, u)} {words['upper']}" for u in upper)
    return words["no_lead"]


def _plan_intro(plan: Plan, lang: str) -> list[str]:
    words = _words(lang)
    consolidator = unit_label(plan, plan.reporting.consolidator)
    recipient = unit_label(plan, plan.reporting.recipient)
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
        lines.extend(text_table(headers, rows, max_widths))
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
    writer = csv_writer(out)
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
            "; ".join(unit_label(plan, u) for u in ind.units_with(role))
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
                units = ", ".join(unit_label(plan, u) for u in f.units)
                lines.append(f"     {words['units']}: {units}")
            if f.sources:
                lines.append(f"     {words['sources']}: {_sources_text(f.sources, lang)}")
    return "\n".join(lines) + "\n"


def check_csv(findings: Sequence[Finding], out: TextIO, lang: str = "vi") -> None:
    """``dtiplan check --format csv``: one row per finding, message in ``lang``."""
    language = LANGUAGES[lang]
    writer = csv_writer(out)
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
    lines.extend(text_table([words["id"], *matrix.units], rows))
    lines.append("")
    lines.append(f"{words['unit_legend']}:")
    for unit_id in matrix.units:
        lines.append(f"  {unit_id} = {unit_full_name(plan, unit_id)}")
    lines.append("")
    lines.append(words["workload_title"])
    workload_rows = [
        [
            w.unit,
            unit_label(plan, w.unit),
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
        text_table(headers, workload_rows, [None, 34, *([None] * 6)], [False, False, *([True] * 6)])
    )
    return "\n".join(lines) + "\n"


def matrix_csv(plan: Plan, out: TextIO, lang: str = "vi") -> None:
    """``dtiplan matrix --format csv``: one row per indicator, one column per unit, role
    letters in ``lang`` joined by "+"."""
    matrix = _core.ResponsibilityMatrix(plan)
    writer = csv_writer(out)
    writer.writerow(["indicator", *matrix.units])
    for ind, row in zip(matrix.indicators, matrix.roles.tolist()):
        writer.writerow([ind, *(_role_cell(int(mask), lang) for mask in row)])


