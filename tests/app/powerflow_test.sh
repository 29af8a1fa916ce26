#!/usr/bin/env bash
# End-to-end: `parktwin powerflow`. Reference: MATPOWER's runpf(case9) (data/case9.m of MATPOWER,
# typed in as data/case9.m; the results MATPOWER prints to 3 decimals: bus 5 1.013 pu -3.687 deg,
# bus 9 0.996 pu -3.989 deg, bus 2 9.280 deg, generator 1 71.64 MW 27.05 MVAr, losses 4.641 MW).
# Then the JSON keys, the CSV columns, --series to HDF5 (read back with h5dump when it is there),
# and exit 2 with the line for malformed cases and series.
# Usage: powerflow_test.sh PARKTWIN_BINARY DATA_DIR
pt=$1
data=$2
. "$(dirname "$0")/check.sh"

"$pt" powerflow "$data/case9.m" --json -o "$work/v.csv" >"$work/c9.json"
check "case9 exits 0" [ $? -eq 0 ]
check "case9 JSON against MATPOWER's runpf" python3 - "$work/c9.json" <<'PY'
import json, sys
j = json.load(open(sys.argv[1]))
for k in ("converged", "iterations", "losses_mw", "buses", "branches", "gens", "slack_p_mw"):
    assert k in j, k
assert j["converged"] is True and 1 <= j["iterations"] <= 10, j["iterations"]
assert abs(j["losses_mw"] - 4.641) < 5e-4, j["losses_mw"]
b = {x["bus_i"]: x for x in j["buses"]}
assert sorted(b) == list(range(1, 10))
assert all(set(x) == {"bus_i", "vm_pu", "va_deg"} for x in j["buses"])
for bus, vm, va in ((1, 1.040, 0.0), (2, 1.025, 9.280), (4, 1.026, -2.217), (5, 1.013, -3.687),
                    (6, 1.032, 1.966), (7, 1.016, 0.728), (8, 1.026, 3.720), (9, 0.996, -3.989)):
    assert abs(b[bus]["vm_pu"] - vm) < 5e-4 and abs(b[bus]["va_deg"] - va) < 1.5e-3, (bus, b[bus])
g = j["gens"][0]
assert abs(g["pg_mw"] - 71.64) < 5e-3 and abs(g["qg_mvar"] - 27.05) < 5e-3, g
assert abs(j["slack_p_mw"] - g["pg_mw"]) < 1e-9
# Conservation: losses = generation - demand = the branches' losses summed.
assert abs(sum(x["pg_mw"] for x in j["gens"]) - 315 - j["losses_mw"]) < 1e-6
assert abs(sum(x["loss_mw"] for x in j["branches"]) - j["losses_mw"]) < 1e-6
br = j["branches"][0]
assert (br["from_bus"], br["to_bus"]) == (1, 4) and abs(br["pf_mw"] - 71.64) < 5e-3, br
PY
check "CSV columns and rows" python3 - "$work/v.csv" "$work/c9.json" <<'PY'
import csv, json, sys
rows = list(csv.DictReader(open(sys.argv[1])))
j = json.load(open(sys.argv[2]))
assert list(rows[0]) == ["bus_i", "vm_pu", "va_deg"], list(rows[0])
assert [int(r["bus_i"]) for r in rows] == [b["bus_i"] for b in j["buses"]]
for r, b in zip(rows, j["buses"]):
    assert abs(float(r["vm_pu"]) - b["vm_pu"]) < 1e-11 and abs(float(r["va_deg"]) - b["va_deg"]) < 1e-9
PY
"$pt" powerflow "$data/case9.m" >"$work/c9.txt"
check "text report exits 0" [ $? -eq 0 ]
check "text report has losses and iterations" grep -q "total losses 4.6410 MW.*iterations" "$work/c9.txt"
check "text report has bus 5" grep -Eq "^ +5 +1\.01265[0-9] +-3\.687" "$work/c9.txt"
"$pt" powerflow "$data/case9.m" --enforce-q-limits --json >"$work/q.json"
check "--enforce-q-limits (no limit binds in case9: same result)" python3 -c "
import json; a = json.load(open('$work/q.json')); b = json.load(open('$work/c9.json'))
assert all(abs(x['vm_pu'] - y['vm_pu']) < 1e-9 for x, y in zip(a['buses'], b['buses']))"

