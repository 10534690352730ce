"""The projection layer from Python: trends, progress status, the projected DTI and its frames."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import pytest

import dtiplan
from dtiplan import _core

AS_OF = dt.date(2026, 9, 30)
TO = dt.date(2026, 12, 31)


# --- fit_trend --------------------------------------------------------------------------------


def test_fit_trend_recovers_an_exact_line_from_decimal_years() -> None:
    times = [2026.0, 2026.25, 2026.5, 2026.75, 2027.0]
    values = [0.2 + 0.4 * (t - 2026.0) for t in times]
    fit = dtiplan.fit_trend(times, values, model="linear")
    assert fit.sufficient and fit.model == "linear" and fit.requested == "linear"
    assert fit.forecast(2027.5) == pytest.approx(0.8, abs=1e-9)
    lower, upper = fit.interval(2027.5)
    assert lower == pytest.approx(0.8, abs=1e-9) and upper == pytest.approx(0.8, abs=1e-9)


@pytest.mark.parametrize("kind", ["date", "timestamp", "iso"])
def test_fit_trend_accepts_dates_and_timestamps(kind: str) -> None:
    days = [dt.date(2026, m, 1) for m in range(1, 9)]
    values = [0.1 + 0.3 * (dtiplan.decimal_year(d) - 2026.0) for d in days]
    if kind == "timestamp":
        dates: list = list(pd.to_datetime(days))
    elif kind == "iso":
        dates = [d.isoformat() for d in days]
    else:
        dates = days
    fit = dtiplan.fit_trend(dates, values)  # auto
    assert fit.sufficient
    assert fit.model in {"linear", "weighted-linear"}  # an exact line: a straight-line model wins
    expected = 0.1 + 0.3 * (dtiplan.decimal_year(TO) - 2026.0)
    assert fit.forecast(TO) == pytest.approx(expected, abs=1e-9)
    assert set(fit.errors) >= {"last-value", "linear"}
    assert all(isinstance(k, str) for k in fit.errors)
    assert "auto" in fit.reason


def test_fit_trend_with_two_points_is_insufficient_and_forecast_raises() -> None:
    fit = dtiplan.fit_trend([dt.date(2026, 1, 31), dt.date(2026, 2, 28)], [0.3, 0.4], "linear")
    assert not fit.sufficient
    assert fit.model is None
    assert "insufficient data: 2 points, 3 needed" in fit.reason
    with pytest.raises(dtiplan.InsufficientDataError, match="insufficient data"):
        fit.forecast(TO)
    with pytest.raises(ValueError):
        fit.interval(TO)


def test_interval_is_ordered_and_widens_with_the_level() -> None:
    rng = np.random.default_rng(7)
    times = 2026.0 + np.arange(12) / 12.0
    values = 0.3 + 0.2 * (times - 2026.0) + rng.normal(0.0, 0.02, size=times.size)
    fit = dtiplan.fit_trend(times, values, model="linear")
    mean = fit.forecast(2027.5)
    lo80, hi80 = fit.interval(2027.5, level=0.8)
    lo99, hi99 = fit.interval(2027.5, level=0.99)
    assert lo99 < lo80 < mean < hi80 < hi99


def test_fit_trend_options_and_errors() -> None:
    fit = dtiplan.fit_trend([2026.0, 2026.5, 2027.0], [0.5, 0.9, 1.3], "linear", upper_bound=1.0)
    assert fit.forecast(2030.0) == pytest.approx(1.0)
    with pytest.raises(TypeError, match="unknown trend option"):
        dtiplan.fit_trend([2026.0], [0.5], bogus=1)
    with pytest.raises(ValueError, match="unknown trend model"):
        dtiplan.fit_trend([2026.0], [0.5], model="cubic")
    with pytest.raises(dtiplan.ValidationError):
        dtiplan.fit_trend([2026.0, 2025.0, 2027.0], [0.1, 0.2, 0.3])


def test_core_types_round_trip() -> None:
    fit = _core.fit_trend([2026.0, 2026.5, 2027.0, 2027.5], [1.0, 2.0, 3.0, 4.0],
                          dtiplan.TrendModel.Linear)  # fmt: skip
    assert isinstance(fit.trend, dtiplan.Trend) and fit.sufficient
    assert fit.trend.coefficients.shape == (2,)
    f = fit.trend.interval(2028.0)
    assert isinstance(f, dtiplan.Forecast) and f.mean == pytest.approx(5.0)
    assert dtiplan.TrendModel.from_spelling("weighted-linear") is dtiplan.TrendModel.WeightedLinear
    assert dtiplan.date_from_decimal_year(dtiplan.decimal_year(TO)) == TO
    assert "Forecast(" in repr(f)


# --- progress_status --------------------------------------------------------------------------

BASE = (2025.0, 0.4)
TARGET = (2030.0, 0.8)
REQUIRED = (0.8 / 0.4) ** (1 / 5) - 1  # per year


@pytest.mark.parametrize(
    ("ratio", "category", "label"),
    [
        (1.2, "on-track", "Đúng tiến độ"),
        (0.96, "on-track", "Đúng tiến độ"),
        (0.94, "acceleration-needed", "Cần tăng tốc"),
        (0.61, "acceleration-needed", "Cần tăng tốc"),
        (0.59, "limited-progress", "Tiến bộ hạn chế"),
        (0.01, "limited-progress", "Tiến bộ hạn chế"),
        (-0.2, "deterioration", "Đi xuống"),
    ],
)
def test_open_sdg_thresholds(ratio: float, category: str, label: str) -> None:
    current = (2026.0, 0.4 * (1 + ratio * REQUIRED))
    status = dtiplan.progress_status(base=BASE, current=current, target=TARGET)
    assert status.method == "open-sdg"
    assert status.category == category
    assert status.label == label
    assert status.ratio == pytest.approx(ratio, rel=1e-6)
    assert status.explanation


@pytest.mark.parametrize(
    ("current", "category", "label", "long_label"),
    [
        (0.5, "on-track", "Đúng tiến độ", "Đúng tiến độ"),
        (0.41, "acceleration-needed", "Cần tăng tốc", "Có tiến bộ nhưng cần đẩy nhanh"),
        (0.39, "deterioration", "Đi xuống", "Đi xuống hoặc dậm chân tại chỗ"),
        (0.85, "target-achieved", "Đã đạt mục tiêu", "Đã đạt chỉ tiêu"),
    ],
)
def test_unsd_categories(current: float, category: str, label: str, long_label: str) -> None:
    status = dtiplan.progress_status(
        base=(dt.date(2025, 1, 1), 0.4),
        current=(dt.date(2026, 1, 1), current),
        target=(dt.date(2030, 1, 1), 0.8),
        method="unsd",
    )
    assert status.method == "unsd"
    assert (status.category, status.label, status.long_label) == (category, label, long_label)
    assert status.label_in("en") == dtiplan.STATUS_LABELS[category][1]


def test_progress_status_insufficient_strict_and_decrease() -> None:
    same = dtiplan.progress_status(base=BASE, current=BASE, target=TARGET)
    assert same.category == "insufficient-data" and same.label == "Chưa đủ số liệu"
    strict = dtiplan.progress_status(base=BASE, current=(2026.0, 0.8), target=TARGET, strict=True)
    assert strict.category != "target-achieved"
    at_least = dtiplan.progress_status(base=BASE, current=(2026.0, 0.8), target=TARGET)
    assert at_least.category == "target-achieved"
    falling = dtiplan.progress_status(
        base=(2025.0, 0.4), current=(2026.0, 0.3), target=(2030.0, 0.1), direction="decrease"
    )
    assert falling.category in {"on-track", "acceleration-needed", "limited-progress"}
    no_target = dtiplan.progress_status(base=BASE, current=(2026.0, 0.5))
    assert no_target.category == "on-track"
    assert set(no_target.to_dict()) >= {"category", "label", "ratio", "explanation"}
    with pytest.raises(ValueError, match="unknown progress method"):
        dtiplan.progress_status(base=BASE, current=BASE, target=TARGET, method="eurostat")


# --- project_dti ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def projection() -> dtiplan.Projection:
    return dtiplan.project_dti(as_of=AS_OF, evaluation=TO, draws=400, seed=11)


def test_project_dti_is_reproducible_from_the_seed(projection: dtiplan.Projection) -> None:
    again = dtiplan.project_dti(as_of=AS_OF, evaluation=TO, draws=400, seed=11)
    assert isinstance(projection.samples, np.ndarray) and projection.samples.shape == (400,)
    assert np.array_equal(projection.samples, again.samples)
    for key, column in projection.main_samples.items():
        assert np.array_equal(column, again.main_samples[key])
    other = dtiplan.project_dti(as_of=AS_OF, evaluation=TO, draws=400, seed=12)
    assert not np.array_equal(projection.samples, other.samples)
    prefix = dtiplan.project_dti(as_of=AS_OF, evaluation=TO, draws=100, seed=11)
    assert np.array_equal(prefix.samples, projection.samples[:100])


def test_project_dti_result(projection: dtiplan.Projection) -> None:
    assert projection.illustrative
    assert projection.as_of == AS_OF and projection.evaluation == TO
    d = projection.dti
    assert 0.0 <= d.p05 <= d.median <= d.p95 <= 1.0
    assert len(projection.indicators) == len(dtiplan.builtin_plan().indicators)
    first = projection.indicators[0]
    assert isinstance(first, dtiplan.IndicatorProjection)
    assert projection.indicator(first.indicator) is not None
    assert "illustrative" in repr(projection)


def test_project_dti_with_own_observations_is_not_illustrative() -> None:
    plan = dtiplan.builtin_plan()
    log = dtiplan.example_observations(plan)
    copy = dtiplan.ObservationLog([_with_origin(o) for o in log.all()])
    result = dtiplan.project_dti(plan, observations=copy, as_of=AS_OF, evaluation=TO, draws=10,
                                 method="last-value")  # fmt: skip
    assert not result.illustrative
    assert result.model == "last-value"


def _with_origin(o: dtiplan.Observation) -> dtiplan.Observation:
    o.origin = "so-lieu.csv"
    return o


def test_project_dti_bad_input() -> None:
    with pytest.raises(dtiplan.ValidationError):
        dtiplan.project_dti(as_of=AS_OF, evaluation=TO, draws=0)


def test_projection_frame_columns(projection: dtiplan.Projection) -> None:
    frame = dtiplan.projection_frame(projection)
    assert list(frame.columns) == [
        "indicator", "name", "kind", "model", "reason", "points", "forecast", "lower", "upper",
        "fraction", "target", "target_year", "target_fraction", "met", "progress",
        "progress_label", "progress_ratio", "illustrative",
    ]  # fmt: skip
    assert len(frame) == len(projection.plan.indicators)
    assert frame["illustrative"].all()
    assert set(frame["progress"]) <= set(dtiplan.STATUS_LABELS)
    have = frame[frame["model"] != ""]
    assert not have.empty
    assert (have["lower"] <= have["forecast"] + 1e-12).all()
    assert (have["forecast"] <= have["upper"] + 1e-12).all()
    unsd = dtiplan.projection_frame(projection, method="unsd")
    assert "limited-progress" not in set(unsd["progress"])


def test_dti_summary_frame(projection: dtiplan.Projection) -> None:
    frame = dtiplan.dti_summary_frame(projection)
    assert list(frame.columns) == [
        "id", "name", "mean", "median", "p05", "p95", "sd", "p25", "p75", "max_points"
    ]
    assert frame["id"].iloc[0] == "DTI"
    assert frame["median"].iloc[0] == pytest.approx(projection.dti.median)
    mains = [m.id for m in projection.framework.main_indicators]
    assert list(frame["id"].iloc[1:]) == mains
    assert (frame["p05"] <= frame["p25"] + 1e-12).all()
    assert (frame["p75"] <= frame["p95"] + 1e-12).all()


def test_indicator_progress_without_values_is_insufficient() -> None:
    plan = dtiplan.builtin_plan()
    status = dtiplan.indicator_progress(plan, dtiplan.ObservationLog(), plan.indicators[0], AS_OF,
                                       2026)  # fmt: skip
    assert status.category == "insufficient-data"
    assert status.ratio is None
