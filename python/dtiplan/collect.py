"""Collecting the month's figures: reading the templates the units send back
(:func:`dtiplan.make_template`) and adding their figures to the observations file without
losing anything (docs/collection.md).

- A returned file is recognised by its hidden metadata sheet, not by its name. The data sheet is
  found by its heading row ("Mã chỉ tiêu"), so extra rows above or between the indicators do no
  harm; a value typed as text ("81,2%", "có") is read like a cell of an observations CSV.
- Every filled row goes through the observations reader of the library (the C++ CSV reader and
  ``validate_observation``): the same rules and messages as ``dtiplan status --observations``,
  with the place given as the file, the sheet, the row and the column of the workbook.
- A figure already in the observations file (same unit, indicator, period, value, date, evidence
  and note) is not added twice, so collecting the same folder again changes nothing.
- Two files of one run giving different figures for the same unit, indicator and period are a
  conflict: neither is added until the coordinator names the one to keep (``prefer``).
- A figure for a unit, indicator and period already in the file is added after it: the log keeps
  both, and the later submission is the one in force (``ObservationLog.effective``).
- The observations file is written to a temporary file, read back and compared with what was
  meant, then renamed over the old one. A CSV or Excel file keeps its earlier rows exactly as they
  were and gets the new rows at the end; a JSON file is written again whole.
"""

from __future__ import annotations

import csv
import datetime as _dt
import io
import os
import re
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Union

from openpyxl import Workbook, load_workbook
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from . import _core
from ._core import Observation, ObservationLog, Period, Plan, ReportingCalendar
from .report.template import (
    COLUMNS,
    DATA_SHEET,
    META_SHEET,
    SUBMITTED_LABEL,
    TEMPLATE_SCHEMA,
    TEMPLATE_VERSION,
)
from .track import EXCEL_SUFFIXES, OBSERVATION_COLUMNS, load_observations

__all__ = [
    "Change",
    "Collection",
    "Conflict",
    "ReturnedTemplate",
    "TemplateError",
    "UnitReturn",
    "add_observations",
    "collect",
    "read_template",
]

PathLike = Union[str, "os.PathLike[str]"]

_HEADINGS = {heading.casefold(): key for key, heading, _w, _f in COLUMNS}
_FILLED = (
    "value",
    "numerator",
    "denominator",
    "evidence_id",
    "evidence_title",
    "evidence_location",
    "note",
)


