"""``dtiplan rank`` and ``dtiplan improve`` for people: text (Vietnamese by default, decimal
comma), JSON and CSV from a :class:`dtiplan.rank.RankOutlook`. Illustrative observations or peers
are labelled in every format."""

from __future__ import annotations

import csv
import math
from typing import Any, TextIO

from .projection import _date_text, _display_width, _number, _pad, _short_name
from .rank import PEERS_ILLUSTRATIVE_LABEL, RankOutlook, SimulationResult, actions_frame, commune_name
from .track import ILLUSTRATIVE_LABEL

__all__ = [
    "everyone_csv",
    "everyone_json",
    "everyone_text",
    "improve_csv",
    "improve_json",
    "improve_text",
    "rank_csv",
    "rank_json",
    "rank_text",
]

_WORDS = {
    "vi": {
        "title": "Thứ hạng dự báo của {commune}, đánh giá ngày {to}",
        "goal": "Mục tiêu: top {top} trong {units} đơn vị ({goal})",
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
        "methods": {"exact": "chính xác (Poisson-nhị thức, cầu phương)", "montecarlo": "Monte Carlo"},
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
        "total": "Tổng: +{points} điểm, công sức {effort}; xác suất vào top {top} sau khi làm "
        "hết: {prob}",
        "short": "Chưa đủ: các chỉ tiêu trong kế hoạch chỉ mang lại tối đa {points}/{needed} điểm "
        "cần thêm; phần còn lại phải đến từ {untracked} điểm của {count} thành phần DTI mà kế "
        "hoạch chưa theo dõi (dtiplan status liệt kê).",
        "effort": "Công sức: 1 đơn vị = vượt xu hướng dự báo một độ lệch chuẩn (docs/rank.md §8).",
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
        "goal": "Goal: top {top} of {units} units ({goal})",
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
        "now": "Now: expected rank {expected}; chance of the top {top}: {prob}; {gap} points needed",
        "now_ok": "Now: expected rank {expected}; chance of the top {top}: {prob}; "
        "the projection has the points",
        "budget": "Effort budget: {budget}",
        "actions": "Actions (most points per unit of effort first):",
        "head": ("#", "indicator", "name", "from → to", "+points", "effort", "lead units",
                 "P(top {top}) after"),
        "no_lead": "(not assigned by the plan)",
        "more": "… and {n} more (dtiplan improve without --limit lists them all)",
        "none": "No action is needed or none adds points.",
        "total": "Total: +{points} points, effort {effort}; chance of the top {top} after all: "
        "{prob}",
        "short": "Not enough: the plan's indicators give at most {points} of the {needed} points "
        "needed; the rest must come from the {untracked} points of the {count} DTI components "
        "the plan does not track (dtiplan status lists them).",
        "effort": "Effort: 1 unit = beating the forecast trend by one standard deviation "
        "(docs/rank.md §8).",
        "everyone_title": "Everyone's rank (component-level simulation), evaluated on {to}",
        "everyone_basis": "{draws} draws, seed {seed}; {units} units × {components} components",
        "everyone_head": ("#", "unit", "mean DTI", "expected rank", "median", "90% band",
                          "P(top {top})"),
        "everyone_own": "◀ {commune}",
        "everyone_more": "… ({n} more units; --format csv or json lists them all)",
    },
}


def _pct(value: float, lang: str) -> str:
    if 0.0 < value < 0.0005:
        return "< " + _number(0.1, 1, lang) + "%"
    if 0.9995 < value < 1.0:
        return "> " + _number(99.9, 1, lang) + "%"
    return _number(100.0 * value, 1, lang) + "%"


def _labels(outlook: RankOutlook, lang: str) -> list[str]:
    labels = []
    if outlook.observations_illustrative:
        labels.append(ILLUSTRATIVE_LABEL[lang])
    if outlook.peers_illustrative:
        labels.append(PEERS_ILLUSTRATIVE_LABEL[lang])
    return labels




