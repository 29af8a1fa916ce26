// Shading by ray casting (twin/shading) against closed forms: an open sky, the shadow of a long
// wall, row-to-row shading of tilted rows, the sky view of a strip at the foot of a wall; the
// figures the same on 1 and 2 threads; obstacles from a park file.
#include <fmt/format.h>
#include <gtest/gtest.h>
#include <tbb/global_control.h>
#include <tbb/task_arena.h>

#include <algorithm>
#include <cmath>

#include "twin/memory_sink.h"
#include "twin/model/compile_park.h"
#include "twin/model/shade_filter.h"
#include "twin/shading/array_shading.h"
#include "twin/shading/shade_table_cache.h"
#include "twin/shading/shaded_park.h"
#include "twin/test_park.h"

namespace twin::shading {
namespace {

constexpr double kPi = 3.14159265358979323846;
constexpr double kDeg = kPi / 180;

using Quad = std::array<Eigen::Vector3d, 4>;

// A horizontal rectangle [x0, x1] x [y0, y1] at height z, facing up.
Quad flat(double x0, double x1, double y0, double y1, double z) {
  return {Eigen::Vector3d(x0, y0, z), {x1, y0, z}, {x1, y1, z}, {x0, y1, z}};
}

// A row of slant length L tilted by beta facing south, lower edge along y = y0 from x = -X/2 to
// X/2 (corners counter-clockwise seen from the front).
Quad tiltedRow(double y0, double length, double beta, double x_len) {
  const double dy = length * std::cos(beta), dz = length * std::sin(beta);
  return {Eigen::Vector3d(-x_len / 2, y0, 0),
          {x_len / 2, y0, 0},
          {x_len / 2, y0 + dy, dz},
          {-x_len / 2, y0 + dy, dz}};
}

// A wall along the x axis (y from -0.2 to 0), 400 m long, height h.
Triangles wall(double h) {
  Triangles t;
  t.addPrism({{-200, -0.2}, {200, -0.2}, {200, 0}, {-200, 0}}, 0.0, h);
  return t;
}

// A module under an open sky: nothing hides the sun (fraction 0) or the sky (view 1 exactly).
TEST(Shading, AnOpenSkyShadesNothing) {
  Triangles t;
  const Quad q = flat(0, 2, 0, 1, 0.5);
  t.addQuad(q);
  const OccluderScene scene(t);
  const ShadedModule m = shadedModule(q);
  EXPECT_NEAR(m.area, 2.0, 1e-12);
  EXPECT_EQ(*beamShadedFraction(scene, m, Eigen::Vector3d(0.3, -0.4, 0.866).normalized()), 0.0);
  EXPECT_EQ(viewFractions(scene, m).sky, 1.0);
  EXPECT_EQ(viewFractions(scene, m).ground, 1.0);
  EXPECT_FALSE(beamShadedFraction(scene, m, Eigen::Vector3d(0, 0.6, -0.8)));  // sun down
}

// A long wall of height H shades the ground behind it to L = H / tan(e) for a sun of elevation e
// normal to it. A 4 m strip from 6 m to 10 m behind a 5 m wall at e = 30 deg: L = 8.660 m, so
// (8.660 - 6) / 4 = 0.665 of it is shaded. Tolerance 0.02 (the grid's 1/(2 x 26) = 0.019).
TEST(Shading, ALongWallShadesToHOverTanElevation) {
  const OccluderScene scene(wall(5.0));
  const double e = 30 * kDeg;
  const Eigen::Vector3d sun(0, -std::cos(e), std::sin(e));  // from the south, over the wall
  const double shadow = 5.0 / std::tan(e);
  for (double d : {6.0, 7.5, 9.0}) {
    const ShadedModule m = shadedModule(flat(-0.5, 0.5, d, d + 4, 0.0));
    const double exact = std::clamp((shadow - d) / 4, 0.0, 1.0);
    EXPECT_NEAR(*beamShadedFraction(scene, m, sun), exact, 0.02) << d;
  }
  // Beyond the shadow: nothing; in front of the wall (sun side): nothing.
  EXPECT_EQ(*beamShadedFraction(scene, shadedModule(flat(-1, 1, 9, 10, 0)), sun), 0.0);
  EXPECT_EQ(*beamShadedFraction(scene, shadedModule(flat(-1, 1, -5, -3, 0)), sun), 0.0);
}

// Bypass diodes (the substring model of module_shading.h): a wall's shadow covering 0.2 m of a
// 2 m x 1 m module's short side shades the one substring along the shaded long edge (two thirds
// of its rows on a 9 x 9 grid): that substring is bypassed and the module keeps 2/3 of its beam.
// Turned a quarter, the same 0.2 m crosses all three substrings: each has a cell row shaded and
// the module keeps nothing, though only 1/9 of it is in the shade.
TEST(Shading, BypassDiodesLoseWholeSubstrings) {
  const OccluderScene scene(wall(5.0));
  const double e = 30 * kDeg, shadow = 5.0 / std::tan(e);
  const Eigen::Vector3d sun(0, -std::cos(e), std::sin(e));
  const ShadedModule across = shadedModule(flat(-1, 1, shadow - 0.2, shadow + 0.8, 0.0));
  EXPECT_NEAR(moduleBeamFactor(scene, across, sun, 9), 2.0 / 3.0, 1e-12);
  const ShadedModule along = shadedModule(flat(-0.5, 0.5, shadow - 0.2, shadow + 1.8, 0.0));
  EXPECT_NEAR(*beamShadedFraction(scene, along, sun, 9), 1.0 / 9.0, 1e-12);
  EXPECT_EQ(moduleBeamFactor(scene, along, sun, 9), 0.0);
  EXPECT_EQ(moduleBeamFactor(scene, shadedModule(flat(-1, 1, 20, 21, 0)), sun, 9), 1.0);
}

// Row-to-row shading of rows of slant length L, tilt beta, pitch p, the sun in the rows' normal
// plane at elevation e: the rear row is shaded over 1 - p sin(e) / (L sin(e + beta)) of its
// length (the textbook relation, e.g. Deline et al. 2013, Fig. 2 geometry). L = 2 m, beta = 25
// deg, p = 3 m: 0.274 at e = 20 deg, 0.563 at 12 deg, 0 at 35 deg. Tolerance 0.02.
TEST(Shading, TiltedRowsShadeTheRowBehindByTheTextbookFraction) {
  const double length = 2.0, beta = 25 * kDeg, pitch = 3.0;
  const Quad front = tiltedRow(0.0, length, beta, 100), rear = tiltedRow(pitch, length, beta, 100);
  Triangles t;
  t.addQuad(front);
  t.addQuad(rear);
  const OccluderScene scene(t);
  for (double e_deg : {12.0, 20.0, 35.0}) {
    const double e = e_deg * kDeg;
    const Eigen::Vector3d sun(0, -std::cos(e), std::sin(e));
    const double exact = std::max(0.0, 1 - pitch * std::sin(e) / (length * std::sin(e + beta)));
    EXPECT_NEAR(*beamShadedFraction(scene, shadedModule(rear), sun), exact, 0.02) << e_deg;
    EXPECT_EQ(*beamShadedFraction(scene, shadedModule(front), sun), 0.0) << e_deg;
  }
}

// The sky seen by a narrow horizontal strip at distance x from a long wall of height H: in the
// wall's cross-section the wall hides the directions from the horizon up to alpha = atan(H / x)
// on one side, whose cosine-weighted share is (1 - cos alpha) / 2, so the view fraction is
// (1 + cos alpha) / 2 (the 2-D view factor of a differential strip, e.g. Howell's catalogue
// C-1/C-3 relations). H = 10 m, x = 5 m: 0.724; x = 20 m: 0.947. Tolerance 0.02.
TEST(Shading, AStripAtTheFootOfAWallSeesTheSkyAboveIt) {
  const OccluderScene scene(wall(10.0));
  for (double x : {5.0, 20.0}) {
    const ShadedModule m = shadedModule(flat(-20, 20, x - 0.1, x + 0.1, 0.0));
    const double exact = (1 + std::cos(std::atan(10.0 / x))) / 2;
    EXPECT_NEAR(viewFractions(scene, m, 4, 256).sky, exact, 0.02) << x;
  }
}

// The ground seen by a narrow vertical strip at height z facing a long wall at distance x across
// a street: in the cross-section, the directions from the horizon down to the depression angle
// phi0 = atan(z / x) end on the wall, and the 2-D view factor of a differential strip,
// (1/2) cos(phi) dphi, gives the ground the share 1 - sin(phi0) = 1 - z / sqrt(z^2 + x^2) of the
// lower half (the same catalogue relations). z = 3 m: 0.4 at x = 4 m, 0.757 at x = 12 m. Facing
// away from the wall, the strip sees all of the ground. Tolerance 0.02.
TEST(Shading, AWallAcrossTheStreetHidesTheGround) {
  const double z = 3.0;
  for (double x : {4.0, 12.0}) {
    Triangles t;
    t.addPrism({{-200, -x - 0.2}, {200, -x - 0.2}, {200, -x}, {-200, -x}}, 0.0, 10.0);
    const OccluderScene scene(t);
    const Quad south{
        {{-20, 0, z - 0.05}, {20, 0, z - 0.05}, {20, 0, z + 0.05}, {-20, 0, z + 0.05}}};
    const double exact = 1 - z / std::hypot(z, x);
    EXPECT_NEAR(viewFractions(scene, shadedModule(south), 4, 256).ground, exact, 0.02) << x;
    const Quad north{
        {{20, 0.01, z - 0.05}, {-20, 0.01, z - 0.05}, {-20, 0.01, z + 0.05}, {20, 0.01, z + 0.05}}};
    EXPECT_EQ(viewFractions(scene, shadedModule(north), 4, 256).ground, 1.0) << x;
  }
}

// Laid-out modules stand off the roof by the array's standoff; the tower, the chimney and the
// tree shade them in a winter morning; the figures are the same bit for bit on 1 and 2 threads.
TEST(Shading, AParkShadesItsModulesTheSameOnAnyThreadCount) {
  const CompiledPark park = test::compileText(test::shadedParkText(test::kObstacles));
  ASSERT_EQ(park.baseline.obstacles.size(), 2u);
  const ParkShading scene = parkShading(park.baseline);
  ASSERT_EQ(scene.arrays.size(), 1u);
  ASSERT_GT(scene.arrays[0].modules.size(), 50u);
  for (const ShadedModule& m : scene.arrays[0].modules) {
    EXPECT_GE(std::min({m.corners[0].z(), m.corners[1].z()}),
              8.0 + 0.1 * std::cos(15 * kDeg) - 1e-9);
  }
  const std::vector<Eigen::Vector3d> suns = {Eigen::Vector3d(0.5, -0.75, 0.43).normalized(),
                                             Eigen::Vector3d(-0.1, -0.5, 0.86).normalized()};
  auto run = [&](int threads) {
    const tbb::global_control allow(tbb::global_control::max_allowed_parallelism,
                                    static_cast<size_t>(threads));
    tbb::task_arena arena(threads);
    std::vector<ArrayFigures> out;
    arena.execute([&] { out = shadeArrays(scene, suns); });
    return out;
  };
  const auto one = run(1), two = run(2);
  ASSERT_EQ(one[0].modules.size(), two[0].modules.size());
  for (size_t m = 0; m < one[0].modules.size(); ++m) {
    EXPECT_EQ(one[0].modules[m].view, two[0].modules[m].view);
    EXPECT_EQ(one[0].modules[m].beam, two[0].modules[m].beam);
  }
  EXPECT_GT(*one[0].beam[0], 0.0);  // the low south-east sun: the tower's and chimney's shadows
  EXPECT_LT(*one[0].view, 1.0);     // the tower and the rows hide some sky
  // Without the obstacles, less is shaded.
  const CompiledPark open = test::compileText(test::shadedParkText(""));
  EXPECT_LT(*shadeArrays(parkShading(open.baseline), suns)[0].beam[0], *one[0].beam[0]);
}

// In the engine: the park's shade costs energy (KPI pv_shading_loss_kWh, series
// pv/beam_shading_pct), bit for bit the same on 1 and 2 threads; `shading: none` turns it off.
TEST(Shading, TheEngineShadesArraysTheSameOnAnyThreadCount) {
  const CompiledPark park = test::compileText(test::shadedParkText(test::kObstacles));
  const TimeGrid grid = makeTimeGrid(park.baseline, {});
  Kpis kpis, kpis_two;
  const test::MemorySink one = test::runWithThreads(park.baseline, grid, 1, &kpis);
  forgetShadeTables();  // the 2-thread run computes its own tables
  const test::MemorySink two = test::runWithThreads(park.baseline, grid, 2, &kpis_two);
  test::expectBitIdentical(one, two);
  EXPECT_GT(kpis.total.pv_shading_loss, 0.0);
  // Each module's views and loss over the run, for /model and the viewer.
  ASSERT_EQ(kpis.pv_modules.size(), 1u);
  const ModuleShading& modules = kpis.pv_modules[0];
  ASSERT_EQ(modules.loss.size(), park.baseline.pv[0].modules.size());
  EXPECT_EQ(modules.loss, kpis_two.pv_modules[0].loss);
  EXPECT_EQ(modules.sky, kpis_two.pv_modules[0].sky);
  for (size_t m = 0; m < modules.loss.size(); ++m) {
    EXPECT_GE(modules.loss[m], 0.0);
    EXPECT_LE(modules.loss[m], 1.0);
    EXPECT_GT(modules.sky[m], 0.5);  // low rows and a distant tower: most of the sky is seen
    EXPECT_LE(modules.ground[m], 1.0);
  }
  EXPECT_GT(*std::max_element(modules.loss.begin(), modules.loss.end()), 0.05);
  double max_shading = 0.0;
  for (double v : one.series(kPvBeamShading)) max_shading = std::max(max_shading, v);
  EXPECT_GT(max_shading, 0.0);
  EXPECT_LE(max_shading, 1.0);
  std::string text = test::shadedParkText(test::kObstacles);
  text.replace(text.find("    install: wherever_possible"), 0, "    shading: none\n");
  Kpis off;
  test::runWithThreads(test::compileText(text).baseline, grid, 1, &off);
  EXPECT_EQ(off.total.pv_shading_loss, 0.0);
  EXPECT_GT(off.total.pv_energy, kpis.total.pv_energy);
}

// Strings of many modules lose more to partial shade than modules on their own (a series string
// can give at most the sum of its modules' maximum power points: physics/pv_mismatch.h).
TEST(Shading, LongerStringsLoseMoreToPartialShade) {
  auto lossWith = [](long per_string) {
    std::string text = test::shadedParkText(test::kObstacles);
    text.replace(text.find("standoff: \"0.1 m\""), 0,
                 "modules_per_string: " + std::to_string(per_string) + ", ");
    const CompiledPark park = test::compileText(text);
    EXPECT_EQ(park.baseline.pv[0].modules_per_string, per_string);
    Kpis k;
    test::runWithThreads(park.baseline, makeTimeGrid(park.baseline, {}), 1, &k);
    return k.total.pv_shading_loss;
  };
  const double alone = lossWith(1), strings = lossWith(40);
  EXPECT_GT(alone, 0.0);
  EXPECT_GT(strings, alone);
}

// Modules that a taller neighbour swallows are a located warning: the tower moved over the east
// end of the workshop's roof.
TEST(Shading, ModulesInsideAnotherBuildingAreAWarning) {
  std::string text = test::shadedParkText("");
  text.replace(text.find("[[45, -15], [60, -15], [60, 0], [45, 0]]"),
               std::string("[[45, -15], [60, -15], [60, 0], [45, 0]]").size(),
               "[[32, 5], [50, 5], [50, 30], [32, 30]]");
  const CompiledPark park = test::compileText(text);
  ASSERT_EQ(park.warnings.size(), 1u);
  EXPECT_NE(park.warnings[0].find("pv[0]: "), std::string::npos) << park.warnings[0];
  EXPECT_NE(park.warnings[0].find("modules lie inside building TOWER (taller, over the roof)"),
            std::string::npos)
      << park.warnings[0];
  EXPECT_TRUE(test::compileText(test::shadedParkText("")).warnings.empty());
}

// max_shading_loss: the spots that lose more than the limit of the year's light to shade are left
// empty, the capacity follows, and every spot kept loses at most the limit.
TEST(Shading, MaxShadingLossLeavesShadedSpotsEmpty) {
  const CompiledPark all = test::compileText(test::shadedParkText(test::kObstacles));
  const PvArray& a = all.baseline.pv[0];
  std::vector<double> before = annualSpotLosses(all.baseline, a);
  ASSERT_EQ(before.size(), a.modules.size());
  std::vector<double> sorted = before;
  std::sort(sorted.begin(), sorted.end());
  EXPECT_GT(sorted.back(), sorted.front());        // the tower's side loses more than the open side
  const double limit = sorted[sorted.size() / 2];  // the median spot's loss
  std::string text = test::shadedParkText(test::kObstacles);
  text.replace(text.find("    install: wherever_possible"), 0,
               fmt::format("    max_shading_loss: \"{:.6f} %\"\n", 100 * limit));
  const CompiledPark limited = test::compileText(text);
  const PvArray& b = limited.baseline.pv[0];
  size_t over = 0;
  for (double loss : before) over += loss > limit + 1e-8 ? 1 : 0;
  EXPECT_GT(over, 0u);
  EXPECT_EQ(static_cast<size_t>(b.spots_left_for_shade), over);
  EXPECT_EQ(b.modules.size() + over, a.modules.size());
  EXPECT_NEAR(b.dc_capacity, 550.0 * static_cast<double>(b.modules.size()), 1e-6);
  std::string capacity = test::shadedParkText(test::kObstacles);
  capacity.replace(capacity.find("    install: wherever_possible"),
                   std::string("    install: wherever_possible").size(),
                   "    capacity: \"50 kWp\"\n    max_shading_loss: \"3 %\"");
  try {
    test::compileText(capacity);
    ADD_FAILURE() << "max_shading_loss accepted on an array sized by capacity";
  } catch (const InputError& e) {
    EXPECT_NE(
        std::string(e.what()).find("max_shading_loss: expected max_shading_loss only with install: "
                                   "wherever_possible"),
        std::string::npos)
        << e.what();
  }
}

// Obstacles that describe nothing are located errors.
TEST(Shading, BadObstaclesAreLocatedErrors) {
  const std::pair<std::string, std::string> cases[] = {
      {"  - {id: X, kind: prism, footprint: [[0, 0], [1, 1], [2, 2]], height: \"5 m\"}\n",
       "obstacles[0].footprint: expected a polygon of at least 3 vertices enclosing an area"},
      {"  - {id: X, kind: prism, footprint: [[0, 0], [2, 2], [2, 0], [0, 2]], height: \"5 m\"}\n",
       "obstacles[0].footprint: expected a simple polygon (edges that do not cross)"},
      {"  - {id: X, kind: tree, center: [0, 0], crown_radius: \"2 m\", crown_base: \"9 m\", "
       "height: \"8 m\"}\n",
       "obstacles[0].crown_base: expected a value below the height (8 m), got \"9 m\""},
      {"  - {id: X, kind: cylinder, center: [0], radius: \"1 m\", height: \"8 m\"}\n",
       "obstacles[0].center: expected a point [east_m, north_m]"},
  };
  for (const auto& [entry, message] : cases) {
    try {
      test::compileText(test::shadedParkText("obstacles:\n" + entry));
      ADD_FAILURE() << "accepted: " << entry;
    } catch (const InputError& e) {
      EXPECT_NE(std::string(e.what()).find(message), std::string::npos) << e.what();
    }
  }
}

}  // namespace
}  // namespace twin::shading
