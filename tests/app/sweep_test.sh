#!/usr/bin/env bash
# `parktwin sweep` end to end: a 3 x 2 grid over a small park; parameters as attributes; each
# variant equal bit for bit to running its park file alone (and on 1 or 2 threads); a variant
# equal to the baseline stores nothing twice; bad --vary paths and values exit 2 with nothing
# written.
# Usage: sweep_test.sh PARKTWIN_BINARY TESTS_APP_DATA_DIR
pt=$1
data=$2
. "$(dirname "$0")/check.sh"
park="$data/retrofit_park.yaml"

"$pt" sweep "$park" --vary 'loads.LIGHT.rated_power=10 kW, 20 kW,40 kW' \
  --vary equipment.PUMP.count=2,4 -o "$work/s.h5" >"$work/s.out" 2>"$work/s.err"
check "sweep exits 0" [ $? -eq 0 ]
check "sweep prints the variants" grep -Eq "^v06 +40 kW +4 " "$work/s.out"
"$pt" sweep "$park" --vary 'loads.LIGHT.rated_power=10 kW, 20 kW,40 kW' \
  --vary equipment.PUMP.count=2,4 -o "$work/s1.h5" --threads 1 >/dev/null 2>&1
"$pt" compare "$work/s.h5" --json >"$work/s.json"
"$pt" compare "$work/s1.h5" --json >"$work/s1.json"
check "compare ranks the sweep" [ -s "$work/s.json" ]
check "the same on 1 and 2 threads" cmp -s "$work/s.json" "$work/s1.json"

# v03 is LIGHT 20 kW with 2 pumps: the park file edited by hand and run alone gives the same KPIs.
sed -e 's/rated_power: "40 kW"/rated_power: "20 kW"/' -e 's/    count: 4/    count: 2/' "$park" >"$work/v03.yaml"
"$pt" run "$work/v03.yaml" -o "$work/v03.h5" --baseline-only >/dev/null 2>&1
"$pt" info "$work/v03.h5" --json >"$work/v03.json"
check "a variant equals its park run alone, bit for bit" python3 - "$work/s.json" "$work/v03.json" <<'PY'
import json, sys
sweep = {s["name"]: s for s in json.load(open(sys.argv[1]))["scenarios"]}
assert sorted(sweep) == ["v01", "v02", "v03", "v04", "v05", "v06"], sorted(sweep)
alone = json.load(open(sys.argv[2]))["scenarios"][0]["kpi"]
assert sweep["v03"]["kpi"] == alone, (sweep["v03"]["kpi"], alone)
# v06 is the baseline itself (LIGHT 40 kW, 4 pumps): no change at all.
assert all(v == 0 for v in sweep["v06"]["delta"].values()), sweep["v06"]["delta"]
PY
if python3 -c "import h5py" 2>/dev/null; then
  check "parameters are attributes; equal series are stored once" python3 - "$work/s.h5" <<'PY'
import h5py, sys
f = h5py.File(sys.argv[1], "r")
v = f["/scenarios/v03"]
assert v.attrs["vary:loads.LIGHT.rated_power"] == "20 kW", dict(v.attrs)
assert v.attrs["vary:equipment.PUMP.count"] == "2"
assert "park" in v["series"] and "motor" not in v["series"], list(v["series"])  # --store park
info = lambda p: h5py.h5o.get_info(f[p].id)
assert info("/scenarios/v06/series/park/grid_import_kW").addr == info("/series/park/grid_import_kW").addr
assert info("/scenarios/v03/series/park/grid_import_kW").addr != info("/series/park/grid_import_kW").addr
PY
else
  echo "skip: python3-h5py is not installed (attributes not read)"
fi

# Bad input: exit 2, the flag named, nothing written.
"$pt" sweep "$park" --vary 'loads.NOPE.rated_power=1 kW' -o "$work/bad.h5" >/dev/null 2>"$work/e1"
check "a path naming nothing exits 2" [ $? -eq 2 ]
check "and says what is there" grep -q 'loads has no "NOPE" (it has: LIGHT)' "$work/e1"
"$pt" sweep "$park" --vary 'loads.LIGHT=1' -o "$work/bad.h5" >/dev/null 2>"$work/e3"
check "a path to a map exits 2" [ $? -eq 2 ]
"$pt" sweep "$park" --vary 'loads.LIGHT.rated_power=1 kW' --store v09 -o "$work/bad.h5" >/dev/null 2>"$work/e4"
check "--store naming no variant exits 2" [ $? -eq 2 ]
check "and lists the variants" grep -q -- '--store: no variant "v09" in this sweep (it has 2: baseline, v01)' "$work/e4"
check "nothing written on bad input" [ ! -e "$work/bad.h5" ]

