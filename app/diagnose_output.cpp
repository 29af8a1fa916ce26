#include "app/diagnose_output.h"

#include <fmt/format.h>

#include <cmath>

#include "app/text_table.h"
#include "physics/units.h"
#include "twin/base/csv.h"
#include "twin/base/iso_time.h"
#include "twin/base/text.h"
#include "twin/diagnosis/finding_fields.h"
#include "twin/results/output_file.h"

namespace twin::cli {
namespace {

using diagnosis::Diagnosis;
using diagnosis::MotorFinding;
using diagnosis::Replacement;
using Json = nlohmann::ordered_json;
namespace u = physics::units;

Json number(std::optional<double> v) { return v ? Json(*v) : Json(nullptr); }

// A fraction in %, none staying none.
std::optional<double> percent(std::optional<double> fraction) {
  return fraction ? std::optional(*fraction / u::pct) : std::nullopt;
}

Json flagsJson(const MotorFinding& f) {
  Json flags = Json::array();
  for (diagnosis::Flag flag : f.flags) flags.push_back(diagnosis::kFlagNames[size_t(flag)]);
  return flags;
}

Json replacementJson(const std::optional<Replacement>& r, std::string_view to_key) {
  if (!r) return nullptr;
  Json j;
  j[std::string(to_key)] = r->to;
  for (const diagnosis::ReplacementField& f : diagnosis::kReplacementFields) {
    j[std::string(f.json)] = number(f.get(*r));
  }
  return j;
}

Json motorJson(const MotorFinding& f) {
  Json j;
  j["id"] = f.id;
  j["name"] = f.name;
  j["kind"] = f.kind;
  j["rated_power_kw"] = f.rated_power / 1e3;
  j["efficiency_class"] = f.efficiency_class;
  for (const diagnosis::FindingField& field : diagnosis::kFindingFields) {
    const std::optional<double> v = field.get(f);
    j[std::string(field.json)] = field.unit.empty() && v ? Json(std::llround(*v)) : number(v);
    if (field.json == "hours") j["methods"] = f.methods;
  }
  Json skipped = Json::array();
  for (const auto& s : f.skipped_methods)
    skipped.push_back({{"method", s.method}, {"reason", s.reason}});
  j["methods_skipped"] = skipped;
  j["load_p95_pct"] = number(percent(f.load_p95));
  j["unbalance_derating"] = number(f.unbalance_derating);
  j["flags"] = flagsJson(f);
  j["replacement"] = replacementJson(f.replacement, "to_class");
  j["drive"] = replacementJson(f.drive, "to");
  j["rank"] = f.rank;
  return j;
}

Json inputJson(const MeterData& m) {
  Json skipped = Json::array();
  for (const SkippedRow& s : m.skipped) skipped.push_back({{"line", s.line}, {"reason", s.reason}});
  Json gaps = Json::array();
  for (const MeterGap& g : m.gaps) {
    gaps.push_back({{"id", g.id},
                    {"from", formatIsoTime(g.from, m.utc_offset)},
                    {"to", formatIsoTime(g.to, m.utc_offset)}});
  }
  Json unknown = Json::array();
  for (size_t i = 0; i < m.unknown_ids.size(); ++i) {
    unknown.push_back({{"id", m.unknown_ids[i]}, {"line", m.unknown_id_lines[i]}});
  }
  return {{"file", m.file},      {"rows", m.rows},
          {"skipped", skipped},  {"duplicates", m.duplicates},
          {"gaps", gaps},        {"unknown_ids", unknown},
          {"columns", m.columns}};
}

std::string cell(std::optional<double> v, int decimals) {
  return v ? formatGrouped(*v, decimals) : "-";
}

std::string plusMinus(std::optional<double> v, std::optional<double> uncertainty) {
  if (!v) return "-";
  return fmt::format("{:.1f} ± {:.1f}", *v / u::pct, uncertainty.value_or(0) / u::pct);
}

std::string flagList(const MotorFinding& f) {
  std::vector<std::string> names;
  for (diagnosis::Flag flag : f.flags) names.emplace_back(diagnosis::kFlagNames[size_t(flag)]);
  return names.empty() ? "-" : join(names, ", ");
}

}  // namespace

Json diagnosisJson(const Diagnosis& d, const MeterData& meters) {
  Json motors = Json::array();
  for (const MotorFinding& f : d.motors) motors.push_back(motorJson(f));
  return {{"to_class", d.to_class},
          {"motors", motors},
          {"input", inputJson(meters)},
          {"notes", d.notes}};
}

void printDiagnosis(std::ostream& out, const Diagnosis& d, const MeterData& meters, bool chinese,
                    size_t width) {
  TextTable t;
  t.corner = chinese ? "排名 设备" : "rank id";
  t.columns = {{chinese ? "额定" : "rated", "kW"},
               {chinese ? "等级" : "class", ""},
               {chinese ? "负载率" : "load", "%"},
               {chinese ? "效率" : "efficiency", "%"},
               {chinese ? "等级效率" : "class eff.", "%"},
               {chinese ? "年耗电" : "energy", "MWh/a"},
               {chinese ? "不平衡" : "unbalance", "%"},
               {chinese ? "节电" : "saving", "MWh/a"},
               {chinese ? "节费" : "saving", "kCNY/a"},
               {chinese ? "回收期" : "payback", "a"},
               {chinese ? "标记" : "flags", ""}};
  for (const MotorFinding& f : d.motors) {
    const auto& r = f.replacement;
    t.rows.push_back(
        {fmt::format("{:>2} {}", f.rank, f.id), formatGrouped(f.rated_power / 1e3, 1),
         f.efficiency_class, plusMinus(f.mean_load, f.load_uncertainty),
         plusMinus(f.efficiency, f.efficiency_uncertainty), cell(percent(f.class_efficiency), 1),
         formatGrouped(f.energy_per_year / u::MWh, 1), cell(percent(f.unbalance_mean), 2),
         cell(r ? std::optional(r->energy / u::MWh) : std::nullopt, 2),
         cell(r ? std::optional(r->money / 1e3) : std::nullopt, 1),
         cell(r ? r->payback : std::nullopt, 1), flagList(f)});
  }
  out << (chinese ? "电机诊断（按更换为 " : "Motor diagnosis (ranked by CNY saved replacing with ")
      << d.to_class << (chinese ? " 的年节约电费排序）\n" : ")\n");
  printTable(out, t, width);
  std::vector<bool> shown(diagnosis::kFlagNames.size(), false);
  for (const MotorFinding& f : d.motors)
    for (diagnosis::Flag flag : f.flags) shown[size_t(flag)] = true;
  for (size_t i = 0; i < shown.size(); ++i) {
    if (shown[i]) {
      out << "  " << diagnosis::kFlagNames[i] << ": "
          << diagnosis::flagMeaning(diagnosis::Flag(i), chinese) << '\n';
    }
  }
  for (const MotorFinding& f : d.motors) {
    if (!f.drive) continue;
    out << fmt::format(
        "  {}: a drive instead of throttling saves {} MWh/a, {} kCNY/a for {} kCNY "
        "(payback {} a)\n",
        f.id, formatGrouped(f.drive->energy / u::MWh, 2), formatGrouped(f.drive->money / 1e3, 1),
        formatGrouped(f.drive->investment / 1e3, 1),
        f.drive->payback ? formatGrouped(*f.drive->payback, 1) : "-");
  }
  out << fmt::format("{}: {} rows, {} skipped, {} duplicates, {} gaps, {} unknown ids\n",
                     meters.file, meters.rows, meters.skipped.size(), meters.duplicates,
                     meters.gaps.size(), meters.unknown_ids.size());
  for (const std::string& note : d.notes) out << "  note: " << note << '\n';
}

void writeDiagnosisCsv(const Diagnosis& d, const std::string& path) {
  OutputFile file(path);
  std::ostream& out = file.stream();
  out << "rank,id,kind,rated_power_kw,efficiency_class";
  for (const auto& f : diagnosis::kFindingFields) out << ',' << f.json;
  out << ",flags,to_class";
  for (const auto& f : diagnosis::kReplacementFields) out << ',' << f.json;
  out << '\n';
  for (const MotorFinding& m : d.motors) {
    out << m.rank << ',' << csvField(m.id) << ',' << m.kind << ','
        << fmt::format("{}", m.rated_power / 1e3) << ',' << m.efficiency_class;
    for (const auto& f : diagnosis::kFindingFields) {
      const auto v = f.get(m);
      out << ',' << (v ? fmt::format("{}", *v) : "");
    }
    out << ',' << csvField(flagList(m) == "-" ? "" : flagList(m)) << ',' << d.to_class;
    for (const auto& f : diagnosis::kReplacementFields) {
      const auto v = m.replacement ? f.get(*m.replacement) : std::nullopt;
      out << ',' << (v ? fmt::format("{}", *v) : "");
    }
    out << '\n';
  }
  file.commit();
}

}  // namespace twin::cli
