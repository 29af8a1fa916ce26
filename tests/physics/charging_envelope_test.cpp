// physics::chargingEnvelope against bounds worked by hand (the working is in the test's comment):
// what a planner may do with a group's sessions, per hourly step. Exact (sums of whole kWh).
#include <gtest/gtest.h>

#include "physics/ev_charging.h"

namespace physics {
namespace {

using units::hour;
using units::kW;
using units::kWh;

TEST(ChargingEnvelope, PowerAndEnergyBoundsOfTheSessions) {
  // One car 01:00-03:00 on a 10 kW charger wanting 15 kWh at 100 %, hourly steps: it can take
  // 10 kW in hours 2 and 3; by the end of hour 2 it has drawn 5 to 10 kWh (at least what hour 3
  // alone cannot give), by the end of hour 3 all 15. A second car 02:30-04:00 wanting 50 kWh
  // (more than its 15 kWh window at 10 kW: capped at 15 kWh) at 50 % efficiency (30 kWh AC
  // wanted, still 15 kWh AC possible): 5 kW average in hour 3, 10 kW in hour 4.
  const std::vector<EvSession> sessions = {{1 * hour, 3 * hour, 15 * kWh, 0},
                                           {2.5 * hour, 4 * hour, 50 * kWh, 1}};
  const ChargingEnvelope one = chargingEnvelope({sessions[0]}, 10 * kW, 1.0, hour, 5);
  const std::vector<double> p1 = {0, 10 * kW, 10 * kW, 0, 0};
  const std::vector<double> lo1 = {0, 5 * kWh, 15 * kWh, 15 * kWh, 15 * kWh};
  const std::vector<double> hi1 = {0, 10 * kWh, 15 * kWh, 15 * kWh, 15 * kWh};
  EXPECT_EQ(one.power_max, p1);
  EXPECT_EQ(one.energy_min, lo1);
  EXPECT_EQ(one.energy_max, hi1);
  const ChargingEnvelope both = chargingEnvelope(sessions, 10 * kW, 0.5, hour, 5);
  EXPECT_DOUBLE_EQ(both.power_max[2], 15 * kW);
  EXPECT_DOUBLE_EQ(both.power_max[3], 10 * kW);
  // The second car's window holds exactly its 15 kWh AC: 5 by the end of hour 3, 15 by hour 4.
  // The first car now wants 30 kWh AC of its 20 possible, so it too takes all its window: 10 by
  // hour 2, 20 by hour 3.
  EXPECT_DOUBLE_EQ(both.energy_min[1], 10 * kWh);
  EXPECT_DOUBLE_EQ(both.energy_max[1], 10 * kWh);
  EXPECT_DOUBLE_EQ(both.energy_min[2], 25 * kWh);
  EXPECT_DOUBLE_EQ(both.energy_max[2], 25 * kWh);
  EXPECT_DOUBLE_EQ(both.energy_min[4], 35 * kWh);
  EXPECT_DOUBLE_EQ(both.energy_max[4], 35 * kWh);
}

}  // namespace
}  // namespace physics
