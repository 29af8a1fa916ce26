// `parktwin info FILE [--json]`: what a park file holds, or what a results file holds.
#include <iomanip>
#include <iostream>

#include "app/commands.h"
#include "app/json_output.h"
#include "twin/sweep/sweep_table.h"

namespace twin::cli {
namespace {

void printPv(const nlohmann::ordered_json& arrays, const std::string& indent) {
  for (const auto& a : arrays) {
    std::cout << indent << std::left << std::setw(12) << a["id"].get<std::string>() << ' '
              << a["surface"].get<std::string>() << ' ' << a["building"].get<std::string>()
              << std::fixed << std::setprecision(1) << "  " << a["dc_kwp"].get<double>()
              << " kWp, tilt " << a["tilt_deg"].get<double>() << " deg, azimuth "
              << a["azimuth_deg"].get<double>() << " deg";
    if (a["filled"].get<bool>()) {
      std::cout << ", filled: " << a["modules"] << " modules";
      if (a["spots_left_for_shade"].get<long>() > 0) {
        std::cout << " (" << a["spots_left_for_shade"] << " spots left out for shade)";
      }
    }
    std::cout << '\n';
  }
}

// Per scenario, each measure with the ids it touched (or that it touched nothing).
void printMeasures(const nlohmann::ordered_json& scenarios) {
  for (const auto& s : scenarios) {
    for (const auto& m : s["measures"]) {
      std::cout << "  measure " << s["name"].get<std::string>() << ": "
                << m["name"].get<std::string>() << " (" << m["kind"].get<std::string>() << ", line "
                << m["line"] << "): ";
      if (m["ids"].empty()) std::cout << "selects nothing";
      for (const auto& id : m["ids"]) std::cout << id.get<std::string>() << ' ';
      std::cout << '\n';
    }
  }
}

void printPark(const nlohmann::ordered_json& j) {
  std::cout << j["file"].get<std::string>() << ": park \"" << j["site"]["name"].get<std::string>()
            << "\"\n";
  for (const char* key : {"buildings", "buses", "cables", "transformers", "motors", "compressors",
                          "loads", "schedules", "batteries", "ev_chargers", "dr_events"}) {
    std::cout << "  " << std::left << std::setw(14) << key << j[key] << '\n';
  }
  std::cout << "  equipment by kind:";
  for (const auto& [kind, n] : j["equipment_by_kind"].items()) std::cout << ' ' << kind << '=' << n;
  std::cout << "\n  loads by kind:";
  for (const auto& [kind, n] : j["loads_by_kind"].items()) std::cout << ' ' << kind << '=' << n;
  std::cout << "\n  weather       " << j["weather"].get<std::string>() << '\n';
  std::cout << "  pv arrays     " << j["pv"].size() << '\n';
  printPv(j["pv"], "    ");
  std::cout << "  scenarios:";
  for (const auto& s : j["scenarios"]) std::cout << ' ' << s["name"].get<std::string>();
  std::cout << '\n';
  printMeasures(j["scenarios"]);
  for (const auto& s : j["scenarios"]) {
    if (s["pv"] == j["pv"]) continue;
    std::cout << "  pv arrays in scenario " << s["name"].get<std::string>() << ": "
              << s["pv"].size() << '\n';
    printPv(s["pv"], "    ");
  }
}

void printResults(const std::string& path, const nlohmann::ordered_json& j) {
  std::cout << path << ": results of " << j["tool_version"].get<std::string>() << ", "
            << j["period"]["start"].get<std::string>() << " to "
            << j["period"]["end"].get<std::string>() << ", " << j["period"]["steps"] << " steps of "
            << j["period"]["step_s"] << " s\n";
  for (const auto& sc : j["scenarios"]) {
    const auto& m = sc["model"];
    std::cout << "  scenario " << sc["name"].get<std::string>() << ": " << sc["series"].size()
              << " series; model: " << m["buildings"] << " buildings, " << m["buses"] << " buses, "
              << m["transformers"] << " transformers, " << m["motors"] << " motors, " << m["loads"]
              << " loads, " << m["pv"].size() << " PV arrays, " << m["batteries"] << " batteries, "
              << m["ev_chargers"] << " EV chargers\n";
    printMeasures(nlohmann::ordered_json::array({sc}));
    for (const auto& [name, value] : sc["kpi"].items()) {
      std::cout << "    " << std::left << std::setw(22) << name << std::fixed
                << std::setprecision(1) << value.get<double>() << '\n';
    }
  }
  std::cout << "  series (baseline):\n";
  for (const auto& l : j["scenarios"][0]["series"]) {
    std::cout << "    " << l["path"].get<std::string>() << " [" << l["units"].get<std::string>()
              << "] x" << l["columns"] << '\n';
  }
}

// A sweep's summary table in brief: its rows by status, parks and variations.
nlohmann::ordered_json sweepInfo(const sweep::SweepTable& t) {
  const int status = sweep::columnOf(t.text_columns, "status");
  nlohmann::ordered_json by_status = nlohmann::ordered_json::object();
  for (const std::vector<std::string>& row : t.text) {
    const std::string s = status < 0 ? "" : row[static_cast<size_t>(status)];
    by_status[s] = by_status.value(s, 0) + 1;
  }
  return {{"variants", t.text.size()},
          {"status", by_status},
          {"parks", t.parks},
          {"variations", t.variations}};
}

void printSweepInfo(const nlohmann::ordered_json& sweep) {
  std::cout << "  sweep: " << sweep["variants"] << " variants of " << sweep["parks"].size()
            << " park(s) in /sweep/variants (";
  bool first = true;
  for (const auto& [status, n] : sweep["status"].items()) {
    std::cout << (first ? "" : ", ") << n << ' ' << status;
    first = false;
  }
  std::cout << "); parktwin compare ranks them\n";
}

}  // namespace

int infoCommand(const std::string& path, bool json) {
  if (isHdf5File(path)) {
    nlohmann::ordered_json j = resultsInfoJson(path, readResultsSummary(path));
    if (const std::optional<sweep::SweepTable> t = sweep::findSweepTable(path)) {
      j["sweep"] = sweepInfo(*t);
    }
    if (json) {
      std::cout << j.dump(2) << '\n';
    } else {
      printResults(path, j);
      if (j.contains("sweep")) printSweepInfo(j["sweep"]);
    }
    return 0;
  }
  const ParkSource source = loadParkSource(path);
  const nlohmann::ordered_json j = parkInfoJson(source, compilePark(source));
  if (json) {
    std::cout << j.dump(2) << '\n';
  } else {
    printPark(j);
  }
  return 0;
}

}  // namespace twin::cli
