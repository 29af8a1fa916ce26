#!/usr/bin/env bash
# End-to-end: `parktwin solar`. The SPA paper's example (Reda and Andreas 2004, NREL/TP-560-34302
# Table A4.1: 2003-10-17 12:30:30 UTC-7, 39.742476 N -105.1786 E, 1830.14 m, 820 hPa, 11 C,
# delta T 67 s): topocentric zenith with refraction 50.11162 deg, azimuth 194.34024 deg; the
# unrefracted zenith 50.12795 deg is pvlib's (pvlib-python tests/test_spa.py, `zenith`). Tolerance
# 1e-4 deg. Then the JSON keys, a CSV round trip, and bad input with exit 2 and the message.
# Usage: solar_test.sh PARKTWIN_BINARY
pt=$1
. "$(dirname "$0")/check.sh"
spa=(--time 2003-10-17T12:30:30-07:00 --lat 39.742476 --lon -105.1786 --elevation 1830.14
  --pressure 820 --temperature 11 --delta-t 67)

"$pt" solar "${spa[@]}" >"$work/text.out"
check "solar --time exits 0" [ $? -eq 0 ]
check "text shows the apparent zenith to 6 decimals" grep -q "apparent zenith .*50\.1116[12][0-9] deg" "$work/text.out"
check "text shows the azimuth to 6 decimals" grep -q "azimuth .*194\.34024[0-9] deg" "$work/text.out"

"$pt" solar "${spa[@]}" --json >"$work/spa.json"
check "solar --json exits 0" [ $? -eq 0 ]
check "SPA example numbers and JSON keys" python3 - "$work/spa.json" <<'PY'
import json, sys
j = json.load(open(sys.argv[1]))
keys = ["time", "unix_time", "latitude_deg", "longitude_deg", "elevation_m", "pressure_hpa",
        "temperature_c", "delta_t_s", "zenith_deg", "apparent_zenith_deg", "azimuth_deg",
        "elevation_deg"]
assert list(j) == keys, list(j)
assert abs(j["apparent_zenith_deg"] - 50.11162) < 1e-4, j
assert abs(j["zenith_deg"] - 50.12795) < 1e-4, j
assert abs(j["azimuth_deg"] - 194.34024) < 1e-4, j
assert abs(j["elevation_deg"] - (90 - j["zenith_deg"])) < 1e-9, j
assert j["unix_time"] == 1066419030 and j["pressure_hpa"] == 820 and j["delta_t_s"] == 67, j
PY

# CSV round trip: columns in any order, optional ones present or not, the same instant twice.
cat >"$work/in.csv" <<'CSV'
latitude,time,longitude,elevation_m,pressure_hpa,temperature_c,delta_t_s
39.742476,2003-10-17T12:30:30-07:00,-105.1786,1830.14,820,11,67
31.198,2025-06-21T12:00:00+08:00,121.336,3,1013.25,12,67
31.198,2025-06-21T04:00Z,121.336,3,1013.25,12,67
CSV
"$pt" solar --csv "$work/in.csv" -o "$work/out.csv"
check "solar --csv -o exits 0" [ $? -eq 0 ]
"$pt" solar --csv "$work/in.csv" >"$work/stdout.csv"
check "stdout and -o agree" cmp -s "$work/out.csv" "$work/stdout.csv"
check "no temporary file is left" [ -z "$(ls -A "$work" | grep partial)" ]
check "CSV round trip" python3 - "$work/in.csv" "$work/out.csv" <<'PY'
import csv, sys
rows_in = list(csv.reader(open(sys.argv[1])))
rows_out = list(csv.reader(open(sys.argv[2])))
added = ["zenith_deg", "apparent_zenith_deg", "azimuth_deg", "elevation_deg"]
assert rows_out[0] == rows_in[0] + added, rows_out[0]
assert len(rows_out) == len(rows_in)
for a, b in zip(rows_in[1:], rows_out[1:]):
    assert b[:len(a)] == a, (a, b)
    assert all(len(v.split(".")[1]) >= 6 for v in b[len(a):]), b
spa = [float(v) for v in rows_out[1][-4:]]
assert abs(spa[1] - 50.11162) < 1e-4 and abs(spa[2] - 194.34024) < 1e-4, spa
assert abs(spa[0] - 50.12795) < 1e-4 and abs(spa[3] - (90 - spa[0])) < 2e-6, spa
assert rows_out[2][-4:] == rows_out[3][-4:], (rows_out[2], rows_out[3])  # same instant
PY

# Bad input: exit 2, every error located, and no output file.
cat >"$work/bad.csv" <<'CSV'
time,latitude,longitude,elevation_m
2025-02-30T12:00:00+08:00,31.2,121.3,3
2025-06-21T12:00:00+08:00,95,121.3,3
2025-06-21T12:00:00,31.2,121.3,3
CSV
"$pt" solar --csv "$work/bad.csv" -o "$work/bad_out.csv" 2>"$work/bad.err" >/dev/null
check "bad CSV exits 2" [ $? -eq 2 ]
check "bad CSV writes nothing" [ ! -e "$work/bad_out.csv" ]
cat >"$work/bad.expected" <<EOF
$work/bad.csv:2:1: column time: expected a date that exists (2025-02 has 28 days), got "2025-02-30T12:00:00+08:00"
$work/bad.csv:3:27: column latitude: expected a latitude in deg (north positive) from -90 to 90, got "95"
$work/bad.csv:4:1: column time: expected a UTC offset after the time (Z or +hh:mm, e.g. 2025-06-21T12:00:00+08:00): a local time alone names no instant, got "2025-06-21T12:00:00"
3 errors
EOF
check "bad CSV messages" diff -u "$work/bad.expected" "$work/bad.err"
printf 'time,latitude,longitude,elevation_m,zenith\n' >"$work/col.csv"
"$pt" solar --csv "$work/col.csv" >/dev/null 2>"$work/col.err"
check "unknown column exits 2" [ $? -eq 2 ]
check "unknown column is named" grep -qF "col.csv:1:37: column zenith: expected one of time, latitude, longitude, elevation_m, pressure_hpa, temperature_c, delta_t_s, got \"zenith\"" "$work/col.err"

"$pt" solar --time 2025-06-21T12:00:00 --lat 31 --lon 121 >/dev/null 2>"$work/offset.err"
check "--time without offset exits 2" [ $? -eq 2 ]
check "--time without offset says an offset is required" grep -qF -- '--time: expected a UTC offset after the time' "$work/offset.err"
"$pt" solar --time 2025-06-21T12:00:00+08:00 --lat 91 --lon 121 >/dev/null 2>"$work/lat.err"
check "--lat 91 exits 2" [ $? -eq 2 ]
check "--lat 91 is explained" grep -qF -- '--lat: expected a latitude in deg (north positive) from -90 to 90, got 91' "$work/lat.err"
"$pt" solar --time 2025-06-21T12:00:00+08:00 --csv "$work/in.csv" >/dev/null 2>&1
check "--time with --csv exits 2" [ $? -eq 2 ]
"$pt" solar >/dev/null 2>"$work/none.err"
check "neither --time nor --csv exits 2" [ $? -eq 2 ]
check "neither is explained" grep -qF -- 'expected --time (with --lat and --lon) or --csv FILE' "$work/none.err"

finish
