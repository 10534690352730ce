"""The notebooks in docs/notebooks run from top to bottom in a real Jupyter kernel (nbclient and
ipykernel), show their charts as images, and reach what their text promises. The values a test
checks are read back from the kernel by one extra cell appended to the executed copy (the file
on disk is not changed). The executed notebook, without that cell, is saved to
build/notebooks/<name>.ipynb: the documentation site shows those outputs instead of running the
notebooks again (docs/site.md)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")

NOTEBOOKS = Path(__file__).resolve().parents[2] / "docs" / "notebooks"
#: Where the executed notebooks are saved for the documentation site.
EXECUTED = Path(__file__).resolve().parents[2] / "build" / "notebooks"


def save_executed(notebook: Any, name: str) -> None:
    """Save the executed notebook as build/notebooks/<name> (a temporary file, then a rename,
    so the site never reads half a notebook)."""
    EXECUTED.mkdir(parents=True, exist_ok=True)
    temporary = EXECUTED / f".{name}.tmp-dtiplan"
    nbformat.write(notebook, temporary)
    temporary.replace(EXECUTED / name)


def run_notebook(path: Path, probe: str) -> tuple[Any, Any]:
    """Execute the notebook in a python3 kernel with one cell appended that prints the JSON of
    the expression ``probe``; return the executed notebook and that value."""
    notebook = nbformat.read(path, as_version=4)
    notebook.cells.append(
        nbformat.v4.new_code_cell(f"import json as _json\nprint(_json.dumps({probe}))")
    )
    client = nbclient.NotebookClient(
        notebook,
        timeout=600,
        kernel_name="python3",
        resources={"metadata": {"path": str(NOTEBOOKS)}},
    )
    client.execute()
    probe_cell = notebook.cells.pop()
    save_executed(notebook, path.name)
    text = "".join(o.get("text", "") for o in probe_cell.outputs if o.output_type == "stream")
    return notebook, json.loads(text)


def images(notebook: Any) -> int:
    """The number of PNG images among the notebook's outputs."""
    return sum(
        1
        for cell in notebook.cells
        if cell.cell_type == "code"
        for output in cell.outputs
        if "image/png" in output.get("data", {})
    )


def html_outputs(notebook: Any) -> list[str]:
    return [
        output["data"]["text/html"]
        for cell in notebook.cells
        if cell.cell_type == "code"
        for output in cell.outputs
        if "text/html" in output.get("data", {})
    ]


def test_every_notebook_is_listed() -> None:
    assert sorted(p.name for p in NOTEBOOKS.glob("*.ipynb")) == ["top10.ipynb", "whatif.ipynb"]


def test_the_top10_notebook_answers_the_goal_and_shows_its_charts() -> None:
    probe = """{
        "goal": plan.goal.text,
        "summary": {k: (list(v) if isinstance(v, tuple) else v) for k, v in summary.items()},
        "cumulative_10": float(r.frame()["cumulative"].iloc[9]),
        "prob_at_needed": needed.prob_at_needed,
        "ii01_leads": actions.loc[actions["indicator"] == "II.01", "lead_units"].iloc[0],
        "effort": within_budget.total_effort,
        "board": len(board),
        "has_commune": "Xã Đại Phước" in set(board["unit"]),
    }"""
    notebook, ns = run_notebook(NOTEBOOKS / "top10.ipynb", probe)
    assert "10 đơn vị cấp xã/phường" in ns["goal"]
    summary = ns["summary"]
    assert summary["DTI dự báo"] == pytest.approx(
        summary["phần theo dõi"] + summary["phần chưa theo dõi (giả định)"], abs=2e-4
    )
    assert 0.0 <= summary["P(top 10)"] <= 1.0
    low, high = summary["khoảng 90%"]
    assert low <= summary["hạng kỳ vọng"] <= high
    assert summary["P(top 10)"] == pytest.approx(ns["cumulative_10"])
    assert ns["prob_at_needed"] >= 0.5
    assert "VHXH" in ns["ii01_leads"]
    assert ns["effort"] <= 10.0 + 1e-9
    assert ns["board"] == 95 and ns["has_commune"]
    # The rank distribution and the chance-of-the-top-10 curve are shown, not just computed.
    assert images(notebook) >= 2


def test_the_whatif_notebook_compares_scenarios_and_ranks_the_assumptions() -> None:
    probe = """{
        "i03": i03.forecast.mean,
        "p": frame["prob_top"].tolist(),
        "factors": s.frame("prob_top")["factor"].tolist(),
        "st": s.frame("prob_top")["ST"].tolist(),
        "illustrative": w.illustrative and s.illustrative,
    }"""
    notebook, ns = run_notebook(NOTEBOOKS / "whatif.ipynb", probe)
    assert ns["i03"] == pytest.approx(0.90)
    base, i03, i03_ai, faster = ns["p"]
    assert i03 >= base and i03_ai >= i03 and faster <= base
    assert sorted(ns["factors"]) == ["growth_mean", "growth_sd", "shock_sd", "untracked", "weights"]
    assert ns["st"] == sorted(ns["st"], reverse=True)
    assert ns["illustrative"]
    # The scenarios' bars and the tornado chart are images in the executed notebook.
    assert images(notebook) >= 2
    # The outlook, the comparison and the sensitivity show as short HTML with the label.
    shown = html_outputs(notebook)
    assert sum("Số liệu minh họa" in h for h in shown) >= 3
