// Scenario tier: pumps and fans with flow control (throttling valve or variable-speed drive)
// through the engine. References: the affinity laws (shaft power ~ flow^3 on a system without
// static head; e.g. Europump/Hydraulic Institute, "Variable speed pumping", 2004, ch. 2), and
// throttling never needing less shaft power than speed control at the same duty flow.
#include <gtest/gtest.h>

#include "physics/units.h"
#include "twin/base/error.h"
#include "twin/engine/engine.h"
#include "twin/memory_sink.h"
#include "twin/test_park.h"

namespace twin {
namespace {

namespace u = physics::units;

// The test park's two 15 kW pumps (80 % shaft load at design flow, day shift) with flow control.
std::string pumpsWith(const std::string& flow_control, const std::string& flow) {
  std::string text =
      test::replaced(test::smallParkYaml(), "    duty: {load: \"80 %\", schedule: day-shift}",
                     "    duty: {load: \"80 %\", flow: \"" + flow +
                         "\", schedule: day-shift}\n    flow_control: " + flow_control);
  return text;
}

// Shaft and input power of pump 1 on Thursday 2025-01-02 at 10:00 (on shift, schedule 1).
struct Step {
  double shaft = 0.0;
  double input = 0.0;
  double reactive = 0.0;
};

Step pumpAtTen(const std::string& text) {
  const CompiledPark park = test::compileText(text);
  test::MemorySink sink;
  runSimulation(park.baseline, makeTimeGrid(park.baseline, {}), &sink);
  const size_t k = 96 + 40;
  const size_t n = park.baseline.motors.size();
  return {sink.series(kMotorShaftPower)[k * n], sink.series(kMotorInputPower)[k * n],
          sink.series(kMotorReactivePower)[k * n]};
}

TEST(FlowControl, SpeedControlWithoutStaticHeadFollowsTheCubeLaw) {
  // Half the design flow at no static head: shaft power 1/8 of the design's 0.8 x 15 kW.
  const Step vsd = pumpAtTen(pumpsWith("{method: vsd, static_share: 0}", "50 %"));
  EXPECT_NEAR(vsd.shaft, 0.8 * 15e3 / 8, 1e-6);
  // The drive (97 % by default) adds its losses; its front end draws no reactive power.
  const Step full = pumpAtTen(pumpsWith("{method: vsd, static_share: 0}", "100 %"));
  EXPECT_NEAR(full.shaft, 0.8 * 15e3, 1e-6);
  EXPECT_EQ(vsd.reactive, 0.0);
  const Step direct = pumpAtTen(test::smallParkYaml());
  EXPECT_NEAR(full.input, direct.input / 0.97, 1e-6);
}

TEST(FlowControl, ThrottlingNeedsMoreShaftPowerThanSpeedControl) {
  for (const char* flow : {"40 %", "70 %", "90 %"}) {
    const Step throttle = pumpAtTen(pumpsWith("{method: throttle, static_share: \"30 %\"}", flow));
    const Step vsd = pumpAtTen(pumpsWith("{method: vsd, static_share: \"30 %\"}", flow));
    EXPECT_GT(throttle.shaft, vsd.shaft) << flow;
    EXPECT_LT(throttle.shaft, 0.8 * 15e3) << flow;  // a throttled pump still unloads somewhat
  }
  // At the design flow, throttling changes nothing.
  const Step design = pumpAtTen(pumpsWith("{method: throttle}", "100 %"));
  EXPECT_NEAR(design.shaft, 0.8 * 15e3, 1e-6);
}

// The test park's pumps turned into air compressors with a compressor map.
std::string compressorsWith(const std::string& compressor, const std::string& flow) {
  std::string text = test::replaced(test::smallParkYaml(), "kind: pump", "kind: air_compressor");
  return test::replaced(text, "    duty: {load: \"80 %\", schedule: day-shift}",
                        "    duty: {load: \"100 %\", flow: \"" + flow +
                            "\", schedule: day-shift}\n    compressor: " + compressor);
}

TEST(Compressors, LoadUnloadPowerFollowsDemandPlusLeaks) {
  // Ideal large-receiver load/unload (US DOE / Compressed Air Challenge sourcebook): power =
  // f + (1 - f) x demand with the unloaded fraction f = 25 % (physics/air_compressor.h); demand
  // 55 % useful + 25 % leaks = 80 % -> 85 % of full-load shaft power; leaks cut to 10 % -> 73.75 %.
  const Step leaky = pumpAtTen(compressorsWith("{control: load_unload, leak: \"25 %\"}", "55 %"));
  EXPECT_NEAR(leaky.shaft, 0.85 * 15e3, 1e-6);
  const Step repaired =
      pumpAtTen(compressorsWith("{control: load_unload, leak: \"10 %\"}", "55 %"));
  EXPECT_NEAR(repaired.shaft, 0.7375 * 15e3, 1e-6);
  // A variable-speed compressor needs less at part load, and its drive draws no reactive power.
  const Step vsd = pumpAtTen(compressorsWith("{control: vsd, leak: \"25 %\"}", "55 %"));
  EXPECT_LT(vsd.shaft, leaky.shaft);
  EXPECT_EQ(vsd.reactive, 0.0);
  EXPECT_GT(leaky.reactive, 0.0);
}

TEST(FlowControl, OnlyPumpsAndFansTakeIt) {
  const std::string text =
      test::replaced(pumpsWith("{method: vsd}", "50 %"), "kind: pump", "kind: conveyor");
  try {
    test::compileText(text);
    FAIL() << "a conveyor with flow control was accepted";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find(
                  "equipment[0].flow_control: expected flow_control only on a pump or a fan"),
              std::string::npos)
        << e.what();
  }
}

}  // namespace
}  // namespace twin
