"""The plan checker through Python."""

from __future__ import annotations

import dtiplan
from dtiplan import Language, Role, Severity


def _codes(findings: list[dtiplan.Finding]) -> list[str]:
    return [f.code for f in findings]


def test_builtin_plan_has_no_errors(plan: dtiplan.Plan) -> None:
    findings = plan.check()
    assert findings == dtiplan.check_plan(plan)
    assert not dtiplan.has_errors(findings)
    assert all(isinstance(f, dtiplan.Finding) for f in findings)
    assert {f.severity for f in findings} <= {Severity.Warning, Severity.Info}


def test_section_three_rates_have_no_lead(plan: dtiplan.Plan) -> None:
    no_lead = [f for f in plan.check() if f.code == "responsibility.no-lead"]
    ids = {i for f in no_lead for i in f.indicators}
    section_three = {i.id for i in plan.indicators if i.id.startswith("III.")}
    assert ids == section_three
    assert len(ids) == 19
    assert all(f.severity == Severity.Warning for f in no_lead)


def test_ii12_conflict_cites_both_sources(plan: dtiplan.Plan) -> None:
    conflicts = [f for f in plan.check() if f.code == "target.conflict"]
    assert len(conflicts) == 1
    conflict = conflicts[0]
    assert conflict.indicators == ["II.12"]
    assert dtiplan.SourceRef("PL.II", "12") in conflict.sources
    assert dtiplan.SourceRef("III.3.c", "2") in conflict.sources
    assert "Trên 30%" in conflict.message_vi and "50%" in conflict.message_vi
    assert conflict.message(Language.English) == conflict.message_en
    assert "2026" in conflict.message_en


def test_shared_lead_of_i06(plan: dtiplan.Plan) -> None:
    shared = [f for f in plan.check() if f.code == "responsibility.shared-lead"]
    assert [f.indicators for f in shared] == [["I.06"]]
    assert set(shared[0].units) == {"VHXH", "CAX"}


def test_unknown_unit_is_an_error(plan: dtiplan.Plan) -> None:
    indicator = plan.find_indicator("I.03")
    assert indicator is not None
    indicator.assignments = [*indicator.assignments, dtiplan.Assignment("PHONG-MA", Role.Tracking)]
    plan.indicators = [indicator if i.id == "I.03" else i for i in plan.indicators]
    findings = plan.check()
    assert dtiplan.has_errors(findings)
    unknown = [f for f in findings if f.code == "unit.unknown"]
    assert len(unknown) == 1
    assert unknown[0].severity == Severity.Error
    assert unknown[0].indicators == ["I.03"]
    assert "PHONG-MA" in unknown[0].units


def test_duplicate_indicator_id_is_an_error(plan: dtiplan.Plan) -> None:
    plan.indicators = [*plan.indicators, plan.indicators[0]]
    assert "indicator.duplicate-id" in _codes(plan.check())


def test_check_is_stable(plan: dtiplan.Plan) -> None:
    assert plan.check() == plan.check()
