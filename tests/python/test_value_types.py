"""Every value type: constructor, repr, ==, copy, deepcopy and pickle, through one fixture."""

from __future__ import annotations

import copy
import datetime
import pickle
from typing import Any

import pytest

import dtiplan
from dtiplan import Comparator, Level, MeasureKind, Pillar, Role, Severity


def _examples() -> dict[str, Any]:
    plan = dtiplan.builtin_plan()
    i03 = plan.find_indicator("I.03")
    assert i03 is not None
    return {
        "SourceRef": dtiplan.SourceRef("PL.II", "12"),
        "Unit": dtiplan.Unit("VHXH", "Phòng Văn hóa - Xã hội", "Phòng VH-XH", Level.Commune),
        "UnitGroup": dtiplan.UnitGroup(
            id="TTHC",
            name="Các cơ quan, đơn vị giải quyết thủ tục hành chính xã",
            members=["VP", "VHXH", "PKT", "TTPVHCC"],
            note="Giả định",
        ),
        "TargetValue": dtiplan.TargetValue(
            kind=MeasureKind.CountOfTotal, comparator=Comparator.AtLeast, value=9, denominator=9
        ),
        "Target": i03.targets[0],
        "Assignment": dtiplan.Assignment("TTPVHCC", Role.Lead, "ghi chú"),
        "ResponsibilityText": i03.responsibility_text,
        "Indicator": i03,
        "Goal": plan.goal,
        "ReportingRules": plan.reporting,
        "Plan": plan,
        "Finding": next(f for f in plan.check() if f.code == "target.conflict"),
        "Responsibility": dtiplan.Responsibility("II.12", Role.Tracking, ""),
        "Workload": dtiplan.Workload("VHXH", 3, 16, 10, 0, 0),
        **_tracking_examples(plan),
    }


def _tracking_examples(plan: dtiplan.Plan) -> dict[str, Any]:
    """Observations, the calendar, frameworks and scoring (item 8 of the issue)."""
    log = dtiplan.example_observations(plan)
    framework = dtiplan.builtin_framework()
    as_of = datetime.date(2026, 3, 25)
    calendar = dtiplan.ReportingCalendar(plan)
    statuses = calendar.status("2026-03", log, as_of)
    cqs = framework.find_main("CQS")
    assert cqs is not None
    card = dtiplan.score_log(framework, plan, log, as_of)
    cov = dtiplan.coverage(framework, plan)
    return {
        "Period": dtiplan.Period("Quý I/2026"),
        "Evidence": dtiplan.Evidence("BC-12/2026", "Báo cáo tháng 3, số liệu Cổng DVC", "Hồ sơ lưu VT"),
        "ObservedValue": dtiplan.ObservedValue(0.94, 188, 200),
        "Observation": log.all()[0],
        "ObservationLog": log,
        "Obligation": statuses[-1].obligation,
        "ReportStatus": next(s for s in statuses if s.state == dtiplan.ReportState.Late),
        "Step": dtiplan.Step(0.75, 15),
        "ScoreLevel": dtiplan.ScoreLevel(0.5, 0.5, "Phó Chủ tịch"),
        "ScoringRule": framework.find_component("NTS.02").rule,
        "Component": cqs.components[0],
        "MainIndicator": cqs,
        "Framework": framework,
        "ComponentScore": card.components[0],
        "MainScore": card.mains[0],
        "ScoreCard": card,
        "CoverageGap": cov.untracked_components[0],
        "Coverage": cov,
        "Attainment": next(a for a in dtiplan.attainment(plan, log, as_of) if a.indicator == "II.12"),
        "UnitScorecard": dtiplan.unit_scorecards(plan, framework, log, calendar, as_of)[0],
    }


EXAMPLES = _examples()

# A field of each class to change, and a new value for it.
CHANGES: dict[str, tuple[str, Any]] = {
    "SourceRef": ("item", "13"),
    "Unit": ("level", Level.Upper),
    "UnitGroup": ("members", ["VP"]),
    "TargetValue": ("denominator", None),
    "Target": ("year", 2030),
    "Assignment": ("role", Role.Coordinating),
    "ResponsibilityText": ("tracking", "Phòng VH-XH"),
    "Indicator": ("pillar", Pillar.Society),
    "Goal": ("top", 5),
    "ReportingRules": ("consolidator", "VP"),
    "Plan": ("commune", "Tam Phước"),
    "Finding": ("severity", Severity.Error),
    "Responsibility": ("via", "ALL"),
    "Workload": ("sole_lead", 1),
    "Period": ("index", 2),
    "Evidence": ("location", "Cổng DVC"),
    "ObservedValue": ("numerator", None),
    "Observation": ("unit", "VHXH"),
    "ObservationLog": ("observations", []),
    "Obligation": ("deadline", datetime.date(2026, 3, 23)),
    "ReportStatus": ("submitted", None),
    "Step": ("points", 10.0),
    "ScoreLevel": ("label", "Chủ tịch"),
    "ScoringRule": ("steps", []),
    "Component": ("indicators", ["I.03"]),
    "MainIndicator": ("name_en", "E-government"),
    "Framework": ("name", "Bộ chỉ số chính thức của tỉnh"),
    "ComponentScore": ("value", 0.5),
    "MainScore": ("points", 1.0),
    "ScoreCard": ("mains", []),
    "CoverageGap": ("indicator", "I.03"),
    "Coverage": ("untracked_by_main", {"NTS": 0.0}),
    "Attainment": ("met", None),
    "UnitScorecard": ("rank", 9),
}


