// The summary table of a sweep in its results file: /sweep/variants, one compound row per variant
// (name, park, scenario, reference: the park's baseline row it is valued against, status, error,
// one `vary:PATH` text column per --vary, then every KPI
// total and every appraisal figure as float64), with a `units` attribute listing each column's
// unit ("" for text) in column order. /sweep carries `parks` and `variations` (string lists).
// `parktwin compare` reads this table alone, so it answers for 10,000 variants in seconds.
#pragma once

#include <H5Cpp.h>

#include <optional>
#include <string>
#include <vector>

#include "twin/sweep/variant_row.h"

namespace twin::sweep {

struct SweepTable {
  std::vector<std::string> text_columns;    // name, park, scenario, reference, status, ...
  std::vector<std::string> number_columns;  // KPI names, then appraisal JSON names
  std::vector<std::string> number_units;
  std::vector<std::vector<std::string>> text;  // [row][text column]
  std::vector<std::vector<double>> numbers;    // [row][number column]; NaN: none
  std::vector<std::string> parks;
  std::vector<std::string> variations;
};

// Writes /sweep into an open results file; rows[i] is plan.variants[i], appraised.
void writeSweepTable(H5::H5File& file, const SweepPlan& plan, const std::vector<VariantRow>& rows);

// Reads /sweep (nothing when the file has no /sweep/variants: not a sweep's file), opening the
// file once; throws InputError naming the file and the object that is not as written here.
std::optional<SweepTable> findSweepTable(const std::string& path);

// The rows from the highest NPV (npv_cny; rows without one last, in table order).
std::vector<size_t> byNpv(const SweepTable& table);

// The column index of `name` in `columns`, or -1.
int columnOf(const std::vector<std::string>& columns, const std::string& name);

}  // namespace twin::sweep
