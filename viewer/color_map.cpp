#include "viewer/color_map.h"

#include <algorithm>
#include <cmath>

namespace viewer {
namespace {

using Stops = std::array<Rgb, 9>;

constexpr Stops kViridis = {{{0.267f, 0.005f, 0.329f},
                             {0.283f, 0.141f, 0.458f},
                             {0.254f, 0.265f, 0.530f},
                             {0.207f, 0.372f, 0.553f},
                             {0.164f, 0.471f, 0.558f},
                             {0.128f, 0.567f, 0.551f},
                             {0.135f, 0.659f, 0.518f},
                             {0.478f, 0.821f, 0.318f},
                             {0.993f, 0.906f, 0.144f}}};
constexpr Stops kTurbo = {{{0.190f, 0.072f, 0.232f},
                           {0.275f, 0.408f, 0.859f},
                           {0.157f, 0.694f, 0.957f},
                           {0.102f, 0.898f, 0.698f},
                           {0.525f, 0.988f, 0.325f},
                           {0.878f, 0.867f, 0.220f},
                           {0.988f, 0.588f, 0.141f},
                           {0.867f, 0.271f, 0.051f},
                           {0.480f, 0.016f, 0.011f}}};
// Red (bad, low) through amber to green (good, high).
constexpr Stops kTraffic = {{{0.80f, 0.10f, 0.10f},
                             {0.88f, 0.25f, 0.10f},
                             {0.95f, 0.45f, 0.10f},
                             {0.98f, 0.65f, 0.10f},
                             {0.98f, 0.82f, 0.15f},
                             {0.80f, 0.85f, 0.20f},
                             {0.55f, 0.80f, 0.25f},
                             {0.30f, 0.72f, 0.28f},
                             {0.10f, 0.62f, 0.30f}}};

}  // namespace

Rgb mapColor(ColorMap map, double t) {
  if (std::isnan(t)) return kIdleColor;
  const Stops& s = map == ColorMap::kViridis ? kViridis
                   : map == ColorMap::kTurbo ? kTurbo
                                             : kTraffic;
  const double x = std::clamp(t, 0.0, 1.0) * double(s.size() - 1);
  const size_t i = std::min(static_cast<size_t>(x), s.size() - 2);
  const float f = static_cast<float>(x - double(i));
  const Rgb& a = s[i];
  const Rgb& b = s[i + 1];
  return {a.r + f * (b.r - a.r), a.g + f * (b.g - a.g), a.b + f * (b.b - a.b)};
}

Rgb Legend::color(double value, ColorMap map) const {
  if (std::isnan(value)) return kIdleColor;
  double t = hi > lo ? (value - lo) / (hi - lo) : 0.5;
  if (reversed) t = 1.0 - t;
  return mapColor(map, t);
}

}  // namespace viewer