class TemplateError(ValueError):
    """A returned template that cannot be collected: every problem found, each naming the file,
    the sheet, the row and the column (``problems``)."""

    def __init__(self, problems: Sequence[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = list(problems)


@dataclass(frozen=True)
class ReturnedTemplate:
    """One returned template: who sent it, for which month, when, and its figures (validated)."""

    path: Path
    plan_id: str
    unit: str
    period: Period
    submitted: _dt.date
    submitted_from: str  # "option", "sheet" (the Ngày gửi cell) or "file" (its modification day)
    indicators: tuple[str, ...]
    figures: tuple[Observation, ...]


@dataclass(frozen=True)
class Change:
    """What one figure of a returned template does to the observations file. ``kind``: "new"
    (first figure of its unit, indicator and period), "replaced" (a different figure was in
    force), "confirmed" (the same value sent again), "already" (this very submission is in the
    file: nothing added), "set-aside" (a conflict decided for another file)."""

    kind: str
    file: Path
    observation: Observation
    before: Observation | None = None


@dataclass(frozen=True)
class Conflict:
    """Different figures for one unit, indicator and period from different files of one run."""

    unit: str
    indicator: str
    period: Period
    figures: tuple[tuple[Path, Observation], ...]


@dataclass(frozen=True)
class UnitReturn:
    """Where one unit stands for a month after the collection: its reports, how many are in,
    how many of those late and by how many days at most."""

    month: Period
    unit: str
    reports: int
    submitted: int
    late: int
    days_late: int
    due: bool  # the deadline has passed on the day judged


@dataclass
class Collection:
    """The result of :func:`collect`."""

    observations: Path
    templates: list[ReturnedTemplate] = field(default_factory=list)
    rejected: dict[Path, list[str]] = field(default_factory=dict)
    skipped: list[Path] = field(default_factory=list)  # files of a folder that are no template
    changes: list[Change] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    units: list[UnitReturn] = field(default_factory=list)
    log: ObservationLog = field(default_factory=ObservationLog)
    added: int = 0
    written: bool = False
    check: bool = False

    @property
    def ok(self) -> bool:
        """No rejected file and no conflict left open."""
        return not self.rejected and not self.conflicts


# --- Reading one returned template ------------------------------------------------------------


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "có" if value else "không"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, _dt.datetime):
        return value.date().isoformat()
    if isinstance(value, _dt.date):
        return value.isoformat()
    return str(value).strip()


def _metadata(workbook: Workbook) -> dict[str, str] | None:
    if META_SHEET not in workbook.sheetnames:
        return None
    meta: dict[str, str] = {}
    for key, value, *_rest in workbook[META_SHEET].iter_rows(values_only=True, max_col=2):
        if key is not None:
            meta[str(key).strip()] = _text(value)
    return meta if meta.get("schema") == TEMPLATE_SCHEMA else None


def _submitted_cell(ws: Worksheet) -> tuple[Any, int, int] | None:
    """The value typed beside "Ngày gửi báo cáo:", with its row and column."""
    for row in ws.iter_rows(max_row=40):
        for cell in row:
            if isinstance(cell.value, str) and cell.value.strip() == SUBMITTED_LABEL:
                for other in row[cell.column :]:
                    if other.value not in (None, ""):
                        return other.value, other.row, other.column
                return None
    return None


def _header(ws: Worksheet) -> tuple[int, dict[str, int]] | None:
    """The heading row of the indicators and the column of each key."""
    for row in ws.iter_rows(max_row=60):
        keys = {
            _HEADINGS.get(str(c.value).strip().casefold()): c.column
            for c in row
            if c.value is not None
        }
        keys.pop(None, None)
        if "indicator" in keys and "value" in keys:
            return row[0].row, {k: v for k, v in keys.items() if k is not None}
    return None


_WHERE = re.compile(r"^(?P<origin>.*?): row 2(?:, column (?P<column>\w+))?")


def _relocate(message: str, name: str, row: int, columns: dict[str, int]) -> str:
    """A CSV reader's message about the one-record text of a sheet row, placed in the sheet."""
    message = " ".join(message.split())
    match = _WHERE.match(message)
    if not match:
        return f'{name}: sheet "{DATA_SHEET}", row {row}: {message}'
    column = match.group("column")
    where = f'{name}: sheet "{DATA_SHEET}", row {row}'
    if column is not None and column in columns:
        heading = next(h for k, h, _w, _f in COLUMNS if k == column)
        where += f", column {get_column_letter(columns[column])} ({heading})"
    elif column is not None:
        where += f", column {column}"
    return where + message[match.end() :]


def _submission_day(
    path: Path, ws: Worksheet, submitted: _dt.date | None, problems: list[str]
) -> tuple[_dt.date, str]:
    if submitted is not None:
        return submitted, "option"
    found = _submitted_cell(ws)
    if found is not None:
        value, row, column = found
        if isinstance(value, _dt.datetime):
            return value.date(), "sheet"
        if isinstance(value, _dt.date):
            return value, "sheet"
        try:
            return _core.parse_date(str(value).strip()), "sheet"
        except _core.Error:
            problems.append(
                f'{path.name}: sheet "{DATA_SHEET}", row {row}, column '
                f"{get_column_letter(column)} ({SUBMITTED_LABEL.rstrip(':')}): cannot read "
                f'"{value}" as a date (write DD/MM/YYYY)'
            )
    return _dt.date.fromtimestamp(path.stat().st_mtime), "file"


def read_template(
    path: PathLike, plan: Plan, submitted: _dt.date | None = None
) -> ReturnedTemplate | None:
    """The figures of one returned template, validated against ``plan``; None when the file is
    a workbook without the metadata of a dtiplan template.

    The submission date is ``submitted`` when given, else the date in the "Ngày gửi báo cáo"
    cell, else the day the file was last modified. Rows whose cells to fill are all empty are
    not reported (the unit sent nothing for that indicator). Raises :class:`TemplateError` with
    every problem of the file, or ``FileError``/``FormatError`` when it is not a readable
    workbook.
    """
    file = Path(path)
    name = file.name
    try:
        workbook = load_workbook(file, data_only=True)
    except FileNotFoundError:
        raise _core.FileError(f"{file}: cannot open the file (no such file)") from None
    except Exception as error:  # noqa: BLE001 - any reader failure means "not a workbook"
        raise _core.FormatError(f"{name}: cannot read as an Excel workbook ({error})") from None
    meta = _metadata(workbook)
    if meta is None:
        return None
    problems: list[str] = []
    if meta.get("template_version") != str(TEMPLATE_VERSION):
        problems.append(
            f"{name}: template version {meta.get('template_version')!r} is not "
            f"{TEMPLATE_VERSION}; send the unit a new template"
        )
    if meta.get("plan_id") != plan.id:
        problems.append(
            f'{name}: the template is for plan "{meta.get("plan_id")}", not "{plan.id}"'
        )
    unit = meta.get("unit", "")
    if plan.find_unit(unit) is None and plan.find_group(unit) is None:
        problems.append(f'{name}: unknown unit "{unit}" in the template\'s metadata')
    try:
        period = Period.parse(meta.get("period", ""))
    except _core.Error:
        raise TemplateError(
            [f"{name}: unreadable period {meta.get('period')!r} in the metadata"]
        ) from None
    if DATA_SHEET not in workbook.sheetnames:
        raise TemplateError([*problems, f'{name}: no sheet "{DATA_SHEET}"'])
    ws = workbook[DATA_SHEET]
    day, day_from = _submission_day(file, ws, submitted, problems)
    header = _header(ws)
    if header is None:
        raise TemplateError(
            [
                *problems,
                f'{name}: sheet "{DATA_SHEET}" has no heading row with "Mã chỉ tiêu" and "Giá trị"',
            ]
        )
    header_row, columns = header
    figures: list[Observation] = []
    for cells in ws.iter_rows(min_row=header_row + 1):
        row = cells[0].row
        value = {
            k: _text(cells[c - 1].value) if c - 1 < len(cells) else "" for k, c in columns.items()
        }
        if not any(value.get(k, "") for k in _FILLED):
            continue  # nothing sent for this row (or a row added for notes)
        indicator = value.get("indicator", "")
        if not indicator:
            problems.append(
                f'{name}: sheet "{DATA_SHEET}", row {row}: figures without an '
                "indicator code (column Mã chỉ tiêu)"
            )
            continue
        record = {
            **{k: value.get(k, "") for k in OBSERVATION_COLUMNS},
            "period": str(period),
            "unit": unit,
            "submitted": day.isoformat(),
        }
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(OBSERVATION_COLUMNS)
        writer.writerow([record[k] for k in OBSERVATION_COLUMNS])
        try:
            log = _core.observations_from_csv(out.getvalue(), name, plan)
        except _core.Error as error:
            problems.append(_relocate(str(error), name, row, columns))
            continue
        figure = log.all()[0]
        figure.origin = f'{name}: sheet "{DATA_SHEET}", row {row}'
        figures.append(figure)
    if problems:
        raise TemplateError(problems)
    indicators = tuple(i for i in meta.get("indicators", "").split(";") if i)
    return ReturnedTemplate(
        file, meta["plan_id"], unit, period, day, day_from, indicators, tuple(figures)
    )


# --- The observations file --------------------------------------------------------------------


def _signature(o: Observation) -> tuple[Any, ...]:
    return (
        o.indicator,
        str(o.period),
        o.unit,
        o.value.value,
        o.value.numerator,
        o.value.denominator,
        o.submitted,
        tuple((e.id, e.title, e.location) for e in o.evidence),
        o.note,
    )


def _same_figure(a: Observation, b: Observation) -> bool:
    return (a.value.value, a.value.numerator, a.value.denominator) == (
        b.value.value,
        b.value.numerator,
        b.value.denominator,
    )


def _csv_rows(log: ObservationLog) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(_core.observations_to_csv(log))))


