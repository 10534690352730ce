"""What if? ``dtiplan.what_if`` and ``dtiplan whatif``: an indicator set is projected at its value,
raising a component never lowers P(top 10) with the same seed, Vietnamese values are read, bad
settings are refused naming the argument, and illustrative data stay labelled."""

from __future__ import annotations

import csv
import io
import json

import pytest

import dtiplan

AS_OF, TO = "2026-11-20", "2026-12-31"
ARGS = ("--as-of", AS_OF, "--to", TO, "--draws", "1000")


@pytest.fixture(scope="module")
def i03_90() -> dtiplan.WhatIf:
    return dtiplan.what_if({"I.03": 0.90}, by=TO, as_of=AS_OF, projection_draws=1000)


def _i03(outlook: dtiplan.Outlook) -> dtiplan.IndicatorProjection:
    return next(p for p in outlook.projection.indicators if p.indicator == "I.03")


def test_i03_set_to_90_percent_is_projected_at_90_percent(i03_90: dtiplan.WhatIf) -> None:
    baseline, scenario = i03_90.outlooks
    # Tỷ lệ sử dụng dịch vụ công trực tuyến: the trend alone stays below 90%.
    assert _i03(baseline).forecast.mean < 0.90
    assert _i03(scenario).forecast.mean == pytest.approx(0.90, abs=1e-15)
    assert _i03(scenario).forecast.lower == _i03(scenario).forecast.upper == pytest.approx(0.90)
    assert _i03(scenario).fraction == pytest.approx(0.90)
    frame = i03_90.frame()
    assert frame["scenario"].tolist() == ["baseline", "I.03=0.9"]
    assert frame["baseline"].tolist() == [True, False]
    assert frame.loc[1, "prob_top"] >= frame.loc[0, "prob_top"]
    assert frame.loc[1, "projected_dti"] > frame.loc[0, "projected_dti"]
    assert (frame["dti_low"] <= frame["projected_dti"]).all()
    assert (frame["projected_dti"] <= frame["dti_high"]).all()


def test_raising_a_component_never_lowers_p_top10_with_the_same_seed() -> None:
    w = dtiplan.what_if(
        {"CQS.04": 1.0}, {"CQS.04": "100%", "II.03": "có"}, by=TO, as_of=AS_OF,
        projection_draws=1000,
    )  # fmt: skip
    p = w.frame()["prob_top"].tolist()
    assert p[1] >= p[0] and p[2] >= p[1]
    base, raised, more = (o.own.samples for o in w.outlooks)
    assert all(r >= b - 1e-12 for r, b in zip(raised, base))
    assert all(m >= r - 1e-12 for m, r in zip(more, raised))


def test_the_comparison_is_a_short_labelled_object(i03_90: dtiplan.WhatIf) -> None:
    text = repr(i03_90)
    assert len(text) < 300
    assert text.startswith("WhatIf(2026-12-31; baseline: P(top 10)=")
    assert text.endswith("illustrative)")
    assert i03_90.illustrative
    data = i03_90.to_dict()
    assert data["labels"][0] == "Số liệu minh họa (không phải số liệu chính thức)"
    assert data["scenarios"][1]["indicators"] == {"I.03": pytest.approx(0.90)}
    json.dumps(data)  # plain values
    html = i03_90._repr_html_()
    assert "Số liệu minh họa" in html and "<table" in html
    assert len(repr(i03_90.core)) < 300


