#include "viewer/park_scene.h"

#include <osg/BlendColor>
#include <osg/BlendFunc>
#include <osg/CullFace>
#include <osg/Depth>
#include <osg/Geode>
#include <osg/LightModel>
#include <osg/LightSource>
#include <osg/LineWidth>
#include <osg/Material>

#include "twin/model/park_occluders.h"
#include "viewer/equipment_models.h"
#include "viewer/scene_labels.h"

namespace viewer {
namespace {

constexpr float kXrayAlpha = 0.35f;
const osg::Vec4 kNightSky{0.10f, 0.13f, 0.22f, 1.0f};
constexpr Rgb kBusColor{0.2f, 0.4f, 0.9f};
constexpr Rgb kGlyphColor{0.6f, 0.6f, 0.65f};
constexpr Rgb kObstacleColor{0.62f, 0.60f, 0.58f};
constexpr Rgb kTreeColor{0.25f, 0.50f, 0.22f};
constexpr Rgb kStorageColor{0.85f, 0.88f, 0.92f};  // a white container
constexpr Rgb kChargerColor{0.20f, 0.55f, 0.85f};

osg::ref_ptr<osg::Geode> geodeOf(std::initializer_list<osg::Drawable*> drawables) {
  osg::ref_ptr<osg::Geode> g = new osg::Geode;
  for (osg::Drawable* d : drawables) g->addDrawable(d);
  return g;
}

osg::ref_ptr<osg::Geode> makeGround(const ParkLayout& layout) {
  MergedMesh ground("ground");
  const double margin =
      0.5 * std::max(layout.max.x() - layout.min.x(), layout.max.y() - layout.min.y());
  const Eigen::Vector2d lo = layout.min.array() - margin, hi = layout.max.array() + margin;
  ground.addQuad("",
                 {Eigen::Vector3d(lo.x(), lo.y(), -0.5), Eigen::Vector3d(hi.x(), lo.y(), -0.5),
                  Eigen::Vector3d(hi.x(), hi.y(), -0.5), Eigen::Vector3d(lo.x(), hi.y(), -0.5)},
                 kGroundColor);
  ground.addQuad("",
                 {Eigen::Vector3d(layout.min.x(), layout.min.y(), -0.05),
                  Eigen::Vector3d(layout.max.x(), layout.min.y(), -0.05),
                  Eigen::Vector3d(layout.max.x(), layout.max.y(), -0.05),
                  Eigen::Vector3d(layout.min.x(), layout.max.y(), -0.05)},
                 kSiteColor);
  return geodeOf({ground.geometry()});
}

// Directional, from the south-east above until setSun() puts it where the sun is.
osg::ref_ptr<osg::LightSource> makeSun(osg::Light* light) {
  light->setPosition({0.35f, -0.55f, 1.0f, 0.0f});
  light->setAmbient({0.45f, 0.45f, 0.45f, 1.0f});
  light->setDiffuse({0.6f, 0.6f, 0.6f, 1.0f});
  light->setSpecular({0.0f, 0.0f, 0.0f, 1.0f});
  osg::ref_ptr<osg::LightSource> source = new osg::LightSource;
  source->setLight(light);
  source->setReferenceFrame(osg::LightSource::ABSOLUTE_RF);
  return source;
}

// Obstacles (chimneys, tanks, trees) as solid prisms, for the eye and their shadows.
osg::ref_ptr<osg::Geode> makeObstacles(const twin::ParkModel& model) {
  MergedMesh mesh("obstacles");
  for (const twin::Obstacle& o : model.obstacles) {
    if (o.kind != twin::ObstacleKind::kTree) {
      mesh.addPrism(o.id, twin::obstacleOutline(o), o.base, o.height, kObstacleColor);
      continue;
    }
    // A tree: the model, its crown as wide as the obstacle's, its trunk down to the ground.
    mesh.addModel(o.id, modelTriangles(Model::kTree), {o.center.x(), o.center.y(), 0.5 * o.height},
                  {2 * o.radius, 2 * o.radius, o.height}, kTreeColor);
  }
  mesh.commit();
  return geodeOf({mesh.geometry()});
}

// Lit with the sun light, colours from the vertices, both sides of thin surfaces.
void lightScene(osg::StateSet* ss) {
  osg::ref_ptr<osg::Material> material = new osg::Material;
  material->setColorMode(osg::Material::AMBIENT_AND_DIFFUSE);
  ss->setAttributeAndModes(material.get());
  osg::ref_ptr<osg::LightModel> light_model = new osg::LightModel;
  light_model->setTwoSided(true);
  light_model->setAmbientIntensity({0.0f, 0.0f, 0.0f, 1.0f});
  ss->setAttributeAndModes(light_model.get());
  ss->setMode(GL_LIGHTING, osg::StateAttribute::ON);
  ss->setMode(GL_LIGHT0, osg::StateAttribute::ON);
  ss->setMode(GL_NORMALIZE, osg::StateAttribute::ON);
}

}  // namespace

Rgb buildingColor(twin::BuildingKind kind) {
  switch (kind) {
    case twin::BuildingKind::kWorkshop:
      return {0.82f, 0.78f, 0.70f};
    case twin::BuildingKind::kWarehouse:
      return {0.78f, 0.70f, 0.58f};
    case twin::BuildingKind::kOffice:
      return {0.70f, 0.80f, 0.90f};
    case twin::BuildingKind::kCanteen:
      return {0.90f, 0.76f, 0.64f};
    case twin::BuildingKind::kUtility:
      return {0.72f, 0.72f, 0.80f};
    case twin::BuildingKind::kOther:
      break;
  }
  return {0.80f, 0.80f, 0.80f};
}

ParkScene::ParkScene(const twin::ParkModel& model, const ParkLayout& layout,
                     const std::string& font_path)
    : layout_(layout),
      root_(new osg::Group),
      buildings_(std::make_unique<MergedMesh>("buildings")),
      floors_(std::make_unique<MergedMesh>("floors")),
      pv_(std::make_unique<MergedMesh>("pv")),
      motors_(std::make_unique<MergedMesh>("motors")),
      loads_(std::make_unique<MergedMesh>("loads")),
      transformers_(std::make_unique<MergedMesh>("transformers")),
      buses_(std::make_unique<MergedMesh>("buses")),
      cables_(std::make_unique<MergedMesh>("cables")),
      storage_(std::make_unique<MergedMesh>("storage")),
      inverters_(std::make_unique<MergedMesh>("inverters")),
      chargers_(std::make_unique<MergedMesh>("chargers")),
      flows_(std::make_unique<FlowMarkers>(layout.cables)),
      shadows_(std::make_unique<ParkShadows>(model, layout)),
      selection_(new osg::Geode),
      sun_(new osg::Light(0)) {
  for (size_t i = 0; i < model.buildings.size(); ++i) {
    const twin::Building& b = model.buildings[i];
    const Rgb c = buildingColor(b.kind);
    buildings_->addPrism(b.id, b.footprint, 0.0, b.height, c);
    floors_->addPrism(b.id, b.footprint, 0.0, 0.05, c);
  }
  for (const PvArrayLayout& a : layout.pv) {
    for (size_t k = 0; k < a.quads.size(); ++k) {
      pv_->addQuad(a.id, a.quads[k].corners, kIdleColor, k == 0);
    }
  }
  // Equipment drawn with the low-poly models of assets/models, stretched to its glyph's box.
  for (size_t i = 0; i < layout.motors.size(); ++i) {
    const Glyph& g = layout.motors[i];
    motors_->addModel(g.id, modelTriangles(modelOf(model.motors[i].driven)), g.center, g.size,
                      kGlyphColor);
  }
  for (size_t i = 0; i < layout.loads.size(); ++i) {
    const Glyph& g = layout.loads[i];
    loads_->addModel(g.id, modelTriangles(modelOf(model.loads[i].kind)), g.center, g.size,
                     kGlyphColor);
  }
  for (const Glyph& g : layout.transformers) {
    transformers_->addModel(g.id, modelTriangles(Model::kTransformer), g.center, g.size,
                            kGlyphColor);
  }
  for (const Glyph& g : layout.storage) {
    storage_->addModel(g.id, modelTriangles(Model::kBattery), g.center, g.size, kStorageColor);
  }
  for (const Glyph& g : layout.inverters) {
    inverters_->addModel(g.id, modelTriangles(Model::kInverter), g.center, g.size, kIdleColor);
  }
  for (const std::vector<Glyph>& posts : layout.chargers) {
    for (size_t k = 0; k < posts.size(); ++k) {
      chargers_->addModel(posts[k].id, modelTriangles(Model::kCharger), posts[k].center,
                          posts[k].size, kChargerColor, k == 0);
    }
  }
  for (const Glyph& g : layout.buses) buses_->addBox(g.id, g.center, g.size, kBusColor);
  for (const CableRoute& c : layout.cables) {
    bool first = true;
    for (size_t k = 0; k + 1 < c.points.size(); ++k) {
      if ((c.points[k + 1] - c.points[k]).norm() < 1e-3) continue;
      cables_->addBeam(c.id, c.points[k], c.points[k + 1], 0.8, kGlyphColor, first);
      first = false;
    }
  }
  for (MergedMesh* m : meshes()) m->commit();

  lightScene(root_->getOrCreateStateSet());
  root_->addChild(makeSun(sun_.get()).get());
  root_->addChild(makeGround(layout).get());

  for (auto& l : layers_) {
    l = new osg::Switch;
    root_->addChild(l.get());
  }
  building_geode_ = geodeOf({buildings_->geometry()});
  building_geode_->getOrCreateStateSet()->setAttributeAndModes(
      new osg::CullFace(osg::CullFace::BACK));
  layers_[int(Layer::kBuildings)]->addChild(geodeOf({floors_->geometry()}).get());
  layers_[int(Layer::kBuildings)]->addChild(building_geode_.get());
  layers_[int(Layer::kBuildings)]->addChild(makeObstacles(model).get());
  layers_[int(Layer::kShadows)]->addChild(shadows_->node());
  layers_[int(Layer::kPv)]->addChild(geodeOf({pv_->geometry(), inverters_->geometry()}).get());
  layers_[int(Layer::kEquipment)]->addChild(geodeOf({motors_->geometry(), loads_->geometry(),
                                                     storage_->geometry(), chargers_->geometry()})
                                                .get());
  osg::ref_ptr<osg::Geode> network = geodeOf(
      {transformers_->geometry(), buses_->geometry(), cables_->geometry(), flows_->geometry()});
  layers_[int(Layer::kNetwork)]->addChild(network.get());
  const SiteMarkers markers = makeSiteMarkers(model, layout, font_path);
  layers_[int(Layer::kLabels)]->addChild(markers.node.get());
  site_name_ = markers.name;
  site_names_ = {model.site.name, model.site.name_zh};
  osg::StateSet* sel = selection_->getOrCreateStateSet();
  sel->setMode(GL_LIGHTING, osg::StateAttribute::OFF | osg::StateAttribute::PROTECTED);
  sel->setAttributeAndModes(new osg::LineWidth(3.0f));
  sel->setRenderBinDetails(20, "RenderBin");
  root_->addChild(selection_.get());
  setXray(true);
}

std::array<MergedMesh*, 11> ParkScene::meshes() const {
  return {buildings_.get(), floors_.get(),       pv_.get(),      motors_.get(),
          loads_.get(),     transformers_.get(), buses_.get(),   cables_.get(),
          storage_.get(),   inverters_.get(),    chargers_.get()};
}

void ParkScene::setLayerVisible(Layer layer, bool visible) {
  layers_[int(layer)]->setAllChildrenOn();
  if (!visible) layers_[int(layer)]->setAllChildrenOff();
}

void ParkScene::setXray(bool xray) {
  xray_ = xray;
  osg::StateSet* ss = building_geode_->getOrCreateStateSet();
  if (xray) {
    ss->setAttributeAndModes(new osg::BlendColor({0.0f, 0.0f, 0.0f, kXrayAlpha}));
    ss->setAttributeAndModes(new osg::BlendFunc(GL_CONSTANT_ALPHA, GL_ONE_MINUS_CONSTANT_ALPHA));
    ss->setAttributeAndModes(new osg::Depth(osg::Depth::LESS, 0.0, 1.0, false));
    ss->setRenderingHint(osg::StateSet::TRANSPARENT_BIN);
  } else {
    ss->removeAttribute(osg::StateAttribute::BLENDCOLOR);
    ss->removeAttribute(osg::StateAttribute::BLENDFUNC);
    ss->removeAttribute(osg::StateAttribute::DEPTH);
    ss->setMode(GL_BLEND, osg::StateAttribute::OFF);
    ss->setRenderingHint(osg::StateSet::OPAQUE_BIN);
  }
}

std::optional<std::string> ParkScene::idOf(const osg::Drawable* drawable, unsigned triangle) const {
  for (MergedMesh* m : meshes()) {
    if (m->geometry() != drawable) continue;
    const size_t part = m->partOfTriangle(triangle);
    if (part < m->parts()) return m->id(part);
  }
  return std::nullopt;
}

std::optional<osg::BoundingBox> ParkScene::boundsOf(const std::string& id) const {
  for (MergedMesh* m : meshes()) {
    for (size_t p = 0; p < m->parts(); ++p) {
      if (m->id(p) == id) return m->bounds(p);
    }
  }
  return std::nullopt;
}

void ParkScene::select(const std::string& id) {
  selection_->removeDrawables(0, selection_->getNumDrawables());
  const std::optional<osg::BoundingBox> box = boundsOf(id);
  if (id.empty() || !box) return;
  osg::ref_ptr<osg::Geometry> g = new osg::Geometry;
  osg::ref_ptr<osg::Vec3Array> v = new osg::Vec3Array;
  const float pad = 0.3f;
  const osg::Vec3 lo = box->_min - osg::Vec3(pad, pad, pad),
                  hi = box->_max + osg::Vec3(pad, pad, pad);
  for (int e = 0; e < 12; ++e) {
    // The 12 edges of the box: 4 along each axis.
    const int axis = e / 4, a = e % 2, b = (e / 2) % 2;
    osg::Vec3 p, q;
    for (int k = 0; k < 3; ++k) {
      const int other = k == axis ? -1 : ((k == (axis + 1) % 3) ? a : b);
      const float lo_k = lo[k], hi_k = hi[k];
      p[k] = other < 0 ? lo_k : (other ? hi_k : lo_k);
      q[k] = other < 0 ? hi_k : (other ? hi_k : lo_k);
    }
    v->push_back(p);
    v->push_back(q);
  }
  osg::ref_ptr<osg::Vec4Array> c = new osg::Vec4Array;
  c->push_back({kSelectionColor.r, kSelectionColor.g, kSelectionColor.b, 1.0f});
  g->setVertexArray(v.get());
  g->setColorArray(c.get(), osg::Array::BIND_OVERALL);
  g->addPrimitiveSet(new osg::DrawArrays(GL_LINES, 0, GLsizei(v->size())));
  selection_->addDrawable(g.get());
}

void ParkScene::setSun(const Eigen::Vector3d& sun) {
  shadows_->setSun(sun);
  // Lit from the sun: full light from 30 degrees up, a cool dim ambient at night (a simplified
  // look, not a photometric model).
  const double up = std::clamp(sun.z() / 0.5, 0.0, 1.0);
  const float diffuse = float(0.6 * up), ambient = float(0.32 + 0.13 * up);
  sky_ = kNightSky * float(1 - up) + kSkyColor * float(up);
  if (sun.z() > 0) sun_->setPosition({float(sun.x()), float(sun.y()), float(sun.z()), 0.0f});
  sun_->setDiffuse({diffuse, diffuse, diffuse, 1.0f});
  sun_->setAmbient({ambient, ambient, float(ambient + 0.1 * (1 - up)), 1.0f});
}

void ParkScene::setLanguage(bool zh) {
  site_name_->setText(twin::shownName(site_names_[0], site_names_[1], zh),
                      osgText::String::ENCODING_UTF8);
}

}  // namespace viewer
