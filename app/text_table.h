// Tables for the terminal: a label column, then value columns headed by a name and a unit.
// Columns that do not fit the width wrap into further blocks, each repeating the labels.
#pragma once

#include <cstddef>
#include <ostream>
#include <string>
#include <vector>

namespace twin::cli {

struct TextTable {
  struct Column {
    std::string name;
    std::string unit;  // shown as [unit] under the name; "" for none
  };
  std::string corner;  // heads the label column
  std::vector<Column> columns;
  std::vector<std::vector<std::string>> rows;  // label, then one cell per column
};

void printTable(std::ostream& out, const TextTable& table, size_t width);

// The width to print for: $COLUMNS, else the terminal's, else 100.
size_t terminalWidth();

}  // namespace twin::cli
