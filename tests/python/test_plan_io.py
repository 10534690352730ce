"""Plans to and from JSON files: round trips, path types and atomic saves."""

from __future__ import annotations

import json
import os
import pathlib
from pathlib import Path

import pytest

import dtiplan


def test_save_and_load_round_trip(plan: dtiplan.Plan, tmp_path: Path) -> None:
    path = tmp_path / "ke-hoach-dai-phuoc.json"
    plan.save(path)
    assert path.is_file()
    assert dtiplan.load_plan(path) == plan
    assert dtiplan.load_plan(str(path)) == plan


def test_save_plan_function_and_str_path(plan: dtiplan.Plan, tmp_path: Path) -> None:
    path = tmp_path / "kế hoạch có dấu.json"
    dtiplan.save_plan(plan, str(path))
    assert dtiplan.load_plan(path) == plan


def test_load_accepts_any_path_like(plan: dtiplan.Plan, tmp_path: Path) -> None:
    path = tmp_path / "plan.json"
    plan.save(path)

    class Where(os.PathLike):
        def __fspath__(self) -> str:
            return str(path)

    assert dtiplan.load_plan(Where()) == plan
    assert dtiplan.load_plan(pathlib.PurePath(path)) == plan  # type: ignore[arg-type]


def test_saved_file_is_utf8_json_in_schema(plan: dtiplan.Plan, tmp_path: Path) -> None:
    path = tmp_path / "plan.json"
    plan.save(path)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["schema"] == "dtiplan.plan/1"
    assert data["commune"] == "Đại Phước"
    assert "Phòng VH-XH" in path.read_text(encoding="utf-8")


def test_edited_plan_round_trips(plan: dtiplan.Plan, tmp_path: Path) -> None:
    indicator = plan.find_indicator("I.03")
    assert indicator is not None
    targets = indicator.targets
    targets[0] = dtiplan.Target(
        year=2026,
        text="Trên 85%",
        parsed=dtiplan.parse_target("Trên 85%"),
        source=dtiplan.SourceRef("PL.I", "03"),
    )
    indicator.targets = targets
    plan.indicators = [indicator if i.id == "I.03" else i for i in plan.indicators]
    path = tmp_path / "sua.json"
    plan.save(path)
    loaded = dtiplan.load_plan(path)
    assert loaded == plan
    assert loaded.find_indicator("I.03").targets[0].text == "Trên 85%"  # type: ignore[union-attr]


def test_to_json_and_back(plan: dtiplan.Plan) -> None:
    text = plan.to_json()
    assert text == dtiplan.plan_to_json(plan)
    assert dtiplan.plan_from_json(text) == plan
    assert dtiplan.plan_from_json(text, origin="khác.json") == plan


def test_save_into_missing_folder_raises_and_writes_nothing(
    plan: dtiplan.Plan, tmp_path: Path
) -> None:
    target = tmp_path / "khong-co" / "plan.json"
    with pytest.raises(dtiplan.FileError) as info:
        plan.save(target)
    assert str(target) in str(info.value)
    assert not target.parent.exists()
    assert list(tmp_path.iterdir()) == []


def test_failed_save_leaves_the_old_file(plan: dtiplan.Plan, tmp_path: Path) -> None:
    path = tmp_path / "plan.json"
    plan.save(path)
    before = path.read_bytes()
    # A directory in the way of the destination: the save fails and the folder is untouched.
    blocked = tmp_path / "thu-muc.json"
    blocked.mkdir()
    with pytest.raises(dtiplan.FileError):
        plan.save(blocked)
    assert blocked.is_dir() and list(blocked.iterdir()) == []
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.json", "thu-muc.json"]


def test_save_replaces_an_existing_file_whole(plan: dtiplan.Plan, tmp_path: Path) -> None:
    path = tmp_path / "plan.json"
    path.write_text("cũ " * 100_000, encoding="utf-8")
    plan.save(path)
    assert dtiplan.load_plan(path) == plan
    assert [p.name for p in tmp_path.iterdir()] == ["plan.json"]
