// `parktwin powerflow CASE.m`: the AC power flow (physics/power_flow.h) of a MATPOWER case file:
// bus voltages, branch flows, losses and iterations as text, JSON (--json) or a CSV of bus voltages
// (-o). With --series SERIES.csv -o OUT.h5: app/powerflow_series.h.
#include <fmt/format.h>

#include <cmath>
#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>
#include <numbers>

#include "app/commands.h"
#include "app/powerflow_series.h"
#include "physics/power_flow.h"
#include "twin/base/error.h"
#include "twin/parkfile/matpower_case.h"
#include "twin/results/output_file.h"

namespace twin::cli {
namespace {

constexpr double kRadToDeg = 180.0 / std::numbers::pi;

nlohmann::ordered_json resultJson(const std::string& path, const MatpowerCase& c,
                                  const physics::PfResult& r) {
  const physics::PfNetwork& net = c.network;
  const double base = net.base_mva;
  nlohmann::ordered_json j;
  j["case"] = path;
  j["base_mva"] = base;
  j["converged"] = r.converged;
  j["iterations"] = r.iterations;
  j["max_mismatch_pu"] = r.max_mismatch;
  j["losses_mw"] = r.losses_p * base;
  j["losses_mvar"] = r.losses_q * base;
  j["slack_p_mw"] = slackPowerMw(net, r);
  j["isolated_buses"] = c.isolated_buses;  // BUS_TYPE 4, dropped
  nlohmann::ordered_json buses = nlohmann::ordered_json::array();
  for (size_t b = 0; b < net.buses.size(); ++b) {
    buses.push_back(
        {{"bus_i", c.bus_i[b]}, {"vm_pu", r.vm.at(b)}, {"va_deg", r.va.at(b) * kRadToDeg}});
  }
  j["buses"] = buses;
  nlohmann::ordered_json branches = nlohmann::ordered_json::array();
  for (size_t k = 0; k < net.branches.size(); ++k) {
    const physics::PfBranch& br = net.branches[k];
    const physics::BranchFlow f = k < r.flows.size() ? r.flows[k] : physics::BranchFlow{};
    branches.push_back({{"row", c.branch_row[k]},
                        {"from_bus", c.bus_i[br.from]},
                        {"to_bus", c.bus_i[br.to]},
                        {"in_service", br.in_service},
                        {"pf_mw", f.pf * base},
                        {"qf_mvar", f.qf * base},
                        {"pt_mw", f.pt * base},
                        {"qt_mvar", f.qt * base},
                        {"loss_mw", (f.pf + f.pt) * base},
                        {"loss_mvar", (f.qf + f.qt) * base}});
  }
  j["branches"] = branches;
  nlohmann::ordered_json gens = nlohmann::ordered_json::array();
  for (size_t g = 0; g < net.gens.size(); ++g) {
    const physics::PfGen& gen = net.gens[g];
    gens.push_back({{"row", c.gen_row[g]},
                    {"bus_i", c.bus_i[gen.bus]},
                    {"in_service", gen.in_service},
                    {"pg_mw", (g < r.gen_p.size() ? r.gen_p[g] : 0.0) * base},
                    {"qg_mvar", (g < r.gen_q.size() ? r.gen_q[g] : 0.0) * base}});
  }
  j["gens"] = gens;
  return j;
}

void printReport(const std::string& path, const MatpowerCase& c, const physics::PfResult& r,
                 const nlohmann::ordered_json& j) {
  const physics::PfNetwork& net = c.network;
  std::printf("%s: %zu buses, %zu generators, %zu branches, base %g MVA\n", path.c_str(),
              net.buses.size(), net.gens.size(), net.branches.size(), net.base_mva);
  if (!c.isolated_buses.empty()) {
    std::printf("isolated buses dropped (BUS_TYPE 4):");
    for (int b : c.isolated_buses) std::printf(" %d", b);
    std::printf("\n");
  }
  if (r.converged) {
    std::printf("converged in %d iterations (max mismatch %.3g pu)\n", r.iterations,
                r.max_mismatch);
  } else {
    std::printf("DID NOT CONVERGE after %d iterations (max mismatch %.3g pu); last iterate shown\n",
                r.iterations, r.max_mismatch);
  }
  std::printf("\n%8s %10s %10s\n", "bus", "Vm pu", "Va deg");
  for (const auto& b : j["buses"]) {
    std::printf("%8d %10.6f %10.4f\n", b["bus_i"].get<int>(), b["vm_pu"].get<double>(),
                b["va_deg"].get<double>());
  }
  std::printf("\n%6s %8s %8s %11s %11s %11s %11s %9s\n", "branch", "from", "to", "P from MW",
              "Q from MVAr", "P to MW", "Q to MVAr", "loss MW");
  for (const auto& b : j["branches"]) {
    if (!b["in_service"].get<bool>()) {
      std::printf("%6d %8d %8d %11s\n", b["row"].get<int>(), b["from_bus"].get<int>(),
                  b["to_bus"].get<int>(), "out");
      continue;
    }
    std::printf("%6d %8d %8d %11.3f %11.3f %11.3f %11.3f %9.4f\n", b["row"].get<int>(),
                b["from_bus"].get<int>(), b["to_bus"].get<int>(), b["pf_mw"].get<double>(),
                b["qf_mvar"].get<double>(), b["pt_mw"].get<double>(), b["qt_mvar"].get<double>(),
                b["loss_mw"].get<double>());
  }
  std::printf("\ntotal losses %.4f MW, %.4f MVAr; slack generation %.4f MW; %d iterations\n",
              j["losses_mw"].get<double>(), j["losses_mvar"].get<double>(),
              j["slack_p_mw"].get<double>(), r.iterations);
}

}  // namespace

int powerflowCommand(const PowerflowRequest& r) {
  const MatpowerCase c = readMatpowerCase(r.case_path);
  physics::PfOptions options;
  options.enforce_q_limits = r.enforce_q_limits;
  if (!r.series.empty()) return powerflowSeriesCommand(r, c, options);

  physics::PowerFlowSolver solver(c.network, options);
  const physics::PfResult res = solver.solve();
  const nlohmann::ordered_json j = resultJson(r.case_path, c, res);
  if (!r.output.empty()) {
    OutputFile out(r.output);
    out.stream() << "bus_i,vm_pu,va_deg\n";
    for (const auto& b : j["buses"]) {
      out.stream() << fmt::format("{},{:.12g},{:.12g}\n", b["bus_i"].get<int>(),
                                  b["vm_pu"].get<double>(), b["va_deg"].get<double>());
    }
    out.commit();
  }
  if (r.json) {
    std::cout << j.dump(2) << '\n';
  } else {
    printReport(r.case_path, c, res, j);
  }
  return 0;
}

}  // namespace twin::cli
