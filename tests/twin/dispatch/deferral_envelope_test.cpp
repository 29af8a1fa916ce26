// A shiftable load's envelope against bounds worked by hand, and the horizon programme moving a
// shiftable load to the cheap steps its window allows (each case's working is in its comment).
// Tolerance: 1e-6 of the figures (the simplex solution is exact up to CLP's tolerance, 1e-7).
#include "twin/dispatch/deferral_envelope.h"

#include <gtest/gtest.h>

#include "physics/units.h"

namespace twin::dispatch {
namespace {

namespace u = physics::units;
constexpr double kTol = 1e-6;

std::vector<double> kWh(const std::vector<double>& joules) {
  std::vector<double> out;
  for (double j : joules) out.push_back(j / u::kWh);
  return out;
}

void expectNear(const std::vector<double>& got, const std::vector<double>& want) {
  ASSERT_EQ(got.size(), want.size());
  for (size_t i = 0; i < got.size(); ++i) EXPECT_NEAR(got[i], want[i], kTol) << "at " << i;
}

TEST(DeferralEnvelope, WindowOfOneStep) {
  // 1 h steps, a day of 4 steps, scheduled 0, 10, 10, 0 kW, window 1 step. Scheduled energy by
  // each step's end: 0, 10, 20, 20 kWh (the most). The least: a step's energy may wait one step,
  // so by step t all of step t-1's: 0, 0, 10, then all of the day's at its last step: 20.
  const FlexibleDemand f =
      deferralEnvelope(std::vector<double>{0, 10 * u::kW, 10 * u::kW, 0}, 5 * u::kW, 1, 4, 3600);
  expectNear(kWh(f.energy_max), {0, 10, 20, 20});
  expectNear(kWh(f.energy_min), {0, 0, 10, 20});
  // At most the share's rating (5 kW), or the scheduled power where that is higher.
  std::vector<double> kw;
  for (double w : f.power_max) kw.push_back(w / u::kW);
  expectNear(kw, {5, 10, 10, 5});
}

TEST(DeferralEnvelope, NothingCrossesMidnight) {
  // Two days of 2 steps, 4 kW scheduled in each day's last step, window 8 steps: the window
  // would reach into the next day, but each day's energy is drawn by its midnight, and the
  // second day starts from all of the first day's: max 0, 4, 4, 8; min 0, 4, 4, 8.
  const FlexibleDemand f =
      deferralEnvelope(std::vector<double>{0, 4 * u::kW, 0, 4 * u::kW}, 4 * u::kW, 8, 2, 3600);
  expectNear(kWh(f.energy_max), {0, 4, 4, 8});
  expectNear(kWh(f.energy_min), {0, 4, 4, 8});
}

TEST(DeferralEnvelope, NoWindowKeepsTheSchedule) {
  // Window 0: every step's energy in that step, min = max = scheduled.
  const FlexibleDemand f =
      deferralEnvelope(std::vector<double>{3 * u::kW, 1 * u::kW, 2 * u::kW}, 3 * u::kW, 0, 3, 3600);
  expectNear(kWh(f.energy_min), {3, 4, 6});
  expectNear(kWh(f.energy_max), {3, 4, 6});
}

TEST(DeferralEnvelope, TheProgrammeDefersToTheCheapStep) {
  // 1 h steps at 1.0, 0.2, 0.2 CNY/kWh, no other load, no battery; 6 kW scheduled in step 0,
  // a 4 kW share rating, window 2 steps. Drawing it all in step 0 costs 6; deferring 4 kWh to
  // step 1 and 2 kWh to step 2 (at most 4 kW a step) costs 0.2 x 6 = 1.2 CNY, the least.
  HorizonCase c;
  c.dt = 3600;
  c.net.assign(3, 0.0);
  c.price = {1.0 / u::kWh, 0.2 / u::kWh, 0.2 / u::kWh};
  c.month.assign(3, 0);
  c.month_peak = {0.0};
  c.demands = {deferralEnvelope(std::vector<double>{6 * u::kW, 0, 0}, 4 * u::kW, 2, 3, 3600)};
  const HorizonPlan p = planHorizon(c);
  ASSERT_TRUE(p.feasible) << p.binding;
  EXPECT_NEAR(p.demand_power[0] / u::kW, 0.0, kTol);
  EXPECT_NEAR((p.demand_power[1] + p.demand_power[2]) / u::kW, 6.0, kTol);
  EXPECT_LE(p.demand_power[1] / u::kW, 4.0 + kTol);
  EXPECT_LE(p.demand_power[2] / u::kW, 4.0 + kTol);
  EXPECT_NEAR(p.objective, 1.2, kTol);
}

}  // namespace
}  // namespace twin::dispatch
