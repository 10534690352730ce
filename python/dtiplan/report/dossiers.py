"""``dtiplan dossiers``: a dossier export's rates per unit and window, the "nửa vời" cases, the
766 index and the rows left out, as data, then text, CSV, typed tables (workbook, web page,
Markdown) and the rows of the Word document (docs/dossiers.md)."""

from __future__ import annotations

import datetime
from typing import Any, TextIO

from .._core import Language, Period, Plan
from ..dossiers import RATE_NAMES, DossierResult
from ..track import ILLUSTRATIVE_LABEL
from ._admin import document_data
from ._format import (
    csv_cell,
    csv_writer,
    date_text,
    iso,
    number,
    percent,
    period_name,
    short_number,
    text_table,
    unit_label,
    window_text,
)
from .tables import Cell, Table

__all__ = [
    "dossier_rate_rows",
    "dossiers_csv",
    "dossiers_data",
    "dossiers_tables",
    "dossiers_text",
    "dossiers_title",
    "half_online_rows",
    "index_766_rows",
    "months_text",
    "report_dossiers_data",
]

#: An export whose file name starts with this is the illustrative example (labelled as such).
ILLUSTRATIVE_PREFIX = "illustrative-"

_LANG = {"vi": Language.Vietnamese, "en": Language.English}


def _rate(r: Any) -> dict[str, Any]:
    return {"numerator": r.numerator, "denominator": r.denominator, "value": r.value()}


def _entry(tally: Any) -> dict[str, Any]:
    rates = DossierResult.rates(tally)
    out: dict[str, Any] = {"dossiers": tally.dossiers, "half_online": tally.half_online}
    for name, field, _indicator in RATE_NAMES:
        out[name] = _rate(getattr(rates, field))
    idx = DossierResult.index_766(tally)
    out["index_766"] = {"points": idx.points, "max_points": idx.max_points}
    return out


def months_text(periods: list[str]) -> str:
    """The months an export covers, as a document's subject names them: "tháng 11 năm 2026",
    "từ tháng 1 đến tháng 12 năm 2026", "từ tháng 12 năm 2025 đến tháng 2 năm 2026"."""
    if not periods:
        return ""
    first, last = Period.parse(periods[0]), Period.parse(periods[-1])
    if first == last:
        return f"tháng {first.index} năm {first.year}"
    if first.year == last.year:
        return f"từ tháng {first.index} đến tháng {last.index} năm {last.year}"
    return f"từ tháng {first.index} năm {first.year} đến tháng {last.index} năm {last.year}"


def dossiers_data(
    result: DossierResult, plan: Plan, lang: str, as_of: datetime.date | None = None
) -> dict[str, Any]:
    """Everything the outputs show, as JSON values; ``document`` holds the administrative parts
    of the Word document (dated ``as_of``, today by default)."""
    s = result.summary
    units, commune, scores = [], [], []
    for w in s.windows:
        where = {
            "period": str(w.period),
            "window": {"first": iso(w.window.first), "last": iso(w.window.last)},
        }
        for u in w.units:
            units.append(
                {**where, "unit": u.unit, "unit_name": unit_label(plan, u.unit), **_entry(u.tally)}
            )
        commune.append({**where, **_entry(w.commune)})
        for unit, tally in [*((u.unit, u.tally) for u in w.units), ("", w.commune)]:
            idx = DossierResult.index_766(tally)
            scores.append(
                {
                    **where,
                    "unit": unit,
                    "points": idx.points,
                    "max_points": idx.max_points,
                    "criteria": [
                        {
                            "criterion": c.criterion,
                            "points": c.points,
                            "max_points": c.max_points,
                            "scored": c.scored,
                            **_rate(c.rate),
                        }
                        for c in idx.criteria
                    ],
                }
            )
    from .._core import default_index_766_criteria

    return {
        "source": {
            "file": s.origin,
            "sha256": s.sha256,
            "rows": s.rows,
            "counted": s.counted,
            "outside_period": s.outside,
            "window_rule": s.rule.spelling,
        },
        "illustrative": s.origin.startswith(ILLUSTRATIVE_PREFIX),
        "units": units,
        "commune": commune,
        "half_online": [
            {
                "dossier": c.dossier,
                "unit": c.unit,
                "unit_name": unit_label(plan, c.unit),
                "procedure": c.procedure,
                "procedure_name": c.procedure_name,
                "received": iso(c.received),
                "period": str(c.period),
                "reason": c.reason(_LANG[lang]),
                "row": c.row,
            }
            for c in s.half_online
        ],
        "index_766": {
            "criteria": [
                {
                    "id": c.id,
                    "name": c.name,
                    "group": c.group,
                    "max_points": c.max_points,
                    "threshold": c.threshold,
                    "rate": c.rate,
                    "confirmed": c.confirmed,
                    "source": c.source,
                }
                for c in default_index_766_criteria()
            ],
            "scores": scores,
        },
        "bad_rows": [{"row": b.row, "column": b.column, "message": b.message} for b in s.bad_rows],
        "document": _document(plan, as_of, [str(w.period) for w in s.windows]),
    }


