#include "twin/parkfile/matpower_case.h"

#include <cctype>
#include <cmath>
#include <cstdlib>
#include <map>
#include <numbers>
#include <optional>
#include <sstream>

#include "twin/base/error.h"
#include "twin/parkfile/source_tree.h"

namespace twin {
namespace {

constexpr double kDeg = std::numbers::pi / 180.0;

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

// A character scanner that knows MATLAB's comments (%), continuations (...) and strings.
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
  void skipBlanks(bool newlines) {
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
  std::string identifier() {
    std::string id;
    while (!atEnd() && (std::isalnum(static_cast<unsigned char>(peek())) || peek() == '_')) {
      id += peek();
      advance();
    }
    return id;
  }
  // A token ending at a blank, separator, bracket or comment.
  std::string token() {
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
  // Skips the rest of a statement: to a newline or ';' outside brackets and strings.
  // An unclosed bracket at the end of the file is reported under `path` (when not empty).
  void skipStatement(const std::string& path = "") {
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

 private:
  std::string_view text_;
  const std::string& name_;
  Diagnostics& diagnostics_;
  size_t pos_ = 0;
  int line_ = 1;
  size_t line_start_ = 0;
};

std::string inQuotes(std::string_view text) { return "\"" + std::string(text) + "\""; }

std::optional<double> parseNumber(const std::string& t) {
  if (t.empty()) return std::nullopt;
  const char* begin = t.c_str();
  char* end = nullptr;
  const double v = std::strtod(begin, &end);
  if (end != begin + t.size()) return std::nullopt;
  return v;
}

std::string describeNext(const Scanner& s) {
  if (s.atEnd()) return "the end of the file";
  if (s.peek() == '\n') return "the end of the line";
  return inQuotes(std::string(1, s.peek()));
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
                  ", got " + inQuotes(Scanner(s).token()));
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
                "expected a number, got " + inQuotes(t));
        cell.value = std::nan("");
      }
      row.push_back(cell);
    }
  }
}

struct Fields {
  std::optional<std::string> version;
  int version_line = 0, version_column = 0;
  std::optional<double> base_mva;
  Matrix bus, gen, branch;
};

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
        s.error(at, "mpc.baseMVA", "expected a positive number of MVA, got " + inQuotes(t));
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

// The columns each matrix needs (MATPOWER User's Manual, Tables B-1, B-2, B-3).
struct MatrixSpec {
  const char* field;
  size_t columns;
  const char* names;
};
constexpr MatrixSpec kBusSpec{"bus", 13, "BUS_I ... VMIN"};
constexpr MatrixSpec kGenSpec{"gen", 10, "GEN_BUS ... PMIN"};
constexpr MatrixSpec kBranchSpec{"branch", 11, "F_BUS ... BR_STATUS"};

// Checks presence and column counts; rows with a wrong count are removed.
void checkShape(Scanner& s, Matrix& m, const MatrixSpec& spec) {
  const std::string path = std::string("mpc.") + spec.field;
  if (!m.present) {
    s.error({s.loc().file, 0, 0}, path, "expected an assignment " + path + " = [ ... ];, got none");
    return;
  }
  if (m.rows.empty()) {
    if (std::string_view(spec.field) == "bus") {
      s.error(s.locAt(m.line, m.column), path, "expected at least one bus, got an empty matrix");
    }
    return;
  }
  const size_t first = m.rows.front().size();
  std::vector<std::vector<Cell>> kept;
  for (size_t r = 0; r < m.rows.size(); ++r) {
    const std::vector<Cell>& row = m.rows[r];
    const std::string at = path + "(" + std::to_string(r + 1) + ",:)";
    if (row.size() < spec.columns) {
      s.error(s.locAt(row.front().line, row.front().column), at,
              "expected at least " + std::to_string(spec.columns) + " columns (" + spec.names +
                  "), got " + std::to_string(row.size()));
    } else if (row.size() != first && first >= spec.columns) {
      s.error(s.locAt(row.front().line, row.front().column), at,
              "expected " + std::to_string(first) + " columns (as row 1), got " +
                  std::to_string(row.size()));
    } else {
      kept.push_back(row);
      continue;
    }
    kept.push_back({});  // keeps row numbers; skipped below
  }
  m.rows = std::move(kept);
}

