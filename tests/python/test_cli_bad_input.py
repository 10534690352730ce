"""Bad input given to the command: a figure is never read wrong without a word, and every refusal
is exit 2 with one line of valid UTF-8 naming the file (and row and column where there is one)."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

Run = Callable[..., subprocess.CompletedProcess[str]]

HEADER = "indicator,period,value,numerator,denominator,unit,submitted,note\n"


def _one_line_error(result: subprocess.CompletedProcess[str], *parts: str) -> str:
    assert result.returncode == 2, result.stderr
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    for part in parts:
        assert part in lines[0], lines[0]
    return lines[0]


def _observations(tmp_path: Path, *rows: str, name: str = "so-lieu.csv") -> Path:
    path = tmp_path / name
    path.write_text(HEADER + "".join(row + "\n" for row in rows), encoding="utf-8")
    return path


# --- item 1: Vietnamese separators --------------------------------------------------------------


def test_a_count_with_thousands_dots_is_read_the_vietnamese_way(
    run_cli: Run, tmp_path: Path
) -> None:
    # 1.234 of 1.300 files handled online: 94,9 %, not 0,1 %.
    path = _observations(tmp_path, "I.04,2026-02,,1.234,1.300,TTPVHCC,2026-02-22,hồ sơ")
    result = run_cli("status", "--as-of", "2026-03-01", "--observations", path)
    assert result.returncode == 0, result.stderr
    i04 = next(line for line in result.stdout.splitlines() if line.startswith("I.04 "))
    assert "94,9%" in i04, i04


@pytest.mark.parametrize("count", ["12,5", "1.5", "1,234"])
def test_a_count_with_a_decimal_part_exits_2(run_cli: Run, tmp_path: Path, count: str) -> None:
    path = _observations(tmp_path, f'I.04,2026-02,,"{count}",1300,TTPVHCC,2026-02-22,')
    result = run_cli("status", "--observations", path)
    _one_line_error(
        result,
        "so-lieu.csv: row 2, column numerator",
        f'"{count}"',
        "a count is a whole number",
    )


@pytest.mark.parametrize("rate", ["1.234", "1.000%", "12.345.678"])
def test_a_rate_with_a_dot_and_three_digits_is_ambiguous(
    run_cli: Run, tmp_path: Path, rate: str
) -> None:
    path = _observations(tmp_path, f'I.03,2026-02,"{rate}",,,TTPVHCC,2026-02-15,')
    result = run_cli("status", "--observations", path, "--lang", "en")
    _one_line_error(result, "so-lieu.csv: row 2, column value", f'"{rate}"', "ambiguous")


# --- item 2: errors, not tracebacks -------------------------------------------------------------


def test_vietnamese_text_after_a_closing_quote(run_cli: Run, tmp_path: Path) -> None:
    path = _observations(
        tmp_path, 'I.03,2026-02,"82,5%",,,TTPVHCC,2026-02-15,"Số liệu" đã được rà soát'
    )
    line = _one_line_error(
        run_cli("status", "--observations", path, "--lang", "en"),
        "dtiplan: error:",
        "so-lieu.csv: row 2",
        'text after the closing quote of a field: "đã được rà soát"',
    )
    assert "\\x" not in line  # no character cut in half


@pytest.fixture
def plan_text() -> str:
    import dtiplan

    return str(dtiplan.builtin_plan_json())


@pytest.mark.parametrize(
    ("encoding", "part"),
    [
        ("cp1258", "not UTF-8 (byte 0x"),
        ("utf-16", "line 1: the file is UTF-16 text, not UTF-8; save it as UTF-8"),
        ("utf-16-le", "line 1: the file is UTF-16 text, not UTF-8; save it as UTF-8"),
    ],
)
def test_a_plan_saved_in_another_encoding(
    run_cli: Run, tmp_path: Path, plan_text: str, encoding: str, part: str
) -> None:
    path = tmp_path / f"ke-hoach-{encoding}.json"
    path.write_bytes(plan_text.encode(encoding, errors="replace"))
    _one_line_error(run_cli("check", "--plan", path), f"ke-hoach-{encoding}.json", part)


def test_invalid_utf8_inside_a_json_string_of_observations(run_cli: Run, tmp_path: Path) -> None:
    path = tmp_path / "so-lieu.json"
    path.write_bytes(
        b'{"schema": "dtiplan.observations/1", "observations": [\n'
        b'{"indicator": "I.03", "period": "2026-02", "value": 0.8, "submitted": "2026-02-15",'
        b' "note": "S\xf4\xcc\x81 li\xea\xf2u"}]}'
    )
    _one_line_error(
        run_cli("status", "--observations", path), "so-lieu.json: line 2, column", "not UTF-8"
    )


def test_a_number_too_large_for_a_double(run_cli: Run, tmp_path: Path, plan_text: str) -> None:
    path = tmp_path / "ke-hoach.json"
    path.write_text(plan_text.replace('"top": 10', '"top": 1e999', 1), encoding="utf-8")
    _one_line_error(run_cli("show", "--plan", path), "ke-hoach.json: line", "1e999 is too large")


def test_a_file_name_that_is_not_utf8(run_cli: Run, tmp_path: Path) -> None:
    # "báo-cáo.csv" named in Windows-1258 by an old archive tool: á is the byte 0xE1.
    name = os.fsdecode(b"b\xe1o-c\xe1o.csv")
    path = tmp_path / name
    path.write_text(HEADER + "I.03,2026-02,120%,,,TTPVHCC,2026-02-15,\n", encoding="utf-8")
    _one_line_error(
        run_cli("status", "--observations", path),
        "b\\xe1o-c\\xe1o.csv: row 2, column value",
        "0..1",
    )
    _one_line_error(run_cli("status", "--observations", tmp_path / os.fsdecode(b"\xff.csv")))


def test_a_huge_target_phrase_gives_a_short_message(
    run_cli: Run, tmp_path: Path, plan_text: str
) -> None:
    import json

    data = json.loads(plan_text)
    target = data["indicators"][2]["targets"][0]
    for parsed in ("kind", "comparator", "value", "denominator", "basis", "aspirational"):
        target.pop(parsed, None)
    target["text"] = "Trên tám mươi " + "phần trăm " * 10_000  # 100 kB
    path = tmp_path / "ke-hoach.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    line = _one_line_error(run_cli("check", "--plan", path), "ke-hoach.json", "Trên tám mươi")
    assert len(line.encode()) < 1200
