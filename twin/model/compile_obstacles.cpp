// Compiles `obstacles:` (docs/shading.md): prisms, cylinders and trees that shade PV.
#include "physics/units.h"
#include "twin/base/polygon.h"
#include "twin/base/text.h"
#include "twin/model/compile_context.h"

namespace twin {
namespace {

namespace u = physics::units;

constexpr QuantityField kTop{"height", Dimension::kLength, 0, 1000, true, "m", u::m};
constexpr QuantityField kBase{"base", Dimension::kLength, 0, 1000, false, "m", u::m};
constexpr QuantityField kCrownBase{"crown_base", Dimension::kLength, 0, 1000, false, "m", u::m};
constexpr QuantityField kRadius{"radius", Dimension::kLength, 0, 500, true, "m", u::m};
constexpr QuantityField kCrown{"crown_radius", Dimension::kLength, 0, 100, true, "m", u::m};

Eigen::Vector2d readPoint(const Node& n, const std::string& path, CompileContext& c) {
  double x = 0, y = 0;
  if (!n.isSequence() || n.items.size() != 2 || !parseNumber(n.items[0].scalar, x) ||
      !parseNumber(n.items[1].scalar, y) || !std::isfinite(x) || !std::isfinite(y)) {
    c.r.error(n.loc, path, "expected a point [east_m, north_m]");
  } else if (std::abs(x) > kMaxSiteExtent || std::abs(y) > kMaxSiteExtent) {
    c.r.error(n.loc, path, "expected a point " + std::string(kSiteExtentRule));
  }
  return {x, y};
}

void readShape(const Node& n, const std::string& path, CompileContext& c, Obstacle& o) {
  if (o.kind == ObstacleKind::kPrism) {
    c.r.checkKeys(n, {"id", "kind", "footprint", "base", "height"}, path);
    if (const Node* fp = c.r.required(n, "footprint", path)) {
      o.footprint = readPolygon(*fp, keyPath(path, "footprint"), c);
      if (o.footprint.size() >= 3 && !isSimplePolygon(o.footprint)) {
        c.r.error(fp->loc, keyPath(path, "footprint"),
                  "expected a simple polygon (edges that do not cross), got one whose edges cross");
      }
    }
    o.base = c.r.quantity(n, kBase, path, false).value_or(0.0);
    return;
  }
  const bool tree = o.kind == ObstacleKind::kTree;
  if (tree) {
    c.r.checkKeys(n, {"id", "kind", "center", "crown_radius", "crown_base", "height"}, path);
  } else {
    c.r.checkKeys(n, {"id", "kind", "center", "radius", "base", "height"}, path);
  }
  if (const Node* p = c.r.required(n, "center", path)) {
    o.center = readPoint(*p, keyPath(path, "center"), c);
  }
  o.radius = c.r.quantity(n, tree ? kCrown : kRadius, path, true).value_or(0.0);
  o.base = c.r.quantity(n, tree ? kCrownBase : kBase, path, false).value_or(0.0);
}

void compileObstacle(const Node& n, const std::string& path, CompileContext& c) {
  if (!c.r.expectMap(n, path)) return;
  Obstacle o;
  o.id = c.r.id(n, "id", path).value_or("");
  o.kind =
      static_cast<ObstacleKind>(c.r.choice(n, "kind", kObstacleKindNames, path, true).value_or(0));
  readShape(n, path, c, o);
  o.height = c.r.quantity(n, kTop, path, true).value_or(0.0);
  if (o.height > 0 && o.base >= o.height) {
    const char* key = o.kind == ObstacleKind::kTree ? "crown_base" : "base";
    c.r.error(n.find(key)->loc, keyPath(path, key),
              "expected a value below the height (" + n.find("height")->scalar + "), got " +
                  quote(n.find(key)->scalar));
  }
  if (!o.id.empty()) c.claimId(o.id, n.find("id")->loc, keyPath(path, "id"));
  c.model.obstacles.push_back(std::move(o));
}

}  // namespace

void compileObstacles(const Node& root, CompileContext& c) {
  forEachEntry(root, "obstacles", false, c, compileObstacle);
}

}  // namespace twin
