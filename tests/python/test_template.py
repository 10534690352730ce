"""The data-entry workbook of a unit (``dtiplan template``, ``dtiplan.make_template``): what the
office sees, which cells it can fill and with what, and the hidden metadata that lets the
returned file be recognised."""

from __future__ import annotations

import datetime
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from openpyxl import load_workbook

import dtiplan
from dtiplan.report.template import DATA_SHEET, HELP_SHEET, META_SHEET

Run = Callable[..., subprocess.CompletedProcess[str]]

HEADER_ROW = 8


def _rows(ws) -> dict[str, int]:  # type: ignore[no-untyped-def]
    """The sheet row of each indicator code."""
    return {
        str(ws.cell(row=r, column=2).value): r
        for r in range(HEADER_ROW + 1, ws.max_row + 1)
        if ws.cell(row=r, column=2).value
    }


def _validations(ws) -> dict[str, list]:  # type: ignore[no-untyped-def]
    found: dict[str, list] = {}
    for dv in ws.data_validations.dataValidation:
        for cell in str(dv.sqref).split():
            found.setdefault(cell, []).append(dv)
    return found


def test_the_template_of_tt_pvhcc_names_the_unit_the_window_and_its_indicators(
    plan: dtiplan.Plan,
) -> None:
    wb = dtiplan.make_template(plan, "2026-11", "TTPVHCC", created=datetime.date(2026, 11, 2))
    assert wb.sheetnames == [DATA_SHEET, HELP_SHEET, META_SHEET]
    ws = wb[DATA_SHEET]
    texts = [str(ws.cell(row=r, column=1).value or "") for r in range(1, 7)]
    assert "Trung tâm Phục vụ hành chính công" in texts[2]
    assert texts[3] == "Kỳ báo cáo tháng 11/2026: từ 15/10/2026 đến 14/11/2026"
    assert "trước ngày 20 hằng tháng, chậm nhất ngày 19/11/2026" in texts[4]
    rows = _rows(ws)
    assert list(rows) == ["I.03", "I.04", "I.05", "II.03"]
    i03 = rows["I.03"]
    assert "dịch vụ công trực tuyến" in ws.cell(row=i03, column=3).value
    assert ws.cell(row=i03, column=5).value  # the target phrase of 2026
    assert ws.cell(row=HEADER_ROW, column=5).value == "Chỉ tiêu năm 2026"
    assert ws.cell(row=i03, column=6).value is None  # no observations given: no last value


def test_only_the_cells_to_fill_are_unlocked_and_the_sheet_is_protected(plan: dtiplan.Plan) -> None:
    ws = dtiplan.make_template(plan, "2026-11", "TTPVHCC")[DATA_SHEET]
    assert ws.protection.sheet and not ws.protection.password
    rows = _rows(ws)
    for code, row in rows.items():
        locked = {col: ws.cell(row=row, column=col).protection.locked for col in range(1, 14)}
        assert all(locked[c] for c in range(1, 7)), code  # code, name, target, last value
        assert not locked[7] and not any(locked[c] for c in range(10, 14)), code
        rate = code in ("I.03", "I.04", "I.05")
        assert locked[8] != rate and locked[9] != rate, code  # numerator, denominator: rates only
    assert not ws.cell(row=6, column=3).protection.locked  # Ngày gửi báo cáo
    assert ws.cell(row=1, column=1).protection.locked


def test_validation_rules_follow_the_kind_of_indicator(plan: dtiplan.Plan) -> None:
    wb = dtiplan.make_template(plan, "2026-11", "VHXH")
    ws = wb[DATA_SHEET]
    rows, rules = _rows(ws), _validations(ws)
    rate = rules[f"G{rows['I.06']}"][0]  # a rate
    assert (rate.type, rate.formula1, rate.formula2) == ("decimal", "0", "1")
    numerator = rules[f"H{rows['I.06']}"][0]
    assert numerator.type == "custom" and f"H{rows['I.06']}<=I{rows['I.06']}" in numerator.formula1
    count = rules[f"G{rows['II.02']}"][0]  # 9/9 nền tảng: a whole number from 0 to 9
    assert (count.type, count.formula1, count.formula2) == ("whole", "0", "9")
    yes_no = rules[f"G{rows['II.01']}"][0]
    assert yes_no.type == "list" and yes_no.formula1 == '"Có,Không"'
    assert ws.cell(row=rows["I.06"], column=7).number_format == "0.0%"


