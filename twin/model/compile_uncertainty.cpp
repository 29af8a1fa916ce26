// Compiles the top-level `uncertainty:` section (docs/sweeps.md, Monte Carlo):
//   uncertainty:
//     weather: [shanghai-2019.epw, shanghai-2020.epw, synthetic]
//     load_scale: {min: "90 %", max: "110 %"}
//     price_scale: {min: "95 %", max: "120 %"}
#include <filesystem>

#include "physics/units.h"
#include "twin/base/text.h"
#include "twin/model/compile_context.h"

namespace twin {
namespace {

namespace u = physics::units;

constexpr QuantityField kMin{"min", Dimension::kFraction, 0.0, 10.0, true, "%", u::pct};
constexpr QuantityField kMax{"max", Dimension::kFraction, 0.0, 10.0, true, "%", u::pct};

void readScale(const Node& n, const std::string& key, CompileContext& c, double& lo, double& hi) {
  const Node* scale = n.find(key);
  const std::string path = keyPath("uncertainty", key);
  if (!scale || !c.r.expectMap(*scale, path)) return;
  c.r.checkKeys(*scale, {"min", "max"}, path);
  lo = c.r.quantity(*scale, kMin, path, true).value_or(1.0);
  hi = c.r.quantity(*scale, kMax, path, true).value_or(1.0);
  if (hi < lo) {
    c.r.error(scale->find("max")->loc, keyPath(path, "max"),
              "expected a factor at least min (" + formatNumber(lo * 100) + " %), got " +
                  formatNumber(hi * 100) + " %");
    hi = lo;
  }
}

}  // namespace

void compileUncertainty(const Node& root, const std::string& park_dir, CompileContext& c) {
  const Node* n = root.find("uncertainty");
  if (!n || !c.r.expectMap(*n, "uncertainty")) return;
  c.r.checkKeys(*n, {"weather", "load_scale", "price_scale"}, "uncertainty");
  Uncertainty& out = c.model.uncertainty;
  if (const Node* list = n->find("weather");
      list && c.r.expectSequence(*list, "uncertainty.weather")) {
    for (size_t i = 0; i < list->items.size(); ++i) {
      const Node& item = list->items[i];
      const std::string path = indexPath("uncertainty.weather", i);
      std::error_code ec;
      if (!item.isScalar() || item.scalar.empty()) {
        c.r.error(item.loc, path, "expected synthetic or an EPW file, got " + describeNode(item));
      } else if (item.scalar != "synthetic" &&
                 !std::filesystem::is_regular_file(std::filesystem::path(park_dir) / item.scalar,
                                                   ec)) {
        c.r.error(item.loc, path,
                  "expected synthetic or an EPW file, got " + quote(item.scalar) +
                      " (no such file beside the park file)");
      } else {
        out.weather.push_back(item.scalar);
      }
    }
    if (list->items.empty())
      c.r.error(list->loc, "uncertainty.weather", "expected at least one weather source");
  }
  readScale(*n, "load_scale", c, out.load_min, out.load_max);
  readScale(*n, "price_scale", c, out.price_min, out.price_max);
}

}  // namespace twin
