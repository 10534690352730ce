#!/usr/bin/env python3
"""Generate the ILLUSTRATIVE peer table: 94 invented communes of a Đồng Nai-sized province.

Đại Phước's goal is the top 10 of the province's 95 commune-level units, but no commune-level DTI
results of Đồng Nai are published. To demonstrate and test the rank engine (`dtiplan rank`,
`dtiplan improve`, the main job) dtiplan ships a synthetic province's results, made by this
script from a fixed seed with dtiplan's own generator, so anyone can regenerate the same file:

    .venv/bin/python scripts/make_example_peers.py --seed 20250701 \
        --out data/examples/illustrative-peers-2025.csv

How (docs/rank.md §9): `dtiplan.synthetic_province(builtin_framework(), units=95, seed)` makes
95 units (72 "Xã minh họa", 23 "Phường minh họa", the province's split) whose DTIs at their
component means spread like published sub-provincial results (about 0.50 to 0.92); their 2025
results (DTI and the eight main indices, 4 decimals) and the 47 component values behind them
(4 decimals; what `dtiplan rank --everyone` simulates from) are written as a peer table. The last xã is
left out: its place is Đại Phước's, whose own score comes from its projection, so the file holds
the 94 peers. Every row has illustrative = 1; every output that uses the file says so.

`--units N` makes N peers of a province of N + 1 units the same way (the benchmark's 128,025-row
table: `--units 128025 --out /tmp/peers-128025.csv`, about 53 MB).

Nothing here is an official figure.
"""
from __future__ import annotations

import argparse
from pathlib import Path

import dtiplan
from dtiplan import _core

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUT = ROOT / "data" / "examples" / "illustrative-peers-2025.csv"


def make_peers(seed: int, units: int = _core.DONG_NAI_COMMUNE_UNITS - 1) -> _core.PeerTable:
    """The illustrative peers of 2025 (94 by default) from the synthetic province of this seed
    with one unit more (the own commune's place)."""
    framework = _core.builtin_framework()
    province = _core.synthetic_province(
        framework, _core.SyntheticOptions(units=units + 1, seed=seed, year=2025)
    )
    ids = province.model.components
    results = []
    for i, r in enumerate(province.peers.results):
        r.components = {k: round(float(province.model.mean[i, j]), 4) for j, k in enumerate(ids)}
        results.append(r)
    own_place = max(i for i, r in enumerate(results) if r.unit.startswith("Xã "))
    del results[own_place]
    return _core.PeerTable(results=results)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=20250701)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--units", type=int, default=_core.DONG_NAI_COMMUNE_UNITS - 1,
                        help="peers to make (default 94: Đồng Nai's 95 units less the own)")
    args = parser.parse_args()
    if args.units < 1:
        parser.error("--units: expected at least 1 peer")
    table = make_peers(args.seed, args.units)
    _core.save_peers(table, args.out, _core.builtin_framework())
    print(f"{args.out}: {len(table)} illustrative peer results (seed {args.seed}, dtiplan "
          f"{dtiplan.__version__})")


if __name__ == "__main__":
    main()
