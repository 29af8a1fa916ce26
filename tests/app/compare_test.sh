#!/usr/bin/env bash
# `parktwin compare` end to end on a small park with two priced retrofits: the JSON against the
# KPIs and cash flows recomputed here independently (docs/economics.md convention), the CSV
# files, the terminal table within $COLUMNS, and bad input with exit 2 and nothing written.
# Usage: compare_test.sh PARKTWIN_BINARY TESTS_APP_DATA_DIR
pt=$1
data=$2
. "$(dirname "$0")/check.sh"

"$pt" run "$data/retrofit_park.yaml" -o "$work/r.h5" >"$work/run.out" 2>"$work/run.err"
check "run exits 0" [ $? -eq 0 ]
line=$(grep -n "name: no-drives" "$data/retrofit_park.yaml" | cut -d: -f1)
check "a measure that selects nothing is a located warning" grep -q \
  "warning: .*retrofit_park.yaml:$line:9: scenario measured: scenarios\[3\].measures\[2\]: measure \"no-drives\" selects nothing" \
  "$work/run.err"

"$pt" compare "$work/r.h5" --json --csv "$work/csv" >"$work/c.json"
check "compare --json exits 0" [ $? -eq 0 ]
check "compare JSON against a hand recomputation" python3 - "$work/c.json" <<'PY'
import json, sys
j = json.load(open(sys.argv[1]))
assert j["baseline"] == "baseline", j["baseline"]
assert j["economics"] == {"discount_rate_pct": 7.0, "analysis_period_a": 10,
                          "price_escalation_pct": 1.0}, j["economics"]
names = [s["name"] for s in j["scenarios"]]
assert sorted(names) == ["ie4", "led", "measured", "nothing"], names
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
# Life 4 a over 10 a: replaced at full capex in years 4 and 8; no salvage stated.
flows = [-25000.0] + [(s1 - 200) * 1.01 ** (t - 1) for t in range(1, 11)]
flows[4] -= 30000; flows[8] -= 30000
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
# Typed measures: what each touched and its default cost (docs/measures.md: 400 CNY/kW of
# motor rating, 20 years); the scenario's investment is their sum.
m = by_name["measured"]["measures"]
assert [x["kind"] for x in m] == ["motor_upgrade", "lighting", "vsd"], m
assert m[0]["ids"] == ["PUMP"] and m[0]["size"] == 120 and m[0]["size_unit"] == "kW", m[0]
assert abs(m[0]["capex_cny"] - 48000) < 1e-6 and m[0]["lifetime_years"] == 20
assert m[1]["ids"] == ["LIGHT"] and m[1]["capex_cny"] == 30000 and m[1]["lifetime_years"] == 4
assert m[2]["ids"] == [] and m[2]["capex_cny"] == 0
assert abs(by_name["measured"]["economics"]["investment_cny"] - 78000) < 1e-6
# The same retrofits as a whole: the sum of the two single ones' savings, to within their
# interaction (both lower the transformer's load losses).
both = by_name["measured"]["economics"]["annual_savings_cny"]
single = led["economics"]["annual_savings_cny"] + by_name["ie4"]["economics"]["annual_savings_cny"]
assert abs(both - single) < 0.01 * single, (both, single)
PY
check "compare --csv writes four files" test -s "$work/csv/kpis.csv" -a -s "$work/csv/economics.csv" \
  -a -s "$work/csv/cash_flows.csv" -a -s "$work/csv/monthly.csv"
check "cash_flows.csv has years 0..10 per scenario" [ "$(grep -c '^led,' "$work/csv/cash_flows.csv")" -eq 11 ]

# The workbook, reopened by an independent reader (openpyxl; skipped when it is not installed).
"$pt" compare "$work/r.h5" --xlsx "$work/c.xlsx" >/dev/null
check "--xlsx exits 0" [ $? -eq 0 ]
"$pt" compare "$work/r.h5" --xlsx "$work/zh.xlsx" --language zh >/dev/null
check "--xlsx --language zh exits 0" [ $? -eq 0 ]
if python3 -c "import openpyxl" 2>/dev/null; then
  check "workbook sheets, numbers, units and charts" python3 - "$work/c.xlsx" "$work/zh.xlsx" "$work/c.json" <<'PY'
import json, sys, openpyxl
j = {s["name"]: s for s in json.load(open(sys.argv[3]))["scenarios"]}
wb = openpyxl.load_workbook(sys.argv[1])
assert wb.sheetnames == ["Summary", "Economics", "Cash flows", "Monthly", "Abatement"], wb.sheetnames
eco = wb["Economics"]
head = [c.value for c in eco[1]]
assert head[:2] == ["scenario", "description"] and "NPV [kCNY]" in head and "IRR [%]" in head, head
npv = head.index("NPV [kCNY]")
rows = {r[0].value: r for r in eco.iter_rows(min_row=2) if r[0].value in j}
assert set(rows) == set(j), rows.keys()
for name, r in rows.items():
    assert isinstance(r[npv].value, (int, float)), r[npv].value  # a number, not text
    assert abs(r[npv].value * 1e3 - j[name]["economics"]["npv_cny"]) < 1e-6, name
