"""The ``dtiplan`` command: the coordinator's view of a plan.

    dtiplan show   [--plan FILE] [--lang vi|en] [--format text|json|csv]
    dtiplan check  [--plan FILE] [--lang vi|en] [--format text|json|csv]
    dtiplan matrix [--plan FILE] [--lang vi|en] [--format text|json|csv]

Every verb works on the built-in plan of Đại Phước 2026-2030 unless ``--plan`` names a plan file.
Exit codes: 0 done (for ``check``: no finding is an error), 1 ``check`` found an error, 2 bad
usage or a plan file that cannot be read (one line on stderr naming the file and the place).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from typing import Any, Callable

from . import _core, report
from ._core import Plan

__all__ = ["main"]

BUILTIN = "<built-in>"

_ERROR_PREFIX = {"vi": "lỗi", "en": "error"}

_HELP = {
    "show": "the plan: indicators by appendix part and section, targets and lead units",
    "check": "check the plan: findings by severity (exit 1 when one is an error)",
    "matrix": "who leads, coordinates and tracks each indicator, and each unit's workload",
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


_VERBS: dict[str, Callable[[Plan, str, str], int]] = {
    "show": _run_show,
    "check": _run_check,
    "matrix": _run_matrix,
}


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
    path = args.plan if args.plan is not None else BUILTIN
    try:
        plan = _load(args.plan)
        code = _VERBS[args.verb](plan, args.format, args.lang)
        sys.stdout.flush()
    except _core.Error as error:
        print(f"dtiplan: {_ERROR_PREFIX[args.lang]}: {_one_line(error, path)}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        # The reader went away (dtiplan show | head): stop quietly.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1
    return code


if __name__ == "__main__":
    sys.exit(main())
