"""In a terminal and in Jupyter the main objects describe themselves in a line: every repr is a
few hundred characters at most (the outlook's ran to 347,162 with all its draws, the peers' to
104,398), and each has a short HTML summary carrying the illustrative label (Số liệu minh họa)."""

from __future__ import annotations

import pytest

import dtiplan

LABEL = "Số liệu minh họa"


@pytest.fixture(scope="module")
def outlook() -> dtiplan.RankOutlook:
    return dtiplan.rank_outlook(as_of="2026-11-20", evaluation="2026-12-31", projection_draws=500)


def test_every_main_object_has_a_short_repr(outlook: dtiplan.RankOutlook) -> None:
    plan = dtiplan.builtin_plan()
    objects = {
        "plan": plan,
        "indicator": plan.find_indicator("I.03"),
        "framework": dtiplan.builtin_framework(),
        "peers": dtiplan.example_peers(),
        "log": dtiplan.example_observations(plan),
        "outlook": outlook,
        "outlook.core": outlook.core,
        "projection": outlook.projection,
        "projection.core": outlook.projection.core,
        "distribution": outlook.distribution,
        "improvements": outlook.improvements,
        "fill": outlook.fill,
        "own": outlook.own,
    }
    for name, value in objects.items():
        text = repr(value)
        assert len(text) <= 500, (name, len(text), text[:200])
        assert "\n" not in text, name
    assert repr(outlook).startswith("RankOutlook(Xã Đại Phước, evaluation=2026-12-31, units=95")
    assert repr(outlook).endswith("illustrative)")
    assert repr(dtiplan.example_peers()) == "PeerTable(94 results of 94 units, 2025, illustrative)"
    # Counted, not listed: five results are five.
    assert repr(dtiplan.PeerTable(results=list(dtiplan.example_peers().results)[:5])).startswith(
        "PeerTable(5 results of 5 units"
    )


def test_the_main_objects_show_as_html_in_a_notebook(outlook: dtiplan.RankOutlook) -> None:
    plan = dtiplan.builtin_plan()
    plan_html = plan._repr_html_()
    assert "<table>" in plan_html and "10 đơn vị cấp xã/phường" in plan_html
    indicator_html = plan.find_indicator("I.03")._repr_html_()
    assert "Trên 80%" in indicator_html and "I.03" in indicator_html
    for value in (outlook, outlook.projection, outlook.distribution):
        html = value._repr_html_()
        assert LABEL.lower() in html.lower(), type(value).__name__
        assert len(html) < 20_000
    assert "P(top 10)" in outlook._repr_html_()
    assert "<table" in outlook.improvements._repr_html_()


def test_max_points_is_a_property_on_framework_and_component_alike() -> None:
    framework = dtiplan.builtin_framework()
    assert framework.max_points == 1000
    main = framework.main_indicators[0]
    assert main.max_points == sum(c.max_points for c in main.components)
    assert sum(m.max_points for m in framework.main_indicators) == framework.max_points


def test_observation_periods_plot_and_fit_as_dates() -> None:
    frame = dtiplan.observations_frame(dtiplan.example_observations(), effective_only=True)
    assert frame["period"].dtype.kind == "M"
    i03 = frame[frame["indicator"] == "I.03"].sort_values("period")
    # Days since the first period: a numeric x a line can be fitted on directly.
    days = (i03["period"] - i03["period"].iloc[0]).dt.days
    assert days.is_monotonic_increasing and days.iloc[0] == 0
    assert (i03["period"].dt.is_month_end).all()
    assert i03["period_label"].iloc[0].startswith("20")
