// The /model declaration: every table and column a results file stores of its park model.
#include "twin/results/model_tables.h"

#include <cmath>

#include "twin/base/text.h"
#include "twin/results/model_table_macros.h"

namespace twin::model_columns {

const Table<Site>& siteTable() {
  static const Table<Site> t{
      "site",
      "the park's site (one row)",
      PT_ONE(Site, site),
      {PT_TEXT(Site, "name", name, "site name"),
       PT_TEXT(Site, "name_zh", name_zh, "site name in Chinese, \"\" when not given"),
       PT_NUMBER(Site, "latitude_deg", "deg", 1.0, latitude_deg, "latitude, north"),
       PT_NUMBER(Site, "longitude_deg", "deg", 1.0, longitude_deg, "longitude, east"),
       PT_NUMBER(Site, "elevation_m", "m", u::m, elevation, "elevation above sea level"),
       PT_NUMBER(Site, "utc_offset_h", "h", u::hour, utc_offset_s, "local clock minus UTC")}};
  return t;
}

const Table<Building>& buildingTable() {
  static const Table<Building> t{
      "building",
      "buildings; footprints in footprint_m",
      PT_ROWS(Building, buildings),
      {PT_TEXT(Building, "id", id, "id"), PT_TEXT(Building, "name", name, "name"),
       PT_TEXT(Building, "name_zh", name_zh, "name in Chinese, \"\" when not given"),
       PT_WORD(Building, "kind", kind, kBuildingKindNames, "use of the building"),
       PT_NUMBER(Building, "height_m", "m", u::m, height, "height to the roof"),
       PT_WORD(Building, "roof", roof, kRoofKindNames, "roof shape")}};
  return t;
}

const Table<Obstacle>& obstacleTable() {
  static const Table<Obstacle> t{
      "obstacle",
      "what shades PV besides buildings (park file obstacles:); prism outlines in footprint_m",
      PT_ROWS(Obstacle, obstacles),
      {PT_TEXT(Obstacle, "id", id, "id"),
       PT_WORD(Obstacle, "kind", kind, kObstacleKindNames, "prism, cylinder or tree"),
       PT_NUMBER(Obstacle, "center_x_m", "m", u::m, center.x(), "cylinders and trees: centre east"),
       PT_NUMBER(Obstacle, "center_y_m", "m", u::m, center.y(),
                 "cylinders and trees: centre north"),
       PT_NUMBER(Obstacle, "radius_m", "m", u::m, radius, "the cylinder's or the tree crown's"),
       PT_NUMBER(Obstacle, "base_m", "m", u::m, base, "bottom above ground (a crown's base)"),
       PT_NUMBER(Obstacle, "height_m", "m", u::m, height, "top above ground")}};
  return t;
}

const Table<PresentationCamera>& cameraTable() {
  static const Table<PresentationCamera> t{
      "camera",
      "named cameras for snapshots, tours and videos (park file presentation.cameras)",
      PT_ROWS(PresentationCamera, cameras),
      {PT_TEXT(PresentationCamera, "id", id, "id"),
       PT_NUMBER(PresentationCamera, "eye_x_m", "m", u::m, eye.x(), "eye, east"),
       PT_NUMBER(PresentationCamera, "eye_y_m", "m", u::m, eye.y(), "eye, north"),
       PT_NUMBER(PresentationCamera, "eye_z_m", "m", u::m, eye.z(), "eye, up"),
       PT_NUMBER(PresentationCamera, "target_x_m", "m", u::m, target.x(), "target, east"),
       PT_NUMBER(PresentationCamera, "target_y_m", "m", u::m, target.y(), "target, north"),
       PT_NUMBER(PresentationCamera, "target_z_m", "m", u::m, target.z(), "target, up")}};
  return t;
}

const Table<TourStop>& tourStopTable() {
  static const Table<TourStop> t{
      "tour_stop",
      "camera tours, stop by stop in order (park file presentation.tours)",
      PT_ROWS(TourStop, tour_stops),
      {PT_TEXT(TourStop, "tour", tour, "the tour's id"),
       PT_REF(TourStop, "camera", camera, cameras, false, "the camera it moves to"),
       PT_NUMBER(TourStop, "move_s", "s", 1.0, move, "time to move there"),
       PT_NUMBER(TourStop, "hold_s", "s", 1.0, hold, "time it holds"),
       PT_TEXT(TourStop, "caption", caption, "caption"),
       PT_TEXT(TourStop, "caption_zh", caption_zh, "caption in Chinese")}};
  return t;
}

const Table<Bus>& busTable() {
  static const Table<Bus> t{
      "bus",
      "buses of the park network",
      PT_ROWS(Bus, network.buses),
      {PT_TEXT(Bus, "id", id, "id"), PT_NUMBER(Bus, "nominal_voltage_kV", "kV", u::kV,
                                               nominal_voltage, "nominal line-to-line voltage")}};
  return t;
}

const Table<Cable>& cableTable() {
  static const Table<Cable> t{
      "cable",
      "cables of the park network",
      PT_ROWS(Cable, network.cables),
      {PT_TEXT(Cable, "id", id, "id"),
       PT_REF(Cable, "from", from, network.buses, false, "bus towards the grid"),
       PT_REF(Cable, "to", to, network.buses, false, "bus it feeds"),
       PT_NUMBER(Cable, "length_m", "m", u::m, length, "route length"),
       PT_NUMBER(Cable, "resistance_ohm", "ohm", u::ohm, resistance, "per phase, whole length"),
       PT_NUMBER(Cable, "reactance_ohm", "ohm", u::ohm, reactance, "per phase, whole length"),
       PT_NUMBER(Cable, "ampacity_A", "A", u::A, ampacity, "current carrying capacity")}};
  return t;
}

const Table<Transformer>& transformerTable() {
  static const Table<Transformer> t{
      "transformer",
      "transformers of the park network",
      PT_ROWS(Transformer, network.transformers),
      {PT_TEXT(Transformer, "id", id, "id"),
       PT_REF(Transformer, "from", from, network.buses, false, "high-voltage bus"),
       PT_REF(Transformer, "to", to, network.buses, false, "low-voltage bus"),
       PT_NUMBER(Transformer, "rated_power_kVA", "kVA", u::kVA, rating.rated_power,
                 "rated apparent power"),
       PT_NUMBER(Transformer, "no_load_loss_kW", "kW", u::kW, rating.no_load_loss,
                 "no-load loss P0"),
       PT_NUMBER(Transformer, "load_loss_kW", "kW", u::kW, rating.load_loss,
                 "load loss Pk at rated current"),
       PT_NUMBER(Transformer, "impedance_pct", "%", u::pct, impedance, "short-circuit impedance"),
       PT_NUMBER(Transformer, "tap_pct", "%", u::pct, tap, "off-circuit tap, high-voltage side")}};
  return t;
}

const Table<Feeder>& feederTable() {
  static const Table<Feeder> t{
      "feeder",
      "per bus (bus order): the branch that feeds it",
      PT_ROWS(Feeder, network.feeders),
      {PT_WORD(Feeder, "kind", kind, Feeder::kKindNames, "grid connection, cable or transformer"),
       {"branch", "", 0.0, "id of the feeding cable or transformer, \"\" at the grid", nullptr,
        nullptr,
        [](const ParkModel& m, const Feeder& f) {
          const size_t b = static_cast<size_t>(f.branch);
          if (f.kind == Feeder::Kind::kCable) return m.network.cables[b].id;
          if (f.kind == Feeder::Kind::kTransformer) return m.network.transformers[b].id;
          return std::string();
        },
        [](const ParkModel& m, Feeder& f, const std::string& v) {
          f.branch = f.kind == Feeder::Kind::kCable         ? idIndex(m.network.cables, v)
                     : f.kind == Feeder::Kind::kTransformer ? idIndex(m.network.transformers, v)
                                                            : -1;
          return f.kind == Feeder::Kind::kGrid ? v.empty() : f.branch >= 0;
        }},
       PT_REF(Feeder, "parent", parent, network.buses, true, "bus towards the grid")}};
  return t;
}

const Table<Network>& networkTable() {
  static const Table<Network> t{
      "network",
      "settings of the park network (one row)",
      [](const ParkModel& m) { return std::vector<Network>{m.network}; },
      [](ParkModel& m, std::vector<Network>&& rows) {
        m.network.grid_bus = oneRow(rows, "network").grid_bus;
        m.network.grid_voltage = rows[0].grid_voltage;
        m.network.contracted_capacity = rows[0].contracted_capacity;
        m.network.voltage_tolerance = rows[0].voltage_tolerance;
      },
      {PT_REF(Network, "grid_bus", grid_bus, network.buses, false, "bus of the grid connection"),
       PT_NUMBER(Network, "grid_voltage_pu", "pu", 1.0, grid_voltage, "held at the grid bus"),
       PT_NUMBER(Network, "contracted_capacity_kVA", "kVA", u::kVA, contracted_capacity,
                 "contracted capacity, 0 when not given"),
       PT_NUMBER(Network, "voltage_tolerance_pct", "%", u::pct, voltage_tolerance,
                 "allowed bus voltage deviation from nominal")}};
  return t;
}

const Table<Motor>& motorTable() {
  static const Table<Motor> t{
      "motor",
      "motors and the machines they drive",
      PT_ROWS(Motor, motors),
      {PT_TEXT(Motor, "id", id, "id"), PT_TEXT(Motor, "name", name, "name"),
       PT_TEXT(Motor, "name_zh", name_zh, "name in Chinese, \"\" when not given"),
       PT_WORD(Motor, "kind", driven, kDrivenKindNames, "driven machine"),
       PT_REF(Motor, "building", building, buildings, false, "building it stands in"),
       PT_REF(Motor, "bus", bus, network.buses, false, "bus it draws from"),
       PT_NUMBER(Motor, "rated_power_kW", "kW", u::kW, nameplate.rated_power, "rated shaft power"),
       PT_NUMBER(Motor, "rated_voltage_V", "V", u::V, rated_voltage,
                 "rated voltage, 0 when not given"),
       PT_NUMBER(Motor, "rated_current_A", "A", u::A, rated_current,
                 "rated current, 0 when not given"),
       PT_NUMBER(Motor, "rated_speed_rpm", "rpm", u::rpm, rated_speed,
                 "speed at rated load, 0 when not given"),
       PT_NUMBER(Motor, "rated_efficiency_pct", "%", u::pct, nameplate.rated_efficiency,
                 "efficiency at rated load"),
       PT_WORD(Motor, "efficiency_class", efficiency_class, kEfficiencyClassNames,
               "IEC 60034-30-1 / GB 18613 class"),
       PT_NUMBER(Motor, "power_factor", "1", 1.0, nameplate.power_factor,
                 "power factor at rated load"),
       PT_NUMBER(Motor, "poles", "1", 1.0, poles, "pole count"),
       PT_NUMBER(Motor, "duty_load_pct", "%", u::pct, duty_load, "shaft load while on"),
       PT_WORD(Motor, "flow_control", flow_control, kFlowControlNames,
               "pumps and fans: how the flow is set")}};
  return t;
}

const Table<Load>& loadTable() {
  static const Table<Load> t{
      "load",
      "electrical loads other than motors",
      PT_ROWS(Load, loads),
      {PT_TEXT(Load, "id", id, "id"), PT_TEXT(Load, "name", name, "name"),
       PT_TEXT(Load, "name_zh", name_zh, "name in Chinese, \"\" when not given"),
       PT_WORD(Load, "kind", kind, kLoadKindNames, "kind of load"),
       PT_REF(Load, "building", building, buildings, false, "building it stands in"),
       PT_REF(Load, "bus", bus, network.buses, false, "bus it draws from"),
       PT_NUMBER(Load, "rated_power_kW", "kW", u::kW, rated_power, "rated electric power"),
       PT_NUMBER(Load, "power_factor", "1", 1.0, power_factor, "lagging power factor"),
       PT_NUMBER(Load, "curtailable_pct", "%", u::pct, curtailable,
                 "share a demand-response event may shed"),
       PT_NUMBER(Load, "shiftable_pct", "%", u::pct, shiftable,
                 "share a demand-response event may defer")}};
  return t;
}

const Table<PvArray>& pvTable() {
  static const Table<PvArray> t{
      "pv",
      "PV arrays; laid-out modules in module_first, module_position_m, module_rotation_deg and "
      "module_corners_m",
      PT_ROWS(PvArray, pv),
      {PT_TEXT(PvArray, "id", id, "id"),
       PT_TEXT(PvArray, "name", name, "name"),
       PT_WORD(PvArray, "surface", surface, kPvSurfaceNames, "roof, facade or ground"),
       PT_REF(PvArray, "building", building, buildings, true,
              "building it is on, \"\" on the ground"),
       PT_NUMBER(PvArray, "facade", "1", 1.0, facade,
                 "facades: footprint edge (vertex i to i + 1), else -1"),
       PT_REF(PvArray, "bus", bus, network.buses, false, "bus it feeds"),
       PT_NUMBER(PvArray, "tilt_deg", "deg", u::deg, tilt, "module tilt from horizontal"),
       PT_NUMBER(PvArray, "azimuth_deg", "deg", u::deg, azimuth,
                 "faced by the modules, clockwise from north"),
       PT_NUMBER(PvArray, "dc_capacity_kWp", "kWp", u::kWp, dc_capacity, "DC capacity at STC"),
       PT_WORD(PvArray, "install", filled, kInstallWords,
               "sized as given, or laid out wherever it fits"),
       PT_NUMBER(PvArray, "module_area_m2", "m2", u::m2, module_area,
                 "total module area, 0 when unknown"),
       PT_NUMBER(PvArray, "module_power_W", "W", u::W, module_power,
                 "module power at STC, 0 when sized by capacity"),
       PT_NUMBER(PvArray, "module_length_m", "m", u::m, module_size.length,
                 "laid-out modules: long side"),
       PT_NUMBER(PvArray, "module_width_m", "m", u::m, module_size.width,
                 "laid-out modules: short side"),
       PT_WORD(PvArray, "orientation", portrait, kOrientationWords,
               "laid-out modules: long side across the row (portrait) or along it"),
       PT_NUMBER(PvArray, "dc_ac_ratio", "1", 1.0, dc_ac_ratio, "DC capacity / inverter AC rating"),
       PT_NUMBER(PvArray, "inverter_efficiency_pct", "%", u::pct, inverter_efficiency,
                 "nominal inverter efficiency"),
       PT_NUMBER(PvArray, "losses_pct", "%", u::pct, losses, "PVWatts system losses"),
       PT_WORD(PvArray, "shading", shading, kShadingWords, "shaded by the park's geometry or not"),
       PT_NUMBER(PvArray, "standoff_m", "m", u::m, standoff, "laid-out modules off their surface"),
       PT_NUMBER(PvArray, "modules_per_string", "1", 1.0, modules_per_string,
                 "laid-out modules in series on a string"),
       PT_NUMBER(PvArray, "spots_left_for_shade", "1", 1.0, spots_left_for_shade,
                 "laid-out spots left empty by max_shading_loss")}};
  return t;
}

const Table<Storage>& storageTable() {
  static const Table<Storage> t{
      "storage",
      "stationary batteries",
      PT_ROWS(Storage, storage),
      {PT_TEXT(Storage, "id", id, "id"), PT_TEXT(Storage, "name", name, "name"),
       PT_REF(Storage, "bus", bus, network.buses, false, "bus it is connected to"),
       PT_NUMBER(Storage, "energy_capacity_kWh", "kWh", u::kWh, rating.energy_capacity,
                 "usable energy at beginning of life"),
       PT_NUMBER(Storage, "charge_power_kW", "kW", u::kW, rating.charge_power, "AC charge limit"),
       PT_NUMBER(Storage, "discharge_power_kW", "kW", u::kW, rating.discharge_power,
                 "AC discharge limit"),
       PT_NUMBER(Storage, "initial_soc_pct", "%", u::pct, initial_soc, "state of charge at start"),
       PT_WORD(Storage, "policy", policy, kDispatchPolicyNames, "dispatch policy")}};
  return t;
}

const Table<EvChargerGroup>& evChargerTable() {
  static const Table<EvChargerGroup> t{
      "ev_charger",
      "groups of identical EV chargers",
      PT_ROWS(EvChargerGroup, ev_chargers),
      {PT_TEXT(EvChargerGroup, "id", id, "id"), PT_TEXT(EvChargerGroup, "name", name, "name"),
       PT_REF(EvChargerGroup, "bus", bus, network.buses, false, "bus it draws from"),
       PT_NUMBER(EvChargerGroup, "chargers", "1", 1.0, chargers, "chargers in the group"),
       PT_NUMBER(EvChargerGroup, "charger_power_kW", "kW", u::kW, charger_power,
                 "AC power per charger"),
       PT_WORD(EvChargerGroup, "control", control, kChargingControlNames, "charging control")}};
  return t;
}

}  // namespace twin::model_columns

namespace twin {

std::vector<ModelColumnInfo> modelColumns() {
  std::vector<ModelColumnInfo> out;
  model_columns::forEachTable([&](const auto& table) {
    for (const auto& c : table.columns) out.push_back({table.name, c.name, c.units, c.meaning});
  });
  return out;
}

}  // namespace twin
