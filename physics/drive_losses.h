// Variable-speed drive (complete drive module, CDM) losses at part speed and part torque, after
// IEC 61800-9-2:2017: losses are declared at 8 operating points (relative motor stator frequency
// 0/50/90 %, relative torque-producing current 25/50/100 %, without (90;25)), the point (90;100)
// classifies the CDM against the reference CDM (RCDM): IE0 > 125 %, IE1 75..125 %, IE2 < 75 % of
// the RCDM losses. The same 8 points are the losses EU 2019/1781 (Annex I, 2) makes makers publish.
// Between the points: piecewise bilinear on the 3 x 3 grid, with (90;25) completed as
// P(50;25) + P(90;50) - P(50;50) (a parallel shift; stated choice of this model).
// The RCDM loss formula itself is not typed in (not available to this project): the caller
// supplies the reference losses at (90;100) for the rating.
// Motor + drive (PDS) efficiency: P_shaft / (P_shaft + motor losses + CDM losses).
#pragma once

#include <array>

namespace physics {

// Index order of the 8 standard points in DriveRating::losses.
enum class CdmPoint { k0_25, k0_50, k0_100, k50_25, k50_50, k50_100, k90_50, k90_100 };

struct DriveRating {
  double rated_apparent_power = 0.0;  // VA, S_r,equ (rated equivalent apparent output power), > 0
  std::array<double, 8> losses{};     // W at the 8 points, in CdmPoint order, >= 0
};

// Builds a rating from relative losses p_L = P_L / S_r,equ (fractions, not %) in CdmPoint order.
DriveRating driveFromRelativeLosses(double rated_apparent_power,
                                    const std::array<double, 8>& relative_losses);

// CDM losses (W) at rel_speed (motor stator frequency / rated, 0..1) and rel_torque_current
// (torque-producing current / rated, 0..1). Inputs are clamped to 0..1; between 0.9 and 1.0
// speed and below 0.25 current the nearest grid cell is extended linearly (result >= 0).
double cdmLosses(const DriveRating& d, double rel_speed, double rel_torque_current);

// Relative losses p_L = P_L / S_r,equ (fraction) at a point.
double cdmRelativeLosses(const DriveRating& d, double rel_speed, double rel_torque_current);

enum class CdmClass { kIE0, kIE1, kIE2 };

// IE class from the losses at (90;100) and the RCDM losses at (90;100) for the rating (same
// unit). Boundaries: IE2 below 75 %, IE0 above 125 %, IE1 in between (inclusive).
CdmClass cdmClass(double losses_90_100, double reference_losses_90_100);
CdmClass cdmClass(const DriveRating& d, double reference_losses_90_100);

// Motor + CDM at one operating point. Torque-producing current is taken equal to relative
// torque (induction motor at rated flux, a stated approximation).
struct PdsPoint {
  double shaft_power = 0.0;   // W = rated shaft power x rel_speed x rel_torque
  double motor_losses = 0.0;  // W, as given
  double cdm_losses = 0.0;    // W, cdmLosses()
  double input_power = 0.0;   // W, drawn by the CDM from the mains
  double efficiency = 0.0;    // shaft / input, 0..1 (0 when input is 0)
};

// rated_shaft_power W (> 0); rel_speed, rel_torque 0..1; motor_losses W (>= 0) at that point,
// from a motor model supplied by the caller.
PdsPoint pdsAtPoint(const DriveRating& d, double rated_shaft_power, double rel_speed,
                    double rel_torque, double motor_losses);

}  // namespace physics
