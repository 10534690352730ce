"""``dtiplan rank`` and ``dtiplan improve``: the projected rank among the province's units, the
chance of the top k, the points still needed, and the improvement plan; ``rank --everyone``:
every unit's rank at once.

Each has a data function that reads the :class:`dtiplan.rank.RankOutlook` (and the simulation)
into plain dicts and lists: :func:`rank_data`, :func:`improve_data`, :func:`everyone_data`; the
text, JSON and CSV renderers read only that data. The JSON output is the data without the few
fields only the text needs (:data:`TEXT_ONLY`). Text is Vietnamese by default, with a decimal
comma; illustrative observations or peers are labelled in every format.
"""

from __future__ import annotations

import math
from typing import Any, TextIO

from .. import _core
from ..rank import (
    RankOutlook,
    SimulationResult,
    commune_name,
)
from ..rank.peers import data_labels
from ._format import (
    csv_writer,
    date_text,
    from_iso,
    number,
    short_name,
    text_table,
    unit_label,
)

__all__ = [
    "TEXT_ONLY",
    "everyone_csv",
    "everyone_data",
    "everyone_text",
    "improve_csv",
    "improve_data",
    "improve_json",
    "improve_text",
    "rank_csv",
    "rank_data",
    "rank_json",
    "rank_text",
]

