"""Projection: trends, progress status and the projected DTI, with pandas DataFrames and the
``dtiplan project`` outputs.

The computations are the C++ ones (docs/projection.md, docs/progress.md); this module adapts
inputs (dates as ``datetime.date``, pandas Timestamps, ISO strings or decimal years; model and
method names as strings) and builds frames and reports::

    fit = dtiplan.fit_trend(dates, values)                # model="auto"
    fit.model, fit.reason, fit.forecast(date(2026, 12, 31)), fit.interval(date(2026, 12, 31))
    dtiplan.progress_status(base=(d0, 0.4), current=(d1, 0.6), target=(date(2030, 12, 31), 0.8))
    proj = dtiplan.project_dti(as_of=date(2026, 12, 31), evaluation=date(2026, 12, 31))
    dtiplan.projection_frame(proj)                        # per indicator
    dtiplan.dti_summary_frame(proj)                       # DTI and each main index

With no observations given, :func:`project_dti` uses the illustrative example
(:func:`dtiplan.example_observations`) and its result says so (``illustrative``).
"""

from __future__ import annotations

import csv
import datetime as _dt
import math
import numbers
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, TextIO, Union

import numpy as np
import pandas as pd

from . import _core
from ._core import (
    DtiProjection,
    Framework,
    Indicator,
    MeasureKind,
    ObservationLog,
    Plan,
    ProgressMethod,
    TrendModel,
)
from .track import ILLUSTRATIVE_LABEL, example_observations, is_illustrative

__all__ = [
    "DEFAULT_SEED",
    "InsufficientDataError",
    "Projection",
    "ProgressStatus",
    "STATUS_LABELS",
    "TrendResult",
    "dti_summary_frame",
    "fit_trend",
    "indicator_progress",
    "progress_method",
    "progress_status",
    "project_csv",
    "project_dti",
    "project_json",
    "project_text",
    "projection_frame",
    "to_decimal_year",
    "trend_model",
]

#: The seed of :func:`project_dti` by default (the C++ ProjectionOptions' default).
DEFAULT_SEED: int = _core.ProjectionOptions().seed

#: Short status labels for reports, by category spelling: (Vietnamese, English). The long labels
#: of the C++ library are ``ProgressCategory.label(lang)``.
STATUS_LABELS: dict[str, tuple[str, str]] = {
    "target-achieved": ("Đã đạt mục tiêu", "Target achieved"),
    "on-track": ("Đúng tiến độ", "On track"),
    "acceleration-needed": ("Cần tăng tốc", "Acceleration needed"),
    "limited-progress": ("Tiến bộ hạn chế", "Limited progress"),
    "deterioration": ("Đi xuống", "Deterioration"),
    "insufficient-data": ("Chưa đủ số liệu", "Insufficient data"),
}

DateLike = Union[_dt.date, pd.Timestamp, np.datetime64, str, float, int]


class InsufficientDataError(ValueError):
    """A forecast was asked of a trend that could not be fitted (too few points, or values the
    model cannot take); the message carries the fit's reason."""


# --- Inputs -----------------------------------------------------------------------------------


def to_decimal_year(when: DateLike) -> float:
    """A date as a decimal year (2026-01-01 -> 2026.0): ``datetime.date``/``datetime``, pandas
    ``Timestamp``, ``numpy.datetime64``, an ISO string, or a number taken as a decimal year."""
    if isinstance(when, (bool, np.bool_)):
        raise TypeError(f"expected a date or a decimal year, found {when!r}")
    if isinstance(when, numbers.Real):
        value = float(when)
        if not math.isfinite(value):
            raise ValueError(f"expected a finite decimal year, found {when!r}")
        return value
    if isinstance(when, np.datetime64):
        when = pd.Timestamp(when)
    if isinstance(when, pd.Timestamp):
        if pd.isna(when):
            raise ValueError("expected a date, found NaT")
        when = when.date()
    elif isinstance(when, _dt.datetime):
        when = when.date()
    elif isinstance(when, str):
        when = _core.parse_date(when.strip())
    if not isinstance(when, _dt.date):
        raise TypeError(f"expected a date or a decimal year, found {type(when).__name__}")
    return float(_core.decimal_year(when))


