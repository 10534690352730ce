"""The data-entry workbook of one unit for one month (``dtiplan template``): the figures a lead
unit sends to Phòng VH-XH, laid out so that an office fills them in Excel or LibreOffice and
:mod:`dtiplan.collect` reads them back (docs/collection.md).

The workbook has three sheets:

- ``Số liệu``: the unit's name, the reporting window ("từ 15/10/2026 đến 14/11/2026"), the
  deadline, a cell for the day the figures are sent, and one row per indicator the unit reports
  that month (code, name, how to enter it, the target of the year, the last value in force), with
  the cells to fill: value, or numerator and denominator; evidence (number, title, place); note.
  Only those cells are unlocked; the sheet is protected without a password (it guards against
  slips, not people). Each cell to fill carries Excel data validation: a rate between 0% and
  100%, a count whole and between 0 and its total, numerator and denominator whole with the
  numerator not above the denominator, a yes/no indicator a list "Có"/"Không".
- ``Hướng dẫn``: how to fill it in, in Vietnamese.
- ``dtiplan`` (hidden): the metadata by which the returned file is recognised: schema, template
  version, plan id, unit id, period, window, deadline and the indicators asked for. Unit ids stay
  here; the visible sheets name units by their names.
"""

from __future__ import annotations

import datetime
import math
import os
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from .. import _core
from .._core import Indicator, MeasureKind, ObservationLog, Period, Plan, ReportingCalendar
from ..track import ILLUSTRATIVE_LABEL, is_illustrative
from ._format import date_text, observed_text, period_name, unit_full_name

__all__ = [
    "COLUMNS",
    "DATA_SHEET",
    "HELP_SHEET",
    "META_SHEET",
    "SUBMITTED_LABEL",
    "TEMPLATE_SCHEMA",
    "TEMPLATE_VERSION",
    "make_template",
    "template_file_name",
    "template_indicators",
    "template_units",
    "write_template",
]

#: The schema and version written to the metadata sheet; :mod:`dtiplan.collect` reads version 1.
TEMPLATE_SCHEMA = "dtiplan.template/1"
TEMPLATE_VERSION = 1

DATA_SHEET = "Số liệu"
HELP_SHEET = "Hướng dẫn"
META_SHEET = "dtiplan"

#: The label of the cell beside which the office writes the day it sends the file.
SUBMITTED_LABEL = "Ngày gửi báo cáo:"

#: The columns of the data sheet: key (the observations column it fills, or a key of its own),
#: heading, width, and whether the office fills it.
COLUMNS: tuple[tuple[str, str, int, bool], ...] = (
    ("row", "STT", 5, False),
    ("indicator", "Mã chỉ tiêu", 11, False),
    ("name", "Tên chỉ tiêu", 48, False),
    ("how", "Cách nhập", 22, False),
    ("target", "Chỉ tiêu năm", 26, False),
    ("last", "Giá trị gần nhất", 20, False),
    ("value", "Giá trị", 12, True),
    ("numerator", "Tử số", 10, True),
    ("denominator", "Mẫu số", 10, True),
    ("evidence_id", "Số, ký hiệu văn bản", 18, True),
    ("evidence_title", "Tên tài liệu kiểm chứng", 32, True),
    ("evidence_location", "Nơi lưu tài liệu", 20, True),
    ("note", "Ghi chú", 28, True),
)

_COLUMN = {key: i + 1 for i, (key, *_rest) in enumerate(COLUMNS)}
_HEADER_ROW = 8
_SUBMITTED_ROW = 6

_FILL = PatternFill("solid", fgColor="FFF2CC")  # the cells to fill: light yellow
_HEAD = PatternFill("solid", fgColor="D9E1F2")
_THIN = Side(style="thin", color="999999")
_BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_UNLOCKED = Protection(locked=False)

_HOW = {
    MeasureKind.Rate: "Tỷ lệ: nhập % (VD 81,2%) hoặc tử số và mẫu số",
    MeasureKind.CountOfTotal: "Số lượng: số nguyên",
    MeasureKind.YesNo: "Có/Không: chọn trong danh sách",
    MeasureKind.Milestone: "Có/Không (đã hoàn thành?): chọn trong danh sách",
}

