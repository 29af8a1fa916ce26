#!/usr/bin/env bash
# End-to-end: `parktwin pump`, `parktwin fan` and `parktwin compressor`. Checks the JSON
# contracts; the affinity laws (no static head: speed control at 50 % duty draws 1/8 of the
# design shaft power, as P ~ n^3 with the BEP sliding along the system parabola); throttling never
# cheaper than speed control; compressor power rising with demand for every control mode; leak
# cost = leak share x power x hours x price; the GB 19153-2019 grade (2.2 kW fixed speed,
# 0.7 MPa: limits 8.4 / 9.3 / 10.5 kW/(m3/min), the partial table) and "not covered" outside it;
# and exit 2 with the flag and what was expected on bad input.
# Usage: flow_machines_test.sh PARKTWIN_BINARY
pt=$1
. "$(dirname "$0")/check.sh"
# expect_exit2 NAME PATTERN ARGS...: the command exits 2 and stderr matches PATTERN.
expect_exit2() {
  local what=$1 pattern=$2
  shift 2
  "$pt" "$@" >"$work/err.out" 2>&1
  local rc=$?
  check "$what exits 2 (got $rc)" [ $rc -eq 2 ]
  check "$what message" grep -q -- "$pattern" "$work/err.out"
  [ $rc -eq 2 ] && grep -q -- "$pattern" "$work/err.out" || cat "$work/err.out"
}

# --- pump ---
"$pt" pump --flow 100m3/h --head 32m --efficiency 78% --static-head 12m --duty-flow 70% \
  --motor-efficiency 92% --hours 4000h --price 0.7CNY/kWh --json >"$work/pump.json"
check "pump exits 0" [ $? -eq 0 ]
"$pt" pump --flow 100m3/h --head 32m --efficiency 78% --static-head 0m --duty-flow 50% \
  --json >"$work/pump0.json"
check "pump without static head exits 0" [ $? -eq 0 ]
"$pt" pump --flow 100m3/h --head 32m --efficiency 78% --static-head 12m --duty-flow 70m3/h \
  >"$work/pump.txt"
check "pump text exits 0" [ $? -eq 0 ]
check "pump text has both modes" grep -q "speed control" "$work/pump.txt"
check "pump JSON" python3 - "$work/pump.json" "$work/pump0.json" <<'PY'
import json, sys
p = json.load(open(sys.argv[1]))
z = json.load(open(sys.argv[2]))
rho_g = 998.2 * 9.80665
for k in ("design", "static_head_m", "duty_flow_m3_h", "duty_flow_pct", "system_head_m",
          "throttling", "throttle_head_loss_m", "speed_control", "saving_kw", "saving_pct",
          "motor_efficiency_pct", "input_saving_kw", "hours_h", "annual_saving_kwh",
          "price_cny_per_kwh", "annual_saving_cny"):
    assert k in p, k
for k in ("shaft_power_kw", "head_m", "efficiency_pct", "input_power_kw"):
    assert k in p["throttling"] and k in p["speed_control"], k
assert "speed_ratio" in p["speed_control"]
d = p["design"]
# design shaft power = rho g H Q / eta
q = 100 / 3600
assert abs(d["shaft_power_kw"] - rho_g * 32 * q / 0.78 / 1e3) < 1e-9, d
# system curve through the design point with 12 m static: H = 12 + 20 (Q/Qd)^2
assert abs(p["system_head_m"] - (12 + 20 * 0.49)) < 1e-9, p
# speed control meets the system exactly; the valve burns the difference
assert abs(p["speed_control"]["head_m"] - p["system_head_m"]) < 1e-9
assert abs(p["throttle_head_loss_m"] - (p["throttling"]["head_m"] - p["system_head_m"])) < 1e-9
# shut-off 1.25 x 32 = 40 m, machine curve 40 - 8 (Q/Qd)^2 at full speed
assert abs(p["throttling"]["head_m"] - (40 - 8 * 0.49)) < 1e-9, p
t, s = p["throttling"]["shaft_power_kw"], p["speed_control"]["shaft_power_kw"]
assert t >= s and 0 < p["speed_control"]["speed_ratio"] < 1, p
assert abs(p["saving_kw"] - (t - s)) < 1e-9 and abs(p["saving_pct"] - 100 * (t - s) / t) < 1e-9
assert abs(p["throttling"]["input_power_kw"] - t / 0.92) < 1e-9
assert abs(p["input_saving_kw"] - (t - s) / 0.92) < 1e-9
assert abs(p["annual_saving_kwh"] - p["input_saving_kw"] * 4000) < 1e-6
assert abs(p["annual_saving_cny"] - p["annual_saving_kwh"] * 0.7) < 1e-6
# affinity: no static head, 50 % duty -> speed 0.5, power 1/8 of design (to 1e-6 relative)
sc = z["speed_control"]
assert abs(sc["speed_ratio"] - 0.5) < 1e-9, sc
ratio = sc["shaft_power_kw"] / z["design"]["shaft_power_kw"]
assert abs(ratio / 0.125 - 1) < 1e-6, ratio
assert abs(sc["efficiency_pct"] - 78) < 1e-9  # the BEP slides along the system parabola
assert z["throttling"]["shaft_power_kw"] >= sc["shaft_power_kw"]
PY

