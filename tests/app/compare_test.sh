#!/usr/bin/env bash
# `parktwin compare` end to end on a small park with two priced retrofits: the JSON against the
# KPIs and cash flows recomputed here independently (docs/economics.md convention), the CSV
# files, the terminal table within $COLUMNS, and bad input with exit 2 and nothing written.
# Usage: compare_test.sh PARKTWIN_BINARY TESTS_APP_DATA_DIR
pt=$1
data=$2
. "$(dirname "$0")/check.sh"

"$pt" run "$data/retrofit_park.yaml" -o "$work/r.h5" >"$work/run.out" 2>&1
check "run exits 0" [ $? -eq 0 ]

"$pt" compare "$work/r.h5" --json --csv "$work/csv" >"$work/c.json"
check "compare --json exits 0" [ $? -eq 0 ]
check "compare JSON against a hand recomputation" python3 - "$work/c.json" <<'PY'
import json, sys
j = json.load(open(sys.argv[1]))
assert j["baseline"] == "baseline", j["baseline"]
assert j["economics"] == {"discount_rate_pct": 7.0, "analysis_period_a": 10,
                          "price_escalation_pct": 1.0}, j["economics"]
names = [s["name"] for s in j["scenarios"]]
assert sorted(names) == ["ie4", "led", "nothing"], names
by_name = {s["name"]: s for s in j["scenarios"]}
led = by_name["led"]
for k in led["kpi"]:
    base = led["kpi"][k] - led["delta"][k]
    assert all(abs(s["kpi"][k] - s["delta"][k] - base) < 1e-6 * max(1, abs(base))
               for s in j["scenarios"]), k
base_cost = led["kpi"]["cost_CNY"] - led["delta"]["cost_CNY"]
e = led["economics"]
s1 = base_cost - led["kpi"]["cost_CNY"]
assert abs(e["annual_savings_cny"] - s1) < 1e-6, (e["annual_savings_cny"], s1)
assert e["investment_cny"] == 25000 and e["annual_om_cny"] == 200
# Life 4 a over 10 a: replaced at full capex in years 4 and 8; 2 of 4 years left at year 10.
flows = [-25000.0] + [(s1 - 200) * 1.01 ** (t - 1) for t in range(1, 11)]
flows[4] -= 30000; flows[8] -= 30000; flows[10] += 15000
assert all(abs(a - b) < 1e-6 for a, b in zip(e["cash_flows_cny"], flows)), e["cash_flows_cny"]
npv = sum(f / 1.07 ** t for t, f in enumerate(flows))
assert abs(e["npv_cny"] - npv) < 1e-6, (e["npv_cny"], npv)
crf10 = 0.07 * 1.07 ** 10 / (1.07 ** 10 - 1)
co2 = -led["delta"]["co2_t"]
assert abs(e["co2_avoided_t_per_year"] - co2) < 1e-9
assert abs(e["abatement_cost_cny_per_t"] - (25000 * crf10 + 200 - s1) / co2) < 1e-6
assert abs(e["simple_payback_years"] - 25000 / (s1 - 200)) < 1e-9
for key in ["irr_pct", "discounted_payback_years", "lcse_cny_per_kwh"]:
    assert key in e, key
nothing = by_name["nothing"]["economics"]
assert nothing["investment_cny"] == 0 and nothing["irr_pct"] is None
assert nothing["abatement_cost_cny_per_t"] is None
assert by_name["ie4"]["measures"] == []
PY
check "compare --csv writes four files" test -s "$work/csv/kpis.csv" -a -s "$work/csv/economics.csv" \
  -a -s "$work/csv/cash_flows.csv" -a -s "$work/csv/monthly.csv"
check "cash_flows.csv has years 0..10 per scenario" [ "$(grep -c '^led,' "$work/csv/cash_flows.csv")" -eq 11 ]

COLUMNS=60 "$pt" compare "$work/r.h5" >"$work/c.txt"
check "terminal table exits 0" [ $? -eq 0 ]
check "terminal lines fit 60 columns" [ "$(awk '{ if (length($0) > 60) n++ } END { print n + 0 }' "$work/c.txt")" -eq 0 ]
check "terminal shows the ranking" grep -q "scenario (by NPV)" "$work/c.txt"
check "terminal shows deltas" grep -q "vs baseline" "$work/c.txt"

"$pt" compare "$work/r.h5" --baseline led --json >"$work/led.json"
check "--baseline led" python3 -c "
import json; j = json.load(open('$work/led.json'))
assert j['baseline'] == 'led' and sorted(s['name'] for s in j['scenarios']) == ['baseline', 'ie4', 'nothing']"

# Bad input: exit 2, a message naming what is wrong, no CSV folder.
"$pt" compare "$work/r.h5" --baseline nope --csv "$work/bad" >/dev/null 2>"$work/e1"
check "unknown --baseline exits 2" [ $? -eq 2 ]
check "unknown --baseline is named" grep -q '"nope"' "$work/e1"
check "nothing written on bad input" [ ! -e "$work/bad" ]
"$pt" run "$data/retrofit_park.yaml" -o "$work/b.h5" --baseline-only >/dev/null 2>&1
"$pt" compare "$work/b.h5" >/dev/null 2>"$work/e2"
check "baseline-only file exits 2" [ $? -eq 2 ]
check "baseline-only file says so" grep -q "no scenarios to compare" "$work/e2"
"$pt" compare "$data/retrofit_park.yaml" >/dev/null 2>"$work/e3"
check "a park file is not a results file" [ $? -eq 2 ]
"$pt" compare "$work/missing.h5" >/dev/null 2>&1
check "missing file exits 2" [ $? -eq 2 ]

finish