def _document(plan: Plan, as_of: datetime.date | None, periods: list[str]) -> dict[str, Any]:
    months = months_text(periods)
    d = document_data(plan, as_of or datetime.date.today(), months)
    d["subject"] = "Kết quả giải quyết hồ sơ thủ tục hành chính trực tuyến" + (
        f" {months}" if months else ""
    )
    return d


_WORDS: dict[str, dict[str, Any]] = {
    "vi": {
        "title": "Hồ sơ thủ tục hành chính: {file}",
        "source": "{rows} dòng, {counted} hồ sơ được tính, SHA-256 {sha}",
        "outside": "{n} hồ sơ tiếp nhận ngoài kỳ đã chọn (không tính)",
        "none": "không có hồ sơ",
        "unit": "Đơn vị",
        "dossiers": "Hồ sơ",
        "commune": "Toàn xã",
        "headers": (
            "I.03 trực tuyến",
            "I.04 toàn trình",
            "III.3.a.04 số hóa",
            "III.3.a.06 xử lý trực tuyến",
            "III.3.a.08 kết quả điện tử",
            "III.3.a.10 thanh toán trực tuyến",
            "Đúng hạn",
        ),
        "half": "Nửa vời",
        "index": "Chỉ số 766",
        "flagged": 'Hồ sơ "trực tuyến nửa vời" ({n}): cần chấn chỉnh',
        "flag_headers": ("Mã hồ sơ", "Thủ tục", "Đơn vị", "Ngày tiếp nhận", "Lý do"),
        "no_flagged": 'Không có hồ sơ "trực tuyến nửa vời".',
        "bad": "Dòng lỗi bị bỏ qua (--skip-bad): {n}",
        "bad_headers": ("Dòng", "Cột", "Lỗi"),
        "written": "Đã thêm {n} số liệu vào {file} (minh chứng: tệp hồ sơ và SHA-256); {kept} số "
        "liệu đã có từ trước.",
        "index_note": (
            "Chỉ số 766: điểm các nhóm đo bằng hồ sơ (đúng hạn, trực tuyến, thanh "
            "toán trực tuyến, số hóa, kết quả điện tử) trên tối đa của các tiêu chí có "
            "hồ sơ; điểm tối đa và ngưỡng lấy từ nguồn thứ cấp (docs/dossiers.md)."
        ),
    },
    "en": {
        "title": "Administrative dossiers: {file}",
        "source": "{rows} rows, {counted} dossiers counted, SHA-256 {sha}",
        "outside": "{n} dossiers received outside the selected period (not counted)",
        "none": "no dossiers",
        "unit": "Unit",
        "dossiers": "Dossiers",
        "commune": "Whole commune",
        "headers": (
            "I.03 online",
            "I.04 full online",
            "III.3.a.04 digitised",
            "III.3.a.06 handled online",
            "III.3.a.08 e-result",
            "III.3.a.10 paid online",
            "On time",
        ),
        "half": "Half-online",
        "index": "766 index",
        "flagged": '"Half-online" dossiers ({n}) to follow up',
        "flag_headers": ("Dossier", "Procedure", "Unit", "Received", "Reason"),
        "no_flagged": 'No "half-online" dossiers.',
        "bad": "Bad rows left out (--skip-bad): {n}",
        "bad_headers": ("Row", "Column", "Error"),
        "written": "Added {n} observations to {file} (evidence: the export and its SHA-256); {kept} "
        "were already there.",
        "index_note": (
            "766 index: points of the groups dossiers measure (on time, online, online "
            "payment, digitised, electronic results) out of the maxima of the criteria "
            "with dossiers; maxima and thresholds from secondary sources "
            "(docs/dossiers.md)."
        ),
    },
}


