// The figures of an appraisal as every output shows them, declared once: the JSON name and unit
// (also the CSV's), the label in English and Chinese, and the unit tables and sheets use.
#pragma once

#include <array>
#include <optional>
#include <string_view>

#include "twin/economics/cash_flow.h"

namespace twin::economics {

struct AppraisalField {
  std::string_view json;       // "npv_cny"
  double json_si;              // SI value of one JSON unit (CNY, %, years, CNY/kWh, t, CNY/t)
  std::string_view json_unit;  // that unit's name: "CNY", "%", "a", "CNY/kWh", "t/a", "CNY/t"
  std::string_view label;      // "NPV"
  std::string_view label_zh;   // "净现值"
  std::string_view unit;       // what tables show: "kCNY"
  double unit_si;              // SI value of one `unit`
  int decimals;                // in tables
  std::optional<double> (*get)(const Appraisal&);  // SI; nothing where the figure does not exist
};

extern const std::array<AppraisalField, 10> kAppraisalFields;

}  // namespace twin::economics
