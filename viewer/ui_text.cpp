#include "viewer/ui_text.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <string_view>
#include <utility>
#include <vector>

#include "twin/engine/kpi.h"

namespace viewer {
namespace {

using Pair = std::pair<const char*, const char*>;

constexpr std::array<Pair, static_cast<size_t>(Text::kCount)> kTexts = {{
    {"Time", "时间"},
    {"Play", "播放"},
    {"Pause", "暂停"},
    {"Steps/s", "步/秒"},
    {"Jump to (YYYY-MM-DD HH:MM)", "跳转 (年-月-日 时:分)"},
    {"Step", "时步"},
    {"KPIs", "关键指标"},
    {"All other KPIs", "其他指标"},
    {"Baseline", "基准"},
    {"Compare", "对比"},
    {"Delta", "差值"},
    {"Selection", "选中对象"},
    {"Click an object or pick one from the list", "点击对象或从列表中选择"},
    {"Nameplate", "铭牌"},
    {"Current values", "当前值"},
    {"Diagnosis", "诊断"},
    {"Focus camera", "镜头聚焦"},
    {"Units", "设备列表"},
    {"Layers", "图层"},
    {"Buildings", "建筑"},
    {"PV", "光伏"},
    {"Motors and loads", "电机与负荷"},
    {"Network", "电网"},
    {"Labels", "标签"},
    {"Shadows", "阴影"},
    {"See-through buildings", "建筑透明"},
    {"Colour map", "色带"},
    {"Language", "语言"},
    {"Legend", "图例"},
    {"Scenario", "方案"},
    {"PV output", "光伏出力"},
    {"Motor efficiency / nameplate", "电机效率/额定效率"},
    {"Load power / rating", "负荷功率/额定功率"},
    {"Transformer loading", "变压器负载率"},
    {"Bus voltage deviation", "母线电压偏差"},
    {"Cable loading", "电缆负载率"},
    {"PV shading loss (year)", "光伏年遮挡损失"},
    {"% of kWp", "% 装机容量"},
    {"PV coloured by shading loss", "光伏按遮挡损失着色"},
    {"Motors", "电机"},
    {"Loads", "负荷"},
    {"Transformers", "变压器"},
    {"Buses", "母线"},
    {"Cables", "电缆"},
    {"PV arrays", "光伏阵列"},
    {"PV now", "光伏出力"},
    {"Grid import now", "电网取电"},
    {"PV since start", "累计光伏发电"},
    {"Grid import since start", "累计购电"},
    {"period", "全期"},
    {"Before", "改造前"},
    {"After", "改造后"},
    {"Right/Left: next/previous stop   Space: pause   L: 中文   S: scenario   B: before/after   "
     "Esc: quit",
     "右/左：下一站/上一站   空格：暂停   L：English   S：切换方案   B：改造前后   Esc：退出"},
}};

// The headline KPIs, in panel order; their labels are the KPI table's (twin/engine/kpi.cpp).
constexpr std::array<std::string_view, 11> kHeadline = {
    "grid_import_kWh", "grid_export_kWh",    "pv_kWh",         "pv_self_consumption_pct",
    "demand_kWh",      "network_losses_kWh", "peak_demand_kW", "energy_cost_CNY",
    "demand_cost_CNY", "cost_CNY",           "co2_t"};

}  // namespace

std::string namesText(const twin::ParkModel& model) {
  std::string out = model.site.name + model.site.name_zh;
  for (const twin::Building& b : model.buildings) out += b.name + b.name_zh;
  for (const twin::Motor& x : model.motors) out += x.name_zh;
  for (const twin::Load& x : model.loads) out += x.name_zh;
  for (const twin::TourStop& s : model.tour_stops) out += s.caption + s.caption_zh;
  return out;
}

const char* tr(Language language, Text text) {
  const Pair& p = kTexts[static_cast<size_t>(text)];
  return language == Language::kChinese ? p.second : p.first;
}

std::string kpiLabel(Language language, const std::string& name) {
  if (std::find(kHeadline.begin(), kHeadline.end(), name) == kHeadline.end()) return "";
  for (const twin::KpiDecl& k : twin::kKpis) {
    if (k.name != name) continue;
    if (language == Language::kChinese) return std::string(k.label_zh);
    std::string label(k.label);
    label[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(label[0])));
    return label;
  }
  return "";
}

std::string allChineseText() {
  std::string text = "中文";
  for (const Pair& p : kTexts) text += p.second;
  for (const twin::KpiDecl& k : twin::kKpis) text += k.label_zh;
  return text;
}

std::vector<std::string> headlineKpis() {
  std::vector<std::string> names;
  for (std::string_view k : kHeadline) names.emplace_back(k);
  return names;
}

std::string findCjkFont() {
  if (const char* env = std::getenv("PARKTWIN_FONT"); env && std::filesystem::exists(env)) {
    return env;
  }
  for (const char* path : {"/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
                           "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
                           "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"}) {
    if (std::filesystem::exists(path)) return path;
  }
  return "";
}

}  // namespace viewer
