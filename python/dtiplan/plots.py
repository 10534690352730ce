"""matplotlib figures of the projection and rank layers: one indicator's observations, target
path and forecast, the projected DTI's distribution, the projected rank's distribution and the
chance of the top k against the DTI reached.

matplotlib is imported only when a figure is drawn (``import dtiplan`` does not need it). Every
function draws on the Axes given (or on a new figure's) and returns the Axes. Titles and labels
are in Vietnamese; a figure made from the illustrative example observations (or the illustrative
peers) says so ("Số liệu minh họa") in its title.
"""

from __future__ import annotations

import datetime as _dt
import math
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import numpy as np

from . import _core
from ._core import ObservationLog, Plan
from .projection import DateLike, Projection, _to_date, fit_trend
from .report._format import number, short_name, short_number
from .track import ILLUSTRATIVE_LABEL, is_illustrative

if TYPE_CHECKING:
    import pandas as pd

    from .rank import RankResult
    from .rank.scenario import WhatIf
    from .rank.sensitivity import SensitivityResult

__all__ = [
    "plot_dti_fan",
    "plot_indicator",
    "plot_prob_top",
    "plot_rank_distribution",
    "plot_scenarios",
    "plot_tornado",
]

#: Appended to a rank figure's title when its data are illustrative.
_ILLUSTRATIVE_TAG = " (số liệu minh họa)"


def _pyplot() -> Any:
    import matplotlib.pyplot as plt

    return plt


def _axes(ax: Any) -> Any:
    if ax is not None:
        return ax
    _, new_ax = _pyplot().subplots(figsize=(9, 5), layout="constrained")
    return new_ax


def _percent_axis(ax: Any) -> None:
    from matplotlib.ticker import FuncFormatter

    ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _pos: number(100 * v, 0, "vi") + "%"))


def _decimal_axis(axis: Any) -> None:
    """Ticks written the Vietnamese way: decimal comma, thousands dot ("0,45", "1.000")."""
    from matplotlib.ticker import FuncFormatter

    axis.set_major_formatter(FuncFormatter(lambda v, _pos: short_number(v, "vi", decimals=3)))


def _probability_axis(ax: Any) -> None:
    """Percent ticks with as many decimals as the axis range needs, Vietnamese decimal comma."""
    from matplotlib.ticker import PercentFormatter

    class _Formatter(PercentFormatter):
        def __call__(self, x: float, pos: Any = None) -> str:
            return super().__call__(x, pos).replace(".", ",")

    ax.yaxis.set_major_formatter(_Formatter(xmax=1.0))


def _vi_percent(p: float) -> str:
    """A probability as a Vietnamese percentage with one decimal: 0.1234 -> "12,3%"."""
    return number(100 * p, 1, "vi") + "%"


def _vi_number(x: float, decimals: int) -> str:
    """A number with the Vietnamese decimal comma: 0.62 -> "0,6200" (4 decimals)."""
    return number(x, decimals, "vi")


def _date_range(start: _dt.date, end: _dt.date, n: int = 60) -> list[_dt.date]:
    if end <= start:
        return [start]
    days = (end - start).days
    steps = sorted({round(days * i / (n - 1)) for i in range(n)})
    return [start + _dt.timedelta(days=int(d)) for d in steps]


