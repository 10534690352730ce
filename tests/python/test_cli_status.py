"""``dtiplan status``, run as ``python -m dtiplan``: every format, both languages, the label."""

from __future__ import annotations

import csv
import io
import json
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

Run = Callable[..., subprocess.CompletedProcess[str]]

AS_OF = "2026-03-25"
LABEL_VI = "Số liệu minh họa (không phải số liệu chính thức)"
LABEL_EN = "Illustrative data (not official figures)"

OWN_ROWS = (
    "indicator,period,value,numerator,denominator,unit,submitted,note\n"
    'I.03,2026-02,"82,5%",,,TTPVHCC,2026-02-15,\n'
    "I.04,2026-02,,188,200,TTPVHCC,2026-02-22,nộp trễ\n"
    "II.02,2026-02,8/9,,,VHXH,2026-02-10,\n"
)


def own_observations(tmp_path: Path) -> Path:
    """A small observations file of the coordinator's own (not the illustrative example)."""
    path = tmp_path / "so-lieu.csv"
    path.write_text(OWN_ROWS, encoding="utf-8")
    return path


def _rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def test_status_text_vietnamese(run_cli: Run) -> None:
    result = run_cli("status", "--as-of", AS_OF)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    out = result.stdout
    lines = out.splitlines()
    assert lines[0] == "Tình hình thực hiện kế hoạch dai-phuoc-2026-2030, ngày 25/03/2026"
    assert lines[1] == LABEL_VI
    assert "Khung điểm:" in out
    assert "Chỉ tiêu của kế hoạch (38)" in out
    i03 = next(line for line in lines if line.startswith("I.03 "))
    # The period as the days its report covers (Nghị định 09: 15/02 to 14/03 for March).
    assert "Trên 80%" in i03 and "CQS.04" in i03 and "15/02–14/03/2026" in i03
    assert "Đạt" in out and "Chưa đạt" in out
    assert "Trên 30% ⚠" in out  # II.12: the appendix's target, in conflict with III.3.c
    assert "Chỉ số chính" in out and "Hoạt động chính quyền số" in out
    assert "DTI (tổng điểm / điểm tối đa, 4 chữ số thập phân): 0," in out
    assert "Nhận thức số: 100/100 điểm không theo dõi (toàn bộ)" in out
    assert "cận dưới" in out


def test_status_decimal_comma_and_no_data(run_cli: Run, tmp_path: Path) -> None:
    result = run_cli(
        "status", "--as-of", "2026-03-01", "--observations", own_observations(tmp_path)
    )
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert LABEL_VI not in out  # the coordinator's own figures are not labelled illustrative
    lines = out.splitlines()
    i03 = next(line for line in lines if line.startswith("I.03 "))
    assert "82,5%" in i03 and "Đạt" in i03 and "Chưa đạt" not in i03
    i04 = next(line for line in lines if line.startswith("I.04 "))
    assert "94%" in i04 and "Chưa đạt" in i04
    ii02 = next(line for line in lines if line.startswith("II.02 "))
    assert "8/9" in ii02 and "Đạt 9/9" in ii02
    i01 = next(line for line in lines if line.startswith("I.01 "))
    assert "Chưa có số liệu" in i01
    assert "so-lieu.csv" in out


def test_status_text_english(run_cli: Run) -> None:
    result = run_cli("status", "--as-of", AS_OF, "--lang", "en")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert out.splitlines()[1] == LABEL_EN
    assert "Status of plan dai-phuoc-2026-2030 on 2026-03-25" in out
    assert "above 80%" in out
    assert "not met" in out
    assert "Main indicators" in out
    assert "DTI (points / maximum, 4 decimals): 0." in out
    assert "Digital awareness" in out or "Nhận thức số" in out
    assert "(all of it)" in out


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_status_json(run_cli: Run, lang: str) -> None:
    result = run_cli("status", "--as-of", AS_OF, "--format", "json", "--lang", lang)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["illustrative"] is True
    assert data["as_of"] == AS_OF
    assert data["observations"] == "illustrative-observations-2026.csv"
    indicators = {i["id"]: i for i in data["indicators"]}
    assert len(indicators) == 38
    i03 = indicators["I.03"]
    assert i03["target"]["text"] == "Trên 80%"
    assert i03["period"] == "2026-03"
    assert i03["status"] in ("met", "not-met")
    assert i03["met"] == (i03["status"] == "met")
    assert i03["components"][0]["id"] == "CQS.04"
    assert indicators["II.12"]["target"]["conflict"] is True
    mains = data["main_indicators"]
    assert [m["id"] for m in mains] == ["NTS", "TCS", "HTS", "NLS", "ATTT", "CQS", "KTS", "XHS"]
    total = sum(m["points"] for m in mains)
    assert data["points"] == pytest.approx(total)
    assert data["dti"] == round(data["points"] / 1000, 4)
    assert data["coverage"]["untracked_by_main"][0]["untracked_points"] == 100
    assert data["coverage"]["tracked_points"] + data["coverage"]["untracked_points"] == 1000


