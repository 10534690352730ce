"""``dtiplan collect``: what a collection read, what it changed in the observations file, the
conflicts left to decide, and who has sent, who has not and who was late.

:func:`collection_data` builds the data (the JSON output as it is); :func:`collection_text` and
:func:`collection_csv` render it.
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, Any, TextIO

from .._core import Observation, Period, Plan, ReportingCalendar
from ._format import (
    csv_cell,
    csv_writer,
    date_text,
    from_iso,
    iso,
    observed_text,
    period_name,
    text_table,
    unit_label,
)

if TYPE_CHECKING:
    from ..collect import Collection

__all__ = ["collection_csv", "collection_data", "collection_text"]

_WORDS: dict[str, dict[str, str]] = {
    "vi": {
        "title": "Thu số liệu vào {file}, ngày {date}",
        "check": "Chạy thử (--check): chưa ghi gì vào {file}.",
        "written": "Đã ghi thêm {n} số liệu vào {file} (số liệu cũ giữ nguyên).",
        "nothing": "Không có số liệu mới: {file} giữ nguyên.",
        "files": "Tệp đã đọc",
        "file": "Tệp",
        "unit": "Đơn vị",
        "period": "Kỳ",
        "submitted": "Ngày gửi",
        "figures": "Số liệu",
        "from_option": "theo --submitted",
        "from_sheet": "ghi trong tệp",
        "from_file": "ngày sửa tệp",
        "rejected": "Tệp bị từ chối (sửa rồi gửi lại)",
        "skipped": "Bỏ qua (không phải mẫu số liệu): {files}",
        "changes": "Thay đổi so với lần thu trước",
        "indicator": "Chỉ tiêu",
        "before": "Trước",
        "after": "Nay",
        "change": "Thay đổi",
        "new": "mới",
        "replaced": "thay số cũ",
        "confirmed": "gửi lại, không đổi",
        "already": "đã có, không ghi lại",
        "set-aside": "không dùng (--prefer tệp khác)",
        "no_changes": "Không có thay đổi.",
        "already_count": "{n} số liệu đã có trong tệp, không ghi lại.",
        "conflicts": "Xung đột: chưa ghi, chọn tệp đúng bằng --prefer TỆP",
        "returns": "Tình hình gửi số liệu {month} (hạn {deadline})",
        "reports": "Báo cáo",
        "sent": "Đã gửi",
        "state": "Tình trạng",
        "all_sent": "đã gửi đủ",
        "some_sent": "gửi thiếu",
        "none_sent": "chưa gửi",
        "late": ", trễ {n} ngày",
        "not_due": " (chưa đến hạn)",
        "summary": "Đã gửi đủ: {sent}. Chưa gửi đủ: {missing}. Trễ hạn: {late}.",
        "none": "không",
    },
    "en": {
        "title": "Collecting into {file}, on {date}",
        "check": "Dry run (--check): nothing written to {file}.",
        "written": "Added {n} figures to {file} (earlier figures kept as they were).",
        "nothing": "No new figure: {file} unchanged.",
        "files": "Files read",
        "file": "File",
        "unit": "Unit",
        "period": "Period",
        "submitted": "Submitted",
        "figures": "Figures",
        "from_option": "from --submitted",
        "from_sheet": "written in the file",
        "from_file": "file modified",
        "rejected": "Files rejected (to correct and send again)",
        "skipped": "Skipped (not a template): {files}",
        "changes": "Changes since the last collection",
        "indicator": "Indicator",
        "before": "Before",
        "after": "Now",
        "change": "Change",
        "new": "new",
        "replaced": "replaces the earlier figure",
        "confirmed": "sent again, unchanged",
        "already": "already recorded",
        "set-aside": "not used (--prefer chose another file)",
        "no_changes": "No change.",
        "already_count": "{n} figures already in the file, not added again.",
        "conflicts": "Conflicts: not recorded, choose the right file with --prefer FILE",
        "returns": "Returns for {month} (deadline {deadline})",
        "reports": "Reports",
        "sent": "Sent",
        "state": "State",
        "all_sent": "all sent",
        "some_sent": "partly sent",
        "none_sent": "not sent",
        "late": ", {n} days late",
        "not_due": " (not yet due)",
        "summary": "All sent: {sent}. Not all sent: {missing}. Late: {late}.",
        "none": "none",
    },
}


def _value(plan: Plan, o: Observation | None, lang: str) -> str:
    if o is None:
        return ""
    indicator = plan.find_indicator(o.indicator)
    return str(o.value.value) if indicator is None else observed_text(indicator, o.value, lang)


def collection_data(
    result: Collection, plan: Plan, as_of: datetime.date, lang: str = "vi"
) -> dict[str, Any]:
    """``dtiplan collect --format json``: the files read and rejected, the changes, the
    conflicts and each unit's return per month."""
    calendar = ReportingCalendar(plan)
    return {
        "observations": str(result.observations),
        "as_of": iso(as_of),
        "check": result.check,
        "written": result.written,
        "added": result.added,
        "files": [
            {
                "file": str(t.path),
                "unit": t.unit,
                "unit_name": unit_label(plan, t.unit),
                "period": str(t.period),
                "submitted": iso(t.submitted),
                "submitted_from": t.submitted_from,
                "figures": len(t.figures),
            }
            for t in result.templates
        ],
        "rejected": [{"file": str(f), "problems": p} for f, p in result.rejected.items()],
        "skipped": [str(f) for f in result.skipped],
        "changes": [
            {
                "kind": c.kind,
                "file": str(c.file),
                "unit": c.observation.unit,
                "unit_name": unit_label(plan, c.observation.unit),
                "indicator": c.observation.indicator,
                "period": str(c.observation.period),
                "before": _value(plan, c.before, lang) or None,
                "before_submitted": iso(c.before.submitted) if c.before is not None else None,
                "after": _value(plan, c.observation, lang),
                "submitted": iso(c.observation.submitted),
            }
            for c in result.changes
        ],
        "conflicts": [
            {
                "unit": c.unit,
                "unit_name": unit_label(plan, c.unit),
                "indicator": c.indicator,
                "period": str(c.period),
                "figures": [
                    {"file": str(p), "value": _value(plan, o, lang), "submitted": iso(o.submitted)}
                    for p, o in c.figures
                ],
            }
            for c in result.conflicts
        ],
        "returns": [
            {
                "month": str(r.month),
                "unit": r.unit,
                "unit_name": unit_label(plan, r.unit),
                "reports": r.reports,
                "submitted": r.submitted,
                "late": r.late,
                "days_late": r.days_late,
                "due": r.due,
                "state": "all-sent"
                if r.submitted == r.reports
                else ("none-sent" if r.submitted == 0 else "some-sent"),
            }
            for r in result.units
        ],
        "deadlines": {str(r.month): iso(calendar.unit_deadline(r.month)) for r in result.units},
    }


