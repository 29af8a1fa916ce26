#include "datasets/tools/meter_sample.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>

#include "physics/motor_estimation.h"
#include "physics/random.h"
#include "physics/units.h"
#include "twin/base/calendar.h"
#include "twin/base/iso_time.h"
#include "twin/engine/engine.h"
#include "twin/model/motor_duty.h"
#include "twin/model/sweep.h"
#include "twin/results/output_file.h"

namespace twin::sample {
namespace {

namespace u = physics::units;

// The planted truth: the machining centres work harder than the park file says (calibrate finds
// it), and the W2 bus has a 2.5 % voltage unbalance (diagnose flags the fans on it).
const std::vector<FieldValue> kTruth = {{"equipment.W3-CNC.duty.load", "62 %"}};
constexpr double kUnbalancedBus = 0.025;

enum class Meter { kAnalyser, kEms, kClamp };

struct Metered {
  const char* id;
  Meter meter;
};
// Underloaded presses and crane, fans on the unbalanced bus, old IE1 washer pumps, a throttled
// condenser-water pump, and one unit read by the EMS alone and one by a clamp meter.
const Metered kMotors[] = {{"W1-PRESS-L-01", Meter::kAnalyser}, {"W1-CRANE-01", Meter::kClamp},
                           {"W1-HPU-01", Meter::kAnalyser},     {"W1-HPU-02", Meter::kAnalyser},
                           {"W2-FUME-01", Meter::kAnalyser},    {"W2-FUME-02", Meter::kAnalyser},
                           {"W3-CNC-01", Meter::kEms},          {"W3-WASH-01", Meter::kAnalyser},
                           {"W3-WASH-02", Meter::kAnalyser},    {"UT-CWP-01", Meter::kAnalyser}};
constexpr const char* kGapId = "W1-HPU-02";  // its analyser was off for six hours

constexpr CivilDate kGridFrom{2025, 1, 1};  // the EMS grid meter: hourly, Q1 2025
constexpr CivilDate kGridTo{2025, 4, 1};
constexpr CivilDate kWeekFrom{2025, 3, 3};  // the analyser campaign: 15-minute readings, a week
constexpr CivilDate kWeekTo{2025, 3, 10};

// Keeps the grid import of every step and the shaft load of the metered motors in the week.
class Capture : public BlockSink {
 public:
  Capture(std::vector<size_t> columns, size_t motors, long week_from, long week_to)
      : columns_(std::move(columns)), motors_(motors), from_(week_from), to_(week_to) {
    loads.resize(columns_.size());
  }
  void consume(const BlockResult& b) override {
    for (int k = 0; k < b.steps; ++k) grid.push_back(b.values[kParkGridImport][size_t(k)]);
    if (b.day < from_ || b.day >= to_) return;
    for (size_t i = 0; i < columns_.size(); ++i) {
      for (int k = 0; k < b.steps; ++k) {
        loads[i].push_back(b.values[kMotorLoad][size_t(k) * motors_ + columns_[i]]);
      }
    }
  }
  std::vector<double> grid;
  std::vector<std::vector<double>> loads;

