"""What if? Scenarios against the baseline outlook (docs/scenarios.md): the library's
``compare_scenarios`` with Python's types (dates, mappings, DataFrames).

A scenario sets plan indicators at the evaluation date (a target reached and held, not one more
observation for the trend to smooth away), DTI components directly, the peers' growth or the
assumption for the untracked components; :func:`what_if` compares it with the baseline: the
projected DTI with its band, the expected rank, P(top k) and the points still needed.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Union

import pandas as pd

from .. import _core
from .._core import Framework, GrowthModel, PeerTable, Plan
from .._html import html_summary
from ..projection import DEFAULT_SEED
from .outlook import _peer_table, outlook_options
from .peers import PathLike, data_labels

__all__ = ["WhatIf", "scenario", "what_if"]

#: What one scenario may be given as: a mapping {"I.03": 0.9, "II.03": "có"}, settings as
#: written ("I.03=90% II.03=có" or ["I.03=90%", "II.03=có"]), or a :class:`dtiplan.Scenario`.
ScenarioLike = Union[Mapping[str, Any], str, Sequence[str], _core.Scenario]

#: The frame's columns, in order.
FRAME_COLUMNS = (
    "scenario", "baseline", "projected_dti", "dti_low", "dti_high", "expected_rank", "rank_low",
    "rank_high", "prob_top", "points_needed", "reachable", "illustrative",
)  # fmt: skip


def _setting_text(key: str, value: Any) -> str:
    """One setting of a mapping as the command writes it: True -> "có", a number in full."""
    if isinstance(value, bool):
        return f"{key}={'có' if value else 'không'}"
    if isinstance(value, (int, float)):
        return f"{key}={float(value)!r}"
    return f"{key}={value}"


def scenario(
    settings: ScenarioLike,
    plan: Plan | None = None,
    framework: Framework | None = None,
    name: str | None = None,
) -> _core.Scenario:
    """A :class:`dtiplan.Scenario` from settings (the library's ``parse_scenario``): a mapping
    ``{"I.03": 0.90, "II.03": "có", "CQS.04": "80%", "growth-mean": 0.03, "untracked":
    "zero"}``, text as the command takes it (``"I.03=90% II.03=có"``) or a list of such
    settings. A rate is 0..1 or a percentage ("90%"); yes/no is có/không (or True/False). A bad
    setting raises :class:`dtiplan.ValidationError` naming it."""
    if isinstance(settings, _core.Scenario):
        return settings
    plan = plan if plan is not None else _core.builtin_plan()
    framework = framework if framework is not None else _core.builtin_framework()
    if isinstance(settings, str):
        texts = settings.split()
    elif isinstance(settings, Mapping):
        texts = [_setting_text(str(k), v) for k, v in settings.items()]
    else:
        texts = [str(s) for s in settings]
    return _core.parse_scenario(plan, framework, texts, name or "")


@dataclass(repr=False)
class WhatIf:
    """The baseline and each scenario side by side (:func:`what_if`): ``core`` is the C++
    :class:`dtiplan.ScenarioComparison` (every outlook in full); :meth:`frame` is one row per
    scenario, the baseline first."""

    core: _core.ScenarioComparison
    plan: Plan
    framework: Framework
    evaluation: _dt.date
    peer_source: str

    @property
    def illustrative(self) -> bool:
        """True when the observations or the peers of any outlook are illustrative."""
        return bool(self.core.illustrative)

    def labels(self, lang: str = "vi") -> list[str]:
        """The labels every output of this comparison carries (Số liệu minh họa ... when the
        observations are illustrative; the peers' label when they are)."""
        return data_labels(self.core.outlooks[0], lang)

    @property
    def scenarios(self) -> list[_core.Scenario]:
        """The scenarios, the baseline (empty) first."""
        return list(self.core.scenarios)

    @property
    def figures(self) -> list[_core.ScenarioFigures]:
        """The figures of each scenario, the baseline first."""
        return list(self.core.figures)

    @property
    def outlooks(self) -> list[_core.Outlook]:
        """Each scenario's whole outlook (projection, peers, rank distribution)."""
        return list(self.core.outlooks)

    @property
    def top(self) -> int:
        """k of the top k."""
        return int(self.core.figures[0].top)

    def frame(self) -> pd.DataFrame:
        """One row per scenario, the baseline first: projected DTI with its 90% band (5% and
        95% quantiles), expected rank with its 90% band, P(top k), points still needed (<= 0:
        none), reachable, illustrative."""
        rows = []
        for f in self.core.figures:
            row = f.to_dict()
            row["scenario"] = row.pop("name")
            rows.append(row)
        return pd.DataFrame(rows, columns=list(FRAME_COLUMNS))

    def to_dict(self) -> dict[str, Any]:
        """The comparison as plain values: evaluation date, top, peers, illustrative, labels,
        and per scenario its settings and figures."""
        scenarios = []
        for s, f in zip(self.core.scenarios, self.core.figures):
            figures = f.to_dict()
            untracked = s.untracked
            scenarios.append(
                {
                    **figures,
                    "indicators": dict(s.indicators),
                    "components": dict(s.components),
                    "growth_mean": s.growth_mean,
                    "growth_sd": s.growth_sd,
                    "shock_sd": s.shock_sd,
                    "untracked": None
                    if untracked is None
                    else {"basis": untracked.basis.spelling, "value": untracked.value},
                }
            )
        return {
            "evaluation": self.evaluation.isoformat(),
            "top": self.top,
            "peers": self.peer_source,
            "illustrative": self.illustrative,
            "labels": self.labels(),
            "scenarios": scenarios,
        }

    def __repr__(self) -> str:
        parts = [f"{f.name}: P(top {f.top})={f.prob_top:.3f}" for f in self.core.figures[:4]]
        if len(self.core.figures) > 4:
            parts.append(f"... {len(self.core.figures) - 4} more")
        label = ", illustrative" if self.illustrative else ""
        return f"WhatIf({self.evaluation.isoformat()}; {'; '.join(parts)}{label})"

    def _repr_html_(self) -> str:
        return html_summary(
            f"What if? Evaluation on {self.evaluation.isoformat()}",
            labels=self.labels(),
            frame=self.frame(),
        )


def what_if(
    *scenarios: ScenarioLike,
    by: Any = None,
    plan: Plan | None = None,
    framework: Framework | None = None,
    observations: _core.ObservationLog | None = None,
    peers: PeerTable | PathLike | pd.DataFrame | None = None,
    as_of: Any = None,
    growth: GrowthModel | Mapping[str, Any] | str | None = None,
    untracked: str | float | _core.UntrackedAssumption = "peer-median",
    top: int | None = None,
    probability: float = 0.5,
    projection_draws: int = 10_000,
    seed: int = DEFAULT_SEED,
    observations_illustrative: bool | None = None,
) -> WhatIf:
    """Compare scenarios with the baseline outlook (the library's ``compare_scenarios``): each
    positional argument is one scenario (see :func:`scenario`), evaluated ``by`` that date
    (default: the plan's next milestone, 31 December). ``what_if({"I.03": 0.90},
    by="2026-12-31")``: I.03 reaches 90% by then and is held; the other arguments are
    :func:`dtiplan.rank_outlook`'s (the baseline's assumptions; a scenario may change the
    growth and the untracked assumption). Every outlook uses the same seeds, the exact rank
    method and no improvement planning. Illustrative data give an illustrative comparison."""
    plan = plan if plan is not None else _core.builtin_plan()
    framework = framework if framework is not None else _core.builtin_framework()
    log = _core.example_observations(plan) if observations is None else observations
    opts = outlook_options(
        as_of, by, projection_draws, seed, growth, untracked, top, probability,
        observations_illustrative,
    )  # fmt: skip
    table, opts.peer_source = _peer_table(peers, framework)
    parsed = [scenario(s, plan, framework) for s in scenarios]
    core = _core.compare_scenarios(plan, framework, log, table, parsed, opts)
    return WhatIf(core, plan, framework, core.outlooks[0].evaluation, opts.peer_source)
