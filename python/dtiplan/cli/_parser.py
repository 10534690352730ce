"""The command's options: the argument parser of every verb, the types of option values, and
the reading of dates and months given as options. A bad value is a :class:`UsageError` (exit 2,
one line naming the option)."""

from __future__ import annotations

import argparse
import datetime
from collections.abc import Callable
from typing import Any, NoReturn

from .. import _core
from .._core import Period
from ..projection import DEFAULT_SEED
from ..rank import DEFAULT_GROWTH
from ..report import LANGUAGES

__all__ = [
    "UsageError",
    "build_parser",
    "output_extensions",
    "parse_as_of",
    "parse_month",
    "parse_to",
    "split_scenarios",
]


#: What --to says when it is not given: the library's default evaluation date
#: (:func:`dtiplan.default_evaluation`), the last day of the plan's next milestone year.
EVALUATION_HELP = "31 December of the plan's next milestone year (2026-12-31 through 2026)"


class UsageError(Exception):
    """A bad option value (exit 2, one line naming the option)."""


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
    "whatif": "what if? the projected DTI, rank, chance of the top 10 and points still needed "
    "with indicators, components or assumptions set (I.03=0,9 II.03=có), beside the baseline",
    "assessment": "the annual DTI self-assessment form: per component its maximum, how it is "
    "scored, the value and self-score at the year's cut-off, explanation, evidence, sources",
    "dossiers": "a one-stop-shop dossier export: per unit and reporting window the online, "
    "full-online, digitised, e-result, online payment and on-time rates, the 'nửa vời' cases "
    "and the 766 index (docs/dossiers.md)",
    "template": "the data-entry workbook (.xlsx) a lead unit fills for a month's report: one "
    "row per indicator it reports, validated cells, instructions in Vietnamese",
    "collect": "read the templates units sent back and add their figures to the observations "
    "file: what changed, conflicts, who has sent, who has not, who was late",
}

# Which verbs take which options beyond --plan, --lang and --format.
_OBSERVATIONS_VERBS = (
    "status", "deadlines", "units", "report", "project", "rank", "improve", "whatif",
    "assessment",
)  # fmt: skip
_FRAMEWORK_VERBS = (
    "status", "units", "report", "project", "rank", "improve", "whatif", "assessment",
)  # fmt: skip
_SHIFT_VERBS = ("deadlines", "units", "report")
_MONTH_VERBS = ("deadlines", "report")

#: The verbs that write files with --output, and the extensions each writes (docs/documents.md).
_TABLE_FILES = (".xlsx", ".csv", ".md", ".html", ".txt", ".json")
_OUTPUT_VERBS: dict[str, tuple[str, ...]] = {
    "status": _TABLE_FILES,
    "deadlines": _TABLE_FILES,
    "units": _TABLE_FILES,
    "report": (".docx", *_TABLE_FILES),
    "project": _TABLE_FILES,
    "rank": _TABLE_FILES,
    "improve": _TABLE_FILES,
    "whatif": _TABLE_FILES,
    "assessment": (".xlsx", ".docx", *_TABLE_FILES[1:]),
    "dossiers": (".docx", *_TABLE_FILES),
}


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
        choices=sorted(LANGUAGES),
        default=value("vi"),
        help="language of text and messages: vi (default) or en",
    )
    parser.add_argument(
        "--format",
        choices=("text", "json", "csv"),
        default=value("text"),
        help="output format (default: text)",
    )


class _Parser(argparse.ArgumentParser):
    """argparse, with a bad option or value reported on one line (exit 2) instead of the usage
    text and the message on several: ``dtiplan: error: argument --lang: invalid choice: 'fr'
    (choose from 'en', 'vi') (usage: dtiplan --help)``. The verbs' parsers are of this class too
    (argparse makes subparsers of the parent's class)."""

    def error(self, message: str) -> NoReturn:
        line = " ".join(message.split())
        self.exit(2, f"{self.prog}: error: {line} (usage: {self.prog} --help)\n")