def _to_date(when: DateLike) -> _dt.date:
    if isinstance(when, pd.Timestamp):
        return when.date()
    if isinstance(when, _dt.datetime):
        return when.date()
    if isinstance(when, _dt.date):
        return when
    if isinstance(when, np.datetime64):
        return pd.Timestamp(when).date()
    if isinstance(when, str):
        return _core.parse_date(when.strip())
    return _core.date_from_decimal_year(to_decimal_year(when))


def trend_model(model: TrendModel | str) -> TrendModel:
    """A :class:`TrendModel` from itself or its spelling ("auto", "linear", "weighted-linear",
    "growth", "logistic", "last-value"; "_" for "-" and any case accepted)."""
    if isinstance(model, TrendModel):
        return model
    text = str(model).strip().lower().replace("_", "-")
    try:
        return TrendModel.from_spelling(text)
    except ValueError:
        names = ", ".join(m.spelling for m in TrendModel)
        raise ValueError(f"unknown trend model {model!r} (expected one of: {names})") from None


def progress_method(method: ProgressMethod | str) -> ProgressMethod:
    """A :class:`ProgressMethod` from itself or its spelling ("open-sdg" or "unsd")."""
    if isinstance(method, ProgressMethod):
        return method
    text = str(method).strip().lower().replace("_", "-")
    if text == "opensdg":
        text = "open-sdg"
    try:
        return ProgressMethod.from_spelling(text)
    except ValueError:
        raise ValueError(f"unknown progress method {method!r} (expected open-sdg or unsd)") from None


def _direction(direction: _core.Direction | str) -> _core.Direction:
    if isinstance(direction, _core.Direction):
        return direction
    try:
        return _core.Direction.from_spelling(str(direction).strip().lower())
    except ValueError:
        raise ValueError(
            f"unknown direction {direction!r} (expected increase or decrease)"
        ) from None


_TREND_OPTIONS = ("half_life", "min_points", "holdout", "lower_bound", "upper_bound", "logit_epsilon")


def _trend_options(options: Mapping[str, Any]) -> _core.TrendOptions:
    unknown = sorted(set(options) - set(_TREND_OPTIONS))
    if unknown:
        raise TypeError(
            f"unknown trend option(s) {', '.join(unknown)} (expected: {', '.join(_TREND_OPTIONS)})"
        )
    return _core.TrendOptions(**options)


# --- Trends -----------------------------------------------------------------------------------


class TrendResult:
    """A fitted trend, or the reason there is none (see :func:`fit_trend`).

    Attributes: ``model`` (the fitted model's spelling, ``None`` when insufficient),
    ``requested`` (the spelling asked for), ``reason``, ``sufficient``, ``errors`` (auto: the
    mean absolute out-of-sample error of each candidate, by spelling) and ``fit`` (the
    :class:`dtiplan.TrendFit`).
    """

    def __init__(self, fit: _core.TrendFit) -> None:
        self.fit = fit
        self._trend = fit.trend

    @property
    def sufficient(self) -> bool:
        """True when a trend was fitted."""
        return self._trend is not None

    @property
    def model(self) -> str | None:
        """The fitted model's spelling ("linear", ...), or None when data are insufficient."""
        return None if self._trend is None else self._trend.model.spelling

    @property
    def requested(self) -> str:
        """The model asked for ("auto", ...)."""
        return self.fit.requested.spelling

    @property
    def reason(self) -> str:
        """Why this model, or why none ("insufficient data: 2 points, 3 needed")."""
        return self.fit.reason

    @property
    def errors(self) -> dict[str, float]:
        """Auto only: mean absolute one-step-ahead error of each candidate, by spelling."""
        return {m.spelling: float(e) for m, e in self.fit.errors.items()}

    @property
    def trend(self) -> _core.Trend:
        """The fitted :class:`dtiplan.Trend`; :class:`InsufficientDataError` when none."""
        if self._trend is None:
            raise InsufficientDataError(f"no trend to forecast from: {self.fit.reason}")
        return self._trend

    def forecast(self, when: DateLike) -> float:
        """The point forecast on a date (or decimal year). :class:`InsufficientDataError` (a
        ``ValueError``) when the data were insufficient."""
        return float(self.trend.forecast(to_decimal_year(when)))

    def interval(self, when: DateLike, level: float = 0.95) -> tuple[float, float]:
        """(lower, upper) of the prediction interval at ``level`` on a date (or decimal year)."""
        f = self.trend.interval(to_decimal_year(when), level)
        return (float(f.lower), float(f.upper))

    def forecast_at(self, when: DateLike, level: float = 0.95) -> _core.Forecast:
        """The full :class:`dtiplan.Forecast` (mean, interval, working-scale mean and sd)."""
        return self.trend.interval(to_decimal_year(when), level)

    def __repr__(self) -> str:
        if not self.sufficient:
            return f"TrendResult(insufficient: {self.reason!r})"
        return f"TrendResult(model={self.model!r}, points={self.trend.points})"


