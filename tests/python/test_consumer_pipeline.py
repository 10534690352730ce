"""A C++ program runs the pipeline the command runs: the consumer project (tests/consumer), built
against the installed library by the README's test command (scripts/test.sh), prints the
projected DTI, P(top 10) and the points needed, and they equal what ``dtiplan rank --format
json`` prints for the same inputs.

scripts/test.sh sets DTIPLAN_CONSUMER to the program it built; outside that command (a plain
``pytest``) there is no program and these tests are skipped. When the variable is set, a
missing program is a failure, not a skip."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path
from typing import Any

import pytest

import dtiplan

CONSUMER = os.environ.get("DTIPLAN_CONSUMER")
DATES = ("--as-of", "02/12/2026", "--to", "2026-12-31")  # the command's day-first spelling too

pytestmark = pytest.mark.skipif(
    CONSUMER is None, reason="DTIPLAN_CONSUMER is set by scripts/test.sh, which builds the program"
)


def _consumer(*args: str | os.PathLike[str]) -> dict[str, Any]:
    program = Path(str(CONSUMER))
    assert program.is_file(), f"DTIPLAN_CONSUMER={CONSUMER}: no such program (build it first)"
    result = subprocess.run(
        [str(program), *map(str, args)], capture_output=True, text=True, encoding="utf-8",
        check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    merged: dict[str, Any] = {}
    for line in result.stdout.splitlines():
        merged.update(json.loads(line))  # one JSON object a line
    return merged


def _same_as_the_command(run_cli, consumer: dict[str, Any], *args: str) -> None:
    result = run_cli("rank", *args, *DATES, "--format", "json")
    assert result.returncode == 0, result.stderr
    command = json.loads(result.stdout)
    assert consumer["commune"] == command["commune"] == "Xã Đại Phước"
    assert consumer["evaluation"] == command["evaluation"] == "2026-12-31"
    assert consumer["illustrative"] == command["illustrative"]
    assert consumer["goal"]["top"] == command["goal"]["top"] == 10
    assert consumer["goal"]["of"] == command["goal"]["of"]
    # The same computation with the same defaults: equal to the last bit.
    for key in ("projected_dti", "tracked_dti", "prob_top", "expected_rank"):
        assert consumer[key] == command[key], key
    for key in ("points_needed", "points_needed_keeping_spread"):
        assert consumer[key] == command[key], key


def test_the_consumer_prints_what_the_command_prints_for_the_example(run_cli) -> None:
    consumer = _consumer(*DATES)
    assert consumer["plan"] == "dai-phuoc-2026-2030" and consumer["components"] == 47
    assert consumer["illustrative"] is True
    assert 0.0 <= consumer["prob_top"] <= 1.0 and 1.0 <= consumer["expected_rank"] <= 95.0
    assert consumer["points_needed"]["points"] == pytest.approx(
        1000.0 * consumer["points_needed"]["dti"]
    )
    _same_as_the_command(run_cli, consumer)


def test_the_consumer_prints_what_the_command_prints_for_a_file(run_cli, tmp_path) -> None:
    # The commune's own file (not the example's name): the same figures for a quarter less data.
    log = dtiplan.example_observations()
    log.observations = [o for o in log.observations if o.period.year == 2026 and o.period.index <= 9]
    path = tmp_path / "so-lieu-dai-phuoc.csv"
    dtiplan.save_observations(log, path)
    consumer = _consumer(path, *DATES)
    assert consumer["illustrative"] is True  # the peers still are
    _same_as_the_command(run_cli, consumer, "--observations", str(path))
