"""Benchmarks of the rank engine against plain numpy, in one run on one machine.

What it runs (docs/performance.md):
  1. province: 95 units x 47 components x 100,000 draws, the C++ engine (dtiplan_bench, all
     hardware threads) and benchmarks/numpy_reference.py on the same synthetic province;
  2. national: 3,321 x 47 x 10,000 draws, the same (numpy on --numpy-national-draws draws,
     1,000 by default, its time scaled linearly to 10,000 and marked as scaled);
  3. the exact method for one unit against 94 and 3,320 peers: the whole rank distribution, and
     P(top 10) with the expected rank alone (counting the peers ahead only up to 10), whose
     time against 3,320 peers is compared with its time against 94 (target: at most 5x);
  4. the whole exact distribution against 128,000 peers, with the longest wait between two
     progress calls and the program's peak memory;
  5. a 128,025-row illustrative peer table (scripts/make_example_peers.py --units, about 53 MB):
     its load alone (dtiplan.load_peers in a fresh interpreter) and the whole command
     `dtiplan rank --peers FILE --method exact`, each with its wall time and peak memory
     (/usr/bin/time). Needs dtiplan installed in the interpreter running this script.
With numba installed (requirements-bench.txt), cases 1 and 2 also run benchmarks/numba_reference.py
(national: on --numba-national-draws draws, scaled). It checks that the implementations agree (the
rank-probability matrices within Monte Carlo
error) and writes benchmarks/results.json and the table in docs/performance.md.

The C++ side runs through the small benchmark program benchmarks/bench_ranks.cpp rather than
the Python module, so that the figures are the library's own (no binding in the way) and the
script works before the binding exists. It is built here with CMake's `bench` preset
(CMakePresets.json), in --build-dir.

    python benchmarks/run_benchmarks.py [--build-dir build/bench] [--quick]
    python benchmarks/run_benchmarks.py --exact-only        # cases 3-5 only (no Monte Carlo)

The synthetic province is illustrative (not real results); timings are wall-clock seconds, best
of --repeat runs for the C++ engine, one run for numpy.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
import numpy_reference  # noqa: E402


def run(cmd: list[str], **kw) -> str:
    return subprocess.run(cmd, check=True, capture_output=True, text=True, **kw).stdout


def build(build_dir: Path) -> Path:
    """Configure with the `bench` preset of CMakePresets.json (in build_dir) and build the
    benchmark program."""
    run(["cmake", "--preset", "bench", "-B", str(build_dir)], cwd=ROOT)
    run(["cmake", "--build", str(build_dir), "--target", "dtiplan_bench"])
    exe = build_dir / "benchmarks" / "dtiplan_bench"
    if not exe.exists():
        raise SystemExit(f"no benchmark program at {exe}")
    return exe


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def machine(bench_info: dict) -> dict:
    info = {
        "cpu": cpu_model(),
        "logical_cpus": os.cpu_count(),
        "usable_cpus": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count(),
        "platform": platform.platform(),
        "python": platform.python_version(),
        "numpy": np.__version__,
        "compiler": bench_info.get("compiler"),
        "dtiplan": bench_info.get("dtiplan"),
        "avx2": bench_info.get("avx2"),
        "avx512f": bench_info.get("avx512f"),
    }
    try:
        info["load_average_at_start"] = os.getloadavg()
    except OSError:
        pass
    try:
        info["commit"] = run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"]).strip()
    except (OSError, subprocess.CalledProcessError):
        pass
    return info


def compare(cpp: np.ndarray, cpp_draws: int, ref: np.ndarray, ref_draws: int) -> dict:
    """Agreement of two Monte Carlo rank-probability matrices.

    Each cell's difference is divided by its standard error sqrt(p (1 - p) (1/D1 + 1/D2)), p the
    pooled estimate, over the cells where both runs expect at least 5 draws (elsewhere the
    normal approximation of a count fails); with C such cells, agreeing methods keep the largest
    |z| below about sqrt(2 ln C) + 1 and the mean z^2 near 1. The expected ranks are compared the
    same way (sd of the rank / sqrt(D))."""
    p = (cpp * cpp_draws + ref * ref_draws) / (cpp_draws + ref_draws)
    judged = p * min(cpp_draws, ref_draws) >= 5.0
    se = np.sqrt(p * (1 - p) * (1 / cpp_draws + 1 / ref_draws))
    z = np.abs(cpp - ref)[judged] / se[judged]
    ranks = np.arange(1, cpp.shape[0] + 1)
    e_cpp, e_ref = cpp @ ranks, ref @ ranks
    sd = np.sqrt(np.maximum(cpp @ ranks**2 - e_cpp**2, 1e-12))
    e_z = np.abs(e_cpp - e_ref) / (sd * np.sqrt(1 / cpp_draws + 1 / ref_draws))
    cells = int(judged.sum())
    bound = float(np.sqrt(2 * np.log(max(cells, 2))) + 1.0)
    e_bound = float(np.sqrt(2 * np.log(cpp.shape[0])) + 1.0)
    return {
        "max_abs_difference": float(np.abs(cpp - ref).max()),
        "cells_compared": cells,
        "max_z": float(z.max()),
        "max_z_bound": bound,
        "mean_z_squared": float((z**2).mean()),
        "max_expected_rank_z": float(e_z.max()),
        "max_expected_rank_z_bound": e_bound,
        "agree": bool(z.max() < bound and e_z.max() < e_bound),
    }


def numba_case(mean: np.ndarray, sd: np.ndarray, model: dict, draws: int, numba_draws: int) -> dict | None:
    """The numba implementation on the same model (compiled first, not timed), on numba_draws
    draws, its time scaled to `draws`; None when numba is not installed (requirements-bench.txt)."""
    try:
        import numba_reference
    except ImportError:
        print("run_benchmarks: numba is not installed, so no numba comparison "
              "(.venv/bin/python -m pip install -r requirements-bench.txt)", file=sys.stderr)
        return None
    compile_seconds = numba_reference.warm_up(mean, sd, model["rules"], model["total_points"])
    start = time.perf_counter()
    counts = numba_reference.simulate_ranks_numba(mean, sd, model["rules"], model["total_points"],
                                                  numba_draws, seed=7)
    seconds = time.perf_counter() - start
    import numba
    return {"draws": numba_draws, "wall_seconds": seconds, "wall_seconds_at_draws": seconds * draws / numba_draws,
            "scaled": numba_draws != draws, "threads": numba.get_num_threads(), "version": numba.__version__,
            "compile_seconds": compile_seconds, "counts": counts}


def kernel_runs(exe: Path, units: int, draws: int, threads: int, repeat: int, workdir: Path, automatic_out: Path,
                automatic: dict) -> dict:
    """The same case with each narrower build of the kernel this machine runs (AVX2 on an AVX-512
    machine: the speed a processor without AVX-512 would get from its own build, same clock): wall
    and CPU time, and whether its rank matrix is byte-identical to the automatic build's."""
    out = {automatic["kernel"]: {"wall_seconds_best": min(automatic["wall_seconds"]),
                                 "cpu_seconds_best": min(automatic["cpu_seconds"]), "identical": True}}
    info = json.loads(run([str(exe), "info"]))
    for kernel in info.get("kernels", []):
        if kernel in out or kernel == "baseline":
            continue
        path = workdir / f"cpp_{units}_{kernel}.npy"
        got = json.loads(run([str(exe), "simulate", "--units", str(units), "--draws", str(draws), "--threads",
                              str(threads), "--repeat", str(repeat), "--out", str(path), "--kernel", kernel]))
        out[kernel] = {"wall_seconds_best": min(got["wall_seconds"]), "cpu_seconds_best": min(got["cpu_seconds"]),
                       "identical": path.read_bytes() == automatic_out.read_bytes()}
    return out