def fit_trend(
    dates: Iterable[DateLike],
    values: Iterable[float],
    model: TrendModel | str = "auto",
    **options: Any,
) -> TrendResult:
    """Fit a trend model to dated values (docs/projection.md §2).

    ``dates``: ``datetime.date``, pandas Timestamps (a DatetimeIndex or Series works), ISO strings
    or decimal years, strictly increasing. ``model``: "auto" (the least out-of-sample error),
    "linear", "weighted-linear", "growth", "logistic" or "last-value". ``options``: the
    :class:`dtiplan.TrendOptions` fields (``half_life``, ``min_points``, ``holdout``,
    ``lower_bound``, ``upper_bound``, ``logit_epsilon``).

    Too little data never gives a made-up number: the result has ``sufficient`` False, a
    ``reason``, and its ``forecast`` raises :class:`InsufficientDataError`. Bad input (unequal
    lengths, unsorted dates, NaN) raises :class:`dtiplan.ValidationError`.
    """
    times = [to_decimal_year(d) for d in dates]
    ys = [float(v) for v in values]
    fit = _core.fit_trend(times, ys, trend_model(model), _trend_options(options))
    return TrendResult(fit)


# --- Progress ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class ProgressStatus:
    """The verdict of :func:`progress_status`: ``category`` (spelling: "on-track", ...),
    ``label`` / ``label_en`` (short labels: "Đúng tiến độ" / "On track"), ``long_label`` (the
    library's Vietnamese label), ``ratio`` (R or the UNSD ratio, None when undefined), the
    observed and required growth per year, UNSD's projected value and the English
    ``explanation``."""

    method: str
    category: str
    label: str
    label_en: str
    long_label: str
    ratio: float | None
    observed_growth: float | None
    required_growth: float | None
    projected_value: float | None
    explanation: str
    result: _core.ProgressResult = field(repr=False, compare=False)

    def label_in(self, lang: str = "vi") -> str:
        """The short label in "vi" or "en"."""
        return self.label if lang == "vi" else self.label_en

    def to_dict(self) -> dict[str, Any]:
        """The fields as a plain dict (without the C++ result)."""
        return {
            "method": self.method,
            "category": self.category,
            "label": self.label,
            "label_en": self.label_en,
            "long_label": self.long_label,
            "ratio": self.ratio,
            "observed_growth": self.observed_growth,
            "required_growth": self.required_growth,
            "projected_value": self.projected_value,
            "explanation": self.explanation,
        }


def _status(result: _core.ProgressResult) -> ProgressStatus:
    spelling = result.category.spelling
    vi, en = STATUS_LABELS[spelling]
    return ProgressStatus(
        method=result.method.spelling,
        category=spelling,
        label=vi,
        label_en=en,
        long_label=result.category.label(_core.Language.Vietnamese),
        ratio=result.ratio,
        observed_growth=result.observed_growth,
        required_growth=result.required_growth,
        projected_value=result.projected_value,
        explanation=result.explanation,
        result=result,
    )


