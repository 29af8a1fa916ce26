// The park's shadows at a sun position, drawn as dark translucent patches on the ground and the
// roofs: the surfaces are cut into cells about a metre across, and a cell is in shadow when a ray
// from its centre towards the sun meets the park's geometry (buildings, obstacles and PV modules,
// the same Embree scene the twin shades PV with: twin/model/park_occluders.h). Shadows on walls and
// on the modules themselves are not drawn. The sun comes from the results' time step
// (twin::sunAtInstant), the one the twin simulates with.
#pragma once

#include <Eigen/Core>
#include <memory>
#include <osg/Geode>
#include <osg/Geometry>
#include <vector>

#include "twin/model/model.h"
#include "twin/model/occluder_scene.h"
#include "viewer/park_layout.h"

namespace viewer {

class ParkShadows {
 public:
  ParkShadows(const twin::ParkModel& model, const ParkLayout& layout);
  ~ParkShadows();
  osg::Geode* node() const { return geode_.get(); }
  // Redraws the shadows for the unit vector towards the sun (none with the sun down). Returns the
  // number of shadowed cells.
  size_t setSun(const Eigen::Vector3d& sun);
  double cellSize() const { return cell_; }  // m, the side of a cell

 private:
  // A row of cells of one surface: cell centres from x0 by `cell` along x at (y, z).
  struct CellRow {
    double x0 = 0.0;
    double y = 0.0;
    double z = 0.0;
    int cells = 0;
  };
  void addSurface(const std::vector<Eigen::Vector2d>& outline, double z,
                  const std::vector<const std::vector<Eigen::Vector2d>*>& holes);

  std::unique_ptr<twin::shading::OccluderScene> scene_;
  std::vector<CellRow> rows_;
  double cell_ = 1.0;  // m
  osg::ref_ptr<osg::Geode> geode_;
  osg::ref_ptr<osg::Geometry> geometry_;
};

}  // namespace viewer
