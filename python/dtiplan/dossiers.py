"""Dossier exports (hồ sơ thủ tục hành chính) and the plan's dossier rates.

A CSV export is read by the C++ reader in one streaming pass (``read_dossiers``); a workbook
(.xlsx) or a DataFrame is fed to the same reader row by row, so checks and messages are the same
whatever the input (docs/dossiers.md). The rates, the "nửa vời" cases and the 766 index are
computed in C++; this module adapts inputs and builds DataFrames.
"""

from __future__ import annotations

import datetime as _dt
import json
import math
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any, Union

import pandas as pd

from . import _core
from ._core import (
    DossierOptions,
    DossierRates,
    DossierSummary,
    DossierTally,
    Index766,
    Period,
    Plan,
    ReportingWindow,
)

__all__ = [
    "RATE_NAMES",
    "DossierResult",
    "dossier_columns",
    "load_dossiers",
]

#: The rates as the outputs name them, with the plan indicator each measures ("" for on time).
RATE_NAMES: tuple[tuple[str, str, str], ...] = (
    ("online_rate", "online", "I.03"),
    ("full_online_rate", "full_online", "I.04"),
    ("digitised_rate", "digitised", "III.3.a.04"),
    ("handled_online_rate", "handled_online", "III.3.a.06"),
    ("e_result_rate", "e_result", "III.3.a.08"),
    ("online_payment_rate", "online_payment", "III.3.a.10"),
    ("on_time_rate", "on_time", ""),
)

_BATCH = 20_000

Source = Union[str, Path, pd.DataFrame]


def dossier_columns(mapping: Mapping[str, str] | str | Path | None) -> dict[str, str]:
    """A column mapping {header: field} from a dict or a JSON file (``--columns``)."""
    if mapping is None:
        return {}
    if isinstance(mapping, (str, Path)):
        path = Path(mapping)
        try:
            text = path.read_text(encoding="utf-8-sig")
        except OSError as e:
            raise _core.FileError(f"{path}: cannot read the column mapping ({e.strerror})") from e
        return dict(_core.parse_dossier_columns(text, path.name))
    return dict(_core.parse_dossier_columns(json.dumps(dict(mapping)), "columns"))


def _cell(value: Any) -> str:
    """A workbook or DataFrame cell as the CSV reader would see it."""
    if value is None or value is pd.NaT:
        return ""
    if isinstance(value, float):
        if math.isnan(value):
            return ""
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, _dt.datetime):
        return value.date().isoformat()
    if isinstance(value, _dt.date):
        return value.isoformat()
    return str(value)


def _feed(reader: _core.DossierReader, rows: Iterator[Iterable[Any]], first_row: int) -> None:
    """Rows to the reader in batches, numbered from ``first_row``; blank rows are skipped (as
    the CSV reader skips blank lines) but keep their numbers."""
    batch: list[list[str]] = []
    start = row = first_row
    for values in rows:
        cells = [_cell(v) for v in values]
        if not any(c.strip() for c in cells):
            if batch:
                reader.rows(batch, start)
                batch = []
            row += 1
            start = row
            continue
        batch.append(cells)
        row += 1
        if len(batch) == _BATCH:
            reader.rows(batch, start)
            batch = []
            start = row
    if batch:
        reader.rows(batch, start)


def _read_workbook(path: Path, plan: Plan, options: DossierOptions) -> DossierSummary:
    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except (OSError, ValueError, KeyError) as e:
        raise _core.FileError(f"{path}: cannot read the workbook ({e})") from e
    try:
        rows = book.worksheets[0].iter_rows(values_only=True)
        header = next(rows, None)
        if header is None:
            raise _core.FormatError(f"{path.name}: row 1: a header row is required")
        reader = _core.DossierReader(plan, options, path.name)
        reader.header([_cell(v) for v in header])
        _feed(reader, rows, 2)
        summary = reader.finish()
    finally:
        book.close()
    summary.sha256 = _core.file_sha256(path)
    return summary