def monte_carlo_case(exe: Path, units: int, draws: int, numpy_draws: int, threads: int, repeat: int,
                     workdir: Path, numba_draws: int = 0) -> dict:
    model_dir = workdir / f"model_{units}"
    run([str(exe), "model", "--units", str(units), "--out", str(model_dir)])
    cpp_out = workdir / f"cpp_{units}.npy"
    cpp = json.loads(run([str(exe), "simulate", "--units", str(units), "--draws", str(draws), "--threads",
                          str(threads), "--repeat", str(repeat), "--out", str(cpp_out)]))
    mean, sd, model = numpy_reference.load_model(model_dir)
    start = time.perf_counter()
    counts = numpy_reference.simulate_ranks_numpy(mean, sd, model["rules"], model["total_points"], numpy_draws,
                                                  seed=1)
    numpy_seconds = time.perf_counter() - start
    scaled = numpy_seconds * draws / numpy_draws
    cpp_seconds = min(cpp["wall_seconds"])
    cpp_matrix = np.load(cpp_out)
    kernels = kernel_runs(exe, units, draws, threads, repeat, workdir, cpp_out, cpp)
    numba = numba_case(mean, sd, model, draws, numba_draws) if numba_draws else None
    if numba is not None:
        numba["agreement"] = compare(cpp_matrix, draws, numba.pop("counts") / numba_draws, numba_draws)
    return {
        "units": units,
        "components": int(mean.shape[1]),
        "draws": draws,
        "threads": cpp["threads"],
        "cpp_wall_seconds": cpp_seconds,
        "cpp_wall_seconds_all_runs": cpp["wall_seconds"],
        "cpp_cpu_seconds_all_runs": cpp["cpu_seconds"],
        "numpy_draws": numpy_draws,
        "numpy_wall_seconds": numpy_seconds,
        "numpy_wall_seconds_at_draws": scaled,
        "numpy_scaled": numpy_draws != draws,
        "speedup": scaled / cpp_seconds,
        "agreement": compare(cpp_matrix, draws, counts / numpy_draws, numpy_draws),
        "numba": numba,
        "kernel": cpp.get("kernel"),
        "kernels": kernels,
        "model": model["description"],
    }


