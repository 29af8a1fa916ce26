// The process's shading tables by geometry (twin/shading/shade_table_cache.h): a second run of the
// same park computes none and gives the same results bit for bit; another geometry (the park
// without its chimney and tree) computes its own; a forgotten table is computed again, to the same
// bits.
#include <gtest/gtest.h>

#include "twin/engine/engine.h"
#include "twin/memory_sink.h"
#include "twin/shading/shade_table_cache.h"
#include "twin/shading/shaded_park.h"
#include "twin/test_park.h"

namespace twin::shading {
namespace {

Kpis run(const ParkModel& model, test::MemorySink* sink = nullptr) {
  Kpis kpis;
  test::MemorySink s = test::runWithThreads(model, makeTimeGrid(model, {}), 2, &kpis);
  if (sink) *sink = std::move(s);
  return kpis;
}

TEST(ShadeCache, TheSameGeometryIsShadedOnce) {
  forgetShadeTables();
  const CompiledPark park = test::compileText(test::shadedParkText(test::kObstacles));
  const size_t before = shadeTableComputations();
  test::MemorySink first, second;
  const Kpis a = run(park.baseline, &first);
  EXPECT_EQ(shadeTableComputations(), before + 1);
  const Kpis b = run(test::compileText(test::shadedParkText(test::kObstacles)).baseline, &second);
  EXPECT_EQ(shadeTableComputations(), before + 1);  // a park compiled again: the same geometry
  test::expectBitIdentical(first, second);
  EXPECT_EQ(a.total.pv_shading_loss, b.total.pv_shading_loss);
  EXPECT_GT(a.total.pv_shading_loss, 0.0);
}

TEST(ShadeCache, AnotherGeometryIsShadedAgain) {
  forgetShadeTables();
  const Kpis obstacles = run(test::compileText(test::shadedParkText(test::kObstacles)).baseline);
  const size_t before = shadeTableComputations();
  const Kpis open = run(test::compileText(test::shadedParkText("")).baseline);
  EXPECT_EQ(shadeTableComputations(), before + 1);
  EXPECT_LT(open.total.pv_shading_loss, obstacles.total.pv_shading_loss);
}

TEST(ShadeCache, AForgottenTableIsComputedToTheSameBits) {
  const CompiledPark park = test::compileText(test::shadedParkText(test::kObstacles));
  test::MemorySink kept, again;
  run(park.baseline);
  run(park.baseline, &kept);
  forgetShadeTables();
  const size_t before = shadeTableComputations();
  run(park.baseline, &again);
  EXPECT_EQ(shadeTableComputations(), before + 1);
  test::expectBitIdentical(kept, again);
}

}  // namespace
}  // namespace twin::shading
