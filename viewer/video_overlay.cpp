#include "viewer/video_overlay.h"

#include <imgui.h>

#include <cmath>

#include "twin/base/text.h"
#include "viewer/kpi_panel.h"

namespace viewer {
namespace {

constexpr ImGuiWindowFlags kFixed = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoInputs |
                                    ImGuiWindowFlags_NoSavedSettings |
                                    ImGuiWindowFlags_NoFocusOnAppearing;

// Sum over a row of a series, NaN when the series is absent; NaN columns count as 0.
double rowSum(const Series& s, size_t row) {
  if (!s.present()) return std::nan("");
  double sum = 0.0;
  for (size_t c = 0; c < s.columns; ++c) {
    const double v = s.at(row, c);
    if (!std::isnan(v)) sum += v;
  }
  return sum;
}

// Power in kW below 10 MW, in MW above: 1234567 W -> "1,235 kW".
std::string powerText(double w) {
  if (std::isnan(w)) return "-";
  if (std::abs(w) >= 1e7) return formatShown(w / 1e6) + " MW";
  return twin::formatGrouped(w / 1e3, 0) + " kW";
}

// Energy in kWh below 10 MWh, in MWh above.
std::string energyText(double wh) {
  if (std::isnan(wh)) return "-";
  if (std::abs(wh) >= 1e7) return formatShown(wh / 1e6) + " MWh";
  return twin::formatGrouped(wh / 1e3, 0) + " kWh";
}

void cell(const char* label, const std::string& value) {
  ImGui::TableNextColumn();
  ImGui::TextDisabled("%s", label);
  ImGui::TextUnformatted(value.c_str());
}

}  // namespace

VideoStrip::VideoStrip(const ResultsData& results) : results_(results) {
  const size_t n = results.times.size();
  const double hours = results.step_s / 3600.0;
  pv_sum_wh_.assign(n + 1, 0.0);
  grid_sum_wh_.assign(n + 1, 0.0);
  for (size_t t = 0; t < n; ++t) {
    pv_w_.push_back(rowSum(results.pv_ac_power, t));
    grid_w_.push_back(rowSum(results.grid_import, t));
    pv_sum_wh_[t + 1] = pv_sum_wh_[t] + pv_w_[t] * hours;
    grid_sum_wh_[t + 1] = grid_sum_wh_[t] + grid_w_[t] * hours;
  }
}

double VideoStrip::pvEnergy(size_t from, size_t to) const {
  return pv_sum_wh_[to] - pv_sum_wh_[from];
}

double VideoStrip::gridEnergy(size_t from, size_t to) const {
  return grid_sum_wh_[to] - grid_sum_wh_[from];
}

float VideoStrip::height() {
  const ImGuiStyle& style = ImGui::GetStyle();
  return 2 * ImGui::GetTextLineHeightWithSpacing() + 2 * style.WindowPadding.y +
         2 * style.CellPadding.y;
}

void VideoStrip::draw(size_t first_step, size_t step, Language language, float x0, float width,
                      float height) const {
  const float h = VideoStrip::height();
  ImGui::SetNextWindowPos({x0, height - h});
  ImGui::SetNextWindowSize({width, h});
  ImGui::SetNextWindowBgAlpha(0.78f);
  ImGui::Begin("##strip", nullptr, kFixed);
  if (ImGui::BeginTable("strip", 6, ImGuiTableFlags_SizingStretchSame)) {
    cell(tr(language, Text::kPvNow), powerText(pv_w_[step]));
    cell(tr(language, Text::kGridNow), powerText(grid_w_[step]));
    cell(tr(language, Text::kPvSinceStart), energyText(pvEnergy(first_step, step + 1)));
    cell(tr(language, Text::kGridSinceStart), energyText(gridEnergy(first_step, step + 1)));
    for (const char* name : {"cost_CNY", "co2_t"}) {
      const twin::KpiValue* k = findKpi(results_.kpis, name);
      const ShownKpi shown = k ? shownKpi(*k) : ShownKpi{std::nan(""), ""};
      const std::string label =
          kpiLabel(language, name) + " (" + tr(language, Text::kPeriodTotals) + ")";
      cell(label.c_str(), k ? formatShown(shown.value) + " " + shown.units : "-");
    }
    ImGui::EndTable();
  }
  ImGui::End();
}

void drawVideoTitle(const ResultsData& results, size_t step, Language language, float x0) {
  ImGui::SetNextWindowPos({x0 + 12, 12});
  ImGui::SetNextWindowBgAlpha(0.72f);
  ImGui::Begin("##title", nullptr, kFixed | ImGuiWindowFlags_AlwaysAutoResize);
  const bool zh = language == Language::kChinese;
  ImGui::TextUnformatted(
      twin::shownName(results.model.site.name, results.model.site.name_zh, zh).c_str());
  ImGui::Text("%s  %s", results.scenario.c_str(), localTimeText(results, step).c_str());
  ImGui::End();
}

void drawCaption(const std::string& caption, float x0, float width, float bottom) {
  if (caption.empty()) return;
  const ImVec2 size = ImGui::CalcTextSize(caption.c_str());
  const ImGuiStyle& style = ImGui::GetStyle();
  const float y = bottom - size.y - 2 * style.WindowPadding.y - 16;
  ImGui::SetNextWindowPos({x0 + 0.5f * (width - size.x) - style.WindowPadding.x, y});
  ImGui::SetNextWindowBgAlpha(0.65f);
  ImGui::Begin("##caption", nullptr, kFixed | ImGuiWindowFlags_AlwaysAutoResize);
  ImGui::TextUnformatted(caption.c_str());
  ImGui::End();
}

}  // namespace viewer
