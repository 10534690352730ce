#!/usr/bin/env bash
# Installs everything dtiplan needs on a fresh Debian machine: the C++ dependencies from Debian's
# packages, and a Python virtual environment (.venv) with the build and test tools from PyPI and
# dtiplan itself. Safe to run again: it installs only what is missing and rebuilds incrementally.
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(g++ clang make libeigen3-dev libboost-date-time-dev nlohmann-json3-dev libgtest-dev clang-format chromium libreoffice-writer-nogui libreoffice-calc-nogui poppler-utils)
missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing Debian packages: ${missing[*]}"
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi

PYTHON="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
  echo "setup: creating .venv"
  "$PYTHON" -m venv .venv
fi
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -r requirements-dev.txt
# DTIPLAN_WERROR=ON scripts/setup.sh builds the extension with warnings as errors, as the C++
# tests are: the library's objects then have the same flags as those of the `release` preset, so
# that with ccache its second compile of them is a hit (docs/testing.md). Unset: CMake's cache
# keeps what the build directory had.
WERROR_SETTING=()
[ -n "${DTIPLAN_WERROR:-}" ] && WERROR_SETTING=(--config-settings=cmake.define.DTIPLAN_WERROR="$DTIPLAN_WERROR")
echo "setup: building and installing dtiplan into .venv"
.venv/bin/python -m pip install -q --no-build-isolation "${WERROR_SETTING[@]}" .
