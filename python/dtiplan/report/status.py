"""``dtiplan status``: per plan indicator the target in force, the latest value, met or not and
the points of its components; per main indicator its points and index; the DTI; and what of the
DTI framework the plan does not track.

:func:`status_data` builds the data (plain dicts and lists, the JSON output as it is);
:func:`status_text` and :func:`status_csv` render it. The scores come from one function,
:func:`scorecard`, the single place to change when scoring moves behind another call.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping, Sequence
from typing import Any, TextIO

from .. import _core
from .._core import Framework, ObservationLog, Plan, ScoreCard
from ._format import (
    LANGUAGES,
    csv_cell,
    csv_writer,
    date_text,
    from_iso,
    header_lines,
    iso,
    number,
    observed_text,
    period_window,
    short_number,
    shorten,
    text_table,
    unit_label,
    window_range,
)
from .plan import plan_header

__all__ = ["scorecard", "status_csv", "status_data", "status_text"]

_WORDS: dict[str, dict[str, str]] = {
    "vi": {
        "id": "Mã",
        "status_title": "Tình hình thực hiện kế hoạch {id}, ngày {date}",
        "indicators_title": "Chỉ tiêu của kế hoạch ({n})",
        "name": "Tên",
        "target": "Mục tiêu",
        "value": "Giá trị",
        "period": "Kỳ báo cáo",
        "met": "Đánh giá",
        "gap": "Thiếu (điểm %)",
        "points": "Điểm",
        "met_yes": "Đạt",
        "met_no": "Chưa đạt",
        "no_data": "Chưa có số liệu",
        "no_target": "Không có mục tiêu",
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
        "coverage_note": "Thành phần không theo dõi được tính 0 điểm, nên DTI trên là cận dưới.",
        "conflict_note": (
            "⚠ Kế hoạch ghi mục tiêu khác nhau cho cùng năm; dùng mục tiêu của phụ lục."
        ),
    },
    "en": {
        "id": "Id",
        "status_title": "Status of plan {id} on {date}",
        "indicators_title": "Plan indicators ({n})",
        "name": "Name",
        "target": "Target",
        "value": "Value",
        "period": "Reporting period",
        "met": "Assessment",
        "gap": "Gap (pp)",
        "points": "Points",
        "met_yes": "met",
        "met_no": "not met",
        "no_data": "no data",
        "no_target": "no target",
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
    },
}

_NAME_WIDTH = 34  # an indicator's name in the status table is cut to this many cells


def _words(lang: str) -> dict[str, str]:
    return _WORDS[lang]


def _met_key(met: bool | None, has_value: bool, has_target: bool) -> str:
    if not has_value:
        return "no-data"
    if not has_target or met is None:
        return "no-target"
    return "met" if met else "not-met"


_MET_WORD = {"met": "met_yes", "not-met": "met_no", "no-data": "no_data", "no-target": "no_target"}


def _component_index(framework: Framework) -> dict[str, list[tuple[Any, Any]]]:
    """Plan indicator id -> [(main indicator, component)] of the components it measures."""
    index: dict[str, list[tuple[Any, Any]]] = {}
    for main in framework.main_indicators:
        for comp in main.components:
            for ind in comp.indicators:
                index.setdefault(ind, []).append((main, comp))
    return index


def scorecard(
    plan: Plan,
    framework: Framework,
    log: ObservationLog,
    as_of: datetime.date,
    best: Mapping[str, float] | None = None,
) -> ScoreCard:
    """The framework's score of the latest values known on ``as_of``: the one call status takes
    its points from: the library's ``score_log`` (include/dtiplan/score/score_log.hpp).
    ``best``: the peers' best value of each relative-to-best component (none: such a component
    is scored against the commune's own value, full points)."""
    return _core.score_log(framework, plan, log, as_of, best=dict(best or {}))


