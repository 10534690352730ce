"""Where will the commune rank? The rank engine from Python (docs/rank.md).

The plan's one overall goal is the top 10 of the province's 95 commune-level units. This module
answers the questions it raises, on top of the compiled rank engine:

- :func:`rank_distribution`: P(rank = r) for the own commune against its peers, by the exact
  method or by Monte Carlo, as a :class:`RankResult` (``pmf``, ``prob_top(k)``, ``expected``,
  ``quantile(q)``, ``frame()``);
- :func:`simulate_ranks`: everyone's rank at once, at component level (a province or the
  country), multi-threaded, without the GIL, with a progress callback;
- :func:`points_needed`: the DTI and points needed for the top k with probability p;
- :func:`rank_outlook` and :func:`plan_improvements`: the whole chain for a plan, from its
  observations to the projected rank, the points needed and the cheapest improvements, each
  action with the lead unit that must act.

Peers are other communes' published results (:func:`load_peers`: a CSV file, a DataFrame or a
:class:`PeerTable`). None are published for Đồng Nai's communes yet, so the default is the
illustrative peer table shipped with dtiplan (:func:`example_peers`: a seeded synthetic province,
not real results); every result made from it says so.
"""

from __future__ import annotations

import datetime as _dt
import math
import os
import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO, Union

import numpy as np
import pandas as pd

from . import _core
from ._core import (
    Framework,
    GrowthModel,
    ImprovementOption,
    ImprovementPlan,
    OwnScore,
    PeerForecast,
    PeerTable,
    Plan,
)
from .projection import DEFAULT_SEED

__all__ = [
    "DEFAULT_EVALUATION",
    "DEFAULT_GROWTH",
    "EXAMPLE_PEERS_FILE",
    "PEERS_ILLUSTRATIVE_LABEL",
    "Improvements",
    "RankOutlook",
    "RankResult",
    "SimulationResult",
    "actions_frame",
    "commune_name",
    "component_targets",
    "everyone_model",
    "example_peers",
    "growth_model",
    "load_peers",
    "own_score",
    "peer_forecasts",
    "peers_frame",
    "plan_improvements",
    "points_needed",
    "prob_top_curve",
    "progress_bar",
    "rank_distribution",
    "rank_everyone",
    "rank_outlook",
    "simulate_ranks",
    "untracked_assumption",
]

PathLike = Union[str, "os.PathLike[str]"]

#: The illustrative peer table embedded in the library (scripts/make_example_peers.py).
EXAMPLE_PEERS_FILE: str = _core.EXAMPLE_PEERS_FILE

#: What every output using illustrative peers says, by language.
PEERS_ILLUSTRATIVE_LABEL = {
    "vi": "Đơn vị so sánh: số liệu minh họa (tỉnh minh họa, không phải kết quả DTI thật)",
    "en": "Peers: illustrative data (a synthetic province, not real DTI results)",
}

#: The evaluation date of the functions that take peers without a plan: the last day of 2026,
#: the built-in plan's first milestone (with a plan, :func:`dtiplan.default_evaluation` applies).
DEFAULT_EVALUATION = _dt.date(2026, 12, 31)

#: The peers' yearly change assumed when none is given: the C++ GrowthModel's default, +0.02 a
#: year (20 points of 1,000), each peer's own rate uncertain by 0.02, and a province-wide shift of
#: 0.01 shared by all. An assumption, not a published figure (docs/rank.md §12): estimate it from
#: two or more years of results where they exist.
DEFAULT_GROWTH = GrowthModel()


OwnLike = Union[float, Sequence[float], np.ndarray, OwnScore, Any]
PeersLike = Union[PeerTable, PathLike, pd.DataFrame, Sequence[PeerForecast]]


# --- Peers ------------------------------------------------------------------------------------


def example_peers_csv() -> str:
    """The CSV text of the illustrative peer table (94 invented communes, 2025)."""
    return _core.example_peers_csv()


def example_peers(framework: Framework | None = None) -> PeerTable:
    """The illustrative peers: 94 communes of a synthetic Đồng Nai-sized province with their 2025
    DTI and main indices (seeded, scripts/make_example_peers.py). Not real results: every
    result is marked ``illustrative``; label every output (:data:`PEERS_ILLUSTRATIVE_LABEL`)."""
    framework = framework if framework is not None else _core.builtin_framework()
    return _core.example_peers(framework)