_HELP_LINES = (
    "HƯỚNG DẪN ĐIỀN MẪU SỐ LIỆU",
    "",
    "1. Chỉ điền vào các ô nền vàng của trang «Số liệu»; các ô khác đã khóa.",
    "2. Ghi ngày gửi báo cáo vào ô bên cạnh «Ngày gửi báo cáo» (ngày/tháng/năm).",
    "3. Mỗi dòng là một chỉ tiêu đơn vị chủ trì báo cáo trong kỳ này.",
    "   - Chỉ tiêu tỷ lệ: nhập tỷ lệ phần trăm vào cột «Giá trị» (VD 81,2%), hoặc nhập «Tử số»"
    " và «Mẫu số» (VD 188 hồ sơ trực tuyến trên 200 hồ sơ) và để trống «Giá trị».",
    "   - Chỉ tiêu số lượng: nhập số nguyên, không lớn hơn tổng số ghi ở cột «Cách nhập».",
    "   - Chỉ tiêu Có/Không: chọn «Có» hoặc «Không» trong danh sách.",
    "4. Tài liệu kiểm chứng: ghi số, ký hiệu văn bản, tên tài liệu và nơi lưu (đường dẫn, "
    "«Hồ sơ lưu VT»...). Nhiều tài liệu thì ngăn cách bằng dấu chấm phẩy (;), theo cùng thứ tự "
    "ở cả ba cột.",
    "5. Chỉ tiêu chưa có số liệu thì để trống cả dòng; ghi lý do vào «Ghi chú» nếu cần.",
    "6. Không đổi tên tệp, không xóa hay thêm trang tính: tệp được nhận diện qua thông tin ẩn "
    "bên trong.",
    "7. Gửi lại tệp cho Phòng Văn hóa - Xã hội trước hạn ghi ở đầu trang «Số liệu». Nếu cần "
    "sửa số liệu đã gửi, sửa trên chính tệp đó, ghi ngày gửi mới và gửi lại: số liệu mới thay "
    "số liệu cũ, số liệu cũ vẫn được lưu trong lịch sử.",
    "",
    "Trang được khóa không đặt mật khẩu (chỉ để tránh sửa nhầm).",
)


def template_units(
    plan: Plan, month: Period | str, calendar: ReportingCalendar | None = None
) -> list[str]:
    """The units (or groups) that report in ``month``, in the calendar's order: the lead units
    of the plan that get a template."""
    calendar = calendar if calendar is not None else ReportingCalendar(plan)
    units: list[str] = []
    for o in calendar.obligations(month):
        if not o.consolidated and o.unit not in units:
            units.append(o.unit)
    return units


def template_file_name(unit: str, month: Period) -> str:
    """The file name of a unit's template: ``mau-so-lieu-TTPVHCC-2026-11.xlsx``."""
    return f"mau-so-lieu-{unit}-{month}.xlsx"


def template_indicators(
    plan: Plan, month: Period | str, unit: str, calendar: ReportingCalendar | None = None
) -> list[str]:
    """The indicators ``unit`` reports in ``month`` (the rows of its template), in plan order."""
    calendar = calendar if calendar is not None else ReportingCalendar(plan)
    return [
        o.indicator for o in calendar.obligations(month) if not o.consolidated and o.unit == unit
    ]


def _indicators(
    plan: Plan, calendar: ReportingCalendar, month: Period, unit: str
) -> list[Indicator]:
    found = [plan.find_indicator(i) for i in template_indicators(plan, month, unit, calendar)]
    return [i for i in found if i is not None]


def _total(indicator: Indicator, year: int, plan: Plan) -> float | None:
    """The total a count is out of (II.02: 9 platforms), from the target in force."""
    target, _ = _core.target_in_force(indicator, plan, year)
    if target is not None and target.parsed.denominator is not None:
        return float(target.parsed.denominator)
    return None


def _how(indicator: Indicator, total: float | None) -> str:
    text = _HOW[indicator.kind]
    if indicator.kind == MeasureKind.CountOfTotal and total is not None:
        text += f", từ 0 đến {int(total)}"
    return text


def _last_text(indicator: Indicator, log: ObservationLog | None, as_of: datetime.date) -> str:
    if log is None:
        return ""
    last = log.latest(indicator.id, as_of)
    if last is None:
        return "chưa có"
    return f"{observed_text(indicator, last.value, 'vi')} ({period_name(last.period, 'vi')})"


def _validation(ws: Worksheet, kind: str, cell: str, **options: Any) -> None:
    dv = DataValidation(type=kind, allow_blank=True, showErrorMessage=True, **options)
    dv.errorTitle = "Giá trị không hợp lệ"
    dv.add(cell)
    ws.add_data_validation(dv)


