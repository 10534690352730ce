"""The command's verbs: each reads its inputs, builds its data with the report package and
prints it through the one output function (:func:`dtiplan.cli._output.emit`). Each returns the
exit code: 0, or 1 when the plan check found an error (``check`` and ``report``)."""

from __future__ import annotations

import argparse
import dataclasses
import datetime
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TextIO

from .. import _core, rank, report
from .._core import Finding, GrowthModel, Plan
from ..collect import add_observations, collect
from ..dossiers import dossier_columns, load_dossiers
from ..projection import project_dti
from ..rank import DEFAULT_GROWTH
from ..report import assessment, tables
from ..report._format import period_name, period_window, unit_label
from ..report._summary import summary_lines
from ..report.collection import collection_csv, collection_data, collection_text
from ..report.docx import assessment_docx, dossiers_docx, report_docx
from ..report.dossiers import (
    dossiers_csv,
    dossiers_data,
    dossiers_tables,
    dossiers_text,
    dossiers_title,
)
from ..report.html import report_html
from ..report.tables import cell_text
from ..report.template import (
    make_template,
    template_file_name,
    template_indicators,
    template_units,
    write_template,
)
from ..report.textfiles import csv_files, markdown_text
from ..track import load_observations
from ._inputs import Inputs, load_inputs, reading
from ._output import Renderers, as_is, emit, print_json
from ._parser import UsageError, parse_as_of, parse_month, parse_to, split_scenarios

__all__ = ["VERBS"]

Verb = Callable[[Plan, argparse.Namespace], int]

# --- The plan: show, check, matrix --------------------------------------------------------------

_SHOW: Renderers[Plan] = Renderers(report.show_text, report.show_json, report.show_csv)
_MATRIX: Renderers[Plan] = Renderers(report.matrix_text, report.matrix_json, report.matrix_csv)

_Checked = tuple[Plan, Sequence[Finding]]


def _check_csv(data: _Checked, out: TextIO, lang: str) -> None:
    report.check_csv(data[1], out, lang)


_CHECK: Renderers[_Checked] = Renderers(
    lambda data, lang: report.check_text(data[0], data[1], lang),
    lambda data, lang: report.check_json(data[0], data[1], lang),
    _check_csv,
)


def _show(plan: Plan, args: argparse.Namespace) -> int:
    emit(plan, _SHOW, args)
    return 0


def _check(plan: Plan, args: argparse.Namespace) -> int:
    findings = plan.check()
    emit((plan, findings), _CHECK, args)
    return 1 if _core.has_errors(findings) else 0


def _matrix(plan: Plan, args: argparse.Namespace) -> int:
    emit(plan, _MATRIX, args)
    return 0


# --- Observations: status, deadlines, units, report ---------------------------------------------

def _titled(text: Callable[[dict[str, Any], str], str]) -> Callable[[dict[str, Any], str], str]:
    """The title of a page: the first line of the verb's text."""
    return lambda data, lang: text(data, lang).splitlines()[0]


_STATUS: Renderers[dict[str, Any]] = Renderers(
    report.status_text, as_is, report.status_csv, tables.status_tables,
    _titled(report.status_text),
)  # fmt: skip
_DEADLINES: Renderers[dict[str, Any]] = Renderers(
    report.deadlines_text, as_is, report.deadlines_csv, tables.deadlines_tables,
    _titled(report.deadlines_text),
)  # fmt: skip
_UNITS: Renderers[dict[str, Any]] = Renderers(
    report.units_text, as_is, report.units_csv, tables.units_tables, _titled(report.units_text)
)


def _report_lines(data: dict[str, Any], lang: str) -> list[str]:
    return summary_lines(data["summary"], lang)


def _report_docx(data: dict[str, Any], path: Path, lang: str) -> None:
    report_docx(data, path, lang, _report_lines(data, lang))


def _report_html(data: dict[str, Any], path: Path, lang: str) -> None:
    board = tables.units_tables(data["units"], lang)[0]
    page = report_html(data, lang, report.report_title(data, lang), _report_lines(data, lang), board)
    path.write_text(page, encoding="utf-8")


