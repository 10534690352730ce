"""The binding layer's shared shape: to_dict() on every record, and compiled classes that the
package leaves as they are (no methods added or replaced at import)."""

from __future__ import annotations

import re
import types

import pandas as pd
import pytest

import dtiplan
from dtiplan import _core

RECORDS = sorted(
    name
    for name, value in vars(_core).items()
    if isinstance(value, type) and "to_dict" in vars(value)
)
VALUE_TYPES = [name for name in RECORDS if "__eq__" in vars(getattr(_core, name))]
CLASSES = sorted(name for name, value in vars(_core).items() if isinstance(value, type))


def _init_parameters(cls: type) -> list[str]:
    """The keyword parameters of a record's field constructor, in order, read from pybind11's
    signature line (the first overload when there are several)."""
    lines = (cls.__init__.__doc__ or "").splitlines()
    signature = next(line for line in lines if "__init__(self: " in line)
    names = re.findall(r"(?:\(|, )(\w+): ", signature)
    return [n for n in names if isinstance(vars(cls).get(n), property)]


def test_every_value_type_has_to_dict() -> None:
    assert {"Plan", "Indicator", "Target", "Observation", "UnitScorecard", "Workload"} <= set(
        RECORDS
    )
    assert len(VALUE_TYPES) >= 30


@pytest.mark.parametrize("name", RECORDS)
def test_to_dict_lists_the_constructor_fields_in_order(name: str) -> None:
    cls = getattr(_core, name)
    assert list(cls().to_dict()) == _init_parameters(cls)


@pytest.mark.parametrize("name", VALUE_TYPES)
def test_to_dict_rebuilds_an_equal_value(name: str) -> None:
    cls = getattr(_core, name)
    value = cls()
    assert cls(**value.to_dict()) == value


def test_target_to_dict_keeps_the_plan_text(plan: dtiplan.Plan) -> None:
    indicator = plan.find_indicator("I.03")
    assert indicator is not None
    target = indicator.targets[0]
    fields = target.to_dict()
    assert fields["year"] == 2026
    assert fields["text"] == "Trên 80%"
    assert fields["parsed"] == dtiplan.parse_target("Trên 80%")
    assert dtiplan.Target(**fields) == target
    # Values are copies: changing one leaves the plan as it was.
    fields["parsed"].value = 0.5
    assert indicator.targets[0].parsed.value == pytest.approx(0.8)


def test_workload_to_dict_matches_the_frame(plan: dtiplan.Plan) -> None:
    rows = {w.unit: w.to_dict() for w in dtiplan.workload(plan)}
    frame = dtiplan.workload_frame(plan).set_index("unit")
    vhxh = rows["VHXH"]
    assert vhxh["unit"] == "VHXH"
    for column in ("lead", "coordinating", "tracking", "upper_lead", "sole_lead"):
        assert frame.loc["VHXH", column] == vhxh[column]


@pytest.mark.parametrize("name", CLASSES)
def test_compiled_classes_are_not_patched_at_import(name: str) -> None:
    added = [
        member
        for member, value in vars(getattr(_core, name)).items()
        if not member.startswith("_")
        and isinstance(getattr(value, "__func__", value), types.FunctionType)
    ]
    assert added == [], f"{name}: Python functions set on a compiled class"


def test_frames_are_functions_not_methods(plan: dtiplan.Plan) -> None:
    assert not hasattr(dtiplan.Plan, "indicators_frame")
    assert not hasattr(dtiplan.ObservationLog, "frame")
    assert dtiplan.indicators_frame(plan).loc[0, "id"] == plan.indicators[0].id


# Main-indicator indices (0..1) keyed by the main indicators' Vietnamese names.
INDICES = {
    "Nhận thức số": 0.8413,
    "Thể chế số": 0.8375,
    "Hạ tầng số": 0.7267,
    "Nhân lực số": 0.6418,
    "An toàn thông tin mạng": 0.9167,
    "Hoạt động chính quyền số": 0.9058,
    "Hoạt động kinh tế số": 0.6548,
    "Hoạt động xã hội số": 0.7706,
}


def test_dti_from_main_indices_takes_any_mapping() -> None:
    framework = dtiplan.builtin_framework()
    from_dict = framework.dti_from_main_indices(INDICES)
    proxy = types.MappingProxyType(INDICES)
    assert framework.dti_from_main_indices(proxy) == from_dict
    assert dtiplan.dti_from_main_indices(framework, pd.Series(INDICES)) == from_dict
    with pytest.raises(dtiplan.ValidationError, match="Chuyển đổi xanh"):
        framework.dti_from_main_indices({**INDICES, "Chuyển đổi xanh": 0.5})
    with pytest.raises(TypeError):
        framework.dti_from_main_indices([0.5] * 8)  # type: ignore[arg-type]
