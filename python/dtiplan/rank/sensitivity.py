"""Which assumption matters? Global sensitivity of P(top k) and the expected rank to what the plan
cannot observe (docs/sensitivity.md): the peers' growth mean and spread, the common shock, the
score of the untracked components and the framework's weights.

Sobol' indices by Saltelli's sampling and estimators (SALib): for each factor the first-order
index S1 (the share of the output's variance it explains alone) and the total index ST (alone
and through its interactions), with bootstrap confidence intervals; and the one-at-a-time swing
of each output between the ends of each factor's range, for the tornado chart
(:func:`dtiplan.plot_tornado`).

One evaluation reuses the baseline's projection (its draws of each main index) and recomputes
what a factor changes: the own score (weights, untracked fill), the peers' DTI (weights, through
their published main indices), the peers at the evaluation date (the library's
``evolve_peers``) and the rank distribution (the library's exact method).
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from .. import _core
from .._core import Framework, PeerTable, Plan
from .._html import html_summary
from ..projection import DEFAULT_SEED
from ..track import ILLUSTRATIVE_LABEL
from .outlook import _peer_table
from .peers import PEERS_ILLUSTRATIVE_LABEL, PathLike

__all__ = ["FACTORS", "Factor", "SensitivityResult", "sensitivity"]


@dataclass(frozen=True)
class Factor:
    """One uncertain input: its ``name``, Vietnamese ``label``, the ``bounds`` it is sampled
    uniformly between, and the ``baseline`` value (the command's default)."""

    name: str
    label: str
    bounds: tuple[float, float]
    baseline: float


#: The factors and their ranges (docs/sensitivity.md says why these).
FACTORS: tuple[Factor, ...] = (
    Factor("growth_mean", "Mức tăng DTI/năm của đơn vị so sánh", (0.0, 0.04), 0.02),
    Factor("growth_sd", "Độ lệch mức tăng riêng của mỗi đơn vị", (0.0, 0.04), 0.02),
    Factor("shock_sd", "Biến động chung toàn tỉnh", (0.0, 0.03), 0.01),
    Factor("untracked", "Điểm các thành phần chưa theo dõi (so với trung vị)", (-0.2, 0.2), 0.0),
    Factor("weights", "Trọng số khung điểm (mỗi chỉ số chính ×0,8–1,2)", (0.8, 1.2), 1.0),
)

#: The outputs, their Vietnamese labels.
OUTPUTS = {"prob_top": "Xác suất vào top {top}", "expected_rank": "Thứ hạng kỳ vọng"}


@dataclass(repr=False)
class SensitivityResult:
    """Sobol' indices and one-at-a-time swings (:func:`sensitivity`). :meth:`frame`: one row per
    output and factor, by total index; ``baseline``: each output with every factor at its
    baseline."""

    indices: pd.DataFrame
    swings: pd.DataFrame
    baseline: dict[str, float]
    top: int
    samples: int
    draws: int
    evaluations: int
    seconds: float
    illustrative: bool
    labels: list[str] = field(default_factory=list)

    def frame(self, output: str | None = None) -> pd.DataFrame:
        """Per output and factor: S1, S1_conf, ST, ST_conf (the half-widths of the confidence
        intervals), the output at the low and high end of the factor's range with the others at
        their baselines (for the weights: the lowest and highest output with one main
        indicator's weight at either end), and the swing (high − low); by output, then by ST, largest first."""
        frame = self.indices.merge(self.swings, on=["output", "factor"])
        if output is not None:
            frame = frame[frame["output"] == output]
        order = {name: i for i, name in enumerate(OUTPUTS)}
        frame = frame.assign(_o=frame["output"].map(order))
        frame = frame.sort_values(["_o", "ST"], ascending=[True, False], kind="stable")
        return frame.drop(columns="_o").reset_index(drop=True)

    def __repr__(self) -> str:
        top = self.frame("prob_top").iloc[0]
        tag = ", illustrative" if self.illustrative else ""
        return (
            f"SensitivityResult({len(FACTORS)} factors, N={self.samples}, "
            f"{self.evaluations} evaluations; P(top {self.top}) most sensitive to "
            f"{top['factor']} (ST={top['ST']:.2f}){tag})"
        )

    def _repr_html_(self) -> str:
        return html_summary(
            f"Sobol' sensitivity of P(top {self.top}) and the expected rank "
            f"(N={self.samples}, {self.evaluations} evaluations, {self.draws} draws each)",
            labels=self.labels,
            frame=self.frame(),
        )


class _Model:
    """P(top k) and the expected rank as a function of the factors, around one baseline
    outlook."""

    def __init__(self, outlook: _core.Outlook, plan: Plan, framework: Framework) -> None:
        self.outlook = outlook
        self.framework = framework
        mains = [m.id for m in framework.main_indicators]
        self.mains = mains
        self.max_points = np.array([m.max_points for m in framework.main_indicators])
        # The own score's tracked points by main indicator, per draw.
        self.tracked = (
            np.column_stack([np.asarray(outlook.projection.main_samples[m]) for m in mains])
            * self.max_points
        )
        fill = outlook.fill
        untracked = _core.coverage(framework, plan).untracked_by_main
        self.untracked_points = np.array([untracked.get(m, 0.0) for m in mains])
        self.fill_fraction = np.array([fill.fraction_by_main.get(m, 0.0) for m in mains])
        # The peers' results and, where they publish every main index, those indices.
        self.results = list(outlook.peers.results)
        self.indices = np.array(
            [[r.main_indices.get(m, np.nan) for m in mains] for r in self.results], dtype=float
        )
        self.reweighable = ~np.isnan(self.indices).any(axis=1)
        self.dti = np.array([r.dti for r in self.results], dtype=float)
        self.top = int(outlook.top)
        # Every change is added to the baseline's own score and published DTIs, so the baseline
        # is the pipeline's to the last bit.
        self.own = np.asarray(outlook.own.samples, dtype=float)
        ones = np.ones(len(mains))
        self.own_at_baseline = self._own(ones, 0.0)
        self.peers_at_baseline = self._peers(ones)

    def _own(self, multipliers: np.ndarray, untracked: float) -> np.ndarray:
        """The own DTI per draw: each main indicator's tracked points and untracked fill, by
        the weights."""
        fraction = np.clip(self.fill_fraction + untracked, 0.0, 1.0)
        fill = fraction * self.untracked_points * multipliers
        points = (self.tracked * multipliers).sum(axis=1) + fill.sum()
        return np.asarray(points / (self.max_points * multipliers).sum())

    def _peers(self, multipliers: np.ndarray) -> np.ndarray:
        """The DTI of the peers that publish every main index, by the weights."""
        weights = self.max_points * multipliers
        return np.asarray(self.indices[self.reweighable] @ weights / weights.sum())

    def __call__(self, values: dict[str, Any]) -> tuple[float, float]:
        multipliers = np.asarray(values["weights"], dtype=float)
        change = self._own(multipliers, float(values["untracked"])) - self.own_at_baseline
        own = np.clip(self.own + change, 0.0, 1.0)

        dti = self.dti.copy()
        rows = self.reweighable
        if rows.any():
            change = self._peers(multipliers) - self.peers_at_baseline
            dti[rows] = np.clip(dti[rows] + change, 0.0, 1.0)
        results = [
            _core.PeerResult(
                unit=r.unit, year=r.year, dti=float(d), main_indices=r.main_indices,
                illustrative=r.illustrative,
            )
            for r, d in zip(self.results, dti)
        ]  # fmt: skip
        growth = _core.GrowthModel(
            mean=float(values["growth_mean"]),
            sd=float(values["growth_sd"]),
            shock_sd=float(values["shock_sd"]),
        )
        forecasts = _core.evolve_peers(
            _core.PeerTable(results=results), growth, self.outlook.evaluation, self.outlook.own_unit
        )
        dist = _core.rank_distribution_exact(
            _core.OwnScore.from_samples(own.tolist()), forecasts, _core.ExactOptions()
        )
        return float(dist.prob_top(self.top)), float(dist.expected())


def _factor_values(row: Sequence[float], n_mains: int) -> dict[str, Any]:
    """A sample row (growth_mean, growth_sd, shock_sd, untracked, weight per main) as values."""
    return {
        "growth_mean": row[0],
        "growth_sd": row[1],
        "shock_sd": row[2],
        "untracked": row[3],
        "weights": list(row[4 : 4 + n_mains]),
    }


def sensitivity(
    plan: Plan | None = None,
    framework: Framework | None = None,
    observations: _core.ObservationLog | None = None,
    peers: PeerTable | PathLike | pd.DataFrame | None = None,
    *,
    as_of: Any = None,
    evaluation: Any = None,
    top: int | None = None,
    samples: int = 256,
    draws: int = 500,
    seed: int = DEFAULT_SEED,
    conf_level: float = 0.95,
    resamples: int = 200,
) -> SensitivityResult:
    """Sobol' first-order and total indices of P(top k) and the expected rank to the peers'
    growth mean and spread, the common shock, the untracked components' score and the
    framework's weights (:data:`FACTORS`), with ``conf_level`` bootstrap intervals
    (``resamples`` resamples), by SALib's Saltelli sampling: ``samples`` (N, a power of 2) base
    samples give N × (G + 2) evaluations for G = 5 groups of factors (the eight main
    indicators' weights are one group). Each evaluation ranks ``draws`` draws of the baseline
    projection (seed ``seed``) with the exact method. Also the one-at-a-time swing of each
    output over each factor's range. Illustrative inputs give an illustrative result."""
    from SALib.analyze import sobol as sobol_analyze
    from SALib.sample import sobol as sobol_sample

    from ..projection import _to_date

    if samples < 2 or samples & (samples - 1):
        raise ValueError(f"samples: expected a power of 2 (64, 256, ...), found {samples}")
    started = time.perf_counter()
    plan = plan if plan is not None else _core.builtin_plan()
    framework = framework if framework is not None else _core.builtin_framework()
    log = _core.example_observations(plan) if observations is None else observations
    opts = _core.OutlookOptions()
    opts.as_of = None if as_of is None else _to_date(as_of)
    opts.evaluation = None if evaluation is None else _to_date(evaluation)
    opts.projection = _core.ProjectionOptions(draws=int(draws), seed=int(seed))
    opts.top = None if top is None else int(top)
    opts.improve = False
    table, opts.peer_source = _peer_table(peers, framework)
    outlook = _core.rank_outlook(plan, framework, log, table, opts)
    model = _Model(outlook, plan, framework)
    n_mains = len(model.mains)

    names = [f.name for f in FACTORS[:4]] + [f"weight_{m}" for m in model.mains]
    bounds = [list(f.bounds) for f in FACTORS[:4]] + [list(FACTORS[4].bounds)] * n_mains
    groups = [f.name for f in FACTORS[:4]] + ["weights"] * n_mains
    problem = {"num_vars": len(names), "names": names, "bounds": bounds, "groups": groups}
    x = sobol_sample.sample(problem, samples, calc_second_order=False, seed=int(seed))
    y = np.array([model(_factor_values(row, n_mains)) for row in x])

    base_values: dict[str, Any] = {f.name: f.baseline for f in FACTORS[:4]}
    base_values["weights"] = [1.0] * n_mains
    baseline = model(base_values)
    rows = []
    swings = []
    for k, output in enumerate(OUTPUTS):
        si = sobol_analyze.analyze(
            problem, y[:, k], calc_second_order=False, conf_level=conf_level,
            num_resamples=int(resamples), seed=int(seed),
        )  # fmt: skip
        for i, f in enumerate(FACTORS):
            rows.append({
                "output": output, "factor": f.name, "label": f.label,
                "S1": float(si["S1"][i]), "S1_conf": float(si["S1_conf"][i]),
                "ST": float(si["ST"][i]), "ST_conf": float(si["ST_conf"][i]),
            })  # fmt: skip
    for f in FACTORS:
        if f.name == "weights":
            # Scaling every weight alike changes nothing: one main indicator at a time, at
            # each end, and the lowest and highest outputs of those.
            runs = []
            for i in range(n_mains):
                for end in f.bounds:
                    values = dict(base_values)
                    values["weights"] = [end if j == i else 1.0 for j in range(n_mains)]
                    runs.append(model(values))
            ends = [tuple(min(r[k] for r in runs) for k in range(2)),
                    tuple(max(r[k] for r in runs) for k in range(2))]  # fmt: skip
        else:
            ends = []
            for end in f.bounds:
                values = dict(base_values)
                values[f.name] = end
                ends.append(model(values))
        for k, output in enumerate(OUTPUTS):
            low, high = ends[0][k], ends[1][k]
            swings.append({
                "output": output, "factor": f.name, "low": low, "high": high,
                "swing": high - low,
            })  # fmt: skip
    labels = []
    if outlook.observations_illustrative:
        labels.append(ILLUSTRATIVE_LABEL["vi"])
    if outlook.peers_illustrative:
        labels.append(PEERS_ILLUSTRATIVE_LABEL["vi"])
    return SensitivityResult(
        indices=pd.DataFrame(rows),
        swings=pd.DataFrame(swings),
        baseline={"prob_top": baseline[0], "expected_rank": baseline[1]},
        top=model.top,
        samples=int(samples),
        draws=int(draws),
        evaluations=len(x) + 2 * (len(FACTORS) - 1) + 2 * n_mains + 1,
        seconds=time.perf_counter() - started,
        illustrative=bool(outlook.illustrative),
        labels=labels,
    )