def _summary_lines(outlook: RankOutlook, lang: str) -> list[str]:
    w = _WORDS[lang]
    d = outlook.distribution
    fill = outlook.fill
    basis = w["basis"][fill.basis.spelling].format(
        value=_number(100.0 * (next(iter(fill.fraction_by_main.values()), 0.0)), 0, lang)
    )
    tracked_points = fill.max_points - fill.untracked_points
    lines = [
        w["dti"].format(dti=_number(outlook.projected_dti, 4, lang)),
        w["tracked"].format(
            points=_number(tracked_points, 0, lang), dti=_number(outlook.tracked_dti, 4, lang)
        ),
        w["untracked"].format(
            points=_number(fill.untracked_points, 0, lang),
            basis=basis,
            dti=_number(fill.dti(), 4, lang),
        ),
        w["rank"].format(
            expected=_number(d.expected, 1, lang),
            median=d.quantile(0.5),
            p05=d.quantile(0.05),
            p95=d.quantile(0.95),
        ),
        w["prob"].format(top=outlook.top, prob=_pct(d.prob_top(outlook.top), lang)),
    ]
    n = outlook.needed
    p = _pct(outlook.probability, lang)
    if not n.reachable:
        lines.append(w["unreachable"].format(top=outlook.top, p=p))
    else:
        key = "needed" if n.gap_points > 0 else "needed_ok"
        lines.append(
            w[key].format(
                top=outlook.top,
                p=p,
                dti=_number(n.dti, 4, lang),
                points=_number(n.points, 1, lang),
                gap=_number(abs(n.gap_points), 1, lang),
            )
        )
        if outlook.needed_shift.reachable and outlook.needed_shift.gap_points > 0:
            lines.append(
                w["needed_shift"].format(gap=_number(outlook.needed_shift.gap_points, 1, lang))
            )
    return lines


def _peers_line(outlook: RankOutlook, lang: str) -> str:
    g = outlook.growth
    w = _WORDS[lang]
    e = outlook.growth_estimate
    how = (
        w["estimated"].format(changes=e.changes, units=e.units, periods=e.periods)
        if e is not None
        else w["assumed"]
    )
    return w["peers"].format(
        how=how,
        n=len(outlook.forecasts),
        source=outlook.peer_source,
        mean=_number(g.mean, 3, lang),
        sd=_number(g.sd, 3, lang),
        shock=_number(g.shock_sd, 3, lang),
    )


def _table(rows: list[tuple[str, ...]], right: set[int] = frozenset()) -> list[str]:  # type: ignore[assignment]
    widths = [max(_display_width(row[i]) for row in rows) for i in range(len(rows[0]))]
    out = []
    for k, row in enumerate(rows):
        cells = []
        for i, c in enumerate(row):
            if i in right:
                cells.append(" " * max(0, widths[i] - _display_width(c)) + c)
            else:
                cells.append(_pad(c, widths[i]))
        out.append("  " + "  ".join(cells).rstrip())
        if k == 0:
            out.append("  " + "  ".join("-" * widths[i] for i in range(len(widths))))
    return out


def rank_text(outlook: RankOutlook, lang: str = "vi") -> str:
    """``dtiplan rank``: the projected DTI (tracked part and the assumption for the rest), the
    expected rank with its 90% band, the chance of the top k, the points needed, the rank
    distribution and the peers used. Illustrative inputs are labelled first and last."""
    w = _WORDS[lang]
    labels = _labels(outlook, lang)
    lines = [w["title"].format(commune=commune_name(outlook), to=_date_text(outlook.evaluation, lang))]
    lines += labels
    lines.append(
        w["goal"].format(top=outlook.top, units=outlook.units, goal=outlook.plan.goal.text)
    )
    lines.append("")
    lines += _summary_lines(outlook, lang)
    lines.append("")
    lines.append(w["pmf"])
    frame = outlook.distribution.frame()
    rows = [w["pmf_head"]]
    for r in frame.itertuples(index=False):
        if r.probability >= 0.005:
            rows.append((str(r.rank), _pct(r.probability, lang), _pct(r.cumulative, lang)))
    lines += _table(rows, right={0, 1, 2})
    lines.append("")
    lines.append(_peers_line(outlook, lang))
    lines.append(w["method"].format(method=w["methods"][outlook.distribution.method]))
    if labels:
        lines.append("")
        lines += labels
    return "\n".join(lines) + "\n"


