#include "twin/parkfile/matpower_case.h"

#include <cmath>
#include <map>
#include <numbers>
#include <optional>
#include <sstream>

#include "twin/base/error.h"
#include "twin/base/text.h"
#include "twin/parkfile/matpower_scanner.h"
#include "twin/parkfile/source_tree.h"

namespace twin {
namespace {

using matpower::Cell;
using matpower::Fields;
using matpower::Matrix;
using matpower::Scanner;

constexpr double kDeg = std::numbers::pi / 180.0;

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

// mpc.version, mpc.baseMVA and the shapes of the matrices; errors go to the scanner.
void checkFields(Scanner& s, Fields& f, const std::string& name) {
  if (!f.version) {
    s.error({name, 0, 0}, "mpc.version", "expected mpc.version = '2';, got none");
  } else if (*f.version != "2") {
    s.error(s.locAt(f.version_line, f.version_column), "mpc.version",
            "expected '2' (MATPOWER case format version 2), got " + quote(*f.version));
  }
  if (!f.base_mva) s.error({name, 0, 0}, "mpc.baseMVA", "expected mpc.baseMVA = <MVA>;, got none");
  checkShape(s, f.bus, kBusSpec);
  checkShape(s, f.gen, kGenSpec);
  checkShape(s, f.branch, kBranchSpec);
}

// Builds the network of a case whose fields have the right shapes, row by row, reporting bad
// values and bus references to the scanner.
class CaseAssembly {
 public:
  CaseAssembly(Scanner& s, const Fields& f, const Diagnostics& diagnostics)
      : s_(s), f_(f), diagnostics_(diagnostics) {
    c_.network.base_mva = *f.base_mva;
  }

  // Buses: BUS_I, BUS_TYPE, PD, QD, GS, BS, BUS_AREA, VM, VA, BASE_KV, ZONE, VMAX, VMIN.
  void addBuses() {
    for (size_t r = 0; r < f_.bus.rows.size(); ++r) {
      if (!f_.bus.rows[r].empty()) addBus(r);
    }
    if (f_.bus.present && !f_.bus.rows.empty() && !slack_row_ && diagnostics_.empty()) {
      s_.error(s_.locAt(f_.bus.line, f_.bus.column), "mpc.bus",
               "BUS_TYPE: expected a slack bus (type 3), got none");
    }
  }

  // Gens: GEN_BUS, PG, QG, QMAX, QMIN, VG, MBASE, GEN_STATUS, PMAX, PMIN.
  void addGens() {
    physics::PfNetwork& net = c_.network;
    const double base = net.base_mva;
    has_gen_.assign(net.buses.size(), false);
    for (size_t r = 0; r < f_.gen.rows.size(); ++r) {
      const std::vector<Cell>& row = f_.gen.rows[r];
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
      if (gen.in_service) has_gen_[*bus] = true;
      net.gens.push_back(gen);
      c_.gen_row.push_back(static_cast<int>(r + 1));
    }
  }

  // Branches: F_BUS, T_BUS, BR_R, BR_X, BR_B, RATE_A, RATE_B, RATE_C, TAP, SHIFT, BR_STATUS.
  void addBranches() {
    for (size_t r = 0; r < f_.branch.rows.size(); ++r) {
      const std::vector<Cell>& row = f_.branch.rows[r];
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
      c_.network.branches.push_back(branch);
      c_.branch_row.push_back(static_cast<int>(r + 1));
    }
  }

  // The slack bus needs an in-service generator (reported only when all else is right).
  void checkSlackGenerator() {
    if (!slack_row_ || !diagnostics_.empty()) return;
    const int slack = bus_index_[static_cast<int>(f_.bus.rows[*slack_row_][0].value)];
    if (!has_gen_[slack]) {
      const Cell& cell = f_.bus.rows[*slack_row_][1];
      s_.error(cellLoc(cell), cellPath("bus", *slack_row_, 1),
               "BUS_TYPE: expected the slack bus to have an in-service generator in mpc.gen, got "
               "none");
    }
  }

  // PV buses without an in-service generator become PQ (MATPOWER's bustypes).
  MatpowerCase finish() {
    physics::PfNetwork& net = c_.network;
    for (size_t b = 0; b < net.buses.size(); ++b) {
      if (net.buses[b].type == physics::BusType::kPV && !has_gen_[b]) {
        net.buses[b].type = physics::BusType::kPQ;
      }
    }
    return std::move(c_);
  }