def _validate_row(ws: Worksheet, row: int, indicator: Indicator, total: float | None) -> None:
    value = f"{get_column_letter(_COLUMN['value'])}{row}"
    num = f"{get_column_letter(_COLUMN['numerator'])}{row}"
    den = f"{get_column_letter(_COLUMN['denominator'])}{row}"
    kind = indicator.kind
    if kind == MeasureKind.Rate:
        _validation(
            ws,
            "decimal",
            value,
            operator="between",
            formula1="0",
            formula2="1",
            error="Tỷ lệ phải từ 0% đến 100% (VD 81,2%).",
        )
        _validation(
            ws,
            "custom",
            num,
            formula1=f"AND(ISNUMBER({num}),{num}>=0,{num}=INT({num}),"
            f"OR(ISBLANK({den}),{num}<={den}))",
            error="Tử số là số nguyên không âm và không lớn hơn mẫu số.",
        )
        _validation(
            ws,
            "custom",
            den,
            formula1=f"AND(ISNUMBER({den}),{den}>0,{den}=INT({den}),"
            f"OR(ISBLANK({num}),{num}<={den}))",
            error="Mẫu số là số nguyên lớn hơn 0 và không nhỏ hơn tử số.",
        )
        ws[value].number_format = "0.0%"
    elif kind == MeasureKind.CountOfTotal:
        options: dict[str, Any] = {"operator": "greaterThanOrEqual", "formula1": "0"}
        message = "Số lượng phải là số nguyên không âm"
        if total is not None:
            options = {"operator": "between", "formula1": "0", "formula2": str(int(total))}
            message += f", không lớn hơn {int(total)}"
        _validation(ws, "whole", value, error=message + ".", **options)
    else:
        _validation(ws, "list", value, formula1='"Có,Không"', error="Chọn «Có» hoặc «Không».")


def _fill_cell(ws: Worksheet, row: int, key: str) -> None:
    cell = ws.cell(row=row, column=_COLUMN[key])
    cell.protection = _UNLOCKED
    cell.fill = _FILL
    cell.border = _BOX


def _data_sheet(
    ws: Worksheet,
    plan: Plan,
    calendar: ReportingCalendar,
    month: Period,
    unit: str,
    indicators: Sequence[Indicator],
    log: ObservationLog | None,
    as_of: datetime.date,
) -> None:
    window = calendar.window(month)
    deadline = calendar.unit_deadline(month)
    day = plan.reporting.unit_report_before_day
    ws.title = DATA_SHEET
    ws["A1"] = "MẪU BÁO CÁO SỐ LIỆU CHUYỂN ĐỔI SỐ"
    ws["A1"].font = Font(bold=True, size=14)
    ws["A2"] = f"Kế hoạch: {plan.title}" if plan.title else f"Kế hoạch: {plan.id}"
    ws["A3"] = f"Đơn vị báo cáo: {unit_full_name(plan, unit)}"
    ws["A3"].font = Font(bold=True)
    ws["A4"] = (
        f"Kỳ báo cáo {period_name(month, 'vi')}: từ {date_text(window.first, 'vi')} "
        f"đến {date_text(window.last, 'vi')}"
    )
    recipient = (
        unit_full_name(plan, plan.reporting.consolidator) if plan.reporting.consolidator else ""
    )
    ws["A5"] = (
        f"Hạn gửi: trước ngày {day} hằng tháng, chậm nhất ngày {date_text(deadline, 'vi')}"
        + (f", gửi {recipient}" if recipient else "")
    )
    ws.cell(row=_SUBMITTED_ROW, column=1, value=SUBMITTED_LABEL).font = Font(bold=True)
    submitted = ws.cell(row=_SUBMITTED_ROW, column=3)
    submitted.number_format = "dd/mm/yyyy"
    submitted.protection = _UNLOCKED
    submitted.fill = _FILL
    submitted.border = _BOX
    first = window.first or datetime.date(month.year, 1, 1)
    _validation(
        ws,
        "date",
        submitted.coordinate,
        operator="greaterThanOrEqual",
        formula1=f"DATE({first.year},{first.month},{first.day})",
        error=f"Ngày gửi là một ngày, từ {date_text(first, 'vi')} trở đi.",
    )
    if log is not None and is_illustrative(log):
        ws.cell(row=7, column=1, value=ILLUSTRATIVE_LABEL["vi"]).font = Font(italic=True)
    for key, heading, width, _fill in COLUMNS:
        cell = ws.cell(row=_HEADER_ROW, column=_COLUMN[key], value=heading)
        cell.font = Font(bold=True)
        cell.fill = _HEAD
        cell.border = _BOX
        cell.alignment = Alignment(wrap_text=True, vertical="center")
        ws.column_dimensions[get_column_letter(_COLUMN[key])].width = width
    ws.row_dimensions[_HEADER_ROW].height = 30
    ws.cell(row=_HEADER_ROW, column=_COLUMN["target"], value=f"Chỉ tiêu năm {month.year}")
    for n, indicator in enumerate(indicators, start=1):
        row = _HEADER_ROW + n
        total = _total(indicator, month.year, plan)
        target, _ = _core.target_in_force(indicator, plan, month.year)
        fixed = {
            "row": n,
            "indicator": indicator.id,
            "name": " ".join(indicator.name.split()),
            "how": _how(indicator, total),
            "target": target.text if target is not None else "",
            "last": _last_text(indicator, log, as_of),
        }
        for key, text in fixed.items():
            cell = ws.cell(row=row, column=_COLUMN[key], value=text if text != "" else None)
            cell.border = _BOX
            cell.alignment = Alignment(wrap_text=True, vertical="top")
        for key, _heading, _width, fill in COLUMNS:
            if fill and (
                indicator.kind == MeasureKind.Rate or key not in ("numerator", "denominator")
            ):
                _fill_cell(ws, row, key)
            elif fill:
                ws.cell(row=row, column=_COLUMN[key]).border = _BOX
        _validate_row(ws, row, indicator, total)
        # Rows as tall as their longest wrapped text (not every program sizes them itself).
        lines = max(
            math.ceil(len(str(t)) / max(COLUMNS[_COLUMN[k] - 1][2] - 2, 1))
            for k, t in fixed.items()
        )
        ws.row_dimensions[row].height = 15 * max(lines, 1)
    ws.freeze_panes = ws.cell(row=_HEADER_ROW + 1, column=_COLUMN["value"])
    ws.protection.sheet = True  # no password: it prevents slips, it is not security
    # Printed on landscape A4, all columns on one page wide.
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0


