// The bus demand series of `parktwin powerflow --series` (docs and README): CSV with a `time`
// column and p_mw_<BUS_I> / q_mvar_<BUS_I> columns naming buses of a MATPOWER case, one row a
// step. Errors are located (FILE:LINE:COL) and collected, at most 20 before giving up.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "twin/parkfile/matpower_case.h"

namespace twin {

struct DemandColumn {
  int bus = 0;  // network index
  bool reactive = false;
};

struct BusSeries {
  std::vector<std::string> time;
  std::vector<DemandColumn> columns;      // per CSV column after `time` (in CSV order)
  std::vector<size_t> csv_index;          // the CSV field of each column
  std::vector<std::vector<double>> rows;  // per step, per column: MW or MVAr
};

// Parses CSV text (path: for messages); throws InputError listing every error found.
BusSeries parseBusSeriesCsv(std::string_view text, const std::string& path, const MatpowerCase& c);
// Reads and parses the file at `path`.
BusSeries readBusSeriesCsv(const std::string& path, const MatpowerCase& c);

}  // namespace twin
