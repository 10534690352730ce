#!/usr/bin/env bash
# The C++ lint: clang-format (the style of .clang-format, checked, nothing rewritten) and
# clang-tidy (the checks of .clang-tidy) over the library, the bindings, the tests and the
# consumer. clang-tidy needs the compile commands of the C++ build:
#   cmake -S . -B build/cpp -G Ninja -DDTIPLAN_BUILD_TESTS=ON   (exports compile_commands.json)
# Usage: scripts/lint-cpp.sh [--format-only | --tidy-only]   (CLANG_FORMAT, CLANG_TIDY, BUILD_DIR,
# JOBS override the tools, the build folder and the parallel jobs.)
# To apply the format instead of checking it: clang-format -i $(git ls-files '*.cpp' '*.hpp')
set -euo pipefail
cd "$(dirname "$0")/.."

CLANG_FORMAT=${CLANG_FORMAT:-clang-format}
CLANG_TIDY=${CLANG_TIDY:-clang-tidy}
BUILD_DIR=${BUILD_DIR:-build/cpp}
JOBS=${JOBS:-2}
mode=${1:-all}

mapfile -t files < <(git ls-files -- 'src/*.cpp' 'src/*.hpp' 'include/*.hpp' 'bindings/*.cpp' \
    'bindings/*.hpp' 'tests/cpp/*.cpp' 'tests/cpp/*.hpp' 'tests/consumer/*.cpp' \
    'tests/fuzz/*.cpp' 'tests/fuzz/*.hpp')

status=0
if [[ $mode != --tidy-only ]]; then
    echo "clang-format: ${#files[@]} files"
    "$CLANG_FORMAT" --dry-run --Werror "${files[@]}" || status=1
fi

if [[ $mode != --format-only ]]; then
    if [[ ! -f $BUILD_DIR/compile_commands.json ]]; then
        echo "lint-cpp: no $BUILD_DIR/compile_commands.json; configure the C++ build first" >&2
        exit 2
    fi
    # Sources only (headers are checked through them, HeaderFilterRegex in .clang-tidy). The
    # bindings and the consumer are built by other builds (the Python extension, the installed
    # package): their compile commands are in this database only when it has them.
    mapfile -t sources < <(printf '%s\n' "${files[@]}" | grep '\.cpp$' |
        while read -r f; do
            if grep -q "\"file\": \"[^\"]*/$f\"" "$BUILD_DIR/compile_commands.json"; then
                echo "$f"
            fi
        done)
    all_sources=$(printf '%s\n' "${files[@]}" | grep -c '\.cpp$' || true)
    if (( all_sources > ${#sources[@]} )); then
        echo "clang-tidy: $((all_sources - ${#sources[@]})) sources not in $BUILD_DIR/compile_commands.json" \
            "(the bindings and the consumer are built by other builds) are not tidied"
    fi
    echo "clang-tidy: ${#sources[@]} files"
    printf '%s\n' "${sources[@]}" |
        xargs -P "$JOBS" -n 4 "$CLANG_TIDY" -p "$BUILD_DIR" --quiet --warnings-as-errors="*" \
        --extra-arg=-Wno-unknown-warning-option \
        || status=1
fi
exit $status
