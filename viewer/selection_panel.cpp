#include "viewer/selection_panel.h"

#include <fmt/format.h>
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <vector>

#include "twin/base/units.h"

namespace viewer {
namespace {

using twin::fromSi;

// Diagnosis thresholds, as fractions: a motor runs above 1 % load, is oversized below 40 % mean
// load while running; a transformer below 20 % mean loading is lightly loaded.
constexpr double kRunning = 0.01;
constexpr double kOversized = 0.40;
constexpr double kLightlyLoaded = 0.20;

// The series an object's chart shows, with its label and the unit it is shown in.
struct Chart {
  const Series* series = nullptr;
  const char* label = "";
  const char* unit = "";
};

Chart chartOf(const ResultsData& r, ObjectKind kind) {
  switch (kind) {
    case ObjectKind::kPv:
      return {&r.pv_ac_power, "AC power, kW", "kW"};
    case ObjectKind::kMotor:
      return {&r.motor_input_power, "input power, kW", "kW"};
    case ObjectKind::kLoad:
      return {&r.load_power, "power, kW", "kW"};
    case ObjectKind::kTransformer:
      return {&r.transformer_loading, "loading, %", "%"};
    case ObjectKind::kBus:
      return r.bus_voltage.present() ? Chart{&r.bus_voltage, "voltage, pu", "pu"}
                                     : Chart{&r.bus_net_power, "net load, kW", "kW"};
    case ObjectKind::kCable:
      return {&r.cable_current, "current, A", "A"};
    case ObjectKind::kBuilding:
      break;
  }
  return {};
}

struct Stats {
  double mean = 0.0;
  double max = -1e300;
  double mean_when_on = 0.0;  // over values above `on`
  size_t on_count = 0;
};

Stats statsOf(const Series& s, size_t column, double on) {
  Stats st;
  double sum = 0.0, sum_on = 0.0;
  size_t n = 0;
  for (size_t t = 0; t < s.rows; ++t) {
    const double v = s.at(t, column);
    if (std::isnan(v)) continue;
    sum += v;
    ++n;
    st.max = std::max(st.max, v);
    if (v > on) sum_on += v, ++st.on_count;
  }
  st.mean = n ? sum / double(n) : 0.0;
  st.mean_when_on = st.on_count ? sum_on / double(st.on_count) : 0.0;
  return st;
}

void heading(const char* text) {
  ImGui::Separator();
  ImGui::TextDisabled("%s", text);
}

void unitList(const ResultsData& r, ViewerState& state) {
  const Language lang = state.language;
  const twin::ParkModel& m = r.model;
  auto group = [&](Text title, const auto& items) {
    if (!ImGui::TreeNode(tr(lang, title))) return;
    for (const auto& item : items) {
      ImGui::PushID(item.id.c_str());
      if (ImGui::Selectable(item.id.c_str(), state.selected == item.id)) {
        state.selected = item.id;
        state.focus_selected = true;
      }
      ImGui::PopID();
    }
    ImGui::TreePop();
  };
  group(Text::kBuildings, m.buildings);
  group(Text::kPvArrays, m.pv);
  group(Text::kMotors, m.motors);
  group(Text::kLoads, m.loads);
  group(Text::kTransformers, m.network.transformers);
  group(Text::kBuses, m.network.buses);
  group(Text::kCables, m.network.cables);
}

}  // namespace

std::optional<ObjectRef> findObject(const twin::ParkModel& m, const std::string& id) {
  auto in = [&](const auto& items, ObjectKind kind) -> std::optional<ObjectRef> {
    for (size_t i = 0; i < items.size(); ++i) {
      if (items[i].id == id) return ObjectRef{kind, i};
    }
    return std::nullopt;
  };
  for (auto found :
       {in(m.pv, ObjectKind::kPv), in(m.motors, ObjectKind::kMotor), in(m.loads, ObjectKind::kLoad),
        in(m.network.transformers, ObjectKind::kTransformer), in(m.network.buses, ObjectKind::kBus),
        in(m.network.cables, ObjectKind::kCable), in(m.buildings, ObjectKind::kBuilding)}) {
    if (found) return found;
  }
  return std::nullopt;
}

std::string nameplateText(const twin::ParkModel& m, ObjectRef u, bool zh) {
  switch (u.kind) {
    case ObjectKind::kBuilding: {
      const twin::Building& b = m.buildings[u.index];
      return twin::shownName(b.name, b.name_zh, zh) + "\n" +
             fmt::format("height {:.1f} m", b.height);
    }
    case ObjectKind::kPv: {
      const twin::PvArray& a = m.pv[u.index];
      return a.name + "\n" +
             fmt::format("{:.1f} kWp, tilt {:.0f} deg, azimuth {:.0f} deg\n{} modules, {:.0f} m2",
                         fromSi(a.dc_capacity, "kWp"), fromSi(a.tilt, "deg"),
                         fromSi(a.azimuth, "deg"), a.modules.size(), fromSi(a.module_area, "m2"));
    }
    case ObjectKind::kMotor: {
      const twin::Motor& x = m.motors[u.index];
      return twin::shownName(x.name, x.name_zh, zh) + "\n" +
             fmt::format(
                 "{:.1f} kW, {} poles, {}\nrated efficiency {:.1f} %, power factor "
                 "{:.2f}, duty load {:.0f} %",
                 fromSi(x.nameplate.rated_power, "kW"), x.poles,
                 twin::kEfficiencyClassNames[size_t(x.efficiency_class)],
                 fromSi(x.nameplate.rated_efficiency, "%"), x.nameplate.power_factor,
                 fromSi(x.duty_load, "%")) +
             "\nbus " + m.network.buses[size_t(x.bus)].id + ", building " +
             m.buildings[size_t(x.building)].id;
    }
    case ObjectKind::kLoad: {
      const twin::Load& x = m.loads[u.index];
      return twin::shownName(x.name, x.name_zh, zh) + "\n" +
             std::string(twin::kLoadKindNames[size_t(x.kind)]) +
             fmt::format(", {:.1f} kW, power factor {:.2f}", fromSi(x.rated_power, "kW"),
                         x.power_factor);
    }
    case ObjectKind::kTransformer: {
      const twin::Transformer& t = m.network.transformers[u.index];
      return fmt::format("{:.0f} kVA, no-load loss {:.2f} kW, load loss {:.1f} kW",
                         fromSi(t.rating.rated_power, "kVA"), fromSi(t.rating.no_load_loss, "kW"),
                         fromSi(t.rating.load_loss, "kW")) +
             "\n" + m.network.buses[size_t(t.from)].id + " -> " + m.network.buses[size_t(t.to)].id;
    }
    case ObjectKind::kBus:
      return fmt::format("{:.2f} kV nominal",
                         fromSi(m.network.buses[u.index].nominal_voltage, "kV"));
    case ObjectKind::kCable: {
      const twin::Cable& c = m.network.cables[u.index];
      return fmt::format("{:.0f} m, R {:.4f} ohm, ampacity {:.0f} A", c.length, c.resistance,
                         c.ampacity) +
             "\n" + m.network.buses[size_t(c.from)].id + " -> " + m.network.buses[size_t(c.to)].id;
    }
  }
  return "";
}

namespace {

// What the meters said about motor i (`parktwin diagnose --results`), "" when not metered.
std::string measuredFinding(const ResultsData& r, size_t i) {
  if (i >= r.measured.size() || r.measured[i].id.empty()) return "";
  const twin::MeasuredMotor& m = r.measured[i];
  std::string out = fmt::format("Measured ({}): load {:.0f} ± {:.0f} %", r.measured_source,
                                fromSi(m.load, "%"), fromSi(m.load_uncertainty, "%"));
  if (!std::isnan(m.efficiency)) {
    out += fmt::format(", efficiency {:.1f} ± {:.1f} %", fromSi(m.efficiency, "%"),
                       fromSi(m.efficiency_uncertainty, "%"));
  }
  if (!std::isnan(m.class_efficiency)) {
    out += fmt::format(" (class curve {:.1f} %)", fromSi(m.class_efficiency, "%"));
  }
  out += "\n";
  if (!m.flags.empty()) out += "Flags: " + m.flags + "\n";
  if (!std::isnan(m.saving)) {
    out += fmt::format("Rank {} of the metered motors: {} saves {:.1f} kCNY a year.\n", m.rank,
                       r.measured_to_class, m.saving / 1e3);
  }
  return out;
}

}  // namespace

std::string diagnose(const ResultsData& r, ObjectRef u) {
  const twin::ParkModel& m = r.model;
  switch (u.kind) {
    case ObjectKind::kMotor: {
      const twin::Motor& x = m.motors[u.index];
      const Stats load = statsOf(r.motor_load, u.index, kRunning);
      const double mean_pct = fromSi(load.mean_when_on, "%");
      std::string out = measuredFinding(r, u.index);
      if (load.on_count > 0 && load.mean_when_on < kOversized) {
        out += fmt::format(
            "Oversized: {:.0f} % mean load while running; efficiency falls at light load.\n",
            mean_pct);
      }
      if (x.efficiency_class == twin::EfficiencyClass::kIE1 ||
          x.efficiency_class == twin::EfficiencyClass::kIE2) {
        out += "Below IE3 (GB 18613-2020 grade 3): a candidate for an IE4 replacement.\n";
      }
      return out.empty() ? fmt::format("No finding (mean load {:.0f} % while running).", mean_pct)
                         : out;
    }
    case ObjectKind::kTransformer: {
      const Stats s = statsOf(r.transformer_loading, u.index, -1.0);
      const double mean = fromSi(s.mean, "%"), peak = fromSi(s.max, "%");
      if (s.max > 1.0) return fmt::format("Overloaded: peak loading {:.0f} %.", peak);
      if (s.mean < kLightlyLoaded) {
        return fmt::format("Lightly loaded: mean {:.0f} %, peak {:.0f} %; no-load losses dominate.",
                           mean, peak);
      }
      return fmt::format("No finding (mean loading {:.0f} %, peak {:.0f} %).", mean, peak);
    }
    case ObjectKind::kCable: {
      const Stats s = statsOf(r.cable_loading, u.index, -1.0);
      const double peak = fromSi(s.max, "%");
      return s.max > 1.0 ? fmt::format("Overloaded: peak {:.0f} % of ampacity.", peak)
                         : fmt::format("No finding (peak {:.0f} % of ampacity).", peak);
    }
    case ObjectKind::kBus: {
      if (!r.bus_voltage.present()) return "No voltage series in the results.";
      double worst = 0.0;
      for (size_t t = 0; t < r.bus_voltage.rows; ++t) {
        const double v = r.bus_voltage.at(t, u.index);
        if (!std::isnan(v)) worst = std::max(worst, std::abs(v - 1.0));
      }
      const double tol = m.network.voltage_tolerance;
      return worst > tol
                 ? fmt::format(
                       "Voltage out of tolerance: {:.1f} % from nominal (allowed {:.0f} %).",
                       fromSi(worst, "%"), fromSi(tol, "%"))
                 : fmt::format("No finding (at most {:.1f} % from nominal).", fromSi(worst, "%"));
    }
    case ObjectKind::kPv: {
      const Stats s = statsOf(r.pv_ac_power, u.index, 0.0);
      const double kwp = fromSi(m.pv[u.index].dc_capacity, "kWp");
      const double kwh = fromSi(s.mean * double(r.pv_ac_power.rows) * r.step_s, "kWh");
      return kwp > 0
                 ? fmt::format("Yield {:.0f} kWh/kWp over the period ({:.0f} kWh).", kwh / kwp, kwh)
                 : "";
    }
    case ObjectKind::kLoad: {
      const Stats s = statsOf(r.load_power, u.index, 0.0);
      return fmt::format("Peak {:.1f} kW, mean {:.1f} kW.", fromSi(s.max, "kW"),
                         fromSi(s.mean, "kW"));
    }
    case ObjectKind::kBuilding:
      break;
  }
  return "";
}

void SelectionPanel::draw(const ResultsData& r, ViewerState& state) {
  const Language lang = state.language;
  const ImGuiIO& io = ImGui::GetIO();
  ImGui::SetNextWindowPos({io.DisplaySize.x - 430, 320}, ImGuiCond_FirstUseEver);
  ImGui::SetNextWindowSize({420, 380}, ImGuiCond_FirstUseEver);
  ImGui::Begin(tr(lang, Text::kSelection));
  const std::optional<ObjectRef> unit = findObject(r.model, state.selected);
  if (!unit) {
    ImGui::TextWrapped("%s", tr(lang, Text::kNothingSelected));
  } else {
    ImGui::Text("%s", state.selected.c_str());
    ImGui::SameLine();
    if (ImGui::SmallButton(tr(lang, Text::kFocus))) state.focus_selected = true;
    heading(tr(lang, Text::kNameplate));
    ImGui::TextWrapped("%s",
                       nameplateText(r.model, *unit, state.language == Language::kChinese).c_str());
    const Chart chart = chartOf(r, unit->kind);
    if (const Series* s = chart.series; s && s->present()) {
      const char* label = chart.label;
      heading(tr(lang, Text::kCurrentValues));
      ImGui::Text("%s: %.3g", label, fromSi(s->at(state.step, unit->index), chart.unit));
      // A week around the current step.
      const size_t span = size_t(7 * 86400 / std::max(r.step_s, 1));
      const size_t first = state.step > span / 2 ? state.step - span / 2 : 0;
      const size_t last = std::min(s->rows, first + span);
      std::vector<float> values;
      for (size_t t = first; t < last; ++t) {
        values.push_back(float(fromSi(s->at(t, unit->index), chart.unit)));
      }
      ImGui::PlotLines("##chart", values.data(), int(values.size()), 0, label, FLT_MAX, FLT_MAX,
                       {-1, 90});
      heading(tr(lang, Text::kDiagnosis));
      ImGui::TextWrapped("%s", diagnose(r, *unit).c_str());
    }
  }
  ImGui::Separator();
  if (ImGui::CollapsingHeader(tr(lang, Text::kUnits))) unitList(r, state);
  ImGui::End();
}

}  // namespace viewer
