// The park as an OpenSceneGraph scene: ground, buildings (see-through when equipment is shown),
// PV modules, equipment glyphs, buses, transformers, cables with flow markers, labels and a north
// arrow. Every layer is one merged geometry under a switch; an id <-> part table serves picking
// and colouring. Only the update phase (ResultsBinding, selection) changes nodes.
#pragma once

#include <array>
#include <memory>
#include <optional>
#include <osg/Geode>
#include <osg/Group>
#include <osg/Light>
#include <osg/Switch>
#include <osgText/Text>
#include <string>

#include "viewer/flow_markers.h"
#include "viewer/merged_mesh.h"
#include "viewer/park_layout.h"
#include "viewer/park_shadows.h"

namespace viewer {

inline const osg::Vec4 kSkyColor{0.62f, 0.74f, 0.86f, 1.0f};

enum class Layer { kBuildings, kPv, kEquipment, kNetwork, kLabels, kShadows };
inline constexpr int kLayerCount = 6;

// Fixed colour of a building by kind (the buildings legend).
Rgb buildingColor(twin::BuildingKind kind);

class ParkScene {
 public:
  ParkScene(const twin::ParkModel& model, const ParkLayout& layout, const std::string& font_path);

  osg::Group* root() const { return root_.get(); }
  const ParkLayout& layout() const { return layout_; }

  void setLayerVisible(Layer layer, bool visible);
  // See-through buildings (so that equipment inside shows); on by default.
  void setXray(bool xray);
  bool xray() const { return xray_; }

  // The id of the part that holds triangle `triangle` of `drawable`, if it is one of the scene's.
  std::optional<std::string> idOf(const osg::Drawable* drawable, unsigned triangle) const;
  std::optional<osg::BoundingBox> boundsOf(const std::string& id) const;
  // Outlines the part with this id ("" clears).
  void select(const std::string& id);
  // The site's name on the ground in Chinese (its name_zh, where it has one) or English.
  void setLanguage(bool zh);
  // The park's shadows and its light for the unit vector towards the sun (no shadows and a dim
  // night light with the sun down).
  void setSun(const Eigen::Vector3d& sun);
  // The sky's colour for the sun of setSun(): day blue to night blue.
  const osg::Vec4& skyColor() const { return sky_; }

  MergedMesh& pv() { return *pv_; }
  MergedMesh& motors() { return *motors_; }
  MergedMesh& loads() { return *loads_; }
  MergedMesh& transformers() { return *transformers_; }
  MergedMesh& inverters() { return *inverters_; }  // one part per PV array
  MergedMesh& buses() { return *buses_; }
  MergedMesh& cables() { return *cables_; }
  FlowMarkers& flows() { return *flows_; }

 private:
  std::array<MergedMesh*, 11> meshes() const;

  ParkLayout layout_;
  osg::ref_ptr<osg::Group> root_;
  std::array<osg::ref_ptr<osg::Switch>, kLayerCount> layers_;
  std::unique_ptr<MergedMesh> buildings_, floors_, pv_, motors_, loads_, transformers_, buses_,
      cables_, storage_, inverters_, chargers_;
  std::unique_ptr<FlowMarkers> flows_;
  std::unique_ptr<ParkShadows> shadows_;
  osg::ref_ptr<osg::Geode> building_geode_;
  osg::ref_ptr<osg::Geode> selection_;
  osg::ref_ptr<osg::Light> sun_;
  osg::Vec4 sky_ = kSkyColor;
  osg::ref_ptr<osgText::Text> site_name_;
  std::array<std::string, 2> site_names_;  // English, Chinese
  bool xray_ = true;
};

}  // namespace viewer
