#!/usr/bin/env bash
# Builds the documentation site (docs/, Sphinx + MyST + myst-nb) into build/docs/html with
# warnings as errors; links between pages and to headings are resolved while building
# (docs/site.md). The C++ reference is written from the headers as the build starts
# (docs/_ext/cpp_headers.py); the notebooks are shown with the outputs the Python tests saved in
# build/notebooks/, or executed here when those are missing or stale
# (docs/_ext/executed_notebooks.py). Needs the package installed in .venv (scripts/setup.sh): the
# API pages import it, the notebooks run it.
set -euo pipefail
cd "$(dirname "$0")/.."
rm -rf build/docs
.venv/bin/python -m sphinx -W --keep-going -q -b html docs build/docs/html
echo "docs: build/docs/html/index.html"
