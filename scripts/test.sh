#!/usr/bin/env bash
# Runs every test from a fresh machine: set-up, lint (ruff, mypy), then the C++ tests
# (GoogleTest, warnings as errors), the same tests built with AddressSanitizer and
# UndefinedBehaviorSanitizer, the fuzz targets for about 20 s each, the consumer project that finds
# the installed library with find_package, the Python tests, and the documentation site
# (docs/site.md). The C++ configurations are the presets of
# CMakePresets.json (release: build/cpp, asan: build/asan). Each step's wall-clock time is
# printed when it ends, and all of them at the end (docs/testing.md).
set -euo pipefail
cd "$(dirname "$0")/.."

# Compile through ccache when it is installed, so that a second run recompiles only what changed.
# ccache keys on the compiler's name too: call it g++ as the extension's build does (scikit-build-
# core takes Python's CXX, g++ on Debian), not CMake's default c++, so that the library objects of
# set-up and of the release preset can be the same compile (docs/testing.md).
if [ -z "${CMAKE_CXX_COMPILER_LAUNCHER:-}" ] && command -v ccache >/dev/null 2>&1; then
  export CMAKE_CXX_COMPILER_LAUNCHER=ccache
fi
export CXX="${CXX:-g++}"

STEP_NAME=""
STEP_START=0
STEP_TIMES=()
# begin NAME: start timing a step (ending the one before).
begin() {
  finish
  STEP_NAME="$1"
  STEP_START=$(date +%s%N)
}
# finish: print the running step's time and keep it for the summary.
finish() {
  [ -n "$STEP_NAME" ] || return 0
  local ms=$(( ($(date +%s%N) - STEP_START) / 1000000 ))
  local seconds
  seconds=$(printf '%d.%01d' $((ms / 1000)) $(((ms % 1000) / 100)))
  echo "-- ${STEP_NAME}: ${seconds} s"
  STEP_TIMES+=("$(printf '%8s s  %s' "$seconds" "$STEP_NAME")")
  STEP_NAME=""
}
summary() {
  local status=$?
  finish
  echo "== Step times (wall clock, $(nproc) cores)"
  printf '%s\n' "${STEP_TIMES[@]}"
  [ "$status" -eq 0 ] || echo "(failed: exit status $status)"
}
trap summary EXIT

begin "set-up (Python packages, the extension built by pip)"
scripts/setup.sh

export PATH="$PWD/.venv/bin:$PATH"
JOBS="${JOBS:-$(nproc)}"

begin "lint (ruff, mypy, clang-format)"
echo "== Lint"
# The files kept in ruff's format so far (the rest join the list as they are rewritten).
FORMATTED=(python/dtiplan/__init__.py python/dtiplan/plan.py python/dtiplan/track.py
           python/dtiplan/scoring.py python/dtiplan/plots.py tests/python/conftest.py
           tests/python/test_bindings.py python/dtiplan/_html.py python/dtiplan/rank/scenario.py
           python/dtiplan/rank/sensitivity.py python/dtiplan/report/scenario.py
           tests/python/test_scenarios.py tests/python/test_sensitivity.py
           tests/python/test_notebooks.py tests/python/test_reprs.py
           python/dtiplan/_text.py python/dtiplan/cli/_progress.py
           tests/python/test_cli_bad_input.py tests/python/test_saves.py
           tests/python/test_cancellation.py tests/python/test_round_trips.py
           python/dtiplan/dossiers.py
           python/dtiplan/report/dossiers.py tests/python/test_dossiers.py
           python/dtiplan/collect.py
           python/dtiplan/report/template.py python/dtiplan/report/collection.py
           tests/python/test_template.py tests/python/test_collect.py
           tests/python/test_validation.py tests/python/test_site.py
           docs/conf.py docs/_ext/cpp_headers.py docs/_ext/executed_notebooks.py)
.venv/bin/python -m ruff check python tests/python docs/conf.py docs/_ext
.venv/bin/python -m ruff format --check "${FORMATTED[@]}"
.venv/bin/python -m mypy python/dtiplan
# The C++ files in the style of .clang-format (clang-tidy: scripts/lint-cpp.sh, docs/testing.md).
scripts/lint-cpp.sh --format-only

begin "C++ tests, Release (preset release)"
echo "== C++ tests"
cmake --preset release >/dev/null
cmake --build --preset release -j "$JOBS"
ctest --preset release -j "$JOBS"

begin "C++ tests, ASan and UBSan (preset asan)"
echo "== C++ tests with AddressSanitizer and UndefinedBehaviorSanitizer"
cmake --preset asan >/dev/null
cmake --build --preset asan -j "$JOBS"
ctest --preset asan -j "$JOBS"

begin "fuzzing (clang, libFuzzer, ASan and UBSan; about 20 s per reader)"
echo "== Fuzz targets (docs/fuzzing.md)"
# Every reader of outside input for a short bounded time; any finding fails the run.
scripts/fuzz.sh "${DTIPLAN_FUZZ_SECONDS:-20}"

begin "consumer project"
echo "== Consumer project (find_package(dtiplan CONFIG REQUIRED))"
rm -rf build/prefix build/consumer
cmake --install build/cpp >/dev/null
cmake -S tests/consumer -B build/consumer -G Ninja -DCMAKE_PREFIX_PATH="$PWD/build/prefix" >/dev/null
cmake --build build/consumer
build/consumer/dtiplan_consumer
# The Python tests compare its results with the command's (tests/python/test_consumer_pipeline.py).
export DTIPLAN_CONSUMER="$PWD/build/consumer/dtiplan_consumer"

begin "Python tests"
echo "== Python tests"
# The browser test of the web page must run here, not skip (tests/python/test_documents.py).
export DTIPLAN_REQUIRE_BROWSER=1
# So must the test that re-saves a template with LibreOffice (tests/python/test_collect.py).
export DTIPLAN_REQUIRE_LIBREOFFICE=1
.venv/bin/python -m pytest tests/python

begin "documentation site"
echo "== Documentation site (Sphinx, warnings as errors, links between pages checked)"
scripts/docs.sh
