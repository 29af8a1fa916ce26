#!/usr/bin/env bash
# `parktwin diagnose` and `parktwin calibrate` end to end on the demo park's sample meters
# (datasets/demo-park/METERS.md): the planted faults found and ranked, the JSON fields, the CSV
# and workbook, the calibration recovering the planted duty load, and bad input (exit 2 with a
# located message, or warnings and results for what could be read).
# Usage: diagnose_test.sh PARKTWIN_BINARY MAKE_METER_SAMPLE_BINARY REPOSITORY_DIR
pt=$1
gen=$2
repo=$3
. "$(dirname "$0")/check.sh"
park=$repo/datasets/demo-park/park.yaml
meters=$repo/datasets/demo-park/meters.csv

"$gen" "$park" "$work/regenerated.csv"
check "the committed sample is what its generator writes" cmp -s "$meters" "$work/regenerated.csv"

"$pt" diagnose "$meters" --park "$park" --json --csv "$work/d.csv" >"$work/d.json" 2>"$work/d.err"
check "diagnose --json exits 0" [ $? -eq 0 ]
check "skipped rows are reported with their line numbers" grep -q \
  "meters.csv:8858: skipped: power_kw: expected a number, got \"n/a\"" "$work/d.err"
check "a time without an offset is a skipped row" grep -q "meters.csv:8859: skipped: time:" "$work/d.err"
check "planted faults found and ranked" python3 - "$work/d.json" <<'PY'
import json, sys
j = json.load(open(sys.argv[1]))
m = {x["id"]: x for x in j["motors"]}
fields = ["id", "readings", "energised_readings", "hours", "methods", "mean_load_pct",
          "load_uncertainty_pct", "efficiency_pct", "efficiency_uncertainty_pct",
          "class_efficiency_pct", "energy_kwh_per_year", "voltage_unbalance_pct",
          "voltage_unbalance_max_pct", "flags", "replacement", "rank"]
for x in j["motors"]:
    assert all(f in x for f in fields), [f for f in fields if f not in x]
    assert set(x["replacement"]) >= {"to_class", "saving_kwh_per_year", "saving_cny_per_year",
                                     "co2_t_per_year", "investment_cny", "simple_payback_years"}
assert len(m) == 10, sorted(m)
# Ranked by CNY saved, 1..n.
ranks = [x["rank"] for x in j["motors"]]
assert ranks == list(range(1, 11)), ranks
money = [x["replacement"]["saving_cny_per_year"] for x in j["motors"]]
assert money == sorted(money, reverse=True), money
# Planted: the unbalanced W2 bus (2.5 %, NEMA MG 1 definition), within 0.2 points.
for i in ("W2-FUME-01", "W2-FUME-02"):
    assert "voltage_unbalance" in m[i]["flags"], m[i]["flags"]
    assert abs(m[i]["voltage_unbalance_pct"] - 2.5) < 0.2, m[i]["voltage_unbalance_pct"]
assert "voltage_unbalance" not in m["W1-HPU-01"]["flags"]
# Planted: underloaded presses and crane; the analyser gap on W1-HPU-02 (6 h of 168).
for i in ("W1-PRESS-L-01", "W1-CRANE-01"):
    assert "underloaded" in m[i]["flags"], (i, m[i]["flags"])
assert "data_gap" in m["W1-HPU-02"]["flags"] and "data_gap" not in m["W1-HPU-01"]["flags"]
assert abs(m["W1-HPU-02"]["hours"] - 162) < 1e-9, m["W1-HPU-02"]["hours"]
gaps = j["input"]["gaps"]
assert gaps == [{"id": "W1-HPU-02", "from": "2025-03-05T10:00:00+08:00",
                 "to": "2025-03-05T16:00:00+08:00"}], gaps
