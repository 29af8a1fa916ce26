#!/usr/bin/env bash
# The optimal dispatch against the year's perfect-foresight optimum and the rule policies on the
# demo park's storage-managed-ev scenario (docs/dispatch.md): the scenario's battery is given each
# dispatch in turn, the year is run at 15-minute steps, and its annual cost, the highest monthly
# peak, the battery's discharge and equivalent full cycles and the run's wall time are printed.
#   bench/dispatch_gap.sh [BUILD_DIR] [WORK_DIR]
set -euo pipefail
build=$(realpath "${1:-build}")
work=${2:-$(mktemp -d)}
mkdir -p "$work"
park="$(dirname "$0")/../datasets/demo-park/park.yaml"
degradation='degradation_cost: "0.05 CNY/kWh"'
declare -A policies=(
  [year-optimum]="{policy: optimal, horizon: \"8760 h\", $degradation}"
  [rolling-24h-perfect]="{policy: optimal, horizon: \"24 h\", $degradation}"
  [rolling-48h-perfect]="{policy: optimal, horizon: \"48 h\", $degradation}"
  [rolling-24h-persistence]="{policy: optimal, forecast: persistence, $degradation}"
  [rule-tou-arbitrage]="{policy: tou_arbitrage, charge_below: \"0.34 CNY/kWh\", discharge_above: \"1.0 CNY/kWh\", threshold: \"3700 kW\"}"
  [rule-peak-shaving]="{policy: peak_shaving, threshold: \"3700 kW\"}"
  [rule-self-consumption]="{policy: self_consumption}"
)
printf '%-26s %14s %10s %14s %8s %8s\n' dispatch "cost [kCNY]" "peak [kW]" "discharge [MWh]" cycles "wall [s]"
for name in year-optimum rolling-24h-perfect rolling-48h-perfect rolling-24h-persistence \
  rule-tou-arbitrage rule-peak-shaving rule-self-consumption; do
  # The scenario's dispatch map spans two lines in the park file: replace both.
  perl -0pe "s/dispatch: \{policy: tou_arbitrage, charge_below: \"0.34 CNY\/kWh\",\n\s+discharge_above: \"1.0 CNY\/kWh\", threshold: \"3700 kW\"\}\}/dispatch: ${policies[$name]//\//\\/}}/" \
    "$park" > "$work/$name.yaml"
  start=$(date +%s.%N)
  "$build/parktwin" run "$work/$name.yaml" -o "$work/$name.h5" --scenario storage-managed-ev >"$work/$name.log" 2>&1
  wall=$(echo "$(date +%s.%N) - $start" | bc)
  "$build/parktwin" compare "$work/$name.h5" --json | python3 -c '
import json, sys
d = json.load(sys.stdin)
s = next(x for x in d["scenarios"] if x["name"] == "storage-managed-ev")
k = s["kpi"]
print("%-26s %14.1f %10.1f %14.1f %8.1f %8.2f" % (sys.argv[1], k["cost_CNY"] / 1e3,
      k["peak_demand_kW"], k["storage_discharge_kWh"] / 1e3,
      k["storage_discharge_kWh"] / 0.95 / 2000.0, float(sys.argv[2])))' "$name" "$wall"
done
