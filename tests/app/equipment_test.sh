#!/usr/bin/env bash
# End-to-end: `parktwin motor` and `parktwin transformer`. References: IEC 60034-30-1:2014 IE3,
# 15 kW, 4 poles = 92.1 % (the standard's formula, UK SI 2021/745 Sch. 16 Table 28; also
# ../shared/datasets/standards/iec60034_30_1_ie2_ie3_ie4_50hz_computed.csv); GB 20052-2024
# Table 1, 1000 kVA oil-immersed electrical steel, grade 1: P0 0.665 kW, Pk 7.415 kW (the shared
# CSV). Then the JSON contracts, the loss model P0 + Pk x^2, and exit 2 outside the tables.
# Usage: equipment_test.sh PARKTWIN_BINARY
pt=$1
. "$(dirname "$0")/check.sh"

"$pt" motor --rated-power 15kW --poles 4 --class IE3 --load 0.75 --json >"$work/m75.json"
check "motor --load exits 0" [ $? -eq 0 ]
"$pt" motor --rated-power 15kW --poles 4 --class IE3 --json >"$work/curve.json"
check "motor curve exits 0" [ $? -eq 0 ]
check "motor JSON" python3 - "$work/m75.json" "$work/curve.json" <<'PY'
import json, math, sys
m = json.load(open(sys.argv[1]))
c = json.load(open(sys.argv[2]))
assert abs(m["rated_efficiency_pct"] - 92.1) < 1e-9, m
for k in ("efficiency_pct", "power_factor", "input_power_kw", "current_a", "losses_kw"):
    assert k in m, k
# input = shaft / efficiency; losses = input - shaft; current = P / (sqrt(3) V pf)
assert abs(m["input_power_kw"] - 0.75 * 15 / (m["efficiency_pct"] / 100)) < 1e-9
assert abs(m["losses_kw"] - (m["input_power_kw"] - 11.25)) < 1e-9
assert abs(m["current_a"] - m["input_power_kw"] * 1000 / (math.sqrt(3) * 400 * m["power_factor"])) < 1e-6
# An IE3 motor at 75 % load is within a point of its rated efficiency (IEC 60034-2-1 part-load
# behaviour of standard motors: flat between 50 and 100 %).
assert abs(m["efficiency_pct"] - 92.1) < 1.0, m["efficiency_pct"]
curve = c["curve"]
assert len(curve) == 26 and curve[0]["load"] == 0 and abs(curve[-1]["load"] - 1.25) < 1e-12
assert abs(curve[20]["efficiency_pct"] - 92.1) < 1e-6  # the model reproduces its rating at 100 %
assert all(set(p) >= {"load", "efficiency_pct", "power_factor"} for p in curve)
PY

"$pt" motor --rated-power 2000kW --poles 4 --class IE3 >"$work/big.out" 2>&1
check "motor outside the table exits 2" [ $? -eq 2 ]
check "it says what is covered" grep -q "covered by IE2-IE4 (IEC 60034-30-1:2014, 50 Hz): 0.12-1000 kW.*; got 2000 kW, 4 poles" "$work/big.out"
"$pt" motor --rated-power 15kW --class IE9 >/dev/null 2>&1
check "unknown class exits 2" [ $? -eq 2 ]
"$pt" motor --rated-power 15kWh --class IE3 >"$work/unit.out" 2>&1
check "wrong unit exits 2" [ $? -eq 2 ]
check "wrong unit named" grep -q "expected a power" "$work/unit.out"
"$pt" motor --rated-power 15kW --class IE3 --voltage-unbalance 2% --load 0.9 --json >"$work/ub.json"
check "unbalance derating (NEMA MG 1 14.35: 2 % -> 0.95)" python3 -c "
import json; j = json.load(open('$work/ub.json')); assert abs(j['unbalance_derating'] - 0.95) < 1e-9, j"

"$pt" transformer --rated-power 1000kVA --type oil --grade 1 --load 0.6 --json >"$work/t.json"
check "transformer exits 0" [ $? -eq 0 ]
check "transformer JSON" python3 - "$work/t.json" <<'PY'
import json, sys
t = json.load(open(sys.argv[1]))
assert abs(t["no_load_loss_kw"] - 0.665) < 1e-9 and abs(t["load_loss_kw"] - 7.415) < 1e-9, t
assert abs(t["losses_kw"] - (0.665 + 7.415 * 0.36)) < 1e-9, t
p = 0.6 * 1000
assert abs(t["efficiency_pct"] - 100 * p / (p + t["losses_kw"])) < 1e-9, t
PY
"$pt" transformer --rated-power 1100kVA --type oil --grade 1 >"$work/t.out" 2>&1
check "untabulated rating exits 2" [ $? -eq 2 ]
check "it lists the ratings" grep -q "1000, 1250" "$work/t.out"
"$pt" transformer --rated-power 1000kVA --grade 4 >/dev/null 2>&1
check "grade 4 exits 2" [ $? -eq 2 ]

finish
