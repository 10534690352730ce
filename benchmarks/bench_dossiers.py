"""Benchmark of the dossier reader against pandas, side by side in one run on one machine.

It writes a seeded export of --rows dossiers (1,000,000 by default) with
scripts/make_example_dossiers.py (illustrative rows), then times, on that file:
  1. the command, end to end: ``dtiplan dossiers FILE --format json`` (process start, import,
     the C++ streaming read and aggregation, the JSON written);
  2. the library call alone: ``dtiplan.read_dossiers`` (the C++ pass, through the binding);
  3. pandas: ``read_csv`` and a groupby computing the same counts per window and unit (the
     rates' numerators and denominators), vectorised, dates parsed with their format;
and checks that pandas and dtiplan give the same commune counts for every window. It writes
benchmarks/results-dossiers.json and the "Dossier exports" section of docs/performance.md.
Timings are wall-clock seconds, best of --repeat runs for each side. Not a test.

    .venv/bin/python benchmarks/bench_dossiers.py [--rows 1000000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pandas as pd

import dtiplan

ROOT = Path(__file__).resolve().parents[1]
DOC = ROOT / "docs" / "performance.md"
BEGIN, END = "<!-- dossiers:begin -->", "<!-- dossiers:end -->"


def pandas_counts(path: Path) -> pd.DataFrame:
    """The same counts as dtiplan's, per (period, unit), with pandas."""
    df = pd.read_csv(path, dtype=str, keep_default_na=False)
    fmt = "%d/%m/%Y"
    received = pd.to_datetime(df["ngay_tiep_nhan"], format=fmt)
    due = pd.to_datetime(df["ngay_hen_tra"], format=fmt)
    end = pd.to_datetime(df["ngay_ket_thuc"].replace("", None), format=fmt)
    shift = (received.dt.day >= 15).astype(int)
    month0 = received.dt.year * 12 + received.dt.month - 1 + shift
    year, month = month0 // 12, month0 % 12 + 1
    last = pd.to_datetime(pd.DataFrame({"year": year, "month": month, "day": 14}))

    def yes(col: str) -> pd.Series:
        return df[col].str.lower().isin(["có", "x", "1"])

    online = df["kenh"] == "trực tuyến"
    service = df["muc_do"] != ""
    full = df["muc_do"] == "toàn trình"
    half = full & online & (yes("yeu_cau_ban_chinh") | (df["nhan_ket_qua"] == "trực tiếp"))
    finished = end.notna()
    supplements = pd.to_numeric(df["so_lan_bo_sung"].replace("", "0"))
    on_time = finished & (end <= due) & (supplements <= 1)
    fee = yes("co_phi")
    flags = pd.DataFrame({
        "period": year.astype(str) + "-" + month.astype(str).str.zfill(2),
        "unit": df["don_vi"],
        "dossiers": 1,
        "with_online_service": service,
        "online_with_service": service & online,
        "full_online_procedure": full,
        "full_online_done": full & online & ~half,
        "digitised": yes("so_hoa"),
        "filed_online": online,
        "with_result": finished,
        "e_result": finished & yes("ket_qua_dien_tu"),
        "with_fee": fee,
        "paid_online": fee & yes("thanh_toan_truc_tuyen"),
        "on_time": on_time,
        "late": (finished & ~on_time) | (~finished & (due < last)),
    })  # fmt: skip
    return flags.groupby(["period", "unit"]).sum()


