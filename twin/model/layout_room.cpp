#include "twin/model/layout_room.h"

#include <cmath>

#include "twin/base/polygon.h"
#include "twin/base/text.h"

namespace twin {
namespace {

// At most this many modules are laid out on one surface (about 550 MWp of 550 W modules): a
// larger surface is a typing error, or wants splitting into arrays.
constexpr double kMaxLayoutModules = 1e6;

}  // namespace

bool roomForLayout(const Node& n, const std::string& path, CompileContext& c,
                   const physics::RoofLayoutSpec& spec) {
  std::vector<Eigen::Vector2d> outline;
  for (const physics::Point2& p : spec.outline) outline.emplace_back(p.x, p.y);
  const double footprint =
      spec.module.length * spec.module.width * (spec.flush ? 1.0 : std::cos(spec.tilt));
  const double area = std::abs(signedArea(outline));
  const double bound = area / footprint;
  if (bound <= kMaxLayoutModules) return true;
  c.r.error(n.find("install")->loc, keyPath(path, "install"),
            "expected a surface for at most 1,000,000 modules, got one of " +
                formatGrouped(area, 0) + " m2 with room for about " + formatGrouped(bound, 0) +
                "; split it into several arrays");
  return false;
}

}  // namespace twin
