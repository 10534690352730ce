"""The public API: names, version, enums and target phrases."""

from __future__ import annotations

import enum
import importlib.metadata
import math

import pytest

import dtiplan
from dtiplan import Comparator, Language, MeasureKind, Pillar, Role, Severity


def test_all_names_exist() -> None:
    for name in dtiplan.__all__:
        assert hasattr(dtiplan, name), name
    assert len(set(dtiplan.__all__)) == len(dtiplan.__all__)


def test_version_matches_package_metadata() -> None:
    assert dtiplan.__version__ == importlib.metadata.version("dtiplan")
    assert dtiplan.__version__ == dtiplan._core.__version__


def test_public_functions() -> None:
    plan = dtiplan.builtin_plan()
    assert isinstance(plan, dtiplan.Plan)
    assert plan.commune == "Đại Phước"
    assert plan.province == "Đồng Nai"
    assert plan.goal.top == 10 and plan.goal.of == 95
    assert plan.milestones == [2026, 2030]
    assert dtiplan.builtin_plan() == plan
    assert dtiplan.plan_from_json(dtiplan.builtin_plan_json(), "<built-in>") == plan
    assert isinstance(plan.check(), list)


def test_builtin_plan_is_a_fresh_copy() -> None:
    plan = dtiplan.builtin_plan()
    plan.commune = "Tam Phước"
    assert dtiplan.builtin_plan().commune == "Đại Phước"


@pytest.mark.parametrize(
    "cls", [Language, dtiplan.Level, Role, Pillar, MeasureKind, Comparator, dtiplan.Direction, Severity]
)
def test_enums_are_python_enums(cls: type[enum.Enum]) -> None:
    assert issubclass(cls, enum.Enum)
    assert cls.__module__ == "dtiplan._core"


@pytest.mark.parametrize(
    ("cls", "spellings"),
    [
        (dtiplan.Level, ["commune", "upper"]),
        (Role, ["lead", "coordinating", "tracking", "upper-lead"]),
        (
            Pillar,
            [
                "awareness",
                "institution",
                "infrastructure",
                "workforce",
                "security",
                "government",
                "economy",
                "society",
            ],
        ),
        (MeasureKind, ["rate", "count-of-total", "yes-no", "milestone"]),
        (Comparator, ["at-least", "above", "exactly"]),
        (dtiplan.Direction, ["increase", "decrease"]),
        (Severity, ["info", "warning", "error"]),
    ],
)
def test_enum_file_spellings(cls: type[enum.Enum], spellings: list[str]) -> None:
    assert [m.spelling for m in cls] == spellings  # type: ignore[attr-defined]
    for member, spelling in zip(cls, spellings):
        assert cls.from_spelling(spelling) is member  # type: ignore[attr-defined]
    with pytest.raises(ValueError, match="không-có"):
        cls.from_spelling("không-có")  # type: ignore[attr-defined]


def test_enum_labels() -> None:
    assert Role.Lead.label() == "chủ trì"
    assert Role.Lead.label(Language.English) == "lead"
    assert Role.UpperLead.label() == "chủ trì cấp trên"
    assert Pillar.Government.label() == "Hoạt động chính quyền số"
    assert Pillar.Government.label(Language.English) == "Digital government"
    assert Severity.Warning.label() == "cảnh báo"
    assert MeasureKind.YesNo.label(lang=Language.English) == "yes/no"


def test_role_bits() -> None:
    assert [dtiplan.role_bit(r) for r in Role] == [1, 2, 4, 8]


def test_parse_target_above_eighty_percent() -> None:
    value = dtiplan.parse_target("Trên 80%")
    assert value == dtiplan.parse_target_phrase("Trên 80%")
    assert value.kind == MeasureKind.Rate
    assert value.comparator == Comparator.Above
    assert value.value == pytest.approx(0.8)
    assert value.denominator is None
    assert not value.met(0.8)
    assert value.met(0.81)
    assert not value.met(math.nan)


@pytest.mark.parametrize(
    ("phrase", "kind", "comparator", "value", "denominator"),
    [
        ("100%", MeasureKind.Rate, Comparator.AtLeast, 1.0, None),
        ("Đạt trên 1%", MeasureKind.Rate, Comparator.Above, 0.01, None),
        ("Ứng dụng 9/9 nền tảng", MeasureKind.CountOfTotal, Comparator.AtLeast, 9.0, 9.0),
        ("Có ứng dụng AI", MeasureKind.YesNo, Comparator.Exactly, 1.0, None),
        (
            "Trung tâm Tích hợp dữ liệu tỉnh được công nhận đạt chuẩn",
            MeasureKind.Milestone,
            Comparator.Exactly,
            1.0,
            None,
        ),
    ],
)
def test_parse_target_phrases(
    phrase: str,
    kind: MeasureKind,
    comparator: Comparator,
    value: float,
    denominator: float | None,
) -> None:
    parsed = dtiplan.parse_target(phrase)
    assert parsed.kind == kind
    assert parsed.comparator == comparator
    assert parsed.value == pytest.approx(value)
    assert parsed.denominator == denominator


