#include "twin/model/module_shading.h"

#include <Eigen/Geometry>
#include <algorithm>
#include <cmath>
#include <vector>

#include "physics/pv_mismatch.h"

namespace twin::shading {
namespace {

constexpr double kPi = 3.14159265358979323846;

// The point at (s, t) in [0, 1]^2 of a planar quad, bilinear between its corners.
Eigen::Vector3d pointAt(const ShadedModule& m, double s, double t) {
  const auto& c = m.corners;
  return (1 - s) * (1 - t) * c[0] + s * (1 - t) * c[1] + s * t * c[2] + (1 - s) * t * c[3];
}

// Van der Corput radical inverse in base 2 of i.
double radicalInverse(unsigned i) {
  double inverse = 0.0, digit = 0.5;
  for (; i > 0; i >>= 1, digit *= 0.5) inverse += (i & 1u) * digit;
  return inverse;
}

}  // namespace

std::vector<Eigen::Vector3d> beamSamplePoints(const ShadedModule& m, int n) {
  std::vector<Eigen::Vector3d> out;
  out.reserve(static_cast<size_t>(n * n));
  for (int i = 0; i < n; ++i) {
    for (int j = 0; j < n; ++j) {
      out.push_back(pointAt(m, (i + 0.5) / n, (j + 0.5) / n) + kRayOffset * m.normal);
    }
  }
  return out;
}

ShadedModule shadedModule(const std::array<Eigen::Vector3d, 4>& corners) {
  ShadedModule m;
  m.corners = corners;
  const Eigen::Vector3d cross = (corners[2] - corners[0]).cross(corners[3] - corners[1]);
  m.area = 0.5 * cross.norm();
  m.normal = cross.normalized();
  return m;
}

std::optional<double> beamShadedFraction(const OccluderScene& scene, const ShadedModule& m,
                                         const Eigen::Vector3d& sun, int samples_per_side,
                                         bool cast) {
  if (sun.z() <= 0.0 || sun.dot(m.normal) <= 0.0) return std::nullopt;
  if (!cast) return 0.0;
  std::vector<char> hidden;
  scene.occludedAlong(beamSamplePoints(m, samples_per_side), sun, hidden);
  long count = 0;
  for (char h : hidden) count += h;
  return static_cast<double>(count) / static_cast<double>(hidden.size());
}

void substringBeamLosses(const OccluderScene& scene, const ShadedModule& m,
                         const Eigen::Vector3d& sun, int samples_per_side,
                         std::vector<double>& losses, int substrings, int rows) {
  substringBeamLossesFrom(scene, m, beamSamplePoints(m, samples_per_side), samples_per_side, sun,
                          losses, substrings, rows);
}

void substringBeamLossesFrom(const OccluderScene& scene, const ShadedModule& m,
                             const std::vector<Eigen::Vector3d>& points, int samples_per_side,
                             const Eigen::Vector3d& sun, std::vector<double>& losses,
                             int substrings, int rows) {
  const size_t first = losses.size();
  losses.resize(first + static_cast<size_t>(substrings), 0.0);
  if (sun.z() <= 0.0 || sun.dot(m.normal) <= 0.0) return;
  const int n = samples_per_side;
  // Substrings run along the long side, so they lie side by side across the short one.
  const bool long_along_first =
      (m.corners[1] - m.corners[0]).norm() >= (m.corners[3] - m.corners[0]).norm();
  std::vector<char> occluded;
  scene.occludedAlong(points, sun, occluded);
  std::vector<int> hidden(static_cast<size_t>(substrings), 0), total(hidden);
  for (int i = 0; i < n; ++i) {
    for (int j = 0; j < n; ++j) {
      const auto band = static_cast<size_t>((long_along_first ? j : i) * substrings / n);
      ++total[band];
      hidden[band] += occluded[static_cast<size_t>(i * n + j)];
    }
  }
  for (size_t b = 0; b < hidden.size(); ++b) {
    const double share = total[b] > 0 ? static_cast<double>(hidden[b]) / total[b] : 0.0;
    losses[first + b] = std::min(1.0, rows * share);
  }
}

double moduleBeamFactor(const OccluderScene& scene, const ShadedModule& m,
                        const Eigen::Vector3d& sun, int samples_per_side, bool cast) {
  std::vector<double> losses;
  if (!cast) {
    losses.assign(kBypassSubstrings, 0.0);  // what casting the rays gives
  } else {
    substringBeamLosses(scene, m, sun, samples_per_side, losses);
  }
  std::sort(losses.begin(), losses.end());
  return physics::bypassStringPowerSorted(losses, 1.0);
}

ViewFractions viewFractions(const OccluderScene& scene, const ShadedModule& m, int points_per_side,
                            int directions) {
  const Eigen::Vector3d t1 = (m.corners[1] - m.corners[0]).normalized();
  const Eigen::Vector3d t2 = m.normal.cross(t1);
  const int n = points_per_side;
  long above = 0, sky = 0, below = 0, ground = 0;
  for (int p = 0; p < n * n; ++p) {
    const Eigen::Vector3d origin =
        pointAt(m, (p % n + 0.5) / n, (p / n + 0.5) / n) + kRayOffset * m.normal;
    const double turn = std::fmod(0.6180339887498949 * p, 1.0);  // golden-ratio rotation
    for (int k = 0; k < directions; ++k) {
      // Cosine-weighted: r = sqrt(u1) on the unit disc, lifted onto the hemisphere.
      const double u1 = (k + 0.5) / directions;
      const double phi = 2 * kPi * std::fmod(radicalInverse(unsigned(k)) + turn, 1.0);
      const double r = std::sqrt(u1);
      const Eigen::Vector3d d =
          r * std::cos(phi) * t1 + r * std::sin(phi) * t2 + std::sqrt(1 - u1) * m.normal;
      if (d.z() > 0.0) {
        ++above;
        sky += scene.occluded(origin, d) ? 0 : 1;
      } else {
        ++below;
        ground += scene.reachesGround(origin, d) ? 1 : 0;
      }
    }
  }
  ViewFractions out;
  out.sky = above > 0 ? static_cast<double>(sky) / static_cast<double>(above) : 0.0;
  out.ground = below > 0 ? static_cast<double>(ground) / static_cast<double>(below) : 1.0;
  return out;
}

}  // namespace twin::shading
