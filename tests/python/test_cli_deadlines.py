"""``dtiplan deadlines``: the month's obligations, their states and what falls due next."""

from __future__ import annotations

import csv
import io
import json
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

Run = Callable[..., subprocess.CompletedProcess[str]]

LABEL_VI = "Số liệu minh họa (không phải số liệu chính thức)"
LABEL_EN = "Illustrative data (not official figures)"

LATE = (
    "indicator,period,value,unit,submitted\n"
    "I.03,2026-03,0.82,TTPVHCC,2026-03-19\n"
    "I.04,2026-03,0.9,TTPVHCC,2026-03-22\n"
)


def _late_file(tmp_path: Path) -> Path:
    path = tmp_path / "so-lieu.csv"
    path.write_text(LATE, encoding="utf-8")
    return path


def _rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def test_deadlines_text_vietnamese(run_cli: Run, tmp_path: Path) -> None:
    result = run_cli("deadlines", "--as-of", "2026-03-25", "--observations", _late_file(tmp_path))
    assert result.returncode == 0, result.stderr
    out = result.stdout
    lines = out.splitlines()
    assert lines[0] == "Hạn báo cáo tháng 03/2026, tính đến ngày 25/03/2026"
    assert LABEL_VI not in out
    assert "hạn 19/03/2026" in out and "hạn 24/03/2026" in out
    i03 = next(line for line in lines if " I.03 " in f" {line} ")
    assert "TT PVHCC" in i03 and "19/03/2026" in i03 and "Đúng hạn" in i03
    i04 = next(line for line in lines if " I.04 " in f" {line} ")
    assert "22/03/2026" in i04 and "Trễ 3 ngày" in i04
    assert "Chưa nộp" in out
    consolidated = next(line for line in lines if "Tổng hợp" in line)
    assert "Phòng VH-XH" in consolidated and "24/03/2026" in consolidated
    assert "Tổng: 1 đúng hạn, 1 trễ hạn, 20 chưa nộp, 0 chưa đến hạn" in out
    assert "Sắp đến hạn (từ ngày 25/03/2026)" in out
    assert "19/04/2026  báo cáo tháng 04/2026 của đơn vị: 21 báo cáo" in out
    assert "24/04/2026  báo cáo tổng hợp tháng 04/2026: Phòng VH-XH" in out


def test_deadlines_default_is_illustrative_with_a_late_report(run_cli: Run) -> None:
    result = run_cli("deadlines", "--as-of", "2026-03-25")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[1] == LABEL_VI
    cax = next(line for line in lines if line.startswith("Công an xã") and "I.06" in line)
    assert "Trễ 6 ngày" in cax


def test_deadlines_text_english(run_cli: Run, tmp_path: Path) -> None:
    result = run_cli(
        "deadlines", "--as-of", "2026-03-25", "--lang", "en", "--observations", _late_file(tmp_path)
    )
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert out.startswith("Reporting deadlines for 2026-03, as of 2026-03-25\n")
    assert "late 3 days" in out and "on time" in out and "missing" in out
    assert "Falling due next (from 2026-03-25)" in out


def test_deadlines_before_the_deadline_are_not_yet_due(run_cli: Run) -> None:
    result = run_cli("deadlines", "--as-of", "2026-05-05", "--lang", "en")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[1] == LABEL_EN
    assert "not yet due" in result.stdout


def test_month_option_and_shift(run_cli: Run) -> None:
    keep = run_cli("deadlines", "--month", "2026-09", "--as-of", "2026-09-01", "--format", "json")
    earlier = run_cli(
        "deadlines", "--month", "tháng 9/2026", "--as-of", "2026-09-01", "--shift", "earlier",
        "--format", "json",
    )
    later = run_cli(
        "deadlines", "--month", "09/2026", "--as-of", "2026-09-01", "--shift", "later",
        "--format", "json",
    )
    assert json.loads(keep.stdout)["unit_deadline"] == "2026-09-19"
    assert json.loads(earlier.stdout)["unit_deadline"] == "2026-09-18"
    assert json.loads(later.stdout)["unit_deadline"] == "2026-09-21"
    text = run_cli("deadlines", "--month", "2026-09", "--as-of", "2026-09-01", "--shift", "earlier")
    assert "lùi về ngày làm việc liền trước" in text.stdout


def test_default_month_is_the_month_of_as_of(run_cli: Run) -> None:
    data = json.loads(run_cli("deadlines", "--as-of", "2026-07-02", "--format", "json").stdout)
    assert data["month"] == "2026-07"


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_deadlines_json(run_cli: Run, tmp_path: Path, lang: str) -> None:
    result = run_cli(
        "deadlines", "--as-of", "2026-03-25", "--format", "json", "--lang", lang,
        "--observations", _late_file(tmp_path),
    )
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["illustrative"] is False
    assert data["month"] == "2026-03"
    assert len(data["obligations"]) == 22
    i04 = next(o for o in data["obligations"] if o["indicator"] == "I.04")
    assert (i04["state"], i04["days_late"], i04["submitted"]) == ("late", 3, "2026-03-22")
    assert i04["state_label"] == ("Trễ 3 ngày" if lang == "vi" else "late 3 days")
    assert data["summary"] == {"on-time": 1, "late": 1, "missing": 20, "not-yet-due": 0}
    assert data["upcoming"][0]["deadline"] == "2026-04-19"
    assert data["upcoming"][-1]["consolidated"] is True


def test_deadlines_json_illustrative(run_cli: Run) -> None:
    data = json.loads(run_cli("deadlines", "--as-of", "2026-03-25", "--format", "json").stdout)
    assert data["illustrative"] is True


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_deadlines_csv(run_cli: Run, lang: str) -> None:
    result = run_cli("deadlines", "--as-of", "2026-03-25", "--format", "csv", "--lang", lang)
    assert result.returncode == 0, result.stderr
    rows = _rows(result.stdout)
    assert {r["illustrative"] for r in rows} == {"true"}
    status = [r for r in rows if r["section"] == "status"]
    assert len(status) == 22
    cax = next(r for r in status if r["unit"] == "CAX" and r["indicator"] == "I.06")
    assert (cax["state"], cax["days_late"]) == ("late", "6")
    assert cax["state_label"] == ("Trễ 6 ngày" if lang == "vi" else "late 6 days")
    assert any(r["section"] == "upcoming" for r in rows)


def test_a_month_outside_the_plan(run_cli: Run) -> None:
    result = run_cli("deadlines", "--month", "2031-01", "--as-of", "2031-01-05")
    assert result.returncode == 0, result.stderr
    assert "Không có nghĩa vụ báo cáo" in result.stdout
    assert "Không còn hạn nào" in result.stdout
