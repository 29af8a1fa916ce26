#!/usr/bin/env bash
# End-to-end tier: the parktwin command as a user runs it. The demo park over a short period (its
# report the same as a report of its file), `info --json` counts, results readable without our
# code (h5dump, h5py), every validation error at once with exit 2, bad flags, identical results on
# 1 and 2 threads, and a killed run that leaves no file at the target path.
# Usage: cli_test.sh PARKTWIN_BINARY TESTS_CLI_DIR
pt=$1
here=$2
. "$(dirname "$0")/check.sh"

# The demo park, one week.
"$pt" demo -o "$work/demo" --end 2025-01-08 >"$work/demo.out" 2>"$work/demo.err"
check "demo exits 0" [ $? -eq 0 ]
check "demo writes results.h5" [ -f "$work/demo/results.h5" ]
check "demo prints the KPI table" grep -q "^grid import \[MWh\]" "$work/demo.out"
check "demo prints every scenario" grep -q "led-lighting" "$work/demo.out"
check "demo ends with the economics, ranked by NPV" grep -q "scenario (by NPV)" "$work/demo.out"
# The demo sums the report's series while it writes them (app/report_tally.h); a report of the
# same file, which reads them back, is the same byte for byte.
"$pt" report "$work/demo/results.h5" -o "$work/again.html" >/dev/null 2>&1
check "demo's report equals parktwin report of its file" cmp "$work/demo/report.html" "$work/again.html"

# info --json on the park file counts what the issue asks for.
"$pt" info "$work/demo/park.yaml" --json >"$work/park.json"
check "info --json on the park exits 0" [ $? -eq 0 ]
check "demo park counts" python3 - "$work/park.json" <<'PY'
import json, sys
j = json.load(open(sys.argv[1]))
assert j["type"] == "park"
assert j["buildings"] >= 8 and j["motors"] >= 150 and j["compressors"] >= 4, j
assert j["transformers"] >= 4 and j["equipment_by_kind"]["air_compressor"] == j["compressors"]
assert j["loads_by_kind"]["ev_charger"] > 0 and j["loads_by_kind"]["hvac"] > 0
assert sum(j["equipment_by_kind"].values()) == j["motors"]
pv = next(s for s in j["scenarios"] if s["name"] == "rooftop-pv")["pv"]
filled = [a for a in pv if a["filled"]]
assert len(filled) >= 5 and all(a["modules"] > 0 for a in filled), pv
# kWp fitted = modules x 550 W
assert all(abs(a["dc_kwp"] - 0.55 * a["modules"]) < 1e-6 for a in filled), filled
PY

# info --json on the results.
"$pt" info "$work/demo/results.h5" --json >"$work/results.json"
check "results info" python3 - "$work/results.json" <<'PY'
import json, sys
j = json.load(open(sys.argv[1]))
assert j["type"] == "results" and j["period"]["steps"] == 7 * 96, j["period"]
assert j["period"]["start"] == "2025-01-01T00:00:00+08:00", j["period"]
names = [s["name"] for s in j["scenarios"]]
assert names[0] == "baseline" and len(names) == 8 and "rooftop-pv" in names and "vsd-pumps" in names, names
base = j["scenarios"][0]
assert base["kpi"]["grid_import_kWh"] > 0 and base["kpi"]["co2_t"] > 0
paths = {s["path"]: s["units"] for s in base["series"]}
assert paths["/series/motor/input_power_kW"] == "kW", paths
assert paths["/series/pv/ac_power_kW"] == "kW" and paths["/series/weather/temp_air_degC"] == "degC"
pv = next(s for s in j["scenarios"] if s["name"] == "rooftop-pv")
# A week of January on 5 MWp of roofs: PV energy well above the baseline's 60 kWp array.
assert pv["kpi"]["pv_kWh"] > 20 * base["kpi"]["pv_kWh"] > 0, (pv["kpi"], base["kpi"])
assert pv["kpi"]["grid_import_kWh"] < base["kpi"]["grid_import_kWh"]
# Staff EV charging in the baseline; the battery of storage-managed-ev cycles.
assert base["kpi"]["ev_charging_kWh"] > 0 and base["kpi"]["storage_discharge_kWh"] == 0
bess = next(s for s in j["scenarios"] if s["name"] == "storage-managed-ev")
assert bess["kpi"]["storage_discharge_kWh"] > 0, bess["kpi"]
assert paths["/series/bus/voltage_pu"] == "pu"
assert {s["path"]: s["units"] for s in bess["series"]}["/scenarios/storage-managed-ev/series/storage/soc_pct"] == "%"
# What each scenario's /model holds, read back without the park file.
m = base["model"]
assert (m["buildings"], m["buses"], m["transformers"], m["motors"]) == (11, 17, 6, 219), m
assert m["compressors"] == 5 and m["ev_chargers"] == 20 and m["batteries"] == 0, m
assert len(m["pv"]) == 1 and abs(m["pv"][0]["dc_kwp"] - 60) < 1e-9, m["pv"]
assert bess["model"]["batteries"] == 1
assert sum(a["modules"] for a in pv["model"]["pv"]) > 5000, pv["model"]["pv"]
PY

# Readable without our code: h5dump shows the units attribute; h5py reads the arrays.
if command -v h5dump >/dev/null; then
  h5dump -a /series/motor/input_power_kW/units "$work/demo/results.h5" >"$work/dump.txt"
  check "h5dump reads the units attribute" grep -q '"kW"' "$work/dump.txt"
fi
if /usr/bin/python3 -c "import h5py" 2>/dev/null; then
  check "h5py reads series, ids, units, time and KPIs" /usr/bin/python3 - "$work/demo/results.h5" <<'PY'
