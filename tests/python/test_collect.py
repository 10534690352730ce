"""Collecting returned templates (``dtiplan collect``, ``dtiplan.collect``): templates are filled
as an office would (openpyxl, and once through LibreOffice), collected, and the observations file
is checked: figures, history, conflicts, errors that name the cell, nothing lost."""

from __future__ import annotations

import datetime
import json
import os
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

import dtiplan
from dtiplan.report.template import DATA_SHEET

Run = Callable[..., subprocess.CompletedProcess[str]]

HEADER_ROW = 8
COLUMN = {
    "value": 7,
    "numerator": 8,
    "denominator": 9,
    "evidence_id": 10,
    "evidence_title": 11,
    "evidence_location": 12,
    "note": 13,
}


def _template(
    plan: dtiplan.Plan, folder: Path, unit: str = "TTPVHCC", name: str | None = None
) -> Path:
    path = folder / (name or f"mau-so-lieu-{unit}-2026-11.xlsx")
    dtiplan.write_template(dtiplan.make_template(plan, "2026-11", unit), path)
    return path


def _fill(path: Path, sent: Any, rows: dict[str, dict[str, Any]], insert: int = 0) -> Path:
    """Fill the cells of the indicators in ``rows`` (code -> column -> value), as an office
    would; ``insert`` blank rows are first added above the heading (an office's own lines)."""
    wb = load_workbook(path)
    ws = wb[DATA_SHEET]
    ws.cell(row=6, column=3, value=sent)
    if insert:
        ws.insert_rows(7, insert)
        ws.cell(row=7, column=1, value="Người lập: Nguyễn Văn A")
    header = HEADER_ROW + insert
    where = {
        ws.cell(row=r, column=2).value: r
        for r in range(header + 1, ws.max_row + 1)
        if ws.cell(row=r, column=2).value
    }
    for code, cells in rows.items():
        for key, value in cells.items():
            ws.cell(row=where[code], column=COLUMN[key], value=value)
    wb.save(path)
    return path


TTPVHCC_ROWS: dict[str, dict[str, Any]] = {
    "I.03": {
        "value": 0.812,
        "evidence_id": "BC-45/2026",
        "evidence_title": "Báo cáo tháng 11",
        "evidence_location": "Hồ sơ lưu VT",
    },
    "I.04": {"numerator": 188, "denominator": 200, "note": "12 hồ sơ chưa toàn trình"},
    "II.03": {"value": "Có"},
}


def _log(path: Path, plan: dtiplan.Plan) -> dtiplan.ObservationLog:
    return dtiplan.load_observations(path, plan)


def test_a_filled_template_becomes_observations(plan: dtiplan.Plan, tmp_path: Path) -> None:
    sent = _fill(_template(plan, tmp_path), datetime.datetime(2026, 11, 18), TTPVHCC_ROWS)
    target = tmp_path / "so-lieu.csv"
    result = dtiplan.collect([sent], target, plan, as_of=datetime.date(2026, 11, 25))
    assert result.ok and result.written and result.added == 3
    log = _log(target, plan)
    i03 = log.effective("I.03", "2026-11")
    assert i03 is not None and i03.value.value == pytest.approx(0.812)
    assert (i03.unit, i03.submitted) == ("TTPVHCC", datetime.date(2026, 11, 18))
    assert [(e.id, e.title, e.location) for e in i03.evidence] == [
        ("BC-45/2026", "Báo cáo tháng 11", "Hồ sơ lưu VT")
    ]
    i04 = log.effective("I.04", "2026-11")
    assert i04 is not None and (i04.value.numerator, i04.value.denominator) == (188, 200)
    assert i04.value.value == pytest.approx(0.94) and i04.note == "12 hồ sơ chưa toàn trình"
    ii03 = log.effective("II.03", "2026-11")
    assert ii03 is not None and ii03.value.value == 1.0
    assert log.effective("I.05", "2026-11") is None  # left empty: not reported
    assert [c.kind for c in result.changes] == ["new", "new", "new"]


