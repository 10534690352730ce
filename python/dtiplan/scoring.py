"""DTI scoring, attainment of the plan's targets and the units' ranking board, with DataFrames.

Points come from a :class:`Framework` (the evaluator's rules), attainment from the
:class:`Plan`'s targets; the two are computed and shown side by side, never mixed
(docs/scoring.md). The computations are the C++ ones; this module only adapts inputs
(mappings, pandas Series, numpy arrays) and builds frames.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable, Mapping, Sequence

import numpy as np
import pandas as pd

from . import _core
from ._core import (
    Attainment,
    Framework,
    ObservationLog,
    Plan,
    ReportingCalendar,
    ScoreCard,
    UnitScorecard,
)

__all__ = [
    "attainment_frame",
    "competition_rank",
    "coverage_frame",
    "indicator_values",
    "main_indices_frame",
    "score_frame",
    "score_log",
    "scorecards_frame",
    "unit_scorecards",
]


def competition_rank(
    values: Iterable[float] | np.ndarray, decimals: int | None = None
) -> list[int]:
    """Competition ranks, highest first, ties sharing a rank and the next rank skipping:
    ``competition_rank([0.9, 0.8, 0.8, 0.7]) == [1, 2, 2, 4]``. With ``decimals``, values equal
    after rounding to that many places tie (the DTI ranks its published 4-decimal values); NaN
    ranks last. Accepts a list, a pandas Series or a numpy array."""
    array = np.asarray(list(values) if not isinstance(values, np.ndarray) else values, dtype=float)
    return list(
        _core.competition_rank(array.ravel().tolist(), -1 if decimals is None else decimals)
    )


def indicator_values(plan: Plan, log: ObservationLog, as_of: _dt.date) -> dict[str, float]:
    """The latest value of each plan indicator known on ``as_of`` as a fraction of full
    attainment (a count divided by its total), clamped to 0..1: the input of scoring, as the
    units' board computes it. Indicators without a value are left out."""
    return dict(_core.indicator_values(plan, log, as_of))


def score_log(
    framework: Framework,
    plan: Plan,
    log: ObservationLog,
    as_of: _dt.date,
    best: Mapping[str, float] | None = None,
) -> ScoreCard:
    """Score the latest values known on ``as_of`` (:func:`indicator_values`) through a
    framework, with the plan's targets in force in ``as_of``'s year for Target rules. A
    component no plan indicator measures, or without a value, scores 0: the DTI is then a lower
    bound (see :func:`coverage_frame`)."""
    return _core.score_log(framework, plan, log, as_of, best=dict(best or {}))


# --- DataFrames -------------------------------------------------------------------------------


def score_frame(framework: Framework, card: ScoreCard) -> pd.DataFrame:
    """One row per component, in framework order: ``main``, ``main_name``, ``component``,
    ``name``, ``rule``, ``indicators`` (plan indicator ids joined by "; "), ``assumed``,
    ``value`` (NaN when none), ``points`` and ``max``."""
    scores = {c.component: c for c in card.components}
    rows = []
    for main in framework.main_indicators:
        for comp in main.components:
            s = scores.get(comp.id)
            rows.append(
                {
                    "main": main.id,
                    "main_name": main.name,
                    "component": comp.id,
                    "name": comp.name,
                    "rule": comp.rule.kind.spelling,
                    "indicators": "; ".join(comp.indicators),
                    "assumed": comp.assumed,
                    "value": np.nan if s is None or s.value is None else s.value,
                    "points": 0.0 if s is None else s.points,
                    "max": comp.max_points,
                }
            )
    columns = ["main", "main_name", "component", "name", "rule", "indicators", "assumed"]
    frame = pd.DataFrame(rows, columns=[*columns, "value", "points", "max"])
    return frame.astype(
        {"assumed": "bool", "value": "float64", "points": "float64", "max": "float64"}
    )


def main_indices_frame(framework: Framework, card: ScoreCard) -> pd.DataFrame:
    """One row per main indicator, in framework order: ``main``, ``name``, ``name_en``,
    ``points``, ``max`` and ``index`` (points / max, 0..1)."""
    scores = {m.id: m for m in card.mains}
    rows = []
    for main in framework.main_indicators:
        s = scores.get(main.id)
        points = 0.0 if s is None else s.points
        rows.append(
            {
                "main": main.id,
                "name": main.name,
                "name_en": main.name_en,
                "points": points,
                "max": main.max_points,
                "index": points / main.max_points if main.max_points > 0 else 0.0,
            }
        )
    frame = pd.DataFrame(rows, columns=["main", "name", "name_en", "points", "max", "index"])
    return frame.astype({"points": "float64", "max": "float64", "index": "float64"})


