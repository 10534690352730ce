"""``dtiplan whatif``: the baseline outlook and each scenario side by side (docs/scenarios.md).

:func:`whatif_data` reads a :class:`dtiplan.rank.WhatIf` into plain dicts (the JSON output);
the text puts the scenarios in columns (projected DTI with its 90% band, expected rank with its
band, P(top k), points still needed) after a line per setting that says what the trend alone
would have given; CSV and the ``--output`` tables have one row per scenario. Illustrative data
are labelled in every format.
"""

from __future__ import annotations

from typing import Any, TextIO

from .. import _core
from ..rank.scenario import WhatIf
from ._format import (
    csv_cell,
    csv_writer,
    date_text,
    from_iso,
    number,
    percent,
    short_name,
    text_table,
    value_text,
)
from .tables import Table

__all__ = ["whatif_csv", "whatif_data", "whatif_tables", "whatif_text"]

_WORDS: dict[str, dict[str, Any]] = {
    "vi": {
        "title": "Nếu … thì sao? {commune}, đánh giá ngày {to}",
        "baseline": "Hiện trạng",
        "scenario": "Kịch bản {n}",
        "settings": "Kịch bản {n}: {name}",
        "indicator": "  {id} {name}: {value} vào ngày đánh giá (xu hướng dự báo: {trend})",
        "component": "  thành phần {id} {name}: {value} số điểm",
        "growth": "  đơn vị so sánh: mức tăng {mean}/năm, độ lệch {sd}, biến động chung {shock}",
        "untracked": "  phần kế hoạch chưa theo dõi: {basis}",
        "basis": {"peer-median": "như trung vị các đơn vị khác", "zero": "bằng 0",
                  "fixed": "đạt {value} số điểm"},
        "rows": ("DTI dự báo", "  khoảng 90%", "Thứ hạng kỳ vọng", "  khoảng 90%",
                 "Xác suất vào top {top}", "Điểm còn thiếu"),
        "enough": "đủ (dư {gap})",
        "unreachable": "không thể",
        "no_trend": "không có",
        "note": "Cùng hạt giống cho mọi kịch bản; chỉ tiêu được đặt giữ giá trị đó ở mọi lần "
        "mô phỏng (đạt mục tiêu, không phải một quan sát thêm). Điểm còn thiếu: để vào top {top} "
        "với xác suất {p}, nâng cả dự báo.",
        "peers": "Đơn vị so sánh: {n} đơn vị ({source})",
        "csv": ("scenario", "baseline", "projected_dti", "dti_low", "dti_high", "expected_rank",
                "rank_low", "rank_high", "prob_top", "points_needed", "reachable",
                "illustrative"),
    },
    "en": {
        "title": "What if? {commune}, evaluated on {to}",
        "baseline": "Baseline",
        "scenario": "Scenario {n}",
        "settings": "Scenario {n}: {name}",
        "indicator": "  {id} {name}: {value} on the evaluation date (trend forecast: {trend})",
        "component": "  component {id} {name}: {value} of its points",
        "growth": "  peers: growth {mean}/year, spread {sd}, common shift {shock}",
        "untracked": "  not tracked by the plan: {basis}",
        "basis": {"peer-median": "at the peers' median", "zero": "0",
                  "fixed": "{value} of their points"},
        "rows": ("Projected DTI", "  90% band", "Expected rank", "  90% band",
                 "Chance of the top {top}", "Points still needed"),
        "enough": "none ({gap} to spare)",
        "unreachable": "out of reach",
        "no_trend": "none",
        "note": "The same seed for every scenario; an indicator set keeps its value on every "
        "draw (a target reached, not one more observation). Points still needed: for the top "
        "{top} with probability {p}, raising the whole projection.",
        "peers": "Peers: {n} units ({source})",
        "csv": ("scenario", "baseline", "projected_dti", "dti_low", "dti_high", "expected_rank",
                "rank_low", "rank_high", "prob_top", "points_needed", "reachable",
                "illustrative"),
    },
}  # fmt: skip

# --- Data -------------------------------------------------------------------------------------


def _trend_at_evaluation(outlook: _core.Outlook, indicator: str) -> float | None:
    for p in outlook.projection.indicators:
        if p.indicator == indicator and p.forecast is not None:
            return float(p.forecast.mean)
    return None


def whatif_data(w: WhatIf, lang: str = "vi") -> dict[str, Any]:
    """``dtiplan whatif``: the commune, the evaluation date, the labels, the peers, and per
    scenario (the baseline first) its settings (each indicator with its kind and the baseline's
    trend forecast at the date) and its figures."""
    base = w.core.outlooks[0]
    data = w.to_dict()
    data["commune"] = base.commune
    data["labels"] = w.labels(lang)
    data["probability"] = base.probability
    data["peers"] = {"source": w.peer_source, "count": len(base.forecasts)}
    for entry in data["scenarios"]:
        indicators = []
        for ind_id, value in entry.pop("indicators").items():
            ind = w.plan.find_indicator(ind_id)
            indicators.append({
                "id": ind_id,
                "name": ind.name if ind is not None else "",
                "kind": ind.kind.spelling if ind is not None else "",
                "value": value,
                "trend": _trend_at_evaluation(base, ind_id),
            })  # fmt: skip
        entry["indicators"] = indicators
        components = []
        for comp_id, value in entry.pop("components").items():
            comp = w.framework.find_component(comp_id)
            components.append(
                {"id": comp_id, "name": comp.name if comp is not None else "", "value": value}
            )
        entry["components"] = components
    return data


