"""The notebooks of docs/notebooks/ in the site, with their outputs (charts, tables, text).

A small Sphinx extension (docs/site.md). The notebooks are kept in git without outputs; the site
shows them executed, and nothing is executed twice: ``tests/python/test_notebooks.py`` runs each
one in a real kernel and saves the executed copy to build/notebooks/<name>.ipynb, and the site
takes that copy when it is current; only when it is missing or stale (its cells differ from the
notebook's, or the installed package is newer than it) does the build execute the notebook itself
(nbclient, in the ``python3`` kernel) and save the copy for next time. myst-nb then renders the
executed notebook (``nb_execution_mode = "off"``: it executes nothing itself).

``executed_copy`` and ``current_copy`` are what the tests call; ``setup(app)`` hooks
``source-read``, which hands myst-nb the executed notebook in place of the file's text.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import nbformat

#: The folder of the notebooks, relative to docs/.
FOLDER = "notebooks"


def _cells(notebook: Any) -> list[tuple[str, str]]:
    return [(cell.cell_type, "".join(cell.source)) for cell in notebook.cells]


def _package_time() -> float:
    """The newest modification time of the installed dtiplan package's files (its outputs are
    what a notebook shows), 0 when it cannot be found."""
    try:
        import dtiplan
    except ImportError:
        return 0.0
    folder = Path(dtiplan.__file__).parent
    return max((p.stat().st_mtime for p in folder.rglob("*") if p.is_file()), default=0.0)


def current_copy(source: Path, copy: Path, package_time: float | None = None) -> Any | None:
    """The executed copy of the notebook ``source`` saved at ``copy``, or None when there is
    none, when its cells are not the notebook's (the notebook was edited since), or when it is
    older than the installed package (its outputs may have changed)."""
    if not copy.is_file():
        return None
    newest = _package_time() if package_time is None else package_time
    if copy.stat().st_mtime < newest:
        return None
    try:
        executed = nbformat.read(copy, as_version=4)
    except (OSError, ValueError):
        return None
    notebook = nbformat.read(source, as_version=4)
    if _cells(executed) != _cells(notebook):
        return None
    return executed


def execute(source: Path, timeout: int = 600) -> Any:
    """The notebook ``source`` executed from top to bottom in the ``python3`` kernel, in its own
    folder (as the tests run it)."""
    import nbclient

    notebook = nbformat.read(source, as_version=4)
    client = nbclient.NotebookClient(
        notebook,
        timeout=timeout,
        kernel_name="python3",
        resources={"metadata": {"path": str(source.parent)}},
    )
    client.execute()
    return notebook


def save_copy(notebook: Any, copy: Path) -> None:
    """Save an executed notebook at ``copy`` (a temporary file, then a rename)."""
    copy.parent.mkdir(parents=True, exist_ok=True)
    temporary = copy.with_name(f".{copy.name}.{os.getpid()}.tmp-dtiplan")
    nbformat.write(notebook, temporary)
    temporary.replace(copy)


def executed_copy(source: Path, copies: Path) -> Any:
    """The notebook ``source`` with its outputs: the current copy in the folder ``copies`` when
    there is one, else executed now (and saved there)."""
    copy = copies / source.name
    executed = current_copy(source, copy)
    if executed is None:
        executed = execute(source)
        save_copy(executed, copy)
    return executed


def _source_read(app: Any, docname: str, source: list[str]) -> None:
    if not docname.startswith(FOLDER + "/"):
        return
    docs = Path(app.srcdir)
    path = docs / f"{docname}.ipynb"
    if path.is_file():
        copies = docs.parent / "build" / "notebooks"
        source[0] = nbformat.writes(executed_copy(path, copies))


def setup(app: Any) -> dict[str, Any]:
    app.connect("source-read", _source_read)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
