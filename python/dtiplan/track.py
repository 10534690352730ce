"""Observations and the reporting calendar, with pandas DataFrames.

Loading goes through the C++ readers in every case, so validation and error messages are the
same whatever the input: a CSV or JSON file, or a DataFrame with the documented columns
(docs/observations.md), which is written to CSV text first. Errors are the library's
``ValueError`` subclasses and name the row and column at fault.

The illustrative observations shipped with the package (``example_observations()``) are invented
figures for demonstrations and tests; everything that shows them must say so
(:data:`ILLUSTRATIVE_LABEL`).
"""

from __future__ import annotations

import csv
import datetime as _dt
import io
import math
import os
import re
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any, TypeVar, Union

import numpy as np
import pandas as pd

from . import _core
from ._core import (
    DeadlineShift,
    HolidayCalendar,
    ObservationLog,
    Period,
    Plan,
    ReportingCalendar,
    ReportStatus,
)
from ._text import path_text

__all__ = [
    "EXAMPLE_OBSERVATIONS_FILE",
    "ILLUSTRATIVE_LABEL",
    "OBSERVATION_COLUMNS",
    "deadline_shift",
    "deadlines_frame",
    "example_observations",
    "example_observations_csv",
    "is_illustrative",
    "load_observations",
    "observations_frame",
    "reporting_calendar",
    "upcoming_frame",
]

#: The file name of the illustrative observations embedded in the library.
EXAMPLE_OBSERVATIONS_FILE: str = _core.EXAMPLE_OBSERVATIONS_FILE

#: What every output using the illustrative observations says, by language.
ILLUSTRATIVE_LABEL = {
    "vi": "Số liệu minh họa (không phải số liệu chính thức)",
    "en": "Illustrative data (not official figures)",
}

#: The CSV columns of observations, in the order written (docs/observations.md).
OBSERVATION_COLUMNS = (
    "indicator",
    "period",
    "value",
    "numerator",
    "denominator",
    "unit",
    "submitted",
    "evidence_id",
    "evidence_title",
    "evidence_location",
    "note",
)

PathLike = Union[str, "os.PathLike[str]"]

_DATAFRAME_ORIGIN = "DataFrame"
_T = TypeVar("_T")


# --- Loading ----------------------------------------------------------------------------------


def example_observations_csv() -> str:
    """The CSV text of the illustrative observations of 2026 (invented figures, seeded script
    ``scripts/make_example_observations.py``; see data/examples/README.md), as embedded in the
    library."""
    return _core.example_observations_csv()


def example_observations(plan: Plan | None = None) -> ObservationLog:
    """The illustrative observations of 2026 for the built-in plan (or ``plan``), as an
    :class:`ObservationLog`. Invented figures: label every output that uses them
    (:data:`ILLUSTRATIVE_LABEL`)."""
    plan = plan if plan is not None else _core.builtin_plan()
    return _core.example_observations(plan)


def is_illustrative(log: ObservationLog) -> bool:
    """True when every observation of a non-empty log was read from the illustrative example
    (by its file name, wherever the file lies: "data/examples/illustrative-....csv:12")."""
    return bool(_core.is_illustrative(log))


def _cell(value: Any) -> str:
    """One DataFrame cell as the CSV reader expects it."""
    if value is None:
        return ""
    if isinstance(value, (bool, np.bool_)):
        return "true" if value else "false"
    if isinstance(value, (float, np.floating)):
        number = float(value)
        if math.isnan(number):
            return ""
        if number.is_integer() and abs(number) < 1e15:
            return str(int(number))
        text = repr(number)
        # "12.345" would be read as twelve thousand three hundred forty-five (a dot and three
        # digits is the Vietnamese thousands separator): "12.3450" is the same number, unambiguous.
        if re.fullmatch(r"-?[1-9]\d{0,2}\.\d{3}", text):
            text += "0"
        return text
    if isinstance(value, (int, np.integer)):
        return str(int(value))
    if isinstance(value, pd.Timestamp):
        return "" if pd.isna(value) else value.date().isoformat()
    if isinstance(value, _dt.datetime):
        return value.date().isoformat()
    if isinstance(value, _dt.date):
        return value.isoformat()
    if isinstance(value, Period):
        return str(value)
    if value is pd.NaT or value is pd.NA:
        return ""
    return str(value)


