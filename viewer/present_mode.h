// `parktwin view --present` (docs/presenting.md): the viewer for a forum's screen. The panels give
// way to large KPI cards that count up to their values (with the change against "before" in a
// comparison), the clock and the tour's caption; "before" and "after" share the window, split by
// a divider that the presenter wipes across; keys serve a presentation clicker.
#pragma once

#include <imgui.h>

#include <osg/Camera>
#include <osgGA/GUIEventHandler>
#include <string>

#include "viewer/results_data.h"
#include "viewer/ui_text.h"

namespace viewer {

// What the presenter's keys asked for since the last frame.
struct PresentActions {
  int stop = 0;           // +1: next tour stop (Right, Page Down); -1: previous (Left, Page Up)
  bool pause = false;     // Space: pause or resume the tour and the clock
  bool language = false;  // L: English <-> Chinese
  bool scenario = false;  // S: the next scenario
  bool wipe = false;      // B: wipe from before to after, or back
};

class PresentMode {
 public:
  PresentMode();
  ~PresentMode();
  PresentMode(const PresentMode&) = delete;
  PresentMode& operator=(const PresentMode&) = delete;
  osgGA::GUIEventHandler* keys() const;
  PresentActions takeActions();

  // Runs the count-up and the wipe on by dt seconds.
  void advance(double dt);
  void restartCount() { count_s_ = 0.0; }
  // Sweeps the divider to the other side (all "after", or all "before").
  void toggleWipe();
  // The share of the window's width that shows "before", 0..1 (the divider's position).
  double wipe() const { return wipe_; }
  // How far the KPI cards have counted up to their values, 0..1 (eased).
  double countShare() const;

  // The cards, the clock at `step`, the caption, the divider with its labels and the key help.
  // before: nullptr without a comparison. large: the font of the cards' figures.
  void draw(const ResultsData& after, const ResultsData* before, size_t step,
            const std::string& caption, Language language, float width, float height,
            ImFont* large) const;

 private:
  class Keys;
  osg::ref_ptr<Keys> keys_;
  double count_s_ = 0.0;
  double wipe_ = 0.5;
  double wipe_target_ = 0.5;
};

// Before (left of the divider) and after (right of it) cameras in one width x height window:
// each draws its part of the window with that part of one full-window frustum, so the two
// pictures join at the divider.
void wipeCameras(osg::Camera* before, osg::Camera* after, double wipe, int width, int height);

}  // namespace viewer
