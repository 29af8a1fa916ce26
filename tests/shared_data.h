// Reading the reference data in ../shared (present in CI, absent in a user's fresh clone: tests
// that need it skip, naming the file).
#pragma once

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "twin/base/csv.h"

namespace twin::test {

// PARKTWIN_SOURCE_DIR/../shared/datasets/standards/FILE.
inline std::string standardsPath(const std::string& file) {
  return std::string(PARKTWIN_SOURCE_DIR) + "/../shared/datasets/standards/" + file;
}

// The rows of a CSV file (twin/base/csv.h) without its header row; empty when the file cannot be
// read.
inline std::vector<std::vector<std::string>> readCsvRows(const std::string& path) {
  std::ifstream in(path);
  std::ostringstream text;
  text << in.rdbuf();
  std::vector<std::vector<std::string>> rows;
  for (CsvRow& row : parseCsv(text.str(), path)) rows.push_back(std::move(row.fields));
  if (!rows.empty()) rows.erase(rows.begin());
  return rows;
}

}  // namespace twin::test
