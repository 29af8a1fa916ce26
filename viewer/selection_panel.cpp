#include "viewer/selection_panel.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <vector>

namespace viewer {
namespace {

constexpr double kPi = 3.14159265358979323846;

std::string format(const char* fmt, double a, double b = 0.0, double c = 0.0) {
  char text[256];
  std::snprintf(text, sizeof text, fmt, a, b, c);
  return text;
}

// The series a unit's chart shows, with its label.
const Series* mainSeries(const ResultsData& r, ObjectKind kind, const char** label) {
  switch (kind) {
    case ObjectKind::kPv:
      *label = "AC power, kW";
      return &r.pv_ac_power;
    case ObjectKind::kMotor:
      *label = "input power, kW";
      return &r.motor_input_power;
    case ObjectKind::kLoad:
      *label = "power, kW";
      return &r.load_power;
    case ObjectKind::kTransformer:
      *label = "loading, %";
      return &r.transformer_loading;
    case ObjectKind::kBus:
      *label = r.bus_voltage.present() ? "voltage, pu" : "net load, kW";
      return r.bus_voltage.present() ? &r.bus_voltage : &r.bus_net_power;
    case ObjectKind::kCable:
      *label = "current, A";
      return &r.cable_current;
    case ObjectKind::kBuilding:
      break;
  }
  return nullptr;
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

std::string nameplateText(const twin::ParkModel& m, ObjectRef u) {
  switch (u.kind) {
    case ObjectKind::kBuilding: {
      const twin::Building& b = m.buildings[u.index];
      return b.name + "\n" + format("height %.1f m", b.height);
    }
    case ObjectKind::kPv: {
      const twin::PvArray& a = m.pv[u.index];
      return a.name + "\n" +
             format("%.1f kWp, tilt %.0f deg, azimuth %.0f deg", a.dc_capacity / 1e3,
                    a.tilt * 180 / kPi, a.azimuth * 180 / kPi) +
             "\n" + format("%.0f modules, %.0f m2", double(a.modules.size()), a.module_area);
    }
    case ObjectKind::kMotor: {
      const twin::Motor& x = m.motors[u.index];
      return x.name + "\n" +
             format("%.1f kW, %.0f poles, ", x.nameplate.rated_power / 1e3, x.poles) +
             std::string(twin::kEfficiencyClassNames[size_t(x.efficiency_class)]) +
             format("\nrated efficiency %.1f %%, power factor %.2f, duty load %.0f %%",
                    100 * x.nameplate.rated_efficiency, x.nameplate.power_factor,
                    100 * x.duty_load) +
             "\nbus " + m.network.buses[size_t(x.bus)].id + ", building " +
             m.buildings[size_t(x.building)].id;
    }
    case ObjectKind::kLoad: {
      const twin::Load& x = m.loads[u.index];
      return x.name + "\n" + std::string(twin::kLoadKindNames[size_t(x.kind)]) +
             format(", %.1f kW, power factor %.2f", x.rated_power / 1e3, x.power_factor);
    }
    case ObjectKind::kTransformer: {
      const twin::Transformer& t = m.network.transformers[u.index];
      return format("%.0f kVA, no-load loss %.2f kW, load loss %.1f kW", t.rating.rated_power / 1e3,
                    t.rating.no_load_loss / 1e3, t.rating.load_loss / 1e3) +
             "\n" + m.network.buses[size_t(t.from)].id + " -> " + m.network.buses[size_t(t.to)].id;
    }
    case ObjectKind::kBus:
      return format("%.2f kV nominal", m.network.buses[u.index].nominal_voltage / 1e3);
    case ObjectKind::kCable: {
      const twin::Cable& c = m.network.cables[u.index];
      return format("%.0f m, R %.4f ohm, ampacity %.0f A", c.length, c.resistance, c.ampacity) +
             "\n" + m.network.buses[size_t(c.from)].id + " -> " + m.network.buses[size_t(c.to)].id;
    }
  }
  return "";
}

std::string diagnose(const ResultsData& r, ObjectRef u) {
  const twin::ParkModel& m = r.model;
  switch (u.kind) {
    case ObjectKind::kMotor: {
      const twin::Motor& x = m.motors[u.index];
      const Stats load = statsOf(r.motor_load, u.index, 1.0);
      std::string out;
      if (load.on_count > 0 && load.mean_when_on < 40.0) {
        out +=
            format("Oversized: %.0f %% mean load while running; efficiency falls at light load.\n",
                   load.mean_when_on);
      }
      if (x.efficiency_class == twin::EfficiencyClass::kIE1 ||
          x.efficiency_class == twin::EfficiencyClass::kIE2) {
        out += "Below IE3 (GB 18613-2020 grade 3): a candidate for an IE4 replacement.\n";
      }
      return out.empty()
                 ? format("No finding (mean load %.0f %% while running).", load.mean_when_on)
                 : out;
    }
    case ObjectKind::kTransformer: {
      const Stats s = statsOf(r.transformer_loading, u.index, -1.0);
      if (s.max > 100.0) return format("Overloaded: peak loading %.0f %%.", s.max);
      if (s.mean < 20.0) {
        return format("Lightly loaded: mean %.0f %%, peak %.0f %%; no-load losses dominate.",
                      s.mean, s.max);
      }
      return format("No finding (mean loading %.0f %%, peak %.0f %%).", s.mean, s.max);
    }
    case ObjectKind::kCable: {
      const Stats s = statsOf(r.cable_loading, u.index, -1.0);
      return s.max > 100.0 ? format("Overloaded: peak %.0f %% of ampacity.", s.max)
                           : format("No finding (peak %.0f %% of ampacity).", s.max);
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
                 ? format("Voltage out of tolerance: %.1f %% from nominal (allowed %.0f %%).",
                          100 * worst, 100 * tol)
                 : format("No finding (at most %.1f %% from nominal).", 100 * worst);
    }
    case ObjectKind::kPv: {
      const Stats s = statsOf(r.pv_ac_power, u.index, 0.0);
      const double kwp = m.pv[u.index].dc_capacity / 1e3;
      const double kwh = s.mean * double(r.pv_ac_power.rows) * r.step_s / 3600.0;
      return kwp > 0 ? format("Yield %.0f kWh/kWp over the period (%.0f kWh).", kwh / kwp, kwh)
                     : "";
    }
    case ObjectKind::kLoad: {
      const Stats s = statsOf(r.load_power, u.index, 0.0);
      return format("Peak %.1f kW, mean %.1f kW.", s.max, s.mean);
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
    ImGui::TextWrapped("%s", nameplateText(r.model, *unit).c_str());
    const char* label = "";
    if (const Series* s = mainSeries(r, unit->kind, &label); s && s->present()) {
      heading(tr(lang, Text::kCurrentValues));
      ImGui::Text("%s: %.3g", label, s->at(state.step, unit->index));
      // A week around the current step.
      const size_t span = size_t(7 * 86400 / std::max(r.step_s, 1));
      const size_t first = state.step > span / 2 ? state.step - span / 2 : 0;
      const size_t last = std::min(s->rows, first + span);
      std::vector<float> values;
      for (size_t t = first; t < last; ++t) values.push_back(float(s->at(t, unit->index)));
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