_WORDS: dict[str, dict[str, Any]] = {
    "vi": {
        "title": "Thứ hạng dự báo của {commune}, đánh giá ngày {to}",
        "goal": "Mục tiêu: top {top} trong {units} đơn vị (Kế hoạch ghi: “{goal}”)",
        "dti": "DTI dự báo (thang 0–1): {dti}",
        "tracked": "  phần kế hoạch theo dõi ({points} điểm): {dti}",
        "untracked": "  phần kế hoạch chưa theo dõi ({points} điểm), giả định {basis}: +{dti}",
        "basis": {
            "peer-median": "như trung vị các đơn vị khác theo từng chỉ số chính",
            "zero": "bằng 0 (cận dưới)",
            "fixed": "đạt {value}% số điểm",
        },
        "rank": "Thứ hạng: kỳ vọng {expected}; trung vị {median}; khoảng 90%: {p05} – {p95}",
        "prob": "Xác suất vào top {top}: {prob}",
        "needed": "Để vào top {top} với xác suất {p}: cần DTI {dti} ({points} điểm); "
        "thiếu {gap} điểm so với dự báo",
        "needed_ok": "Để vào top {top} với xác suất {p}: cần DTI {dti} ({points} điểm); "
        "dự báo đã đạt (dư {gap} điểm)",
        "needed_shift": "  (giữ nguyên độ bất định của dự báo: cần nâng cả dự báo thêm {gap} điểm)",
        "unreachable": "Không thể vào top {top} với xác suất {p} kể cả khi DTI đạt 1",
        "pmf": "Phân bố thứ hạng (các hạng có xác suất từ 0,5%):",
        "pmf_head": ("hạng", "xác suất", "tích lũy"),
        "peers": "Đơn vị so sánh: {n} đơn vị ({source}); kết quả năm gần nhất cộng mức tăng "
        "{mean}/năm (độ lệch {sd}; biến động chung {shock}){how}",
        "estimated": "; mức tăng ước lượng từ {changes} thay đổi của {units} đơn vị qua {periods} "
        "giai đoạn",
        "assumed": "; mức tăng là giả định",
        "method": "Phương pháp: {method}",
        "methods": {
            "exact": "chính xác (Poisson-nhị thức, cầu phương)",
            "montecarlo": "Monte Carlo",
        },
        "improve_title": "Kế hoạch cải thiện của {commune}: mục tiêu top {top} (xác suất {p})",
        "now": "Hiện tại: thứ hạng kỳ vọng {expected}; xác suất vào top {top}: {prob}; "
        "cần thêm {gap} điểm",
        "now_ok": "Hiện tại: thứ hạng kỳ vọng {expected}; xác suất vào top {top}: {prob}; "
        "dự báo đã đủ điểm",
        "budget": "Ngân sách công sức: {budget}",
        "actions": "Các việc cần làm (hiệu quả nhất trên một đơn vị công sức trước):",
        "head": ("#", "chỉ tiêu", "tên", "từ → đến", "+điểm", "công sức", "đơn vị chủ trì",
                 "P(top {top}) sau"),
        "no_lead": "(kế hoạch chưa giao)",
        "more": "… và {n} việc nữa (dtiplan improve không có --limit để xem hết)",
        "none": "Không cần hoặc không có việc nào mang lại thêm điểm.",
        "none_certain": "Đã chắc chắn vào top {top}: không cần bỏ thêm công sức.",
        "none_stuck": "Không phương án nào{within} nâng được xác suất vào top {top} hay thứ hạng "
        "kỳ vọng: không đề xuất việc nào.",
        "within": " trong ngân sách",
        "reported": "báo cáo {value}",
        "together": "(làm cùng {id})",
        "total": "Tổng: +{points} điểm, công sức {effort}; xác suất vào top {top} sau khi làm "
        "hết: {prob}",
        "short": "Chưa đủ: các chỉ tiêu trong kế hoạch chỉ mang lại tối đa {points}/{needed} điểm "
        "cần thêm; phần còn lại phải đến từ {untracked} điểm của {count} thành phần DTI mà kế "
        "hoạch chưa theo dõi (dtiplan status liệt kê).",
        "budget_short": "Chưa đủ vì ngân sách: trong {budget} đơn vị công sức các việc trên mang "
        "lại {points}/{needed} điểm cần thêm; không giới hạn công sức, các chỉ tiêu trong kế "
        "hoạch mang lại được tới {possible} điểm (xác suất vào top {top} tới {prob}).",
        "effort": "Công sức: 1 đơn vị = vượt xu hướng dự báo một độ lệch chuẩn, độ lệch tính ít "
        "nhất {floor} điểm phần trăm; +điểm: mức tăng kỳ vọng của DTI trên cùng phân bố dự báo "
        "với xác suất, của riêng việc đó (docs/rank.md §8).",
        "relative": "Chỉ số chấm theo đơn vị tốt nhất: {items}",
        "relative_item": "{id} so với {best} (đơn vị so sánh tốt nhất)",
        "relative_assumed": "{id} so với 100% (không đơn vị so sánh nào có số liệu)",
        "everyone_title": "Thứ hạng của mọi đơn vị (mô phỏng theo thành phần), đánh giá ngày {to}",
        "everyone_basis": "{draws} lần mô phỏng, hạt giống {seed}; {units} đơn vị × {components} "
        "thành phần",
        "everyone_head": ("#", "đơn vị", "DTI TB", "hạng kỳ vọng", "trung vị", "khoảng 90%",
                          "P(top {top})"),
        "everyone_own": "◀ {commune}",
        "everyone_more": "… ({n} đơn vị khác; --format csv hoặc json để xem hết)",
    },
    "en": {
        "title": "Projected rank of {commune}, evaluated on {to}",
        "goal": "Goal: top {top} of {units} units (the plan: “{goal}”)",
        "dti": "Projected DTI (0–1 scale): {dti}",
        "tracked": "  tracked by the plan ({points} points): {dti}",
        "untracked": "  not tracked by the plan ({points} points), assumed {basis}: +{dti}",
        "basis": {
            "peer-median": "at the peers' median per main indicator",
            "zero": "to score 0 (a floor)",
            "fixed": "to score {value}% of their points",
        },
        "rank": "Rank: expected {expected}; median {median}; 90% band: {p05} – {p95}",
        "prob": "Chance of the top {top}: {prob}",
        "needed": "For the top {top} with probability {p}: a DTI of {dti} ({points} points); "
        "{gap} points short of the projection",
        "needed_ok": "For the top {top} with probability {p}: a DTI of {dti} ({points} points); "
        "the projection is there ({gap} points to spare)",
        "needed_shift": "  (keeping the projection's uncertainty: the whole projection must rise "
        "by {gap} points)",
        "unreachable": "The top {top} with probability {p} is out of reach even with a DTI of 1",
        "pmf": "Rank distribution (ranks with probability 0.5% or more):",
        "pmf_head": ("rank", "probability", "cumulative"),
        "peers": "Peers: {n} units ({source}); latest result grown by {mean}/year "
        "(spread {sd}; common shift {shock}){how}",
        "estimated": "; growth estimated from {changes} changes of {units} units over {periods} "
        "periods",
        "assumed": "; growth assumed",
        "method": "Method: {method}",
        "methods": {"exact": "exact (Poisson-binomial, quadrature)", "montecarlo": "Monte Carlo"},
        "improve_title": "Improvement plan of {commune}: goal top {top} (probability {p})",
        "now": "Now: expected rank {expected}; chance of the top {top}: {prob}; "
        "{gap} points needed",
        "now_ok": "Now: expected rank {expected}; chance of the top {top}: {prob}; "
        "the projection has the points",
        "budget": "Effort budget: {budget}",
        "actions": "Actions (most points per unit of effort first):",
        "head": ("#", "indicator", "name", "from → to", "+points", "effort", "lead units",
                 "P(top {top}) after"),
        "no_lead": "(not assigned by the plan)",
        "more": "… and {n} more (dtiplan improve without --limit lists them all)",
        "none": "No action is needed or none adds points.",
        "none_certain": "The top {top} is already certain: no effort is needed.",
        "none_stuck": "No plan{within} raises the chance of the top {top} or the expected rank: "
        "no action is proposed.",
        "within": " within the budget",
        "reported": "reported {value}",
        "together": "(with {id})",
        "total": "Total: +{points} points, effort {effort}; chance of the top {top} after all: "
        "{prob}",
        "short": "Not enough: the plan's indicators give at most {points} of the {needed} points "
        "needed; the rest must come from the {untracked} points of the {count} DTI components "
        "the plan does not track (dtiplan status lists them).",
        "budget_short": "Not enough because of the budget: within {budget} units of effort the "
        "actions above give {points} of the {needed} points needed; with no limit on effort the "
        "plan's indicators can give {possible} points (a chance of the top {top} up to {prob}).",
        "effort": "Effort: 1 unit = beating the forecast trend by one standard deviation, taken "
        "as at least {floor} percentage points; +points: the expected rise of the DTI over the "
        "projection the chance is computed on, of that action alone (docs/rank.md §8).",
        "relative": "Components scored against the best unit: {items}",
        "relative_item": "{id} against {best} (the best peer)",
        "relative_assumed": "{id} against 100% (no peer gives a value)",
        "everyone_title": "Everyone's rank (component-level simulation), evaluated on {to}",
        "everyone_basis": "{draws} draws, seed {seed}; {units} units × {components} components",
        "everyone_head": ("#", "unit", "mean DTI", "expected rank", "median", "90% band",
                          "P(top {top})"),
        "everyone_own": "◀ {commune}",
        "everyone_more": "… ({n} more units; --format csv or json lists them all)",
    },
}

