// The engine's sun ephemeris, its nodes computed in parallel, is the serial one bit for bit (the
// determinism rule: the same results on 1 thread or many), over a year and at its edges.
#include <gtest/gtest.h>
#include <tbb/global_control.h>

#include <cstring>

#include "twin/engine/run_plan.h"

namespace twin {
namespace {

bool sameBits(const physics::GeocentricSun& a, const physics::GeocentricSun& b) {
  return std::memcmp(&a, &b, sizeof a) == 0;
}

TEST(ParallelSun, BitIdenticalToTheSerialEphemerisOnAnyThreadCount) {
  const double start = 1735660800.0;  // 2025-01-01T00:00+08:00
  const double end = start + 365 * 86400.0;
  const physics::SunEphemeris serial(start, end, 69.1);
  for (size_t threads : {1u, 2u, 7u}) {
    const tbb::global_control limit(tbb::global_control::max_allowed_parallelism, threads);
    const physics::SunEphemeris parallel = parallelSunEphemeris(start, end, 69.1);
    for (double t = start; t <= end; t += 3607.0) {
      ASSERT_TRUE(sameBits(parallel.at(t), serial.at(t))) << "t = " << t << ", " << threads;
    }
    EXPECT_TRUE(sameBits(parallel.at(end), serial.at(end)));
  }
  // A period of one instant: the nodes of the 6-hour margins on either side.
  EXPECT_EQ(physics::SunEphemeris::nodeTimes(start, start).size(), 6u);  // +-6 h at 3 h steps
  EXPECT_TRUE(sameBits(parallelSunEphemeris(start, start, 69.1).at(start),
                       physics::SunEphemeris(start, start, 69.1).at(start)));
}

}  // namespace
}  // namespace twin
