// What /model keeps of the park's shading: its obstacles (prism outlines, cylinders, trees) and
// each laid-out module's sky and ground view fractions and loss over the run, written beside the
// module corners and read back as written (NaN for the modules of an unshaded array).
#include "twin/results/module_shading_io.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cmath>
#include <filesystem>

#include "twin/engine/engine.h"
#include "twin/model/compile_park.h"
#include "twin/model/time_grid.h"
#include "twin/parkfile/park_source.h"
#include "twin/results/model_tables.h"
#include "twin/results/results_reader.h"

namespace twin {
namespace {

namespace fs = std::filesystem;

TEST(ModuleShadingIo, ObstaclesAndModuleFiguresReadBackAsWritten) {
  const CompiledPark park = compilePark(
      loadParkSource(std::string(PARKTWIN_SOURCE_DIR) + "/tests/app/data/shading_park.yaml"));
  const ParkModel& model = park.baseline;
  ASSERT_EQ(model.obstacles.size(), 3u);
  const Kpis kpis = runSimulation(model, makeTimeGrid(model, {}), nullptr);
  ASSERT_EQ(kpis.pv_modules.size(), model.pv.size());
  const std::string path =
      (fs::temp_directory_path() / ("parktwin_shading_io_" + std::to_string(::getpid()) + ".h5"))
          .string();
  {
    H5::H5File file(path, H5F_ACC_TRUNC);
    H5::Group root = file.openGroup("/");
    writeModel(root, model, "shaded");
    H5::Group pv = root.openGroup("model/pv");
    writeModuleShading(pv, model, kpis.pv_modules);
  }
  const ParkModel back = readStoredModel(path, "baseline");
  ASSERT_EQ(back.obstacles.size(), model.obstacles.size());
  for (size_t i = 0; i < model.obstacles.size(); ++i) {
    const Obstacle &a = model.obstacles[i], &b = back.obstacles[i];
    EXPECT_EQ(b.id, a.id);
    EXPECT_EQ(b.kind, a.kind);
    EXPECT_EQ(b.footprint, a.footprint) << a.id;
    EXPECT_NEAR(b.center.x(), a.center.x(), 1e-12) << a.id;
    EXPECT_NEAR(b.radius, a.radius, 1e-12) << a.id;
    EXPECT_NEAR(b.base, a.base, 1e-12) << a.id;
    EXPECT_NEAR(b.height, a.height, 1e-12) << a.id;
  }
  const std::vector<shading::ModuleShading> figures =
      readStoredModuleShading(path, "baseline", back);
  ASSERT_EQ(figures.size(), model.pv.size());
  bool any = false;
  for (size_t a = 0; a < model.pv.size(); ++a) {
    const shading::ModuleShading& written = kpis.pv_modules[a];
    ASSERT_EQ(figures[a].loss.size(), model.pv[a].modules.size()) << model.pv[a].id;
    for (size_t m = 0; m < figures[a].loss.size(); ++m) {
      if (written.loss.empty()) {
        EXPECT_TRUE(std::isnan(figures[a].loss[m]));
        continue;
      }
      any = true;
      EXPECT_NEAR(figures[a].loss[m], written.loss[m], 1e-15);
      EXPECT_EQ(figures[a].sky[m], written.sky[m]);
      EXPECT_EQ(figures[a].ground[m], written.ground[m]);
    }
  }
  EXPECT_TRUE(any);
  fs::remove(path);
}

}  // namespace
}  // namespace twin
