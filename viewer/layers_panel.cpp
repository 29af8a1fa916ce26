#include "viewer/layers_panel.h"

#include <imgui.h>

namespace viewer {
namespace {

constexpr std::array<Text, kQuantityCount> kQuantityTitles = {
    Text::kPvOutput,   Text::kMotorEfficiency, Text::kLoadPower,    Text::kTransformerLoading,
    Text::kBusVoltage, Text::kCableLoading,    Text::kPvShadingLoss};

ImU32 toImColor(Rgb c) { return ImGui::ColorConvertFloat4ToU32({c.r, c.g, c.b, 1.0f}); }

// Legend units in the language: only "% of kWp" has words in it.
const char* unitsText(const std::string& units, Language lang) {
  return units == "% of kWp" ? tr(lang, Text::kPercentOfKwp) : units.c_str();
}

void colorBar(const Legend& legend, ColorMap map, const char* title, const char* units) {
  ImGui::TextUnformatted(title);
  const ImVec2 p = ImGui::GetCursorScreenPos();
  const float w = 200.0f, h = 12.0f;
  ImDrawList* draw = ImGui::GetWindowDrawList();
  constexpr int kSlices = 32;
  for (int i = 0; i < kSlices; ++i) {
    const double v = legend.lo + (legend.hi - legend.lo) * (i + 0.5) / kSlices;
    draw->AddRectFilled({p.x + w * i / kSlices, p.y}, {p.x + w * (i + 1) / kSlices, p.y + h},
                        toImColor(legend.color(v, map)));
  }
  ImGui::Dummy({w, h});
  ImGui::Text("%.0f", legend.lo);
  ImGui::SameLine(w - 60.0f);
  ImGui::Text("%.0f %s", legend.hi, units);
}

}  // namespace

void LayersPanel::draw(ViewerState& state) {
  const Language lang = state.language;
  ImGui::SetNextWindowPos({10, 180}, ImGuiCond_FirstUseEver);
  ImGui::SetNextWindowSize({260, 240}, ImGuiCond_FirstUseEver);
  ImGui::Begin(tr(lang, Text::kLayers));
  constexpr std::array<Text, kLayerCount> kNames = {
      Text::kBuildings, Text::kPv, Text::kEquipment, Text::kNetwork, Text::kLabels, Text::kShadows};
  for (int i = 0; i < kLayerCount; ++i) {
    ImGui::PushID(i);
    ImGui::Checkbox(tr(lang, kNames[size_t(i)]), &state.layers[size_t(i)]);
    ImGui::PopID();
  }
  ImGui::Checkbox(tr(lang, Text::kXray), &state.xray);
  bool by_shading = state.pv_quantity == Quantity::kPvShading;
  if (ImGui::Checkbox(tr(lang, Text::kPvByShading), &by_shading)) {
    state.pv_quantity = by_shading ? Quantity::kPvShading : Quantity::kPv;
  }
  int map = int(state.map);
  if (ImGui::Combo(tr(lang, Text::kColorMap), &map, kColorMapNames.data(),
                   int(kColorMapNames.size()))) {
    state.map = ColorMap(map);
  }
  int language = int(state.language);
  ImGui::TextUnformatted(tr(lang, Text::kLanguage));
  ImGui::SameLine();
  ImGui::RadioButton("English", &language, 0);
  ImGui::SameLine();
  ImGui::RadioButton("中文", &language, 1);
  state.language = Language(language);
  ImGui::End();
}

void drawLegendWindow(const ResultsData& results, ColorMap map, Language language) {
  const ImGuiIO& io = ImGui::GetIO();
  ImGui::SetNextWindowPos({10, io.DisplaySize.y - 10}, ImGuiCond_FirstUseEver, {0.0f, 1.0f});
  ImGui::Begin(tr(language, Text::kLegend), nullptr, ImGuiWindowFlags_AlwaysAutoResize);
  const std::array<Legend, kQuantityCount> legends = makeLegends(results);
  for (size_t i = 0; i < legends.size(); ++i) {
    if (Quantity(i) == Quantity::kPvShading && results.pv_shading_loss.empty()) continue;
    ImGui::PushID(int(i));
    colorBar(legends[i], map, tr(language, kQuantityTitles[i]),
             unitsText(legends[i].units, language));
    ImGui::PopID();
  }
  ImGui::End();
}

}  // namespace viewer