def exact_case(exe: Path, units: int, repeat: int, top: int = 0) -> dict:
    cmd = [str(exe), "exact", "--units", str(units), "--repeat", str(repeat)]
    if top:
        cmd += ["--top", str(top)]
    out = json.loads(run(cmd))
    out["wall_seconds_best"] = min(out["wall_seconds"])
    return out


EXACT_CASES = (
    ("exact_province", "whole distribution"),
    ("exact_national", "whole distribution"),
    ("exact_top10_province", "P(top 10), E[rank]"),
    ("exact_top10_national", "P(top 10), E[rank]"),
    ("exact_pmf_128000", "whole distribution"),
)


def exact_cases(exe: Path, repeat: int, pmf_units: int = 128_001, table_rows: int = 0,
                workdir: Path | None = None) -> dict:
    cases = {
        "exact_province": exact_case(exe, 95, max(5, repeat)),
        "exact_national": exact_case(exe, 3321, repeat),
        "exact_top10_province": exact_case(exe, 95, max(5, repeat), top=10),
        "exact_top10_national": exact_case(exe, 3321, max(5, repeat), top=10),
    }
    if pmf_units:
        print(f"exact: the whole distribution against {pmf_units - 1:,} peers ...", flush=True)
        cases["exact_pmf_128000"] = exact_case(exe, pmf_units, 1)
    if table_rows and workdir is not None:
        print(f"exact: a {table_rows:,}-row peer table through the command ...", flush=True)
        cases["peers_table"] = peers_table_case(table_rows, workdir)
    return cases


def timed(cmd: list[str]) -> dict:
    """Wall seconds and peak resident memory (MB) of a command, by /usr/bin/time when present
    (else the peak of this script's children so far); its stdout and the end of its stderr."""
    time_exe = Path("/usr/bin/time")
    full = [str(time_exe), "-f", "%e %M", *cmd] if time_exe.exists() else cmd
    start = time.perf_counter()
    done = subprocess.run(full, capture_output=True, text=True)
    wall = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed ({done.returncode}):\n{done.stderr[-2000:]}")
    peak = None
    err = done.stderr
    if time_exe.exists():
        last = err.rstrip("\n").rsplit("\n", 1)[-1].split()
        peak = float(last[1]) / 1024.0
        err = err.rstrip("\n").rsplit("\n", 1)[0] if "\n" in err.rstrip("\n") else ""
    else:
        import resource

        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024.0
    return {"wall_seconds": wall, "peak_rss_mb": peak, "stdout": done.stdout, "stderr_tail": err[-400:]}