# throttling >= speed control over duties and static heads, pump and fan
check "throttling never cheaper than speed control" python3 - "$pt" <<'PY'
import json, subprocess, sys
pt = sys.argv[1]
for static in ("0m", "8m", "16m", "31m"):
    for duty in (5, 20, 35, 50, 65, 80, 95, 100):
        out = subprocess.run([pt, "pump", "--flow", "250m3/h", "--head", "32m", "--efficiency",
                              "80%", "--static-head", static, "--duty-flow", f"{duty}%", "--json"],
                             capture_output=True, text=True, check=True).stdout
        j = json.loads(out)
        assert j["throttling"]["shaft_power_kw"] >= j["speed_control"]["shaft_power_kw"] - 1e-12, j
        assert j["saving_kw"] >= -1e-12
for static in ("0Pa", "300Pa", "900Pa"):
    for duty in (10, 40, 60, 90, 100):
        out = subprocess.run([pt, "fan", "--flow", "20000m3/h", "--pressure", "1.2kPa",
                              "--efficiency", "70%", "--static-pressure", static, "--duty-flow",
                              f"{duty}%", "--json"], capture_output=True, text=True,
                             check=True).stdout
        j = json.loads(out)
        assert j["throttling"]["shaft_power_kw"] >= j["speed_control"]["shaft_power_kw"] - 1e-12, j
PY

# --- fan ---
"$pt" fan --flow 20000m3/h --pressure 1200Pa --efficiency 70% --static-pressure 300Pa \
  --duty-flow 60% --json >"$work/fan.json"
check "fan exits 0" [ $? -eq 0 ]
"$pt" fan --flow 20000m3/h --pressure 1200Pa --efficiency 70% --duty-flow 50% --json \
  >"$work/fan0.json"
check "fan JSON" python3 - "$work/fan.json" "$work/fan0.json" <<'PY'
import json, sys
f = json.load(open(sys.argv[1]))
z = json.load(open(sys.argv[2]))
for k in ("design", "static_pressure_pa", "duty_flow_m3_h", "system_pressure_pa", "throttling",
          "throttle_pressure_loss_pa", "speed_control", "saving_kw", "saving_pct"):
    assert k in f, k
assert f["machine"] == "fan" and "pressure_pa" in f["design"]
assert abs(f["design"]["shaft_power_kw"] - 20000 / 3600 * 1200 / 0.7 / 1e3) < 1e-9
assert abs(f["system_pressure_pa"] - (300 + 900 * 0.36)) < 1e-9, f
assert abs(f["speed_control"]["pressure_pa"] - f["system_pressure_pa"]) < 1e-9
assert f["throttling"]["shaft_power_kw"] >= f["speed_control"]["shaft_power_kw"]
r = z["speed_control"]["shaft_power_kw"] / z["design"]["shaft_power_kw"]
assert abs(r / 0.125 - 1) < 1e-6, r
PY

# --- compressor ---
"$pt" compressor --rated-flow 20m3/min --power 110kW --pressure 0.7MPa --control load-unload \
  --demand 12m3/min --leak 25% --hours 4000h --price 0.7CNY/kWh --json >"$work/c.json"
check "compressor exits 0" [ $? -eq 0 ]
"$pt" compressor --rated-flow 20m3/min --power 110kW --pressure 7bar --control vsd \
  --demand 12m3/min >"$work/c.txt"
check "compressor text exits 0" [ $? -eq 0 ]
check "compressor text says not covered" grep -q "not covered (GB 19153-2019" "$work/c.txt"
check "compressor JSON" python3 - "$work/c.json" <<'PY'
import json, sys
c = json.load(open(sys.argv[1]))
for k in ("power_kw", "specific_power_kw_per_m3_min", "full_load_specific_power_kw_per_m3_min",
          "leak_flow_m3_min", "leak_share_pct", "leak_power_kw", "leak_energy_kwh",
          "leak_cost_cny", "leak_repair_saving_kw", "lower_pressure", "gb19153_grade",
          "gb19153_status", "gb19153_coverage"):
    assert k in c, k
