"""``dtiplan units`` (the ranking board) and ``dtiplan report`` (everything, in order)."""

from __future__ import annotations

import csv
import io
import json
import subprocess
from collections.abc import Callable

import pytest

import dtiplan

Run = Callable[..., subprocess.CompletedProcess[str]]

AS_OF = "2026-11-28"
LABEL_VI = "Số liệu minh họa (không phải số liệu chính thức)"
LABEL_EN = "Illustrative data (not official figures)"


def test_units_text_vietnamese(run_cli: Run) -> None:
    result = run_cli("units", "--as-of", AS_OF)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "Bảng xếp hạng kết quả thực hiện của các đơn vị, ngày 28/11/2026"
    assert lines[1] == LABEL_VI
    assert "0,5 × tỷ lệ chỉ tiêu đạt mục tiêu + 0,5 × tỷ lệ báo cáo đúng hạn" in result.stdout
    header = next(line for line in lines if line.startswith("Hạng"))
    assert "Đơn vị" in header and "Điểm xếp hạng" in header
    board = [line for line in lines[lines.index(header) + 2 :] if not line.startswith("–:")]
    ranked = [line for line in board if line.split()[0].isdigit()]
    ranks = [int(line.split()[0]) for line in ranked]
    assert ranks[0] == 1 and ranks == sorted(ranks) and len(ranks) >= 4
    # The group of every unit is shown apart, after the ranked units, without a rank.
    assert board[-1].split()[:2] == ["–", "Các"] and len(board) == len(ranked) + 1
    assert lines[-1].startswith("–: nhóm đơn vị, không xếp hạng")
    assert any("Phòng VH-XH" in line for line in board)
    assert any("TT PVHCC" in line for line in board)
    assert "," in board[0].split()[-1]  # decimal comma


def test_units_text_english(run_cli: Run) -> None:
    result = run_cli("units", "--as-of", AS_OF, "--lang", "en")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[1] == LABEL_EN
    assert "Ranking board of the units' results on 2026-11-28" in result.stdout


def test_units_ties_share_a_rank(run_cli: Run) -> None:
    # on 5 January nothing is due yet and nothing has a value: every unit ranks first
    data = json.loads(run_cli("units", "--as-of", "2026-01-05", "--format", "json").stdout)
    assert {u["rank"] for u in data["units"] if not u["group"]} == {1}
    assert [u["rank"] for u in data["units"] if u["group"]] == [None]


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_units_json_and_csv(run_cli: Run, lang: str) -> None:
    data = json.loads(run_cli("units", "--as-of", AS_OF, "--format", "json", "--lang", lang).stdout)
    assert data["illustrative"] is True
    units = data["units"]
    ranked = [u["rank"] for u in units if not u["group"]]
    assert ranked == sorted(ranked) and ranked[0] == 1
    assert [u["unit"] for u in units if u["group"]] == ["ALL"]
    for u in units:
        assert u["score"] == pytest.approx(
            0.5 * u["met"] / u["indicators"] + 0.5 * u["on_time_rate"], abs=5e-5
        )
    result = run_cli("units", "--as-of", AS_OF, "--format", "csv", "--lang", lang)
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [r["unit"] for r in rows] == [u["unit"] for u in units]
    assert {r["illustrative"] for r in rows} == {"true"}


def test_report_text_leads_with_a_one_screen_summary(run_cli: Run) -> None:
    result = run_cli("report", "--as-of", "2026-03-25")
    assert result.returncode == 0, result.stderr  # the built-in plan has no error
    lines = result.stdout.splitlines()
    assert lines[0] == (
        "Báo cáo tình hình thực hiện Kế hoạch duy trì, cải thiện và nâng cao chỉ số chuyển đổi "
        "số (DTI) của xã Đại Phước giai đoạn 2026-2030, ngày 25/03/2026"
    )
    assert lines[1] == LABEL_VI
    assert len(lines) <= 25  # one screen
    out = result.stdout
    assert "Chỉ số DTI ngày 25/03/2026:" in out and "ngày 25/02/2026:" in out
    assert "xác suất vào top 10:" in out
    assert "Báo cáo tháng 3/2026 (15/02–14/03/2026):" in out
    # Repeated findings on one line each.
    assert "  ⚠ 19 chỉ tiêu mục III chưa có đơn vị chủ trì: III.1.01, III.1.02," in out
    assert out.count("chưa có đơn vị chủ trì") == 1
    assert "⚠ 2 chỉ tiêu giao chủ trì cho cả một nhóm đơn vị: I.01, I.02" in out
    assert "dtiplan report --full" in out
    # A report missing in last month's report too is marked as unchanged.
    assert "TT PVHCC (II.03 – như tháng trước)" in out
    assert "Trễ hạn: Công an xã (I.06)" in out  # late this month only: not marked


