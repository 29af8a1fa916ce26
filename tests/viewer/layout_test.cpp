// Placement rules of the park layout, the merged meshes' part tables and the colour maps.
#include <gtest/gtest.h>

#include "twin/base/polygon.h"
#include "twin/model/compile_park.h"
#include "viewer/camera_views.h"
#include "viewer/color_map.h"
#include "viewer/merged_mesh.h"
#include "viewer/park_layout.h"
#include "viewer_park.h"

namespace viewer {
namespace {

twin::ParkModel testModel() {
  return twin::compilePark(twin::parkSourceFromText(testing::viewerParkYaml(), "park.yaml"))
      .baseline;
}

TEST(LayoutTest, UnitsSitInsideTheirBuildingsAndModulesOnTheRoof) {
  const twin::ParkModel m = testModel();
  const ParkLayout layout = computeParkLayout(m);
  ASSERT_EQ(layout.motors.size(), 1u);
  const Eigen::Vector3d& pump = layout.motors[0].center;
  EXPECT_TRUE(twin::containsPoint(m.buildings[1].footprint, pump.head<2>()));
  EXPECT_TRUE(twin::containsPoint(m.buildings[0].footprint, layout.loads[0].center.head<2>()));
  ASSERT_EQ(layout.pv.size(), 1u);
  EXPECT_EQ(layout.pv[0].quads.size(), m.pv[0].modules.size());
  for (const PvQuad& q : layout.pv[0].quads) {
    for (const Eigen::Vector3d& c : q.corners) {
      EXPECT_GE(c.z(), 10.0);  // above the 10 m roof
      EXPECT_TRUE(twin::containsPoint(m.buildings[0].footprint, c.head<2>()));
    }
    // Tilted 10 deg towards the south: the north edge is higher.
    EXPECT_GT(q.corners[2].z(), q.corners[0].z());
  }
  EXPECT_EQ(layout.cables.size(), 1u);
  EXPECT_LT(layout.min.x(), 0.0);
  EXPECT_GT(layout.max.x(), 110.0);
}

TEST(LayoutTest, TriangulationCoversAConcaveFootprint) {
  const std::vector<Eigen::Vector2d> l_shape = {{0, 0},   {20, 0},  {20, 10},
                                                {10, 10}, {10, 20}, {0, 20}};
  double area = 0.0;
  for (const auto& t : twin::triangulate(l_shape)) {
    const Eigen::Vector2d a = l_shape[t[0]], b = l_shape[t[1]], c = l_shape[t[2]];
    const double twice = (b - a).x() * (c - a).y() - (b - a).y() * (c - a).x();
    EXPECT_GT(twice, 0.0);
    area += 0.5 * twice;
  }
  EXPECT_NEAR(area, 300.0, 1e-9);
  EXPECT_TRUE(polygonCentroid(l_shape).isApprox(Eigen::Vector2d(25.0 / 3.0, 25.0 / 3.0)));
}

TEST(LayoutTest, MergedMeshMapsTrianglesToParts) {
  MergedMesh mesh("test");
  mesh.addBox("A", Eigen::Vector3d::Zero(), Eigen::Vector3d::Ones(), kIdleColor);  // 10 triangles
  mesh.addQuad("B",
               {Eigen::Vector3d(0, 0, 0), Eigen::Vector3d(1, 0, 0), Eigen::Vector3d(1, 1, 0),
                Eigen::Vector3d(0, 1, 0)},
               kIdleColor);
  mesh.addQuad("B",
               {Eigen::Vector3d(0, 0, 1), Eigen::Vector3d(1, 0, 1), Eigen::Vector3d(1, 1, 1),
                Eigen::Vector3d(0, 1, 1)},
               kIdleColor, false);
  EXPECT_EQ(mesh.parts(), 2u);
  EXPECT_EQ(mesh.id(mesh.partOfTriangle(9)), "A");
  EXPECT_EQ(mesh.id(mesh.partOfTriangle(10)), "B");
  EXPECT_EQ(mesh.id(mesh.partOfTriangle(13)), "B");
  EXPECT_TRUE(mesh.setColor(1, kSelectionColor));
  EXPECT_FALSE(mesh.setColor(1, kSelectionColor));
  EXPECT_NEAR(mesh.bounds(1).zMax(), 1.0, 1e-6);
}

TEST(LayoutTest, LegendsSpreadTheirRangeOverTheMap) {
  const Legend loading{"Cable loading", "%", 0.0, 100.0, true};
  const Rgb low = loading.color(0.0, ColorMap::kTraffic);
  const Rgb high = loading.color(100.0, ColorMap::kTraffic);
  EXPECT_GT(low.g, low.r);    // unloaded: green
  EXPECT_GT(high.r, high.g);  // fully loaded: red
  const Rgb idle = loading.color(std::nan(""), ColorMap::kTraffic);
  EXPECT_EQ(idle.r, kIdleColor.r);
  const Rgb v0 = mapColor(ColorMap::kViridis, 0.0), v1 = mapColor(ColorMap::kViridis, 1.0);
  EXPECT_NEAR(v0.r, 0.267f, 1e-6);
  EXPECT_NEAR(v1.g, 0.906f, 1e-6);
}

// Preset views frame every corner of the site box inside the image; with a panel over the left
// quarter, the inset pose puts what it centred in the middle of the rest (x = 0.5 + 0.25 / 2).
TEST(LayoutTest, PresetViewsFrameTheSiteAndInsetClearsAPanel) {
  const ParkLayout layout = computeParkLayout(testModel());
  const int w = 1280, h = 720;
  const double aspect = double(w) / h, inset = 0.25;
  for (ViewPreset preset : {ViewPreset::kIso, ViewPreset::kSouth, ViewPreset::kEast}) {
    const CameraPose pose = presetPose(layout, preset, aspect);
    for (double x : {layout.min.x(), layout.max.x()}) {
      for (double y : {layout.min.y(), layout.max.y()}) {
        const Eigen::Vector2d px = projectToPixel(pose, w, h, {x, y, 0.0});
        EXPECT_GE(px.x(), 0.0);
        EXPECT_LE(px.x(), w);
        EXPECT_GE(px.y(), 0.0);
        EXPECT_LE(px.y(), h);
      }
    }
    const CameraPose framed = presetPose(layout, preset, aspect * (1 - inset));
    const CameraPose moved = insetPose(framed, inset, aspect);
    const osg::Vec3d c = framed.center;
    const Eigen::Vector2d px = projectToPixel(moved, w, h, {c.x(), c.y(), c.z()});
    EXPECT_NEAR(px.x(), w * (0.5 + inset / 2), 1.0);
    EXPECT_NEAR(px.y(), h / 2.0, 1.0);
  }
}

}  // namespace
}  // namespace viewer