def test_phan_dau_is_aspirational() -> None:
    parsed = dtiplan.parse_target("Phấn đấu đạt 10%")
    assert parsed.aspirational
    assert parsed.value == pytest.approx(0.1)


def test_format_target_decimal_comma_in_vietnamese() -> None:
    value = dtiplan.parse_target("Trên 2,5%")
    assert value.value == pytest.approx(0.025)
    assert dtiplan.format_target(value) == "Trên 2,5%"
    assert dtiplan.format_target(value, Language.English) == "above 2.5%"


def test_finding_message_languages() -> None:
    finding = dtiplan.Finding(
        severity=Severity.Error, code="unit.unknown", message_vi="Đơn vị lạ", message_en="Unknown"
    )
    assert finding.message() == "Đơn vị lạ"
    assert finding.message(Language.English) == "Unknown"


def test_source_describe_and_order() -> None:
    a = dtiplan.SourceRef("PL.I", "06")
    b = dtiplan.SourceRef(section="PL.II", item="12")
    assert a.describe() == "Phụ lục I, STT 06"
    assert a.describe(Language.English) == "Appendix I, row 06"
    assert dtiplan.SourceRef("III.3.a", "7").describe() == "Mục III.3.a, ý 7"
    assert a < b and b > a and a <= a and b >= b
    assert sorted([b, a]) == [a, b]


def test_plan_lookups(plan: dtiplan.Plan) -> None:
    unit = plan.find_unit("VHXH")
    assert unit is not None and unit.short_name == "Phòng VH-XH"
    assert plan.find_unit("KHONG-CO") is None
    group = plan.find_group("ALL")
    assert group is not None and group.name == "Các cơ quan, đơn vị; các ngành xã"
    indicator = plan.find_indicator("I.06")
    assert indicator is not None
    assert indicator.units_with(Role.Lead) == ["VHXH", "CAX"]
    assert plan.expand("VHXH") == ["VHXH"]
    assert "TTPVHCC" in plan.expand("TTHC")
    # A look-up returns a copy: changing it leaves the plan alone.
    indicator.name = "đã sửa"
    assert plan.find_indicator("I.06").name != "đã sửa"  # type: ignore[union-attr]


def test_targets_for_year(plan: dtiplan.Plan) -> None:
    ii12 = plan.find_indicator("II.12")
    assert ii12 is not None
    texts = [t.text for t in ii12.targets_for(2026)]
    assert texts == ["Trên 30% dân số trưởng thành có chữ ký số", "đạt theo kỳ vọng 50%"]
    assert ii12.targets_for(2027) == []


def test_list_properties_are_copies_and_assignable(plan: dtiplan.Plan) -> None:
    plan.indicators.append(dtiplan.Indicator(id="X.01"))
    assert len(plan.indicators) == 38
    indicators = plan.indicators
    indicators.append(dtiplan.Indicator(id="X.01", name="Chỉ số thêm"))
    plan.indicators = indicators
    assert len(plan.indicators) == 39
    assert plan.find_indicator("X.01") is not None


def test_nested_struct_properties_are_references(plan: dtiplan.Plan) -> None:
    plan.goal.top = 5
    plan.reporting.unit_report_before_day = 15
    assert plan.goal.top == 5
    assert plan.reporting.unit_report_before_day == 15


def test_responsibility_matrix_object(plan: dtiplan.Plan) -> None:
    matrix = dtiplan.ResponsibilityMatrix(plan)
    assert matrix.roles.dtype.name == "uint8"
    assert matrix.roles.shape == (38, len(plan.units))
    assert not matrix.roles.flags.writeable
    assert matrix.indicators[0] == "I.01"
    assert matrix.has("I.03", "TTPVHCC", Role.Lead)
    assert not matrix.has("I.03", "CAT", Role.Lead)
    row = matrix.indicators.index("II.12")
    col = matrix.units.index("DTNT")
    assert matrix.roles[row, col] == dtiplan.role_bit(Role.UpperLead)
    incidence = matrix.incidence(Role.Lead)
    assert set(incidence.ravel().tolist()) <= {0, 1}
    assert repr(matrix) == f"ResponsibilityMatrix(38 indicators x {len(plan.units)} units)"
    assert dtiplan._core.responsibility_matrix(plan).roles.tolist() == matrix.roles.tolist()


def test_workload_and_responsibilities(plan: dtiplan.Plan) -> None:
    rows = dtiplan.workload(plan)
    assert [w.unit for w in rows] == [u.id for u in plan.units]
    tt = next(w for w in rows if w.unit == "TTPVHCC")
    assert tt.lead >= 3 and tt.total() == tt.lead + tt.coordinating + tt.tracking + tt.upper_lead
    of_vhxh = dtiplan.responsibilities_of(plan, "VHXH")
    assert dtiplan.Responsibility("I.06", Role.Lead, "") in of_vhxh
