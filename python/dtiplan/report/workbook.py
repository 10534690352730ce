"""Tables as an Excel workbook (``--output FILE.xlsx``): one sheet per table, its first row the
table's name and the illustrative label where it applies, its second row the column titles
(frozen with the row above), numbers stored as numbers with a number format (percentages as
percentages, indices with four decimals, dates as dates), widths that fit the text.

Excel shows the separators of the reader's locale, so a Vietnamese Excel shows 82,5% from the
stored 0.825: the number formats say how many decimals, not which comma (docs/documents.md).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from ._format import display_width
from .tables import Cell, Table, cell_text

__all__ = ["NUMBER_FORMATS", "write_workbook"]

#: The number format of each column kind.
NUMBER_FORMATS = {
    "int": "#,##0",
    "year": "0",
    "number": "#,##0.0##",
    "index": "0.0000",
    "percent": "0.0%",
    "date": "dd/mm/yyyy",
}

_MAX_WIDTH = 60


def _value(cell: Any, kind: str) -> tuple[Any, str]:
    if isinstance(cell, Cell):
        return cell.value, cell.kind
    if isinstance(cell, float) and math.isnan(cell):
        return None, kind
    return cell, kind


def write_workbook(tables: Sequence[Table], path: Path, lang: str) -> None:
    """Write ``tables`` to ``path``, one sheet each, in order."""
    book = Workbook()
    book.remove(book.active)
    bold = Font(bold=True)
    for table in tables:
        sheet = book.create_sheet(table.name[:31])
        title = table.name + (f" — {table.note}" if table.note else "")
        sheet.cell(row=1, column=1, value=title).font = bold
        widths = [display_width(t) for t in table.titles]
        for c, heading in enumerate(table.titles, start=1):
            cell = sheet.cell(row=2, column=c, value=heading)
            cell.font = bold
            cell.alignment = Alignment(wrap_text=True, vertical="top")
        for r, row in enumerate(table.rows, start=3):
            for c, raw in enumerate(row, start=1):
                value, kind = _value(raw, table.kinds[c - 1])
                cell = sheet.cell(row=r, column=c, value=value)
                if kind in NUMBER_FORMATS and value is not None:
                    cell.number_format = NUMBER_FORMATS[kind]
                if kind == "text" and isinstance(value, str) and len(value) > _MAX_WIDTH:
                    cell.alignment = Alignment(wrap_text=True, vertical="top")
                widths[c - 1] = max(widths[c - 1], display_width(cell_text(raw, kind, lang)))
        for c, width in enumerate(widths, start=1):
            sheet.column_dimensions[get_column_letter(c)].width = min(_MAX_WIDTH, width + 2)
        sheet.freeze_panes = "A3"
    book.save(path)