def peers_table_case(rows: int, workdir: Path) -> dict:
    """A `rows`-row illustrative peer table: made by scripts/make_example_peers.py, loaded alone
    (dtiplan.load_peers in a fresh interpreter) and ranked against by the command."""
    workdir.mkdir(parents=True, exist_ok=True)
    table = workdir / f"peers-{rows}.csv"
    if not table.exists():
        run([sys.executable, str(ROOT / "scripts" / "make_example_peers.py"), "--units", str(rows), "--out",
             str(table)])
    load_code = ("import sys, time, dtiplan; t = time.perf_counter(); "
                 "table = dtiplan.load_peers(sys.argv[1]); "
                 "print(len(table), time.perf_counter() - t)")
    load = timed([sys.executable, "-c", load_code, str(table)])
    loaded_rows, load_seconds = load["stdout"].split()
    command = timed([sys.executable, "-m", "dtiplan", "rank", "--peers", str(table), "--method", "exact",
                     "--format", "json"])
    answer = json.loads(command["stdout"])
    return {
        "rows": int(loaded_rows),
        "file_mb": table.stat().st_size / 1e6,
        "load_seconds": float(load_seconds),
        "load_process_wall_seconds": load["wall_seconds"],
        "load_peak_rss_mb": load["peak_rss_mb"],
        "command": f"dtiplan rank --peers {table.name} --method exact --format json",
        "command_wall_seconds": command["wall_seconds"],
        "command_peak_rss_mb": command["peak_rss_mb"],
        "command_progress_shown": "dtiplan:" in command["stderr_tail"],
        "command_output_keys": sorted(answer)[:12] if isinstance(answer, dict) else None,
    }


def fmt(x: float) -> str:
    return f"{x:.3f}" if x < 10 else f"{x:.1f}"


