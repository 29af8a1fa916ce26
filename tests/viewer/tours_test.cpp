// Named cameras and tours of `presentation:`: a camera by target, distance, heading and pitch sits
// where the geometry puts it (heading 0: looking north; pitch 30 deg: eye at d sin 30 above and
// d cos 30 south of the target); a tour holds, moves eased (the midpoint halfway through a move),
// and ends at its last stop; bad references are located errors.
#include "viewer/tours.h"

#include <gtest/gtest.h>

#include <cmath>

#include "twin/base/error.h"
#include "twin/test_park.h"

namespace viewer {
namespace {

const std::string kPresentation = R"(presentation:
  cameras:
    - {id: north, target: [0, 0, 0], distance: "100 m", heading: "0 deg", pitch: "30 deg"}
    - {id: high, eye: [50, 0, 200], target: [50, 10, 0]}
  tours:
    - id: t1
      stops:
        - {camera: north, hold: "2 s", caption: "First", caption_zh: "第一"}
        - {camera: high, move: "4 s", hold: "1 s", caption: "Second"}
)";

twin::ParkModel model() {
  return twin::test::compileText(twin::test::smallParkWith(kPresentation)).baseline;
}

TEST(ToursTest, CamerasAndToursFollowTheirGeometryAndTimes) {
  const twin::ParkModel m = model();
  ASSERT_EQ(m.cameras.size(), 2u);
  EXPECT_NEAR(m.cameras[0].eye.y(), -100 * std::cos(M_PI / 6), 1e-9);
  EXPECT_NEAR(m.cameras[0].eye.z(), 100 * std::sin(M_PI / 6), 1e-9);
  EXPECT_NEAR(m.cameras[0].eye.x(), 0.0, 1e-9);
  EXPECT_DOUBLE_EQ(tourDuration(m, "t1"), 2 + 4 + 1);
  const TourFrame start = tourFrame(m, "t1", 1.0, false);
  EXPECT_NEAR(start.pose.eye.y(), m.cameras[0].eye.y(), 1e-9);
  EXPECT_EQ(start.caption, "First");
  EXPECT_EQ(tourFrame(m, "t1", 1.0, true).caption, "第一");
  // Halfway through the move (t = 2 + 2): eased to exactly the midpoint.
  const TourFrame mid = tourFrame(m, "t1", 4.0, false);
  EXPECT_NEAR(mid.pose.eye.x(), 25.0, 1e-9);
  EXPECT_NEAR(mid.pose.eye.z(), 0.5 * (50 + 200), 1e-9);
  EXPECT_NEAR(mid.pose.center.y(), 5.0, 1e-9);
  EXPECT_EQ(mid.caption, "Second");
  // A quarter of the way: eased, less than a quarter of the distance (smoothstep: 5/32).
  EXPECT_NEAR(tourFrame(m, "t1", 3.0, false).pose.eye.x(), 50.0 * 5 / 32, 1e-9);
  const TourFrame end = tourFrame(m, "t1", 30.0, false);
  EXPECT_TRUE(end.done);
  EXPECT_NEAR(end.pose.eye.z(), 200.0, 1e-9);
  EXPECT_FALSE(tourFrame(m, "t1", 6.5, false).done);
  try {
    tourDuration(m, "t2");
    FAIL() << "accepted an unknown tour";
  } catch (const twin::InputError& e) {
    EXPECT_STREQ(e.what(), "--tour: no tour \"t2\" in the park (it has: t1)");
  }
}

TEST(ToursTest, BadCamerasAndStopsAreLocatedErrors) {
  std::string text = twin::test::smallParkWith(kPresentation);
  text = twin::test::replaced(text, "{camera: high,", "{camera: nowhere,");
  try {
    twin::test::compileText(text);
    FAIL() << "accepted an unknown camera";
  } catch (const twin::InputError& e) {
    EXPECT_NE(std::string(e.what()).find("presentation.tours[0].stops[1].camera: expected a camera "
                                         "of presentation.cameras (north, high), got \"nowhere\""),
              std::string::npos)
        << e.what();
  }
  text = twin::test::replaced(twin::test::smallParkWith(kPresentation), "eye: [50, 0, 200],",
                              "eye: [50, 0, 200], distance: \"5 m\",");
  try {
    twin::test::compileText(text);
    FAIL() << "accepted eye and distance";
  } catch (const twin::InputError& e) {
    EXPECT_NE(std::string(e.what()).find("presentation.cameras[1].eye: expected either eye or "
                                         "distance, heading and pitch, not both"),
              std::string::npos)
        << e.what();
  }
}

}  // namespace
}  // namespace viewer