def load_peers(
    source: PeerTable | PathLike | pd.DataFrame, framework: Framework | None = None
) -> PeerTable:
    """A peer table from a CSV file, an Excel workbook (``.xlsx``: the first sheet, header in
    row 1), a DataFrame (columns unit, year, dti, optionally illustrative and main indicator or
    component ids) or a :class:`PeerTable` (validated). Errors name the file (or the DataFrame's
    index label), the row and the column (docs/rank.md §1)."""
    from .track import _DATAFRAME_ORIGIN, _frame_to_csv, _relocate, excel_csv, is_excel

    framework = framework if framework is not None else _core.builtin_framework()
    if isinstance(source, PeerTable):
        _core.validate_peer_table(source, framework)
        return source
    if isinstance(source, pd.DataFrame):
        text, labels = _frame_to_csv(source)
        try:
            return _core.peers_from_csv(text, _DATAFRAME_ORIGIN, framework)
        except _core.Error as error:
            raise _relocate(error, labels) from None
    if is_excel(source):
        return _core.peers_from_csv(excel_csv(source), Path(source).name, framework)
    return _core.load_peers(Path(source), framework)


def peers_frame(table: PeerTable) -> pd.DataFrame:
    """One row per result: unit, year, dti, illustrative, then each main index published."""
    mains = sorted({k for r in table.results for k in r.main_indices})
    rows = []
    for r in table.results:
        row: dict[str, Any] = {
            "unit": r.unit,
            "year": r.year,
            "dti": r.dti,
            "illustrative": r.illustrative,
        }
        for k in mains:
            row[k] = r.main_indices.get(k, math.nan)
        rows.append(row)
    return pd.DataFrame(rows, columns=["unit", "year", "dti", "illustrative", *mains])


def growth_model(growth: GrowthModel | Mapping[str, Any] | None = None) -> GrowthModel:
    """A :class:`GrowthModel` from one, from a mapping of its fields (the others at their
    defaults), or the default (:data:`DEFAULT_GROWTH`)."""
    if growth is None:
        return GrowthModel()
    if isinstance(growth, GrowthModel):
        return growth
    return GrowthModel(**dict(growth))


def _to_date(when: Any) -> _dt.date:
    from .projection import _to_date as to_date

    return to_date(when)


def peer_forecasts(
    peers: PeersLike,
    growth: GrowthModel | Mapping[str, Any] | str | None = None,
    evaluation: Any = DEFAULT_EVALUATION,
    exclude_unit: str = "",
    framework: Framework | None = None,
) -> list[PeerForecast]:
    """Each peer's DTI at the evaluation date (docs/rank.md §2): its latest result whose year
    has ended, grown by ``growth`` (default :data:`DEFAULT_GROWTH`; "estimate": estimated from
    the table's own history, :func:`dtiplan.estimate_growth`). A list of
    :class:`PeerForecast` is returned as it is (checked)."""
    if isinstance(peers, (list, tuple)) and all(isinstance(p, PeerForecast) for p in peers):
        forecasts = list(peers)
        _core.validate_peer_forecasts(forecasts)
        return forecasts
    table = load_peers(peers, framework)  # type: ignore[arg-type]
    when = _to_date(evaluation)
    if isinstance(growth, str):
        if growth != "estimate":
            raise ValueError(f'growth: expected a GrowthModel, a mapping or "estimate", found "{growth}"')
        model = _core.estimate_growth(table, when.year).model
    else:
        model = growth_model(growth)
    return _core.evolve_peers(table, model, when, exclude_unit)


# --- The own score ----------------------------------------------------------------------------


def own_score(own: OwnLike) -> OwnScore:
    """An :class:`OwnScore` from: a number (a sure DTI), a ``(mean, sd)`` pair, samples (a numpy
    array or a list of more than two numbers), a :class:`dtiplan.Projection` or
    :class:`dtiplan.DtiProjection` (its DTI samples), or an OwnScore."""
    from .projection import Projection

    if isinstance(own, OwnScore):
        return own
    if isinstance(own, Projection):
        own = own.core
    if isinstance(own, _core.DtiProjection):
        return OwnScore.from_samples(list(map(float, own.samples)))
    if isinstance(own, (int, float, np.floating, np.integer)) and not isinstance(own, bool):
        return OwnScore.normal(float(own), 0.0)
    if isinstance(own, tuple) and len(own) == 2:
        return OwnScore.normal(float(own[0]), float(own[1]))
    samples = np.asarray(own, dtype=float).ravel()
    if samples.size == 0:
        raise ValueError("own score: no samples")
    return OwnScore.from_samples(samples.tolist())


