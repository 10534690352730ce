"""DataFrames of a plan: indicators, targets, responsibilities, matrix, workload, findings."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

import dtiplan
from dtiplan import Role


def test_indicators_frame(plan: dtiplan.Plan) -> None:
    frame = dtiplan.indicators_frame(plan)
    assert len(frame) == 38
    assert list(frame.columns[:6]) == ["id", "section", "name", "pillar", "kind", "direction"]
    assert {"target_2026", "target_2030", "lead", "upper_lead", "task", "sources"} <= set(
        frame.columns
    )
    ids = frame["id"]
    assert ids.is_unique
    assert ids.str.match(r"^I\.\d").sum() == 6
    assert ids.str.match(r"^II\.\d").sum() == 13
    assert ids.str.match(r"^III\.").sum() == 19
    row = frame.set_index("id").loc["I.03"]
    assert row["name"] == "Tỷ lệ sử dụng dịch vụ công trực tuyến của người dân và doanh nghiệp"
    assert row["target_2026"] == "Trên 80%"
    assert row["target_2030"] == "100%"
    assert row["lead"] == "TTPVHCC"
    assert row["section"] == "I"
    assert row["pillar"] == "government"
    assert "Phụ lục I, STT 03" in row["sources"]
    assert frame.set_index("id").loc["III.3.a.05", "section"] == "III.3.a"
    assert frame.set_index("id").loc["II.12", "upper_lead"] == "DTNT"
    assert pd.isna(frame.set_index("id").loc["III.3.b.01", "target_2030"])


def test_targets_frame(plan: dtiplan.Plan) -> None:
    frame = dtiplan.targets_frame(plan)
    assert list(frame.columns) == [
        "indicator",
        "year",
        "text",
        "comparator",
        "value",
        "denominator",
        "kind",
        "basis",
        "aspirational",
        "source",
        "year_inferred",
    ]
    assert len(frame) == sum(len(i.targets) for i in plan.indicators)
    assert frame["year"].dtype == np.int64
    assert frame["value"].dtype == np.float64
    assert frame["year_inferred"].dtype == bool
    i03 = frame[(frame["indicator"] == "I.03") & (frame["year"] == 2026)]
    first = i03.iloc[0]
    assert first["text"] == "Trên 80%"
    assert first["comparator"] == "above"
    assert first["value"] == pytest.approx(0.8)
    assert first["value"] > 0.8 - 1e-12 and not first["value"] > 0.8 + 1e-12
    assert first["kind"] == "rate"
    assert first["source"] == "Phụ lục I, STT 03"
    assert not first["year_inferred"]
    assert i03.iloc[1]["year_inferred"]  # "đạt trên 80%" of section III.3.a
    ii12 = frame[(frame["indicator"] == "II.12") & (frame["year"] == 2026)]
    assert len(ii12) == 2
    assert sorted(ii12["value"].round(2)) == [0.3, 0.5]
    nine = frame[frame["text"].str.startswith("Ứng dụng 9/9")].iloc[0]
    assert (nine["kind"], nine["value"], nine["denominator"]) == ("count-of-total", 9.0, 9.0)
    assert frame["denominator"].isna().sum() == len(frame) - 1


def test_responsibilities_frame(plan: dtiplan.Plan) -> None:
    frame = dtiplan.responsibilities_frame(plan)
    assert list(frame.columns) == ["indicator", "unit", "unit_name", "role", "via"]
    i06_leads = frame[(frame["indicator"] == "I.06") & (frame["role"] == "lead")]
    assert list(i06_leads["unit"]) == ["VHXH", "CAX"]
    assert list(i06_leads["via"]) == ["", ""]
    # I.01 is led by the group "ALL": every member unit leads it through the group.
    i01 = frame[(frame["indicator"] == "I.01") & (frame["role"] == "lead")]
    assert len(i01) > 1 and set(i01["via"]) == {"ALL"}
    vhxh = frame[frame["unit"] == "VHXH"]
    assert set(vhxh["unit_name"]) == {"Phòng VH-XH"}
    # Rows follow the plan's order of indicators.
    order = {ind.id: k for k, ind in enumerate(plan.indicators)}
    positions = [order[i] for i in frame["indicator"]]
    assert positions == sorted(positions)
    assert not frame["indicator"].str.startswith("III.").any()


def test_responsibility_matrix_bitmasks(plan: dtiplan.Plan) -> None:
    frame = dtiplan.responsibility_matrix(plan)
    assert frame.shape == (38, len(plan.units))
    assert frame.index.name == "indicator" and frame.columns.name == "unit"
    assert list(frame.columns) == [u.id for u in plan.units]
    assert frame.loc["I.03", "TTPVHCC"] & dtiplan.role_bit(Role.Lead)
    assert frame.loc["II.12", "DTNT"] == dtiplan.role_bit(Role.UpperLead)
    assert frame.loc["II.02", "VHXH"] == dtiplan.role_bit(Role.Coordinating) | dtiplan.role_bit(
        Role.Tracking
    )
    assert (frame.loc["III.3.b.01"] == 0).all()
    assert frame.to_numpy().dtype == np.int64


@pytest.mark.parametrize("role", [Role.Lead, "lead"])
def test_responsibility_matrix_one_role(plan: dtiplan.Plan, role: Role | str) -> None:
    frame = dtiplan.responsibility_matrix(plan, role)
    assert set(np.unique(frame.to_numpy())) <= {0, 1}
    assert frame.loc["I.06", "VHXH"] == 1 and frame.loc["I.06", "CAX"] == 1
    assert frame.loc["II.12", "DTNT"] == 0


def test_workload_frame(plan: dtiplan.Plan) -> None:
    frame = dtiplan.workload_frame(plan)
    assert list(frame["unit"]) == [u.id for u in plan.units]
    assert list(frame.columns) == [
        "unit",
        "name",
        "short_name",
        "level",
        "lead",
        "coordinating",
        "tracking",
        "upper_lead",
        "sole_lead",
        "total",
    ]
    vhxh = frame.set_index("unit").loc["VHXH"]
    assert vhxh["name"] == "Phòng Văn hóa - Xã hội"
    assert vhxh["short_name"] == "Phòng VH-XH"
    assert vhxh["total"] == vhxh[["lead", "coordinating", "tracking", "upper_lead"]].sum()
    assert frame.set_index("unit").loc["SKHCN", "level"] == "upper"
    matrix = dtiplan.responsibility_matrix(plan, Role.UpperLead)
    assert (frame.set_index("unit")["upper_lead"] == matrix.sum()).all()


def test_findings_frame(plan: dtiplan.Plan) -> None:
    findings = plan.check()
    frame = dtiplan.findings_frame(findings)
    assert len(frame) == len(findings)
    assert list(frame.columns) == [
        "severity",
        "code",
        "message_vi",
        "message_en",
        "indicators",
        "units",
        "sources",
    ]
    conflict = frame[frame["code"] == "target.conflict"].iloc[0]
    assert conflict["indicators"] == "II.12"
    assert "Phụ lục II, STT 12" in conflict["sources"]
    assert "Mục III.3.c, ý 2" in conflict["sources"]
    empty = dtiplan.findings_frame([])
    assert empty.empty and list(empty.columns) == list(frame.columns)
