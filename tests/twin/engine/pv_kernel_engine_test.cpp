// The engine's PV stage on the vector kernel (physics/pv_series.h) against the same run with
// PARKTWIN_PV_KERNEL=scalar (pvPower step by step). Issue 19: every series within 1e-9 relative
// of the scalar path, the vector path bit-identical on 1 and 3 threads, a wrong kernel name a
// clear error.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <optional>
#include <string>

#include "twin/base/error.h"
#include "twin/engine/engine.h"
#include "twin/memory_sink.h"
#include "twin/test_park.h"

namespace twin {
namespace {

// Sets PARKTWIN_PV_KERNEL for the scope, and puts back what was there.
class KernelEnvironment {
 public:
  explicit KernelEnvironment(const char* value) {
    if (const char* before = std::getenv("PARKTWIN_PV_KERNEL")) before_ = before;
    setenv("PARKTWIN_PV_KERNEL", value, 1);
  }
  ~KernelEnvironment() {
    if (before_) {
      setenv("PARKTWIN_PV_KERNEL", before_->c_str(), 1);
    } else {
      unsetenv("PARKTWIN_PV_KERNEL");
    }
  }

 private:
  std::optional<std::string> before_;
};

// Arrays of every sky, incidence and temperature model, with an inverter that clips.
const std::string kArrays = R"(pv:
  - {id: ROOF, surface: roof, building: W1, bus: LV1, tilt: "22 deg", capacity: "300 kWp",
     dc_ac_ratio: 1.5}
  - {id: HD, surface: ground, bus: LV1, tilt: "35 deg", azimuth: "150 deg", capacity: "80 kWp",
     transposition: haydavies, iam: ashrae, temperature_model: faiman}
  - {id: ISO, surface: ground, bus: LV1, tilt: "5 deg", capacity: "40 kWp", transposition: isotropic,
     iam: none, temperature_model: sapm-insulated-back-glass-polymer, degradation: "0.5 %"}
  - {id: WALL, surface: facade, building: W1, facade: 0, bus: LV1, capacity: "20 kWp"}
)";

test::MemorySink runJune(int threads) {
  const CompiledPark park = test::compileText(test::smallParkWith(kArrays));
  PeriodOverride june;
  june.start_day = park.baseline.simulation.start_day + 160;
  june.end_day = *june.start_day + 10;
  return test::runWithThreads(park.baseline, makeTimeGrid(park.baseline, june), threads);
}

TEST(PvKernelEngine, VectorRunWithinOneBillionthOfTheScalarRun) {
  test::MemorySink scalar;
  {
    const KernelEnvironment env("scalar");
    scalar = runJune(2);
  }
  const test::MemorySink vector = runJune(2);
  for (const SeriesId s : {kPvPoaGlobal, kPvTempCell, kPvDcPower, kPvAcPower, kParkPvPower,
                           kParkGridImport, kParkNetworkLosses}) {
    const std::vector<double> a = vector.series(s), b = scalar.series(s);
    ASSERT_EQ(a.size(), b.size());
    double scale = 1.0;
    for (double v : b) scale = std::max(scale, std::abs(v));
    for (size_t k = 0; k < a.size(); ++k) {
      ASSERT_NEAR(a[k], b[k], 1e-9 * scale)
          << kSeries[s].kind << "/" << kSeries[s].field << " " << k;
    }
  }
  double energy = 0.0;
  for (double p : vector.series(kParkPvPower)) energy += p;
  EXPECT_GT(energy, 0.0);
}

TEST(PvKernelEngine, VectorRunIsBitIdenticalOnOneAndThreeThreads) {
  test::expectBitIdentical(runJune(1), runJune(3));
}

TEST(PvKernelEngine, AnUnknownKernelIsRefusedNamingTheVariable) {
  const KernelEnvironment env("avx9000");
  try {
    runJune(1);
    FAIL() << "expected an InputError";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("PARKTWIN_PV_KERNEL"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("avx9000"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace twin
