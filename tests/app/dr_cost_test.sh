#!/usr/bin/env bash
# `parktwin dr-cost` end to end on the demo park (hourly steps): one row per --at, in JSON each
# cost the sum of its parts (energy + demand charge - export revenue), the cost per kWh delivered
# and the net of a payment; nothing delivered beyond the request; the same on 1 and 2 threads;
# bad times, sizes, durations, scenarios, payments and events over the park's own exit 2 naming
# the flag or the event.
# Usage: dr_cost_test.sh PARKTWIN_BINARY SOURCE_DIR
pt=$1
park="$2/datasets/demo-park/park.yaml"
. "$(dirname "$0")/check.sh"
args=(--at 2025-07-08T14:00 --at 2025-07-08T19:00+08:00 --request "400 kW" --duration "2 h"
  --payment "3 CNY/kWh" --step 60min)
"$pt" dr-cost "$park" "${args[@]}" >"$work/t.out" 2>"$work/t.err"
check "dr-cost exits 0" [ $? -eq 0 ]
check "a row per event" [ "$(grep -c '^  2025-07-08T' "$work/t.out")" -eq 2 ]
"$pt" dr-cost "$park" "${args[@]}" --json >"$work/2.json"
"$pt" dr-cost "$park" "${args[@]}" --json --threads 1 >"$work/1.json"
check "the same on 1 and 2 threads" cmp -s "$work/1.json" "$work/2.json"
check "JSON: each cost the sum of its parts" python3 - "$work/2.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
assert d["request_kW"] == 400 and d["duration_h"] == 2 and d["payment_CNY_per_kWh"] == 3, d
assert [e["start"] for e in d["events"]] == ["2025-07-08T14:00:00+08:00", "2025-07-08T19:00:00+08:00"]
for e in d["events"]:
    assert e["period_start"] == "2025-07-01" and e["period_end"] == "2025-08-01", e
    assert abs(e["requested_kWh"] - 800) < 1e-6, e
    assert 0 < e["delivered_kWh"] <= e["requested_kWh"] + 1e-6, e
    parts = e["energy_cost_CNY"] + e["demand_charge_CNY"] - e["export_revenue_CNY"]
    assert abs(e["cost_CNY"] - parts) < 1e-6, e
    assert abs(e["cost_per_kWh_CNY"] * e["delivered_kWh"] - e["cost_CNY"]) < 1e-6, e
    assert abs(e["net_cost_CNY"] - (e["cost_CNY"] - 3 * e["delivered_kWh"])) < 1e-6, e
    assert e["peak_with_kW"] >= e["peak_without_kW"] - 1e-6 or e["demand_charge_CNY"] < 0, e
PY

bad() {  # WHAT EXPECTED-TEXT ARGS...
  local what=$1 text=$2
  shift 2
  "$pt" dr-cost "$park" --step 60min "$@" >"$work/bad.out" 2>"$work/bad.err"
  check "$what exits 2" [ $? -eq 2 ]
  check "$what names it" grep -q -- "$text" "$work/bad.err"
}
bad "a malformed time" "--at: expected YYYY-MM-DDTHH:MM" --at "July 8" --request "400 kW"
bad "a time outside the period" "lies outside the park's period" --at 2026-07-08T14:00 \
  --request "400 kW"
bad "an event over the park's own" 'overlaps the park'"'"'s own event "DR-2025-07-22"' \
  --at 2025-07-22T12:30 --request "400 kW"
bad "a request of 0" "--request: expected above 0 kW" --at 2025-07-08T14:00 --request "0 kW"
bad "a request in kWh" "--request" --at 2025-07-08T14:00 --request "400 kWh"
bad "a duration of a day and more" "--duration: expected above 0 and at most 24 h" \
  --at 2025-07-08T14:00 --request "400 kW" --duration "25 h"
bad "an unknown scenario" '--scenario: no scenario "nope"' --at 2025-07-08T14:00 \
  --request "400 kW" --scenario nope
bad "a payment that is no price" "--payment" --at 2025-07-08T14:00 --request "400 kW" \
  --payment "3 kW"
finish
