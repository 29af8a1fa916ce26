#include "viewer/kpi_panel.h"

#include <fmt/format.h>
#include <imgui.h>

#include <cmath>
#include <string>
#include <vector>

namespace viewer {
namespace {

const twin::KpiValue* find(const std::vector<twin::KpiValue>& kpis, const std::string& name) {
  for (const twin::KpiValue& k : kpis) {
    if (k.name == name) return &k;
  }
  return nullptr;
}

// 1234567 -> "1234567", 12.345 -> "12.3", 0.01234 -> "0.0123".
std::string formatValue(double v) {
  return std::abs(v) >= 1000 ? fmt::format("{:.0f}", v) : fmt::format("{:.3g}", v);
}

void kpiRow(const twin::KpiValue& k, const std::string& label, const ResultsData* compare) {
  ImGui::PushID(k.name.c_str());
  ImGui::TableNextRow();
  ImGui::TableNextColumn();
  ImGui::TextUnformatted(label.c_str());
  ImGui::TableNextColumn();
  ImGui::TextUnformatted(formatValue(k.value).c_str());
  if (compare) {
    const twin::KpiValue* b = find(compare->kpis, k.name);
    ImGui::TableNextColumn();
    if (b) ImGui::TextUnformatted(formatValue(b->value).c_str());
    ImGui::TableNextColumn();
    if (b)
      ImGui::TextUnformatted(
          ((b->value >= k.value ? "+" : "") + formatValue(b->value - k.value)).c_str());
    ImGui::TableNextColumn();
    if (b && k.value != 0) ImGui::Text("%+.1f", 100.0 * (b->value - k.value) / std::abs(k.value));
  }
  ImGui::TableNextColumn();
  ImGui::TextUnformatted(k.units.c_str());
  ImGui::PopID();
}

void kpiTable(const char* id, const std::vector<const twin::KpiValue*>& rows, const ResultsData& a,
              const ResultsData* compare, Language language) {
  const int columns = compare ? 6 : 3;
  if (!ImGui::BeginTable(id, columns, ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingFixedFit)) {
    return;
  }
  ImGui::TableSetupColumn("");
  ImGui::TableSetupColumn(a.scenario.c_str());
  if (compare) {
    ImGui::TableSetupColumn(compare->scenario.c_str());
    ImGui::TableSetupColumn(tr(language, Text::kDelta));
    ImGui::TableSetupColumn("%");
  }
  ImGui::TableSetupColumn("");
  ImGui::TableHeadersRow();
  for (const twin::KpiValue* k : rows) {
    const std::string label = kpiLabel(language, k->name);
    kpiRow(*k, label.empty() ? k->name : label, compare);
  }
  ImGui::EndTable();
}

}  // namespace

void KpiPanel::draw(const ResultsData& results, const ResultsData* compare, Language language) {
  const ImGuiIO& io = ImGui::GetIO();
  ImGui::SetNextWindowPos({io.DisplaySize.x - 530, 10}, ImGuiCond_FirstUseEver);
  ImGui::SetNextWindowSize({520, 300}, ImGuiCond_FirstUseEver);
  ImGui::Begin(tr(language, Text::kKpis));
  std::vector<const twin::KpiValue*> headline, others;
  for (const std::string& name : headlineKpis()) {
    if (const twin::KpiValue* k = find(results.kpis, name)) headline.push_back(k);
  }
  for (const twin::KpiValue& k : results.kpis) {
    if (kpiLabel(language, k.name).empty()) others.push_back(&k);
  }
  kpiTable("headline", headline, results, compare, language);
  if (!others.empty() && ImGui::TreeNode(tr(language, Text::kMoreKpis))) {
    kpiTable("others", others, results, compare, language);
    ImGui::TreePop();
  }
  ImGui::End();
}

}  // namespace viewer
