"""The dtiplan command, run as ``python -m dtiplan`` in a subprocess."""

from __future__ import annotations

import csv
import io
import json
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import dtiplan
from dtiplan import report

Run = Callable[..., subprocess.CompletedProcess[str]]


def _rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def _invalid_plan(plan_data: dict[str, Any], write_plan: Callable[..., Path]) -> Path:
    """The built-in plan with I.03 also tracked by a unit that does not exist."""
    indicator = next(i for i in plan_data["indicators"] if i["id"] == "I.03")
    indicator["assignments"].append({"unit": "PHONG-MA", "role": "tracking", "note": ""})
    return write_plan(plan_data, name="sai.json")


# --- show -------------------------------------------------------------------------------------


def test_show_text_vietnamese(run_cli: Run) -> None:
    result = run_cli("show")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert result.stderr == ""
    assert "Phụ lục I. Chỉ tiêu do cơ quan, đơn vị xã chủ trì thực hiện (6 chỉ số)" in out
    assert "Phụ lục II." in out and "(13 chỉ số)" in out
    assert "Mục III.3.a" in out
    assert "Năm 2026" in out and "Năm 2030" in out
    assert "Trên 80%" in out
    assert "Phòng VH-XH" in out
    assert "TT PVHCC" in out
    assert "Sở KH&CN (cấp trên)" in out
    assert "Trên 30% | Phấn đấu" in out  # II.12's two 2026 targets
    assert "— chưa giao" in out
    assert "vào nhóm 10/95" in out
    assert "Tổng: 38 chỉ số" in out


def test_show_text_english(run_cli: Run) -> None:
    result = run_cli("show", "--lang", "en")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "Appendix I. Indicators led by commune units (6 indicators)" in out
    assert "above 80%" in out
    assert "Sở KH&CN (upper level)" in out
    assert "Tỷ lệ sử dụng dịch vụ công trực tuyến" in out  # names stay Vietnamese
    assert "Total: 38 indicators" in out


def test_options_before_the_verb(run_cli: Run) -> None:
    result = run_cli("--lang", "en", "--format", "json", "show")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["plan"]["id"] == "dai-phuoc-2026-2030"


def test_show_json(run_cli: Run) -> None:
    result = run_cli("show", "--format", "json")
    assert result.returncode == 0, result.stderr
    assert "Đại Phước" in result.stdout  # ensure_ascii=False
    assert '\n  "plan": {' in result.stdout  # indent 2
    data = json.loads(result.stdout)
    plan = data["plan"]
    assert plan["id"] == "dai-phuoc-2026-2030"
    assert plan["commune"] == "Đại Phước" and plan["province"] == "Đồng Nai"
    assert plan["period"] == {"start": 2026, "end": 2030}
    assert plan["goal"]["top"] == 10 and plan["goal"]["of"] == 95
    assert plan["goal"]["text"].startswith("Phân đấu đưa chỉ số chuyển đổi số")
    assert plan["reporting"]["unit_report_before_day"] == 20
    assert plan["reporting"]["consolidated_report_before_day"] == 25
    indicators = {i["id"]: i for i in data["indicators"]}
    assert len(indicators) == 38
    i03 = indicators["I.03"]
    assert (i03["pillar"], i03["kind"]) == ("government", "rate")
    t = i03["targets"]["2026"]
    assert t["text"] == "Trên 80%"
    assert (t["comparator"], t["value"], t["denominator"], t["kind"]) == ("above", 0.8, None, "rate")
    assert t["source"] == {"section": "PL.I", "item": "03"}
    assert t["year_inferred"] is False
    assert [a["text"] for a in t["alternatives"]] == ["đạt trên 80%"]
    assert t["alternatives"][0]["year_inferred"] is True
    assert i03["targets"]["2030"]["alternatives"] == []
    lead = i03["assignments"][0]
    assert lead["unit"] == "TTPVHCC" and lead["role"] == "lead"
    assert lead["unit_name"] == "Trung tâm Phục vụ hành chính công xã"
    ii12 = indicators["II.12"]["targets"]["2026"]
    assert ii12["text"] == "Trên 30% dân số trưởng thành có chữ ký số"
    assert [a["text"] for a in ii12["alternatives"]] == ["đạt theo kỳ vọng 50%"]
    assert ii12["alternatives"][0]["source"] == {"section": "III.3.c", "item": "2"}
    ii02 = indicators["II.02"]["targets"]["2026"]
    assert (ii02["kind"], ii02["value"], ii02["denominator"]) == ("count-of-total", 9, 9)
    assert list(indicators["III.3.b.01"]["targets"]) == ["2026"]
    assert indicators["III.3.b.01"]["assignments"] == []


