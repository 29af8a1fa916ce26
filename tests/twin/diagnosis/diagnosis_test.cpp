// Motor diagnosis and the meter comparison against hand-computed references: ASHRAE Guideline
// 14-2014 statistics, complete metered hours, one motor's findings rebuilt from the physics layer
// (physics/motor_efficiency.h, the same part-load model the diagnosis inverts), and the tariff
// looked up in the site's local time. Reference instant: 2025-01-06T00:00:00+08:00 = 1736092800
// (`date -d 2025-01-06T00:00+08:00 +%s`), a Monday.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include "physics/motor_efficiency.h"
#include "physics/units.h"
#include "twin/base/iso_time.h"
#include "twin/diagnosis/duty_totals.h"
#include "twin/diagnosis/meter_comparison.h"
#include "twin/diagnosis/motor_diagnosis.h"
#include "twin/model/compile_measures.h"
#include "twin/test_park.h"

namespace twin::diagnosis {
namespace {

namespace u = physics::units;

constexpr int64_t kT0 = 1736092800;  // 2025-01-06T00:00:00+08:00
constexpr int kOffset = 8 * 3600;
constexpr double kRatedPower = 15e3;        // W
constexpr double kVoltage = 400.0;          // V, the bus LV1 (no rated_voltage on the nameplate)
constexpr double kPrice = 0.8 / u::kWh;     // CNY/J, the flat tariff below
constexpr double kEmission = 0.5 / u::kWh;  // kg/J

// Three 15 kW 4-pole IE2 motors (IEC 60034-30-1 IE2 at 15 kW, 4 poles: 90.6 %) on LV1 (400 V):
// M1 and M2 with the full nameplate (1460 rpm: rated slip 40 rpm), M3 without speed or current.
std::string parkText(const std::string& tariff = test::flatTariffYaml()) {
  const std::string motor =
      R"(    motor: {rated_power: "15 kW", poles: 4, efficiency_class: IE2,
            rated_efficiency: "90.6 %", power_factor: 0.84)";
  auto entry = [&](const std::string& id, const std::string& extra) {
    return "  - id: " + id + "\n    kind: conveyor\n    building: W1\n    bus: LV1\n" + motor +
           extra + "}\n    duty: {load: \"50 %\", schedule: always}\n";
  };
  return R"(schema: 1
site: {name: Diagnosis park, latitude: 31.2, longitude: 121.5, utc_offset: "+08:00",
       elevation: "4 m"}
simulation: {start: 2025-01-01, end: 2025-01-08, step: 15min}
schedules:
  - id: always
    weekday: {constant: 1}
buildings:
  - {id: W1, name: Hall, kind: workshop, footprint: [[0, 0], [100, 0], [100, 50], [0, 50]],
     height: "12 m", roof: flat}
)" + test::smallParkNetworkYaml() +
         "equipment:\n" + entry("M1", ", rated_current: \"28.5 A\", rated_speed: \"1460 rpm\"") +
         entry("M2", ", rated_current: \"28.5 A\", rated_speed: \"1460 rpm\"") + entry("M3", "") +
         tariff + "emissions:\n  grid_factor: \"0.5 kg/kWh\"\n";
}

// The part-load model of the nameplate above, built here from the physics layer.
physics::MotorModel ie2Model() {
  return physics::makeMotorModel(kRatedPower, 4, 0.906, 0.84, kVoltage);
}

// What a meter on a motor reads at constant shaft load `load`.
struct MotorRows {
  std::string id;
  double load = 0.5;
  int count = 96;           // 15-minute readings from kT0
  int stopped = 0;          // the last `stopped` readings: zero current and zero power
  bool unbalanced = false;  // line voltages 408/396/396 V instead of 400 V
};

