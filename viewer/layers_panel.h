// Layer toggles (PV, equipment, network, labels, see-through buildings), colour-map and language
// choice, and the legend of every coloured quantity (a colour bar with its range and unit).
#pragma once

#include "viewer/results_binding.h"
#include "viewer/viewer_state.h"

namespace viewer {

struct LayersPanel {
  void draw(ViewerState& state);
};

// The legend window: one colour bar per quantity, and the building colours.
// px: the legend window's width (its 200 px colour bars, padding and units).
inline constexpr double kLegendWidth = 240.0;

void drawLegendWindow(const ResultsData& results, ColorMap map, Language language);

}  // namespace viewer
