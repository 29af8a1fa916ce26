// EV sessions: the generator (physics/random.h) and the daily session draw (physics/ev_charging.h).
// Statistical checks use 5 standard errors of the estimate, so a correct implementation fails
// with probability below 1e-6 (and the seeds are fixed, so the outcome is reproducible).
#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "physics/ev_charging.h"
#include "physics/random.h"
#include "physics/units.h"

namespace physics {
namespace {

using units::hour;
using units::kWh;

TEST(Random, NormalSequenceIsTheSyntheticWeatherOne) {
  // First deviates of the generator as it stood inside synthetic_weather.cpp before it moved to
  // random.h (printed with %a from that code): the weather's sequences must not change.
  Random a(1, 0);
  EXPECT_DOUBLE_EQ(a.normal(), -0x1.75e01810b8264p-3);
  EXPECT_DOUBLE_EQ(a.normal(), -0x1.295aa44487df8p+0);
  EXPECT_DOUBLE_EQ(a.normal(), 0x1.3daeba0376fa8p+0);
  EXPECT_DOUBLE_EQ(a.normal(), 0x1.b643d4a536d3cp+0);
  Random b(2023, 7);
  EXPECT_DOUBLE_EQ(b.normal(), 0x1.df64c89531055p-2);
  EXPECT_DOUBLE_EQ(b.normal(), 0x1.7bc5636166078p-2);
}

TEST(Random, UniformAndPoissonMoments) {
  // Uniform [0, 1): mean 1/2, variance 1/12; standard error of the mean sqrt(1/12 / n).
  Random r(42, 3);
  constexpr int kN = 200000;
  double s = 0.0, s2 = 0.0;
  for (int i = 0; i < kN; ++i) {
    const double u = r.uniform();
    ASSERT_GE(u, 0.0);
    ASSERT_LT(u, 1.0);
    s += u;
    s2 += u * u;
  }
  EXPECT_NEAR(s / kN, 0.5, 5.0 * std::sqrt(1.0 / 12.0 / kN));
  EXPECT_NEAR(s2 / kN - (s / kN) * (s / kN), 1.0 / 12.0, 0.002);
  // Poisson: mean = variance = m, also above the 30 chunk (75 = 30 + 30 + 15). Standard error of
  // the mean sqrt(m / n); of the variance about sqrt((m + 2 m^2) / n).
  for (const double m : {0.7, 12.0, 75.0}) {
    constexpr int kDraws = 20000;
    double total = 0.0, total2 = 0.0;
    for (int i = 0; i < kDraws; ++i) {
      const auto k = static_cast<double>(r.poisson(m));
      total += k;
      total2 += k * k;
    }
    const double mean = total / kDraws;
    EXPECT_NEAR(mean, m, 5.0 * std::sqrt(m / kDraws)) << m;
    EXPECT_NEAR(total2 / kDraws - mean * mean, m, 5.0 * std::sqrt((m + 2 * m * m) / kDraws)) << m;
  }
  EXPECT_EQ(r.poisson(0.0), 0);
  EXPECT_EQ(r.poisson(-3.0), 0);
}

TEST(DrawSessions, DeterministicPerSeedAndDay) {
  EvArrivalModel model;
  model.sessions_per_day = 20.0;
  const std::vector<EvSession> a = drawSessions(model, 40, 7, 123);
  // Other days drawn before or in between do not matter (the day is the stream).
  drawSessions(model, 40, 7, 124);
  const std::vector<EvSession> b = drawSessions(model, 40, 7, 123);
  ASSERT_FALSE(a.empty());
  ASSERT_EQ(a.size(), b.size());
  for (std::size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(a[i].arrival, b[i].arrival);  // bit-identical
    EXPECT_EQ(a[i].departure, b[i].departure);
    EXPECT_EQ(a[i].energy, b[i].energy);
    EXPECT_EQ(a[i].charger, b[i].charger);
  }
  const std::vector<EvSession> other_day = drawSessions(model, 40, 7, 122);
  const std::vector<EvSession> other_seed = drawSessions(model, 40, 8, 123);
  ASSERT_FALSE(other_day.empty());
  ASSERT_FALSE(other_seed.empty());
  EXPECT_NE(other_day.front().arrival, a.front().arrival);
  EXPECT_NE(other_seed.front().arrival, a.front().arrival);
  EXPECT_TRUE(drawSessions(model, 0, 7, 123).empty());
}

TEST(DrawSessions, CountIsPoissonCappedAtTheChargers) {
  EvArrivalModel model;
  model.sessions_per_day = 20.0;
  constexpr int kDays = 4000;
  double total = 0.0;
  for (long day = 0; day < kDays; ++day) {
    total += static_cast<double>(drawSessions(model, 1000, 99, day).size());
  }
  // Mean of kDays Poisson(20) counts: standard error sqrt(20 / 4000) = 0.071.
  EXPECT_NEAR(total / kDays, 20.0, 5.0 * std::sqrt(20.0 / kDays));
  // Capped: 10 chargers never see more than 10 sessions, and P(Poisson(20) >= 10) = 0.995.
  int full_days = 0;
  for (long day = 0; day < 1000; ++day) {
    const std::size_t n = drawSessions(model, 10, 99, day).size();
    ASSERT_LE(n, 10u);
    full_days += n == 10u;
  }
  EXPECT_GT(full_days, 960);
}

TEST(DrawSessions, SessionsLieWithinTheDay) {
  // A model pushed against both ends of the day: arrivals clipped to [0, 24 h - dwell_min],
  // dwell >= dwell_min, departure <= midnight, energy >= 0; sorted, one session per charger.
  EvArrivalModel model;
  model.sessions_per_day = 30.0;
  model.arrival_mean = 20.0 * hour;
  model.arrival_sd = 10.0 * hour;
  model.dwell_sd = 6.0 * hour;
  model.energy_sd = 20.0 * kWh;
  int clipped_at_midnight = 0;
  for (long day = 0; day < 300; ++day) {
    const std::vector<EvSession> s = drawSessions(model, 50, 5, day);
    for (std::size_t i = 0; i < s.size(); ++i) {
      EXPECT_GE(s[i].arrival, 0.0);
      EXPECT_LE(s[i].departure, units::day);
      EXPECT_GE(s[i].departure - s[i].arrival, model.dwell_min - 1e-9);
      EXPECT_GE(s[i].energy, 0.0);
      EXPECT_EQ(s[i].charger, static_cast<int>(i));
      if (i > 0) {
        EXPECT_LE(s[i - 1].arrival, s[i].arrival);
      }
      clipped_at_midnight += s[i].departure == units::day;
    }
  }
  EXPECT_GT(clipped_at_midnight, 0);  // the truncation was exercised
}

TEST(DrawSessions, DefaultModelMoments) {
  // Default model: arrival N(08:30, 1 h), dwell N(8.5 h, 1.5 h), energy N(12, 5) kWh clipped at 0,
  // whose mean is mu Phi(mu/sigma) + sigma phi(mu/sigma) = 12.0136 kWh. About 40000 sessions:
  // standard errors 18 s, 27 s and 0.025 kWh. The clipping of arrival and dwell is > 5 sd away.
  EvArrivalModel model;
  model.sessions_per_day = 20.0;
  double n = 0.0, arrival = 0.0, dwell = 0.0, energy = 0.0;
  for (long day = 0; day < 2000; ++day) {
    for (const EvSession& s : drawSessions(model, 100, 11, day)) {
      n += 1.0;
      arrival += s.arrival;
      dwell += s.departure - s.arrival;
      energy += s.energy;
    }
  }
  const double z = model.energy_mean / model.energy_sd;
  const double clipped_mean = model.energy_mean * 0.5 * std::erfc(-z / std::sqrt(2.0)) +
                              model.energy_sd * std::exp(-0.5 * z * z) / std::sqrt(2.0 * units::pi);
  EXPECT_NEAR(arrival / n, model.arrival_mean, 5.0 * model.arrival_sd / std::sqrt(n));
  EXPECT_NEAR(dwell / n, model.dwell_mean, 5.0 * model.dwell_sd / std::sqrt(n));
  EXPECT_NEAR(energy / n, clipped_mean, 5.0 * model.energy_sd / std::sqrt(n));
}

}  // namespace
}  // namespace physics
