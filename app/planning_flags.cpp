#include "app/planning_flags.h"

namespace twin::cli {

void addPeriodFlags(CLI::App& cmd, PeriodFlags& period) {
  cmd.add_option("--start", period.start, "First local date simulated, YYYY-MM-DD");
  cmd.add_option("--end", period.end, "Local date the simulation stops before, YYYY-MM-DD");
  cmd.add_option("--step", period.step, "Time step, 1min to 1h dividing an hour (e.g. 15min)");
}

void addSizeFlags(CLI::App& cmd, SizeRequest& r, int& threads) {
  cmd.add_option("park", r.park_path, "Park file (YAML)")->required();
  cmd.add_option("--battery-energy", r.energy, "MIN..MAX, e.g. \"0 kWh..3000 kWh\"")->required();
  cmd.add_option("--battery-power", r.power, "MIN..MAX, e.g. \"0 kW..1500 kW\"")->required();
  cmd.add_option("--scenario", r.scenario, "Scenario whose battery measure to size");
  cmd.add_option("--battery", r.battery, "Battery id (default: the one it adds)");
  cmd.add_option("--pv", r.pv,
                 "PV arrays the scenario adds that the search may leave out: ID,ID,... or all");
  cmd.add_option("--objective", r.objective, "npv (default), payback or co2");
  cmd.add_flag("--json", r.json, "Print JSON");
  cmd.add_option("-o,--output", r.output,
                 "Results file (HDF5) of every size tried, for compare and report");
  addPeriodFlags(cmd, r.period);
  cmd.add_option("--threads", threads, "Worker threads")->check(CLI::Range(1, 1024));
}

void addDrCostFlags(CLI::App& cmd, DrCostRequest& r, int& threads) {
  cmd.add_option("park", r.park_path, "Park file (YAML)")->required();
  cmd.add_option("--at", r.at,
                 "Event start, YYYY-MM-DDTHH:MM in site time or with an offset (repeatable)")
      ->required();
  cmd.add_option("--request", r.request, "The reduction asked, e.g. \"400 kW\"")->required();
  cmd.add_option("--duration", r.duration, "How long the event lasts")->capture_default_str();
  cmd.add_option("--scenario", r.scenario, "Scenario of the park (default: the baseline)");
  cmd.add_option("--payment", r.payment,
                 "What the programme pays per kWh delivered, e.g. \"3 CNY/kWh\": the net cost");
  cmd.add_option("--step", r.step, "Time step, 1min to 1h dividing an hour (e.g. 15min)");
  cmd.add_flag("--json", r.json, "Print JSON");
  cmd.add_option("--threads", threads, "Worker threads")->check(CLI::Range(1, 1024));
}

}  // namespace twin::cli
