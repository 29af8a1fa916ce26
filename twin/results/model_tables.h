// The park model as a results file stores it under /model (each scenario's under
// /scenarios/<name>/model): one group per table (site, network, building, obstacle, bus, feeder,
// cable, transformer, motor, load, pv, storage, ev_charger, economics, investment, measure), one
// 1-D dataset per column, numbers in the unit of their `units` attribute, references to other
// tables by id. Declared once, in model_tables.cpp and model_tables_economics.cpp, like kSeries:
// the writer, the reader and the docs follow that declaration.
#pragma once

#include <H5Cpp.h>

#include <string>
#include <string_view>
#include <vector>

#include "twin/model/model.h"

namespace twin {

// One column as declared: its table, dataset name (numbers carry their unit suffix), `units`
// ("" for text) and meaning.
struct ModelColumnInfo {
  std::string_view table;
  std::string_view name;
  std::string_view units;
  std::string_view meaning;
};
std::vector<ModelColumnInfo> modelColumns();

// Writes `model` into parent/model, with the scenario's name and description as attributes.
void writeModel(H5::Group& parent, const ParkModel& model, const std::string& description);

// Reads parent/model back: the described part of a ParkModel (identity, topology, nameplates,
// geometry and PV layouts). Behaviour (schedules, tariff, weather records, duty cycles) is not
// stored: such a model is for drawing, listing and comparing, not for simulating. Throws
// LayoutError naming the table, column and row of what does not read.
ParkModel readModel(const H5::Group& parent);

}  // namespace twin
