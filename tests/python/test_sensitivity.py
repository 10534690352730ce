"""Which assumption matters? ``dtiplan.sensitivity``: Sobol' indices of P(top 10) and the expected
rank with their intervals, swings that go the way the assumptions push, the baseline equal to the
pipeline's, and a tornado chart labelled as illustrative. A small sample (N = 16) keeps it fast."""

from __future__ import annotations

import pytest

import dtiplan

pytest.importorskip("SALib")

AS_OF, TO = "2026-11-20", "2026-12-31"


@pytest.fixture(scope="module")
def result() -> dtiplan.SensitivityResult:
    return dtiplan.sensitivity(as_of=AS_OF, evaluation=TO, samples=16, draws=200, resamples=100)


def test_indices_and_intervals_for_every_factor_and_output(
    result: dtiplan.SensitivityResult,
) -> None:
    frame = result.frame()
    assert len(frame) == 10
    factors = {"growth_mean", "growth_sd", "shock_sd", "untracked", "weights"}
    for output in ("prob_top", "expected_rank"):
        part = result.frame(output)
        assert set(part["factor"]) == factors
        assert part["ST"].tolist() == sorted(part["ST"], reverse=True)
        assert (part["ST_conf"] >= 0).all() and (part["S1_conf"] >= 0).all()
        assert part[["S1", "ST"]].notna().all().all()
        # Something matters: the indices of the most important factor are clearly above 0.
        assert part["ST"].iloc[0] > 0.1
    # The expected rank varies in every sample, so its indices are fractions of its variance; the
    # chance of the top 10 is near 0 in most samples here (illustrative data far from the top
    # 10), and its indices at 16 samples are too noisy to bound (docs/sensitivity.md).
    rank = result.frame("expected_rank")
    assert rank["ST"].between(-0.5, 1.5).all() and rank["S1"].between(-0.5, 1.5).all()
    assert rank["factor"].iloc[0] == "untracked"
    # Saltelli without second order: N (G + 2) for G = 5 groups; then the swings and the baseline.
    assert result.evaluations == 16 * 7 + 2 * 4 + 2 * 8 + 1
    assert result.samples == 16 and result.draws == 200


def test_swings_go_the_way_the_assumptions_push(result: dtiplan.SensitivityResult) -> None:
    p = result.frame("prob_top").set_index("factor")
    rank = result.frame("expected_rank").set_index("factor")
    # Faster peers: a lower chance of the top 10 and a worse (larger) expected rank.
    assert p.loc["growth_mean", "high"] < p.loc["growth_mean", "low"]
    assert rank.loc["growth_mean", "high"] > rank.loc["growth_mean", "low"]
    # More points on the untracked components: a better chance and a better rank.
    assert p.loc["untracked", "high"] > p.loc["untracked", "low"]
    assert rank.loc["untracked", "high"] < rank.loc["untracked", "low"]
    base = result.baseline["prob_top"]
    assert p.loc["untracked", "low"] <= base <= p.loc["untracked", "high"]


def test_the_baseline_is_the_pipelines(result: dtiplan.SensitivityResult) -> None:
    outlook = dtiplan.rank_outlook(as_of=AS_OF, evaluation=TO, projection_draws=200, improve=False)
    assert result.baseline["prob_top"] == pytest.approx(outlook.distribution.prob_top(10), abs=1e-9)
    assert result.baseline["expected_rank"] == pytest.approx(
        outlook.distribution.expected, abs=1e-9
    )


def test_labels_repr_and_tornado(result: dtiplan.SensitivityResult) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    assert result.illustrative
    assert result.labels[0] == "Số liệu minh họa (không phải số liệu chính thức)"
    assert len(repr(result)) < 300 and repr(result).endswith("illustrative)")
    assert "Số liệu minh họa" in result._repr_html_()
    try:
        ax = dtiplan.plot_tornado(result, "prob_top")
        assert len(ax.patches) == 5
        assert "Giả định nào quan trọng?" in ax.get_title()
        assert "số liệu minh họa" in ax.get_title()
        from dtiplan.report._format import short_name

        # The factor with the largest total index is the top bar.
        labels = [t.get_text() for t in ax.get_yticklabels()]
        assert labels[-1] == short_name(result.frame("prob_top")["label"].iloc[0], 45)
    finally:
        plt.close("all")


def test_bad_sample_sizes_are_refused() -> None:
    with pytest.raises(ValueError, match="samples: expected a power of 2"):
        dtiplan.sensitivity(as_of=AS_OF, evaluation=TO, samples=100)
