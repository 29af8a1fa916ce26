#include "app/calculator_flags.h"

namespace twin::cli {
namespace {

void addFlowMachineCostFlags(CLI::App& cmd, FlowMachineRequest& r) {
  cmd.add_option("--shutoff-ratio", r.shutoff_ratio,
                 "Shut-off / BEP pressure of the quadratic machine curve (default 1.25)")
      ->check(CLI::Range(1.01, 3.0));
  cmd.add_option("--motor-efficiency", r.motor_efficiency,
                 "Motor efficiency, e.g. 92% (adds input power; drive losses not included)");
  cmd.add_option("--hours", r.hours, "Running hours a year at the duty, e.g. 4000h");
  cmd.add_option("--price", r.price, "Energy price, e.g. 0.7CNY/kWh (with --hours)");
  cmd.add_flag("--json", r.json, "Print JSON");
}

}  // namespace

void addPvFlags(CLI::App& cmd, PvRequest& pv) {
  cmd.add_option("--weather", pv.weather, "EPW file, or \"synthetic\" (needs --lat --lon)")
      ->required();
  cmd.add_option("--lat", pv.latitude, "Latitude, degrees north (synthetic weather)")
      ->check(CLI::Range(-90.0, 90.0));
  cmd.add_option("--lon", pv.longitude, "Longitude, degrees east (synthetic weather)")
      ->check(CLI::Range(-180.0, 180.0));
  cmd.add_option("--elevation", pv.elevation, "Site elevation, m (synthetic weather)");
  cmd.add_option("--utc-offset", pv.utc_offset_h, "Hours from UTC (synthetic; default lon/15)")
      ->check(CLI::Range(-12.0, 14.0));
  cmd.add_option("--year", pv.year, "Year of the synthetic weather")->check(CLI::Range(1901, 2199));
  cmd.add_option("--seed", pv.seed, "Seed of the synthetic weather");
  cmd.add_option("--tilt", pv.tilt, "Tilt from horizontal, deg")->check(CLI::Range(0.0, 90.0));
  cmd.add_option("--azimuth", pv.azimuth, "Azimuth clockwise from north, deg (180 = south)")
      ->check(CLI::Range(0.0, 360.0));
  cmd.add_option("--dc-kw", pv.dc_kw, "DC rating at STC, kW")->check(CLI::PositiveNumber);
  cmd.add_option("--losses", pv.losses_pct, "System losses, %")->check(CLI::Range(0.0, 99.0));
  cmd.add_option("--dc-ac-ratio", pv.dc_ac_ratio, "DC/AC ratio")->check(CLI::Range(0.5, 3.0));
  cmd.add_option("--inverter-efficiency", pv.inverter_efficiency, "Nominal inverter efficiency")
      ->check(CLI::Range(0.5, 1.0));
  cmd.add_option("--gamma", pv.gamma_pct, "Power temperature coefficient, %/K")
      ->check(CLI::Range(-2.0, 0.0));
  cmd.add_option("--albedo", pv.albedo, "Ground reflectance")->check(CLI::Range(0.0, 1.0));
  cmd.add_option("--transposition", pv.transposition, "Sky diffuse model")
      ->check(CLI::IsMember({"perez", "haydavies", "isotropic"}));
  cmd.add_option("--temperature-model", pv.temperature_model, "Cell temperature model")
      ->check(CLI::IsMember({"sapm-open-rack-glass-polymer", "faiman"}));
  cmd.add_option("--iam", pv.iam, "Incidence-angle modifier on the beam")
      ->check(CLI::IsMember({"physical", "ashrae", "none"}));
  cmd.add_option("--hourly", pv.hourly, "Write the hourly results to this CSV file");
  cmd.add_flag("--json", pv.json, "Print JSON");
}

void addSolarFlags(CLI::App& cmd, SolarRequest& solar) {
  CLI::Option* time = cmd.add_option("--time", solar.time,
                                     "Instant, ISO 8601 with offset (2025-06-21T12:00:00+08:00)");
  CLI::Option* lat = cmd.add_option("--lat", solar.latitude, "Latitude, degrees north");
  CLI::Option* lon = cmd.add_option("--lon", solar.longitude, "Longitude, degrees east");
  CLI::Option* elevation =
      cmd.add_option("--elevation", solar.elevation, "Elevation, m")->capture_default_str();
  CLI::Option* pressure =
      cmd.add_option("--pressure", solar.pressure, "Air pressure for refraction, hPa")
          ->capture_default_str();
  CLI::Option* temperature =
      cmd.add_option("--temperature", solar.temperature, "Air temperature for refraction, C")
          ->capture_default_str();
  CLI::Option* delta_t =
      cmd.add_option("--delta-t", solar.delta_t, "TT - UT, s")->capture_default_str();
  CLI::Option* json = cmd.add_flag("--json", solar.json, "Print JSON (with --time)");
  CLI::Option* csv = cmd.add_option(
      "--csv", solar.csv,
      "CSV with columns time, latitude, longitude, elevation_m [, pressure_hpa, temperature_c, "
      "delta_t_s]");
  cmd.add_option("-o,--output", solar.output, "CSV to write (with --csv; default stdout)")
      ->needs(csv);
  for (CLI::Option* o : {time, lat, lon, elevation, pressure, temperature, delta_t, json}) {
    csv->excludes(o);
  }
}

void addMotorFlags(CLI::App& cmd, MotorRequest& m) {
  cmd.add_option("--rated-power", m.rated_power, "Rated shaft power, e.g. 15kW")->required();
  cmd.add_option("--poles", m.poles, "Poles")->check(CLI::IsMember({2, 4, 6, 8}));
  cmd.add_option("--class", m.motor_class, "IE1..IE5 (IEC 60034-30-1) or GB1..GB3 (GB 18613)")
      ->required();
  cmd.add_option("--load", m.load, "Shaft load, fraction or % of rating (0-125 %)");
  cmd.add_option("--voltage-unbalance", m.voltage_unbalance, "Voltage unbalance, e.g. 2%");
  cmd.add_option("--voltage", m.voltage, "Supply voltage, line-to-line (default 400 V)");
  cmd.add_flag("--json", m.json, "Print JSON");
}

void addTransformerFlags(CLI::App& cmd, TransformerRequest& t) {
  cmd.add_option("--rated-power", t.rated_power, "Rated power, e.g. 1000kVA")->required();
  cmd.add_option("--type", t.type, "oil or dry")->check(CLI::IsMember({"oil", "dry"}));
  cmd.add_option("--grade", t.grade, "GB 20052-2024 grade 1, 2 or 3")->check(CLI::Range(1, 3));
  cmd.add_option("--core", t.core, "steel or amorphous")
      ->check(CLI::IsMember({"steel", "amorphous"}));
  cmd.add_option("--load", t.load, "Loading S/Sr, fraction or %");
  cmd.add_option("--power-factor", t.power_factor, "Load power factor (default 1)")
      ->check(CLI::Range(0.01, 1.0));
  cmd.add_flag("--json", t.json, "Print JSON");
}

void addPumpFlags(CLI::App& cmd, FlowMachineRequest& r) {
  cmd.add_option("--flow", r.flow, "Design (BEP) flow, e.g. 100m3/h (m3/h, m3/min, m3/s, L/s)")
      ->required();
  cmd.add_option("--head", r.pressure, "Head at the design point, e.g. 32m")->required();
  cmd.add_option("--efficiency", r.efficiency, "Pump efficiency at the design point, e.g. 78%")
      ->required();
  cmd.add_option("--static-head", r.static_pressure,
                 "Static head of the system curve H = Hs + k Q^2, e.g. 12m (default 0)");
  cmd.add_option("--duty-flow", r.duty_flow,
                 "Reduced duty: % of the design flow (70%) or a flow (70m3/h)")
      ->required();
  cmd.add_option("--density", r.density, "Liquid density, kg/m3 (default 998.2, water 20 C)")
      ->check(CLI::Range(1.0, 20000.0));
  addFlowMachineCostFlags(cmd, r);
}

void addFanFlags(CLI::App& cmd, FlowMachineRequest& r) {
  cmd.add_option("--flow", r.flow, "Design (BEP) flow, e.g. 20000m3/h (m3/h, m3/min, m3/s, L/s)")
      ->required();
  cmd.add_option("--pressure", r.pressure,
                 "Fan total pressure rise at the design point, e.g. 1200Pa (Pa, kPa)")
      ->required();
  cmd.add_option("--efficiency", r.efficiency, "Fan efficiency at the design point, e.g. 70%")
      ->required();
  cmd.add_option("--static-pressure", r.static_pressure,
                 "Static part of the system curve p = ps + k Q^2, e.g. 300Pa (default 0)");
  cmd.add_option("--duty-flow", r.duty_flow,
                 "Reduced duty: % of the design flow (60%) or a flow (12000m3/h)")
      ->required();
  addFlowMachineCostFlags(cmd, r);
}

void addCompressorFlags(CLI::App& cmd, CompressorRequest& r) {
  cmd.add_option("--rated-flow", r.rated_flow, "Free air delivery at full load, e.g. 20m3/min")
      ->required();
  cmd.add_option("--power", r.power, "Package input power at full load, e.g. 110kW")->required();
  cmd.add_option("--pressure", r.pressure, "Rated discharge pressure, GAUGE, e.g. 0.7MPa or 7bar")
      ->required();
  cmd.add_option("--control", r.control, "load-unload, modulation or vsd")->required();
  cmd.add_option("--demand", r.demand,
                 "Average air demand: a flow (12m3/min) or % of the rated flow (60%)")
      ->required();
  cmd.add_option("--leak", r.leak, "Leaks as a share of the demand (25%) or a flow (3m3/min)");
  cmd.add_option("--motor-power", r.motor_power,
                 "Motor rated power for the GB 19153 table (default: --power)");
  cmd.add_option("--cooling", r.cooling, "air or liquid (GB 19153 table; default air)")
      ->check(CLI::IsMember({"air", "liquid"}));
  cmd.add_option("--stages", r.stages, "Intercooled compression stages (1 or 2), pressure effect")
      ->check(CLI::Range(1, 2));
  cmd.add_option("--hours", r.hours, "Running hours a year, e.g. 4000h");
  cmd.add_option("--price", r.price, "Energy price, e.g. 0.7CNY/kWh (with --hours)");
  cmd.add_flag("--json", r.json, "Print JSON");
}

}  // namespace twin::cli