def _rate_cell(r: dict[str, Any], lang: str) -> str:
    if r["denominator"] == 0:
        return _WORDS[lang]["none"]
    return (
        f"{percent(r['value'], lang)} "
        f"({number(r['numerator'], 0, lang)}/{number(r['denominator'], 0, lang)})"
    )


def _row(label: str, e: dict[str, Any], lang: str) -> list[str]:
    idx = e["index_766"]
    index = (
        f"{short_number(idx['points'], lang)}/{short_number(idx['max_points'], lang)}"
        if idx["max_points"] > 0
        else ""
    )
    return [
        label,
        number(e["dossiers"], 0, lang),
        *(_rate_cell(e[name], lang) for name, _f, _i in RATE_NAMES),
        number(e["half_online"], 0, lang),
        index,
    ]


def dossiers_text(data: dict[str, Any], lang: str) -> str:
    w = _WORDS[lang]
    src = data["source"]
    lines = [w["title"].format(file=src["file"])]
    if data["illustrative"]:
        lines.append(ILLUSTRATIVE_LABEL[lang])
    lines.append(
        w["source"].format(
            rows=number(src["rows"], 0, lang),
            counted=number(src["counted"], 0, lang),
            sha=src["sha256"] or "-",
        )
    )
    if src["outside_period"]:
        lines.append(w["outside"].format(n=number(src["outside_period"], 0, lang)))
    for c in data["commune"]:
        text = window_text(Period.parse(c["period"]), c["window"], lang)
        lines += ["", text[:1].upper() + text[1:]]
        headers, rows = dossier_rate_rows(data, c["period"], lang)
        lines += text_table(headers, rows, right=[False] + [True] * (len(headers) - 1))
    lines.append("")
    flagged = data["half_online"]
    if flagged:
        lines.append(w["flagged"].format(n=len(flagged)))
        headers, rows = half_online_rows(data, lang)
        lines += text_table(headers, rows, max_widths=[None, 40, None, None, 50])
    else:
        lines.append(w["no_flagged"])
    if data["bad_rows"]:
        lines += ["", w["bad"].format(n=len(data["bad_rows"]))]
        lines += text_table(
            w["bad_headers"],
            [[str(b["row"]), b["column"], b["message"]] for b in data["bad_rows"]],
            max_widths=[None, None, 70],
        )
    written = data.get("observations_written")
    if written is not None:
        lines += [
            "",
            w["written"].format(
                n=written["count"], file=written["file"], kept=written["already_there"]
            ),
        ]
    lines += ["", w["index_note"]]
    if data["illustrative"]:
        lines.append(ILLUSTRATIVE_LABEL[lang])
    return "\n".join(lines) + "\n"


def _date(text: str | None) -> Any:
    return None if text is None else datetime.date.fromisoformat(text)


_CSV_COLUMNS = [
    "record",
    "period",
    "window_first",
    "window_last",
    "unit",
    "unit_name",
    "measure",
    "numerator",
    "denominator",
    "value",
    "dossier",
    "procedure",
    "reason",
    "row",
    "column",
    "message",
    "illustrative",
]