# --series: step 1 and 4 are the case's own demands, step 3 cannot be solved.
cat >"$work/s.csv" <<'CSV'
time,p_mw_5,q_mvar_5,p_mw_9
2025-01-01T00:00,90,30,125
2025-01-01T01:00,45,10,-20
2025-01-01T02:00,2000,0,125
2025-01-01T03:00,90,30,125
CSV
"$pt" powerflow "$data/case9.m" --series "$work/s.csv" -o "$work/s.h5" >"$work/s.out"
check "--series exits 0 with a step that does not converge" [ $? -eq 0 ]
check "--series counts it" grep -q "4 steps on 9 buses, 1 did not converge" "$work/s.out"
check "no temporary left" [ -z "$(ls -A "$work" | grep partial)" ]
if command -v h5dump >/dev/null; then
  dump() { h5dump -m '%.15g' -d "/$1" -y -w 0 -o "$work/$1.txt" "$work/s.h5" >/dev/null && tr -d ' \n' <"$work/$1.txt"; }
  for d in bus_i vm_pu va_deg losses_mw slack_p_mw converged iterations time; do dump $d >"$work/$d.flat"; done
  check "--series HDF5 round trip" python3 - "$work" <<'PY'
import json, sys
w = sys.argv[1]
def vals(name, conv=float):
    return [conv(x) for x in open(f"{w}/{name}.flat").read().split(",")]
assert vals("bus_i", int) == list(range(1, 10))
vm, va = vals("vm_pu"), vals("va_deg")
assert len(vm) == 36 and len(va) == 36
j = json.load(open(f"{w}/c9.json"))
for t in (0, 3):  # the case's own demands: the single solve's voltages
    for k, b in enumerate(j["buses"]):
        assert abs(vm[t * 9 + k] - b["vm_pu"]) < 1e-9 and abs(va[t * 9 + k] - b["va_deg"]) < 1e-7
assert vals("converged", int) == [1, 1, 0, 1]
it = vals("iterations", int)
assert it[2] > 0 and all(0 < i <= 10 for i in (it[0], it[1], it[3]))
losses, slack = vals("losses_mw"), vals("slack_p_mw")
assert abs(losses[0] - j["losses_mw"]) < 1e-9 and abs(slack[0] - j["slack_p_mw"]) < 1e-9
# step 2: demand 45 + 0 + 100 - 20 MW = 125 MW; slack + 248 = 125 + losses.
assert abs(slack[1] + 248 - 125 - losses[1]) < 1e-6, (slack[1], losses[1])
assert vm[1 * 9 + 4] > vm[4]  # less load at bus 5: higher voltage there
assert open(f"{w}/time.flat").read().split(",")[1] == '"2025-01-01T01:00"'
PY
else
  echo "h5dump not found: HDF5 round trip skipped"
fi

# Malformed inputs: exit 2 with the file, line and column.
sed 's/^\t5\t1\t90\t30\t0\t0\t1\t1\t0\t345\t1\t1.1\t0.9;/\t5\t1\t90\t30\t0\t0\t1\t1\t0\t345\t1\t1.1;/' \
  "$data/case9.m" >"$work/short.m"
"$pt" powerflow "$work/short.m" >"$work/short.out" 2>&1
check "short bus row exits 2" [ $? -eq 2 ]
check "it names the line" grep -q "short.m:24:2: mpc.bus(5,:): expected at least 13 columns" "$work/short.out"
sed 's/^\t8\t9\t0.032/\t8\t19\t0.032/' "$data/case9.m" >"$work/bad.m"
"$pt" powerflow "$work/bad.m" >"$work/bad.out" 2>&1
check "unknown bus exits 2" [ $? -eq 2 ]
check "unknown bus named" grep -q "bad.m:49:4: mpc.branch(8,2): T_BUS: expected a bus number of mpc.bus, got 19" "$work/bad.out"
"$pt" powerflow "$work/missing.m" >/dev/null 2>&1
check "missing case exits 2" [ $? -eq 2 ]
printf 'time,p_mw_5,p_mw_77\n0,90,1\n' >"$work/bad.csv"
"$pt" powerflow "$data/case9.m" --series "$work/bad.csv" -o "$work/b.h5" >"$work/bs.out" 2>&1
check "series with an unknown bus exits 2" [ $? -eq 2 ]
check "it names the column" grep -q "bad.csv:1:13: p_mw_77: expected the number of a bus of the case" "$work/bs.out"
printf 'time,p_mw_5\n0,90\n1,x\n' >"$work/nan.csv"
"$pt" powerflow "$data/case9.m" --series "$work/nan.csv" -o "$work/b.h5" >"$work/nan.out" 2>&1
check "series with a bad number exits 2" [ $? -eq 2 ]
check "it names the cell" grep -q 'nan.csv:3:3: expected a number (MW), got "x"' "$work/nan.out"
check "no results file after an error" [ ! -e "$work/b.h5" ]
"$pt" powerflow "$data/case9.m" --series "$work/s.csv" >/dev/null 2>&1
check "--series without -o exits 2" [ $? -eq 2 ]
finish