order = [r[0].value for r in eco.iter_rows(min_row=2, max_row=1 + len(j))]
assert order == sorted(j, key=lambda n: -j[n]["economics"]["npv_cny"]), order  # ranked by NPV
cf = wb["Cash flows"]
assert cf["A12"].value == 10 and cf["B1"].value.endswith("[CNY]")
summary = [c.value for c in wb["Summary"][1]]
assert "grid import [MWh]" in summary and "total cost [kCNY]" in summary, summary
assert len(wb["Monthly"]._charts) == 2, "monthly energy and cost charts"
assert len(wb["Abatement"]._charts) == 1, "abatement curve"
zh = openpyxl.load_workbook(sys.argv[2])
assert zh.sheetnames == ["汇总", "经济性", "现金流", "月度", "减排成本曲线"], zh.sheetnames
assert "净现值 [kCNY]" in [c.value for c in zh["经济性"][1]]
PY
else
  echo "skip: python3-openpyxl is not installed (the workbook is not reopened)"
fi

COLUMNS=60 "$pt" compare "$work/r.h5" >"$work/c.txt"
check "terminal table exits 0" [ $? -eq 0 ]
check "terminal lines fit 60 columns" [ "$(awk '{ if (length($0) > 60) n++ } END { print n + 0 }' "$work/c.txt")" -eq 0 ]
check "terminal shows the ranking" grep -q "scenario (by NPV)" "$work/c.txt"
check "terminal shows deltas" grep -q "vs baseline" "$work/c.txt"
check "terminal lists the measures and their ids" grep -q "measured: motor_upgrade-1: 120.0 kW, 48.0 kCNY: PUMP" "$work/c.txt"

"$pt" compare "$work/r.h5" --baseline led --json >"$work/led.json"
check "--baseline led" python3 -c "
import json; j = json.load(open('$work/led.json'))
assert j['baseline'] == 'led' and sorted(s['name'] for s in j['scenarios']) == ['baseline', 'ie4', 'measured', 'nothing']"

# Each measure alone: single runs named SCENARIO:MEASURE, and together minus apart.
"$pt" run "$data/retrofit_park.yaml" -o "$work/each.h5" --each-measure --scenario measured \
  --scenario ie4 >/dev/null 2>&1
check "run --each-measure exits 0" [ $? -eq 0 ]
"$pt" compare "$work/each.h5" --json >"$work/each.json"
check "measures alone and together" python3 - "$work/each.json" <<'PY'
import json, sys
s = {x["name"]: x for x in json.load(open(sys.argv[1]))["scenarios"]}
alone = ["measured:motor_upgrade-1", "measured:lighting-2", "measured:no-drives"]
assert sorted(s) == sorted(["ie4", "measured"] + alone), sorted(s)
assert all(s[a]["measure_of"] == "measured" for a in alone) and s["ie4"]["measure_of"] is None
assert [m["kind"] for m in s["measured:lighting-2"]["measures"]] == ["lighting"]
# The motor upgrade alone is the ie4 scenario (IEC 60034-30-1 IE4, 30 kW 4-pole: 94.9 %).
e = lambda n: s[n]["economics"]
assert abs(e("measured:motor_upgrade-1")["annual_savings_cny"] - e("ie4")["annual_savings_cny"]) < 1e-6
i = s["measured"]["interaction"]
assert sorted(i["measures_alone"]) == sorted(alone), i
total = sum(e(a)["annual_savings_cny"] for a in alone)
assert abs(i["sum_annual_savings_cny"] - total) < 1e-9
assert abs(i["annual_savings_cny"] - (e("measured")["annual_savings_cny"] - total)) < 1e-9
assert abs(i["annual_savings_cny"]) < 0.02 * total, i  # they overlap, a little
PY
COLUMNS=100 "$pt" compare "$work/each.h5" >"$work/each.txt"
check "terminal shows the measures together and apart" grep -q "together - sum" "$work/each.txt"

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
if python3 -c "import h5py" 2>/dev/null; then
  cp "$work/r.h5" "$work/cut.h5"
  python3 -c "import h5py; h5py.File('$work/cut.h5', 'r+')['/scenarios/led/kpi/total'].pop('cost_CNY')"
  "$pt" compare "$work/cut.h5" >/dev/null 2>"$work/e4"
  check "a run without its cost KPI exits 2" [ $? -eq 2 ]
  check "and is named" grep -q 'run "led" has no kpi/total/cost_CNY' "$work/e4"
fi

finish
