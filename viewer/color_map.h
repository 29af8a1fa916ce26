// Colour maps and legends: a value in a legend's range (in its edge unit) to an RGB colour.
// Viridis: matplotlib's perceptually uniform map (van der Walt & Smith 2015), 9 control points;
// turbo: Google's rainbow (Mikhailov 2019), 9 control points; linear between them.
#pragma once

#include <array>
#include <string>

namespace viewer {

struct Rgb {
  float r = 0.0f;
  float g = 0.0f;
  float b = 0.0f;
};

enum class ColorMap { kViridis, kTurbo, kTraffic };
inline constexpr std::array<const char*, 3> kColorMapNames = {"viridis", "turbo", "traffic"};

// t in [0, 1] (clamped; NaN gives grey).
Rgb mapColor(ColorMap map, double t);

// What a colour means on one layer: `title` in `units`, [lo, hi] spread over the map; `reversed`
// puts hi at the map's low end (good = green on the traffic map either way).
struct Legend {
  std::string title;
  std::string units;
  double lo = 0.0;
  double hi = 1.0;
  bool reversed = false;
  Rgb color(double value, ColorMap map) const;
};

// Fixed colours of what results do not colour.
inline constexpr Rgb kGroundColor{0.42f, 0.52f, 0.36f};  // outside the site
inline constexpr Rgb kSiteColor{0.40f, 0.42f, 0.45f};    // paved site
inline constexpr Rgb kIdleColor{0.55f, 0.55f, 0.58f};  // an object with no value (stopped, no data)
inline constexpr Rgb kSelectionColor{1.0f, 0.0f, 1.0f};

}  // namespace viewer