def dossiers_csv(data: dict[str, Any], out: TextIO, lang: str) -> None:
    """One table: a ``rate`` record per window, unit (``""`` = the commune) and rate, then the
    ``half_online`` cases and the ``bad_row`` records, every row marked illustrative or not."""
    writer = csv_writer(out)
    writer.writerow(_CSV_COLUMNS)
    ill = csv_cell(data["illustrative"])
    entries = [(u, u["unit"], u["unit_name"]) for u in data["units"]]
    entries += [(c, "", _WORDS[lang]["commune"]) for c in data["commune"]]
    for e, unit, name in entries:
        for rate, _f, _i in RATE_NAMES:
            r = e[rate]
            writer.writerow(
                [
                    "rate",
                    e["period"],
                    e["window"]["first"],
                    e["window"]["last"],
                    unit,
                    name,
                    rate,
                    r["numerator"],
                    r["denominator"],
                    csv_cell(r["value"]),
                    "",
                    "",
                    "",
                    "",
                    "",
                    "",
                    ill,
                ]
            )
    for f in data["half_online"]:
        writer.writerow(
            [
                "half_online",
                f["period"],
                "",
                "",
                f["unit"],
                f["unit_name"],
                "",
                "",
                "",
                "",
                f["dossier"],
                f["procedure"],
                f["reason"],
                f["row"],
                "",
                "",
                ill,
            ]
        )
    for b in data["bad_rows"]:
        writer.writerow(
            [
                "bad_row",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                b["row"],
                b["column"],
                b["message"],
                ill,
            ]
        )


# --- Typed tables (--output .xlsx, .csv, .md, .html, .txt) and the Word document's rows -------

_TABLE_WORDS: dict[str, dict[str, Any]] = {
    "vi": {
        "rates": ("Tỷ lệ theo đơn vị", "ty-le-theo-don-vi"),
        "counts": ("Tử số và mẫu số", "tu-so-mau-so"),
        "half": ("Hồ sơ nửa vời", "ho-so-nua-voi"),
        "index": ("Chỉ số 766", "chi-so-766"),
        "bad": ("Dòng lỗi", "dong-loi"),
        "period": "Kỳ báo cáo",
        "from": "Từ ngày",
        "to": "Đến ngày",
        "measure": "Chỉ tiêu",
        "numerator": "Tử số",
        "denominator": "Mẫu số",
        "rate": "Tỷ lệ",
        "procedure": "Mã thủ tục",
        "procedure_name": "Tên thủ tục",
        "row": "Dòng trong tệp",
        "criterion": "Tiêu chí",
        "threshold": "Ngưỡng điểm tối đa",
        "points": "Điểm",
        "max_points": "Điểm tối đa",
    },
    "en": {
        "rates": ("Rates by unit", "rates-by-unit"),
        "counts": ("Numerators and denominators", "numerators-denominators"),
        "half": ("Half-online dossiers", "half-online"),
        "index": ("766 index", "index-766"),
        "bad": ("Bad rows", "bad-rows"),
        "period": "Reporting period",
        "from": "From",
        "to": "To",
        "measure": "Measure",
        "numerator": "Numerator",
        "denominator": "Denominator",
        "rate": "Rate",
        "procedure": "Procedure",
        "procedure_name": "Procedure name",
        "row": "Row in the file",
        "criterion": "Criterion",
        "threshold": "Threshold for full points",
        "points": "Points",
        "max_points": "Max points",
    },
}


def dossiers_title(data: dict[str, Any], lang: str) -> str:
    """The heading of the page or document: "Hồ sơ thủ tục hành chính: FILE"."""
    return str(_WORDS[lang]["title"].format(file=data["source"]["file"]))


def _entries(data: dict[str, Any], lang: str) -> list[tuple[dict[str, Any], str, str]]:
    """Each window's units then the commune: (entry, unit id or "", name)."""
    out = []
    for c in data["commune"]:
        out += [(u, u["unit"], u["unit_name"]) for u in data["units"] if u["period"] == c["period"]]
        out.append((c, "", _WORDS[lang]["commune"]))
    return out


