#!/usr/bin/env bash
# Builds the libFuzzer targets (preset fuzz: clang, AddressSanitizer, UndefinedBehaviorSanitizer)
# and runs each for SECONDS (default 20) on a corpus that starts from the project's own files
# (the built-in plan and framework, the plan's target phrases, the illustrative observations,
# peers and dossiers). Any finding (crash, sanitizer report, leak, broken round trip or summary
# that does not add up, a message that is not one line of UTF-8, an input taking more than 10 s)
# fails the run and keeps the input in build/fuzz/findings/. Prints the executions of each
# target. docs/fuzzing.md.
#   scripts/fuzz.sh [SECONDS] [TARGET...]
set -euo pipefail
cd "$(dirname "$0")/.."

EACH="${1:-20}"
shift || true
TARGETS=("$@")
[ ${#TARGETS[@]} -gt 0 ] || TARGETS=(target_phrase plan_json framework_json observations peers dossiers)
CORPUS="${DTIPLAN_FUZZ_CORPUS:-build/fuzz/corpus}"
SEEDS=build/fuzz/seeds
FINDINGS=build/fuzz/findings

if [ -z "${CMAKE_CXX_COMPILER_LAUNCHER:-}" ] && command -v ccache >/dev/null 2>&1; then
  export CMAKE_CXX_COMPILER_LAUNCHER=ccache
fi
unset CXX  # the preset names clang++
if [ -z "${DTIPLAN_FUZZ_NO_BUILD:-}" ]; then  # set: run the targets as last built
  cmake --preset fuzz >/dev/null
  # Quiet when it builds; the compiler's messages when it does not (ninja prints them on stdout).
  if ! build_log=$(cmake --build --preset fuzz -j "${JOBS:-$(nproc)}" 2>&1); then
    printf '%s\n' "$build_log" | grep -v '^\[' | tail -n 40 >&2
    echo "fuzz: the fuzz targets did not build (clang)" >&2
    exit 1
  fi
fi

# The seeds, made again on each run from the files they come from.
rm -rf "$SEEDS"
python3 - "$SEEDS" <<'PY'
import csv, io, json, pathlib, sys

out = pathlib.Path(sys.argv[1])
def seed(target, name, data):
    d = out / target
    d.mkdir(parents=True, exist_ok=True)
    (d / name).write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))

plan_text = pathlib.Path("data/dai-phuoc-2026-2030.json").read_text("utf-8")
seed("plan_json", "dai-phuoc.json", plan_text)
seed("framework_json", "framework-default.json", pathlib.Path("data/framework-default.json").read_text("utf-8"))
phrases = sorted({t["text"] for i in json.loads(plan_text)["indicators"] for t in i.get("targets", [])})
for k, p in enumerate(phrases):
    seed("target_phrase", f"phrase-{k:03d}", p)
rows = pathlib.Path("data/examples/illustrative-observations-2026.csv").read_text("utf-8").splitlines(True)
seed("observations", "csv-all", "c" + "".join(rows))
seed("observations", "csv-head", "c" + "".join(rows[:12]))
seed("observations", "csv-semicolon", "c" + "".join(r.replace(",", ";") for r in rows[:1]) + "I.03;2026-03;85,5%;;;TTPVHCC;2026-04-18;;;;\n")
records = []
for r in list(csv.DictReader(io.StringIO("".join(rows[:12])))):
    o = {"indicator": r["indicator"], "period": r["period"], "value": float(r["value"]), "unit": r["unit"],
         "submitted": r["submitted"], "note": r["note"],
         "evidence": [{"id": r["evidence_id"], "title": r["evidence_title"], "location": r["evidence_location"]}]}
    records.append(o)
seed("observations", "json-head", "j" + json.dumps({"schema": "dtiplan.observations/1", "observations": records}, ensure_ascii=False, indent=1))
peers = pathlib.Path("data/examples/illustrative-peers-2025.csv").read_text("utf-8").splitlines(True)
seed("peers", "framework-all", "f" + "".join(peers))
seed("peers", "framework-head", "f" + "".join(peers[:6]))
dossiers = pathlib.Path("data/examples/illustrative-dossiers-2026.csv").read_text("utf-8").splitlines(True)
seed("dossiers", "strict-head", "\x00" + "".join(dossiers[:8]))
seed("dossiers", "skip-bad-november", "\x05" + "".join(dossiers[:8]))
seed("dossiers", "calendar-semicolon", "\x02" + "".join(r.replace(",", ";") for r in dossiers[:6]))
seed("peers", "plain-head", "-" + "".join(",".join(line.split(",")[:3]).rstrip("\n") + "\n" for line in peers[:6]))
PY

mkdir -p "$FINDINGS"
status=0
for t in "${TARGETS[@]}"; do
  mkdir -p "$CORPUS/$t"
  log="build/fuzz/$t.log"
  if build/fuzz/tests/fuzz/"${t}_fuzz" "$CORPUS/$t" "$SEEDS/$t" -max_total_time="$EACH" -timeout=10 \
       -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$FINDINGS/$t-" >"$log" 2>&1; then
    result="ok"
  else
    result="FINDING (see $log and $FINDINGS/)"
    status=1
  fi
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  echo "fuzz $t: ${execs:-?} executions in ${EACH} s, corpus $(ls "$CORPUS/$t" | wc -l) inputs: $result"
done
exit $status
