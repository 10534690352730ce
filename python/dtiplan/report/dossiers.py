"""``dtiplan dossiers``: a dossier export's rates per unit and window, the "nửa vời" cases, the
766 index and the rows left out, as data, then text and CSV (docs/dossiers.md)."""

from __future__ import annotations

from typing import Any, TextIO

from .._core import Language, Plan
from ..dossiers import RATE_NAMES, DossierResult
from ..track import ILLUSTRATIVE_LABEL
from ._format import (
    csv_cell,
    csv_writer,
    date_text,
    iso,
    percent,
    short_number,
    text_table,
    unit_label,
    window_text,
)

__all__ = ["dossiers_csv", "dossiers_data", "dossiers_text"]

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


def dossiers_data(result: DossierResult, plan: Plan, lang: str) -> dict[str, Any]:
    """Everything the outputs show, as JSON values."""
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
    }


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
        "written": "Đã ghi {n} số liệu vào {file} (minh chứng: tệp hồ sơ và SHA-256).",
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
        "written": "Wrote {n} observations to {file} (evidence: the export and its SHA-256).",
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
    return f"{percent(r['value'], lang)} ({r['numerator']}/{r['denominator']})"


def _row(label: str, e: dict[str, Any], lang: str) -> list[str]:
    idx = e["index_766"]
    index = (
        f"{short_number(idx['points'], lang)}/{short_number(idx['max_points'], lang)}"
        if idx["max_points"] > 0
        else ""
    )
    return [
        label,
        str(e["dossiers"]),
        *(_rate_cell(e[name], lang) for name, _f, _i in RATE_NAMES),
        str(e["half_online"]),
        index,
    ]


def dossiers_text(data: dict[str, Any], lang: str) -> str:
    w = _WORDS[lang]
    src = data["source"]
    lines = [w["title"].format(file=src["file"])]
    if data["illustrative"]:
        lines.append(ILLUSTRATIVE_LABEL[lang])
    lines.append(
        w["source"].format(rows=src["rows"], counted=src["counted"], sha=src["sha256"] or "-")
    )
    if src["outside_period"]:
        lines.append(w["outside"].format(n=src["outside_period"]))
    headers = [w["unit"], w["dossiers"], *w["headers"], w["half"], w["index"]]
    right = [False] + [True] * (len(headers) - 1)
    from .._core import Period

    for c in data["commune"]:
        period = Period.parse(c["period"])
        lines += [
            "",
            window_text(period, c["window"], lang)[:1].upper()
            + window_text(period, c["window"], lang)[1:],
        ]
        rows = [_row(u["unit_name"], u, lang) for u in data["units"] if u["period"] == c["period"]]
        rows.append(_row(w["commune"], c, lang))
        lines += text_table(headers, rows, right=right)
    lines.append("")
    flagged = data["half_online"]
    if flagged:
        lines.append(w["flagged"].format(n=len(flagged)))
        lines += text_table(
            w["flag_headers"],
            [
                [
                    f["dossier"],
                    f"{f['procedure']} {f['procedure_name']}".strip(),
                    f["unit_name"],
                    date_text(_date(f["received"]), lang),
                    f["reason"],
                ]
                for f in flagged
            ],
            max_widths=[None, 40, None, None, 50],
        )
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
        lines += ["", w["written"].format(n=written["count"], file=written["file"])]
    lines += ["", w["index_note"]]
    if data["illustrative"]:
        lines.append(ILLUSTRATIVE_LABEL[lang])
    return "\n".join(lines) + "\n"


def _date(text: str | None) -> Any:
    import datetime

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
