#include "app/compare_sweep.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>

#include "app/json_output.h"
#include "app/text_table.h"
#include "app/xlsx_file.h"
#include "twin/base/error.h"
#include "twin/base/text.h"
#include "twin/sweep/sweep_table.h"

namespace twin::cli {
namespace {

using Json = nlohmann::ordered_json;
using sweep::SweepTable;

struct Columns {
  int name, park, scenario, reference, status, error, cost, peak, co2, npv, payback;
};

Columns columnsOf(const SweepTable& t, const std::string& path) {
  auto text = [&](const char* c) {
    const int i = sweep::columnOf(t.text_columns, c);
    if (i < 0) throw InputError(path + ": sweep/variants has no column " + c);
    return i;
  };
  auto number = [&](const char* c) {
    const int i = sweep::columnOf(t.number_columns, c);
    if (i < 0) throw InputError(path + ": sweep/variants has no column " + c);
    return i;
  };
  return {text("name"),
          text("park"),
          text("scenario"),
          text("reference"),
          text("status"),
          text("error"),
          number("cost_CNY"),
          number("peak_demand_kW"),
          number("co2_t"),
          number("npv_cny"),
          number("simple_payback_years")};
}

bool isAppraisal(const std::string& name) {
  for (const economics::AppraisalField& f : economics::kAppraisalFields) {
    if (f.json == name) return true;
  }
  return false;
}

// The row index of each row's reference (its park's baseline); -1 when absent.
std::vector<int> referencesOf(const SweepTable& t, const Columns& c) {
  std::vector<int> out;
  for (const auto& row : t.text) {
    int found = -1;
    for (size_t r = 0; r < t.text.size() && found < 0; ++r) {
      if (t.text[r][c.name] == row[c.reference]) found = static_cast<int>(r);
    }
    out.push_back(found);
  }
  return out;
}

Json sweepJson(const SweepTable& t, const Columns& c) {
  const std::vector<int> refs = referencesOf(t, c);
  Json j;
  j["parks"] = t.parks;
  j["variations"] = t.variations;
  j["baselines"] = Json::array();
  j["scenarios"] = Json::array();
  for (size_t r = 0; r < t.text.size(); ++r) {
    Json e;
    for (size_t k = 0; k < t.text_columns.size(); ++k) {
      if (t.text_columns[k].starts_with("vary:")) {
        e["vary"][t.text_columns[k].substr(5)] = t.text[r][k];
      } else {
        e[t.text_columns[k]] = t.text[r][k];
      }
    }
    Json kpi = Json::object(), delta = Json::object(), economics = Json::object();
    for (size_t k = 0; k < t.number_columns.size(); ++k) {
      const double v = t.numbers[r][k];
      const std::string& name = t.number_columns[k];
      if (findKpi(name)) {
        kpi[name] = numberOrNull(v);
        delta[name] =
            numberOrNull(refs[r] < 0 ? NAN : v - t.numbers[static_cast<size_t>(refs[r])][k]);
      } else if (isAppraisal(name)) {
        economics[name] = numberOrNull(v);
      } else {
        e[name] = numberOrNull(v);  // a sample's factors
      }
    }
    e["kpi"] = kpi;
    e["delta"] = delta;
    e["economics"] = economics;
    const bool reference = refs[r] == static_cast<int>(r);
    j[reference ? "baselines" : "scenarios"].push_back(std::move(e));
  }
  return j;
}

std::string cell(double v, double scale, int decimals) {
  return std::isnan(v) ? "-" : formatGrouped(v / scale, decimals);
}

void printSweepTable(const SweepTable& t, const Columns& c, const std::string& path) {
  const std::vector<size_t> order = sweep::byNpv(t);
  std::cout << path << ": " << t.text.size() << " variants of " << t.parks.size()
            << (t.parks.size() == 1 ? " park" : " parks") << ", from the highest NPV\n\n";
  TextTable table;
  table.corner = "variant";
  for (const std::string& v : t.variations) table.columns.push_back({v, ""});
  table.columns.insert(table.columns.end(), {{"status", ""},
                                             {"total cost", "kCNY"},
                                             {"peak demand", "kW"},
                                             {"CO2", "t"},
                                             {"NPV", "kCNY"},
                                             {"payback", "a"}});
  for (size_t r : order) {
    const std::vector<std::string>& text = t.text[r];
    const std::vector<double>& n = t.numbers[r];
    std::vector<std::string> row{text[c.name]};
    for (const std::string& v : t.variations)
      row.push_back(text[sweep::columnOf(t.text_columns, "vary:" + v)]);
    row.insert(row.end(), {text[c.status], cell(n[c.cost], 1e3, 1), cell(n[c.peak], 1, 1),
                           cell(n[c.co2], 1, 1), cell(n[c.npv], 1e3, 1), cell(n[c.payback], 1, 1)});
    table.rows.push_back(std::move(row));
  }
  printTable(std::cout, table, terminalWidth());
  for (size_t r = 0; r < t.text.size(); ++r) {
    if (!t.text[r][c.error].empty())
      std::cout << t.text[r][c.name] << ": " << t.text[r][c.error] << '\n';
  }
}

std::vector<std::string> headers(const SweepTable& t) {
  std::vector<std::string> out = t.text_columns;
  out.insert(out.end(), t.number_columns.begin(), t.number_columns.end());
  return out;
}

void writeSweepCsv(const SweepTable& t, const std::string& dir) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  const std::string path = (std::filesystem::path(dir) / "variants.csv").string();
  std::ofstream out(path);
  if (ec || !out) throw InputError("--csv: cannot write " + path);
  const auto quoted = [](const std::string& s) {
    std::string q = "\"";
    for (char ch : s) q += ch == '"' ? std::string("\"\"") : std::string(1, ch);
    return q + "\"";
  };
  std::vector<std::string> head = headers(t);
  for (size_t k = 0; k < head.size(); ++k) out << (k ? "," : "") << quoted(head[k]);
  out << '\n';
  for (size_t r = 0; r < t.text.size(); ++r) {
    for (size_t k = 0; k < t.text[r].size(); ++k) out << (k ? "," : "") << quoted(t.text[r][k]);
    for (double v : t.numbers[r]) out << ',' << (std::isnan(v) ? "" : fmt::format("{}", v));
    out << '\n';
  }
}

void writeSweepXlsx(const SweepTable& t, const std::string& path) {
  XlsxFile file = openXlsx(path, "--xlsx");
  lxw_worksheet* ws = workbook_add_worksheet(file.wb, "variants");
  lxw_format* bold = workbook_add_format(file.wb);
  format_set_bold(bold);
  int col = 0;
  for (const std::string& h : t.text_columns) writeText(ws, 0, col++, h, bold);
  for (size_t k = 0; k < t.number_columns.size(); ++k) {
    writeText(ws, 0, col++, withUnit(t.number_columns[k], t.number_units[k]), bold);
  }
  for (size_t r = 0; r < t.text.size(); ++r) {
    col = 0;
    const int row = static_cast<int>(r) + 1;
    for (const std::string& s : t.text[r]) writeText(ws, row, col++, s, nullptr);
    for (double v : t.numbers[r]) {
      if (!std::isnan(v)) writeNumber(ws, row, col, v, nullptr);
      ++col;
    }
  }
  closeXlsx(file);
}

}  // namespace

int compareSweep(const CompareRequest& request, const sweep::SweepTable& t) {
  if (!request.baseline.empty() && request.baseline != "baseline") {
    throw InputError("--baseline: " + request.path +
                     " is a sweep: each variant is valued against its park's baseline (column "
                     "reference of sweep/variants); compare it without --baseline");
  }
  const Columns c = columnsOf(t, request.path);
  if (!request.csv_dir.empty()) writeSweepCsv(t, request.csv_dir);
  if (!request.xlsx.empty()) writeSweepXlsx(t, request.xlsx);
  if (request.json) {
    std::cout << sweepJson(t, c).dump(2) << '\n';
  } else {
    printSweepTable(t, c, request.path);
  }
  return 0;
}

}  // namespace twin::cli
