// Over 400 lines: NREL SPA's periodic-term tables (A4.2/A4.3) are typed in here.
// NREL Solar Position Algorithm (Reda & Andreas 2004, NREL/TP-560-34302 rev. 2008); section
// numbers below are the paper's. Angles are radians throughout; the paper's degree-valued
// polynomials are converted where they are evaluated.
#include "physics/solar_position.h"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <iterator>
#include <utility>
#include <vector>

#include "physics/units.h"

namespace physics {
namespace {

using units::deg;
using units::pi;

constexpr double kTwoPi = 2.0 * pi;
constexpr double kArcsec = deg / 3600.0;
constexpr double kSecondsPerDay = 86400.0;
constexpr double kDaysPerJulianCentury = 36525.0;
constexpr double kJulianDayAtUnixEpoch = 2440587.5;  // 1970-01-01T00:00:00 UT
constexpr double kUnixTimeAtJ2000 = 946728000.0;     // 2000-01-01T12:00:00 UT = JD 2451545.0
constexpr double kNodeStep = 3 * 3600.0;             // s, SunEphemeris
constexpr double kNodeMargin = 2 * kNodeStep;        // s beyond [start, end], SunEphemeris

// One term A cos(B + C tau) of the Earth's heliocentric series; tau in Julian millennia (TT)
// from J2000, A in 1e-8 rad (L, B) or 1e-8 AU (R), B in rad, C in rad per millennium.
struct PeriodicTerm {
  double a;
  double b;
  double c;
};

// Earth periodic terms, Reda & Andreas (2004) Table A4.2 (an abridged VSOP87): L0-L5, B0-B1,
// R0-R4 in the paper's order.
constexpr PeriodicTerm kL0[] = {{175347046.0, 0.0, 0.0},       {3341656.0, 4.6692568, 6283.07585},
                                {34894.0, 4.6261, 12566.1517}, {3497.0, 2.7441, 5753.3849},
                                {3418.0, 2.8289, 3.5231},      {3136.0, 3.6277, 77713.7715},
                                {2676.0, 4.4181, 7860.4194},   {2343.0, 6.1352, 3930.2097},
                                {1324.0, 0.7425, 11506.7698},  {1273.0, 2.0371, 529.691},
                                {1199.0, 1.1096, 1577.3435},   {990.0, 5.233, 5884.927},
                                {902.0, 2.045, 26.298},        {857.0, 3.508, 398.149},
                                {780.0, 1.179, 5223.694},      {753.0, 2.533, 5507.553},
                                {505.0, 4.583, 18849.228},     {492.0, 4.205, 775.523},
                                {357.0, 2.92, 0.067},          {317.0, 5.849, 11790.629},
                                {284.0, 1.899, 796.298},       {271.0, 0.315, 10977.079},
                                {243.0, 0.345, 5486.778},      {206.0, 4.806, 2544.314},
                                {205.0, 1.869, 5573.143},      {202.0, 2.458, 6069.777},
                                {156.0, 0.833, 213.299},       {132.0, 3.411, 2942.463},
                                {126.0, 1.083, 20.775},        {115.0, 0.645, 0.98},
                                {103.0, 0.636, 4694.003},      {102.0, 0.976, 15720.839},
                                {102.0, 4.267, 7.114},         {99.0, 6.21, 2146.17},
                                {98.0, 0.68, 155.42},          {86.0, 5.98, 161000.69},
                                {85.0, 1.3, 6275.96},          {85.0, 3.67, 71430.7},
                                {80.0, 1.81, 17260.15},        {79.0, 3.04, 12036.46},
                                {75.0, 1.76, 5088.63},         {74.0, 3.5, 3154.69},
                                {74.0, 4.68, 801.82},          {70.0, 0.83, 9437.76},
                                {62.0, 3.98, 8827.39},         {61.0, 1.82, 7084.9},
                                {57.0, 2.78, 6286.6},          {56.0, 4.39, 14143.5},
                                {56.0, 3.47, 6279.55},         {52.0, 0.19, 12139.55},
                                {52.0, 1.33, 1748.02},         {51.0, 0.28, 5856.48},
                                {49.0, 0.49, 1194.45},         {41.0, 5.37, 8429.24},
                                {41.0, 2.4, 19651.05},         {39.0, 6.17, 10447.39},
                                {37.0, 6.04, 10213.29},        {37.0, 2.57, 1059.38},
                                {36.0, 1.71, 2352.87},         {36.0, 1.78, 6812.77},
                                {33.0, 0.59, 17789.85},        {30.0, 0.44, 83996.85},
                                {30.0, 2.74, 1349.87},         {25.0, 3.16, 4690.48}};

constexpr PeriodicTerm kL1[] = {{628331966747.0, 0.0, 0.0},   {206059.0, 2.678235, 6283.07585},
                                {4303.0, 2.6351, 12566.1517}, {425.0, 1.59, 3.523},
                                {119.0, 5.796, 26.298},       {109.0, 2.966, 1577.344},
                                {93.0, 2.59, 18849.23},       {72.0, 1.14, 529.69},
                                {68.0, 1.87, 398.15},         {67.0, 4.41, 5507.55},
                                {59.0, 2.89, 5223.69},        {56.0, 2.17, 155.42},
                                {45.0, 0.4, 796.3},           {36.0, 0.47, 775.52},
                                {29.0, 2.65, 7.11},           {21.0, 5.34, 0.98},
                                {19.0, 1.85, 5486.78},        {19.0, 4.97, 213.3},
                                {17.0, 2.99, 6275.96},        {16.0, 0.03, 2544.31},
                                {16.0, 1.43, 2146.17},        {15.0, 1.21, 10977.08},
                                {12.0, 2.83, 1748.02},        {12.0, 3.26, 5088.63},
                                {12.0, 5.27, 1194.45},        {12.0, 2.08, 4694.0},
                                {11.0, 0.77, 553.57},         {10.0, 1.3, 6286.6},
                                {10.0, 4.24, 1349.87},        {9.0, 2.7, 242.73},
                                {9.0, 5.64, 951.72},          {8.0, 5.3, 2352.87},
                                {6.0, 2.65, 9437.76},         {6.0, 4.67, 4690.48}};

constexpr PeriodicTerm kL2[] = {{52919.0, 0.0, 0.0},       {8720.0, 1.0721, 6283.0758},
                                {309.0, 0.867, 12566.152}, {27.0, 0.05, 3.52},
                                {16.0, 5.19, 26.3},        {16.0, 3.68, 155.42},
                                {10.0, 0.76, 18849.23},    {9.0, 2.06, 77713.77},
                                {7.0, 0.83, 775.52},       {5.0, 4.66, 1577.34},
                                {4.0, 1.03, 7.11},         {4.0, 3.44, 5573.14},
                                {3.0, 5.14, 796.3},        {3.0, 6.05, 5507.55},
                                {3.0, 1.19, 242.73},       {3.0, 6.12, 529.69},
                                {3.0, 0.31, 398.15},       {3.0, 2.28, 553.57},
                                {2.0, 4.38, 5223.69},      {2.0, 3.75, 0.98}};

constexpr PeriodicTerm kL3[] = {{289.0, 5.844, 6283.076}, {35.0, 0.0, 0.0},  {17.0, 5.49, 12566.15},
                                {3.0, 5.2, 155.42},       {1.0, 4.72, 3.52}, {1.0, 5.3, 18849.23},
                                {1.0, 5.97, 242.73}};

constexpr PeriodicTerm kL4[] = {{114.0, 3.142, 0.0}, {8.0, 4.13, 6283.08}, {1.0, 3.84, 12566.15}};

constexpr PeriodicTerm kL5[] = {{1.0, 3.14, 0.0}};

constexpr PeriodicTerm kB0[] = {{280.0, 3.199, 84334.662},
                                {102.0, 5.422, 5507.553},
                                {80.0, 3.88, 5223.69},
                                {44.0, 3.7, 2352.87},
                                {32.0, 4.0, 1577.34}};

constexpr PeriodicTerm kB1[] = {{9.0, 3.9, 5507.55}, {6.0, 1.73, 5223.69}};

constexpr PeriodicTerm kR0[] = {{100013989.0, 0.0, 0.0},        {1670700.0, 3.0984635, 6283.07585},
                                {13956.0, 3.05525, 12566.1517}, {3084.0, 5.1985, 77713.7715},
                                {1628.0, 1.1739, 5753.3849},    {1576.0, 2.8469, 7860.4194},
                                {925.0, 5.453, 11506.77},       {542.0, 4.564, 3930.21},
                                {472.0, 3.661, 5884.927},       {346.0, 0.964, 5507.553},
                                {329.0, 5.9, 5223.694},         {307.0, 0.299, 5573.143},
                                {243.0, 4.273, 11790.629},      {212.0, 5.847, 1577.344},
                                {186.0, 5.022, 10977.079},      {175.0, 3.012, 18849.228},
                                {110.0, 5.055, 5486.778},       {98.0, 0.89, 6069.78},
                                {86.0, 5.69, 15720.84},         {86.0, 1.27, 161000.69},
                                {65.0, 0.27, 17260.15},         {63.0, 0.92, 529.69},
                                {57.0, 2.01, 83996.85},         {56.0, 5.24, 71430.7},
                                {49.0, 3.25, 2544.31},          {47.0, 2.58, 775.52},
                                {45.0, 5.54, 9437.76},          {43.0, 6.01, 6275.96},
                                {39.0, 5.36, 4694.0},           {38.0, 2.39, 8827.39},
                                {37.0, 0.83, 19651.05},         {37.0, 4.9, 12139.55},
                                {36.0, 1.67, 12036.46},         {35.0, 1.84, 2942.46},
                                {33.0, 0.24, 7084.9},           {32.0, 0.18, 5088.63},
                                {32.0, 1.78, 398.15},           {28.0, 1.21, 6286.6},
                                {28.0, 1.9, 6279.55},           {26.0, 4.59, 10447.39}};

constexpr PeriodicTerm kR1[] = {{103019.0, 1.10749, 6283.07585},
                                {1721.0, 1.0644, 12566.1517},
                                {702.0, 3.142, 0.0},
                                {32.0, 1.02, 18849.23},
                                {31.0, 2.84, 5507.55},
                                {25.0, 1.32, 5223.69},
                                {18.0, 1.42, 1577.34},
                                {10.0, 5.91, 10977.08},
                                {9.0, 1.42, 6275.96},
                                {9.0, 0.27, 5486.78}};

constexpr PeriodicTerm kR2[] = {{4359.0, 5.7846, 6283.0758}, {124.0, 5.579, 12566.152},
                                {12.0, 3.14, 0.0},           {9.0, 3.63, 77713.77},
                                {6.0, 1.87, 5573.14},        {3.0, 5.47, 18849.23}};

constexpr PeriodicTerm kR3[] = {{145.0, 4.273, 6283.076}, {7.0, 3.92, 12566.15}};

constexpr PeriodicTerm kR4[] = {{4.0, 2.56, 6283.08}};

// Nutation in longitude and obliquity, Reda & Andreas (2004) Table A4.3 (63 terms): multipliers
// Y0..Y4 of the arguments X0..X4, then a, b (delta psi) and c, d (delta epsilon), in 0.0001".
struct NutationTerm {
  int y[5];
  double a;
  double b;
  double c;
  double d;
};

constexpr NutationTerm kNutation[] = {{{0, 0, 0, 0, 1}, -171996.0, -174.2, 92025.0, 8.9},
                                      {{-2, 0, 0, 2, 2}, -13187.0, -1.6, 5736.0, -3.1},
                                      {{0, 0, 0, 2, 2}, -2274.0, -0.2, 977.0, -0.5},
                                      {{0, 0, 0, 0, 2}, 2062.0, 0.2, -895.0, 0.5},
                                      {{0, 1, 0, 0, 0}, 1426.0, -3.4, 54.0, -0.1},
                                      {{0, 0, 1, 0, 0}, 712.0, 0.1, -7.0, 0.0},
                                      {{-2, 1, 0, 2, 2}, -517.0, 1.2, 224.0, -0.6},
                                      {{0, 0, 0, 2, 1}, -386.0, -0.4, 200.0, 0.0},
                                      {{0, 0, 1, 2, 2}, -301.0, 0.0, 129.0, -0.1},
                                      {{-2, -1, 0, 2, 2}, 217.0, -0.5, -95.0, 0.3},
                                      {{-2, 0, 1, 0, 0}, -158.0, 0.0, 0.0, 0.0},
                                      {{-2, 0, 0, 2, 1}, 129.0, 0.1, -70.0, 0.0},
                                      {{0, 0, -1, 2, 2}, 123.0, 0.0, -53.0, 0.0},
                                      {{2, 0, 0, 0, 0}, 63.0, 0.0, 0.0, 0.0},
                                      {{0, 0, 1, 0, 1}, 63.0, 0.1, -33.0, 0.0},
                                      {{2, 0, -1, 2, 2}, -59.0, 0.0, 26.0, 0.0},
                                      {{0, 0, -1, 0, 1}, -58.0, -0.1, 32.0, 0.0},
                                      {{0, 0, 1, 2, 1}, -51.0, 0.0, 27.0, 0.0},
                                      {{-2, 0, 2, 0, 0}, 48.0, 0.0, 0.0, 0.0},
                                      {{0, 0, -2, 2, 1}, 46.0, 0.0, -24.0, 0.0},
                                      {{2, 0, 0, 2, 2}, -38.0, 0.0, 16.0, 0.0},
                                      {{0, 0, 2, 2, 2}, -31.0, 0.0, 13.0, 0.0},
                                      {{0, 0, 2, 0, 0}, 29.0, 0.0, 0.0, 0.0},
                                      {{-2, 0, 1, 2, 2}, 29.0, 0.0, -12.0, 0.0},
                                      {{0, 0, 0, 2, 0}, 26.0, 0.0, 0.0, 0.0},
                                      {{-2, 0, 0, 2, 0}, -22.0, 0.0, 0.0, 0.0},
                                      {{0, 0, -1, 2, 1}, 21.0, 0.0, -10.0, 0.0},
                                      {{0, 2, 0, 0, 0}, 17.0, -0.1, 0.0, 0.0},
                                      {{2, 0, -1, 0, 1}, 16.0, 0.0, -8.0, 0.0},
                                      {{-2, 2, 0, 2, 2}, -16.0, 0.1, 7.0, 0.0},
                                      {{0, 1, 0, 0, 1}, -15.0, 0.0, 9.0, 0.0},
                                      {{-2, 0, 1, 0, 1}, -13.0, 0.0, 7.0, 0.0},
                                      {{0, -1, 0, 0, 1}, -12.0, 0.0, 6.0, 0.0},
                                      {{0, 0, 2, -2, 0}, 11.0, 0.0, 0.0, 0.0},
                                      {{2, 0, -1, 2, 1}, -10.0, 0.0, 5.0, 0.0},
                                      {{2, 0, 1, 2, 2}, -8.0, 0.0, 3.0, 0.0},
                                      {{0, 1, 0, 2, 2}, 7.0, 0.0, -3.0, 0.0},
                                      {{-2, 1, 1, 0, 0}, -7.0, 0.0, 0.0, 0.0},
                                      {{0, -1, 0, 2, 2}, -7.0, 0.0, 3.0, 0.0},
                                      {{2, 0, 0, 2, 1}, -7.0, 0.0, 3.0, 0.0},
                                      {{2, 0, 1, 0, 0}, 6.0, 0.0, 0.0, 0.0},
                                      {{-2, 0, 2, 2, 2}, 6.0, 0.0, -3.0, 0.0},
                                      {{-2, 0, 1, 2, 1}, 6.0, 0.0, -3.0, 0.0},
                                      {{2, 0, -2, 0, 1}, -6.0, 0.0, 3.0, 0.0},
                                      {{2, 0, 0, 0, 1}, -6.0, 0.0, 3.0, 0.0},
                                      {{0, -1, 1, 0, 0}, 5.0, 0.0, 0.0, 0.0},
                                      {{-2, -1, 0, 2, 1}, -5.0, 0.0, 3.0, 0.0},
                                      {{-2, 0, 0, 0, 1}, -5.0, 0.0, 3.0, 0.0},
                                      {{0, 0, 2, 2, 1}, -5.0, 0.0, 3.0, 0.0},
                                      {{-2, 0, 2, 0, 1}, 4.0, 0.0, 0.0, 0.0},
                                      {{-2, 1, 0, 2, 1}, 4.0, 0.0, 0.0, 0.0},
                                      {{0, 0, 1, -2, 0}, 4.0, 0.0, 0.0, 0.0},
                                      {{-1, 0, 1, 0, 0}, -4.0, 0.0, 0.0, 0.0},
                                      {{-2, 1, 0, 0, 0}, -4.0, 0.0, 0.0, 0.0},
                                      {{1, 0, 0, 0, 0}, -4.0, 0.0, 0.0, 0.0},
                                      {{0, 0, 1, 2, 0}, 3.0, 0.0, 0.0, 0.0},
                                      {{0, 0, -2, 2, 2}, -3.0, 0.0, 0.0, 0.0},
                                      {{-1, -1, 1, 0, 0}, -3.0, 0.0, 0.0, 0.0},
                                      {{0, 1, 1, 0, 0}, -3.0, 0.0, 0.0, 0.0},
                                      {{0, -1, 1, 2, 2}, -3.0, 0.0, 0.0, 0.0},
                                      {{2, -1, -1, 2, 2}, -3.0, 0.0, 0.0, 0.0},
                                      {{0, 0, 3, 2, 2}, -3.0, 0.0, 0.0, 0.0},
                                      {{2, -1, 0, 2, 2}, -3.0, 0.0, 0.0, 0.0}};

template <std::size_t N>
double sumTerms(const PeriodicTerm (&terms)[N], double tau) {
  double sum = 0.0;
  for (const PeriodicTerm& term : terms) sum += term.a * std::cos(term.b + term.c * tau);
  return sum;
}

// Sec. 3.2: L, B (rad) and R (AU), polynomials in tau of the series sums, scaled by 1e-8.
double heliocentricLongitude(double tau) {
  const double l5 = sumTerms(kL5, tau);
  const double l4 = sumTerms(kL4, tau) + tau * l5;
  const double l3 = sumTerms(kL3, tau) + tau * l4;
  const double l2 = sumTerms(kL2, tau) + tau * l3;
  const double l1 = sumTerms(kL1, tau) + tau * l2;
  return (sumTerms(kL0, tau) + tau * l1) * 1e-8;
}

double heliocentricLatitude(double tau) {
  return (sumTerms(kB0, tau) + tau * sumTerms(kB1, tau)) * 1e-8;
}

double heliocentricRadius(double tau) {
  const double r4 = sumTerms(kR4, tau);
  const double r3 = sumTerms(kR3, tau) + tau * r4;
  const double r2 = sumTerms(kR2, tau) + tau * r3;
  const double r1 = sumTerms(kR1, tau) + tau * r2;
  return (sumTerms(kR0, tau) + tau * r1) * 1e-8;
}

struct Nutation {
  double longitude;  // delta psi, rad
  double obliquity;  // delta epsilon, rad
};

// Sec. 3.4; t: Julian ephemeris centuries from J2000.
Nutation nutation(double t) {
  // Mean elongation of the Moon, mean anomalies of Sun and Moon, Moon's argument of latitude,
  // longitude of the Moon's ascending node: cubic polynomials in degrees.
  const double x[5] = {(297.85036 + t * (445267.111480 + t * (-0.0019142 + t / 189474.0))) * deg,
                       (357.52772 + t * (35999.050340 + t * (-0.0001603 - t / 300000.0))) * deg,
                       (134.96298 + t * (477198.867398 + t * (0.0086972 + t / 56250.0))) * deg,
                       (93.27191 + t * (483202.017538 + t * (-0.0036825 + t / 327270.0))) * deg,
                       (125.04452 + t * (-1934.136261 + t * (0.0020708 + t / 450000.0))) * deg};
  double psi = 0.0;
  double eps = 0.0;
  for (const NutationTerm& term : kNutation) {
    const double arg = term.y[0] * x[0] + term.y[1] * x[1] + term.y[2] * x[2] + term.y[3] * x[3] +
                       term.y[4] * x[4];
    psi += (term.a + term.b * t) * std::sin(arg);
    eps += (term.c + term.d * t) * std::cos(arg);
  }
  return {psi * 1e-4 * kArcsec, eps * 1e-4 * kArcsec};
}

// Sec. 3.5: mean obliquity of the ecliptic, rad; u: Julian ephemeris millennia / 10.
double meanObliquity(double u) {
  constexpr double kCoefficients[] = {84381.448, -4680.93, -1.55, 1999.25, -51.38, -249.67,
                                      -39.05,    7.12,     27.87, 5.79,    2.45};
  double arcsec = 0.0;
  for (std::size_t i = std::size(kCoefficients); i-- > 0;) arcsec = arcsec * u + kCoefficients[i];
  return arcsec * kArcsec;
}

// Into [0, 2 pi); a tiny negative angle would round to 2 pi, hence the second step.
double wrapTwoPi(double angle) {
  const double wrapped = angle - kTwoPi * std::floor(angle / kTwoPi);
  return wrapped < kTwoPi ? wrapped : 0.0;
}

}  // namespace

double SolarPosition::elevation() const { return 0.5 * pi - zenith; }
double SolarPosition::apparent_elevation() const { return 0.5 * pi - apparent_zenith; }

double julianDayFromUnix(double unix_time) {
  return unix_time / kSecondsPerDay + kJulianDayAtUnixEpoch;
}

double estimateDeltaT(double y) {
  // Espenak & Meeus (2006), NASA/TP-2006-214141 section 2.6 ("Polynomial expressions for
  // Delta T"), one polynomial per era; y is the decimal year.
  const auto far = [](double year) {
    const double u = (year - 1820.0) / 100.0;
    return -20.0 + 32.0 * u * u;
  };
  if (y < -500.0) return far(y);
  if (y < 500.0) {
    const double u = y / 100.0;
    return 10583.6 +
           u * (-1014.41 +
                u * (33.78311 +
                     u * (-5.952053 + u * (-0.1798452 + u * (0.022174192 + u * 0.0090316521)))));
  }
  if (y < 1600.0) {
    const double u = (y - 1000.0) / 100.0;
    return 1574.2 +
           u * (-556.01 +
                u * (71.23472 +
                     u * (0.319781 + u * (-0.8503463 + u * (-0.005050998 + u * 0.0083572073)))));
  }
  if (y < 1700.0) {
    const double t = y - 1600.0;
    return 120.0 + t * (-0.9808 + t * (-0.01532 + t / 7129.0));
  }
  if (y < 1800.0) {
    const double t = y - 1700.0;
    return 8.83 + t * (0.1603 + t * (-0.0059285 + t * (0.00013336 - t / 1174000.0)));
  }
  if (y < 1860.0) {
    const double t = y - 1800.0;
    return 13.72 +
           t * (-0.332447 +
                t * (0.0068612 +
                     t * (0.0041116 +
                          t * (-0.00037436 +
                               t * (0.0000121272 + t * (-0.0000001699 + t * 0.000000000875))))));
  }
  if (y < 1900.0) {
    const double t = y - 1860.0;
    return 7.62 +
           t * (0.5737 + t * (-0.251754 + t * (0.01680668 + t * (-0.0004473624 + t / 233174.0))));
  }
  if (y < 1920.0) {
    const double t = y - 1900.0;
    return -2.79 + t * (1.494119 + t * (-0.0598939 + t * (0.0061966 - t * 0.000197)));
  }
  if (y < 1941.0) {
    const double t = y - 1920.0;
    return 21.20 + t * (0.84493 + t * (-0.076100 + t * 0.0020936));
  }
  if (y < 1961.0) {
    const double t = y - 1950.0;
    return 29.07 + t * (0.407 + t * (-1.0 / 233.0 + t / 2547.0));
  }
  if (y < 1986.0) {
    const double t = y - 1975.0;
    return 45.45 + t * (1.067 + t * (-1.0 / 260.0 - t / 718.0));
  }
  if (y < 2005.0) {
    const double t = y - 2000.0;
    return 63.86 +
           t * (0.3345 + t * (-0.060374 + t * (0.0017275 + t * (0.000651814 + t * 0.00002373599))));
  }
  if (y < 2050.0) {
    const double t = y - 2000.0;
    return 62.92 + t * (0.32217 + t * 0.005589);
  }
  if (y < 2150.0) return far(y) - 0.5628 * (2150.0 - y);
  return far(y);
}

GeocentricSun computeGeocentricSun(double unix_time, double delta_t) {
  // Sec. 3.1. Days from J2000 are formed from the Unix time directly (not from JD ~ 2.45e6) to keep
  // the sidereal time's 361 deg/day slope free of rounding.
  const double days_ut = (unix_time - kUnixTimeAtJ2000) / kSecondsPerDay;
  const double jc = days_ut / kDaysPerJulianCentury;
  const double jce = (days_ut + delta_t / kSecondsPerDay) / kDaysPerJulianCentury;
  const double jme = jce / 10.0;

  const double radius = heliocentricRadius(jme);
  // Sec. 3.3: geocentric longitude and latitude (no wrap: only their sines and cosines are used).
  const double theta = heliocentricLongitude(jme) + pi;
  const double beta = -heliocentricLatitude(jme);
  const Nutation nut = nutation(jce);
  const double epsilon = meanObliquity(jme / 10.0) + nut.obliquity;  // Sec. 3.5
  const double aberration = -20.4898 * kArcsec / radius;             // Sec. 3.6
  const double lambda = theta + nut.longitude + aberration;          // Sec. 3.7

  // Sec. 3.8: 360.98564736629 deg/day is split as 360 deg/day (whole turns dropped) + the rest.
  const double whole_days = std::floor(days_ut);
  const double nu0 = 280.46061837 + 360.0 * (days_ut - whole_days) + 0.98564736629 * days_ut +
                     jc * jc * (0.000387933 - jc / 38710000.0);
  const double sin_eps = std::sin(epsilon);
  const double cos_eps = std::cos(epsilon);
  const double sin_lambda = std::sin(lambda);

  GeocentricSun sun;
  sun.sidereal_time = wrapTwoPi(nu0 * deg + nut.longitude * cos_eps);
  sun.right_ascension =  // Sec. 3.9
      wrapTwoPi(std::atan2(sin_lambda * cos_eps - std::tan(beta) * sin_eps, std::cos(lambda)));
  sun.declination =  // Sec. 3.10
      std::asin(std::sin(beta) * cos_eps + std::cos(beta) * sin_eps * sin_lambda);
  sun.earth_radius = radius;
  return sun;
}

SolarPosition topocentricSolarPosition(const GeocentricSun& sun, const SiteLocation& site,
                                       const RefractionAir& air) {
  // Sec. 3.12: the observer on the reference ellipsoid. b/a = 0.99664719, a = 6378140 m; u of
  // eq. 34 enters only through cos u and sin u, formed without inverse trigonometry.
  constexpr double kPolarOverEquatorial = 0.99664719;
  constexpr double kEquatorialRadius = 6378140.0;  // m
  const double sin_lat = std::sin(site.latitude);
  const double cos_lat = std::cos(site.latitude);
  const double inv_norm =
      1.0 / std::sqrt(cos_lat * cos_lat +
                      kPolarOverEquatorial * kPolarOverEquatorial * sin_lat * sin_lat);
  const double cos_u = cos_lat * inv_norm;
  const double sin_u = kPolarOverEquatorial * sin_lat * inv_norm;
  const double height = site.elevation / kEquatorialRadius;
  const double x = cos_u + height * cos_lat;
  const double y = kPolarOverEquatorial * sin_u + height * sin_lat;
  const double sin_xi = std::sin(8.794 * kArcsec / sun.earth_radius);  // eq. 33

  // Sec. 3.11: the local hour angle; any multiple of 2 pi drops out of its sine and cosine.
  const double hour_angle = sun.sidereal_time + site.longitude - sun.right_ascension;
  const double sin_h = std::sin(hour_angle);
  const double cos_h = std::cos(hour_angle);
  const double sin_dec = std::sin(sun.declination);
  const double cos_dec = std::cos(sun.declination);

  // Sec. 3.12-3.13: parallax in right ascension, kept as its cosine and sine, then the topocentric
  // hour angle H' = H - delta_alpha and declination delta' (cos delta' > 0 always).
  const double para_y = -x * sin_xi * sin_h;
  const double para_x = cos_dec - x * sin_xi * cos_h;
  const double inv_para = 1.0 / std::sqrt(para_x * para_x + para_y * para_y);
  const double cos_dalpha = para_x * inv_para;
  const double sin_dalpha = para_y * inv_para;
  const double sin_hp = sin_h * cos_dalpha - cos_h * sin_dalpha;
  const double cos_hp = cos_h * cos_dalpha + sin_h * sin_dalpha;
  const double dec_y = (sin_dec - y * sin_xi) * cos_dalpha;
  const double inv_dec = 1.0 / std::sqrt(dec_y * dec_y + para_x * para_x);
  const double sin_decp = dec_y * inv_dec;
  const double cos_decp = para_x * inv_dec;

  // Sec. 3.14-3.15 via the unit vector to the sun in (east, north, up): the same angles as the
  // paper's asin / atan2 forms, well conditioned everywhere.
  const double east = -cos_decp * sin_hp;
  const double north = cos_lat * sin_decp - sin_lat * cos_decp * cos_hp;
  const double up = sin_lat * sin_decp + cos_lat * cos_decp * cos_hp;

  SolarPosition pos;
  pos.zenith = std::atan2(std::sqrt(east * east + north * north), up);
  pos.azimuth = wrapTwoPi(std::atan2(east, north));

  // Eq. 42 (degrees, hPa, Celsius as in the paper), applied while the sun's upper limb may still
  // be visible: elevation >= -(sun radius 0.26667 + refraction at the horizon 0.5667) deg.
  const double e0 = (0.5 * pi - pos.zenith) / deg;
  double refraction = 0.0;
  if (e0 >= -(0.26667 + 0.5667)) {
    const double pressure_hpa = air.pressure / units::hPa;
    const double temperature_c = air.temperature - units::kZeroCelsius;
    refraction = (pressure_hpa / 1010.0) * (283.0 / (273.0 + temperature_c)) * 1.02 /
                 (60.0 * std::tan((e0 + 10.3 / (e0 + 5.11)) * deg)) * deg;
  }
  pos.apparent_zenith = pos.zenith - refraction;
  return pos;
}

SolarPosition computeSolarPosition(double unix_time, double delta_t, const SiteLocation& site,
                                   const RefractionAir& air) {
  return topocentricSolarPosition(computeGeocentricSun(unix_time, delta_t), site, air);
}

std::vector<double> SunEphemeris::nodeTimes(double start, double end) {
  const double first = std::floor((start - kNodeMargin) / kNodeStep) * kNodeStep;
  // At least 4 nodes, whatever the arguments, so that at() always has a stencil.
  const double last = std::max(std::ceil((end + kNodeMargin - first) / kNodeStep), 3.0);
  std::vector<double> times(static_cast<std::size_t>(last) + 1);
  for (std::size_t i = 0; i < times.size(); ++i)
    times[i] = first + static_cast<double>(i) * kNodeStep;
  return times;
}

SunEphemeris::SunEphemeris(double start, double end, double delta_t) {
  const std::vector<double> times = nodeTimes(start, end);
  std::vector<GeocentricSun> nodes(times.size());
  for (std::size_t i = 0; i < times.size(); ++i) nodes[i] = computeGeocentricSun(times[i], delta_t);
  *this = SunEphemeris(times, std::move(nodes));
}

SunEphemeris::SunEphemeris(const std::vector<double>& node_times, std::vector<GeocentricSun> nodes)
    : first_node_(node_times.at(0)), nodes_(std::move(nodes)) {
  for (std::size_t i = 1; i < nodes_.size(); ++i) {
    // unwrap: move each angle by whole turns next to its predecessor
    const GeocentricSun& prev = nodes_[i - 1];
    GeocentricSun& node = nodes_[i];
    node.right_ascension +=
        kTwoPi * std::round((prev.right_ascension - node.right_ascension) / kTwoPi);
    node.sidereal_time += kTwoPi * std::round((prev.sidereal_time - node.sidereal_time) / kTwoPi);
  }
}

GeocentricSun SunEphemeris::at(double unix_time) const {
  // Nodes i-1..i+2 around t; clamped (NaN included) so that any t reads valid nodes.
  const double s = (unix_time - first_node_) / kNodeStep;
  const double i_real =
      std::fmax(1.0, std::fmin(std::floor(s), static_cast<double>(nodes_.size()) - 3.0));
  const auto i = static_cast<std::size_t>(i_real);
  const double f = s - i_real;
  // 4-point Lagrange weights for abscissae -1, 0, 1, 2.
  const double w_m1 = -f * (f - 1.0) * (f - 2.0) / 6.0;
  const double w_1 = -(f + 1.0) * f * (f - 2.0) / 2.0;
  const double w_2 = (f + 1.0) * f * (f - 1.0) / 6.0;
  const GeocentricSun& n_m1 = nodes_[i - 1];
  const GeocentricSun& n_0 = nodes_[i];
  const GeocentricSun& n_1 = nodes_[i + 1];
  const GeocentricSun& n_2 = nodes_[i + 2];
  // Weights sum to 1: interpolate offsets from node i (small numbers, no cancellation).
  const auto interpolate = [&](double GeocentricSun::*field) {
    const double base = n_0.*field;
    return base + w_m1 * (n_m1.*field - base) + w_1 * (n_1.*field - base) +
           w_2 * (n_2.*field - base);
  };
  GeocentricSun sun;
  sun.right_ascension = wrapTwoPi(interpolate(&GeocentricSun::right_ascension));
  sun.declination = interpolate(&GeocentricSun::declination);
  sun.sidereal_time = wrapTwoPi(interpolate(&GeocentricSun::sidereal_time));
  sun.earth_radius = interpolate(&GeocentricSun::earth_radius);
  return sun;
}

}  // namespace physics
