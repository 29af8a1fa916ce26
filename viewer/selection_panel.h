// The picked object: its nameplate, its values at the current step, a chart of its main series
// around that step, a rule-based diagnosis, and the list of every unit to pick from (which moves
// the camera to it).
#pragma once

#include <optional>
#include <string>

#include "viewer/results_binding.h"
#include "viewer/results_data.h"
#include "viewer/viewer_state.h"

namespace viewer {

enum class UnitKind { kBuilding, kPv, kMotor, kLoad, kTransformer, kBus, kCable };

struct UnitRef {
  UnitKind kind = UnitKind::kBuilding;
  size_t index = 0;
};

std::optional<UnitRef> findUnit(const twin::ParkModel& model, const std::string& id);

// Nameplate lines of a unit, in SI-at-the-edge units (kW, kVA, %, m).
std::string nameplateText(const twin::ParkModel& model, UnitRef unit);
// What the results say about the unit over the whole period (oversized motor, overloaded
// transformer, voltage out of tolerance...), one finding per line.
std::string diagnose(const ResultsData& results, UnitRef unit);

struct SelectionPanel {
  void draw(const ResultsData& results, ViewerState& state);
};

}  // namespace viewer
