#!/usr/bin/env python3
"""Generate ILLUSTRATIVE monthly observations for the built-in plan of Đại Phước 2026-2030.

The seed plan gives targets, not measurements. To demonstrate and test the monthly work (status,
deadlines, scoring, the unit ranking board) dtiplan ships one year of invented monthly figures,
made by this script from a fixed seed, so anyone can regenerate exactly the same file:

    python3 scripts/make_example_observations.py --seed 20260101 \
        --out data/examples/illustrative-observations-2026.csv

Nothing here is an official figure. Every row says so in its note, the file name says so, and
every output of dtiplan that uses it says so.

How the figures are made (per indicator, from the plan's data/dai-phuoc-2026-2030.json):
- rates: a January value between 55% and 95% of the 2026 target, moving linearly towards an
  end-of-year value between 85% and 110% of the target (capped at 100%), plus small noise;
- the count of a total (II.02, 9/9 platforms): from 5 or 6 platforms up to 8 or 9;
- yes/no (II.03) and the milestone (II.01): "no" until a random month, "yes" after it (the
  milestone may never come);
- who reports: the commune lead unit(s); a group lead reports as the group (I.01, I.02 by ALL);
  an indicator led at the upper level is reported by its commune tracking unit; section III rates,
  which name no unit, are reported with no unit;
- when: the report for month M, which covers 15/(M-1) to 14/M (Nghị định 09/2019/NĐ-CP), is
  submitted once that window has closed, between the 15th and the 19th of M (on time: the 15th
  to the 19th with probabilities 3, 2, 3, 2 and 2 in 12), and late (20th-28th) with probability
  12%; a report is missing with probability 6%; a submission is
  corrected a few days later by a second one with probability 6% (both are kept, the later
  supersedes); 70% of submissions carry an evidence document.
"""
from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import random
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NOTE = "Số liệu minh họa, không phải số liệu chính thức (illustrative)"
COLUMNS = ["indicator", "period", "value", "numerator", "denominator", "unit", "submitted",
           "evidence_id", "evidence_title", "evidence_location", "note"]


def reporters(ind: dict) -> list[str]:
    """The commune units (or group) answering for an indicator's monthly report."""
    leads = [a["unit"] for a in ind["assignments"] if a["role"] == "lead"]
    if leads:
        return leads
    tracking = [a["unit"] for a in ind["assignments"] if a["role"] == "tracking"]
    return tracking[:1]


def first_target(ind: dict, year: int) -> dict | None:
    for t in ind["targets"]:
        if t["year"] == year:
            return t
    return None


def monthly_values(ind: dict, rng: random.Random, months: int) -> list[tuple[float, float | None]]:
    """(value, denominator) for each month, in the indicator's own scale."""
    target = first_target(ind, 2026)
    kind = ind["kind"]
    if kind == "count-of-total":
        total = float(target["denominator"])
        start, end = rng.choice([5, 6]), rng.choice([8, 9])
        return [(float(round(start + (end - start) * m / (months - 1))), total)
                for m in range(months)]
    if kind in ("yes-no", "milestone"):
        switch = rng.randint(2, 14)  # month index from which it is reached (may be never)
        return [(1.0 if m >= switch else 0.0, None) for m in range(months)]
    goal = target["value"] if target else 1.0
    start = goal * rng.uniform(0.55, 0.95)
    end = min(1.0, goal * rng.uniform(0.85, 1.10))
    out = []
    for m in range(months):
        v = start + (end - start) * m / (months - 1) + rng.gauss(0.0, 0.01 * goal)
        out.append((round(min(1.0, max(0.0, v)), 4), None))
    return out


def submissions(ind: dict, unit: str, year: int, month: int, value: float,
                denominator: float | None, rng: random.Random) -> list[dict]:
    """The submissions of one unit for one indicator and month: none, one, or one corrected."""
    if rng.random() < 0.06:
        return []  # missing report
    late = rng.random() < 0.12
    # On time: one draw u from 8..19, mapped onto the 15th..19th as 15 + 5(u-8)//12 (one draw of
    # the same range as ever, so every other figure of the file stays as it was).
    day = rng.randint(20, 28) if late else 15 + 5 * (rng.randint(8, 19) - 8) // 12
    submitted = dt.date(year, month, day)
    row = {
        "indicator": ind["id"],
        "period": f"{year}-{month:02d}",
        "value": f"{value:g}",
        "numerator": f"{value:g}" if denominator else "",
        "denominator": f"{denominator:g}" if denominator else "",
        "unit": unit,
        "submitted": submitted.isoformat(),
        "evidence_id": "", "evidence_title": "", "evidence_location": "",
        "note": NOTE,
    }
    if rng.random() < 0.70:
        row["evidence_id"] = f"MH-{ind['id']}-{year}{month:02d}"
        row["evidence_title"] = (f"Báo cáo số liệu chỉ tiêu {ind['id']} tháng {month}/{year}"
                                 " (minh họa)")
        row["evidence_location"] = "Hồ sơ lưu tại Phòng VH-XH (minh họa)"
    out = [row]
    if ind["kind"] == "rate" and rng.random() < 0.06:
        fixed = dict(row)
        corrected = round(min(1.0, max(0.0, value + rng.uniform(-0.03, 0.03))), 4)
        fixed["value"] = f"{corrected:g}"
        fixed["submitted"] = (submitted + dt.timedelta(days=rng.randint(1, 6))).isoformat()
        fixed["note"] = NOTE + "; đính chính số liệu đã báo cáo"
        out.append(fixed)
    return out


def generate(seed: int, year: int = 2026) -> list[dict]:
    rng = random.Random(seed)
    plan = json.loads((ROOT / "data" / "dai-phuoc-2026-2030.json").read_text(encoding="utf-8"))
    rows: list[dict] = []
    for ind in plan["indicators"]:
        values = monthly_values(ind, rng, 12)
        for month, (value, denominator) in enumerate(values, start=1):
            for unit in reporters(ind) or [""]:
                rows.extend(submissions(ind, unit, year, month, value, denominator, rng))
    rows.sort(key=lambda r: (r["submitted"], r["indicator"], r["unit"]))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=20260101)
    parser.add_argument("--out", type=Path,
                        default=ROOT / "data" / "examples" / "illustrative-observations-2026.csv")
    args = parser.parse_args()
    rows = generate(args.seed)
    tmp = args.out.with_suffix(".tmp")
    with tmp.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=COLUMNS)
        writer.writeheader()
        writer.writerows(rows)
    tmp.replace(args.out)
    print(f"{len(rows)} illustrative observations written to {args.out}")


if __name__ == "__main__":
    main()
