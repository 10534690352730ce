"""``dtiplan units``: the ranking board of the units that carry out the plan (targets met,
reports on time), with their DTI points for reference.

:func:`units_data` builds the data (the JSON output as it is); :func:`units_text` and
:func:`units_csv` render it.
"""

from __future__ import annotations

import datetime
from typing import Any, TextIO

from .. import _core
from .._core import Framework, ObservationLog, Plan, ReportingCalendar
from ._format import (
    csv_cell,
    csv_writer,
    date_text,
    from_iso,
    header_lines,
    number,
    percent,
    short_number,
    text_table,
    unit_label,
)
from .plan import plan_header

__all__ = ["units_csv", "units_data", "units_text"]

_WORDS: dict[str, dict[str, str]] = {
    "vi": {
        "units_title": "Bảng xếp hạng kết quả thực hiện của các đơn vị, ngày {date}",
        "units_rule": (
            "Điểm xếp hạng = 0,5 × tỷ lệ chỉ tiêu đạt mục tiêu + 0,5 × tỷ lệ báo cáo đúng hạn; điểm"
            " DTI chỉ để tham khảo, không tính vào xếp hạng."
        ),
        "rank": "Hạng",
        "unit": "Đơn vị",
        "u_indicators": "Chỉ tiêu",
        "u_with_value": "Có số liệu",
        "u_met": "Đạt",
        "u_due": "Đến hạn",
        "u_on_time": "Đúng hạn",
        "u_rate": "Tỷ lệ đúng hạn",
        "u_points": "Điểm DTI",
        "u_score": "Điểm xếp hạng",
        "groups_apart": "–: nhóm đơn vị, không xếp hạng cùng các đơn vị (điểm để tham khảo).",
    },
    "en": {
        "units_title": "Ranking board of the units' results on {date}",
        "units_rule": (
            "Score = 0.5 × share of indicators meeting their target + 0.5 × on-time reporting "
            "rate; DTI points are shown for reference and not part of the score."
        ),
        "rank": "Rank",
        "unit": "Unit",
        "u_indicators": "Indicators",
        "u_with_value": "With value",
        "u_met": "Met",
        "u_due": "Due",
        "u_on_time": "On time",
        "u_rate": "On-time rate",
        "u_points": "DTI points",
        "u_score": "Score",
        "groups_apart": "–: a group of units, not ranked with the units (score for reference).",
    },
}


def _words(lang: str) -> dict[str, str]:
    return _WORDS[lang]


def units_data(
    plan: Plan,
    framework: Framework,
    log: ObservationLog,
    calendar: ReportingCalendar,
    as_of: datetime.date,
    illustrative: bool,
    source: str,
) -> dict[str, Any]:
    """``dtiplan units --format json``: the ranking board (ranks shared on ties). A group of
    units ("Các cơ quan, đơn vị; các ngành xã") is shown apart: ``group`` true, no rank, and
    the units' ranks count only the units (the library's order, the groups taken out)."""
    cards = _core.unit_scorecards(plan, framework, log, calendar, as_of)
    groups = [c for c in cards if plan.find_group(c.unit) is not None]

    def rank(card: Any) -> int | None:
        if plan.find_group(card.unit) is not None:
            return None
        return int(card.rank) - sum(1 for g in groups if g.rank < card.rank)

    ordered = [c for c in cards if c not in groups] + groups
    return {
        "illustrative": illustrative,
        "plan": plan_header(plan),
        "as_of": as_of.isoformat(),
        "observations": source,
        "framework": {"id": framework.id, "name": framework.name},
        "units": [
            {
                "rank": rank(c),
                "group": c in groups,
                "unit": c.unit,
                "unit_name": unit_label(plan, c.unit),
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
            for c in ordered
        ],
    }


def units_text(data: dict[str, Any], lang: str = "vi") -> str:
    """``dtiplan units``: the ranking board."""
    words = _words(lang)
    as_of = from_iso(data["as_of"])
    lines = header_lines(
        words["units_title"].format(date=date_text(as_of, lang)), data, lang
    )
    lines.append(words["units_rule"])
    lines.append("")
    rows = [
        [
            "–" if u["rank"] is None else str(u["rank"]),
            u["unit_name"],
            str(u["indicators"]),
            str(u["with_value"]),
            str(u["met"]),
            str(u["reports_due"]),
            str(u["reports_on_time"]),
            percent(u["on_time_rate"], lang),
            f"{short_number(u['points'], lang)}/{short_number(u['max_points'], lang)}",
            number(u["score"], 4, lang),
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
        text_table(headers, rows, [None, 34, *([None] * 8)], [True, False, *([True] * 8)])
    )
    if any(u["group"] for u in data["units"]):
        lines.append(words["groups_apart"])
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
    writer = csv_writer(out)
    writer.writerow(_UNITS_CSV)
    flag = csv_cell(data["illustrative"])
    for u in data["units"]:
        writer.writerow([csv_cell(u[c]) for c in _UNITS_CSV[:-1]] + [flag])
