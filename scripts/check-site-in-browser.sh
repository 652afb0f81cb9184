#!/usr/bin/env bash
# Builds the catalogue site into a temporary folder and checks it in headless Chromium:
# the stack diagram is drawn, the search works from the keyboard, no console errors.
# Screenshots are kept in ARTIFACTS (default: artifacts/site).
#
# usage: scripts/check-site-in-browser.sh [ARTIFACTS]
#   TECHSTACK=path/to/techstack   the binary to use (default: .build/release, else .build/debug)
#   CHROMIUM=path/to/chromium     the browser (default: chromium on PATH; apt-get install chromium)
set -euo pipefail
cd "$(dirname "$0")/.."

artifacts="${1:-artifacts/site}"
techstack="${TECHSTACK:-}"
if [[ -z "$techstack" ]]; then
  for candidate in .build/release/techstack .build/debug/techstack; do
    if [[ -x "$candidate" ]]; then techstack="$candidate"; break; fi
  done
fi
if [[ -z "$techstack" || ! -x "$techstack" ]]; then
  echo "error: no techstack binary; run 'swift build' first or set TECHSTACK" >&2
  exit 2
fi
chromium="${CHROMIUM:-$(command -v chromium || command -v chromium-browser || true)}"
if [[ -z "$chromium" ]]; then
  echo "error: chromium is not installed; apt-get install chromium" >&2
  exit 2
fi

site="$(mktemp -d "${TMPDIR:-/tmp}/techstack-site-XXXXXX")"
trap 'rm -rf "$site"' EXIT
"$techstack" catalogue site "$site/public"
python3 scripts/site_browser_check.py "$site/public" "$artifacts" "$chromium"
