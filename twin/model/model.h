// The compiled park: immutable, validated, SI units, one array per equipment kind with
// references as indices. Built by compileModel() from a park file (and a scenario overlay).
#pragma once

#include <Eigen/Core>
#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "physics/air_compressor.h"
#include "physics/branch_losses.h"
#include "physics/ev_charging.h"
#include "physics/motor_efficiency.h"
#include "physics/motor_nameplate.h"
#include "physics/pv_layout.h"
#include "physics/pv_module.h"
#include "physics/solar_position.h"
#include "physics/units.h"
#include "physics/weather.h"
#include "twin/model/economics.h"
#include "twin/model/measures.h"
#include "twin/model/presentation.h"
#include "twin/model/storage.h"
#include "twin/model/uncertainty.h"

namespace twin {

// A name as shown in a language: the Chinese one (`name_zh` in the park file) where the park
// gives it and Chinese is asked for, else the name.
inline const std::string& shownName(const std::string& name, const std::string& name_zh, bool zh) {
  return zh && !name_zh.empty() ? name_zh : name;
}

struct Site {
  std::string name;
  std::string name_zh;         // "" when not given
  double latitude_deg = 0.0;   // degrees north
  double longitude_deg = 0.0;  // degrees east
  int utc_offset_s = 0;        // local clock = UTC + offset
  double elevation = 0.0;      // m
};

// The site as the sun-position model takes it (rad, m).
inline physics::SiteLocation siteLocation(const Site& site) {
  return {site.latitude_deg * physics::units::deg, site.longitude_deg * physics::units::deg,
          site.elevation};
}

// The period a plain run simulates, in the site's local calendar.
struct SimulationSettings {
  long start_day = 0;  // days since 1970-01-01, local date, inclusive
  long end_day = 0;    // exclusive
  int step_s = 900;    // divides 3600
};

// Where the weather comes from, and the hourly records themselves (loaded or generated when the
// park is compiled, so that a bad EPW file is reported by `validate`).
struct WeatherSource {
  bool synthetic = true;
  std::string epw_path;  // resolved against the park file's folder when not synthetic
  uint64_t seed = 1;     // synthetic generator
  double albedo = 0.2;   // ground reflectance used where the records give none
  std::shared_ptr<const physics::HourlyWeather> hourly;
};

enum class DayType { kWorkday = 0, kWeekend = 1, kHoliday = 2 };
inline constexpr int kDayTypes = 3;
inline constexpr int kMinutesPerDay = 1440;

struct Calendar {
  std::vector<long> holidays;  // sorted local days
  std::vector<long> workdays;  // sorted weekend days worked
  DayType dayType(long day) const;
};

// Fraction of rated power, minute by minute, for each day type.
struct Schedule {
  std::string id;
  std::array<std::vector<double>, kDayTypes> minutes;  // each kMinutesPerDay values in [0, 1]
};

enum class BuildingKind { kWorkshop, kWarehouse, kOffice, kCanteen, kUtility, kOther };
enum class RoofKind { kFlat, kPitched, kSawtooth, kNone };
// The park-file words for BuildingKind and RoofKind, in enum order.
inline constexpr std::array<std::string_view, 6> kBuildingKindNames = {
    "workshop", "warehouse", "office", "canteen", "utility", "other"};
inline constexpr std::array<std::string_view, 4> kRoofKindNames = {"flat", "pitched", "sawtooth",
                                                                   "none"};

struct Building {
  std::string id;
  std::string name;
  std::string name_zh;  // "" when not given
  BuildingKind kind = BuildingKind::kOther;
  std::vector<Eigen::Vector2d> footprint;  // m, park-local east/north
  double height = 0.0;                     // m
  RoofKind roof = RoofKind::kFlat;
};

// Something that casts shade but is not a building (`obstacles:`): a prism on a footprint, a
// cylinder (chimney, tank, silo), or a tree, whose crown is taken as an opaque cylinder from
// crown_base to its height (trunk ignored: a simplification named in docs/shading.md).
enum class ObstacleKind { kPrism, kCylinder, kTree };
inline constexpr std::array<std::string_view, 3> kObstacleKindNames = {"prism", "cylinder", "tree"};

struct Obstacle {
  std::string id;
  ObstacleKind kind = ObstacleKind::kPrism;
  std::vector<Eigen::Vector2d> footprint;  // m, prisms
  Eigen::Vector2d center{0.0, 0.0};        // m, cylinders and trees
  double radius = 0.0;                     // m: the cylinder's, the tree's crown
  double base = 0.0;                       // m above ground: bottom (a tree's crown base)
  double height = 0.0;                     // m above ground: top
};

struct Bus {
  std::string id;
  double nominal_voltage = 0.0;  // V line-to-line
};

struct Cable {
  std::string id;
  int from = 0;  // bus index, towards the grid
  int to = 0;
  double length = 0.0;      // m
  double resistance = 0.0;  // ohm per phase, whole length
  double reactance = 0.0;   // ohm per phase, whole length
  double ampacity = 0.0;    // A
};

struct Transformer {
  std::string id;
  int from = 0;  // high-voltage bus index
  int to = 0;    // low-voltage bus index
  physics::TransformerRating rating;
  double impedance = 0.04;  // short-circuit impedance uk, of the rated impedance
  double tap = 0.0;         // off-circuit tap on the high-voltage winding, of its rated voltage
};

// How a bus is fed: the branch between it and its parent (towards the grid connection).
struct Feeder {
  enum class Kind { kGrid, kCable, kTransformer };
  static constexpr std::array<std::string_view, 3> kKindNames = {"grid", "cable", "transformer"};
  Kind kind = Kind::kGrid;
  int branch = -1;  // index into cables or transformers
  int parent = -1;  // bus index
};

struct Network {
  std::vector<Bus> buses;
  std::vector<Cable> cables;
  std::vector<Transformer> transformers;
  int grid_bus = 0;
  double grid_voltage = 1.0;         // voltage held at the grid bus, of its nominal
  double contracted_capacity = 0.0;  // VA, 0 when not given
  double voltage_tolerance = 0.07;   // allowed deviation from nominal, a warning beyond it
  std::vector<Feeder> feeders;       // per bus
};

enum class DrivenKind { kPump, kFan, kAirCompressor, kConveyor, kMachineTool, kMixer, kOther };
inline constexpr int kDrivenKinds = 7;
// The park-file words for DrivenKind, in enum order.
inline constexpr std::array<std::string_view, kDrivenKinds> kDrivenKindNames = {
    "pump", "fan", "air_compressor", "conveyor", "machine_tool", "mixer", "other"};
enum class EfficiencyClass { kIE1, kIE2, kIE3, kIE4, kIE5, kGB1, kGB2, kGB3, kUnknown };
// Words for EfficiencyClass, in enum order: the motor class names, then "unknown".
inline constexpr std::array<std::string_view, 9> kEfficiencyClassNames = [] {
  std::array<std::string_view, 9> words{};
  for (size_t i = 0; i < physics::kMotorClassNames.size(); ++i) {
    words[i] = physics::kMotorClassNames[i];
  }
  words[8] = "unknown";
  return words;
}();

// How a pump's or fan's flow is set: not modelled (the duty load is the shaft load), by a valve
// or damper at full speed, or by a variable-speed drive (physics/pump_fan.h).
enum class FlowControl { kNone, kThrottle, kSpeed };
// Words for FlowControl, in enum order (the park file says "throttle" or "vsd" under flow_control).
inline constexpr std::array<std::string_view, 3> kFlowControlNames = {"none", "throttle", "vsd"};

// A variable-speed drive's efficiency when none is given: 97 %, a typical full-load value of
// low-voltage drives in manufacturers' data (96-98 %); held constant over the load, a
// simplification named as such (physics/drive_losses.h has the IEC 61800-9-2 part-load model,
// which needs the drive's eight tested loss points).
inline constexpr double kTypicalDriveEfficiency = 0.97;

struct Motor {
  std::string id;
  std::string entry;  // the park-file entry it comes from (its id; with `count`, the group's)
  std::string name;
  std::string name_zh;  // "" when not given
  DrivenKind driven = DrivenKind::kOther;
  int building = 0;
  int bus = 0;
  int schedule = 0;
  physics::MotorNameplate nameplate;
  double rated_voltage = 0.0;  // V, 0 when not given
  double rated_current = 0.0;  // A, 0 when not given
  double rated_speed = 0.0;    // rad/s at rated load, 0 when not given
  int poles = 4;
  EfficiencyClass efficiency_class = EfficiencyClass::kUnknown;
  double duty_load = 0.0;  // shaft load while on (at design flow with flow control), of rating
  FlowControl flow_control = FlowControl::kNone;  // pumps and fans only
  double duty_flow = 1.0;         // flow while on, fraction of design (with flow control)
  double static_share = 0.0;      // static head or pressure, fraction of the design's
  double drive_efficiency = 1.0;  // of the variable-speed drive (FlowControl::kSpeed)
  // Air compressors with a `compressor` map: duty_flow is the useful air demand (fraction of the
  // rated free-air delivery) and leak the flow lost to leaks while the system is pressurised.
  bool compressor = false;
  physics::CompressorControl compressor_control = physics::CompressorControl::kLoadUnload;
  double leak = 0.0;  // fraction of rated flow
};

enum class LoadKind { kLighting, kHvac, kPlug, kProcess, kEvCharger, kOther };
inline constexpr int kLoadKinds = 6;
// The park-file words for LoadKind, in enum order.
inline constexpr std::array<std::string_view, kLoadKinds> kLoadKindNames = {
    "lighting", "hvac", "plug", "process", "ev_charger", "other"};

struct Load {
  std::string id;
  std::string entry;  // the park-file entry it comes from (its id; with `count`, the group's)
  std::string name;
  std::string name_zh;  // "" when not given
  LoadKind kind = LoadKind::kOther;
  int building = 0;
  int bus = 0;
  int schedule = 0;
  double rated_power = 0.0;   // W; for cooling loads, the electric input at the rating point
  double power_factor = 1.0;  // lagging
  // Air-cooled cooling (kind hvac with a `cooling` map): the schedule times the outdoor-temperature
  // load line gives the cooling load; the electric input follows the air conditioner's part-load
  // and outdoor-temperature curves (physics/hvac_lighting.h).
  bool cooling = false;
  double cooling_capacity = 0.0;  // W of cooling at the rating point
  double cooling_cop = 0.0;       // W/W at the rating point
  // Demand response: shares of the step's power that an event may shed (curtailable: the energy
  // is not consumed) or defer (shiftable: consumed after the event, the rebound).
  double curtailable = 0.0;
  double shiftable = 0.0;
  // How long the optimal dispatch may defer the shiftable share from its schedule, s (0: it does
  // not plan the load; demand-response events still defer it).
  double shift_window = 0.0;
};

// The park-file words for the EV charging controls, in enum order (physics::ChargingControl).
inline constexpr std::array<std::string_view, 3> kChargingControlNames = {
    "uncontrolled", "valley_filling", "pv_following"};

// A group of identical AC chargers on a bus, with daily sessions drawn from a seeded stochastic
// model or repeated from a fixed list (physics/ev_charging.h).
struct EvChargerGroup {
  std::string id;
  std::string name;
  int bus = 0;
  int chargers = 1;
  double charger_power = 0.0;  // W AC per charger
  double efficiency = physics::kDefaultEvChargingEfficiency;
  physics::ChargingControl control = physics::ChargingControl::kUncontrolled;
  double site_limit = 0.0;           // W, park import the managed modes stay under; 0: none
  bool stochastic = true;            // sessions drawn (else the fixed list)
  physics::EvArrivalModel arrivals;  // sessions_per_day set per day type
  std::array<double, kDayTypes> sessions_per_day{};  // mean per DayType
  uint64_t seed = 1;
  std::vector<physics::EvSession> fixed;  // the same sessions every day of a listed type
  std::array<bool, kDayTypes> fixed_days{true, false, false};  // per DayType
};

// A demand-response request: reduce the park's import by `request` over [start, start + duration).
struct DrEvent {
  std::string id;
  int64_t start = 0;      // s since 1970-01-01T00:00Z
  double duration = 0.0;  // s
  double request = 0.0;   // W
};

struct DemandResponse {
  std::vector<DrEvent> events;  // sorted by start, not overlapping
  double rebound = 3600.0;      // s over which deferred energy is consumed after an event
};

struct TariffPeriod {
  std::string name;
  double price = 0.0;  // currency per J
};

struct TariffSeason {
  std::string name;
  std::vector<TariffPeriod> periods;
  std::vector<int> period_of_minute;  // kMinutesPerDay indices into periods
};

struct Tariff {
  std::string currency = "CNY";
  double demand_price = 0.0;              // currency per W per month
  double export_price = 0.0;              // currency per J exported
  std::array<int, 12> season_of_month{};  // month (0 = January) -> season index
  std::vector<TariffSeason> seasons;
};

enum class PvSurface { kRoof, kFacade, kGround };
inline constexpr std::array<std::string_view, 3> kPvSurfaceNames = {"roof", "facade", "ground"};
enum class PvTransposition { kPerez, kHayDavies, kIsotropic };
enum class PvIam { kPhysical, kAshrae, kNone };
// The park-file words of the cell temperature models, in enum order.
enum class PvTemperatureModel {
  kSapmOpenRackGlassPolymer,
  kSapmOpenRackGlassGlass,
  kSapmCloseMountGlassGlass,
  kSapmInsulatedBackGlassPolymer,
  kFaiman
};
inline constexpr std::array<std::string_view, 5> kPvTemperatureModelNames = {
    "sapm-open-rack-glass-polymer", "sapm-open-rack-glass-glass", "sapm-close-mount-glass-glass",
    "sapm-insulated-back-glass-polymer", "faiman"};

// A PV array on a roof, a facade or the ground, with a PVWatts-style inverter.
struct PvArray {
  std::string id;
  std::string name;
  PvSurface surface = PvSurface::kRoof;
  int building = -1;  // -1 for ground arrays
  int facade = -1;    // footprint edge index (vertex i to i+1) for facades
  int bus = 0;
  double tilt = 0.0;          // rad from horizontal
  double azimuth = 0.0;       // rad clockwise from north (pi = facing south)
  double dc_capacity = 0.0;   // W at STC
  bool filled = false;        // sized by "install wherever possible"
  double module_power = 0.0;  // W at STC, 0 when sized by capacity alone
  bool cec = false;           // DC by the CEC single-diode model of cec_module
  physics::CecModule cec_module;
  std::vector<physics::ModulePlacement> modules;  // laid-out modules (filled arrays)
  physics::ModuleDimensions module_size;          // of the laid-out modules
  bool portrait = true;      // laid-out modules' long side across the row (up the slope)
  double module_area = 0.0;  // m2, total module area (0 when unknown)
  double standoff = 0.05;    // m: laid-out modules stand off their roof or wall along their normal
  // laid-out modules in series on one string (consecutive in the layout), for the mismatch of
  // partly shaded strings: 20 by default, about 1,000 V of typical 40 V modules
  long modules_per_string = 20;
  bool shading = true;            // `shading: geometric` (default) or `none`: laid-out modules only
  long spots_left_for_shade = 0;  // laid-out spots left empty by `max_shading_loss`
  double dc_ac_ratio = 1.2;
  double inverter_efficiency = 0.96;  // nominal (PVWatts eta_inv_nom)
  double losses = 0.1408;             // PVWatts system losses, fraction
  double gamma = -0.0037;             // 1/K, power temperature coefficient
  double albedo = -1.0;               // ground reflectance; < 0: the weather's or default
  double degradation = 0.0;           // per year
  long commissioned_day = 0;          // local day the degradation counts from
  PvTransposition transposition = PvTransposition::kPerez;
  PvIam iam = PvIam::kPhysical;
  PvTemperatureModel temperature_model = PvTemperatureModel::kSapmOpenRackGlassPolymer;
};

struct ParkModel {
  std::string scenario;  // "" for the baseline
  Site site;
  SimulationSettings simulation;
  WeatherSource weather;
  Calendar calendar;
  std::vector<Schedule> schedules;
  std::vector<Building> buildings;
  std::vector<Obstacle> obstacles;
  std::vector<PresentationCamera> cameras;  // presentation.cameras
  std::vector<TourStop> tour_stops;         // presentation.tours, stop by stop
  Network network;
  std::vector<Motor> motors;
  std::vector<Load> loads;
  std::vector<PvArray> pv;
  std::vector<Storage> storage;
  std::vector<EvChargerGroup> ev_chargers;
  DemandResponse demand_response;
  Tariff tariff;
  double grid_emission_factor = 0.0;  // kg CO2 per J imported
  EconomicsSettings economics;        // the park's; scenarios may not change it
  Uncertainty uncertainty;            // what a Monte Carlo sweep draws; the baseline's only
  Investment investment;              // a scenario's `investment:`
  bool has_investment = false;
  std::vector<Measure> measures;  // a scenario's `measures:`, as expanded
  std::string measure_of;         // a measure run alone: the scenario it belongs to
  // The investment the economics use: the stated one, else each measure's.
  std::vector<Investment> investments() const;
};

}  // namespace twin
