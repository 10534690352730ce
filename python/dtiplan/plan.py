"""Plans as pandas DataFrames: indicators, targets, responsibilities, workload and findings.

Every frame has English snake_case column names and keeps the plan's Vietnamese text in its
cells. Enum values are given by their file spellings ("above", "upper-lead", "government"), so a
frame filters with plain strings. They are plain functions of a plan
(``dtiplan.indicators_frame(plan)``): the compiled classes get no methods added here.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np
import pandas as pd

from . import _core
from ._core import Finding, Indicator, Language, Plan, Role, SourceRef, TargetValue
from ._text import phrase_text

__all__ = [
    "findings_frame",
    "indicators_frame",
    "parse_target_phrase",
    "responsibilities_frame",
    "responsibility_matrix",
    "section_of",
    "targets_frame",
    "workload_frame",
]

_JOIN = "; "


def parse_target_phrase(phrase: str) -> TargetValue:
    """Read a Vietnamese target phrase ("Trên 80%", "9/9 nền tảng", "Có ứng dụng AI") into a
    TargetValue. Raises TargetPhraseError quoting the phrase, and FormatError for text that is
    not Unicode (a lone surrogate, which cannot be written as UTF-8)."""
    return _core.parse_target_phrase(phrase_text("phrase", phrase))


def section_of(indicator_id: str) -> str:
    """The part of the plan an indicator id belongs to: "I.03" -> "I", "III.3.a.05" -> "III.3.a"."""
    head, dot, _ = indicator_id.rpartition(".")
    return head if dot else indicator_id


def _sources_text(sources: Iterable[SourceRef], lang: Language = Language.Vietnamese) -> str:
    return _JOIN.join(s.describe(lang) for s in sources)


def _units_with(indicator: Indicator, role: Role) -> str:
    return _JOIN.join(indicator.units_with(role))


def indicators_frame(plan: Plan) -> pd.DataFrame:
    """One row per indicator, in plan order.

    Columns: ``id``, ``section`` ("I", "II", "III.3.a"), ``name``, ``pillar``, ``kind``,
    ``direction``, ``target_<year>`` for each milestone (the text of the first target of that
    year, or None), ``n_targets``, ``lead``, ``coordinating``, ``tracking``, ``upper_lead`` (unit
    or group ids joined by "; "), ``task`` and ``sources`` (described in Vietnamese).
    """
    milestones = list(plan.milestones)
    columns = [
        "id",
        "section",
        "name",
        "pillar",
        "kind",
        "direction",
        *(f"target_{year}" for year in milestones),
        "n_targets",
        "lead",
        "coordinating",
        "tracking",
        "upper_lead",
        "task",
        "sources",
    ]
    rows = []
    for ind in plan.indicators:
        row: dict[str, object] = {
            "id": ind.id,
            "section": section_of(ind.id),
            "name": ind.name,
            "pillar": ind.pillar.spelling,
            "kind": ind.kind.spelling,
            "direction": ind.direction.spelling,
        }
        for year in milestones:
            targets = ind.targets_for(year)
            row[f"target_{year}"] = targets[0].text if targets else None
        row["n_targets"] = len(ind.targets)
        row["lead"] = _units_with(ind, Role.Lead)
        row["coordinating"] = _units_with(ind, Role.Coordinating)
        row["tracking"] = _units_with(ind, Role.Tracking)
        row["upper_lead"] = _units_with(ind, Role.UpperLead)
        row["task"] = ind.task
        row["sources"] = _sources_text(ind.sources)
        rows.append(row)
    frame = pd.DataFrame(rows, columns=columns)
    return frame.astype({"n_targets": "int64"})


def targets_frame(plan: Plan) -> pd.DataFrame:
    """One row per target, in plan order (an indicator's targets as stored).

    Columns: ``indicator``, ``year``, ``text`` (verbatim), ``comparator``, ``value`` (a fraction
    for a rate, the count for a count of a total), ``denominator`` (NaN unless a count of a
    total), ``kind``, ``basis``, ``aspirational``, ``source`` (described in Vietnamese) and
    ``year_inferred``.
    """
    columns = [
        "indicator",
        "year",
        "text",
        "comparator",
        "value",
        "denominator",
        "kind",
        "basis",
        "aspirational",
        "source",
        "year_inferred",
    ]
    rows = []
    for ind in plan.indicators:
        for t in ind.targets:
            p = t.parsed
            rows.append(
                {
                    **t.to_dict(),
                    **p.to_dict(),
                    "indicator": ind.id,
                    "comparator": p.comparator.spelling,
                    "denominator": np.nan if p.denominator is None else p.denominator,
                    "kind": p.kind.spelling,
                    "source": t.source.describe(Language.Vietnamese),
                }
            )
    frame = pd.DataFrame(rows, columns=columns)
    return frame.astype(
        {
            "year": "int64",
            "value": "float64",
            "denominator": "float64",
            "aspirational": "bool",
            "year_inferred": "bool",
        }
    )


def responsibilities_frame(plan: Plan) -> pd.DataFrame:
    """Who answers for what, groups expanded: one row per (indicator, unit, role).

    Columns: ``indicator``, ``unit`` (id), ``unit_name`` (short name), ``role`` (spelling) and
    ``via`` (the group id the unit holds the role through, or "" when named directly). Rows are
    in plan order of indicators, then roles (lead, coordinating, tracking, upper-lead), then
    units.
    """
    indicator_pos = {ind.id: i for i, ind in enumerate(plan.indicators)}
    role_pos = {role: i for i, role in enumerate(Role)}
    rows = []
    for unit_pos, unit in enumerate(plan.units):
        for r in _core.responsibilities_of(plan, unit.id):
            key = (indicator_pos.get(r.indicator, len(indicator_pos)), role_pos[r.role], unit_pos)
            rows.append(
                (
                    key,
                    {
                        "indicator": r.indicator,
                        "unit": unit.id,
                        "unit_name": plan.label_of(unit.id),
                        "role": r.role.spelling,
                        "via": r.via,
                    },
                )
            )
    rows.sort(key=lambda kv: kv[0])
    return pd.DataFrame(
        [row for _, row in rows], columns=["indicator", "unit", "unit_name", "role", "via"]
    )


def responsibility_matrix(plan: Plan, role: Role | str | None = None) -> pd.DataFrame:
    """Indicators x units (groups expanded), in plan order.

    With ``role=None`` each cell is the role bitmask (see :func:`dtiplan.role_bit`: lead 1,
    coordinating 2, tracking 4, upper-lead 8); with a role (a :class:`Role` or its spelling)
    each cell is 1 when the unit holds that role, else 0. The index is named ``indicator`` and
    the columns ``unit``.
    """
    matrix = _core.ResponsibilityMatrix(plan)
    if role is None:
        values = np.asarray(matrix.roles, dtype=np.int64)
    else:
        if isinstance(role, str):
            role = Role.from_spelling(role)
        values = np.asarray(matrix.incidence(role), dtype=np.int64)
    return pd.DataFrame(
        values,
        index=pd.Index(list(matrix.indicators), name="indicator"),
        columns=pd.Index(list(matrix.units), name="unit"),
    )


def workload_frame(plan: Plan) -> pd.DataFrame:
    """One row per unit, in plan order: how many indicators it holds in each role.

    Columns: ``unit``, ``name``, ``short_name``, ``level``, ``lead``, ``coordinating``,
    ``tracking``, ``upper_lead``, ``sole_lead`` (indicators it leads alone, named directly) and
    ``total``.
    """
    units = {u.id: u for u in plan.units}
    counts = ["lead", "coordinating", "tracking", "upper_lead", "sole_lead", "total"]
    rows = []
    for w in _core.workload(plan):
        unit = units.get(w.unit)
        rows.append(
            {
                **w.to_dict(),
                "name": unit.name if unit else w.unit,
                "short_name": unit.short_name if unit else w.unit,
                "level": unit.level.spelling if unit else "",
                "total": w.total(),
            }
        )
    frame = pd.DataFrame(rows, columns=["unit", "name", "short_name", "level", *counts])
    return frame.astype({c: "int64" for c in counts})


def findings_frame(findings: Sequence[Finding]) -> pd.DataFrame:
    """One row per finding, in the checker's order.

    Columns: ``severity`` (spelling), ``code``, ``message_vi``, ``message_en``, ``indicators``
    and ``units`` (ids joined by "; ") and ``sources`` (described in Vietnamese).
    """
    rows = [
        {
            **f.to_dict(),
            "severity": f.severity.spelling,
            "indicators": _JOIN.join(f.indicators),
            "units": _JOIN.join(f.units),
            "sources": _sources_text(f.sources),
        }
        for f in findings
    ]
    return pd.DataFrame(
        rows,
        columns=[
            "severity",
            "code",
            "message_vi",
            "message_en",
            "indicators",
            "units",
            "sources",
        ],
    )