@pytest.fixture(params=sorted(EXAMPLES))
def value(request: pytest.FixtureRequest) -> Any:
    return copy.copy(EXAMPLES[request.param])


def test_every_value_type_is_covered() -> None:
    assert set(EXAMPLES) == set(CHANGES)
    for name, example in EXAMPLES.items():
        assert type(example) is getattr(dtiplan, name)


def test_equal_to_itself_and_to_a_copy(value: Any) -> None:
    assert value == value
    assert not (value != copy.copy(value))  # noqa: SIM202 - __ne__ is under test
    assert value != "không phải"
    assert type(value).__hash__ is None


def test_repr_names_the_python_class(value: Any) -> None:
    text = repr(value)
    assert text.startswith(type(value).__name__ + "(")
    assert text.endswith(")")
    assert "\n" not in text


def test_repr_of_a_subclass_names_the_subclass() -> None:
    class KeHoach(dtiplan.Plan):
        pass

    assert repr(KeHoach(id="x")).startswith("KeHoach(")


def test_copy_is_independent(value: Any) -> None:
    field, new = CHANGES[type(value).__name__]
    duplicate = copy.copy(value)
    assert duplicate == value and duplicate is not value
    setattr(duplicate, field, new)
    assert getattr(duplicate, field) == new
    assert duplicate != value


def test_deepcopy(value: Any) -> None:
    duplicate = copy.deepcopy(value)
    assert duplicate == value and duplicate is not value
    assert copy.deepcopy([value, value]) == [value, value]


@pytest.mark.parametrize("protocol", range(2, pickle.HIGHEST_PROTOCOL + 1))
def test_pickle_round_trip(value: Any, protocol: int) -> None:
    restored = pickle.loads(pickle.dumps(value, protocol=protocol))
    assert type(restored) is type(value)
    assert restored == value


def test_pickle_state_is_versioned(value: Any) -> None:
    state = value.__getstate__()
    assert isinstance(state, tuple)
    assert state[0] == 1
    with pytest.raises(ValueError, match="version 1"):
        type(value).__new__(type(value)).__setstate__((99, *state[1:]))


def test_keyword_constructor_round_trip(value: Any) -> None:
    cls = type(value)
    state = value.__getstate__()[1:]
    assert cls(*state) == value
    assert cls() == cls()


def test_defaults() -> None:
    assert dtiplan.Goal().top == 10
    assert dtiplan.Goal().of == 95
    assert dtiplan.ReportingRules().unit_report_before_day == 20
    assert dtiplan.ReportingRules().consolidated_report_before_day == 25
    assert dtiplan.Plan().start_year == 2026
    assert dtiplan.Assignment().role == Role.Lead
    assert dtiplan.TargetValue().denominator is None


def test_representative_reprs() -> None:
    assert repr(EXAMPLES["SourceRef"]) == 'SourceRef("PL.II", "12")'
    assert repr(EXAMPLES["Plan"]).startswith('Plan("dai-phuoc-2026-2030", "Đại Phước"')
    assert "Trên 80%" in repr(EXAMPLES["Target"])
    assert repr(EXAMPLES["Workload"]) == (
        "Workload(unit='VHXH', lead=3, coordinating=16, tracking=10, upper_lead=0, sole_lead=0)"
    )
    assert repr(EXAMPLES["Period"]) == "Period('2026-Q1')"
    assert repr(EXAMPLES["ObservationLog"]) == "ObservationLog(475 observations, 433 effective)"
    assert "submitted=datetime.date(2026, 1, 15)" in repr(EXAMPLES["Observation"])
    assert repr(EXAMPLES["Step"]) == "Step(threshold=0.75, points=15.0)"
    assert "period=Period('2026-03')" in repr(EXAMPLES["Attainment"])


def test_tracking_defaults() -> None:
    assert dtiplan.Period() == dtiplan.Period(dtiplan.PeriodKind.Month, 0, 1)
    assert dtiplan.Observation().submitted is None
    assert dtiplan.Obligation().deadline is None
    assert dtiplan.ReportStatus().state == dtiplan.ReportState.NotYetDue
    assert dtiplan.ScoringRule().kind == dtiplan.RuleKind.Proportional
    assert len(dtiplan.ObservationLog()) == 0
