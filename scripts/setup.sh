#!/usr/bin/env bash
# Installs everything yuan needs on a fresh Debian/Ubuntu machine: Chromium and CJK fonts for rendering
# (flowcharts, PDFs, after-action reports), poppler-utils for the PDF tests, then the npm dependencies
# (`npm ci` also builds the CLI into dist/ and precompiles the JSON Schemas).
set -euo pipefail
cd "$(dirname "$0")/.."
need=()
command -v chromium >/dev/null 2>&1 || [ -n "${YUAN_CHROMIUM:-}" ] || need+=(chromium)
fc-list 2>/dev/null | grep -qi "Noto Sans CJK" || need+=(fonts-noto-cjk)
command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils)
if [ ${#need[@]} -gt 0 ]; then
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  if command -v apt-get >/dev/null 2>&1; then
    echo "yuan setup: installing ${need[*]} (apt-get)"
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
  else
    echo "yuan setup: please install ${need[*]} (rendering needs Chromium and CJK fonts); continuing without them" >&2
  fi
fi
# mermaid-cli (a benchmark baseline) pulls in puppeteer; package.json's "puppeteer": { "skipDownload": true } keeps
# it from downloading a browser (and "allowScripts" denies its install script where npm asks), so plain `npm ci` works.
npm ci --no-audit --no-fund