def plot_indicator(
    plan: Plan,
    log: ObservationLog,
    indicator: str,
    as_of: DateLike,
    to: DateLike,
    ax: Any = None,
    model: str = "auto",
    level: float = 0.95,
    shape: _core.TrajectoryShape = _core.TrajectoryShape.Linear,
    illustrative: bool | None = None,
) -> Any:
    """One indicator on one Axes, as fractions of full attainment (a count is divided by its
    total, so "9/9" is 100%): the observations known on ``as_of`` as points, the plan's target
    path (:func:`dtiplan.target_trajectory` from the first observation, ``shape`` linear by
    default), the forecast from the last observation to ``to`` with its ``level`` band
    (:func:`dtiplan.fit_trend` on the fractions, bounded to 0..1, ``model`` "auto" by default)
    and each target as a star on 31 December of its year. The title is Vietnamese; with the
    illustrative observations (``illustrative`` None: detected from the log) it says
    "Số liệu minh họa". With too few observations for a forecast the Axes says
    "Chưa đủ số liệu". Returns the Axes.
    """
    ind = plan.find_indicator(indicator)
    if ind is None:
        raise KeyError(f"no indicator {indicator!r} in the plan")
    as_of_date, to_date = _to_date(as_of), _to_date(to)
    ax = _axes(ax)
    if illustrative is None:
        illustrative = is_illustrative(log)

    target, _ = _core.target_in_force(ind, plan, to_date.year)
    series = _core.series_from_log(log, ind.id, as_of_date)
    times = series.times()
    fractions = [
        min(1.0, max(0.0, float(_core.as_fraction(_core.ObservedValue(value=v), ind, target))))
        for v in series.values
    ]
    dates = [_core.date_from_decimal_year(t) for t in times]

    if dates:
        ax.plot(dates, fractions, "o", color="C0", label="Số liệu quan sát", zorder=3)

    # The target path from the first observation.
    if dates:
        try:
            path = _core.target_trajectory(
                plan, ind, _core.TrajectoryPoint(date=dates[0], value=fractions[0]), shape
            )
        except _core.ValidationError:
            path = None
        if path is not None:
            grid = _date_range(dates[0], max(to_date, dates[-1]), 120)
            ax.plot(grid, [path.expected(d) for d in grid], "--", color="C2",
                    label="Lộ trình mục tiêu")  # fmt: skip

    # The forecast with its band.
    fit = fit_trend(times, fractions, model, lower_bound=0.0, upper_bound=1.0) if dates else None
    if fit is not None and fit.sufficient:
        grid = _date_range(dates[-1], max(to_date, dates[-1]), 60)
        forecasts = [fit.forecast_at(d, level) for d in grid]
        ax.plot(grid, [f.mean for f in forecasts], "-", color="C1",
                label=f"Dự báo ({fit.model})")  # fmt: skip
        ax.fill_between(grid, [f.lower for f in forecasts], [f.upper for f in forecasts],
                        color="C1", alpha=0.25,
                        label=f"Khoảng dự báo {100 * level:.0f}%")  # fmt: skip
    else:
        ax.text(0.5, 0.5, "Chưa đủ số liệu để dự báo", transform=ax.transAxes, ha="center",
                va="center", color="0.4")  # fmt: skip

    # The targets as markers.
    for year in sorted(set(plan.milestones)):
        t, _ = _core.target_in_force(ind, plan, year)
        if t is None or t.year != year:
            continue
        if year > max(to_date.year, as_of_date.year) and year != to_date.year:
            continue
        ax.plot([_dt.date(year, 12, 31)], [t.parsed.as_fraction()], "*", color="C3",
                markersize=14, label=f"Mục tiêu {year}: {t.text}", zorder=4)  # fmt: skip

    ax.axvline(as_of_date, color="0.6", linewidth=0.8)
    ax.set_ylim(-0.02, 1.05)
    _percent_axis(ax)
    ax.set_ylabel("Mức đạt (tỷ lệ so với đạt đầy đủ)")
    ax.set_xlabel("Thời gian")
    title = f"{ind.id} — {short_name(ind.name, 70)}"
    subtitle = f"Số liệu đến {as_of_date:%d/%m/%Y}, dự báo đến {to_date:%d/%m/%Y}"
    if illustrative:
        subtitle += f" · {ILLUSTRATIVE_LABEL['vi']}"
    ax.set_title(f"{title}\n{subtitle}", fontsize=10)
    handles, _ = ax.get_legend_handles_labels()
    if handles:
        ax.legend(loc="lower right", fontsize=8)
    ax.tick_params(axis="x", labelrotation=30)
    return ax


def _band(samples: np.ndarray) -> tuple[float, float, float, float, float]:
    p05, p25, p50, p75, p95 = np.quantile(samples, [0.05, 0.25, 0.5, 0.75, 0.95])
    return float(p05), float(p25), float(p50), float(p75), float(p95)