# --- One unit's rank distribution -------------------------------------------------------------


class RankResult:
    """The rank distribution of one unit: ``pmf[r - 1] = P(rank = r)``, with ``prob_top(k)``,
    ``expected``, ``sd``, ``quantile(q)`` and, for Monte Carlo, standard errors. ``core`` is the
    C++ :class:`dtiplan.RankDistribution`; ``illustrative`` is True when the peers (or the own
    score) were illustrative."""

    def __init__(self, core: _core.RankDistribution, illustrative: bool = False) -> None:
        self.core = core
        self.illustrative = illustrative
        self.pmf = np.asarray(core.pmf, dtype=float)
        self.pmf.setflags(write=False)

    @property
    def method(self) -> str:
        """"exact" or "montecarlo"."""
        return "exact" if self.core.method == _core.RankMethod.Exact else "montecarlo"

    @property
    def units(self) -> int:
        """The number of units ranked (peers + 1)."""
        return int(self.core.units)

    @property
    def draws(self) -> int:
        """Monte Carlo draws (0 for the exact method)."""
        return int(self.core.draws)

    @property
    def expected(self) -> float:
        """The expected rank."""
        return float(self.core.expected())

    @property
    def sd(self) -> float:
        """The standard deviation of the rank."""
        return float(self.core.sd())

    def prob(self, rank: int) -> float:
        """P(rank = r)."""
        return float(self.core.prob(int(rank)))

    def prob_top(self, k: int) -> float:
        """P(rank <= k)."""
        return float(self.core.prob_top(int(k)))

    def quantile(self, q: float) -> int:
        """The least rank r with P(rank <= r) >= q (q in (0, 1])."""
        return int(self.core.quantile(float(q)))

    def prob_top_standard_error(self, k: int) -> float:
        """The Monte Carlo standard error of P(rank <= k) (0 for the exact method)."""
        return float(self.core.prob_top_standard_error(int(k)))

    @property
    def expected_standard_error(self) -> float:
        """The Monte Carlo standard error of the expected rank (0 for the exact method)."""
        return float(self.core.expected_standard_error())

    def frame(self) -> pd.DataFrame:
        """One row per rank: rank, probability, cumulative P(rank <= r), standard error."""
        ranks = np.arange(1, self.units + 1)
        return pd.DataFrame(
            {
                "rank": ranks,
                "probability": self.pmf,
                "cumulative": np.minimum(1.0, np.cumsum(self.pmf)),
                "standard_error": [self.core.standard_error(int(r)) for r in ranks],
            }
        )

    def __repr__(self) -> str:
        tag = ", illustrative" if self.illustrative else ""
        return (
            f"RankResult({self.method}, units={self.units}, expected={self.expected:.2f}, "
            f"median={self.quantile(0.5)}, P(top 10)={self.prob_top(10):.4f}{tag})"
        )


def _peers_illustrative(peers: PeersLike, forecasts: Sequence[PeerForecast]) -> bool:
    if isinstance(peers, PeerTable):
        return peers.illustrative
    return any(f.illustrative for f in forecasts)


def rank_distribution(
    own: OwnLike,
    peers: PeersLike,
    *,
    growth: GrowthModel | Mapping[str, Any] | None = None,
    evaluation: Any = DEFAULT_EVALUATION,
    exclude_unit: str = "",
    method: str = "exact",
    draws: int = 100_000,
    seed: int = DEFAULT_SEED,
    threads: int = 0,
    decimals: int = 4,
) -> RankResult:
    """The own commune's rank among its peers at the evaluation date (docs/rank.md §3-5).

    ``own``: a sure DTI, ``(mean, sd)``, samples, or a projection (:func:`own_score`).
    ``peers``: a peer table (file, DataFrame, :class:`PeerTable`), grown to ``evaluation`` by
    ``growth`` (:func:`peer_forecasts`), or a list of :class:`PeerForecast`. ``method``:
    "exact" (Poisson-binomial count with quadrature) or "montecarlo" (``draws`` draws from
    ``seed``, the same for any ``threads``). Ties: values equal to ``decimals`` places share a
    rank, as the DTI ranks its 4-decimal values."""
    score = own_score(own)
    forecasts = peer_forecasts(peers, growth, evaluation, exclude_unit)
    if _rank_method(method) == _core.RankMethod.Exact:
        core = _core.rank_distribution_exact(score, forecasts, _core.ExactOptions(decimals=decimals))
    else:
        options = _core.MonteCarloOptions(
            decimals=decimals, draws=int(draws), seed=int(seed), threads=int(threads)
        )
        core = _core.rank_distribution_montecarlo(score, forecasts, options)
    return RankResult(core, _peers_illustrative(peers, forecasts))