// Meter CSV text: power, current and power factor from physics::motorAtLoad, speed by the linear
// slip law n = ns - (ns - nr) x = 1500 - 40 x rpm; 10 significant digits.
std::string meterCsv(const std::vector<MotorRows>& motors) {
  std::string text =
      "time,id,voltage_v,v_ab_v,v_bc_v,v_ca_v,current_a,power_kw,power_factor,"
      "speed_rpm\n";
  const physics::MotorModel m = ie2Model();
  for (const MotorRows& r : motors) {
    const physics::MotorLoadPoint p = physics::motorAtLoad(m, r.load, kVoltage);
    for (int i = 0; i < r.count; ++i) {
      const bool on = i < r.count - r.stopped;
      char row[256];
      std::snprintf(row, sizeof row, "%s,%s,%s,%.10g,%.10g,%.10g,%.10g\n",
                    formatIsoTime(kT0 + 900 * i, kOffset).c_str(), r.id.c_str(),
                    r.unbalanced ? ",408,396,396" : "400,,,", on ? p.current : 0.0,
                    on ? p.input_power / u::kW : 0.0, p.power_factor,
                    on ? 1500 - 40 * r.load : 0.0);
      text += row;
    }
  }
  return text;
}

struct Diagnosed {
  CompiledPark park;
  MeterData meters;
  Diagnosis d;
};

Diagnosed diagnose(const std::vector<MotorRows>& motors) {
  Diagnosed out{test::compileText(parkText()), {}, {}};
  const ParkModel& model = out.park.baseline;
  out.meters = readMeterCsv(meterCsv(motors), "meters.csv",
                            [&](std::string_view id) { return isParkMeterId(model, id); });
  out.d = diagnoseMotors(model, out.meters, physics::MotorClass::kIE4);
  return out;
}

bool hasFlag(const MotorFinding& f, Flag flag) {
  return std::find(f.flags.begin(), f.flags.end(), flag) != f.flags.end();
}

// ASHRAE Guideline 14-2014 §4.3.2.4, p = 1. m = {10, 12, 14, 16}, s = {11, 12, 13, 18}:
// m - s = {-1, 0, 1, -2}, sum = -2, sum of squares = 6, mean(m) = 13, n - 1 = 3;
// CV(RMSE) = sqrt(6 / 3) / 13 = sqrt(2) / 13 = 0.10879; NMBE = -2 / (3 x 13) = -2 / 39 = -0.05128.
// Tolerance 1e-12: double rounding only.
TEST(DiagnosisG14, MatchesTheHandComputation) {
  const std::vector<double> m{10, 12, 14, 16}, s{11, 12, 13, 18};
  const FitStatistics hourly = g14Statistics(m, s, kHourlyCvLimit, kHourlyNmbeLimit);
  EXPECT_EQ(hourly.n, 4);
  ASSERT_TRUE(hourly.cv_rmse && hourly.nmbe && hourly.meets);
  EXPECT_NEAR(*hourly.cv_rmse, std::sqrt(2.0) / 13.0, 1e-12);
  EXPECT_NEAR(*hourly.nmbe, -2.0 / 39.0, 1e-12);
  EXPECT_TRUE(*hourly.meets);  // 10.9 % <= 30 %, |-5.13 %| <= 10 %
  // Monthly limits: CV 10.9 % <= 15 % but |NMBE| 5.13 % > 5 % (the sign must not pass it).
  const FitStatistics monthly = g14Statistics(m, s, kMonthlyCvLimit, kMonthlyNmbeLimit);
  ASSERT_TRUE(monthly.meets);
  EXPECT_FALSE(*monthly.meets);
  // The other way: NMBE within 10 % but CV(RMSE) 10.9 % above a 10 % limit.
  EXPECT_FALSE(*g14Statistics(m, s, 0.10, 0.10).meets);
  // Swapped roles: NMBE changes sign, both divide by the new measured mean 13.5:
  // CV = sqrt(2) / 13.5, NMBE = +2 / (3 x 13.5).
  const FitStatistics swapped = g14Statistics(s, m, kHourlyCvLimit, kHourlyNmbeLimit);
  EXPECT_NEAR(*swapped.nmbe, 2.0 / (3 * 13.5), 1e-12);
  EXPECT_NEAR(*swapped.cv_rmse, std::sqrt(2.0) / 13.5, 1e-12);
}

