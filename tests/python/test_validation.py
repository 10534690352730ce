"""One validation, in C++, for every entry point: what Python builds is refused as a file's
would be, and an argument out of range is a ValueError (dtiplan.Error) that says what is allowed,
never pybind11's "incompatible function arguments" TypeError."""

from __future__ import annotations

import datetime
import math
import subprocess
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pytest

import dtiplan

Run = Callable[..., subprocess.CompletedProcess[str]]
AS_OF = datetime.date(2026, 4, 30)


def _log(value: float) -> dtiplan.ObservationLog:
    return dtiplan.ObservationLog(
        [
            dtiplan.Observation(
                indicator="I.03",  # Tỷ lệ sử dụng dịch vụ công trực tuyến
                period="2026-03",
                value=dtiplan.ObservedValue(value),
                unit="TTPVHCC",
                submitted=datetime.date(2026, 4, 2),
            )
        ]
    )


@pytest.mark.parametrize("bad", [math.nan, math.inf, 5.0, -0.2])
def test_observations_built_in_python_are_validated(bad: float) -> None:
    plan = dtiplan.builtin_plan()
    framework = dtiplan.builtin_framework()
    where = r"observations\[0\] \(I\.03 2026-03\), column value"
    with pytest.raises(dtiplan.ValidationError, match=where):
        dtiplan.attainment(plan, _log(bad), AS_OF)
    with pytest.raises(dtiplan.ValidationError, match=where):
        dtiplan.score_log(framework, plan, _log(bad), AS_OF)
    with pytest.raises(dtiplan.ValidationError, match=where):
        dtiplan.indicator_values(plan, _log(bad), AS_OF)
    assert dtiplan.attainment(plan, _log(0.85), AS_OF)  # a good one is judged


def test_an_empty_peer_table_or_an_evaluation_before_every_result_is_refused() -> None:
    with pytest.raises(dtiplan.ValidationError, match="no peer to rank against"):
        dtiplan.rank_distribution(0.8, dtiplan.PeerTable())
    with pytest.raises(dtiplan.ValidationError, match="no peer to rank against"):
        dtiplan.rank_distribution(0.8, dtiplan.example_peers(), evaluation="1900-01-01")


def test_an_own_score_outside_zero_to_one_and_bad_decimals_are_refused() -> None:
    peers = dtiplan.example_peers()
    with pytest.raises(dtiplan.ValidationError, match=r"expected a DTI from 0 to 1, found 1\.5"):
        dtiplan.rank_distribution(1.5, peers)
    allowed = "decimals: expected a whole number from -1 to 15, found -5"
    with pytest.raises(dtiplan.ValidationError, match=allowed):
        dtiplan.rank_distribution(0.8, peers, decimals=-5)
    with pytest.raises(dtiplan.ValidationError, match=r"expected -1 \(exact\) or 0..15 decimals"):
        dtiplan.competition_rank([0.8, 0.7], decimals=-5)


@pytest.mark.parametrize(
    ("call", "allowed"),
    [
        (lambda: dtiplan.rank_distribution(0.8, dtiplan.example_peers(), method="montecarlo", draws=-1), "draws: expected a whole number from 1 to 100000000, found -1"),
        (lambda: dtiplan.rank_distribution(0.8, dtiplan.example_peers(), method="montecarlo", threads=-1), "threads: expected a whole number from 0 to 1024, found -1"),
        (lambda: dtiplan.rank_distribution(0.8, dtiplan.example_peers(), method="montecarlo", draws=2**64), "draws: expected a whole number from 1 to 100000000, found 18446744073709551616"),
        (lambda: dtiplan.simulate_ranks(draws=-1), "draws: expected a whole number from 1"),
        (lambda: dtiplan.project_dti(draws=2**64), "draws: expected a whole number from 1 to 1000000"),
        (lambda: dtiplan.project_dti(seed=-1), "seed: expected a whole number from 0 to 18446744073709551615"),
    ],
)  # fmt: skip
def test_out_of_range_arguments_are_value_errors_saying_what_is_allowed(
    call: Callable[[], object], allowed: str
) -> None:
    with pytest.raises(dtiplan.ValidationError) as info:
        call()
    assert isinstance(info.value, ValueError)
    assert allowed in str(info.value)


