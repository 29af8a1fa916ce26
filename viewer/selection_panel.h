// The picked object: its nameplate, its values at the current step, a chart of its main series
// around that step, a rule-based diagnosis, and the list of every object to pick from (which moves
// the camera to it).
#pragma once

#include <optional>
#include <string>

#include "viewer/results_binding.h"
#include "viewer/results_data.h"
#include "viewer/viewer_state.h"

namespace viewer {

enum class ObjectKind { kBuilding, kPv, kMotor, kLoad, kTransformer, kBus, kCable };

struct ObjectRef {
  ObjectKind kind = ObjectKind::kBuilding;
  size_t index = 0;
};

std::optional<ObjectRef> findObject(const twin::ParkModel& model, const std::string& id);

// Nameplate lines of an object, in SI-at-the-edge units (kW, kVA, %, m).
std::string nameplateText(const twin::ParkModel& model, ObjectRef object, bool zh = false);
// What the results say about the object over the whole period (oversized motor, overloaded
// transformer, voltage out of tolerance...), one finding per line.
std::string diagnose(const ResultsData& results, ObjectRef object);

struct SelectionPanel {
  void draw(const ResultsData& results, ViewerState& state);
};

}  // namespace viewer
