"""The command's progress line and Ctrl-C (docs/cancellation.md): every long computation of a
verb reports to :func:`progress_line` about every 0.1 s; the line appears on stderr once the
command has run for :data:`SHOW_AFTER` seconds, so quick runs print nothing extra."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from typing import TextIO

__all__ = ["SHOW_AFTER", "STOPPED", "progress_line"]

#: Seconds of work before the progress line is shown.
SHOW_AFTER = 2.0

#: The one line printed when Ctrl-C stops a run (exit 130).
STOPPED = {
    "vi": "đã dừng theo yêu cầu (Ctrl-C); không có kết quả",
    "en": "stopped on request (Ctrl-C); no result",
}

_WORK = {"vi": "đang tính", "en": "computing"}


def progress_line(
    lang: str, stream: TextIO | None = None, clock: Callable[[], float] = time.monotonic
) -> Callable[[int, int], bool]:
    """A progress callback writing ``computing 45% (450,000/1,000,000)`` on one line of
    ``stream`` (default stderr), rewritten in place, once ``SHOW_AFTER`` seconds have passed
    since it was made; the line is ended when a computation it showed finishes."""
    out = stream if stream is not None else sys.stderr
    start = clock()
    shown = False

    def report(done: int, total: int) -> bool:
        nonlocal shown
        if not shown and clock() - start < SHOW_AFTER:
            return True
        shown = True
        percent = 100 * done // total if total else 100
        numbers = f"{done:,}/{total:,}"
        if lang == "vi":
            numbers = numbers.replace(",", ".")
        out.write(f"\rdtiplan: {_WORK.get(lang, _WORK['en'])} {percent}% ({numbers})")
        if done >= total:
            out.write("\n")
            shown = False
        out.flush()
        return True

    return report
