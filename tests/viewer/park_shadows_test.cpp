// The viewer's shadows of the park: a lone building 20 m wide and 10 m tall, with the sun due south
// at 45 degrees elevation, shades the ground north of it over 20 m x (10 m / tan 45 deg) = 200 m2
// (the shadow length H / tan(elevation)); its own roof stays lit; with the sun down nothing is
// shaded. Cells are about 0.5 m: tolerance 5 % of the area.
#include "viewer/park_shadows.h"

#include <gtest/gtest.h>

#include <cmath>

namespace viewer {
namespace {

TEST(ParkShadowsTest, ABuildingShadesTheGroundByItsHeightOverTanElevation) {
  twin::ParkModel model;
  twin::Building b;
  b.id = "B";
  b.footprint = {{0, 0}, {20, 0}, {20, 10}, {0, 10}};
  b.height = 10.0;
  model.buildings.push_back(b);
  ParkLayout layout;
  layout.min = {-20, -20};
  layout.max = {40, 50};
  ParkShadows shadows(model, layout);
  const double e = M_PI / 4;
  const size_t cells = shadows.setSun({0.0, -std::cos(e), std::sin(e)});
  const double area = double(cells) * shadows.cellSize() * shadows.cellSize();
  EXPECT_NEAR(area, 20.0 * 10.0 / std::tan(e), 10.0);
  // Lower sun: a longer shadow, 10 / tan(30 deg) = 17.3 m.
  const double low = M_PI / 6;
  const double longer = double(shadows.setSun({0.0, -std::cos(low), std::sin(low)})) *
                        shadows.cellSize() * shadows.cellSize();
  EXPECT_NEAR(longer, 20.0 * 10.0 / std::tan(low), 17.3);
  EXPECT_EQ(shadows.setSun({0.0, 0.6, -0.8}), 0u);
}

}  // namespace
}  // namespace viewer
