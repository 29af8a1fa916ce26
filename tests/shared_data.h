// Reading the reference data in ../shared (present in CI, absent in a user's fresh clone: tests
// that need it skip, naming the file).
#pragma once

#include <fstream>
#include <string>
#include <vector>

namespace twin::test {

// PARKTWIN_SOURCE_DIR/../shared/datasets/standards/FILE.
inline std::string standardsPath(const std::string& file) {
  return std::string(PARKTWIN_SOURCE_DIR) + "/../shared/datasets/standards/" + file;
}

// One CSV line split on commas outside double quotes (quotes removed, CR dropped); a trailing
// comma gives a trailing empty field.
inline std::vector<std::string> splitCsvLine(const std::string& line) {
  std::vector<std::string> out(1);
  bool quoted = false;
  for (char ch : line) {
    if (ch == '\r') continue;
    if (ch == '"') {
      quoted = !quoted;
    } else if (ch == ',' && !quoted) {
      out.emplace_back();
    } else {
      out.back() += ch;
    }
  }
  return out;
}

// The rows of a CSV file without its header line and without empty lines; empty when the file
// cannot be read.
inline std::vector<std::vector<std::string>> readCsvRows(const std::string& path) {
  std::vector<std::vector<std::string>> rows;
  std::ifstream in(path);
  std::string line;
  std::getline(in, line);
  while (std::getline(in, line)) {
    if (!line.empty()) rows.push_back(splitCsvLine(line));
  }
  return rows;
}

}  // namespace twin::test