def _append_csv(old: str, new: ObservationLog) -> str | None:
    """The old CSV text with the new rows after it, in the old header's order and separator;
    None when the old header lacks a column the new rows need (then the file is written again)."""
    text = old.lstrip("\ufeff")
    first = text.splitlines()[0] if text else ""
    separator = ";" if ";" in first and "," not in first else ","
    header = next(csv.reader([first], delimiter=separator), [])
    keys = [h.strip().lower() for h in header]
    rows = _csv_rows(new)
    needed = {k for r in rows for k, v in r.items() if v}
    if not keys or not needed <= set(keys):
        return None
    out = io.StringIO()
    writer = csv.writer(out, delimiter=separator, lineterminator="\n")
    for r in rows:
        writer.writerow([r.get(k, "") for k in keys])
    joiner = "" if old.endswith(("\n", "\r")) else "\n"
    return old + joiner + out.getvalue()


_NUMBER_COLUMNS = ("value", "numerator", "denominator")


def _excel_cell(key: str, text: str) -> Any:
    if key in _NUMBER_COLUMNS and text:
        return float(text)
    return text or None


def _write_excel(path: Path, tmp: Path, new: ObservationLog) -> None:
    rows = _csv_rows(new)
    if path.exists():
        workbook = load_workbook(path)
        ws = workbook.worksheets[0]
        keys = [str(c.value or "").strip().lower() for c in ws[1]]
        missing = [k for r in rows for k, v in r.items() if v and k not in keys]
        if missing:
            raise _core.FormatError(
                f"{path.name}: no column {missing[0]} in row 1 for the new figures"
            )
        last = ws.max_row
        while last > 1 and all(c.value in (None, "") for c in ws[last]):
            last -= 1
        for n, r in enumerate(rows, start=last + 1):
            for col, key in enumerate(keys, start=1):
                if key in r:
                    ws.cell(row=n, column=col, value=_excel_cell(key, r[key]))
    else:
        workbook = Workbook()
        ws = workbook.active
        ws.title = "Số liệu"
        ws.append(list(OBSERVATION_COLUMNS))
        for r in rows:
            ws.append([_excel_cell(k, r[k]) for k in OBSERVATION_COLUMNS])
    workbook.save(tmp)


