#include "physics/irradiance.h"

#include <array>

namespace physics {
namespace {

using units::deg;
using units::pi;

// Perez et al. (1990), Solar Energy 44(5) 271-289, Table 6 ("all sites composite"), as tabulated
// in pvlib.irradiance._get_perez_coefficients('allsitescomposite1990'): per clearness bin
// {f11, f12, f13, f21, f22, f23}.
constexpr std::array<std::array<double, 6>, 8> kPerez1990 = {{
    {-0.0080, 0.5880, -0.0620, -0.0600, 0.0720, -0.0220},
    {0.1300, 0.6830, -0.1510, -0.0190, 0.0660, -0.0290},
    {0.3300, 0.4870, -0.2210, 0.0550, -0.0640, -0.0260},
    {0.5680, 0.1870, -0.2950, 0.1090, -0.1520, -0.0140},
    {0.8730, -0.3920, -0.3620, 0.2260, -0.4620, 0.0010},
    {1.1320, -1.2370, -0.4120, 0.2880, -0.8230, 0.0560},
    {1.0600, -1.6000, -0.3590, 0.2640, -1.1270, 0.1310},
    {0.6780, -0.3270, -0.2500, 0.1560, -1.3770, 0.2510},
}};
// Upper edges of clearness bins 1..7 (bin 8 is open-ended), same source.
constexpr std::array<double, 7> kPerezEpsilonEdges = {1.065, 1.23, 1.5, 1.95, 2.8, 4.5, 6.2};

}  // namespace

double extraterrestrialNormalIrradiance(int day_of_year, double solar_constant) {
  const double b = 2.0 * pi * (day_of_year - 1) / 365.0;
  const double distance_factor = 1.00011 + 0.034221 * std::cos(b) + 0.00128 * std::sin(b) +
                                 0.000719 * std::cos(2.0 * b) + 0.000077 * std::sin(2.0 * b);
  return solar_constant * distance_factor;
}

double relativeAirMass(double zenith) {
  if (!(zenith < 90.0 * deg)) return 0.0;
  const double zenith_deg = zenith / deg;
  return 1.0 / (std::cos(zenith) + 0.50572 * std::pow(96.07995 - zenith_deg, -1.6364));
}

ClearSky clearSkyIneichenPerez(double apparent_zenith, double absolute_air_mass,
                               double linke_turbidity, double altitude, double dni_extra) {
  const double cos_zenith = std::cos(apparent_zenith);
  if (!(cos_zenith > 0.0) || !(absolute_air_mass > 0.0)) return {};
  const double tl = linke_turbidity;
  const double fh1 = std::exp(-altitude / 8000.0);
  const double fh2 = std::exp(-altitude / 1250.0);
  const double cg1 = 5.09e-05 * altitude + 0.868;
  const double cg2 = 3.92e-05 * altitude + 0.0387;

  const double ghi =
      cg1 * dni_extra * cos_zenith * std::exp(-cg2 * absolute_air_mass * (fh1 + fh2 * (tl - 1.0)));
  // Beam: b from Ineichen & Perez (2002); "empirical correction" caps it through GHI.
  const double b = 0.664 + 0.163 / fh1;
  const double bnci = dni_extra * b * std::exp(-0.09 * absolute_air_mass * (tl - 1.0));
  const double correction = (1.0 - (0.1 - 0.2 * std::exp(-tl)) / (0.1 + 0.882 / fh1)) / cos_zenith;
  const double bnci_2 = ghi * std::clamp(correction, 0.0, 1e20);
  const double dni = std::min(bnci, bnci_2);
  return {ghi, dni, ghi - dni * cos_zenith};
}

double clearSkyHaurwitz(double apparent_zenith) {
  const double cos_zenith = std::cos(apparent_zenith);
  if (!(cos_zenith > 0.0)) return 0.0;
  return 1098.0 * cos_zenith * std::exp(-0.059 / cos_zenith);
}

DniDhi erbsDecomposition(double ghi, double zenith, double dni_extra) {
  constexpr double kMinCosZenith = 0.065;
  constexpr double kMaxZenith = 87.0 * deg;
  const double cos_zenith = std::cos(zenith);
  const double kt = std::clamp(ghi / (dni_extra * std::max(cos_zenith, kMinCosZenith)), 0.0, 1.0);
  double diffuse_fraction;
  if (kt <= 0.22) {
    diffuse_fraction = 1.0 - 0.09 * kt;
  } else if (kt <= 0.8) {
    diffuse_fraction = 0.9511 + kt * (-0.1604 + kt * (4.388 + kt * (-16.638 + kt * 12.336)));
  } else {
    diffuse_fraction = 0.165;
  }
  const double dhi = diffuse_fraction * ghi;
  const double dni = (ghi - dhi) / cos_zenith;
  if (zenith > kMaxZenith || ghi < 0.0 || dni < 0.0) return {0.0, ghi, kt};
  return {dni, dhi, kt};
}

double cosAngleOfIncidence(double surface_tilt, double surface_azimuth, double sun_zenith,
                           double sun_azimuth) {
  const double c =
      std::cos(surface_tilt) * std::cos(sun_zenith) +
      std::sin(surface_tilt) * std::sin(sun_zenith) * std::cos(sun_azimuth - surface_azimuth);
  return std::clamp(c, -1.0, 1.0);
}

HayDaviesSky hayDaviesSky(double dhi, double dni, double dni_extra, double zenith) {
  constexpr double kMinCosZenith = 0.01745;  // cos 89 deg, pvlib GH 432
  const double anisotropy = dni / dni_extra;
  const double cos_zenith = std::max(std::cos(zenith), kMinCosZenith);
  return {std::max(dhi * (1.0 - anisotropy), 0.0), std::max(dhi * anisotropy / cos_zenith, 0.0)};
}

PerezSky perezSky(double dhi, double dni, double dni_extra, double zenith,
                  double relative_air_mass) {
  if (!(relative_air_mass > 0.0) || !(dhi > 0.0)) return {};
  constexpr double kKappa = 1.041;  // for the zenith in rad
  const double z3 = kKappa * zenith * zenith * zenith;
  const double epsilon = ((dhi + dni) / dhi + z3) / (1.0 + z3);
  const double delta = dhi * relative_air_mass / dni_extra;
  size_t bin = 0;
  while (bin < kPerezEpsilonEdges.size() && epsilon >= kPerezEpsilonEdges[bin]) ++bin;
  const auto& c = kPerez1990[bin];
  const double f1 = std::max(c[0] + c[1] * delta + c[2] * zenith, 0.0);
  const double f2 = c[3] + c[4] * delta + c[5] * zenith;
  const double cos_zenith = std::max(std::cos(zenith), std::cos(85.0 * deg));
  return {f1, f2, dhi * (1.0 - f1), dhi * f1 / cos_zenith, dhi * f2};
}

const std::array<std::array<double, 6>, 8>& perezCoefficients() { return kPerez1990; }
const std::array<double, 7>& perezEpsilonEdges() { return kPerezEpsilonEdges; }

std::vector<double> kimberSoilingRatios(std::span<const double> rainfall, double time_step,
                                        const KimberSoiling& params) {
  const size_t n = rainfall.size();
  std::vector<double> ratio(n);
  if (n == 0) return ratio;
  const auto steps = [time_step](double period) {
    return std::max<size_t>(1, static_cast<size_t>(std::lround(period / time_step)));
  };
  const size_t accum_steps = steps(params.rain_accum_period);
  const size_t grace_steps = steps(params.grace_period);
  const double loss_per_step = params.daily_loss_rate * time_step / units::day;

  double accumulated = params.initial_soiling;  // loss without cleaning, as pvlib's cumsum
  double cleaned_at = 0.0;                      // accumulated loss at the last cleaning
  size_t last_event = 0;
  bool any_event = false;
  for (size_t i = 0; i < n; ++i) {
    if (i > 0) accumulated += loss_per_step;
    double rain = 0.0;  // over (i - accum_steps, i]
    for (size_t j = i + 1 - std::min(i + 1, accum_steps); j <= i; ++j) {
      if (!std::isnan(rainfall[j])) rain += rainfall[j];
    }
    if (rain > params.cleaning_threshold) {
      last_event = i;
      any_event = true;
    }
    if (any_event && i - last_event < grace_steps) cleaned_at = accumulated;
    ratio[i] = 1.0 - std::min(accumulated - cleaned_at, params.max_soiling);
  }
  return ratio;
}

}  // namespace physics
