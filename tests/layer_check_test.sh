#!/usr/bin/env bash
# cmake/check_layers.cmake passes on the tree and fails, naming the file and both layers, on an
# include that points up (twin/model including twin/engine, physics including twin).
set -euo pipefail
root=$1
script=$root/cmake/check_layers.cmake
cmake -DROOT="$root" -P "$script"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/twin/model" "$tmp/twin/engine" "$tmp/physics"
echo '#include "twin/engine/run_plan.h"' >"$tmp/twin/model/bad.h"
echo '#include "physics/units.h"' >"$tmp/twin/engine/fine.h"
if cmake -DROOT="$tmp" -P "$script" 2>"$tmp/err"; then
  echo "FAIL: an upward include passed the check"; exit 1
fi
grep -q 'twin/model/bad.h (twin/model) includes twin/engine/run_plan.h (twin/engine' "$tmp/err" ||
  { echo "FAIL: message does not name the include:"; cat "$tmp/err"; exit 1; }
grep -q 'fine.h' "$tmp/err" && { echo "FAIL: a downward include was reported"; exit 1; }
echo '#include "twin/model/model.h"' >"$tmp/physics/bad.h"
rm "$tmp/twin/model/bad.h"
cmake -DROOT="$tmp" -P "$script" 2>"$tmp/err" && { echo "FAIL: physics -> twin passed"; exit 1; }
grep -q 'physics/bad.h (physics) includes twin/model/model.h' "$tmp/err" || { cat "$tmp/err"; exit 1; }
echo "layer check: ok"