#: Fields of the rank and improve data that only the text prints (the JSON output leaves them
#: out): the points the plan tracks, how the peers' growth was estimated, the effort budget and
#: how many DTI components the plan does not track.
TEXT_ONLY = ("tracked_points", "growth_estimate", "budget", "untracked_components")


# --- Data -------------------------------------------------------------------------------------



def _basis_data(outlook: RankOutlook) -> dict[str, Any]:
    fill = outlook.fill
    return {
        "basis": fill.basis.spelling,
        "points": fill.points,
        "untracked_points": fill.untracked_points,
        "dti": fill.dti(),
        "fraction_by_main": dict(fill.fraction_by_main),
        "peers_used": fill.peers_used,
    }


def _needed_data(n: _core.PointsNeeded) -> dict[str, Any]:
    return {
        "reachable": n.reachable,
        "dti": n.dti,
        "points": n.points,
        "gap_points": n.gap_points,
        "prob_at_projection": n.prob_at_projection,
        "prob_at_needed": n.prob_at_needed,
    }


def _outlook_data(outlook: RankOutlook, lang: str) -> dict[str, Any]:
    """What rank and improve share: the commune, the goal, the projected DTI and its parts, the
    rank distribution's summary, the points needed and the peers."""
    d = outlook.distribution
    e = outlook.growth_estimate
    return {
        "commune": commune_name(outlook),
        "evaluation": outlook.evaluation.isoformat(),
        "illustrative": outlook.illustrative,
        "labels": data_labels(outlook, lang),
        "goal": {"top": outlook.top, "of": outlook.units, "text": outlook.plan.goal.text},
        "probability": outlook.probability,
        "projected_dti": outlook.projected_dti,
        "tracked_dti": outlook.tracked_dti,
        "untracked": _basis_data(outlook),
        "expected_rank": d.expected,
        "median_rank": d.quantile(0.5),
        "rank_band_90": [d.quantile(0.05), d.quantile(0.95)],
        "prob_top": d.prob_top(outlook.top),
        "points_needed": _needed_data(outlook.needed),
        "points_needed_keeping_spread": _needed_data(outlook.needed_shift),
        "peers": {
            "source": outlook.peer_source,
            "count": len(outlook.forecasts),
            "illustrative": outlook.peers_illustrative,
            "growth": {
                "mean": outlook.growth.mean,
                "sd": outlook.growth.sd,
                "shock_sd": outlook.growth.shock_sd,
                "estimated": e is not None,
            },
        },
        "relative_best": {} if outlook.core is None else dict(outlook.core.best),
        "best_assumed": [] if outlook.core is None else list(outlook.core.best_assumed),
        "tracked_points": outlook.fill.max_points - outlook.fill.untracked_points,
        "growth_estimate": None
        if e is None
        else {"changes": e.changes, "units": e.units, "periods": e.periods},
    }


