// PV layout "wherever it fits" (能装尽装, Shanghai's rooftop PV programmes): fill a surface, given
// in its own 2D frame, with rows of modules and report what fitted. Inter-row spacing of tilted
// rows by the rule of GB 50797-2012 (光伏发电站设计规范): no shading on the winter solstice from
// 09:00 to 15:00 solar time; sun altitude and azimuth from Duffie & Beckman, "Solar Engineering of
// Thermal Processes", 4th ed., eqs. 1.6.5 and 1.6.6.
//
// The packing is greedy, not an optimum: rows are stepped at the pitch from one of 8 row phases
// (the one placing the most modules wins, ties to the lowest phase) and each row is filled from
// its low end, which is optimal within a row but not over the choice of rows.
//
// Frames. Flat roof: park frame (x east, y north), modules tilted to `azimuth`. Pitched roof: the
// roof plane's own frame (x along the eaves, y up the slope) with `flush`. Facade: the wall's frame
// (x along the wall, y up), outline = the wall rectangle, obstructions = windows, with `flush`.
// Flush surfaces use azimuth = pi so that rows run along x.
#pragma once

#include <cstddef>
#include <vector>

#include "physics/units.h"

namespace physics {

struct Point2 {
  double x = 0.0;  // m
  double y = 0.0;  // m
};

// Something on the surface that modules keep clear of: HVAC units, skylights, walkways, windows.
struct Obstruction {
  std::vector<Point2> outline;  // simple polygon, either orientation, >= 3 vertices
  double clearance = 0.0;       // m, >= 0, kept free around the outline
};

struct ModuleDimensions {
  double length = 0.0;  // m, long side, > 0
  double width = 0.0;   // m, short side, > 0
};

struct RoofLayoutSpec {
  std::vector<Point2> outline;  // m, simple polygon (concave allowed), either orientation
  double setback = 0.0;         // m, >= 0, kept free along every outline edge
  std::vector<Obstruction> obstructions;
  ModuleDimensions module;
  bool portrait = true;        // long side up the slope (across the row); else along the row
  double module_gap = 0.0;     // m, >= 0, between neighbouring modules of a row
  double tilt = 0.0;           // rad, [0, pi/2), module tilt from the surface
  double azimuth = units::pi;  // rad, faced by the modules, clockwise from +y (north): pi = south
  double row_pitch = 0.0;      // m, row to row along the facing direction; 0 = shadeFreeRowPitch
  double latitude = 0.0;       // rad, [-pi/2, pi/2], for the pitch rule only
  double aisle = 0.0;          // m, >= 0, least free walkway between tilted rows (pitch rule only)
  bool flush = false;          // modules lie in the surface: pitch = module depth + module_gap
};

struct ModulePlacement {
  Point2 center;          // m, centre of the module's footprint (its projection on the surface)
  double rotation = 0.0;  // rad, direction of the row, counterclockwise from the frame's +x
};

struct SurfaceLayout {
  std::vector<ModulePlacement> modules;
  double row_pitch = 0.0;  // m, used row pitch (0 when the spec is invalid)
  // Module slant depth / row pitch: pvlib's `gcr`, equal to module area / (pitch x row length)
  // for rows without gaps.
  double ground_coverage_ratio = 0.0;
  // m2, area at >= setback from the outline's edges, inside it, and at >= clearance from every
  // obstruction (outside it); midpoint scan-line integral between the heights of the vertices,
  // error about 1e-3 m2 on the test shapes.
  double usable_area = 0.0;
  std::size_t count() const { return modules.size(); }
};

// Row pitch (m, along the facing direction) so that the top edge of a row of modules of slant
// depth `depth` (m, > 0) at `tilt` (rad) casts no shadow on the next row between 09:00 and 15:00
// solar time on the winter solstice (declination -23.44 deg north of the equator, +23.44 deg south
// of it): depth cos(tilt) + the longest shadow of the height depth sin(tilt) projected on the
// facing direction, hour angles sampled every 1 deg. Instants with the sun below 5 deg elevation
// are skipped (they would ask for over 11 x the row height; 09:00 is skipped beyond 52 deg
// latitude); modules facing away from the equator need no more than their footprint depth.
// azimuth: rad, facing direction clockwise from north; latitude: rad.
double shadeFreeRowPitch(double depth, double tilt, double azimuth, double latitude);

// Greedy layout (see the top of this file). Modules keep >= setback from the outline's edges and
// >= clearance from each obstruction; touching at exactly that distance is allowed (1 nm
// tolerance). An invalid spec (a polygon with < 3 vertices or non-finite ones, module sizes <= 0,
// negative gaps, setback, clearance or pitch, tilt outside [0, 90 deg), explicit row_pitch below
// the footprint depth) gives an empty layout.
// Cost: O(phases x rows x edges near the row + modules) plus the area scan.
SurfaceLayout layoutModules(const RoofLayoutSpec& spec);

}  // namespace physics