# load/unload, 25 % unloaded power: P = 110 (0.6 + 0.4 x 0.25) = 77 kW
assert abs(c["power_kw"] - 77) < 1e-9, c
assert abs(c["specific_power_kw_per_m3_min"] - 77 / 12) < 1e-9
assert abs(c["leak_flow_m3_min"] - 3) < 1e-9
# leak cost = leak share x power x hours x price
share = c["leak_share_pct"] / 100
assert abs(share - 0.25) < 1e-12
assert abs(c["leak_power_kw"] - share * c["power_kw"]) < 1e-9
assert abs(c["leak_cost_cny"] - share * c["power_kw"] * 4000 * 0.7) < 1e-6, c
assert abs(c["leak_energy_kwh"] - share * c["power_kw"] * 4000) < 1e-6
# repairing leaks with load/unload saves only the loaded share: 110 x 0.75 x 3/20
assert abs(c["leak_repair_saving_kw"] - 110 * 0.75 * 3 / 20) < 1e-9
lp = c["lower_pressure"]
assert abs(lp["pressure_mpa_gauge"] - 0.6) < 1e-12
assert 6 < lp["saving_pct"] < 9 and 7 < lp["rule_of_thumb_saving_pct"] < 7.5, lp
assert c["gb19153_grade"] is None and c["gb19153_status"] == "not covered"
assert "partial" in c["gb19153_coverage"]
PY
check "compressor power monotone in demand" python3 - "$pt" <<'PY'
import json, subprocess, sys
pt = sys.argv[1]
for control in ("load-unload", "modulation", "vsd"):
    last = -1
    for pct in range(0, 101, 5):
        out = subprocess.run([pt, "compressor", "--rated-flow", "20m3/min", "--power", "110kW",
                              "--pressure", "0.7MPa", "--control", control, "--demand",
                              f"{pct}%", "--json"], capture_output=True, text=True,
                             check=True).stdout
        p = json.loads(out)["power_kw"]
        assert p > last, (control, pct, p, last)
        last = p
    assert abs(last - 110) < 1e-9
PY
"$pt" compressor --rated-flow 0.25m3/min --power 2.2kW --pressure 0.7MPa --control load-unload \
  --demand 100% --json >"$work/gb.json"
check "GB 19153 grade where the table covers it" python3 -c "
import json; j = json.load(open('$work/gb.json'))
assert j['gb19153_grade'] == 2 and j['gb19153_status'] == 'grade 2', j
assert j['gb19153_limits_kw_per_m3_min'] == [8.4, 9.3, 10.5], j
assert abs(j['full_load_specific_power_kw_per_m3_min'] - 8.8) < 1e-9"

# --- bad input: exit 2, the flag and what was expected ---
base_pump=(pump --flow 100m3/h --head 32m --efficiency 78%)
expect_exit2 "duty beyond run-out" "--duty-flow: expected above 0 and at most the design flow" \
  "${base_pump[@]}" --static-head 12m --duty-flow 120%
expect_exit2 "negative head" "--head: expected a head above 0 m" \
  pump --flow 100m3/h --head -5m --efficiency 78% --duty-flow 50%
expect_exit2 "static above design" "--static-head: expected 0 to the design head" \
  "${base_pump[@]}" --static-head 40m --duty-flow 50%
expect_exit2 "head as a pressure" "--head: expected a length" \
  pump --flow 100m3/h --head 3bar --efficiency 78% --duty-flow 50%
expect_exit2 "flow without unit" "--flow: expected a volume flow" \
  pump --flow 100 --head 32m --efficiency 78% --duty-flow 50%
expect_exit2 "efficiency above 100 %" "--efficiency: expected an efficiency above 0 and below 100 %" \
  pump --flow 100m3/h --head 32m --efficiency 120% --duty-flow 50%
expect_exit2 "duty flow gibberish" "--duty-flow: expected a volume flow (e.g. \"100 m3/h\") or a share" \
  "${base_pump[@]}" --duty-flow lots
expect_exit2 "price without hours" "--price: needs --hours" \
  "${base_pump[@]}" --duty-flow 50% --price 0.7CNY/kWh
expect_exit2 "fan pressure in m" "--pressure: expected a pressure" \
  fan --flow 20000m3/h --pressure 12m --efficiency 70% --duty-flow 60%
expect_exit2 "unknown control mode" "--control: expected load-unload, modulation or vsd, got \"turbo\"" \
  compressor --rated-flow 20m3/min --power 110kW --pressure 0.7MPa --control turbo --demand 12m3/min
expect_exit2 "demand above rated flow" "--demand: expected 0 to the rated flow (20 m3/min)" \
  compressor --rated-flow 20m3/min --power 110kW --pressure 0.7MPa --control vsd --demand 25m3/min
expect_exit2 "leak above demand" "--leak: expected 0 to the demand" \
  compressor --rated-flow 20m3/min --power 110kW --pressure 0.7MPa --control vsd --demand 12m3/min --leak 150%
expect_exit2 "compressor pressure as a flow" "--pressure: expected a pressure" \
  compressor --rated-flow 20m3/min --power 110kW --pressure 7m3/min --control vsd --demand 12m3/min
expect_exit2 "missing --control" "--control is required" \
  compressor --rated-flow 20m3/min --power 110kW --pressure 0.7MPa --demand 12m3/min

finish