 private:
  SourceLoc cellLoc(const Cell& cell) const { return s_.locAt(cell.line, cell.column); }
  static std::string cellPath(const char* field, size_t row, size_t col) {
    return std::string("mpc.") + field + "(" + std::to_string(row + 1) + "," +
           std::to_string(col + 1) + ")";
  }

  void addBus(size_t r) {
    const std::vector<Cell>& row = f_.bus.rows[r];
    const double id = row[0].value;
    if (!isInteger(id) || id < 1 || id > 2e9) {
      s_.error(cellLoc(row[0]), cellPath("bus", r, 0),
               "BUS_I: expected a positive whole bus number, got " + formatValue(id));
      return;
    }
    const int bus_i = static_cast<int>(id);
    if (const auto seen = bus_row_.find(bus_i); seen != bus_row_.end()) {
      s_.error(cellLoc(row[0]), cellPath("bus", r, 0),
               "BUS_I: expected a bus number not used before, got " + std::to_string(bus_i) +
                   " (also in row " + std::to_string(seen->second + 1) + ")");
      return;
    }
    bus_row_[bus_i] = r;
    const double type = row[1].value;
    if (!(type == 1 || type == 2 || type == 3 || type == 4)) {
      s_.error(
          cellLoc(row[1]), cellPath("bus", r, 1),
          "BUS_TYPE: expected 1 (PQ), 2 (PV), 3 (slack) or 4 (isolated), got " + formatValue(type));
      bus_index_[bus_i] = -2;  // known but bad: gens and branches on it are not errors too
      return;
    }
    if (type == 4) {
      bus_index_[bus_i] = -1;
      c_.isolated_buses.push_back(bus_i);
      return;
    }
    if (type == 3 && !slack_row_) slack_row_ = r;
    physics::PfNetwork& net = c_.network;
    const double base = net.base_mva;
    physics::PfBus bus;
    bus.type = static_cast<physics::BusType>(static_cast<int>(type));
    bus.pd = row[2].value / base;
    bus.qd = row[3].value / base;
    bus.gs = row[4].value / base;
    bus.bs = row[5].value / base;
    bus.vm = row[7].value;
    bus.va = row[8].value * kDeg;
    bus_index_[bus_i] = static_cast<int>(net.buses.size());
    net.buses.push_back(bus);
    c_.bus_i.push_back(bus_i);
  }

  // A bus reference of a gen or branch: the network index, or nullopt (with an error).
  std::optional<int> busRef(const char* field, size_t r, size_t col, const Cell& cell,
                            const char* what) {
    const auto it = isInteger(cell.value) && std::abs(cell.value) < 2e9
                        ? bus_index_.find(static_cast<int>(cell.value))
                        : bus_index_.end();
    if (it == bus_index_.end()) {
      s_.error(
          cellLoc(cell), cellPath(field, r, col),
          std::string(what) + ": expected a bus number of mpc.bus, got " + formatValue(cell.value));
      return std::nullopt;
    }
    return it->second;
  }

  Scanner& s_;
  const Fields& f_;
  const Diagnostics& diagnostics_;
  MatpowerCase c_;
  std::map<int, size_t> bus_row_;  // BUS_I -> row in mpc.bus
  std::map<int, int> bus_index_;   // BUS_I -> index in the network; -1 when isolated
  std::optional<size_t> slack_row_;
  std::vector<bool> has_gen_;  // per network bus: whether an in-service gen is on it
};

}  // namespace

MatpowerCase parseMatpowerCase(std::string_view text, const std::string& name) {
  Diagnostics diagnostics;
  Scanner s(text, name, diagnostics);
  Fields f;
  matpower::parseStatements(s, f);
  checkFields(s, f, name);
  diagnostics.throwIfAny();

  CaseAssembly assembly(s, f, diagnostics);
  assembly.addBuses();
  assembly.addGens();
  assembly.addBranches();
  assembly.checkSlackGenerator();
  diagnostics.throwIfAny();
  return assembly.finish();
}

MatpowerCase readMatpowerCase(const std::string& path) {
  return parseMatpowerCase(readTextFile(path), path);
}

}  // namespace twin