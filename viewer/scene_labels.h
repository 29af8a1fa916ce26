// Text and markers of the park: the site name and a north arrow on the ground (+y is north in
// the park frame), in the scene; building names drawn by ImGui at their projected roof centres
// (osgText labels facing the screen doubled the frame time on llvmpipe, and ImGui's font follows
// the UI language).
#pragma once

#include <osg/Matrixd>
#include <osg/Node>
#include <osgText/Text>
#include <string>

#include "twin/model/model.h"
#include "viewer/park_layout.h"

namespace viewer {

// Site name and a north arrow at the south-west corner of the site, flat on the ground; `name`
// is the site name's text (setText switches its language).
struct SiteMarkers {
  osg::ref_ptr<osg::Node> node;
  osg::ref_ptr<osgText::Text> name;
};
SiteMarkers makeSiteMarkers(const twin::ParkModel& model, const ParkLayout& layout,
                            const std::string& font_path);

// Building ids and names over their roofs, into ImGui's background draw list (between
// ImGuiLayer::beginFrame and endFrame), for a view at (x0, y0) of width x height pixels (y down).
// zh: names in Chinese where the park gives them.
void drawBuildingLabels(const twin::ParkModel& model, const ParkLayout& layout,
                        const osg::Matrixd& view, const osg::Matrixd& projection, float x0,
                        float y0, float width, float height, bool zh);

}  // namespace viewer
