"""Golden files: the exact text, JSON and CSV that ``dtiplan`` prints, byte for byte.

Every case runs the command (``dtiplan.cli.main``, in this process: the same code as the
installed ``dtiplan`` entry point, without a new interpreter per case) on the built-in plan, the
built-in framework and the illustrative observations and peers shipped with dtiplan, on a fixed
``--as-of``, and compares what it prints with ``tests/python/golden/<case>``. A mismatch fails
with a unified diff of the two.

When an output changes on purpose, regenerate the files and review the diff before committing:

    DTIPLAN_UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/python/test_golden.py
    git diff tests/python/golden/

(docs/testing.md says the same). ``rank`` and ``improve`` use the exact method and ``project``
a few hundred draws, so the whole file runs in seconds.
"""

from __future__ import annotations

import contextlib
import difflib
import io
import os
from pathlib import Path

import pytest

from dtiplan.cli import main

GOLDEN = Path(__file__).parent / "golden"
UPDATE = os.environ.get("DTIPLAN_UPDATE_GOLDEN") == "1"

SPRING = ("--as-of", "2026-03-25")
AUTUMN = ("--as-of", "2026-11-20")
PROJECT = ("--to", "2026-12-31", "--draws", "300", "--seed", "7")
RANK = ("--to", "2026-12-31")

# case file -> (arguments, exit code). Text in both languages for every verb; JSON and CSV for
# each verb in Vietnamese (the default), and in English where the output has translated labels.
CASES: dict[str, tuple[tuple[str, ...], int]] = {}


def _case(name: str, args: tuple[str, ...], code: int = 0) -> None:
    CASES[name] = (args, code)


for _lang in ("vi", "en"):
    _l = ("--lang", _lang)
    _case(f"show.{_lang}.txt", ("show", *_l))
    _case(f"check.{_lang}.txt", ("check", *_l))
    _case(f"matrix.{_lang}.txt", ("matrix", *_l))
    _case(f"status.{_lang}.txt", ("status", *SPRING, *_l))
    _case(f"deadlines.{_lang}.txt", ("deadlines", *SPRING, "--month", "2026-03", *_l))
    _case(f"units.{_lang}.txt", ("units", *SPRING, *_l))
    _case(f"report.{_lang}.txt", ("report", *SPRING, *_l))
    _case(f"project.{_lang}.txt", ("project", *SPRING, *PROJECT, *_l))
    _case(f"rank.{_lang}.txt", ("rank", *AUTUMN, *RANK, *_l))
    _case(f"improve.{_lang}.txt", ("improve", *AUTUMN, *RANK, *_l))
    # Later in the year: more values, late and missing reports, a shifted deadline.
    _case(f"status-nov.{_lang}.txt", ("status", *AUTUMN, *_l))
    _case(f"deadlines-nov.{_lang}.txt",
          ("deadlines", *AUTUMN, "--month", "2026-10", "--shift", "later", *_l))  # fmt: skip
    _case(f"report-nov.{_lang}.txt", ("report", *AUTUMN, *_l))

for _fmt in ("json", "csv"):
    _f = ("--format", _fmt)
    _case(f"show.vi.{_fmt}", ("show", *_f))
    _case(f"check.en.{_fmt}", ("check", "--lang", "en", *_f))
    _case(f"matrix.vi.{_fmt}", ("matrix", *_f))
    _case(f"status.vi.{_fmt}", ("status", *SPRING, *_f))
    _case(f"deadlines.en.{_fmt}", ("deadlines", *AUTUMN, "--month", "2026-10", "--lang", "en", *_f))
    _case(f"units.vi.{_fmt}", ("units", *AUTUMN, *_f))
    _case(f"report.vi.{_fmt}", ("report", *AUTUMN, *_f))
    _case(f"project.vi.{_fmt}", ("project", *SPRING, *PROJECT, *_f))
    _case(f"rank.vi.{_fmt}", ("rank", *AUTUMN, *RANK, *_f))
    _case(f"improve.en.{_fmt}", ("improve", *AUTUMN, *RANK, "--lang", "en", *_f))

_case("improve-limit.vi.txt", ("improve", *AUTUMN, *RANK, "--limit", "3", "--top", "20"))
_EVERYONE = ("rank", "--everyone", *AUTUMN, *RANK, "--draws", "300", "--seed", "7")
_case("rank-everyone.vi.txt", _EVERYONE)
_case("rank-everyone.en.json", (*_EVERYONE, "--lang", "en", "--format", "json"))
_case("rank-everyone.vi.csv", (*_EVERYONE, "--format", "csv"))


# Files written with --output: the web page as it is, the Word document as an outline of its
# structure (each paragraph and table cell with its style), so a diff shows what moved.
OUT = "{out}"
_case("report-nov.vi.html", ("report", *AUTUMN, "--draws", "300", "--output", OUT + ".html"))
_case("report-nov.docx.txt", ("report", *AUTUMN, "--draws", "300", "--output", OUT + ".docx"))
_case("assessment-2026.vi.txt", ("assessment", "--year", "2026"))
_case("assessment-2026.docx.txt", ("assessment", "--year", "2026", "--output", OUT + ".docx"))