def _rank_method(method: str) -> _core.RankMethod:
    if method == "exact":
        return _core.RankMethod.Exact
    if method in ("montecarlo", "monte-carlo"):
        return _core.RankMethod.MonteCarlo
    raise ValueError(f'method: expected "exact" or "montecarlo", found "{method}"')


def prob_top_curve(
    peers: PeersLike,
    dti: Sequence[float] | np.ndarray | None = None,
    *,
    top: int = 10,
    sd: float = 0.0,
    growth: GrowthModel | Mapping[str, Any] | None = None,
    evaluation: Any = DEFAULT_EVALUATION,
    exclude_unit: str = "",
) -> pd.DataFrame:
    """P(rank <= top) against the DTI reached (exact method): one row per DTI value (default
    0.40 to 1.00 by 0.005), with the own score a sure value (``sd`` 0) or a normal of spread
    ``sd``. Columns dti, points (of 1,000), prob_top, expected_rank."""
    forecasts = peer_forecasts(peers, growth, evaluation, exclude_unit)
    grid = np.round(np.arange(0.40, 1.0 + 1e-9, 0.005), 4) if dti is None else np.asarray(dti)
    rows = []
    for d in grid:
        dist = _core.rank_distribution_exact(OwnScore.normal(float(d), float(sd)), forecasts)
        rows.append((float(d), 1000.0 * float(d), dist.prob_top(top), dist.expected()))
    return pd.DataFrame(rows, columns=["dti", "points", "prob_top", "expected_rank"])


def points_needed(
    own: OwnLike,
    peers: PeersLike,
    *,
    top: int = 10,
    probability: float = 0.5,
    keep_own_spread: bool = False,
    max_points: float = 1000.0,
    growth: GrowthModel | Mapping[str, Any] | None = None,
    evaluation: Any = DEFAULT_EVALUATION,
    exclude_unit: str = "",
) -> _core.PointsNeeded:
    """The least DTI (and points) at the evaluation date giving P(rank <= top) >= probability,
    and the gap from the projection (docs/rank.md §7). ``keep_own_spread``: move the whole
    projection instead of asking for a sure score."""
    options = _core.PointsNeededOptions(
        top=int(top), probability=float(probability), keep_own_spread=bool(keep_own_spread)
    )
    forecasts = peer_forecasts(peers, growth, evaluation, exclude_unit)
    return _core.points_needed(own_score(own), forecasts, float(max_points), options)


# --- Everyone at once -------------------------------------------------------------------------