def test_show_csv(run_cli: Run) -> None:
    result = run_cli("show", "--format", "csv")
    assert result.returncode == 0, result.stderr
    rows = _rows(result.stdout)
    assert len(rows) == 38
    i03 = next(r for r in rows if r["id"] == "I.03")
    assert i03["target_2026"] == "Trên 80% | đạt trên 80%"
    assert i03["target_2030"] == "100%"
    assert i03["lead"] == "TT PVHCC"
    i01 = next(r for r in rows if r["id"] == "I.01")
    assert i01["coordinating"] == "Phòng VH-XH"
    assert i01["sources"] == "Phụ lục I, STT 01; Mục III.2.b, ý 1"


def test_show_csv_english_sources(run_cli: Run) -> None:
    rows = _rows(run_cli("show", "--format", "csv", "--lang", "en").stdout)
    assert rows[0]["sources"].startswith("Appendix I, row 01")


def test_decimal_comma_only_in_vietnamese(
    plan_data: dict[str, Any], write_plan: Callable[..., Path], run_cli: Run
) -> None:
    target = next(i for i in plan_data["indicators"] if i["id"] == "II.09")["targets"][0]
    for parsed in ("kind", "comparator", "value", "denominator", "basis", "aspirational"):
        target.pop(parsed, None)
    target["text"] = "Đạt trên 1,5%"
    path = write_plan(plan_data)
    vi = run_cli("show", "--plan", path)
    assert vi.returncode == 0, vi.stderr
    assert "Trên 1,5%" in vi.stdout
    en = run_cli("show", "--plan", path, "--lang", "en")
    assert "above 1.5%" in en.stdout and "1,5%" not in en.stdout


# --- check ------------------------------------------------------------------------------------


def test_check_text_vietnamese(run_cli: Run) -> None:
    result = run_cli("check")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    counts = report.summary_counts(dtiplan.builtin_plan().check())
    assert counts["error"] == 0
    assert (
        f"0 lỗi, {counts['warning']} cảnh báo, {counts['info']} thông tin" in out.splitlines()[0]
    )
    assert "LỖI (0)" in out and "Không có." in out
    assert f"CẢNH BÁO ({counts['warning']})" in out
    assert f"THÔNG TIN ({counts['info']})" in out
    assert out.index("LỖI") < out.index("CẢNH BÁO") < out.index("THÔNG TIN")
    assert "target.conflict · II.12" in out
    assert "Nguồn: Phụ lục II, STT 12; Mục III.3.c, ý 2" in out
    assert "responsibility.no-lead · III.3.b.01" in out


def test_check_text_english(run_cli: Run) -> None:
    result = run_cli("check", "--lang", "en")
    assert result.returncode == 0
    assert "ERRORS (0)" in result.stdout and "WARNINGS (" in result.stdout
    assert "Sources: Appendix II, row 12; Section III.3.c, item 2" in result.stdout


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_check_json(run_cli: Run, lang: str) -> None:
    result = run_cli("check", "--format", "json", "--lang", lang)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["plan"]["id"] == "dai-phuoc-2026-2030"
    findings = data["findings"]
    expected = dtiplan.builtin_plan().check()
    assert len(findings) == len(expected)
    summary = data["summary"]
    assert summary["error"] == 0
    assert summary["warning"] == sum(f["severity"] == "warning" for f in findings)
    assert summary["info"] == sum(f["severity"] == "info" for f in findings)
    conflict = next(f for f in findings if f["code"] == "target.conflict")
    assert set(conflict) == {"severity", "code", "message", "indicators", "units", "sources"}
    assert conflict["indicators"] == ["II.12"]
    assert {"section": "PL.II", "item": "12"} in conflict["sources"]
    assert {"section": "III.3.c", "item": "2"} in conflict["sources"]
    language = report.LANGUAGES[lang]
    original = next(f for f in expected if f.code == "target.conflict")
    assert conflict["message"] == original.message(language)


