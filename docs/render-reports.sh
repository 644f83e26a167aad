#!/usr/bin/env bash
# Renders the reports as readers see them, into docs/screenshots/:
# the progress report's XLSX opened by LibreOffice (converted to PDF, first
# page to PNG) and its print HTML through Chromium's PDF printer. Proves the
# XLSX opens in LibreOffice. Needs: libreoffice-calc (or -nogui), poppler-utils,
# chromium. Usage: docs/render-reports.sh [BUILD_DIR]
set -euo pipefail
build=$(realpath "${1:-build}")
here=$(cd "$(dirname "$0")" && pwd)
out="$here/screenshots"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
ntm="$build/src/cli/ntm"
"$ntm" demo --db "$work/demo.db" > /dev/null
for kind in progress commune; do
  if [ $kind = progress ]; then args=(progress --parent 42 --compare 2024-12-31); else args=(commune --unit 18172); fi
  "$ntm" report "${args[@]}" --db "$work/demo.db" --at 2026-06-30 --issued 2026-07-05 \
    --format xlsx -o "$work/$kind.xlsx" > /dev/null
  "$ntm" report "${args[@]}" --db "$work/demo.db" --at 2026-06-30 --issued 2026-07-05 \
    --format html -o "$work/$kind.html" > /dev/null
  # XLSX -> PDF by LibreOffice: fails loudly if the file does not open.
  soffice --headless --norestore -env:UserInstallation=file://$work/lo \
    --convert-to pdf --outdir "$work/xlsx" "$work/$kind.xlsx" > /dev/null
  test -s "$work/xlsx/$kind.pdf"
  pdftoppm -png -r 70 -f 1 -l 1 -singlefile "$work/xlsx/$kind.pdf" "$out/report-$kind-xlsx-libreoffice"
  chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer \
    --print-to-pdf="$work/$kind-html.pdf" "file://$work/$kind.html" 2> /dev/null
  pdftoppm -png -r 70 -f 1 -l 1 -singlefile "$work/$kind-html.pdf" "$out/report-$kind-html-print"
  echo "report $kind: XLSX opened in LibreOffice ($(pdfinfo "$work/xlsx/$kind.pdf" | awk '/Pages/{print $2}') pages)," \
       "HTML printed ($(pdfinfo "$work/$kind-html.pdf" | awk '/Pages/{print $2}') pages)"
done
ls -1 "$out"/report-*.png