// Guideline 14 divides by n - 1 and by the measured mean: n < 2 or a zero mean give nothing.
TEST(DiagnosisG14, NoStatisticsBelowTwoIntervalsOrAtZeroMean) {
  const FitStatistics one = g14Statistics({10}, {11}, kHourlyCvLimit, kHourlyNmbeLimit);
  EXPECT_EQ(one.n, 1);
  EXPECT_FALSE(one.cv_rmse || one.nmbe || one.meets);
  const FitStatistics none = g14Statistics({}, {}, kHourlyCvLimit, kHourlyNmbeLimit);
  EXPECT_EQ(none.n, 0);
  EXPECT_FALSE(none.cv_rmse || none.nmbe || none.meets);
  const FitStatistics zero = g14Statistics({1, -1}, {0, 0}, kHourlyCvLimit, kHourlyNmbeLimit);
  EXPECT_EQ(zero.n, 2);
  EXPECT_FALSE(zero.cv_rmse || zero.nmbe || zero.meets);
}

MeterSeries seriesOf(const std::string& rows) {
  const MeterData d = readMeterCsv("time,id,power_kw,energy_kwh\n" + rows, "m.csv",
                                   [](std::string_view) { return true; });
  EXPECT_EQ(d.meters.size(), 1u);
  return d.meters.empty() ? MeterSeries{} : d.meters.front();
}

std::string row(int64_t t, const std::string& power, const std::string& energy) {
  return formatIsoTime(t, kOffset) + ",m," + power + "," + energy + "\n";
}

// Energy per complete hour: 15-minute powers P_i give sum(P_i x 900 s) per hour (exact sums of
// small integers x 900: tolerance 1e-9 J).
TEST(DiagnosisMeteredHours, SumsQuarterHoursIntoCompleteHours) {
  std::string rows;
  for (int i = 0; i < 8; ++i) rows += row(kT0 + 900 * i, std::to_string(i + 1), "");
  const MeteredHours h = meteredHours(seriesOf(rows));
  ASSERT_EQ(h.hours.size(), 2u);
  EXPECT_EQ(h.hours[0], kT0 / 3600);
  EXPECT_EQ(h.hours[1], kT0 / 3600 + 1);
  EXPECT_NEAR(h.energy[0], (1 + 2 + 3 + 4) * 1e3 * 900, 1e-9);
  EXPECT_NEAR(h.energy[1], (5 + 6 + 7 + 8) * 1e3 * 900, 1e-9);
}

// A missing quarter (the 6th reading) is a gap: the reading before it covers its own 15 minutes
// only, so its hour is 45 minutes covered and dropped; the first hour stays.
TEST(DiagnosisMeteredHours, DropsAnHourWithAMissingReading) {
  std::string rows;
  for (int i = 0; i < 8; ++i) {
    if (i != 5) rows += row(kT0 + 900 * i, std::to_string(i + 1), "");
  }
  const MeteredHours h = meteredHours(seriesOf(rows));
  ASSERT_EQ(h.hours.size(), 1u);
  EXPECT_EQ(h.hours[0], kT0 / 3600);
  EXPECT_NEAR(h.energy[0], 10e3 * 900, 1e-9);
}

// An hourly energy_kwh reading spans its hour: 2.5 kWh = 9 MJ (tolerance 1e-6 J).
TEST(DiagnosisMeteredHours, HourlyEnergySpansItsHour) {
  const MeteredHours h = meteredHours(seriesOf(row(kT0, "", "2.5") + row(kT0 + 3600, "", "4")));
  ASSERT_EQ(h.hours.size(), 2u);
  EXPECT_EQ(h.hours[1], kT0 / 3600 + 1);
  EXPECT_NEAR(h.energy[0], 2.5 * u::kWh, 1e-6);
  EXPECT_NEAR(h.energy[1], 4 * u::kWh, 1e-6);
}