def load_dossiers(
    source: Source,
    columns: Mapping[str, str] | str | Path | None = None,
    *,
    plan: Plan | None = None,
    period: Period | str | None = None,
    window: ReportingWindow | None = None,
    skip_bad: bool = False,
) -> DossierResult:
    """Read a dossier export (CSV UTF-8, .xlsx, or a DataFrame with one row per dossier) and
    count it per unit and reporting window. ``columns`` maps headers to the fields (a dict or a
    JSON file); ``plan`` (the built-in one by default) names the units and the window rule
    (``window`` overrides it); ``period`` ("2026-11") keeps only the dossiers received in its
    window; ``skip_bad`` leaves out rows with a bad cell, listed in ``summary.bad_rows``."""
    plan = plan if plan is not None else _core.builtin_plan()
    options = DossierOptions()
    options.columns = dossier_columns(columns)
    if period is not None:
        options.period = period if isinstance(period, Period) else Period.parse(str(period))
    options.rule = window if window is not None else plan.reporting.window
    options.skip_bad = skip_bad
    if isinstance(source, pd.DataFrame):
        reader = _core.DossierReader(plan, options, "DataFrame")
        reader.header([str(c) for c in source.columns])
        _feed(reader, source.itertuples(index=False, name=None), 2)
        return DossierResult(reader.finish(), plan)
    path = Path(source)
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        return DossierResult(_read_workbook(path, plan, options), plan)
    return DossierResult(_core.read_dossiers(path, plan, options), plan)


class DossierResult:
    """What an export says: ``summary`` (the compiled :class:`DossierSummary`), the rates of
    any tally, the 766 index, and DataFrames (``frame()``, ``half_online_frame()``)."""

    def __init__(self, summary: DossierSummary, plan: Plan) -> None:
        self.summary = summary
        self.plan = plan

    def __repr__(self) -> str:
        s = self.summary
        return (
            f"DossierResult({s.origin!r}, rows={s.rows}, windows={len(s.windows)}, "
            f"half_online={len(s.half_online)}, bad_rows={len(s.bad_rows)})"
        )

    @staticmethod
    def rates(tally: DossierTally) -> DossierRates:
        return _core.dossier_rates(tally)

    @staticmethod
    def index_766(tally: DossierTally) -> Index766:
        return _core.index_766(tally)

    def observations(self, submitted: _dt.date, unit: str = "") -> _core.ObservationLog:
        """The commune's figures as observations of I.03, I.04, III.3.a.04/06/08/10, one per
        window, with the export as evidence."""
        return _core.ObservationLog(
            _core.dossier_observations(self.summary, self.plan, submitted, unit)
        )

    def frame(self) -> pd.DataFrame:
        """One row per window and unit (then the commune, unit ""), with for each rate its
        numerator, denominator and value (NaN when there are no dossiers)."""
        records = []
        for w in self.summary.windows:
            entries = [(u.unit, u.tally) for u in w.units] + [("", w.commune)]
            for unit, tally in entries:
                rates = _core.dossier_rates(tally)
                rec: dict[str, Any] = {
                    "period": str(w.period),
                    "window_first": w.window.first,
                    "window_last": w.window.last,
                    "unit": unit,
                    "dossiers": tally.dossiers,
                    "half_online": tally.half_online,
                }
                for name, field, _indicator in RATE_NAMES:
                    r = getattr(rates, field)
                    value = r.value()
                    rec[f"{name}_numerator"] = r.numerator
                    rec[f"{name}_denominator"] = r.denominator
                    rec[name] = math.nan if value is None else value
                rec["index_766_points"] = _core.index_766(tally).points
                records.append(rec)
        return pd.DataFrame.from_records(records)

    def half_online_frame(self) -> pd.DataFrame:
        """The "nửa vời" cases: dossier, procedure, unit, received, period, reason."""
        return pd.DataFrame.from_records(
            [
                {
                    "dossier": c.dossier,
                    "procedure": c.procedure,
                    "procedure_name": c.procedure_name,
                    "unit": c.unit,
                    "received": c.received,
                    "period": str(c.period),
                    "reason": c.reason(),
                    "row": c.row,
                }
                for c in self.summary.half_online
            ],
            columns=[
                "dossier",
                "procedure",
                "procedure_name",
                "unit",
                "received",
                "period",
                "reason",
                "row",
            ],
        )
