"""``dtiplan project``: per plan indicator its trend model, the forecast at the evaluation date
with its interval, the target and the progress status; then the projected DTI with its band and
each main index.

:func:`project_data` reads a :class:`dtiplan.Projection` into plain dicts and lists (the JSON
output as it is); :func:`project_text` and :func:`project_csv` render that data.
"""

from __future__ import annotations

import math
from typing import Any, TextIO

import numpy as np
import pandas as pd

from .. import _core
from .._core import MeasureKind
from ..projection import STATUS_LABELS, Projection, dti_summary_frame, projection_frame
from ..track import ILLUSTRATIVE_LABEL
from ._format import (
    LANGUAGES,
    csv_cell,
    csv_writer,
    date_text,
    display_width,
    from_iso,
    number,
    pad,
    short_name,
    text_table,
    value_text,
)

__all__ = ["project_csv", "project_data", "project_text"]

_WORDS: dict[str, dict[str, Any]] = {
    "vi": {
        "title": "Dự báo chỉ tiêu và chỉ số DTI đến ngày {to}",
        "basis": "Số liệu đến ngày {as_of}; mô hình xu hướng: {model}; "
        "đánh giá tiến độ: {method}; {draws} lần mô phỏng, seed {seed}.",
        "model": "mô hình",
        "forecast": "dự báo",
        "interval": "khoảng {level}%",
        "target": "mục tiêu",
        "no_target": "không có mục tiêu định lượng",
        "status": "tình trạng",
        "no_forecast": "không dự báo",
        "dti": "DTI dự báo ngày {to} (thang 0–1)",
        "mean": "trung bình",
        "median": "trung vị",
        "band": "khoảng 90% (p05–p95)",
        "mains": "Theo chỉ số chính (trung vị, p05–p95):",
        "met": "đạt",
        "not_met": "chưa đạt",
        "heading": ("Mã", "Chỉ tiêu", "Mô hình", "Dự báo (khoảng)", "Mục tiêu", "Tình trạng"),
    },
    "en": {
        "title": "Projected indicators and DTI to {to}",
        "basis": "Data as of {as_of}; trend model: {model}; progress method: {method}; "
        "{draws} draws, seed {seed}.",
        "model": "model",
        "forecast": "forecast",
        "interval": "{level}% interval",
        "target": "target",
        "no_target": "no quantitative target",
        "status": "status",
        "no_forecast": "no forecast",
        "dti": "Projected DTI on {to} (0–1 scale)",
        "mean": "mean",
        "median": "median",
        "band": "90% band (p05–p95)",
        "mains": "By main indicator (median, p05–p95):",
        "met": "met",
        "not_met": "not met",
        "heading": ("ID", "Indicator", "Model", "Forecast (interval)", "Target", "Status"),
    },
}

_METHOD_NAMES = {"open-sdg": "Open SDG (Statistics Canada)", "unsd": "UNSD"}


def _none_if_nan(value: Any) -> Any:
    """A frame cell as a JSON value: None for NaN and <NA>, NumPy scalars as Python ones."""
    if value is None or value is pd.NA:
        return None
    if isinstance(value, (float, np.floating)) and math.isnan(float(value)):
        return None
    if isinstance(value, np.integer):
        return int(value)
    if isinstance(value, np.floating):
        return float(value)
    if isinstance(value, np.bool_):
        return bool(value)
    return value


#: Trend model names as the text shows them (the JSON and CSV keep the codes).
MODEL_NAMES: dict[str, tuple[str, str]] = {
    "auto": ("tự chọn", "auto"),
    "linear": ("tuyến tính", "linear"),
    "weighted-linear": ("tuyến tính có trọng số", "weighted linear"),
    "growth": ("tăng trưởng", "growth"),
    "logistic": ("logistic", "logistic"),
    "last-value": ("giữ giá trị cuối", "last value"),
}

#: A yes/no or milestone indicator still at 0 has not been done: that, not a trend going down.
_NOT_DONE = ("Chưa thực hiện", "Not done yet")


def model_name(model: str | None, lang: str) -> str:
    """A trend model's name in ``lang`` ("–" for none)."""
    if not model:
        return "–"
    names = MODEL_NAMES.get(model)
    return model if names is None else names[0 if lang == "vi" else 1]


def _status_label(progress: str, lang: str, kind: str | None = None,
                  forecast: float | None = None) -> str:  # fmt: skip
    binary = kind in (MeasureKind.YesNo.spelling, MeasureKind.Milestone.spelling)
    if (binary and forecast is not None and forecast == forecast and forecast < 0.5
            and progress != "insufficient-data"):  # fmt: skip
        return _NOT_DONE[0 if lang == "vi" else 1]
    return STATUS_LABELS[progress][0 if lang == "vi" else 1]


def _target_reading(projection: Projection, indicator: str, year: Any, lang: str) -> str | None:
    """The normalised reading of the target the projection compares with ("Phấn đấu đạt 10%"),
    so the text never copies a typo of the plan outside quotation marks."""
    found = projection.plan.find_indicator(indicator)
    if found is None or year is None or year != year:
        return None
    for t in found.targets:
        if t.year == int(year):
            return str(_core.format_target(t.parsed, LANGUAGES[lang]))
    return None


