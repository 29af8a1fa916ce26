// Compiles the `weather` section and loads the hourly records: an EPW file (read and checked
// here, so that `validate` reports a broken file), or the synthetic typical year for the site,
// calibrated to the built-in Shanghai monthly means or to monthly means given in the park file.
#include <fmt/format.h>

#include <cmath>
#include <filesystem>

#include "physics/synthetic_weather.h"
#include "physics/units.h"
#include "twin/base/calendar.h"
#include "twin/base/text.h"
#include "twin/model/compile_context.h"
#include "twin/parkfile/epw_reader.h"

namespace twin {
namespace {

namespace u = physics::units;

constexpr QuantityField kAlbedo{"albedo", Dimension::kFraction, 0, 1, false, "", 1};
// An EPW file further than this from the site is most likely the wrong city's.
constexpr double kMaxEpwDistance = 2.0;  // degrees of latitude or longitude

// A list of 12 plain numbers (January first) under key, each within [min, max].
std::optional<std::array<double, 12>> readMonthly(const Node& map, std::string_view key, double min,
                                                  double max, CompileContext& c) {
  const Node* list = map.find(key);
  if (!list) return std::nullopt;
  const std::string path = keyPath("weather", key);
  if (!c.r.expectSequence(*list, path)) return std::nullopt;
  if (list->items.size() != 12) {
    c.r.error(
        list->loc, path,
        "expected 12 monthly values (January first), got " + std::to_string(list->items.size()));
    return std::nullopt;
  }
  std::array<double, 12> values{};
  bool ok = true;
  for (size_t i = 0; i < 12; ++i) {
    const Node& v = list->items[i];
    if (!v.isScalar() || !parseNumber(v.scalar, values[i]) || values[i] < min || values[i] > max) {
      c.r.error(v.loc, indexPath(path, i),
                "expected a number from " + std::to_string(static_cast<int>(min)) + " to " +
                    std::to_string(static_cast<int>(max)) + ", got " + describeNode(v));
      ok = false;
    }
  }
  return ok ? std::optional(values) : std::nullopt;
}

void loadEpw(const Node& weather, const std::string& park_dir, const std::string& source,
             CompileContext& c) {
  std::filesystem::path path(source);
  if (path.is_relative()) path = std::filesystem::path(park_dir) / path;
  const SourceLoc& loc = weather.find("source")->loc;
  if (path.extension() != ".epw" || !std::filesystem::is_regular_file(path)) {
    c.r.error(loc, "weather.source",
              "expected \"synthetic\" or an existing .epw file, got " + quote(source));
    return;
  }
  WeatherSource& w = c.model.weather;
  w.synthetic = false;
  w.epw_path = path.string();
  auto& cached = c.weather_cache["epw " + w.epw_path];
  if (!cached) {
    try {
      cached = std::make_shared<const physics::HourlyWeather>(readEpwFile(w.epw_path));
    } catch (const InputError& e) {
      for (const Diagnostic& d : e.diagnostics()) c.r.error(d.loc, d.path, d.message);
      return;
    }
  }
  w.hourly = cached;
  const Site& site = c.model.site;
  const double lat = w.hourly->latitude / u::deg;
  const double lon = w.hourly->longitude / u::deg;
  if (std::abs(lat - site.latitude_deg) > kMaxEpwDistance ||
      std::abs(lon - site.longitude_deg) > kMaxEpwDistance) {
    c.r.error(loc, "weather.source",
              fmt::format("expected weather for a place within {:.0f} deg of the site ({:.2f}, "
                          "{:.2f}), got a file for ({:.2f}, {:.2f})",
                          kMaxEpwDistance, site.latitude_deg, site.longitude_deg, lat, lon));
  }
  if (w.hourly->utc_offset != site.utc_offset_s) {
    c.r.error(loc, "weather.source",
              fmt::format("expected weather in the site's standard time (UTC{:+.2g} h), got a file "
                          "in UTC{:+.2g} h",
                          site.utc_offset_s / u::hour, w.hourly->utc_offset / u::hour));
  }
}

// Everything a synthetic year is generated from, exactly (hexadecimal floats), as a cache key.
std::string syntheticKey(const physics::SyntheticWeatherSpec& s) {
  std::string key = "synthetic";
  auto add = [&key](double v) { key += fmt::format(" {:a}", v); };
  for (double v :
       {s.latitude, s.longitude, s.elevation, s.utc_offset, s.wind_speed, s.pressure, s.albedo,
        s.daily_clearness_log_sd, s.daily_clearness_lag1, s.hourly_clearness_log_sd,
        s.hourly_clearness_lag1, s.temp_anomaly_sd, s.temp_anomaly_lag1}) {
    add(v);
  }
  for (const auto* monthly : {&s.monthly_ghi, &s.monthly_temp_air, &s.monthly_temp_range}) {
    for (double v : *monthly) add(v);
  }
  return key + " " + std::to_string(s.year) + " " + std::to_string(s.seed);
}

void generateSynthetic(const Node* weather, CompileContext& c) {
  const Site& site = c.model.site;
  physics::SyntheticWeatherSpec spec = physics::shanghaiSyntheticDefaults(
      site.latitude_deg * u::deg, site.longitude_deg * u::deg,
      yearMonthOf(c.model.simulation.start_day).year, c.model.weather.seed);
  spec.elevation = site.elevation;
  spec.utc_offset = site.utc_offset_s;
  spec.albedo = c.model.weather.albedo;
  if (weather) {
    if (auto ghi = readMonthly(*weather, "monthly_ghi_kWh_m2_day", 0, 12, c)) {
      for (size_t i = 0; i < 12; ++i) spec.monthly_ghi[i] = (*ghi)[i] * u::kWh;
    }
    if (auto t = readMonthly(*weather, "monthly_temperature_degC", -60, 50, c)) {
      for (size_t i = 0; i < 12; ++i) spec.monthly_temp_air[i] = (*t)[i] + u::kZeroCelsius;
    }
    if (auto range = readMonthly(*weather, "monthly_temperature_range_degC", 0, 40, c)) {
      for (size_t i = 0; i < 12; ++i) spec.monthly_temp_range[i] = (*range)[i] * u::K;
    }
  }
  auto& cached = c.weather_cache[syntheticKey(spec)];
  if (!cached) {
    cached =
        std::make_shared<const physics::HourlyWeather>(physics::generateSyntheticWeather(spec));
  }
  c.model.weather.hourly = cached;
}

}  // namespace

void compileWeather(const Node& root, const std::string& park_dir, CompileContext& c) {
  const Node* weather = root.find("weather");
  if (weather && !c.r.expectMap(*weather, "weather")) weather = nullptr;
  std::string source = "synthetic";
  if (weather) {
    c.r.checkKeys(*weather,
                  {"source", "seed", "albedo", "monthly_ghi_kWh_m2_day", "monthly_temperature_degC",
                   "monthly_temperature_range_degC"},
                  "weather");
    source = c.r.text(*weather, "source", "weather", true).value_or("synthetic");
    c.model.weather.albedo = c.r.quantity(*weather, kAlbedo, "weather", false).value_or(0.2);
    c.model.weather.seed = static_cast<uint64_t>(
        c.r.integer(*weather, "seed", 0, 1L << 40, "weather", false).value_or(1));
  }
  if (source != "synthetic") {
    for (std::string_view key : {"seed", "monthly_ghi_kWh_m2_day", "monthly_temperature_degC",
                                 "monthly_temperature_range_degC"}) {
      if (const Node* n = weather->find(key)) {
        c.r.error(n->loc, keyPath("weather", key),
                  "expected only with source: synthetic (an EPW file brings its own weather)");
      }
    }
    loadEpw(*weather, park_dir, source, c);
    return;
  }
  generateSynthetic(weather, c);
}

}  // namespace twin
