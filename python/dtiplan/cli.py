"""The ``dtiplan`` command: the coordinator's view of a plan and of its monthly reporting.

    dtiplan show      [--plan FILE] [--lang vi|en] [--format text|json|csv]
    dtiplan check     [--plan FILE] [--lang vi|en] [--format text|json|csv]
    dtiplan matrix    [--plan FILE] [--lang vi|en] [--format text|json|csv]
    dtiplan status    [--observations FILE] [--as-of DATE] [--framework FILE] [...]
    dtiplan deadlines [--month YYYY-MM] [--as-of DATE] [--observations FILE]
                      [--shift keep|earlier|later] [...]
    dtiplan units     [--observations FILE] [--as-of DATE] [--framework FILE] [...]
    dtiplan report    [--observations FILE] [--as-of DATE] [--framework FILE] [--shift ...]
    dtiplan project   [--observations FILE] [--as-of DATE] [--to DATE] [--method open-sdg|unsd]
                      [--model auto|linear|...] [--draws N] [--seed N] [--framework FILE]
    dtiplan rank      [--peers FILE] [--top 10] [--probability P] [--untracked peer-median|zero|F]
                      [--growth-mean G] [--growth-sd S] [--shock-sd T] [--method exact|montecarlo]
                      [--observations FILE] [--as-of DATE] [--to DATE] [--everyone] [...]
    dtiplan improve   [--peers FILE] [--top 10] [--budget E] [--limit N] [...]

Every verb works on the built-in plan of Đại Phước 2026-2030 unless ``--plan`` names a plan file,
and on the built-in framework unless ``--framework`` names one. ``--as-of`` defaults to today and
``--month`` to the month of ``--as-of``. Without ``--observations`` the verbs that read
observations use the illustrative example shipped with dtiplan (invented figures), and every
output says so; likewise ``rank`` and ``improve`` use the illustrative peer table shipped with
dtiplan (a synthetic province, not real results) unless ``--peers`` names a CSV file. Exit codes: 0 done (for ``check`` and ``report``: no finding is an error), 1 the
plan check found an error, 2 bad usage or an input that cannot be read (one line on stderr
naming the file and the place).
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Callable

from . import _core, report
from ._core import Framework, ObservationLog, Period, Plan, ReportingCalendar
from .track import (
    EXAMPLE_OBSERVATIONS_FILE,
    load_observations,
    deadline_shift,
    example_observations,
    is_illustrative,
)

__all__ = ["main"]

BUILTIN = "<built-in>"

_ERROR_PREFIX = {"vi": "lỗi", "en": "error"}

_HELP = {
    "show": "the plan: indicators by appendix part and section, targets and lead units",
    "check": "check the plan: findings by severity (exit 1 when one is an error)",
    "matrix": "who leads, coordinates and tracks each indicator, and each unit's workload",
    "status": "per indicator: target in force, latest value, met or not, points; "
    "main indicators, the DTI and what the plan does not track",
    "deadlines": "the month's reporting obligations: on time, late, missing, not yet due; "
    "and what falls due next",
    "units": "the ranking board of the units (targets met, reports on time)",
    "report": "the monthly report: check summary, status, the month's deadlines, units' board",
    "project": "per indicator: trend model, projected value with its interval, target and "
    "progress status; then the projected DTI with its band",
    "rank": "the projected rank among the province's units: its distribution, the chance of "
    "the top 10, the points still needed",
    "improve": "the improvement plan: which indicators, led by which units, buy the points "
    "needed for the top 10 at the least effort",
}

# Which verbs take which options beyond --plan, --lang and --format.
_OBSERVATIONS_VERBS = ("status", "deadlines", "units", "report", "project", "rank", "improve")
_FRAMEWORK_VERBS = ("status", "units", "report", "project", "rank", "improve")
_SHIFT_VERBS = ("deadlines", "units", "report")
_MONTH_VERBS = ("deadlines", "report")


def _add_common(parser: argparse.ArgumentParser, default: Any) -> None:
    # The same options are accepted before and after the verb; after the verb they default to
    # SUPPRESS so they do not overwrite a value given before it.
    def value(v: Any) -> Any:
        return argparse.SUPPRESS if default is argparse.SUPPRESS else v

    parser.add_argument(
        "--plan",
        metavar="FILE",
        default=value(None),
        help="plan file (JSON, schema dtiplan.plan/1); default: the built-in plan",
    )
    parser.add_argument(
        "--lang",
        choices=sorted(report.LANGUAGES),
        default=value("vi"),
        help="language of text and messages: vi (default) or en",
    )
    parser.add_argument(
        "--format",
        choices=("text", "json", "csv"),
        default=value("text"),
        help="output format (default: text)",
    )


def build_parser() -> argparse.ArgumentParser:
    """The command's argument parser."""
    parser = argparse.ArgumentParser(
        prog="dtiplan",
        description="Kế hoạch nâng cao chỉ số chuyển đổi số (DTI) của xã: show, check, matrix.",
    )
    parser.add_argument("--version", action="version", version=f"dtiplan {_core.__version__}")
    _add_common(parser, default=None)
    verbs = parser.add_subparsers(dest="verb", metavar="VERB", required=True)
    for verb, text in _HELP.items():
        sub = verbs.add_parser(verb, help=text, description=text)
        _add_common(sub, default=argparse.SUPPRESS)
        if verb in _OBSERVATIONS_VERBS:
            sub.add_argument(
                "--observations",
                metavar="FILE",
                help="observations file (.csv or .json, docs/observations.md); default: the "
                "illustrative example shipped with dtiplan (invented figures, labelled as such)",
            )
            sub.add_argument(
                "--as-of",
                metavar="DATE",
                help="the date to judge on, YYYY-MM-DD (or DD/MM/YYYY); default: today",
            )
        if verb in _MONTH_VERBS:
            sub.add_argument(
                "--month",
                metavar="YYYY-MM",
                help="the month whose reports to list (also 03/2026, 'tháng 3/2026'); "
                "default: the month of --as-of",
            )
        if verb in _FRAMEWORK_VERBS:
            sub.add_argument(
                "--framework",
                metavar="FILE",
                help="DTI framework file (JSON, schema dtiplan.framework/1); default: the "
                "built-in approximation",
            )
        if verb in _SHIFT_VERBS:
            sub.add_argument(
                "--shift",
                choices=("keep", "earlier", "later"),
                default="keep",
                help="a deadline on a weekend or holiday: keep it (default), move it to the "
                "previous or to the next working day",
            )
        if verb == "project":
            _add_project_options(sub)
        if verb in ("rank", "improve"):
            _add_rank_options(sub, verb)
    return parser


