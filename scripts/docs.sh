#!/usr/bin/env bash
# Builds the documentation site (docs/, Sphinx + MyST) into build/docs/html with warnings as
# errors; links between pages and to headings are resolved while building (docs/site.md).
# Needs the package installed in .venv (scripts/setup.sh): the API pages import it.
set -euo pipefail
cd "$(dirname "$0")/.."
rm -rf build/docs
.venv/bin/python -m sphinx -W --keep-going -q -b html docs build/docs/html
echo "docs: build/docs/html/index.html"