def rank_data(outlook: RankOutlook, lang: str = "vi") -> dict[str, Any]:
    """``dtiplan rank``: the summary (projected DTI, expected rank and its 90% band, the chance
    of the top k, the points needed, the peers), the method and the whole rank distribution."""
    data = _outlook_data(outlook, lang)
    data["method"] = outlook.distribution.method
    # From the arrays, without a frame and a record per rank on the way: against 128,025 peers
    # that was a few seconds and 100 MB.
    dist = outlook.distribution
    data["distribution"] = [
        {"rank": rank, "probability": p, "cumulative": c}
        for rank, p, c in zip(
            range(1, len(dist.pmf) + 1), dist.pmf.tolist(), dist.cumulative.tolist()
        )
    ]
    return data


def improve_data(outlook: RankOutlook, lang: str = "vi") -> dict[str, Any]:
    """``dtiplan improve``: the summary and the improvement plan (its totals and every action,
    best value for effort first)."""
    imp = outlook.improvements
    assert imp is not None, "improve_data needs an outlook computed with improve=True"
    data = _outlook_data(outlook, lang)
    data["improvement"] = {
        "reaches": imp.core.reaches,
        "points_needed": imp.core.points_needed,
        "points_gained": imp.core.points_gained,
        "points_possible": imp.core.points_possible,
        "total_effort": imp.core.total_effort,
        "prob_top_before": imp.core.prob_top_before,
        "prob_top_after": imp.core.prob_top_after,
        "prob_top_possible": imp.core.prob_top_possible,
        "expected_rank_before": imp.core.expected_rank_before,
        "expected_rank_after": imp.core.expected_rank_after,
        "effort_floor": _core.ImprovementDefaults().effort_floor,
        "actions": [
            {
                "order": order,
                **_move_data(outlook, a),
                "points_gained": a.points_gained,
                "effort": a.effort,
                "components": list(a.components),
                "with": [_move_data(outlook, m) for m in a.with_],
                "prob_top_after": a.prob_top_after,
                "expected_rank_after": a.expected_rank_after,
            }
            for order, a in enumerate(imp.core.actions, start=1)
        ],
    }
    # -0 is 0 (a budget typed "-0" is no budget to spend).
    data["budget"] = None if outlook.budget is None else outlook.budget + 0.0
    coverage = _core.coverage(outlook.framework, outlook.plan)
    data["untracked_components"] = [g.component for g in coverage.untracked_components]
    return data