def _frame_to_csv(frame: pd.DataFrame) -> tuple[str, dict[int, Any]]:
    """The frame as CSV text, and the index label of the record starting on each line."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([str(c) for c in frame.columns])
    line = 2
    labels: dict[int, Any] = {}
    for label, row in zip(frame.index, frame.itertuples(index=False, name=None)):
        cells = [_cell(v) for v in row]
        labels[line] = label
        writer.writerow(cells)
        line += 1 + sum(c.count("\n") for c in cells)
    return out.getvalue(), labels


def _relocate(
    error: _core.Error,
    labels: dict[int, Any],
    origin: str = _DATAFRAME_ORIGIN,
    name: Callable[[int, Any], str] | None = None,
) -> _core.Error:
    """The same error with "ORIGIN: row N" (N a line of the CSV text made from a frame) named
    as the frame's row: by default "DataFrame: index LABEL (CSV row N)"."""
    row = re.compile(r"^" + re.escape(origin) + r": row (\d+)")

    def replace(text: str) -> str:
        match = row.match(text)
        if not match or int(match.group(1)) not in labels:
            return text
        line = int(match.group(1))
        if name is not None:
            return name(line, labels[line]) + text[match.end() :]
        return f"{origin}: index {labels[line]!r} (CSV row {line})" + text[match.end() :]

    relocated = type(error)(replace(str(error)))
    relocated.where = replace(error.where)
    relocated.detail = error.detail
    return relocated


#: File suffixes read as Excel workbooks (the first sheet, header in row 1).
EXCEL_SUFFIXES = (".xlsx", ".xlsm")


def is_excel(path: PathLike) -> bool:
    """True for a path ending in .xlsx or .xlsm."""
    return Path(path).suffix.lower() in EXCEL_SUFFIXES


def _excel_frame(path: PathLike) -> pd.DataFrame:
    name = path_text(path)
    try:
        return pd.read_excel(path, sheet_name=0, dtype=object)
    except FileNotFoundError:
        raise _core.FileError(f"{name}: cannot open the file (no such file)") from None
    except ImportError as error:
        raise _core.FileError(
            f"{name}: reading Excel needs the openpyxl package ({error})"
        ) from None
    except Exception as error:  # noqa: BLE001 - any reader failure means "not a workbook"
        raise _core.FormatError(f"{name}: cannot read as an Excel workbook ({error})") from None


def excel_csv(path: PathLike) -> str:
    """The first sheet of an Excel workbook as CSV text, header in row 1. Raises FileError when
    the file cannot be opened and FormatError when it is not a workbook (or two of its columns
    have the same name)."""
    return _excel_csv(path)[0]


def _excel_csv(path: PathLike) -> tuple[str, dict[int, Any]]:
    frame = _excel_frame(path)
    # pandas renames a repeated header "value" to "value.1": say what the sheet says.
    seen: dict[str, int] = {}
    for position, column in enumerate(frame.columns):
        written = str(column)
        base = re.sub(r"\.\d+$", "", written)
        key = base.strip().lower()
        if key in seen and base != written:
            raise _core.FormatError(
                f'{path_text(path)}: row 1: the column "{base}" appears twice (columns '
                f"{_column_letter(seen[key])} and {_column_letter(position)})"
            )
        seen.setdefault(key, position)
    return _frame_to_csv(frame)


