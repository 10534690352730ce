"""``dtiplan assessment``: the commune's annual DTI self-assessment form (shared/ADMIN.md §5), one
row per DTI component under its main indicator: STT, chỉ số, điểm tối đa, cách xác định và cho
điểm, giá trị, điểm tự chấm, giải trình, tài liệu kiểm chứng, nguồn dữ liệu.

The rows come from the framework (names, maximum points, the scoring rule written as the
provincial forms write it), the score of the observations in force on the year's cut-off (the
same score ``dtiplan status`` shows for that date, so the self-scores add up to its DTI) and
those observations' evidence and origin. A component no plan indicator measures is listed with
an empty self-score and a note: the commune scores it by hand with its own evidence.

The cut-off is 14 December of the year: the end of the annual reporting period of Nghị định
09/2019/NĐ-CP (15/12 of the year before to 14/12); ``--as-of`` sets another date.
"""

from __future__ import annotations

import datetime
from typing import Any

from .. import _core
from .._core import Component, Framework, ObservationLog, Plan
from ._admin import document_data
from ._format import number, observed_text, percent, short_number, unit_label
from .plan import plan_header
from .status import scorecard
from .tables import Table

__all__ = ["CUTOFF", "assessment_data", "assessment_tables", "assessment_text", "rule_text"]

#: The year's cut-off (month, day): the end of the NĐ 09/2019 annual reporting period.
CUTOFF = (12, 14)

_TITLES = {
    "vi": ("STT", "Chỉ số", "Điểm tối đa", "Cách xác định và cho điểm", "Giá trị",
           "Điểm tự chấm", "Giải trình", "Tài liệu kiểm chứng", "Nguồn dữ liệu"),
    "en": ("No.", "Component", "Max points", "How it is measured and scored", "Value",
           "Self-score", "Explanation", "Evidence", "Data source"),
}  # fmt: skip

_WORDS = {
    "vi": {
        "title": "Bảng tự đánh giá chỉ số chuyển đổi số (DTI) năm {year} của xã {commune}",
        "cutoff": "Số liệu chốt ngày {date}; khung điểm: {framework}",
        "untracked": "Kế hoạch chưa có chỉ tiêu đo chỉ số này: đơn vị tự chấm và kèm tài liệu "
        "kiểm chứng.",
        "no_value": "Chưa có số liệu đến ngày chốt.",
        "from": "{id} “{name}”: {value} (kỳ {period}, {unit})",
        "total": "Tổng cộng (DTI = tổng điểm / {max})",
        "proportional": "Tỷ lệ = a/b; Điểm = Tỷ lệ × Điểm tối đa",
        "steps": "Theo bậc: {steps}; còn lại: 0 điểm",
        "step": "từ {t}: {p} điểm",
        "yes-no": "Có: {m} điểm; chưa có: 0 điểm",
        "relative-to-best": "Tỷ lệ chuẩn hóa = tỷ lệ của xã / tỷ lệ lớn nhất; Điểm = Tỷ lệ "
        "chuẩn hóa × Điểm tối đa",
        "target": "Đạt mục tiêu của Kế hoạch: điểm tối đa; chưa đạt: Giá trị / mục tiêu × Điểm "
        "tối đa",
    },
    "en": {
        "title": "DTI self-assessment {year} of {commune} commune",
        "cutoff": "Figures as of {date}; framework: {framework}",
        "untracked": "No indicator of the plan measures this component: the commune scores it "
        "and attaches its evidence.",
        "no_value": "No figure by the cut-off.",
        "from": "{id} “{name}”: {value} (period {period}, {unit})",
        "total": "Total (DTI = points / {max})",
        "proportional": "Rate = a/b; points = rate × max points",
        "steps": "Steps: {steps}; otherwise 0 points",
        "step": "from {t}: {p} points",
        "yes-no": "Yes: {m} points; no: 0 points",
        "relative-to-best": "Normalised rate = the commune's rate / the best rate; points = "
        "normalised rate × max points",
        "target": "Plan target met: max points; otherwise value / target × max points",
    },
}


def rule_text(component: Component, lang: str) -> str:
    """How a component is measured and scored, as the provincial forms write it."""
    w = _WORDS[lang]
    rule = component.rule
    kind = rule.kind
    m = short_number(component.max_points, lang)
    if kind == _core.RuleKind.Steps:
        steps = "; ".join(
            w["step"].format(t=percent(s.threshold, lang), p=short_number(s.points, lang))
            for s in rule.steps
        )
        return w["steps"].format(steps=steps)
    if kind == _core.RuleKind.Categorical:
        return "; ".join(
            f"{level.label}: {short_number(level.share * component.max_points, lang)}"
            for level in rule.levels
        )
    key = {
        _core.RuleKind.Proportional: "proportional",
        _core.RuleKind.YesNo: "yes-no",
        _core.RuleKind.RelativeToBest: "relative-to-best",
        _core.RuleKind.Target: "target",
    }[kind]
    return w[key].format(m=m)


