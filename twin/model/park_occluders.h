// The park's solid geometry for shading (docs/shading.md), shared by the layout's
// max_shading_loss (twin/model/shade_filter.h) and the shading layer (twin/shading): buildings as
// prisms (roofs flat at their height), obstacles (cylinders and tree crowns as 24-sided prisms),
// and laid-out modules standing off their surface by the array's standoff.
#pragma once

#include <vector>

#include "twin/model/module_shading.h"
#include "twin/model/pv_geometry.h"

namespace twin {

// Sides of the regular polygon a cylinder or a tree crown is taken as.
inline constexpr int kCylinderSides = 24;

// An obstacle's outline on the ground: a prism's footprint, a cylinder's or a tree crown's
// regular kCylinderSides-gon.
std::vector<Eigen::Vector2d> obstacleOutline(const Obstacle& obstacle);

// Every building and obstacle as triangles.
shading::Triangles buildingsAndObstacles(const ParkModel& model);

// The array's laid-out module quads, moved off their roof or wall by its standoff along their
// normal: exactly what is shaded and what shades.
std::vector<Quad> standingModules(const ParkModel& model, const PvArray& array);

// The unit vector towards the sun at a zenith and azimuth (rad; azimuth clockwise from north):
// physics::sunVector as an Eigen vector (x east, y north, z up).
Eigen::Vector3d sunDirection(double zenith, double azimuth);

// The sun over a year, coarsely: nodes 5 degrees apart in elevation (0..90) and azimuth (0..355),
// where the engine tabulates each array's beam factor (twin/shading/shade_table.h) and the layout
// weighs each spot's annual loss (shade_filter.h).
inline constexpr double kSunNodeStepDeg = 5.0;
inline constexpr int kAzimuthNodes = 72;
inline constexpr int kElevationNodes = 19;
// The sun at node (elevation index, azimuth index); the 0-degree node is taken at 0.5 degrees.
Eigen::Vector3d nodeSun(int elevation, int azimuth);

// Rays per module for a year's figures: the beam on 8 x 8 points (an edge placed within 1/16 of a
// module), the view fraction from 3 x 3 points x 64 directions.
inline constexpr int kYearBeamSamples = 8;
inline constexpr int kYearViewPoints = 3;
inline constexpr int kYearViewDirections = 64;

}  // namespace twin
