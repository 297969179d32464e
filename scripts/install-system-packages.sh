#!/usr/bin/env bash
# System packages the tests need on a fresh Debian machine (run as root):
#   chromium          headless browser for the task pane's end-to-end tests
#   fonts-dejavu-core fonts for readable screenshots
#   libxml2-utils     xmllint, to validate manifest.xml against Microsoft's schemas offline
#   libreoffice-calc-nogui  a real spreadsheet engine that recalculates the .xlsx reports' formulas
#   poppler-utils     pdfinfo and pdftotext, to count and read a printed report's pages; pdftoppm, to render one to PNG
#   nginx             the department's shared SSB cache (deploy/nginx/), tested for real
set -euo pipefail
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
[ -d /usr/share/fonts/truetype/dejavu ] || need+=(fonts-dejavu-core)
command -v xmllint >/dev/null 2>&1 || need+=(libxml2-utils)
command -v soffice >/dev/null 2>&1 || need+=(libreoffice-calc-nogui)
{ command -v pdftoppm && command -v pdfinfo && command -v pdftotext; } >/dev/null 2>&1 || need+=(poppler-utils)
[ -x /usr/sbin/nginx ] || command -v nginx >/dev/null 2>&1 || need+=(nginx)
if [ ${#need[@]} -eq 0 ]; then
  echo "System packages already installed."
  exit 0
fi
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
$SUDO apt-get update
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y --no-install-recommends "${need[@]}"
