// What the panels change and the scene follows: the time step, playback, layers, colour map,
// language and selection. Panels write it; the frame loop applies the differences to the scenes.
#pragma once

#include <array>
#include <optional>
#include <string>

#include "viewer/color_map.h"
#include "viewer/park_scene.h"
#include "viewer/results_binding.h"
#include "viewer/results_data.h"
#include "viewer/ui_text.h"

namespace viewer {

struct ViewerState {
  size_t step = 0;
  bool playing = false;
  double speed = 8.0;  // steps per second while playing
  double play_carry = 0.0;
  std::array<bool, kLayerCount> layers{true, true, true, true, true, true};
  bool xray = true;
  Quantity pv_quantity = Quantity::kPv;  // PV coloured by output or by annual shading loss
  ColorMap map = ColorMap::kTraffic;
  Language language = Language::kEnglish;
  std::string selected;         // equipment or building id, "" for none
  bool focus_selected = false;  // command: move the camera to the selection
  std::string scenario;         // command: show this scenario of the (left) results file
};

// Advances playback by dt seconds of wall time (wrapping at the end of `steps`); true when the
// step changed.
bool advancePlayback(ViewerState& state, double dt, size_t steps);

// The step of a time written "YYYY-MM-DD HH:MM", "YYYY-MM-DDTHH:MM" (the site's local time) or
// ISO 8601 with an offset; nullopt when the text is not a time or is outside the results.
std::optional<size_t> stepOfText(const ResultsData& r, const std::string& text);

}  // namespace viewer
