#include "viewer/time_panel.h"

#include <imgui.h>

namespace viewer {

void TimePanel::draw(const ResultsData& results, ViewerState& state) {
  const Language lang = state.language;
  ImGui::SetNextWindowPos({10, 10}, ImGuiCond_FirstUseEver);
  ImGui::SetNextWindowSize({520, 160}, ImGuiCond_FirstUseEver);
  ImGui::Begin(tr(lang, Text::kTime));
  ImGui::Text("%s  (%s %s)", localTimeText(results, state.step).c_str(), results.scenario.c_str(),
              twin::shownName(results.model.site.name, results.model.site.name_zh,
                              lang == Language::kChinese)
                  .c_str());
  const int last = results.times.empty() ? 0 : int(results.times.size()) - 1;
  int step = int(state.step);
  ImGui::SetNextItemWidth(-80);
  if (ImGui::SliderInt(tr(lang, Text::kStep), &step, 0, last)) state.step = size_t(step);
  if (ImGui::Button(state.playing ? tr(lang, Text::kPause) : tr(lang, Text::kPlay))) {
    state.playing = !state.playing;
  }
  ImGui::SameLine();
  float speed = float(state.speed);
  ImGui::SetNextItemWidth(140);
  if (ImGui::SliderFloat(tr(lang, Text::kSpeed), &speed, 1.0f, 96.0f, "%.0f")) {
    state.speed = speed;
  }
  ImGui::SetNextItemWidth(160);
  if (ImGui::InputText(tr(lang, Text::kJumpTo), jump_text.data(), jump_text.size(),
                       ImGuiInputTextFlags_EnterReturnsTrue)) {
    const std::optional<size_t> s = stepOfText(results, jump_text.data());
    jump_failed = !s;
    if (s) state.step = *s;
  }
  if (jump_failed) ImGui::TextColored({1, 0.4f, 0.4f, 1}, "?");
  if (results.scenario_names.size() > 1) {
    ImGui::SetNextItemWidth(200);
    if (ImGui::BeginCombo(tr(lang, Text::kScenario), results.scenario.c_str())) {
      for (const std::string& name : results.scenario_names) {
        if (ImGui::Selectable(name.c_str(), name == results.scenario)) state.scenario = name;
      }
      ImGui::EndCombo();
    }
  }
  ImGui::End();
}

}  // namespace viewer