def attainment_frame(plan: Plan, log: ObservationLog, as_of: _dt.date) -> pd.DataFrame:
    """One row per plan indicator, in plan order, on ``as_of``: ``indicator``, ``name``,
    ``kind``, ``target`` (the text of the target in force, as written), ``target_reading``
    (its short reading, "Trên 80%"), ``target_year``, ``target_fraction``,
    ``target_conflict``, ``value`` (latest, in the indicator's scale), ``fraction`` (as a
    fraction of full attainment), ``period``, ``met`` (nullable boolean: <NA> without a value
    or a target) and ``gap`` (target minus value in fractions; NaN when unknown)."""
    rows = []
    indicators = {ind.id: ind for ind in plan.indicators}
    attainments: list[Attainment] = _core.attainment(plan, log, as_of)
    for a in attainments:
        ind = indicators[a.indicator]
        t = a.target
        latest = log.latest(a.indicator, as_of)
        fraction = _core.as_fraction(latest.value, ind, t) if latest is not None else np.nan
        rows.append(
            {
                "indicator": a.indicator,
                "name": ind.name,
                "kind": ind.kind.spelling,
                "target": None if t is None else t.text,
                "target_reading": None if t is None else _core.format_target(t.parsed),
                "target_year": None if t is None else t.year,
                "target_fraction": np.nan if t is None else t.parsed.as_fraction(),
                "target_conflict": a.target_conflict,
                "value": np.nan if a.value is None else a.value,
                "fraction": fraction,
                "period": None if a.period is None else str(a.period),
                "met": pd.NA if a.met is None else a.met,
                "gap": np.nan if a.gap is None else a.gap,
            }
        )
    columns = [
        "indicator",
        "name",
        "kind",
        "target",
        "target_reading",
        "target_year",
        "target_fraction",
        "target_conflict",
        "value",
        "fraction",
        "period",
        "met",
        "gap",
    ]
    frame = pd.DataFrame(rows, columns=columns)
    return frame.astype(
        {
            "target_year": "Int64",
            "target_fraction": "float64",
            "target_conflict": "bool",
            "value": "float64",
            "fraction": "float64",
            "met": "boolean",
            "gap": "float64",
        }
    )


def unit_scorecards(
    plan: Plan,
    framework: Framework,
    log: ObservationLog,
    calendar: ReportingCalendar | None = None,
    as_of: _dt.date | None = None,
) -> list[UnitScorecard]:
    """The ranking board: one :class:`UnitScorecard` per unit with a monthly reporting duty,
    ordered by rank (ties in plan order). ``calendar`` defaults to the plan's calendar with no
    deadline shift, ``as_of`` to today."""
    calendar = calendar if calendar is not None else ReportingCalendar(plan)
    as_of = as_of if as_of is not None else _dt.date.today()
    return _core.unit_scorecards(plan, framework, log, calendar, as_of)


def scorecards_frame(cards: Sequence[UnitScorecard], plan: Plan | None = None) -> pd.DataFrame:
    """The ranking board as a DataFrame, one row per card in the given order: ``rank``,
    ``unit``, ``unit_name`` (short name when ``plan`` is given), ``indicators``,
    ``with_value``, ``met``, ``reports_due``, ``reports_on_time``, ``on_time_rate``,
    ``points``, ``max_points`` and ``score``."""
    from .track import _unit_name

    rows = [{**c.to_dict(), "unit_name": _unit_name(plan, c.unit)} for c in cards]
    ints = ["rank", "indicators", "with_value", "met", "reports_due", "reports_on_time"]
    columns = ["rank", "unit", "unit_name", *ints[1:], "on_time_rate", "points", "max_points"]
    frame = pd.DataFrame(rows, columns=[*columns, "score"])
    return frame.astype({c: "int64" for c in ints})


def coverage_frame(framework: Framework, plan: Plan) -> pd.DataFrame:
    """What the plan can score: one row per framework component, in framework order, with
    ``main``, ``main_name``, ``component``, ``name``, ``max_points``, ``indicators`` (the
    component's plan indicators that the plan has, joined by "; "), ``unknown`` (those it does
    not have), ``tracked`` (at least one in the plan) and ``assumed``."""
    known = {ind.id for ind in plan.indicators}
    rows = []
    for main in framework.main_indicators:
        for comp in main.components:
            present = [i for i in comp.indicators if i in known]
            rows.append(
                {
                    "main": main.id,
                    "main_name": main.name,
                    "component": comp.id,
                    "name": comp.name,
                    "max_points": comp.max_points,
                    "indicators": "; ".join(present),
                    "unknown": "; ".join(i for i in comp.indicators if i not in known),
                    "tracked": bool(present),
                    "assumed": comp.assumed,
                }
            )
    columns = ["main", "main_name", "component", "name", "max_points", "indicators", "unknown"]
    frame = pd.DataFrame(rows, columns=[*columns, "tracked", "assumed"])
    return frame.astype({"max_points": "float64", "tracked": "bool", "assumed": "bool"})
