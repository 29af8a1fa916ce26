#include "twin/shading/array_shading.h"

#include <tbb/parallel_for.h>

#include "twin/model/sun_frame.h"

namespace twin::shading {
namespace {

void weightModules(const ArrayModules& am, ArrayFigures& out, size_t suns) {
  double area = 0.0, view = 0.0, ground = 0.0;
  std::vector<double> beam(suns, 0.0), beam_area(suns, 0.0);
  for (size_t m = 0; m < am.modules.size(); ++m) {
    const double a = am.modules[m].area;
    area += a;
    view += a * out.modules[m].view;
    ground += a * out.modules[m].ground;
    for (size_t s = 0; s < suns; ++s) {
      if (!out.modules[m].beam[s]) continue;
      beam[s] += a * *out.modules[m].beam[s];
      beam_area[s] += a;
    }
  }
  if (area > 0) out.view = view / area;
  if (area > 0) out.ground = ground / area;
  for (size_t s = 0; s < suns; ++s) {
    out.beam.push_back(beam_area[s] > 0 ? std::optional(beam[s] / beam_area[s]) : std::nullopt);
  }
}

}  // namespace

std::vector<ArrayFigures> shadeArrays(const ParkShading& park,
                                      const std::vector<Eigen::Vector3d>& suns, int beam_samples) {
  std::vector<ArrayFigures> out(park.arrays.size());
  for (size_t i = 0; i < park.arrays.size(); ++i) {
    out[i].modules.resize(park.arrays[i].modules.size());
    for (ModuleFigures& f : out[i].modules) f.beam.resize(suns.size());
  }
  for (size_t s = 0; s < suns.size(); ++s) {  // each sun's frame once for every array
    const SunFrame frame(*park.frames, suns[s]);
    for (size_t i = 0; i < park.arrays.size(); ++i) {
      const ArrayModules& am = park.arrays[i];
      tbb::parallel_for(size_t(0), am.groups.size(), [&](size_t k) {
        const ModuleGroup& g = am.groups[k];
        const bool cast = frame.mayShade(g);  // each module of a group that may be shaded casts
        for (size_t m = g.first; m < g.first + g.count; ++m) {
          out[i].modules[m].beam[s] =
              beamShadedFraction(*park.scene, am.modules[m], suns[s], beam_samples, cast);
        }
      });
    }
  }
  for (size_t i = 0; i < park.arrays.size(); ++i) {
    const ArrayModules& am = park.arrays[i];
    tbb::parallel_for(size_t(0), am.modules.size(), [&](size_t m) {
      ModuleFigures& f = out[i].modules[m];
      const ViewFractions v = viewFractions(*park.scene, am.modules[m]);
      f.view = v.sky;
      f.ground = v.ground;
    });
    weightModules(am, out[i], suns.size());
  }
  return out;
}

}  // namespace twin::shading