def progress_status(
    base: tuple[DateLike, float],
    current: tuple[DateLike, float],
    target: tuple[DateLike, float | None] | None = None,
    method: ProgressMethod | str = "open-sdg",
    direction: _core.Direction | str = "increase",
    strict: bool = False,
    bounded_rate: bool = True,
) -> ProgressStatus:
    """Progress from ``base`` to ``current`` toward ``target``, each a (date, value) pair
    (dates as for :func:`fit_trend`), by "open-sdg" (Statistics Canada) or "unsd"
    (docs/progress.md). ``target`` None, or a None/NaN value: no quantitative target (judged on
    the observed growth alone; a target date is still needed, so None uses the current date).
    ``strict``: the target is "above" ("Trên 80%"). Returns a :class:`ProgressStatus`."""
    base_time, base_value = to_decimal_year(base[0]), float(base[1])
    current_time, current_value = to_decimal_year(current[0]), float(current[1])
    if target is None:
        target_time, target_value = current_time, math.nan
    else:
        target_time = to_decimal_year(target[0])
        target_value = math.nan if target[1] is None else float(target[1])
    data = _core.ProgressInput(
        base_time=base_time,
        base_value=base_value,
        current_time=current_time,
        current_value=current_value,
        target_time=target_time,
        target_value=target_value,
        direction=_direction(direction),
        strict=bool(strict),
        bounded_rate=bool(bounded_rate),
    )
    return _status(_core.progress_status(data, progress_method(method)))


# --- The projected DTI ------------------------------------------------------------------------


class Projection:
    """The result of :func:`project_dti`: the C++ :class:`dtiplan.DtiProjection` (``core``)
    with what it was computed from (``plan``, ``framework``, ``log``), the trend model asked
    for, the progress method used by the frames and reports, and whether the observations are
    the illustrative example (``illustrative``). The C++ result's attributes (``samples``,
    ``main_samples``, ``dti``, ``mains``, ``indicators``, ``as_of``, ``evaluation``) are
    available directly."""

    def __init__(
        self,
        core: DtiProjection,
        plan: Plan,
        framework: Framework,
        log: ObservationLog,
        model: str,
        method: str,
        illustrative: bool,
        draws: int,
        seed: int,
        level: float,
    ) -> None:
        self.core = core
        self.plan = plan
        self.framework = framework
        self.log = log
        self.model = model
        self.method = method
        self.illustrative = illustrative
        self.draws = draws
        self.seed = seed
        self.level = level

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_") or name == "core":
            raise AttributeError(name)
        return getattr(self.core, name)

    def indicator(self, indicator_id: str) -> _core.IndicatorProjection:
        """The projection of one indicator by id (KeyError when not in the plan)."""
        for p in self.core.indicators:
            if p.indicator == indicator_id:
                return p
        raise KeyError(indicator_id)

    def frame(self, method: ProgressMethod | str | None = None) -> pd.DataFrame:
        """Per indicator (see :func:`projection_frame`)."""
        return projection_frame(self, method)

    def summary_frame(self) -> pd.DataFrame:
        """The DTI and each main index (see :func:`dti_summary_frame`)."""
        return dti_summary_frame(self)

    def __repr__(self) -> str:
        tag = ", illustrative" if self.illustrative else ""
        return (
            f"Projection(evaluation={self.core.evaluation}, as_of={self.core.as_of}, "
            f"draws={self.draws}, median={self.core.dti.median:.4f}{tag})"
        )


def project_dti(
    plan: Plan | None = None,
    framework: Framework | None = None,
    observations: ObservationLog | None = None,
    as_of: DateLike | None = None,
    evaluation: DateLike | None = None,
    draws: int = 10000,
    seed: int = DEFAULT_SEED,
    method: TrendModel | str = "auto",
    *,
    progress: ProgressMethod | str = "open-sdg",
    level: float = 0.95,
    hold_last_value: bool = True,
    **trend_options: Any,
) -> Projection:
    """The projected DTI at ``evaluation`` as a distribution (docs/projection.md §4-5).

    Defaults: the built-in plan and framework; the illustrative example observations (the result
    is then marked ``illustrative``); ``as_of`` today; ``evaluation`` 31 December of the first
    plan milestone year not before ``as_of``. ``method`` is the trend model for every indicator
    ("auto", "linear", ...); ``progress`` the progress method the frames and reports use
    ("open-sdg" or "unsd"); ``trend_options`` the :class:`dtiplan.TrendOptions` fields. Draw i
    uses (seed, i): the same seed gives the same samples. The simulation runs without the GIL.
    """
    plan = plan if plan is not None else _core.builtin_plan()
    framework = framework if framework is not None else _core.builtin_framework()
    illustrative = observations is None
    log = example_observations(plan) if observations is None else observations
    if not illustrative:
        illustrative = is_illustrative(log)
    as_of_date = _dt.date.today() if as_of is None else _to_date(as_of)
    eval_date = (
        _core.default_evaluation(plan, as_of_date) if evaluation is None else _to_date(evaluation)
    )
    model = trend_model(method)
    options = _core.ProjectionOptions(
        model=model,
        trend=_trend_options(trend_options),
        draws=int(draws),
        seed=int(seed),
        level=float(level),
        hold_last_value=bool(hold_last_value),
    )
    core = _core.project_dti(plan, framework, log, as_of_date, eval_date, options)
    return Projection(
        core,
        plan,
        framework,
        log,
        model=model.spelling,
        method=progress_method(progress).spelling,
        illustrative=illustrative,
        draws=int(draws),
        seed=int(seed),
        level=float(level),
    )


