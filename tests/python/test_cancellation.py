"""Long runs can be stopped: SIGINT (Ctrl-C) stops a long Monte Carlo run within a second, with
SimulationCancelled in Python and exit 130 from the command; draw counts above the limit are
refused before any work; progress is reported while the work goes on (docs/cancellation.md)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest

import dtiplan
from dtiplan import _core

# Prints "ready" just before a Monte Carlo run of MAX_DRAWS draws among the 95 example peers
# (minutes of work), then how it ended.
LONG_RUN = """
import sys
import dtiplan
from dtiplan import _core
peers = dtiplan.example_peers()
print("ready", flush=True)
try:
    dtiplan.rank_distribution(0.80, peers, method="montecarlo", draws=_core.MAX_DRAWS)
except dtiplan.SimulationCancelled as error:
    print("cancelled:", type(error).__name__, flush=True)
    sys.exit(3)
print("finished", flush=True)
"""


def _stop_latency(command: list[str], ready: str, wait: float = 1.5) -> tuple[float, str, str, int]:
    """Start ``command``, wait until it prints ``ready`` and then ``wait`` seconds of work, send
    SIGINT, and return the seconds until it exited, its stdout, stderr and exit code."""
    env = dict(os.environ, PYTHONIOENCODING="utf-8")
    process = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env
    )
    assert process.stdout is not None
    if ready:
        assert process.stdout.readline().strip() == ready
    time.sleep(wait)
    assert process.poll() is None, "the run ended before it could be stopped"
    sent = time.monotonic()
    process.send_signal(signal.SIGINT)
    out, err = process.communicate(timeout=30)
    return time.monotonic() - sent, out, err, process.returncode


def test_sigint_stops_a_long_monte_carlo_run_within_a_second() -> None:
    latency, out, err, code = _stop_latency([sys.executable, "-c", LONG_RUN], "ready")
    assert "cancelled: SimulationCancelled" in out, err
    assert code == 3
    assert latency < 1.0, f"stopped {latency:.2f} s after SIGINT"


def test_sigint_stops_the_command_with_exit_130() -> None:
    command = [sys.executable, "-m", "dtiplan", "rank", "--method", "montecarlo"]
    command += ["--draws", str(_core.MAX_DRAWS), "--lang", "en"]
    latency, out, err, code = _stop_latency(command, "", wait=4.0)
    assert code == 130, err
    assert out == ""
    lines = [line for line in err.replace("\r", "\n").splitlines() if line.strip()]
    assert lines[-1] == "dtiplan: error: stopped on request (Ctrl-C); no result"
    assert any(line.startswith("dtiplan: computing ") for line in lines), err  # progress shown
    assert "Traceback" not in err
    assert latency < 1.0, f"stopped {latency:.2f} s after SIGINT"


def test_draw_counts_above_the_limit_are_refused_up_front() -> None:
    peers = dtiplan.example_peers()
    start = time.monotonic()
    allowed = "draws: expected a whole number from 1 to 100000000"
    with pytest.raises(dtiplan.ValidationError, match=f"{allowed}, found 1000000000"):
        dtiplan.rank_distribution(0.8, peers, method="montecarlo", draws=10**9)
    with pytest.raises(dtiplan.ValidationError, match=allowed):
        dtiplan.simulate_ranks(draws=_core.MAX_DRAWS + 1)
    # The library refuses it too, for callers of the compiled module.
    options = _core.MonteCarloOptions(draws=10**9)
    forecasts = dtiplan.peer_forecasts(peers)
    with pytest.raises(dtiplan.ValidationError, match="at most 100000000 draws, found 10000000"):
        _core.rank_distribution_montecarlo(dtiplan.own_score(0.8), forecasts, options)
    assert time.monotonic() - start < 5.0
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "dtiplan",
            "rank",
            "--method",
            "montecarlo",
            "--draws",
            "1000000000",
        ],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    assert result.returncode == 2, result.stderr
    assert "--draws: expected 1 to 100000000 draws, found 1000000000" in result.stderr


def test_a_progress_scope_sees_every_long_computation() -> None:
    seen: list[tuple[int, int]] = []
    with _core.progress_scope(lambda done, total: seen.append((done, total))):
        dtiplan.rank_distribution(0.8, dtiplan.example_peers(), method="montecarlo", draws=20_000)
    assert seen and seen[-1] == (20_000, 20_000)
    seen.clear()
    with pytest.raises(dtiplan.SimulationCancelled):  # noqa: SIM117 - the scope is the subject
        with _core.progress_scope(lambda done, total: False):
            dtiplan.rank_distribution(
                0.8, dtiplan.example_peers(), method="montecarlo", draws=20_000
            )


def test_the_progress_line_waits_two_seconds_then_rewrites_one_line() -> None:
    import io

    from dtiplan.cli._progress import progress_line

    now = [100.0]
    out = io.StringIO()
    report = progress_line("vi", out, clock=lambda: now[0])
    assert report(10_000, 1_000_000) is True
    assert out.getvalue() == ""  # a quick run prints nothing
    now[0] += 2.5
    report(450_000, 1_000_000)
    report(1_000_000, 1_000_000)
    assert out.getvalue() == (
        "\rdtiplan: đang tính 45% (450.000/1.000.000)\rdtiplan: đang tính 100% (1.000.000/1.000.000)\n"
    )