def _move_data(outlook: RankOutlook, m: _core.Action | _core.Move) -> dict[str, Any]:
    """One indicator's move: from (the forecast), to, the latest value reported, the leads."""
    return {
        "indicator": m.indicator,
        "name": _indicator_name(outlook, m.indicator),
        "from": m.from_,
        "to": m.to,
        "latest": m.latest,
        "steps": m.steps,
        **({"effort": m.effort} if isinstance(m, _core.Move) else {}),
        "lead_units": list(m.lead_units),
        "lead_names": [unit_label(outlook.plan, u) for u in m.lead_units],
    }


def _indicator_name(outlook: RankOutlook, indicator: str) -> str:
    found = outlook.plan.find_indicator(indicator)
    return found.name if found is not None else ""


def everyone_data(
    outlook: RankOutlook, simulation: SimulationResult, lang: str = "vi"
) -> dict[str, Any]:
    """``dtiplan rank --everyone``: every unit's summary (mean DTI, expected, median and 90%
    band of its rank, P(top k)), by expected rank."""
    frame = simulation.frame()
    return {
        "commune": commune_name(outlook),
        "evaluation": outlook.evaluation.isoformat(),
        "illustrative": outlook.illustrative,
        "labels": data_labels(outlook, lang),
        "draws": int(simulation.core.draws),
        "seed": int(simulation.core.seed),
        "top": int(simulation.core.top),
        "units": [
            {k: (v.item() if hasattr(v, "item") else v) for k, v in row.items()}
            for row in frame.to_dict("records")
        ],
        "components": outlook.framework.component_count(),
    }


# --- Text -------------------------------------------------------------------------------------


def _in_text(commune: str, lang: str) -> str:
    """The commune in running Vietnamese text: "xã Đại Phước", not "Xã Đại Phước"."""
    for kind in ("Xã ", "Phường "):
        if lang == "vi" and commune.startswith(kind):
            return kind.lower() + commune[len(kind):]
    return commune


def _pct(value: float, lang: str) -> str:
    if 0.0 < value < 0.0005:
        return "< " + number(0.1, 1, lang) + "%"
    if 0.9995 < value < 1.0:
        return "> " + number(99.9, 1, lang) + "%"
    return number(100.0 * value, 1, lang) + "%"


def _table(rows: list[tuple[str, ...]], right: frozenset[int] = frozenset()) -> list[str]:
    """The rank outputs' tables: indented two spaces, a rule of "-" under the headings."""
    headers, *body = rows
    align = [i in right for i in range(len(headers))]
    return text_table(headers, body, right=align, indent="  ", rule="-")


def _summary_lines(data: dict[str, Any], lang: str) -> list[str]:
    w = _WORDS[lang]
    fill = data["untracked"]
    top = data["goal"]["top"]
    basis = w["basis"][fill["basis"]].format(
        value=number(100.0 * (next(iter(fill["fraction_by_main"].values()), 0.0)), 0, lang)
    )
    lines = [
        w["dti"].format(dti=number(data["projected_dti"], 4, lang)),
        w["tracked"].format(
            points=number(data["tracked_points"], 0, lang),
            dti=number(data["tracked_dti"], 4, lang),
        ),
        w["untracked"].format(
            points=number(fill["untracked_points"], 0, lang),
            basis=basis,
            dti=number(fill["dti"], 4, lang),
        ),
        w["rank"].format(
            expected=number(data["expected_rank"], 1, lang),
            median=data["median_rank"],
            p05=data["rank_band_90"][0],
            p95=data["rank_band_90"][1],
        ),
        w["prob"].format(top=top, prob=_pct(data["prob_top"], lang)),
    ]
    if data["relative_best"]:
        items = [
            w["relative_assumed"].format(id=c)
            if c in data["best_assumed"]
            else w["relative_item"].format(id=c, best=_pct(b, lang))
            for c, b in data["relative_best"].items()
        ]
        lines.append(w["relative"].format(items="; ".join(items)))
    n = data["points_needed"]
    shift = data["points_needed_keeping_spread"]
    p = _pct(data["probability"], lang)
    if not n["reachable"]:
        lines.append(w["unreachable"].format(top=top, p=p))
    else:
        key = "needed" if n["gap_points"] > 0 else "needed_ok"
        lines.append(
            w[key].format(
                top=top,
                p=p,
                dti=number(n["dti"], 4, lang),
                points=number(n["points"], 1, lang),
                gap=number(abs(n["gap_points"]), 1, lang),
            )
        )
        if shift["reachable"] and shift["gap_points"] > 0:
            lines.append(w["needed_shift"].format(gap=number(shift["gap_points"], 1, lang)))
    return lines