def _load(path: str | None) -> Plan:
    if path is None:
        return _core.builtin_plan()
    return _core.load_plan(path)


def _one_line(error: BaseException, path: str) -> str:
    message = " ".join(str(error).split())
    if path not in message:
        message = f"{path}: {message}"
    return message


def _print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def _run_show(plan: Plan, fmt: str, lang: str) -> int:
    if fmt == "json":
        _print_json(report.show_json(plan, lang))
    elif fmt == "csv":
        report.show_csv(plan, sys.stdout, lang)
    else:
        sys.stdout.write(report.show_text(plan, lang))
    return 0


def _run_check(plan: Plan, fmt: str, lang: str) -> int:
    findings = plan.check()
    if fmt == "json":
        _print_json(report.check_json(plan, findings, lang))
    elif fmt == "csv":
        report.check_csv(findings, sys.stdout, lang)
    else:
        sys.stdout.write(report.check_text(plan, findings, lang))
    return 1 if _core.has_errors(findings) else 0


def _run_matrix(plan: Plan, fmt: str, lang: str) -> int:
    if fmt == "json":
        _print_json(report.matrix_json(plan, lang))
    elif fmt == "csv":
        report.matrix_csv(plan, sys.stdout, lang)
    else:
        sys.stdout.write(report.matrix_text(plan, lang))
    return 0


