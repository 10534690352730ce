"""The matplotlib figures (Agg backend): they return Axes and save to PNG without warnings."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

matplotlib = pytest.importorskip("matplotlib")
matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

import dtiplan  # noqa: E402

AS_OF = dt.date(2026, 9, 30)
TO = dt.date(2026, 12, 31)


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


def _indicator_with_data(plan: dtiplan.Plan, log: dtiplan.ObservationLog) -> str:
    for ind in plan.indicators:
        if ind.kind == dtiplan.MeasureKind.Rate and len(dtiplan.series_from_log(log, ind.id, AS_OF)) >= 6:
            return ind.id
    raise AssertionError("no rate indicator with data in the example")


def test_plot_indicator_returns_axes_and_saves(tmp_path: Path) -> None:
    plan = dtiplan.builtin_plan()
    log = dtiplan.example_observations(plan)
    ind = _indicator_with_data(plan, log)
    ax = dtiplan.plot_indicator(plan, log, ind, AS_OF, TO)
    assert isinstance(ax, matplotlib.axes.Axes)
    assert ind in ax.get_title()
    assert "Số liệu minh họa" in ax.get_title()
    labels = ax.get_legend_handles_labels()[1]
    assert "Số liệu quan sát" in labels
    assert any(label.startswith("Dự báo") for label in labels)
    out = tmp_path / "indicator.png"
    ax.figure.savefig(out)
    assert out.stat().st_size > 0


def test_plot_indicator_without_data_says_so(tmp_path: Path) -> None:
    plan = dtiplan.builtin_plan()
    fig, ax = plt.subplots()
    result = dtiplan.plot_indicator(plan, dtiplan.ObservationLog(), plan.indicators[0].id, AS_OF, TO,
                                    ax=ax)  # fmt: skip
    assert result is ax
    assert any("Chưa đủ số liệu" in t.get_text() for t in ax.texts)
    fig.savefig(tmp_path / "empty.png")


def test_plot_dti_fan_single_and_several(tmp_path: Path) -> None:
    one = dtiplan.project_dti(as_of=AS_OF, evaluation=TO, draws=300, seed=3)
    ax = dtiplan.plot_dti_fan(one)
    assert isinstance(ax, matplotlib.axes.Axes)
    assert "Số liệu minh họa" in ax.get_title()
    ax.figure.savefig(tmp_path / "fan1.png")
    later = dtiplan.project_dti(as_of=AS_OF, evaluation=dt.date(2027, 6, 30), draws=300, seed=3)
    fig, ax2 = plt.subplots()
    assert dtiplan.plot_dti_fan([later, one], ax=ax2) is ax2
    fig.savefig(tmp_path / "fan2.png")
    assert (tmp_path / "fan2.png").stat().st_size > 0
