// Presentation mode's parts without a window: the presenter's keys become actions (a clicker's
// Page Down is "next"), the KPI cards count up eased over 1.5 s, the divider sweeps at 0.8 of the
// width a second, and the wiped cameras cut one full-window frustum so that a point lands on the
// same window pixel through either camera. Tour skips go to the next or previous stop's start.
#include "viewer/present_mode.h"

#include <gtest/gtest.h>

#include <osg/Camera>

#include "twin/test_park.h"
#include "viewer/camera_views.h"
#include "viewer/tours.h"

namespace viewer {
namespace {

struct NoActions : osgGA::GUIActionAdapter {
  void requestRedraw() override {}
  void requestContinuousUpdate(bool) override {}
  void requestWarpPointer(float, float) override {}
};

bool press(PresentMode& mode, int key) {
  osg::ref_ptr<osgGA::GUIEventAdapter> ea = new osgGA::GUIEventAdapter;
  ea->setEventType(osgGA::GUIEventAdapter::KEYDOWN);
  ea->setKey(key);
  NoActions aa;
  return mode.keys()->handle(*ea, aa);
}

TEST(PresentModeTest, KeysBecomeActions) {
  PresentMode mode;
  using EA = osgGA::GUIEventAdapter;
  EXPECT_TRUE(press(mode, EA::KEY_Page_Down));
  EXPECT_TRUE(press(mode, EA::KEY_Right));
  EXPECT_TRUE(press(mode, 'l'));
  EXPECT_TRUE(press(mode, 'B'));
  EXPECT_FALSE(press(mode, 'q'));  // not the presenter's: passed on
  PresentActions a = mode.takeActions();
  EXPECT_EQ(a.stop, 2);
  EXPECT_TRUE(a.language);
  EXPECT_TRUE(a.wipe);
  EXPECT_FALSE(a.pause);
  EXPECT_FALSE(a.scenario);
  EXPECT_TRUE(press(mode, EA::KEY_Page_Up));
  EXPECT_TRUE(press(mode, EA::KEY_Space));
  EXPECT_TRUE(press(mode, 's'));
  a = mode.takeActions();
  EXPECT_EQ(a.stop, -1);
  EXPECT_TRUE(a.pause);
  EXPECT_TRUE(a.scenario);
  EXPECT_FALSE(a.language);  // taken: nothing pending twice
}

TEST(PresentModeTest, CardsCountUpAndTheDividerSweeps) {
  PresentMode mode;
  EXPECT_DOUBLE_EQ(mode.countShare(), 0.0);
  mode.advance(0.75);
  EXPECT_DOUBLE_EQ(mode.countShare(), 0.5);  // smoothstep at half time
  mode.advance(1.0);
  EXPECT_DOUBLE_EQ(mode.countShare(), 1.0);
  EXPECT_DOUBLE_EQ(mode.wipe(), 0.5);  // starts split in the middle
  mode.toggleWipe();                   // to all "after"
  EXPECT_DOUBLE_EQ(mode.countShare(), 0.0);
  mode.advance(0.5);
  EXPECT_NEAR(mode.wipe(), 0.1, 1e-12);
  mode.advance(1.0);
  EXPECT_DOUBLE_EQ(mode.wipe(), 0.0);
  mode.toggleWipe();  // back to all "before"
  mode.advance(1.0);
  EXPECT_NEAR(mode.wipe(), 0.8, 1e-12);
  mode.advance(1.0);
  EXPECT_DOUBLE_EQ(mode.wipe(), 1.0);
}

// Window x (pixels from the left) of a view-space point through a camera's viewport.
double windowX(const osg::Camera& camera, const osg::Vec3d& p) {
  const osg::Vec3d ndc = p * camera.getProjectionMatrix();
  const osg::Viewport* vp = camera.getViewport();
  return vp->x() + 0.5 * (ndc.x() + 1.0) * vp->width();
}

TEST(PresentModeTest, WipedCamerasJoinAtTheDivider) {
  osg::ref_ptr<osg::Camera> before = new osg::Camera, after = new osg::Camera,
                            full = new osg::Camera;
  const int width = 1280, height = 720;
  wipeCameras(before.get(), after.get(), 0.3, width, height);
  EXPECT_EQ(before->getViewport()->width(), 384);
  EXPECT_EQ(after->getViewport()->x(), 384);
  EXPECT_EQ(after->getViewport()->width(), 1280 - 384);
  full->setViewport(0, 0, width, height);
  full->setProjectionMatrixAsPerspective(35.0, double(width) / height, kNear, kFar);
  for (const osg::Vec3d& p : {osg::Vec3d(-30, 5, -100), osg::Vec3d(20, -3, -80)}) {
    const double x = windowX(*full, p);
    const osg::Camera& through = x < 384 ? *before : *after;
    EXPECT_NEAR(windowX(through, p), x, 1e-6);
  }
  // All "after": the before camera keeps one column, the after camera the rest.
  wipeCameras(before.get(), after.get(), 0.0, width, height);
  EXPECT_EQ(before->getViewport()->width(), 1);
}

TEST(PresentModeTest, TourSkipsGoToTheNeighbouringStops) {
  const std::string yaml = R"(presentation:
  cameras:
    - {id: a, target: [0, 0, 0], distance: "100 m", heading: "0 deg", pitch: "30 deg"}
    - {id: b, eye: [50, 0, 200], target: [50, 10, 0]}
  tours:
    - id: t
      stops:
        - {camera: a, hold: "2 s"}
        - {camera: b, move: "4 s", hold: "1 s"}
        - {camera: a, move: "1 s", hold: "2 s"}
)";
  const twin::ParkModel m = twin::test::compileText(twin::test::smallParkWith(yaml)).baseline;
  // Stops start moving at 0, 2 and 7 s; the tour ends at 10 s.
  EXPECT_DOUBLE_EQ(tourSkip(m, "t", 0.5, +1), 2.0);
  EXPECT_DOUBLE_EQ(tourSkip(m, "t", 2.0, +1), 7.0);
  EXPECT_DOUBLE_EQ(tourSkip(m, "t", 8.0, +1), 10.0);
  EXPECT_DOUBLE_EQ(tourSkip(m, "t", 8.5, -1), 7.0);  // over a second into it: its own start
  EXPECT_DOUBLE_EQ(tourSkip(m, "t", 7.5, -1), 2.0);  // just started: the one before
  EXPECT_DOUBLE_EQ(tourSkip(m, "t", 0.5, -1), 0.0);
}

}  // namespace
}  // namespace viewer
