// The shading tests' park: a workshop with PV wherever it fits and a tower south-east of it, with
// the obstacles given (kObstacles: a chimney and a tree).
#pragma once

#include <string>

#include "twin/test_park.h"

namespace twin::test {

// A workshop with PV wherever it fits, a tower south-east of it, a chimney and a tree.
inline std::string shadedParkText(const std::string& obstacles) {
  return R"(schema: 1
site: {name: Shading park, latitude: 31.2, longitude: 121.5, utc_offset: "+08:00",
       elevation: "4 m"}
simulation: {start: 2025-01-01, end: 2025-01-02, step: 60min}
schedules:
  - id: always
    weekday: {constant: 1}
buildings:
  - {id: W1, name: Workshop, kind: workshop, footprint: [[0, 0], [40, 0], [40, 20], [0, 20]],
     height: "8 m", roof: flat}
  - {id: TOWER, name: Office tower, kind: office,
     footprint: [[45, -15], [60, -15], [60, 0], [45, 0]], height: "40 m"}
)" + smallParkNetworkYaml() +
         R"(pv:
  - id: PV-W1
    surface: roof
    building: W1
    bus: LV1
    tilt: "15 deg"
    install: wherever_possible
    module: {power: "550 W", length: "2.256 m", width: "1.133 m"}
    layout: {setback: "1 m", standoff: "0.1 m"}
)" + obstacles +
         flatTariffYaml();
}

inline const std::string kObstacles = R"(obstacles:
  - {id: CHIMNEY, kind: cylinder, center: [20, -10], radius: "1 m", height: "30 m"}
  - {id: TREE, kind: tree, center: [-6, 10], crown_radius: "3 m", crown_base: "3 m",
     height: "12 m"}
)";

}  // namespace twin::test