assert j["input"]["duplicates"] == 1 and [s["line"] for s in j["input"]["skipped"]] == [8858, 8859]
# Planted: the old IE1 washer pumps pay back fastest.
pay = sorted(j["motors"], key=lambda x: x["replacement"]["simple_payback_years"])
assert {pay[0]["id"], pay[1]["id"]} == {"W3-WASH-01", "W3-WASH-02"}, [p["id"] for p in pay]
assert m["W3-WASH-01"]["efficiency_class"] == "IE1"
# Methods by the columns each meter has: EMS power only, clamp meter current only.
assert m["W3-CNC-01"]["methods"] == ["input_power"], m["W3-CNC-01"]["methods"]
assert m["W1-CRANE-01"]["methods"] == ["current"], m["W1-CRANE-01"]["methods"]
assert m["W1-CRANE-01"]["load_uncertainty_pct"] > 5 * m["W1-PRESS-L-01"]["load_uncertainty_pct"]
assert set(m["W1-HPU-01"]["methods"]) == {"input_power", "slip", "equivalent_circuit"}
# The throttled condenser-water pump gets a drive case; the presses do not.
assert m["UT-CWP-01"]["drive"]["saving_kwh_per_year"] > 0 and m["W1-PRESS-L-01"]["drive"] is None
# Annual energy: measured energy x 8760 h / hours covered.
assert 0 < m["W1-HPU-01"]["energy_kwh_per_year"] < 22 * 8760
PY
check "the CSV has one row per motor with the JSON names" python3 - "$work/d.csv" <<'PY'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1])))
assert len(rows) == 10 and rows[0]["rank"] == "1", rows[0]
assert "mean_load_pct" in rows[0] and "saving_cny_per_year" in rows[0], list(rows[0])
PY

"$pt" diagnose "$meters" --park "$park" --language zh >"$work/zh.out" 2>/dev/null
check "the table in Chinese" grep -q "电机诊断" "$work/zh.out"
"$pt" diagnose "$meters" --park "$park" --to-class IE5 --xlsx "$work/d.xlsx" >"$work/t.out" 2>/dev/null
check "the terminal table ranks and explains the flags" grep -q "underloaded: mean load below 40 %" "$work/t.out"
if python3 -c "import openpyxl" 2>/dev/null; then
  check "the workbook has the findings as numbers" python3 - "$work/d.xlsx" <<'PY'
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
assert wb.sheetnames == ["Motors", "Input"], wb.sheetnames
head = [c.value for c in wb["Motors"][1]]
assert "Mean load [%]" in head and "Saving IE5 [CNY/a]" in head, head
assert isinstance(wb["Motors"].cell(2, head.index("Mean load [%]") + 1).value, float)
PY
fi

# Findings into a results file of the same park, for the viewer; a second write replaces them.
"$pt" run "$park" -o "$work/week.h5" --start 2025-03-03 --end 2025-03-10 --baseline-only >/dev/null 2>&1
check "a week of the demo park runs" [ $? -eq 0 ]
"$pt" diagnose "$meters" --park "$park" --results "$work/week.h5" >/dev/null 2>&1
check "diagnose --results exits 0" [ $? -eq 0 ]
"$pt" diagnose "$meters" --park "$park" --to-class IE5 --results "$work/week.h5" >/dev/null 2>&1
check "... and again" [ $? -eq 0 ]
check "no temporary is left beside the results file" [ "$(ls -A "$work" | grep -c partial)" -eq 0 ]
if python3 -c "import h5py" 2>/dev/null; then
  check "/diagnosis holds one row per metered motor" python3 - "$work/week.h5" <<'PY'
import sys, h5py
with h5py.File(sys.argv[1]) as f:
    g = f["diagnosis"]
    assert g.attrs["to_class"] == "IE5", dict(g.attrs)
    ids = [x.decode() for x in g["id"][:]]
    assert len(ids) == 10 and "W3-WASH-01" in ids, ids
    assert g["efficiency"].attrs["units"] == "1"
    assert "baseline" not in f or True  # the run's own groups stay
    assert "series" in f and "kpi" in f, list(f)
PY
fi
"$pt" snapshot "$work/week.h5" --time 2025-03-05T10:00 -o "$work/week.png" >/dev/null 2>&1
check "the viewer renders a results file with findings" [ -s "$work/week.png" ]
"$pt" diagnose "$meters" --park "$park" --results "$work/d.csv" >/dev/null 2>"$work/e0"
check "--results on a file that is not a results file: exit 2" [ $? -eq 2 ]

# Calibration: the machining centres' meter fails ASHRAE Guideline 14 until their duty load is
# fitted; the fit recovers the planted 62 % (declared 50 %) within 1 point.
"$pt" calibrate "$park" "$meters" --adjust equipment.W3-CNC.duty.load --json \
  -o "$work/calibrated.yaml" >"$work/c.json" 2>/dev/null