def project_data(projection: Projection, lang: str = "vi") -> dict[str, Any]:
    """``dtiplan project --format json``: the options, ``illustrative`` (and its label), one
    object per indicator (the columns of :func:`dtiplan.projection_frame`: forecast, interval,
    target, met, progress, reason; with the status label in ``lang``) and the summaries of the
    DTI and of each main index (:func:`dtiplan.dti_summary_frame`)."""
    core = projection.core
    indicators = []
    for r in projection_frame(projection).to_dict("records"):
        rec = {k: _none_if_nan(v) for k, v in r.items() if k != "illustrative"}
        rec["status_label"] = _status_label(r["progress"], lang, r.get("kind"), r.get("forecast"))
        rec["target_reading"] = _target_reading(projection, r["indicator"], r["target_year"], lang)
        indicators.append(rec)
    summary = [
        {k: _none_if_nan(v) for k, v in r.items()}
        for r in dti_summary_frame(projection).to_dict("records")
    ]
    out: dict[str, Any] = {
        "as_of": core.as_of.isoformat(),
        "to": core.evaluation.isoformat(),
        "model": projection.model,
        "method": projection.method,
        "draws": projection.draws,
        "seed": projection.seed,
        "level": projection.level,
        "illustrative": projection.illustrative,
    }
    if projection.illustrative:
        out["illustrative_label"] = ILLUSTRATIVE_LABEL[lang]
    out["indicators"] = indicators
    out["dti"] = summary[0]
    out["mains"] = summary[1:]
    return out


def project_text(data: dict[str, Any], lang: str = "vi") -> str:
    """``dtiplan project``: per indicator its model, the forecast at the evaluation date with
    its interval (Vietnamese decimal comma), the target and the status; then the projected DTI
    (mean, median, 90% band) and each main index. Illustrative data are labelled first and
    last."""
    w = _WORDS[lang]
    to = date_text(from_iso(data["to"]), lang)
    lines = [w["title"].format(to=to)]
    if data["illustrative"]:
        lines.append(ILLUSTRATIVE_LABEL[lang])
    lines.append(
        w["basis"].format(
            as_of=date_text(from_iso(data["as_of"]), lang),
            model=model_name(data["model"], lang),
            method=_METHOD_NAMES.get(data["method"], data["method"]),
            draws=number(data["draws"], 0, lang),
            seed=data["seed"],
        )
    )
    lines.append("")
    level = number(100.0 * data["level"], 0, lang)
    rows = []
    for r in data["indicators"]:
        kind = r["kind"]
        if r["model"]:
            low, high = value_text(kind, r["lower"], lang), value_text(kind, r["upper"], lang)
            fc = value_text(kind, r["forecast"], lang)
            if not (low == high == fc):
                fc += f" ({low} – {high})"
        else:
            fc = w["no_forecast"]
        target = r.get("target_reading") or "–"
        rows.append(
            [r["indicator"], short_name(r["name"], 44), model_name(r["model"], lang), fc,
             short_name(target, 22), r["status_label"]]
        )  # fmt: skip
    lines.extend(text_table(w["heading"], rows, rule="-"))
    lines.append(f"({w['forecast']}: {w['interval'].format(level=level)})")
    lines.append("")
    d = data["dti"]
    lines.append(w["dti"].format(to=to))
    lines.append(
        f"  {w['mean']} {number(d['mean'], 4, lang)}; {w['median']} "
        f"{number(d['median'], 4, lang)}; {w['band']}: {number(d['p05'], 4, lang)} – "
        f"{number(d['p95'], 4, lang)}"
    )
    lines.append("  " + w["mains"])
    mains = data["mains"]
    id_width = max([display_width(str(m["id"])) for m in mains] + [0])
    name_width = max([display_width(str(m["name"])) for m in mains] + [0])
    for m in mains:
        lines.append(
            f"    {pad(str(m['id']), id_width)}  {pad(str(m['name']), name_width)}  "
            f"{number(m['median'], 4, lang)} ({number(m['p05'], 4, lang)} – "
            f"{number(m['p95'], 4, lang)})"
        )
    if data["illustrative"]:
        lines.append("")
        lines.append(ILLUSTRATIVE_LABEL[lang])
    return "\n".join(lines) + "\n"


_PROJECT_CSV = [
    "row_type", "id", "name", "model", "forecast", "lower", "upper", "target", "met",
    "status", "status_label", "mean", "median", "p05", "p95", "illustrative",
]  # fmt: skip


def project_csv(data: dict[str, Any], out: TextIO, lang: str = "vi") -> None:
    """``dtiplan project --format csv``: one row per indicator, then a row for the DTI and one
    per main index (``row_type`` says which), with an ``illustrative`` column."""
    writer = csv_writer(out)
    writer.writerow(_PROJECT_CSV)
    flag = csv_cell(data["illustrative"])
    for r in data["indicators"]:
        cells = ("indicator", r["indicator"], r["name"], r["model"], r["forecast"], r["lower"],
                 r["upper"], r["target"], r["met"], r["progress"], r["status_label"])  # fmt: skip
        writer.writerow([*(csv_cell(x) for x in cells), "", "", "", "", flag])
    for r in [data["dti"], *data["mains"]]:
        row_type = "dti" if r["id"] == "DTI" else "main"
        names = (row_type, r["id"], r["name"])
        summary = (r["mean"], r["median"], r["p05"], r["p95"])
        writer.writerow([*(csv_cell(x) for x in names), *([""] * 8),
                         *(csv_cell(x) for x in summary), flag])  # fmt: skip
