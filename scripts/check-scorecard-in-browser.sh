#!/usr/bin/env bash
# Renders the scorecard, the trend and the campaign page of examples/portfolio as HTML, opens each page in
# headless Chromium (Debian's package), fails on any console error or uncaught exception or
# a table that does not sort, and keeps full-page screenshots in ARTIFACTS
# (default: artifacts/scorecard).
#
#   scripts/check-scorecard-in-browser.sh            # builds techstack if needed
#   TECHSTACK=.build/release/techstack scripts/check-scorecard-in-browser.sh
set -euo pipefail
cd "$(dirname "$0")/.."

artifacts="${ARTIFACTS:-artifacts/scorecard}"
mkdir -p "$artifacts"
if [[ -z "${TECHSTACK:-}" ]]; then
  swift build --product techstack >/dev/null
  TECHSTACK="$(swift build --show-bin-path)/techstack"
fi
if ! command -v chromium >/dev/null 2>&1; then
  echo "chromium is missing; installing Debian's package" >&2
  apt-get update -qq && apt-get install -y -qq chromium >/dev/null
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# The scorecard of the example portfolio.
"$TECHSTACK" scorecard examples/portfolio --today 2026-11-20 --format html --output "$work/scorecard.html"

# A trend over two snapshots of the same folder: the portfolio as it is, then after a few
# services moved to recommended choices and one slipped.
cp -R examples/portfolio "$work/portfolio"
"$TECHSTACK" scorecard "$work/portfolio" --today 2026-05-31 --record "$work/history.sqlite" --output /dev/null \
  --campaigns examples/portfolio-campaigns
sed -i 's/^  api-style: soap$/  api-style: rest-json/; s/^  analytics: google-analytics$/  analytics: wogaa/' \
  "$work/portfolio/lta/road-tax-renewal/techstack.yaml" "$work/portfolio/mom/work-pass-online/techstack.yaml" \
  "$work/portfolio/nea/hawker-centre-booking/techstack.yaml" "$work/portfolio/lta/driving-test-booking/techstack.yaml"
sed -i 's/^  design-system: sgds$/  design-system: bootstrap/; s/^  ci-cd: ship-hats$/  ci-cd: jenkins/' \
  "$work/portfolio/ica/citizenship-application/techstack.yaml"
"$TECHSTACK" scorecard "$work/portfolio" --today 2026-11-20 --record "$work/history.sqlite" --output /dev/null \
  --campaigns examples/portfolio-campaigns
"$TECHSTACK" scorecard trend "$work/history.sqlite" --format html --output "$work/trend.html"

# The campaign page: both example campaigns, with a burn-up over the two recorded snapshots
# and today's run (the history is read, not written, by this run).
"$TECHSTACK" scorecard "$work/portfolio" --today 2026-11-21 --campaigns examples/portfolio-campaigns \
  --ratchet "$work/history.sqlite" --format html --output "$work/campaigns.html"
grep -q '<section id="campaigns">' "$work/campaigns.html" || { echo "the campaign page has no campaigns section" >&2; exit 1; }
grep -q '<polyline class="done"' "$work/campaigns.html" || { echo "the campaign page has no burn-up chart" >&2; exit 1; }

cp "$work/scorecard.html" "$work/trend.html" "$work/campaigns.html" "$artifacts/"
status=0
python3 scripts/browser_check.py "$work/scorecard.html" "$artifacts/scorecard.png" \
  --sort-table project-table --sort-table agency-table --sort-table concern-table || status=1
python3 scripts/browser_check.py "$work/trend.html" "$artifacts/trend.png" --sort-table concern-trend-table || status=1
python3 scripts/browser_check.py "$work/campaigns.html" "$artifacts/campaigns.png" \
  --sort-table level-table --sort-table level-agency-table || status=1
exit $status
