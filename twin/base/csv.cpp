#include "twin/base/csv.h"

#include <csv.h>

#include <algorithm>
#include <functional>

namespace twin {
namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

// libcsv grows a field's buffer by a fixed block (128 bytes by default), so a megabyte field was
// copied thousands of times: quadratic, minutes under ASan. Pieces are cut at kMaxPiece bytes
// (a field may span several) and the block is set to the buffer's size before each, so that the
// buffer doubles instead.
constexpr size_t kMaxPiece = 64 * 1024;
constexpr size_t kMinBlock = 128;

// libcsv reports a field's text when the field ends but not where it began, so it is fed in
// pieces that end at a comma or a line break (the only bytes on which it reports) and the
// position is tracked here. Measured on 3.3 MB of meter-like CSV (40k rows of 8 fields): 196 ms
// when fed one byte at a time, 86 ms in pieces.
struct Reader {
  std::string_view text;
  const std::function<void(const CsvRow&)>* consume = nullptr;
  CsvRow row;
  bool in_row = false;
  size_t row_begin = 0;   // offset of the first line of the row
  size_t pos = 0;         // offset of the byte being fed
  int line = 1;           // line of `pos`
  size_t line_start = 0;  // offset of the first byte of `line`
  int field_line = 1;     // where the field being read began
  int field_column = 1;
  // What `consume` threw: kept, and thrown again once libcsv (C) has returned, never through it.
  std::exception_ptr error;

  int column() const { return static_cast<int>(pos - line_start) + 1; }
};

void onField(void* data, size_t size, void* reader) {
  Reader& r = *static_cast<Reader*>(reader);
  r.row.fields.push_back(size > 0 ? std::string(static_cast<const char*>(data), size) : "");
  r.row.columns.push_back(r.field_column);
  r.field_line = r.line;
  r.field_column = r.column() + 1;  // after this comma; a row end starts over in onRow
}

void onRow(int, void* reader) {
  Reader& r = *static_cast<Reader*>(reader);
  if (r.error) return;
  r.row.text =
      std::string(r.text.substr(r.row_begin, std::min(r.pos, r.text.size()) - r.row_begin));
  try {
    (*r.consume)(r.row);
  } catch (...) {
    r.error = std::current_exception();
  }
  r.row.fields.clear();
  r.row.columns.clear();
  r.in_row = false;
}

bool isBlank(char ch) { return ch == ' ' || ch == '\t' || ch == '\r' || ch == '\n'; }

// Before feeding text[r.pos, end]: a row begins at the first byte that is not blank.
void startRow(Reader& r, size_t end) {
  if (r.in_row) return;
  for (size_t i = r.pos; i <= end; ++i) {
    if (isBlank(r.text[i])) continue;
    r.in_row = true;
    r.row.line = r.line;
    r.row_begin = r.line_start;
    r.field_line = r.line;
    r.field_column = 1;
    return;
  }
}

// After feeding text[r.pos]: LF, CR LF and a lone CR each end a line.
void countLine(Reader& r) {
  const char ch = r.text[r.pos];
  const bool crlf = ch == '\r' && r.pos + 1 < r.text.size() && r.text[r.pos + 1] == '\n';
  if ((ch == '\n' || ch == '\r') && !crlf) {
    ++r.line;
    r.line_start = r.pos + 1;
  }
}

[[noreturn]] void fail(const std::string& file, int line, int column, std::string message) {
  throw InputError({Diagnostic{SourceLoc{file, line, column}, "", std::move(message)}});
}

void failAt(const Reader& r, const std::string& file) {
  const char ch = r.text[r.pos];
  if (ch == '"') {
    fail(file, r.line, r.column(),
         "expected a quote only around a whole field (\"\" inside one), got a quote inside an "
         "unquoted field");
  }
  fail(file, r.line, r.column(),
       "expected a comma or the end of the line after a closing quote, got '" + std::string(1, ch) +
           "'");
}

}  // namespace

SourceLoc CsvRow::at(const std::string& file, size_t index) const {
  return SourceLoc{file, line, index < columns.size() ? columns[index] : 1};
}

std::vector<CsvRow> parseCsv(std::string_view text, const std::string& file) {
  std::vector<CsvRow> rows;
  forEachCsvRow(text, file, [&](const CsvRow& row) { rows.push_back(row); });
  return rows;
}

// libcsv's parser, freed on every way out.
struct Parser {
  csv_parser p;
  Parser() { csv_init(&p, CSV_STRICT | CSV_STRICT_FINI); }
  ~Parser() { csv_free(&p); }
  Parser(const Parser&) = delete;
  Parser& operator=(const Parser&) = delete;
};

void forEachCsvRow(std::string_view text, const std::string& file,
                   const std::function<void(const CsvRow&)>& consume) {
  if (text.substr(0, kBom.size()) == kBom) text.remove_prefix(kBom.size());
  Parser parser;
  Reader r;
  r.text = text;
  r.consume = &consume;
  while (r.pos < text.size()) {
    const size_t begin = r.pos;
    const std::string_view ahead = text.substr(begin, kMaxPiece);
    const size_t stop = ahead.find_first_of(",\r\n");
    const size_t end = begin + (stop == std::string_view::npos ? ahead.size() - 1 : stop);
    startRow(r, end);
    r.pos = end;  // the callbacks fire on the piece's last byte
    const size_t size = end + 1 - begin;
    csv_set_blk_size(&parser.p, std::max(kMinBlock, parser.p.entry_size));
    const size_t used = csv_parse(&parser.p, &text[begin], size, onField, onRow, &r);
    if (r.error) std::rethrow_exception(r.error);
    if (used != size) {
      r.pos = begin + used;
      failAt(r, file);
    }
    countLine(r);
    r.pos = end + 1;
  }
  const int end = csv_fini(&parser.p, onField, onRow, &r);
  if (r.error) std::rethrow_exception(r.error);
  if (end != 0) {
    fail(file, r.field_line, r.field_column,
         "expected a closing quote for the field that begins here, got the end of the file");
  }
}

std::optional<size_t> CsvHeader::find(std::string_view name) const {
  for (size_t i = 0; i < row_.fields.size(); ++i) {
    if (row_.fields[i] == name) return i;
  }
  return std::nullopt;
}

std::string csvField(std::string_view text) {
  if (text.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(text);
  std::string out = "\"";
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

}  // namespace twin
