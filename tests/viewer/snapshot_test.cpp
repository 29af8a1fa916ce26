// Headless rendering (EGL, no display) of a small park: buildings and PV modules appear where the
// model puts them, in their legend colours; picking at projected points returns the right ids.
#include "viewer/snapshot.h"

#include <gtest/gtest.h>

#include <cmath>

#include "viewer/picking.h"
#include "viewer/results_binding.h"
#include "viewer/scene_setup.h"
#include "viewer_park.h"

namespace viewer {
namespace {

constexpr int kWidth = 640;
constexpr int kHeight = 360;

// Cosine between two colours: lighting scales a surface's colour (white light), so its direction
// in RGB identifies the surface whatever the shading.
double similarity(const osg::Vec3& a, Rgb b) {
  const osg::Vec3 v(b.r, b.g, b.b);
  return (a * v) / (a.length() * v.length());
}

// Index of the candidate whose colour direction is closest to the pixel's.
size_t closest(const osg::Vec3& pixel, const std::vector<Rgb>& candidates) {
  size_t best = 0;
  for (size_t i = 1; i < candidates.size(); ++i) {
    if (similarity(pixel, candidates[i]) > similarity(pixel, candidates[best])) best = i;
  }
  return best;
}

Eigen::Vector3d quadCenter(const PvQuad& q) {
  return 0.25 * (q.corners[0] + q.corners[1] + q.corners[2] + q.corners[3]);
}

class SnapshotTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    results_ = new ResultsData(loadResults(testing::viewerResultsPath(), "baseline"));
    step_ = resolveStep(*results_, "2025-06-21T12:00", "--time");
  }
  static void TearDownTestSuite() {
    delete results_;
    results_ = nullptr;
  }
  static ResultsData* results_;
  static size_t step_;
};

ResultsData* SnapshotTest::results_ = nullptr;
size_t SnapshotTest::step_ = 0;

TEST_F(SnapshotTest, BuildingsAndPvAppearAtTheirProjectedPositionsInLegendColours) {
  SceneSetup setup(*results_);
  ParkScene& scene = setup.scene;
  for (Layer hidden : {Layer::kEquipment, Layer::kNetwork, Layer::kLabels}) {
    scene.setLayerVisible(hidden, false);
  }
  scene.setXray(false);
  applyStep(*results_, step_, ColorMap::kTraffic, scene);
  const CameraPose pose = presetPose(setup.layout, ViewPreset::kTop, double(kWidth) / kHeight);
  OffscreenRenderer renderer(kWidth, kHeight);
  const osg::ref_ptr<osg::Image> image = renderer.render(scene.root(), pose);

  const double pv_value = legendValue(*results_, Quantity::kPv, 0, step_);
  ASSERT_GT(pv_value, 20.0) << "a clear June noon should give PV output";
  const Rgb pv = makeLegends(*results_)[size_t(Quantity::kPv)].color(pv_value, ColorMap::kTraffic);
  const Rgb workshop = buildingColor(twin::BuildingKind::kWorkshop);
  const Rgb canteen = buildingColor(twin::BuildingKind::kCanteen);
  const std::vector<Rgb> candidates = {pv, workshop, canteen, kSiteColor, kGroundColor};

  // Every 25th module's centre shows the PV legend colour of the array's output.
  const std::vector<PvQuad>& modules = setup.layout.pv[0].quads;
  ASSERT_GT(modules.size(), 100u);
  int checked = 0;
  for (size_t i = 0; i < modules.size(); i += 25) {
    const Eigen::Vector2d px = projectToPixel(pose, kWidth, kHeight, quadCenter(modules[i]));
    const osg::Vec3 c = pixelAt(*image, int(std::lround(px.x())), int(std::lround(px.y())));
    EXPECT_EQ(closest(c, candidates), 0u) << "module " << i << " at " << px.transpose();
    EXPECT_GT(similarity(c, pv), 0.995);
    ++checked;
  }
  EXPECT_GT(checked, 4);
  // The canteen roof (no PV) at its centroid, the workshop roof inside its setback strip, and
  // the paved site between them.
  const Eigen::Vector2d ct = setup.layout.building_centroids[1];
  Eigen::Vector2d px = projectToPixel(pose, kWidth, kHeight, {ct.x(), ct.y(), 6.0});
  EXPECT_EQ(closest(pixelAt(*image, int(px.x()), int(px.y())), candidates), 2u);
  px = projectToPixel(pose, kWidth, kHeight, {30.0, 0.8, 10.0});
  EXPECT_EQ(closest(pixelAt(*image, int(px.x()), int(px.y())), candidates), 1u);
  px = projectToPixel(pose, kWidth, kHeight, {70.0, 10.0, 0.0});
  EXPECT_EQ(closest(pixelAt(*image, int(px.x()), int(px.y())), candidates), 3u);
}

TEST_F(SnapshotTest, PickingAtProjectedPointsReturnsTheirIds) {
  SceneSetup setup(*results_);
  const ParkScene& scene = setup.scene;
  const CameraPose pose = presetPose(setup.layout, ViewPreset::kIso, double(kWidth) / kHeight);
  auto pick = [&](const Eigen::Vector3d& p) {
    const Eigen::Vector2d px = projectToPixel(pose, kWidth, kHeight, p);
    return pickAt(scene, pose, kWidth, kHeight, px.x(), px.y()).value_or("(none)");
  };
  EXPECT_EQ(pick(quadCenter(setup.layout.pv[0].quads[40])), "PV-W1");
  // The pump inside the see-through canteen wins over the canteen's roof.
  EXPECT_EQ(pick(setup.layout.motors[0].center), "PUMP");
  EXPECT_EQ(pick(setup.layout.transformers[0].center), "TR1");
  EXPECT_EQ(pick({109.0, 19.0, 6.0}), "CT");
  EXPECT_EQ(pick({70.0, -10.0, 0.0}), "(none)");
}

TEST_F(SnapshotTest, ApplyingTheSameStepTwiceChangesNothing) {
  SceneSetup setup(*results_);
  EXPECT_GT(applyStep(*results_, step_, ColorMap::kViridis, setup.scene), 0u);
  EXPECT_EQ(applyStep(*results_, step_, ColorMap::kViridis, setup.scene), 0u);
  const size_t midnight = resolveStep(*results_, "2025-06-21T00:00", "--time");
  EXPECT_GT(applyStep(*results_, midnight, ColorMap::kViridis, setup.scene), 0u);
}

}  // namespace
}  // namespace viewer
