"""Errors: one hierarchy under ValueError, the most specific class raised, the place named."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import dtiplan

ERRORS = [
    dtiplan.Error,
    dtiplan.TargetPhraseError,
    dtiplan.FormatError,
    dtiplan.FileError,
    dtiplan.ValidationError,
]


@pytest.mark.parametrize("cls", ERRORS)
def test_every_error_is_a_value_error(cls: type[Exception]) -> None:
    assert issubclass(cls, ValueError)
    assert issubclass(cls, dtiplan.Error)
    assert cls.__module__ == "dtiplan._core"
    assert cls.__doc__


def test_subclasses_are_distinct() -> None:
    for a in ERRORS[1:]:
        for b in ERRORS[1:]:
            assert (a is b) == issubclass(a, b)


def test_bad_target_phrase() -> None:
    with pytest.raises(dtiplan.TargetPhraseError, match="Trên tám mươi phần trăm") as info:
        dtiplan.parse_target("Trên tám mươi phần trăm")
    assert isinstance(info.value, ValueError)
    assert info.value.detail in str(info.value)


def test_bad_target_phrase_in_a_file_names_the_json_path(
    plan_data: dict[str, Any], write_plan: Callable[..., Path]
) -> None:
    target = plan_data["indicators"][2]["targets"][0]
    for parsed in ("kind", "comparator", "value", "denominator", "basis", "aspirational"):
        target.pop(parsed, None)
    target["text"] = "Trên tám mươi phần trăm"
    path = write_plan(plan_data)
    with pytest.raises(dtiplan.TargetPhraseError) as info:
        dtiplan.load_plan(path)
    message = str(info.value)
    assert str(path) in message
    assert "indicators[2].targets[0].text" in message
    assert "Trên tám mươi phần trăm" in message
    assert info.value.where.endswith("indicators[2].targets[0].text")
    assert "Trên tám mươi phần trăm" in info.value.detail


def test_bad_json_file(write_plan: Callable[..., Path]) -> None:
    path = write_plan('{"schema": "dtiplan.plan/1", "id": ', name="hong.json")
    with pytest.raises(dtiplan.FormatError) as info:
        dtiplan.load_plan(path)
    assert str(path) in str(info.value)
    assert "line 1" in str(info.value)
    assert isinstance(info.value, ValueError)


def test_missing_field(plan_data: dict[str, Any], write_plan: Callable[..., Path]) -> None:
    del plan_data["indicators"][3]["name"]
    path = write_plan(plan_data)
    with pytest.raises(dtiplan.FormatError, match=r"indicators\[3\]\.name") as info:
        dtiplan.load_plan(path)
    assert info.value.where == f"{path}: indicators[3].name"
    assert info.value.detail
    assert str(info.value) == f"{info.value.where}: {info.value.detail}"


def test_unknown_enum_spelling(plan_data: dict[str, Any], write_plan: Callable[..., Path]) -> None:
    plan_data["indicators"][0]["assignments"][0]["role"] = "chủ-trì"
    with pytest.raises(dtiplan.FormatError, match=r"indicators\[0\]\.assignments\[0\]\.role"):
        dtiplan.load_plan(write_plan(plan_data))


def test_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "khong-co.json"
    with pytest.raises(dtiplan.FileError, match=r"khong-co\.json"):
        dtiplan.load_plan(path)


def test_from_json_text_names_the_origin() -> None:
    with pytest.raises(dtiplan.FormatError, match=r"^hộp thư\.json: "):
        dtiplan.plan_from_json("[]", "hộp thư.json")


def test_unknown_unit_or_group(plan: dtiplan.Plan) -> None:
    with pytest.raises(dtiplan.ValidationError, match="PHONG-LA"):
        plan.expand("PHONG-LA")


def test_catching_value_error_is_enough() -> None:
    with pytest.raises(ValueError):
        dtiplan.parse_target("")
