"""The whole chain for a plan (docs/rank.md §11): the outlook of the library's rank_outlook, the
improvement plan and everyone at once."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from .. import _core
from .._core import (
    Framework,
    GrowthModel,
    ImprovementOption,
    ImprovementPlan,
    OwnScore,
    PeerForecast,
    PeerTable,
    Plan,
)
from ..projection import DEFAULT_SEED
from .distribution import RankResult, _rank_method
from .peers import EXAMPLE_PEERS_FILE, PEERS_ILLUSTRATIVE_LABEL, PathLike, growth_model, load_peers
from .simulation import SimulationResult, progress_bar

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


@dataclass(repr=False)
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

    def __repr__(self) -> str:
        return (
            f"Improvements({len(self.core.actions)} actions, +{self.core.points_gained:.1f} "
            f"points, effort {self.core.total_effort:.2f}, P(top {self.core.top}) "
            f"{self.core.prob_top_before:.3f} -> {self.core.prob_top_after:.3f})"
        )

    def _repr_html_(self) -> str:
        from .._html import html_summary

        return html_summary(repr(self), frame=self.frame())


def actions_frame(improvements: ImprovementPlan | Improvements, plan: Plan | None = None) -> pd.DataFrame:
    """The actions of an improvement plan: order, indicator, its name, from and to (fractions),
    the expected points it gives on its own, effort, the lead units that must act, P(top k) and
    the expected rank once it and every action above it are done, the latest value reported
    and the indicators moved together with it."""
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
                "expected_rank_after": a.expected_rank_after,
                "latest": a.latest,
                "with": "; ".join(m.indicator for m in a.with_),
            }
        )
    columns = ["order", "indicator", "name", "from", "to", "steps", "points_gained", "effort",
               "lead_units", "components", f"prob_top{core.top}_after", "expected_rank_after",
               "latest", "with"]  # fmt: skip
    return pd.DataFrame(rows, columns=columns)


@dataclass(repr=False)
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

    def __repr__(self) -> str:
        tag = ", illustrative" if self.illustrative else ""
        return (
            f"RankOutlook({commune_name(self)}, evaluation={self.evaluation}, units={self.units}, "
            f"DTI={self.projected_dti:.4f}, expected rank={self.distribution.expected:.1f}, "
            f"P(top {self.top})={self.distribution.prob_top(self.top):.4f}{tag})"
        )

    def _repr_html_(self) -> str:
        from .._html import html_summary
        from ..track import ILLUSTRATIVE_LABEL

        d = self.distribution
        labels = [ILLUSTRATIVE_LABEL["vi"]] if self.observations_illustrative else []
        if self.peers_illustrative:
            labels.append(PEERS_ILLUSTRATIVE_LABEL["vi"])
        return html_summary(
            f"Outlook of {commune_name(self)} on {self.evaluation}",
            [
                ("projected DTI", f"{self.projected_dti:.4f}"),
                ("  tracked by the plan", f"{self.tracked_dti:.4f}"),
                ("  untracked (assumed)", f"{self.fill.dti():.4f} ({self.fill.basis.spelling})"),
                ("expected rank (90% band)",
                 f"{d.expected:.1f} ({d.quantile(0.05)} – {d.quantile(0.95)})"),
                (f"P(top {self.top})", f"{d.prob_top(self.top):.4f}"),
                ("points still needed", f"{max(0.0, self.needed_shift.gap_points):.1f}"),
                ("peers", f"{len(self.forecasts)} ({self.peer_source})"),
            ],
            labels,
        )


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


def outlook_options(
    as_of: Any,
    evaluation: Any,
    projection_draws: int,
    seed: int,
    growth: GrowthModel | Mapping[str, Any] | str | None,
    untracked: str | float | _core.UntrackedAssumption,
    top: int | None,
    probability: float,
    observations_illustrative: bool | None,
) -> _core.OutlookOptions:
    """The outlook's options from :func:`rank_outlook`'s arguments (also :func:`dtiplan.what_if`'s
    baseline): dates, the projection's draws and seed, the peers' growth (a model, a mapping, or
    "estimate"), the untracked assumption, the goal and the data's label."""
    from ..projection import _to_date

    opts = _core.OutlookOptions()
    opts.as_of = _dt.date.today() if as_of is None else _to_date(as_of)
    opts.evaluation = None if evaluation is None else _to_date(evaluation)
    opts.projection = _core.ProjectionOptions(draws=int(projection_draws), seed=int(seed))
    if isinstance(growth, str):
        if growth != "estimate":
            raise ValueError(
                f'growth: expected a GrowthModel, a mapping or "estimate", found "{growth}"'
            )
        opts.estimate_growth = True
    else:
        opts.growth = growth_model(growth)
    opts.untracked = untracked_assumption(untracked)
    opts.top = None if top is None else int(top)
    opts.probability = float(probability)
    opts.observations_illustrative = observations_illustrative
    return opts


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
    goal: str = "chance",
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
    for the chance of the top k: the least effort giving P(top k) >= ``probability``, or, with
    ``budget``, the highest P(top k), then the best expected rank, then the least effort within
    it; nothing when P(top k) is already 1 or cannot rise. ``goal="points"`` plans for points
    for their own sake instead (the most points within the budget, or the points needed).
    ``top`` defaults to the plan's goal (10). ``observations_illustrative``: whether the
    observations are illustrative (default: :func:`dtiplan.is_illustrative`)."""
    from ..projection import Projection, trend_model

    plan = plan if plan is not None else _core.builtin_plan()
    framework = framework if framework is not None else _core.builtin_framework()
    log = _core.example_observations(plan) if observations is None else observations
    opts = outlook_options(as_of, evaluation, projection_draws, seed, growth, untracked, top,
                           probability, observations_illustrative)  # fmt: skip
    opts.method = _rank_method(method)
    opts.montecarlo = _core.MonteCarloOptions(draws=int(draws), seed=int(seed))
    opts.improve = bool(improve)
    opts.budget = None if budget is None else float(budget) + 0.0  # -0 is 0
    goals = {"chance": _core.PlannerGoal.Chance, "points": _core.PlannerGoal.Points}
    if goal not in goals:
        raise ValueError(f'goal: expected "chance" or "points", found {goal!r}')
    opts.goal = goals[goal]
    opts.improvement_options = None if options is None else list(options)
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