def test_check_csv(run_cli: Run) -> None:
    result = run_cli("check", "--format", "csv")
    assert result.returncode == 0
    rows = _rows(result.stdout)
    assert list(rows[0]) == ["severity", "code", "message", "indicators", "units", "sources"]
    conflict = next(r for r in rows if r["code"] == "target.conflict")
    assert conflict["severity"] == "warning"
    assert conflict["indicators"] == "II.12"
    assert "Trên 30%" in conflict["message"]
    english = _rows(run_cli("check", "--format", "csv", "--lang", "en").stdout)
    assert len(english) == len(rows)


@pytest.mark.parametrize("fmt", ["text", "json", "csv"])
def test_check_exits_1_on_an_error(
    plan_data: dict[str, Any], write_plan: Callable[..., Path], run_cli: Run, fmt: str
) -> None:
    path = _invalid_plan(plan_data, write_plan)
    result = run_cli("check", "--plan", path, "--format", fmt)
    assert result.returncode == 1, result.stderr
    assert "unit.unknown" in result.stdout
    assert "PHONG-MA" in result.stdout
    if fmt == "json":
        assert json.loads(result.stdout)["summary"]["error"] == 1
    if fmt == "text":
        assert "LỖI (1)" in result.stdout


def test_show_and_matrix_of_an_invalid_plan_exit_0(
    plan_data: dict[str, Any], write_plan: Callable[..., Path], run_cli: Run
) -> None:
    path = _invalid_plan(plan_data, write_plan)
    assert run_cli("show", "--plan", path).returncode == 0
    assert run_cli("matrix", "--plan", path).returncode == 0


def test_check_of_a_saved_plan(plan: dtiplan.Plan, tmp_path: Path, run_cli: Run) -> None:
    path = tmp_path / "kế hoạch.json"
    plan.save(path)
    result = run_cli("check", "--plan", path, "--format", "json")
    assert result.returncode == 0
    assert json.loads(result.stdout) == json.loads(run_cli("check", "--format", "json").stdout)


# --- matrix -----------------------------------------------------------------------------------


def test_matrix_text_vietnamese(run_cli: Run) -> None:
    result = run_cli("matrix")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "Chú giải: CT = chủ trì; PH = phối hợp; TD = theo dõi, tổng hợp; CT↑ = chủ trì cấp trên" in out
    lines = out.splitlines()
    header = next(line for line in lines if line.startswith("Mã "))
    assert "VHXH" in header and "TTPVHCC" in header and "DTNT" in header
    i06 = next(line for line in lines if line.startswith("I.06 "))
    assert "CT" in i06 and "PH" in i06
    ii12 = next(line for line in lines if line.startswith("II.12 "))
    assert "CT↑" in ii12 and "TD" in ii12
    assert "VHXH = Phòng Văn hóa - Xã hội" in out
    assert "Khối lượng theo đơn vị" in out
    assert "Chủ trì duy nhất" in out
    vhxh = next(line for line in lines if line.startswith("VHXH ") and "Phòng VH-XH" in line)
    assert vhxh.split()[-1] == str(next(w for w in dtiplan.workload(dtiplan.builtin_plan()) if w.unit == "VHXH").total())


