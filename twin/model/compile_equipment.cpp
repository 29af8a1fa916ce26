// Compiles buildings, motor-driven equipment and other loads. An entry with `count: N` stands
// for N identical items with ids ID-01 .. ID-N.
#include <fmt/format.h>

#include <cmath>

#include "physics/motor_efficiency.h"
#include "physics/units.h"
#include "twin/base/polygon.h"
#include "twin/base/text.h"
#include "twin/model/compile_context.h"

namespace twin {
namespace {

namespace u = physics::units;

constexpr QuantityField kHeight{"height", Dimension::kLength, 0, 1000, true, "m", u::m};
constexpr QuantityField kMotorPower{"rated_power", Dimension::kPower, 0, 20 * u::MW, true, "kW",
                                    u::kW};
constexpr QuantityField kMotorVoltage{
    "rated_voltage", Dimension::kVoltage, 100, 15 * u::kV, false, "V", u::V};
constexpr QuantityField kEfficiency{
    "rated_efficiency", Dimension::kFraction, 0, 0.999, true, "%", u::pct};
constexpr QuantityField kPowerFactor{"power_factor", Dimension::kDimensionless, 0, 1, true, "", 1};
constexpr QuantityField kDutyLoad{"load", Dimension::kFraction, 0, 1.25, false, "%", u::pct};
constexpr QuantityField kDutyFlow{"flow", Dimension::kFraction, 0, 1, false, "%", u::pct};
constexpr QuantityField kCoolingCapacity{"capacity", Dimension::kPower, 0, 50 * u::MW, true, "kW",
                                         u::kW};
constexpr QuantityField kCop{"cop", Dimension::kDimensionless, 1, 15, false, "", 1};
constexpr QuantityField kLeak{"leak", Dimension::kFraction, 0, 0.9, false, "%", u::pct};
constexpr QuantityField kStaticShare{"static_share", Dimension::kFraction, 0, 0.95, false, "%",
                                     u::pct};
constexpr QuantityField kDriveEfficiency{
    "drive_efficiency", Dimension::kFraction, 0.5, 1, true, "%", u::pct};
constexpr QuantityField kLoadPower{"rated_power", Dimension::kPower, 0, 100 * u::MW, true, "kW",
                                   u::kW};

// Expands an entry's id by its count; claims every id (the group id too, for overlays).
std::vector<std::string> expandedIds(const Node& node, const std::string& path, CompileContext& c) {
  const std::optional<std::string> id = c.r.id(node, "id", path);
  const long count = c.r.integer(node, "count", 1, 100000, path, false).value_or(1);
  if (!id) return {};
  const SourceLoc& loc = node.find("id")->loc;
  if (!c.claimId(*id, loc, keyPath(path, "id"))) return {};
  if (!node.find("count")) return {*id};
  const int width = std::max(2, static_cast<int>(std::to_string(count).size()));
  std::vector<std::string> ids;
  for (long k = 1; k <= count; ++k) {
    std::string suffix = std::to_string(k);
    suffix.insert(0, static_cast<size_t>(width) - suffix.size(), '0');
    ids.push_back(*id + "-" + suffix);
    c.claimId(ids.back(), loc, keyPath(path, "id"));
  }
  return ids;
}

void compileBuilding(const Node& n, const std::string& path, CompileContext& c) {
  if (!c.r.expectMap(n, path)) return;
  c.r.checkKeys(n, {"id", "name", "name_zh", "kind", "footprint", "height", "roof"}, path);
  Building b;
  b.id = c.r.id(n, "id", path).value_or("");
  b.name = c.r.text(n, "name", path, false).value_or(b.id);
  b.name_zh = c.r.text(n, "name_zh", path, false).value_or("");
  b.kind =
      static_cast<BuildingKind>(c.r.choice(n, "kind", kBuildingKindNames, path, true).value_or(5));
  b.height = c.r.quantity(n, kHeight, path, true).value_or(0.0);
  b.roof = static_cast<RoofKind>(c.r.choice(n, "roof", kRoofKindNames, path, false).value_or(0));
  if (const Node* fp = c.r.required(n, "footprint", path)) {
    b.footprint = readPolygon(*fp, keyPath(path, "footprint"), c);
  }
  if (!b.id.empty() && c.claimId(b.id, n.find("id")->loc, keyPath(path, "id"))) {
    c.buildings.emplace(b.id, static_cast<int>(c.model.buildings.size()));
  }
  c.model.buildings.push_back(std::move(b));
}

// The grid frequency motors are rated at in China (GB/T 156): synchronous speed 2 f / poles.
constexpr double kGridFrequency = 50.0;
// A rated current further than this from P / (sqrt(3) V eff pf) is reported as implausible.
constexpr double kCurrentTolerance = 0.25;

// rated_speed (below the synchronous speed of the poles at 50 Hz) and rated_current (warned when
// far from what the rating, voltage, efficiency and power factor give).
void readSpeedAndCurrent(const Node& n, const std::string& path, CompileContext& c,
                         const physics::MotorNameplate& np, Motor& m) {
  constexpr QuantityField kSpeed{
      "rated_speed", Dimension::kRotationalSpeed, 0, 3600 * u::rpm, true, "rpm", u::rpm};
  constexpr QuantityField kCurrent{"rated_current", Dimension::kCurrent, 0, 1e5, true, "A", u::A};
  m.rated_speed = c.r.quantity(n, kSpeed, path, false).value_or(0.0);
  const double synchronous = 2 * u::pi * kGridFrequency / (m.poles / 2.0);
  if (m.rated_speed >= synchronous) {
    c.r.error(n.find("rated_speed")->loc, keyPath(path, "rated_speed"),
              fmt::format("expected a speed below the synchronous {:g} rpm of a {}-pole motor at "
                          "50 Hz, got \"{}\"",
                          synchronous / u::rpm, m.poles, n.find("rated_speed")->scalar));
  }
  m.rated_current = c.r.quantity(n, kCurrent, path, false).value_or(0.0);
  const double volts = m.rated_voltage > 0 ? m.rated_voltage
                       : m.bus < static_cast<int>(c.model.network.buses.size())
                           ? c.model.network.buses[static_cast<size_t>(m.bus)].nominal_voltage
                           : 0.0;
  if (m.rated_current <= 0 || volts <= 0 || np.rated_efficiency <= 0) return;
  const double expected =
      np.rated_power / (std::sqrt(3.0) * volts * np.rated_efficiency * np.power_factor);
  if (std::abs(m.rated_current / expected - 1) > kCurrentTolerance) {
    c.r.warning(
        n.find("rated_current")->loc, keyPath(path, "rated_current"),
        fmt::format("expected about {:.1f} A (rated power / (sqrt 3 x {:g} V x efficiency x "
                    "power factor)), got \"{}\": check the nameplate",
                    expected, volts, n.find("rated_current")->scalar));
  }
}

std::optional<physics::MotorNameplate> readMotor(const Node& n, const std::string& path,
                                                 CompileContext& c, Motor& m) {
  if (!c.r.expectMap(n, path)) return std::nullopt;
  c.r.checkKeys(n,
                {"rated_power", "rated_voltage", "poles", "efficiency_class", "rated_efficiency",
                 "power_factor", "rated_current", "rated_speed"},
                path);
  physics::MotorNameplate np;
  np.rated_power = c.r.quantity(n, kMotorPower, path, true).value_or(1.0);
  const std::optional<double> efficiency = c.r.quantity(n, kEfficiency, path, false);
  np.power_factor = c.r.quantity(n, kPowerFactor, path, true).value_or(1.0);
  m.rated_voltage = c.r.quantity(n, kMotorVoltage, path, false).value_or(0.0);
  if (std::optional<int> poles = c.r.choice(n, "poles", {"2", "4", "6", "8"}, path, false)) {
    m.poles = 2 * (*poles + 1);
  }
  m.efficiency_class = static_cast<EfficiencyClass>(
      c.r.choice(n, "efficiency_class", physics::kMotorClassNames, path, false)
          .value_or(static_cast<int>(EfficiencyClass::kUnknown)));
  // A nameplate efficiency wins; a class alone gives its table's value (IEC 60034-30-1, GB 18613).
  if (efficiency) {
    np.rated_efficiency = *efficiency;
  } else if (n.find("rated_efficiency")) {
    // Reported as malformed already.
  } else if (m.efficiency_class == EfficiencyClass::kUnknown) {
    c.r.error(n.loc, path, "expected rated_efficiency or efficiency_class, got neither");
  } else {
    const auto cls = static_cast<physics::MotorClass>(m.efficiency_class);
    const std::optional<double> table = physics::ratedEfficiency(cls, np.rated_power, m.poles);
    if (table) {
      np.rated_efficiency = *table;
    } else {
      c.r.error(n.find("efficiency_class")->loc, keyPath(path, "efficiency_class"),
                "expected a class whose table covers the motor (" +
                    std::string(physics::coverage(cls).text) + "), got " +
                    n.find("efficiency_class")->scalar + " for " +
                    fmt::format("{:g} kW, {} poles", np.rated_power / u::kW, m.poles) +
                    "; give rated_efficiency");
    }
  }
  readSpeedAndCurrent(n, path, c, np, m);
  return np;
}

// compressor: {control: load_unload | modulation | vsd, leak}, air compressors only.
void readCompressor(const Node& n, const std::string& path, CompileContext& c, Motor& m) {
  const Node* cm = n.find("compressor");
  if (!cm) return;
  const std::string cpath = keyPath(path, "compressor");
  if (m.driven != DrivenKind::kAirCompressor) {
    c.r.error(cm->loc, cpath, "expected a compressor map only on an air_compressor");
    return;
  }
  if (!c.r.expectMap(*cm, cpath)) return;
  c.r.checkKeys(*cm, {"control", "leak"}, cpath);
  m.compressor = true;
  m.compressor_control = static_cast<physics::CompressorControl>(
      c.r.choice(*cm, "control", {"load_unload", "modulation", "vsd"}, cpath, true).value_or(0));
  m.leak = c.r.quantity(*cm, kLeak, cpath, false).value_or(0.0);
}

// flow_control: {method: throttle | vsd, static_share, drive_efficiency}, pumps and fans only.
void readFlowControl(const Node& n, const std::string& path, CompileContext& c, Motor& m) {
  const Node* fc = n.find("flow_control");
  const Node* flow = n.find("duty") ? n.find("duty")->find("flow") : nullptr;
  if (!fc) {
    if (flow && !m.compressor) {
      c.r.error(flow->loc, keyPath(path, "duty.flow"),
                "expected duty.flow only with flow_control or a compressor map (the duty load is "
                "the shaft load)");
    }
    return;
  }
  const std::string fpath = keyPath(path, "flow_control");
  if (m.driven != DrivenKind::kPump && m.driven != DrivenKind::kFan) {
    c.r.error(fc->loc, fpath, "expected flow_control only on a pump or a fan");
    return;
  }
  if (!c.r.expectMap(*fc, fpath)) return;
  c.r.checkKeys(*fc, {"method", "static_share", "drive_efficiency"}, fpath);
  m.flow_control = c.r.choice(*fc, "method", {"throttle", "vsd"}, fpath, true).value_or(0) == 0
                       ? FlowControl::kThrottle
                       : FlowControl::kSpeed;
  m.static_share = c.r.quantity(*fc, kStaticShare, fpath, false).value_or(0.0);
  m.drive_efficiency =
      c.r.quantity(*fc, kDriveEfficiency, fpath, false)
          .value_or(m.flow_control == FlowControl::kSpeed ? kTypicalDriveEfficiency : 1.0);
  if (m.flow_control == FlowControl::kThrottle && fc->find("drive_efficiency")) {
    c.r.error(fc->find("drive_efficiency")->loc, keyPath(fpath, "drive_efficiency"),
              "expected a drive efficiency only with method: vsd");
  }
}

void compileMotorEntry(const Node& n, const std::string& path, CompileContext& c) {
  if (!c.r.expectMap(n, path)) return;
  c.r.checkKeys(n,
                {"id", "name", "name_zh", "kind", "building", "bus", "count", "motor", "duty",
                 "flow_control", "compressor"},
                path);
  Motor m;
  const std::vector<std::string> ids = expandedIds(n, path, c);
  m.name = c.r.text(n, "name", path, false).value_or(ids.empty() ? "" : ids.front());
  m.name_zh = c.r.text(n, "name_zh", path, false).value_or("");
  m.driven =
      static_cast<DrivenKind>(c.r.choice(n, "kind", kDrivenKindNames, path, true).value_or(6));
  m.building = c.reference(n, "building", c.buildings, "building", path).value_or(0);
  const std::optional<int> bus = c.reference(n, "bus", c.buses, "bus", path);
  m.bus = bus.value_or(0);
  if (const Node* motor = c.r.required(n, "motor", path)) {
    if (auto np = readMotor(*motor, keyPath(path, "motor"), c, m)) m.nameplate = *np;
    // A motor's rated voltage must suit its bus (within 10 %: 380 V motors on 400 V buses).
    const double v_bus = bus ? c.model.network.buses[*bus].nominal_voltage : 0.0;
    if (m.rated_voltage > 0 && v_bus > 0 && std::abs(m.rated_voltage - v_bus) > 0.1 * v_bus) {
      c.r.error(motor->find("rated_voltage")->loc, keyPath(path, "motor.rated_voltage"),
                "expected a voltage within 10 % of bus \"" + n.find("bus")->scalar + "\" (" +
                    voltageText(v_bus) + "), got " + quote(motor->find("rated_voltage")->scalar));
    }
  }
  if (const Node* duty = c.r.required(n, "duty", path);
      duty && c.r.expectMap(*duty, keyPath(path, "duty"))) {
    const std::string dpath = keyPath(path, "duty");
    c.r.checkKeys(*duty, {"load", "flow", "schedule"}, dpath);
    m.duty_load = c.r.quantity(*duty, kDutyLoad, dpath, true).value_or(0.0);
    m.duty_flow = c.r.quantity(*duty, kDutyFlow, dpath, false).value_or(1.0);
    m.schedule = c.reference(*duty, "schedule", c.schedules, "schedule", dpath).value_or(0);
  }
  readCompressor(n, path, c, m);
  readFlowControl(n, path, c, m);
  m.entry = n.find("id") ? n.find("id")->scalar : "";
  for (const std::string& id : ids) {
    m.id = id;
    c.model.motors.push_back(m);
  }
}

// cooling: {capacity, cop} of an air-cooled air conditioner, on hvac loads; rated_power is then
// derived.
void readCooling(const Node& n, const std::string& path, CompileContext& c, Load& l) {
  if (l.kind != LoadKind::kHvac) {
    c.r.error(n.loc, path, "expected a cooling map only on an hvac load");
    return;
  }
  if (!c.r.expectMap(n, path)) return;
  c.r.checkKeys(n, {"capacity", "cop"}, path);
  l.cooling = true;
  l.cooling_capacity = c.r.quantity(n, kCoolingCapacity, path, true).value_or(0.0);
  l.cooling_cop = c.r.quantity(n, kCop, path, true).value_or(1.0);
  l.rated_power = l.cooling_capacity / l.cooling_cop;
}

// Demand-response shares of a load: what an event may shed and what it may defer.
void readFlexibility(const Node& n, const std::string& path, CompileContext& c, Load& l) {
  if (!c.r.expectMap(n, path)) return;
  c.r.checkKeys(n, {"curtailable", "shiftable", "shift_window"}, path);
  constexpr QuantityField kCurtailable{"curtailable", Dimension::kFraction, 0, 1, false, "%",
                                       u::pct};
  constexpr QuantityField kShiftable{"shiftable", Dimension::kFraction, 0, 1, false, "%", u::pct};
  l.curtailable = c.r.quantity(n, kCurtailable, path, false).value_or(0.0);
  l.shiftable = c.r.quantity(n, kShiftable, path, false).value_or(0.0);
  if (l.curtailable + l.shiftable > 1.0) {
    c.r.error(n.loc, path, "expected curtailable + shiftable of at most 100 %");
  }
  constexpr QuantityField kWindow{"shift_window", Dimension::kDuration, 0, 86400, true, "h",
                                  u::hour};
  l.shift_window = c.r.quantity(n, kWindow, path, false).value_or(0.0);
  if (l.shift_window > 0.0 && !(l.shiftable > 0.0)) {
    c.r.error(n.find("shift_window")->loc, keyPath(path, "shift_window"),
              "expected a shiftable share above 0 for the optimal dispatch to defer");
  }
}

void compileLoadEntry(const Node& n, const std::string& path, CompileContext& c) {
  if (!c.r.expectMap(n, path)) return;
  c.r.checkKeys(n,
                {"id", "name", "name_zh", "kind", "building", "bus", "count", "rated_power",
                 "power_factor", "schedule", "cooling", "flexibility"},
                path);
  Load l;
  const std::vector<std::string> ids = expandedIds(n, path, c);
  l.name = c.r.text(n, "name", path, false).value_or(ids.empty() ? "" : ids.front());
  l.name_zh = c.r.text(n, "name_zh", path, false).value_or("");
  l.kind = static_cast<LoadKind>(c.r.choice(n, "kind", kLoadKindNames, path, true).value_or(5));
  l.building = c.reference(n, "building", c.buildings, "building", path).value_or(0);
  l.bus = c.reference(n, "bus", c.buses, "bus", path).value_or(0);
  if (const Node* cooling = n.find("cooling")) {
    readCooling(*cooling, keyPath(path, "cooling"), c, l);
    if (const Node* rated = n.find("rated_power")) {
      c.r.error(rated->loc, keyPath(path, "rated_power"),
                "expected no rated_power with cooling (the input is capacity / cop at the rating "
                "point and follows the load and outdoor temperature)");
    }
  } else {
    l.rated_power = c.r.quantity(n, kLoadPower, path, true).value_or(0.0);
  }
  l.power_factor = c.r.quantity(n, kPowerFactor, path, true).value_or(1.0);
  l.schedule = c.reference(n, "schedule", c.schedules, "schedule", path).value_or(0);
  if (const Node* flex = n.find("flexibility"))
    readFlexibility(*flex, keyPath(path, "flexibility"), c, l);
  l.entry = n.find("id") ? n.find("id")->scalar : "";
  for (const std::string& id : ids) {
    l.id = id;
    c.model.loads.push_back(l);
  }
}

}  // namespace

std::vector<Eigen::Vector2d> readPolygon(const Node& list, const std::string& path,
                                         CompileContext& c) {
  std::vector<Eigen::Vector2d> polygon;
  if (!c.r.expectSequence(list, path)) return polygon;
  for (size_t i = 0; i < list.items.size(); ++i) {
    const Node& v = list.items[i];
    double x = 0, y = 0;
    if (!v.isSequence() || v.items.size() != 2 || !parseNumber(v.items[0].scalar, x) ||
        !parseNumber(v.items[1].scalar, y)) {
      c.r.error(v.loc, indexPath(path, i), "expected a vertex [east_m, north_m]");
      continue;
    }
    if (!(std::abs(x) <= kMaxSiteExtent && std::abs(y) <= kMaxSiteExtent)) {
      c.r.error(v.loc, indexPath(path, i),
                "expected a vertex [east_m, north_m] " + std::string(kSiteExtentRule));
      continue;
    }
    polygon.emplace_back(x, y);
  }
  if (list.items.size() < 3 || signedArea(polygon) == 0.0 || !std::isfinite(signedArea(polygon))) {
    c.r.error(list.loc, path, "expected a polygon of at least 3 vertices enclosing an area");
  }
  return polygon;
}

void compileBuildings(const Node& root, CompileContext& c) {
  forEachEntry(root, "buildings", true, c, compileBuilding);
}

void compileEquipment(const Node& root, CompileContext& c) {
  forEachEntry(root, "equipment", false, c, compileMotorEntry);
}

void compileLoads(const Node& root, CompileContext& c) {
  forEachEntry(root, "loads", false, c, compileLoadEntry);
}

}  // namespace twin