def plot_dti_fan(projection: Projection | Sequence[Projection], ax: Any = None) -> Any:
    """The projected DTI's distribution. Returns the Axes.

    One projection (a single evaluation date): a fan drawn *across the outcome axis* — the
    histogram of the DTI samples with the 5-95% band shaded light, the 25-75% band darker, the
    median as a line and the mean as a dotted line. A histogram is chosen over a fan over time
    because one date has no time axis to fan along; the shaded bands are the fan's bands.

    Several projections (e.g. one per evaluation date): a fan chart over time — the median line
    with the 5-95% and 25-75% bands, from each projection's samples, at its evaluation date.

    The title is Vietnamese and says "Số liệu minh họa" when any projection used the
    illustrative observations.
    """
    projections = [projection] if isinstance(projection, Projection) else list(projection)
    if not projections:
        raise ValueError("plot_dti_fan needs at least one projection")
    ax = _axes(ax)
    illustrative = any(p.illustrative for p in projections)

    if len(projections) == 1:
        p = projections[0]
        samples = np.asarray(p.core.samples, dtype=float)
        p05, p25, p50, p75, p95 = _band(samples)
        bins = max(10, min(60, int(math.sqrt(samples.size))))
        if float(samples.max() - samples.min()) <= 1e-12:
            # A collapsed distribution (exact series): one bar.
            ax.bar([p50], [samples.size], width=0.005, color="C0", alpha=0.6,
                   label="Số lần mô phỏng")  # fmt: skip
        else:
            ax.hist(samples, bins=bins, color="C0", alpha=0.6, label="Số lần mô phỏng")
        ax.axvspan(p05, p95, color="C1", alpha=0.15, label="Khoảng 5–95%")
        ax.axvspan(p25, p75, color="C1", alpha=0.3, label="Khoảng 25–75%")
        ax.axvline(p50, color="C3", linewidth=2, label=f"Trung vị {_vi_number(p50, 4)}")
        ax.axvline(float(samples.mean()), color="k", linestyle=":", linewidth=1,
                   label="Trung bình")  # fmt: skip
        ax.set_xlabel("DTI dự báo (thang 0–1)")
        ax.set_ylabel("Số lần mô phỏng")
        _decimal_axis(ax.xaxis)
        _decimal_axis(ax.yaxis)
        when = f"ngày {p.core.evaluation:%d/%m/%Y}"
    else:
        projections.sort(key=lambda q: q.core.evaluation)
        dates = [q.core.evaluation for q in projections]
        bands = np.array([_band(np.asarray(q.core.samples, dtype=float)) for q in projections])
        ax.fill_between(dates, bands[:, 0], bands[:, 4], color="C1", alpha=0.15,
                        label="Khoảng 5–95%")  # fmt: skip
        ax.fill_between(dates, bands[:, 1], bands[:, 3], color="C1", alpha=0.3,
                        label="Khoảng 25–75%")  # fmt: skip
        ax.plot(dates, bands[:, 2], "-o", color="C3", label="Trung vị")
        ax.set_ylabel("DTI dự báo (thang 0–1)")
        ax.set_xlabel("Ngày đánh giá")
        _decimal_axis(ax.yaxis)
        when = f"{dates[0]:%d/%m/%Y} – {dates[-1]:%d/%m/%Y}"
        ax.tick_params(axis="x", labelrotation=30)
    title = f"Chỉ số DTI dự báo, {when}"
    if illustrative:
        title += f"\n{ILLUSTRATIVE_LABEL['vi']}"
    ax.set_title(title, fontsize=10)
    ax.legend(loc="upper left", fontsize=8)
    return ax


