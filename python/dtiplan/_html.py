"""The small HTML a notebook shows for the package's results (``_repr_html_``): a caption, the
illustrative labels, and a table of name/value pairs or a DataFrame, escaped. One builder, so
every object looks the same in Jupyter."""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence

import pandas as pd

__all__ = ["html_summary"]

#: Rows of a frame shown in a notebook before "…".
MAX_ROWS = 12


def html_summary(
    caption: str,
    pairs: Iterable[tuple[str, object]] = (),
    labels: Sequence[str] = (),
    frame: pd.DataFrame | None = None,
) -> str:
    """``caption`` in bold, each label in italics, the ``pairs`` as a two-column table and
    ``frame`` (its first :data:`MAX_ROWS` rows) below them."""
    parts = [f"<div><strong>{html.escape(caption)}</strong>"]
    parts.extend(f"<br><em>{html.escape(label)}</em>" for label in labels)
    rows = "".join(
        f"<tr><th style='text-align:left'>{html.escape(str(k))}</th>"
        f"<td style='text-align:left'>{html.escape(str(v))}</td></tr>"
        for k, v in pairs
    )
    if rows:
        parts.append(f"<table>{rows}</table>")
    if frame is not None:
        shown = frame.head(MAX_ROWS)
        parts.append(shown.to_html(index=False, float_format=lambda v: f"{v:.4g}"))
        if len(frame) > MAX_ROWS:
            parts.append(f"<p>… {len(frame) - MAX_ROWS} more rows (.frame())</p>")
    parts.append("</div>")
    return "".join(parts)
