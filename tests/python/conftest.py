"""Shared fixtures: the built-in plan, plan files written from it, and the command runner."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import dtiplan


@pytest.fixture
def plan() -> dtiplan.Plan:
    """A fresh copy of the built-in plan of Đại Phước 2026-2030."""
    return dtiplan.builtin_plan()


@pytest.fixture
def plan_data() -> dict[str, Any]:
    """The built-in plan as a JSON object, to edit into faulty plans."""
    return json.loads(dtiplan.builtin_plan_json())


@pytest.fixture
def write_plan(tmp_path: Path) -> Callable[..., Path]:
    """Write a JSON object (or raw text) to a plan file in tmp_path and return its path."""

    def write(data: dict[str, Any] | str, name: str = "ke-hoach.json") -> Path:
        path = tmp_path / name
        text = data if isinstance(data, str) else json.dumps(data, ensure_ascii=False, indent=2)
        path.write_text(text, encoding="utf-8")
        return path

    return write


@pytest.fixture
def run_cli() -> Callable[..., subprocess.CompletedProcess[str]]:
    """Run ``python -m dtiplan ARGS`` and return the completed process (text, UTF-8)."""

    def run(*args: str | os.PathLike[str]) -> subprocess.CompletedProcess[str]:
        env = dict(os.environ, PYTHONIOENCODING="utf-8")
        return subprocess.run(
            [sys.executable, "-m", "dtiplan", *map(str, args)],
            capture_output=True,
            text=True,
            encoding="utf-8",
            env=env,
            timeout=120,
            check=False,
        )

    return run
