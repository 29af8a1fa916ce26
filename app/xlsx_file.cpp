#include "app/xlsx_file.h"

#include <filesystem>

#include "twin/base/error.h"
#include "twin/results/output_file.h"

namespace twin::cli {

std::string withUnit(std::string_view label, std::string_view unit) {
  return unit.empty() ? std::string(label) : std::string(label) + " [" + std::string(unit) + "]";
}

void writeNumber(lxw_worksheet* ws, int row, int col, double value, lxw_format* f) {
  worksheet_write_number(ws, static_cast<lxw_row_t>(row), static_cast<lxw_col_t>(col), value, f);
}

void writeText(lxw_worksheet* ws, int row, int col, const std::string& text, lxw_format* f) {
  worksheet_write_string(ws, static_cast<lxw_row_t>(row), static_cast<lxw_col_t>(col), text.c_str(),
                         f);
}

XlsxFile openXlsx(const std::string& path, const std::string& flag) {
  XlsxFile file{nullptr, path, temporaryPathBeside(path), flag};
  file.wb = workbook_new(file.temp.c_str());
  if (!file.wb) throw InputError(flag + ": cannot write " + path);
  return file;
}

void closeXlsx(XlsxFile& file) {
  const lxw_error error = workbook_close(file.wb);
  file.wb = nullptr;
  std::error_code ec;
  if (error != LXW_NO_ERROR) {
    std::filesystem::remove(file.temp, ec);
    throw InputError(file.flag + ": cannot write " + file.path + ": " + lxw_strerror(error));
  }
  std::filesystem::rename(file.temp, file.path, ec);
  if (ec) {
    std::filesystem::remove(file.temp, ec);
    throw InputError(file.flag + ": cannot write " + file.path + ": " + ec.message());
  }
}

}  // namespace twin::cli