def _help_sheet(ws: Worksheet) -> None:
    ws.title = HELP_SHEET
    ws.column_dimensions["A"].width = 120
    for row, line in enumerate(_HELP_LINES, start=1):
        cell = ws.cell(row=row, column=1, value=line)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    ws["A1"].font = Font(bold=True, size=13)
    ws.protection.sheet = True


def _meta_sheet(
    ws: Worksheet,
    plan: Plan,
    calendar: ReportingCalendar,
    month: Period,
    unit: str,
    indicators: Sequence[Indicator],
    created: datetime.date,
) -> None:
    window = calendar.window(month)
    rows = (
        ("schema", TEMPLATE_SCHEMA),
        ("template_version", str(TEMPLATE_VERSION)),
        ("plan_id", plan.id),
        ("unit", unit),
        ("period", str(month)),
        ("window_first", window.first.isoformat() if window.first else ""),
        ("window_last", window.last.isoformat() if window.last else ""),
        ("deadline", calendar.unit_deadline(month).isoformat()),
        ("indicators", ";".join(i.id for i in indicators)),
        ("created", created.isoformat()),
    )
    for row, (key, value) in enumerate(rows, start=1):
        ws.cell(row=row, column=1, value=key)
        ws.cell(row=row, column=2, value=value).number_format = "@"
    ws.sheet_state = "hidden"
    ws.protection.sheet = True


def make_template(
    plan: Plan,
    month: Period | str,
    unit: str,
    log: ObservationLog | None = None,
    calendar: ReportingCalendar | None = None,
    as_of: datetime.date | None = None,
    created: datetime.date | None = None,
) -> Workbook:
    """The data-entry workbook of ``unit`` (a unit or group id of the plan) for the report of
    ``month`` (``"2026-11"``, ``Period``): one row per indicator the unit reports that month.

    ``log`` gives the "last value in force" column (the value known on ``as_of``, by default the
    window's last day); without it the column is left empty, so no invented figure reaches an
    office. Raises ``ValueError`` when the unit reports nothing that month.
    """
    plan_month = month if isinstance(month, Period) else Period.parse(month)
    if plan_month.kind != _core.PeriodKind.Month:
        raise ValueError(f'"{month}" is not a month (expected YYYY-MM)')
    calendar = calendar if calendar is not None else ReportingCalendar(plan)
    if plan.find_unit(unit) is None and plan.find_group(unit) is None:
        known = ", ".join(template_units(plan, plan_month, calendar))
        raise ValueError(f'unknown unit "{unit}" (units that report {plan_month}: {known})')
    indicators = _indicators(plan, calendar, plan_month, unit)
    if not indicators:
        known = ", ".join(template_units(plan, plan_month, calendar))
        raise ValueError(
            f'unit "{unit}" reports no indicator for {plan_month} (units that report: {known})'
        )
    window = calendar.window(plan_month)
    day = as_of if as_of is not None else (window.last or datetime.date.today())
    workbook = Workbook()
    _data_sheet(workbook.active, plan, calendar, plan_month, unit, indicators, log, day)
    _help_sheet(workbook.create_sheet())
    _meta_sheet(
        workbook.create_sheet(META_SHEET),
        plan,
        calendar,
        plan_month,
        unit,
        indicators,
        created or datetime.date.today(),
    )
    workbook.active = 0
    return workbook


def write_template(workbook: Workbook, path: str | os.PathLike[str]) -> Path:
    """Save ``workbook`` at ``path`` atomically (a temporary file in the same folder, then a
    rename); returns the path."""
    target = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent or ".")
    os.close(fd)
    try:
        workbook.save(tmp)
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return target