def _report_md(data: dict[str, Any], path: Path, lang: str) -> None:
    title = report.report_title(data, lang)
    all_tables = tables.report_tables(data, lang)
    path.write_text(
        markdown_text(title, _report_lines(data, lang), all_tables, lang), encoding="utf-8"
    )


def _report_renderers(full: bool) -> Renderers[dict[str, Any]]:
    return Renderers(
        lambda data, lang: report.report_text(data, lang, full),
        as_is,
        report.report_csv,
        tables.report_tables,
        report.report_title,
        {".docx": _report_docx, ".html": _report_html, ".md": _report_md},
    )


def _status_data(
    inputs: Inputs, lang: str, best: dict[str, float] | None = None
) -> dict[str, Any]:
    return report.status_data(
        inputs.plan, inputs.framework, inputs.log, inputs.as_of, inputs.illustrative,
        inputs.source, lang, best,
    )  # fmt: skip


def _best_on(outlook: rank.RankOutlook, day: datetime.date) -> dict[str, float]:
    """The peers' best of each relative-to-best component on ``day``, as the outlook scores
    them at the evaluation date (1 for a component no peer gives), so that the report's DTI
    now, last month's and the projected one are scored alike."""
    assert outlook.core is not None
    best = _core.peers_best(
        outlook.framework, outlook.peers, outlook.growth, day, outlook.own_unit
    )
    for component in outlook.core.best_assumed:
        best[component] = 1.0
    return best


def _deadlines_data(inputs: Inputs, lang: str) -> dict[str, Any]:
    return report.deadlines_data(
        inputs.plan, inputs.calendar, inputs.month, inputs.log, inputs.as_of,
        inputs.illustrative, inputs.source, lang,
    )  # fmt: skip


def _units_data(inputs: Inputs) -> dict[str, Any]:
    return report.units_data(
        inputs.plan, inputs.framework, inputs.log, inputs.calendar, inputs.as_of,
        inputs.illustrative, inputs.source,
    )  # fmt: skip


def _status(plan: Plan, args: argparse.Namespace) -> int:
    emit(_status_data(load_inputs(plan, args), args.lang), _STATUS, args)
    return 0


def _deadlines(plan: Plan, args: argparse.Namespace) -> int:
    emit(_deadlines_data(load_inputs(plan, args), args.lang), _DEADLINES, args)
    return 0


def _units(plan: Plan, args: argparse.Namespace) -> int:
    emit(_units_data(load_inputs(plan, args)), _UNITS, args)
    return 0