class UsageError(Exception):
    """A bad option value (exit 2, one line naming the option)."""


@dataclass
class Inputs:
    """What the observation verbs work on, loaded from the options."""

    plan: Plan
    framework: Framework
    log: ObservationLog
    illustrative: bool
    source: str
    as_of: datetime.date
    month: Period
    calendar: ReportingCalendar


_DMY = re.compile(r"^\s*(\d{1,2})/(\d{1,2})/(\d{4})\s*$")


def _parse_as_of(text: str | None) -> datetime.date:
    if text is None:
        return datetime.date.today()
    match = _DMY.match(text)
    try:
        if match:
            day, month, year = (int(g) for g in match.groups())
            day_read = datetime.date(year, month, day)
        else:
            day_read = datetime.date.fromisoformat(text.strip())
        if not 1900 <= day_read.year <= 2100:
            raise ValueError("out of range")
        return day_read
    except ValueError:
        raise UsageError(
            f'--as-of: cannot read "{text}" as a date (expected YYYY-MM-DD or DD/MM/YYYY, '
            "years 1900 to 2100)"
        ) from None


def _parse_month(text: str | None, as_of: datetime.date) -> Period:
    if text is None:
        return Period.month(as_of.year, as_of.month)
    try:
        period = Period.parse(text)
    except _core.Error as error:
        raise UsageError(f"--month: {' '.join(str(error).split())}") from None
    if period.kind != _core.PeriodKind.Month:
        raise UsageError(f'--month: "{text}" is not a month (expected YYYY-MM)')
    return period


def _load_inputs(plan: Plan, args: argparse.Namespace) -> Inputs:
    as_of = _parse_as_of(getattr(args, "as_of", None))
    month = _parse_month(getattr(args, "month", None), as_of)
    framework_path = getattr(args, "framework", None)
    _CONTEXT["path"] = framework_path or BUILTIN
    framework = (
        _core.builtin_framework() if framework_path is None else _core.load_framework(framework_path)
    )
    observations = getattr(args, "observations", None)
    if observations is None:
        _CONTEXT["path"] = EXAMPLE_OBSERVATIONS_FILE
        log = example_observations(plan)
        source = EXAMPLE_OBSERVATIONS_FILE
    else:
        _CONTEXT["path"] = observations
        log = load_observations(observations, plan)
        source = observations
    _CONTEXT["path"] = getattr(args, "plan", None) or BUILTIN
    illustrative = observations is None or is_illustrative(log)
    calendar = ReportingCalendar(plan, deadline_shift(getattr(args, "shift", "keep")))
    return Inputs(plan, framework, log, illustrative, source, as_of, month, calendar)


def _status_data(inputs: Inputs, lang: str) -> dict[str, Any]:
    return report.status_data(
        inputs.plan,
        inputs.framework,
        inputs.log,
        inputs.as_of,
        inputs.illustrative,
        inputs.source,
        lang,
    )


def _deadlines_data(inputs: Inputs, lang: str) -> dict[str, Any]:
    return report.deadlines_data(
        inputs.plan,
        inputs.calendar,
        inputs.month,
        inputs.log,
        inputs.as_of,
        inputs.illustrative,
        inputs.source,
        lang,
    )


def _units_data(inputs: Inputs) -> dict[str, Any]:
    return report.units_data(
        inputs.plan,
        inputs.framework,
        inputs.log,
        inputs.calendar,
        inputs.as_of,
        inputs.illustrative,
        inputs.source,
    )


def _emit(
    data: dict[str, Any],
    fmt: str,
    lang: str,
    text: Callable[[dict[str, Any], str], str],
    table: Callable[[dict[str, Any], Any, str], None],
) -> None:
    if fmt == "json":
        _print_json(data)
    elif fmt == "csv":
        table(data, sys.stdout, lang)
    else:
        sys.stdout.write(text(data, lang))


