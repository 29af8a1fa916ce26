// The viewer's words in English and Chinese (switchable at run time), and the CJK font that
// draws both (WenQuanYi Micro Hei or Noto Sans CJK from Debian).
#pragma once

#include <string>
#include <vector>

#include "twin/model/model.h"

namespace viewer {

enum class Language { kEnglish, kChinese };

enum class Text {
  kTime,
  kPlay,
  kPause,
  kSpeed,
  kJumpTo,
  kStep,
  kKpis,
  kMoreKpis,
  kBaseline,
  kCompare,
  kDelta,
  kSelection,
  kNothingSelected,
  kNameplate,
  kCurrentValues,
  kDiagnosis,
  kFocus,
  kUnits,
  kLayers,
  kBuildings,
  kPv,
  kEquipment,
  kNetwork,
  kLabels,
  kShadows,
  kXray,
  kColorMap,
  kLanguage,
  kLegend,
  kScenario,
  kPvOutput,
  kMotorEfficiency,
  kLoadPower,
  kTransformerLoading,
  kBusVoltage,
  kCableLoading,
  kPvShadingLoss,
  kPercentOfKwp,
  kPvByShading,
  kMotors,
  kLoads,
  kTransformers,
  kBuses,
  kCables,
  kPvArrays,
  kPvNow,
  kGridNow,
  kPvSinceStart,
  kGridSinceStart,
  kPeriodTotals,
  kBefore,
  kAfter,
  kPresentKeys,
  kCount
};

const char* tr(Language language, Text text);
// Every name of the park (site, buildings and equipment, in both languages) and its tours'
// captions, for the glyphs a font must hold.
std::string namesText(const twin::ParkModel& model);
// A KPI's label ("cost_CNY" -> "Cost" / "总电费"); "" for a KPI outside the headline list.
std::string kpiLabel(Language language, const std::string& name);
// Every Chinese word the UI shows (to add its glyphs to the font atlas).
std::string allChineseText();
// The headline KPIs (energy, cost, peak, CO2, self-consumption), in panel order.
std::vector<std::string> headlineKpis();

// Path of an installed font with Chinese glyphs ($PARKTWIN_FONT first), "" when none is found.
std::string findCjkFont();

}  // namespace viewer
