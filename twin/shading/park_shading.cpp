#include "twin/shading/park_shading.h"

#include <cmath>

#include "twin/model/park_occluders.h"

namespace twin::shading {
namespace {

std::string unshadedReason(const PvArray& a) {
  if (a.surface == PvSurface::kGround) return "a ground array has no module layout";
  return "sized by capacity or area, not laid out module by module (install: wherever_possible "
         "lays it out)";
}

}  // namespace

ParkShading parkShading(const ParkModel& model) {
  ParkShading out;
  Triangles t = buildingsAndObstacles(model);
  for (size_t i = 0; i < model.pv.size(); ++i) {
    const PvArray& a = model.pv[i];
    ArrayModules am{i, {}, {}, ""};
    for (const Quad& q : standingModules(model, a)) {
      am.modules.push_back(shadedModule(q));
      t.addQuad(q);
    }
    if (am.modules.empty()) am.unshaded = unshadedReason(a);
    am.groups = moduleGroups(am.modules, kGroupModules);
    out.arrays.push_back(std::move(am));
  }
  out.scene = std::make_unique<OccluderScene>(t);
  out.geometry = t.digest();
  out.frames = std::make_unique<FrameScene>(t);
  return out;
}

}  // namespace twin::shading
