#include "viewer/scene_labels.h"

#include <imgui.h>

#include <cmath>
#include <osg/Geode>
#include <osg/Geometry>
#include <osgText/Text>

namespace viewer {
namespace {

// One font object for every label (a CJK font is megabytes; each Text would load its own).
osg::ref_ptr<osgText::Font> sharedFont(const std::string& font_path) {
  if (font_path.empty()) return osgText::Font::getDefaultFont();
  osg::ref_ptr<osgText::Font> font = osgText::readRefFontFile(font_path);
  return font ? font : osgText::Font::getDefaultFont();
}

osg::ref_ptr<osgText::Text> makeText(const std::string& text, osgText::Font* font) {
  osg::ref_ptr<osgText::Text> t = new osgText::Text;
  t->setFont(font);
  // Plain greyscale glyphs: the signed-distance-field shader costs 3x the frame time on llvmpipe.
  t->setShaderTechnique(osgText::NO_TEXT_SHADER);
  t->setText(text, osgText::String::ENCODING_UTF8);
  t->setAlignment(osgText::Text::CENTER_BOTTOM);
  return t;
}

}  // namespace

SiteMarkers makeSiteMarkers(const twin::ParkModel& model, const ParkLayout& layout,
                            const std::string& font_path) {
  const osg::ref_ptr<osgText::Font> font = sharedFont(font_path);
  osg::ref_ptr<osg::Geode> geode = new osg::Geode;
  geode->setName("site markers");
  const float x0 = float(layout.min.x()), y0 = float(layout.min.y());
  const float span = float(std::max(layout.max.x() - layout.min.x(), 50.0));
  osg::ref_ptr<osgText::Text> name = makeText(model.site.name, font.get());
  name->setPosition({x0 + 0.5f * span, y0 + 3.0f, 0.1f});
  name->setAxisAlignment(osgText::Text::XY_PLANE);
  name->setCharacterSize(std::max(4.0f, span / 40.0f));
  name->setColor({0.95f, 0.95f, 0.95f, 1.0f});
  geode->addDrawable(name.get());

  // North arrow: a flat triangle pointing to +y with an "N" above it.
  const float s = std::max(6.0f, span / 50.0f);
  const osg::Vec3 c(x0 + 1.5f * s, y0 + 1.5f * s, 0.15f);
  osg::ref_ptr<osg::Geometry> arrow = new osg::Geometry;
  osg::ref_ptr<osg::Vec3Array> v = new osg::Vec3Array;
  v->push_back(c + osg::Vec3(0.0f, s, 0.0f));
  v->push_back(c + osg::Vec3(-0.45f * s, -0.6f * s, 0.0f));
  v->push_back(c + osg::Vec3(0.0f, -0.25f * s, 0.0f));
  v->push_back(c + osg::Vec3(0.0f, s, 0.0f));
  v->push_back(c + osg::Vec3(0.0f, -0.25f * s, 0.0f));
  v->push_back(c + osg::Vec3(0.45f * s, -0.6f * s, 0.0f));
  osg::ref_ptr<osg::Vec4Array> colors = new osg::Vec4Array;
  colors->push_back({0.95f, 0.95f, 0.95f, 1.0f});
  osg::ref_ptr<osg::Vec3Array> normals = new osg::Vec3Array;
  normals->push_back({0, 0, 1});
  arrow->setVertexArray(v.get());
  arrow->setColorArray(colors.get(), osg::Array::BIND_OVERALL);
  arrow->setNormalArray(normals.get(), osg::Array::BIND_OVERALL);
  arrow->addPrimitiveSet(new osg::DrawArrays(GL_TRIANGLES, 0, 6));
  geode->addDrawable(arrow.get());
  osg::ref_ptr<osgText::Text> north = makeText("N", font.get());
  north->setPosition(c + osg::Vec3(0.0f, 1.15f * s, 0.0f));
  north->setAxisAlignment(osgText::Text::XY_PLANE);
  north->setCharacterSize(0.8f * s);
  north->setColor({0.95f, 0.95f, 0.95f, 1.0f});
  geode->addDrawable(north.get());
  return {geode, name};
}

void drawBuildingLabels(const twin::ParkModel& model, const ParkLayout& layout,
                        const osg::Matrixd& view, const osg::Matrixd& projection, float x0,
                        float y0, float width, float height, bool zh) {
  ImDrawList* draw = ImGui::GetBackgroundDrawList();
  const osg::Matrixd clip = view * projection;
  for (size_t i = 0; i < model.buildings.size(); ++i) {
    const twin::Building& b = model.buildings[i];
    const Eigen::Vector2d& c = layout.building_centroids[i];
    const osg::Vec4d p = osg::Vec4d(c.x(), c.y(), b.height + 2.0, 1.0) * clip;
    if (p.w() <= 0.0) continue;  // behind the camera
    const double nx = p.x() / p.w(), ny = p.y() / p.w();
    if (std::abs(nx) > 1.0 || std::abs(ny) > 1.0) continue;
    const std::string text = b.id + " " + twin::shownName(b.name, b.name_zh, zh);
    const ImVec2 size = ImGui::CalcTextSize(text.c_str());
    const ImVec2 at(x0 + float(nx * 0.5 + 0.5) * width - 0.5f * size.x,
                    y0 + float(0.5 - ny * 0.5) * height - size.y);
    draw->AddRectFilled({at.x - 3, at.y - 1}, {at.x + size.x + 3, at.y + size.y + 1},
                        IM_COL32(0, 0, 0, 110), 3.0f);
    draw->AddText(at, IM_COL32(255, 255, 255, 255), text.c_str());
  }
}

}  // namespace viewer
