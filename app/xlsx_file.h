// Writing Excel workbooks with libxlsxwriter: cells by int row/column, and a workbook written to a
// temporary beside its path and renamed only when complete (an old file is never half-replaced).
#pragma once

#include <xlsxwriter.h>

#include <string>
#include <string_view>

namespace twin::cli {

// A column header with its unit: "Energy [kWh/a]"; the label alone without a unit.
std::string withUnit(std::string_view label, std::string_view unit);

void writeNumber(lxw_worksheet* ws, int row, int col, double value, lxw_format* f);
void writeText(lxw_worksheet* ws, int row, int col, const std::string& text, lxw_format* f);

// A workbook being written to a temporary beside `path`; `flag` names the option in messages.
struct XlsxFile {
  lxw_workbook* wb = nullptr;
  std::string path;
  std::string temp;
  std::string flag;
};

// Opens the temporary; throws InputError ("FLAG: cannot write PATH") when it cannot.
XlsxFile openXlsx(const std::string& path, const std::string& flag);
// Closes the workbook and renames it to its path; throws InputError (removing the temporary).
void closeXlsx(XlsxFile& file);

}  // namespace twin::cli
