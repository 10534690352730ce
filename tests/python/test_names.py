"""The Python functions that stand in for a compiled function of the same name are each listed,
with what they add, in docs/python-api.md: the one place that mapping is written."""

from __future__ import annotations

import re
from pathlib import Path

import dtiplan
from dtiplan import _core

DOC = Path(__file__).resolve().parents[2] / "docs" / "python-api.md"


def _shadowing() -> set[str]:
    return {
        name
        for name in dtiplan.__all__
        if hasattr(_core, name) and getattr(_core, name) is not getattr(dtiplan, name)
    }


def _documented() -> set[str]:
    text = DOC.read_text(encoding="utf-8")
    section = text.split("## Python functions and the `_core` functions of the same name", 1)[1]
    return set(re.findall(r"^\| `([a-z_]+)` \| ", section, flags=re.M))


def test_every_python_function_shadowing_a_compiled_one_is_in_the_table() -> None:
    assert _shadowing() == _documented()


def test_the_wrappers_keep_the_compiled_value_and_forward_no_attribute() -> None:
    for wrapper in (dtiplan.Projection, dtiplan.RankOutlook, dtiplan.rank.Improvements):
        assert "__getattr__" not in vars(wrapper), wrapper.__name__
    projection = dtiplan.project_dti(as_of="2026-11-20", draws=200)
    assert isinstance(projection.core, _core.DtiProjection)
    assert projection.evaluation == projection.core.evaluation
    assert projection.dti.mean == projection.core.dti.mean
    assert any(p.indicator == "I.03" for p in projection.indicators)  # Tỷ lệ sử dụng DVC trực tuyến
