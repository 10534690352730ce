"""Where will the commune rank? The rank engine from Python (docs/rank.md), in four modules:
:mod:`.peers` (peer tables, growth, the own score), :mod:`.distribution` (one unit's rank),
:mod:`.simulation` (everyone at once) and :mod:`.outlook` (the whole chain for a plan).

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
  action with the lead unit that must act;
- :func:`what_if`: scenarios beside the baseline (an indicator reached by the evaluation date,
  a component set, the peers' growth or the untracked assumption changed), as a :class:`WhatIf`;
- :func:`sensitivity`: which assumption matters, by Sobol' indices (docs/sensitivity.md).

Peers are other communes' published results (:func:`load_peers`: a CSV file, a DataFrame or a
:class:`PeerTable`). None are published for Đồng Nai's communes yet, so the default is the
illustrative peer table shipped with dtiplan (:func:`example_peers`: a seeded synthetic province,
not real results); every result made from it says so.
"""


from __future__ import annotations

from .distribution import (
    RankResult,
    points_needed,
    prob_top_curve,
    rank_distribution,
)
from .outlook import (
    COMPONENT_VALUE_SD as COMPONENT_VALUE_SD,
)
from .outlook import (
    Improvements,
    RankOutlook,
    actions_frame,
    commune_name,
    component_targets,
    everyone_model,
    plan_improvements,
    rank_everyone,
    rank_outlook,
    untracked_assumption,
)
from .outlook import (
    _held_values as _held_values,
)
from .peers import (
    DEFAULT_EVALUATION,
    DEFAULT_GROWTH,
    EXAMPLE_PEERS_FILE,
    PEERS_ILLUSTRATIVE_LABEL,
    example_peers,
    growth_model,
    load_peers,
    own_score,
    peer_forecasts,
    peers_frame,
)
from .peers import (
    example_peers_csv as example_peers_csv,
)
from .scenario import (
    WhatIf,
    scenario,
    what_if,
)
from .sensitivity import (
    SensitivityResult,
    sensitivity,
)
from .simulation import (
    SimulationResult,
    progress_bar,
    simulate_ranks,
)

__all__ = [
    "DEFAULT_EVALUATION",
    "DEFAULT_GROWTH",
    "EXAMPLE_PEERS_FILE",
    "PEERS_ILLUSTRATIVE_LABEL",
    "Improvements",
    "RankOutlook",
    "RankResult",
    "SensitivityResult",
    "SimulationResult",
    "WhatIf",
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
    "scenario",
    "sensitivity",
    "simulate_ranks",
    "untracked_assumption",
    "what_if",
]