class SimulationResult:
    """Every unit's simulated rank distribution: ``probabilities`` (N × N numpy array,
    ``[i, r - 1] = P(unit i has rank r)``), :meth:`frame` (one row per unit), :meth:`distribution`
    (one unit's :class:`RankResult`). ``core`` is the C++ :class:`dtiplan.RankSimulation`."""

    def __init__(self, core: _core.RankSimulation, description: str = "") -> None:
        self.core = core
        self.description = description
        self.units: list[str] = list(core.units)
        self.probabilities = np.asarray(core.probabilities)
        self.probabilities.setflags(write=False)

    @property
    def illustrative(self) -> bool:
        """True when the component model was illustrative (the synthetic province)."""
        return bool(self.core.illustrative)

    def _index(self, unit: int | str) -> int:
        if isinstance(unit, str):
            try:
                return self.units.index(unit)
            except ValueError:
                raise KeyError(unit) from None
        return int(unit)

    def distribution(self, unit: int | str) -> RankResult:
        """One unit's rank distribution, by index or name."""
        return RankResult(self.core.distribution(self._index(unit)), self.illustrative)

    def frame(self) -> pd.DataFrame:
        """One row per unit, by expected rank: unit, mean DTI, expected, median, p05 and p95 rank,
        P(rank <= top) and its standard error."""
        top = self.core.top
        rows = [
            {
                "unit": s.unit,
                "mean_dti": s.mean_dti,
                "sd_dti": s.sd_dti,
                "expected_rank": s.expected_rank,
                "median_rank": s.median_rank,
                "p05_rank": s.p05_rank,
                "p95_rank": s.p95_rank,
                f"prob_top{top}": s.prob_top,
                f"prob_top{top}_se": s.prob_top_standard_error,
            }
            for s in self.core.summaries
        ]
        frame = pd.DataFrame(rows)
        return frame.sort_values(["expected_rank", "unit"], kind="stable").reset_index(drop=True)

    def matrix_frame(self) -> pd.DataFrame:
        """The N × N matrix as a DataFrame: units as rows, ranks 1..N as columns."""
        return pd.DataFrame(
            self.probabilities, index=self.units, columns=range(1, len(self.units) + 1)
        )

    def __repr__(self) -> str:
        tag = ", illustrative" if self.illustrative else ""
        return f"SimulationResult(units={len(self.units)}, draws={self.core.draws}{tag})"


def progress_bar(stream: TextIO | None = None, width: int = 30) -> Callable[[int, int], bool]:
    """A text progress bar for :func:`simulate_ranks` (written to ``stream``, default stderr)."""
    out = stream if stream is not None else sys.stderr

    def report(done: int, total: int) -> bool:
        filled = int(width * done / total) if total else width
        out.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done:,}/{total:,}")
        if done >= total:
            out.write("\n")
        out.flush()
        return True

    return report


def simulate_ranks(
    model: _core.ComponentModel | _core.SyntheticProvince | None = None,
    framework: Framework | None = None,
    *,
    draws: int = 10_000,
    seed: int = DEFAULT_SEED,
    threads: int = 0,
    top: int = 10,
    decimals: int = 4,
    progress: Callable[[int, int], Any] | bool | None = None,
) -> SimulationResult:
    """Every unit's rank at once by Monte Carlo at component level (docs/rank.md §6).

    ``model``: a :class:`ComponentModel` (N units × K components, means and spreads) or a
    :class:`SyntheticProvince`; default: the illustrative synthetic province of 95 units for the
    framework. Runs on ``threads`` threads (0: all cores) without the GIL; draw i uses stream i
    of ``seed``, so the result is the same for any thread count. ``progress(done, total)`` is
    called about every 1% (True: a text bar on stderr); returning False cancels
    (:class:`dtiplan.SimulationCancelled`); Ctrl-C stops it."""
    framework = framework if framework is not None else _core.builtin_framework()
    description = ""
    if model is None:
        model = _core.synthetic_province(framework)
    if isinstance(model, _core.SyntheticProvince):
        description = model.description
        model = model.model
    callback = progress_bar() if progress is True else (progress or None)
    options = _core.SimulationOptions(
        draws=int(draws), seed=int(seed), threads=int(threads), top=int(top), decimals=decimals
    )
    return SimulationResult(_core.simulate_ranks(framework, model, options, callback), description)


# --- The whole chain for a plan ---------------------------------------------------------------


def untracked_assumption(untracked: str | float | _core.UntrackedAssumption) -> _core.UntrackedAssumption:
    """"peer-median", "zero", a fraction 0..1 (fixed), or an :class:`UntrackedAssumption`."""
    if isinstance(untracked, _core.UntrackedAssumption):
        return untracked
    if isinstance(untracked, str):
        basis = _core.UntrackedBasis.__members__.get(untracked)
        try:
            if basis is None:
                basis = _core.UntrackedBasis.from_spelling(untracked)
            return _core.UntrackedAssumption(basis=basis)
        except ValueError:
            try:
                untracked = float(untracked.replace(",", "."))
            except ValueError:
                raise ValueError(
                    f'untracked: expected "peer-median", "zero" or a fraction 0..1, found '
                    f'"{untracked}"'
                ) from None
    value = float(untracked)
    if not 0.0 <= value <= 1.0:
        raise ValueError(f"untracked: expected a fraction from 0 to 1, found {value}")
    return _core.UntrackedAssumption(basis=_core.UntrackedBasis.Fixed, value=value)


