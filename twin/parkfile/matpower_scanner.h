// The text layer of MATPOWER case files: a scanner of MATLAB's comments, continuations and
// strings, the `mpc.x = [ ... ];` statements and the numeric matrices they assign, with the line
// and column of every cell. Case assembly (columns, units, buses): twin/parkfile/matpower_case.h.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "twin/base/error.h"

namespace twin::matpower {

struct Cell {
  double value = 0.0;
  int line = 0;
  int column = 0;
};

struct Matrix {
  bool present = false;
  int line = 0;  // of the `mpc.x =` statement
  int column = 0;
  std::vector<std::vector<Cell>> rows;
};

// A character scanner that knows MATLAB's comments (%), continuations (...) and strings; errors
// go to the diagnostics with the file name.
class Scanner {
 public:
  Scanner(std::string_view text, const std::string& name, Diagnostics& diagnostics)
      : text_(text), name_(name), diagnostics_(diagnostics) {}

  bool atEnd() const { return pos_ >= text_.size(); }
  char peek(size_t ahead = 0) const {
    return pos_ + ahead < text_.size() ? text_[pos_ + ahead] : '\0';
  }
  int line() const { return line_; }
  int column() const { return static_cast<int>(pos_ - line_start_) + 1; }
  SourceLoc loc() const { return {name_, line_, column()}; }
  SourceLoc locAt(int line, int column) const { return {name_, line, column}; }
  void error(const SourceLoc& loc, std::string path, std::string message) {
    diagnostics_.error(loc, std::move(path), std::move(message));
  }

  void advance() {
    if (atEnd()) return;
    if (text_[pos_] == '\n') {
      ++line_;
      line_start_ = pos_ + 1;
    }
    ++pos_;
  }
  bool isContinuation() const { return peek() == '.' && peek(1) == '.' && peek(2) == '.'; }
  void skipToEndOfLine() {
    while (!atEnd() && peek() != '\n') advance();
  }
  // Skips spaces, tabs, carriage returns, comments (up to the newline) and continuations (with
  // their newline). Stops at a newline when newlines is false.
  void skipBlanks(bool newlines);
  // Letters, digits and underscores from here (empty when none).
  std::string identifier();
  // A token ending at a blank, separator, bracket or comment.
  std::string token();
  // Skips the rest of a statement: to a newline or ';' outside brackets and strings.
  // An unclosed bracket at the end of the file is reported under `path` (when not empty).
  void skipStatement(const std::string& path = "");

 private:
  std::string_view text_;
  const std::string& name_;
  Diagnostics& diagnostics_;
  size_t pos_ = 0;
  int line_ = 1;
  size_t line_start_ = 0;
};

// A whole number or decimal in full (strtod), nullopt for anything else or an empty token.
std::optional<double> parseNumber(const std::string& t);

// The fields of a case file that are read; the others are skipped.
struct Fields {
  std::optional<std::string> version;
  int version_line = 0, version_column = 0;
  std::optional<double> base_mva;
  Matrix bus, gen, branch;
};

// Reads every statement of the file: mpc.version, mpc.baseMVA and the bus, gen and branch
// matrices into f; errors (malformed matrices, a field assigned twice) go to the scanner.
void parseStatements(Scanner& s, Fields& f);

}  // namespace twin::matpower