def _rate_value(r: dict[str, Any], lang: str) -> Any:
    """A rate's fraction, or "không có hồ sơ" as text when it has no dossiers."""
    return r["value"] if r["denominator"] else Cell(_WORDS[lang]["none"], "text")


def _table(
    name: tuple[str, str], titles: tuple[str, ...], kinds: tuple[str, ...], note: str
) -> Table:
    return Table(name[0], name[1], titles, kinds, note=note)


def dossiers_tables(data: dict[str, Any], lang: str) -> list[Table]:
    """The rates of every unit and window (fractions, "không có hồ sơ" without dossiers), each
    rate's numerator and denominator, the "nửa vời" cases, the 766 index and the rows left
    out, every table labelled illustrative when the export is."""
    w, t = _WORDS[lang], _TABLE_WORDS[lang]
    note = ILLUSTRATIVE_LABEL[lang] if data["illustrative"] else ""
    head = (t["period"], t["from"], t["to"], w["unit"])
    rates = _table(t["rates"],
                  (*head, w["dossiers"], *w["headers"], w["half"], w["index"], t["max_points"]),
                  ("text", "date", "date", "text", "int", *["percent"] * len(RATE_NAMES), "int",
                   "number", "number"), note=note)  # fmt: skip
    counts = _table(t["counts"], (*head, t["measure"], t["numerator"], t["denominator"], t["rate"]),
                   ("text", "date", "date", "text", "text", "int", "int", "percent"),
                   note=note)  # fmt: skip
    for e, _unit, name in _entries(data, lang):
        where = [period_name(Period.parse(e["period"]), lang), _date(e["window"]["first"]),
                 _date(e["window"]["last"]), name]  # fmt: skip
        idx = e["index_766"]
        rates.rows.append([*where, e["dossiers"],
                           *(_rate_value(e[r], lang) for r, _f, _i in RATE_NAMES),
                           e["half_online"], idx["points"], idx["max_points"]])  # fmt: skip
        for (r, _f, _i), label in zip(RATE_NAMES, w["headers"]):
            counts.rows.append([*where, label, e[r]["numerator"], e[r]["denominator"],
                                _rate_value(e[r], lang)])  # fmt: skip
    half = _table(t["half"],
                 (w["flag_headers"][0], t["procedure"], t["procedure_name"], w["unit"],
                  w["flag_headers"][3], t["period"], w["flag_headers"][4], t["row"]),
                 ("text", "text", "text", "text", "date", "text", "text", "int"),
                 note=note)  # fmt: skip
    for f in data["half_online"]:
        half.rows.append([f["dossier"], f["procedure"], f["procedure_name"], f["unit_name"],
                          _date(f["received"]), period_name(Period.parse(f["period"]), lang),
                          f["reason"], f["row"]])  # fmt: skip
    criteria = {c["id"]: c for c in data["index_766"]["criteria"]}
    index = _table(t["index"],
                  (t["period"], w["unit"], t["criterion"], t["numerator"], t["denominator"],
                   t["rate"], t["threshold"], t["points"], t["max_points"]),
                  ("text", "text", "text", "int", "int", "percent", "percent", "number",
                   "number"), note=note)  # fmt: skip
    names = {u["unit"]: u["unit_name"] for u in data["units"]}
    for sc in data["index_766"]["scores"]:
        for c in sc["criteria"]:
            crit = criteria[c["criterion"]]
            index.rows.append([
                period_name(Period.parse(sc["period"]), lang),
                names.get(sc["unit"], sc["unit"]) if sc["unit"] else w["commune"],
                f"{crit['id']} {crit['name']}", c["numerator"], c["denominator"],
                _rate_value(c, lang), crit["threshold"],
                c["points"] if c["scored"] else None, c["max_points"],
            ])  # fmt: skip
    tables = [rates, counts, half, index]
    if data["bad_rows"]:
        bad = _table(t["bad"], tuple(w["bad_headers"]), ("int", "text", "text"), note=note)
        bad.rows.extend([b["row"], b["column"], b["message"]] for b in data["bad_rows"])
        tables.append(bad)
    return tables


