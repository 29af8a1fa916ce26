// The low-poly models of assets/models as the viewer reads them (OSG's OBJ reader, from the copy
// embedded in the program): every model has triangles and fills the unit box exactly, so that a
// glyph's box is its size; the kinds map to their models; a model stretched into a glyph's box
// stays inside it. And the scene's light follows the sun: the day's sky, a dark one at night.
#include "viewer/equipment_models.h"

#include <gtest/gtest.h>

#include "viewer/merged_mesh.h"
#include "viewer/park_scene.h"

namespace viewer {
namespace {

TEST(EquipmentModelsTest, EveryModelFillsTheUnitBox) {
  for (int m = 0; m < kModelCount; ++m) {
    const std::vector<Eigen::Vector3d>& t = modelTriangles(Model(m));
    ASSERT_GE(t.size(), 3u * 12) << "model " << m;  // at least a box's 12 triangles
    EXPECT_EQ(t.size() % 3, 0u);
    Eigen::Vector3d lo = t.front(), hi = t.front();
    for (const Eigen::Vector3d& p : t) lo = lo.cwiseMin(p), hi = hi.cwiseMax(p);
    for (int k = 0; k < 3; ++k) {
      EXPECT_NEAR(lo[k], -0.5, 1e-4) << "model " << m << " axis " << k;
      EXPECT_NEAR(hi[k], 0.5, 1e-4) << "model " << m << " axis " << k;
    }
  }
}

TEST(EquipmentModelsTest, KindsMapToTheirModels) {
  EXPECT_EQ(modelOf(twin::DrivenKind::kPump), Model::kPump);
  EXPECT_EQ(modelOf(twin::DrivenKind::kFan), Model::kFan);
  EXPECT_EQ(modelOf(twin::DrivenKind::kAirCompressor), Model::kCompressor);
  EXPECT_EQ(modelOf(twin::DrivenKind::kMixer), Model::kMachine);
  EXPECT_EQ(modelOf(twin::LoadKind::kEvCharger), Model::kCharger);
  EXPECT_EQ(modelOf(twin::LoadKind::kHvac), Model::kHvac);
  EXPECT_EQ(modelOf(twin::LoadKind::kProcess), Model::kCabinet);
}

TEST(EquipmentModelsTest, AModelStretchedIntoAGlyphStaysInItsBox) {
  MergedMesh mesh("m");
  const Eigen::Vector3d center(10, 20, 1), size(2, 1, 3);
  const size_t part = mesh.addModel("P1", modelTriangles(Model::kPump), center, size, kIdleColor);
  mesh.commit();
  const osg::BoundingBox box = mesh.bounds(part);
  EXPECT_NEAR(box.xMin(), 9.0, 1e-5);
  EXPECT_NEAR(box.xMax(), 11.0, 1e-5);
  EXPECT_NEAR(box.yMax(), 20.5, 1e-5);
  EXPECT_NEAR(box.zMin(), -0.5, 1e-5);
  EXPECT_NEAR(box.zMax(), 2.5, 1e-5);
}

TEST(EquipmentModelsTest, TheSkyFollowsTheSun) {
  twin::ParkModel model;
  ParkLayout layout;
  layout.max = {50, 50};
  ParkScene scene(model, layout, "");
  scene.setSun({0.0, -0.5, 0.87});  // 60 degrees up
  EXPECT_EQ(scene.skyColor(), kSkyColor);
  scene.setSun({0.0, -0.9, 0.1});  // low: between day and night
  const osg::Vec4 dusk = scene.skyColor();
  EXPECT_LT(dusk.g(), kSkyColor.g());
  scene.setSun({0.0, 0.6, -0.8});  // night
  EXPECT_LT(scene.skyColor().g(), dusk.g());
  EXPECT_LT(scene.skyColor().r(), 0.2f);
}

}  // namespace
}  // namespace viewer
