"""The one way a verb prints or writes: its data, and a renderer per format (text, JSON, CSV on
stdout; with ``--output FILE`` a file whose extension names the format: .docx, .xlsx, .html,
.md, .csv (one file per table), .txt, .json). Files are written atomically: to a temporary
file in the same folder, then renamed over FILE, so a reader never sees half a report."""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Generic, TextIO, TypeVar

from ..report.html import tables_html
from ..report.tables import Table
from ..report.textfiles import csv_files, markdown_text
from ..report.workbook import write_workbook
from ._parser import UsageError, output_extensions

__all__ = ["Renderers", "atomic_write", "emit", "print_json"]

D = TypeVar("D")


@dataclass(frozen=True)
class Renderers(Generic[D]):
    """How one verb's data is written in each ``--format``: ``text(data, lang)`` returns the
    text, ``json(data, lang)`` the JSON value, ``csv(data, out, lang)`` writes the table; for
    ``--output``, ``tables(data, lang)`` gives its typed tables (workbook, CSV files, Markdown,
    web page), ``title(data, lang)`` the heading of a page, and ``files`` the writers of the
    formats a verb writes its own way (the report's .docx and .html): extension ->
    ``(data, path, lang)``."""

    text: Callable[[D, str], str]
    json: Callable[[D, str], Any]
    csv: Callable[[D, TextIO, str], None]
    tables: Callable[[D, str], list[Table]] | None = None
    title: Callable[[D, str], str] | None = None
    files: dict[str, Callable[[D, Path, str], None]] = field(default_factory=dict)


def as_is(data: Any, lang: str) -> Any:
    """The JSON renderer of a verb whose data is already its JSON value."""
    return data


def _json_pieces(value: Any) -> list[str]:
    """A JSON value's text (indented, Vietnamese text as written, a final line break) in pieces
    of about 64 kB. json.dumps with an indent joins one small string per token at the end: for
    a rank distribution over 128,025 units that list held about 2 million strings and took more
    memory than the peer table."""
    pieces: list[str] = []
    batch: list[str] = []
    size = 0
    for chunk in json.JSONEncoder(ensure_ascii=False, indent=2).iterencode(value):
        batch.append(chunk)
        size += len(chunk)
        if size >= 1 << 16:
            pieces.append("".join(batch))
            batch.clear()
            size = 0
    batch.append("\n")
    pieces.append("".join(batch))
    return pieces


def _json_text(value: Any) -> str:
    return "".join(_json_pieces(value))


def print_json(value: Any) -> None:
    """A JSON value on stdout: indented, Vietnamese text as written (not escaped). Encoded whole
    before the first byte is written, so that an error leaves nothing half-written."""
    for piece in _json_pieces(value):
        sys.stdout.write(piece)


def atomic_write(path: Path, write: Callable[[Path], None]) -> None:
    """Call ``write`` on a temporary file in ``path``'s folder, then rename it to ``path``
    (the old file, if any, is replaced at once; on failure nothing is left behind)."""
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise UsageError(f"--output: no folder {folder}")
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    os.close(fd)
    try:
        write(Path(tmp))
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _write_text(path: Path, text: str, encoding: str = "utf-8") -> None:
    def write(tmp: Path) -> None:
        tmp.write_text(text, encoding=encoding, newline="\n")

    atomic_write(path, write)


def write_output(data: D, renderers: Renderers[D], args: argparse.Namespace) -> list[Path]:
    """Write ``data`` to ``args.output`` in the format its extension names; returns the files
    written. A bad extension is a :class:`UsageError` naming the supported ones."""
    path = Path(args.output)
    ext = path.suffix.lower()
    supported = output_extensions(args.verb)
    if ext not in supported:
        raise UsageError(
            f"--output {args.output}: unsupported extension {ext or '(none)'}; "
            f"dtiplan {args.verb} writes {', '.join(supported)}"
        )
    lang = args.lang
    if ext in renderers.files:
        writer = renderers.files[ext]
        atomic_write(path, lambda tmp: writer(data, tmp, lang))
        return [path]
    if ext == ".txt":
        _write_text(path, renderers.text(data, lang))
        return [path]
    if ext == ".json":
        _write_text(path, _json_text(renderers.json(data, lang)))
        return [path]
    assert renderers.tables is not None, f"{args.verb} has no tables"
    tables = renderers.tables(data, lang)
    title = renderers.title(data, lang) if renderers.title is not None else tables[0].name
    if ext == ".xlsx":
        atomic_write(path, lambda tmp: write_workbook(tables, tmp, lang))
    elif ext == ".md":
        _write_text(path, markdown_text(title, [], tables, lang))
    elif ext == ".html":
        _write_text(path, tables_html(title, [], tables, lang))
    else:  # .csv: one file per table
        written = []
        for slug, text in csv_files(tables).items():
            target = path.with_name(f"{path.stem}-{slug}.csv")
            _write_text(target, text)
            written.append(target)
        return written
    return [path]


_WROTE = {"vi": "Đã ghi: {path}", "en": "Written: {path}"}


def emit(data: D, renderers: Renderers[D], args: argparse.Namespace) -> None:
    """Write ``data`` on stdout in ``args.format`` and ``args.lang``, or to ``args.output``
    (then one line on stderr per file written)."""
    if getattr(args, "output", None):
        for path in write_output(data, renderers, args):
            print(_WROTE[args.lang].format(path=path), file=sys.stderr)
        return
    if args.format == "json":
        print_json(renderers.json(data, args.lang))
    elif args.format == "csv":
        renderers.csv(data, sys.stdout, args.lang)
    else:
        sys.stdout.write(renderers.text(data, args.lang))