// One motor at 50 % load for a day, every method's columns read. References: the part-load model
// (physics::motorAtLoad of the nameplate, 90.6 % IE2 and IE4 at its IEC 60034-30-1 rated
// efficiency, same power factor and voltage); a year of 8760 h (physics::units::year); the motor
// upgrade's cost default of 400 CNY/kW (twin/model/measure_costs.cpp); the flat 0.8 CNY/kWh and
// 0.5 kg/kWh of the park. Tolerances: load and efficiency 1e-3 (the loss model and slip say 0.5
// exactly, the fitted circuit 0.5011 and 90.77 %, and their inverse-variance mean 0.5005 and
// 90.67 % against the model's 90.58 %); annual energy 1e-6 relative (the 10 digits of the CSV).
// The replacement saving is (P_in - P_IE4(x)) x 8760 h at the estimated load x (every reading is
// the same, so x is the mean load): 1e-6 relative. At x = 0.5 exactly it would be 2.7 % larger:
// the IE4 input power moves by 15.5 kW per unit load, so the check must use the estimated x.
// Money, CO2, payback: 1e-9 relative of the saving they derive from.
TEST(DiagnosisMotors, OneMotorAtHalfLoad) {
  const Diagnosed r = diagnose({{"M1", 0.5}});
  ASSERT_EQ(r.d.motors.size(), 1u);
  const MotorFinding& f = r.d.motors.front();
  EXPECT_EQ(f.id, "M1");
  EXPECT_EQ(f.efficiency_class, "IE2");
  EXPECT_EQ(f.rated_power, kRatedPower);
  EXPECT_EQ(f.readings, 96);
  EXPECT_EQ(f.energised, 96);
  EXPECT_DOUBLE_EQ(f.hours, 24.0);
  EXPECT_EQ(f.methods, (std::vector<std::string>{"input_power", "slip", "equivalent_circuit"}));
  EXPECT_TRUE(f.skipped_methods.empty());
  const physics::MotorModel ie2 = ie2Model();
  const physics::MotorLoadPoint p = physics::motorAtLoad(ie2, 0.5, kVoltage);
  ASSERT_TRUE(f.mean_load && f.efficiency && f.class_efficiency && f.load_p95);
  EXPECT_NEAR(*f.mean_load, 0.5, 1e-3);
  EXPECT_NEAR(*f.load_p95, 0.5, 1e-3);
  EXPECT_NEAR(*f.efficiency, p.efficiency, 1e-3);
  EXPECT_NEAR(*f.class_efficiency, p.efficiency, 1e-3);  // declared IE2 = the nameplate's 90.6 %
  EXPECT_NEAR(f.energy_per_year, p.input_power * 8760 * u::hour, 1e-6 * f.energy_per_year);
  EXPECT_FALSE(f.unbalance_mean);
  // 50 % load: not underloaded (< 40 %), but its 95th percentile is below 60 %: oversized.
  EXPECT_EQ(f.flags, std::vector<Flag>{Flag::kOversized});
  EXPECT_FALSE(f.drive);  // a conveyor: no drive case
  EXPECT_EQ(f.rank, 1);

  const std::optional<double> eta4 =
      physics::ratedEfficiency(physics::MotorClass::kIE4, kRatedPower, 4);
  ASSERT_TRUE(eta4);
  const physics::MotorModel ie4 = physics::makeMotorModel(kRatedPower, 4, *eta4, 0.84, kVoltage);
  const double saved =
      (p.input_power - physics::motorAtLoad(ie4, *f.mean_load, kVoltage).input_power) * 8760 *
      u::hour;
  ASSERT_TRUE(f.replacement);
  const Replacement& x = *f.replacement;
  EXPECT_EQ(x.to, "IE4");
  EXPECT_GT(saved, 0.0);
  EXPECT_NEAR(x.energy, saved, 1e-6 * saved);
  EXPECT_NEAR(x.money, x.energy * kPrice, 1e-9 * x.money);
  EXPECT_NEAR(x.co2, x.energy * kEmission, 1e-9 * x.co2);
  EXPECT_NEAR(x.investment, 400.0 * 15.0, 1e-9);
  EXPECT_NEAR(costDefaults(MeasureKind::kMotorUpgrade).unit_cost * kRatedPower, 6000.0, 1e-9);
  ASSERT_TRUE(x.payback);
  EXPECT_NEAR(*x.payback, 6000.0 / x.money, 1e-9 * *x.payback);
}

