#include "twin/engine/series.h"

#include "physics/units.h"

namespace twin {

namespace u = physics::units;
using K = ColumnKind;

const std::array<SeriesDecl, kSeriesCount> kSeries = {{
    {K::kWeather, "weather", "ghi_W_m2", "W/m2", u::W / u::m2,
     "global horizontal irradiance (mean over the weather hour)"},
    {K::kWeather, "weather", "dni_W_m2", "W/m2", u::W / u::m2, "direct normal irradiance"},
    {K::kWeather, "weather", "dhi_W_m2", "W/m2", u::W / u::m2, "diffuse horizontal irradiance"},
    {K::kWeather, "weather", "temp_air_degC", "degC", u::K, "dry-bulb air temperature",
     u::kZeroCelsius},
    {K::kWeather, "weather", "wind_speed_m_s", "m/s", 1.0, "wind speed at 10 m"},
    {K::kWeather, "weather", "sun_zenith_deg", "deg", u::deg,
     "apparent (refracted) solar zenith angle at the middle of the step (NREL SPA)"},
    {K::kWeather, "weather", "sun_azimuth_deg", "deg", u::deg,
     "solar azimuth, clockwise from north, at the middle of the step"},
    {K::kPv, "pv", "poa_global_W_m2", "W/m2", u::W / u::m2,
     "irradiance on the plane of the array (beam + sky + ground)"},
    {K::kPv, "pv", "temp_cell_degC", "degC", u::K, "cell temperature", u::kZeroCelsius},
    {K::kPv, "pv", "dc_power_kW", "kW", u::kW, "DC power after system losses"},
    {K::kPv, "pv", "ac_power_kW", "kW", u::kW, "AC power out of the inverter"},
    {K::kPv, "pv", "beam_shading_pct", "%", u::pct,
     "effective beam shaded by the park's geometry (bypass diodes included; docs/shading.md)"},
    {K::kPv, "pv", "shading_loss_kW", "kW", u::kW,
     "AC power the same array would give unshaded, minus what it gives"},
    {K::kMotor, "motor", "shaft_power_kW", "kW", u::kW, "mechanical power delivered to the load"},
    {K::kMotor, "motor", "input_power_kW", "kW", u::kW, "electrical active power drawn"},
    {K::kMotor, "motor", "reactive_power_kvar", "kvar", u::kvar, "reactive power drawn"},
    {K::kMotor, "motor", "losses_kW", "kW", u::kW, "input minus shaft power"},
    {K::kMotor, "motor", "load_pct", "%", u::pct, "shaft power / rated power"},
    {K::kMotor, "motor", "efficiency_pct", "%", u::pct,
     "shaft / input power at the step's load (0 when stopped)"},
    {K::kLoad, "load", "power_kW", "kW", u::kW, "active power drawn"},
    {K::kLoad, "load", "reactive_power_kvar", "kvar", u::kvar, "reactive power drawn"},
    {K::kEv, "ev", "power_kW", "kW", u::kW, "AC power drawn by the charger group"},
    {K::kStorage, "storage", "power_kW", "kW", u::kW,
     "AC power at the battery terminals (positive: discharging into the bus)"},
    {K::kStorage, "storage", "soc_pct", "%", u::pct, "state of charge at the end of the step"},
    {K::kStorage, "storage", "capacity_fade_pct", "%", u::pct,
     "capacity lost to calendar and cycle ageing, of the nameplate"},
    {K::kBus, "bus", "load_kW", "kW", u::kW, "active power of the loads connected to the bus"},
    {K::kBus, "bus", "load_kvar", "kvar", u::kvar, "reactive power of the loads on the bus"},
    {K::kBus, "bus", "pv_kW", "kW", u::kW, "AC power of the PV arrays connected to the bus"},
    {K::kBus, "bus", "storage_kW", "kW", u::kW,
     "AC power of the batteries on the bus (positive: discharging)"},
    {K::kBus, "bus", "voltage_pu", "pu", 1.0,
     "voltage magnitude, of the bus's nominal voltage (AC power flow)"},
    {K::kTransformer, "transformer", "hv_power_kW", "kW", u::kW,
     "active power into the high-voltage side (negative: reverse flow)"},
    {K::kTransformer, "transformer", "loading_pct", "%", u::pct,
     "low-voltage current / rated current"},
    {K::kTransformer, "transformer", "losses_kW", "kW", u::kW,
     "no-load (at the step's voltage) plus load losses"},
    {K::kCable, "cable", "power_kW", "kW", u::kW,
     "active power into the cable at its end towards the grid (negative: flowing back to the "
     "grid)"},
    {K::kCable, "cable", "current_A", "A", u::A, "phase current at the end towards the grid"},
    {K::kCable, "cable", "loading_pct", "%", u::pct, "current / ampacity"},
    {K::kCable, "cable", "losses_kW", "kW", u::kW, "resistive losses, three phases"},
    {K::kPark, "park", "grid_import_kW", "kW", u::kW,
     "active power imported at the grid bus (negative: exported)"},
    {K::kPark, "park", "demand_kW", "kW", u::kW,
     "active power of all motors, loads and EV chargers"},
    {K::kPark, "park", "network_losses_kW", "kW", u::kW, "transformer plus cable losses"},
    {K::kPark, "park", "pv_kW", "kW", u::kW, "AC power of all PV arrays"},
    {K::kPark, "park", "ev_kW", "kW", u::kW, "AC power of all EV chargers"},
    {K::kPark, "park", "storage_kW", "kW", u::kW,
     "AC power of all batteries (positive: discharging)"},
    {K::kPark, "park", "flexible_kW", "kW", u::kW,
     "reduction of import available to a demand-response event at the step: curtailable and "
     "shiftable loads, managed EV charging, battery discharge headroom"},
    {K::kPark, "park", "flex_up_1h_kW", "kW", u::kW,
     "reduction of import the park could hold for 1 h from the step: curtailable and shiftable "
     "loads, managed EV charging, and the extra discharge each battery's power and stored "
     "energy allow for 1 h"},
    {K::kPark, "park", "flex_up_2h_kW", "kW", u::kW, "the same, held for 2 h"},
    {K::kPark, "park", "flex_down_1h_kW", "kW", u::kW,
     "increase of import the park could hold for 1 h from the step: the extra charging each "
     "battery's power and room below soc_max allow for 1 h"},
    {K::kPark, "park", "flex_down_2h_kW", "kW", u::kW, "the same, held for 2 h"},
    {K::kPark, "park", "dr_delivered_kW", "kW", u::kW,
     "reduction of demand delivered to a demand-response event (negative: the rebound after it)"},
    {K::kPark, "park", "power_flow_converged", "1", 1.0,
     "1 when the step's AC power flow converged; 0: its network values are NaN and the import "
     "is the lossless balance"},
    {K::kPark, "park", "power_flow_iterations", "1", 1.0,
     "sweeps or Newton iterations the step's power flow took"},
    {K::kPark, "park", "power_flow_mismatch_kVA", "kVA", u::kVA,
     "largest bus power mismatch left by the step's power flow"},
}};

std::vector<std::string> columnIds(const ParkModel& model, ColumnKind kind) {
  std::vector<std::string> ids;
  auto collect = [&](const auto& items) {
    for (const auto& item : items) ids.push_back(item.id);
  };
  switch (kind) {
    case K::kWeather:
      ids.push_back("site");
      break;
    case K::kPv:
      collect(model.pv);
      break;
    case K::kMotor:
      collect(model.motors);
      break;
    case K::kLoad:
      collect(model.loads);
      break;
    case K::kEv:
      collect(model.ev_chargers);
      break;
    case K::kStorage:
      collect(model.storage);
      break;
    case K::kBus:
      collect(model.network.buses);
      break;
    case K::kTransformer:
      collect(model.network.transformers);
      break;
    case K::kCable:
      collect(model.network.cables);
      break;
    case K::kPark:
      ids.push_back("park");
      break;
  }
  return ids;
}

size_t columnCount(const ParkModel& model, ColumnKind kind) {
  switch (kind) {
    case K::kWeather:
      return 1;
    case K::kPv:
      return model.pv.size();
    case K::kMotor:
      return model.motors.size();
    case K::kLoad:
      return model.loads.size();
    case K::kEv:
      return model.ev_chargers.size();
    case K::kStorage:
      return model.storage.size();
    case K::kBus:
      return model.network.buses.size();
    case K::kTransformer:
      return model.network.transformers.size();
    case K::kCable:
      return model.network.cables.size();
    case K::kPark:
      return 1;
  }
  return 0;
}

}  // namespace twin
