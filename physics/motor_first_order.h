// First-order induction-motor electrical model: input power = shaft power / rated efficiency,
// reactive power from the rated power factor. A simplification named as such: it ignores the
// part-load efficiency curve (IEC 60034-30-1 loss segregation comes with the efficiency models).
#pragma once

namespace physics {

struct MotorNameplate {
  double rated_power = 0.0;       // W, shaft output at rating, > 0
  double rated_efficiency = 0.0;  // 0 < eta <= 1
  double power_factor = 0.0;      // 0 < cos(phi) <= 1, at rated load
};

struct MotorOperatingPoint {
  double shaft_power = 0.0;     // W
  double input_power = 0.0;     // W, electrical active power drawn
  double reactive_power = 0.0;  // var, drawn (inductive, positive)
  double losses = 0.0;          // W, input - shaft
  double load_fraction = 0.0;   // shaft / rated, dimensionless
};

// The model's constants for one motor, derived once from its nameplate so that the per-step
// evaluation is a division and two multiplications.
struct MotorFirstOrder {
  double rated_power = 0.0;       // W
  double rated_efficiency = 0.0;  // 0 < eta <= 1
  double reactive_ratio = 0.0;    // Q / P = tan(acos(pf)) at the rated power factor
};

MotorFirstOrder motorFirstOrderFrom(const MotorNameplate& nameplate);

// shaft_power in W, 0 <= shaft_power; returns the first-order operating point.
MotorOperatingPoint motorFirstOrder(const MotorFirstOrder& motor, double shaft_power);

// Q / P = tan(acos(pf)) of a load at power factor pf (0 < pf <= 1, lagging): reactive power in var
// is the active power in W times this ratio.
double reactiveRatio(double power_factor);

}  // namespace physics