def _basis_json(outlook: RankOutlook) -> dict[str, Any]:
    fill = outlook.fill
    return {
        "basis": fill.basis.spelling,
        "points": fill.points,
        "untracked_points": fill.untracked_points,
        "dti": fill.dti(),
        "fraction_by_main": dict(fill.fraction_by_main),
        "peers_used": fill.peers_used,
    }


def _needed_json(n: Any) -> dict[str, Any]:
    return {
        "reachable": n.reachable,
        "dti": n.dti,
        "points": n.points,
        "gap_points": n.gap_points,
        "prob_at_projection": n.prob_at_projection,
        "prob_at_needed": n.prob_at_needed,
    }


def _header_json(outlook: RankOutlook, lang: str) -> dict[str, Any]:
    d = outlook.distribution
    return {
        "commune": commune_name(outlook),
        "evaluation": outlook.evaluation.isoformat(),
        "illustrative": outlook.illustrative,
        "labels": _labels(outlook, lang),
        "goal": {"top": outlook.top, "of": outlook.units, "text": outlook.plan.goal.text},
        "probability": outlook.probability,
        "projected_dti": outlook.projected_dti,
        "tracked_dti": outlook.tracked_dti,
        "untracked": _basis_json(outlook),
        "expected_rank": d.expected,
        "median_rank": d.quantile(0.5),
        "rank_band_90": [d.quantile(0.05), d.quantile(0.95)],
        "prob_top": d.prob_top(outlook.top),
        "points_needed": _needed_json(outlook.needed),
        "points_needed_keeping_spread": _needed_json(outlook.needed_shift),
        "peers": {
            "source": outlook.peer_source,
            "count": len(outlook.forecasts),
            "illustrative": outlook.peers_illustrative,
            "growth": {
                "mean": outlook.growth.mean,
                "sd": outlook.growth.sd,
                "shock_sd": outlook.growth.shock_sd,
                "estimated": outlook.growth_estimate is not None,
            },
        },
    }


def rank_json(outlook: RankOutlook, lang: str = "vi") -> dict[str, Any]:
    """``dtiplan rank --format json``: the summary and the whole rank distribution."""
    data = _header_json(outlook, lang)
    data["method"] = outlook.distribution.method
    data["distribution"] = [
        {"rank": int(r.rank), "probability": float(r.probability), "cumulative": float(r.cumulative)}
        for r in outlook.distribution.frame().itertuples(index=False)
    ]
    return data


def rank_csv(outlook: RankOutlook, out: TextIO, lang: str = "vi") -> None:
    """``dtiplan rank --format csv``: one row per rank (rank, probability, cumulative), with
    an ``illustrative`` column."""
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["rank", "probability", "cumulative", "illustrative"])
    flag = "1" if outlook.illustrative else "0"
    for r in outlook.distribution.frame().itertuples(index=False):
        writer.writerow([int(r.rank), f"{r.probability:.10g}", f"{r.cumulative:.10g}", flag])


def _lead_text(units: str, lang: str) -> str:
    return units.replace("; ", ", ") if units else _WORDS[lang]["no_lead"]


