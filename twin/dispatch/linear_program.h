// A linear programme in the solver-neutral form the dispatch builds: columns with bounds and a
// cost, rows with bounds, and the matrix as (row, column, value) entries; minimised by COIN-OR
// CLP (docs/dispatch.md says why CLP and not GLPK). Infinite bounds are +-infinity.
#pragma once

#include <limits>
#include <string>
#include <vector>

namespace twin::dispatch {

inline constexpr double kInf = std::numeric_limits<double>::infinity();

class LinearProgram {
 public:
  // A column (variable) with cost and bounds; returns its index.
  int addColumn(double cost, double lower, double upper);
  // A row (constraint) lower <= sum of its entries <= upper; returns its index.
  int addRow(double lower, double upper);
  // The coefficient of column col in row row (entries for one (row, col) add up).
  void add(int row, int col, double value);

  int columns() const { return static_cast<int>(cost_.size()); }
  int rows() const { return static_cast<int>(row_lower_.size()); }

 private:
  friend struct LpSolver;
  std::vector<double> cost_, col_lower_, col_upper_;
  std::vector<double> row_lower_, row_upper_;
  std::vector<int> entry_row_, entry_col_;
  std::vector<double> entry_value_;
};

struct LpSolution {
  bool optimal = false;
  std::string status;      // "optimal", "infeasible", "unbounded", ... (CLP's word)
  std::vector<double> x;   // column values (empty unless optimal)
  double objective = 0.0;  // at x
  int iterations = 0;
};

// Minimises the programme with CLP's dual simplex; single-threaded and deterministic (the same
// programme gives the same solution bit for bit).
LpSolution solve(const LinearProgram& lp);

}  // namespace twin::dispatch
