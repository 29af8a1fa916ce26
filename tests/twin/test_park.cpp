#include "twin/test_park.h"

#include <gtest/gtest.h>

namespace twin::test {

std::string flatTariffYaml() {
  return R"(tariff:
  seasons:
    - name: all
      months: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]
      periods:
        - {name: flat, price: "0.8 CNY/kWh", hours: ["00:00-24:00"]}
)";
}

std::string smallParkNetworkYaml() {
  return R"(network:
  grid: {bus: PCC, contracted_capacity: "1000 kVA"}
  buses:
    - {id: PCC, voltage: "10 kV"}
    - {id: MV1, voltage: "10 kV"}
    - {id: LV1, voltage: "0.4 kV"}
  cables:
    - {id: CB1, from: PCC, to: MV1, length: "200 m", resistance: "0.2 ohm/km",
       reactance: "0.1 ohm/km", ampacity: "300 A"}
  transformers:
    - {id: TR1, from: MV1, to: LV1, rated_power: "630 kVA", no_load_loss: "0.81 kW",
       load_loss: "6.2 kW"}
)";
}

std::string smallParkYaml() {
  return R"(schema: 1
site:
  name: Test park
  latitude: 31.2
  longitude: 121.5
  utc_offset: "+08:00"
  elevation: "4 m"
simulation:
  start: 2025-01-01
  end: 2025-01-08
  step: 15min
calendar:
  holidays: [2025-01-01]
schedules:
  - id: day-shift
    weekday: {shifts: ["08:00-16:00"], on: 1.0, off: 0.1}
    weekend: {constant: 0.1}
  - id: always
    weekday: {constant: 1}
buildings:
  - id: W1
    name: Workshop
    kind: workshop
    footprint: [[0, 0], [100, 0], [100, 50], [0, 50]]
    height: "12 m"
    roof: flat
)" + smallParkNetworkYaml() +
         R"(equipment:
  - id: PUMP
    kind: pump
    building: W1
    bus: LV1
    count: 2
    motor: {rated_power: "15 kW", poles: 4, efficiency_class: IE2,
            rated_efficiency: "90.6 %", power_factor: 0.85}
    duty: {load: "80 %", schedule: day-shift}
loads:
  - id: LIGHT
    kind: lighting
    building: W1
    bus: LV1
    rated_power: "20 kW"
    power_factor: 0.95
    schedule: always
tariff:
  demand_charge: "40 CNY/kW/month"
  seasons:
    - name: all
      months: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]
      periods:
        - {name: peak, price: "1.0 CNY/kWh", hours: ["08:00-20:00"]}
        - {name: valley, price: "0.3 CNY/kWh", hours: ["20:00-08:00"]}
emissions:
  grid_factor: "0.42 kg/kWh"
scenarios:
  - name: ie4
    description: IE4 pump motors
    equipment:
      - id: PUMP
        motor: {efficiency_class: IE4, rated_efficiency: "93.9 %"}
)";
}

std::string smallParkWith(const std::string& sections) {
  return replaced(smallParkYaml(), "tariff:", sections + "tariff:");
}

CompiledPark compileDemoPark() {
  return compilePark(
      loadParkSource(std::string(PARKTWIN_SOURCE_DIR) + "/datasets/demo-park/park.yaml"));
}

CompiledPark compileText(const std::string& text) {
  return compilePark(parkSourceFromText(text, "test.yaml"));
}

std::string replaced(std::string text, const std::string& from, const std::string& to) {
  const size_t at = text.find(from);
  EXPECT_NE(at, std::string::npos) << "fixture text not found: " << from;
  if (at != std::string::npos) text.replace(at, from.size(), to);
  return text;
}

}  // namespace twin::test