@dataclass
class Improvements:
    """The improvement plan (docs/rank.md §8): ``core`` (the C++ :class:`ImprovementPlan`) with
    the options it chose from and the plan (for names). :meth:`frame` lists the actions."""

    core: ImprovementPlan
    options: list[ImprovementOption]
    plan: Plan
    illustrative: bool = False

    def frame(self) -> pd.DataFrame:
        """One row per action, best value for effort first (see :func:`actions_frame`)."""
        return actions_frame(self.core, self.plan)

    # The C++ plan's fields, read through (no attribute forwarding: each name is declared).
    @property
    def actions(self) -> list[_core.Action]:
        """The actions, best value for effort first."""
        return self.core.actions

    @property
    def reaches(self) -> bool:
        """True when the actions reach the points needed."""
        return self.core.reaches

    @property
    def points_needed(self) -> float:
        """The points asked for."""
        return self.core.points_needed

    @property
    def points_gained(self) -> float:
        """The points the actions gain in all."""
        return self.core.points_gained

    @property
    def total_effort(self) -> float:
        """The actions' total effort."""
        return self.core.total_effort

    @property
    def max_points(self) -> float:
        """The framework's total points."""
        return self.core.max_points

    @property
    def top(self) -> int:
        """k of the top k."""
        return self.core.top

    @property
    def prob_top_before(self) -> float:
        """P(rank <= k) before the actions."""
        return self.core.prob_top_before

    @property
    def prob_top_after(self) -> float:
        """P(rank <= k) after the actions."""
        return self.core.prob_top_after

    @property
    def frontier_size(self) -> int:
        """The largest Pareto frontier the search kept."""
        return self.core.frontier_size


def actions_frame(improvements: ImprovementPlan | Improvements, plan: Plan | None = None) -> pd.DataFrame:
    """The actions of an improvement plan: order, indicator, its name, from and to (fractions),
    points gained, effort, the lead units that must act, and P(top k) once it and every action
    above it are done."""
    core = improvements.core if isinstance(improvements, Improvements) else improvements
    if plan is None and isinstance(improvements, Improvements):
        plan = improvements.plan
    rows = []
    for i, a in enumerate(core.actions, start=1):
        ind = plan.find_indicator(a.indicator) if plan is not None else None
        rows.append(
            {
                "order": i,
                "indicator": a.indicator,
                "name": ind.name if ind is not None else "",
                "from": a.from_,
                "to": a.to,
                "steps": a.steps,
                "points_gained": a.points_gained,
                "effort": a.effort,
                "lead_units": "; ".join(a.lead_units),
                "components": "; ".join(a.components),
                f"prob_top{core.top}_after": a.prob_top_after,
            }
        )
    columns = ["order", "indicator", "name", "from", "to", "steps", "points_gained", "effort",
               "lead_units", "components", f"prob_top{core.top}_after"]  # fmt: skip
    return pd.DataFrame(rows, columns=columns)


@dataclass
class RankOutlook:
    """Everything the rank questions need for one plan, computed by :func:`rank_outlook`: the
    C++ :class:`dtiplan.Outlook` (``core``) with the plan, framework and Python wrappers of its
    projection, rank distribution and improvements."""

    plan: Plan
    framework: Framework
    projection: Any  # dtiplan.Projection
    peers: PeerTable
    peer_source: str
    own_unit: str
    growth: GrowthModel
    evaluation: _dt.date
    fill: _core.UntrackedFill
    own: OwnScore
    forecasts: list[PeerForecast]
    distribution: RankResult
    needed: _core.PointsNeeded
    needed_shift: _core.PointsNeeded
    improvements: Improvements | None
    top: int
    probability: float
    observations_illustrative: bool
    peers_illustrative: bool
    tracked_dti: float = field(default=0.0)
    budget: float | None = None
    growth_estimate: _core.GrowthEstimate | None = None
    core: _core.Outlook | None = field(default=None, repr=False)

    @property
    def illustrative(self) -> bool:
        """True when the observations or the peers are illustrative."""
        return self.observations_illustrative or self.peers_illustrative

    @property
    def units(self) -> int:
        """Units ranked: the peers and the commune."""
        return len(self.forecasts) + 1

    @property
    def projected_dti(self) -> float:
        """The projected DTI ranked: the plan's tracked components plus the untracked fill."""
        return float(self.own.expected())


