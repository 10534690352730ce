"""The command's plumbing: one output function for every verb, and errors that name the input
they are about without any module-global state."""

from __future__ import annotations

import argparse
import json
from typing import TextIO

import pytest

import dtiplan
from dtiplan import report
from dtiplan.cli._inputs import BUILTIN, InputError, load_plan_or_builtin, reading
from dtiplan.cli._output import Renderers, as_is, emit


def _args(fmt: str, lang: str = "vi") -> argparse.Namespace:
    return argparse.Namespace(format=fmt, lang=lang)


DATA: dict[str, str | float] = {"đơn_vị": "Phòng VH-XH", "tỷ_lệ": 0.825}


def _text(data: dict[str, str | float], lang: str) -> str:
    return f"{data['đơn_vị']}: {report._format.percent(float(data['tỷ_lệ']), lang)}\n"


def _csv(data: dict[str, str | float], out: TextIO, lang: str) -> None:
    report._format.csv_writer(out).writerow([*data.values()])


RENDERERS: Renderers[dict[str, str | float]] = Renderers(_text, as_is, _csv)


@pytest.mark.parametrize(
    ("fmt", "lang", "expected"),
    [
        ("text", "vi", "Phòng VH-XH: 82,5%\n"),
        ("text", "en", "Phòng VH-XH: 82.5%\n"),
        ("csv", "vi", "Phòng VH-XH,0.825\n"),
    ],
)
def test_one_output_function_writes_each_format(capsys, fmt: str, lang: str, expected: str) -> None:
    emit(DATA, RENDERERS, _args(fmt, lang))
    assert capsys.readouterr().out == expected


def test_json_keeps_vietnamese_as_written(capsys) -> None:
    emit(DATA, RENDERERS, _args("json"))
    out = capsys.readouterr().out
    assert json.loads(out) == DATA
    assert "Phòng VH-XH" in out and '"đơn_vị"' in out


def test_long_json_is_written_as_json_dumps_writes_it_and_not_half_on_an_error(capsys) -> None:
    # Many small tokens and Vietnamese text: the pieces of about 64 kB join to the same text.
    ranks = [{"rank": r, "probability": 1 / (r + 1), "cumulative": 0.5} for r in range(1, 30000)]
    data = {"commune": "Phường Tam Hiệp", "distribution": ranks, "đơn_vị": ["Phòng VH-XH"]}
    emit(data, Renderers(_text, as_is, _csv), _args("json"))
    out = capsys.readouterr().out
    assert out == json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    assert len(out) > 1 << 20
    with pytest.raises(TypeError):
        emit({"đơn_vị": "Phường Tam Hiệp", "ranks": ranks, "bad": object()},
             Renderers(_text, as_is, _csv), _args("json"))  # fmt: skip
    assert capsys.readouterr().out == ""


def test_an_error_while_reading_names_that_input(tmp_path) -> None:
    path = tmp_path / "khung-diem.json"
    path.write_text("{", encoding="utf-8")
    with pytest.raises(InputError) as caught, reading(str(path)):
        dtiplan.load_framework(str(path))
    assert caught.value.path == str(path)
    line = caught.value.one_line()
    assert "\n" not in line and line.count(str(path)) == 1


def test_the_innermost_input_keeps_its_name() -> None:
    with pytest.raises(InputError) as caught, reading("ke-hoach.json"), reading("so-lieu.csv"):
        dtiplan.load_plan("/không/có/tệp.json")
    assert caught.value.path == "so-lieu.csv"
    assert caught.value.one_line().startswith("so-lieu.csv: ")


def test_the_built_in_plan_is_read_when_no_file_is_given() -> None:
    assert load_plan_or_builtin(None).id == dtiplan.builtin_plan().id
    with pytest.raises(InputError) as caught:
        load_plan_or_builtin("/không/có/ke-hoach.json")
    assert caught.value.path == "/không/có/ke-hoach.json"
    assert BUILTIN == "<built-in>"
