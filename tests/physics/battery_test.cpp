// Over 400 lines: reservoir, ageing and dispatch checks, each with its hand calculation.
// Battery storage: energy reservoir with constant efficiencies, self-discharge, SOC and power
// limits, ageing (Naumann et al. 2018 calendar fade + linear cycle fade) and dispatch policies.
// References are hand calculations written next to each check; the calendar numbers are
// 1.2571e-5 s^-0.5 x k_SOC x sqrt(t) from Naumann et al. (2018), evaluated by hand (Python).
#include "physics/battery.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "physics/units.h"

namespace physics {
namespace {

using units::day;
using units::hour;
using units::kW;
using units::kWh;

// 200 kWh / 100 kW LFP unit, 95 % each way, SOC window 10-90 %.
BatteryRating lfp() {
  BatteryRating r;
  r.energy_capacity = 200 * kWh;
  r.charge_power = 100 * kW;
  r.discharge_power = 100 * kW;
  r.charge_efficiency = 0.95;
  r.discharge_efficiency = 0.95;
  r.soc_min = 0.1;
  r.soc_max = 0.9;
  return r;
}

// A deterministic request sequence that swings between full charge and full discharge, with
// stretches long enough to reach both SOC limits (two incommensurate periods).
double request(int k, double amplitude) {
  return amplitude * std::sin(0.013 * k) * (0.6 + 0.5 * std::cos(0.37 * k));
}

TEST(BatteryRating, ErrorsNameTheBadField) {
  EXPECT_EQ(std::string(batteryRatingError(lfp())), "");
  BatteryRating r = lfp();
  r.energy_capacity = 0.0;
  EXPECT_NE(std::string(batteryRatingError(r)), "");
  r = lfp();
  r.discharge_power = -1.0;
  EXPECT_NE(std::string(batteryRatingError(r)), "");
  r = lfp();
  r.charge_efficiency = 1.01;
  EXPECT_NE(std::string(batteryRatingError(r)), "");
  r = lfp();
  r.discharge_efficiency = 0.0;
  EXPECT_NE(std::string(batteryRatingError(r)), "");
  r = lfp();
  r.soc_min = 0.9;  // == soc_max
  EXPECT_NE(std::string(batteryRatingError(r)), "");
  r = lfp();
  r.soc_max = 1.1;
  EXPECT_NE(std::string(batteryRatingError(r)), "");
  r = lfp();
  r.self_discharge = -0.01;
  EXPECT_NE(std::string(batteryRatingError(r)), "");
  r = lfp();
  r.cycle_life = 0.0;
  EXPECT_NE(std::string(batteryRatingError(r)), "");
}

TEST(InitialState, ClampsSocIntoTheWindow) {
  const BatteryRating r = lfp();
  EXPECT_DOUBLE_EQ(initialState(r, 0.5).stored, 100 * kWh);
  EXPECT_DOUBLE_EQ(initialState(r, 0.0).stored, 20 * kWh);
  EXPECT_DOUBLE_EQ(initialState(r, 1.0).stored, 180 * kWh);
  EXPECT_DOUBLE_EQ(initialState(r, 0.5).capacity, 200 * kWh);
}

TEST(StepBattery, EfficienciesHandCalculation) {
  // Charge 100 kW for 1 h (4 steps of 900 s) at eta_c 0.95: stores 95 kWh, losses 5 kW.
  const BatteryRating r = lfp();
  BatteryState s = initialState(r, 0.1);  // 20 kWh
  for (int i = 0; i < 4; ++i) {
    const BatteryStep st = stepBattery(r, s, -100 * kW, 900.0);
    EXPECT_DOUBLE_EQ(st.ac_power, -100 * kW);
    EXPECT_NEAR(st.losses, 5 * kW, 1e-9);
  }
  EXPECT_NEAR(s.stored, 115 * kWh, 1e-12 * 115 * kWh);
  EXPECT_NEAR(s.charged, 95 * kWh, 1e-12 * 95 * kWh);
  // Discharge 50 kW for 1 h at eta_d 0.95: removes 50 / 0.95 = 52.6315789... kWh; losses
  // 50 / 0.95 - 50 = 2.6315789... kW.
  for (int i = 0; i < 4; ++i) {
    const BatteryStep st = stepBattery(r, s, 50 * kW, 900.0);
    EXPECT_DOUBLE_EQ(st.ac_power, 50 * kW);
    EXPECT_NEAR(st.losses, (50.0 / 0.95 - 50.0) * kW, 1e-9);
  }
  EXPECT_NEAR(s.stored, (115.0 - 50.0 / 0.95) * kWh, 1e-12 * 115 * kWh);
  EXPECT_NEAR(s.discharged, 50.0 / 0.95 * kWh, 1e-12 * 100 * kWh);
}

TEST(StepBattery, PowerLimitsAreExact) {
  BatteryRating r = lfp();
  r.charge_power = 50 * kW;  // asymmetric, so swapped limits would fail
  BatteryState s = initialState(r, 0.5);
  EXPECT_EQ(stepBattery(r, s, -1000 * kW, 900.0).ac_power, -50 * kW);
  EXPECT_EQ(stepBattery(r, s, 1000 * kW, 900.0).ac_power, 100 * kW);
  EXPECT_EQ(stepBattery(r, s, 30 * kW, 900.0).ac_power, 30 * kW);
  EXPECT_EQ(stepBattery(r, s, -30 * kW, 900.0).ac_power, -30 * kW);
  EXPECT_EQ(stepBattery(r, s, 0.0, 900.0).ac_power, 0.0);
  EXPECT_EQ(stepBattery(r, s, std::nan(""), 900.0).ac_power, 0.0);
}

TEST(StepBattery, SocLimitHitExactlyWithTheRightPower) {
  // From 20 kWh, -100 kW for 2 h would store 190 kWh; the room to 180 kWh is 160 kWh, so
  // P = -160 kWh / (0.95 x 2 h) = -84.2105263... kW and the step ends exactly at 90 %;
  // losses = (168.42105... - 160) kWh / 2 h = 4.2105263... kW.
  const BatteryRating r = lfp();
  BatteryState s = initialState(r, 0.1);
  const BatteryStep charge = stepBattery(r, s, -100 * kW, 2 * hour);
  EXPECT_NEAR(charge.ac_power, -160.0 / (0.95 * 2.0) * kW, 1e-9);
  EXPECT_EQ(charge.stored, r.soc_max * s.capacity);
  EXPECT_EQ(s.capacity, r.energy_capacity);  // fade is taken at the start of the step
  EXPECT_DOUBLE_EQ(charge.soc, 0.9);
  EXPECT_NEAR(charge.losses, (160.0 / 0.95 - 160.0) / 2.0 * kW, 1e-9);
  // Full: a further charge is refused, and the state does not move.
  const BatteryStep full = stepBattery(r, s, -100 * kW, 900.0);
  EXPECT_EQ(full.ac_power, 0.0);
  EXPECT_LE(full.stored, r.soc_max * s.capacity);
  EXPECT_GT(s.fade_spilled, 0.0);  // the faded top is below the stored energy: spilled
  // Discharge 100 kW for 2 h would remove 210.5 kWh: clipped at 10 % of the (slightly faded)
  // capacity C after spilling down to 90 % of it, P = (0.9 - 0.1) C x 0.95 / 2 h.
  const BatteryStep empty = stepBattery(r, s, 100 * kW, 2 * hour);
  EXPECT_LT(s.capacity, r.energy_capacity);
  EXPECT_NEAR(empty.ac_power, 0.8 * s.capacity * 0.95 / (2 * hour), 1e-9);
  EXPECT_LT(empty.ac_power, 100 * kW);
  EXPECT_EQ(empty.stored, r.soc_min * s.capacity);
  EXPECT_DOUBLE_EQ(empty.soc, 0.1);
  // Empty: a further discharge only follows the lower limit down as the capacity fades
  // (10 % of the fade of one step: tens of W here) and ends on it again.
  const BatteryStep more = stepBattery(r, s, 100 * kW, 900.0);
  EXPECT_LT(more.ac_power, 0.1 * kW);
  EXPECT_EQ(more.stored, r.soc_min * s.capacity);
}

TEST(StepBattery, LimitsNeverCrossedOverAYear) {
  // One year of 900 s steps swinging past both limits, with ageing on and no self-discharge:
  // every step stays within the power limits and the SOC window, and the limits are reached.
  BatteryRating r = lfp();
  r.charge_power = 80 * kW;
  r.discharge_power = 120 * kW;
  BatteryState s = initialState(r, 0.5);
  int at_top = 0;
  int at_bottom = 0;
  for (int k = 0; k < 35040; ++k) {
    const BatteryStep st = stepBattery(r, s, request(k, 150 * kW), 900.0);
    ASSERT_GE(st.ac_power, -r.charge_power) << k;
    ASSERT_LE(st.ac_power, r.discharge_power) << k;
    ASSERT_LE(st.stored, r.soc_max * s.capacity) << k;
    ASSERT_GE(st.stored, r.soc_min * s.capacity) << k;
    if (st.stored == r.soc_max * s.capacity) ++at_top;
    if (st.stored == r.soc_min * s.capacity) ++at_bottom;
  }
  EXPECT_GT(at_top, 10);
  EXPECT_GT(at_bottom, 10);
}

struct Totals {
  double ac_in = 0.0;      // J charged from the bus
  double ac_out = 0.0;     // J discharged to the bus
  double cells_net = 0.0;  // J, sum(charge eta_c - discharge / eta_d) dt
  double losses = 0.0;     // J, sum(losses dt)
  std::vector<double> trace;
};

Totals runSequence(const BatteryRating& r, BatteryState& s, int steps, double dt) {
  Totals t;
  for (int k = 0; k < steps; ++k) {
    const BatteryStep st = stepBattery(r, s, request(k, 150 * kW), dt);
    if (st.ac_power < 0.0) {
      t.ac_in += -st.ac_power * dt;
      t.cells_net += -st.ac_power * r.charge_efficiency * dt;
    } else {
      t.ac_out += st.ac_power * dt;
      t.cells_net -= st.ac_power / r.discharge_efficiency * dt;
    }
    t.losses += st.losses * dt;
    t.trace.push_back(st.ac_power);
    t.trace.push_back(st.stored);
    t.trace.push_back(st.soc);
    t.trace.push_back(st.losses);
  }
  return t;
}

TEST(StepBattery, EnergyBookkeepingOverAYear) {
  // E_end - E_start = sum(charge eta_c - discharge / eta_d) dt - self-discharge - fade spill,
  // and sum(losses dt) = AC in - AC out - (E_end - E_start), to 1e-12 of the AC throughput.
  BatteryRating r = lfp();
  r.charge_power = 80 * kW;
  r.discharge_power = 120 * kW;
  r.charge_efficiency = 0.96;
  r.discharge_efficiency = 0.94;
  r.self_discharge = 0.002;
  BatteryState s = initialState(r, 0.5);
  const double e0 = s.stored;
  const Totals t = runSequence(r, s, 35040, 900.0);
  const double scale = t.ac_in + t.ac_out;
  ASSERT_GT(scale, 100 * 200 * kWh);  // a real workout: > 100 capacities through the bus
  EXPECT_GT(s.self_discharged, 0.0);
  EXPECT_GT(s.fade_spilled, 0.0);  // parked at 90 % while the capacity fades
  EXPECT_NEAR(s.stored - e0, t.cells_net - s.self_discharged - s.fade_spilled, 1e-12 * scale);
  EXPECT_NEAR(t.losses, t.ac_in - t.ac_out - (s.stored - e0), 1e-12 * scale);
  // The cell-side counters agree with the AC side.
  EXPECT_NEAR(s.charged, t.ac_in * r.charge_efficiency, 1e-12 * scale);
  EXPECT_NEAR(s.discharged, t.ac_out / r.discharge_efficiency, 1e-12 * scale);
  EXPECT_DOUBLE_EQ(s.elapsed, 35040 * 900.0);
}

TEST(StepBattery, Deterministic) {
  // Same inputs, bit-identical outputs.
  BatteryRating r = lfp();
  r.self_discharge = 0.001;
  BatteryState a = initialState(r, 0.3);
  BatteryState b = initialState(r, 0.3);
  const Totals ta = runSequence(r, a, 5000, 900.0);
  const Totals tb = runSequence(r, b, 5000, 900.0);
  ASSERT_EQ(ta.trace.size(), tb.trace.size());
  for (std::size_t i = 0; i < ta.trace.size(); ++i) EXPECT_EQ(ta.trace[i], tb.trace[i]) << i;
  EXPECT_EQ(a.calendar_fade, b.calendar_fade);
}

TEST(StepBattery, RoundTripIsTheProductOfEfficiencies) {
  // From 100 kWh: charge 40 kW for 2 h at eta_c 0.95 (stores 76 kWh, inside the window), then
  // discharge 76 kWh x 0.92 / 2 h = 34.96 kW for 2 h at eta_d 0.92: the stored energy is back at
  // 100 kWh and AC out / AC in = 69.92 / 80 = 0.874 = eta_c eta_d (1e-12).
  BatteryRating r = lfp();
  r.discharge_efficiency = 0.92;
  BatteryState s = initialState(r, 0.5);
  double in = 0.0;
  double out = 0.0;
  for (int k = 0; k < 8; ++k) in += -stepBattery(r, s, -40 * kW, 900.0).ac_power * 900.0;
  EXPECT_NEAR(s.stored, 176 * kWh, 1e-12 * 176 * kWh);
  for (int k = 0; k < 8; ++k) out += stepBattery(r, s, 34.96 * kW, 900.0).ac_power * 900.0;
  EXPECT_NEAR(s.stored, 100 * kWh, 1e-12 * 176 * kWh);
  EXPECT_NEAR(in, 80 * kWh, 1e-12 * 80 * kWh);
  EXPECT_NEAR(out / in, 0.95 * 0.92, 1e-12);
}

TEST(StepBattery, SelfDischargeCompoundsDaily) {
  // 0.1 %/day idle for 30 days in 900 s steps: E = E0 x 0.999^30 = 0.970430967... E0, and the
  // steps' losses add up to the energy lost.
  BatteryRating r = lfp();
  r.self_discharge = 0.001;
  BatteryState s = initialState(r, 0.5);
  const double e0 = s.stored;
  double lost = 0.0;
  for (int k = 0; k < 30 * 96; ++k) lost += stepBattery(r, s, 0.0, 900.0).losses * 900.0;
  EXPECT_NEAR(s.stored, e0 * 0.9704309672630858, 1e-12 * e0);
  EXPECT_NEAR(s.self_discharged, e0 - s.stored, 1e-12 * e0);
  EXPECT_NEAR(lost, e0 - s.stored, 1e-12 * e0);
}

TEST(StepBattery, SelfDischargeBelowTheWindowRefusesDischarge) {
  // Idle at 10 % for 10 days at 1 %/day: the SOC drifts below soc_min (the window limits power
  // only); a discharge is then refused and a charge is accepted.
  BatteryRating r = lfp();
  r.self_discharge = 0.01;
  BatteryState s = initialState(r, 0.1);
  for (int k = 0; k < 10 * 96; ++k) stepBattery(r, s, 0.0, 900.0);
  EXPECT_LT(s.stored, r.soc_min * s.capacity);
  EXPECT_EQ(stepBattery(r, s, 50 * kW, 900.0).ac_power, 0.0);
  EXPECT_EQ(stepBattery(r, s, -50 * kW, 900.0).ac_power, -50 * kW);
}

TEST(StepBattery, NonPositiveStepChangesNothing) {
  const BatteryRating r = lfp();
  BatteryState s = initialState(r, 0.5);
  const BatteryStep st = stepBattery(r, s, 100 * kW, 0.0);
  EXPECT_EQ(st.ac_power, 0.0);
  EXPECT_EQ(s.stored, 100 * kWh);
  EXPECT_EQ(s.elapsed, 0.0);
  EXPECT_EQ(s.calendar_fade, 0.0);
}

TEST(Ageing, CycleFadeIsTwentyPercentAtCycleLife) {
  // EFC = (charged + discharged) / (2 x 200 kWh); fade = 0.2 EFC / 6000 (no calendar fade).
  const BatteryRating r = lfp();
  BatteryState s = initialState(r, 0.5);
  s.charged = 6000 * 200 * kWh;
  s.discharged = 6000 * 200 * kWh;
  EXPECT_DOUBLE_EQ(equivalentFullCycles(s, r), 6000.0);
  EXPECT_DOUBLE_EQ(capacityFade(r, s), 0.2);
  s.charged = 3000 * 200 * kWh;  // 4500 EFC -> 15 %
  EXPECT_DOUBLE_EQ(equivalentFullCycles(s, r), 4500.0);
  EXPECT_DOUBLE_EQ(capacityFade(r, s), 0.15);
  s.calendar_fade = 0.05;  // calendar and cycle fade add
  EXPECT_DOUBLE_EQ(capacityFade(r, s), 0.2);
  s.calendar_fade = 2.0;  // never more than the whole capacity
  EXPECT_EQ(capacityFade(r, s), 1.0);
}

TEST(Ageing, CalendarRateHandValues) {
  // Naumann et al. (2018): 1.2571e-5 x (2.8575 (SOC - 0.5)^3 + 0.60225) at 25 C;
  // SOC 0.5: 7.57088...e-6; SOC 1: 1.2571e-5 x 0.9594375; SOC 0: 1.2571e-5 x 0.2450625.
  EXPECT_NEAR(calendarFadeRate(298.15, 0.5), 1.2571e-5 * 0.60225, 1e-18);
  EXPECT_NEAR(calendarFadeRate(298.15, 1.0), 1.2571e-5 * 0.9594375, 1e-18);
  EXPECT_NEAR(calendarFadeRate(298.15, 0.0), 1.2571e-5 * 0.2450625, 1e-18);
  // Arrhenius, Ea 17126 J/mol: 35 C is exp(17126 / 8.314462618 (1/298.15 - 1/308.15)) =
  // 1.25131425... times faster.
  EXPECT_NEAR(calendarFadeRate(308.15, 0.5) / calendarFadeRate(298.15, 0.5), 1.2513142567246687,
              1e-12);
}

TEST(Ageing, CalendarFadeAfterOneYearAtFullCharge) {
  // Parked at SOC 1 (window 0-100 %), 25 C, one year (365.25 d) in 900 s steps: constant stress,
  // so the virtual-time continuation must give 1.2571e-5 x 0.9594375 x sqrt(31557600 s) =
  // 0.0677545552670332. The fading capacity spills the stored energy with it, kept at 100 %.
  BatteryRating r = lfp();
  r.soc_min = 0.0;
  r.soc_max = 1.0;
  BatteryState s = initialState(r, 1.0);
  const double e0 = s.stored;
  const int steps = 35064;  // 365.25 d x 96
  double previous = 0.0;
  for (int k = 0; k < steps; ++k) {
    const BatteryStep st = stepBattery(r, s, 0.0, 900.0);
    ASSERT_GT(s.calendar_fade, previous) << k;
    ASSERT_DOUBLE_EQ(st.soc, 1.0) << k;
    previous = s.calendar_fade;
  }
  EXPECT_NEAR(s.calendar_fade, 0.0677545552670332, 1e-12);
  EXPECT_NEAR(s.fade_spilled, e0 - s.stored, 1e-12 * e0);
  // The stored energy is the capacity taken at the last step's start (fade before that step).
  EXPECT_EQ(s.stored, s.capacity);
  EXPECT_NEAR(s.capacity / e0, 1.0 - 0.0677545552670332, 1e-6);
}

TEST(Ageing, FadeGrowsWithCyclingAndShrinksTheWindow) {
  // Cycling full swings: fade never falls and grows with every step; the window of each step is
  // taken on the faded capacity, so the top of each charge falls with it.
  BatteryRating r = lfp();
  r.cycle_life = 100.0;  // short, so fade is visible within the test
  BatteryState s = initialState(r, 0.1);
  double fade = 0.0;
  double last_top = r.soc_max * r.energy_capacity;
  for (int cycle = 0; cycle < 20; ++cycle) {
    for (int k = 0; k < 12; ++k) {
      stepBattery(r, s, -100 * kW, 900.0);
      EXPECT_GT(capacityFade(r, s), fade);
      fade = capacityFade(r, s);
    }
    EXPECT_EQ(s.stored, r.soc_max * s.capacity);  // full, on this step's capacity
    if (cycle > 0) {
      EXPECT_LT(s.stored, last_top);
    }
    last_top = s.stored;
    for (int k = 0; k < 12; ++k) {
      stepBattery(r, s, 100 * kW, 900.0);
      EXPECT_GT(capacityFade(r, s), fade);
      fade = capacityFade(r, s);
    }
  }
  // 20 full swings of 80 % of the window: EFC ~ 20 x 0.8 x (1 - fade) -> ~ 3 % cycle fade.
  const double cycle_fade = capacityFade(r, s) - s.calendar_fade;
  EXPECT_NEAR(cycle_fade, 0.2 * equivalentFullCycles(s, r) / 100.0, 1e-15);
  EXPECT_GT(equivalentFullCycles(s, r), 15.0);
  EXPECT_LT(equivalentFullCycles(s, r), 16.0);
}

TEST(Ageing, ImposedFadeLimitsTheCharge) {
  // With 10 % calendar fade, a long charge stops at 90 % of 0.9 x 200 kWh = 162 kWh.
  const BatteryRating r = lfp();
  BatteryState s = initialState(r, 0.5);
  s.calendar_fade = 0.1;
  for (int k = 0; k < 20; ++k) stepBattery(r, s, -100 * kW, 900.0);
  EXPECT_NEAR(s.stored, 162 * kWh, 1e-3 * 200 * kWh);  // cycle + calendar fade of 20 steps
  EXPECT_EQ(s.stored, r.soc_max * s.capacity);
  EXPECT_LT(s.stored, 162 * kWh);
}

TEST(Dispatch, SelfConsumptionNeverExportsNorImports) {
  // A PV day: surplus at noon, load morning and evening. Grid = net_load - P: with a positive
  // net load the battery only offsets it (0 <= grid <= net_load); with a surplus it only absorbs
  // it (net_load <= grid <= 0).
  const BatteryRating r = lfp();
  BatteryState s = initialState(r, 0.5);
  EXPECT_EQ(selfConsumptionPower(-50 * kW), -50 * kW);
  EXPECT_EQ(selfConsumptionPower(30 * kW), 30 * kW);
  for (int k = 0; k < 96 * 3; ++k) {
    const double hour_of_day = (k % 96) / 4.0;
    const double pv = std::max(0.0, 400 * kW * std::sin(units::pi * (hour_of_day - 6.0) / 12.0));
    const double net = 150 * kW - pv;
    const BatteryStep st = stepBattery(r, s, selfConsumptionPower(net), 900.0);
    const double grid = net - st.ac_power;
    if (net >= 0.0) {
      EXPECT_GE(grid, 0.0) << k;
      EXPECT_LE(grid, net) << k;
    } else {
      EXPECT_LE(grid, 0.0) << k;
      EXPECT_GE(grid, net) << k;
    }
  }
}

TEST(Dispatch, PeakShavingHoldsTheThreshold) {
  // Hand values: 250 kW against 200 kW -> discharge 50 kW; 150 kW with a 20 kW margin -> charge
  // 30 kW; 190 kW is inside the margin -> idle.
  EXPECT_EQ(peakShavingPower(250 * kW, 200 * kW), 50 * kW);
  EXPECT_EQ(peakShavingPower(150 * kW, 200 * kW, 20 * kW), -30 * kW);
  EXPECT_EQ(peakShavingPower(190 * kW, 200 * kW, 20 * kW), 0.0);
  EXPECT_EQ(peakShavingPower(150 * kW, 200 * kW), -50 * kW);
  // A day with a 280 kW peak from 9 h to 13 h against a 200 kW threshold: the 80 kW excess for
  // 4 h needs 320 kWh at the AC side, more than the 160 kWh window x 0.95 holds, so the import
  // stays at 200 kW until the battery is empty (about 1.9 h) and exceeds it only then. Recharging
  // outside the peak never lifts the import above 200 - 20 = 180 kW.
  const BatteryRating r = lfp();
  BatteryState s = initialState(r, 0.9);
  int shaved = 0;
  for (int k = 0; k < 96 * 2; ++k) {
    const double h = (k % 96) / 4.0;
    const double load = (h >= 9.0 && h < 13.0) ? 280 * kW : 120 * kW;
    const double available = s.stored - r.soc_min * s.capacity;
    const BatteryStep st = stepBattery(r, s, peakShavingPower(load, 200 * kW, 20 * kW), 900.0);
    const double grid = load - st.ac_power;
    if (load > 200 * kW) {
      if (available >= 80 * kW * 900.0 / 0.95) {  // enough energy for the whole step
        EXPECT_NEAR(grid, 200 * kW, 1e-6) << k;
        ++shaved;
      }
      EXPECT_GE(grid, 200 * kW - 1e-6) << k;  // never discharges more than the excess
    } else {
      EXPECT_LE(grid, 180 * kW + 1e-6) << k;
    }
  }
  EXPECT_GE(shaved, 2 * 7);  // 7 full steps a day: 160 kWh x 0.95 / 80 kW = 1.9 h
  EXPECT_LE(shaved, 2 * 8);
}

TEST(Dispatch, TouArbitrageChargesInTheValleyAndDischargesAtThePeak) {
  const BatteryRating r = lfp();
  // Hand values: price 0.3 <= 0.4 -> full charge; 1.2 >= 1.0 -> cover the 60 kW net load, never
  // export (net load -10 kW -> 0); 0.7 in between -> idle.
  EXPECT_EQ(touArbitragePower(r, 0.3, 0.4, 1.0, 60 * kW), -100 * kW);
  EXPECT_EQ(touArbitragePower(r, 1.2, 0.4, 1.0, 60 * kW), 60 * kW);
  EXPECT_EQ(touArbitragePower(r, 1.2, 0.4, 1.0, -10 * kW), 0.0);
  EXPECT_EQ(touArbitragePower(r, 1.2, 0.4, 1.0, 300 * kW), 300 * kW);  // the step clamps
  EXPECT_EQ(touArbitragePower(r, 0.7, 0.4, 1.0, 60 * kW), 0.0);
  // A day: valley 0-6 h (0.3), peak 17-21 h (1.2), flat otherwise; net load 150 kW. The battery
  // fills in the valley (160 kWh / 95 kW = 1.68 h of charging), idles, and empties at the peak.
  BatteryState s = initialState(r, 0.1);
  DispatchParams p;
  p.charge_below = 0.4;
  p.discharge_above = 1.0;
  for (int k = 0; k < 96; ++k) {
    const double h = k / 4.0;
    const double price = h < 6.0 ? 0.3 : (h >= 17.0 && h < 21.0) ? 1.2 : 0.7;
    const BatteryStep st = stepBattery(
        r, s, dispatchRequest(DispatchPolicy::kTouArbitrage, p, r, 150 * kW, price), 900.0);
    if (h < 6.0) {
      EXPECT_LE(st.ac_power, 0.0) << k;
    } else if (h < 17.0 || h >= 21.0) {
      EXPECT_EQ(st.ac_power, 0.0) << k;
    } else {
      EXPECT_GE(st.ac_power, 0.0) << k;
    }
    if (k == 6 * 4 - 1) {
      EXPECT_EQ(s.stored, r.soc_max * s.capacity);  // filled in the valley
    }
    if (k == 21 * 4 - 1) {
      EXPECT_EQ(s.stored, r.soc_min * s.capacity);  // emptied at the peak
    }
  }
}

TEST(Dispatch, TouArbitrageWithAThresholdKeepsImportUnderIt) {
  // Hand values, threshold 200 kW: a valley charge of 100 kW on a 150 kW net load would import
  // 250 kW, so it is capped at 50 kW; a 260 kW load at a flat price is shaved by 60 kW.
  const BatteryRating r = lfp();
  DispatchParams p;
  p.charge_below = 0.4;
  p.discharge_above = 1.0;
  p.peak_threshold = 200 * kW;
  EXPECT_EQ(dispatchRequest(DispatchPolicy::kTouArbitrage, p, r, 150 * kW, 0.3), -50 * kW);
  EXPECT_EQ(dispatchRequest(DispatchPolicy::kTouArbitrage, p, r, 50 * kW, 0.3), -100 * kW);
  EXPECT_EQ(dispatchRequest(DispatchPolicy::kTouArbitrage, p, r, 260 * kW, 0.7), 60 * kW);
  EXPECT_EQ(dispatchRequest(DispatchPolicy::kTouArbitrage, p, r, 260 * kW, 1.2), 260 * kW);
}

TEST(Dispatch, RequestFollowsThePolicy) {
  const BatteryRating r = lfp();
  DispatchParams p;
  p.peak_threshold = 200 * kW;
  p.recharge_margin = 20 * kW;
  p.charge_below = 0.4;
  p.discharge_above = 1.0;
  EXPECT_EQ(dispatchRequest(DispatchPolicy::kSelfConsumption, p, r, -40 * kW, 0.3), -40 * kW);
  EXPECT_EQ(dispatchRequest(DispatchPolicy::kPeakShaving, p, r, 230 * kW, 0.3), 30 * kW);
  EXPECT_EQ(dispatchRequest(DispatchPolicy::kPeakShaving, p, r, 100 * kW, 0.3), -80 * kW);
  EXPECT_EQ(dispatchRequest(DispatchPolicy::kTouArbitrage, p, r, 100 * kW, 0.3), -100 * kW);
  EXPECT_EQ(dispatchRequest(DispatchPolicy::kTouArbitrage, p, r, 100 * kW, 1.5), 100 * kW);
}

}  // namespace
}  // namespace physics