def test_status_json_own_observations_not_illustrative(run_cli: Run, tmp_path: Path) -> None:
    path = own_observations(tmp_path)
    result = run_cli("status", "--as-of", "2026-03-01", "--observations", path, "--format", "json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["illustrative"] is False
    i03 = next(i for i in data["indicators"] if i["id"] == "I.03")
    assert (i03["value"], i03["met"], i03["period"]) == (0.825, True, "2026-02")


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_status_csv(run_cli: Run, lang: str) -> None:
    result = run_cli("status", "--as-of", AS_OF, "--format", "csv", "--lang", lang)
    assert result.returncode == 0, result.stderr
    rows = _rows(result.stdout)
    assert {r["illustrative"] for r in rows} == {"true"}
    levels = [r["level"] for r in rows]
    assert levels.count("indicator") == 38
    assert levels.count("main") == 8
    assert levels.count("dti") == 1
    assert levels.count("untracked") == 18
    i03 = next(r for r in rows if r["id"] == "I.03")
    assert i03["target"] == "Trên 80%"
    assert i03["components"] == "CQS.04"
    assert i03["status"] in ("met", "not-met")
    dti = next(r for r in rows if r["level"] == "dti")
    assert 0 < float(dti["index"]) < 1
    assert float(dti["max_points"]) == 1000
    i01 = next(r for r in rows if r["id"] == "I.01")
    assert i01["value_text"] == ("64,2%" if lang == "vi" else "64.2%")  # 0.6419, March


def test_status_default_date_is_today(run_cli: Run) -> None:
    import datetime

    result = run_cli("status", "--format", "json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["as_of"] == datetime.date.today().isoformat()


def test_status_with_a_framework_file(run_cli: Run, tmp_path: Path) -> None:
    import dtiplan

    path = tmp_path / "khung.json"
    dtiplan.builtin_framework().save(path)
    result = run_cli("status", "--as-of", AS_OF, "--framework", path, "--format", "json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["framework"]["id"] == "dtiplan-default-commune"


# --- bad input: exit 2, one line naming the file, row and column -------------------------------


def _one_line_error(result: subprocess.CompletedProcess[str], *parts: str) -> None:
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr
    for part in parts:
        assert part in lines[0], lines[0]


@pytest.mark.parametrize("verb", ["status", "deadlines", "units", "report"])
def test_bad_observation_row_exits_2(run_cli: Run, tmp_path: Path, verb: str) -> None:
    path = tmp_path / "so-lieu-sai.csv"
    path.write_text(OWN_ROWS + "I.03,2026-03,120%,,,TTPVHCC,2026-03-15,\n", encoding="utf-8")
    result = run_cli(verb, "--observations", path)
    _one_line_error(result, "dtiplan: lỗi:", "so-lieu-sai.csv: row 5, column value", "0..1")


def test_missing_observations_file_exits_2(run_cli: Run, tmp_path: Path) -> None:
    path = tmp_path / "khong-co.csv"
    result = run_cli("status", "--observations", path, "--lang", "en")
    _one_line_error(result, "dtiplan: error:", "khong-co.csv")


def test_bad_framework_exits_2(run_cli: Run, tmp_path: Path) -> None:
    path = tmp_path / "khung-sai.json"
    path.write_text("{", encoding="utf-8")
    _one_line_error(run_cli("status", "--framework", path), "khung-sai.json")


@pytest.mark.parametrize(
    ("args", "part"),
    [
        (["status", "--as-of", "ngày mai"], "--as-of"),
        (["deadlines", "--month", "2026-Q1"], "--month"),
        (["deadlines", "--month", "tháng 13/2026"], "tháng 13/2026"),
    ],
)
def test_bad_option_values_exit_2(run_cli: Run, args: list[str], part: str) -> None:
    _one_line_error(run_cli(*args), part)


def test_bad_shift_is_a_usage_error(run_cli: Run) -> None:
    result = run_cli("deadlines", "--shift", "sau")
    assert result.returncode == 2 and "usage:" in result.stderr
