#include "twin/dispatch/linear_program.h"

#include <ClpSimplex.hpp>
#include <CoinPackedMatrix.hpp>
#include <cmath>

namespace twin::dispatch {

int LinearProgram::addColumn(double cost, double lower, double upper) {
  cost_.push_back(cost);
  col_lower_.push_back(lower);
  col_upper_.push_back(upper);
  return columns() - 1;
}

int LinearProgram::addRow(double lower, double upper) {
  row_lower_.push_back(lower);
  row_upper_.push_back(upper);
  return rows() - 1;
}

void LinearProgram::add(int row, int col, double value) {
  entry_row_.push_back(row);
  entry_col_.push_back(col);
  entry_value_.push_back(value);
}

namespace {

// CLP's view of a bound: COIN_DBL_MAX for infinity.
std::vector<double> coinBounds(const std::vector<double>& bounds) {
  std::vector<double> out(bounds);
  for (double& b : out) {
    if (std::isinf(b)) b = b > 0 ? COIN_DBL_MAX : -COIN_DBL_MAX;
  }
  return out;
}

}  // namespace

struct LpSolver {
  static LpSolution run(const LinearProgram& lp) {
    CoinPackedMatrix matrix(true, lp.entry_row_.data(), lp.entry_col_.data(),
                            lp.entry_value_.data(),
                            static_cast<CoinBigIndex>(lp.entry_value_.size()));
    matrix.setDimensions(lp.rows(), lp.columns());  // rows or columns without entries count too
    ClpSimplex model;
    model.setLogLevel(0);
    const std::vector<double> cl = coinBounds(lp.col_lower_), cu = coinBounds(lp.col_upper_);
    const std::vector<double> rl = coinBounds(lp.row_lower_), ru = coinBounds(lp.row_upper_);
    model.loadProblem(matrix, cl.data(), cu.data(), lp.cost_.data(), rl.data(), ru.data());
    model.dual();
    LpSolution out;
    out.iterations = model.numberIterations();
    out.optimal = model.isProvenOptimal();
    switch (model.status()) {
      case 0:
        out.status = "optimal";
        break;
      case 1:
        out.status = "infeasible";
        break;
      case 2:
        out.status = "unbounded";
        break;
      case 3:
        out.status = "stopped at the iteration limit";
        break;
      default:
        out.status = "stopped with numerical difficulties";
        break;
    }
    if (out.optimal) {
      const double* x = model.primalColumnSolution();
      out.x.assign(x, x + lp.columns());
      out.objective = model.objectiveValue();
    }
    return out;
  }
};

LpSolution solve(const LinearProgram& lp) { return LpSolver::run(lp); }

}  // namespace twin::dispatch
