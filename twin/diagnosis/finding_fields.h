// The numbers of a motor's findings as `diagnose` writes them (JSON, CSV, workbook, terminal):
// one declaration each, with its JSON name, labels and unit, so that the outputs cannot disagree.
#pragma once

#include <array>
#include <optional>
#include <string_view>

#include "twin/diagnosis/motor_diagnosis.h"

namespace twin::diagnosis {

struct FindingField {
  std::string_view json;  // also the CSV header
  std::string_view label;
  std::string_view label_zh;
  std::string_view unit;  // as displayed ("%", "kWh/a"); "" for counts
  std::optional<double> (*get)(const MotorFinding&);
};
extern const std::array<FindingField, 12> kFindingFields;

struct ReplacementField {
  std::string_view json;
  std::string_view label;
  std::string_view label_zh;
  std::string_view unit;
  std::optional<double> (*get)(const Replacement&);
};
extern const std::array<ReplacementField, 5> kReplacementFields;

}  // namespace twin::diagnosis
