// CSV text (RFC 4180 as spreadsheets and loggers write it) as rows of fields that keep where
// they came from, for located messages (FILE:LINE:COL: column: expected ..., got ...). libcsv
// parses; this layer adds lines, columns, the row as written and header lookup by name.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "twin/base/error.h"

namespace twin {

struct CsvRow {
  int line = 0;                     // 1-based line where the row begins
  std::vector<std::string> fields;  // unquoted; blanks around an unquoted field removed
  std::vector<int> columns;         // 1-based byte column where each field begins (its comma + 1)
  std::string text;                 // the row as written, without its line ending

  // Where field `index` begins in `file`.
  SourceLoc at(const std::string& file, size_t index) const;
};

// The rows of CSV text, in order. Blank lines are skipped; a UTF-8 byte-order mark is dropped;
// rows end at LF, CR LF or CR; a quoted field may hold commas, line breaks and doubled quotes
// (""). A quote inside an unquoted field, text after a closing quote or a quote left open is an
// InputError located in `file` (a file name for messages only: nothing is read).
std::vector<CsvRow> parseCsv(std::string_view text, const std::string& file);
// The same rows one at a time, without keeping them (large files): `consume` sees each row as it
// ends; the reference is valid during the call only.
void forEachCsvRow(std::string_view text, const std::string& file,
                   const std::function<void(const CsvRow&)>& consume);

// A header row: its names, looked up by name.
class CsvHeader {
 public:
  explicit CsvHeader(CsvRow row) : row_(std::move(row)) {}
  const CsvRow& row() const { return row_; }
  size_t size() const { return row_.fields.size(); }
  // The index of the first field with this name, if any.
  std::optional<size_t> find(std::string_view name) const;

 private:
  CsvRow row_;
};

// A field as CSV writes it (RFC 4180): as is, or in double quotes with quotes doubled when it
// holds a comma, a quote or a line break.
std::string csvField(std::string_view text);

}  // namespace twin
