#!/usr/bin/env bash
# A long fuzzing campaign: every target for HOURS (default 1) in all, one after another, on the
# corpus kept in build/fuzz/corpus (it grows from run to run), through scripts/fuzz.sh. Prints
# each target's executions; record them in docs/fuzzing.md with what was found and fixed.
#   scripts/fuzz-campaign.sh [HOURS] [TARGET...]
set -euo pipefail
cd "$(dirname "$0")/.."
HOURS="${1:-1}"
shift || true
TARGETS=("$@")
[ ${#TARGETS[@]} -gt 0 ] || TARGETS=(target_phrase plan_json framework_json observations peers dossiers)
EACH=$(python3 -c "print(int(float('$HOURS') * 3600 / ${#TARGETS[@]}))")
exec scripts/fuzz.sh "$EACH" "${TARGETS[@]}"
