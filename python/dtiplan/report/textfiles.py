"""Tables as files people paste elsewhere: Markdown (``--output FILE.md``: the title, the
summary lines, then each table) and CSV (``--output FILE.csv``: one file per table, named
FILE's stem + "-" + the table's name, UTF-8 with a byte-order mark so that Excel reads the
Vietnamese; numbers as numbers with a decimal point, percentages as fractions, dates ISO).
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Any

from ._format import csv_cell, csv_writer
from .tables import Cell, Table, cell_text

__all__ = ["csv_files", "markdown_text"]


def _md_cell(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|")


def markdown_text(title: str, lines: Sequence[str], tables: Sequence[Table], lang: str) -> str:
    """A Markdown page: ``title`` as the heading, ``lines`` (the summary) as a list, then each
    table under its name with its note."""
    out = [f"# {title}", ""]
    for line in lines:
        text = line.strip()
        out.append(("    - " if line.startswith("  ") else "- ") + _md_cell(text))
    for table in tables:
        out += ["", f"## {table.name}", ""]
        if table.note:
            out += [f"*{table.note}*", ""]
        out.append("| " + " | ".join(_md_cell(t) for t in table.titles) + " |")
        align = ["---:" if k in ("int", "number", "index", "percent") else "---"
                 for k in table.kinds]  # fmt: skip
        out.append("| " + " | ".join(align) + " |")
        for row in table.rows:
            cells = [_md_cell(cell_text(v, table.kinds[i], lang)) for i, v in enumerate(row)]
            out.append("| " + " | ".join(cells) + " |")
    return "\n".join(out) + "\n"


def _csv_value(value: Any) -> Any:
    if isinstance(value, Cell):
        value = value.value
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return csv_cell(value)


def csv_files(tables: Sequence[Table]) -> dict[str, str]:
    """Each table as CSV text (with a byte-order mark), by its slug; an ``illustrative`` column
    when the table carries the illustrative label."""
    files = {}
    for table in tables:
        out = io.StringIO()
        out.write("\ufeff")
        writer = csv_writer(out)
        titles = list(table.titles) + (["illustrative"] if table.note else [])
        writer.writerow(titles)
        for row in table.rows:
            writer.writerow([_csv_value(v) for v in row] + (["true"] if table.note else []))
        files[table.slug] = out.getvalue()
    return files
