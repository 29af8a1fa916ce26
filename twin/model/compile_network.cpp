// Compiles the park's radial electrical network: buses, cables, transformers (losses,
// short-circuit impedance, tap), the grid connection's voltage, and the tree (each bus's feeder)
// rooted at the grid connection.
#include <fmt/format.h>

#include <array>
#include <cmath>
#include <deque>
#include <utility>

#include "physics/transformer_grades.h"
#include "physics/units.h"
#include "twin/model/compile_context.h"

namespace twin {
namespace {

namespace u = physics::units;

constexpr QuantityField kBusVoltage{"voltage", Dimension::kVoltage, 100, 500 * u::kV, false, "kV",
                                    u::kV};
constexpr QuantityField kCapacity{
    "contracted_capacity", Dimension::kApparentPower, 0, 1000 * u::MVA, true, "kVA", u::kVA};
constexpr QuantityField kLength{"length", Dimension::kLength, 0, 50 * u::km, true, "m", u::m};
constexpr QuantityField kResistance{
    "resistance", Dimension::kResistancePerLength, 0, 100 / u::km, false, "ohm/km", 1 / u::km};
constexpr QuantityField kReactance{
    "reactance", Dimension::kResistancePerLength, 0, 100 / u::km, false, "ohm/km", 1 / u::km};
constexpr QuantityField kAmpacity{"ampacity", Dimension::kCurrent, 0, 10 * u::kA, true, "A", u::A};
constexpr QuantityField kRatedPower{
    "rated_power", Dimension::kApparentPower, 0, 1000 * u::MVA, true, "kVA", u::kVA};
constexpr QuantityField kNoLoadLoss{"no_load_loss", Dimension::kPower, 0, 1 * u::MW, false, "kW",
                                    u::kW};
constexpr QuantityField kLoadLoss{"load_loss", Dimension::kPower, 0, 10 * u::MW, false, "kW",
                                  u::kW};
constexpr QuantityField kImpedance{"impedance", Dimension::kFraction, 0.01, 0.25, true, "%",
                                   u::pct};
constexpr QuantityField kTap{"tap", Dimension::kFraction, -0.1, 0.1, false, "%", u::pct};
constexpr QuantityField kGridVoltage{"voltage", Dimension::kVoltage, 100, 500 * u::kV, true, "kV",
                                     u::kV};
constexpr QuantityField kVoltageTolerance{
    "voltage_tolerance", Dimension::kFraction, 0, 0.2, true, "%", u::pct};

// Short-circuit impedance of a two-winding transformer without a nameplate value: the minimum
// recognised values of IEC 60076-5:2006 Table 1 (GB 1094.5-2008): 4 % up to 630 kVA, 5 % to
// 1250 kVA, 6 % to 2500 kVA, 7 % to 6300 kVA, 8 % to 25 MVA, 10 % above.
double defaultImpedance(double rated_power) {
  constexpr std::array<std::pair<double, double>, 5> kTable = {{{630 * u::kVA, 0.04},
                                                                {1250 * u::kVA, 0.05},
                                                                {2500 * u::kVA, 0.06},
                                                                {6300 * u::kVA, 0.07},
                                                                {25 * u::MVA, 0.08}}};
  for (const auto& [up_to, uk] : kTable) {
    if (rated_power <= up_to) return uk;
  }
  return 0.10;
}

struct BranchEnds {
  std::optional<int> from;
  std::optional<int> to;
};

BranchEnds readEnds(const Node& node, const std::string& path, CompileContext& c) {
  BranchEnds ends{c.reference(node, "from", c.buses, "bus", path),
                  c.reference(node, "to", c.buses, "bus", path)};
  if (ends.from && ends.to && *ends.from == *ends.to) {
    c.r.error(node.find("to")->loc, keyPath(path, "to"), "expected a bus other than \"from\"");
    ends.to.reset();
  }
  return ends;
}

// Records that `to` is fed by this branch; a second feeder breaks the radial tree.
void attachFeeder(const Node& node, const std::string& path, int to, Feeder feeder,
                  std::vector<const Node*>& fed_by, CompileContext& c) {
  Network& net = c.model.network;
  if (fed_by[to]) {
    const std::string by = entryKey(*fed_by[to]);
    c.r.error(node.find("to")->loc, keyPath(path, "to"),
              "bus \"" + net.buses[to].id + "\" is already fed by " +
                  (by.empty() ? "the grid connection" : "\"" + by + "\"") +
                  " (the network must be radial: one feeder per bus)");
    return;
  }
  fed_by[to] = &node;
  net.feeders[to] = feeder;
}

void compileBuses(const Node& net_node, CompileContext& c) {
  const Node* list = c.r.required(net_node, "buses", "network");
  if (!list || !c.r.expectSequence(*list, "network.buses")) return;
  for (size_t i = 0; i < list->items.size(); ++i) {
    const Node& b = list->items[i];
    const std::string path = indexPath("network.buses", i);
    if (!c.r.expectMap(b, path)) continue;
    c.r.checkKeys(b, {"id", "voltage"}, path);
    Bus bus;
    bus.id = c.r.id(b, "id", path).value_or("");
    bus.nominal_voltage = c.r.quantity(b, kBusVoltage, path, true).value_or(0.0);
    if (!bus.id.empty() && c.claimId(bus.id, b.find("id")->loc, keyPath(path, "id"))) {
      c.buses.emplace(bus.id, static_cast<int>(c.model.network.buses.size()));
    }
    c.model.network.buses.push_back(bus);
    c.bus_sources.emplace_back(b.loc, path);
  }
}

void compileCables(const Node& net_node, std::vector<const Node*>& fed_by, CompileContext& c) {
  const Node* list = net_node.find("cables");
  if (!list || !c.r.expectSequence(*list, "network.cables")) return;
  Network& net = c.model.network;
  for (size_t i = 0; i < list->items.size(); ++i) {
    const Node& n = list->items[i];
    const std::string path = indexPath("network.cables", i);
    if (!c.r.expectMap(n, path)) continue;
    c.r.checkKeys(n, {"id", "from", "to", "length", "resistance", "reactance", "ampacity"}, path);
    Cable cable;
    cable.id = c.entryId(n, path);
    const BranchEnds ends = readEnds(n, path, c);
    cable.length = c.r.quantity(n, kLength, path, true).value_or(0.0);
    cable.resistance = cable.length * c.r.quantity(n, kResistance, path, true).value_or(0.0);
    cable.reactance = cable.length * c.r.quantity(n, kReactance, path, true).value_or(0.0);
    cable.ampacity = c.r.quantity(n, kAmpacity, path, true).value_or(1.0);
    if (ends.from && ends.to) {
      cable.from = *ends.from;
      cable.to = *ends.to;
      const double v_from = net.buses[cable.from].nominal_voltage;
      const double v_to = net.buses[cable.to].nominal_voltage;
      if (v_from > 0 && v_to > 0 && v_from != v_to) {
        c.r.error(n.find("to")->loc, keyPath(path, "to"),
                  "expected a bus at the same voltage as \"from\" (" + voltageText(v_from) +
                      "), got one at " + voltageText(v_to) + " (use a transformer)");
      } else {
        attachFeeder(n, path, cable.to,
                     Feeder{Feeder::Kind::kCable, static_cast<int>(net.cables.size()), cable.from},
                     fed_by, c);
      }
    }
    net.cables.push_back(cable);
  }
}

// Losses from the nameplate (no_load_loss and load_loss), or from the GB 20052-2024 grade of the
// rating (grade, type oil|dry, core steel|amorphous); nameplate values win over the grade's.
void readTransformerLosses(const Node& n, const std::string& path, CompileContext& c,
                           physics::TransformerRating& rating) {
  const std::optional<long> grade = c.r.integer(n, "grade", 1, 3, path, false);
  const int type = c.r.choice(n, "type", {"oil", "dry"}, path, false).value_or(0);
  const int core = c.r.choice(n, "core", {"steel", "amorphous"}, path, false).value_or(0);
  const bool nameplate = n.find("no_load_loss") || n.find("load_loss");
  if (!grade || nameplate) {
    rating.no_load_loss = c.r.quantity(n, kNoLoadLoss, path, true).value_or(0.0);
    rating.load_loss = c.r.quantity(n, kLoadLoss, path, true).value_or(0.0);
    return;
  }
  const auto table_type = static_cast<physics::TransformerType>(type);
  const std::optional<physics::TransformerRating> table =
      physics::gb20052Rating(table_type, static_cast<physics::CoreMaterial>(core),
                             static_cast<int>(*grade), rating.rated_power);
  if (!table) {
    const Node* rated = n.find("rated_power");
    c.r.error(rated ? rated->loc : n.loc, keyPath(path, "rated_power"),
              "expected a rating of " + physics::gb20052Coverage(table_type) +
                  " to take the losses of grade " + std::to_string(*grade) + ", got " +
                  (rated ? describeNode(*rated) : "nothing") + "; give no_load_loss and load_loss");
    return;
  }
  rating.no_load_loss = table->no_load_loss;
  rating.load_loss = table->load_loss;
}

void compileTransformers(const Node& net_node, std::vector<const Node*>& fed_by,
                         CompileContext& c) {
  const Node* list = net_node.find("transformers");
  if (!list || !c.r.expectSequence(*list, "network.transformers")) return;
  Network& net = c.model.network;
  for (size_t i = 0; i < list->items.size(); ++i) {
    const Node& n = list->items[i];
    const std::string path = indexPath("network.transformers", i);
    if (!c.r.expectMap(n, path)) continue;
    c.r.checkKeys(n,
                  {"id", "from", "to", "rated_power", "no_load_loss", "load_loss", "grade", "type",
                   "core", "impedance", "tap"},
                  path);
    Transformer tr;
    tr.id = c.entryId(n, path);
    const BranchEnds ends = readEnds(n, path, c);
    tr.rating.rated_power = c.r.quantity(n, kRatedPower, path, true).value_or(1.0);
    readTransformerLosses(n, path, c, tr.rating);
    tr.impedance =
        c.r.quantity(n, kImpedance, path, false).value_or(defaultImpedance(tr.rating.rated_power));
    // The series resistance is the load loss's: the impedance must cover it.
    const double resistance = tr.rating.load_loss / tr.rating.rated_power;
    if (const Node* uk = n.find("impedance"); uk && !(tr.impedance > resistance)) {
      c.r.error(uk->loc, keyPath(path, "impedance"),
                fmt::format("expected more than the load loss's resistance ({:.3g} % of the rated "
                            "impedance), got {}",
                            resistance / u::pct, describeNode(*uk)));
    }
    tr.tap = c.r.quantity(n, kTap, path, false).value_or(0.0);
    if (ends.from && ends.to) {
      tr.from = *ends.from;
      tr.to = *ends.to;
      const double v_hv = net.buses[tr.from].nominal_voltage;
      const double v_lv = net.buses[tr.to].nominal_voltage;
      if (v_hv > 0 && v_lv > 0 && !(v_hv > v_lv)) {
        c.r.error(n.find("from")->loc, keyPath(path, "from"),
                  "expected the high-voltage side, but \"from\" is at " + voltageText(v_hv) +
                      " and \"to\" at " + voltageText(v_lv));
      } else {
        attachFeeder(
            n, path, tr.to,
            Feeder{Feeder::Kind::kTransformer, static_cast<int>(net.transformers.size()), tr.from},
            fed_by, c);
      }
    }
    net.transformers.push_back(tr);
  }
}

// Reports the buses the tree from the grid bus does not reach.
void buildTree(CompileContext& c) {
  Network& net = c.model.network;
  const int n = static_cast<int>(net.buses.size());
  std::vector<std::vector<int>> children(n);
  for (int b = 0; b < n; ++b) {
    if (b != net.grid_bus && net.feeders[b].parent >= 0)
      children[net.feeders[b].parent].push_back(b);
  }
  std::vector<bool> reached(n, false);
  std::deque<int> queue{net.grid_bus};
  reached[net.grid_bus] = true;
  while (!queue.empty()) {
    const int b = queue.front();
    queue.pop_front();
    for (int child : children[b]) {
      if (!reached[child]) {
        reached[child] = true;
        queue.push_back(child);
      }
    }
  }
  for (int b = 0; b < n; ++b) {
    if (!reached[b] && !net.buses[b].id.empty()) {
      c.r.error(c.bus_sources[b].first, c.bus_sources[b].second,
                "bus \"" + net.buses[b].id + "\" is not connected to the grid bus \"" +
                    net.buses[net.grid_bus].id + "\" through cables and transformers");
    }
  }
}

}  // namespace

std::string voltageText(double volts) {
  std::string s = std::to_string(volts / u::kV);
  s.erase(s.find_last_not_of('0') + 1);
  if (s.back() == '.') s.pop_back();
  return s + " kV";
}

void compileNetwork(const Node& root, CompileContext& c) {
  const Node* net_node = c.r.required(root, "network", "");
  if (!net_node || !c.r.expectMap(*net_node, "network")) return;
  c.r.checkKeys(*net_node, {"grid", "buses", "cables", "transformers", "voltage_tolerance"},
                "network");
  compileBuses(*net_node, c);
  Network& net = c.model.network;
  net.feeders.assign(net.buses.size(), Feeder{});
  std::vector<const Node*> fed_by(net.buses.size(), nullptr);
  std::optional<int> grid_bus;
  if (const Node* grid = c.r.required(*net_node, "grid", "network");
      grid && c.r.expectMap(*grid, "network.grid")) {
    c.r.checkKeys(*grid, {"bus", "contracted_capacity", "voltage"}, "network.grid");
    grid_bus = c.reference(*grid, "bus", c.buses, "bus", "network.grid");
    net.contracted_capacity = c.r.quantity(*grid, kCapacity, "network.grid", false).value_or(0.0);
    if (grid_bus) {
      fed_by[*grid_bus] = grid;
      const double nominal = net.buses[*grid_bus].nominal_voltage;
      const std::optional<double> held = c.r.quantity(*grid, kGridVoltage, "network.grid", false);
      if (held && nominal > 0 && std::abs(*held / nominal - 1.0) > 0.1) {
        c.r.error(grid->find("voltage")->loc, "network.grid.voltage",
                  "expected within 10 % of the grid bus's " + voltageText(nominal) + ", got " +
                      describeNode(*grid->find("voltage")));
      } else if (held && nominal > 0) {
        net.grid_voltage = *held / nominal;
      }
    }
  }
  // Default: the supply voltage deviation allowed for three-phase supply at 20 kV and below,
  // +-7 % of nominal (GB/T 12325-2008 §4.2).
  net.voltage_tolerance =
      c.r.quantity(*net_node, kVoltageTolerance, "network", false).value_or(0.07);
  compileCables(*net_node, fed_by, c);
  compileTransformers(*net_node, fed_by, c);
  if (grid_bus) {
    net.grid_bus = *grid_bus;
    buildTree(c);
  }
}

}  // namespace twin
