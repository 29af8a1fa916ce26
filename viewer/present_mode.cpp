#include "viewer/present_mode.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <string>

#include "twin/base/text.h"
#include "viewer/camera_views.h"
#include "viewer/kpi_panel.h"
#include "viewer/video_overlay.h"

namespace viewer {
namespace {

constexpr double kCountSeconds = 1.5;   // the cards' count-up
constexpr double kWipePerSecond = 0.8;  // share of the width the divider crosses a second
constexpr std::array<const char*, 4> kCards = {"cost_CNY", "co2_t", "pv_kWh", "peak_demand_kW"};
constexpr float kMargin = 16.0f;

double smoothstep(double x) {
  x = std::clamp(x, 0.0, 1.0);
  return x * x * (3.0 - 2.0 * x);
}

// One card: the KPI's label, its figure counted up to `share` of its value, its unit, and its
// change against `before` (green for less of a cost or an emission, or more PV).
void card(const char* name, const ResultsData& after, const ResultsData* before, double share,
          Language language, ImFont* large) {
  const twin::KpiValue* k = findKpi(after.kpis, name);
  if (!k) return;
  const ShownKpi shown = shownKpi(*k);
  ImGui::TextDisabled("%s", kpiLabel(language, name).c_str());
  ImGui::PushFont(large);
  ImGui::TextUnformatted(formatShown(shown.value * share).c_str());
  ImGui::PopFont();
  ImGui::SameLine();
  ImGui::TextUnformatted(shown.units.c_str());
  const twin::KpiValue* b = before ? findKpi(before->kpis, name) : nullptr;
  if (!b || b->value == 0) return;
  const double change = 100.0 * (k->value - b->value) / std::abs(b->value);
  const bool better = std::string(name) == "pv_kWh" ? change > 0 : change < 0;
  const ImVec4 colour = better ? ImVec4(0.45f, 0.9f, 0.45f, 1.0f) : ImVec4(1.0f, 0.5f, 0.4f, 1.0f);
  ImGui::SameLine();
  // Ten times or more: as a factor ("x94"), a percentage would read as noise.
  if (std::abs(change) >= 900.0 && k->value / b->value > 0) {
    ImGui::TextColored(colour, "x%s", formatShown(k->value / b->value).c_str());
  } else {
    ImGui::TextColored(colour, "%+.1f %%", change);
  }
}

}  // namespace

class PresentMode::Keys : public osgGA::GUIEventHandler {
 public:
  bool handle(const osgGA::GUIEventAdapter& ea, osgGA::GUIActionAdapter&) override {
    using EA = osgGA::GUIEventAdapter;
    if (ea.getEventType() != EA::KEYDOWN) return false;
    switch (ea.getKey()) {
      case EA::KEY_Right:
      case EA::KEY_Page_Down:
        ++pending.stop;
        return true;
      case EA::KEY_Left:
      case EA::KEY_Page_Up:
        --pending.stop;
        return true;
      case EA::KEY_Space:
        pending.pause = !pending.pause;
        return true;
      case 'l':
      case 'L':
        pending.language = !pending.language;
        return true;
      case 's':
      case 'S':
        pending.scenario = !pending.scenario;
        return true;
      case 'b':
      case 'B':
        pending.wipe = !pending.wipe;
        return true;
      default:
        return false;
    }
  }
  PresentActions pending;
};

PresentMode::PresentMode() : keys_(new Keys) {}

PresentMode::~PresentMode() = default;

osgGA::GUIEventHandler* PresentMode::keys() const { return keys_.get(); }

PresentActions PresentMode::takeActions() {
  PresentActions out = keys_->pending;
  keys_->pending = {};
  return out;
}

void PresentMode::advance(double dt) {
  count_s_ += dt;
  const double step = kWipePerSecond * dt;
  wipe_ = wipe_ < wipe_target_ ? std::min(wipe_target_, wipe_ + step)
                               : std::max(wipe_target_, wipe_ - step);
}

void PresentMode::toggleWipe() {
  wipe_target_ = wipe_target_ > 0.25 ? 0.0 : 1.0;
  restartCount();
}

double PresentMode::countShare() const { return smoothstep(count_s_ / kCountSeconds); }

void PresentMode::draw(const ResultsData& after, const ResultsData* before, size_t step,
                       const std::string& caption, Language language, float width, float height,
                       ImFont* large) const {
  const ImGuiWindowFlags fixed =
      ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoInputs | ImGuiWindowFlags_NoSavedSettings;
  // The cards count up to the side the divider mostly shows.
  const bool show_before = before && wipe_ > 0.5;
  const ResultsData& shown = show_before ? *before : after;
  const float w = (width - kMargin * float(kCards.size() + 1)) / float(kCards.size());
  ImGui::PushFont(large);
  const float h = ImGui::GetTextLineHeightWithSpacing() + ImGui::GetFrameHeight() +
                  2.0f * ImGui::GetStyle().WindowPadding.y;
  ImGui::PopFont();
  for (size_t i = 0; i < kCards.size(); ++i) {
    ImGui::SetNextWindowPos({kMargin + float(i) * (w + kMargin), height - kMargin - h});
    ImGui::SetNextWindowSize({w, h});
    ImGui::SetNextWindowBgAlpha(0.8f);
    ImGui::Begin(kCards[i], nullptr, fixed);
    card(kCards[i], shown, show_before ? nullptr : before, countShare(), language, large);
    ImGui::End();
  }
  drawVideoTitle(shown, step, language, 0.0f);
  drawCaption(caption, 0.0f, width, height - kMargin - h);
  if (before) {
    const float x = float(wipe_) * width;
    ImDrawList* draw = ImGui::GetForegroundDrawList();
    if (wipe_ > 0.0 && wipe_ < 1.0) draw->AddLine({x, 0}, {x, height}, IM_COL32_WHITE, 3.0f);
    const std::string left = std::string(tr(language, Text::kBefore)) + ": " + before->scenario;
    const std::string right = std::string(tr(language, Text::kAfter)) + ": " + after.scenario;
    const float y = 0.12f * height;
    const ImVec2 lsize = ImGui::CalcTextSize(left.c_str()),
                 rsize = ImGui::CalcTextSize(right.c_str());
    const ImU32 box = IM_COL32(20, 20, 20, 200);
    if (wipe_ > 0.0) {
      draw->AddRectFilled({x - lsize.x - 20.0f, y - 6.0f}, {x - 4.0f, y + lsize.y + 6.0f}, box);
      draw->AddText({x - lsize.x - 12.0f, y}, IM_COL32_WHITE, left.c_str());
    }
    if (wipe_ < 1.0) {
      draw->AddRectFilled({x + 4.0f, y - 6.0f}, {x + rsize.x + 20.0f, y + rsize.y + 6.0f}, box);
      draw->AddText({x + 12.0f, y}, IM_COL32_WHITE, right.c_str());
    }
  }
  const char* help = tr(language, Text::kPresentKeys);
  ImGui::GetForegroundDrawList()->AddText({width - ImGui::CalcTextSize(help).x - kMargin, kMargin},
                                          IM_COL32(255, 255, 255, 150), help);
}

void wipeCameras(osg::Camera* before, osg::Camera* after, double wipe, int width, int height) {
  const int split = std::clamp(int(std::lround(wipe * width)), 1, width - 1);
  const double top = kNear * std::tan(0.5 * 35.0 * M_PI / 180.0);
  const double right = top * double(width) / double(height);
  const double x = -right + 2.0 * right * double(split) / double(width);
  before->setViewport(0, 0, split, height);
  before->setProjectionMatrixAsFrustum(-right, x, -top, top, kNear, kFar);
  after->setViewport(split, 0, width - split, height);
  after->setProjectionMatrixAsFrustum(x, right, -top, top, kNear, kFar);
}

}  // namespace viewer
