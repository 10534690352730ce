#!/usr/bin/env bash
# Makes docs/images/mau-so-lieu.png, the picture of a unit's template in docs/huong-dan/ and
# docs/collection.md: TT PVHCC's template for November 2026 with the last values of the
# illustrative observations (labelled as such in the sheet), printed to PDF by LibreOffice Calc
# and its top cut out by pdftoppm (poppler-utils). Needs scripts/setup.sh first.
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
.venv/bin/python -m dtiplan template --month 2026-11 --unit TTPVHCC \
  --observations data/examples/illustrative-observations-2026.csv \
  --output "$work/mau-so-lieu-TTPVHCC-2026-11.xlsx" >/dev/null
soffice "-env:UserInstallation=file://$work/profile" --headless --convert-to pdf \
  --outdir "$work" "$work/mau-so-lieu-TTPVHCC-2026-11.xlsx" >/dev/null 2>&1
pdftoppm -png -r 150 -f 1 -l 1 -x 60 -y 100 -W 1640 -H 330 -singlefile \
  "$work/mau-so-lieu-TTPVHCC-2026-11.pdf" docs/images/mau-so-lieu
echo "docs/images/mau-so-lieu.png"
