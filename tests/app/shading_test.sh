#!/usr/bin/env bash
# `parktwin shading` end to end: the JSON the issue fixes (times, arrays, modules with their
# corners and fractions, nulls at night, an array without layout listed with its reason), the
# summary with each array's shading loss over the period (the demo's rooftop-pv too), shade tables
# kept on disk between runs, and bad input with exit 2.
# Usage: shading_test.sh PARKTWIN_BINARY TESTS_APP_DATA_DIR REPOSITORY_DIR
pt=$1
data=$2
repo=$3
. "$(dirname "$0")/check.sh"
park=$data/shading_park.yaml

"$pt" shading "$park" --time 2025-01-10T09:00:00+08:00 --time 2025-01-10T23:00:00+08:00 \
  --time 2025-01-10T12:30:00+08:00 --json >"$work/s.json" 2>"$work/s.err"
check "shading --json exits 0" [ $? -eq 0 ]
check "the JSON has the issue's fields" python3 - "$work/s.json" <<'PY'
import json, sys
j = json.load(open(sys.argv[1]))
assert list(j) == ["times", "arrays"], list(j)
assert [list(t) for t in j["times"]] == [["time", "sun_zenith_deg", "sun_azimuth_deg"]] * 3
assert j["times"][1]["sun_zenith_deg"] > 90  # 23:00: the sun is down
a = {x["id"]: x for x in j["arrays"]}
w1 = a["PV-W1"]
assert list(w1)[:4] == ["id", "modules", "beam_shaded_fraction", "diffuse_view_fraction"], list(w1)
assert len(w1["modules"]) > 50
for m in w1["modules"]:
    assert len(m["corners"]) == 4 and all(len(c) == 3 for c in m["corners"])
    assert min(c[2] for c in m["corners"]) >= 8.0  # on the 8 m roof, standing off it
    assert len(m["beam_shaded_fraction"]) == 3 and m["beam_shaded_fraction"][1] is None
    assert 0 <= m["diffuse_view_fraction"] <= 1
    assert 0 <= m["ground_view_fraction"] <= 1
# The morning sun from the south-east puts the tower's and the chimney's shadows on the roof.
assert w1["beam_shaded_fraction"][0] > 0.0 and w1["beam_shaded_fraction"][1] is None
assert 0 < w1["diffuse_view_fraction"] < 1
# An array sized by capacity has no layout: listed with no modules and the reason.
t = a["PV-TOWER"]
assert t["modules"] == [] and "capacity" in t["unshaded"], t
PY

"$pt" shading "$park" --time 2025-01-10T09:00:00+08:00 >"$work/sum.out" 2>&1
check "the summary gives each array's shading loss over the period" grep -q "shading loss" "$work/sum.out"
check "... in MWh and %" grep -qE "^PV-W1 .* [0-9]+\.[0-9] +[0-9]+\.[0-9]$" "$work/sum.out"

"$pt" shading "$repo/datasets/demo-park/park.yaml" --scenario rooftop-pv \
  --time 2025-12-21T15:30:00+08:00 >"$work/demo.out" 2>&1
check "the demo's rooftop-pv reports a shading loss per array" [ \
  "$(grep -cE "^PV-(W1|W4|PS|UT|CP|OF-S) " "$work/demo.out")" -eq 6 ]

sed 's|^    install: wherever_possible|    max_shading_loss: "10 %"\n    install: wherever_possible|' "$park" >"$work/limited.yaml"
"$pt" info "$work/limited.yaml" >"$work/info.out" 2>&1
check "info says how many spots max_shading_loss left out" grep -qE "PV-W1 .* filled: [0-9]+ modules \([0-9]+ spots left out for shade\)" "$work/info.out"
"$pt" info "$work/limited.yaml" --json >"$work/info.json" 2>&1
check "... and in JSON" python3 -c "
import json, sys
j = json.load(open(sys.argv[1]))
a = [x for x in j['pv'] if x['id'] == 'PV-W1'][0]
assert a['spots_left_for_shade'] > 0, a
" "$work/info.json"

# Shade tables kept on disk: the second run (a new process) reads them back, to the same results;
# a damaged file is computed again.
store=$work/cache
for n in 1 2; do
  PARKTWIN_CACHE_DIR=$store "$pt" run "$park" -o "$work/kept$n.h5" >/dev/null 2>&1
  check "run $n with PARKTWIN_CACHE_DIR exits 0" [ $? -eq 0 ]
done
check "the tables are kept in the folder" [ "$(ls "$store" | grep -c '^shade-.*\.bin$')" -eq 1 ]
check "... and read back to the same series" h5diff "$work/kept1.h5" "$work/kept2.h5" /series
for f in "$store"/shade-*.bin; do printf 'damaged' | dd of="$f" bs=1 seek=500 conv=notrunc 2>/dev/null; done
PARKTWIN_CACHE_DIR=$store "$pt" run "$park" -o "$work/kept3.h5" >/dev/null 2>&1
check "a damaged file: computed again, the same series" h5diff "$work/kept1.h5" "$work/kept3.h5" /series

"$pt" shading "$park" --time "2025-01-10 09:00" >/dev/null 2>"$work/e1"
check "a time without an offset: exit 2" [ $? -eq 2 ]
check "... saying what was expected" grep -q "^--time: expected" "$work/e1"
"$pt" shading "$park" --time 2025-01-10T09:00:00+08:00 --scenario nope >/dev/null 2>"$work/e2"
check "an unknown scenario: exit 2, naming those there are" grep -q "the park has: baseline" "$work/e2"
"$pt" shading "$park" --time 2026-07-01T09:00:00+08:00 --json >/dev/null 2>"$work/e3"
check "a time outside the simulated period is a warning" grep -q "outside the park's simulated period" "$work/e3"
finish