def best(fn, repeat: int) -> tuple[float, object]:  # type: ignore[no-untyped-def]
    times, out = [], None
    for _ in range(repeat):
        t0 = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - t0)
    return min(times), out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rows", type=int, default=1_000_000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--keep", metavar="FILE", help="write the export here and keep it")
    ap.add_argument(
        "--reader",
        metavar="EXE",
        help="also time the C++ reader alone: dtiplan_bench_dossiers built with "
        "-DDTIPLAN_BUILD_BENCHMARKS=ON (benchmarks/bench_dossier_reader.cpp)",
    )
    args = ap.parse_args()

    tmp = tempfile.TemporaryDirectory()
    path = Path(args.keep) if args.keep else Path(tmp.name) / "illustrative-dossiers-bench.csv"
    subprocess.run([sys.executable, str(ROOT / "scripts" / "make_example_dossiers.py"),
                    "--rows", str(args.rows), "--output", str(path)], check=True)  # fmt: skip
    size = path.stat().st_size
    load = os.getloadavg()[0]

    exe = Path(sys.executable).with_name("dtiplan")
    t_cmd, proc = best(lambda: subprocess.run(
        [str(exe), "dossiers", str(path), "--format", "json"], capture_output=True, text=True,
        check=True), args.repeat)  # fmt: skip
    plan = dtiplan.builtin_plan()
    t_lib, summary = best(lambda: dtiplan.read_dossiers(path, plan), args.repeat)
    cpu0 = time.process_time()
    t_pd, counts = best(lambda: pandas_counts(path), args.repeat)
    cpu_pd = (time.process_time() - cpu0) / args.repeat
    reader = None
    if args.reader:
        runs = [json.loads(subprocess.run([args.reader, str(path)], capture_output=True,
                                          text=True, check=True).stdout)
                for _ in range(args.repeat)]  # fmt: skip
        reader = min(runs, key=lambda r: r["wall_seconds"])
        for period, row in counts.groupby(level="period").sum().iterrows():  # type: ignore[attr-defined]
            for key, value in row.items():
                assert reader["windows"][period][key] == int(value), (period, key)

    # Agreement: every window's commune counts.
    ours = {str(w.period): w.commune.to_dict() for w in summary.windows}  # type: ignore[attr-defined]
    theirs = counts.groupby(level="period").sum()  # type: ignore[attr-defined]
    for period, row in theirs.iterrows():
        for key, value in row.items():
            assert ours[period][key] == int(value), (period, key, ours[period][key], value)
    assert json.loads(proc.stdout)["source"]["counted"] == args.rows  # type: ignore[attr-defined]

    result = {
        "date": dt.date.today().isoformat(),
        "rows": args.rows,
        "file_bytes": size,
        "command_seconds": round(t_cmd, 3),
        "library_seconds": round(t_lib, 3),
        "pandas_seconds": round(t_pd, 3),
        "pandas_cpu_seconds": round(cpu_pd, 3),
        "reader_seconds": None if reader is None else reader["wall_seconds"],
        "reader_cpu_seconds": None if reader is None else reader["cpu_seconds"],
        "rows_per_second_command": round(args.rows / t_cmd),
        "rows_per_second_library": round(args.rows / t_lib),
        "speedup_library_vs_pandas": round(t_pd / t_lib, 1),
        "speedup_command_vs_pandas": round(t_pd / t_cmd, 1),
        "agree": True,
        "machine": {
            "cpu": platform.processor() or platform.machine(),
            "cores": os.cpu_count(),
            "load_average_at_start": round(load, 1),
            "python": platform.python_version(),
            "pandas": pd.__version__,
        },
    }
    (ROOT / "benchmarks" / "results-dossiers.json").write_text(
        json.dumps(result, indent=2) + "\n", encoding="utf-8"
    )
    table = "\n".join([
        BEGIN,
        f"Latest run ({result['date']}, {args.rows:,} illustrative rows, {size / 1e6:.0f} MB, "
        f"{os.cpu_count()} cores, load average {load:.1f} at the start; best of {args.repeat}):",
        "",
        "| what | seconds | rows/s |",
        "|---|---|---|",
        f"| `dtiplan dossiers FILE --format json` (whole command) | {t_cmd:.2f} | {args.rows / t_cmd:,.0f} |",
        f"| `dtiplan.read_dossiers` (the C++ pass) | {t_lib:.2f} | {args.rows / t_lib:,.0f} |",
        f"| pandas `read_csv` + groupby, same counts | {t_pd:.2f} | {args.rows / t_pd:,.0f} |",
        "",
        f"The library is {t_pd / t_lib:.1f}× faster than pandas, the whole command "
        f"{t_pd / t_cmd:.1f}×; both give the same counts for every window.",
        END,
    ])  # fmt: skip
    text = DOC.read_text(encoding="utf-8")
    if BEGIN in text:
        text = text[: text.index(BEGIN)] + table + text[text.index(END) + len(END) :]
    else:
        text += "\n" + table + "\n"
    DOC.write_text(text, encoding="utf-8")
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
