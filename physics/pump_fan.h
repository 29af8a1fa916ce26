// Centrifugal pumps and fans: affinity laws, a quadratic machine curve through the best-efficiency
// point (BEP), a system curve p = p_static + k Q^2, their intersection, and the power of a reduced
// duty under throttling versus speed control. Affinity laws: Q ~ n, p ~ n^2, P ~ n^3 (e.g. US DOE
// "Improving Pumping System Performance", 2nd ed. 2006, and "Improving Fan System Performance",
// 2003). Efficiency vs flow: eta/eta_bep = 2x - x^2 with x = Q / Q_bep(n), the parabola through
// the origin and the BEP with its maximum there (a common first-order shape; documented model
// choice, not a standard). Everything is in pressure rise (Pa): pump head H (m) is p = rho g H.
#pragma once

#include <optional>

namespace physics {

inline constexpr double kStandardGravity = 9.80665;  // m/s2 (CGPM 1901)
inline constexpr double kWaterDensity20C = 998.2;    // kg/m3 at 20 C, 1 atm
inline constexpr double kAirDensityStd = 1.204;      // kg/m3 at 20 C, 101.325 kPa, dry

// Pressure rise in Pa of a head in m of a liquid of density rho (kg/m3); and back.
inline double headToPressure(double head, double density = kWaterDensity20C) {
  return density * kStandardGravity * head;
}
inline double pressureToHead(double pressure, double density = kWaterDensity20C) {
  return pressure / (density * kStandardGravity);
}

// Flow, pressure rise and shaft power of a machine at one speed.
struct AffinityPoint {
  double flow = 0.0;         // m3/s
  double pressure = 0.0;     // Pa (pump: rho g H; fan: total pressure rise)
  double shaft_power = 0.0;  // W
};

// The same machine at speed ratio n2/n1 = speed_ratio (> 0): Q * r, p * r^2, P * r^3 (constant
// efficiency, no Reynolds or static-pressure effects).
AffinityPoint affinityScale(const AffinityPoint& at_rated, double speed_ratio);

// Machine curve at rated speed: p(Q) = p0 - a Q^2 through the BEP, with shut-off pressure
// p0 = shutoff_ratio * p_bep. For radial-flow pumps and backward-curved fans shut-off head is
// typically 1.1-1.3 x BEP head; 1.25 is the default (an assumption stated here, change it when
// the maker's curve is known).
struct TurboMachine {
  double flow_bep = 0.0;        // m3/s at rated speed, > 0
  double pressure_bep = 0.0;    // Pa at the BEP, > 0
  double efficiency_bep = 0.0;  // shaft-to-fluid efficiency at the BEP, 0 < eta < 1
  double shutoff_ratio = 1.25;  // p(0) / p_bep, > 1
};

// Pressure rise (Pa) at flow (m3/s, >= 0) and speed ratio n/n_rated (> 0), by the affinity laws:
// p = s^2 p0 - a Q^2. May be negative past run-out; callers check.
double machinePressure(const TurboMachine& m, double flow, double speed_ratio = 1.0);

// Efficiency at flow and speed ratio: eta_bep (2x - x^2), x = Q / (s Q_bep); 0 outside 0 < x < 2.
double machineEfficiency(const TurboMachine& m, double flow, double speed_ratio = 1.0);

// Shaft power (W) = Q p / eta, written as p s Q_bep / (eta_bep (2 - x)) so that it stays finite at
// shut-off (Q = 0). Nullopt where x >= 2 (no positive efficiency in this model).
std::optional<double> machineShaftPower(const TurboMachine& m, double flow,
                                        double speed_ratio = 1.0);

// System curve: p = p_static + k Q^2.
struct SystemCurve {
  double static_pressure = 0.0;  // Pa, >= 0 (pump: rho g x static lift + pressure difference)
  double k = 0.0;                // Pa s2/m6, >= 0 (friction and fittings)
};

double systemPressure(const SystemCurve& sys, double flow);

// The system curve through a design point (flow > 0, pressure >= static_pressure).
SystemCurve systemCurveThrough(double static_pressure, double design_flow, double design_pressure);

// Intersection of the machine curve at speed ratio with the system curve; nullopt when the
// machine cannot overcome the static pressure (s^2 p0 <= p_static).
struct OperatingPoint {
  double flow = 0.0;         // m3/s
  double pressure = 0.0;     // Pa
  double efficiency = 0.0;   // 0..1
  double shaft_power = 0.0;  // W
};
std::optional<OperatingPoint> operatingPoint(const TurboMachine& m, const SystemCurve& sys,
                                             double speed_ratio = 1.0);

// A duty flow Q_d delivered two ways.
// Throttling: full speed, a valve/damper burns p_machine(Q_d) - p_sys(Q_d).
// Speed control: s = sqrt((p_sys(Q_d) + a Q_d^2) / p0) so that the curve meets the system there.
struct DutyComparison {
  bool ok = false;
  const char* reason = "";          // why not ok (duty beyond the full-speed operating point...)
  double duty_flow = 0.0;           // m3/s
  double system_pressure = 0.0;     // Pa the system needs at the duty flow
  OperatingPoint throttled;         // machine point at full speed
  double throttle_pressure = 0.0;   // Pa dropped across the valve or damper
  OperatingPoint speed_controlled;  // machine point at the reduced speed
  double speed_ratio = 0.0;         // n / n_rated for speed control
  double power_saving = 0.0;        // W, throttled - speed controlled shaft power
};

// duty_flow in m3/s, 0 < duty_flow <= the full-speed operating-point flow.
DutyComparison compareThrottlingAndSpeedControl(const TurboMachine& m, const SystemCurve& sys,
                                                double duty_flow);

}  // namespace physics
