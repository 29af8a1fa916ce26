// What a video draws over the park (parktwin video, docs/presenting.md): the title with the
// clock, the tour's caption, and a KPI strip along the bottom with the park's PV and grid power
// at the shown step, the energy of each since the video's first step, and the totals of the
// results' period (cost, CO2).
#pragma once

#include <string>
#include <vector>

#include "viewer/results_data.h"
#include "viewer/ui_text.h"

namespace viewer {

class VideoStrip {
 public:
  explicit VideoStrip(const ResultsData& results);
  // The strip across the bottom of a width x height frame (left edge at x0) at `step`, counting
  // energy from `first_step`.
  void draw(size_t first_step, size_t step, Language language, float x0, float width,
            float height) const;
  // The strip's height in pixels for the current font.
  static float height();
  // The park's PV and grid energy over steps [from, to), Wh (NaN without the series).
  double pvEnergy(size_t from, size_t to) const;
  double gridEnergy(size_t from, size_t to) const;

 private:
  const ResultsData& results_;
  std::vector<double> pv_w_, grid_w_;            // per step, W (NaN where the file has none)
  std::vector<double> pv_sum_wh_, grid_sum_wh_;  // energy before each step, Wh (size steps + 1)
};

// The site, scenario and local time in a box at the top left of the area starting at x0.
void drawVideoTitle(const ResultsData& results, size_t step, Language language, float x0);
// A caption centred across [x0, x0 + width], its box ending a little above y = bottom (nothing
// for "").
void drawCaption(const std::string& caption, float x0, float width, float bottom);

}  // namespace viewer
