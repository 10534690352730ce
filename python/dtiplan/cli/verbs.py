"""The command's verbs: each reads its inputs, builds its data with the report package and
prints it through the one output function (:func:`dtiplan.cli._output.emit`). Each returns the
exit code: 0, or 1 when the plan check found an error (``check`` and ``report``)."""

from __future__ import annotations

import argparse
from collections.abc import Callable, Sequence
from typing import Any, TextIO

from .. import _core, rank, report
from .._core import Finding, GrowthModel, Plan
from ..projection import project_dti
from ._inputs import Inputs, load_inputs, reading
from ._output import Renderers, as_is, emit
from ._parser import UsageError, parse_to

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

_STATUS: Renderers[dict[str, Any]] = Renderers(report.status_text, as_is, report.status_csv)
_DEADLINES: Renderers[dict[str, Any]] = Renderers(
    report.deadlines_text, as_is, report.deadlines_csv
)
_UNITS: Renderers[dict[str, Any]] = Renderers(report.units_text, as_is, report.units_csv)
_REPORT: Renderers[dict[str, Any]] = Renderers(report.report_text, as_is, report.report_csv)


def _status_data(inputs: Inputs, lang: str) -> dict[str, Any]:
    return report.status_data(
        inputs.plan, inputs.framework, inputs.log, inputs.as_of, inputs.illustrative,
        inputs.source, lang,
    )  # fmt: skip


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


def _report(plan: Plan, args: argparse.Namespace) -> int:
    inputs = load_inputs(plan, args)
    findings = plan.check()
    data = report.report_data(
        plan,
        findings,
        status=_status_data(inputs, args.lang),
        deadlines=_deadlines_data(inputs, args.lang),
        units=_units_data(inputs),
        as_of=inputs.as_of,
        illustrative=inputs.illustrative,
        lang=args.lang,
    )
    emit(data, _REPORT, args)
    return 1 if _core.has_errors(findings) else 0


# --- Projection, rank, improvement --------------------------------------------------------------

_PROJECT: Renderers[dict[str, Any]] = Renderers(report.project_text, as_is, report.project_csv)


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


def _rank_outlook(plan: Plan, args: argparse.Namespace) -> rank.RankOutlook:
    """The outlook ``rank`` and ``improve`` print, from the options."""
    inputs = load_inputs(plan, args)
    to = parse_to(args.to)
    try:
        untracked = rank.untracked_assumption(args.untracked)
    except ValueError as error:
        raise UsageError(f"--untracked: {error}") from None
    if args.growth_sd < 0 or args.shock_sd < 0:
        raise UsageError("--growth-sd and --shock-sd: expected a spread >= 0")
    budget: float | None = getattr(args, "budget", None)
    if budget is not None and budget < 0:
        raise UsageError("--budget: expected an effort >= 0")
    growth = (
        "estimate"
        if args.estimate_growth
        else GrowthModel(mean=args.growth_mean, sd=args.growth_sd, shock_sd=args.shock_sd)
    )
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
            top=args.top,
            probability=args.probability,
            method=getattr(args, "method", "exact"),
            draws=getattr(args, "draws", None) or 100000,
            seed=args.seed,
            budget=budget,
            improve=args.verb == "improve",
        )


_RANK: Renderers[dict[str, Any]] = Renderers(report.rank_text, report.rank_json, report.rank_csv)
_EVERYONE: Renderers[dict[str, Any]] = Renderers(
    report.everyone_text, report.everyone_json, report.everyone_csv
)


def _rank(plan: Plan, args: argparse.Namespace) -> int:
    outlook = _rank_outlook(plan, args)
    if args.everyone:
        simulation = rank.rank_everyone(
            outlook, draws=args.draws or 10000, seed=args.seed, progress=rank.progress_bar()
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
    )
    emit(report.improve_data(_rank_outlook(plan, args), args.lang), renderers, args)
    return 0


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
}