def build_parser() -> argparse.ArgumentParser:
    """The command's argument parser."""
    parser = _Parser(
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
            sub.add_argument(
                "--window",
                choices=("decree-09", "calendar-month"),
                help="the days a month's report covers: decree-09, from the 15th of the month "
                "before to the 14th (Nghị định 09/2019/NĐ-CP), or calendar-month (reported the "
                "month after); default: the plan's reporting rules (decree-09 for the built-in "
                "plan)",
            )
        if verb in _OUTPUT_VERBS:
            sub.add_argument(
                "--output",
                metavar="FILE",
                help="write to FILE instead of printing; the format is the extension: "
                + ", ".join(_OUTPUT_VERBS[verb])
                + " (.csv: one file per table, FILE's stem + the table's name)",
            )
        if verb == "report":
            _add_report_options(sub)
        if verb == "assessment":
            sub.add_argument(
                "--year",
                type=_positive_int,
                default=None,
                help="the year assessed (default: the year of --as-of); its figures are those "
                "in force on 14 December (the annual cut-off of Nghị định 09/2019), or on "
                "--as-of when given",
            )
        if verb == "project":
            _add_project_options(sub)
        if verb == "dossiers":
            _add_dossier_options(sub)
        if verb in ("rank", "improve", "whatif"):
            _add_rank_options(sub, verb)
        if verb == "whatif":
            _add_whatif_options(sub)
        if verb == "template":
            _add_template_options(sub)
        if verb == "collect":
            _add_collect_options(sub)
    return parser


def _add_template_options(sub: argparse.ArgumentParser) -> None:
    sub.add_argument(
        "--month",
        metavar="YYYY-MM",
        help="the month whose report the template is for (also 11/2026, 'tháng 11/2026'); "
        "default: the current month",
    )
    who = sub.add_mutually_exclusive_group(required=True)
    who.add_argument("--unit", metavar="ID", help="the unit (or group) id, e.g. TTPVHCC")
    who.add_argument(
        "--all-units",
        action="store_true",
        help="one workbook per unit that reports that month, in the folder --output",
    )
    sub.add_argument(
        "--output",
        metavar="FILE_OR_FOLDER",
        required=True,
        help="the .xlsx file to write (with --all-units: the folder, created when missing; "
        "files mau-so-lieu-UNIT-YYYY-MM.xlsx)",
    )
    sub.add_argument(
        "--observations",
        metavar="FILE",
        help="observations (.csv, .json, .xlsx) for the column of last values in force; "
        "default: the column is left empty",
    )


def _add_collect_options(sub: argparse.ArgumentParser) -> None:
    sub.add_argument(
        "sources",
        nargs="+",
        metavar="FOLDER_OR_FILE",
        help="returned templates, or folders holding them (other files in a folder are skipped)",
    )
    sub.add_argument(
        "--observations",
        metavar="FILE",
        required=True,
        help="the observations file to add to (.csv, .json or .xlsx; created when missing)",
    )
    sub.add_argument(
        "--submitted",
        metavar="DATE",
        help="the day the files were sent (YYYY-MM-DD or DD/MM/YYYY); default: the date written "
        "in each file, else the day it was last modified",
    )
    sub.add_argument(
        "--prefer",
        metavar="FILE",
        action="append",
        default=[],
        help="in a conflict, the file whose figures to keep (may be repeated)",
    )
    sub.add_argument(
        "--check",
        action="store_true",
        help="dry run: show what would change, write nothing",
    )
    sub.add_argument(
        "--as-of",
        metavar="DATE",
        help="the date to judge who is late on, YYYY-MM-DD (or DD/MM/YYYY); default: today",
    )
    sub.add_argument(
        "--month",
        metavar="YYYY-MM",
        help="also list who has sent for this month (default: the months of the files read)",
    )


def _add_report_options(sub: argparse.ArgumentParser) -> None:
    sub.add_argument(
        "--full",
        action="store_true",
        help="after the summary, the full tables: every indicator's status, the month's "
        "deadlines, the units' board",
    )
    sub.add_argument(
        "--peers",
        metavar="FILE",
        help="peer communes' results for the projected rank (as dtiplan rank --peers)",
    )
    sub.add_argument(
        "--to",
        metavar="DATE",
        default=None,
        help="the evaluation date of the projection and the rank; default: the last day of "
        "the year of --as-of",
    )
    sub.add_argument(
        "--dossiers",
        metavar="FILE",
        help="the one-stop-shop system's dossier export (CSV or .xlsx, as dtiplan dossiers): the "
        "summary names the units with the most 'nửa vời' cases in the month's window",
    )
    sub.add_argument(
        "--dossier-columns",
        metavar="MAPPING.json",
        help="which header of --dossiers holds which field (as dtiplan dossiers --columns)",
    )
    sub.add_argument(
        "--draws",
        type=_draws(_core.MAX_PROJECTION_DRAWS, least=0),
        default=2000,
        help="simulated draws of the projection (default: 2000)",
    )
    sub.add_argument(
        "--seed",
        type=_non_negative,
        default=DEFAULT_SEED,
        help=f"random seed of the projection (default: {DEFAULT_SEED})",
    )


def _add_dossier_options(sub: argparse.ArgumentParser) -> None:
    sub.add_argument("file", metavar="FILE", help="the export: CSV UTF-8 or .xlsx, one row per dossier")
    sub.add_argument(
        "--columns",
        metavar="MAPPING.json",
        help='which header holds which field: {"MaHoSo": "ma_ho_so", ...} (docs/dossiers.md)',
    )
    sub.add_argument(
        "--period",
        metavar="PERIOD",
        help="only the dossiers received in this period's reporting window (2026-11, "
        "'tháng 11/2026', 2026-Q4); default: every month in the file",
    )
    sub.add_argument(
        "--window",
        choices=("decree-09", "calendar-month"),
        help="the days a month covers: decree-09 (15th to 14th) or calendar-month; default: "
        "the plan's reporting rules",
    )
    sub.add_argument(
        "--skip-bad",
        action="store_true",
        help="leave out rows with a bad cell (counted and listed in the output) instead of "
        "stopping at the first",
    )
    sub.add_argument(
        "--write-observations",
        metavar="FILE",
        help="add the commune's figures as observations of I.03, I.04, III.3.a.04/06/08/10 to "
        "FILE (.csv, .json or .xlsx; created when missing, nothing in it lost), the export as "
        "evidence",
    )
    sub.add_argument(
        "--as-of",
        metavar="DATE",
        help="the submission date of the observations written; default: today",
    )


def output_extensions(verb: str) -> tuple[str, ...]:
    """The extensions ``--output`` takes for ``verb``."""
    return _OUTPUT_VERBS.get(verb, ())


def _non_negative(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, found {text!r}") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"expected a number >= 0, found {value}")
    return value


def _add_project_options(sub: argparse.ArgumentParser) -> None:
    sub.add_argument(
        "--to",
        metavar="DATE",
        default=None,
        help="the date to project to (the DTI evaluation), YYYY-MM-DD or DD/MM/YYYY; "
        f"default: {EVALUATION_HELP}",
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
        help="trend model for every indicator (default: auto, the families averaged with Akaike weights)",
    )
    sub.add_argument(
        "--draws",
        type=_draws(_core.MAX_PROJECTION_DRAWS, least=0),
        default=10000,
        help="simulated draws (default: 10000)",
    )
    sub.add_argument(
        "--seed",
        type=_non_negative,
        default=DEFAULT_SEED,
        help=f"random seed; the same seed gives the same result (default: {DEFAULT_SEED})",
    )


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


def _draws(limit: int, least: int = 1) -> Callable[[str], int]:
    """An option's draw count: a whole number from ``least`` to ``limit`` (the library's limit,
    refused here before any work is done)."""

    def read(text: str) -> int:
        value = _non_negative(text)
        if value < least or value > limit:
            raise argparse.ArgumentTypeError(
                f"expected {least} to {limit} draws, found {value}"
            )
        return value

    return read


def _positive_int(text: str) -> int:
    value = _non_negative(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a number >= 1, found {value}")
    return value


def _add_rank_options(sub: argparse.ArgumentParser, verb: str) -> None:
    sub.add_argument(
        "--peers",
        metavar="FILE",
        help="peer communes' results (CSV: unit, year, dti, optional main indices; "
        "docs/rank.md); default: the illustrative peer table shipped with dtiplan (a "
        "synthetic province, labelled as such)",
    )
    sub.add_argument(
        "--top",
        type=_positive_int,
        default=None,
        help="the k of the top k (default: the plan's goal, 10)",
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
        default=None,
        help="the evaluation date, YYYY-MM-DD or DD/MM/YYYY; default: " + EVALUATION_HELP,
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
            type=_draws(_core.MAX_DRAWS),
            default=None,
            help="Monte Carlo draws (default: 100000; with --everyone 10000; at most "
            f"{_core.MAX_DRAWS})",
        )
        sub.add_argument(
            "--everyone",
            action="store_true",
            help="everyone's rank at once: Monte Carlo at component level for every unit, the "
            "commune included (needs the peers' component values; a progress bar on stderr)",
        )
    elif verb == "improve":
        sub.add_argument(
            "--budget",
            type=_number_arg,
            default=None,
            help="an effort budget: the most chance of the top k within it (then the best "
            "expected rank, then the least effort), instead of the least effort reaching it",
        )
        sub.add_argument(
            "--for-points",
            action="store_true",
            help="plan for points for their own sake: the most points within the budget, or "
            "the points needed, even where they do not change the chance of the top k",
        )
        sub.add_argument(
            "--limit",
            type=_positive_int,
            default=None,
            help="show only the first N actions (text format)",
        )


#: The argument that separates scenarios on the command line.
SCENARIO_SEPARATOR = "/"


def _add_whatif_options(sub: argparse.ArgumentParser) -> None:
    sub.add_argument(
        "settings",
        nargs="+",
        metavar="KEY=VALUE",
        help="a plan indicator reached by the evaluation date (I.03=90%%, I.03=0,9, II.03=có), "
        "a DTI component's share of its points (CQS.04=80%%), or an assumption (growth-mean=0,03, "
        "growth-sd=0,02, shock-sd=0, untracked=zero); a lone / starts another scenario",
    )
    sub.add_argument(
        "--draws",
        type=_positive_int,
        default=10000,
        help="simulated draws of each projection (default: 10000)",
    )


def split_scenarios(settings: list[str]) -> list[list[str]]:
    """The scenarios of ``whatif``'s settings, separated by a lone "/"; a :class:`UsageError`
    for an empty one."""
    scenarios: list[list[str]] = [[]]
    for setting in settings:
        if setting == SCENARIO_SEPARATOR:
            scenarios.append([])
        else:
            scenarios[-1].append(setting)
    for n, scenario in enumerate(scenarios, start=1):
        if not scenario:
            raise UsageError(f"whatif: scenario {n} has no setting (KEY=VALUE) around the /")
    return scenarios


def parse_as_of(text: str | None) -> datetime.date:
    """The date of --as-of: YYYY-MM-DD or DD/MM/YYYY (the library's :func:`dtiplan.parse_date`),
    years 1900 to 2100; today when None."""
    if text is None:
        return datetime.date.today()
    try:
        day_read = _core.parse_date(text.strip())
    except _core.Error:
        day_read = None
    if day_read is None or not 1900 <= day_read.year <= 2100:
        raise UsageError(
            f'--as-of: cannot read "{text}" as a date (expected YYYY-MM-DD or DD/MM/YYYY, '
            "years 1900 to 2100)"
        )
    return day_read


def parse_month(text: str | None, as_of: datetime.date) -> Period:
    """The month of --month (2026-03, 03/2026, "tháng 3/2026"); the month of ``as_of`` when
    None."""
    if text is None:
        return Period.month(as_of.year, as_of.month)
    try:
        period = Period.parse(text)
    except _core.Error as error:
        raise UsageError(f"--month: {' '.join(str(error).split())}") from None
    if period.kind != _core.PeriodKind.Month:
        raise UsageError(f'--month: "{text}" is not a month (expected YYYY-MM)')
    return period




def parse_to(text: str | None) -> datetime.date | None:
    """The evaluation date of --to (read like --as-of); None when not given, so that the
    library's default evaluation date applies."""
    if text is None:
        return None
    try:
        return parse_as_of(text)
    except UsageError as error:
        raise UsageError(str(error).replace("--as-of", "--to", 1)) from None
