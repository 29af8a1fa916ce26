#!/usr/bin/env bash
# `parktwin sweep` end to end: a 3 x 2 grid over a small park; parameters as attributes; each
# variant equal bit for bit to running its park file alone (and on 1 or 2 threads); a variant
# equal to the baseline stores nothing twice; bad --vary paths and values exit 2 with nothing
# written.
# Usage: sweep_test.sh PARKTWIN_BINARY TESTS_APP_DATA_DIR
pt=$1
data=$2
. "$(dirname "$0")/check.sh"
park="$data/retrofit_park.yaml"

"$pt" sweep "$park" --vary 'loads.LIGHT.rated_power=10 kW, 20 kW,40 kW' \
  --vary equipment.PUMP.count=2,4 -o "$work/s.h5" >"$work/s.out" 2>"$work/s.err"
check "sweep exits 0" [ $? -eq 0 ]
check "sweep prints the variants" grep -Eq "^v06 +40 kW +4 " "$work/s.out"
"$pt" sweep "$park" --vary 'loads.LIGHT.rated_power=10 kW, 20 kW,40 kW' \
  --vary equipment.PUMP.count=2,4 -o "$work/s1.h5" --threads 1 >/dev/null 2>&1
"$pt" compare "$work/s.h5" --json >"$work/s.json"
"$pt" compare "$work/s1.h5" --json >"$work/s1.json"
check "compare ranks the sweep" [ -s "$work/s.json" ]
check "the same on 1 and 2 threads" cmp -s "$work/s.json" "$work/s1.json"

# v03 is LIGHT 20 kW with 2 pumps: the park file edited by hand and run alone gives the same KPIs.
sed -e 's/rated_power: "40 kW"/rated_power: "20 kW"/' -e 's/    count: 4/    count: 2/' "$park" >"$work/v03.yaml"
"$pt" run "$work/v03.yaml" -o "$work/v03.h5" --baseline-only >/dev/null 2>&1
"$pt" info "$work/v03.h5" --json >"$work/v03.json"
check "a variant equals its park run alone, bit for bit" python3 - "$work/s.json" "$work/v03.json" <<'PY'
import json, sys
sweep = {s["name"]: s for s in json.load(open(sys.argv[1]))["scenarios"]}
assert sorted(sweep) == ["v01", "v02", "v03", "v04", "v05", "v06"], sorted(sweep)
alone = json.load(open(sys.argv[2]))["scenarios"][0]["kpi"]
assert sweep["v03"]["kpi"] == alone, (sweep["v03"]["kpi"], alone)
# v06 is the baseline itself (LIGHT 40 kW, 4 pumps): no change at all.
assert all(v == 0 for v in sweep["v06"]["delta"].values()), sweep["v06"]["delta"]
PY
if python3 -c "import h5py" 2>/dev/null; then
  check "parameters are attributes; equal series are stored once" python3 - "$work/s.h5" <<'PY'
import h5py, sys
f = h5py.File(sys.argv[1], "r")
v = f["/scenarios/v03"]
assert v.attrs["vary:loads.LIGHT.rated_power"] == "20 kW", dict(v.attrs)
assert v.attrs["vary:equipment.PUMP.count"] == "2"
assert "park" in v["series"] and "motor" not in v["series"], list(v["series"])  # --store park
info = lambda p: h5py.h5o.get_info(f[p].id)
assert info("/scenarios/v06/series/park/grid_import_kW").addr == info("/series/park/grid_import_kW").addr
assert info("/scenarios/v03/series/park/grid_import_kW").addr != info("/series/park/grid_import_kW").addr
PY
else
  echo "skip: python3-h5py is not installed (attributes not read)"
fi

# Bad input: exit 2, the flag named, nothing written.
"$pt" sweep "$park" --vary 'loads.NOPE.rated_power=1 kW' -o "$work/bad.h5" >/dev/null 2>"$work/e1"
check "a path naming nothing exits 2" [ $? -eq 2 ]
check "and says what is there" grep -q 'loads has no "NOPE" (it has: LIGHT)' "$work/e1"
"$pt" sweep "$park" --vary 'loads.LIGHT.rated_power=40 kW,abc' -o "$work/bad.h5" >/dev/null 2>"$work/e2"
check "a bad value exits 2" [ $? -eq 2 ]
check "with the park file's located message" grep -q 'variant v02 (abc).*retrofit_park.yaml:[0-9]*:[0-9]*: loads\[0\].rated_power' "$work/e2"
"$pt" sweep "$park" --vary 'loads.LIGHT=1' -o "$work/bad.h5" >/dev/null 2>"$work/e3"
check "a path to a map exits 2" [ $? -eq 2 ]
check "nothing written on bad input" [ ! -e "$work/bad.h5" ]

finish
