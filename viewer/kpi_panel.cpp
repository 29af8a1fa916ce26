#include "viewer/kpi_panel.h"

#include <imgui.h>

#include <cmath>
#include <string>
#include <vector>

#include "twin/base/text.h"
#include "twin/engine/kpi.h"

namespace viewer {
namespace {

void kpiRow(const twin::KpiValue& k, const std::string& label, const ResultsData* compare) {
  ImGui::PushID(k.name.c_str());
  ImGui::TableNextRow();
  ImGui::TableNextColumn();
  ImGui::TextUnformatted(label.c_str());
  ImGui::TableNextColumn();
  const ShownKpi a = shownKpi(k);
  ImGui::TextUnformatted(formatShown(a.value).c_str());
  if (compare) {
    const twin::KpiValue* other = findKpi(compare->kpis, k.name);
    const ShownKpi b = other ? shownKpi(*other) : ShownKpi{};
    ImGui::TableNextColumn();
    if (other) ImGui::TextUnformatted(formatShown(b.value).c_str());
    ImGui::TableNextColumn();
    if (other)
      ImGui::TextUnformatted(
          ((b.value >= a.value ? "+" : "") + formatShown(b.value - a.value)).c_str());
    ImGui::TableNextColumn();
    if (other && a.value != 0)
      ImGui::Text("%+.1f", 100.0 * (b.value - a.value) / std::abs(a.value));
  }
  ImGui::TableNextColumn();
  ImGui::TextUnformatted(a.units.c_str());
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

ShownKpi shownKpi(const twin::KpiValue& k) {
  for (const twin::KpiDecl& d : twin::kKpis) {
    if (d.name == k.name) return {k.value * d.unit_si / d.display_si, std::string(d.display_unit)};
  }
  return {k.value, k.units};
}

std::string formatShown(double v) {
  const double a = std::abs(v);
  return twin::formatGrouped(v, a >= 100 ? 0 : a >= 10 ? 1 : 2);
}

const twin::KpiValue* findKpi(const std::vector<twin::KpiValue>& kpis, const std::string& name) {
  for (const twin::KpiValue& k : kpis) {
    if (k.name == name) return &k;
  }
  return nullptr;
}

void KpiPanel::draw(const ResultsData& results, const ResultsData* compare, Language language) {
  const ImGuiIO& io = ImGui::GetIO();
  ImGui::SetNextWindowPos({io.DisplaySize.x - 530, 10}, ImGuiCond_FirstUseEver);
  ImGui::SetNextWindowSize({520, 300}, ImGuiCond_FirstUseEver);
  ImGui::Begin(tr(language, Text::kKpis));
  std::vector<const twin::KpiValue*> headline, others;
  for (const std::string& name : headlineKpis()) {
    if (const twin::KpiValue* k = findKpi(results.kpis, name)) headline.push_back(k);
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
