#!/usr/bin/env bash
# `parktwin size` end to end on the small retrofit park (two weeks of January) with a scenario
# whose battery measure adds a 100 kWh / 50 kW optimally dispatched battery: the table and the
# best size, JSON whose best is the highest NPV of its points and whose points lie in the ranges,
# the same on 1 and 2 threads; -o writes every size as a results file that compare (JSON, XLSX)
# and report read, each row as the JSON valued it; --pv leaves out the PV array that does not pay
# (a second scenario adds a cheap and a dear one); bad ranges, objectives, scenarios, batteries
# and PV ids exit 2 naming the flag.
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
  - name: bess-pv
    description: the battery and two roof arrays, one of them far too dear
    measures:
      - kind: battery
        cost: {unit_cost: "400 CNY/kWh"}
        storage:
          - {id: B2, bus: LV1, energy: "100 kWh", power: "50 kW",
             dispatch: {policy: optimal}}
      # savings over the two weeks simulated count as a year's: a price low enough to pay
      - kind: pv
        cost: {unit_cost: "100 CNY/kWp"}
        arrays:
          - {id: PV-A, surface: roof, building: W1, bus: LV1, tilt: "20 deg", capacity: "60 kWp",
             shading: none}
      - kind: pv
        cost: {unit_cost: "50000 CNY/kWp"}
        arrays:
          - {id: PV-B, surface: roof, building: W1, bus: LV1, tilt: "20 deg", capacity: "60 kWp",
             shading: none}
  - name: pv-capex
    description: the battery and two arrays priced as a whole
    measures:
      - kind: battery
        storage:
          - {id: B3, bus: LV1, energy: "100 kWh", power: "50 kW", dispatch: {policy: optimal}}
      - kind: pv
        cost: {capex: "200000 CNY"}
        arrays:
          - {id: PV-C, surface: roof, building: W1, bus: LV1, capacity: "30 kWp", tilt: "20 deg"}
          - {id: PV-D, surface: roof, building: W1, bus: LV1, capacity: "30 kWp", tilt: "20 deg"}
YAML
flags=(--battery-energy "0 kWh..200 kWh" --battery-power "0 kW..100 kW")
"$pt" size "$park" "${flags[@]}" --scenario bess >"$work/t.out" 2>"$work/t.err"
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

"$pt" size "$park" "${flags[@]}" --scenario bess -o "$work/size.h5" >"$work/o.out" 2>&1
check "size -o exits 0" [ $? -eq 0 ]
check "size -o names the best's scenario" grep -q "^results: $work/size.h5 (the best as scenario size" "$work/o.out"
"$pt" compare "$work/size.h5" --json >"$work/c.json"
check "compare: a row per size, valued as size's JSON" python3 - "$work/c.json" "$work/2.json" <<'PY'
import json, sys
c, s = json.load(open(sys.argv[1])), json.load(open(sys.argv[2]))
assert c["variations"] == ["storage.B1.energy", "storage.B1.power"], c["variations"]
rows = c["scenarios"]
assert len(rows) == len(s["points"]) and len(c["baselines"]) == 1, (len(rows), len(s["points"]))
for r, p in zip(rows, s["points"]):
    assert r["vary"]["storage.B1.energy"] == "%g kWh" % p["energy_kWh"], (r["vary"], p)
    assert r["vary"]["storage.B1.power"] == "%g kW" % p["power_kW"], (r["vary"], p)
    assert abs(r["economics"]["npv_cny"] - p["npv_cny"]) <= 1e-6 * max(1, abs(p["npv_cny"])), (r, p)
PY
"$pt" compare "$work/size.h5" --xlsx "$work/size.xlsx" >/dev/null
if python3 -c "import openpyxl" 2>/dev/null; then
  check "compare --xlsx: the sizes on the variants sheet" python3 - "$work/size.xlsx" "$work/2.json" <<'PY'
import json, sys, openpyxl
ws = openpyxl.load_workbook(sys.argv[1])["variants"]
assert ws.max_row == 2 + len(json.load(open(sys.argv[2]))["points"]), ws.max_row
PY
else
  check "compare --xlsx writes the workbook" [ -s "$work/size.xlsx" ]
  echo "skip: python3-openpyxl is not installed (the workbook is not reopened)"
fi
"$pt" report "$work/size.h5" -o "$work/size.html" >/dev/null 2>"$work/r.err"
check "report of the sizes exits 0" [ $? -eq 0 ]
check "report: the sizes from the highest NPV" python3 - "$work/size.html" "$work/2.json" <<'PY'
import json, re, sys
html = open(sys.argv[1], encoding="utf-8").read()
v = json.loads(re.search(r'id="parktwin-data">(.*?)</script>', html, re.S).group(1))["variants"]
s = json.load(open(sys.argv[2]))
assert v["count"] == len(s["points"]), v["count"]
npv = [r["npv_cny"] for r in v["rows"]]
assert npv == sorted(npv, reverse=True) and abs(npv[0] - s["best"]["npv_cny"]) < 1e-6 * max(1, abs(npv[0]))
PY
if command -v chromium >/dev/null || [ -n "${CHROMIUM:-}" ]; then
  check "the sizes' report renders in Chromium" \
    bash "$(dirname "$0")/report_browser_check.sh" "$work/size.html" "$work/size.png"
fi

"$pt" size "$park" "${flags[@]}" --scenario bess-pv --pv PV-A,PV-B --json >"$work/pv.json"
check "size --pv exits 0" [ $? -eq 0 ]
check "--pv: the dear array left out, the cheap one kept" python3 - "$work/pv.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
assert d["best"]["pv"] == ["PV-A"], d["best"]
assert any(p["pv"] == ["PV-A", "PV-B"] for p in d["points"])
PY

bad() {  # WHAT EXPECTED-TEXT ARGS...
  local what=$1 text=$2
  shift 2
  "$pt" size "$park" "$@" >"$work/bad.out" 2>"$work/bad.err"
  check "$what exits 2" [ $? -eq 2 ]
  check "$what names it" grep -q -- "$text" "$work/bad.err"
}
bad "a range without dots" "--battery-energy: expected a range MIN..MAX" --scenario bess \
  --battery-energy "200 kWh" --battery-power "0 kW..100 kW"
bad "a range of the wrong unit" "--battery-power" --scenario bess \
  --battery-energy "0 kWh..200 kWh" --battery-power "0 kWh..100 kWh"
bad "a reversed range" "--battery-energy: expected 0 <= MIN <= MAX" --scenario bess \
  --battery-energy "300 kWh..200 kWh" --battery-power "0 kW..100 kW"
bad "two scenarios with a battery and no --scenario" "expected --scenario naming" "${flags[@]}"
bad "an unknown objective" "--objective: expected npv, payback or co2" "${flags[@]}" \
  --objective irr
bad "an unknown scenario" '--scenario: unknown scenario "nope"' "${flags[@]}" --scenario nope
bad "a scenario without a battery" "has no battery measure" "${flags[@]}" --scenario nothing
bad "an unknown battery" "--battery: expected one of the batteries" "${flags[@]}" \
  --scenario bess --battery B9
bad "an unknown PV array" '--pv: expected "all" or ids of the PV arrays the scenario' \
  "${flags[@]}" --scenario bess-pv --pv PV-A,PV-X
bad "--pv on a measure priced as a whole" "states its cost as a whole" "${flags[@]}" \
  --scenario pv-capex --pv PV-C
bad "an output in a missing folder" "-o: the folder" "${flags[@]}" --scenario bess -o /nonexistent/s.h5
finish
