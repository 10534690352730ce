#!/usr/bin/env bash
# The main job: set up, then the dossier figures of the illustrative one-stop-shop export
# (`dtiplan dossiers`: per unit the full-online rate and the "nửa vời" cases to follow up), then
# the coordinator's monthly report on the built-in plan of Đại Phước
# 2026-2030 (`dtiplan report`): the plan check in brief, the status of every indicator against
# its target with the DTI points, the month's reporting deadlines and the units' ranking board;
# then (`dtiplan project`) each indicator's projected 2026 value and progress status, and the
# projected DTI with its band; then (`dtiplan rank`) the projected rank among the province's 95
# units with its distribution, the chance of the top 10 and the points still needed; and last
# (`dtiplan improve`) the first actions of the improvement plan, each with its lead units. It
# ends by writing the month's report as the documents the office sends, into the folder
# bao-cao/ (or $DTIPLAN_OUT): bao-cao-thang.docx (the signed report, Nghị định 30/2020 layout),
# bao-cao-thang.xlsx (every table, one sheet each) and bang-xep-hang.html (the page for the
# portal), and prints where they are (docs/documents.md).
# Without --observations it uses the illustrative 2026 observations shipped with dtiplan, and
# without --peers the illustrative peer table (a synthetic province): invented figures
# (data/examples/README.md), and every output says so. Options are passed on to every verb:
# scripts/run.sh --lang en, --as-of 2026-03-25, --observations so-lieu.csv, --format json.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh >&2
# The illustrative dossier export (data/examples/README.md): the units' full-online rates and the
# "nửa vời" cases of the month before the report, read from the one-stop-shop system's export.
LANG_ARGS=()
prev=""
for a in "$@"; do
  if [ "$prev" = "--lang" ]; then LANG_ARGS=(--lang "$a"); fi
  case "$a" in --lang=*) LANG_ARGS=("$a") ;; esac
  prev="$a"
done
DOSSIERS=data/examples/illustrative-dossiers-2026.csv
.venv/bin/dtiplan dossiers "$DOSSIERS" --period 2026-11 "${LANG_ARGS[@]}"
echo
# The report's summary names the units with the most "nửa vời" cases of its month.
.venv/bin/dtiplan report --dossiers "$DOSSIERS" "$@"
echo
.venv/bin/dtiplan project "$@"
echo
.venv/bin/dtiplan rank "$@"
echo
.venv/bin/dtiplan improve --limit 10 "$@"
echo
OUT="${DTIPLAN_OUT:-bao-cao}"
mkdir -p "$OUT"
for f in bao-cao-thang.docx bao-cao-thang.xlsx bang-xep-hang.html; do
  .venv/bin/dtiplan report --dossiers "$DOSSIERS" "$@" --output "$OUT/$f" || [ $? -eq 1 ]
done
echo "Báo cáo tháng đã ghi vào thư mục $(cd "$OUT" && pwd):"
for f in bao-cao-thang.docx bao-cao-thang.xlsx bang-xep-hang.html; do
  echo "  $OUT/$f"
done
