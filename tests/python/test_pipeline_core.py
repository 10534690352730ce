"""The pipeline lives in the C++ library; Python passes its inputs through. What the command and
the Python API compute is what a C++ program computes with the library's defaults."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

import dtiplan
from dtiplan import _core

AS_OF = dt.date(2026, 11, 28)
ROOT = Path(__file__).resolve().parents[2]


def test_the_library_defaults_are_the_commands() -> None:
    options = _core.OutlookOptions()
    assert options.as_of is None and options.evaluation is None and options.top is None
    assert options.projection.seed == dtiplan.projection.DEFAULT_SEED == 20260101
    assert options.montecarlo.draws == 100_000 and options.probability == 0.5
    assert options.untracked.basis == dtiplan.UntrackedBasis.PeerMedian
    growth = dtiplan.GrowthModel()
    assert (growth.mean, growth.sd, growth.shock_sd) == (0.02, 0.02, 0.01)
    assert growth == dtiplan.DEFAULT_GROWTH == options.growth
    # A mapping names what it changes; the rest keeps the default.
    partial = dtiplan.rank.growth_model({"mean": 0.03})
    assert (partial.mean, partial.sd, partial.shock_sd) == (0.03, 0.02, 0.01)


def test_python_ranks_what_the_library_ranks() -> None:
    plan = dtiplan.builtin_plan()
    framework = dtiplan.builtin_framework()
    log = dtiplan.example_observations(plan)
    core = _core.rank_outlook(plan, framework, log, options=_core.OutlookOptions(as_of=AS_OF))
    outlook = dtiplan.rank_outlook(as_of=AS_OF)
    assert core.evaluation == outlook.evaluation == dt.date(2026, 12, 31)
    assert core.commune == dtiplan.rank.commune_name(outlook) == "Xã Đại Phước"
    assert core.peer_source == outlook.peer_source == "illustrative-peers-2025.csv"
    assert list(core.distribution.pmf) == list(outlook.distribution.pmf)
    assert core.needed == outlook.needed and core.needed_shift == outlook.needed_shift
    assert core.improvements == outlook.improvements.core
    assert core.projected_dti == outlook.projected_dti


def test_the_command_says_whether_the_observations_are_illustrative() -> None:
    # The commune's own figures under the example's values: the caller knows they are not the
    # example, and says so instead of editing the outlook afterwards.
    own = dtiplan.rank_outlook(as_of=AS_OF, improve=False, observations_illustrative=False)
    assert not own.observations_illustrative and own.peers_illustrative
    assert own.illustrative  # the peers still are
    assert dtiplan.rank_outlook(as_of=AS_OF, improve=False).observations_illustrative


def test_day_first_dates_are_read_as_the_command_reads_them() -> None:
    assert dtiplan.parse_date("02/12/2026") == dt.date(2026, 12, 2)
    assert dtiplan.parse_date("2/12/2026") == dt.date(2026, 12, 2)
    assert dtiplan.projection.to_decimal_year("01/01/2026") == 2026.0
    with pytest.raises(dtiplan.FormatError, match="30/02/2026"):
        dtiplan.parse_date("30/02/2026")
    proj = dtiplan.project_dti(as_of="28/11/2026", draws=200)
    assert proj.core.as_of == AS_OF and proj.core.evaluation == dt.date(2026, 12, 31)


def test_the_embedded_examples_are_the_shipped_files() -> None:
    examples = ROOT / "data" / "examples"
    # Byte for byte, line ends included.
    assert dtiplan.track.example_observations_csv() == (
        examples / "illustrative-observations-2026.csv"
    ).read_bytes().decode("utf-8")
    assert dtiplan.rank.example_peers_csv() == (
        examples / "illustrative-peers-2025.csv"
    ).read_bytes().decode("utf-8")
    assert dtiplan.is_illustrative(dtiplan.example_observations())


def test_status_scores_the_values_in_force_through_the_library() -> None:
    plan = dtiplan.builtin_plan()
    framework = dtiplan.builtin_framework()
    log = dtiplan.example_observations(plan)
    card = dtiplan.score_log(framework, plan, log, AS_OF)
    assert card == _core.score_log(framework, plan, log, AS_OF)
    assert card == _core.score(
        framework, _core.indicator_values(plan, log, AS_OF), plan=plan, year=2026
    )
    assert dtiplan.indicator_values(plan, log, AS_OF)["I.03"] == pytest.approx(
        log.latest("I.03", AS_OF).value.value
    )