def plot_rank_distribution(result: RankResult, top: int = 10, ax: Any = None) -> Any:
    """The projected rank's distribution from a :class:`dtiplan.rank.RankResult`
    (:func:`dtiplan.rank.rank_distribution`, ``rank_outlook(...).distribution``). Returns the Axes.

    One bar per rank r = 1..N of height P(rank = r); the bars within the top ``top`` in green,
    the others in grey. The expected rank is a vertical line, and the 5-95% range of the rank
    (``quantile(0.05)`` to ``quantile(0.95)``, both ranks included, so the band runs from half a
    rank before the first to half a rank after the last) is shaded. The title gives the chance
    of the top ``top`` with one decimal and the Vietnamese decimal comma ("Phân bố thứ hạng dự
    báo — xác suất vào top 10: 12,3%") and ends in "(số liệu minh họa)" when the result is
    illustrative.
    """
    top = int(top)
    if top < 1:
        raise ValueError(f"top: expected a rank of 1 or more, found {top}")
    pmf = np.asarray(result.pmf, dtype=float)
    units = int(pmf.size)
    if units == 0:
        raise ValueError("plot_rank_distribution needs a distribution over at least one rank")
    ax = _axes(ax)
    ranks = np.arange(1, units + 1)
    inside = min(top, units)

    ax.bar(ranks[:inside], pmf[:inside], width=0.8, color="C2", label=f"Trong top {top}")
    if inside < units:
        ax.bar(ranks[inside:], pmf[inside:], width=0.8, color="0.65",
               label=f"Ngoài top {top}")  # fmt: skip
    low, high = result.quantile(0.05), result.quantile(0.95)
    ax.axvspan(low - 0.5, high + 0.5, color="C1", alpha=0.15, zorder=0,
               label=f"Khoảng 5–95%: hạng {low}–{high}")  # fmt: skip
    expected = float(result.expected)
    ax.axvline(expected, color="C3", linewidth=2,
               label=f"Thứ hạng kỳ vọng {_vi_number(expected, 1)}")  # fmt: skip

    from matplotlib.ticker import MaxNLocator

    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_xlim(0.5, units + 0.5)
    ax.set_ylim(bottom=0.0)
    _probability_axis(ax)
    ax.set_xlabel("Thứ hạng")
    ax.set_ylabel("Xác suất")
    title = f"Phân bố thứ hạng dự báo — xác suất vào top {top}: {_vi_percent(result.prob_top(top))}"
    if result.illustrative:
        title += _ILLUSTRATIVE_TAG
    ax.set_title(title, fontsize=10)
    ax.legend(loc="best", fontsize=8)
    return ax


def plot_prob_top(
    curve: pd.DataFrame,
    top: int = 10,
    projected: float | None = None,
    needed: float | None = None,
    ax: Any = None,
    *,
    illustrative: bool = False,
) -> Any:
    """The chance of the top ``top`` against the DTI reached, from
    :func:`dtiplan.rank.prob_top_curve` (columns ``dti`` and ``prob_top``, computed for the same
    ``top``). Returns the Axes.

    The curve is drawn in order of DTI, y from 0 to 1 with a dotted line at 50%. ``projected``
    (the projected DTI) and ``needed`` (the DTI needed, e.g. ``points_needed(...).dti``) add
    vertical lines when given. ``illustrative`` (e.g. the curve was made from
    :func:`dtiplan.rank.example_peers`) ends the title in "(số liệu minh họa)".
    """
    missing = [c for c in ("dti", "prob_top") if c not in curve]
    if missing:
        raise ValueError(f"plot_prob_top: the curve has no column {', '.join(missing)}")
    dti = np.asarray(curve["dti"], dtype=float)
    prob = np.asarray(curve["prob_top"], dtype=float)
    if dti.size == 0:
        raise ValueError("plot_prob_top needs a curve with at least one row")
    order = np.argsort(dti, kind="stable")
    dti, prob = dti[order], prob[order]
    ax = _axes(ax)

    ax.plot(dti, prob, "-", color="C0", linewidth=2, label=f"Xác suất vào top {top}")
    ax.axhline(0.5, color="0.5", linestyle=":", linewidth=1, label="Xác suất 50%")
    if projected is not None:
        ax.axvline(float(projected), color="C1", linestyle="--", linewidth=1.5,
                   label=f"DTI dự báo {_vi_number(float(projected), 4)}")  # fmt: skip
    if needed is not None:
        ax.axvline(float(needed), color="C3", linestyle="-.", linewidth=1.5,
                   label=f"DTI cần đạt {_vi_number(float(needed), 4)}")  # fmt: skip
    ax.set_ylim(0.0, 1.0)
    _percent_axis(ax)
    ax.set_xlabel("DTI đạt được (thang 0–1)")
    _decimal_axis(ax.xaxis)
    ax.set_ylabel(f"Xác suất vào top {top}")
    title = f"Xác suất vào top {top} theo DTI đạt được"
    if illustrative:
        title += _ILLUSTRATIVE_TAG
    ax.set_title(title, fontsize=10)
    ax.legend(loc="upper left", fontsize=8)
    return ax


