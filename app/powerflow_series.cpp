#include "app/powerflow_series.h"

#include <H5Cpp.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <numbers>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "twin/base/error.h"
#include "twin/parkfile/bus_series_csv.h"
#include "twin/results/output_file.h"

namespace twin::cli {
namespace {

constexpr double kRadToDeg = 180.0 / std::numbers::pi;

template <typename Fn>
void hdf5(const char* what, Fn&& fn) {
  try {
    fn();
  } catch (const H5::Exception& e) {
    throw std::runtime_error(std::string("HDF5 failed while ") + what + ": " + e.getDetailMsg());
  }
}

H5::DataSet writeArray(H5::H5File& file, const std::string& name, const H5::PredType& type,
                       const void* data, std::vector<hsize_t> dims, const std::string& units) {
  H5::DataSet ds =
      file.createDataSet(name, type, H5::DataSpace(static_cast<int>(dims.size()), dims.data()));
  ds.write(data, type);
  if (!units.empty()) {
    H5::StrType str(H5::PredType::C_S1, H5T_VARIABLE);
    str.setCset(H5T_CSET_UTF8);
    ds.createAttribute("units", str, H5::DataSpace(H5S_SCALAR)).write(str, units);
  }
  return ds;
}

// One solve per step of a series: bus voltages [step x bus] and per-step totals.
struct SeriesSolution {
  std::vector<double> vm, va;                   // pu and deg, [step x bus]
  std::vector<double> losses, slack, mismatch;  // MW, MW, pu
  std::vector<uint8_t> converged;
  std::vector<int32_t> iterations;
  size_t failed = 0;  // steps that did not converge
};

// Solves every step on the case's network (warm-started), the series' demands replacing the
// case's where it gives them.
SeriesSolution solveSeries(const BusSeries& s, const physics::PfNetwork& net,
                           const physics::PfOptions& options) {
  const double base = net.base_mva;
  const size_t steps = s.rows.size();
  const size_t nbus = net.buses.size();
  SeriesSolution out;
  out.vm.resize(steps * nbus);
  out.va.resize(steps * nbus);
  out.losses.resize(steps);
  out.slack.resize(steps);
  out.mismatch.resize(steps);
  out.converged.resize(steps);
  out.iterations.resize(steps);
  std::vector<double> pd0(nbus), qd0(nbus);
  for (size_t b = 0; b < nbus; ++b) {
    pd0[b] = net.buses[b].pd;
    qd0[b] = net.buses[b].qd;
  }
  physics::PowerFlowSolver solver(net, options);
  std::vector<double> pd, qd;
  physics::PfResult res;
  for (size_t t = 0; t < steps; ++t) {
    pd = pd0;
    qd = qd0;
    for (size_t k = 0; k < s.columns.size(); ++k) {
      (s.columns[k].reactive ? qd : pd)[s.columns[k].bus] = s.rows[t][k] / base;
    }
    solver.solve(pd, qd, res);
    for (size_t b = 0; b < nbus; ++b) {
      out.vm[t * nbus + b] = res.vm.at(b);
      out.va[t * nbus + b] = res.va.at(b) * kRadToDeg;
    }
    out.losses[t] = res.losses_p * base;
    out.slack[t] = slackPowerMw(net, res);
    out.converged[t] = res.converged ? 1 : 0;
    out.iterations[t] = res.iterations;
    out.mismatch[t] = res.max_mismatch;
    if (!res.converged) ++out.failed;
  }
  return out;
}

// Writes the series results to r.output: a temporary file beside it, renamed when complete.
void writeSeriesFile(const PowerflowRequest& r, const MatpowerCase& c, const BusSeries& s,
                     const SeriesSolution& sol) {
  const double base = c.network.base_mva;
  const hsize_t steps = s.rows.size();
  const hsize_t nbus = c.network.buses.size();
  H5::Exception::dontPrint();
  const std::string temp = temporaryPathBeside(r.output);
  H5::H5File file;
  try {
    file = H5::H5File(temp, H5F_ACC_TRUNC);
  } catch (const H5::Exception&) {
    throw InputError(r.output + ": cannot create the results file (is the folder writable?)");
  }
  try {
    hdf5("writing the power flow series", [&] {
      const std::vector<int32_t> bus_i(c.bus_i.begin(), c.bus_i.end());
      writeArray(file, "bus_i", H5::PredType::NATIVE_INT32, bus_i.data(), {nbus}, "");
      H5::StrType str(H5::PredType::C_S1, H5T_VARIABLE);
      str.setCset(H5T_CSET_UTF8);
      std::vector<const char*> times;
      for (const std::string& t : s.time) times.push_back(t.c_str());
      const hsize_t n = steps;
      file.createDataSet("time", str, H5::DataSpace(1, &n)).write(times.data(), str);
      const H5::PredType& f64 = H5::PredType::NATIVE_DOUBLE;
      writeArray(file, "vm_pu", f64, sol.vm.data(), {steps, nbus}, "pu");
      writeArray(file, "va_deg", f64, sol.va.data(), {steps, nbus}, "deg");
      writeArray(file, "losses_mw", f64, sol.losses.data(), {steps}, "MW");
      writeArray(file, "slack_p_mw", f64, sol.slack.data(), {steps}, "MW");
      writeArray(file, "converged", H5::PredType::NATIVE_UINT8, sol.converged.data(), {steps}, "");
      writeArray(file, "iterations", H5::PredType::NATIVE_INT32, sol.iterations.data(), {steps},
                 "");
      writeArray(file, "max_mismatch_pu", f64, sol.mismatch.data(), {steps}, "pu");
      H5::Group root = file.openGroup("/");
      root.createAttribute("case", str, H5::DataSpace(H5S_SCALAR)).write(str, r.case_path);
      root.createAttribute("base_mva", f64, H5::DataSpace(H5S_SCALAR)).write(f64, &base);
      file.close();
    });
  } catch (...) {
    std::error_code ignored;
    std::filesystem::remove(temp, ignored);
    throw;
  }
  std::filesystem::rename(temp, r.output);
}

}  // namespace

double slackPowerMw(const physics::PfNetwork& net, const physics::PfResult& r) {
  double p = 0.0;
  for (size_t g = 0; g < net.gens.size(); ++g) {
    const physics::PfGen& gen = net.gens[g];
    if (gen.in_service && net.buses[gen.bus].type == physics::BusType::kSlack &&
        g < r.gen_p.size()) {
      p += r.gen_p[g];
    }
  }
  return p * net.base_mva;
}

int powerflowSeriesCommand(const PowerflowRequest& r, const MatpowerCase& c,
                           const physics::PfOptions& options) {
  if (r.output.empty()) {
    throw InputError("--series: expected -o OUT.h5 for the results, got none");
  }
  if (r.json) throw InputError("--json: expected no --json with --series (results go to -o)");
  if (std::filesystem::is_directory(r.output)) {
    throw InputError(r.output + ": expected a file to write, got a folder");
  }
  const BusSeries s = readBusSeriesCsv(r.series, c);
  const SeriesSolution sol = solveSeries(s, c.network, options);
  writeSeriesFile(r, c, s, sol);
  std::printf("%s: %zu steps on %zu buses, %zu did not converge; written to %s\n", r.series.c_str(),
              s.rows.size(), c.network.buses.size(), sol.failed, r.output.c_str());
  return 0;
}

}  // namespace twin::cli