def test_a_lone_surrogate_in_a_phrase_is_a_format_error() -> None:
    with pytest.raises(dtiplan.FormatError, match=r"character 6 is a lone surrogate \(U\+D800\)"):
        dtiplan.parse_target("Trên \ud800 80%")
    assert dtiplan.parse_target("Trên 80%").value == pytest.approx(0.8)


# --- the command's messages ---------------------------------------------------------------------


def _one_line(result: subprocess.CompletedProcess[str], *parts: str) -> str:
    assert result.returncode == 2, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    for part in parts:
        assert part in lines[0], lines[0]
    return lines[0]


@pytest.mark.parametrize(
    ("args", "part"),
    [
        (["--lang", "fr", "show"], "argument --lang: invalid choice: 'fr'"),
        (["show", "--format", "xml"], "argument --format: invalid choice: 'xml'"),
        (["hiện"], "argument VERB: invalid choice: 'hiện'"),
    ],
)
def test_a_bad_option_value_is_one_line(run_cli: Run, args: list[str], part: str) -> None:
    _one_line(run_cli(*args), part, "(usage: dtiplan")


def test_duplicate_json_keys_are_refused(run_cli: Run, tmp_path: Path) -> None:
    text = str(dtiplan.builtin_plan_json()).replace(
        '"commune": ', '"commune": "Đại Phước", "commune": ', 1
    )
    path = tmp_path / "ke-hoach.json"
    path.write_text(text, encoding="utf-8")
    _one_line(run_cli("show", "--plan", path), "ke-hoach.json: commune", 'the key "commune"')


def test_an_unknown_unit_lists_the_ids_and_case_is_forgiven(run_cli: Run, tmp_path: Path) -> None:
    header = "indicator,period,value,unit,submitted\n"
    good = tmp_path / "so-lieu.csv"
    good.write_text(header + 'I.03,2026-02,"82,5%",ttpvhcc,2026-02-15\n', encoding="utf-8")
    assert run_cli("status", "--observations", good, "--as-of", "2026-03-01").returncode == 0
    bad = tmp_path / "so-lieu-sai.csv"
    bad.write_text(header + 'I.03,2026-02,"82,5%",TT PVHCC,2026-02-15\n', encoding="utf-8")
    _one_line(
        run_cli("status", "--observations", bad),
        "so-lieu-sai.csv: row 2, column unit",
        '(did you mean "TTPVHCC"?)',
        "the plan's units: ",
    )


def test_decomposed_vietnamese_is_read(run_cli: Run, tmp_path: Path) -> None:
    import unicodedata

    path = tmp_path / "so-lieu.csv"
    text = 'indicator,period,value,unit,submitted,note\nI.03,tháng 2/2026,"82,5%",TTPVHCC,2026-02-15,Đã rà soát\n'
    path.write_text(unicodedata.normalize("NFD", text), encoding="utf-8")
    result = run_cli("status", "--observations", path, "--as-of", "2026-03-01")
    assert result.returncode == 0, result.stderr
    assert "82,5%" in next(line for line in result.stdout.splitlines() if line.startswith("I.03 "))


def test_workbook_errors_name_the_sheet_row_and_the_full_path(run_cli: Run, tmp_path: Path) -> None:
    frame = pd.DataFrame(
        {
            "indicator": ["I.03", "I.03", "I.03"],
            "period": ["2026-01", "2026-02", "2026-03"],
            "value": [0.8, 0.82, 1.2],  # sheet row 4 is the bad one
            "unit": ["TTPVHCC"] * 3,
            "submitted": ["2026-01-15", "2026-02-15", "2026-03-15"],
            "note": ["dòng một\ndòng hai\ndòng ba", "", ""],  # a cell with line breaks
        }
    )
    path = tmp_path / "bao-cao" / "so-lieu.xlsx"
    path.parent.mkdir()
    frame.to_excel(path, index=False)
    _one_line(run_cli("status", "--observations", path), f"{path}: row 4, column value", "0..1")
    twice = frame.rename(columns={"note": "value"})
    twice.to_excel(path, index=False)
    _one_line(
        run_cli("status", "--observations", path),
        f'{path}: row 1: the column "value" appears twice (columns C and F)',
    )
