// A measure's `select:` map: which baseline entries it applies to (docs/measures.md). Private to
// twin/model.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "twin/model/model.h"
#include "twin/parkfile/field_reader.h"

namespace twin {

enum class SelectionFor { kMotors, kLoads, kTransformers, kEvChargers };

struct Selection {
  std::vector<std::string> ids;     // entry ids; empty: any
  std::vector<int> kinds;           // DrivenKind; empty: any
  std::vector<int> buildings;       // building indices; empty: any
  std::optional<int> below;         // motors: efficiency class rank they must be below
  std::optional<double> min_power;  // W, rated
  std::optional<double> max_power;  // W, rated
  std::optional<double> min_load;   // motors: duty load, fraction of rated
  std::optional<double> min_hours;  // running hours a year (schedule above zero)
};

// Reads `select` of the measure map `n`; the keys allowed depend on what is selected. Reports
// unknown keys, words and ids.
Selection readSelection(const Node& n, const std::string& path, SelectionFor what,
                        const ParkModel& baseline, FieldReader& r);

bool selectsMotor(const Selection& s, const Motor& m, const ParkModel& baseline);
bool selectsLoad(const Selection& s, const Load& l, const ParkModel& baseline);

bool contains(const std::vector<std::string>& ids, const std::string& id);

}  // namespace twin