def status_data(
    plan: Plan,
    framework: Framework,
    log: ObservationLog,
    as_of: datetime.date,
    illustrative: bool,
    source: str,
    lang: str = "vi",
    best: Mapping[str, float] | None = None,
) -> dict[str, Any]:
    """``dtiplan status --format json``: per indicator (target in force, latest value, met,
    gap, points of its components), per main indicator (points, index), the DTI (4 decimals)
    and the coverage of the framework by the plan, on ``as_of``; relative-to-best components
    against ``best`` (:func:`scorecard`)."""
    language = LANGUAGES[lang]
    card = scorecard(plan, framework, log, as_of, best)
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
                "value_text": None if latest is None else observed_text(ind, latest.value, lang),
                "numerator": None if latest is None else latest.value.numerator,
                "denominator": None if latest is None else latest.value.denominator,
                "fraction": fraction,
                "period": None if a.period is None else str(a.period),
                "window": None if a.period is None else period_window(plan, a.period),
                "submitted": None if latest is None else iso(latest.submitted),
                "unit": None if latest is None else latest.unit,
                "unit_name": None if latest is None else unit_label(plan, latest.unit),
                "met": a.met,
                "status": met_key,
                "status_label": _words(lang)[_MET_WORD[met_key]],
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
        f"{c['id']} {short_number(c['points'], lang)}/{short_number(c['max_points'], lang)}"
        for c in components
    )



def status_text(data: dict[str, Any], lang: str = "vi") -> str:
    """``dtiplan status``: indicators, main indicators, the DTI and the coverage."""
    words = _words(lang)
    as_of = from_iso(data["as_of"])
    lines = header_lines(
        words["status_title"].format(id=data["plan"]["id"], date=date_text(as_of, lang)),
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
            gap = short_number(max(row["gap"], 0.0) * 100, lang)
        rows.append(
            [
                row["id"],
                shorten(row["name"], _NAME_WIDTH),
                target_cell,
                row["value_text"] or "",
                window_range(row["window"], lang) if row["window"] else "",
                row["status_label"],
                gap,
                _points_cell(row["components"], lang),
            ]
        )
    headers = [
        words["id"],
        words["name"],
        words["target"],
        words["value"],
        words["period"],
        words["met"],
        words["gap"],
        words["points"],
    ]
    lines.extend(
        text_table(headers, rows, [None, None, 24, None, None, None, None, 24],
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
            number(m["points"], 1, lang),
            number(m["max_points"], 0, lang),
            number(m["index"], 4, lang),
        ]
        for m in data["main_indicators"]
    ]
    lines.extend(
        text_table(
            [words["id"], words["name"], words["points"], words["max"], words["index"]],
            main_rows,
            right=[False, False, True, True, True],
        )
    )
    lines.append("")
    lines.append(
        words["dti"].format(
            dti=number(data["dti"], 4, lang),
            points=number(data["points"], 1, lang),
            max=number(data["max_points"], 0, lang),
        )
    )
    cov = data["coverage"]
    lines.append("")
    lines.append(
        words["coverage"].format(
            tracked=short_number(cov["tracked_points"], lang),
            max=number(data["max_points"], 0, lang),
            n=len(cov["untracked_components"]),
            untracked=short_number(cov["untracked_points"], lang),
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
                points=short_number(m["untracked_points"], lang),
                max=short_number(m["max_points"], lang),
                all=words["coverage_all"] if whole else "",
            )
        )
    lines.append(words["coverage_note"])
    return "\n".join(lines) + "\n"

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
    "window_first",
    "window_last",
    "status",
    "gap",
    "components",
    "points",
    "max_points",
    "index",
    "illustrative",
]



def status_csv(data: dict[str, Any], out: TextIO, lang: str = "vi") -> None:
    """``dtiplan status --format csv``: one table, a row per indicator (``level`` indicator),
    per main indicator (main), the DTI (dti) and each untracked component (untracked)."""
    writer = csv_writer(out)
    writer.writerow(_STATUS_CSV)
    flag = csv_cell(data["illustrative"])

    def row(**cells: Any) -> None:
        writer.writerow([csv_cell(cells.get(c)) for c in _STATUS_CSV[:-1]] + [flag])

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
            window_first=r["window"]["first"] if r["window"] else None,
            window_last=r["window"]["last"] if r["window"] else None,
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