def _held_values(projection: Any) -> dict[str, float]:
    """The values in force on the projection's as-of date (:func:`dtiplan.indicator_values`)."""
    return dict(_core.indicator_values(projection.plan, projection.log, projection.core.as_of))


def _peer_table(
    peers: PeerTable | PathLike | pd.DataFrame | None, framework: Framework
) -> tuple[PeerTable | None, str]:
    """The peer table and the name it goes by; (None, the example's name) for the example."""
    if peers is None:
        return None, EXAMPLE_PEERS_FILE
    if isinstance(peers, PeerTable):
        return load_peers(peers, framework), "PeerTable"
    if isinstance(peers, pd.DataFrame):
        return load_peers(peers, framework), "DataFrame"
    return load_peers(peers, framework), str(peers)


def rank_outlook(
    plan: Plan | None = None,
    framework: Framework | None = None,
    observations: _core.ObservationLog | None = None,
    peers: PeerTable | PathLike | pd.DataFrame | None = None,
    *,
    as_of: Any = None,
    evaluation: Any = None,
    growth: GrowthModel | Mapping[str, Any] | str | None = None,
    untracked: str | float | _core.UntrackedAssumption = "peer-median",
    top: int | None = None,
    probability: float = 0.5,
    method: str = "exact",
    draws: int = 100_000,
    projection_draws: int = 10_000,
    seed: int = DEFAULT_SEED,
    budget: float | None = None,
    options: Sequence[ImprovementOption] | None = None,
    improve: bool = True,
    observations_illustrative: bool | None = None,
) -> RankOutlook:
    """The commune's projected rank, its chance of the top k, the points still needed and the
    cheapest improvements, from its plan and observations (docs/rank.md §11): the C++
    :func:`dtiplan._core.rank_outlook`, whose defaults are these.

    Steps: :func:`dtiplan.project_dti` projects the plan's indicators to ``evaluation`` (default
    31 December of the first milestone year); the components the plan does not track are filled
    by ``untracked`` ("peer-median": each main indicator's untracked points at the median peer's
    index of it; "zero"; or a fraction); the peers (default: the illustrative example) are grown
    to the evaluation date by ``growth``; then the rank distribution (``method``), the points
    needed for P(rank <= top) >= ``probability`` (a sure score, and the shift of the whole
    projection), and the improvement plan from the projection's default options (or ``options``),
    reaching the shift needed at least effort, or, with ``budget``, the most P(top k) within it.
    ``top`` defaults to the plan's goal (10). ``observations_illustrative``: whether the
    observations are illustrative (default: :func:`dtiplan.is_illustrative`)."""
    from .projection import Projection, _to_date, trend_model

    plan = plan if plan is not None else _core.builtin_plan()
    framework = framework if framework is not None else _core.builtin_framework()
    log = _core.example_observations(plan) if observations is None else observations
    opts = _core.OutlookOptions()
    opts.as_of = _dt.date.today() if as_of is None else _to_date(as_of)
    opts.evaluation = None if evaluation is None else _to_date(evaluation)
    opts.projection = _core.ProjectionOptions(draws=int(projection_draws), seed=int(seed))
    if isinstance(growth, str):
        if growth != "estimate":
            raise ValueError(f'growth: expected a GrowthModel, a mapping or "estimate", found "{growth}"')
        opts.estimate_growth = True
    else:
        opts.growth = growth_model(growth)
    opts.untracked = untracked_assumption(untracked)
    opts.top = None if top is None else int(top)
    opts.probability = float(probability)
    opts.method = _rank_method(method)
    opts.montecarlo = _core.MonteCarloOptions(draws=int(draws), seed=int(seed))
    opts.improve = bool(improve)
    opts.budget = None if budget is None else float(budget)
    opts.improvement_options = None if options is None else list(options)
    opts.observations_illustrative = observations_illustrative
    table, opts.peer_source = _peer_table(peers, framework)
    core = _core.rank_outlook(plan, framework, log, table, opts)

    projection = Projection(
        core.projection,
        plan,
        framework,
        log,
        model=trend_model(opts.projection.model).spelling,
        method="open-sdg",
        illustrative=core.observations_illustrative,
        draws=int(projection_draws),
        seed=int(seed),
        level=float(opts.projection.level),
    )
    distribution = RankResult(core.distribution, core.illustrative)
    improvements = None
    if core.improvements is not None:
        improvements = Improvements(
            core.improvements, list(core.improvement_options), plan, core.peers_illustrative
        )
    return RankOutlook(
        plan=plan,
        framework=framework,
        projection=projection,
        peers=core.peers,
        peer_source=core.peer_source,
        own_unit=core.own_unit,
        growth=core.growth,
        evaluation=core.evaluation,
        fill=core.fill,
        own=core.own,
        forecasts=list(core.forecasts),
        distribution=distribution,
        needed=core.needed,
        needed_shift=core.needed_shift,
        improvements=improvements,
        top=int(core.top),
        probability=float(core.probability),
        observations_illustrative=bool(core.observations_illustrative),
        peers_illustrative=bool(core.peers_illustrative),
        tracked_dti=float(core.tracked_dti),
        budget=core.budget,
        growth_estimate=core.growth_estimate,
        core=core,
    )


