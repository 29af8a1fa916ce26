#include "twin/base/polygon.h"

namespace twin {

double signedArea(const std::vector<Eigen::Vector2d>& polygon) {
  double twice_area = 0.0;
  for (size_t i = 0; i < polygon.size(); ++i) {
    const Eigen::Vector2d& p = polygon[i];
    const Eigen::Vector2d& q = polygon[(i + 1) % polygon.size()];
    twice_area += p.x() * q.y() - q.x() * p.y();
  }
  return 0.5 * twice_area;
}

}  // namespace twin