def _peers_line(data: dict[str, Any], lang: str) -> str:
    w = _WORDS[lang]
    peers = data["peers"]
    g = peers["growth"]
    e = data["growth_estimate"]
    how = (
        w["estimated"].format(changes=e["changes"], units=e["units"], periods=e["periods"])
        if e is not None
        else w["assumed"]
    )
    line: str = w["peers"].format(
        how=how,
        n=peers["count"],
        source=peers["source"],
        mean=number(g["mean"], 3, lang),
        sd=number(g["sd"], 3, lang),
        shock=number(g["shock_sd"], 3, lang),
    )
    return line


def rank_text(data: dict[str, Any], lang: str = "vi") -> str:
    """``dtiplan rank``: the projected DTI (tracked part and the assumption for the rest), the
    expected rank with its 90% band, the chance of the top k, the points needed, the rank
    distribution and the peers used. Illustrative inputs are labelled first and last."""
    w = _WORDS[lang]
    labels = data["labels"]
    evaluation = date_text(from_iso(data["evaluation"]), lang)
    lines = [w["title"].format(commune=_in_text(data["commune"], lang), to=evaluation)]
    lines += labels
    goal = data["goal"]
    lines.append(w["goal"].format(top=goal["top"], units=goal["of"], goal=goal["text"]))
    lines.append("")
    lines += _summary_lines(data, lang)
    lines.append("")
    lines.append(w["pmf"])
    rows = [w["pmf_head"]]
    for r in data["distribution"]:
        if r["probability"] >= 0.005:
            rows.append((str(r["rank"]), _pct(r["probability"], lang), _pct(r["cumulative"], lang)))
    lines += _table(rows, right=frozenset({0, 1, 2}))
    lines.append("")
    lines.append(_peers_line(data, lang))
    lines.append(w["method"].format(method=w["methods"][data["method"]]))
    if labels:
        lines.append("")
        lines += labels
    return "\n".join(lines) + "\n"


def _from_to(move: dict[str, Any], lang: str) -> str:
    """"from → to" of a move; where the latest value reported is above the forecast the move
    starts from, both: "87,0% (báo cáo 87,8%) → 90,0%"."""
    start = _pct(move["from"], lang)
    latest = move.get("latest")
    if latest is not None and round(100.0 * latest, 1) > round(100.0 * move["from"], 1):
        start += " (" + str(_WORDS[lang]["reported"]).format(value=_pct(latest, lang)) + ")"
    return f"{start} → {_pct(move['to'], lang)}"


def _lead_text(units: list[str], lang: str) -> str:
    return ", ".join(units) if units else str(_WORDS[lang]["no_lead"])