# --- Per-indicator details --------------------------------------------------------------------


def indicator_progress(
    plan: Plan,
    log: ObservationLog,
    indicator: Indicator,
    as_of: _dt.date,
    year: int,
    method: ProgressMethod | str = "open-sdg",
) -> ProgressStatus:
    """Progress of one plan indicator toward its target in force in ``year`` (due 31 December
    of the target's year), from its first to its latest value known on ``as_of`` (as fractions
    of full attainment). Insufficient data with fewer than two values."""
    return _status(
        _core.indicator_progress(plan, log, indicator, as_of, int(year), progress_method(method))
    )


def _short_name(name: str, width: int = 60) -> str:
    name = " ".join(name.split())
    return name if len(name) <= width else name[: width - 1].rstrip() + "…"


def projection_frame(
    projection: Projection, method: ProgressMethod | str | None = None
) -> pd.DataFrame:
    """One row per plan indicator, in plan order.

    Columns: ``indicator``, ``name``, ``kind``, ``model`` (the fitted model's spelling, "" when
    none), ``reason``, ``points`` (values fitted), ``forecast``, ``lower``, ``upper`` (at the
    evaluation date, in the indicator's own scale; NaN when none), ``fraction`` (the forecast as
    a fraction of full attainment), ``target`` (the text of the target in force in the
    evaluation year, "" when none), ``target_year``, ``target_fraction``, ``met`` (whether the
    forecast meets that target; <NA> without a forecast or a target), ``progress`` (category
    spelling by ``method``, default the projection's), ``progress_label`` (Vietnamese short
    label), ``progress_ratio`` and ``illustrative``.
    """
    chosen = progress_method(method if method is not None else projection.method)
    plan = projection.plan
    year = projection.core.evaluation.year
    by_id = {p.indicator: p for p in projection.core.indicators}
    rows = []
    for ind in plan.indicators:
        p = by_id.get(ind.id)
        target, _ = _core.target_in_force(ind, plan, year)
        trend = None if p is None else p.fit.trend
        fc = None if p is None else p.forecast
        status = indicator_progress(
            plan, projection.log, ind, projection.core.as_of, year, chosen
        )
        rows.append(
            {
                "indicator": ind.id,
                "name": ind.name,
                "kind": ind.kind.spelling,
                "model": "" if trend is None else trend.model.spelling,
                "reason": "" if p is None else p.fit.reason,
                "points": 0 if trend is None else int(trend.points),
                "forecast": np.nan if fc is None else fc.mean,
                "lower": np.nan if fc is None else fc.lower,
                "upper": np.nan if fc is None else fc.upper,
                "fraction": np.nan if p is None or p.fraction is None else p.fraction,
                "target": "" if target is None else target.text,
                "target_year": pd.NA if target is None else int(target.year),
                "target_fraction": np.nan if target is None else target.parsed.as_fraction(),
                "met": pd.NA if fc is None or target is None else bool(target.met(fc.mean)),
                "progress": status.category,
                "progress_label": status.label,
                "progress_ratio": np.nan if status.ratio is None else status.ratio,
                "illustrative": projection.illustrative,
            }
        )
    columns = [
        "indicator", "name", "kind", "model", "reason", "points", "forecast", "lower", "upper",
        "fraction", "target", "target_year", "target_fraction", "met", "progress",
        "progress_label", "progress_ratio", "illustrative",
    ]  # fmt: skip
    frame = pd.DataFrame(rows, columns=columns)
    return frame.astype(
        {
            "points": "int64",
            "forecast": "float64",
            "lower": "float64",
            "upper": "float64",
            "fraction": "float64",
            "target_year": "Int64",
            "target_fraction": "float64",
            "met": "boolean",
            "progress_ratio": "float64",
            "illustrative": "bool",
        }
    )