def _return_state(r: dict[str, Any], lang: str) -> str:
    words = _WORDS[lang]
    text = {
        "all-sent": words["all_sent"],
        "some-sent": words["some_sent"],
        "none-sent": words["none_sent"],
    }[r["state"]]
    if r["late"]:
        text += words["late"].format(n=r["days_late"])
    if r["state"] != "all-sent" and not r["due"]:
        text += words["not_due"]
    return text


def collection_text(data: dict[str, Any], lang: str = "vi") -> str:
    """The collection as text: what was written, files, rejections, changes, conflicts, and
    who has sent."""
    words = _WORDS[lang]
    file = data["observations"]
    lines = [words["title"].format(file=file, date=date_text(from_iso(data["as_of"]), lang))]
    if data["check"]:
        lines.append(words["check"].format(file=file))
    elif data["written"]:
        lines.append(words["written"].format(n=data["added"], file=file))
    else:
        lines.append(words["nothing"].format(file=file))
    if data["files"]:
        lines += ["", words["files"]]
        source = {
            "option": words["from_option"],
            "sheet": words["from_sheet"],
            "file": words["from_file"],
        }
        rows = [
            [
                f["file"],
                f["unit_name"],
                period_name(_period(f["period"]), lang),
                f"{date_text(from_iso(f['submitted']), lang)} ({source[f['submitted_from']]})",
                str(f["figures"]),
            ]
            for f in data["files"]
        ]
        heads = [
            words["file"],
            words["unit"],
            words["period"],
            words["submitted"],
            words["figures"],
        ]
        lines += text_table(heads, rows, indent="  ", right=[False] * 4 + [True])
    if data["rejected"]:
        lines += ["", words["rejected"]]
        for r in data["rejected"]:
            lines += [f"  {p}" for p in r["problems"]]
    if data["skipped"]:
        lines += ["", words["skipped"].format(files=", ".join(data["skipped"]))]
    lines += ["", words["changes"]]
    changes = [c for c in data["changes"] if c["kind"] != "already"]
    already = len(data["changes"]) - len(changes)
    if changes:
        rows = [
            [
                c["unit_name"],
                c["indicator"],
                period_name(_period(c["period"]), lang),
                c["before"] or "",
                c["after"],
                words[c["kind"]],
            ]
            for c in changes
        ]
        heads = [
            words["unit"],
            words["indicator"],
            words["period"],
            words["before"],
            words["after"],
            words["change"],
        ]
        lines += text_table(heads, rows, indent="  ")
    else:
        lines.append("  " + words["no_changes"])
    if already:
        lines.append("  " + words["already_count"].format(n=already))
    if data["conflicts"]:
        lines += ["", words["conflicts"]]
        for c in data["conflicts"]:
            choices = "; ".join(f"{f['file']}: {f['value']}" for f in c["figures"])
            lines.append(
                f"  {c['unit_name']} · {c['indicator']} · "
                f"{period_name(_period(c['period']), lang)}: {choices}"
            )
    for month in dict.fromkeys(r["month"] for r in data["returns"]):
        returns = [r for r in data["returns"] if r["month"] == month]
        deadline = date_text(from_iso(data["deadlines"][month]), lang)
        lines += [
            "",
            words["returns"].format(month=period_name(_period(month), lang), deadline=deadline),
        ]
        rows = [
            [r["unit_name"], str(r["reports"]), str(r["submitted"]), _return_state(r, lang)]
            for r in returns
        ]
        heads = [words["unit"], words["reports"], words["sent"], words["state"]]
        lines += text_table(heads, rows, indent="  ", right=[False, True, True, False])
        none = words["none"]
        sent = [r["unit_name"] for r in returns if r["state"] == "all-sent"]
        missing = [r["unit_name"] for r in returns if r["state"] != "all-sent"]
        late = [r["unit_name"] for r in returns if r["late"]]
        lines.append(
            "  "
            + words["summary"].format(
                sent=" · ".join(sent) or none,
                missing=" · ".join(missing) or none,
                late=" · ".join(late) or none,
            )
        )
    return "\n".join(lines) + "\n"


def _period(text: str) -> Period:
    return Period.parse(text)


def collection_csv(data: dict[str, Any], out: TextIO, lang: str = "vi") -> None:
    """The changes and conflicts as one CSV table: kind, file, unit, indicator, period, before,
    after, submitted."""
    writer = csv_writer(out)
    writer.writerow(["kind", "file", "unit", "indicator", "period", "before", "after", "submitted"])
    for c in data["changes"]:
        writer.writerow(
            [
                csv_cell(c[k])
                for k in (
                    "kind",
                    "file",
                    "unit",
                    "indicator",
                    "period",
                    "before",
                    "after",
                    "submitted",
                )
            ]
        )
    for c in data["conflicts"]:
        for f in c["figures"]:
            writer.writerow(
                [
                    "conflict",
                    f["file"],
                    c["unit"],
                    c["indicator"],
                    c["period"],
                    "",
                    f["value"],
                    f["submitted"],
                ]
            )