def improve_text(data: dict[str, Any], lang: str = "vi", limit: int | None = None) -> str:
    """``dtiplan improve``: where the commune stands, then the improvement plan's actions (the
    first ``limit``), each with its lead units and the chance of the top k once done."""
    w = _WORDS[lang]
    imp = data["improvement"]
    labels = data["labels"]
    top = data["goal"]["top"]
    p = _pct(data["probability"], lang)
    lines = [w["improve_title"].format(commune=_in_text(data["commune"], lang), top=top, p=p)]
    lines += labels
    lines.append("")
    lines += _summary_lines(data, lang)
    lines.append("")
    shift = data["points_needed_keeping_spread"]
    need = shift["gap_points"] if shift["reachable"] else math.inf
    key = "now" if need > 0 else "now_ok"
    lines.append(
        w[key].format(
            expected=number(data["expected_rank"], 1, lang),
            top=top,
            prob=_pct(imp["prob_top_before"], lang),
            gap=number(need, 1, lang) if math.isfinite(need) else "∞",
        )
    )
    budget = data["budget"]
    if budget is not None:
        lines.append(w["budget"].format(budget=number(budget, 2, lang)))
    actions = imp["actions"]
    if not actions:
        if imp["prob_top_before"] >= 1.0 - 1e-9:
            lines.append(w["none_certain"].format(top=top))
        elif need > 0 or budget is not None:
            within = w["within"] if budget is not None else ""
            lines.append(w["none_stuck"].format(top=top, within=within))
        else:
            lines.append(w["none"])
    else:
        lines.append(w["actions"])
        rows = [tuple(h.format(top=top) for h in w["head"])]
        shown = actions if limit is None else actions[:limit]
        for a in shown:
            rows.append(
                (
                    str(a["order"]),
                    a["indicator"],
                    short_name(a["name"], 40),
                    _from_to(a, lang),
                    number(a["points_gained"], 1, lang),
                    number(a["effort"], 2, lang),
                    _lead_text(a["lead_names"], lang),
                    _pct(a["prob_top_after"], lang),
                )
            )
            for m in a["with"]:
                rows.append(
                    (
                        "",
                        "+ " + m["indicator"],
                        short_name(m["name"], 40),
                        _from_to(m, lang),
                        "",
                        "",
                        _lead_text(m["lead_names"], lang),
                        "",
                    )
                )
        lines += _table(rows, right=frozenset({0, 4, 5, 7}))
        if limit is not None and len(actions) > limit:
            lines.append("  " + w["more"].format(n=len(actions) - limit))
        lines.append(
            w["total"].format(
                points=number(imp["points_gained"], 1, lang),
                effort=number(imp["total_effort"], 2, lang),
                top=top,
                prob=_pct(imp["prob_top_after"], lang),
            )
        )
        lines.append(w["effort"].format(floor=number(100.0 * imp["effort_floor"], 0, lang)))
    needed = number(need, 1, lang) if math.isfinite(need) else "∞"
    short_of_goal = imp["prob_top_after"] < data["probability"] - 1e-9
    if need > 0 and short_of_goal and budget is not None:
        # The budget is the limit; the plan's indicators are only when they fall short too.
        lines.append(
            w["budget_short"].format(
                budget=number(budget, 2, lang),
                points=number(imp["points_gained"], 1, lang),
                needed=needed,
                possible=number(imp["points_possible"], 1, lang),
                top=top,
                prob=_pct(imp["prob_top_possible"], lang),
            )
        )
    if need > 0 and short_of_goal and imp["points_possible"] < need - 1e-9:
        lines.append(
            w["short"].format(
                points=number(imp["points_possible"], 1, lang),
                needed=needed,
                untracked=number(data["untracked"]["untracked_points"], 0, lang),
                count=len(data["untracked_components"]),
            )
        )
    lines.append("")
    lines.append(_peers_line(data, lang))
    if labels:
        lines.append("")
        lines += labels
    return "\n".join(lines) + "\n"


def everyone_text(data: dict[str, Any], lang: str = "vi", shown: int = 15) -> str:
    """``dtiplan rank --everyone``: every unit by expected rank (the first ``shown`` and the
    commune with its neighbours), with its mean DTI, median rank, 90% band and P(top k)."""
    w = _WORDS[lang]
    labels = data["labels"]
    units = data["units"]
    commune = data["commune"]
    top = data["top"]
    lines = [w["everyone_title"].format(to=date_text(from_iso(data["evaluation"]), lang))]
    lines += labels
    lines.append(
        w["everyone_basis"].format(
            draws=number(data["draws"], 0, lang),
            seed=data["seed"],
            units=len(units),
            components=data["components"],
        )
    )
    lines.append("")
    own_index = next(i for i, u in enumerate(units) if u["unit"] == commune)
    keep = set(range(min(shown, len(units)))) | set(range(own_index - 2, own_index + 3))
    rows = [tuple(h.format(top=top) for h in w["everyone_head"])]
    prob_col = f"prob_top{top}"
    last = -1
    skipped = 0
    for i, r in enumerate(units):
        if i not in keep:
            skipped += 1
            continue
        if last >= 0 and i != last + 1:
            rows.append(("…", "", "", "", "", "", ""))
        last = i
        own = "  " + w["everyone_own"].format(commune="") if r["unit"] == commune else ""
        rows.append(
            (
                str(i + 1),
                (r["unit"] + own).rstrip(),
                number(r["mean_dti"], 4, lang),
                number(r["expected_rank"], 1, lang),
                str(int(r["median_rank"])),
                f"{int(r['p05_rank'])} – {int(r['p95_rank'])}",
                _pct(r[prob_col], lang),
            )
        )
    lines += _table(rows, right=frozenset({0, 2, 3, 4, 6}))
    if skipped:
        lines.append("  " + w["everyone_more"].format(n=skipped))
    if labels:
        lines.append("")
        lines += labels
    return "\n".join(lines) + "\n"


