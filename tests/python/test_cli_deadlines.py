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
    assert lines[0] == "Hạn báo cáo tháng 3/2026, tính đến ngày 25/03/2026"
    assert (
        "Kỳ báo cáo tháng 3/2026: từ 15/02/2026 đến 14/03/2026 (theo Nghị định 09/2019/NĐ-CP)"
        in lines
    )
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
    assert "19/04/2026  báo cáo tháng 4/2026 (15/03–14/04/2026) của đơn vị: 21 báo cáo" in out
    assert "24/04/2026  báo cáo tổng hợp tháng 4/2026 (15/03–14/04/2026): Phòng VH-XH" in out


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


# The example of docs/observations.md, as written there: March 2026's reports, with a figure
# for Quý I/2026 sent with them.
DOCS_EXAMPLE = """indicator,period,value,numerator,denominator,unit,submitted,evidence_id,evidence_title,evidence_location,note
I.03,tháng 3/2026,"82,5%",,,TTPVHCC,2026-03-18,BC-12/2026,"Báo cáo tháng 3, số liệu Cổng DVC",Hồ sơ lưu VT,
I.04,2026-03,,188,200,TTPVHCC,2026-03-18,TK-03;BC-12/2026,Thống kê hồ sơ toàn trình;Báo cáo tháng 3,Cổng DVC;Hồ sơ lưu VT,"12 hồ sơ ""trực tuyến nửa vời""
đã chấn chỉnh"
II.02,Quý I/2026,9/9,,,VHXH,2026-03-17,,,,Ứng dụng đủ 9 nền tảng
II.03,2026-03,có,,,VHXH,2026-03-17,,,,Trợ lý AI tại bộ phận một cửa
I.06,2026-03,0.71,,,CAX,2026-03-23,,,,
"""


def _state(lines: list[str], unit: str, indicator: str) -> str:
    return next(line for line in lines if unit in line and f" {indicator} " in f" {line} ")


def test_docs_example_march_figures_are_on_time_under_decree_09(
    run_cli: Run, tmp_path: Path
) -> None:
    path = tmp_path / "vi-du.csv"
    path.write_text(DOCS_EXAMPLE, encoding="utf-8")
    result = run_cli(
        "deadlines", "--month", "2026-03", "--as-of", "2026-03-25", "--observations", path
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert any(line.startswith("Kỳ báo cáo tháng 3/2026: từ 15/02/2026 đến 14/03/2026") for line in lines)
    for unit, indicator in (("TT PVHCC", "I.03"), ("TT PVHCC", "I.04"), ("Phòng VH-XH", "II.03")):
        assert "Đúng hạn" in _state(lines, unit, indicator), indicator
    # The quarter's figure fulfils March's report of II.02.
    assert "Đúng hạn" in _state(lines, "Phòng VH-XH", "II.02")
    assert "17/03/2026" in _state(lines, "Phòng VH-XH", "II.02")
    assert "Trễ 4 ngày" in _state(lines, "Công an xã", "I.06")
    assert "Chưa nộp" in _state(lines, "TT PVHCC", "I.05")


def test_calendar_month_window_is_reported_the_month_after(run_cli: Run, tmp_path: Path) -> None:
    path = tmp_path / "so-lieu.csv"
    path.write_text(
        "indicator,period,value,unit,submitted\nI.03,2026-03,0.82,TTPVHCC,2026-04-18\n",
        encoding="utf-8",
    )
    base = ("deadlines", "--as-of", "2026-04-25", "--observations", path)
    nd09 = run_cli(*base, "--month", "2026-03")
    assert "Trễ 30 ngày" in _state(nd09.stdout.splitlines(), "TT PVHCC", "I.03")
    calendar = run_cli(*base, "--window", "calendar-month", "--format", "json")
    assert calendar.returncode == 0, calendar.stderr
    data = json.loads(calendar.stdout)
    # Without --month, on 25/04 the reports due are March's (the calendar month is reported
    # the month after).
    assert data["month"] == "2026-03"
    assert data["window"] == {"rule": "calendar-month", "first": "2026-03-01", "last": "2026-03-31"}
    assert data["unit_deadline"] == "2026-04-19"
    i03 = next(o for o in data["obligations"] if o["indicator"] == "I.03")
    assert i03["state"] == "on-time"
    assert (i03["window_first"], i03["window_last"]) == ("2026-03-01", "2026-03-31")


def test_unknown_window_is_a_usage_error(run_cli: Run) -> None:
    result = run_cli("deadlines", "--window", "tháng")
    assert result.returncode == 2
    assert "--window" in result.stderr