# A value its field refuses fails that variant alone: recorded with the located message, the
# sweep goes on.
"$pt" sweep "$park" --vary 'loads.LIGHT.rated_power=40 kW,abc' -o "$work/f.h5" >"$work/f.out" 2>"$work/e2"
check "a bad value does not stop the sweep" [ $? -eq 0 ]
check "its message names the variant and the park file's place" \
  grep -q 'v02: failed: --vary variant v02 (abc): .*retrofit_park.yaml:[0-9]*:[0-9]*: loads\[0\].rated_power' "$work/e2"
"$pt" compare "$work/f.h5" --json >"$work/f.json"
"$pt" info "$work/f.h5" >"$work/f.info"
check "info counts the sweep's rows by status" grep -q "sweep: 3 variants of 1 park(s) in /sweep/variants (2 ok, 1 failed)" "$work/f.info"
check "compare shows it failed, the other ran" python3 - "$work/f.json" <<'PY'
import json, sys
rows = {r["name"]: r for r in json.load(open(sys.argv[1]))["scenarios"]}
assert rows["v02"]["status"] == "failed" and "rated_power" in rows["v02"]["error"], rows["v02"]
assert rows["v02"]["kpi"]["cost_CNY"] is None
assert rows["v01"]["status"] == "ok" and rows["v01"]["kpi"]["cost_CNY"] > 0
PY

# Many parks: each with its scenarios, one row each; the table alone with --store none.
sed -e 's/rated_power: "40 kW"/rated_power: "20 kW"/' "$park" >"$work/east.yaml"
"$pt" sweep --parks "$park" "$work/east.yaml" --vary equipment.PUMP.count=2,4 --store none \
  -o "$work/p.h5" >/dev/null 2>&1
check "a sweep of two parks exits 0" [ $? -eq 0 ]
"$pt" compare "$work/p.h5" --json --csv "$work/pcsv" >"$work/p.json"
check "rows for each park, its scenarios and the grid" python3 - "$work/p.json" "$work/pcsv/variants.csv" <<'PY'
import csv, json, sys
j = json.load(open(sys.argv[1]))
names = [r["name"] for r in j["scenarios"]]
assert [b["name"] for b in j["baselines"]] == ["retrofit_park/baseline", "east/baseline"], j["baselines"]
assert "retrofit_park/v02" in names and "east/v01" in names, names
scen = [n for n in names if n.count("/") == 2]
assert scen and all(n.split("/")[0] in ("retrofit_park", "east") for n in scen), names
east = {r["name"]: r for r in j["scenarios"]}["east/v02"]
assert east["reference"] == "east/baseline" and east["vary"] == {"equipment.PUMP.count": "4"}
# east/v02 is east's baseline itself (4 pumps): no change, NPV 0.
assert east["delta"]["cost_CNY"] == 0 and east["economics"]["npv_cny"] == 0, east
rows = list(csv.DictReader(open(sys.argv[2])))
assert len(rows) == len(names) + 2 and rows[0]["name"] == "retrofit_park/baseline", rows[0]
PY
if python3 -c "import h5py" 2>/dev/null; then
  check "--store none keeps the table, no variant's series" python3 - "$work/p.h5" <<'PY'
import h5py, sys
f = h5py.File(sys.argv[1], "r")
assert "scenarios" not in f or len(f["scenarios"]) == 0, list(f.get("scenarios", []))
t = f["/sweep/variants"]
assert t.dtype.names[:6] == ("name", "park", "scenario", "reference", "status", "error"), t.dtype.names
units = list(t.attrs["units"])
assert units[t.dtype.names.index("cost_CNY")] == "CNY" and units[t.dtype.names.index("npv_cny")] == "CNY"
PY
fi

# Resume: a sweep killed midway leaves its journal, not the target; --resume runs the rest, and
# the table is the one an uninterrupted sweep writes.
grid='loads.LIGHT.rated_power=10 kW,12 kW,14 kW,16 kW,18 kW,20 kW,22 kW,24 kW,26 kW,28 kW'
"$pt" sweep "$park" --vary "$grid" --vary equipment.PUMP.count=1,2,3,4 --store none --threads 1 \
  -o "$work/r.h5" >/dev/null 2>&1 &
sweep_pid=$!
for _ in $(seq 1 500); do
  [ "$(stat -c %s "$work/r.h5.journal" 2>/dev/null || echo 0)" -gt 2000 ] && break
  sleep 0.01
done
kill -9 $sweep_pid 2>/dev/null
wait $sweep_pid 2>/dev/null
check "the killed sweep left no target" [ ! -e "$work/r.h5" ]
check "and its journal" [ -s "$work/r.h5.journal" ]
"$pt" sweep "$park" --vary "$grid" --vary equipment.PUMP.count=1,2,3,4 --store none --resume \
  -o "$work/r.h5" >/dev/null 2>"$work/resume.err"
