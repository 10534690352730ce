"""Scoring: rule points, score cards and frames, attainment, ranks and the units' board."""

from __future__ import annotations

import datetime as dt
import math

import numpy as np
import pandas as pd
import pytest

import dtiplan
from dtiplan import RuleKind, ScoringRule, Step

AS_OF = dt.date(2026, 11, 28)


@pytest.fixture
def framework() -> dtiplan.Framework:
    return dtiplan.builtin_framework()


@pytest.fixture(scope="module")
def log() -> dtiplan.ObservationLog:
    return dtiplan.example_observations()


def test_competition_rank() -> None:
    assert dtiplan.competition_rank([0.9, 0.8, 0.8, 0.7]) == [1, 2, 2, 4]
    assert dtiplan.competition_rank(np.array([0.7, 0.9, 0.8])) == [3, 1, 2]
    assert dtiplan.competition_rank(pd.Series([0.5, 0.5])) == [1, 1]
    assert dtiplan.competition_rank([0.80021, 0.80024, 0.7], decimals=4) == [1, 1, 3]
    assert dtiplan.competition_rank([0.80021, 0.80024, 0.7]) == [2, 1, 3]
    assert dtiplan.competition_rank([math.nan, 0.5, math.nan, 0.7]) == [3, 2, 3, 1]
    assert dtiplan.competition_rank([]) == []


def test_round_to() -> None:
    assert dtiplan.round_to(0.80025, 4) == 0.8003
    assert dtiplan.round_to(-0.80025, 4) == -0.8003
    assert dtiplan.round_to(0.800175, 4) == 0.8002


def test_rule_points() -> None:
    proportional = ScoringRule(kind=RuleKind.Proportional)
    assert dtiplan.rule_points(proportional, 0.85, 20) == pytest.approx(17)
    assert dtiplan.rule_points(proportional, 1.2, 20) == 20
    meetings = ScoringRule(
        kind=RuleKind.Steps,
        steps=[Step(1.0, 20), Step(0.75, 15), Step(0.5, 10), Step(0.25, 5)],
    )
    assert dtiplan.rule_points(meetings, 3 / 4, 20) == 15
    assert dtiplan.rule_points(meetings, 0.9, 20) == 15
    best = ScoringRule(kind=RuleKind.RelativeToBest)
    assert dtiplan.rule_points(best, 0.12, 25, best=0.20) == pytest.approx(15)
    target = ScoringRule(kind=RuleKind.Target)
    above_80 = dtiplan.parse_target("Trên 80%")
    assert dtiplan.rule_points(target, 0.81, 40, target=above_80) == 40
    assert dtiplan.rule_points(target, 0.80, 40, target=above_80) < 40  # unmet never earns max


def test_score_values(framework: dtiplan.Framework, plan: dtiplan.Plan) -> None:
    card = dtiplan.score(framework, {"I.03": 0.85, "III.1.02": 0.65}, plan=plan, year=2026)
    assert card.max_points == 1000
    cqs04 = next(c for c in card.components if c.component == "CQS.04")
    assert cqs04.value == pytest.approx(0.75)  # the mean of its two indicators
    assert cqs04.main == "CQS"
    assert card.points == pytest.approx(cqs04.points)
    assert card.dti() == pytest.approx(card.points / 1000)
    main = next(m for m in card.mains if m.id == "CQS")
    assert main.index() == pytest.approx(main.points / 200)
    with pytest.raises(dtiplan.ValidationError, match=r"I\.03"):
        dtiplan.score(framework, {"I.03": 1.5})


def test_score_frames(framework: dtiplan.Framework, plan: dtiplan.Plan, log: dtiplan.ObservationLog) -> None:
    card = dtiplan.score_log(framework, plan, log, AS_OF)
    frame = dtiplan.score_frame(framework, card)
    assert list(frame.columns) == [
        "main",
        "main_name",
        "component",
        "name",
        "rule",
        "indicators",
        "assumed",
        "value",
        "points",
        "max",
    ]
    assert len(frame) == 47
    assert frame.points.sum() == pytest.approx(card.points)
    assert frame[frame.main == "NTS"].points.sum() == 0  # untracked: scores nothing
    assert frame[frame.main == "NTS"].value.isna().all()
    mains = dtiplan.main_indices_frame(framework, card)
    assert mains.main.tolist() == ["NTS", "TCS", "HTS", "NLS", "ATTT", "CQS", "KTS", "XHS"]
    assert mains.loc[0, "name"] == "Nhận thức số"
    assert (mains["index"] == mains.points / mains["max"]).all()
    assert (mains.points * 1).sum() == pytest.approx(card.points)
    assert 0 < card.dti() < 1