def plot_tornado(result: SensitivityResult, output: str = "prob_top", ax: Any = None) -> Any:
    """The tornado chart of a sensitivity analysis (:func:`dtiplan.sensitivity`): per factor, a
    bar from the output at the low end of its range to the output at the high end (the others at
    their baselines), the factor with the largest total Sobol' index at the top, each bar
    labelled with its index and confidence interval (ST = 0,42 ± 0,05), the baseline as a
    vertical line. ``output``: "prob_top" (P(top k)) or "expected_rank". Returns the Axes."""
    from .rank.sensitivity import OUTPUTS

    if output not in OUTPUTS:
        raise ValueError(f"output: expected one of {', '.join(OUTPUTS)}, found {output!r}")
    frame = result.frame(output).iloc[::-1]  # largest ST drawn last, at the top
    ax = _axes(ax)
    base = result.baseline[output]
    y = np.arange(len(frame))
    low = frame["low"].to_numpy()
    high = frame["high"].to_numpy()
    left = np.minimum(low, high)
    ax.barh(y, np.maximum(low, high) - left, left=left, color="C0", alpha=0.75,
            label="Khoảng thay đổi khi giả định đi hết biên")  # fmt: skip
    ax.axvline(base, color="0.3", linewidth=1.0, label="Kịch bản gốc")
    for yi, (_, row) in zip(y, frame.iterrows()):
        ax.text(max(row["low"], row["high"]), yi,
                f"  ST = {_vi_number(row['ST'], 2)} ± {_vi_number(row['ST_conf'], 2)}",
                va="center", fontsize=8)  # fmt: skip
    ax.set_yticks(y, [short_name(label, 45) for label in frame["label"]])
    label = OUTPUTS[output].format(top=result.top)
    if output == "prob_top":
        from matplotlib.ticker import FuncFormatter

        ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _pos: _vi_percent(v)))
    ax.set_xlabel(label)
    title = (
        f"Giả định nào quan trọng? {label}: chỉ số Sobol' toàn phần (ST), "
        f"N = {result.samples}, {result.evaluations} lần tính"
    )
    if result.illustrative:
        title += _ILLUSTRATIVE_TAG
    ax.set_title(title, fontsize=10)
    ax.legend(loc="lower right", fontsize=8)
    ax.margins(x=0.25)
    return ax


def plot_scenarios(comparison: WhatIf, ax: Any = None) -> Any:
    """What if? One bar per scenario, the baseline first (at the top): its chance of the top k,
    labelled with the percentage and the expected rank. The title says "Số liệu minh họa" when
    the comparison is illustrative. Returns the Axes."""
    frame = comparison.frame()
    ax = _axes(ax)
    top = comparison.top
    names = [
        "Hiện trạng" if b else short_name(n, 40)
        for n, b in zip(frame["scenario"], frame["baseline"])
    ]
    y = np.arange(len(frame))[::-1]
    colors = ["0.55" if b else "C0" for b in frame["baseline"]]
    ax.barh(y, frame["prob_top"], color=colors)
    for yi, p, rank in zip(y, frame["prob_top"], frame["expected_rank"]):
        ax.text(
            p,
            yi,
            f"  {_vi_percent(p)} · hạng kỳ vọng {_vi_number(rank, 1)}",
            va="center",
            fontsize=8,
        )
    ax.set_yticks(y, names)
    ax.set_xlim(0.0, 1.0)
    from matplotlib.ticker import FuncFormatter

    ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _pos: _vi_percent(v)))
    ax.set_xlabel(f"Xác suất vào top {top}")
    title = f"Nếu … thì sao? Xác suất vào top {top}, đánh giá ngày {comparison.evaluation:%d/%m/%Y}"
    if comparison.illustrative:
        title += _ILLUSTRATIVE_TAG
    ax.set_title(title, fontsize=10)
    return ax
