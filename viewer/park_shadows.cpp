#include "viewer/park_shadows.h"

#include <tbb/parallel_for.h>

#include <algorithm>
#include <cmath>
#include <osg/BlendFunc>
#include <osg/Depth>
#include <osg/PolygonOffset>

#include "twin/base/polygon.h"
#include "twin/shading/park_shading.h"

namespace viewer {
namespace {

constexpr double kMaxCells = 200000.0;  // cells over the whole site: the finest about 0.5 m
constexpr double kMinCell = 0.5;        // m
constexpr double kLift = 0.08;          // m above the surface, against z-fighting
const osg::Vec4 kShadowColor(0.0f, 0.0f, 0.05f, 0.38f);

bool insideAny(const Eigen::Vector2d& p,
               const std::vector<const std::vector<Eigen::Vector2d>*>& polygons) {
  return std::any_of(polygons.begin(), polygons.end(),
                     [&](const auto* poly) { return twin::containsPoint(*poly, p); });
}

}  // namespace

ParkShadows::ParkShadows(const twin::ParkModel& model, const ParkLayout& layout)
    : scene_(twin::shading::parkShading(model).scene),
      geode_(new osg::Geode),
      geometry_(new osg::Geometry) {
  const Eigen::Vector2d size = layout.max - layout.min;
  cell_ = std::max(kMinCell, std::sqrt(size.x() * size.y() / kMaxCells));
  std::vector<const std::vector<Eigen::Vector2d>*> footprints;
  for (const twin::Building& b : model.buildings) footprints.push_back(&b.footprint);
  const std::vector<Eigen::Vector2d> site = {
      layout.min, {layout.max.x(), layout.min.y()}, layout.max, {layout.min.x(), layout.max.y()}};
  addSurface(site, 0.0, footprints);
  for (const twin::Building& b : model.buildings) addSurface(b.footprint, b.height, {});
  geometry_->setName("shadows");
  geometry_->setUseDisplayList(false);
  geometry_->setUseVertexBufferObjects(true);
  geometry_->setDataVariance(osg::Object::DYNAMIC);
  geode_->addDrawable(geometry_.get());
  osg::StateSet* ss = geode_->getOrCreateStateSet();
  ss->setMode(GL_LIGHTING, osg::StateAttribute::OFF | osg::StateAttribute::PROTECTED);
  ss->setMode(GL_BLEND, osg::StateAttribute::ON);
  ss->setAttributeAndModes(new osg::BlendFunc(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA));
  ss->setAttributeAndModes(new osg::Depth(osg::Depth::LEQUAL, 0.0, 1.0, false));
  ss->setAttributeAndModes(new osg::PolygonOffset(-1.0f, -4.0f));
  ss->setRenderingHint(osg::StateSet::TRANSPARENT_BIN);
}

ParkShadows::~ParkShadows() = default;

void ParkShadows::addSurface(const std::vector<Eigen::Vector2d>& outline, double z,
                             const std::vector<const std::vector<Eigen::Vector2d>*>& holes) {
  Eigen::Vector2d lo = outline.front(), hi = outline.front();
  for (const Eigen::Vector2d& p : outline) lo = lo.cwiseMin(p), hi = hi.cwiseMax(p);
  const int nx = static_cast<int>(std::ceil((hi.x() - lo.x()) / cell_));
  const int ny = static_cast<int>(std::ceil((hi.y() - lo.y()) / cell_));
  for (int j = 0; j < ny; ++j) {
    const double y = lo.y() + (j + 0.5) * cell_;
    CellRow row{0.0, y, z, 0};
    auto flush = [&] {
      if (row.cells > 0) rows_.push_back(row);
      row.cells = 0;
    };
    for (int i = 0; i < nx; ++i) {
      const Eigen::Vector2d c(lo.x() + (i + 0.5) * cell_, y);
      if (!twin::containsPoint(outline, c) || insideAny(c, holes)) {
        flush();
        continue;
      }
      if (row.cells == 0) row.x0 = c.x();
      ++row.cells;
    }
    flush();
  }
}

size_t ParkShadows::setSun(const Eigen::Vector3d& sun) {
  // Per row of cells, which are in shadow (rays in parallel; the same on any thread count).
  std::vector<std::vector<char>> shaded(rows_.size());
  if (sun.z() > 0) {
    tbb::parallel_for(size_t(0), rows_.size(), [&](size_t r) {
      const CellRow& row = rows_[r];
      std::vector<Eigen::Vector3d> origins;
      for (int i = 0; i < row.cells; ++i)
        origins.emplace_back(row.x0 + i * cell_, row.y, row.z + 1e-3);
      scene_->occludedAlong(origins, sun, shaded[r]);
    });
  }
  osg::ref_ptr<osg::Vec3Array> vertices = new osg::Vec3Array;
  size_t count = 0;
  const double h = 0.5 * cell_;
  for (size_t r = 0; r < shaded.size(); ++r) {
    const CellRow& row = rows_[r];
    // Runs of shadowed cells along the row, one quad each.
    for (int i = 0; i < static_cast<int>(shaded[r].size());) {
      if (!shaded[r][size_t(i)]) {
        ++i;
        continue;
      }
      int end = i;
      while (end < row.cells && shaded[r][size_t(end)]) ++end;
      const auto x0 = float(row.x0 + i * cell_ - h), x1 = float(row.x0 + (end - 1) * cell_ + h);
      const auto y0 = float(row.y - h), y1 = float(row.y + h), z = float(row.z + kLift);
      const osg::Vec3 a(x0, y0, z), b(x1, y0, z), c(x1, y1, z), d(x0, y1, z);
      for (const osg::Vec3& v : {a, b, c, a, c, d}) vertices->push_back(v);
      count += static_cast<size_t>(end - i);
      i = end;
    }
  }
  osg::ref_ptr<osg::Vec4Array> colors = new osg::Vec4Array;
  colors->push_back(kShadowColor);
  geometry_->setVertexArray(vertices.get());
  geometry_->setColorArray(colors.get(), osg::Array::BIND_OVERALL);
  geometry_->removePrimitiveSet(0, geometry_->getNumPrimitiveSets());
  geometry_->addPrimitiveSet(
      new osg::DrawArrays(osg::PrimitiveSet::TRIANGLES, 0, static_cast<int>(vertices->size())));
  geometry_->dirtyBound();
  return count;
}

}  // namespace viewer