def _docx_outline(path: Path) -> str:
    """A Word document's structure as text: page set-up, header, then each paragraph (with
    alignment, bold, italic, size) and each table row (cells separated by " | ")."""
    from docx import Document

    doc = Document(str(path))
    s = doc.sections[0]
    lines = [
        f"page {round(s.page_width.mm)}x{round(s.page_height.mm)} mm; margins "
        f"{round(s.top_margin.mm)}/{round(s.bottom_margin.mm)}/{round(s.left_margin.mm)}/"
        f"{round(s.right_margin.mm)} mm; font {doc.styles['Normal'].font.name} "
        f"{doc.styles['Normal'].font.size.pt:g} pt",
        f"header (not on page 1): {'PAGE' if 'PAGE' in s.header._element.xml else '-'}",
    ]

    def para(p: object) -> str:
        runs = [r for r in p.runs if r.text.strip()]  # type: ignore[attr-defined]
        flags = ""
        if runs and all(r.bold for r in runs):
            flags += "B"
        if runs and all(r.italic for r in runs):
            flags += "I"
        size = runs[0].font.size.pt if runs and runs[0].font.size else ""
        align = str(p.alignment).split(".")[-1].split(" ")[0] if p.alignment is not None else ""  # type: ignore[attr-defined]
        return f"[{flags}{size:g}{' ' + align if align else ''}] {p.text}" if runs else ""  # type: ignore[attr-defined]

    body = doc.element.body
    tables = iter(doc.tables)
    paragraphs = iter(doc.paragraphs)
    for child in body.iterchildren():
        tag = child.tag.split("}")[-1]
        if tag == "p":
            text = para(next(paragraphs))
            if text:
                lines.append(text)
        elif tag == "tbl":
            table = next(tables)
            lines.append("<table>")
            for row in table.rows:
                cells = [" / ".join(t for t in (para(p) for p in c.paragraphs) if t)
                         for c in row.cells]  # fmt: skip
                lines.append("  " + " | ".join(cells))
            lines.append("</table>")
    return "\n".join(lines) + "\n"


def _run(args: tuple[str, ...], tmp: Path | None = None) -> tuple[str, int]:
    out = io.StringIO()
    written = None
    if any(OUT in a for a in args):
        assert tmp is not None
        args = tuple(a.replace(OUT, str(tmp / "out")) for a in args)
        written = next(Path(a) for a in args if a.startswith(str(tmp)))
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
        code = main(list(args))
    if written is None:
        return out.getvalue(), code
    if written.suffix == ".docx":
        return _docx_outline(written), code
    return written.read_text(encoding="utf-8"), code


def _diff(expected: str, actual: str, name: str) -> str:
    lines = difflib.unified_diff(
        expected.splitlines(keepends=True),
        actual.splitlines(keepends=True),
        fromfile=f"golden/{name}",
        tofile="dtiplan output",
    )
    text = "".join(lines)
    cut = text.splitlines(keepends=True)[:200]
    return "".join(cut) + ("\n… (diff cut at 200 lines)\n" if len(cut) == 200 else "")


@pytest.mark.parametrize("name", sorted(CASES))
def test_output_matches_its_golden_file(name: str, tmp_path: Path) -> None:
    args, code = CASES[name]
    actual, actual_code = _run(args, tmp_path)
    assert actual_code == code, f"dtiplan {' '.join(args)}: exit {actual_code}, expected {code}"
    path = GOLDEN / name
    if UPDATE:
        GOLDEN.mkdir(exist_ok=True)
        path.write_bytes(actual.encode("utf-8"))
        return
    assert path.exists(), (
        f"no golden file {path}; create it with DTIPLAN_UPDATE_GOLDEN=1 (docs/testing.md)"
    )
    expected = path.read_bytes().decode("utf-8")
    if actual != expected:
        pytest.fail(
            f"dtiplan {' '.join(args)} differs from golden/{name} "
            "(after a deliberate change: DTIPLAN_UPDATE_GOLDEN=1, docs/testing.md):\n"
            + _diff(expected, actual, name),
            pytrace=False,
        )


def test_every_golden_file_has_a_case() -> None:
    """A golden file left behind by a removed case would pin nothing: none may be stale."""
    stale = sorted(p.name for p in GOLDEN.iterdir() if p.name not in CASES)
    assert stale == []


def test_golden_files_hold_vietnamese_text_as_written() -> None:
    """The files are UTF-8 and keep the plan's Vietnamese (not escaped), so a diff reads."""
    show = (GOLDEN / "show.vi.txt").read_text(encoding="utf-8")
    assert "Phụ lục I. Chỉ tiêu do cơ quan, đơn vị xã chủ trì thực hiện" in show
    status = (GOLDEN / "status.vi.json").read_text(encoding="utf-8")
    assert "\\u" not in status and "Đại Phước" in status
