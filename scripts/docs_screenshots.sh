#!/usr/bin/env bash
# Remakes the screenshots of docs/presenting.md (docs/images/) with the project's own commands:
# the demo park for one June day, snapshots in English and Chinese, a close-up of the utility
# house from a named camera, and presentation mode under Xvfb. Run after scripts/setup.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
pt=./build/parktwin
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
out=docs/images
mkdir -p "$out"
"$pt" run datasets/demo-park/park.yaml -o "$work/day.h5" --start 2025-06-21 --end 2025-06-22 \
  --scenario rooftop-pv >/dev/null
"$pt" snapshot "$work/day.h5" --scenario rooftop-pv --time 2025-06-21T10:00 --size 960x540 \
  -o "$out/snapshot-rooftop-pv.png"
"$pt" snapshot "$work/day.h5" --time 2025-06-21T20:30 --size 960x540 --language zh \
  -o "$out/snapshot-evening-zh.png"
"$pt" snapshot "$work/day.h5" --camera utility --time 2025-06-21T10:00 --size 960x540 --no-legend \
  -o "$out/snapshot-utility-models.png"
xvfb-run -a -s "-screen 0 1280x720x24" "$pt" view "$work/day.h5" --compare-scenario rooftop-pv \
  --present --time 2025-06-21T11:00 --frames 90 --screenshot "$out/present.png" >/dev/null
echo "screenshots: $out"
