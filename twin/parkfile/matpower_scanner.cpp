#include "twin/parkfile/matpower_scanner.h"

#include <cctype>
#include <cmath>
#include <cstdlib>

#include "twin/base/text.h"

namespace twin::matpower {

void Scanner::skipBlanks(bool newlines) {
  while (!atEnd()) {
    const char c = peek();
    if (c == ' ' || c == '\t' || c == '\r' || (newlines && c == '\n')) {
      advance();
    } else if (c == '%') {
      skipToEndOfLine();
    } else if (isContinuation()) {
      skipToEndOfLine();
      advance();
    } else {
      return;
    }
  }
}
std::string Scanner::identifier() {
  std::string id;
  while (!atEnd() && (std::isalnum(static_cast<unsigned char>(peek())) || peek() == '_')) {
    id += peek();
    advance();
  }
  return id;
}
std::string Scanner::token() {
  std::string t;
  while (!atEnd()) {
    const char c = peek();
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == ',' || c == ';' || c == ']' ||
        c == '%' || isContinuation()) {
      break;
    }
    t += c;
    advance();
  }
  return t;
}
void Scanner::skipStatement(const std::string& path) {
  int depth = 0;
  int open_line = 0;
  char previous = ' ';
  while (!atEnd()) {
    const char c = peek();
    if (c == '%') {
      skipToEndOfLine();
      continue;
    }
    if (isContinuation()) {
      skipToEndOfLine();
      advance();
      continue;
    }
    if (depth == 0 && (c == '\n' || c == ';')) return;
    if (c == '[' || c == '{' || c == '(') {
      if (depth++ == 0) open_line = line_;
    }
    if ((c == ']' || c == '}' || c == ')') && depth > 0) --depth;
    if (c == '\'' && !(std::isalnum(static_cast<unsigned char>(previous)) || previous == ']' ||
                       previous == ')' || previous == '\'' || previous == '.')) {
      advance();
      while (!atEnd() && peek() != '\'' && peek() != '\n') advance();
    }
    previous = c;
    advance();
  }
  if (depth > 0 && !path.empty()) {
    error(loc(), path,
          "expected a closing bracket for the one opened on line " + std::to_string(open_line) +
              ", got the end of the file");
  }
}

std::optional<double> parseNumber(const std::string& t) {
  if (t.empty()) return std::nullopt;
  const char* begin = t.c_str();
  char* end = nullptr;
  const double v = std::strtod(begin, &end);
  if (end != begin + t.size()) return std::nullopt;
  return v;
}

namespace {

std::string describeNext(const Scanner& s) {
  if (s.atEnd()) return "the end of the file";
  if (s.peek() == '\n') return "the end of the line";
  return quote(std::string(1, s.peek()));
}

void parseMatrix(Scanner& s, const std::string& field, Matrix& m) {
  if (s.peek() != '[') {
    s.error(s.loc(), "mpc." + field, "expected a matrix [ ... ], got " + describeNext(s));
    s.skipStatement();
    return;
  }
  const int open_line = s.line();
  s.advance();
  std::vector<Cell> row;
  auto endRow = [&] {
    if (!row.empty()) m.rows.push_back(std::move(row));
    row.clear();
  };
  while (true) {
    while (s.peek() == ' ' || s.peek() == '\t' || s.peek() == '\r' || s.peek() == ',') s.advance();
    if (s.atEnd()) {
      s.error(s.loc(), "mpc." + field,
              "expected ']' closing the matrix opened on line " + std::to_string(open_line) +
                  ", got the end of the file");
      endRow();
      return;
    }
    const char c = s.peek();
    if (c == '%') {
      s.skipToEndOfLine();
    } else if (s.isContinuation()) {
      s.skipToEndOfLine();
      s.advance();
    } else if (c == '\n' || c == ';') {
      s.advance();
      endRow();
    } else if (c == ']') {
      s.advance();
      endRow();
      return;
    } else if (row.empty() && std::isalpha(static_cast<unsigned char>(c)) &&
               !parseNumber(Scanner(s).token())) {
      // A statement after a matrix whose ']' is missing.
      s.error(s.loc(), "mpc." + field,
              "expected ']' closing the matrix opened on line " + std::to_string(open_line) +
                  ", got " + quote(Scanner(s).token()));
      return;
    } else {
      Cell cell;
      cell.line = s.line();
      cell.column = s.column();
      const std::string t = s.token();
      if (const std::optional<double> v = parseNumber(t)) {
        cell.value = *v;
      } else {
        s.error(s.locAt(cell.line, cell.column),
                "mpc." + field + "(" + std::to_string(m.rows.size() + 1) + "," +
                    std::to_string(row.size() + 1) + ")",
                "expected a number, got " + quote(t));
        cell.value = std::nan("");
      }
      row.push_back(cell);
    }
  }
}

}  // namespace

void parseStatements(Scanner& s, Fields& f) {
  while (true) {
    s.skipBlanks(true);
    while (s.peek() == ';' || s.peek() == ',') {
      s.advance();
      s.skipBlanks(true);
    }
    if (s.atEnd()) return;
    const int line = s.line();
    const int column = s.column();
    const std::string id = s.identifier();
    if (id.empty() || id == "function") {
      if (id.empty()) s.advance();
      s.skipStatement();
      continue;
    }
    s.skipBlanks(false);
    if (s.peek() != '.') {
      s.skipStatement();
      continue;
    }
    s.advance();
    const std::string field = s.identifier();
    s.skipBlanks(false);
    if (s.peek() != '=' || s.peek(1) == '=') {
      s.skipStatement();
      continue;
    }
    s.advance();
    s.skipBlanks(false);
    if (field == "version") {
      f.version_line = s.line();
      f.version_column = s.column();
      if (s.peek() == '\'' || s.peek() == '"') {
        const char quote = s.peek();
        s.advance();
        std::string value;
        while (!s.atEnd() && s.peek() != quote && s.peek() != '\n') {
          value += s.peek();
          s.advance();
        }
        if (s.peek() == quote) s.advance();
        f.version = value;
      } else {
        f.version = s.token();
      }
      s.skipStatement();
    } else if (field == "baseMVA") {
      const SourceLoc at = s.loc();
      const std::string t = s.token();
      const std::optional<double> v = parseNumber(t);
      if (!v || !(*v > 0) || !std::isfinite(*v)) {
        s.error(at, "mpc.baseMVA", "expected a positive number of MVA, got " + quote(t));
      }
      f.base_mva = v.value_or(100.0);
      s.skipStatement();
    } else if (field == "bus" || field == "gen" || field == "branch") {
      Matrix& m = field == "bus" ? f.bus : field == "gen" ? f.gen : f.branch;
      if (m.present) {
        s.error(s.locAt(line, column), "mpc." + field,
                "expected one assignment, got a second (the first is on line " +
                    std::to_string(m.line) + ")");
        m.rows.clear();
      }
      m.present = true;
      m.line = line;
      m.column = column;
      parseMatrix(s, field, m);
    } else {
      s.skipStatement("mpc." + field);
    }
  }
}

}  // namespace twin::matpower