// 30 % load: below the 40 % threshold (kUnderloadedBelow) and a 95th percentile below 60 %.
TEST(DiagnosisMotors, UnderloadedAtThirtyPercent) {
  const Diagnosed r = diagnose({{"M1", 0.3}});
  ASSERT_EQ(r.d.motors.size(), 1u);
  const MotorFinding& f = r.d.motors.front();
  ASSERT_TRUE(f.mean_load);
  EXPECT_NEAR(*f.mean_load, 0.3, 1e-3);
  EXPECT_TRUE(hasFlag(f, Flag::kUnderloaded));
  EXPECT_TRUE(hasFlag(f, Flag::kOversized));
  EXPECT_FALSE(hasFlag(f, Flag::kVoltageUnbalance));
}

// NEMA MG 1 Part 14.35: line voltages 408/396/396 V, mean 400 V, largest deviation 8 V: 8 / 400 =
// 2 % (tolerance 1e-12), above the 1 % flag threshold; derating factor 0.95 at 2 % (Figure 14-1,
// tolerance 1e-9).
TEST(DiagnosisMotors, VoltageUnbalanceIsFlagged) {
  MotorRows rows{"M1", 0.5};
  rows.unbalanced = true;
  const Diagnosed r = diagnose({rows});
  ASSERT_EQ(r.d.motors.size(), 1u);
  const MotorFinding& f = r.d.motors.front();
  ASSERT_TRUE(f.unbalance_mean && f.unbalance_max && f.unbalance_derating);
  EXPECT_NEAR(*f.unbalance_mean, 0.02, 1e-12);
  EXPECT_NEAR(*f.unbalance_max, 0.02, 1e-12);
  EXPECT_NEAR(*f.unbalance_derating, 0.95, 1e-9);
  // NEMA MG 1 14.35.1: about 2 u^2 % more heating, carried as load losses x (1 + 2 x 2^2 / 100):
  // 8 % more of the load losses at the estimated load, over 8760 h (tolerance 1e-6 relative).
  const physics::MotorModel model = physics::makeMotorModel(kRatedPower, 4, 0.906, 0.84, kVoltage);
  const double x = *f.mean_load;
  ASSERT_TRUE(f.unbalance_loss_per_year);
  EXPECT_NEAR(*f.unbalance_loss_per_year, 0.08 * model.load_losses * x * x * u::year,
              1e-6 * *f.unbalance_loss_per_year);
  EXPECT_TRUE(hasFlag(f, Flag::kVoltageUnbalance));
  EXPECT_FALSE(hasFlag(f, Flag::kUnderloaded));
}

// A row with zero current and zero power is a reading (its 15 minutes count in the hours
// covered) but not an energised one; the annual energy is the metered energy scaled by 8760 h
// over the 24 h covered: P_in x 92 / 96 x 8760 h (tolerance 1e-6 relative, the CSV's digits).
TEST(DiagnosisMotors, StoppedReadingsAreReadingsNotEnergised) {
  MotorRows rows{"M1", 0.5};
  rows.stopped = 4;
  const Diagnosed r = diagnose({rows});
  ASSERT_EQ(r.d.motors.size(), 1u);
  const MotorFinding& f = r.d.motors.front();
  EXPECT_EQ(f.readings, 96);
  EXPECT_EQ(f.energised, 92);
  EXPECT_DOUBLE_EQ(f.hours, 24.0);
  const double p_in = physics::motorAtLoad(ie2Model(), 0.5, kVoltage).input_power;
  const double expected = p_in * 92.0 / 96.0 * 8760 * u::hour;
  EXPECT_NEAR(f.energy_per_year, expected, 1e-6 * expected);
  ASSERT_TRUE(f.mean_load);
  EXPECT_NEAR(*f.mean_load, 0.5, 1e-3);  // over the energised readings only
}

