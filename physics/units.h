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

}  // namespace physics::units
