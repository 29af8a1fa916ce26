#include "physics/hvac_lighting.h"

#include <algorithm>

namespace physics {

double dimmingPowerFraction(double light_fraction, const DimmingCurve& curve) {
  const double l = std::clamp(light_fraction, 0.0, 1.0);
  if (l <= curve.min_light_fraction) return curve.min_power_fraction;
  return curve.min_power_fraction + (1.0 - curve.min_power_fraction) *
                                        (l - curve.min_light_fraction) /
                                        (1.0 - curve.min_light_fraction);
}

double lightingPower(double installed_power, double schedule_fraction, double light_fraction,
                     const DimmingCurve& curve) {
  return installed_power * std::clamp(schedule_fraction, 0.0, 1.0) *
         dimmingPowerFraction(light_fraction, curve);
}

LightingRetrofit lumenEquivalentRetrofit(double old_power, double old_efficacy,
                                         double new_efficacy) {
  LightingRetrofit out;
  out.luminous_flux = old_power * old_efficacy;
  out.new_power = out.luminous_flux / new_efficacy;
  out.saved_power = old_power - out.new_power;
  return out;
}

ElectricEirChiller doe2CentrifugalChiller(double reference_capacity) {
  ElectricEirChiller c;
  c.reference_capacity = reference_capacity;
  c.reference_cop = 5.5;
  c.reference_leaving_chilled_water = 6.67 + units::kZeroCelsius;
  c.reference_entering_condenser = 29.4 + units::kZeroCelsius;
  c.cap_ft = {0.257896, 0.0389016, -0.00021708, 0.0468684, -0.00094284, -0.00034344};
  c.eir_ft = {0.933884, -0.058212, 0.00450036, 0.00243, 0.000486, -0.001215};
  c.eir_fplr = {0.222903, 0.313387, 0.463710};
  c.min_part_load_ratio = 0.1;
  c.min_unloading_ratio = 0.2;
  return c;
}

ChillerOperatingPoint chillerOperatingPoint(const ElectricEirChiller& chiller, double cooling_load,
                                            double leaving_chilled_water,
                                            double entering_condenser) {
  ChillerOperatingPoint out;
  const double t_chw = leaving_chilled_water - units::kZeroCelsius;
  const double t_cond = entering_condenser - units::kZeroCelsius;
  out.available_capacity = chiller.reference_capacity * chiller.cap_ft(t_chw, t_cond);
  if (cooling_load <= 0.0 || out.available_capacity <= 0.0) return out;
  out.overloaded = cooling_load > out.available_capacity;
  out.cooling = std::min(cooling_load, out.available_capacity);
  out.part_load_ratio = out.cooling / out.available_capacity;
  // Below the minimum part-load ratio the chiller cycles: it runs at that ratio a fraction
  // PLR / PLRmin of the time. Below the minimum unloading ratio the compressor stays at that
  // ratio and the surplus is false-loaded, so the EIR curve is evaluated at it.
  const double cycling = chiller.min_part_load_ratio > 0.0
                             ? std::min(1.0, out.part_load_ratio / chiller.min_part_load_ratio)
                             : 1.0;
  const double plr_eir =
      std::max({out.part_load_ratio, chiller.min_unloading_ratio, chiller.min_part_load_ratio});
  out.electric_power = out.available_capacity / chiller.reference_cop *
                       chiller.eir_ft(t_chw, t_cond) * chiller.eir_fplr(plr_eir) * cycling;
  out.cop = out.cooling / out.electric_power;
  return out;
}

IplvResult chillerIplv(const ElectricEirChiller& chiller, const IplvConditions& conditions) {
  IplvResult out;
  const double full_capacity =
      chillerOperatingPoint(chiller, chiller.reference_capacity, conditions.leaving_chilled_water,
                            conditions.entering_condenser[0])
          .available_capacity;
  for (std::size_t i = 0; i < 4; ++i) {
    const ChillerOperatingPoint op =
        chillerOperatingPoint(chiller, conditions.load_fraction[i] * full_capacity,
                              conditions.leaving_chilled_water, conditions.entering_condenser[i]);
    out.cop[i] = op.cop;
    out.iplv += conditions.weight[i] * op.cop;
  }
  return out;
}

SplitAirConditioner defaultSplitAirConditioner(double rated_capacity, double rated_cop) {
  SplitAirConditioner u;
  u.rated_capacity = rated_capacity;
  u.rated_cop = rated_cop;
  u.cap_ft = {0.942587793, 0.009543347, 0.000683770, -0.011042676, 0.000005249, -0.000009720};
  u.eir_ft = {0.342414409, 0.034885008, -0.000623700, 0.004977216, 0.000437951, -0.000728028};
  u.degradation_coefficient = 0.25;
  return u;
}

SplitAcOperatingPoint splitAcOperatingPoint(const SplitAirConditioner& unit, double cooling_load,
                                            double indoor_wet_bulb, double outdoor_dry_bulb) {
  SplitAcOperatingPoint out;
  const double t_wb = indoor_wet_bulb - units::kZeroCelsius;
  const double t_out = outdoor_dry_bulb - units::kZeroCelsius;
  out.available_capacity = unit.rated_capacity * unit.cap_ft(t_wb, t_out);
  if (cooling_load <= 0.0 || out.available_capacity <= 0.0) return out;
  out.overloaded = cooling_load > out.available_capacity;
  out.cooling = std::min(cooling_load, out.available_capacity);
  out.part_load_ratio = out.cooling / out.available_capacity;
  const double plf = 1.0 - unit.degradation_coefficient * (1.0 - out.part_load_ratio);
  out.electric_power = out.available_capacity / unit.rated_cop * unit.eir_ft(t_wb, t_out) *
                       out.part_load_ratio / plf;
  out.cop = out.cooling / out.electric_power;
  return out;
}

}  // namespace physics
