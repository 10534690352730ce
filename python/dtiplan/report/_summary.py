"""The monthly report in one screen: what the coordinator reads first and what every document
(text, Word, web page, Markdown, workbook) opens with. The DTI now and last month, the
projected DTI with its band, the projected rank and the chance of the goal, the indicators newly
met or no longer met, the reports late or missing and from whom, and the plan check with its
repeated findings grouped on one line each.

:func:`summary_data` reads it from the report's data (nothing is computed here that the parts
have not); :func:`summary_lines` writes it as sentences, one a line; :func:`grouped_findings`
is the grouping the text report's check uses too.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from .._core import Period
from ._format import date_text, from_iso, number, period_name, short_number, window_range

__all__ = ["grouped_findings", "summary_data", "summary_lines", "summary_text"]

_WORDS: dict[str, dict[str, str]] = {
    "vi": {
        "dti": "Chỉ số DTI ngày {date}: {dti} ({points}/{max} điểm)",
        "dti_prev": "; ngày {date}: {dti} ({delta})",
        "projected": "DTI dự báo ngày {date}: {median} (khoảng 90%: {p05} – {p95})",
        "rank": "Thứ hạng dự báo trong {of} đơn vị: trung vị {median} (khoảng 90%: {lo} – {hi}); "
        "xác suất vào top {top}: {prob}",
        "rank_basis": "  (thành phần kế hoạch chưa theo dõi giả định như trung vị các đơn vị khác; "
        "DTI dự báo gồm phần đó: {dti})",
        "met": "Chỉ tiêu đạt mục tiêu: {met}/{n}",
        "met_prev": " (ngày {date}: {met}/{n})",
        "newly_met": "  Mới đạt: {ids}",
        "lost": "  Không còn đạt: {ids}",
        "reports": "Báo cáo {month} ({window}): {on_time} đúng hạn, {late} trễ hạn, {missing} chưa nộp, "
        "{not_yet_due} chưa đến hạn",
        "missing": "  Chưa nộp: {who}",
        "late": "  Trễ hạn: {who}",
        "check": "Kiểm tra kế hoạch: {error} lỗi, {warning} cảnh báo, {info} thông tin",
        "no-lead": "{n} chỉ tiêu {scope}chưa có đơn vị chủ trì: {ids}",
        "group-lead": "{n} chỉ tiêu {scope}giao chủ trì cho cả một nhóm đơn vị: {ids}",
        "shared-lead": "{n} chỉ tiêu {scope}có nhiều đơn vị cùng chủ trì: {ids}",
        "same": "{n} phát hiện “{code}” {scope}: {ids}",
        "scope": "mục {part} ",
        "unchanged": " – như tháng trước",
        "consolidated": "báo cáo tổng hợp",
        "half_online": "Hồ sơ “trực tuyến nửa vời” {month} ({window}): {n}/{d} hồ sơ toàn trình "
        "nộp trực tuyến; nhiều nhất: {who}",
        "no_half_online": "Không có hồ sơ “trực tuyến nửa vời” {month} ({window}) trong {d} hồ sơ "
        "toàn trình nộp trực tuyến",
        "others": "và {n} đơn vị khác",
        "no_dossiers": "Tệp hồ sơ {file} không có hồ sơ tiếp nhận trong {month} ({window})",
        "illustrative": " (hồ sơ minh họa)",
    },
    "en": {
        "dti": "DTI on {date}: {dti} ({points}/{max} points)",
        "dti_prev": "; on {date}: {dti} ({delta})",
        "projected": "Projected DTI on {date}: {median} (90% band: {p05} – {p95})",
        "rank": "Projected rank among {of} units: median {median} (90% band: {lo} – {hi}); "
        "chance of the top {top}: {prob}",
        "rank_basis": "  (components the plan does not track assumed at the peers' median; "
        "projected DTI with them: {dti})",
        "met": "Indicators meeting their target: {met}/{n}",
        "met_prev": " (on {date}: {met}/{n})",
        "newly_met": "  Newly met: {ids}",
        "lost": "  No longer met: {ids}",
        "reports": "Reports for {month} ({window}): {on_time} on time, {late} late, {missing} missing, "
        "{not_yet_due} not yet due",
        "missing": "  Missing: {who}",
        "late": "  Late: {who}",
        "check": "Plan check: {error} errors, {warning} warnings, {info} info",
        "no-lead": "{n} indicators {scope}have no lead unit: {ids}",
        "group-lead": "{n} indicators {scope}are led by a whole group of units: {ids}",
        "shared-lead": "{n} indicators {scope}have several lead units: {ids}",
        "same": "{n} findings “{code}” {scope}: {ids}",
        "scope": "of section {part} ",
        "unchanged": " – as last month",
        "consolidated": "consolidated report",
        "half_online": "“Half-online” dossiers {month} ({window}): {n} of {d} full-online "
        "dossiers filed online; most: {who}",
        "no_half_online": "No “half-online” dossier {month} ({window}) among {d} full-online "
        "dossiers filed online",
        "others": "and {n} other units",
        "no_dossiers": "The dossier export {file} has no dossier received {month} ({window})",
        "illustrative": " (illustrative dossiers)",
    },
}

# The finding codes whose repeats are grouped with their own sentence.
_GROUPED = {
    "responsibility.no-lead": "no-lead",
    "responsibility.group-lead": "group-lead",
    "responsibility.shared-lead": "shared-lead",
}


def _scope(ids: Sequence[str], lang: str) -> str:
    """"mục III " when every indicator is in one section of the plan's part III (ids of three
    parts or more), else nothing."""
    parts = {i.split(".")[0] for i in ids}
    if len(parts) == 1 and all(i.count(".") >= 2 for i in ids):
        return _WORDS[lang]["scope"].format(part=parts.pop())
    return ""


def grouped_findings(findings: Sequence[dict[str, Any]], lang: str) -> list[str]:
    """The check's findings, one line each, except that findings of the same code about
    several indicators make one line naming them all (in the order found)."""
    w = _WORDS[lang]
    by_code: dict[str, list[dict[str, Any]]] = {}
    for f in findings:
        by_code.setdefault(f["code"], []).append(f)
    lines = []
    for code, group in by_code.items():
        if len(group) == 1:
            lines.append(" ".join(group[0]["message"].split()))
            continue
        ids = [i for f in group for i in f["indicators"]]
        key = _GROUPED.get(code, "same")
        lines.append(
            w[key].format(n=len(group), scope=_scope(ids, lang), ids=", ".join(ids), code=code)
        )
    return lines


def _who(
    obligations: Sequence[dict[str, Any]],
    state: str,
    lang: str,
    before: Sequence[Sequence[str]] = (),
) -> list[dict[str, Any]]:
    """Per unit (in the table's order), the indicators whose report is in ``state``, and those
    of them that were in the same state in last month's report (``before``: unit, indicator)."""
    by_unit: dict[str, dict[str, Any]] = {}
    seen = {(u, i) for u, i in before}
    for o in obligations:
        if o["state"] != state:
            continue
        entry = by_unit.setdefault(
            o["unit"],
            {"unit": o["unit"], "unit_name": o["unit_name"], "indicators": [], "unchanged": []},
        )
        name = o["indicator"] or _WORDS[lang]["consolidated"]
        entry["indicators"].append(name)
        if (o["unit"], o["indicator"]) in seen:
            entry["unchanged"].append(name)
    return list(by_unit.values())


def summary_data(data: dict[str, Any], lang: str) -> dict[str, Any]:
    """The summary of a report's data: numbers and lists only, the sentences are
    :func:`summary_lines`."""
    status = data["status"]
    met = [i["id"] for i in status["indicators"] if i["met"]]
    previous = data.get("previous")
    summary: dict[str, Any] = {
        "as_of": data["as_of"],
        "dti": status["dti"],
        "points": status["points"],
        "max_points": status["max_points"],
        "met": len(met),
        "indicators": len(status["indicators"]),
        "previous": None,
        "projected": None,
        "rank": None,
        "month": data["deadlines"]["month"],
        "window": data["deadlines"]["window"],
        "reports": dict(data["deadlines"]["summary"]),
        "missing": _who(
            data["deadlines"]["obligations"], "missing", lang,
            previous["missing"] if previous else (),
        ),
        "late": _who(
            data["deadlines"]["obligations"], "late", lang, previous["late"] if previous else ()
        ),
        "check": dict(data["check"]["summary"]),
        "findings": [f"✗ {line}" for line in grouped_findings(data["check"]["errors"], lang)]
        + [f"⚠ {line}" for line in grouped_findings(data["check"]["warnings"], lang)],
    }
    if previous is not None:
        before = set(previous["met"])
        summary["previous"] = {
            "as_of": previous["as_of"],
            "dti": previous["dti"],
            "met": len(before),
            "newly_met": [i for i in met if i not in before],
            "no_longer_met": [i for i in previous["met"] if i not in set(met)],
        }
    projection = data.get("projection")
    if projection is not None:
        dti = projection["dti"]
        summary["projected"] = {
            "to": projection["to"],
            "median": dti["median"],
            "p05": dti["p05"],
            "p95": dti["p95"],
        }
    summary["dossiers"] = data.get("dossiers")
    outlook = data.get("outlook")
    if outlook is not None:
        summary["rank"] = {
            "of": outlook["goal"]["of"],
            "top": outlook["goal"]["top"],
            "median": outlook["median_rank"],
            "band": list(outlook["rank_band_90"]),
            "prob_top": outlook["prob_top"],
            "projected_dti": outlook["projected_dti"],
            "evaluation": outlook["evaluation"],
        }
    return summary


def probability_text(value: float, lang: str) -> str:
    """A probability as a percentage, "< 0,1%" and "> 99,9%" at the ends."""
    if 0.0 < value < 0.0005:
        return "< " + number(0.1, 1, lang) + "%"
    if 0.9995 < value < 1.0:
        return "> " + number(99.9, 1, lang) + "%"
    return number(100.0 * value, 1, lang) + "%"


def _signed(value: float, lang: str) -> str:
    return ("+" if value >= 0 else "−") + number(abs(value), 4, lang)


def _people(entries: Sequence[dict[str, Any]], lang: str) -> str:
    """"TT PVHCC (II.03, như tháng trước)": each unit with its indicators, those already in
    last month's report marked."""
    mark = _WORDS[lang]["unchanged"]
    parts = []
    for e in entries:
        ids = [i + (mark if i in e.get("unchanged", ()) else "") for i in e["indicators"]]
        parts.append(f"{e['unit_name']} ({', '.join(ids)})")
    return "; ".join(parts)


def summary_lines(summary: dict[str, Any], lang: str) -> list[str]:
    """The summary as sentences, one a line (indented lines detail the line above)."""
    w = _WORDS[lang]
    date = date_text(from_iso(summary["as_of"]), lang)
    dti = w["dti"].format(
        date=date,
        dti=number(summary["dti"], 4, lang),
        points=short_number(summary["points"], lang),
        max=number(summary["max_points"], 0, lang),
    )
    prev = summary["previous"]
    if prev is not None:
        dti += w["dti_prev"].format(
            date=date_text(from_iso(prev["as_of"]), lang),
            dti=number(prev["dti"], 4, lang),
            delta=_signed(summary["dti"] - prev["dti"], lang),
        )
    lines = [dti]
    proj = summary["projected"]
    if proj is not None:
        lines.append(
            w["projected"].format(
                date=date_text(from_iso(proj["to"]), lang),
                median=number(proj["median"], 4, lang),
                p05=number(proj["p05"], 4, lang),
                p95=number(proj["p95"], 4, lang),
            )
        )
    rank = summary["rank"]
    if rank is not None:
        lines.append(
            w["rank"].format(
                of=rank["of"],
                median=rank["median"],
                lo=rank["band"][0],
                hi=rank["band"][1],
                top=rank["top"],
                prob=probability_text(rank["prob_top"], lang),
            )
        )
        lines.append(w["rank_basis"].format(dti=number(rank["projected_dti"], 4, lang)))
    met = w["met"].format(met=summary["met"], n=summary["indicators"])
    if prev is not None:
        met += w["met_prev"].format(
            date=date_text(from_iso(prev["as_of"]), lang), met=prev["met"], n=summary["indicators"]
        )
    lines.append(met)
    if prev is not None and prev["newly_met"]:
        lines.append(w["newly_met"].format(ids=", ".join(prev["newly_met"])))
    if prev is not None and prev["no_longer_met"]:
        lines.append(w["lost"].format(ids=", ".join(prev["no_longer_met"])))
    counts = summary["reports"]
    lines.append(
        w["reports"].format(
            month=period_name(Period.parse(summary["month"]), lang),
            window=window_range(summary["window"], lang),
            on_time=counts.get("on-time", 0),
            late=counts.get("late", 0),
            missing=counts.get("missing", 0),
            not_yet_due=counts.get("not-yet-due", 0),
        )
    )
    if summary["late"]:
        lines.append(w["late"].format(who=_people(summary["late"], lang)))
    if summary["missing"]:
        lines.append(w["missing"].format(who=_people(summary["missing"], lang)))
    dossiers = summary.get("dossiers")
    if dossiers is not None:
        lines.append(_half_online_line(dossiers, lang))
    lines.append(w["check"].format(**summary["check"]))
    lines.extend("  " + f for f in summary["findings"])
    return lines


def _half_online_line(d: dict[str, Any], lang: str) -> str:
    """"Hồ sơ “trực tuyến nửa vời” tháng 11/2026 (15/10–14/11/2026): 6/98 …; nhiều nhất:
    TT PVHCC (3), Công an xã (1), Phòng VH-XH (1) và 1 đơn vị khác"."""
    w = _WORDS[lang]
    where = {
        "month": period_name(Period.parse(d["period"]), lang),
        "window": window_range(d["window"], lang),
        "d": number(d["filed_online_full"], 0, lang),
    }
    if not d["dossiers"]:
        line = w["no_dossiers"].format(file=d["file"], **where)
    elif not d["half_online"]:
        line = w["no_half_online"].format(**where)
    else:
        who = ", ".join(
            f"{u['unit_name']} ({number(u['half_online'], 0, lang)})" for u in d["units"]
        )
        if d["other_units"]:
            who += " " + w["others"].format(n=d["other_units"])
        line = w["half_online"].format(n=number(d["half_online"], 0, lang), who=who, **where)
    return line + (w["illustrative"] if d["illustrative"] else "")


def summary_text(summary: dict[str, Any], lang: str) -> str:
    """The summary lines as text."""
    return "\n".join(summary_lines(summary, lang)) + "\n"
