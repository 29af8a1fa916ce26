#include "viewer/ui_text.h"

#include <array>
#include <cstdlib>
#include <filesystem>
#include <utility>
#include <vector>

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
    {"Motors", "电机"},
    {"Loads", "负荷"},
    {"Transformers", "变压器"},
    {"Buses", "母线"},
    {"Cables", "电缆"},
    {"PV arrays", "光伏阵列"},
}};

constexpr std::array<std::array<const char*, 3>, 11> kKpis = {{
    {"grid_import_kWh", "Grid import", "购电量"},
    {"grid_export_kWh", "Grid export", "上网电量"},
    {"pv_kWh", "PV energy", "光伏发电量"},
    {"pv_self_consumption_pct", "PV self-consumption", "光伏自用率"},
    {"demand_kWh", "Demand", "用电量"},
    {"network_losses_kWh", "Network losses", "网损"},
    {"peak_demand_kW", "Peak demand", "最大需量"},
    {"energy_cost_CNY", "Energy cost", "电度电费"},
    {"demand_cost_CNY", "Demand charge", "需量电费"},
    {"cost_CNY", "Cost", "总电费"},
    {"co2_t", "CO2", "碳排放"},
}};

}  // namespace

const char* tr(Language language, Text text) {
  const Pair& p = kTexts[static_cast<size_t>(text)];
  return language == Language::kChinese ? p.second : p.first;
}

std::string kpiLabel(Language language, const std::string& name) {
  for (const auto& k : kKpis) {
    if (name == k[0]) return language == Language::kChinese ? k[2] : k[1];
  }
  return "";
}

std::string allChineseText() {
  std::string text = "中文";
  for (const Pair& p : kTexts) text += p.second;
  for (const auto& k : kKpis) text += k[2];
  return text;
}

std::vector<std::string> headlineKpis() {
  std::vector<std::string> names;
  for (const auto& k : kKpis) names.push_back(k[0]);
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