def _save(path: Path, before: ObservationLog, added: ObservationLog, plan: Plan) -> None:
    """Write ``before`` + ``added`` to ``path`` through a temporary file that is read back and
    compared first; the old file is replaced only when the new one reads as meant."""
    expected = ObservationLog([*before.all(), *added.all()])
    folder = path.parent if str(path.parent) else Path(".")
    fd, name = tempfile.mkstemp(prefix=f".{path.stem}.", suffix=path.suffix, dir=folder)
    os.close(fd)
    tmp = Path(name)
    try:
        suffix = path.suffix.lower()
        if suffix in EXCEL_SUFFIXES:
            _write_excel(path, tmp, added)
        else:
            text = path.read_text(encoding="utf-8") if path.exists() and suffix == ".csv" else None
            appended = _append_csv(text, added) if text else None
            if appended is not None:
                tmp.write_text(appended, encoding="utf-8", newline="")
            else:
                _core.save_observations(expected, tmp)
        reread = load_observations(tmp, plan)
        if _core.observations_to_csv(reread) != _core.observations_to_csv(expected):
            raise _core.FormatError(
                f"{path}: the file written does not read back as the "
                "observations meant; the old file is kept"
            )
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def add_observations(path: PathLike, added: ObservationLog, plan: Plan) -> int:
    """Add ``added`` to the observations file ``path`` (``.csv``, ``.json`` or ``.xlsx``;
    created when missing) as :func:`collect` does: the rows are appended (a workbook keeps its
    sheets and formats), the file written is read back and compared first, and it replaces the
    old one at once, so nothing already there is lost or rewritten. A figure the file already
    holds as it is (same indicator, period, unit, value and evidence) is not added again, so
    adding the same figures twice changes nothing. Returns how many were added."""
    target = Path(path)
    before = load_observations(target, plan) if target.exists() else ObservationLog()

    def key(o: _core.Observation) -> tuple[Any, ...]:
        return (o.indicator, str(o.period), o.unit, o.value.value, o.value.denominator,
                tuple(e.id for e in o.evidence))  # fmt: skip

    present = {key(o) for o in before.all()}
    new = ObservationLog([o for o in added.all() if key(o) not in present])
    if len(new):
        _save(target, before, new, plan)
    return len(new)


# --- Collecting -------------------------------------------------------------------------------


def _files(sources: Iterable[PathLike]) -> tuple[list[Path], set[Path]]:
    """The workbooks to read: files as given, and the Excel files of folders (Excel's lock files
    "~$..." and hidden files left out). The second set holds the files found in folders."""
    files: list[Path] = []
    found: set[Path] = set()
    for source in sources:
        p = Path(source)
        if p.is_dir():
            for f in sorted(p.iterdir()):
                if f.suffix.lower() in EXCEL_SUFFIXES and not f.name.startswith(("~$", ".")):
                    files.append(f)
                    found.add(f)
        else:
            files.append(p)
    return files, found


def _prefers(path: Path, prefer: Sequence[PathLike]) -> bool:
    for p in prefer:
        q = Path(p)
        if q.name == path.name and (len(q.parts) == 1 or q.resolve() == path.resolve()):
            return True
    return False


def _before(log: ObservationLog, o: Observation) -> Observation | None:
    """The figure of the same unit in force for the indicator and period."""
    same = [h for h in log.history(o.indicator, o.period) if h.unit == o.unit]
    return max(same, key=lambda h: h.submitted or _dt.date.min) if same else None


