// The park's shading geometry (docs/shading.md): every building as a prism (footprint, height;
// pitched and sawtooth roofs taken flat at the building's height, a simplification), every
// obstacle (prisms; cylinders and tree crowns as 24-sided prisms) and every laid-out PV module as
// a planar quad standing off its roof or wall by the array's `standoff`. Modules shade modules:
// row-to-row shading comes out of the same scene.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "twin/model/model.h"
#include "twin/model/module_shading.h"
#include "twin/model/park_occluders.h"
#include "twin/model/sun_frame.h"

namespace twin::shading {

struct ArrayModules {
  size_t array = 0;                   // index into model.pv
  std::vector<ShadedModule> modules;  // empty when the array has no layout
  std::vector<ModuleGroup> groups;    // the modules a row at a time, for the sun frames
  std::string unshaded;               // why it has no modules ("" when it has)
};

struct ParkShading {
  std::vector<ArrayModules> arrays;  // one per PV array of the model, in its order
  std::unique_ptr<OccluderScene> scene;
  std::unique_ptr<FrameScene> frames;  // the scene for the sun frames (twin/model/sun_frame.h)
  std::string geometry;                // SHA-256 (hex) of the scene's vertices and triangles
};

// Builds the scene of a compiled model.
ParkShading parkShading(const ParkModel& model);

}  // namespace twin::shading