def test_report_full_text_in_order(run_cli: Run) -> None:
    result = run_cli("report", "--as-of", "2026-03-25", "--full")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    check = out.index("Kiểm tra kế hoạch: 0 lỗi,")
    status = out.index("Tình hình thực hiện kế hoạch")
    deadlines = out.index("Hạn báo cáo tháng 3/2026")
    units = out.index("Bảng xếp hạng kết quả thực hiện")
    assert check < status < deadlines < units
    assert "⚠ Chỉ tiêu II.12" in out and "target.conflict" not in out
    assert out.count(LABEL_VI) == 4  # the report and each of its parts say so


def test_report_english(run_cli: Run) -> None:
    result = run_cli("report", "--as-of", "2026-03-25", "--lang", "en", "--full")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "Plan check: 0 errors," in out
    assert "19 indicators of section III have no lead unit: III.1.01" in out
    assert out.count(LABEL_EN) == 4
    assert "late 6 days" in out


def test_report_json(run_cli: Run) -> None:
    result = run_cli("report", "--as-of", "2026-03-25", "--format", "json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert list(data) == ["illustrative", "plan", "as_of", "check", "status", "deadlines", "units",
                          "previous", "projection", "outlook", "dossiers", "document", "summary"]  # fmt: skip
    assert data["illustrative"] is True
    assert data["check"]["summary"]["error"] == 0
    assert any(w["code"] == "target.conflict" for w in data["check"]["warnings"])
    assert data["status"]["illustrative"] and data["deadlines"]["illustrative"]
    assert data["deadlines"]["month"] == "2026-03"
    assert data["previous"]["as_of"] == "2026-02-25"
    assert data["projection"]["to"] == data["outlook"]["evaluation"] == "2026-12-31"
    assert data["document"]["number"] == "Số: …/BC-VHXH"
    assert data["document"]["place_date"] == "Đại Phước, ngày 25 tháng 3 năm 2026"
    assert data["summary"]["dti"] == data["status"]["dti"]


def test_report_csv(run_cli: Run) -> None:
    result = run_cli("report", "--as-of", "2026-03-25", "--format", "csv")
    assert result.returncode == 0, result.stderr
    tables = result.stdout.split("\n\n")
    assert len(tables) == 4
    heads = [t.splitlines()[0] for t in tables]
    assert heads[0].startswith("severity,code")
    assert heads[1].startswith("level,id,name")
    assert heads[2].startswith("section,unit")
    assert heads[3].startswith("rank,unit")
    for table in tables:
        rows = list(csv.DictReader(io.StringIO(table)))
        assert rows and {r["illustrative"] for r in rows} == {"true"}


def test_report_exits_1_on_a_check_error(run_cli: Run, plan_data: dict, write_plan: Callable) -> None:
    indicator = next(i for i in plan_data["indicators"] if i["id"] == "I.03")
    indicator["assignments"].append({"unit": "PHONG-MA", "role": "tracking", "note": ""})
    path = write_plan(plan_data, name="sai.json")
    result = run_cli("report", "--plan", path, "--as-of", "2026-03-25")
    assert result.returncode == 1
    assert "✗ " in result.stdout


def test_the_reports_dti_scores_the_relative_component_against_the_peers_best(run_cli: Run) -> None:
    # KTS.01 (Tỷ trọng kinh tế số trong GRDP, II.10) is scored relative to the best peer.
    # `status` has no peers: full points against the commune's own value. The report ranks the
    # commune among its peers and scores the DTI now, last month's and the projected one alike,
    # against the peers' best on each date, so the DTI now is not above its projection by
    # construction.
    def kts01(data: dict) -> float:
        ii10 = next(i for i in data["indicators"] if i["id"] == "II.10")
        return next(c["points"] for c in ii10["components"] if c["id"] == "KTS.01")

    args = ("--as-of", "2026-11-20", "--format", "json")
    status = json.loads(run_cli("status", *args).stdout)
    report = json.loads(run_cli("report", *args).stdout)
    assert kts01(status) == 25.0
    best = dtiplan._core.peers_best(
        dtiplan.builtin_framework(),
        dtiplan.example_peers(),
        dtiplan.rank.DEFAULT_GROWTH,
        "2026-11-20",
        report["outlook"]["commune"],
    )["KTS.01"]
    assert best <= report["outlook"]["relative_best"]["KTS.01"]  # the best grows to 31/12
    value = next(i for i in report["status"]["indicators"] if i["id"] == "II.10")["value"]
    assert kts01(report["status"]) == pytest.approx(min(value / best, 1.0) * 25.0, abs=0.01)
    assert kts01(report["status"]) < 25.0
    assert report["status"]["dti"] < status["dti"]
