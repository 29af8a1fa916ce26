#include "viewer/viewer_state.h"

#include <cmath>

#include "twin/base/iso_time.h"

namespace viewer {

bool advancePlayback(ViewerState& state, double dt, size_t steps) {
  if (!state.playing || steps == 0) return false;
  state.play_carry += dt * state.speed;
  const double whole = std::floor(state.play_carry);
  if (whole < 1.0) return false;
  state.play_carry -= whole;
  state.step = (state.step + static_cast<size_t>(whole)) % steps;
  return true;
}

std::optional<size_t> stepOfText(const ResultsData& r, const std::string& text) {
  const std::optional<double> parsed = twin::parseSiteTime(text, r.utc_offset_s);
  if (!parsed || r.times.empty()) return std::nullopt;
  const double t = *parsed;
  if (t < double(r.times.front()) || t >= double(r.times.back() + r.step_s)) return std::nullopt;
  return stepAt(r, t);
}

}  // namespace viewer