def improve_text(outlook: RankOutlook, lang: str = "vi", limit: int | None = None) -> str:
    """``dtiplan improve``: where the commune stands, then the improvement plan's actions (the
    first ``limit``), each with its lead units and the chance of the top k once done."""
    w = _WORDS[lang]
    imp = outlook.improvements
    assert imp is not None
    labels = _labels(outlook, lang)
    d = outlook.distribution
    p = _pct(outlook.probability, lang)
    lines = [w["improve_title"].format(commune=commune_name(outlook), top=outlook.top, p=p)]
    lines += labels
    lines.append("")
    lines += _summary_lines(outlook, lang)
    lines.append("")
    need = outlook.needed_shift.gap_points if outlook.needed_shift.reachable else math.inf
    key = "now" if need > 0 else "now_ok"
    lines.append(
        w[key].format(
            expected=_number(d.expected, 1, lang),
            top=outlook.top,
            prob=_pct(imp.core.prob_top_before, lang),
            gap=_number(need, 1, lang) if math.isfinite(need) else "∞",
        )
    )
    if outlook.budget is not None:
        lines.append(w["budget"].format(budget=_number(outlook.budget, 2, lang)))
    frame = actions_frame(imp)
    if frame.empty:
        lines.append(w["none"])
    else:
        lines.append(w["actions"])
        head = tuple(h.format(top=outlook.top) for h in w["head"])
        rows = [head]
        shown = frame if limit is None else frame.head(limit)
        prob_col = frame.columns[-1]
        for r in shown.to_dict("records"):
            rows.append(
                (
                    str(r["order"]),
                    r["indicator"],
                    _short_name(r["name"], 40),
                    f"{_pct(r['from'], lang)} → {_pct(r['to'], lang)}",
                    _number(r["points_gained"], 1, lang),
                    _number(r["effort"], 2, lang),
                    _lead_text(r["lead_units"], lang),
                    _pct(r[prob_col], lang),
                )
            )
        lines += _table(rows, right={0, 4, 5, 7})
        if limit is not None and len(frame) > limit:
            lines.append("  " + w["more"].format(n=len(frame) - limit))
        lines.append(
            w["total"].format(
                points=_number(imp.core.points_gained, 1, lang),
                effort=_number(imp.core.total_effort, 2, lang),
                top=outlook.top,
                prob=_pct(imp.core.prob_top_after, lang),
            )
        )
        lines.append(w["effort"])
    if need > 0 and imp.core.points_gained < need - 1e-9:
        lines.append(
            w["short"].format(
                points=_number(imp.core.points_gained, 1, lang),
                needed=_number(need, 1, lang) if math.isfinite(need) else "∞",
                untracked=_number(outlook.fill.untracked_points, 0, lang),
                count=len(_core_untracked(outlook)),
            )
        )
    lines.append("")
    lines.append(_peers_line(outlook, lang))
    if labels:
        lines.append("")
        lines += labels
    return "\n".join(lines) + "\n"


def _core_untracked(outlook: RankOutlook) -> list[str]:
    from . import _core

    return [g.component for g in _core.coverage(outlook.framework, outlook.plan).untracked_components]


def improve_json(outlook: RankOutlook, lang: str = "vi") -> dict[str, Any]:
    """``dtiplan improve --format json``: the summary, the plan's totals and every action."""
    imp = outlook.improvements
    assert imp is not None
    data = _header_json(outlook, lang)
    data["improvement"] = {
        "reaches": imp.core.reaches,
        "points_needed": imp.core.points_needed,
        "points_gained": imp.core.points_gained,
        "total_effort": imp.core.total_effort,
        "prob_top_before": imp.core.prob_top_before,
        "prob_top_after": imp.core.prob_top_after,
        "actions": [
            {
                "order": order,
                "indicator": a.indicator,
                "name": _indicator_name(outlook, a.indicator),
                "from": a.from_,
                "to": a.to,
                "steps": a.steps,
                "points_gained": a.points_gained,
                "effort": a.effort,
                "lead_units": list(a.lead_units),
                "components": list(a.components),
                "prob_top_after": a.prob_top_after,
            }
            for order, a in enumerate(imp.core.actions, start=1)
        ],
    }
    return data