def markdown(results: dict) -> str:
    m = results["machine"]
    lines = [
        "### Latest run",
        "",
        f"Measured {results['date']} on {m['cpu']} ({m['usable_cpus']} usable of {m['logical_cpus']} logical CPUs; "
        f"AVX2 {m['avx2']}, AVX-512F {m['avx512f']}), {m['platform']}; {m['compiler']}, Python {m['python']}, "
        f"numpy {m['numpy']}"
        + (f"; commit {m['commit']}" if "commit" in m else "")
        + (f"; load average at start {', '.join(f'{x:.1f}' for x in m['load_average_at_start'])}"
           if "load_average_at_start" in m else "")
        + ".",
        "",
        "| case | units × components × draws | C++ engine, wall (s) | C++ CPU time (s) | numpy, wall (s) | speed-up | agreement |",
        "|---|---|---|---|---|---|---|",
    ]
    for key, label in (("province", "province (Đồng Nai)"), ("national", "national")):
        c = results[key]
        np_note = (f"{fmt(c['numpy_wall_seconds_at_draws'])} (scaled from {c['numpy_draws']:,} draws: "
                   f"{fmt(c['numpy_wall_seconds'])})" if c["numpy_scaled"] else fmt(c["numpy_wall_seconds"]))
        a = c["agreement"]
        lines.append(
            f"| {label} | {c['units']:,} × {c['components']} × {c['draws']:,} | {fmt(c['cpp_wall_seconds'])} "
            f"({c['threads']} threads) | {fmt(min(c['cpp_cpu_seconds_all_runs']))} | {np_note} | {c['speedup']:.0f}× | "
            f"max \\|Δp\\| {a['max_abs_difference']:.4f}; cells: max z {a['max_z']:.2f} (bound {a['max_z_bound']:.1f}, "
            f"mean z² {a['mean_z_squared']:.2f}); E[rank]: max z {a['max_expected_rank_z']:.2f} "
            f"(bound {a['max_expected_rank_z_bound']:.1f}): {'agree' if a['agree'] else 'DISAGREE'} |")
    for key, label in (("province", "province"), ("national", "national")):
        kernels = results.get(key, {}).get("kernels") or {}
        best = results.get(key, {}).get("kernel")
        if "avx2" in kernels and best in kernels and best != "avx2":
            a2, a5 = kernels["avx2"], kernels[best]
            lines += ["",
                      f"{label.capitalize()}, the AVX2 build of the kernel on the same machine: "
                      f"{fmt(a2['wall_seconds_best'])} s wall, {fmt(a2['cpu_seconds_best'])} s CPU, "
                      f"{a2['cpu_seconds_best'] / a5['cpu_seconds_best']:.2f}× the CPU time of the build "
                      f"picked here, {best} (target: at most 2×); "
                      + "; ".join(f"{name} {fmt(k['wall_seconds_best'])} s wall, {fmt(k['cpu_seconds_best'])} s CPU"
                                  for name, k in kernels.items() if name not in ("avx2", best))
                      + ("; every build's rank matrix byte-identical." if all(k["identical"] for k in kernels.values())
                         else "; rank matrices DIFFER.")]
    numba_rows = [(label, results[key]) for key, label in (("province", "province"), ("national", "national"))
                  if results.get(key, {}).get("numba")]
    if numba_rows:
        lines += ["", "| case | numba, wall (s) | numba threads | C++ engine, wall (s) | engine faster by | agreement |",
                  "|---|---|---|---|---|---|"]
        for label, c in numba_rows:
            nb = c["numba"]
            a = nb["agreement"]
            wall = (f"{fmt(nb['wall_seconds_at_draws'])} (scaled from {nb['draws']:,} draws: {fmt(nb['wall_seconds'])})"
                    if nb["scaled"] else fmt(nb["wall_seconds"]))
            lines.append(f"| {label} | {wall} | {nb['threads']} | {fmt(c['cpp_wall_seconds'])} | "
                         f"{nb['wall_seconds_at_draws'] / c['cpp_wall_seconds']:.1f}× | max z {a['max_z']:.2f} "
                         f"(bound {a['max_z_bound']:.1f}): {'agree' if a['agree'] else 'DISAGREE'} |")
        lines += ["", f"numba {numba_rows[0][1]['numba']['version']}: benchmarks/numba_reference.py, compiled before "
                  "timing, one block of draws per thread, numba's own generator."]
    elif "province" in results:
        lines += ["", "No numba comparison in this run: numba was not installed (requirements-bench.txt)."]
    lines += ["", "| exact method | computes | peers | points | seconds (best) | E[rank] | P(top 10) "
              "| longest wait for progress (s) | peak memory (MB) |",
              "|---|---|---|---|---|---|---|---|---|"]
    for key, what in EXACT_CASES:
        if key not in results:
            continue
        e = results[key]
        peak = f"{e['peak_rss_mb']:.0f}" if e.get("peak_rss_mb") is not None else "—"
        points = f"{e['points']:,}" if "points" in e else "—"
        lines.append(f"| {e['own']} | {what} | {e['peers']:,} | {points} | {e['wall_seconds_best']:.4f} | "
                     f"{e['expected_rank']:.2f} | {e['prob_top10']:.4f} | {e.get('longest_between_calls', 0):.3f} "
                     f"| {peak} |")
    if "peers_table" in results:
        t = results["peers_table"]
        lines += ["", f"A {t['rows']:,}-row illustrative peer table ({t['file_mb']:.0f} MB): loaded by "
                  f"`dtiplan.load_peers` in {t['load_seconds']:.2f} s (the whole interpreter: "
                  f"{t['load_process_wall_seconds']:.2f} s, peak {t['load_peak_rss_mb']:.0f} MB); "
                  f"`{t['command']}` in {t['command_wall_seconds']:.1f} s, peak {t['command_peak_rss_mb']:.0f} MB"
                  + ("; its progress line was shown." if t.get("command_progress_shown") else ".")]
    if "exact_machine" in results:
        em = results["exact_machine"]
        lines += ["", f"Exact cases measured {results['exact_date']} on {em['cpu']}"
                  + (f", load average at start {', '.join(f'{x:.1f}' for x in em['load_average_at_start'])}"
                     if "load_average_at_start" in em else "") + "."]
    if "exact_top10_national" in results and "exact_top10_province" in results:
        ratio = (results["exact_top10_national"]["wall_seconds_best"]
                 / results["exact_top10_province"]["wall_seconds_best"])
        lines += ["", f"P(top 10) against 3,320 peers took {ratio:.1f}× its time against 94 (target: at most 5×)."]
    verdicts = []
    for key, label, target in (("province", "province", 0.3), ("national", "national", 1.2)):
        if key in results:
            wall = results[key]["cpp_wall_seconds"]
            verdicts.append(f"{label} {fmt(wall)} s against {target} s: {'met' if wall <= target else 'NOT met'}")
    if verdicts:
        lines += ["", "Monte Carlo targets (2 cores, idle): " + "; ".join(verdicts) + "."]
    lines += ["", "Wall times are the best of the runs; CPU time is the engine's process CPU time over all its "
              "threads (the wall time an idle machine would approach, times the threads). numpy runs one "
              "thread (its matrix products may use more). Earlier targets (2 cores): province under 1 s, "
              "national under 10 s, at least 10× numpy. Illustrative synthetic province, not real results."]
    return "\n".join(lines) + "\n"


