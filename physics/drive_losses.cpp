#include "physics/drive_losses.h"

#include <algorithm>

namespace physics {
namespace {

constexpr std::array<double, 3> kSpeeds{0.0, 0.5, 0.9};
constexpr std::array<double, 3> kCurrents{0.25, 0.5, 1.0};

int idx(CdmPoint p) { return static_cast<int>(p); }

// Loss grid v[speed][current], with (90;25) completed by a parallel shift.
std::array<std::array<double, 3>, 3> lossGrid(const DriveRating& d) {
  const auto& l = d.losses;
  std::array<std::array<double, 3>, 3> v{};
  v[0] = {l[idx(CdmPoint::k0_25)], l[idx(CdmPoint::k0_50)], l[idx(CdmPoint::k0_100)]};
  v[1] = {l[idx(CdmPoint::k50_25)], l[idx(CdmPoint::k50_50)], l[idx(CdmPoint::k50_100)]};
  const double v90_25 =
      l[idx(CdmPoint::k50_25)] + l[idx(CdmPoint::k90_50)] - l[idx(CdmPoint::k50_50)];
  v[2] = {v90_25, l[idx(CdmPoint::k90_50)], l[idx(CdmPoint::k90_100)]};
  return v;
}

}  // namespace

DriveRating driveFromRelativeLosses(double rated_apparent_power,
                                    const std::array<double, 8>& relative_losses) {
  DriveRating d;
  d.rated_apparent_power = rated_apparent_power;
  for (std::size_t k = 0; k < relative_losses.size(); ++k) {
    d.losses[k] = relative_losses[k] * rated_apparent_power;
  }
  return d;
}

double cdmLosses(const DriveRating& d, double rel_speed, double rel_torque_current) {
  const double s = std::clamp(rel_speed, 0.0, 1.0);
  const double c = std::clamp(rel_torque_current, 0.0, 1.0);
  const int si = s <= kSpeeds[1] ? 0 : 1;
  const int ci = c <= kCurrents[1] ? 0 : 1;
  const double t = (s - kSpeeds[si]) / (kSpeeds[si + 1] - kSpeeds[si]);
  const double u = (c - kCurrents[ci]) / (kCurrents[ci + 1] - kCurrents[ci]);
  const auto v = lossGrid(d);
  const double p = (1 - t) * (1 - u) * v[si][ci] + (1 - t) * u * v[si][ci + 1] +
                   t * (1 - u) * v[si + 1][ci] + t * u * v[si + 1][ci + 1];
  return std::max(p, 0.0);
}

double cdmRelativeLosses(const DriveRating& d, double rel_speed, double rel_torque_current) {
  return cdmLosses(d, rel_speed, rel_torque_current) / d.rated_apparent_power;
}

CdmClass cdmClass(double losses_90_100, double reference_losses_90_100) {
  const double ratio = losses_90_100 / reference_losses_90_100;
  if (ratio < 0.75) return CdmClass::kIE2;
  if (ratio > 1.25) return CdmClass::kIE0;
  return CdmClass::kIE1;
}

CdmClass cdmClass(const DriveRating& d, double reference_losses_90_100) {
  return cdmClass(d.losses[idx(CdmPoint::k90_100)], reference_losses_90_100);
}

PdsPoint pdsAtPoint(const DriveRating& d, double rated_shaft_power, double rel_speed,
                    double rel_torque, double motor_losses) {
  PdsPoint p;
  p.shaft_power = rated_shaft_power * rel_speed * rel_torque;
  p.motor_losses = motor_losses;
  p.cdm_losses = cdmLosses(d, rel_speed, rel_torque);
  p.input_power = p.shaft_power + p.motor_losses + p.cdm_losses;
  p.efficiency = p.input_power > 0.0 ? p.shaft_power / p.input_power : 0.0;
  return p;
}

}  // namespace physics
