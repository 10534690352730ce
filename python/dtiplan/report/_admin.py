"""The facts of the document a commune office sends (Nghị định 30/2020/NĐ-CP, shared in
docs/documents.md): who issues the monthly report, its number and type, the place and date line,
who receives it, and who signs. The plan gives the commune, the consolidating office and the
recipients (``reporting.report_recipients``: for the built-in plan, the seed plan's own "Nơi
nhận", lines 159-171 of ke-hoach-dti-dai-phuoc-2026-2030.txt, cut to the addressees of a monthly
report: the People's Committee that the office reports to, the Department of Science and
Technology that the plan reports DTI to, the units that send their figures, and the office's
own archive).
"""

from __future__ import annotations

import datetime
from typing import Any

from .._core import Plan
from ._format import unit_full_name

__all__ = [
    "DOCUMENT_TYPE",
    "document_data",
    "place_date",
    "plan_name",
    "recipients",
]

#: The type name and its abbreviation (Nghị định 30/2020, Phụ lục III: Báo cáo = BC).
DOCUMENT_TYPE = {"name": "BÁO CÁO", "code": "BC"}

#: Office codes used in the document number (…/BC-VHXH).
_OFFICE_CODES = {"VHXH": "VHXH"}


def _upper(text: str) -> str:
    return text.upper()


def place_date(place: str, day: datetime.date) -> str:
    """"Đại Phước, ngày 05 tháng 02 năm 2027": a leading zero for days below 10 and for
    months 1 and 2 (Nghị định 30/2020, Phụ lục I)."""
    month = f"{day.month:02d}" if day.month <= 2 else str(day.month)
    return f"{place}, ngày {day.day:02d} tháng {month} năm {day.year}"


def plan_name(title: str, plan_id: str) -> str:
    """"Kế hoạch duy trì, cải thiện …": the plan by its title, else by its id."""
    if not title:
        return f"kế hoạch {plan_id}"
    return f"Kế hoạch {title[:1].lower()}{title[1:]}"


def recipients(plan: Plan) -> list[str]:
    """The "Nơi nhận" of the monthly report: the plan's ``reporting.report_recipients`` (the
    built-in plan takes them from the seed's own list), else the unit the office reports to and
    the archive ("Lưu: VT, VHXH.")."""
    if plan.reporting.report_recipients:
        return list(plan.reporting.report_recipients)
    office = plan.reporting.consolidator
    code = _OFFICE_CODES.get(office, office)
    head = [f"{unit_full_name(plan, plan.reporting.recipient)};"] if plan.reporting.recipient else []
    return [*head, f"Lưu: VT, {code}."]


def document_data(plan: Plan, as_of: datetime.date, month: str) -> dict[str, Any]:
    """The administrative parts of the monthly report: the issuing body (the commune's People's
    Committee over the consolidating office), the number with its blank, the place and date,
    the recipients and the signature block."""
    office_id = plan.reporting.consolidator
    office = unit_full_name(plan, office_id)
    code = _OFFICE_CODES.get(office_id, office_id)
    return {
        "parent": _upper(f"Ủy ban nhân dân xã {plan.commune}"),
        "issuer": _upper(office),
        "number": f"Số: …/{DOCUMENT_TYPE['code']}-{code}",
        "place_date": place_date(plan.commune, as_of),
        "type": DOCUMENT_TYPE["name"],
        "subject": f"Tình hình thực hiện {plan_name(plan.title, plan.id)} {month}",
        "recipients": recipients(plan),
        "signer_title": "TRƯỞNG PHÒNG",
        "signer_name": "",
        "office": office,
        "month_text": month,
    }
