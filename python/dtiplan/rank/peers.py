"""Peers: the illustrative peer table, peer tables from files and frames, their growth to the
evaluation date, and the own score (docs/rank.md §1-2)."""

from __future__ import annotations

import datetime as _dt
import math
import os
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, Union

import numpy as np
import pandas as pd

from .. import _core
from .._core import (
    Framework,
    GrowthModel,
    OwnScore,
    PeerForecast,
    PeerTable,
)

PathLike = Union[str, "os.PathLike[str]"]

#: The illustrative peer table embedded in the library (scripts/make_example_peers.py).
EXAMPLE_PEERS_FILE: str = _core.EXAMPLE_PEERS_FILE

#: What every output using illustrative peers says, by language.
PEERS_ILLUSTRATIVE_LABEL = {
    "vi": "Đơn vị so sánh: số liệu minh họa (tỉnh minh họa, không phải kết quả DTI thật)",
    "en": "Peers: illustrative data (a synthetic province, not real DTI results)",
}



def data_labels(result: Any, lang: str = "vi") -> list[str]:
    """The labels every output made from ``result`` carries (anything with
    ``observations_illustrative`` and ``peers_illustrative``: an outlook, a scenario's):
    "Số liệu minh họa ..." when the observations are illustrative, the peers' label when they
    are."""
    from ..track import ILLUSTRATIVE_LABEL

    out = []
    if result.observations_illustrative:
        out.append(ILLUSTRATIVE_LABEL[lang])
    if result.peers_illustrative:
        out.append(PEERS_ILLUSTRATIVE_LABEL[lang])
    return out


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
    from ..track import _DATAFRAME_ORIGIN, _frame_to_csv, _relocate, is_excel, read_excel_with

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
        return read_excel_with(
            source, lambda text, origin: _core.peers_from_csv(text, origin, framework)
        )
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
    from ..projection import _to_date as to_date

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
    from ..projection import Projection

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