def _quantiles(samples: np.ndarray) -> tuple[float, float]:
    if samples.size == 0:
        return (math.nan, math.nan)
    q25, q75 = np.quantile(samples, [0.25, 0.75])
    return (float(q25), float(q75))


def dti_summary_frame(projection: Projection) -> pd.DataFrame:
    """The DTI and each main index (0..1) at the evaluation date: one row for "DTI", then one
    per main indicator in framework order. Columns: ``id``, ``name``, ``mean``, ``median``,
    ``p05``, ``p95``, ``sd``, ``p25``, ``p75`` (from the samples) and ``max_points``."""
    core = projection.core
    fw = projection.framework
    rows = []
    q25, q75 = _quantiles(np.asarray(core.samples))
    d = core.dti
    total = sum(c.max_points for m in fw.main_indicators for c in m.components)
    rows.append(
        {"id": "DTI", "name": "Chỉ số DTI", "mean": d.mean, "median": d.median, "p05": d.p05,
         "p95": d.p95, "sd": d.sd, "p25": q25, "p75": q75, "max_points": total}
    )  # fmt: skip
    mains = core.mains
    main_samples = core.main_samples
    for m in fw.main_indicators:
        s = mains.get(m.id)
        if s is None:
            continue
        q25, q75 = _quantiles(np.asarray(main_samples.get(m.id, [])))
        rows.append(
            {"id": m.id, "name": m.name, "mean": s.mean, "median": s.median, "p05": s.p05,
             "p95": s.p95, "sd": s.sd, "p25": q25, "p75": q75,
             "max_points": sum(c.max_points for c in m.components)}
        )  # fmt: skip
    columns = ["id", "name", "mean", "median", "p05", "p95", "sd", "p25", "p75", "max_points"]
    return pd.DataFrame(rows, columns=columns)


# --- The ``dtiplan project`` outputs ----------------------------------------------------------

