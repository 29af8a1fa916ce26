#include "viewer/equipment_models.h"

#include <array>
#include <osg/Geometry>
#include <osg/NodeVisitor>
#include <osg/Notify>
#include <osg/TriangleFunctor>
#include <osgDB/Registry>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>

namespace twin {
extern const std::string_view kEquipmentModels;  // assets/models/*.obj, concatenated
}

namespace viewer {
namespace {

// The `o NAME` of each model's file, in Model order.
constexpr std::array<std::string_view, kModelCount> kNames = {
    "pump", "fan",     "compressor",  "conveyor", "machine",  "charger",
    "hvac", "cabinet", "transformer", "battery",  "inverter", "tree"};

struct Collect {
  std::vector<Eigen::Vector3d>* out = nullptr;
  void operator()(const osg::Vec3& a, const osg::Vec3& b, const osg::Vec3& c) const {
    for (const osg::Vec3& p : {a, b, c}) out->emplace_back(p.x(), p.y(), p.z());
  }
};

// Every triangle of every geometry under a node (the OBJ reader adds no transforms).
class TriangleCollector : public osg::NodeVisitor {
 public:
  explicit TriangleCollector(std::vector<Eigen::Vector3d>* out)
      : osg::NodeVisitor(TRAVERSE_ALL_CHILDREN), out_(out) {}
  void apply(osg::Geometry& geometry) override {
    osg::TriangleFunctor<Collect> functor;
    functor.out = out_;
    geometry.accept(functor);
  }

 private:
  std::vector<Eigen::Vector3d>* out_;
};

// One model's part of the embedded text: from its `o NAME` line to the next model's.
std::string modelText(std::string_view name) {
  const std::string_view all = twin::kEquipmentModels;
  const std::string tag = "o " + std::string(name) + "\n";
  const size_t start = all.find(tag);
  if (start == std::string_view::npos) {
    throw std::runtime_error("the program has no equipment model \"" + std::string(name) + "\"");
  }
  const size_t end = all.find("\no ", start + tag.size());
  return std::string(all.substr(start, end == std::string_view::npos ? end : end + 1 - start));
}

std::array<std::vector<Eigen::Vector3d>, kModelCount> loadModels() {
  osgDB::ReaderWriter* reader = osgDB::Registry::instance()->getReaderWriterForExtension("obj");
  if (!reader) {
    throw std::runtime_error(
        "OpenSceneGraph's OBJ plugin (osgdb_obj) is missing; install "
        "libopenscenegraph161 (scripts/setup.sh does)");
  }
  // z up as written: no conversion from OBJ's customary y up.
  osg::ref_ptr<osgDB::Options> options = new osgDB::Options("noRotation");
  std::array<std::vector<Eigen::Vector3d>, kModelCount> models;
  // The reader warns of the missing material of every face: the models have none (the viewer
  // colours them), so quiet it while reading.
  const osg::NotifySeverity level = osg::getNotifyLevel();
  osg::setNotifyLevel(osg::FATAL);
  for (size_t i = 0; i < kNames.size(); ++i) {
    std::istringstream in(modelText(kNames[i]));
    osgDB::ReaderWriter::ReadResult read = reader->readNode(in, options.get());
    if (!read.validNode()) {
      osg::setNotifyLevel(level);
      throw std::runtime_error("equipment model \"" + std::string(kNames[i]) +
                               "\" could not be read: " + read.message());
    }
    TriangleCollector collect(&models[i]);
    read.getNode()->accept(collect);
  }
  osg::setNotifyLevel(level);
  return models;
}

}  // namespace

const std::vector<Eigen::Vector3d>& modelTriangles(Model model) {
  static const std::array<std::vector<Eigen::Vector3d>, kModelCount> models = loadModels();
  return models[static_cast<size_t>(model)];
}

Model modelOf(twin::DrivenKind kind) {
  switch (kind) {
    case twin::DrivenKind::kPump:
      return Model::kPump;
    case twin::DrivenKind::kFan:
      return Model::kFan;
    case twin::DrivenKind::kAirCompressor:
      return Model::kCompressor;
    case twin::DrivenKind::kConveyor:
      return Model::kConveyor;
    case twin::DrivenKind::kMachineTool:
    case twin::DrivenKind::kMixer:
    case twin::DrivenKind::kOther:
      break;
  }
  return Model::kMachine;
}

Model modelOf(twin::LoadKind kind) {
  switch (kind) {
    case twin::LoadKind::kEvCharger:
      return Model::kCharger;
    case twin::LoadKind::kHvac:
      return Model::kHvac;
    case twin::LoadKind::kLighting:
    case twin::LoadKind::kPlug:
    case twin::LoadKind::kProcess:
    case twin::LoadKind::kOther:
      break;
  }
  return Model::kCabinet;
}

}  // namespace viewer
