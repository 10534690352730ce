"""The monthly reporting calendar: obligations, deadlines, shifts, holidays and statuses."""

from __future__ import annotations

import datetime as dt

import pytest

import dtiplan
from dtiplan import DeadlineShift, Language, ReportState


def _log(*rows: tuple[str, str, float, str, str]) -> dtiplan.ObservationLog:
    """A log of (indicator, month, value, unit, submitted) rows."""
    return dtiplan.ObservationLog(
        [
            dtiplan.Observation(
                indicator=ind,
                period=month,
                value=dtiplan.ObservedValue(value),
                unit=unit,
                submitted=submitted,
            )
            for ind, month, value, unit, submitted in rows
        ]
    )


def test_deadlines_of_a_month(plan: dtiplan.Plan) -> None:
    cal = dtiplan.ReportingCalendar(plan)
    assert cal.shift == DeadlineShift.Keep
    # "trước ngày 20" / "trước ngày 25": the last days on time are the 19th and the 24th
    assert cal.unit_deadline("2026-03") == dt.date(2026, 3, 19)
    assert cal.consolidated_deadline(dtiplan.Period.month(2026, 3)) == dt.date(2026, 3, 24)
    obligations = cal.obligations("tháng 3/2026")
    assert len(obligations) == 22  # 21 unit reports + Phòng VH-XH's consolidated report
    assert obligations[-1].consolidated and obligations[-1].unit == "VHXH"
    assert obligations[-1].indicator == ""
    assert {o.unit for o in obligations} == {"VHXH", "CAX", "PKT", "TTPVHCC", "ALL"}
    assert cal.indicators_reported_by("TTPVHCC") == ["I.03", "I.04", "I.05", "II.03"]
    assert cal.obligations("2031-03") == []
    with pytest.raises(dtiplan.ValidationError):
        cal.obligations("2026-Q1")


@pytest.mark.parametrize(
    ("shift", "deadline"),
    [
        (DeadlineShift.Keep, dt.date(2026, 9, 19)),  # a Saturday
        (DeadlineShift.Earlier, dt.date(2026, 9, 18)),
        (DeadlineShift.Later, dt.date(2026, 9, 21)),
        ("earlier", dt.date(2026, 9, 18)),
        ("later", dt.date(2026, 9, 21)),
    ],
)
def test_weekend_shift(plan: dtiplan.Plan, shift: DeadlineShift | str, deadline: dt.date) -> None:
    assert dtiplan.reporting_calendar(plan, shift).unit_deadline("2026-09") == deadline


def test_holidays() -> None:
    holidays = dtiplan.HolidayCalendar()
    assert holidays.holiday_name(dt.date(2026, 4, 30)) == "Ngày Chiến thắng"
    assert holidays.holiday_name(dt.date(2026, 9, 2)) == "Quốc khánh"
    assert holidays.holiday_name(dt.date(2026, 2, 17)) is None
    holidays.add(dt.date(2026, 2, 17), "Tết Nguyên đán")
    assert holidays.is_holiday(dt.date(2026, 2, 17))
    assert not holidays.is_working_day(dt.date(2026, 2, 17))
    assert dtiplan.HolidayCalendar.is_weekend(dt.date(2026, 9, 19))


def test_tet_moves_february(plan: dtiplan.Plan) -> None:
    tet = [(dt.date(2026, 2, d), "Tết Bính Ngọ") for d in range(16, 21)]
    assert dtiplan.reporting_calendar(plan, "earlier", tet).unit_deadline("2026-02") == dt.date(2026, 2, 13)
    assert dtiplan.reporting_calendar(plan, "later", tet).unit_deadline("2026-02") == dt.date(2026, 2, 23)
    with pytest.raises(ValueError, match="sớm hơn"):
        dtiplan.reporting_calendar(plan, "sớm hơn")


