#include "physics/motor_efficiency.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>

#include "physics/units.h"

namespace physics {
namespace {

using units::kW;

constexpr int kAllPoles = 0b1111;  // 2, 4, 6, 8

int poleIndex(int poles) {
  switch (poles) {
    case 2:
      return 0;
    case 4:
      return 1;
    case 6:
      return 2;
    case 8:
      return 3;
    default:
      return -1;
  }
}

// eta_n [%] = A x^3 + B x^2 + C x + D, x = log10(P_N / 1 kW).
struct Cubic {
  double a, b, c, d;
};

// IEC 60034-30-1:2014 interpolation coefficients, 50 Hz, as printed in UK SI 2021/745 Schedule 16
// Table 27 (0.12-0.55 kW) and Table 28 (0.75-200 kW) = EU 2019/1781 Annex I Table 4. Index
// [class IE2..IE4][poles 2/4/6/8]. Two values printed with a decimal comma read as -3.0554 and
// 86.8321 (IE3 6-pole C, IE4 4-pole D).
constexpr std::array<std::array<Cubic, 4>, 3> kSmallCoefficients{{
    {{{22.4864, 27.7603, 37.8091, 82.458},
      {17.2751, 23.978, 35.5822, 84.9935},
      {-15.9218, -30.258, 16.6861, 79.1838},
      {6.4855, 9.4748, 36.852, 70.762}}},
    {{{6.8532, 6.2006, 25.1317, 84.0392},
      {7.6356, 4.8236, 21.0903, 86.0998},
      {-17.361, -44.538, -3.0554, 79.1318},
      {-0.5896, -25.526, 4.2884, 75.831}}},
    {{{-8.8538, -20.3352, 8.9002, 85.0641},
      {8.432, 2.6888, 14.6236, 87.6153},
      {-13.0355, -36.9497, -4.3621, 82.0009},
      {-4.9735, -21.453, 2.6653, 79.055}}},
}};
constexpr std::array<std::array<Cubic, 4>, 3> kLargeCoefficients{{
    {{{0.2972, -3.3454, 13.0651, 79.077},
      {0.0278, -1.9247, 10.4395, 80.9761},
      {0.0148, -2.4978, 13.247, 77.5603},
      {2.1311, -12.029, 26.719, 69.735}}},
    {{{0.3569, -3.3076, 11.6108, 82.2503},
      {0.0773, -1.8951, 9.2984, 83.7025},
      {0.1252, -2.613, 11.9963, 80.4769},
      {0.7189, -5.1678, 15.705, 77.074}}},
    {{{0.34, -3.0479, 10.293, 84.8208},
      {0.2412, -2.3608, 8.446, 86.8321},
      {0.3598, -3.2107, 10.7933, 84.107},
      {0.6556, -4.7229, 13.977, 80.247}}},
}};

// IEC 60034-30-1:2014 IE1 (standard efficiency), 50 Hz, 2/4/6/8 poles, 0.12-200 kW; 200-1000 kW
// take the 200 kW value (as the standard's table prints it). Typed in from the third-party
// transcription of the standard's table in github gelo3107/Motor_Library (ie1_table.txt, commit
// f8493147), with its 5.5 kW 6-pole "93.1" read as 83.1 (a typo: IEC 60034-30:2008 and the Siemens
// catalogue reprint give 83.1, and 93.1 would exceed IE2). Checks: 0.75-7.5 kW 2/4/6 poles agree
// with the Siemens reprint of IEC 60034-30:2008 (../shared/datasets/standards/
// iec60034_30_1_ie1_partial_siemens.csv), whose visible 11 kW row also reads 87.6/87.6/86.4; the
// same repository's IE2 table agrees with the IEC formula at all 116 ratings 0.12-200 kW.
struct Ie1Row {
  double power_kw;
  std::array<double, 4> eta_pct;  // 2, 4, 6, 8 poles
};
constexpr std::array<Ie1Row, 29> kIe1Table{{
    {0.12, {45.0, 50.0, 38.3, 31.0}}, {0.18, {52.8, 57.0, 45.5, 38.0}},
    {0.2, {54.6, 58.5, 47.6, 39.7}},  {0.25, {58.2, 61.5, 52.1, 43.4}},
    {0.37, {63.9, 66.0, 59.7, 49.7}}, {0.4, {64.9, 66.8, 61.1, 50.9}},
    {0.55, {69.0, 70.0, 65.8, 56.1}}, {0.75, {72.1, 72.1, 70.0, 61.2}},
    {1.1, {75.0, 75.0, 72.9, 66.5}},  {1.5, {77.2, 77.2, 75.2, 70.2}},
    {2.2, {79.7, 79.7, 77.7, 74.2}},  {3, {81.5, 81.5, 79.7, 77.0}},
    {4, {83.1, 83.1, 81.4, 79.2}},    {5.5, {84.7, 84.7, 83.1, 81.4}},
    {7.5, {86.0, 86.0, 84.7, 83.1}},  {11, {87.6, 87.6, 86.4, 85.0}},
    {15, {88.7, 88.7, 87.7, 86.2}},   {18.5, {89.3, 89.3, 88.6, 86.9}},
    {22, {89.9, 89.9, 89.2, 87.4}},   {30, {90.7, 90.7, 90.2, 88.3}},
    {37, {91.2, 91.2, 90.8, 88.8}},   {45, {91.7, 91.7, 91.4, 89.2}},
    {55, {92.1, 92.1, 91.9, 89.7}},   {75, {92.7, 92.7, 92.6, 90.3}},
    {90, {93.0, 93.0, 92.9, 90.7}},   {110, {93.3, 93.3, 93.3, 91.1}},
    {132, {93.5, 93.5, 93.5, 91.5}},  {160, {93.8, 93.8, 93.8, 91.9}},
    {200, {94.0, 94.0, 94.0, 92.5}},
}};

// GB 18613-2020 Table 1 (three-phase induction motors, 50 Hz): minimum efficiency [%] by grade
// 1/2/3 and 2/4/6/8 poles, 0.12-1000 kW. Typed in from the third-party transcription
// github adgo07/EquipEffi (../shared/datasets/standards/gb18613_2020_motor_efficiency.csv, marked
// "review" by its author); grades 2/3 up to 200 kW agree with the IEC IE4/IE3 formula.
struct GbRow {
  double power_kw;
  std::array<std::array<double, 4>, 3> eta_pct;  // [grade 1..3][poles 2/4/6/8]
};
constexpr std::array<GbRow, 42> kGbTable{{
    {0.12, {{{71.4, 74.3, 69.8, 67.4}, {66.5, 69.8, 64.9, 62.3}, {60.8, 64.8, 57.7, 50.7}}}},
    {0.18, {{{75.2, 78.7, 74.6, 71.9}, {70.8, 74.7, 70.1, 67.2}, {65.9, 69.9, 63.9, 58.7}}}},
    {0.2, {{{76.2, 79.6, 75.7, 73.0}, {71.9, 75.8, 71.4, 68.4}, {67.2, 71.1, 65.4, 60.6}}}},
    {0.25, {{{78.3, 81.5, 78.1, 75.2}, {74.3, 77.9, 74.1, 70.8}, {69.7, 73.5, 68.6, 64.1}}}},
    {0.37, {{{81.7, 84.3, 81.6, 78.4}, {78.1, 81.1, 78.0, 74.3}, {73.8, 77.3, 73.5, 69.3}}}},
    {0.4, {{{82.3, 84.8, 82.2, 78.9}, {78.9, 81.7, 78.7, 74.9}, {74.6, 78.0, 74.4, 70.1}}}},
    {0.55, {{{84.6, 86.7, 84.2, 80.6}, {81.5, 83.9, 80.9, 77.0}, {77.8, 80.8, 77.2, 73.0}}}},
    {0.75, {{{86.3, 88.2, 85.7, 82.0}, {83.5, 85.7, 82.7, 78.4}, {80.7, 82.5, 78.9, 75.0}}}},
    {1.1, {{{87.8, 89.5, 87.2, 84.0}, {85.2, 87.2, 84.5, 80.8}, {82.7, 84.1, 81.0, 77.7}}}},
    {1.5, {{{88.9, 90.4, 88.4, 85.5}, {86.5, 88.2, 85.9, 82.6}, {84.2, 85.3, 82.5, 79.7}}}},
    {2.2, {{{90.2, 91.4, 89.7, 87.2}, {88.0, 89.5, 87.4, 84.5}, {85.9, 86.7, 84.3, 81.9}}}},
    {3, {{{91.1, 92.1, 90.6, 88.4}, {89.1, 90.4, 88.6, 85.9}, {87.1, 87.7, 85.6, 83.5}}}},
    {4, {{{91.8, 92.8, 91.4, 89.4}, {90.0, 91.1, 89.5, 87.1}, {88.1, 88.6, 86.8, 84.8}}}},
    {5.5, {{{92.6, 93.4, 92.2, 90.4}, {90.9, 91.9, 90.5, 88.3}, {89.2, 89.6, 88.0, 86.2}}}},
    {7.5, {{{93.3, 94.0, 92.9, 91.3}, {91.7, 92.6, 91.3, 89.3}, {90.1, 90.4, 89.1, 87.3}}}},
    {11, {{{94.0, 94.6, 93.7, 92.2}, {92.6, 93.3, 92.3, 90.4}, {91.2, 91.4, 90.3, 88.6}}}},
    {15, {{{94.5, 95.1, 94.3, 92.9}, {93.3, 93.9, 92.9, 91.2}, {91.9, 92.1, 91.2, 89.6}}}},
    {18.5, {{{94.9, 95.3, 94.6, 93.3}, {93.7, 94.2, 93.4, 91.7}, {92.4, 92.6, 91.7, 90.1}}}},
    {22, {{{95.1, 95.5, 94.9, 93.6}, {94.0, 94.5, 93.7, 92.1}, {92.7, 93.0, 92.2, 90.6}}}},
    {30, {{{95.5, 95.9, 95.3, 94.1}, {94.5, 94.9, 94.2, 92.7}, {93.3, 93.6, 92.9, 91.3}}}},
    {37, {{{95.8, 96.1, 95.6, 94.4}, {94.8, 95.2, 94.5, 93.1}, {93.7, 93.9, 93.3, 91.8}}}},
    {45, {{{96.0, 96.3, 95.8, 94.7}, {95.0, 95.4, 94.8, 93.4}, {94.0, 94.2, 93.7, 92.2}}}},
    {55, {{{96.2, 96.5, 96.0, 94.9}, {95.3, 95.7, 95.1, 93.7}, {94.3, 94.6, 94.1, 92.5}}}},
    {75, {{{96.5, 96.7, 96.3, 95.3}, {95.6, 96.0, 95.4, 94.2}, {94.7, 95.0, 94.6, 93.1}}}},
    {90, {{{96.6, 96.9, 96.5, 95.5}, {95.8, 96.1, 95.6, 94.4}, {95.0, 95.2, 94.9, 93.4}}}},
    {110, {{{96.8, 97.0, 96.6, 95.7}, {96.0, 96.3, 95.8, 94.7}, {95.2, 95.4, 95.1, 93.7}}}},
    {132, {{{96.9, 97.1, 96.8, 95.9}, {96.2, 96.4, 96.0, 94.9}, {95.4, 95.6, 95.4, 94.0}}}},
    {160, {{{97.0, 97.2, 96.9, 96.1}, {96.3, 96.6, 96.2, 95.1}, {95.6, 95.8, 95.6, 94.3}}}},
    {200, {{{97.2, 97.4, 97.0, 96.3}, {96.5, 96.7, 96.3, 95.4}, {95.8, 96.0, 95.8, 94.6}}}},
    {250, {{{97.2, 97.4, 97.0, 96.3}, {96.5, 96.7, 96.5, 95.4}, {95.8, 96.0, 95.8, 94.6}}}},
    {280, {{{97.2, 97.4, 97.0, 96.3}, {96.5, 96.7, 96.6, 95.4}, {95.8, 96.0, 95.8, 94.6}}}},
    {315, {{{97.2, 97.4, 97.0, 96.3}, {96.5, 96.7, 96.6, 95.4}, {95.8, 96.0, 95.8, 94.6}}}},
    {355, {{{97.2, 97.4, 97.0, 96.3}, {96.5, 96.7, 96.6, 95.4}, {95.8, 96.0, 95.8, 94.6}}}},
    {400, {{{97.2, 97.4, 97.0, 96.3}, {96.5, 96.7, 96.6, 95.4}, {95.8, 96.0, 95.8, 94.6}}}},
    {450, {{{97.2, 97.4, 97.0, 96.3}, {96.5, 96.7, 96.6, 95.4}, {95.8, 96.0, 95.8, 94.6}}}},
    {500, {{{97.2, 97.4, 97.0, 96.3}, {96.5, 96.7, 96.6, 95.4}, {95.8, 96.0, 95.8, 94.6}}}},
    {560, {{{97.2, 97.4, 97.0, 96.3}, {96.5, 96.7, 96.6, 95.4}, {95.8, 96.0, 95.8, 94.6}}}},
    {630, {{{97.2, 97.4, 97.0, 96.3}, {96.5, 96.7, 96.6, 95.4}, {95.8, 96.0, 95.8, 94.6}}}},
    {710, {{{97.2, 97.4, 97.0, 96.3}, {96.5, 96.7, 96.6, 95.4}, {95.8, 96.0, 95.8, 94.6}}}},
    {800, {{{97.2, 97.4, 97.0, 96.3}, {96.5, 96.7, 96.6, 95.4}, {95.8, 96.0, 95.8, 94.6}}}},
    {900, {{{97.2, 97.4, 97.0, 96.3}, {96.5, 96.7, 96.6, 95.4}, {95.8, 96.0, 95.8, 94.6}}}},
    {1000, {{{97.2, 97.4, 97.0, 96.3}, {96.5, 96.7, 96.6, 95.4}, {95.8, 96.0, 95.8, 94.6}}}},
}};

// A rated power equal to a tabulated one within this relative tolerance is that rating.
constexpr double kRatingTolerance = 1e-6;

double roundToTenthPct(double eta_pct) { return std::round(eta_pct * 10.0) / 10.0; }

double iecFormulaPct(int class_index, int pole_index, double power_kw) {
  const Cubic& k = power_kw < 0.75 - kRatingTolerance ? kSmallCoefficients[class_index][pole_index]
                                                      : kLargeCoefficients[class_index][pole_index];
  const double x = std::log10(power_kw);
  return roundToTenthPct(((k.a * x + k.b) * x + k.c) * x + k.d);
}

// Index of the largest tabulated rating <= power_kw, or -1 when power_kw is below the first.
template <typename Table>
int nextLowerRow(const Table& table, std::size_t rows, double power_kw) {
  int found = -1;
  for (std::size_t i = 0; i < rows; ++i) {
    if (table[i].power_kw <= power_kw * (1.0 + kRatingTolerance)) found = static_cast<int>(i);
  }
  return found;
}

std::optional<double> gbEfficiency(int grade, int pole_index, double power_kw) {
  const int row = nextLowerRow(kGbTable, kGbTable.size(), power_kw);
  if (row < 0) return std::nullopt;
  return kGbTable[row].eta_pct[grade - 1][pole_index] * units::pct;
}

}  // namespace

std::optional<MotorClass> motorClassFromName(std::string_view name) {
  for (size_t i = 0; i < kMotorClassNames.size(); ++i) {
    if (kMotorClassNames[i] == name) return static_cast<MotorClass>(i);
  }
  return std::nullopt;
}

MotorClassCoverage coverage(MotorClass motor_class) {
  switch (motor_class) {
    case MotorClass::kIE1:
      return {0.12 * kW, 1000 * kW, kAllPoles,
              "IE1 (IEC 60034-30-1:2014 table, 50 Hz): 0.12-1000 kW, 2/4/6/8 poles; other "
              "ratings by the next lower tabulated rating, the 200 kW value above 200 kW"};
    case MotorClass::kIE2:
    case MotorClass::kIE3:
    case MotorClass::kIE4:
      return {0.12 * kW, 1000 * kW, kAllPoles,
              "IE2-IE4 (IEC 60034-30-1:2014, 50 Hz): 0.12-1000 kW, 2/4/6/8 poles; formula "
              "0.12-200 kW, the 200 kW value above 200 kW"};
    case MotorClass::kIE5:
      return {0.12 * kW, 1000 * kW, kAllPoles,
              "IE5 (proxy: GB 18613-2020 grade 1, 50 Hz): 0.12-1000 kW, 2/4/6/8 poles; other "
              "ratings by the next lower tabulated rating"};
    case MotorClass::kGB1:
    case MotorClass::kGB2:
    case MotorClass::kGB3:
      return {0.12 * kW, 1000 * kW, kAllPoles,
              "GB 18613-2020 Table 1 grades 1-3 (50 Hz): 0.12-1000 kW, 2/4/6/8 poles; other "
              "ratings by the next lower tabulated rating"};
  }
  return {};
}

bool coversPoles(const MotorClassCoverage& c, int poles) {
  const int i = poleIndex(poles);
  return i >= 0 && (c.pole_mask & (1 << i)) != 0;
}

std::optional<double> ratedEfficiency(MotorClass motor_class, double rated_power, int poles) {
  const MotorClassCoverage c = coverage(motor_class);
  if (!coversPoles(c, poles) || !(rated_power >= c.min_power * (1.0 - kRatingTolerance)) ||
      !(rated_power <= c.max_power * (1.0 + kRatingTolerance))) {
    return std::nullopt;
  }
  const int pole_index = poleIndex(poles);
  const double power_kw = rated_power / kW;
  switch (motor_class) {
    case MotorClass::kIE1: {
      const int row = nextLowerRow(kIe1Table, kIe1Table.size(), power_kw);
      if (row < 0) return std::nullopt;
      return kIe1Table[row].eta_pct[pole_index] * units::pct;
    }
    case MotorClass::kIE2:
    case MotorClass::kIE3:
    case MotorClass::kIE4: {
      const int class_index = static_cast<int>(motor_class) - static_cast<int>(MotorClass::kIE2);
      return iecFormulaPct(class_index, pole_index, std::min(power_kw, 200.0)) * units::pct;
    }
    case MotorClass::kIE5:
    case MotorClass::kGB1:
      return gbEfficiency(1, pole_index, power_kw);
    case MotorClass::kGB2:
      return gbEfficiency(2, pole_index, power_kw);
    case MotorClass::kGB3:
      return gbEfficiency(3, pole_index, power_kw);
  }
  return std::nullopt;
}

double typicalRatedPowerFactor(double rated_power, int poles) {
  // Estimated typical rated power factors (rounded), linear in log10(P) between the points.
  constexpr std::array<double, 11> kPowerKw{0.12, 0.37, 0.75, 1.5, 3, 7.5, 15, 37, 75, 160, 315};
  constexpr std::array<std::array<double, 11>, 4> kPf{{
      {0.70, 0.76, 0.80, 0.82, 0.84, 0.86, 0.87, 0.88, 0.88, 0.89, 0.90},  // 2 poles
      {0.60, 0.68, 0.74, 0.78, 0.80, 0.82, 0.84, 0.85, 0.86, 0.87, 0.87},  // 4 poles
      {0.55, 0.63, 0.68, 0.72, 0.74, 0.77, 0.80, 0.82, 0.84, 0.85, 0.86},  // 6 poles
      {0.50, 0.58, 0.63, 0.67, 0.70, 0.73, 0.76, 0.79, 0.81, 0.82, 0.83},  // 8 poles
  }};
  const int pole_index = poleIndex(poles);
  const auto& pf = kPf[pole_index < 0 ? 1 : pole_index];
  const double p = rated_power / kW;
  if (!(p > kPowerKw.front())) return pf.front();
  if (p >= kPowerKw.back()) return pf.back();
  std::size_t i = 1;
  while (kPowerKw[i] < p) ++i;
  const double t = (std::log10(p) - std::log10(kPowerKw[i - 1])) /
                   (std::log10(kPowerKw[i]) - std::log10(kPowerKw[i - 1]));
  return pf[i - 1] + t * (pf[i] - pf[i - 1]);
}

double constantLossShare(double rated_power) {
  return std::clamp(0.30 + 0.03 * std::log10(rated_power / kW), 0.25, 0.40);
}

MotorModel makeMotorModel(double rated_power, int poles, double rated_efficiency,
                          std::optional<double> rated_power_factor, double rated_voltage) {
  MotorModel m;
  m.rated_power = rated_power;
  m.poles = poles;
  m.rated_efficiency = rated_efficiency;
  m.rated_power_factor = rated_power_factor.value_or(typicalRatedPowerFactor(rated_power, poles));
  m.rated_voltage = rated_voltage;
  const double rated_input = rated_power / rated_efficiency;
  const double rated_losses = rated_input - rated_power;
  const double share = constantLossShare(rated_power);
  m.constant_losses = share * rated_losses;
  m.load_losses = (1.0 - share) * rated_losses;
  const double pf = m.rated_power_factor;
  const double rated_reactive = rated_input * std::sqrt(std::max(0.0, 1.0 - pf * pf)) / pf;
  m.magnetising_reactive = kMagnetisingReactiveShare * rated_reactive;
  m.leakage_reactive = rated_reactive - m.magnetising_reactive;
  return m;
}

MotorLoadPoint motorAtLoad(const MotorModel& motor, double load_fraction, double voltage,
                           double voltage_unbalance) {
  MotorLoadPoint op;
  const double x = std::clamp(load_fraction, 0.0, 1.25);
  op.load_fraction = x;
  op.shaft_power = x * motor.rated_power;
  op.losses = motor.constant_losses +
              motor.load_losses * unbalanceLoadLossFactor(voltage_unbalance) * x * x;
  op.input_power = op.shaft_power + op.losses;
  op.reactive_power = motor.magnetising_reactive + motor.leakage_reactive * x * x;
  op.efficiency = op.input_power > 0.0 ? op.shaft_power / op.input_power : 0.0;
  const double apparent = std::hypot(op.input_power, op.reactive_power);
  op.power_factor = apparent > 0.0 ? op.input_power / apparent : 0.0;
  op.current = voltage > 0.0 ? apparent / (std::sqrt(3.0) * voltage) : 0.0;
  return op;
}

double peakEfficiencyLoad(const MotorModel& motor) {
  return std::sqrt(motor.constant_losses / motor.load_losses);
}

std::optional<double> nemaUnbalanceDerating(double voltage_unbalance) {
  // NEMA MG 1 Figure 14-1, points (unbalance %, derating factor).
  constexpr std::array<double, 6> kPct{0.0, 1.0, 2.0, 3.0, 4.0, 5.0};
  constexpr std::array<double, 6> kFactor{1.0, 1.0, 0.95, 0.88, 0.82, 0.75};
  const double u = voltage_unbalance / units::pct;
  if (!(u >= 0.0) || u > kPct.back() + 1e-9) return std::nullopt;
  std::size_t i = 1;
  while (i + 1 < kPct.size() && kPct[i] < u) ++i;
  const double t = std::clamp((u - kPct[i - 1]) / (kPct[i] - kPct[i - 1]), 0.0, 1.0);
  return kFactor[i - 1] + t * (kFactor[i] - kFactor[i - 1]);
}

double unbalanceLoadLossFactor(double voltage_unbalance) {
  const double u = std::max(0.0, voltage_unbalance / units::pct);
  return 1.0 + 2.0 * u * u / 100.0;
}

}  // namespace physics
