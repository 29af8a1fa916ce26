#!/usr/bin/env bash
# End-to-end: `parktwin pv`. The JSON and hourly CSV contracts, energy bookkeeping (monthly sums to
# annual, the CSV integrates to the annual AC energy), physical limits on the real Shanghai EPW
# (a flat plane without albedo sees no more than the file's GHI of 1470.8 kWh/m2, the README of
# ../shared/datasets/weather; a 22 deg south plane sees more), and bad input: exit 2 with the line.
# Usage: pv_test.sh PARKTWIN_BINARY SHARED_WEATHER_DIR
pt=$1
weather_dir=$2
. "$(dirname "$0")/check.sh"

synthetic=(--weather synthetic --lat 31.2 --lon 121.34)
"$pt" pv "${synthetic[@]}" --json --hourly "$work/hourly.csv" >"$work/pv.json"
check "pv --json exits 0" [ $? -eq 0 ]
check "JSON fields, monthly sums, hourly CSV" python3 - "$work/pv.json" "$work/hourly.csv" <<'PY'
import csv, json, sys
j = json.load(open(sys.argv[1]))
assert len(j["monthly_ac_kwh"]) == 12, j
assert abs(sum(j["monthly_ac_kwh"]) - j["annual_ac_kwh"]) < 1e-6 * j["annual_ac_kwh"]
# 1 kWp at 22 deg south in Shanghai: about 1,000-1,300 kWh a year (domain notes: 1,021 kWh/kWp
# measured on a crowded roof; PVWatts-type chains 1,100-1,250).
assert 950 < j["annual_ac_kwh"] < 1350, j["annual_ac_kwh"]
assert 1300 < j["annual_poa_kwh_m2"] < 1800, j["annual_poa_kwh_m2"]
rows = list(csv.reader(open(sys.argv[2])))
assert rows[0] == ["time", "poa_global_w_m2", "temp_cell_c", "dc_w", "ac_w"], rows[0]
assert len(rows) == 8761, len(rows)
ac = sum(float(r[4]) for r in rows[1:]) / 1000
assert abs(ac - j["annual_ac_kwh"]) < 1e-3 * j["annual_ac_kwh"], (ac, j["annual_ac_kwh"])
assert max(float(r[4]) for r in rows[1:]) <= 1000 / 1.2 + 1e-6  # clipped at the AC rating
assert rows[1][0] == "2025-01-01T01:00:00+08:00", rows[1][0]
PY

epw=$(ls "$weather_dir"/*.epw 2>/dev/null | head -1)
if [ -n "$epw" ]; then
  "$pt" pv --weather "$epw" --tilt 0 --albedo 0 --json >"$work/flat.json"
  "$pt" pv --weather "$epw" --json >"$work/tilted.json"
  check "flat plane vs GHI, tilted plane gains" python3 - "$work/flat.json" "$work/tilted.json" <<'PY'
import json, sys
flat = json.load(open(sys.argv[1]))
tilted = json.load(open(sys.argv[2]))
# The file's GHI is 1470.8 kWh/m2; a flat plane sees GHI less the beam of hours whose middle
# has the sun below the horizon (sunrise/sunset hours), a few percent at most.
assert 1400 < flat["annual_poa_kwh_m2"] <= 1470.8, flat["annual_poa_kwh_m2"]
assert tilted["annual_poa_kwh_m2"] > flat["annual_poa_kwh_m2"]
PY
  "$pt" pv --weather "$epw" --lat 40 >"$work/latepw.out" 2>&1
  check "--lat with an EPW exits 2" [ $? -eq 2 ]
  # A truncated file (cut mid-record) and a garbled number: exit 2, FILE:LINE:COL in the message.
  head -c 500000 "$epw" >"$work/cut.epw"
  "$pt" pv --weather "$work/cut.epw" >"$work/cut.out" 2>&1
  check "truncated EPW exits 2" [ $? -eq 2 ]
  check "truncated EPW names the file and line" grep -q "cut.epw:[0-9]*:" "$work/cut.out"
  sed '100s/^\([^,]*,[^,]*,[^,]*,[^,]*,[^,]*,[^,]*,\)[^,]*/\1abc/' "$epw" >"$work/garbled.epw"
  "$pt" pv --weather "$work/garbled.epw" >"$work/garbled.out" 2>&1
  check "garbled EPW exits 2" [ $? -eq 2 ]
  check "garbled EPW names line 100, column 7" grep -q "garbled.epw:100:[0-9]*: field 7" \
    "$work/garbled.out"
else
  echo "skipped: no EPW in $weather_dir (../shared/datasets/weather is absent)"
fi

"$pt" pv --weather synthetic >"$work/nolat.out" 2>&1
check "synthetic without --lat exits 2" [ $? -eq 2 ]
check "it says what is missing" grep -q "expected --lat and --lon" "$work/nolat.out"
"$pt" pv "${synthetic[@]}" --transposition klucher >/dev/null 2>&1
check "unknown transposition exits 2" [ $? -eq 2 ]
"$pt" pv "${synthetic[@]}" --tilt 95 >/dev/null 2>&1
check "tilt out of range exits 2" [ $? -eq 2 ]
mkdir "$work/folder"
"$pt" pv "${synthetic[@]}" --hourly "$work/folder" >"$work/folder.out" 2>&1
check "--hourly to a folder exits 2" [ $? -eq 2 ]
check "nothing left in the folder" [ -z "$(ls -A "$work/folder")" ]

finish
