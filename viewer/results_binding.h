// Binds a results step to the scene: colours from legends (PV output per kWp, motor efficiency
// against its nameplate, load and transformer and cable loading, bus voltage deviation) and flow
// markers along cables. Only parts whose colour changes are rewritten.
#pragma once

#include <array>

#include "viewer/color_map.h"
#include "viewer/park_scene.h"
#include "viewer/results_data.h"

namespace viewer {

// kPvShading: each array's share of its energy lost to the park's shade over the file's period.
enum class Quantity { kPv, kMotor, kLoad, kTransformer, kBus, kCable, kPvShading };
inline constexpr int kQuantityCount = 7;

// The legend of each quantity (titles in English; ui_text translates them), in % (through
// twin/base/units.h); the bus voltage range is the model's voltage tolerance.
std::array<Legend, kQuantityCount> makeLegends(const ResultsData& r);

// The value each quantity's colour is taken from, for object `index` at `step`, in the legend's
// unit (NaN: no value, drawn idle).
double legendValue(const ResultsData& r, Quantity q, size_t index, size_t step);

// Colours every part for `step` and sets the cable flows; returns how many parts changed.
// pv: what the PV arrays are coloured by, kPv (output) or kPvShading.
size_t applyStep(const ResultsData& r, size_t step, ColorMap map, ParkScene& scene,
                 Quantity pv = Quantity::kPv);

}  // namespace viewer