# --- JSON -------------------------------------------------------------------------------------


def rank_json(data: dict[str, Any], lang: str = "vi") -> dict[str, Any]:
    """``dtiplan rank --format json``: the data without the text-only fields."""
    return {k: v for k, v in data.items() if k not in TEXT_ONLY}


def improve_json(data: dict[str, Any], lang: str = "vi") -> dict[str, Any]:
    """``dtiplan improve --format json``: the data without the text-only fields."""
    return {k: v for k, v in data.items() if k not in TEXT_ONLY}


def everyone_json(data: dict[str, Any], lang: str = "vi") -> dict[str, Any]:
    """``dtiplan rank --everyone --format json``: the data without the framework's size."""
    return {k: v for k, v in data.items() if k != "components"}


# --- CSV --------------------------------------------------------------------------------------
# The rank outputs write their ``illustrative`` column 1/0 (the others true/false) and floats
# with 10 significant digits: kept as they were when these outputs were first published
# (docs/testing.md).


def _g(value: Any) -> Any:
    return f"{value:.10g}" if isinstance(value, float) else value


def _flag(data: dict[str, Any]) -> str:
    return "1" if data["illustrative"] else "0"


def rank_csv(data: dict[str, Any], out: TextIO, lang: str = "vi") -> None:
    """``dtiplan rank --format csv``: one row per rank (rank, probability, cumulative), with
    an ``illustrative`` column."""
    writer = csv_writer(out)
    writer.writerow(["rank", "probability", "cumulative", "illustrative"])
    for r in data["distribution"]:
        writer.writerow([r["rank"], _g(r["probability"]), _g(r["cumulative"]), _flag(data)])


def improve_csv(data: dict[str, Any], out: TextIO, lang: str = "vi") -> None:
    """``dtiplan improve --format csv``: one row per action (its lead units and components
    joined by "; "; the latest value reported; the indicators moved with it and their values),
    with an ``illustrative`` column."""
    top = data["goal"]["top"]
    columns = ["order", "indicator", "name", "from", "to", "steps", "points_gained", "effort",
               "lead_units", "components", f"prob_top{top}_after", "latest", "with", "with_to",
               "illustrative"]  # fmt: skip
    writer = csv_writer(out)
    writer.writerow(columns)
    for a in data["improvement"]["actions"]:
        latest = "" if a["latest"] is None else a["latest"]
        with_ids = "; ".join(m["indicator"] for m in a["with"])
        with_to = "; ".join(f"{m['to']:.10g}" for m in a["with"])
        cells = [a["order"], a["indicator"], a["name"], a["from"], a["to"], a["steps"],
                 a["points_gained"], a["effort"], "; ".join(a["lead_units"]),
                 "; ".join(a["components"]), a["prob_top_after"], latest, with_ids,
                 with_to]  # fmt: skip
        writer.writerow([*(_g(c) for c in cells), _flag(data)])


def everyone_csv(data: dict[str, Any], out: TextIO, lang: str = "vi") -> None:
    """``dtiplan rank --everyone --format csv``: one row per unit, with an ``illustrative``
    column."""
    units = data["units"]
    writer = csv_writer(out)
    if not units:
        return
    writer.writerow([*units[0], "illustrative"])
    for u in units:
        writer.writerow([*(_g(v) for v in u.values()), _flag(data)])
