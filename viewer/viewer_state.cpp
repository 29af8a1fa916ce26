#include "viewer/viewer_state.h"

#include <cmath>
#include <cstdio>

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
  std::string iso = text;
  if (iso.size() > 10 && iso[10] == ' ') iso[10] = 'T';
  twin::IsoTimeParse parsed = twin::parseIsoTime(iso);
  if (!parsed.instant) {
    const int off = r.utc_offset_s;
    char suffix[16];
    std::snprintf(suffix, sizeof suffix, "%c%02d:%02d", off < 0 ? '-' : '+', std::abs(off) / 3600,
                  std::abs(off) / 60 % 60);
    parsed = twin::parseIsoTime(iso + suffix);
  }
  if (!parsed.instant || r.times.empty()) return std::nullopt;
  const double t = parsed.instant->unix_time;
  if (t < double(r.times.front()) || t >= double(r.times.back() + r.step_s)) return std::nullopt;
  return stepAt(r, t);
}

}  // namespace viewer