// M3 has no rated_speed: the slip method (and the circuit, whose rotor resistance comes from the
// rated slip) cannot be used although the readings carry speed and current.
TEST(DiagnosisMotors, MissingRatedSpeedSkipsTheSlipMethod) {
  const Diagnosed r = diagnose({{"M3", 0.5}});
  ASSERT_EQ(r.d.motors.size(), 1u);
  const MotorFinding& f = r.d.motors.front();
  EXPECT_EQ(f.methods, std::vector<std::string>{"input_power"});
  auto skipped = [&](const std::string& method) {
    return std::any_of(f.skipped_methods.begin(), f.skipped_methods.end(),
                       [&](const MethodSkipped& s) { return s.method == method; });
  };
  EXPECT_TRUE(skipped("slip"));
  EXPECT_TRUE(skipped("equivalent_circuit"));
  for (const MethodSkipped& s : f.skipped_methods) {
    if (s.method == "slip") {
      EXPECT_EQ(s.reason, "rated_speed missing from the nameplate");
    }
  }
  ASSERT_TRUE(f.mean_load);
  EXPECT_NEAR(*f.mean_load, 0.5, 1e-3);  // the input-power method alone
}

// Ranked by CNY saved, most first: M2 at 80 % load saves more than M1 at 30 % (the IE2-IE4 loss
// difference grows with load). The file lists M1 first and "M1" < "M2", so neither the file order
// nor the id order gives the expected ranking.
TEST(DiagnosisMotors, RankedByMoneySaved) {
  const Diagnosed r = diagnose({{"M1", 0.3}, {"M2", 0.8}});
  ASSERT_EQ(r.d.motors.size(), 2u);
  EXPECT_EQ(r.d.to_class, "IE4");
  EXPECT_EQ(r.d.motors[0].id, "M2");
  EXPECT_EQ(r.d.motors[0].rank, 1);
  EXPECT_EQ(r.d.motors[1].id, "M1");
  EXPECT_EQ(r.d.motors[1].rank, 2);
  ASSERT_TRUE(r.d.motors[0].replacement && r.d.motors[1].replacement);
  EXPECT_GT(r.d.motors[0].replacement->money, r.d.motors[1].replacement->money);
}

// Time of use in local time (+08:00): December is its own season. Each instant is written in
// local time; the UTC date is the day before until 08:00 local, so a lookup in UTC would find
// December's season or the wrong period. Prices exact up to the kWh conversion (1e-15 CNY/J).
TEST(DiagnosisPrice, TimeOfUseInLocalTime) {
  const std::string tariff = R"(tariff:
  seasons:
    - name: winter
      months: [12]
      periods:
        - {name: peak, price: "1.2 CNY/kWh", hours: ["08:00-20:00"]}
        - {name: valley, price: "0.4 CNY/kWh", hours: ["20:00-08:00"]}
    - name: rest
      months: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]
      periods:
        - {name: peak, price: "1.0 CNY/kWh", hours: ["08:00-20:00"]}
        - {name: valley, price: "0.3 CNY/kWh", hours: ["20:00-08:00"]}
)";
  const ParkModel model = test::compileText(parkText(tariff)).baseline;
  auto price = [&](const char* local) {
    const IsoTimeParse t = parseIsoTime(local);
    EXPECT_TRUE(t.instant) << local;
    const auto unix_time = static_cast<int64_t>(t.instant ? t.instant->unix_time : 0.0);
    return priceAt(model.tariff, unix_time, model.site.utc_offset_s) * u::kWh;
  };
  EXPECT_NEAR(price("2024-12-31T19:59+08:00"), 1.2, 1e-12);
  EXPECT_NEAR(price("2024-12-31T20:00+08:00"), 0.4, 1e-12);
  EXPECT_NEAR(price("2024-12-31T23:59+08:00"), 0.4, 1e-12);
  EXPECT_NEAR(price("2025-01-01T00:00+08:00"), 0.3, 1e-12);  // UTC: 31 Dec 16:00
  EXPECT_NEAR(price("2025-01-01T07:59+08:00"), 0.3, 1e-12);  // UTC: 31 Dec 23:59
  EXPECT_NEAR(price("2025-01-01T08:00+08:00"), 1.0, 1e-12);  // UTC: 1 Jan 00:00
  EXPECT_NEAR(price("2025-01-01T19:59+08:00"), 1.0, 1e-12);
  EXPECT_NEAR(price("2025-01-01T20:00+08:00"), 0.3, 1e-12);
}

}  // namespace
}  // namespace twin::diagnosis
