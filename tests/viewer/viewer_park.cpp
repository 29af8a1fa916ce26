#include "viewer_park.h"

#include <unistd.h>

#include <filesystem>

#include "twin/engine/engine.h"
#include "twin/model/compile_park.h"
#include "twin/results/results_writer.h"
#include "twin/test_park.h"

namespace viewer::testing {

std::string viewerParkYaml() {
  return R"(schema: 1
site:
  name: Viewer test park
  latitude: 31.2
  longitude: 121.5
  utc_offset: "+08:00"
simulation:
  start: 2025-06-21
  end: 2025-06-22
  step: 15min
schedules:
  - id: always
    weekday: {constant: 1}
  - id: light-duty
    weekday: {constant: 0.25}
buildings:
  - {id: W1, name: Workshop, kind: workshop, footprint: [[0, 0], [60, 0], [60, 30], [0, 30]],
     height: "10 m", roof: flat}
  - {id: CT, name: Canteen, kind: canteen, footprint: [[80, 0], [110, 0], [110, 20], [80, 20]],
     height: "6 m", roof: flat}
)" + twin::test::smallParkNetworkYaml() +
         R"(equipment:
  - id: PUMP
    kind: pump
    building: CT
    bus: LV1
    motor: {rated_power: "15 kW", poles: 4, efficiency_class: IE2, rated_efficiency: "90.6 %",
            power_factor: 0.85}
    duty: {load: "80 %", schedule: light-duty}
loads:
  - {id: LIGHT, kind: lighting, building: W1, bus: LV1, rated_power: "20 kW", power_factor: 0.95,
     schedule: always}
pv:
  - id: PV-W1
    name: Workshop roof
    surface: roof
    building: W1
    bus: LV1
    tilt: "10 deg"
    install: wherever_possible
    module: {power: "550 W", length: "2.256 m", width: "1.133 m"}
    layout: {setback: "2 m"}
tariff:
  seasons:
    - name: all
      months: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]
      periods:
        - {name: flat, price: "0.7 CNY/kWh", hours: ["00:00-24:00"]}
presentation:
  cameras:
    - {id: roof, target: [30, 15, 10], distance: "80 m", heading: "0 deg", pitch: "40 deg"}
    - {id: canteen, target: [95, 10, 3], distance: "60 m", heading: "90 deg", pitch: "30 deg"}
  tours:
    - id: short
      stops:
        - {camera: roof, hold: "1 s", caption: "The roof", caption_zh: "屋顶"}
        - {camera: canteen, move: "1 s", hold: "1 s", caption: "The canteen", caption_zh: "食堂"}
scenarios:
  - name: no-pv-tilt
    description: Flat modules
    pv:
      - {id: PV-W1, tilt: "0 deg"}
)";
}

namespace {

// The results file, removed when the test binary exits.
struct ResultsFile {
  std::string path;
  ~ResultsFile() {
    std::error_code ec;
    std::filesystem::remove(path, ec);
  }
};

}  // namespace

const std::string& viewerResultsPath() {
  static const ResultsFile file{[] {
    const std::string text = viewerParkYaml();
    const twin::ParkSource source = twin::parkSourceFromText(text, "viewer_park.yaml");
    const twin::CompiledPark park = twin::compilePark(source);
    const twin::TimeGrid grid = twin::makeTimeGrid(park.baseline, {});
    const std::string out = (std::filesystem::temp_directory_path() /
                             ("parktwin_viewer_test_" + std::to_string(getpid()) + ".h5"))
                                .string();
    twin::ResultsWriter writer(out, twin::RunMeta{text, "", "viewer test", "", ""}, grid);
    twin::BlockSink& base = writer.beginScenario(park.baseline, "baseline");
    writer.endScenario(twin::runSimulation(park.baseline, grid, &base));
    twin::BlockSink& flat = writer.beginScenario(park.scenarios[0], "flat");
    writer.endScenario(twin::runSimulation(park.scenarios[0], grid, &flat));
    writer.commit();
    return out;
  }()};
  return file.path;
}

}  // namespace viewer::testing
