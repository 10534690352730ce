#!/usr/bin/env bash
# Runs every test from a fresh machine: set-up, then the C++ tests (GoogleTest, warnings as
# errors), the same tests built with AddressSanitizer and UndefinedBehaviorSanitizer, the
# consumer project that finds the installed library with find_package, and the Python tests.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh

export PATH="$PWD/.venv/bin:$PATH"
JOBS="${JOBS:-$(nproc)}"

echo "== C++ tests"
cmake -S . -B build/cpp -G Ninja -DCMAKE_BUILD_TYPE=Release -DDTIPLAN_BUILD_TESTS=ON \
      -DDTIPLAN_WERROR=ON -DCMAKE_INSTALL_PREFIX="$PWD/build/prefix" >/dev/null
cmake --build build/cpp -j "$JOBS"
ctest --test-dir build/cpp --output-on-failure -j "$JOBS"

echo "== C++ tests with AddressSanitizer and UndefinedBehaviorSanitizer"
cmake -S . -B build/asan -G Ninja -DCMAKE_BUILD_TYPE=Debug -DDTIPLAN_BUILD_TESTS=ON \
      -DDTIPLAN_SANITIZE=ON -DDTIPLAN_INSTALL=OFF >/dev/null
cmake --build build/asan -j "$JOBS"
ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
  ctest --test-dir build/asan --output-on-failure -j "$JOBS"

echo "== Consumer project (find_package(dtiplan CONFIG REQUIRED))"
rm -rf build/prefix build/consumer
cmake --install build/cpp >/dev/null
cmake -S tests/consumer -B build/consumer -G Ninja -DCMAKE_PREFIX_PATH="$PWD/build/prefix" >/dev/null
cmake --build build/consumer
build/consumer/dtiplan_consumer
# The Python tests compare its results with the command's (tests/python/test_consumer_pipeline.py).
export DTIPLAN_CONSUMER="$PWD/build/consumer/dtiplan_consumer"

echo "== Python tests"
.venv/bin/python -m pytest tests/python
