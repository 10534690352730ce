"""``dtiplan project`` in every format and language."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest

import dtiplan

ARGS = ("--as-of", "2026-09-30", "--to", "2026-12-31", "--draws", "300")
# A yes/no or milestone indicator still at 0 is "not done yet", not a trend going down.
STATUS_VI = [vi for vi, _ in dtiplan.STATUS_LABELS.values()] + ["Chưa thực hiện"]
STATUS_EN = [en for _, en in dtiplan.STATUS_LABELS.values()] + ["Not done yet"]


def test_project_speaks_vietnamese_and_never_copies_a_typo(run_cli) -> None:
    result = run_cli("project", "--as-of", "2026-03-25", "--draws", "200")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    ii01 = next(line for line in lines if line.startswith("II.01"))
    assert "Chưa thực hiện" in ii01 and "Đi xuống" not in ii01
    assert "chưa hoàn thành" in ii01  # the milestone's value in words, not 0,00
    i02 = next(line for line in lines if line.startswith("I.02"))
    assert "Phấn đấu đạt 10%" in i02 and "Phần đầu" not in result.stdout
    assert "phân đấu" not in result.stdout.lower()
    assert "giữ giá trị cuối" in i02 and "last-value" not in result.stdout


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_project_text(run_cli, lang: str) -> None:
    result = run_cli("project", *ARGS, "--lang", lang)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert dtiplan.ILLUSTRATIVE_LABEL[lang] in out
    labels = STATUS_VI if lang == "vi" else STATUS_EN
    assert any(label in out for label in labels)
    assert "DTI" in out
    if lang == "vi":
        assert "trung vị" in out and "31/12/2026" in out
        assert "0," in out  # decimal comma
    else:
        assert "median" in out and "2026-12-31" in out


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_project_json(run_cli, lang: str) -> None:
    result = run_cli("project", *ARGS, "--format", "json", "--lang", lang, "--method", "unsd")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["illustrative"] is True
    assert data["illustrative_label"] == dtiplan.ILLUSTRATIVE_LABEL[lang]
    assert data["method"] == "unsd" and data["to"] == "2026-12-31"
    assert len(data["indicators"]) == len(dtiplan.builtin_plan().indicators)
    labels = STATUS_VI if lang == "vi" else STATUS_EN
    assert all(i["status_label"] in labels for i in data["indicators"])
    assert 0.0 <= data["dti"]["p05"] <= data["dti"]["median"] <= data["dti"]["p95"] <= 1.0
    assert data["mains"]


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_project_csv(run_cli, lang: str) -> None:
    result = run_cli("project", *ARGS, "--format", "csv", "--lang", lang, "--model", "linear")
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert {r["illustrative"] for r in rows} == {"true"}
    assert [r["row_type"] for r in rows].count("dti") == 1
    labels = STATUS_VI if lang == "vi" else STATUS_EN
    statuses = {r["status_label"] for r in rows if r["row_type"] == "indicator"}
    assert statuses and statuses <= set(labels)
    models = {r["model"] for r in rows if r["row_type"] == "indicator"}
    assert "linear" in models and models <= {"linear", ""}


def test_project_is_reproducible(run_cli) -> None:
    a = run_cli("project", *ARGS, "--format", "json", "--seed", "5")
    b = run_cli("project", *ARGS, "--format", "json", "--seed", "5")
    assert a.returncode == b.returncode == 0
    assert json.loads(a.stdout)["dti"] == json.loads(b.stdout)["dti"]


def test_project_with_own_observations_is_not_labelled(run_cli, tmp_path: Path) -> None:
    source = Path(__file__).resolve().parents[2] / "data" / "examples"
    path = tmp_path / "so-lieu.csv"
    shutil.copy(source / "illustrative-observations-2026.csv", path)
    result = run_cli("project", *ARGS, "--observations", path, "--format", "json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["illustrative"] is False


@pytest.mark.parametrize(
    "args",
    [
        ("--to", "31-12-2026"),
        ("--method", "eurostat"),
        ("--model", "cubic"),
        ("--draws", "-1"),
        ("--draws", "0"),
        ("--observations", "khong-co.csv"),
    ],
)
def test_project_bad_usage_exits_2(run_cli, args: tuple[str, ...]) -> None:
    result = run_cli("project", "--as-of", "2026-09-30", *args)
    assert result.returncode == 2
    assert result.stderr.startswith("dtiplan:") or "usage" in result.stderr
