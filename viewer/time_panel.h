// Time control: the step slider, play/pause, playback speed and a jump to a typed date.
#pragma once

#include <array>
#include <string>

#include "viewer/results_data.h"
#include "viewer/viewer_state.h"

namespace viewer {

struct TimePanel {
  std::array<char, 32> jump_text{};
  bool jump_failed = false;
  void draw(const ResultsData& results, ViewerState& state);
};

}  // namespace viewer