 private:
  std::vector<size_t> columns_;
  size_t motors_;
  long from_, to_;
};

std::string row(int64_t t, int offset, const std::string& id, const std::string& cells) {
  return formatIsoTime(t, offset) + "," + id + "," + cells + "\n";
}

// One 15-minute reading of a motor at shaft load x, as its meter records it.
std::string motorCells(const Motor& m, const physics::MotorModel& model, double x, Meter meter,
                       double unbalance, physics::Random& rng) {
  const double v = model.rated_voltage * (1 + 0.003 * rng.normal());
  const physics::MotorLoadPoint p = physics::motorAtLoad(model, x, v, unbalance);
  const double power = p.input_power * (1 + 0.005 * rng.normal());
  const double current = p.current * (1 + 0.005 * rng.normal());
  if (meter == Meter::kEms) return fmt::format(",,,,,{:.3f},,,", power / u::kW);
  if (meter == Meter::kClamp) return fmt::format("{:.1f},,,,{:.2f},,,,", v, current);
  const double sync = physics::synchronousSpeed(m.poles);
  const double speed =
      x > 0 ? sync - (sync - m.rated_speed) * x * std::pow(model.rated_voltage / v, 2) : 0.0;
  // Line voltages whose NEMA unbalance is `unbalance` (+u, -0.4u, -0.6u around the mean), plus
  // the natural unbalance of a sound supply (0.1-0.3 %).
  const double ab = 1 + unbalance + 0.001 * rng.normal();
  const double bc = 1 - 0.4 * unbalance + 0.001 * rng.normal();
  const double ca = 1 - 0.6 * unbalance + 0.001 * rng.normal();
  return fmt::format(",{:.1f},{:.1f},{:.1f},{:.2f},{:.3f},,{:.3f},{:.0f}", v * ab, v * bc, v * ca,
                     current, power / u::kW,
                     std::clamp(p.power_factor + 0.003 * rng.normal(), 0.0, 1.0),
                     speed / u::rpm + 0.5 * rng.normal());
}

}  // namespace

void writeMeterSample(const std::string& park_path, const std::string& output) {
  const ParkSource source = loadParkSource(park_path);
  const ParkModel truth = compileWithFields(source, kTruth, "truth");
  const std::vector<std::string> ids = columnIds(truth, ColumnKind::kMotor);
  std::vector<size_t> columns;
  std::vector<const Motor*> motors;
  for (const Metered& m : kMotors) {
    const auto at = std::find(ids.begin(), ids.end(), m.id);
    if (at == ids.end())
      throw InputError(park_path + ": the sample meters " + m.id + ", not found");
    columns.push_back(size_t(at - ids.begin()));
    motors.push_back(&truth.motors[columns.back()]);
  }
  PeriodOverride period{localDay(kGridFrom), localDay(kGridTo), 900};
  const TimeGrid grid = makeTimeGrid(truth, period);
  Capture capture(columns, ids.size(), localDay(kWeekFrom), localDay(kWeekTo));
  runSimulation(truth, grid, &capture);

  OutputFile file(output);
  std::ostream& out = file.stream();
  const int offset = truth.site.utc_offset_s;
  out << "time,id,voltage_v,v_ab_v,v_bc_v,v_ca_v,current_a,power_kw,energy_kwh,power_factor,"
         "speed_rpm\n";
  physics::Random grid_noise(2025, 0);
  for (size_t h = 0; h * 4 < capture.grid.size(); ++h) {
    double energy = 0.0;
    for (size_t k = 4 * h; k < 4 * h + 4; ++k) energy += capture.grid[k] * grid.step_s;
    out << row(grid.unixTime(int64_t(4 * h)), offset, "grid",
               fmt::format(",,,,,,{:.2f},,", energy * (1 + 0.01 * grid_noise.normal()) / u::kWh));
  }
  const int64_t week_step0 = (localDay(kWeekFrom) - localDay(kGridFrom)) * 96;
  const int64_t gap_from = week_step0 + 2 * 96 + 40, gap_to = gap_from + 24;  // Wed 10:00-16:00
  std::string first_reading;
  for (size_t i = 0; i < motors.size(); ++i) {
    const Motor& m = *motors[i];
    const physics::MotorModel model = motorModelOf(m, truth.network.buses);
    const double unbalance = truth.network.buses[size_t(m.bus)].id == "LV-W2" ? kUnbalancedBus : 0;
    physics::Random rng(2025, i + 1);
    for (size_t k = 0; k < capture.loads[i].size(); ++k) {
      const int64_t step = week_step0 + int64_t(k);
      if (m.id == kGapId && step >= gap_from && step < gap_to) continue;
      const std::string line =
          row(grid.unixTime(step), offset, m.id,
              motorCells(m, model, capture.loads[i][k], kMotors[i].meter, unbalance, rng));
      if (first_reading.empty()) first_reading = line;
      out << line;
    }
  }
  // What field exports also hold: a reading the EMS could not take, and a row sent twice.
  out << formatIsoTime(grid.unixTime(week_step0 + 5), offset) << ",W3-CNC-01,,,,,,n/a,,,\n";
  out << formatLocalTime(grid.unixTime(week_step0 + 6), offset) << ",W3-CNC-01,,,,,,7.5,,,\n";
  out << first_reading;
  file.commit();
}

}  // namespace twin::sample