_WORDS = {
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


def _number(value: float, decimals: int, lang: str) -> str:
    text = f"{value:,.{decimals}f}"
    if lang == "vi":
        text = text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")
    return text


def _date_text(day: _dt.date, lang: str) -> str:
    return day.strftime("%d/%m/%Y") if lang == "vi" else day.isoformat()


def _value_text(kind: str, value: float, lang: str) -> str:
    if math.isnan(value):
        return "–"
    if kind == MeasureKind.Rate.spelling:
        return _number(100.0 * value, 1, lang) + "%"
    return _number(value, 2, lang)


def _display_width(text: str) -> int:
    import unicodedata

    return sum(0 if unicodedata.combining(c) else 1 for c in text)


def _pad(text: str, width: int) -> str:
    return text + " " * max(0, width - _display_width(text))


def project_text(projection: Projection, lang: str = "vi") -> str:
    """``dtiplan project``: per indicator its model, the forecast at the evaluation date with
    its interval (Vietnamese decimal comma), the target and the status; then the projected DTI
    (mean, median, 90% band) and each main index. Illustrative data are labelled."""
    w = _WORDS[lang]
    core = projection.core
    frame = projection_frame(projection)
    to = _date_text(core.evaluation, lang)
    lines = [w["title"].format(to=to)]
    if projection.illustrative:
        lines.append(ILLUSTRATIVE_LABEL[lang])
    lines.append(
        w["basis"].format(
            as_of=_date_text(core.as_of, lang),
            model=projection.model,
            method=_METHOD_NAMES.get(projection.method, projection.method),
            draws=_number(projection.draws, 0, lang),
            seed=projection.seed,
        )
    )
    lines.append("")
    level = _number(100.0 * projection.level, 0, lang)
    rows: list[tuple[str, ...]] = [w["heading"]]
    for r in frame.itertuples(index=False):
        if r.model:
            fc = (
                f"{_value_text(r.kind, r.forecast, lang)} "
                f"({_value_text(r.kind, r.lower, lang)} – {_value_text(r.kind, r.upper, lang)})"
            )
        else:
            fc = w["no_forecast"]
        target = r.target if r.target else "–"
        status = STATUS_LABELS[r.progress][0 if lang == "vi" else 1]
        rows.append(
            (r.indicator, _short_name(r.name, 44), r.model or "–", fc, _short_name(target, 22),
             status)
        )  # fmt: skip
    widths = [max(_display_width(row[i]) for row in rows) for i in range(len(rows[0]))]
    for k, row in enumerate(rows):
        lines.append("  ".join(_pad(c, widths[i]) for i, c in enumerate(row)).rstrip())
        if k == 0:
            lines.append("  ".join("-" * widths[i] for i in range(len(widths))))
    lines.append(f"({w['forecast']}: {w['interval'].format(level=level)})")
    lines.append("")
    d = core.dti
    lines.append(w["dti"].format(to=to))
    lines.append(
        f"  {w['mean']} {_number(d.mean, 4, lang)}; {w['median']} {_number(d.median, 4, lang)}; "
        f"{w['band']}: {_number(d.p05, 4, lang)} – {_number(d.p95, 4, lang)}"
    )
    lines.append("  " + w["mains"])
    summary = dti_summary_frame(projection)
    mains = summary[summary["id"] != "DTI"]
    id_width = max([len(str(i)) for i in mains["id"]] + [0])
    name_width = max([_display_width(str(n)) for n in mains["name"]] + [0])
    for r in mains.itertuples(index=False):
        lines.append(
            f"    {_pad(str(r.id), id_width)}  {_pad(str(r.name), name_width)}  "
            f"{_number(r.median, 4, lang)} ({_number(r.p05, 4, lang)} – {_number(r.p95, 4, lang)})"
        )
    if projection.illustrative:
        lines.append("")
        lines.append(ILLUSTRATIVE_LABEL[lang])
    return "\n".join(lines) + "\n"


def _none_if_nan(value: Any) -> Any:
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


def project_json(projection: Projection, lang: str = "vi") -> dict[str, Any]:
    """``dtiplan project --format json``: the options, ``illustrative`` (and its label), one
    object per indicator (forecast, interval, target, met, status with its label in ``lang``,
    reason) and the DTI and main indices' summaries."""
    core = projection.core
    frame = projection_frame(projection)
    indicators = []
    for r in frame.to_dict("records"):
        rec = {k: _none_if_nan(v) for k, v in r.items() if k != "illustrative"}
        rec["status_label"] = STATUS_LABELS[r["progress"]][0 if lang == "vi" else 1]
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


def project_csv(projection: Projection, out: TextIO, lang: str = "vi") -> None:
    """``dtiplan project --format csv``: one row per indicator, then a row for the DTI and one
    per main index (``row_type`` says which), with an ``illustrative`` column."""
    frame = projection_frame(projection)
    summary = dti_summary_frame(projection)
    columns = [
        "row_type", "id", "name", "model", "forecast", "lower", "upper", "target", "met",
        "status", "status_label", "mean", "median", "p05", "p95", "illustrative",
    ]  # fmt: skip
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    flag = "true" if projection.illustrative else "false"

    def cell(v: Any) -> str:
        v = _none_if_nan(v)
        if v is None:
            return ""
        if isinstance(v, bool):
            return "true" if v else "false"
        if isinstance(v, float):
            return repr(v)
        return str(v)

    for r in frame.to_dict("records"):
        label = STATUS_LABELS[r["progress"]][0 if lang == "vi" else 1]
        writer.writerow(
            [cell(x) for x in ("indicator", r["indicator"], r["name"], r["model"], r["forecast"],
                               r["lower"], r["upper"], r["target"], r["met"], r["progress"],
                               label, None, None, None, None)] + [flag]
        )  # fmt: skip
    for r in summary.to_dict("records"):
        row_type = "dti" if r["id"] == "DTI" else "main"
        writer.writerow(
            [cell(x) for x in (row_type, r["id"], r["name"], None, None, None, None, None, None,
                               None, None, r["mean"], r["median"], r["p05"], r["p95"])] + [flag]
        )  # fmt: skip