std::string formatValue(double v) {
  std::ostringstream out;
  out << v;
  return out.str();
}

bool isInteger(double v) { return std::isfinite(v) && v == std::floor(v); }

}  // namespace

MatpowerCase parseMatpowerCase(std::string_view text, const std::string& name) {
  Diagnostics diagnostics;
  Scanner s(text, name, diagnostics);
  Fields f;
  parseStatements(s, f);

  if (!f.version) {
    s.error({name, 0, 0}, "mpc.version", "expected mpc.version = '2';, got none");
  } else if (*f.version != "2") {
    s.error(s.locAt(f.version_line, f.version_column), "mpc.version",
            "expected '2' (MATPOWER case format version 2), got " + inQuotes(*f.version));
  }
  if (!f.base_mva) s.error({name, 0, 0}, "mpc.baseMVA", "expected mpc.baseMVA = <MVA>;, got none");
  checkShape(s, f.bus, kBusSpec);
  checkShape(s, f.gen, kGenSpec);
  checkShape(s, f.branch, kBranchSpec);
  diagnostics.throwIfAny();

  MatpowerCase c;
  physics::PfNetwork& net = c.network;
  net.base_mva = *f.base_mva;
  const double base = net.base_mva;
  auto cellLoc = [&](const Cell& cell) { return s.locAt(cell.line, cell.column); };
  auto cellPath = [](const char* field, size_t row, size_t col) {
    return std::string("mpc.") + field + "(" + std::to_string(row + 1) + "," +
           std::to_string(col + 1) + ")";
  };

  // Buses: BUS_I, BUS_TYPE, PD, QD, GS, BS, BUS_AREA, VM, VA, BASE_KV, ZONE, VMAX, VMIN.
  std::map<int, size_t> bus_row;  // BUS_I -> row in mpc.bus
  std::map<int, int> bus_index;   // BUS_I -> index in the network; -1 when isolated
  std::optional<size_t> slack_row;
  for (size_t r = 0; r < f.bus.rows.size(); ++r) {
    const std::vector<Cell>& row = f.bus.rows[r];
    if (row.empty()) continue;
    const double id = row[0].value;
    if (!isInteger(id) || id < 1 || id > 2e9) {
      s.error(cellLoc(row[0]), cellPath("bus", r, 0),
              "BUS_I: expected a positive whole bus number, got " + formatValue(id));
      continue;
    }
    const int bus_i = static_cast<int>(id);
    if (const auto seen = bus_row.find(bus_i); seen != bus_row.end()) {
      s.error(cellLoc(row[0]), cellPath("bus", r, 0),
              "BUS_I: expected a bus number not used before, got " + std::to_string(bus_i) +
                  " (also in row " + std::to_string(seen->second + 1) + ")");
      continue;
    }
    bus_row[bus_i] = r;
    const double type = row[1].value;
    if (!(type == 1 || type == 2 || type == 3 || type == 4)) {
      s.error(
          cellLoc(row[1]), cellPath("bus", r, 1),
          "BUS_TYPE: expected 1 (PQ), 2 (PV), 3 (slack) or 4 (isolated), got " + formatValue(type));
      bus_index[bus_i] = -2;  // known but bad: gens and branches on it are not errors too
      continue;
    }
    if (type == 4) {
      bus_index[bus_i] = -1;
      c.isolated_buses.push_back(bus_i);
      continue;
    }
    if (type == 3 && !slack_row) slack_row = r;
    physics::PfBus bus;
    bus.type = static_cast<physics::BusType>(static_cast<int>(type));
    bus.pd = row[2].value / base;
    bus.qd = row[3].value / base;
    bus.gs = row[4].value / base;
    bus.bs = row[5].value / base;
    bus.vm = row[7].value;
    bus.va = row[8].value * kDeg;
    bus_index[bus_i] = static_cast<int>(net.buses.size());
    net.buses.push_back(bus);
    c.bus_i.push_back(bus_i);
  }
  if (f.bus.present && !f.bus.rows.empty() && !slack_row && diagnostics.empty()) {
    s.error(s.locAt(f.bus.line, f.bus.column), "mpc.bus",
            "BUS_TYPE: expected a slack bus (type 3), got none");
  }

  // A bus reference of a gen or branch: the network index, or nullopt (with an error).
  auto busRef = [&](const char* field, size_t r, size_t col, const Cell& cell,
                    const char* what) -> std::optional<int> {
    const auto it = isInteger(cell.value) && std::abs(cell.value) < 2e9
                        ? bus_index.find(static_cast<int>(cell.value))
                        : bus_index.end();
    if (it == bus_index.end()) {
      s.error(
          cellLoc(cell), cellPath(field, r, col),
          std::string(what) + ": expected a bus number of mpc.bus, got " + formatValue(cell.value));
      return std::nullopt;
    }
    return it->second;
  };

  // Gens: GEN_BUS, PG, QG, QMAX, QMIN, VG, MBASE, GEN_STATUS, PMAX, PMIN.
  std::vector<bool> has_gen(net.buses.size(), false);
  for (size_t r = 0; r < f.gen.rows.size(); ++r) {
    const std::vector<Cell>& row = f.gen.rows[r];
    if (row.empty()) continue;
    const std::optional<int> bus = busRef("gen", r, 0, row[0], "GEN_BUS");
    if (!bus || *bus < 0) continue;  // unknown (reported) or isolated (dropped)
    physics::PfGen gen;
    gen.bus = *bus;
    gen.pg = row[1].value / base;
    gen.qg = row[2].value / base;
    gen.qmax = row[3].value / base;
    gen.qmin = row[4].value / base;
    gen.vg = row[5].value;
    gen.in_service = row[7].value > 0;
    if (gen.in_service) has_gen[*bus] = true;
    net.gens.push_back(gen);
    c.gen_row.push_back(static_cast<int>(r + 1));
  }

  // Branches: F_BUS, T_BUS, BR_R, BR_X, BR_B, RATE_A, RATE_B, RATE_C, TAP, SHIFT, BR_STATUS.
  for (size_t r = 0; r < f.branch.rows.size(); ++r) {
    const std::vector<Cell>& row = f.branch.rows[r];
    if (row.empty()) continue;
    const std::optional<int> from = busRef("branch", r, 0, row[0], "F_BUS");
    const std::optional<int> to = busRef("branch", r, 1, row[1], "T_BUS");
    if (!from || !to || *from < 0 || *to < 0) continue;
    physics::PfBranch branch;
    branch.from = *from;
    branch.to = *to;
    branch.r = row[2].value;
    branch.x = row[3].value;
    branch.b = row[4].value;
    branch.ratio = row[8].value == 0.0 ? 1.0 : row[8].value;
    branch.shift = row[9].value * kDeg;
    branch.in_service = row[10].value != 0.0;
    net.branches.push_back(branch);
    c.branch_row.push_back(static_cast<int>(r + 1));
  }

  if (slack_row && diagnostics.empty()) {
    const int slack = bus_index[static_cast<int>(f.bus.rows[*slack_row][0].value)];
    if (!has_gen[slack]) {
      const Cell& cell = f.bus.rows[*slack_row][1];
      s.error(cellLoc(cell), cellPath("bus", *slack_row, 1),
              "BUS_TYPE: expected the slack bus to have an in-service generator in mpc.gen, got "
              "none");
    }
  }
  diagnostics.throwIfAny();
  for (size_t b = 0; b < net.buses.size(); ++b) {
    if (net.buses[b].type == physics::BusType::kPV && !has_gen[b]) {
      net.buses[b].type = physics::BusType::kPQ;
    }
  }
  return c;
}

MatpowerCase readMatpowerCase(const std::string& path) {
  return parseMatpowerCase(readTextFile(path), path);
}

}  // namespace twin
