#include "physics/pv_temperature.h"

#include "physics/units.h"

namespace physics {
namespace {

constexpr double kInch = 0.0254;  // m

// NOCT increase for a module mounted close to a surface (SAM, Gilman et al. 2018, section 10.6
// table of standoff in inches -> K). Open interval ends follow pvlib's reading of the table.
double standoffNoctAdjustment(double mount_standoff) {
  const double x = mount_standoff / kInch;
  if (x <= 0.0) return 0.0;
  if (x < 0.5) return 18.0;
  if (x < 1.5) return 11.0;
  if (x < 2.5) return 6.0;
  if (x <= 3.5) return 2.0;
  return 0.0;
}

}  // namespace

double noctSamCellTemperature(double poa_global, double temp_air, double wind_speed,
                              const NoctSamParams& p, double effective_irradiance) {
  if (poa_global <= 0.0) return temp_air;
  const double wind_factor = p.array_height == NoctArrayHeight::kTwoStories ? 0.61 : 0.51;
  const double wind_adj = wind_factor * wind_speed;
  const double noct_adj = p.noct + standoffNoctAdjustment(p.mount_standoff);
  const double tau_alpha = p.transmittance_absorptance * effective_irradiance / poa_global;
  const double rise_at_noct = poa_global / 800.0 * (noct_adj - (20.0 + units::kZeroCelsius));
  const double heat_loss = 1.0 - p.module_efficiency / tau_alpha;
  const double wind_loss = 9.5 / (5.7 + 3.8 * wind_adj);
  return temp_air + rise_at_noct * heat_loss * wind_loss;
}

double noctSamCellTemperature(double poa_global, double temp_air, double wind_speed,
                              const NoctSamParams& p) {
  return noctSamCellTemperature(poa_global, temp_air, wind_speed, p, poa_global);
}

}  // namespace physics
