"""The one way a verb prints: its data, and a renderer per format (text, JSON, CSV)."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TextIO, TypeVar

__all__ = ["Renderers", "emit", "print_json"]

D = TypeVar("D")


@dataclass(frozen=True)
class Renderers(Generic[D]):
    """How one verb's data is written in each ``--format``: ``text(data, lang)`` returns the
    text, ``json(data, lang)`` the JSON value, ``csv(data, out, lang)`` writes the table."""

    text: Callable[[D, str], str]
    json: Callable[[D, str], Any]
    csv: Callable[[D, TextIO, str], None]


def as_is(data: Any, lang: str) -> Any:
    """The JSON renderer of a verb whose data is already its JSON value."""
    return data


def print_json(value: Any) -> None:
    """A JSON value on stdout: indented, Vietnamese text as written (not escaped)."""
    sys.stdout.write(json.dumps(value, ensure_ascii=False, indent=2) + "\n")


def emit(data: D, renderers: Renderers[D], args: argparse.Namespace) -> None:
    """Write ``data`` on stdout in ``args.format`` and ``args.lang``."""
    if args.format == "json":
        print_json(renderers.json(data, args.lang))
    elif args.format == "csv":
        renderers.csv(data, sys.stdout, args.lang)
    else:
        sys.stdout.write(renderers.text(data, args.lang))