check "calibrate exits 0" [ $? -eq 0 ]
check "calibration recovers the planted duty load" python3 - "$work/c.json" <<'PY'
import json, sys
j = json.load(open(sys.argv[1]))
before = {m["id"]: m for m in j["meters_before"]}
after = {m["id"]: m for m in j["meters"]}
assert set(after["grid"]["hourly"]) == {"cv_rmse_pct", "nmbe_pct", "n", "meets"}
assert before["W3-CNC-01"]["hourly"]["meets"] is False, before["W3-CNC-01"]["hourly"]
assert after["W3-CNC-01"]["hourly"]["meets"] is True, after["W3-CNC-01"]["hourly"]
assert after["grid"]["hourly"]["n"] == 2160 and after["grid"]["monthly"]["n"] == 3
assert after["W3-CNC-01"]["monthly"]["cv_rmse_pct"] is None  # one month: no statistics
(a,) = j["adjusted"]
assert a["path"] == "equipment.W3-CNC.duty.load" and a["before"] == "50 %", a
assert abs(float(a["after"].split()[0]) - 62) < 1.0, a
PY
check "the calibrated park file differs only in the fitted value" \
  [ "$(diff "$park" "$work/calibrated.yaml" | grep -c '^[<>]')" -eq 2 ]
"$pt" validate "$work/calibrated.yaml" >/dev/null 2>&1
check "the calibrated park file is valid" [ $? -eq 0 ]

# Bad input.
printf 'time,id,power_kw\n2025-03-03T00:00:00+08:00,W3-CNC-01,1\n' >"$work/one.csv"
printf '\x89PNG\r\n\x1a\n\x00\x00binary' >"$work/binary.csv"
"$pt" diagnose "$work/binary.csv" --park "$park" >/dev/null 2>"$work/e1"
check "a file that is not CSV: exit 2" [ $? -eq 2 ]
check "... naming the file" grep -q "binary.csv" "$work/e1"
printf 'time,id,colour\n2025-03-03T00:00:00+08:00,W3-CNC-01,red\n' >"$work/nocol.csv"
"$pt" diagnose "$work/nocol.csv" --park "$park" >/dev/null 2>"$work/e2"
check "a header with no usable column: exit 2" [ $? -eq 2 ]
check "... naming the file and line 1" grep -q "nocol.csv:1" "$work/e2"
printf 'time,id,power_kw\n2025-03-03T00:00:00+08:00,OF-LIGHT,1\n' >"$work/nomotor.csv"
"$pt" diagnose "$work/nomotor.csv" --park "$park" >/dev/null 2>"$work/e3"
check "readings of no motor: exit 2" [ $? -eq 2 ]
printf 'time,id,power_kw\n2001-03-03T00:00:00+08:00,grid,1\n2031-03-03T01:00:00+08:00,grid,1\n' >"$work/decades.csv"
"$pt" calibrate "$park" "$work/decades.csv" >/dev/null 2>"$work/e4"
check "calibrate: a period the park cannot simulate is exit 2" [ $? -eq 2 ]
check "... naming the file and the span" grep -q "decades.csv: the readings span 2001-03-03" "$work/e4"
"$pt" calibrate "$park" "$meters" --adjust equipment.W3-CNC.duty.colour >/dev/null 2>"$work/e5"
check "calibrate: an --adjust path that names nothing is exit 2" [ $? -eq 2 ]
check "... naming the path" grep -q "\-\-adjust equipment.W3-CNC.duty.colour" "$work/e5"
printf 'time,id,power_kw,speed_rpm\n2025-03-03T00:00:00+08:00,W3-CNC-01,7,1470\nnot a time,W3-CNC-01,7,1470\n2025-03-03T00:30:00+08:00,NOPE,7,1470\n' >"$work/partial.csv"
"$pt" diagnose "$work/partial.csv" --park "$park" --json >"$work/p.json" 2>"$work/e6"
check "bad rows and unknown ids are warnings, the rest is diagnosed" [ $? -eq 0 ]
check "... the unknown id once, with its line" grep -q 'partial.csv:4: id "NOPE" is not in' "$work/e6"
check "... the method a nameplate lacks is named" grep -q "W3-CNC-01: method slip skipped: rated_speed missing" "$work/e6"
check "... the bad row with its line" grep -q "partial.csv:3: skipped: time" "$work/e6"
finish
