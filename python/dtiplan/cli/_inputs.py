"""What the verbs read, and which file an error is about.

A verb reads the plan, then maybe a framework, observations and peers. A library error names
what went wrong but not always the file: :func:`reading` ties the errors raised while one input
is read (or used) to that input's name, so the command's one-line message can name it. There is
no module-global state: the name travels with the error (:class:`InputError`).
"""

from __future__ import annotations

import argparse
import datetime
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from .. import _core
from .._core import Framework, ObservationLog, Period, Plan, ReportingCalendar
from .._text import printable
from ..track import (
    EXAMPLE_OBSERVATIONS_FILE,
    deadline_shift,
    example_observations,
    is_illustrative,
    load_observations,
)
from ._parser import parse_as_of, parse_month

__all__ = [
    "BUILTIN",
    "InputError",
    "Inputs",
    "load_inputs",
    "load_plan_or_builtin",
    "plan_name",
    "reading",
]

#: How messages name the built-in plan or framework.
BUILTIN = "<built-in>"
CALENDAR_MONTH = _core.ReportingWindow.CalendarMonth


class InputError(Exception):
    """A library error raised while ``path`` was read or used (exit 2, one line naming it)."""

    def __init__(self, path: str, error: _core.Error) -> None:
        super().__init__(str(error))
        self.path = path
        self.error = error

    def one_line(self) -> str:
        """The error on one line, naming the input unless the message already does."""
        message = " ".join(str(self.error).split())
        path = printable(self.path)
        if path not in message:
            message = f"{path}: {message}"
        return printable(message)



@contextmanager
def reading(path: str) -> Iterator[None]:
    """Within the block, a library error is about ``path``: it is raised as an
    :class:`InputError` naming it (an error already tied to an input keeps its own name)."""
    try:
        yield
    except _core.Error as error:
        raise InputError(path, error) from None


def plan_name(args: argparse.Namespace) -> str:
    """The name of the plan the command works on: its file, or ``<built-in>``."""
    path: str | None = getattr(args, "plan", None)
    return path if path is not None else BUILTIN


def load_plan_or_builtin(path: str | None) -> Plan:
    """The plan file ``path``, or the built-in plan when None."""
    with reading(path if path is not None else BUILTIN):
        return _core.builtin_plan() if path is None else _core.load_plan(path)


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


def load_inputs(plan: Plan, args: argparse.Namespace) -> Inputs:
    """The options' date, month, framework and observations (the illustrative example when no
    file is given), and the plan's reporting calendar."""
    as_of = parse_as_of(getattr(args, "as_of", None))
    month = parse_month(getattr(args, "month", None), as_of)
    framework_path: str | None = getattr(args, "framework", None)
    with reading(framework_path or BUILTIN):
        framework = (
            _core.builtin_framework()
            if framework_path is None
            else _core.load_framework(framework_path)
        )
    observations: str | None = getattr(args, "observations", None)
    source = EXAMPLE_OBSERVATIONS_FILE if observations is None else observations
    with reading(source):
        if observations is None:
            log = example_observations(plan)
        else:
            log = load_observations(observations, plan)
    illustrative = observations is None or is_illustrative(log)
    window: str | None = getattr(args, "window", None)
    if window is not None:
        rules = plan.reporting
        rules.window = _core.ReportingWindow.from_spelling(window)
        plan.reporting = rules
    if getattr(args, "month", None) is None and plan.reporting.window == CALENDAR_MONTH:
        # A calendar month is reported the month after: on 25/03 the reports due are February's.
        month = _core.Period.month(month.year - (month.index == 1), (month.index + 10) % 12 + 1)
    calendar = ReportingCalendar(plan, deadline_shift(getattr(args, "shift", "keep")))
    return Inputs(plan, framework, log, illustrative, source, as_of, month, calendar)