#: Spread of a component value at the evaluation date in :func:`everyone_model`: this times
#: 2·sqrt(m (1 - m)) (smaller near 0 and 1), as the synthetic province draws them (docs/rank.md §9).
COMPONENT_VALUE_SD: float = _core.COMPONENT_VALUE_SD


def everyone_model(outlook: RankOutlook, value_sd: float = COMPONENT_VALUE_SD) -> _core.ComponentModel:
    """The component model of every unit at the evaluation date, for :func:`rank_everyone`
    (docs/rank.md §13): each peer's latest component values grown by the outlook's growth mean
    per year (its spread added to the value's), and the own commune's: each tracked component
    at the mean of its indicators' projected values, each untracked one at the outlook's
    untracked fraction for its main indicator. Needs every component value of every peer
    (columns "CQS.01", ...); ValidationError naming the first missing one otherwise."""
    assert outlook.core is not None, "an outlook made by rank_outlook"
    return _core.everyone_model(outlook.framework, outlook.core, float(value_sd))


def commune_name(outlook: RankOutlook) -> str:
    """The commune as ranked: the peer table's name for it, else "Xã <commune>"."""
    return _core.ranked_name(outlook.plan, outlook.own_unit)


def component_targets(framework: Framework, plan: Plan, year: int) -> dict[str, _core.TargetValue]:
    """The target each Target-rule component is scored against in :func:`rank_everyone`: its
    first plan indicator's target in force in ``year``, as a fraction (every unit is held to the
    same target, as score() holds the commune to it)."""
    return dict(_core.component_targets(framework, plan, int(year)))


def rank_everyone(
    outlook: RankOutlook,
    *,
    draws: int = 10_000,
    seed: int = DEFAULT_SEED,
    threads: int = 0,
    progress: Callable[[int, int], Any] | bool | None = None,
) -> SimulationResult:
    """Everyone's rank at once, the commune included (its row is the last): :func:`simulate_ranks`
    on :func:`everyone_model` with the outlook's framework and goal."""
    model = everyone_model(outlook)
    options = _core.SimulationOptions(
        draws=int(draws),
        seed=int(seed),
        threads=int(threads),
        top=int(outlook.top),
        targets=component_targets(outlook.framework, outlook.plan, outlook.evaluation.year),
    )
    callback = progress_bar() if progress is True else (progress or None)
    core = _core.simulate_ranks(outlook.framework, model, options, callback)
    description = PEERS_ILLUSTRATIVE_LABEL["vi"] if outlook.peers_illustrative else ""
    return SimulationResult(core, description)


def plan_improvements(
    plan: Plan | None = None,
    framework: Framework | None = None,
    observations: _core.ObservationLog | None = None,
    peers: PeerTable | PathLike | pd.DataFrame | None = None,
    **kwargs: Any,
) -> Improvements:
    """The least-effort improvements for the plan's goal (the top 10): :func:`rank_outlook`'s
    improvement plan, with the same arguments (``budget``, ``options``, ``untracked``, ...).
    ``.frame()`` lists the actions with their lead units."""
    outlook = rank_outlook(plan, framework, observations, peers, **kwargs)
    assert outlook.improvements is not None
    return outlook.improvements
