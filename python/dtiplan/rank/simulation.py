"""Everyone's rank at once (docs/rank.md §6): the simulation with its progress bar."""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any, TextIO

import numpy as np
import pandas as pd

from .. import _core
from .._core import (
    Framework,
)
from .._text import UINT64_MAX, whole
from ..projection import DEFAULT_SEED
from .distribution import RankResult

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

    def _repr_html_(self) -> str:
        from .._html import html_summary

        return html_summary(
            f"Everyone's rank: {len(self.units)} units, {self.core.draws} draws",
            labels=[self.description] if self.description else [],
            frame=self.frame(),
        )


def progress_bar(
    stream: TextIO | None = None, width: int = 30, lang: str = "vi"
) -> Callable[[int, int], bool]:
    """A text progress bar for :func:`simulate_ranks` (written to ``stream``, default stderr),
    counts grouped the ``lang`` way: "1.336/100.000" in Vietnamese, "1,336/100,000" in English."""
    # Imported here: the report package imports this one.
    from ..report._format import number

    out = stream if stream is not None else sys.stderr

    def report(done: int, total: int) -> bool:
        filled = int(width * done / total) if total else width
        counts = f"{number(done, 0, lang)}/{number(total, 0, lang)}"
        out.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {counts}")
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
        draws=whole("draws", draws, 1, _core.MAX_DRAWS),
        seed=whole("seed", seed, 0, UINT64_MAX),
        threads=whole("threads", threads, 0, 1024),
        top=whole("top", top, 1, 1_000_000),
        decimals=whole("decimals", decimals, -1, 15),
    )
    return SimulationResult(_core.simulate_ranks(framework, model, options, callback), description)
