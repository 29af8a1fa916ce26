// The header of a meter CSV file (twin/parkfile/meter_csv.h): where `time` and `id` are, and the
// measured columns with the unit each name ends in, read through the table of twin/base/units.h;
// and the reading of one measured cell.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "twin/base/csv.h"
#include "twin/base/units.h"

namespace twin::meter {

// What a measured column holds.
enum Quantity : size_t {
  kVoltage,  // line to line
  kVoltageAb,
  kVoltageBc,
  kVoltageCa,
  kCurrent,
  kCurrentA,
  kCurrentB,
  kCurrentC,
  kPower,
  kEnergy,
  kPowerFactor,
  kSpeed,
  kQuantities  // the number of quantities
};

struct MeasuredColumn {
  Quantity quantity = kVoltage;
  size_t index = 0;  // of the field in each row
  std::string name;  // as written in the header, trimmed
  UnitEntry unit;    // of the numbers in the column
};

struct MeterColumns {
  size_t time = 0;
  size_t id = 0;
  size_t count = 0;                      // fields of the header
  std::vector<MeasuredColumn> measured;  // in header order
};

// The columns of `header`, by name: case ignored, blanks around trimmed. A measured column is a
// quantity and the symbol of a unit of its kind after the last '_', the symbol's case ignored
// (power_kw, power_W, power_mw, energy_kwh, voltage_kv, speed_rpm); power_factor has no unit;
// other columns are ignored. Throws InputError located in `file` when `time` or `id` is missing,
// a column is named twice, or no measured column is found.
MeterColumns readMeterHeader(const CsvRow& header, const std::string& file);

// The value in SI of a cell of `column` that is not empty, or false with `reason` set, e.g.
// "power_kw: expected a number, got \"abc\"". Voltages, currents and speeds must be >= 0, a power
// factor from -1 to 1 (its sign is kept here); powers and energies may be negative (export).
bool readCell(const MeasuredColumn& column, std::string_view cell, double& value,
              std::string& reason);

}  // namespace twin::meter
