// `parktwin pv`: one PV system over a weather year, hour by hour, with the engine's PV chain
// (physics/pv_system.h; with the defaults, the PVWatts v5 chain). The sun of each hourly record is
// taken at the middle of its hour (EPW records are means over the hour ending at the timestamp).
#include <fmt/format.h>

#include <cmath>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>

#include "app/commands.h"
#include "app/json_output.h"
#include "physics/pv_system.h"
#include "physics/synthetic_weather.h"
#include "physics/units.h"
#include "twin/base/calendar.h"
#include "twin/base/error.h"
#include "twin/base/iso_time.h"
#include "twin/parkfile/epw_reader.h"
#include "twin/results/output_file.h"

namespace twin::cli {
namespace {

namespace u = physics::units;

struct HourlyPv {
  std::vector<int64_t> end_time;  // Unix seconds, end of the record's hour
  std::vector<physics::PvOutput> out;
};

physics::HourlyWeather loadWeather(const PvRequest& r) {
  if (r.weather != "synthetic") {
    if (r.latitude || r.longitude || r.utc_offset_h) {
      throw InputError("--lat, --lon and --utc-offset: expected only with --weather synthetic (" +
                       r.weather + " has its own location)");
    }
    return readEpwFile(r.weather);
  }
  if (!r.latitude || !r.longitude) {
    throw InputError("--weather synthetic: expected --lat and --lon for the site");
  }
  physics::SyntheticWeatherSpec spec = physics::shanghaiSyntheticDefaults(
      *r.latitude * u::deg, *r.longitude * u::deg, r.year, r.seed);
  spec.elevation = r.elevation;
  spec.utc_offset =
      r.utc_offset_h ? *r.utc_offset_h * u::hour : std::round(*r.longitude / 15.0) * u::hour;
  spec.albedo = r.albedo;
  return physics::generateSyntheticWeather(spec);
}

physics::PvSystem systemOf(const PvRequest& r) {
  physics::PvSystem s;
  s.normal = physics::surfaceNormal(r.tilt * u::deg, r.azimuth * u::deg);
  s.albedo = r.albedo;
  s.transposition = r.transposition == "perez"       ? physics::Transposition::kPerez
                    : r.transposition == "haydavies" ? physics::Transposition::kHayDavies
                                                     : physics::Transposition::kIsotropic;
  s.iam = r.iam == "physical" ? physics::IncidenceModifier::kPhysical
          : r.iam == "ashrae" ? physics::IncidenceModifier::kAshrae
                              : physics::IncidenceModifier::kNone;
  s.temperature = r.temperature_model == "faiman" ? physics::CellTemperature::kFaiman
                                                  : physics::CellTemperature::kSapmOpenRackPolymer;
  s.dc_capacity = r.dc_kw * u::kW;
  s.gamma = r.gamma_pct * u::pct;
  s.losses = r.losses_pct * u::pct;
  s.dc_ac_ratio = r.dc_ac_ratio;
  s.inverter_efficiency = r.inverter_efficiency;
  return s;
}

HourlyPv simulate(const physics::HourlyWeather& w, const physics::PvSystem& system) {
  const physics::SiteLocation site{w.latitude, w.longitude, w.elevation};
  double pressure = 0.0;
  double temperature = 0.0;
  for (size_t i = 0; i < w.size(); ++i) {
    pressure += w.pressure[i];
    temperature += w.temp_air[i];
  }
  const physics::RefractionAir air{pressure / static_cast<double>(w.size()),
                                   temperature / static_cast<double>(w.size())};
  HourlyPv out;
  for (size_t i = 0; i < w.size(); ++i) {
    const long day = localDay({w.year[i], w.month[i], w.day[i]});
    const int64_t local_end = day * 86400 + w.hour[i] * 3600;
    const auto end = static_cast<int64_t>(static_cast<double>(local_end) - w.utc_offset);
    const double middle = static_cast<double>(end) - 0.5 * u::hour;
    const double delta_t = physics::estimateDeltaT(w.year[i] + (w.month[i] - 0.5) / 12.0);
    const physics::SolarPosition sun = physics::computeSolarPosition(middle, delta_t, site, air);
    const int doy = dayOfYear(day);
    const physics::PvSky sky =
        physics::pvSky(sun, {w.ghi[i], w.dni[i], w.dhi[i], w.temp_air[i], w.wind_speed[i]}, doy);
    out.end_time.push_back(end);
    out.out.push_back(physics::pvPower(system, sky));
  }
  return out;
}

void writeHourly(const std::string& path, const HourlyPv& pv, int utc_offset_s) {
  OutputFile file(path);
  std::ostream& os = file.stream();
  os << "time,poa_global_w_m2,temp_cell_c,dc_w,ac_w\n";
  for (size_t i = 0; i < pv.out.size(); ++i) {
    const physics::PvOutput& o = pv.out[i];
    os << formatIsoTime(pv.end_time[i], utc_offset_s)
       << fmt::format(",{:.3f},{:.3f},{:.3f},{:.3f}\n", o.poa_global, o.temp_cell - u::kZeroCelsius,
                      o.dc_power, o.ac_power);
  }
  file.commit();
}

}  // namespace

int pvCommand(const PvRequest& r) {
  const physics::HourlyWeather weather = loadWeather(r);
  const HourlyPv pv = simulate(weather, systemOf(r));
  const int utc_offset_s = static_cast<int>(weather.utc_offset);
  if (!r.hourly.empty()) writeHourly(r.hourly, pv, utc_offset_s);
  double annual_ac = 0.0;
  double annual_poa = 0.0;
  std::array<double, 12> monthly{};
  for (size_t i = 0; i < pv.out.size(); ++i) {
    // Energy of a record: its mean power over one hour.
    const double ac = pv.out[i].ac_power * u::hour / u::kWh;
    annual_ac += ac;
    annual_poa += pv.out[i].poa_global * u::hour / u::kWh;
    monthly[static_cast<size_t>(weather.month[i] - 1)] += ac;
  }
  const double yield = annual_ac / r.dc_kw;
  if (r.json) {
    nlohmann::ordered_json j;
    j["weather"] = weather.source;
    j["latitude_deg"] = weather.latitude / u::deg;
    j["longitude_deg"] = weather.longitude / u::deg;
    j["tilt_deg"] = r.tilt;
    j["azimuth_deg"] = r.azimuth;
    j["dc_kw"] = r.dc_kw;
    j["annual_ac_kwh"] = annual_ac;
    j["annual_poa_kwh_m2"] = annual_poa;
    j["specific_yield_kwh_kwp"] = yield;
    j["capacity_factor_pct"] = 100.0 * annual_ac / (r.dc_kw * static_cast<double>(pv.out.size()));
    j["monthly_ac_kwh"] = monthly;
    std::cout << j.dump(2) << '\n';
    return 0;
  }
  std::printf("weather            %s\n", weather.source.c_str());
  std::printf("array              %.3f kWp, tilt %.1f deg, azimuth %.1f deg\n", r.dc_kw, r.tilt,
              r.azimuth);
  std::printf("annual AC energy   %.1f kWh (%.0f kWh/kWp)\n", annual_ac, yield);
  std::printf("annual POA         %.1f kWh/m2\n", annual_poa);
  static constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                            "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  for (size_t m = 0; m < 12; ++m) std::printf("  %s  %10.1f kWh\n", kMonths[m], monthly[m]);
  return 0;
}

}  // namespace twin::cli
