"""One unit's rank distribution against its peers, P(top k) against the DTI reached, and the
points needed (docs/rank.md §3-5)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd

from .. import _core
from .._core import (
    GrowthModel,
    OwnScore,
    PeerForecast,
    PeerTable,
)
from .._text import UINT64_MAX, whole
from ..projection import DEFAULT_SEED
from .peers import DEFAULT_EVALUATION, OwnLike, PeersLike, own_score, peer_forecasts

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
    def cumulative(self) -> np.ndarray:
        """``cumulative[r - 1] = P(rank <= r)``, at most 1 (the sums of ``pmf``)."""
        return np.minimum(1.0, np.cumsum(self.pmf))

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
                "cumulative": self.cumulative,
                "standard_error": [self.core.standard_error(int(r)) for r in ranks],
            }
        )

    def __repr__(self) -> str:
        tag = ", illustrative" if self.illustrative else ""
        return (
            f"RankResult({self.method}, units={self.units}, expected={self.expected:.2f}, "
            f"median={self.quantile(0.5)}, P(top 10)={self.prob_top(10):.4f}{tag})"
        )

    def _repr_html_(self) -> str:
        from .._html import html_summary
        from .peers import PEERS_ILLUSTRATIVE_LABEL

        return html_summary(
            f"Rank distribution ({self.method}) among {self.units} units",
            [
                ("expected rank", f"{self.expected:.2f}"),
                ("median, 90% band", f"{self.quantile(0.5)} ({self.quantile(0.05)} – "
                                     f"{self.quantile(0.95)})"),
                ("P(top 10)", f"{self.prob_top(10):.4f}"),
            ],
            [PEERS_ILLUSTRATIVE_LABEL["vi"]] if self.illustrative else [],
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
        exact = _core.ExactOptions(decimals=whole("decimals", decimals, -1, 15))
        core = _core.rank_distribution_exact(score, forecasts, exact)
    else:
        options = _core.MonteCarloOptions(
            decimals=whole("decimals", decimals, -1, 15),
            draws=whole("draws", draws, 1, _core.MAX_DRAWS),
            seed=whole("seed", seed, 0, UINT64_MAX),
            threads=whole("threads", threads, 0, 1024),
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