check "--resume completes it" [ $? -eq 0 ]
check "skipping what the journal holds" grep -Eq 'r.h5.journal: [1-9][0-9]* of 41 variants already done' "$work/resume.err"
check "the journal is gone" [ ! -e "$work/r.h5.journal" ]
"$pt" sweep "$park" --vary "$grid" --vary equipment.PUMP.count=1,2,3,4 --store none \
  -o "$work/r2.h5" >/dev/null 2>&1
"$pt" compare "$work/r.h5" --json >"$work/r.json"
"$pt" compare "$work/r2.h5" --json >"$work/r2.json"
check "the resumed table equals an uninterrupted one" cmp -s "$work/r.json" "$work/r2.json"
printf 'parktwin sweep journal 2\nffff\n' >"$work/r3.h5.journal"
"$pt" sweep "$park" --vary "$grid" --store none --resume -o "$work/r3.h5" >/dev/null 2>"$work/e5"
check "a journal of other inputs is refused" [ $? -eq 2 ]
check "naming it" grep -q 'r3.h5.journal: the journal of a sweep of other inputs' "$work/e5"

# Monte Carlo: each row once per sample, against its sample's baseline; the same seed draws the
# same samples; the weather drawn from a list (the Shanghai EPW when ../shared is there).
epw=$(dirname "$0")/../../../shared/datasets/weather/CHN_SH_Shanghai-Hongqiao.Intl.AP.583670_TMYx.1956-2023_fromCEA.epw
weather="[synthetic]"
if [ -f "$epw" ]; then
  ln -s "$(cd "$(dirname "$epw")" && pwd)/$(basename "$epw")" "$work/shanghai.epw"
  weather="[synthetic, shanghai.epw]"
fi
cp "$park" "$work/mc.yaml"
printf 'uncertainty:\n  weather: %s\n  load_scale: {min: "90 %%", max: "110 %%"}\n  price_scale: {min: "95 %%", max: "120 %%"}\n' "$weather" >>"$work/mc.yaml"
for out in mc mc_again; do
  "$pt" sweep "$work/mc.yaml" --samples 6 --seed 9 --vary equipment.PUMP.count=2,4 --store none \
    -o "$work/$out.h5" >/dev/null 2>"$work/$out.err"
done
check "a Monte Carlo sweep exits 0" [ -s "$work/mc.h5" ]
"$pt" compare "$work/mc.h5" --json >"$work/mc.json"
"$pt" compare "$work/mc_again.h5" --json >"$work/mc_again.json"
check "the same seed draws the same samples" cmp -s "$work/mc.json" "$work/mc_again.json"
check "rows per sample against that sample's baseline" python3 - "$work/mc.json" "$weather" <<'PY'
import json, sys
j = json.load(open(sys.argv[1]))
base = {b["name"]: b for b in j["baselines"]}
rows = j["scenarios"]
assert sorted(base) == ["baseline/s%03d" % k for k in range(1, 7)], sorted(base)
assert len(rows) == 12 and all(r["status"] == "ok" for r in rows), [(r["name"], r["error"]) for r in rows]
for r in rows:
    ref = base[r["reference"]]
    assert r["reference"] == "baseline/" + r["name"].split("/")[1]
    assert r["load_scale"] == ref["load_scale"] and r["weather"] == ref["weather"]
    assert 0.9 <= r["load_scale"] <= 1.1 and 0.95 <= r["price_scale"] <= 1.2, r
    assert abs(r["delta"]["cost_CNY"] - (r["kpi"]["cost_CNY"] - ref["kpi"]["cost_CNY"])) < 1e-6
scales = {b["load_scale"] for b in base.values()}
assert len(scales) == 6, scales  # each sample its own draw
if "shanghai.epw" in sys.argv[2]:
    assert {b["weather"] for b in base.values()} == {"synthetic", "shanghai.epw"}, base
PY
printf 'uncertainty:\n  weather: [nowhere.epw]\n' >"$work/mc_bad.yaml.tail"
cat "$park" "$work/mc_bad.yaml.tail" >"$work/mc_bad.yaml"
"$pt" validate "$work/mc_bad.yaml" >/dev/null 2>"$work/e6"
check "an uncertain weather file that is not there is refused" [ $? -eq 2 ]
check "at its place" grep -q 'mc_bad.yaml:[0-9]*:[0-9]*: uncertainty.weather\[0\]: expected synthetic or an EPW file, got "nowhere.epw" (no such file beside the park file)' "$work/e6"
"$pt" sweep "$park" --samples 3 -o "$work/nomc.h5" >/dev/null 2>"$work/e7"
check "--samples without uncertainty: exits 2" [ $? -eq 2 ]
check "saying what is missing" grep -q 'declares nothing uncertain' "$work/e7"

finish