def _unit_returns(
    plan: Plan,
    calendar: ReportingCalendar,
    months: Sequence[Period],
    log: ObservationLog,
    as_of: _dt.date,
) -> list[UnitReturn]:
    returns: list[UnitReturn] = []
    for month in months:
        by_unit: dict[str, list[Any]] = {}
        for s in calendar.status(month, log, as_of):
            if not s.obligation.consolidated:
                by_unit.setdefault(s.obligation.unit, []).append(s)
        for unit, statuses in by_unit.items():
            states = [s.state for s in statuses]
            late = [s for s in statuses if s.state == _core.ReportState.Late]
            returns.append(
                UnitReturn(
                    month,
                    unit,
                    len(statuses),
                    sum(st in (_core.ReportState.OnTime, _core.ReportState.Late) for st in states),
                    len(late),
                    max((s.days_late for s in late), default=0),
                    as_of > calendar.unit_deadline(month),
                )
            )
    return returns


def collect(
    sources: Sequence[PathLike],
    observations: PathLike,
    plan: Plan | None = None,
    submitted: _dt.date | None = None,
    prefer: Sequence[PathLike] = (),
    check: bool = False,
    as_of: _dt.date | None = None,
    months: Sequence[Period | str] = (),
    calendar: ReportingCalendar | None = None,
) -> Collection:
    """Read the returned templates among ``sources`` (files or folders) and add their figures to
    the ``observations`` file (``.csv``, ``.json`` or ``.xlsx``; created when missing).

    A file with a problem is rejected whole (``Collection.rejected`` lists every problem, with
    file, sheet, row and column); the other files are collected. Conflicting figures are not
    added unless ``prefer`` names the file to keep. With ``check`` nothing is written. The
    unit returns are judged on ``as_of`` (default: today) for the months of the templates read
    (or ``months``). Errors reading the observations file itself propagate (nothing written).
    """
    plan = plan if plan is not None else _core.builtin_plan()
    calendar = calendar if calendar is not None else ReportingCalendar(plan)
    target = Path(observations)
    existing = load_observations(target, plan) if target.exists() else ObservationLog()
    result = Collection(observations=target, check=check)
    files, in_folders = _files(sources)
    for f in files:
        try:
            returned = read_template(f, plan, submitted)
        except TemplateError as error:
            result.rejected[f] = error.problems
            continue
        except _core.Error as error:
            if f in in_folders:
                result.skipped.append(f)
            else:
                result.rejected[f] = [" ".join(str(error).split())]
            continue
        if returned is None:
            if f in in_folders:
                result.skipped.append(f)
            else:
                result.rejected[f] = [
                    f"{f.name}: not a dtiplan template (no {META_SHEET!r} metadata sheet)"
                ]
            continue
        result.templates.append(returned)
    known = {_signature(o) for o in existing.all()}
    candidates: dict[tuple[str, str, str], list[tuple[Path, Observation]]] = {}
    for t in result.templates:
        for o in t.figures:
            if _signature(o) in known:
                result.changes.append(Change("already", t.path, o, _before(existing, o)))
                continue
            candidates.setdefault((o.unit, o.indicator, str(o.period)), []).append((t.path, o))
    added: list[tuple[Path, Observation]] = []
    for (unit, indicator, _period), figures in candidates.items():
        distinct: list[tuple[Path, Observation]] = []
        for path, o in figures:
            if not any(_same_figure(o, d) for _p, d in distinct):
                distinct.append((path, o))
        if len(distinct) > 1:
            chosen = [(p, o) for p, o in figures if _prefers(p, prefer)]
            if not chosen:
                result.conflicts.append(
                    Conflict(unit, indicator, figures[0][1].period, tuple(figures))
                )
                continue
            for p, o in figures:
                if (p, o) not in chosen:
                    result.changes.append(Change("set-aside", p, o, _before(existing, o)))
            figures = chosen
        # The same figure from several files (a copy sent twice): the latest submission counts.
        added.append(max(figures, key=lambda f: f[1].submitted or _dt.date.min))
    for path, o in added:
        before = _before(existing, o)
        kind = "new" if before is None else ("confirmed" if _same_figure(o, before) else "replaced")
        result.changes.append(Change(kind, path, o, before))
    new_log = ObservationLog([o for _p, o in added])
    result.added = len(new_log)
    result.log = ObservationLog([*existing.all(), *new_log.all()])
    if new_log and not check:
        _save(target, existing, new_log, plan)
        result.written = True
    wanted = [m if isinstance(m, Period) else Period.parse(m) for m in months]
    for t in result.templates:
        if all(str(t.period) != str(m) for m in wanted):
            wanted.append(t.period)
    result.units = _unit_returns(plan, calendar, wanted, result.log, as_of or _dt.date.today())
    return result
