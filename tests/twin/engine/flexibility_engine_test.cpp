// Batteries, EV charging and demand response through the engine, on the small test park
// (tests/twin/test_park.cpp) with a 400 kWp roof array. References and tolerances per test:
// - storage: the battery series equal, bit for bit, a serial re-run of physics::stepBattery on the
//   engine's own net load (the state crosses the 7 daily blocks on 4 threads exactly as in one
//   serial loop); energy bookkeeping to 1e-9 relative; balance to the power flow's unbalance.
// - peak shaving: the park's net load stays at the threshold while the battery holds energy.
// - EV: a fixed session charged at full power from its arrival (uncontrolled), or moved into the
//   lowest net-load steps (valley filling) with the same energy (1e-6 relative).
// - demand response: hand-computed delivery of a 1 h, 12 kW event on a 20 kW load with 50 %
//   shiftable and 20 % curtailable, and its rebound of the deferred energy over 1 h.
// - export revenue and avoided CO2: sums over the series at the park file's prices (1e-9).
// - network limits and non-convergence: an overloaded transformer is flagged; an impossible load
//   gives non-converged steps with NaN network values and the lossless import.
#include <gtest/gtest.h>

#include <cmath>

#include "physics/battery.h"
#include "physics/units.h"
#include "twin/engine/engine.h"
#include "twin/memory_sink.h"
#include "twin/model/park_network.h"
#include "twin/test_park.h"

