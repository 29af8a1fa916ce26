// The sun frame's test of a group of modules (twin/model/sun_frame.h; a module alone, or a stretch
// of a row) is conservative: a module it clears has no beam sample hidden, checked by casting every
// ray, over suns all round the sky, in the shading park (rows on a roof, a tower, a chimney, a
// tree) and in rows 900 m from the site origin (where single-precision rays round coarsest). It
// also clears what it should: coplanar neighbours, the roof under the modules and its walls, a high
// sun over open rows.
#include "twin/model/sun_frame.h"

#include <gtest/gtest.h>

#include <cmath>

#include "twin/model/compile_park.h"
#include "twin/model/park_occluders.h"
#include "twin/shading/park_shading.h"
#include "twin/shading/shaded_park.h"

namespace twin::shading {
namespace {

constexpr double kDeg = 3.14159265358979323846 / 180;

Eigen::Vector3d sunAt(double elevation_deg, double azimuth_deg) {
  const double e = elevation_deg * kDeg, a = azimuth_deg * kDeg;
  return {std::cos(e) * std::sin(a), std::cos(e) * std::cos(a), std::sin(e)};
}

struct Tally {
  long cleared = 0, kept = 0, kept_shaded = 0;
};

// At each sun, every module of a group the frame clears has every one of its n x n rays lit; in
// groups of one, each module is judged on its own.
Tally checkClearedAreLit(const Triangles& triangles, const std::vector<ShadedModule>& modules,
                         int n, size_t group) {
  const OccluderScene scene(triangles);
  const FrameScene frames(triangles);
  const std::vector<ModuleGroup> groups = moduleGroups(modules, group);
  Tally tally;
  for (double el = 1.0; el < 90.0; el += 6.0) {
    for (double az = 0.0; az < 360.0; az += 20.0) {
      const Eigen::Vector3d sun = sunAt(el, az);
      const SunFrame frame(frames, sun);
      for (const ModuleGroup& g : groups) {
        const bool may = frame.mayShade(g);
        for (size_t i = g.first; i < g.first + g.count; ++i) {
          const std::optional<double> hidden = beamShadedFraction(scene, modules[i], sun, n);
          if (may) {
            ++tally.kept;
            tally.kept_shaded += hidden.value_or(0.0) > 0.0 ? 1 : 0;
            continue;
          }
          ++tally.cleared;
          EXPECT_EQ(hidden.value_or(0.0), 0.0)
              << "elevation " << el << ", azimuth " << az << ", module " << i;
        }
      }
    }
  }
  return tally;
}

TEST(SunFrame, ClearsOnlyModulesNoRayReachesInTheShadingPark) {
  const CompiledPark park = test::compileText(test::shadedParkText(test::kObstacles));
  const ParkShading shading = parkShading(park.baseline);
  std::vector<ShadedModule> modules;
  for (const ArrayModules& a : shading.arrays) {
    for (size_t m = 0; m < a.modules.size(); m += 3) modules.push_back(a.modules[m]);
  }
  ASSERT_GT(modules.size(), 20u);
  Triangles triangles = buildingsAndObstacles(park.baseline);
  for (const ArrayModules& a : shading.arrays) {
    for (const ShadedModule& m : a.modules) triangles.addQuad(m.corners);
  }
  for (size_t group : {1, 8}) {
    const Tally t = checkClearedAreLit(triangles, modules, 8, group);
    // The tower, chimney, tree and rows shade some modules at some suns; most are clear.
    EXPECT_GT(t.kept_shaded, 0) << group;
    EXPECT_GT(t.cleared, 2 * t.kept) << group;
  }
}

// Rows tilted 20 degrees south, 1 x 2 m modules side by side, on a 10 m high roof.
void tiltedRows(const Eigen::Vector3d& at, Triangles& t, std::vector<ShadedModule>& modules) {
  t.addPrism({{at.x() - 2, at.y() - 2},
              {at.x() + 12, at.y() - 2},
              {at.x() + 12, at.y() + 12},
              {at.x() - 2, at.y() + 12}},
             0.0, 10.0);
  const double dy = 2.0 * std::cos(20 * kDeg), dz = 2.0 * std::sin(20 * kDeg);
  for (int row = 0; row < 4; ++row) {
    for (int col = 0; col < 10; ++col) {
      const Eigen::Vector3d o = at + Eigen::Vector3d(col, 2.6 * row, 10.05);
      const std::array<Eigen::Vector3d, 4> q = {o, o + Eigen::Vector3d(1, 0, 0),
                                                o + Eigen::Vector3d(1, dy, dz),
                                                o + Eigen::Vector3d(0, dy, dz)};
      t.addQuad(q);
      modules.push_back(shadedModule(q));
    }
  }
}

TEST(SunFrame, ClearsOnlyModulesNoRayReachesFarFromTheOrigin) {
  Triangles t;
  std::vector<ShadedModule> modules;
  tiltedRows(Eigen::Vector3d(900, -700, 0), t, modules);
  for (size_t group : {1, 8}) {
    const Tally tally = checkClearedAreLit(t, modules, 8, group);
    EXPECT_GT(tally.kept_shaded, 0) << group;  // row to row, low in the south
    EXPECT_GT(tally.cleared, tally.kept) << group;
  }
}

TEST(SunFrame, ClearsNeighboursTheRoofAndItsWallsUnderAHighSun) {
  Triangles t;
  std::vector<ShadedModule> modules;
  tiltedRows(Eigen::Vector3d(0, 0, 0), t, modules);
  const FrameScene frames(t);
  const std::vector<ModuleGroup> groups = moduleGroups(modules, 8);
  ASSERT_EQ(groups.size(), 8u);  // 8 + 2 in each of the 4 rows: no group spans two rows
  EXPECT_EQ(groups[1].first + groups[1].count, 10u);
  const std::vector<ModuleGroup> singles = moduleGroups(modules, 1);
  ASSERT_EQ(singles.size(), modules.size());
  for (double az : {90.0, 180.0, 270.0}) {
    const SunFrame frame(frames, sunAt(60.0, az));
    for (const ModuleGroup& g : singles) EXPECT_FALSE(frame.mayShade(g)) << az;
    // Each stretch of a row cleared by one test.
    for (const ModuleGroup& g : groups) EXPECT_FALSE(frame.mayShade(g)) << az;
  }
}

TEST(SunFrame, KeepsModulesInATowersShadowAndClearsBelowTheHorizonOrBehind) {
  Triangles t;
  std::vector<ShadedModule> modules;
  tiltedRows(Eigen::Vector3d(0, 0, 0), t, modules);
  t.addPrism({{0, -8}, {10, -8}, {10, -6}, {0, -6}}, 0.0, 40.0);  // a tower south of the roof
  const FrameScene frames(t);
  const ModuleGroup first = moduleGroups(modules, 1).front();
  const SunFrame noon(frames, sunAt(45.0, 180.0));
  EXPECT_TRUE(noon.mayShade(first));  // the front row is in its shadow
  EXPECT_TRUE(noon.mayShade(moduleGroups(modules, 8).front()));
  EXPECT_FALSE(SunFrame(frames, sunAt(-5.0, 180.0)).mayShade(first));
  EXPECT_FALSE(SunFrame(frames, sunAt(10.0, 0.0)).mayShade(first));  // behind its back
}

}  // namespace
}  // namespace twin::shading
