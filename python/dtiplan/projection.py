"""Projection: trends, progress status and the projected DTI, with pandas DataFrames (the
``dtiplan project`` outputs are in :mod:`dtiplan.report.projection`).

The computations are the C++ ones (docs/projection.md, docs/progress.md); this module adapts
inputs (dates as ``datetime.date``, pandas Timestamps, ISO strings or decimal years; model and
method names as strings) and builds frames::

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

import datetime as _dt
import math
import numbers
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Union

import numpy as np
import pandas as pd

from . import _core
from ._core import (
    DtiProjection,
    Framework,
    Indicator,
    ObservationLog,
    Plan,
    ProgressMethod,
    TrendModel,
)
from ._text import UINT64_MAX, whole
from .track import example_observations, is_illustrative

__all__ = [
    "DEFAULT_SEED",
    "STATUS_LABELS",
    "InsufficientDataError",
    "ProgressStatus",
    "Projection",
    "TrendResult",
    "dti_summary_frame",
    "fit_trend",
    "indicator_progress",
    "progress_method",
    "progress_status",
    "project_dti",
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
    def weights(self) -> dict[str, float]:
        """Auto only: each family's Akaike weight in the average, by spelling."""
        return {m.spelling: float(w) for m, w in self.fit.weights.items()}

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
    or decimal years, strictly increasing. ``model``: "auto" (the families averaged, Akaike weights),
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

    # The C++ result's fields, read through (no attribute forwarding: each name is declared).
    @property
    def as_of(self) -> _dt.date:
        """The date the projection was made on."""
        return self.core.as_of

    @property
    def evaluation(self) -> _dt.date:
        """The date projected to (the DTI evaluation)."""
        return self.core.evaluation

    @property
    def indicators(self) -> list[_core.IndicatorProjection]:
        """Each indicator's projection, in plan order."""
        return self.core.indicators

    @property
    def samples(self) -> np.ndarray:
        """The projected DTI's draws."""
        return self.core.samples

    @property
    def main_samples(self) -> dict[str, np.ndarray]:
        """Each main indicator's draws, by id."""
        return self.core.main_samples

    @property
    def dti(self) -> _core.Summary:
        """The projected DTI's summary (mean, median, band)."""
        return self.core.dti

    @property
    def mains(self) -> dict[str, _core.Summary]:
        """Each main indicator's summary, by id."""
        return self.core.mains

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

    def _repr_html_(self) -> str:
        from ._html import html_summary
        from .track import ILLUSTRATIVE_LABEL

        dti = self.core.dti
        return html_summary(
            f"Projection of the DTI to {self.core.evaluation} (data as of {self.core.as_of})",
            [
                ("DTI (median)", f"{dti.median:.4f}"),
                ("90% band", f"{dti.p05:.4f} – {dti.p95:.4f}"),
                ("draws", self.draws),
                ("trend model", self.model),
            ],
            [ILLUSTRATIVE_LABEL["vi"]] if self.illustrative else [],
            self.summary_frame(),
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
        draws=whole("draws", draws, 1, _core.MAX_PROJECTION_DRAWS),
        seed=whole("seed", seed, 0, UINT64_MAX),
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