def _month_before(day: datetime.date) -> datetime.date:
    """The same day a month earlier (the month's last day when it has no such day)."""
    year, month = (day.year, day.month - 1) if day.month > 1 else (day.year - 1, 12)
    last = (datetime.date(year + month // 12, month % 12 + 1, 1) - datetime.timedelta(days=1)).day
    return datetime.date(year, month, min(day.day, last))


def _report_dossiers(
    plan: Plan, args: argparse.Namespace, month: _core.Period
) -> dict[str, Any] | None:
    """The month's "nửa vời" cases of ``--dossiers``, for the report's summary."""
    if args.dossiers is None:
        return None
    columns: dict[str, str] = {}
    if args.dossier_columns is not None:
        with reading(args.dossier_columns):
            columns = dossier_columns(args.dossier_columns)
    with reading(args.dossiers):
        result = load_dossiers(args.dossiers, columns, plan=plan, period=month)
    return report.report_dossiers_data(
        dossiers_data(result, plan, args.lang), str(month), period_window(plan, month)
    )


def _report(plan: Plan, args: argparse.Namespace) -> int:
    inputs = load_inputs(plan, args)
    findings = plan.check()
    before = _month_before(inputs.as_of)
    previous = dataclasses.replace(
        inputs, as_of=before, month=_core.Period.month(before.year, before.month)
    )
    # The projection and the rank of the month: the evaluation at the end of the year.
    args.to = args.to or f"{inputs.as_of.year}-12-31"
    outlook = _rank_outlook(plan, args, improve=True)
    # The Word document is an administrative document: Vietnamese whatever --lang.
    if str(getattr(args, "output", "") or "").lower().endswith(".docx"):
        args.lang = "vi"
    outlook_data = report.rank_data(outlook, args.lang)
    outlook_data["improvement"] = report.improve_data(outlook, args.lang)["improvement"]
    data = report.report_data(
        plan,
        findings,
        status=_status_data(inputs, args.lang, _best_on(outlook, inputs.as_of)),
        deadlines=_deadlines_data(inputs, args.lang),
        units=_units_data(inputs),
        as_of=inputs.as_of,
        illustrative=inputs.illustrative,
        lang=args.lang,
        previous=_status_data(previous, args.lang, _best_on(outlook, before)),
        previous_deadlines=_deadlines_data(previous, args.lang),
        projection=report.project_data(outlook.projection, args.lang),
        outlook=outlook_data,
        dossiers=_report_dossiers(plan, args, inputs.month),
    )
    emit(data, _report_renderers(args.full), args)
    return 1 if _core.has_errors(findings) else 0


# --- Projection, rank, improvement --------------------------------------------------------------

_PROJECT: Renderers[dict[str, Any]] = Renderers(
    report.project_text, as_is, report.project_csv, tables.project_tables,
    _titled(report.project_text),
)  # fmt: skip


def _project(plan: Plan, args: argparse.Namespace) -> int:
    inputs = load_inputs(plan, args)
    projection = project_dti(
        plan,
        inputs.framework,
        inputs.log,
        inputs.as_of,
        parse_to(args.to),
        draws=args.draws,
        seed=args.seed,
        method=args.model,
        progress=args.method,
    )
    emit(report.project_data(projection, args.lang), _PROJECT, args)
    return 0


def _assumptions(args: argparse.Namespace) -> tuple[Any, GrowthModel | str]:
    """The untracked assumption and the peers' growth (or "estimate") from the options of rank,
    improve and whatif (``report``, which has none of them, takes the defaults)."""
    try:
        untracked = rank.untracked_assumption(getattr(args, "untracked", "peer-median"))
    except ValueError as error:
        raise UsageError(f"--untracked: {error}") from None
    sd = getattr(args, "growth_sd", DEFAULT_GROWTH.sd)
    shock_sd = getattr(args, "shock_sd", DEFAULT_GROWTH.shock_sd)
    if sd < 0 or shock_sd < 0:
        raise UsageError("--growth-sd and --shock-sd: expected a spread >= 0")
    if getattr(args, "estimate_growth", False):
        return untracked, "estimate"
    mean = getattr(args, "growth_mean", DEFAULT_GROWTH.mean)
    return untracked, GrowthModel(mean=mean, sd=sd, shock_sd=shock_sd)


def _rank_outlook(
    plan: Plan, args: argparse.Namespace, improve: bool | None = None
) -> rank.RankOutlook:
    """The outlook ``rank`` and ``improve`` print, from the options (``report`` takes the
    defaults of the options it does not have)."""
    inputs = load_inputs(plan, args)
    to = parse_to(args.to)
    untracked, growth = _assumptions(args)
    budget: float | None = getattr(args, "budget", None)
    if budget is not None and budget < 0:
        raise UsageError("--budget: expected an effort >= 0")
    with reading(args.peers if args.peers is not None else rank.EXAMPLE_PEERS_FILE):
        return rank.rank_outlook(
            plan,
            inputs.framework,
            inputs.log,
            args.peers,
            as_of=inputs.as_of,
            evaluation=to,
            growth=growth,
            untracked=untracked,
            top=getattr(args, "top", None),
            probability=getattr(args, "probability", 0.5),
            method=getattr(args, "method", "exact") if args.verb == "rank" else "exact",
            draws=(getattr(args, "draws", None) if args.verb == "rank" else None) or 100000,
            seed=args.seed,
            budget=budget,
            goal="points" if getattr(args, "for_points", False) else "chance",
            improve=args.verb == "improve" if improve is None else improve,
            **({"projection_draws": args.draws} if args.verb == "report" else {}),
        )


_RANK: Renderers[dict[str, Any]] = Renderers(
    report.rank_text, report.rank_json, report.rank_csv, tables.rank_tables,
    _titled(report.rank_text),
)  # fmt: skip
_EVERYONE: Renderers[dict[str, Any]] = Renderers(
    report.everyone_text, report.everyone_json, report.everyone_csv
)


def _rank(plan: Plan, args: argparse.Namespace) -> int:
    outlook = _rank_outlook(plan, args)
    if args.everyone:
        simulation = rank.rank_everyone(
            outlook,
            draws=args.draws or 10000,
            seed=args.seed,
            progress=rank.progress_bar(lang=args.lang),
        )
        emit(report.everyone_data(outlook, simulation, args.lang), _EVERYONE, args)
    else:
        emit(report.rank_data(outlook, args.lang), _RANK, args)
    return 0


def _improve(plan: Plan, args: argparse.Namespace) -> int:
    limit: int | None = args.limit
    renderers: Renderers[dict[str, Any]] = Renderers(
        lambda data, lang: report.improve_text(data, lang, limit),
        report.improve_json,
        report.improve_csv,
        tables.improve_tables,
        _titled(report.improve_text),
    )
    emit(report.improve_data(_rank_outlook(plan, args), args.lang), renderers, args)
    return 0


# --- What if? ---------------------------------------------------------------------------------

_WHATIF: Renderers[dict[str, Any]] = Renderers(
    report.whatif_text, as_is, report.whatif_csv, report.whatif_tables,
    _titled(report.whatif_text),
)  # fmt: skip


def _whatif(plan: Plan, args: argparse.Namespace) -> int:
    inputs = load_inputs(plan, args)
    scenarios = []
    for settings in split_scenarios(args.settings):
        try:
            scenarios.append(rank.scenario(settings, plan, inputs.framework))
        except _core.Error as error:
            raise UsageError(f"whatif {' '.join(str(error).split())}") from None
    untracked, growth = _assumptions(args)
    with reading(args.peers if args.peers is not None else rank.EXAMPLE_PEERS_FILE):
        comparison = rank.what_if(
            *scenarios,
            by=parse_to(args.to),
            plan=plan,
            framework=inputs.framework,
            observations=inputs.log,
            peers=args.peers,
            as_of=inputs.as_of,
            growth=growth,
            untracked=untracked,
            top=args.top,
            probability=args.probability,
            projection_draws=args.draws,
            seed=args.seed,
            observations_illustrative=inputs.illustrative,
        )
    emit(report.whatif_data(comparison, args.lang), _WHATIF, args)
    return 0


# --- The annual self-assessment -----------------------------------------------------------------


def _assessment_docx(data: dict[str, Any], path: Path, lang: str) -> None:
    table = assessment.assessment_tables(data, lang)[0]
    rows = [[cell_text(v, table.kinds[i], lang) if table.kinds[i] != "text" else (v or "")
             for i, v in enumerate(row)] for row in table.rows]  # fmt: skip
    assessment_docx(data, path, lang, table.titles, rows)


def _assessment_csv(data: dict[str, Any], out: TextIO, lang: str) -> None:
    """The form as CSV on stdout (without the byte-order mark of the files)."""
    text = next(iter(csv_files(assessment.assessment_tables(data, lang)).values()))
    out.write(text.lstrip("\ufeff"))


_ASSESSMENT: Renderers[dict[str, Any]] = Renderers(
    assessment.assessment_text,
    as_is,
    _assessment_csv,
    assessment.assessment_tables,
    assessment.assessment_title,
    {".docx": _assessment_docx},
)


def _assessment(plan: Plan, args: argparse.Namespace) -> int:
    inputs = load_inputs(plan, args)
    year: int = args.year or inputs.as_of.year
    cutoff = inputs.as_of if args.as_of is not None else datetime.date(year, *assessment.CUTOFF)
    data = assessment.assessment_data(
        plan, inputs.framework, inputs.log, year, cutoff, inputs.illustrative, inputs.source,
        args.lang,
    )  # fmt: skip
    emit(data, _ASSESSMENT, args)
    return 0


_DOSSIERS: Renderers[dict[str, Any]] = Renderers(
    dossiers_text, as_is, dossiers_csv, dossiers_tables, dossiers_title,
    {".docx": dossiers_docx},
)  # fmt: skip


def _dossiers(plan: Plan, args: argparse.Namespace) -> int:
    if args.window is not None:
        rules = plan.reporting
        rules.window = _core.ReportingWindow.from_spelling(args.window)
        plan.reporting = rules
    if args.columns is not None:
        with reading(args.columns):
            columns = dossier_columns(args.columns)
    else:
        columns = {}
    with reading(args.file):
        period = None if args.period is None else _core.Period.parse(args.period)
        result = load_dossiers(
            args.file, columns, plan=plan, period=period, skip_bad=args.skip_bad
        )
    # The Word document is an administrative document: Vietnamese whatever --lang.
    if str(getattr(args, "output", "") or "").lower().endswith(".docx"):
        args.lang = "vi"
    as_of = parse_as_of(args.as_of)
    data = dossiers_data(result, plan, args.lang, as_of)
    if args.write_observations is not None:
        with reading(args.write_observations):
            figures = result.observations(as_of)
            added = add_observations(args.write_observations, figures, plan)
        data["observations_written"] = {
            "file": args.write_observations,
            "count": added,
            "already_there": len(figures) - added,
        }
    emit(data, _DOSSIERS, args)
    return 0


# --- Collection: template, collect --------------------------------------------------------------

_TEMPLATE_WROTE = {
    "vi": "Đã tạo {path}: {unit}, {month}, {n} chỉ tiêu",
    "en": "Written {path}: {unit}, {month}, {n} indicators",
}


def _template(plan: Plan, args: argparse.Namespace) -> int:
    month = parse_month(args.month, datetime.date.today())
    log = None
    if args.observations is not None:
        with reading(args.observations):
            log = load_observations(args.observations, plan)
    output = Path(args.output)
    if args.all_units:
        if output.suffix.lower() == ".xlsx":
            raise UsageError(f"--output {args.output}: with --all-units, name a folder")
        output.mkdir(parents=True, exist_ok=True)
        targets = [(u, output / template_file_name(u, month)) for u in template_units(plan, month)]
    else:
        if output.suffix.lower() != ".xlsx":
            raise UsageError(f"--output {args.output}: a template is an .xlsx file")
        if not output.parent.is_dir() and str(output.parent):
            raise UsageError(f"--output: no folder {output.parent}")
        targets = [(args.unit, output)]
    written = []
    for unit, path in targets:
        try:
            workbook = make_template(plan, month, unit, log)
        except ValueError as error:
            raise UsageError(f"--unit: {error}") from None
        write_template(workbook, path)
        n = len(template_indicators(plan, month, unit))
        written.append({"file": str(path), "unit": unit, "unit_name": unit_label(plan, unit),
                        "month": str(month), "indicators": n})  # fmt: skip
    if args.format == "json":
        print_json(written)
    else:
        for w in written:
            print(_TEMPLATE_WROTE[args.lang].format(
                path=w["file"], unit=w["unit_name"], month=period_name(month, args.lang), n=w["indicators"]))  # fmt: skip
    return 0


_COLLECT: Renderers[dict[str, Any]] = Renderers(collection_text, as_is, collection_csv)


def _collect(plan: Plan, args: argparse.Namespace) -> int:
    as_of = parse_as_of(args.as_of)
    submitted = None
    if args.submitted is not None:
        try:
            submitted = parse_as_of(args.submitted)
        except UsageError as error:
            raise UsageError(str(error).replace("--as-of", "--submitted", 1)) from None
    months = [parse_month(args.month, as_of)] if args.month is not None else []
    for source in args.sources:
        if not Path(source).exists():
            raise UsageError(f"{source}: no such file or folder")
    with reading(args.observations):
        result = collect(args.sources, args.observations, plan, submitted=submitted,
                         prefer=args.prefer, check=args.check, as_of=as_of, months=months)  # fmt: skip
    emit(collection_data(result, plan, as_of, args.lang), _COLLECT, args)
    return 0 if result.ok else 1


#: Each verb's function, by name.
VERBS: dict[str, Verb] = {
    "show": _show,
    "check": _check,
    "matrix": _matrix,
    "status": _status,
    "deadlines": _deadlines,
    "units": _units,
    "report": _report,
    "project": _project,
    "rank": _rank,
    "improve": _improve,
    "whatif": _whatif,
    "assessment": _assessment,
    "dossiers": _dossiers,
    "template": _template,
    "collect": _collect,
}