def _column_letter(position: int) -> str:
    """0 -> "A", 25 -> "Z", 26 -> "AA": a sheet's column name."""
    letters = ""
    position += 1
    while position:
        position, rest = divmod(position - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def read_excel_with(path: PathLike, read: Callable[[str, str], _T]) -> _T:
    """The first sheet of an Excel workbook read by ``read(csv_text, origin)`` (a compiled CSV
    reader); its errors name the full path and the sheet's row (the header is row 1), also after
    a cell with a line break in it."""
    text, labels = _excel_csv(path)
    origin = path_text(path)
    try:
        return read(text, origin)
    except _core.Error as error:
        sheet_rows = {line: label + 2 for line, label in labels.items()}
        raise _relocate(
            error, sheet_rows, origin, lambda line, row: f"{origin}: row {row}"
        ) from None


def load_observations(source: PathLike | pd.DataFrame, plan: Plan | None = None) -> ObservationLog:
    """Read observations from a ``.csv``, ``.json`` or Excel (``.xlsx``: the first sheet, header
    in row 1) file, or from a DataFrame with the
    documented columns (``indicator``, ``period``, ``value`` or ``numerator`` + ``denominator``,
    ``submitted``, and optionally ``unit``, ``evidence_id``, ``evidence_title``,
    ``evidence_location``, ``note``), validated against ``plan`` (default: the built-in plan).

    A DataFrame is written to CSV text and read by the same C++ reader as a file, so the checks
    and messages are the same; the location names the frame's index label and the CSV row
    (``DataFrame: index 3 (CSV row 5), column value: ...``). Raises :class:`FormatError`,
    :class:`ValidationError` or :class:`FileError` (all ``ValueError``).
    """
    plan = plan if plan is not None else _core.builtin_plan()
    if isinstance(source, pd.DataFrame):
        text, labels = _frame_to_csv(source)
        try:
            return _core.observations_from_csv(text, _DATAFRAME_ORIGIN, plan)
        except _core.Error as error:
            raise _relocate(error, labels) from None
    if is_excel(source):
        return read_excel_with(
            source, lambda text, origin: _core.observations_from_csv(text, origin, plan)
        )
    return _core.load_observations(source, plan)


# --- DataFrames -------------------------------------------------------------------------------


def _dates(values: Sequence[_dt.date | None]) -> pd.Series:
    return pd.to_datetime(pd.Series([pd.NaT if v is None else v for v in values], dtype=object))


def observations_frame(log: ObservationLog, effective_only: bool = False) -> pd.DataFrame:
    """One row per submission, in log order (or, with ``effective_only``, one row per
    (indicator, period): the submission in force).

    Columns: ``indicator``, ``period`` (datetime64: the period's last day, so the column plots
    and fits as it is, months, quarters and years on one time axis), ``value``, ``numerator``,
    ``denominator`` (NaN when not given), ``unit``, ``submitted`` (datetime64),
    ``evidence_id``, ``evidence_title``, ``evidence_location`` (joined by "; "), ``n_evidence``,
    ``note``, ``origin``, ``effective`` (False for a submission superseded by a later one) and
    ``period_label`` (the period as written: "2026-03", "2026-Q1", "2026").
    """
    observations = log.all()
    effective = log.effective_indices()
    positions = list(effective) if effective_only else list(range(len(observations)))
    in_force = set(effective)
    rows = []
    for i in positions:
        o = observations[i]
        rows.append(
            {
                **o.to_dict(),
                "period": o.period.last_day(),
                "value": o.value.value,
                "numerator": np.nan if o.value.numerator is None else o.value.numerator,
                "denominator": np.nan if o.value.denominator is None else o.value.denominator,
                "evidence_id": "; ".join(e.id for e in o.evidence),
                "evidence_title": "; ".join(e.title for e in o.evidence),
                "evidence_location": "; ".join(e.location for e in o.evidence),
                "n_evidence": len(o.evidence),
                "effective": i in in_force,
                "period_label": str(o.period),
            }
        )
    columns = [*OBSERVATION_COLUMNS[:7], *OBSERVATION_COLUMNS[7:10], "n_evidence", "note"]
    columns += ["origin", "effective", "period_label"]
    frame = pd.DataFrame(rows, columns=columns)
    frame["period"] = _dates([observations[i].period.last_day() for i in positions])
    frame["submitted"] = _dates([observations[i].submitted for i in positions])
    return frame.astype(
        {
            "value": "float64",
            "numerator": "float64",
            "denominator": "float64",
            "n_evidence": "int64",
            "effective": "bool",
        }
    )


# --- The reporting calendar -------------------------------------------------------------------

_SHIFTS = {
    "keep": DeadlineShift.Keep,
    "earlier": DeadlineShift.Earlier,
    "later": DeadlineShift.Later,
}


def deadline_shift(value: DeadlineShift | str) -> DeadlineShift:
    """A :class:`DeadlineShift` from itself or its name: "keep", "earlier", "later"."""
    if isinstance(value, DeadlineShift):
        return value
    try:
        return _SHIFTS[str(value).strip().lower()]
    except KeyError:
        raise ValueError(
            f"unknown deadline shift {value!r} (expected one of: {', '.join(_SHIFTS)})"
        ) from None


def reporting_calendar(
    plan: Plan | None = None,
    shift: DeadlineShift | str = DeadlineShift.Keep,
    holidays: HolidayCalendar | Iterable[tuple[_dt.date, str]] | None = None,
) -> ReportingCalendar:
    """The reporting calendar of a plan (default: the built-in plan); ``shift`` as a
    :class:`DeadlineShift` or "keep" / "earlier" / "later"; ``holidays`` a
    :class:`HolidayCalendar` or (date, name) pairs added to the fixed national holidays."""
    plan = plan if plan is not None else _core.builtin_plan()
    if holidays is None:
        calendar_holidays = HolidayCalendar()
    elif isinstance(holidays, HolidayCalendar):
        calendar_holidays = holidays
    else:
        calendar_holidays = HolidayCalendar()
        for day, name in holidays:
            calendar_holidays.add(day, name)
    return ReportingCalendar(plan, deadline_shift(shift), calendar_holidays)


def _unit_name(plan: Plan | None, unit_id: str) -> str:
    return unit_id if plan is None else plan.label_of(unit_id)


def deadlines_frame(
    calendar: ReportingCalendar,
    month: Period | str,
    log: ObservationLog,
    as_of: _dt.date,
    plan: Plan | None = None,
) -> pd.DataFrame:
    """The reporting obligations of a month and their state on ``as_of``: one row per
    obligation, units' reports first (in plan order), then the consolidated report.

    Columns: ``unit``, ``unit_name`` (the short name when ``plan`` is given, else the id),
    ``indicator`` ("" for the consolidated report), ``period``, ``deadline`` (datetime64),
    ``consolidated``, ``state`` ("on-time", "late", "missing", "not-yet-due"), ``days_late`` and
    ``submitted`` (datetime64, NaT when nothing was submitted by ``as_of``).
    """
    statuses: list[ReportStatus] = calendar.status(month, log, as_of)
    rows = [
        {
            **s.obligation.to_dict(),
            **s.to_dict(),
            "unit_name": _unit_name(plan, s.obligation.unit),
            "period": str(s.obligation.period),
            "state": s.state.spelling,
        }
        for s in statuses
    ]
    columns = [
        "unit",
        "unit_name",
        "indicator",
        "period",
        "deadline",
        "consolidated",
        "state",
        "days_late",
        "submitted",
    ]
    frame = pd.DataFrame(rows, columns=columns)
    frame["deadline"] = _dates([s.obligation.deadline for s in statuses])
    frame["submitted"] = _dates([s.submitted for s in statuses])
    return frame.astype({"consolidated": "bool", "days_late": "int64"})


def upcoming_frame(
    calendar: ReportingCalendar, start: _dt.date, limit: int = 30, plan: Plan | None = None
) -> pd.DataFrame:
    """What falls due next: obligations with a deadline on or after ``start``, soonest first,
    up to ``limit``. Columns: ``deadline`` (datetime64), ``unit``, ``unit_name``, ``indicator``,
    ``period`` and ``consolidated``."""
    obligations = calendar.upcoming(start, limit)
    rows = [
        {**o.to_dict(), "unit_name": _unit_name(plan, o.unit), "period": str(o.period)}
        for o in obligations
    ]
    frame = pd.DataFrame(
        rows, columns=["deadline", "unit", "unit_name", "indicator", "period", "consolidated"]
    )
    frame["deadline"] = _dates([o.deadline for o in obligations])
    return frame.astype({"consolidated": "bool"})