import sys, h5py
with h5py.File(sys.argv[1], "r") as f:
    d = f["/series/motor/input_power_kW"]
    ids = d.attrs["ids"]
    units = d.attrs["units"]
    units = units.decode() if isinstance(units, bytes) else units
    assert units == "kW" and d.shape == (f["/time"].shape[0], len(ids)), (units, d.shape)
    assert d[...].min() >= 0 and d[...].max() > 0
    assert f["/time"][1] - f["/time"][0] == 900
    assert f["/kpi/total/grid_import_kWh"][()] > 0
    assert "/scenarios/ie4-motors/series/motor/input_power_kW" in f
    assert len(f["/meta/park_sha256"][()]) == 64
    # /model describes the park: motor ratings in kW by id, PV module corners in metres.
    motor = f["/model/motor"]
    assert motor["rated_power_kW"].attrs["units"] in ("kW", b"kW")
    assert len(motor["id"]) == len(ids) == motor.attrs["rows"]
    assert list(motor["id"].asstr()[...]) == list(x.decode() if isinstance(x, bytes) else x for x in ids)
    corners = f["/scenarios/rooftop-pv/model/pv/module_corners_m"]
    assert corners.shape[1:] == (4, 3) and corners.shape[0] > 5000, corners.shape
PY
fi

# A damaged results file is bad input (exit 2) naming the file.
head -c 4096 "$work/demo/results.h5" >"$work/truncated.h5"
"$pt" info "$work/truncated.h5" >/dev/null 2>"$work/truncated.err"
check "truncated results file exits 2" [ $? -eq 2 ]
check "truncated results file is named" grep -q "truncated.h5: " "$work/truncated.err"

# Every validation error at once, located, exit 2; nothing written.
(cd "$here" && "$pt" validate broken_park.yaml) >/dev/null 2>"$work/broken.err"
check "validate exits 2 on a broken park" [ $? -eq 2 ]
check "validate prints every located error" diff -u "$here/broken_park.expected" "$work/broken.err"
(cd "$here" && "$pt" run broken_park.yaml -o "$work/broken.h5") >/dev/null 2>&1
check "run exits 2 on a broken park" [ $? -eq 2 ]
check "run on a broken park writes nothing" [ ! -e "$work/broken.h5" ]

# Bad flags.
"$pt" run "$work/demo/park.yaml" -o "$work/x.h5" --step 7min >/dev/null 2>"$work/flag.err"
check "bad --step exits 2" [ $? -eq 2 ]
check "bad --step is explained" grep -q -- '--step: expected a whole number of minutes that divides an hour (1, 2, 3, 4, 5, 6, 10, 12, 15, 20, 30 or 60 min), got "7min"' "$work/flag.err"
"$pt" run "$work/demo/park.yaml" -o "$work/x.h5" --end 2025-13-01 >/dev/null 2>"$work/flag.err"
check "bad --end is explained" grep -q -- '--end: expected a date YYYY-MM-DD, got "2025-13-01"' "$work/flag.err"
"$pt" run "$work/demo/park.yaml" --bogus >/dev/null 2>&1
check "unknown flag exits 2" [ $? -eq 2 ]
"$pt" run "$work/demo/park.yaml" -o "$work/demo/park.yaml" >/dev/null 2>"$work/self.err"
check "-o onto the park file exits 2" [ $? -eq 2 ]
check "-o onto the park file is explained" grep -q "is the park file itself" "$work/self.err"
check "the park file is untouched" grep -q "^schema: 1" "$work/demo/park.yaml"
"$pt" run "$work/demo/park.yaml" -o "$work/demo" >/dev/null 2>"$work/dir.err"
check "-o onto a folder is explained" grep -q "is a folder" "$work/dir.err"
"$pt" info "$work/missing.yaml" >/dev/null 2>"$work/missing.err"
check "missing file exits 2 naming it" grep -q "missing.yaml: cannot open file" "$work/missing.err"

# 1 thread and 2 threads give identical series and KPIs.
"$pt" run "$work/demo/park.yaml" -o "$work/t1.h5" --end 2025-01-04 --threads 1 >/dev/null 2>&1
"$pt" run "$work/demo/park.yaml" -o "$work/t2.h5" --end 2025-01-04 --threads 2 >/dev/null 2>&1
if command -v h5diff >/dev/null; then
  check "1 and 2 threads: identical /series" h5diff "$work/t1.h5" "$work/t2.h5" /series /series
  check "1 and 2 threads: identical /kpi" h5diff "$work/t1.h5" "$work/t2.h5" /kpi /kpi
  check "1 and 2 threads: identical scenarios" h5diff "$work/t1.h5" "$work/t2.h5" /scenarios /scenarios
fi

# A run killed mid-way leaves no file at the target path; an existing target survives.
echo "previous" >"$work/kept.h5"
"$pt" run "$work/demo/park.yaml" -o "$work/kept.h5" >/dev/null 2>&1 &
pid=$!
sleep 1
kill -KILL $pid 2>/dev/null
wait $pid 2>/dev/null
check "SIGKILL mid-run keeps the previous target" grep -q previous "$work/kept.h5"
"$pt" run "$work/demo/park.yaml" -o "$work/killed.h5" >/dev/null 2>&1 &
pid=$!
sleep 1
kill -TERM $pid 2>/dev/null
wait $pid
check "SIGTERM mid-run exits 130" [ $? -eq 130 ]
check "SIGTERM mid-run leaves no target" [ ! -e "$work/killed.h5" ]
check "SIGTERM mid-run removes the temporary file" [ -z "$(ls -A "$work" | grep killed.h5.partial)" ]

finish
