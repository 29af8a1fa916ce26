// Compiles `presentation:` (docs/presenting.md): named cameras, and tours as stops at them with
// move and hold times and captions in both languages.
#include <cmath>

#include "physics/units.h"
#include "twin/base/text.h"
#include "twin/model/compile_context.h"

namespace twin {
namespace {

namespace u = physics::units;

constexpr QuantityField kDistance{"distance", Dimension::kLength, 0, 20000, true, "m", u::m};
constexpr QuantityField kHeading{
    "heading", Dimension::kAngle, -360 * u::deg, 360 * u::deg, false, "deg", u::deg};
constexpr QuantityField kPitch{"pitch", Dimension::kAngle, -89 * u::deg, 89 * u::deg, false, "deg",
                               u::deg};
constexpr QuantityField kMove{"move", Dimension::kDuration, 0, 3600, false, "s", 1.0};
constexpr QuantityField kHold{"hold", Dimension::kDuration, 0, 3600, false, "s", 1.0};

Eigen::Vector3d readPoint3(const Node& n, const std::string& path, CompileContext& c) {
  double x = 0, y = 0, z = 0;
  if (!n.isSequence() || n.items.size() != 3 || !parseNumber(n.items[0].scalar, x) ||
      !parseNumber(n.items[1].scalar, y) || !parseNumber(n.items[2].scalar, z) ||
      !std::isfinite(x) || !std::isfinite(y) || !std::isfinite(z)) {
    c.r.error(n.loc, path, "expected a point [east_m, north_m, up_m]");
  }
  return {x, y, z};
}

// A camera by eye and target, or by target, distance, heading (the compass bearing it looks
// along) and pitch (how far it looks down).
void compileCamera(const Node& n, const std::string& path, CompileContext& c) {
  if (!c.r.expectMap(n, path)) return;
  c.r.checkKeys(n, {"id", "target", "eye", "distance", "heading", "pitch"}, path);
  PresentationCamera cam;
  cam.id = c.r.id(n, "id", path).value_or("");
  if (const Node* t = c.r.required(n, "target", path))
    cam.target = readPoint3(*t, keyPath(path, "target"), c);
  if (const Node* eye = n.find("eye")) {
    if (n.find("distance") || n.find("heading") || n.find("pitch")) {
      c.r.error(eye->loc, keyPath(path, "eye"),
                "expected either eye or distance, heading and pitch, not both");
    }
    cam.eye = readPoint3(*eye, keyPath(path, "eye"), c);
  } else {
    const double d = c.r.quantity(n, kDistance, path, true).value_or(100.0);
    const double h = c.r.quantity(n, kHeading, path, true).value_or(0.0);
    const double p = c.r.quantity(n, kPitch, path, true).value_or(0.0);
    const Eigen::Vector3d look(std::sin(h) * std::cos(p), std::cos(h) * std::cos(p), -std::sin(p));
    cam.eye = cam.target - d * look;
  }
  if (!cam.id.empty()) c.claimId(cam.id, n.find("id")->loc, keyPath(path, "id"));
  c.model.cameras.push_back(std::move(cam));
}

int cameraIndex(const ParkModel& m, const std::string& id) {
  for (size_t i = 0; i < m.cameras.size(); ++i) {
    if (m.cameras[i].id == id) return static_cast<int>(i);
  }
  return -1;
}

void compileStop(const Node& n, const std::string& path, const std::string& tour,
                 CompileContext& c) {
  if (!c.r.expectMap(n, path)) return;
  c.r.checkKeys(n, {"camera", "move", "hold", "caption", "caption_zh"}, path);
  TourStop stop;
  stop.tour = tour;
  const std::string camera = c.r.text(n, "camera", path, true).value_or("");
  stop.camera = cameraIndex(c.model, camera);
  if (stop.camera < 0 && n.find("camera")) {
    std::vector<std::string> ids;
    for (const PresentationCamera& cam : c.model.cameras) ids.push_back(cam.id);
    c.r.error(n.find("camera")->loc, keyPath(path, "camera"),
              "expected a camera of presentation.cameras (" + join(ids, ", ") + "), got " +
                  quote(camera));
  }
  stop.move = c.r.quantity(n, kMove, path, false).value_or(2.0);
  stop.hold = c.r.quantity(n, kHold, path, false).value_or(3.0);
  stop.caption = c.r.text(n, "caption", path, false).value_or("");
  stop.caption_zh = c.r.text(n, "caption_zh", path, false).value_or(stop.caption);
  c.model.tour_stops.push_back(std::move(stop));
}

void compileTour(const Node& n, const std::string& path, CompileContext& c) {
  if (!c.r.expectMap(n, path)) return;
  c.r.checkKeys(n, {"id", "stops"}, path);
  const std::string id = c.r.id(n, "id", path).value_or("");
  if (!id.empty()) c.claimId(id, n.find("id")->loc, keyPath(path, "id"));
  const Node* stops = c.r.required(n, "stops", path);
  const std::string spath = keyPath(path, "stops");
  if (!stops || !c.r.expectSequence(*stops, spath)) return;
  if (stops->items.empty()) c.r.error(stops->loc, spath, "expected at least one stop");
  for (size_t i = 0; i < stops->items.size(); ++i)
    compileStop(stops->items[i], indexPath(spath, i), id, c);
}

}  // namespace

void compilePresentation(const Node& root, CompileContext& c) {
  const Node* p = root.find("presentation");
  if (!p || !c.r.expectMap(*p, "presentation")) return;
  c.r.checkKeys(*p, {"cameras", "tours"}, "presentation");
  forEachEntry(*p, "cameras", false, c, compileCamera, "presentation");
  forEachEntry(*p, "tours", false, c, compileTour, "presentation");
}

}  // namespace twin