def test_statuses_on_a_date(plan: dtiplan.Plan) -> None:
    cal = dtiplan.ReportingCalendar(plan)
    log = _log(
        ("I.03", "2026-03", 0.82, "TTPVHCC", "2026-03-19"),  # on the deadline: on time
        ("I.04", "2026-03", 0.90, "TTPVHCC", "2026-03-22"),  # 3 days late
        ("I.05", "2026-03", 0.70, "", "2026-03-10"),  # no unit named: counts for the lead
    )
    by = {(s.obligation.unit, s.obligation.indicator): s for s in cal.status("2026-03", log, dt.date(2026, 3, 25))}
    assert by[("TTPVHCC", "I.03")].state == ReportState.OnTime
    late = by[("TTPVHCC", "I.04")]
    assert (late.state, late.days_late, late.submitted) == (ReportState.Late, 3, dt.date(2026, 3, 22))
    assert by[("TTPVHCC", "I.05")].state == ReportState.OnTime
    assert by[("TTPVHCC", "II.03")].state == ReportState.Missing
    assert by[("VHXH", "")].state == ReportState.Missing  # consolidated: not every unit reported
    # seen on the deadline day, nothing is missing yet; the late report was not yet known
    early = {(s.obligation.unit, s.obligation.indicator): s for s in cal.status("2026-03", log, dt.date(2026, 3, 19))}
    assert early[("TTPVHCC", "I.04")].state == ReportState.NotYetDue
    assert early[("TTPVHCC", "I.04")].submitted is None


def test_report_state_words() -> None:
    assert ReportState.Late.spelling == "late"
    assert ReportState.from_spelling("not-yet-due") == ReportState.NotYetDue
    assert ReportState.OnTime.label() == "đúng hạn"
    assert ReportState.Missing.label(Language.English) == "missing"
    with pytest.raises(ValueError):
        ReportState.from_spelling("tre")


def test_deadlines_frame(plan: dtiplan.Plan) -> None:
    cal = dtiplan.ReportingCalendar(plan)
    log = _log(("I.04", "2026-03", 0.90, "TTPVHCC", "2026-03-22"))
    frame = dtiplan.deadlines_frame(cal, "2026-03", log, dt.date(2026, 3, 25), plan)
    assert list(frame.columns) == [
        "unit",
        "unit_name",
        "indicator",
        "period",
        "deadline",
        "consolidated",
        "state",
        "days_late",
        "submitted",
    ]
    assert len(frame) == 22
    row = frame[(frame.unit == "TTPVHCC") & (frame.indicator == "I.04")].iloc[0]
    assert row.unit_name == "TT PVHCC"
    assert (row.state, row.days_late) == ("late", 3)
    assert row.deadline == dt.datetime(2026, 3, 19)
    assert frame.consolidated.sum() == 1
    assert set(frame.state) == {"late", "missing"}
    assert frame.submitted.isna().sum() == 21


def test_upcoming(plan: dtiplan.Plan) -> None:
    cal = dtiplan.ReportingCalendar(plan)
    upcoming = cal.upcoming(dt.date(2026, 3, 20), 3)
    assert upcoming[0].consolidated and upcoming[0].deadline == dt.date(2026, 3, 24)
    assert upcoming[1].deadline == dt.date(2026, 4, 19)
    frame = dtiplan.upcoming_frame(cal, dt.date(2026, 3, 20), limit=23, plan=plan)
    assert len(frame) == 23
    assert frame.period.tolist()[:2] == ["2026-03", "2026-04"]
    assert cal.upcoming(dt.date(2031, 1, 1), 5) == []


def test_example_observations_have_late_and_missing_reports(plan: dtiplan.Plan) -> None:
    cal = dtiplan.ReportingCalendar(plan)
    frame = dtiplan.deadlines_frame(
        cal, "2026-03", dtiplan.example_observations(plan), dt.date(2026, 3, 25), plan
    )
    states = frame.state.value_counts().to_dict()
    assert states["on-time"] >= 10
    assert states.get("late", 0) >= 1 and states.get("missing", 0) >= 1
