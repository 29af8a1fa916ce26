// Compiles the `pv` section: PV arrays on roofs, facades and the ground, sized by a rated
// capacity, by a module-covered area, or by "install wherever possible" (能装尽装): the surface is
// filled with modules by physics::layoutModules and the array gets the kWp that fitted.
#include <fmt/format.h>

#include <cmath>

#include "physics/units.h"
#include "twin/base/polygon.h"
#include "twin/base/text.h"
#include "twin/model/compile_context.h"
#include "twin/model/layout_room.h"
#include "twin/model/module_shading.h"
#include "twin/model/pv_geometry.h"
#include "twin/model/shade_filter.h"

namespace twin {
namespace {

namespace u = physics::units;

constexpr QuantityField kCapacity{"capacity", Dimension::kPower, 0, 1e3 * u::MW, true, "kWp",
                                  u::kWp};
constexpr QuantityField kArea{"area", Dimension::kArea, 0, 1e7, true, "m2", u::m2};
constexpr QuantityField kTilt{"tilt", Dimension::kAngle, 0, 90 * u::deg, false, "deg", u::deg};
constexpr QuantityField kAzimuth{"azimuth", Dimension::kAngle, 0, 360 * u::deg, false, "deg",
                                 u::deg};
constexpr QuantityField kDcAcRatio{"dc_ac_ratio", Dimension::kDimensionless, 0.5, 3, false, "", 1};
constexpr QuantityField kInverterEfficiency{
    "inverter_efficiency", Dimension::kFraction, 0.5, 1, false, "%", u::pct};
constexpr QuantityField kLosses{"losses", Dimension::kFraction, 0, 0.99, false, "%", u::pct};
constexpr QuantityField kGamma{
    "gamma", Dimension::kTemperatureCoefficient, -2 * u::pct, 0, false, "%/K", u::pct};
constexpr QuantityField kAlbedo{"albedo", Dimension::kFraction, 0, 1, false, "", 1};
constexpr QuantityField kDegradation{"degradation", Dimension::kFraction, 0, 0.2, false, "%",
                                     u::pct};
constexpr QuantityField kModulePower{"power", Dimension::kPower, 0, 5 * u::kW, true, "W", u::W};
constexpr QuantityField kModuleLength{"length", Dimension::kLength, 0.1, 5, false, "m", u::m};
constexpr QuantityField kModuleWidth{"width", Dimension::kLength, 0.1, 5, false, "m", u::m};
constexpr QuantityField kSetback{"setback", Dimension::kLength, 0, 100, false, "m", u::m};
constexpr QuantityField kGap{"gap", Dimension::kLength, 0, 5, false, "m", u::m};
constexpr QuantityField kRowPitch{"row_pitch", Dimension::kLength, 0, 100, true, "m", u::m};
constexpr QuantityField kClearance{"clearance", Dimension::kLength, 0, 100, false, "m", u::m};

struct ModuleSpec {
  double power = 0.0;  // W at STC
  physics::ModuleDimensions size{2.278, 1.134};
  std::optional<physics::CecModule> cec;
};

// A CEC database entry (SAM / CEC module library columns), SI numbers with the unit in the key.
std::optional<physics::CecModule> readCec(const Node& module, const std::string& path,
                                          CompileContext& c) {
  const Node* n = module.find("cec");
  if (!n) return std::nullopt;
  const std::string cpath = keyPath(path, "cec");
  if (!c.r.expectMap(*n, cpath)) return std::nullopt;
  c.r.checkKeys(
      *n,
      {"alpha_sc_A_per_K", "a_ref_V", "i_l_ref_A", "i_o_ref_A", "r_sh_ref_ohm", "r_s_ohm",
       "adjust_pct", "cells_in_series", "v_mp_ref_V", "i_mp_ref_A", "v_oc_ref_V", "i_sc_ref_A"},
      cpath);
  auto number = [&](std::string_view key, double min, double max) {
    const QuantityField f{key, Dimension::kDimensionless, min, max, false, "", 1};
    return c.r.quantity(*n, f, cpath, true).value_or(min);
  };
  physics::CecModule m;
  m.alpha_sc = number("alpha_sc_A_per_K", -1, 1);
  m.a_ref = number("a_ref_V", 0.01, 100);
  m.i_l_ref = number("i_l_ref_A", 0.01, 100);
  m.i_o_ref = number("i_o_ref_A", 1e-20, 1e-3);
  m.r_sh_ref = number("r_sh_ref_ohm", 0.01, 1e7);
  m.r_s = number("r_s_ohm", 0, 100);
  m.adjust = number("adjust_pct", -100, 100) * u::pct;
  m.cells_in_series =
      static_cast<int>(c.r.integer(*n, "cells_in_series", 1, 1000, cpath, true).value_or(1));
  m.v_mp_ref = number("v_mp_ref_V", 0.1, 1500);
  m.i_mp_ref = number("i_mp_ref_A", 0.01, 100);
  m.v_oc_ref = number("v_oc_ref_V", 0.1, 1500);
  m.i_sc_ref = number("i_sc_ref_A", 0.01, 100);
  return m;
}

std::optional<ModuleSpec> readModule(const Node& entry, const std::string& path,
                                     CompileContext& c) {
  const Node* n = entry.find("module");
  if (!n) return std::nullopt;
  const std::string mpath = keyPath(path, "module");
  if (!c.r.expectMap(*n, mpath)) return std::nullopt;
  c.r.checkKeys(*n, {"power", "length", "width", "cec"}, mpath);
  ModuleSpec m;
  m.power = c.r.quantity(*n, kModulePower, mpath, true).value_or(0.0);
  m.size.length = c.r.quantity(*n, kModuleLength, mpath, false).value_or(m.size.length);
  m.size.width = c.r.quantity(*n, kModuleWidth, mpath, false).value_or(m.size.width);
  if (m.size.width > m.size.length) std::swap(m.size.width, m.size.length);
  m.cec = readCec(*n, mpath, c);
  return m;
}

std::vector<physics::Point2> toPoints(const std::vector<Eigen::Vector2d>& polygon) {
  std::vector<physics::Point2> out;
  for (const Eigen::Vector2d& p : polygon) out.push_back({p.x(), p.y()});
  return out;
}

// The `layout` map of a filled array: setback, module gap, orientation, row pitch, obstructions.
void readLayout(const Node& entry, const std::string& path, CompileContext& c,
                physics::RoofLayoutSpec& spec) {
  const Node* n = entry.find("layout");
  if (!n) return;
  const std::string lpath = keyPath(path, "layout");
  if (!c.r.expectMap(*n, lpath)) return;
  c.r.checkKeys(*n,
                {"setback", "gap", "orientation", "row_pitch", "obstructions", "standoff",
                 "modules_per_string"},
                lpath);
  spec.setback = c.r.quantity(*n, kSetback, lpath, false).value_or(spec.setback);
  spec.module_gap = c.r.quantity(*n, kGap, lpath, false).value_or(spec.module_gap);
  spec.portrait =
      c.r.choice(*n, "orientation", {"portrait", "landscape"}, lpath, false).value_or(0) == 0;
  spec.row_pitch = c.r.quantity(*n, kRowPitch, lpath, false).value_or(0.0);
  const Node* list = n->find("obstructions");
  const std::string opath = keyPath(lpath, "obstructions");
  if (!list || !c.r.expectSequence(*list, opath)) return;
  for (size_t i = 0; i < list->items.size(); ++i) {
    const Node& o = list->items[i];
    const std::string ipath = indexPath(opath, i);
    if (!c.r.expectMap(o, ipath)) continue;
    c.r.checkKeys(o, {"outline", "clearance"}, ipath);
    physics::Obstruction obstruction;
    if (const Node* outline = c.r.required(o, "outline", ipath)) {
      obstruction.outline = toPoints(readPolygon(*outline, keyPath(ipath, "outline"), c));
    }
    obstruction.clearance = c.r.quantity(o, kClearance, ipath, false).value_or(0.0);
    spec.obstructions.push_back(std::move(obstruction));
  }
}

// Azimuth (clockwise from north) of the outward normal of footprint edge i -> i+1.
double wallAzimuth(const Building& b, int edge) {
  const Eigen::Vector2d& p = b.footprint[static_cast<size_t>(edge)];
  const Eigen::Vector2d& q = b.footprint[(static_cast<size_t>(edge) + 1) % b.footprint.size()];
  const Eigen::Vector2d d = q - p;
  // Outward is to the right of a counter-clockwise outline, to the left of a clockwise one.
  const Eigen::Vector2d normal =
      signedArea(b.footprint) > 0 ? Eigen::Vector2d(d.y(), -d.x()) : Eigen::Vector2d(-d.y(), d.x());
  const double az = std::atan2(normal.x(), normal.y());
  return az < 0 ? az + 2 * u::pi : az;
}

// Fills the array's surface with modules; sets the capacity from what fitted.
void fillSurface(const Node& n, const std::string& path, CompileContext& c,
                 const ModuleSpec& module, PvArray& a) {
  const Building& b = c.model.buildings[static_cast<size_t>(a.building)];
  physics::RoofLayoutSpec spec;
  spec.module = module.size;
  spec.portrait = true;
  spec.module_gap = 0.02;
  spec.latitude = c.model.site.latitude_deg * u::deg;
  if (a.surface == PvSurface::kFacade) {
    // The wall's own frame: x along the wall, y up; modules flush, rows along the wall.
    const Eigen::Vector2d& p = b.footprint[static_cast<size_t>(a.facade)];
    const Eigen::Vector2d& q =
        b.footprint[(static_cast<size_t>(a.facade) + 1) % b.footprint.size()];
    const double length = (q - p).norm();
    spec.outline = {{0, 0}, {length, 0}, {length, b.height}, {0, b.height}};
    spec.flush = true;
    spec.tilt = 0.0;
    spec.azimuth = u::pi;
  } else {
    spec.outline = toPoints(b.footprint);
    spec.setback = 1.0;
    spec.flush = b.roof == RoofKind::kPitched;
    spec.tilt = a.tilt;
    spec.azimuth = a.azimuth;
  }
  readLayout(n, path, c, spec);
  if (!roomForLayout(n, path, c, spec)) return;
  const physics::SurfaceLayout layout = physics::layoutModules(spec);
  if (layout.modules.empty()) {
    c.r.error(n.find("install")->loc, keyPath(path, "install"),
              "expected room for at least one module on the surface, got none after setbacks and "
              "obstructions (usable area " +
                  std::to_string(static_cast<long>(layout.usable_area)) + " m2)");
  }
  a.modules = layout.modules;
  a.module_size = module.size;
  a.portrait = spec.portrait;
  a.dc_capacity = static_cast<double>(layout.modules.size()) * module.power;
  a.module_area =
      static_cast<double>(layout.modules.size()) * module.size.length * module.size.width;
}

void readSurface(const Node& n, const std::string& path, CompileContext& c, PvArray& a) {
  a.surface =
      static_cast<PvSurface>(c.r.choice(n, "surface", kPvSurfaceNames, path, true).value_or(0));
  if (a.surface != PvSurface::kGround) {
    a.building = c.reference(n, "building", c.buildings, "building", path).value_or(-1);
  } else if (n.find("building")) {
    c.r.error(n.find("building")->loc, keyPath(path, "building"),
              "expected no building for a ground-mounted array");
  }
  if (a.surface == PvSurface::kFacade) {
    const long edges =
        a.building >= 0 ? static_cast<long>(c.model.buildings[a.building].footprint.size()) : 1;
    a.facade = static_cast<int>(c.r.integer(n, "facade", 0, edges - 1, path, true).value_or(0));
    if (n.find("azimuth")) {
      c.r.error(n.find("azimuth")->loc, keyPath(path, "azimuth"),
                "expected no azimuth for a facade array (it faces the wall's outward normal)");
    }
    a.tilt = c.r.quantity(n, kTilt, path, false).value_or(90 * u::deg);
    if (a.building >= 0) a.azimuth = wallAzimuth(c.model.buildings[a.building], a.facade);
  } else {
    a.tilt = c.r.quantity(n, kTilt, path, true).value_or(0.0);
    a.azimuth = c.r.quantity(n, kAzimuth, path, false).value_or(180 * u::deg);
    if (n.find("facade")) {
      c.r.error(n.find("facade")->loc, keyPath(path, "facade"),
                "expected a facade index only with surface: facade");
    }
  }
  const bool flush = a.surface == PvSurface::kFacade ||
                     (a.building >= 0 && c.model.buildings[a.building].roof == RoofKind::kPitched);
  a.temperature_model = flush ? PvTemperatureModel::kSapmCloseMountGlassGlass
                              : PvTemperatureModel::kSapmOpenRackGlassPolymer;
}

// Exactly one of capacity, area (with module) or install: wherever_possible (with module).
void readSizing(const Node& n, const std::string& path, CompileContext& c, PvArray& a) {
  const std::optional<ModuleSpec> module = readModule(n, path, c);
  if (module) a.module_power = module->power;
  const bool cec = c.r.choice(n, "dc_model", {"pvwatts", "cec"}, path, false).value_or(0) == 1;
  if (cec && !(module && module->cec)) {
    c.r.error(n.find("dc_model")->loc, keyPath(path, "dc_model"),
              "expected module.cec (the CEC single-diode parameters) with dc_model: cec");
  } else if (cec) {
    a.cec = true;
    a.cec_module = *module->cec;
  }
  std::string given;
  for (std::string_view key : {"capacity", "area", "install"}) {
    if (n.find(key)) given += (given.empty() ? "" : " and ") + std::string(key);
  }
  if (given.empty() || given.find(" and ") != std::string::npos) {
    c.r.error(n.loc, path,
              "expected exactly one of capacity, area or install: wherever_possible, got " +
                  (given.empty() ? std::string("none") : given));
    return;
  }
  if (n.find("capacity")) {
    a.dc_capacity = c.r.quantity(n, kCapacity, path, true).value_or(0.0);
    if (module) {
      a.module_area = a.dc_capacity / module->power * module->size.length * module->size.width;
    }
    return;
  }
  if (!module) {
    const std::string_view key = n.find("area") ? "area" : "install";
    c.r.error(n.find(key)->loc, keyPath(path, key),
              "expected a module (power, length, width) to size the array by " + std::string(key));
    return;
  }
  if (n.find("area")) {
    a.module_area = c.r.quantity(n, kArea, path, true).value_or(0.0);
    a.dc_capacity = a.module_area * module->power / (module->size.length * module->size.width);
    return;
  }
  if (!c.r.choice(n, "install", {"wherever_possible"}, path, true)) return;
  if (a.surface == PvSurface::kGround || a.building < 0) {
    c.r.error(n.find("install")->loc, keyPath(path, "install"),
              "expected a roof or facade array to install wherever possible");
    return;
  }
  a.filled = true;
  fillSurface(n, path, c, *module, a);
}

void readPerformance(const Node& n, const std::string& path, CompileContext& c, PvArray& a) {
  a.dc_ac_ratio = c.r.quantity(n, kDcAcRatio, path, false).value_or(a.dc_ac_ratio);
  a.inverter_efficiency =
      c.r.quantity(n, kInverterEfficiency, path, false).value_or(a.inverter_efficiency);
  a.losses = c.r.quantity(n, kLosses, path, false).value_or(a.losses);
  a.gamma = c.r.quantity(n, kGamma, path, false).value_or(a.gamma);
  a.albedo = c.r.quantity(n, kAlbedo, path, false).value_or(a.albedo);
  a.degradation = c.r.quantity(n, kDegradation, path, false).value_or(0.0);
  a.commissioned_day =
      c.r.date(n, "commissioned", path, false).value_or(c.model.simulation.start_day);
  a.transposition = static_cast<PvTransposition>(
      c.r.choice(n, "transposition", {"perez", "haydavies", "isotropic"}, path, false).value_or(0));
  a.iam = static_cast<PvIam>(
      c.r.choice(n, "iam", {"physical", "ashrae", "none"}, path, false).value_or(0));
  a.temperature_model = static_cast<PvTemperatureModel>(
      c.r.choice(n, "temperature_model", kPvTemperatureModelNames, path, false)
          .value_or(static_cast<int>(a.temperature_model)));
}

// Laid-out modules that another building swallows (a taller neighbour over the roof) or a facade
// that another building touches: located warnings, since the shading then says "all dark".
void checkPlacement(const Node& n, const std::string& path, CompileContext& c, const PvArray& a) {
  if (a.modules.empty() || a.building < 0) return;
  // A point 0.1 m in front of each module's centre.
  std::vector<Eigen::Vector3d> probes;
  for (const Quad& q : moduleQuads(c.model, a)) {
    probes.push_back(0.25 * (q[0] + q[1] + q[2] + q[3]) + 0.1 * shading::shadedModule(q).normal);
  }
  const std::vector<Building>& buildings = c.model.buildings;
  for (size_t b = 0; b < buildings.size(); ++b) {
    if (static_cast<int>(b) == a.building) continue;
    long inside = 0;
    for (const Eigen::Vector3d& p : probes) {
      inside += containsPoint(buildings[b].footprint, p.head<2>()) && p.z() < buildings[b].height;
    }
    if (inside == 0) continue;
    c.r.warning(n.loc, path,
                fmt::format("{} of its {} modules lie inside building {} ({}); they get no light "
                            "(check the footprints, or the facade against the neighbour)",
                            inside, a.modules.size(), buildings[b].id,
                            a.surface == PvSurface::kFacade ? "against the wall it touches"
                                                            : "taller, over the roof"));
  }
}

// `max_shading_loss`: the laid-out spots that lose more of the year's light to the park's shade
// are left empty (twin/model/shade_filter.h).
void leaveOutShadedSpots(const Node& n, const std::string& path, CompileContext& c, PvArray& a) {
  constexpr QuantityField kMaxLoss{
      "max_shading_loss", Dimension::kFraction, 0, 1, true, "%", u::pct};
  const std::optional<double> max_loss = c.r.quantity(n, kMaxLoss, path, false);
  if (!max_loss) return;
  if (!a.filled) {
    c.r.error(n.find("max_shading_loss")->loc, keyPath(path, "max_shading_loss"),
              "expected max_shading_loss only with install: wherever_possible");
    return;
  }
  const std::vector<double> losses = annualSpotLosses(c.model, a);
  if (losses.empty()) return;  // no weather (reported where it is read) or no spots
  const double per_module = a.dc_capacity / static_cast<double>(a.modules.size());
  const double area = a.module_area / static_cast<double>(a.modules.size());
  std::vector<physics::ModulePlacement> kept;
  for (size_t i = 0; i < a.modules.size(); ++i) {
    if (losses[i] <= *max_loss) kept.push_back(a.modules[i]);
  }
  a.spots_left_for_shade = static_cast<long>(a.modules.size() - kept.size());
  if (kept.empty()) {
    c.r.error(n.find("max_shading_loss")->loc, keyPath(path, "max_shading_loss"),
              "expected at least one spot losing at most " + n.find("max_shading_loss")->scalar +
                  " to shade, got none of " + std::to_string(a.modules.size()));
  }
  a.modules = std::move(kept);
  a.dc_capacity = per_module * static_cast<double>(a.modules.size());
  a.module_area = area * static_cast<double>(a.modules.size());
}

void compilePvEntry(const Node& n, const std::string& path, CompileContext& c) {
  if (!c.r.expectMap(n, path)) return;
  c.r.checkKeys(n, {"id",           "name",
                    "surface",      "building",
                    "facade",       "bus",
                    "capacity",     "area",
                    "install",      "module",
                    "layout",       "tilt",
                    "azimuth",      "dc_model",
                    "dc_ac_ratio",  "inverter_efficiency",
                    "losses",       "gamma",
                    "albedo",       "degradation",
                    "commissioned", "transposition",
                    "iam",          "temperature_model",
                    "shading",      "max_shading_loss"},
                path);
  PvArray a;
  a.id = c.entryId(n, path);
  a.name = c.r.text(n, "name", path, false).value_or(a.id);
  a.bus = c.reference(n, "bus", c.buses, "bus", path).value_or(0);
  readSurface(n, path, c, a);
  readPerformance(n, path, c, a);
  readSizing(n, path, c, a);
  if (n.find("layout") && !a.filled) {
    c.r.error(n.find("layout")->loc, keyPath(path, "layout"),
              "expected a layout only with install: wherever_possible");
  }
  a.shading = c.r.choice(n, "shading", {"geometric", "none"}, path, false).value_or(0) == 0;
  if (const Node* layout = n.find("layout"); layout && layout->isMap()) {
    constexpr QuantityField kStandoff{"standoff", Dimension::kLength, 0, 2, false, "m", u::m};
    const std::string lpath = keyPath(path, "layout");
    a.standoff = c.r.quantity(*layout, kStandoff, lpath, false).value_or(a.standoff);
    a.modules_per_string = c.r.integer(*layout, "modules_per_string", 1, 1000, lpath, false)
                               .value_or(a.modules_per_string);
  }
  leaveOutShadedSpots(n, path, c, a);
  checkPlacement(n, path, c, a);
  c.model.pv.push_back(std::move(a));
}

}  // namespace

void compilePv(const Node& root, CompileContext& c) {
  forEachEntry(root, "pv", false, c, compilePvEntry);
}

}  // namespace twin
