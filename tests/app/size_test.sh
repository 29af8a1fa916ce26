#!/usr/bin/env bash
# `parktwin size` end to end on the small retrofit park (two weeks of January) with a scenario
# whose battery measure adds a 100 kWh / 50 kW optimally dispatched battery: the table and the
# best size, JSON whose best is the highest NPV of its points and whose points lie in the ranges,
# the same on 1 and 2 threads; bad ranges, objectives, scenarios and batteries exit 2 naming the
# flag.
# Usage: size_test.sh PARKTWIN_BINARY TESTS_APP_DATA_DIR
pt=$1
data=$2
. "$(dirname "$0")/check.sh"
park="$work/park.yaml"
cp "$data/retrofit_park.yaml" "$park"
cat >>"$park" <<'YAML'
  - name: bess
    description: a battery, optimally dispatched
    measures:
      - kind: battery
        cost: {unit_cost: "400 CNY/kWh"}
        storage:
          - {id: B1, bus: LV1, energy: "100 kWh", power: "50 kW",
             dispatch: {policy: optimal, degradation_cost: "0.02 CNY/kWh"}}
YAML
flags=(--battery-energy "0 kWh..200 kWh" --battery-power "0 kW..100 kW")
"$pt" size "$park" "${flags[@]}" >"$work/t.out" 2>"$work/t.err"
check "size exits 0" [ $? -eq 0 ]
check "size prints the best" grep -Eq "^best: [0-9]+ kWh, [0-9]+ kW: NPV" "$work/t.out"
check "the best row is marked" grep -Eq "^\*" "$work/t.out"
"$pt" size "$park" "${flags[@]}" --scenario bess --json >"$work/2.json"
"$pt" size "$park" "${flags[@]}" --scenario bess --json --threads 1 >"$work/1.json"
check "the same on 1 and 2 threads" cmp -s "$work/1.json" "$work/2.json"
check "JSON: the best is the highest NPV, points within the ranges" python3 - "$work/2.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
assert d["scenario"] == "bess" and d["battery"] == "B1" and d["objective"] == "npv", d
points = d["points"]
assert len(points) >= 25, len(points)
assert d["best"]["npv_cny"] == max(p["npv_cny"] for p in points)
assert all(0 <= p["energy_kWh"] <= 200 and 0 <= p["power_kW"] <= 100 for p in points)
zero = [p for p in points if p["energy_kWh"] == 0 or p["power_kW"] == 0]
assert zero and all(p["npv_cny"] == 0 and p["investment_cny"] == 0 for p in zero), zero
assert any(p["round"] > 0 for p in points)
PY

bad() {  # WHAT EXPECTED-TEXT ARGS...
  local what=$1 text=$2
  shift 2
  "$pt" size "$park" "$@" >"$work/bad.out" 2>"$work/bad.err"
  check "$what exits 2" [ $? -eq 2 ]
  check "$what names it" grep -q -- "$text" "$work/bad.err"
}
bad "a range without dots" "--battery-energy: expected a range MIN..MAX" \
  --battery-energy "200 kWh" --battery-power "0 kW..100 kW"
bad "a range of the wrong unit" "--battery-power" \
  --battery-energy "0 kWh..200 kWh" --battery-power "0 kWh..100 kWh"
bad "a reversed range" "--battery-energy: expected 0 <= MIN <= MAX" \
  --battery-energy "300 kWh..200 kWh" --battery-power "0 kW..100 kW"
bad "an unknown objective" "--objective: expected npv, payback or co2" "${flags[@]}" \
  --objective irr
bad "an unknown scenario" '--scenario: unknown scenario "nope"' "${flags[@]}" --scenario nope
bad "a scenario without a battery" "has no battery measure" "${flags[@]}" --scenario nothing
bad "an unknown battery" "--battery: expected one of the batteries" "${flags[@]}" --battery B9
finish