def test_indicator_values_are_fractions(plan: dtiplan.Plan, log: dtiplan.ObservationLog) -> None:
    values = dtiplan.indicator_values(plan, log, AS_OF)
    assert all(0 <= v <= 1 for v in values.values())
    ii02 = log.latest("II.02", AS_OF)
    assert values["II.02"] == pytest.approx(ii02.value.value / 9)  # a count of 9 platforms
    assert dtiplan.indicator_values(plan, log, dt.date(2025, 12, 31)) == {}


def test_attainment(plan: dtiplan.Plan) -> None:
    log = dtiplan.ObservationLog(
        [
            dtiplan.Observation(
                indicator="I.03",
                period="2026-03",
                value=dtiplan.ObservedValue(0.80),
                submitted="2026-03-15",
            ),
            dtiplan.Observation(
                indicator="II.02",
                period="2026-03",
                value=dtiplan.ObservedValue(8, 8, 9),
                submitted="2026-03-15",
            ),
        ]
    )
    rows = {a.indicator: a for a in dtiplan.attainment(plan, log, dt.date(2026, 3, 31))}
    i03 = rows["I.03"]
    assert i03.target.text == "Trên 80%"
    assert (i03.met, i03.gap) == (False, pytest.approx(0.0))  # "Trên 80%" needs more than 80%
    assert i03.period == dtiplan.Period("2026-03")
    assert rows["II.02"].gap == pytest.approx(1 / 9)
    assert rows["II.12"].target_conflict  # "Trên 30%" (appendix) against "50%" (III.3.c)
    assert rows["I.01"].value is None and rows["I.01"].met is None
    frame = dtiplan.attainment_frame(plan, log, dt.date(2026, 3, 31))
    assert len(frame) == len(plan.indicators)
    row = frame.set_index("indicator").loc["I.03"]
    assert row.target_reading == "Trên 80%"
    assert row.met is False or row.met == False  # noqa: E712 (nullable boolean)
    assert frame.set_index("indicator").loc["II.02"].fraction == pytest.approx(8 / 9)
    assert pd.isna(frame.set_index("indicator").loc["I.01"].met)
    target, conflict = dtiplan.target_in_force(plan.find_indicator("II.12"), plan, 2026)
    assert conflict and target.parsed.value == pytest.approx(0.3)


def test_unit_scorecards(framework: dtiplan.Framework, plan: dtiplan.Plan, log: dtiplan.ObservationLog) -> None:
    cal = dtiplan.ReportingCalendar(plan)
    cards = dtiplan.unit_scorecards(plan, framework, log, cal, AS_OF)
    assert cards == dtiplan.unit_scorecards(plan, framework, log, as_of=AS_OF)
    ranks = [c.rank for c in cards]
    assert ranks == sorted(ranks) and ranks[0] == 1
    assert ranks == dtiplan.competition_rank([dtiplan.round_to(c.score, 4) for c in cards])
    for c in cards:
        assert 0 <= c.met <= c.with_value <= c.indicators
        assert 0 <= c.reports_on_time <= c.reports_due
        assert c.score == pytest.approx(0.5 * c.met / c.indicators + 0.5 * c.on_time_rate)
    frame = dtiplan.scorecards_frame(cards, plan)
    assert frame["rank"].tolist() == ranks
    assert "Phòng VH-XH" in frame.unit_name.tolist()
    assert frame.columns[0] == "rank"


def test_ties_share_a_rank(framework: dtiplan.Framework, plan: dtiplan.Plan) -> None:
    # Before the first deadline nothing is due and nothing has a value: every unit ties at 0.
    cards = dtiplan.unit_scorecards(plan, framework, dtiplan.ObservationLog(), as_of=dt.date(2026, 1, 5))
    assert {c.rank for c in cards} == {1}
    assert all(c.score == 0 for c in cards)