def _run_status(plan: Plan, args: argparse.Namespace) -> int:
    inputs = _load_inputs(plan, args)
    data = _status_data(inputs, args.lang)
    _emit(data, args.format, args.lang, report.status_text, report.status_csv)
    return 0


def _run_deadlines(plan: Plan, args: argparse.Namespace) -> int:
    inputs = _load_inputs(plan, args)
    data = _deadlines_data(inputs, args.lang)
    _emit(data, args.format, args.lang, report.deadlines_text, report.deadlines_csv)
    return 0


def _run_units(plan: Plan, args: argparse.Namespace) -> int:
    inputs = _load_inputs(plan, args)
    data = _units_data(inputs)
    _emit(data, args.format, args.lang, report.units_text, report.units_csv)
    return 0


def _run_report(plan: Plan, args: argparse.Namespace) -> int:
    inputs = _load_inputs(plan, args)
    findings = plan.check()
    data = {
        "illustrative": inputs.illustrative,
        "plan": report.plan_header(plan),
        "as_of": inputs.as_of.isoformat(),
        "check": report.check_summary_data(findings, args.lang),
        "status": _status_data(inputs, args.lang),
        "deadlines": _deadlines_data(inputs, args.lang),
        "units": _units_data(inputs),
    }
    _emit(data, args.format, args.lang, report.report_text, report.report_csv)
    return 1 if _core.has_errors(findings) else 0


