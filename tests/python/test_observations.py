"""Observations: loading from CSV, JSON and DataFrames, validation errors, supersession, periods."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import dtiplan
from dtiplan import FormatError, Period, PeriodKind, ValidationError

HEADER = "indicator,period,value,numerator,denominator,unit,submitted,evidence_id,evidence_title,evidence_location,note\n"
GOOD_ROWS = (
    'I.03,tháng 3/2026,"82,5%",,,TTPVHCC,2026-04-18,BC-12/2026,"Báo cáo tháng 3, số liệu Cổng DVC",Hồ sơ lưu VT,\n'
    "I.04,2026-03,,188,200,TTPVHCC,2026-04-18,TK-03;BC-12/2026,Thống kê hồ sơ toàn trình;Báo cáo tháng 3,Cổng DVC;Hồ sơ lưu VT,\n"
    "II.02,Quý I/2026,9/9,,,VHXH,2026-04-10,,,,Ứng dụng đủ 9 nền tảng\n"
    "II.03,2026-03,có,,,VHXH,2026-04-10,,,,Trợ lý AI tại bộ phận một cửa\n"
    "I.03,2026-03,0.84,,,TTPVHCC,2026-04-20,,,,đính chính số liệu\n"
)


@pytest.fixture
def csv_file(tmp_path: Path) -> Path:
    path = tmp_path / "so-lieu.csv"
    path.write_text(HEADER + GOOD_ROWS, encoding="utf-8")
    return path


# --- periods and dates ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "kind", "year", "index", "spelling"),
    [
        ("2026-03", PeriodKind.Month, 2026, 3, "2026-03"),
        ("tháng 3/2026", PeriodKind.Month, 2026, 3, "2026-03"),
        ("Tháng 03/2026", PeriodKind.Month, 2026, 3, "2026-03"),
        ("Quý I/2026", PeriodKind.Quarter, 2026, 1, "2026-Q1"),
        ("năm 2026", PeriodKind.Year, 2026, 0, "2026"),
    ],
)
def test_period_parse_and_str(text: str, kind: PeriodKind, year: int, index: int, spelling: str) -> None:
    p = Period.parse(text)
    assert (p.kind, p.year, p.index) == (kind, year, index)
    assert str(p) == spelling
    assert Period(text) == p
    assert repr(p) == f"Period('{spelling}')"


def test_period_days_order_and_strings() -> None:
    march = Period.month(2026, 3)
    assert march.first_day() == dt.date(2026, 3, 1)
    assert march.last_day() == dt.date(2026, 3, 31)
    assert march.contains(dt.date(2026, 3, 19))
    assert not march.contains(dt.date(2026, 4, 1))
    q1 = Period.quarter(2026, 1)
    assert march < q1 < Period.month(2026, 4) < Period.whole_year(2026)
    assert sorted([Period("2026-Q1"), Period("2026-02"), Period("2026-03")]) == [
        Period("2026-02"),
        Period("2026-03"),
        Period("2026-Q1"),
    ]
    assert march == "2026-03"  # a str converts wherever a Period is expected


def test_bad_periods() -> None:
    with pytest.raises(FormatError, match="tháng 13/2026"):
        Period.parse("tháng 13/2026")
    with pytest.raises(ValidationError):
        Period.month(2026, 13)
    with pytest.raises(ValueError):
        Period("không phải kỳ")


def test_dates_convert_both_ways() -> None:
    assert dtiplan.parse_date("2026-03-19") == dt.date(2026, 3, 19)
    assert dtiplan.format_date(dt.date(2026, 3, 19)) == "2026-03-19"
    assert dtiplan.format_date(None) == ""
    o = dtiplan.Observation()
    assert o.submitted is None  # not-a-date is None
    o.submitted = dt.date(2026, 4, 18)
    assert o.submitted == dt.date(2026, 4, 18)
    o.submitted = "2026-04-19"  # ISO text is read too
    assert o.submitted == dt.date(2026, 4, 19)
    o.submitted = dt.datetime(2026, 4, 20, 9, 30)
    assert o.submitted == dt.date(2026, 4, 20)
    with pytest.raises(FormatError, match="18/04/2026"):
        o.submitted = "18/04/2026"


# --- loading ----------------------------------------------------------------------------------


def test_load_csv_file(csv_file: Path) -> None:
    log = dtiplan.load_observations(csv_file)
    assert len(log) == 5
    first = log.all()[0]
    assert first.indicator == "I.03"
    assert first.period == Period.month(2026, 3)
    assert first.value.value == pytest.approx(0.825)
    assert first.unit == "TTPVHCC"
    assert first.submitted == dt.date(2026, 4, 18)
    assert first.evidence == [
        dtiplan.Evidence("BC-12/2026", "Báo cáo tháng 3, số liệu Cổng DVC", "Hồ sơ lưu VT")
    ]
    assert first.origin.endswith("so-lieu.csv:2")
    i04 = log.all()[1]
    assert (i04.value.value, i04.value.numerator, i04.value.denominator) == (0.94, 188, 200)
    assert len(i04.evidence) == 2
    ii02 = log.all()[2]
    assert ii02.period == Period.quarter(2026, 1)
    assert (ii02.value.value, ii02.value.denominator) == (9, 9)
    assert log.all()[3].value.value == 1.0  # "có"


def test_load_json_file_and_round_trip(csv_file: Path, tmp_path: Path) -> None:
    log = dtiplan.load_observations(csv_file)
    path = tmp_path / "so-lieu.json"
    log.save(path)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["schema"] == "dtiplan.observations/1"
    again = dtiplan.load_observations(path)
    strip = lambda lg: [dtiplan.Observation(**{**_fields(o), "origin": ""}) for o in lg.all()]  # noqa: E731
    assert strip(again) == strip(log)
    text_again = dtiplan.observations_from_csv(log.to_csv(), "lai.csv", dtiplan.builtin_plan())
    assert strip(text_again) == strip(log)


def _fields(o: dtiplan.Observation) -> dict[str, object]:
    names = ["indicator", "period", "value", "unit", "submitted", "evidence", "note", "origin"]
    return {n: getattr(o, n) for n in names}


def test_load_dataframe() -> None:
    frame = pd.DataFrame(
        {
            "indicator": ["I.03", "I.04", "II.03"],
            "period": ["2026-03", Period.month(2026, 3), "tháng 3/2026"],
            "value": [0.825, np.nan, 1],
            "numerator": [np.nan, 188, np.nan],
            "denominator": [np.nan, 200, np.nan],
            "unit": ["TTPVHCC", "TTPVHCC", None],
            "submitted": [dt.date(2026, 4, 18), pd.Timestamp("2026-04-18"), "2026-04-10"],
            "note": ["", "12 hồ sơ \"trực tuyến nửa vời\"\nđã chấn chỉnh", "Trợ lý AI"],
        }
    )
    log = dtiplan.load_observations(frame)
    assert len(log) == 3
    assert log.all()[0].value.value == pytest.approx(0.825)
    assert log.all()[1].value.numerator == 188
    assert log.all()[1].note.startswith('12 hồ sơ "trực tuyến nửa vời"')
    assert log.all()[2].unit == ""
    assert log.all()[2].value.value == 1.0


def test_dataframe_error_names_index_and_column() -> None:
    frame = pd.DataFrame(
        {
            "indicator": ["I.03", "I.03"],
            "period": ["2026-03", "2026-04"],
            "value": [0.5, 1.5],
            "submitted": ["2026-04-18", "2026-05-10"],
        },
        index=[10, 11],
    )
    with pytest.raises(ValidationError) as info:
        dtiplan.load_observations(frame)
    assert info.value.where == "DataFrame: index 11 (CSV row 3), column value"
    assert "outside 0..1" in str(info.value)
    assert isinstance(info.value, ValueError)


def test_dataframe_unknown_column() -> None:
    frame = pd.DataFrame({"indicator": ["I.03"], "ky": ["2026-03"], "value": [0.5]})
    with pytest.raises(FormatError, match="ky"):
        dtiplan.load_observations(frame)


@pytest.mark.parametrize(
    ("row", "error", "column", "words"),
    [
        ("I.03,2026-03,120%,,,TTPVHCC,2026-04-18", ValidationError, "value", "outside 0..1"),
        ("X.99,2026-03,0.5,,,,2026-04-18", ValidationError, "indicator", 'unknown indicator "X.99"'),
        ("I.03,tháng 13/2026,0.5,,,,2026-04-18", FormatError, "period", "tháng 13/2026"),
        ("I.03,2031-03,0.5,,,,2031-04-18", ValidationError, "period", "outside the plan's years"),
        ("I.03,2026-03,0.5,,,PHONG-MA,2026-04-18", ValidationError, "unit", "PHONG-MA"),
        ("I.03,2026-03,0.5,,,,2026-02-18", ValidationError, "submitted", "before the period"),
        ("I.03,2026-03,0.5,,,,18/04/2026", FormatError, "submitted", "18/04/2026"),
        ("I.04,2026-03,,210,200,,2026-04-18", ValidationError, "numerator", "above the denominator"),
        ("I.03,2026-03,abc,,,,2026-04-18", FormatError, "value", '"abc"'),
    ],
)
def test_each_validation_error_names_row_and_column(
    tmp_path: Path, row: str, error: type[Exception], column: str, words: str
) -> None:
    path = tmp_path / "so-lieu.csv"
    path.write_text(
        "indicator,period,value,numerator,denominator,unit,submitted\n"
        "I.03,2026-02,0.7,,,TTPVHCC,2026-03-10\n" + row + "\n",
        encoding="utf-8",
    )
    with pytest.raises(error) as info:
        dtiplan.load_observations(path)
    assert isinstance(info.value, ValueError)
    assert info.value.where.endswith(f"so-lieu.csv: row 3, column {column}")
    assert words in str(info.value)
    # the same from a DataFrame, located by its index
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    with pytest.raises(error) as info:
        dtiplan.load_observations(frame)
    assert info.value.where == f"DataFrame: index 1 (CSV row 3), column {column}"


def test_json_error_names_the_path(tmp_path: Path) -> None:
    path = tmp_path / "so-lieu.json"
    path.write_text(
        json.dumps(
            {
                "schema": "dtiplan.observations/1",
                "observations": [
                    {"indicator": "I.03", "period": "2026-03", "value": 1.2, "submitted": "2026-04-18"}
                ],
            }
        ),
        encoding="utf-8",
    )
    with pytest.raises(ValidationError, match=r"observations\[0\]\.value"):
        dtiplan.load_observations(path)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(dtiplan.FileError, match=r"khong-co\.csv"):
        dtiplan.load_observations(tmp_path / "khong-co.csv")


def test_validate_observation_on_its_own(plan: dtiplan.Plan) -> None:
    o = dtiplan.Observation(
        indicator="I.03",
        period="2026-03",
        value=dtiplan.ObservedValue(1.5),
        submitted=dt.date(2026, 4, 1),
    )
    with pytest.raises(ValidationError) as info:
        dtiplan.validate_observation(plan, o, "nhập tay")
    assert info.value.where == "nhập tay, column value"


# --- the illustrative example and supersession ------------------------------------------------


def test_example_observations_are_labelled_illustrative() -> None:
    log = dtiplan.example_observations()
    assert len(log) == 475
    assert dtiplan.is_illustrative(log)
    assert all("minh họa" in o.note for o in log.all())
    assert log.all()[0].origin == "illustrative-observations-2026.csv:2"
    assert dtiplan.ILLUSTRATIVE_LABEL["vi"] == "Số liệu minh họa (không phải số liệu chính thức)"
    assert not dtiplan.is_illustrative(dtiplan.ObservationLog())


def test_supersession_is_visible(csv_file: Path) -> None:
    log = dtiplan.load_observations(csv_file)
    assert log.effective("I.03", "2026-03").value.value == 0.84
    history = log.history("I.03", "2026-03")
    assert [o.value.value for o in history] == [pytest.approx(0.825), 0.84]
    frame = dtiplan.observations_frame(log)
    assert len(frame) == 5
    i03 = frame[frame.indicator == "I.03"]
    assert i03.effective.tolist() == [False, True]
    assert i03.note.iloc[1] == "đính chính số liệu"
    effective = dtiplan.observations_frame(log, effective_only=True)
    assert len(effective) == 4 and effective.effective.all()
    assert effective.indicator.tolist() == ["I.03", "I.04", "II.02", "II.03"]
    assert frame.submitted.dtype.kind == "M"
    # The period is a date (its last day) that plots and fits as it is; its label as written.
    assert frame.period.dtype.kind == "M"
    assert i03.period.iloc[0] == pd.Timestamp(2026, 3, 31)
    assert i03.period_label.tolist() == ["2026-03", "2026-03"]
    assert frame.loc[1, "evidence_id"] == "TK-03; BC-12/2026"
    assert frame.loc[1, "n_evidence"] == 2
    assert np.isnan(frame.loc[0, "numerator"])


def test_latest_sees_what_was_known(csv_file: Path) -> None:
    log = dtiplan.load_observations(csv_file)
    assert log.latest("I.03", dt.date(2026, 4, 19)).value.value == pytest.approx(0.825)
    assert log.latest("I.03", dt.date(2026, 4, 20)).value.value == 0.84
    assert log.latest("I.03", dt.date(2026, 4, 1)) is None
    assert log.effective("I.03", "2026-05") is None


def test_example_frame_has_corrections() -> None:
    frame = dtiplan.observations_frame(dtiplan.example_observations())
    assert (~frame.effective).sum() == 475 - 433
    corrected = frame[frame.note.str.contains("đính chính")]
    assert corrected.effective.all()


def test_log_is_built_and_edited_in_python() -> None:
    log = dtiplan.ObservationLog()
    log.add(
        dtiplan.Observation(
            indicator="I.03", period="2026-03", value=dtiplan.ObservedValue(0.8), submitted="2026-03-15"
        )
    )
    assert len(log) == 1
    assert log.observations[0].period == Period.month(2026, 3)
    log.observations = []
    assert len(log) == 0


def test_the_example_file_read_by_path_stays_illustrative(tmp_path) -> None:
    text = dtiplan.track.example_observations_csv()
    path = tmp_path / dtiplan.track.EXAMPLE_OBSERVATIONS_FILE
    path.write_text(text, encoding="utf-8")
    assert dtiplan.is_illustrative(dtiplan.load_observations(path))
    renamed = tmp_path / "so-lieu-2026.csv"
    renamed.write_text(text, encoding="utf-8")
    assert not dtiplan.is_illustrative(dtiplan.load_observations(renamed))