def test_hidden_metadata_keeps_ids_for_the_collection(plan: dtiplan.Plan) -> None:
    wb = dtiplan.make_template(plan, "2026-11", "TTPVHCC", created=datetime.date(2026, 11, 2))
    meta_sheet = wb[META_SHEET]
    assert meta_sheet.sheet_state == "hidden"
    meta = {r[0]: r[1] for r in meta_sheet.iter_rows(values_only=True)}
    assert meta == {
        "schema": "dtiplan.template/1",
        "template_version": "1",
        "plan_id": plan.id,
        "unit": "TTPVHCC",
        "period": "2026-11",
        "window_first": "2026-10-15",
        "window_last": "2026-11-14",
        "deadline": "2026-11-19",
        "indicators": "I.03;I.04;I.05;II.03",
        "created": "2026-11-02",
    }
    visible = " ".join(
        str(c) for row in wb[DATA_SHEET].iter_rows(values_only=True) for c in row if c
    )
    assert "TTPVHCC" not in visible  # names in the sheet, ids in the metadata


def test_last_value_in_force_comes_from_the_observations(plan: dtiplan.Plan) -> None:
    log = dtiplan.load_observations(
        __import__("pandas").DataFrame(
            {
                "indicator": ["I.03", "I.03"],
                "period": ["2026-09", "2026-10"],
                "value": ["78%", "81,2%"],
                "unit": ["TTPVHCC", "TTPVHCC"],
                "submitted": ["2026-09-18", "2026-10-19"],
            }
        ),
        plan,
    )
    ws = dtiplan.make_template(plan, "2026-11", "TTPVHCC", log)[DATA_SHEET]
    rows = _rows(ws)
    assert ws.cell(row=rows["I.03"], column=6).value == "81,2% (tháng 10/2026)"
    assert ws.cell(row=rows["I.04"], column=6).value == "chưa có"


def test_a_unit_that_reports_nothing_is_refused_naming_those_that_do(plan: dtiplan.Plan) -> None:
    with pytest.raises(ValueError, match=r'unknown unit "XYZ".*TTPVHCC'):
        dtiplan.make_template(plan, "2026-11", "XYZ")
    with pytest.raises(ValueError, match="not a month"):
        dtiplan.make_template(plan, "2026-Q4", "TTPVHCC")


def test_cli_writes_one_template_and_all_units(run_cli: Run, tmp_path: Path) -> None:
    one = tmp_path / "mau-so-lieu-TTPVHCC-2026-11.xlsx"
    result = run_cli("template", "--month", "2026-11", "--unit", "TTPVHCC", "--output", one)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"Đã tạo {one}: TT PVHCC, tháng 11/2026, 4 chỉ tiêu"
    assert load_workbook(one)[DATA_SHEET]["A4"].value.endswith("từ 15/10/2026 đến 14/11/2026")

    folder = tmp_path / "mau"
    result = run_cli("template", "--month", "tháng 11/2026", "--all-units", "--output", folder)
    assert result.returncode == 0, result.stderr
    names = sorted(p.name for p in folder.iterdir())
    assert names == sorted(
        f"mau-so-lieu-{u}-2026-11.xlsx"
        for u in dtiplan.template_units(dtiplan.builtin_plan(), "2026-11")
    )
    assert "mau-so-lieu-VHXH-2026-11.xlsx" in names and "mau-so-lieu-CAX-2026-11.xlsx" in names
    assert len(result.stdout.splitlines()) == len(names)

    bad = run_cli("template", "--month", "2026-11", "--unit", "KHONGCO", "--output", one)
    assert bad.returncode == 2 and 'unknown unit "KHONGCO"' in bad.stderr
