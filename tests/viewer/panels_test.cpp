// The ImGui panels build their draw lists without a display or a GL context (ImGui's CPU side
// only), in English and in Chinese, single and A/B; and the rules behind them.
#include <gtest/gtest.h>
#include <imgui.h>

#include "viewer/imgui_layer.h"
#include "viewer/kpi_panel.h"
#include "viewer/layers_panel.h"
#include "viewer/selection_panel.h"
#include "viewer/time_panel.h"
#include "viewer_park.h"

namespace viewer {
namespace {

TEST(PanelsTest, EveryPanelBuildsWithoutADisplayInBothLanguages) {
  const ResultsData a = loadResults(testing::viewerResultsPath(), "baseline");
  const ResultsData b = loadResults(testing::viewerResultsPath(), "no-pv-tilt");
  ImGuiLayer layer(findCjkFont());
  ViewerState state;
  state.selected = "PUMP";
  state.step = 48;
  TimePanel time;
  KpiPanel kpi;
  SelectionPanel selection;
  LayersPanel layers;
  for (Language language : {Language::kEnglish, Language::kChinese}) {
    state.language = language;
    // Two frames: auto-sized windows (the legend) are hidden in their first.
    for (int frame = 0; frame < 2; ++frame) {
      layer.beginFrame(1.0 / 60.0, 1280.0f, 720.0f);
      time.draw(a, state);
      kpi.draw(a, &b, state.language);
      selection.draw(a, state);
      layers.draw(state);
      drawLegendWindow(a, state.map, state.language);
      layer.endFrame();
    }
    const ImDrawData* data = ImGui::GetDrawData();
    ASSERT_NE(data, nullptr);
    EXPECT_GE(data->CmdListsCount, 5);  // one list per window
    EXPECT_GT(data->TotalVtxCount, 1000);
  }
  EXPECT_EQ(state.step, 48u);  // drawing alone changes nothing
  EXPECT_FALSE(state.playing);
}

TEST(PanelsTest, SelectionFindsUnitsAndDiagnosesThem) {
  const ResultsData r = loadResults(testing::viewerResultsPath(), "baseline");
  const std::optional<ObjectRef> pump = findObject(r.model, "PUMP");
  ASSERT_TRUE(pump);
  EXPECT_EQ(pump->kind, ObjectKind::kMotor);
  EXPECT_NE(nameplateText(r.model, *pump).find("15.0 kW"), std::string::npos);
  // 80 % duty x 25 % schedule = 20 % load, an IE2 motor: both findings.
  const std::string d = diagnose(r, *pump);
  EXPECT_NE(d.find("Oversized: 20 % mean load"), std::string::npos) << d;
  EXPECT_NE(d.find("Below IE3"), std::string::npos) << d;
  EXPECT_EQ(findObject(r.model, "TR1")->kind, ObjectKind::kTransformer);
  EXPECT_EQ(findObject(r.model, "CT")->kind, ObjectKind::kBuilding);
  EXPECT_FALSE(findObject(r.model, "nothing"));
}

TEST(PanelsTest, TimesTypedInSiteTimeOrWithAnOffsetGiveTheirStep) {
  const ResultsData r = loadResults(testing::viewerResultsPath(), "baseline");
  EXPECT_EQ(stepOfText(r, "2025-06-21 12:00"), 48u);
  EXPECT_EQ(stepOfText(r, "2025-06-21T04:00Z"), 48u);
  EXPECT_EQ(stepOfText(r, "2025-06-21T12:14+08:00"), 48u);
  EXPECT_EQ(localTimeText(r, 48), "2025-06-21 12:00");
  EXPECT_FALSE(stepOfText(r, "2025-06-22 00:00"));  // the period's end is exclusive
  EXPECT_FALSE(stepOfText(r, "noon"));
  ViewerState s;
  s.playing = true;
  s.speed = 10.0;
  s.step = 95;
  EXPECT_TRUE(advancePlayback(s, 0.25, r.times.size()));  // 2.5 steps: 2 now, 0.5 carried
  EXPECT_EQ(s.step, 1u);                                  // wrapped past the last step
}

}  // namespace
}  // namespace viewer