def _indicator_name(outlook: RankOutlook, indicator: str) -> str:
    found = outlook.plan.find_indicator(indicator)
    return found.name if found is not None else ""


def improve_csv(outlook: RankOutlook, out: TextIO, lang: str = "vi") -> None:
    """``dtiplan improve --format csv``: one row per action, with an ``illustrative`` column."""
    imp = outlook.improvements
    assert imp is not None
    frame = actions_frame(imp)
    frame["illustrative"] = 1 if outlook.illustrative else 0
    frame.to_csv(out, index=False, lineterminator="\n", float_format="%.10g")



def everyone_text(
    outlook: RankOutlook, simulation: SimulationResult, lang: str = "vi", shown: int = 15
) -> str:
    """``dtiplan rank --everyone``: every unit by expected rank (the first ``shown`` and the
    commune with its neighbours), with its mean DTI, median rank, 90% band and P(top k)."""
    w = _WORDS[lang]
    labels = _labels(outlook, lang)
    frame = simulation.frame()
    commune = commune_name(outlook)
    top = simulation.core.top
    lines = [w["everyone_title"].format(to=_date_text(outlook.evaluation, lang))]
    lines += labels
    lines.append(
        w["everyone_basis"].format(
            draws=_number(simulation.core.draws, 0, lang),
            seed=simulation.core.seed,
            units=len(simulation.units),
            components=outlook.framework.component_count(),
        )
    )
    lines.append("")
    own_index = int(frame.index[frame["unit"] == commune][0])
    keep = set(range(min(shown, len(frame)))) | set(range(own_index - 2, own_index + 3))
    rows = [tuple(h.format(top=top) for h in w["everyone_head"])]
    prob_col = f"prob_top{top}"
    last = -1
    skipped = 0
    for i, r in frame.iterrows():
        if i not in keep:
            skipped += 1
            continue
        if last >= 0 and i != last + 1:
            rows.append(("…", "", "", "", "", "", ""))
        last = int(i)
        name = r["unit"] + ("  " + w["everyone_own"].format(commune="") if r["unit"] == commune else "")
        rows.append(
            (
                str(i + 1),
                name.rstrip(),
                _number(r["mean_dti"], 4, lang),
                _number(r["expected_rank"], 1, lang),
                str(int(r["median_rank"])),
                f"{int(r['p05_rank'])} – {int(r['p95_rank'])}",
                _pct(r[prob_col], lang),
            )
        )
    lines += _table(rows, right={0, 2, 3, 4, 6})
    if skipped:
        lines.append("  " + w["everyone_more"].format(n=skipped))
    if labels:
        lines.append("")
        lines += labels
    return "\n".join(lines) + "\n"


def everyone_json(outlook: RankOutlook, simulation: SimulationResult, lang: str = "vi") -> dict[str, Any]:
    """``dtiplan rank --everyone --format json``: every unit's summary, by expected rank."""
    frame = simulation.frame()
    return {
        "commune": commune_name(outlook),
        "evaluation": outlook.evaluation.isoformat(),
        "illustrative": outlook.illustrative,
        "labels": _labels(outlook, lang),
        "draws": int(simulation.core.draws),
        "seed": int(simulation.core.seed),
        "top": int(simulation.core.top),
        "units": [
            {k: (v.item() if hasattr(v, "item") else v) for k, v in row.items()}
            for row in frame.to_dict("records")
        ],
    }


def everyone_csv(outlook: RankOutlook, simulation: SimulationResult, out: TextIO, lang: str = "vi") -> None:
    """``dtiplan rank --everyone --format csv``: one row per unit, with an ``illustrative`` column."""
    frame = simulation.frame()
    frame["illustrative"] = 1 if outlook.illustrative else 0
    frame.to_csv(out, index=False, lineterminator="\n", float_format="%.10g")
