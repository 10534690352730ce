"""The rank figures (Agg backend): the rank distribution's bars, expected rank and 5-95% band, and
the chance of the top k against the DTI reached, with their Vietnamese titles."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

matplotlib = pytest.importorskip("matplotlib")
matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.colors import to_rgba  # noqa: E402
from matplotlib.container import BarContainer  # noqa: E402

from dtiplan import _core  # noqa: E402
from dtiplan.plots import plot_prob_top, plot_rank_distribution  # noqa: E402
from dtiplan.rank import example_peers, prob_top_curve, rank_distribution  # noqa: E402

MARKER = "số liệu minh họa"

# 20 real-looking wards with distinct DTI 0.6100 .. 0.8002: not illustrative.
PEERS_CSV = "unit,year,dti\nPhường Tam Hiệp,2025,0.8002\n" + "".join(
    f"Xã Số {i},2025,{0.61 + 0.01 * i:.4f}\n" for i in range(19)
)


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


@pytest.fixture
def peers() -> _core.PeerTable:
    table = _core.peers_from_csv(PEERS_CSV, "peers.csv")
    assert not table.illustrative
    assert len(table.units()) == 20
    return table


def _bars(ax) -> list:
    return [bar for c in ax.containers if isinstance(c, BarContainer) for bar in c]


def _vline_x(line) -> float:
    xs = np.asarray(line.get_xdata(), dtype=float)
    assert xs[0] == xs[-1], "not a vertical line"
    return float(xs[0])


def _vertical_lines(ax) -> dict[str, float]:
    out = {}
    for line in ax.get_lines():
        xs = np.asarray(line.get_xdata(), dtype=float)
        if xs.size == 2 and xs[0] == xs[1]:
            out[line.get_label()] = float(xs[0])
    return out


def test_rank_distribution_bars_colours_expected_and_title(peers, tmp_path: Path) -> None:
    result = rank_distribution((0.76, 0.03), peers)  # exact method, 21 units
    assert result.units == 21 and not result.illustrative
    ax = plot_rank_distribution(result, top=10)
    assert isinstance(ax, matplotlib.axes.Axes)

    bars = _bars(ax)
    assert len(bars) == result.units == 21
    # Bar r is at rank r with height P(rank = r).
    assert [round(b.get_x() + b.get_width() / 2) for b in bars] == list(range(1, 22))
    np.testing.assert_allclose([b.get_height() for b in bars], result.pmf)

    # The top 10 share one colour, the others another one.
    colours = [to_rgba(b.get_facecolor()) for b in bars]
    assert len(set(colours[:10])) == 1 and len(set(colours[10:])) == 1
    assert colours[0] != colours[10]

    # The expected rank's line, and the band over quantile(0.05) .. quantile(0.95).
    lines = _vertical_lines(ax)
    (expected_label,) = [k for k in lines if k.startswith("Thứ hạng kỳ vọng")]
    assert lines[expected_label] == pytest.approx(result.expected)
    assert expected_label == f"Thứ hạng kỳ vọng {result.expected:.1f}".replace(".", ",")
    low, high = result.quantile(0.05), result.quantile(0.95)
    assert low < high
    (band,) = [p for p in ax.patches if p.get_label().startswith("Khoảng 5–95%")]
    x0, x1 = band.get_extents().transformed(ax.transData.inverted()).intervalx
    assert x0 == pytest.approx(low - 0.5) and x1 == pytest.approx(high + 0.5)
    assert band.get_label() == f"Khoảng 5–95%: hạng {low}–{high}"

    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert "Trong top 10" in legend and "Ngoài top 10" in legend

    percent = f"{100 * result.prob_top(10):.1f}%".replace(".", ",")
    assert "," in percent
    title = ax.get_title()
    assert title == f"Phân bố thứ hạng dự báo — xác suất vào top 10: {percent}"
    assert "top 10" in title and MARKER not in title.lower()
    assert ax.get_xlabel() == "Thứ hạng" and ax.get_ylabel() == "Xác suất"
    ax.figure.savefig(tmp_path / "rank.png")
    assert (tmp_path / "rank.png").stat().st_size > 0


def test_rank_distribution_illustrative_peers_say_so() -> None:
    result = rank_distribution((0.62, 0.03), example_peers())
    assert result.illustrative
    _, ax = plt.subplots()
    assert plot_rank_distribution(result, ax=ax) is ax
    assert len(_bars(ax)) == result.units == 95
    title = ax.get_title()
    assert title.endswith("(số liệu minh họa)")
    assert f"top 10: {100 * result.prob_top(10):.1f}%".replace(".", ",") in title


def test_rank_distribution_other_top_and_sure_rank(peers) -> None:
    # A sure DTI above every peer: rank 1 for sure; the band still has a width of one rank.
    result = rank_distribution(0.95, peers)
    ax = plot_rank_distribution(result, top=3)
    bars = _bars(ax)
    colours = [to_rgba(b.get_facecolor()) for b in bars]
    assert len(set(colours[:3])) == 1 and colours[2] != colours[3]
    assert bars[0].get_height() == pytest.approx(1.0)
    assert "xác suất vào top 3: 100,0%" in ax.get_title()
    assert _vertical_lines(ax)["Thứ hạng kỳ vọng 1,0"] == pytest.approx(1.0)
    # Top larger than the units: every bar is inside it.
    ax2 = plot_rank_distribution(result, top=50)
    assert len({to_rgba(b.get_facecolor()) for b in _bars(ax2)}) == 1
    with pytest.raises(ValueError):
        plot_rank_distribution(result, top=0)


def test_prob_top_curve_plot(peers, tmp_path: Path) -> None:
    curve = prob_top_curve(peers, np.round(np.arange(0.60, 0.90 + 1e-9, 0.01), 4), top=10)
    prob = curve["prob_top"].to_numpy()
    assert np.all(np.diff(prob) >= -1e-12), "P(top 10) must not fall as the DTI rises"
    assert prob[0] < 0.5 < prob[-1]

    ax = plot_prob_top(curve, top=10, projected=0.7, needed=0.73)
    assert isinstance(ax, matplotlib.axes.Axes)
    (line,) = [ln for ln in ax.get_lines() if ln.get_label() == "Xác suất vào top 10"]
    np.testing.assert_array_equal(line.get_xdata(), curve["dti"].to_numpy())
    np.testing.assert_array_equal(line.get_ydata(), prob)

    vertical = _vertical_lines(ax)
    assert vertical["DTI dự báo 0,7000"] == pytest.approx(0.7)
    assert vertical["DTI cần đạt 0,7300"] == pytest.approx(0.73)
    (half,) = [ln for ln in ax.get_lines() if ln.get_label() == "Xác suất 50%"]
    assert set(np.asarray(half.get_ydata(), dtype=float)) == {0.5}
    assert half.get_linestyle() == ":"
    assert ax.get_ylim() == (0.0, 1.0)
    assert ax.get_xlabel() == "DTI đạt được (thang 0–1)"
    assert ax.get_ylabel() == "Xác suất vào top 10"
    assert "top 10" in ax.get_title() and MARKER not in ax.get_title().lower()
    ax.figure.savefig(tmp_path / "prob_top.png")
    assert (tmp_path / "prob_top.png").stat().st_size > 0


def test_prob_top_plot_optional_lines_and_marker(peers) -> None:
    curve = prob_top_curve(peers, [0.7, 0.6, 0.8], top=5)
    _, ax = plt.subplots()
    assert plot_prob_top(curve, top=5, ax=ax) is ax
    assert _vertical_lines(ax) == {}
    (line,) = [ln for ln in ax.get_lines() if ln.get_label() == "Xác suất vào top 5"]
    # Drawn in order of DTI.
    np.testing.assert_array_equal(line.get_xdata(), [0.6, 0.7, 0.8])
    assert ax.get_ylabel() == "Xác suất vào top 5"

    illustrative = prob_top_curve(example_peers(), [0.6, 0.7], top=10)
    ax2 = plot_prob_top(illustrative, needed=0.65, illustrative=True)
    assert ax2.get_title().endswith("(số liệu minh họa)")
    assert list(_vertical_lines(ax2)) == ["DTI cần đạt 0,6500"]

    with pytest.raises(ValueError, match="prob_top"):
        plot_prob_top(curve.drop(columns="prob_top"))