def test_values_typed_as_text_and_extra_rows_are_read(plan: dtiplan.Plan, tmp_path: Path) -> None:
    rows = {"I.03": {"value": "81,2%"}, "I.05": {"value": "95 %"}, "II.03": {"value": "không"}}
    sent = _fill(_template(plan, tmp_path), "18/11/2026", rows, insert=2)
    result = dtiplan.collect([sent], tmp_path / "so-lieu.json", plan)
    assert result.ok, result.rejected
    log = _log(tmp_path / "so-lieu.json", plan)
    values = {o.indicator: o.value.value for o in log.all()}
    assert values == {"I.03": pytest.approx(0.812), "I.05": pytest.approx(0.95), "II.03": 0.0}
    assert {o.submitted for o in log.all()} == {datetime.date(2026, 11, 18)}


def test_bad_cells_are_named_by_file_sheet_row_and_column(
    plan: dtiplan.Plan, tmp_path: Path
) -> None:
    rows = {"I.03": {"value": "120%"}, "I.04": {"numerator": 210, "denominator": 200}}
    sent = _fill(_template(plan, tmp_path), datetime.datetime(2026, 11, 18), rows)
    with pytest.raises(dtiplan.TemplateError) as caught:
        dtiplan.read_template(sent, plan)
    problems = caught.value.problems
    assert len(problems) == 2
    assert problems[0].startswith(
        f'{sent.name}: sheet "Số liệu", row {HEADER_ROW + 1}, column G (Giá trị)'
    )
    assert "outside 0..1" in problems[0] and '"120%"' in problems[0]
    assert problems[1].startswith(f'{sent.name}: sheet "Số liệu", row {HEADER_ROW + 2}, column')
    assert "numerator" in problems[1]


def test_a_rejected_file_changes_nothing_and_the_command_says_why(
    plan: dtiplan.Plan, tmp_path: Path, run_cli: Run
) -> None:
    target = tmp_path / "so-lieu.csv"
    old = 'indicator,period,value,unit,submitted\nI.03,tháng 10/2026,"80,5%",TTPVHCC,2026-10-19\n'
    target.write_text(old, encoding="utf-8")
    sent = _fill(_template(plan, tmp_path), "2026-11-18", {"I.03": {"value": "1,5"}})
    result = run_cli("collect", sent, "--observations", target, "--as-of", "2026-11-25")
    assert result.returncode == 1, result.stderr
    assert "Tệp bị từ chối" in result.stdout
    assert (
        f'{sent.name}: sheet "Số liệu", row {HEADER_ROW + 1}, column G (Giá trị)' in result.stdout
    )
    assert target.read_text(encoding="utf-8") == old


def test_resubmission_supersedes_and_history_keeps_both(plan: dtiplan.Plan, tmp_path: Path) -> None:
    inbox = tmp_path / "nhan-ve"
    inbox.mkdir()
    target = tmp_path / "so-lieu.csv"
    first = _fill(_template(plan, inbox), "2026-11-18", TTPVHCC_ROWS)
    dtiplan.collect([inbox], target, plan)
    text_after_first = target.read_text(encoding="utf-8")
    # Collecting the same folder again adds nothing.
    again = dtiplan.collect([inbox], target, plan)
    assert again.added == 0 and not again.written
    assert {c.kind for c in again.changes} == {"already"}
    assert target.read_text(encoding="utf-8") == text_after_first
    # The unit corrects I.03 and sends the file again three days later.
    first.unlink()
    corrected = _fill(
        _template(plan, inbox, name="mau-so-lieu-TTPVHCC-2026-11-sua.xlsx"),
        "2026-11-21",
        {**TTPVHCC_ROWS, "I.03": {**TTPVHCC_ROWS["I.03"], "value": 0.83}},
    )
    result = dtiplan.collect([corrected], target, plan)
    kinds = {c.observation.indicator: c.kind for c in result.changes}
    assert kinds == {"I.03": "replaced", "I.04": "confirmed", "II.03": "confirmed"}
    log = _log(target, plan)
    history = log.history("I.03", "2026-11")
    assert [h.value.value for h in history] == [pytest.approx(0.812), pytest.approx(0.83)]
    effective = log.effective("I.03", "2026-11")
    assert effective is not None and effective.submitted == datetime.date(2026, 11, 21)
    assert target.read_text(encoding="utf-8").startswith(text_after_first)


