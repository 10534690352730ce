"""A numba implementation of the component-level rank Monte Carlo, for the benchmark.

The same model as benchmarks/numpy_reference.py and dtiplan.simulate_ranks (docs/rank.md): each
draw, every unit's every component is drawn from its normal, clamped to 0..1 and scored by its
rule (proportional, yes/no, thresholds, relative to the best unit of the draw); a unit's DTI is
its points over the framework's total, rounded half up to 4 decimals; ranks are competition
ranks (1 + the number of units strictly ahead); the N x N counts of (unit, rank) are
accumulated.

Written as a careful numba user would: compiled once (the compile is not timed), draws split
into one block per thread (``prange``), each block with its own count matrix and scratch arrays
(no allocation inside the loop over draws), numba's own generator (independent streams per
thread), ranks by sorting each draw's keys and a binary search. It shares no code with the C++
engine, so they agree only statistically: run_benchmarks.py compares them within Monte Carlo
error.

    python benchmarks/numba_reference.py DIR --draws 10000 [--seed 1]   # DIR: `dtiplan_bench model`
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

import numba
import numpy as np
from numba import njit, prange

import numpy_reference

#: Rule kinds as numbers for the compiled code.
_KINDS = {"proportional": 0, "yes-no": 1, "thresholds": 2, "relative-to-best": 3}


def rule_arrays(rules: list[dict]) -> tuple[np.ndarray, ...]:
    """The rules as arrays: kind, max points, and the thresholds (at, points) padded to the most
    any rule has, ascending, with their count."""
    k = len(rules)
    width = max([len(r.get("thresholds", [])) for r in rules] + [1])
    kind = np.array([_KINDS[r["kind"]] for r in rules], dtype=np.int64)
    max_points = np.array([r["max_points"] for r in rules], dtype=np.float64)
    at = np.zeros((k, width))
    points = np.zeros((k, width))
    count = np.zeros(k, dtype=np.int64)
    for j, r in enumerate(rules):
        for t, (a, p) in enumerate(sorted(r.get("thresholds", []))):
            at[j, t], points[j, t] = a, p
        count[j] = len(r.get("thresholds", []))
    return kind, max_points, at, points, count


@njit(cache=False)
def _seed(seed: int) -> None:
    np.random.seed(seed)


@njit(parallel=True, cache=False)
def _simulate(mean, sd, kind, max_points, at, points, count, total_points, draws, scale, blocks):  # type: ignore[no-untyped-def]
    units, comps = mean.shape
    counts = np.zeros((blocks, units, units), dtype=np.int64)
    per_block = (draws + blocks - 1) // blocks
    for b in prange(blocks):
        values = np.empty((units, comps))
        best = np.empty(comps)
        keys = np.empty(units, dtype=np.int64)
        first = b * per_block
        last = min(draws, first + per_block)
        for _ in range(first, last):
            for k in range(comps):
                best[k] = 0.0
            for u in range(units):
                for k in range(comps):
                    v = mean[u, k] + sd[u, k] * np.random.standard_normal()
                    v = min(max(v, 0.0), 1.0)
                    values[u, k] = v
                    if v > best[k]:
                        best[k] = v
            for u in range(units):
                total = 0.0
                for k in range(comps):
                    v = values[u, k]
                    kd = kind[k]
                    if kd == 0:
                        total += v * max_points[k]
                    elif kd == 1:
                        if v >= 0.5:
                            total += max_points[k]
                    elif kd == 2:
                        p = 0.0
                        for t in range(count[k]):
                            if v >= at[k, t]:
                                p = points[k, t]
                        total += p
                    elif best[k] > 0.0:
                        total += min(v / best[k], 1.0) * max_points[k]
                keys[u] = np.int64(np.floor(total / total_points * scale + 0.5))
            ordered = np.sort(keys)
            for u in range(units):
                at_most = np.searchsorted(ordered, keys[u], side="right")
                counts[b, u, units - at_most] += 1
    return counts.sum(axis=0)


def simulate_ranks_numba(mean: np.ndarray, sd: np.ndarray, rules: list[dict], total_points: float,
                         draws: int, seed: int = 1, decimals: int = 4) -> np.ndarray:
    """The N x N matrix of counts: counts[i, r - 1] = draws in which unit i had rank r."""
    _seed(seed)
    return _simulate(np.ascontiguousarray(mean), np.ascontiguousarray(sd), *rule_arrays(rules),
                     float(total_points), int(draws), 10.0**decimals, numba.get_num_threads())


def warm_up(mean: np.ndarray, sd: np.ndarray, rules: list[dict], total_points: float) -> float:
    """Compile (a few draws on the model's first units); returns the seconds it took."""
    start = time.perf_counter()
    simulate_ranks_numba(mean[:5], sd[:5], rules, total_points, 4)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("model", type=Path, help="directory written by `dtiplan_bench model`")
    parser.add_argument("--draws", type=int, default=10000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    mean, sd, model = numpy_reference.load_model(args.model)
    compile_seconds = warm_up(mean, sd, model["rules"], model["total_points"])
    start = time.perf_counter()
    simulate_ranks_numba(mean, sd, model["rules"], model["total_points"], args.draws, args.seed)
    seconds = time.perf_counter() - start
    print(json.dumps({"units": mean.shape[0], "components": mean.shape[1], "draws": args.draws,
                      "threads": numba.get_num_threads(), "compile_seconds": compile_seconds,
                      "wall_seconds": seconds}))


if __name__ == "__main__":
    main()
