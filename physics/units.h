// SI unit constants: multiply to convert into SI, divide to convert out of it.
// Inside the code every quantity is a double in SI (W, J, s, V, A, m); see ARCHITECTURE.md §3.
#pragma once

namespace physics::units {

inline constexpr double W = 1.0;
inline constexpr double kW = 1e3;
inline constexpr double MW = 1e6;
inline constexpr double var = 1.0;
inline constexpr double kvar = 1e3;
inline constexpr double VA = 1.0;
inline constexpr double kVA = 1e3;
inline constexpr double MVA = 1e6;
inline constexpr double J = 1.0;
inline constexpr double kJ = 1e3;
inline constexpr double MJ = 1e6;
inline constexpr double GJ = 1e9;
inline constexpr double s = 1.0;
inline constexpr double minute = 60.0;
inline constexpr double hour = 3600.0;
inline constexpr double day = 86400.0;
inline constexpr double year = 365 * day;  // "a": lifetimes and analysis periods
inline constexpr double Wh = 3600.0;
inline constexpr double kWh = 3.6e6;
inline constexpr double MWh = 3.6e9;
inline constexpr double V = 1.0;
inline constexpr double kV = 1e3;
inline constexpr double A = 1.0;
inline constexpr double kA = 1e3;
inline constexpr double m = 1.0;
inline constexpr double mm = 1e-3;
inline constexpr double km = 1e3;
inline constexpr double kg = 1.0;
inline constexpr double g = 1e-3;
inline constexpr double t = 1e3;
inline constexpr double ohm = 1.0;
inline constexpr double pct = 1e-2;
inline constexpr double pi = 3.14159265358979323846;
inline constexpr double rad = 1.0;
inline constexpr double deg = pi / 180.0;
inline constexpr double rpm = 2 * pi / 60.0;  // rad/s in one revolution a minute
inline constexpr double Pa = 1.0;
inline constexpr double hPa = 100.0;
inline constexpr double kPa = 1e3;
inline constexpr double m2 = 1.0;
inline constexpr double kWp = 1e3;  // PV rated DC power at STC (1000 W/m2, 25 C cell), in W
// Temperatures are kelvin inside; Celsius only at the edges: T = t_degC + kZeroCelsius.
inline constexpr double K = 1.0;
inline constexpr double kZeroCelsius = 273.15;

}  // namespace physics::units