def test_two_files_disagreeing_are_a_conflict_until_one_is_preferred(
    plan: dtiplan.Plan, tmp_path: Path, run_cli: Run
) -> None:
    a = _fill(_template(plan, tmp_path, name="a.xlsx"), "2026-11-18", TTPVHCC_ROWS)
    b = _fill(
        _template(plan, tmp_path, name="b.xlsx"),
        "2026-11-18",
        {**TTPVHCC_ROWS, "I.03": {"value": "79%"}},
    )
    target = tmp_path / "so-lieu.csv"
    result = run_cli("collect", a, b, "--observations", target, "--as-of", "2026-11-25")
    assert result.returncode == 1, result.stderr
    assert "Xung đột" in result.stdout and "a.xlsx: 81,2%" in result.stdout
    assert "b.xlsx: 79%" in result.stdout
    log = _log(target, plan)
    assert log.effective("I.03", "2026-11") is None  # neither applied
    assert log.effective("I.04", "2026-11") is not None  # the figures they agree on are
    chosen = run_cli(
        "collect",
        a,
        b,
        "--observations",
        target,
        "--as-of",
        "2026-11-25",
        "--prefer",
        b,
        "--format",
        "json",
    )
    assert chosen.returncode == 0, chosen.stderr
    data = json.loads(chosen.stdout)
    kinds = {(c["file"], c["indicator"]): c["kind"] for c in data["changes"]}
    assert kinds[(str(b), "I.03")] == "new" and kinds[(str(a), "I.03")] == "set-aside"
    effective = _log(target, plan).effective("I.03", "2026-11")
    assert effective is not None and effective.value.value == pytest.approx(0.79)


def test_check_is_a_dry_run_and_earlier_rows_are_kept_verbatim(
    plan: dtiplan.Plan, tmp_path: Path, run_cli: Run
) -> None:
    target = tmp_path / "so-lieu.csv"
    old = (
        "indicator,period,value,numerator,denominator,unit,submitted,evidence_id,evidence_title,"
        "evidence_location,note\n"
        'I.03,tháng 10/2026,"80,5%",,,TTPVHCC,2026-10-19,,,,"Số liệu ""cũ"""\n'
    )
    target.write_text(old, encoding="utf-8")
    sent = _fill(_template(plan, tmp_path), "2026-11-18", TTPVHCC_ROWS)
    dry = run_cli("collect", sent, "--observations", target, "--check", "--as-of", "2026-11-25")
    assert dry.returncode == 0, dry.stderr
    assert "Chạy thử (--check): chưa ghi gì" in dry.stdout and "mới" in dry.stdout
    assert target.read_text(encoding="utf-8") == old
    done = run_cli("collect", sent, "--observations", target, "--as-of", "2026-11-25")
    assert done.returncode == 0, done.stderr
    assert "Đã ghi thêm 3 số liệu" in done.stdout
    text = target.read_text(encoding="utf-8")
    assert text.startswith(old) and len(text.splitlines()) == 5
    assert len(_log(target, plan)) == 4
    again = run_cli("collect", sent, "--observations", target, "--as-of", "2026-11-25")
    assert again.returncode == 0, again.stderr
    assert "Không có số liệu mới" in again.stdout
    assert "3 số liệu đã có trong tệp, không ghi lại." in again.stdout
    assert target.read_text(encoding="utf-8") == text