def test_matrix_text_english(run_cli: Run) -> None:
    result = run_cli("matrix", "--lang", "en")
    assert result.returncode == 0
    out = result.stdout
    assert "Legend: L = lead; C = coordinating; T = tracking; U = upper-level lead" in out
    ii12 = next(line for line in out.splitlines() if line.startswith("II.12 "))
    assert " U" in ii12 and " T" in ii12
    assert "Workload per unit" in out


def test_matrix_json(run_cli: Run) -> None:
    result = run_cli("matrix", "--format", "json")
    assert result.returncode == 0
    data = json.loads(result.stdout)
    assert [entry["bit"] for entry in data["legend"]] == [1, 2, 4, 8]
    assert [entry["letter"] for entry in data["legend"]] == ["CT", "PH", "TD", "CT↑"]
    units = [u["id"] for u in data["units"]]
    row = data["indicators"].index("II.12")
    assert data["roles"][row][units.index("DTNT")] == 8
    assert len(data["roles"]) == 38
    assert {w["unit"] for w in data["workload"]} == set(units)


@pytest.mark.parametrize(("lang", "lead"), [("vi", "CT"), ("en", "L")])
def test_matrix_csv(run_cli: Run, lang: str, lead: str) -> None:
    result = run_cli("matrix", "--format", "csv", "--lang", lang)
    assert result.returncode == 0
    rows = _rows(result.stdout)
    assert len(rows) == 38
    i03 = next(r for r in rows if r["indicator"] == "I.03")
    assert lead in i03["TTPVHCC"].split("+")
    assert all(v == "" for k, v in rows[-1].items() if k != "indicator")


# --- bad usage and bad input ------------------------------------------------------------------


@pytest.mark.parametrize(
    "args",
    [
        [],
        ["tron"],
        ["show", "--format", "xml"],
        ["check", "--lang", "fr"],
        ["matrix", "--khong-co"],
    ],
)
def test_bad_usage_exits_2(run_cli: Run, args: list[str]) -> None:
    result = run_cli(*args)
    assert result.returncode == 2
    assert result.stdout == ""
    assert "usage:" in result.stderr


def _assert_one_line_error(result: subprocess.CompletedProcess[str], *parts: str) -> None:
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr
    for part in parts:
        assert part in lines[0]


@pytest.mark.parametrize("verb", ["show", "check", "matrix"])
def test_missing_plan_file_exits_2(run_cli: Run, tmp_path: Path, verb: str) -> None:
    path = tmp_path / "khong-co.json"
    result = run_cli(verb, "--plan", path)
    _assert_one_line_error(result, "dtiplan: lỗi:", str(path))


def test_bad_json_exits_2(run_cli: Run, write_plan: Callable[..., Path]) -> None:
    path = write_plan('{"schema": "dtiplan.plan/1",\n  "id": }')
    result = run_cli("check", "--plan", path, "--lang", "en")
    _assert_one_line_error(result, "dtiplan: error:", str(path), "line 2")


def test_bad_target_phrase_exits_2(
    plan_data: dict[str, Any], write_plan: Callable[..., Path], run_cli: Run
) -> None:
    target = plan_data["indicators"][2]["targets"][0]
    for parsed in ("kind", "comparator", "value", "denominator", "basis", "aspirational"):
        target.pop(parsed, None)
    target["text"] = "Trên tám mươi phần trăm"
    path = write_plan(plan_data)
    result = run_cli("show", "--plan", path)
    _assert_one_line_error(
        result, str(path), "indicators[2].targets[0].text", "Trên tám mươi phần trăm"
    )


def test_missing_field_exits_2(
    plan_data: dict[str, Any], write_plan: Callable[..., Path], run_cli: Run
) -> None:
    del plan_data["goal"]
    path = write_plan(plan_data)
    _assert_one_line_error(run_cli("matrix", "--plan", path), str(path), "goal")


def test_version(run_cli: Run) -> None:
    result = run_cli("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"dtiplan {dtiplan.__version__}"


def test_main_in_process(capsys: pytest.CaptureFixture[str]) -> None:
    from dtiplan.cli import main

    assert main(["show", "--format", "csv"]) == 0
    assert "Trên 80%" in capsys.readouterr().out