namespace twin {
namespace {

namespace u = physics::units;

const std::string kPv = R"(pv:
  - {id: PV1, surface: roof, building: W1, bus: LV1, tilt: "22 deg", capacity: "400 kWp"}
)";

TimeGrid juneWeek(const ParkModel& model) {
  PeriodOverride june;
  june.start_day = model.simulation.start_day + 160;
  june.end_day = *june.start_day + 7;
  return makeTimeGrid(model, june);
}

TEST(FlexibilityEngine, BatteryStateCrossesBlocksExactly) {
  const CompiledPark park = test::compileText(test::smallParkWith(kPv + R"(storage:
  - {id: BESS, bus: LV1, energy: "300 kWh", power: "100 kW", efficiency: "95 %",
     soc_min: "10 %", soc_max: "90 %", initial_soc: "20 %", dispatch: {policy: self_consumption}}
)"));
  const TimeGrid grid = juneWeek(park.baseline);
  Kpis kpis;
  const test::MemorySink four = test::runWithThreads(park.baseline, grid, 4, &kpis);
  const test::MemorySink one = test::runWithThreads(park.baseline, grid, 1);
  test::expectBitIdentical(one, four);

  const std::vector<double> power = four.series(kStoragePower);
  const std::vector<double> motors = four.series(kMotorInputPower);
  const std::vector<double> loads = four.series(kLoadPower);
  const std::vector<double> pv = four.series(kPvAcPower);
  const physics::BatteryRating& rating = park.baseline.storage[0].rating;
  physics::BatteryState state = physics::initialState(rating, 0.2);
  const double e0 = state.stored;
  double in = 0.0, out = 0.0;
  bool charged = false, discharged = false;
  for (size_t k = 0; k < power.size(); ++k) {
    const double net = motors[2 * k] + motors[2 * k + 1] + loads[k] - pv[k];
    const physics::BatteryStep s = physics::stepBattery(rating, state, net, grid.step_s);
    ASSERT_EQ(s.ac_power, power[k]) << "step " << k;  // same state, same arithmetic
    in += std::max(-s.ac_power, 0.0) * grid.step_s;
    out += std::max(s.ac_power, 0.0) * grid.step_s;
    charged = charged || s.ac_power < -1e3;
    discharged = discharged || s.ac_power > 1e3;
  }
  EXPECT_TRUE(charged && discharged);
  // Stored energy: what went in and out at the efficiencies, less what calendar fade took from
  // the top of the shrinking window.
  EXPECT_NEAR(state.stored - e0,
              in * 0.95 - out / 0.95 - state.fade_spilled - state.self_discharged, 1e-9 * in);
  EXPECT_NEAR(kpis.total.storage_discharge, out, 1e-9 * out);
  // The park: import + PV + battery = demand + losses, to the power flow's unbalance.
  const std::vector<double> import = four.series(kParkGridImport);
  const std::vector<double> demand = four.series(kParkDemand);
  const std::vector<double> losses = four.series(kParkNetworkLosses);
  const std::vector<double> park_pv = four.series(kParkPvPower);
  for (size_t k = 0; k < import.size(); ++k) {
    ASSERT_NEAR(import[k] + park_pv[k] + power[k], demand[k] + losses[k], 3e-4) << k;
  }
}

TEST(FlexibilityEngine, PeakShavingHoldsTheThreshold) {
  // Without PV the two pumps and the light peak near 52 kW on a shift; a 40 kW threshold.
  const std::string battery = R"(storage:
  - {id: BESS, bus: LV1, energy: "200 kWh", power: "50 kW", initial_soc: "90 %",
     dispatch: {policy: peak_shaving, threshold: "40 kW"}}
)";
  const CompiledPark plain = test::compileText(test::smallParkYaml());
  const CompiledPark shaved = test::compileText(test::smallParkWith(battery));
  const TimeGrid grid = makeTimeGrid(plain.baseline, {});
  Kpis before, after;
  test::runWithThreads(plain.baseline, grid, 2, &before);
  const test::MemorySink sink = test::runWithThreads(shaved.baseline, grid, 2, &after);
  const std::vector<double> demand = sink.series(kParkDemand);
  const std::vector<double> storage = sink.series(kStoragePower);
  const std::vector<double> soc = sink.series(kStorageSoc);
  int held = 0;
  for (size_t k = 0; k < demand.size(); ++k) {
    if (soc[k] > 0.10 + 1e-9) {
      EXPECT_LE(demand[k] - storage[k], 40e3 + 1e-6) << k;
      ++held;
    }
  }
  EXPECT_GT(held, 96 * 5);
  EXPECT_GT(before.total.peak_demand, 45e3);
  EXPECT_LT(after.total.peak_demand, 41e3);  // 40 kW plus the network losses
}

TEST(FlexibilityEngine, EvChargingUncontrolledAndValleyFilling) {
  // One 22 kW charger, a fixed 08:00-17:00 session of 44 kWh on workdays at 100 % efficiency.
  const auto park = [&](const std::string& control) {
    return test::compileText(test::smallParkWith(R"(ev_charging:
  - {id: EV, bus: LV1, chargers: 1, charger_power: "22 kW", efficiency: "100 %", control: )" +
                                                 control + R"(,
     sessions: {list: [{arrival: "08:00", departure: "17:00", energy: "44 kWh"}]}}
)"));
  };
  const CompiledPark plain = park("uncontrolled");
  const CompiledPark valley = park("valley_filling");
  const TimeGrid grid = makeTimeGrid(plain.baseline, {});
  Kpis kp, kv;
  const test::MemorySink a = test::runWithThreads(plain.baseline, grid, 2, &kp);
  const test::MemorySink b = test::runWithThreads(valley.baseline, grid, 2, &kv);
  const std::vector<double> ev_a = a.series(kEvPower);
  const std::vector<double> ev_b = b.series(kEvPower);
  // Thursday 2025-01-02 (day 1): 22 kW from 08:00 to 10:00, then nothing; holiday day 0: none.
  for (int k = 0; k < 96; ++k) {
    EXPECT_EQ(ev_a[static_cast<size_t>(k)], 0.0);
    const double expected = k >= 32 && k < 40 ? 22e3 : 0.0;
    EXPECT_NEAR(ev_a[static_cast<size_t>(96 + k)], expected, 1e-6) << k;
  }
  // Valley filling: the same energy inside the window, at most the charger's power, placed
  // where the park's net load is lowest: the shift (08:00-16:00) draws the pumps at 80 %, so the
  // charging goes to 16:00-17:00 first and the power is flatter than uncontrolled.
  EXPECT_NEAR(kv.total.ev_energy, kp.total.ev_energy, 1e-6 * kp.total.ev_energy);
  double after_shift = 0.0;
  for (int k = 0; k < 96; ++k) {
    const double p = ev_b[static_cast<size_t>(96 + k)];
    EXPECT_LE(p, 22e3 + 1e-6);
    if (k < 32 || k >= 68) {
      EXPECT_EQ(p, 0.0) << k;
    }
    if (k >= 64 && k < 68) after_shift += p;
  }
  EXPECT_NEAR(after_shift, 4 * 22e3, 1e-6);
  EXPECT_LT(kv.total.peak_demand, kp.total.peak_demand);
}

TEST(FlexibilityEngine, DemandResponseDeliversAndRebounds) {
  // 2025-01-02 (a workday) 10:00-11:00: request 12 kW. The 20 kW light has 50 % shiftable
  // (10 kW deferred) and 20 % curtailable (2 kW more shed): 12 kW delivered in each of 4 steps;
  // the deferred 10 kWh comes back over the 1 h rebound at 10 kW.
  std::string text =
      test::replaced(test::smallParkYaml(), "    schedule: always\n",
                     "    schedule: always\n    flexibility: {curtailable: \"20 %\", "
                     "shiftable: \"50 %\"}\n");
  text = test::replaced(text, "tariff:", R"(demand_response:
  rebound: "1 h"
  events:
    - {id: DR1, date: 2025-01-02, start: "10:00", duration: "1 h", request: "12 kW"}
tariff:)");
  const CompiledPark park = test::compileText(text);
  const TimeGrid grid = makeTimeGrid(park.baseline, {});
  Kpis kpis;
  const test::MemorySink sink = test::runWithThreads(park.baseline, grid, 2, &kpis);
  const std::vector<double> light = sink.series(kLoadPower);
  const std::vector<double> delivered = sink.series(kParkDrDelivered);
  const std::vector<double> flexible = sink.series(kParkFlexible);
  const size_t at = 96 + 40;
  for (size_t k = at; k < at + 4; ++k) {
    EXPECT_NEAR(light[k], 8e3, 1e-9);
    EXPECT_NEAR(delivered[k], 12e3, 1e-9);
    EXPECT_NEAR(flexible[k], 14e3, 1e-9);  // (50 % + 20 %) of 20 kW
  }
  for (size_t k = at + 4; k < at + 8; ++k) {
    EXPECT_NEAR(light[k], 30e3, 1e-9);
    EXPECT_NEAR(delivered[k], -10e3, 1e-9);
  }
  EXPECT_NEAR(light[at + 8], 20e3, 1e-9);
  EXPECT_NEAR(kpis.total.dr_requested, 12 * u::kWh, 1e-6);
  EXPECT_NEAR(kpis.total.dr_delivered, 12 * u::kWh, 1e-6);
  EXPECT_NEAR(kpis.total.dr_rebound, 10 * u::kWh, 1e-6);
  ASSERT_EQ(kpis.events.size(), 1u);
  EXPECT_NEAR(kpis.events[0].requested, 12 * u::kWh, 1e-6);
  EXPECT_NEAR(kpis.events[0].delivered, 12 * u::kWh, 1e-6);
  EXPECT_NEAR(kpis.events[0].shortest, 12e3, 1e-9);
}

TEST(FlexibilityEngine, IdleBatteryDeliversAnEventWithoutExporting) {
  // An arbitrage battery whose prices never come stays idle; during a 1 h event of
  // 30 kW on 2025-01-02 at 10:00 (the park draws about 52 kW) it discharges 30 kW; an event
  // larger than the park's draw is met only up to that draw (no export for the event).
  const auto run = [](const std::string& request, Kpis& kpis) {
    const CompiledPark park = test::compileText(test::smallParkWith(R"(storage:
  - {id: BESS, bus: LV1, energy: "200 kWh", power: "100 kW", initial_soc: "90 %",
     dispatch: {policy: tou_arbitrage, charge_below: "0.1 CNY/kWh",
                discharge_above: "5 CNY/kWh"}}
demand_response:
  events:
    - {id: DR1, date: 2025-01-02, start: "10:00", duration: "1 h", request: ")" +
                                                                    request + R"("}
)"));
    return test::runWithThreads(park.baseline, makeTimeGrid(park.baseline, {}), 2, &kpis);
  };
  Kpis small, large;
  const test::MemorySink a = run("30 kW", small);
  const test::MemorySink b = run("300 kW", large);
  const std::vector<double> storage_a = a.series(kStoragePower);
  const std::vector<double> storage_b = b.series(kStoragePower);
  const std::vector<double> demand_b = b.series(kParkDemand);
  const std::vector<double> import_b = b.series(kParkGridImport);
  const size_t at = 96 + 40;
  EXPECT_EQ(storage_a[at - 1], 0.0);
  for (size_t k = at; k < at + 4; ++k) {
    EXPECT_NEAR(storage_a[k], 30e3, 1e-9);
    EXPECT_NEAR(storage_b[k], demand_b[k], 1e-6);
    EXPECT_GT(import_b[k], 0.0);  // the network losses are still imported
  }
  EXPECT_NEAR(small.total.dr_delivered, 30 * u::kWh, 1e-6);
  EXPECT_LT(large.total.dr_delivered, large.total.dr_requested);
}

TEST(FlexibilityEngine, ExportRevenueAndAvoidedCo2) {
  std::string text = test::smallParkWith(kPv);
  text = test::replaced(text, "demand_charge: \"40 CNY/kW/month\"",
                        "demand_charge: \"40 CNY/kW/month\"\n  export_price: \"0.4155 CNY/kWh\"");
  const CompiledPark park = test::compileText(text);
  const TimeGrid grid = juneWeek(park.baseline);
  Kpis kpis;
  const test::MemorySink sink = test::runWithThreads(park.baseline, grid, 2, &kpis);
  const std::vector<double> import = sink.series(kParkGridImport);
  const std::vector<double> pv = sink.series(kParkPvPower);
  double exported = 0.0, pv_energy = 0.0;
  for (size_t k = 0; k < import.size(); ++k) {
    exported += std::max(-import[k], 0.0) * grid.step_s;
    pv_energy += pv[k] * grid.step_s;
  }
  ASSERT_GT(exported, 0.0);
  EXPECT_NEAR(kpis.total.export_revenue, exported * 0.4155 / u::kWh, 1e-9 * exported);
  EXPECT_NEAR(kpis.total.avoided_co2, pv_energy * 0.42 / u::kWh, 1e-9 * pv_energy);
  EXPECT_NEAR(kpis.total.cost(),
              kpis.total.energy_cost + kpis.total.demand_cost - kpis.total.export_revenue, 1e-9);
}

TEST(FlexibilityEngine, OverloadsAndFailedPowerFlowsAreCounted) {
  // 700 kW of light on a 630 kVA transformer overloads it and pulls the 0.4 kV bus about 3 %
  // down, beyond a tolerance of 2 %.
  std::string heavy =
      test::replaced(test::smallParkYaml(), "rated_power: \"20 kW\"", "rated_power: \"700 kW\"");
  heavy = test::replaced(heavy, "network:\n", "network:\n  voltage_tolerance: \"2 %\"\n");
  const CompiledPark park = test::compileText(heavy);
  const TimeGrid grid = makeTimeGrid(park.baseline, {});
  Kpis kpis;
  test::runWithThreads(park.baseline, grid, 2, &kpis);
  EXPECT_EQ(kpis.limits.transformer[0].steps, grid.steps());
  EXPECT_GT(kpis.limits.transformer[0].worst, 1.1);
  EXPECT_GT(kpis.limits.bus_voltage[2].steps, 0);
  EXPECT_LT(kpis.limits.bus_voltage[2].worst, 0.98);
  EXPECT_EQ(kpis.limits.bus_voltage[0].steps, 0);  // the grid bus is held at 1 pu
  EXPECT_EQ(kpis.limits.power_flow_failures, 0);

  // 20 MW on the same transformer has no solution: every step is flagged, never dropped.
  const CompiledPark impossible = test::compileText(
      test::replaced(test::smallParkYaml(), "rated_power: \"20 kW\"", "rated_power: \"20 MW\""));
  Kpis failed;
  const test::MemorySink sink = test::runWithThreads(impossible.baseline, grid, 2, &failed);
  EXPECT_EQ(failed.limits.power_flow_failures, grid.steps());
  const std::vector<double> converged = sink.series(kParkPowerFlowConverged);
  const std::vector<double> voltage = sink.series(kBusVoltage);
  const std::vector<double> import = sink.series(kParkGridImport);
  const std::vector<double> demand = sink.series(kParkDemand);
  EXPECT_EQ(converged[0], 0.0);
  EXPECT_TRUE(std::isnan(voltage[2]));
  EXPECT_EQ(import[0], demand[0]);  // the lossless balance (no PV, no battery)
}

}  // namespace
}  // namespace twin
