#!/usr/bin/env bash
# The main job: set up, then the coordinator's report on the built-in plan of Đại Phước
# 2026-2030 (the plan check, then the overview of every indicator, target and lead unit).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh >&2
.venv/bin/dtiplan check "$@"
echo
.venv/bin/dtiplan show "$@"