def _non_negative(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, found {text!r}") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"expected a number >= 0, found {value}")
    return value


def _add_project_options(sub: argparse.ArgumentParser) -> None:
    from .projection import DEFAULT_SEED

    sub.add_argument(
        "--to",
        metavar="DATE",
        default="2026-12-31",
        help="the date to project to (the DTI evaluation), YYYY-MM-DD or DD/MM/YYYY; "
        "default: 2026-12-31",
    )
    sub.add_argument(
        "--method",
        choices=("open-sdg", "unsd"),
        default="open-sdg",
        help="progress method for the status: open-sdg (Statistics Canada, default) or unsd",
    )
    sub.add_argument(
        "--model",
        choices=("auto", "linear", "weighted-linear", "growth", "logistic", "last-value"),
        default="auto",
        help="trend model for every indicator (default: auto, the least out-of-sample error)",
    )
    sub.add_argument(
        "--draws", type=_non_negative, default=10000, help="simulated draws (default: 10000)"
    )
    sub.add_argument(
        "--seed",
        type=_non_negative,
        default=DEFAULT_SEED,
        help=f"random seed; the same seed gives the same result (default: {DEFAULT_SEED})",
    )


def _parse_to(text: str) -> datetime.date:
    """The evaluation date of --to (read like --as-of)."""
    try:
        return _parse_as_of(text)
    except UsageError as error:
        raise UsageError(str(error).replace("--as-of", "--to", 1)) from None


def _run_project(plan: Plan, args: argparse.Namespace) -> int:
    from . import projection

    inputs = _load_inputs(plan, args)
    to = _parse_to(args.to)
    result = projection.project_dti(
        plan,
        inputs.framework,
        inputs.log,
        inputs.as_of,
        to,
        draws=args.draws,
        seed=args.seed,
        method=args.model,
        progress=args.method,
    )
    result.illustrative = inputs.illustrative
    if args.format == "json":
        _print_json(projection.project_json(result, args.lang))
    elif args.format == "csv":
        projection.project_csv(result, sys.stdout, args.lang)
    else:
        sys.stdout.write(projection.project_text(result, args.lang))
    return 0


def _probability(text: str) -> float:
    try:
        value = float(text.replace(",", "."))
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a probability, found {text!r}") from None
    if not 0.0 < value <= 1.0:
        raise argparse.ArgumentTypeError(f"expected a probability in (0, 1], found {text}")
    return value


def _number_arg(text: str) -> float:
    try:
        value = float(text.replace(",", "."))
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number, found {text!r}") from None
    if value != value or value in (float("inf"), float("-inf")):
        raise argparse.ArgumentTypeError(f"expected a finite number, found {text!r}")
    return value


def _positive_int(text: str) -> int:
    value = _non_negative(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a number >= 1, found {value}")
    return value


def _add_rank_options(sub: argparse.ArgumentParser, verb: str) -> None:
    from .projection import DEFAULT_SEED
    from .rank import DEFAULT_GROWTH

    sub.add_argument(
        "--peers",
        metavar="FILE",
        help="peer communes' results (CSV: unit, year, dti, optional main indices; "
        "docs/rank.md); default: the illustrative peer table shipped with dtiplan (a "
        "synthetic province, labelled as such)",
    )
    sub.add_argument(
        "--top", type=_positive_int, default=None, help="the k of the top k (default: the plan's goal, 10)"
    )
    sub.add_argument(
        "--probability",
        type=_probability,
        default=0.5,
        help="the chance of the top k the points needed aim at (default: 0.5)",
    )
    sub.add_argument(
        "--untracked",
        metavar="BASIS",
        default="peer-median",
        help="what the DTI components the plan does not track are assumed to score: "
        "peer-median (default: the peers' median index of each main indicator), zero, or a "
        "fraction 0..1",
    )
    sub.add_argument(
        "--growth-mean",
        type=_number_arg,
        default=DEFAULT_GROWTH.mean,
        help=f"peers' expected DTI change per year (default: {DEFAULT_GROWTH.mean})",
    )
    sub.add_argument(
        "--growth-sd",
        type=_number_arg,
        default=DEFAULT_GROWTH.sd,
        help=f"spread of each peer's own yearly change (default: {DEFAULT_GROWTH.sd})",
    )
    sub.add_argument(
        "--shock-sd",
        type=_number_arg,
        default=DEFAULT_GROWTH.shock_sd,
        help="spread of a province-wide yearly change shared by every peer (default: "
        f"{DEFAULT_GROWTH.shock_sd})",
    )
    sub.add_argument(
        "--estimate-growth",
        action="store_true",
        help="estimate the peers' growth (mean, spread, common shift) from their results over "
        "two or more years in --peers, instead of the --growth-* values",
    )
    sub.add_argument(
        "--to",
        metavar="DATE",
        default="2026-12-31",
        help="the evaluation date, YYYY-MM-DD or DD/MM/YYYY; default: 2026-12-31",
    )
    sub.add_argument(
        "--seed",
        type=_non_negative,
        default=DEFAULT_SEED,
        help=f"random seed of the projection and of Monte Carlo (default: {DEFAULT_SEED})",
    )
    if verb == "rank":
        sub.add_argument(
            "--method",
            choices=("exact", "montecarlo"),
            default="exact",
            help="exact (default) or montecarlo",
        )
        sub.add_argument(
            "--draws",
            type=_positive_int,
            default=None,
            help="Monte Carlo draws (default: 100000; with --everyone 10000)",
        )
        sub.add_argument(
            "--everyone",
            action="store_true",
            help="everyone's rank at once: Monte Carlo at component level for every unit, the "
            "commune included (needs the peers' component values; a progress bar on stderr)",
        )
    else:
        sub.add_argument(
            "--budget",
            type=_number_arg,
            default=None,
            help="an effort budget: the most chance of the top k within it, instead of the "
            "least effort reaching the points needed",
        )
        sub.add_argument(
            "--limit",
            type=_positive_int,
            default=None,
            help="show only the first N actions (text format)",
        )


def _run_rank_verb(plan: Plan, args: argparse.Namespace) -> int:
    from . import rank, rank_report
    from ._core import GrowthModel

    inputs = _load_inputs(plan, args)
    to = _parse_to(args.to)
    try:
        untracked = rank.untracked_assumption(args.untracked)
    except ValueError as error:
        raise UsageError(f"--untracked: {error}") from None
    if args.growth_sd < 0 or args.shock_sd < 0:
        raise UsageError("--growth-sd and --shock-sd: expected a spread >= 0")
    if getattr(args, "budget", None) is not None and args.budget < 0:
        raise UsageError("--budget: expected an effort >= 0")
    peers = args.peers
    _CONTEXT["path"] = peers if peers is not None else rank.EXAMPLE_PEERS_FILE
    outlook = rank.rank_outlook(
        plan,
        inputs.framework,
        inputs.log,
        peers,
        as_of=inputs.as_of,
        evaluation=to,
        growth="estimate"
        if args.estimate_growth
        else GrowthModel(mean=args.growth_mean, sd=args.growth_sd, shock_sd=args.shock_sd),
        untracked=untracked,
        top=args.top,
        probability=args.probability,
        method=getattr(args, "method", "exact"),
        draws=getattr(args, "draws", None) or 100000,
        seed=args.seed,
        budget=getattr(args, "budget", None),
        improve=args.verb == "improve",
    )
    outlook.observations_illustrative = inputs.illustrative
    _CONTEXT["path"] = getattr(args, "plan", None) or BUILTIN
    if args.verb == "rank" and args.everyone:
        simulation = rank.rank_everyone(
            outlook, draws=args.draws or 10000, seed=args.seed, progress=rank.progress_bar()
        )
        _emit_outlook(
            outlook,
            args,
            lambda o, lang: rank_report.everyone_text(o, simulation, lang),
            lambda o, lang: rank_report.everyone_json(o, simulation, lang),
            lambda o, out, lang: rank_report.everyone_csv(o, simulation, out, lang),
        )
    elif args.verb == "rank":
        _emit_outlook(outlook, args, rank_report.rank_text, rank_report.rank_json,
                      rank_report.rank_csv)  # fmt: skip
    else:
        limit = args.limit
        _emit_outlook(
            outlook,
            args,
            lambda o, lang: rank_report.improve_text(o, lang, limit),
            rank_report.improve_json,
            rank_report.improve_csv,
        )
    return 0


def _emit_outlook(
    outlook: Any,
    args: argparse.Namespace,
    text: Callable[[Any, str], str],
    data: Callable[[Any, str], dict[str, Any]],
    table: Callable[[Any, Any, str], None],
) -> None:
    if args.format == "json":
        _print_json(data(outlook, args.lang))
    elif args.format == "csv":
        table(outlook, sys.stdout, args.lang)
    else:
        sys.stdout.write(text(outlook, args.lang))


_VERBS: dict[str, Callable[[Plan, argparse.Namespace], int]] = {
    "show": lambda plan, args: _run_show(plan, args.format, args.lang),
    "check": lambda plan, args: _run_check(plan, args.format, args.lang),
    "matrix": lambda plan, args: _run_matrix(plan, args.format, args.lang),
    "status": _run_status,
    "deadlines": _run_deadlines,
    "units": _run_units,
    "report": _run_report,
    "project": _run_project,
    "rank": _run_rank_verb,
    "improve": _run_rank_verb,
}

# The input being read, for error messages that do not name it themselves.
_CONTEXT: dict[str, str] = {"path": BUILTIN}


def _utf8_streams() -> None:
    for stream in (sys.stdout, sys.stderr):
        encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "")
        reconfigure = getattr(stream, "reconfigure", None)
        if encoding != "utf8" and reconfigure is not None:
            reconfigure(encoding="utf-8")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command; returns the exit code (0, 1 or 2)."""
    _utf8_streams()
    args = build_parser().parse_args(argv)
    _CONTEXT["path"] = args.plan if args.plan is not None else BUILTIN
    try:
        plan = _load(args.plan)
        code = _VERBS[args.verb](plan, args)
        sys.stdout.flush()
    except _core.Error as error:
        message = _one_line(error, _CONTEXT["path"])
        print(f"dtiplan: {_ERROR_PREFIX[args.lang]}: {message}", file=sys.stderr)
        return 2
    except UsageError as error:
        print(f"dtiplan: {_ERROR_PREFIX[args.lang]}: {error}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        # The reader went away (dtiplan show | head): stop quietly.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1
    return code


if __name__ == "__main__":
    sys.exit(main())
