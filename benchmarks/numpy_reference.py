"""Plain numpy implementation of the component-level rank Monte Carlo (the benchmark's baseline).

The same model as dtiplan.simulate_ranks (docs/rank.md): every unit's every component value is
drawn from its normal, clamped to 0..1 and scored by its rule; a unit's DTI is its points over
the framework's total; units are ranked in each draw by their DTI rounded half up to 4 decimals
(competition ranks: rank = 1 + the number of units strictly ahead); the N x N counts of
(unit, rank) are accumulated. Vectorised numpy: draws are processed in chunks (no Python loop
over draws or units), each chunk a (draws, units, components) array.

It shares no code with the C++ engine (its own generator, numpy's PCG64 and ziggurat), so the
two agree only statistically: run_benchmarks.py compares them within Monte Carlo error.

Usage (on a model written by `dtiplan_bench model --out DIR`):
    python benchmarks/numpy_reference.py DIR --draws 10000 [--seed 1] [--out ranks.npy]
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

import numpy as np


def load_model(directory: Path) -> tuple[np.ndarray, np.ndarray, dict]:
    """mean (N x K), sd (N x K) and the model description (units, components, rules)."""
    mean = np.load(directory / "mean.npy")
    sd = np.load(directory / "sd.npy")
    with open(directory / "model.json", encoding="utf-8") as f:
        model = json.load(f)
    return mean, sd, model


def _chunk_points(values: np.ndarray, rules: list[dict]) -> np.ndarray:
    """Points per (draw, unit) of clamped values of shape (draws, units, components)."""
    kinds = [r["kind"] for r in rules]
    max_points = np.array([r["max_points"] for r in rules], dtype=np.float64)
    prop = np.array([k == "proportional" for k in kinds])
    total = values[:, :, prop] @ max_points[prop]
    yes_no = np.array([k == "yes-no" for k in kinds])
    if yes_no.any():
        total += (values[:, :, yes_no] >= 0.5) @ max_points[yes_no]
    for k, rule in enumerate(rules):
        v = values[:, :, k]
        if rule["kind"] == "thresholds":
            # The points of the highest threshold reached (thresholds ascending: the last wins).
            points = np.zeros_like(v)
            for at, pts in sorted(rule["thresholds"]):
                points = np.where(v >= at, pts, points)
            total += points
        elif rule["kind"] == "relative-to-best":
            best = v.max(axis=1, keepdims=True)
            safe = np.where(best > 0.0, best, 1.0)
            total += np.where(best > 0.0, np.minimum(v / safe, 1.0) * rule["max_points"], 0.0)
    return total


def _ranks(keys: np.ndarray) -> np.ndarray:
    """Competition ranks (1 + number strictly greater) of each row of integer keys."""
    draws, units = keys.shape
    span = int(keys.max()) - int(keys.min()) + 2
    offset = (np.arange(draws, dtype=np.int64) * span)[:, None]
    shifted = (keys - keys.min()) + offset  # rows kept apart, order within a row unchanged
    flat = np.sort(shifted, axis=None)
    at_most = np.searchsorted(flat, shifted, side="right") - np.arange(draws)[:, None] * units
    return units - at_most + 1


def simulate_ranks_numpy(mean: np.ndarray, sd: np.ndarray, rules: list[dict], total_points: float,
                         draws: int, seed: int = 1, decimals: int = 4,
                         chunk_bytes: int = 48 * 2**20) -> np.ndarray:
    """The N x N matrix of counts: counts[i, r - 1] = draws in which unit i had rank r."""
    units, comps = mean.shape
    rng = np.random.default_rng(seed)
    chunk = max(1, min(draws, chunk_bytes // (units * comps * 8)))
    counts = np.zeros(units * units, dtype=np.int64)
    unit_offset = np.arange(units, dtype=np.int64) * units
    scale = 10.0 ** decimals
    done = 0
    while done < draws:
        c = min(chunk, draws - done)
        values = rng.standard_normal((c, units, comps))
        values *= sd
        values += mean
        np.clip(values, 0.0, 1.0, out=values)
        dti = _chunk_points(values, rules) / total_points
        keys = np.floor(dti * scale + 0.5).astype(np.int64)
        ranks = _ranks(keys)
        counts += np.bincount((unit_offset[None, :] + ranks - 1).ravel(), minlength=units * units)
        done += c
    return counts.reshape(units, units)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("model", type=Path, help="directory written by `dtiplan_bench model`")
    parser.add_argument("--draws", type=int, default=10000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, help="write the rank-probability matrix (.npy)")
    args = parser.parse_args()
    mean, sd, model = load_model(args.model)
    start = time.perf_counter()
    counts = simulate_ranks_numpy(mean, sd, model["rules"], model["total_points"], args.draws, args.seed)
    seconds = time.perf_counter() - start
    if args.out:
        np.save(args.out, counts / args.draws)
    print(json.dumps({"units": mean.shape[0], "components": mean.shape[1], "draws": args.draws,
                      "wall_seconds": seconds, "illustrative": model.get("illustrative", True)}))


if __name__ == "__main__":
    main()
