#include "viewer/merged_mesh.h"

#include <Eigen/Geometry>
#include <algorithm>
#include <cmath>

#include "twin/base/polygon.h"

namespace viewer {
namespace {

osg::Vec3 toOsg(const Eigen::Vector3d& v) {
  return {static_cast<float>(v.x()), static_cast<float>(v.y()), static_cast<float>(v.z())};
}

}  // namespace

MergedMesh::MergedMesh(const std::string& name)
    : geometry_(new osg::Geometry),
      vertices_(new osg::Vec3Array),
      normals_(new osg::Vec3Array),
      colors_(new osg::Vec4Array),
      triangles_(new osg::DrawElementsUInt(GL_TRIANGLES)) {
  geometry_->setName(name);
  geometry_->setUseDisplayList(false);
  geometry_->setUseVertexBufferObjects(true);
  geometry_->setDataVariance(osg::Object::DYNAMIC);
  geometry_->setVertexArray(vertices_.get());
  geometry_->setNormalArray(normals_.get(), osg::Array::BIND_PER_VERTEX);
  geometry_->setColorArray(colors_.get(), osg::Array::BIND_PER_VERTEX);
  geometry_->addPrimitiveSet(triangles_.get());
}

size_t MergedMesh::begin(const std::string& id) {
  parts_.push_back({id, static_cast<unsigned>(vertices_->size()), 0,
                    static_cast<unsigned>(triangles_->size() / 3)});
  return parts_.size() - 1;
}

void MergedMesh::vertex(const Eigen::Vector3d& p, const Eigen::Vector3d& n, Rgb c) {
  vertices_->push_back(toOsg(p));
  normals_->push_back(toOsg(n));
  colors_->push_back({c.r, c.g, c.b, 1.0f});
  ++parts_.back().vertex_count;
}

void MergedMesh::triangle(unsigned a, unsigned b, unsigned c) {
  triangles_->push_back(a);
  triangles_->push_back(b);
  triangles_->push_back(c);
}

void MergedMesh::face(const std::array<Eigen::Vector3d, 4>& q, Rgb c) {
  const Eigen::Vector3d n = (q[1] - q[0]).cross(q[3] - q[0]).normalized();
  const unsigned base = static_cast<unsigned>(vertices_->size());
  for (const Eigen::Vector3d& p : q) vertex(p, n, c);
  triangle(base, base + 1, base + 2);
  triangle(base, base + 2, base + 3);
}

size_t MergedMesh::addQuad(const std::string& id, const std::array<Eigen::Vector3d, 4>& corners,
                           Rgb color, bool new_part) {
  const size_t part = new_part || parts_.empty() ? begin(id) : parts_.size() - 1;
  face(corners, color);
  return part;
}

size_t MergedMesh::addBox(const std::string& id, const Eigen::Vector3d& center,
                          const Eigen::Vector3d& size, Rgb color) {
  const size_t part = begin(id);
  const Eigen::Vector3d h = 0.5 * size;
  auto p = [&](double sx, double sy, double sz) {
    return Eigen::Vector3d(center.x() + sx * h.x(), center.y() + sy * h.y(),
                           center.z() + sz * h.z());
  };
  face({p(-1, -1, 1), p(1, -1, 1), p(1, 1, 1), p(-1, 1, 1)}, color);      // top
  face({p(-1, -1, -1), p(1, -1, -1), p(1, -1, 1), p(-1, -1, 1)}, color);  // south
  face({p(1, -1, -1), p(1, 1, -1), p(1, 1, 1), p(1, -1, 1)}, color);      // east
  face({p(1, 1, -1), p(-1, 1, -1), p(-1, 1, 1), p(1, 1, 1)}, color);      // north
  face({p(-1, 1, -1), p(-1, -1, -1), p(-1, -1, 1), p(-1, 1, 1)}, color);  // west
  return part;
}

size_t MergedMesh::addPrism(const std::string& id, const std::vector<Eigen::Vector2d>& footprint,
                            double z0, double z1, Rgb color) {
  const size_t part = begin(id);
  double area = 0.0;
  for (size_t i = 0; i < footprint.size(); ++i) {
    const Eigen::Vector2d& a = footprint[i];
    const Eigen::Vector2d& b = footprint[(i + 1) % footprint.size()];
    area += a.x() * b.y() - b.x() * a.y();
  }
  for (size_t i = 0; i < footprint.size(); ++i) {
    Eigen::Vector2d a = footprint[i];
    Eigen::Vector2d b = footprint[(i + 1) % footprint.size()];
    if (area < 0) std::swap(a, b);
    face({Eigen::Vector3d(a.x(), a.y(), z0), Eigen::Vector3d(b.x(), b.y(), z0),
          Eigen::Vector3d(b.x(), b.y(), z1), Eigen::Vector3d(a.x(), a.y(), z1)},
         color);
  }
  const unsigned base = static_cast<unsigned>(vertices_->size());
  for (const Eigen::Vector2d& p : footprint)
    vertex({p.x(), p.y(), z1}, Eigen::Vector3d::UnitZ(), color);
  for (const auto& t : twin::triangulate(footprint))
    triangle(base + t[0], base + t[1], base + t[2]);
  return part;
}

size_t MergedMesh::addBeam(const std::string& id, const Eigen::Vector3d& a,
                           const Eigen::Vector3d& b, double width, Rgb color, bool new_part) {
  const size_t part = new_part || parts_.empty() ? begin(id) : parts_.size() - 1;
  const Eigen::Vector3d d = (b - a).normalized();
  const Eigen::Vector3d side =
      (std::abs(d.z()) > 0.9 ? Eigen::Vector3d::UnitX() : d.cross(Eigen::Vector3d::UnitZ()))
          .normalized() *
      (0.5 * width);
  const Eigen::Vector3d up = side.cross(d).normalized() * (0.5 * width);
  face({a - side + up, b - side + up, b + side + up, a + side + up}, color);
  face({a - side - up, a + side - up, b + side - up, b - side - up}, color);
  face({a + side - up, a + side + up, b + side + up, b + side - up}, color);
  face({a - side - up, b - side - up, b - side + up, a - side + up}, color);
  return part;
}

size_t MergedMesh::addModel(const std::string& id, const std::vector<Eigen::Vector3d>& triangles,
                            const Eigen::Vector3d& center, const Eigen::Vector3d& size, Rgb color,
                            bool new_part) {
  const size_t part = new_part || parts_.empty() ? begin(id) : parts_.size() - 1;
  for (size_t k = 0; k + 2 < triangles.size(); k += 3) {
    const std::array<Eigen::Vector3d, 3> p = {center + triangles[k].cwiseProduct(size),
                                              center + triangles[k + 1].cwiseProduct(size),
                                              center + triangles[k + 2].cwiseProduct(size)};
    const Eigen::Vector3d n = (p[1] - p[0]).cross(p[2] - p[0]);
    if (n.squaredNorm() == 0.0) continue;  // degenerate: nothing to draw
    const unsigned base = static_cast<unsigned>(vertices_->size());
    for (const Eigen::Vector3d& q : p) vertex(q, n.normalized(), color);
    triangle(base, base + 1, base + 2);
  }
  return part;
}

bool MergedMesh::setColor(size_t part, Rgb color, float alpha) {
  const Part& p = parts_[part];
  const osg::Vec4 c(color.r, color.g, color.b, alpha);
  if (p.vertex_count == 0 || (*colors_)[p.first_vertex] == c) return false;
  std::fill(colors_->begin() + p.first_vertex, colors_->begin() + p.first_vertex + p.vertex_count,
            c);
  return true;
}

bool MergedMesh::setQuadColor(size_t part, size_t quad, Rgb color) {
  const Part& p = parts_[part];
  const osg::Vec4 c(color.r, color.g, color.b, 1.0f);
  const auto first = static_cast<long>(p.first_vertex + 4 * quad);
  if (4 * (quad + 1) > p.vertex_count || (*colors_)[size_t(first)] == c) return false;
  std::fill(colors_->begin() + first, colors_->begin() + first + 4, c);
  return true;
}

void MergedMesh::commit() { colors_->dirty(); }

size_t MergedMesh::partOfTriangle(unsigned triangle) const {
  auto it = std::upper_bound(parts_.begin(), parts_.end(), triangle,
                             [](unsigned t, const Part& p) { return t < p.first_triangle; });
  if (it == parts_.begin()) return parts_.size();
  return static_cast<size_t>(it - parts_.begin()) - 1;
}

osg::BoundingBox MergedMesh::bounds(size_t part) const {
  osg::BoundingBox box;
  const Part& p = parts_[part];
  for (unsigned i = 0; i < p.vertex_count; ++i) box.expandBy((*vertices_)[p.first_vertex + i]);
  return box;
}

}  // namespace viewer