def dossier_rate_rows(
    data: dict[str, Any], period: str, lang: str
) -> tuple[list[str], list[list[str]]]:
    """The titles and text rows of one window's rates (the units, then the commune), as the text
    output and the Word document show them: "81,2% (13/16)", "không có hồ sơ"."""
    w = _WORDS[lang]
    titles = [w["unit"], w["dossiers"], *w["headers"], w["half"], w["index"]]
    rows = [_row(e["unit_name"] if unit else name, e, lang)
            for e, unit, name in _entries(data, lang) if e["period"] == period]  # fmt: skip
    return titles, rows


def half_online_rows(data: dict[str, Any], lang: str) -> tuple[list[str], list[list[str]]]:
    """The titles and text rows of the "nửa vời" cases."""
    rows = [
        [
            f["dossier"],
            f"{f['procedure']} {f['procedure_name']}".strip(),
            f["unit_name"],
            date_text(_date(f["received"]), lang),
            f["reason"],
        ]
        for f in data["half_online"]
    ]
    return list(_WORDS[lang]["flag_headers"]), rows


def index_766_rows(data: dict[str, Any], lang: str) -> tuple[list[str], list[list[str]]]:
    """The titles and text rows of the commune's 766 criteria, window by window: the rate with
    its numerator and denominator, the threshold for full points, the points out of the
    maximum ("không có hồ sơ" and no points when a criterion has no dossiers)."""
    w, t = _WORDS[lang], _TABLE_WORDS[lang]
    criteria = {c["id"]: c for c in data["index_766"]["criteria"]}
    titles = [t["period"], t["criterion"], t["rate"], t["threshold"], t["points"],
              t["max_points"]]  # fmt: skip
    rows = []
    for sc in data["index_766"]["scores"]:
        if sc["unit"]:
            continue
        period = period_name(Period.parse(sc["period"]), lang)
        for c in sc["criteria"]:
            crit = criteria[c["criterion"]]
            rows.append([period, f"{crit['id']} {crit['name']}", _rate_cell(c, lang),
                         percent(crit["threshold"], lang),
                         short_number(c["points"], lang) if c["scored"] else "",
                         short_number(c["max_points"], lang)])  # fmt: skip
        rows.append([period, w["commune"], "", "",
                     short_number(sc["points"], lang), short_number(sc["max_points"], lang)])  # fmt: skip
    return titles, rows


def report_dossiers_data(
    data: dict[str, Any], period: str, window: dict[str, Any], top: int = 3
) -> dict[str, Any]:
    """What the monthly report's summary says of a dossier export read for the report's month
    ``period`` (its ``window``): how many "nửa vời" cases among the toàn trình dossiers filed
    online, and the ``top`` units with the most (most first, plan order among equals)."""
    c = next((c for c in data["commune"] if c["period"] == period), None)
    counts: dict[str, int] = {}
    names: dict[str, str] = {}
    for f in data["half_online"]:
        if f["period"] == period:
            counts[f["unit"]] = counts.get(f["unit"], 0) + 1
            names[f["unit"]] = f["unit_name"]
    order = [u["unit"] for u in data["units"] if u["period"] == period]
    ranked = sorted(counts, key=lambda u: (-counts[u], order.index(u) if u in order else 0))
    return {
        "file": data["source"]["file"],
        "illustrative": data["illustrative"],
        "period": period,
        "window": window,
        "dossiers": 0 if c is None else c["dossiers"],
        "half_online": sum(counts.values()),
        "filed_online_full": 0
        if c is None
        else c["full_online_rate"]["numerator"] + c["half_online"],
        "units": [
            {"unit": u, "unit_name": names[u], "half_online": counts[u]} for u in ranked[:top]
        ],
        "other_units": max(0, len(ranked) - top),
    }