def assessment_data(
    plan: Plan,
    framework: Framework,
    log: ObservationLog,
    year: int,
    cutoff: datetime.date,
    illustrative: bool,
    source: str,
    lang: str = "vi",
) -> dict[str, Any]:
    """``dtiplan assessment --format json``: one row per main indicator and per component (its
    rule, value, self-score, explanation, evidence and data sources), the total and the DTI."""
    w = _WORDS[lang]
    card = scorecard(plan, framework, log, cutoff)
    scores = {c.component: c for c in card.components}
    rows: list[dict[str, Any]] = []
    for i, main in enumerate(framework.main_indicators, start=1):
        main_row: dict[str, Any] = {
            "stt": str(i), "level": "main", "id": main.id, "name": main.name,
            "max_points": main.max_points, "points": 0.0,
        }  # fmt: skip
        rows.append(main_row)
        for j, comp in enumerate(main.components, start=1):
            score = scores.get(comp.id)
            tracked = bool(comp.indicators)
            explanation: list[str] = []
            evidence: list[str] = []
            sources: list[str] = []
            for ind_id in comp.indicators:
                ind = plan.find_indicator(ind_id)
                latest = log.latest(ind_id, cutoff)
                if ind is None or latest is None:
                    continue
                explanation.append(w["from"].format(
                    id=ind_id, name=" ".join(ind.name.split()),
                    value=observed_text(ind, latest.value, lang),
                    period=str(latest.period), unit=unit_label(plan, latest.unit),
                ))  # fmt: skip
                evidence += [f"{e.title} ({e.location})" if e.location else e.title
                             for e in latest.evidence]  # fmt: skip
                origin = latest.origin.split(":")[0] or source
                who = unit_label(plan, latest.unit)
                if f"{who}: {origin}" not in sources:
                    sources.append(f"{who}: {origin}")
            if not tracked:
                explanation.append(w["untracked"])
            elif not explanation:
                explanation.append(w["no_value"])
            points = score.points if (score is not None and tracked) else None
            if points is not None:
                main_row["points"] += points
            rows.append({
                "stt": f"{i}.{j}", "level": "component", "id": comp.id, "name": comp.name,
                "max_points": comp.max_points, "method": rule_text(comp, lang),
                "value": None if score is None else score.value, "points": points,
                "tracked": tracked, "indicators": list(comp.indicators),
                "explanation": explanation, "evidence": evidence, "sources": sources,
            })  # fmt: skip
    return {
        "illustrative": illustrative,
        "plan": plan_header(plan),
        "year": year,
        "cutoff": cutoff.isoformat(),
        "observations": source,
        "framework": {"id": framework.id, "name": framework.name},
        "rows": rows,
        "points": card.points,
        "max_points": card.max_points,
        "dti": _core.round_to(card.dti(), 4),
        "document": document_data(plan, cutoff, f"năm {year}"),
    }


def assessment_title(data: dict[str, Any], lang: str) -> str:
    """The form's title: the year and the commune."""
    return _WORDS[lang]["title"].format(year=data["year"], commune=data["plan"]["commune"])


def assessment_tables(data: dict[str, Any], lang: str) -> list[Table]:
    """The form as one table (Tự đánh giá): the main indicators, their components, the total."""
    note = ""
    if data["illustrative"]:
        from ..track import ILLUSTRATIVE_LABEL

        note = ILLUSTRATIVE_LABEL[lang]
    table = Table(
        "Tự đánh giá" if lang == "vi" else "Self-assessment",
        "tu-danh-gia" if lang == "vi" else "self-assessment",
        _TITLES[lang],
        ("text", "text", "number", "text", "percent", "number", "text", "text", "text"),
        note=note,
    )
    for r in data["rows"]:
        if r["level"] == "main":
            table.rows.append([r["stt"], r["name"].upper(), r["max_points"], None, None,
                               r["points"], None, None, None])  # fmt: skip
            continue
        table.rows.append([
            r["stt"], f"{r['id']}. {r['name']}", r["max_points"], r["method"], r["value"],
            r["points"], "\n".join(r["explanation"]), "\n".join(r["evidence"]),
            "\n".join(r["sources"]),
        ])  # fmt: skip
    total = _WORDS[lang]["total"].format(max=number(data["max_points"], 0, lang))
    table.rows.append(["", total, data["max_points"], None, None, data["points"], None, None,
                       None])  # fmt: skip
    return [table]


def assessment_text(data: dict[str, Any], lang: str = "vi") -> str:
    """The form as text: one line per row (STT, component, self-score / max), then the DTI."""
    from ._format import date_text, from_iso, illustrative_lines, text_table

    w = _WORDS[lang]
    lines = [assessment_title(data, lang), *illustrative_lines(data["illustrative"], lang)]
    lines.append(w["cutoff"].format(date=date_text(from_iso(data["cutoff"]), lang),
                                    framework=data["framework"]["name"]))  # fmt: skip
    lines.append("")
    titles = _TITLES[lang]
    rows = []
    for r in data["rows"]:
        points = "" if r["points"] is None else short_number(r["points"], lang)
        name = r["name"].upper() if r["level"] == "main" else f"{r['id']} {r['name']}"
        rows.append([r["stt"], name, short_number(r["max_points"], lang), points])
    lines += text_table([titles[0], titles[1], titles[2], titles[5]], rows, [None, 70, None, None],
                        [False, False, True, True])  # fmt: skip
    lines.append("")
    lines.append(f"DTI: {number(data['dti'], 4, lang)} ({short_number(data['points'], lang)}/"
                 f"{number(data['max_points'], 0, lang)})")  # fmt: skip
    return "\n".join(lines) + "\n"
