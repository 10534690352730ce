"""DTI frameworks: the built-in default, JSON round trips, look-ups and the DTI from main indices."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

import dtiplan
from dtiplan import Pillar, RuleKind

# The published 2022 provincial DTI of Đà Nẵng (dti.gov.vn, docs/scoring.md §7): the eight
# main-indicator indices in publication order, and its DTI, 0.8002.
DA_NANG_2022 = {
    "Nhận thức số": 1.0000,
    "Thể chế số": 0.9000,
    "Hạ tầng số": 0.8253,
    "Nhân lực số": 0.8487,
    "An toàn thông tin mạng": 0.7578,
    "Hoạt động chính quyền số": 0.8575,
    "Hoạt động kinh tế số": 0.7836,
    "Hoạt động xã hội số": 0.5197,
}


@pytest.fixture
def framework() -> dtiplan.Framework:
    return dtiplan.builtin_framework()


def test_builtin_framework(framework: dtiplan.Framework) -> None:
    assert framework.max_points == 1000  # a property, as Component.max_points
    assert framework.component_count() == 47
    mains = framework.main_indicators
    assert [m.id for m in mains] == ["NTS", "TCS", "HTS", "NLS", "ATTT", "CQS", "KTS", "XHS"]
    assert [m.name for m in mains] == list(DA_NANG_2022)
    assert [m.max_points for m in mains] == [100, 100, 100, 100, 100, 200, 150, 150]
    assert [len(m.components) for m in mains] == [5, 3, 5, 6, 4, 10, 6, 8]
    cqs = framework.find_main("Hoạt động chính quyền số")
    assert cqs is not None and cqs.id == "CQS" and cqs.pillar == Pillar.Government
    assert framework.find_main("CQS") == cqs
    assert framework.find_main("Không có") is None
    c = framework.find_component("CQS.04")
    assert c is not None and set(c.indicators) == {"I.03", "III.1.02"}
    assert framework.find_component("NTS.02").rule.kind == RuleKind.Steps
    assert framework.find_component("NTS.02").rule.steps[0].points == 20
    assert "922/QĐ-BTTTT" in framework.sources
    assert dtiplan.builtin_framework() == framework  # a fresh, equal copy each call


def test_framework_round_trip(framework: dtiplan.Framework, tmp_path: Path) -> None:
    text = framework.to_json()
    assert json.loads(text)["schema"] == "dtiplan.framework/1"
    assert dtiplan.framework_from_json(text, "khung.json") == framework
    path = tmp_path / "khung-diem.json"
    framework.save(path)
    assert dtiplan.load_framework(path) == framework
    dtiplan.save_framework(framework, path)
    assert dtiplan.load_framework(str(path)) == framework


def test_edited_framework(framework: dtiplan.Framework) -> None:
    mains = framework.main_indicators
    mains[0].name = "Nhận thức số (sửa)"
    framework.main_indicators = mains
    assert framework.find_main("Nhận thức số (sửa)") is not None
    again = dtiplan.framework_from_json(framework.to_json())
    assert again.main_indicators[0].name == "Nhận thức số (sửa)"


def test_bad_framework_names_the_json_path(framework: dtiplan.Framework, tmp_path: Path) -> None:
    data = json.loads(framework.to_json())
    data["main_indicators"][0]["components"][0]["max_points"] = 35  # no longer adds up to 100
    path = tmp_path / "khung-sai.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(dtiplan.ValidationError) as info:
        dtiplan.load_framework(path)
    assert "khung-sai.json" in str(info.value)
    assert "main_indicators[0]" in str(info.value)
    data = json.loads(framework.to_json())
    data["main_indicators"][0]["diem"] = 1
    with pytest.raises(dtiplan.FormatError, match="diem"):
        dtiplan.framework_from_json(json.dumps(data), "khung.json")


def test_dti_from_main_indices_by_name(framework: dtiplan.Framework) -> None:
    dti = framework.dti_from_main_indices(DA_NANG_2022)
    assert dti == pytest.approx(0.800175, abs=1e-6)
    assert dtiplan.round_to(dti, 4) == 0.8002


def test_dti_from_main_indices_by_id(framework: dtiplan.Framework) -> None:
    by_id = {framework.find_main(name).id: index for name, index in DA_NANG_2022.items()}
    assert list(by_id) == ["NTS", "TCS", "HTS", "NLS", "ATTT", "CQS", "KTS", "XHS"]
    assert dtiplan.round_to(framework.dti_from_main_indices(by_id), 4) == 0.8002
    assert dtiplan.round_to(dtiplan.dti_from_main_indices(framework, by_id), 4) == 0.8002
    series = pd.Series(by_id)
    assert framework.dti_from_main_indices(series) == framework.dti_from_main_indices(by_id)


def test_dti_from_main_indices_errors(framework: dtiplan.Framework) -> None:
    missing = dict(DA_NANG_2022)
    del missing["Hoạt động xã hội số"]
    with pytest.raises(dtiplan.ValidationError):
        framework.dti_from_main_indices(missing)
    with pytest.raises(dtiplan.ValidationError, match="Chuyển đổi xanh"):
        framework.dti_from_main_indices({**DA_NANG_2022, "Chuyển đổi xanh": 0.5})
    with pytest.raises(ValueError):
        framework.dti_from_main_indices({**DA_NANG_2022, "Thể chế số": 1.2})
    with pytest.raises(ValueError):  # the same main indicator by name and by id
        framework.dti_from_main_indices({**DA_NANG_2022, "TCS": 0.9})


def test_coverage(framework: dtiplan.Framework, plan: dtiplan.Plan) -> None:
    cov = dtiplan.coverage(framework, plan)
    assert cov.tracked_points + cov.untracked_points == 1000
    assert cov.untracked_by_main["NTS"] == 100  # the plan tracks nothing of Nhận thức số
    assert cov.untracked_by_main["CQS"] == 0
    assert cov.unscored_indicators == [] and cov.unknown_indicators == []
    frame = dtiplan.coverage_frame(framework, plan)
    assert len(frame) == 47
    assert not frame[frame.main == "NTS"].tracked.any()
    assert frame[frame.main == "CQS"].tracked.all()
    assert frame[~frame.tracked].max_points.sum() == cov.untracked_points
    row = frame[frame.component == "CQS.04"].iloc[0]
    assert row.indicators == "I.03; III.1.02"