def test_settings_in_vietnamese_and_their_errors() -> None:
    s = dtiplan.rank.scenario("I.03=90% II.03=có CQS.04=0,8 growth-mean=0,03 untracked=zero")
    assert s.indicators == {"I.03": pytest.approx(0.90), "II.03": 1.0}
    assert s.components == {"CQS.04": pytest.approx(0.80)}
    assert s.growth_mean == pytest.approx(0.03)
    assert s.untracked.basis == dtiplan.UntrackedBasis.Zero
    assert dtiplan.rank.scenario({"II.03": False}).indicators == {"II.03": 0.0}
    with pytest.raises(dtiplan.ValidationError, match=r"I\.03=90: I\.03 is a rate.*write 90%"):
        dtiplan.rank.scenario("I.03=90")
    with pytest.raises(dtiplan.ValidationError, match=r"II\.03=chưa: II\.03 is yes/no"):
        dtiplan.rank.scenario({"II.03": "chưa"})
    with pytest.raises(dtiplan.ValidationError, match="no indicator of the plan, component"):
        dtiplan.rank.scenario({"I.99": 0.5})


def test_whatif_command_prints_baseline_and_scenario_side_by_side(run_cli) -> None:
    result = run_cli("whatif", "I.03=90%", "II.03=có", *ARGS)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "Nếu … thì sao? Xã Đại Phước, đánh giá ngày 31/12/2026" in out
    assert "Số liệu minh họa (không phải số liệu chính thức)" in out
    assert dtiplan.PEERS_ILLUSTRATIVE_LABEL["vi"] in out
    assert "Kịch bản 1: I.03=90%, II.03=có" in out
    assert "I.03 Tỷ lệ sử dụng dịch vụ công trực tuyến" in out
    assert ": 90% vào ngày đánh giá (xu hướng dự báo: " in out
    assert "II.03 Mức độ ứng dụng AI: có vào ngày đánh giá" in out
    header = next(line for line in out.splitlines() if "Hiện trạng" in line)
    assert "Kịch bản 1" in header
    assert any(line.startswith("Xác suất vào top 10") for line in out.splitlines())

    data = json.loads(run_cli("whatif", "I.03=90%", *ARGS, "--format", "json").stdout)
    assert [s["name"] for s in data["scenarios"]] == ["baseline", "I.03=90%"]
    assert data["scenarios"][1]["indicators"][0]["value"] == pytest.approx(0.90)
    assert data["scenarios"][1]["prob_top"] >= data["scenarios"][0]["prob_top"]
    assert data["illustrative"] is True

    rows = list(
        csv.DictReader(io.StringIO(run_cli("whatif", "I.03=0,9", "/", "growth-mean=4%", *ARGS,
                                           "--format", "csv").stdout))
    )  # fmt: skip
    assert [r["scenario"] for r in rows] == ["baseline", "I.03=0,9", "growth-mean=4%"]
    assert float(rows[2]["prob_top"]) <= float(rows[0]["prob_top"])
    assert {r["illustrative"] for r in rows} == {"true"}


@pytest.mark.parametrize(
    ("settings", "message"),
    [
        (["I.03=90"], "whatif I.03=90: I.03 is a rate"),
        (["II.03=có lẽ"], "whatif II.03=có lẽ: II.03 is yes/no: expected có/không"),
        (["I.03"], "whatif I.03: expected KEY=VALUE"),
        (["X.01=1"], 'no indicator of the plan, component of the framework or assumption is '
                     'called "X.01"'),
        (["I.03=90%", "/"], "whatif: scenario 2 has no setting"),
    ],
)  # fmt: skip
def test_whatif_names_the_bad_argument(run_cli, settings: list[str], message: str) -> None:
    result = run_cli("whatif", *settings, *ARGS)
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.startswith("dtiplan: lỗi: ")
    assert message in result.stderr


def test_whatif_writes_a_workbook(run_cli, tmp_path) -> None:
    target = tmp_path / "kich-ban.xlsx"
    result = run_cli("whatif", "I.03=90%", *ARGS, "--output", target)
    assert result.returncode == 0, result.stderr
    import openpyxl

    sheet = openpyxl.load_workbook(target).active
    values = [[c.value for c in row] for row in sheet.iter_rows()]
    flat = [v for row in values for v in row if v is not None]
    assert "Hiện trạng" in flat and "I.03=90%" in flat
    assert any("Số liệu minh họa" in str(v) for v in flat)
