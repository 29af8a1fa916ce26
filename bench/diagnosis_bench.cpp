// The engineers' commands on meter data. BM_ReadMeterCsv: a month of 15-minute power-analyser
// readings of 100 motors (297,600 rows, 8 columns) parsed, checked and sorted. BM_DiagnoseSample:
// the demo park's sample (10 motors for a week, a quarter of hourly grid energy) read and
// diagnosed, every method on every reading. BM_CalibrateSample: calibrate's fit of one duty load
// to the sample, a quarter simulated per run (about 20 runs). Goals: a plant's month of readings
// in a second or two, a diagnosis interactive, a calibration in seconds.
#include <benchmark/benchmark.h>
#include <fmt/format.h>

#include <string>

#include "twin/base/iso_time.h"
#include "twin/diagnosis/calibration.h"
#include "twin/diagnosis/motor_diagnosis.h"
#include "twin/model/compile_park.h"
#include "twin/parkfile/source_tree.h"

namespace {

const std::string kDemo = std::string(PARKTWIN_SOURCE_DIR) + "/datasets/demo-park/";

std::string monthOfReadings(int motors) {
  std::string text = "time,id,v_ab_v,v_bc_v,v_ca_v,current_a,power_kw,power_factor,speed_rpm\n";
  const int64_t t0 = 1740758400;  // 2025-03-01T00:00:00+08:00
  for (int m = 0; m < motors; ++m) {
    for (int k = 0; k < 31 * 96; ++k) {
      text += twin::formatIsoTime(t0 + k * 900, 28800) +
              fmt::format(",M{:03},{},{},401,{},{:.2f},0.85,{}\n", m, 400 + k % 7, 399 - k % 5,
                          20 + k % 11, 9 + 0.01 * (k % 50), 1470 + k % 9);
    }
  }
  return text;
}

void BM_ReadMeterCsv(benchmark::State& state) {
  const std::string text = monthOfReadings(100);
  for (auto _ : state) {
    twin::MeterData d =
        twin::readMeterCsv(text, "month.csv", [](std::string_view) { return true; });
    benchmark::DoNotOptimize(d);
  }
  state.counters["rows"] = 100 * 31 * 96;
}
BENCHMARK(BM_ReadMeterCsv)->Unit(benchmark::kMillisecond);

twin::MeterData sampleMeters(const twin::ParkModel& model) {
  return twin::readMeterCsv(
      twin::readTextFile(kDemo + "meters.csv"), "meters.csv",
      [&](std::string_view id) { return twin::diagnosis::isParkMeterId(model, id); });
}

void BM_DiagnoseSample(benchmark::State& state) {
  const twin::CompiledPark park = twin::compilePark(twin::loadParkSource(kDemo + "park.yaml"));
  for (auto _ : state) {
    const twin::MeterData meters = sampleMeters(park.baseline);
    twin::diagnosis::Diagnosis d =
        twin::diagnosis::diagnoseMotors(park.baseline, meters, physics::MotorClass::kIE4);
    benchmark::DoNotOptimize(d);
  }
}
BENCHMARK(BM_DiagnoseSample)->Unit(benchmark::kMillisecond);

void BM_CalibrateSample(benchmark::State& state) {
  const twin::ParkSource source = twin::loadParkSource(kDemo + "park.yaml");
  const twin::MeterData meters = sampleMeters(twin::compilePark(source).baseline);
  int runs = 0;
  for (auto _ : state) {
    const twin::diagnosis::Calibration c =
        twin::diagnosis::calibrate(source, meters, {"equipment.W3-CNC.duty.load"});
    runs = c.runs;
  }
  state.counters["runs"] = runs;
}
BENCHMARK(BM_CalibrateSample)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
