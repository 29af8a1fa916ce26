// The interactive viewer: one results view, or two side by side (A/B) with synchronised cameras
// and time, under Dear ImGui panels. The frame loop follows ARCHITECTURE.md §6: input -> ImGui
// frame (panels change the ViewerState) -> apply the changes to the scenes -> OSG frame -> ImGui
// render (in the camera's post-draw callback).
#pragma once

#include <memory>
#include <optional>
#include <osgViewer/CompositeViewer>

#include "viewer/imgui_layer.h"
#include "viewer/kpi_panel.h"
#include "viewer/layers_panel.h"
#include "viewer/present_mode.h"
#include "viewer/scene_setup.h"
#include "viewer/selection_panel.h"
#include "viewer/time_panel.h"
#include "viewer/viewer_state.h"

namespace viewer {

class ViewApp {
 public:
  // b: the right-hand results of an A/B comparison, or nullopt.
  ViewApp(ResultsData a, std::optional<ResultsData> b, ViewerState state);
  ~ViewApp();

  // Opens a width x height window with `samples`x multisampling (0 = none); throws
  // twin::InputError when there is no display.
  void open(int width, int height, int samples);
  // Runs until the window closes, or for `frames` frames when > 0. Returns the frames drawn.
  // screenshot: a PNG path for the last frame ("" = none).
  long run(long frames, const std::string& screenshot);
  // Flies the park file's tour `tour` (presentation.tours) with its captions; throws
  // twin::InputError for an unknown tour.
  void playTour(const std::string& tour);
  // Presentation mode (call before open()): full screen, KPI cards instead of panels, before
  // and after wiped across one picture, the presenter's keys (viewer/present_mode.h).
  void present();

 private:
  struct Side;
  class PickHandler;
  class Capture;
  void drawUi(double dt);
  void applyState();
  void layoutViews(int width, int height);
  void loadScenario(std::unique_ptr<Side>& side, const std::string& name);
  void advanceTour(double dt);
  void applyPresentActions();
  Side* afterSide() const { return b_ ? b_.get() : a_.get(); }

  std::unique_ptr<Side> a_, b_;
  ViewerState state_;
  ViewerState applied_;
  bool first_apply_ = true;
  TimePanel time_panel_;
  KpiPanel kpi_panel_;
  SelectionPanel selection_panel_;
  LayersPanel layers_panel_;
  std::unique_ptr<ImGuiLayer> imgui_;
  osg::ref_ptr<osgViewer::CompositeViewer> viewer_;
  osg::ref_ptr<osg::GraphicsContext> context_;
  std::string tour_;        // "" = none
  double tour_time_ = 0.0;  // s into the tour
  std::string caption_;     // of the tour's current stop
  bool tour_paused_ = false;
  std::unique_ptr<PresentMode> present_;  // nullptr: the normal viewer
};

}  // namespace viewer
