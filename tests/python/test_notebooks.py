"""The notebooks in docs/notebooks run from top to bottom and reach what their text promises."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

NOTEBOOKS = Path(__file__).resolve().parents[2] / "docs" / "notebooks"


def run_notebook(path: Path) -> dict[str, Any]:
    """Execute the code cells of a notebook in order in one namespace (as a kernel would)."""
    notebook = json.loads(path.read_text(encoding="utf-8"))
    namespace: dict[str, Any] = {"__name__": "__notebook__"}
    for index, cell in enumerate(notebook["cells"]):
        if cell["cell_type"] != "code":
            continue
        source = "".join(cell["source"])
        exec(compile(source, f"{path.name}[cell {index}]", "exec"), namespace)
    return namespace


def test_every_notebook_is_listed() -> None:
    assert sorted(p.name for p in NOTEBOOKS.glob("*.ipynb")) == ["top10.ipynb"]


def test_the_top10_notebook_answers_the_goal() -> None:
    import matplotlib.pyplot as plt

    ns = run_notebook(NOTEBOOKS / "top10.ipynb")
    try:
        assert "10 đơn vị cấp xã/phường" in ns["plan"].goal.text
        summary = ns["summary"]
        assert summary["DTI dự báo"] == pytest.approx(
            summary["phần theo dõi"] + summary["phần chưa theo dõi (giả định)"], abs=2e-4
        )
        assert 0.0 <= summary["P(top 10)"] <= 1.0
        low, high = summary["khoảng 90%"]
        assert low <= summary["hạng kỳ vọng"] <= high
        assert summary["P(top 10)"] == pytest.approx(ns["r"].frame()["cumulative"].iloc[9])
        assert ns["needed"].prob_at_needed >= 0.5
        actions = ns["actions"]
        assert "VHXH" in actions.loc[actions["indicator"] == "II.01", "lead_units"].iloc[0]
        assert ns["within_budget"].total_effort <= 10.0 + 1e-9
        board = ns["board"]
        assert len(board) == 95 and "Xã Đại Phước" in set(board["unit"])
    finally:
        plt.close("all")
