"""The report package's shared writing rules: numbers, dates, display width, the text table,
unit labels and CSV cells (dtiplan.report._format), each written once."""

from __future__ import annotations

import datetime
import io
import math
import unicodedata

import numpy as np
import pytest

import dtiplan
from dtiplan.report import _format as fmt


@pytest.mark.parametrize(
    ("value", "decimals", "vi", "en"),
    [
        (82.5, 1, "82,5", "82.5"),
        (1000, 0, "1.000", "1,000"),
        (1234567.891, 2, "1.234.567,89", "1,234,567.89"),
        (0.62, 4, "0,6200", "0.6200"),
        (-3.25, 1, "-3,2", "-3.2"),
    ],
)
def test_numbers_take_a_decimal_comma_in_vietnamese(value, decimals, vi, en) -> None:
    assert fmt.number(value, decimals, "vi") == vi
    assert fmt.number(value, decimals, "en") == en


def test_short_numbers_and_percentages_drop_trailing_zeros() -> None:
    assert fmt.short_number(80.0, "vi") == "80"
    assert fmt.short_number(82.5, "vi") == "82,5"
    assert fmt.short_number(6.0, "en", 2) == "6"
    assert fmt.percent(0.825, "vi") == "82,5%"
    assert fmt.percent(1.0, "en") == "100%"


def test_dates_read_day_first_in_vietnamese() -> None:
    day = datetime.date(2026, 3, 25)
    assert fmt.date_text(day, "vi") == "25/03/2026"
    assert fmt.date_text(day, "en") == "2026-03-25"
    assert fmt.date_text(None, "vi") == ""
    assert fmt.iso(day) == "2026-03-25" and fmt.iso(None) is None
    assert fmt.from_iso("2026-03-25") == day


def test_display_width_counts_cells_not_code_points() -> None:
    precomposed = "Xã Đại Phước"
    decomposed = unicodedata.normalize("NFD", precomposed)
    assert len(decomposed) > len(precomposed)
    # Tone marks written as combining characters take no cell of their own.
    assert fmt.display_width(precomposed) == fmt.display_width(decomposed) == 12
    # East Asian wide and full-width characters take two.
    assert fmt.display_width("越南") == 4
    assert fmt.display_width("ＤＴＩ") == 6
    assert fmt.display_width("Phòng VH-XH ⚠ →") == 15


def test_padding_and_tables_align_vietnamese_whatever_its_normal_form() -> None:
    assert fmt.pad("Đạt", 6) == "Đạt   "
    assert fmt.pad("9", 3, right=True) == "  9"
    rows = [
        ["I.01", unicodedata.normalize("NFD", "Tỷ lệ hồ sơ trực tuyến"), "82,5%"],
        ["II.12", "Chữ ký số", "6/9"],
    ]
    lines = fmt.text_table(["Mã", "Chỉ số", "Giá trị"], rows, right=[False, False, True])
    assert lines[0] == "Mã     Chỉ số                  Giá trị"
    assert lines[1] == "─────  ──────────────────────  ───────"
    # The decomposed name is as wide as it reads, so the next column lines up.
    assert [fmt.display_width(line) for line in lines[2:]] == [38, 38]
    assert lines[3] == "II.12  Chữ ký số                   6/9"


def test_tables_wrap_long_cells_and_take_another_rule_and_an_indent() -> None:
    lines = fmt.text_table(
        ["#", "tên"],
        [["1", "Tỷ lệ thủ tục hành chính có phát sinh hồ sơ trực tuyến"]],
        max_widths=[None, 20],
        indent="  ",
        rule="-",
    )
    # The column is as wide as its widest line, at most 20.
    assert lines[:2] == ["  #  tên", "  -  ------------------"]
    assert lines[2:] == [
        "  1  Tỷ lệ thủ tục hành",
        "     chính có phát sinh",
        "     hồ sơ trực tuyến",
    ]
    assert all(not line.endswith(" ") for line in lines)


def test_names_are_shortened_with_an_ellipsis() -> None:
    assert fmt.shorten("Phòng Văn hóa - Xã hội", 10) == "Phòng Văn…"
    assert fmt.short_name("  Chỉ số\n chuyển đổi số ", 60) == "Chỉ số chuyển đổi số"


def test_units_are_labelled_by_short_name_and_legends_by_full_name() -> None:
    plan = dtiplan.builtin_plan()
    unit = next(u for u in plan.units if u.short_name and u.short_name != u.name)
    assert fmt.unit_label(plan, unit.id) == unit.short_name
    assert fmt.unit_full_name(plan, unit.id) == unit.name
    assert fmt.unit_label(plan, "không-có") == "không-có"


def test_csv_cells_spell_booleans_and_blanks_one_way() -> None:
    assert [fmt.csv_cell(v) for v in (None, True, False, math.nan, 0.5, "Đạt", 3)] == [
        "", "true", "false", "", 0.5, "Đạt", 3,
    ]  # fmt: skip
    assert fmt.csv_cell(np.float64(0.25)) == 0.25 and fmt.csv_cell(np.bool_(True)) == "true"
    out = io.StringIO()
    fmt.csv_writer(out).writerow(["I.01", "Trên 80%, đạt", ""])
    assert out.getvalue() == 'I.01,"Trên 80%, đạt",\n'
