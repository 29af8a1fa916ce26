// A battery's `dispatch:` map with the optimal policy: what it compiles to, and each mistake as one
// located message (ARCHITECTURE.md §4), pinned.
#include <gtest/gtest.h>

#include "physics/units.h"
#include "twin/error_cases.h"
#include "twin/test_park.h"

namespace twin {
namespace {

namespace u = physics::units;

std::string withBatteries(const std::string& first, const std::string& second = "") {
  std::string text =
      "storage:\n  - {id: B1, bus: LV1, energy: \"100 kWh\", power: \"50 kW\", "
      "dispatch: " +
      first + "}\n";
  if (!second.empty()) {
    text +=
        "  - {id: B2, bus: LV1, energy: \"100 kWh\", power: \"50 kW\", dispatch: " + second + "}\n";
  }
  return test::smallParkWith(text);
}

std::vector<std::string> errorsOf(const std::string& text) {
  return test::messagesOf([&] { test::compileText(text); });
}

TEST(DispatchErrors, OptimalCompilesItsSettings) {
  const CompiledPark park = test::compileText(withBatteries(
      "{policy: optimal, horizon: \"48 h\", forecast: persistence, degradation_cost: \"0.05 "
      "CNY/kWh\", import_limit: \"800 kW\", export_limit: \"200 kW\"}"));
  const Storage& s = park.baseline.storage[0];
  EXPECT_EQ(s.policy, physics::DispatchPolicy::kOptimal);
  EXPECT_EQ(s.optimal.horizon, 48 * 3600.0);
  EXPECT_EQ(s.optimal.forecast, Forecast::kPersistence);
  EXPECT_NEAR(s.optimal.degradation_cost, 0.05 / u::kWh, 1e-20);
  EXPECT_EQ(s.optimal.import_limit, 800 * u::kW);
  EXPECT_EQ(s.optimal.export_limit, 200 * u::kW);
  const Storage defaults =
      test::compileText(withBatteries("{policy: optimal}")).baseline.storage[0];
  EXPECT_EQ(defaults.optimal.horizon, 86400.0);
  EXPECT_EQ(defaults.optimal.forecast, Forecast::kPerfect);
  EXPECT_TRUE(std::isinf(defaults.optimal.import_limit));
}

TEST(DispatchErrors, EachMistakeIsOneLocatedMessage) {
  const struct {
    std::string first, second, expected;
  } cases[] = {
      {"{policy: optimal, horizon: \"36 h\"}", "",
       "test.yaml:57:96: storage[0].dispatch.horizon: expected a whole number of days (\"24 h\", "
       "\"48 h\", \"8760 h\"), got 36 h"},
      {"{policy: optimal, horizon: \"12 h\"}", "",
       "test.yaml:57:96: storage[0].dispatch.horizon: expected a value from 24 h up to 8784 h, "
       "got \"12 h\""},
      {"{policy: optimal, forecast: oracle}", "",
       "test.yaml:57:97: storage[0].dispatch.forecast: expected one of perfect | persistence, got "
       "\"oracle\""},
      {"{policy: self_consumption, horizon: \"24 h\"}", "",
       "test.yaml:57:105: storage[0].dispatch.horizon: expected only with policy: optimal"},
      {"{policy: optimal}", "{policy: self_consumption}",
       "test.yaml:58:69: storage[1].dispatch.policy: expected every battery of the park with "
       "policy optimal, or none: \"B1\" has another policy (one programme plans all the "
       "batteries)"},
      {"{policy: optimal}", "{policy: optimal, horizon: \"48 h\"}",
       "test.yaml:58:69: storage[1].dispatch: expected the horizon, forecast, import_limit and "
       "export_limit of \"B1\": the park's optimal batteries are planned together"},
  };
  for (const auto& c : cases) {
    const std::vector<std::string> errors = errorsOf(withBatteries(c.first, c.second));
    ASSERT_EQ(errors.size(), 1u) << c.first << (errors.empty() ? " no error" : " " + errors[0]);
    EXPECT_EQ(errors[0], c.expected);
  }
}

// A load the optimal dispatch may defer: its shift_window, and each mistake located.
TEST(DispatchErrors, ShiftWindowOfALoad) {
  const auto load = [](const std::string& flexibility) {
    return test::smallParkWith(
        "  - {id: SHIFT, kind: process, building: W1, bus: LV1, rated_power: \"40 kW\", "
        "power_factor: 0.9, schedule: day-shift, flexibility: " +
        flexibility + "}\n");
  };
  const CompiledPark park = test::compileText(load("{shiftable: \"50 %\", shift_window: \"6 h\"}"));
  EXPECT_EQ(park.baseline.loads[1].shift_window, 6 * 3600.0);
  EXPECT_EQ(test::compileText(load("{shiftable: \"50 %\"}")).baseline.loads[1].shift_window, 0.0);
  const struct {
    std::string flexibility, expected;
  } cases[] = {
      {"{curtailable: \"50 %\", shift_window: \"6 h\"}",
       "test.yaml:56:167: loads[1].flexibility.shift_window: expected a shiftable share above 0 "
       "for the optimal dispatch to defer"},
      {"{shiftable: \"50 %\", shift_window: \"30 h\"}",
       "test.yaml:56:165: loads[1].flexibility.shift_window: expected a value above 0 h up to 24 "
       "h, got \"30 h\""},
  };
  for (const auto& c : cases) {
    const std::vector<std::string> errors = errorsOf(load(c.flexibility));
    ASSERT_EQ(errors.size(), 1u) << c.flexibility
                                 << (errors.empty() ? " no error" : " " + errors[0]);
    EXPECT_EQ(errors[0], c.expected);
  }
}

}  // namespace
}  // namespace twin
