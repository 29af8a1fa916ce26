#include "twin/model/occluder_scene.h"

#include <embree3/rtcore.h>

#include <algorithm>
#include <limits>
#include <stdexcept>

#include "twin/base/polygon.h"
#include "twin/parkfile/sha256.h"

namespace twin::shading {

void Triangles::add(const Eigen::Vector3d& a, const Eigen::Vector3d& b, const Eigen::Vector3d& c) {
  const auto first = static_cast<unsigned>(vertices.size());
  vertices.insert(vertices.end(), {a, b, c});
  triangles.push_back({first, first + 1, first + 2});
}

void Triangles::addQuad(const std::array<Eigen::Vector3d, 4>& q) {
  add(q[0], q[1], q[2]);
  add(q[0], q[2], q[3]);
}

std::string Triangles::digest() const {
  std::string bytes(reinterpret_cast<const char*>(vertices.data()),
                    vertices.size() * sizeof(Eigen::Vector3d));
  bytes.append(reinterpret_cast<const char*>(triangles.data()),
               triangles.size() * sizeof(triangles[0]));
  return sha256Hex(bytes);
}

void Triangles::addPrism(const std::vector<Eigen::Vector2d>& footprint, double base, double top) {
  const size_t n = footprint.size();
  auto at = [&](size_t i, double z) {
    return Eigen::Vector3d(footprint[i % n].x(), footprint[i % n].y(), z);
  };
  for (size_t i = 0; i < n; ++i)
    addQuad({at(i, base), at(i + 1, base), at(i + 1, top), at(i, top)});
  for (const auto& t : triangulate(footprint)) {
    add(at(t[0], top), at(t[1], top), at(t[2], top));
    add(at(t[0], base), at(t[2], base), at(t[1], base));
  }
}

OccluderScene::OccluderScene(const Triangles& t) : count_(t.triangles.size()) {
  device_ = rtcNewDevice(nullptr);
  if (!device_) throw std::runtime_error("Embree: cannot create a device");
  scene_ = rtcNewScene(device_);
  rtcSetSceneFlags(scene_, RTC_SCENE_FLAG_ROBUST);
  rtcSetSceneBuildQuality(scene_, RTC_BUILD_QUALITY_HIGH);
  if (!t.triangles.empty()) {
    RTCGeometry g = rtcNewGeometry(device_, RTC_GEOMETRY_TYPE_TRIANGLE);
    auto* v = static_cast<float*>(rtcSetNewGeometryBuffer(
        g, RTC_BUFFER_TYPE_VERTEX, 0, RTC_FORMAT_FLOAT3, 3 * sizeof(float), t.vertices.size()));
    for (size_t i = 0; i < t.vertices.size(); ++i) {
      for (int k = 0; k < 3; ++k) v[3 * i + size_t(k)] = static_cast<float>(t.vertices[i][k]);
    }
    auto* idx = static_cast<unsigned*>(rtcSetNewGeometryBuffer(
        g, RTC_BUFFER_TYPE_INDEX, 0, RTC_FORMAT_UINT3, 3 * sizeof(unsigned), t.triangles.size()));
    for (size_t i = 0; i < t.triangles.size(); ++i) {
      for (size_t k = 0; k < 3; ++k) idx[3 * i + k] = t.triangles[i][k];
    }
    rtcCommitGeometry(g);
    rtcAttachGeometry(scene_, g);
    rtcReleaseGeometry(g);
  }
  rtcCommitScene(scene_);
}

OccluderScene::~OccluderScene() {
  rtcReleaseScene(scene_);
  rtcReleaseDevice(device_);
}

namespace {

RTCRay singleRay(const Eigen::Vector3d& origin, const Eigen::Vector3d& direction) {
  RTCRay ray{};
  ray.org_x = static_cast<float>(origin.x());
  ray.org_y = static_cast<float>(origin.y());
  ray.org_z = static_cast<float>(origin.z());
  ray.dir_x = static_cast<float>(direction.x());
  ray.dir_y = static_cast<float>(direction.y());
  ray.dir_z = static_cast<float>(direction.z());
  ray.tnear = 0.0f;
  ray.tfar = std::numeric_limits<float>::infinity();
  ray.mask = 0xFFFFFFFFu;
  return ray;
}

}  // namespace

bool OccluderScene::occluded(const Eigen::Vector3d& origin,
                             const Eigen::Vector3d& direction) const {
  RTCIntersectContext context;
  rtcInitIntersectContext(&context);
  RTCRay ray = singleRay(origin, direction);
  rtcOccluded1(scene_, &context, &ray);
  return ray.tfar < 0.0f;  // Embree sets tfar to -inf on a hit
}

bool OccluderScene::reachesGround(const Eigen::Vector3d& origin,
                                  const Eigen::Vector3d& direction) const {
  constexpr float kUpCos2 = 0.5f;  // cos^2 of 45 degrees
  RTCIntersectContext context;
  rtcInitIntersectContext(&context);
  RTCRayHit hit{};
  hit.ray = singleRay(origin, direction);
  hit.hit.geomID = RTC_INVALID_GEOMETRY_ID;
  rtcIntersect1(scene_, &context, &hit);
  if (hit.hit.geomID == RTC_INVALID_GEOMETRY_ID) return true;
  // The normal of the side the ray meets (Embree's Ng follows the triangle's winding).
  const Eigen::Vector3f ng(hit.hit.Ng_x, hit.hit.Ng_y, hit.hit.Ng_z);
  const Eigen::Vector3f facing = ng.dot(direction.cast<float>()) < 0.0f ? ng : Eigen::Vector3f(-ng);
  return facing.z() > 0.0f && facing.z() * facing.z() >= kUpCos2 * facing.squaredNorm();
}

void OccluderScene::occludedAlong(const std::vector<Eigen::Vector3d>& origins,
                                  const Eigen::Vector3d& direction,
                                  std::vector<char>& hidden) const {
  constexpr size_t kPacket = 16;
  hidden.assign(origins.size(), 0);
  RTCIntersectContext context;
  rtcInitIntersectContext(&context);
  context.flags = RTC_INTERSECT_CONTEXT_FLAG_COHERENT;
  // What every ray of every packet shares, set once; each packet then takes only its origins.
  alignas(64) RTCRay16 rays{};
  for (size_t k = 0; k < kPacket; ++k) {
    rays.dir_x[k] = static_cast<float>(direction.x());
    rays.dir_y[k] = static_cast<float>(direction.y());
    rays.dir_z[k] = static_cast<float>(direction.z());
    rays.mask[k] = 0xFFFFFFFFu;
  }
  for (size_t first = 0; first < origins.size(); first += kPacket) {
    alignas(64) int valid[kPacket];
    for (size_t k = 0; k < kPacket; ++k) {
      const size_t i = std::min(first + k, origins.size() - 1);
      valid[k] = first + k < origins.size() ? -1 : 0;
      rays.org_x[k] = static_cast<float>(origins[i].x());
      rays.org_y[k] = static_cast<float>(origins[i].y());
      rays.org_z[k] = static_cast<float>(origins[i].z());
      rays.tnear[k] = 0.0f;
      rays.tfar[k] = std::numeric_limits<float>::infinity();  // a hit sets it to -inf
    }
    rtcOccluded16(valid, scene_, &context, &rays);
    for (size_t k = 0; k < kPacket && first + k < origins.size(); ++k) {
      hidden[first + k] = rays.tfar[k] < 0.0f ? 1 : 0;
    }
  }
}

}  // namespace twin::shading