# --- Text -------------------------------------------------------------------------------------


def _setting_lines(entry: dict[str, Any], n: int, lang: str) -> list[str]:
    words = _WORDS[lang]
    lines = [words["settings"].format(n=n, name=entry["name"])]
    for ind in entry["indicators"]:
        lines.append(words["indicator"].format(
            id=ind["id"], name=short_name(ind["name"], 48),
            value=value_text(ind["kind"], ind["value"], lang, missing=words["no_trend"]),
            trend=value_text(ind["kind"], ind["trend"], lang, missing=words["no_trend"]),
        ))  # fmt: skip
    for comp in entry["components"]:
        lines.append(words["component"].format(
            id=comp["id"], name=short_name(comp["name"], 48),
            value=percent(comp["value"], lang),
        ))  # fmt: skip
    if any(entry[k] is not None for k in ("growth_mean", "growth_sd", "shock_sd")):
        lines.append(words["growth"].format(**{
            key: "—" if entry[field] is None else number(entry[field], 3, lang)
            for key, field in (("mean", "growth_mean"), ("sd", "growth_sd"),
                               ("shock", "shock_sd"))
        }))  # fmt: skip
    if entry["untracked"] is not None:
        u = entry["untracked"]
        basis = words["basis"][u["basis"]].format(value=percent(u["value"], lang))
        lines.append(words["untracked"].format(basis=basis))
    return lines


def _column(entry: dict[str, Any], lang: str) -> list[str]:
    words = _WORDS[lang]
    gap = entry["points_needed"]
    if not entry["reachable"]:
        needed = str(words["unreachable"])
    elif gap > 0:
        needed = number(gap, 1, lang)
    else:
        needed = words["enough"].format(gap=number(-gap, 1, lang))
    return [
        number(entry["projected_dti"], 4, lang),
        f"{number(entry['dti_low'], 4, lang)} – {number(entry['dti_high'], 4, lang)}",
        number(entry["expected_rank"], 1, lang),
        f"{entry['rank_low']} – {entry['rank_high']}",
        number(100.0 * entry["prob_top"], 1, lang) + "%",
        needed,
    ]


def whatif_text(data: dict[str, Any], lang: str = "vi") -> str:
    """The text of ``dtiplan whatif``: title, labels, each scenario's settings, then one column
    per scenario (the baseline first)."""
    words = _WORDS[lang]
    top = data["top"]
    lines = [
        words["title"].format(commune=data["commune"], to=date_text(from_iso(data["evaluation"]), lang)),
        *data["labels"],
        words["peers"].format(n=data["peers"]["count"], source=data["peers"]["source"]),
        "",
    ]  # fmt: skip
    headers = [""]
    columns = []
    for n, entry in enumerate(data["scenarios"]):
        if entry["baseline"]:
            headers.append(str(words["baseline"]))
        else:
            headers.append(words["scenario"].format(n=n))
            lines.extend(_setting_lines(entry, n, lang))
        columns.append(_column(entry, lang))
    lines.append("")
    labels = [label.format(top=top) for label in words["rows"]]
    rows = [[label, *(col[i] for col in columns)] for i, label in enumerate(labels)]
    right = [False] + [True] * len(columns)
    lines.extend(text_table(headers, rows, right=right, rule="-"))
    lines.append("")
    p = number(100.0 * data["probability"], 0, lang) + "%"
    lines.append(words["note"].format(top=top, p=p))
    return "\n".join(lines) + "\n"


# --- CSV and tables ---------------------------------------------------------------------------

_FIELDS = ("name", "baseline", "projected_dti", "dti_low", "dti_high", "expected_rank",
           "rank_low", "rank_high", "prob_top", "points_needed", "reachable", "illustrative")  # fmt: skip


def whatif_csv(data: dict[str, Any], out: TextIO, lang: str = "vi") -> None:
    """One row per scenario, the baseline first (column names in English, as every CSV)."""
    writer = csv_writer(out)
    writer.writerow(_WORDS["en"]["csv"])
    for entry in data["scenarios"]:
        writer.writerow([csv_cell(entry[f]) for f in _FIELDS])


def whatif_tables(data: dict[str, Any], lang: str) -> list[Table]:
    """``whatif``: one row per scenario (Kịch bản)."""
    top = data["top"]
    vi = lang == "vi"
    titles = (
        ("Kịch bản", "DTI dự báo", "DTI 5%", "DTI 95%", "Thứ hạng kỳ vọng", "Hạng 5%",
         "Hạng 95%", f"Xác suất top {top}", "Điểm còn thiếu")
        if vi
        else ("Scenario", "Projected DTI", "DTI 5%", "DTI 95%", "Expected rank", "Rank 5%",
              "Rank 95%", f"P(top {top})", "Points still needed")
    )  # fmt: skip
    table = Table(
        "Kịch bản" if vi else "Scenarios",
        "kich-ban" if vi else "scenarios",
        titles,
        ("text", "index", "index", "index", "number", "int", "int", "percent", "number"),
        note="; ".join(data.get("labels", [])),
    )
    for entry in data["scenarios"]:
        name = _WORDS[lang]["baseline"] if entry["baseline"] else entry["name"]
        table.rows.append([
            name, entry["projected_dti"], entry["dti_low"], entry["dti_high"],
            entry["expected_rank"], entry["rank_low"], entry["rank_high"], entry["prob_top"],
            entry["points_needed"],
        ])  # fmt: skip
    return [table]