def test_who_has_sent_who_has_not_and_who_was_late(
    plan: dtiplan.Plan, tmp_path: Path, run_cli: Run
) -> None:
    on_time = _fill(
        _template(plan, tmp_path), "2026-11-18", {**TTPVHCC_ROWS, "I.05": {"value": "95%"}}
    )
    late = _fill(
        _template(plan, tmp_path, "CAX"),
        "2026-11-22",
        {"I.06": {"value": "70%"}, "II.11": {"value": "100%"}},
    )
    target = tmp_path / "so-lieu.xlsx"
    result = run_cli("collect", tmp_path, "--observations", target, "--as-of", "2026-11-25")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "Tình hình gửi số liệu tháng 11/2026 (hạn 19/11/2026)" in out
    lines = out.split("Tình hình gửi số liệu")[1].splitlines()
    tt = next(line for line in lines if line.strip().startswith("TT PVHCC"))
    assert tt.split()[2:] == ["4", "4", "đã", "gửi", "đủ"]
    cax = next(line for line in lines if line.strip().startswith("Công an xã"))
    assert "đã gửi đủ, trễ 3 ngày" in cax
    assert "Trễ hạn: Công an xã." in out
    summary = next(line for line in lines if "Chưa gửi đủ:" in line)
    assert "Đã gửi đủ: TT PVHCC · Công an xã." in summary
    assert (
        "Chưa gửi đủ: Phòng VH-XH · Phòng Kinh tế · Các cơ quan, đơn vị; các ngành xã." in summary
    )
    assert on_time.name in out and late.name in out
    assert len(_log(target, plan)) == 6  # the .xlsx observations file reads back


def test_a_template_resaved_by_libreoffice_is_collected(plan: dtiplan.Plan, tmp_path: Path) -> None:
    soffice = shutil.which("soffice")
    if soffice is None:
        # scripts/test.sh requires it (scripts/setup.sh installs libreoffice-calc-nogui).
        assert not os.environ.get("DTIPLAN_REQUIRE_LIBREOFFICE"), "soffice is not installed"
        pytest.skip("LibreOffice (soffice) is not installed")
    sent = tmp_path / "gui"
    sent.mkdir()
    filled = _fill(_template(plan, sent), "18/11/2026", TTPVHCC_ROWS)
    out = tmp_path / "libreoffice"
    profile = tmp_path / "profile"
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--convert-to",
            "xlsx",
            "--outdir",
            str(out),
            str(filled),
        ],
        check=True,
        capture_output=True,
        timeout=180,
        env=dict(os.environ, HOME=str(tmp_path)),
    )
    resaved = out / filled.name
    assert resaved.exists() and resaved.read_bytes() != filled.read_bytes()
    returned = dtiplan.read_template(resaved, plan)
    assert returned is not None and returned.unit == "TTPVHCC"
    assert str(returned.period) == "2026-11" and returned.submitted == datetime.date(2026, 11, 18)
    result = dtiplan.collect([resaved], tmp_path / "so-lieu.csv", plan)
    assert result.ok and result.added == 3
    i04 = _log(tmp_path / "so-lieu.csv", plan).effective("I.04", "2026-11")
    assert i04 is not None and (i04.value.numerator, i04.value.denominator) == (188, 200)


def test_other_workbooks_in_a_folder_are_skipped_but_named_files_must_be_templates(
    plan: dtiplan.Plan, tmp_path: Path
) -> None:
    inbox = tmp_path / "nhan-ve"
    inbox.mkdir()
    _fill(_template(plan, inbox), "2026-11-18", TTPVHCC_ROWS)
    other = inbox / "bang-tong-hop.xlsx"
    dtiplan.write_template(__import__("openpyxl").Workbook(), other)
    (inbox / "~$mau-so-lieu-TTPVHCC-2026-11.xlsx").write_bytes(b"lock")
    result = dtiplan.collect([inbox], tmp_path / "so-lieu.csv", plan, check=True)
    assert result.ok and result.added == 3 and not result.written
    assert result.skipped == [other]
    assert not (tmp_path / "so-lieu.csv").exists()
    named = dtiplan.collect([other], tmp_path / "so-lieu.csv", plan, check=True)
    assert not named.ok
    assert named.rejected[other] == [
        "bang-tong-hop.xlsx: not a dtiplan template (no 'dtiplan' metadata sheet)"
    ]


def test_a_template_of_another_plan_is_rejected(plan: dtiplan.Plan, tmp_path: Path) -> None:
    other_plan = dtiplan.builtin_plan()
    other_plan.id = "xa-khac-2026-2030"
    sent = tmp_path / "mau.xlsx"
    dtiplan.write_template(dtiplan.make_template(other_plan, "2026-11", "TTPVHCC"), sent)
    with pytest.raises(dtiplan.TemplateError, match='plan "xa-khac-2026-2030", not "'):
        dtiplan.read_template(sent, plan)
