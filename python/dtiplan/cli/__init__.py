"""The ``dtiplan`` command: the coordinator's view of a plan and of its monthly reporting.

    dtiplan show      [--plan FILE] [--lang vi|en] [--format text|json|csv]
    dtiplan check     [--plan FILE] [--lang vi|en] [--format text|json|csv]
    dtiplan matrix    [--plan FILE] [--lang vi|en] [--format text|json|csv]
    dtiplan status    [--observations FILE] [--as-of DATE] [--framework FILE] [...]
    dtiplan deadlines [--month YYYY-MM] [--as-of DATE] [--observations FILE]
                      [--shift keep|earlier|later] [...]
    dtiplan units     [--observations FILE] [--as-of DATE] [--framework FILE] [...]
    dtiplan report    [--observations FILE] [--as-of DATE] [--framework FILE] [--shift ...]
                      [--full] [--peers FILE] [--to DATE] [--draws N] [--seed N]
    dtiplan project   [--observations FILE] [--as-of DATE] [--to DATE] [--method open-sdg|unsd]
                      [--model auto|linear|...] [--draws N] [--seed N] [--framework FILE]
    dtiplan rank      [--peers FILE] [--top 10] [--probability P] [--untracked peer-median|zero|F]
                      [--growth-mean G] [--growth-sd S] [--shock-sd T] [--method exact|montecarlo]
                      [--observations FILE] [--as-of DATE] [--to DATE] [--everyone] [...]
    dtiplan improve   [--peers FILE] [--top 10] [--budget E] [--limit N] [...]
    dtiplan whatif    KEY=VALUE ... [/ KEY=VALUE ...] [--to DATE] [--draws N] [rank's options]
    dtiplan assessment [--year YYYY] [--observations FILE] [--as-of DATE] [--framework FILE]
    dtiplan template  --unit ID | --all-units --output FILE_OR_FOLDER [--month YYYY-MM]
                      [--observations FILE]
    dtiplan collect   FOLDER_OR_FILE... --observations FILE [--submitted DATE] [--prefer FILE]
                      [--check] [--as-of DATE] [--month YYYY-MM]

The verbs with tables (status, deadlines, units, report, project, rank, improve, whatif,
assessment) take ``--output FILE``: the format is the extension (.docx for report and
assessment, .xlsx, .html, .md, .csv one file per table, .txt, .json), written atomically
(docs/documents.md).

Every verb works on the built-in plan of Đại Phước 2026-2030 unless ``--plan`` names a plan file,
and on the built-in framework unless ``--framework`` names one. ``--as-of`` defaults to today and
``--month`` to the month of ``--as-of``. Without ``--observations`` the verbs that read
observations use the illustrative example shipped with dtiplan (invented figures), and every
output says so; likewise ``rank`` and ``improve`` use the illustrative peer table shipped with
dtiplan (a synthetic province, not real results) unless ``--peers`` names a CSV file.

Exit codes: 0 done (for ``check`` and ``report``: no finding is an error), 1 the plan check
found an error (``collect``: a returned file was rejected or a conflict is open), 2 bad usage
or an input that cannot be read (one line on stderr naming the file and the place), 130 stopped
by Ctrl-C (one line on stderr). A run that takes longer than 2 s shows its progress on stderr.

The package: ``_parser`` (options and their values), ``_inputs`` (reading the plan, framework,
observations; which file an error is about), ``_output`` (the one output function: data and a
renderer per format), ``verbs`` (one function per verb); the renderers are in
:mod:`dtiplan.report`.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence

from .. import _core
from ._inputs import InputError, load_plan_or_builtin, plan_name, reading
from ._parser import UsageError, build_parser
from ._progress import STOPPED, progress_line
from .verbs import VERBS

__all__ = ["build_parser", "main"]

_ERROR_PREFIX = {"vi": "lỗi", "en": "error"}


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
    prefix = f"dtiplan: {_ERROR_PREFIX[args.lang]}"
    try:
        # An error not tied to another input (observations, framework, peers) is the plan's.
        # Long computations report to the progress line (shown after 2 s) and stop on Ctrl-C.
        with reading(plan_name(args)), _core.progress_scope(progress_line(args.lang)):
            code = VERBS[args.verb](load_plan_or_builtin(args.plan), args)
        sys.stdout.flush()
    except (_core.SimulationCancelled, KeyboardInterrupt):
        print(f"\n{prefix}: {STOPPED[args.lang]}", file=sys.stderr)
        return 130
    except InputError as error:
        print(f"{prefix}: {error.one_line()}", file=sys.stderr)
        return 2
    except UsageError as error:
        print(f"{prefix}: {error}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        # The reader went away (dtiplan show | head): stop quietly.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1
    return code