def write_performance_md(table: str) -> None:
    path = ROOT / "docs" / "performance.md"
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    start, end = "<!-- results:start -->", "<!-- results:end -->"
    block = f"{start}\n{table}{end}"
    if start in text and end in text:
        text = text[: text.index(start)] + block + text[text.index(end) + len(end):]
    else:
        text = text.rstrip("\n") + "\n\n" + block + "\n"
    path.write_text(text, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--build-dir", type=Path, default=ROOT / "build" / "bench")
    parser.add_argument("--threads", type=int, default=0, help="C++ worker threads (0: all)")
    parser.add_argument("--repeat", type=int, default=3, help="C++ runs per case (best is reported)")
    parser.add_argument("--province-draws", type=int, default=100_000)
    parser.add_argument("--national-draws", type=int, default=10_000)
    parser.add_argument("--numpy-province-draws", type=int, default=100_000)
    parser.add_argument("--numpy-national-draws", type=int, default=1_000)
    parser.add_argument("--quick", action="store_true", help="a tenth of the draws (a smoke run; not for the docs)")
    parser.add_argument("--no-write", action="store_true", help="print, do not write results.json or docs")
    parser.add_argument("--pmf-units", type=int, default=128_001,
                        help="units of the whole-distribution case (0: skip it)")
    parser.add_argument("--table-rows", type=int, default=128_025,
                        help="rows of the peer table loaded and ranked against by the command (0: skip it)")
    parser.add_argument("--exe", type=Path, help="a dtiplan_bench already built (skips the build)")
    parser.add_argument("--numba-province-draws", type=int, default=100_000,
                        help="draws of the numba implementation (0: skip it; needs requirements-bench.txt)")
    parser.add_argument("--numba-national-draws", type=int, default=1_000)
    parser.add_argument("--exact-only", action="store_true",
                        help="run only the exact-method cases; keep the Monte Carlo cases of results.json")
    args = parser.parse_args()
    if args.quick:
        args.province_draws //= 10
        args.national_draws //= 10
        args.numpy_province_draws //= 10
        args.numpy_national_draws //= 10
        args.numba_province_draws //= 10
        args.numba_national_draws //= 10

    exe = args.exe if args.exe else build(args.build_dir)
    bench_info = json.loads(run([str(exe), "info"]))
    results = {
        "date": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
        "machine": machine(bench_info),
        "illustrative": "synthetic province (seeded), not real results",
        "command": " ".join([Path(sys.executable).name, *sys.argv]),
    }
    if args.exact_only:
        previous = json.loads((HERE / "results.json").read_text(encoding="utf-8"))
        print("exact ...", flush=True)
        previous.update(exact_cases(exe, args.repeat, args.pmf_units, args.table_rows,
                                    args.build_dir / "bench-data"))
        previous["exact_date"] = results["date"]
        previous["exact_command"] = results["command"]
        previous["exact_machine"] = results["machine"]
        table = markdown(previous)
        print(table)
        if not args.no_write:
            (HERE / "results.json").write_text(json.dumps(previous, indent=2, ensure_ascii=False) + "\n",
                                               encoding="utf-8")
            write_performance_md(table)
        return
    workdir = args.build_dir / "bench-data"
    workdir.mkdir(parents=True, exist_ok=True)
    threads = args.threads or (bench_info.get("hardware_threads") or os.cpu_count() or 1)
    print("province ...", flush=True)
    results["province"] = monte_carlo_case(exe, 95, args.province_draws, args.numpy_province_draws, threads,
                                           args.repeat, workdir, args.numba_province_draws)
    print("national ...", flush=True)
    results["national"] = monte_carlo_case(exe, 3321, args.national_draws, args.numpy_national_draws, threads,
                                           args.repeat, workdir, args.numba_national_draws)
    print("exact ...", flush=True)
    results.update(exact_cases(exe, args.repeat, args.pmf_units, args.table_rows, workdir))

    table = markdown(results)
    print(json.dumps(results, indent=2, ensure_ascii=False))
    print(table)
    if not args.no_write and not args.quick:
        (HERE / "results.json").write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        write_performance_md(table)


if __name__ == "__main__":
    main()
