// Writing and reading /model through the declared tables (twin/results/model_tables.cpp), and the
// two ragged parts a column cannot hold: building footprints and PV module layouts.
#include <fmt/format.h>

#include <cmath>
#include <string>

#include "physics/units.h"
#include "twin/model/pv_geometry.h"
#include "twin/results/hdf5_io.h"
#include "twin/results/model_columns.h"
#include "twin/results/model_tables.h"

namespace twin {
namespace {

using model_columns::Column;
using model_columns::Table;

int64_t int64Attribute(const H5::H5Object& object, const std::string& name) {
  if (!object.attrExists(name)) throw LayoutError("attribute " + name + " is missing");
  H5::Attribute attr = object.openAttribute(name);
  expectLayout(attr, H5T_INTEGER, {}, "attribute " + name);
  int64_t value = 0;
  attr.read(H5::PredType::NATIVE_INT64, &value);
  return value;
}

void writeInt64Attribute(H5::H5Object& object, const std::string& name, int64_t value) {
  object.createAttribute(name, H5::PredType::NATIVE_INT64, H5::DataSpace(H5S_SCALAR))
      .write(H5::PredType::NATIVE_INT64, &value);
}

// A float64 dataset [rows x shape...] from row-major values, with its units.
void writeDoubleArray(H5::Group& group, const std::string& name, const std::vector<hsize_t>& dims,
                      const std::vector<double>& values, const std::string& units) {
  H5::DataSet ds = group.createDataSet(name, H5::PredType::NATIVE_DOUBLE,
                                       H5::DataSpace(static_cast<int>(dims.size()), dims.data()));
  if (!values.empty()) {
    ds.write(values.data(), H5::PredType::NATIVE_DOUBLE, H5::DataSpace::ALL, H5::DataSpace::ALL,
             smallTransfer());
  }
  writeStringAttribute(ds, "units", units);
}

std::vector<double> readDoubleArray(const H5::Group& group, const std::string& name,
                                    const std::vector<hsize_t>& dims, const std::string& what) {
  H5::DataSet ds = group.openDataSet(name);
  expectLayout(ds, H5T_FLOAT, dims, what);
  size_t n = 1;
  for (hsize_t d : dims) n *= d;
  std::vector<double> values(n);
  if (n > 0) ds.read(values.data(), H5::PredType::NATIVE_DOUBLE);
  return values;
}

template <class Row>
void writeTable(H5::Group& model, const Table<Row>& table, const ParkModel& m) {
  H5::Group group = model.createGroup(std::string(table.name));
  writeStringAttribute(group, "description", std::string(table.meaning));
  const std::vector<Row> rows = table.rows(m);
  writeInt64Attribute(group, "rows", static_cast<int64_t>(rows.size()));
  for (const Column<Row>& c : table.columns) {
    H5::DataSet ds;
    if (c.isText()) {
      std::vector<std::string> values;
      for (const Row& r : rows) values.push_back(c.get_text(m, r));
      ds = writeStringVector(group, std::string(c.name), values);
    } else {
      std::vector<double> values;
      for (const Row& r : rows) values.push_back(c.get(r) / c.unit_si);
      ds = writeDoubleVector(group, std::string(c.name), values, c.units);
    }
    writeStringAttribute(ds, "description", std::string(c.meaning));
  }
}

// A table or ragged array longer than this is refused before anything is allocated for it (a
// damaged or hostile file may declare any length; a park has thousands of rows at most).
constexpr int64_t kMaxRows = int64_t{1} << 24;

// Names in Chinese (text columns *_zh) came after the first files were written: a file without
// one reads as no Chinese names ("").
template <class Row>
bool mayBeMissing(const Column<Row>& c) {
  return c.isText() && c.name.size() > 3 && c.name.substr(c.name.size() - 3) == "_zh";
}

// The row count of a table, checked against the length of every column before any is read.
template <class Row>
size_t tableRows(const H5::Group& group, const Table<Row>& table, const std::string& where) {
  const int64_t rows = int64Attribute(group, "rows");
  if (rows < 0 || rows > kMaxRows) {
    throw LayoutError(where + ": rows is " + std::to_string(rows) + ", expected 0 to " +
                      std::to_string(kMaxRows));
  }
  for (const Column<Row>& c : table.columns) {
    const std::string what = where + "/" + std::string(c.name);
    if (!group.nameExists(std::string(c.name))) {
      if (mayBeMissing(c)) continue;
      throw LayoutError(what + " is missing");
    }
    const H5::DataSet ds = group.openDataSet(std::string(c.name));
    if (dimsOf(ds.getSpace()) != std::vector<hsize_t>{static_cast<hsize_t>(rows)}) {
      throw LayoutError(what + " has an unexpected length (expected " + std::to_string(rows) +
                        " values)");
    }
  }
  return static_cast<size_t>(rows);
}

template <class Row>
void readTable(const H5::Group& model, const Table<Row>& table, ParkModel& m) {
  const std::string name(table.name);
  if (!model.nameExists(name)) throw LayoutError("model/" + name + " is missing");
  H5::Group group = model.openGroup(name);
  std::vector<Row> rows(tableRows(group, table, "model/" + name));
  for (const Column<Row>& c : table.columns) {
    const std::string what = "model/" + name + "/" + std::string(c.name);
    if (mayBeMissing(c) && !group.nameExists(std::string(c.name))) continue;
    H5::DataSet ds = group.openDataSet(std::string(c.name));
    const auto bad = [&](size_t i, const std::string& value) {
      return LayoutError(what + " row " + std::to_string(i) + ": unknown value \"" + value + "\"");
    };
    if (c.isText()) {
      const std::vector<std::string> values = readStringList(ds, what);
      for (size_t i = 0; i < rows.size(); ++i) {
        if (!c.set_text(m, rows[i], values[i])) throw bad(i, values[i]);
      }
    } else {
      const std::vector<double> values = readDoubleVector(ds, rows.size(), what);
      for (size_t i = 0; i < rows.size(); ++i) {
        if (!c.set(rows[i], values[i] * c.unit_si)) throw bad(i, fmt::format("{}", values[i]));
      }
    }
  }
  table.assign(m, std::move(rows));
}

// Offsets [rows + 1] into a ragged array: row i has items [first[i], first[i + 1]).
std::vector<int64_t> readOffsets(const H5::Group& group, const std::string& name, size_t rows,
                                 const std::string& what) {
  std::vector<int64_t> first = readInt64Vector(group.openDataSet(name), rows + 1, what);
  if (first[0] != 0) throw LayoutError(what + " does not start at 0");
  for (size_t i = 0; i < rows; ++i) {
    if (first[i + 1] < first[i]) throw LayoutError(what + " is not ascending");
  }
  if (first.back() > kMaxRows) throw LayoutError(what + " ends beyond " + std::to_string(kMaxRows));
  return first;
}

// The outlines of a table's rows (buildings, obstacles) as a ragged array: footprint_first and
// footprint_m [points x 2].
template <class Row>
void writeFootprints(H5::Group& model, const std::string& table, const std::vector<Row>& rows) {
  H5::Group group = model.openGroup(table);
  std::vector<int64_t> first{0};
  std::vector<double> xy;
  for (const Row& r : rows) {
    for (const Eigen::Vector2d& p : r.footprint) xy.insert(xy.end(), {p.x(), p.y()});
    first.push_back(static_cast<int64_t>(xy.size() / 2));
  }
  writeInt64Vector(group, "footprint_first", first);
  writeDoubleArray(group, "footprint_m", {xy.size() / 2, 2}, xy, "m");
}

template <class Row>
void readFootprints(const H5::Group& model, const std::string& table, std::vector<Row>& rows) {
  H5::Group group = model.openGroup(table);
  const std::string what = "model/" + table + "/footprint_first";
  const std::vector<int64_t> first = readOffsets(group, "footprint_first", rows.size(), what);
  const auto n = static_cast<hsize_t>(first.back());
  const std::vector<double> xy = readDoubleArray(group, "footprint_m", {n, 2}, "footprint_m");
  for (size_t b = 0; b < rows.size(); ++b) {
    for (int64_t k = first[b]; k < first[b + 1]; ++k) {
      rows[b].footprint.emplace_back(xy[2 * size_t(k)], xy[2 * size_t(k) + 1]);
    }
  }
}

void writeModules(H5::Group& model, const ParkModel& m) {
  H5::Group group = model.openGroup("pv");
  std::vector<int64_t> first{0};
  std::vector<double> xy, rotation, corners;
  for (const PvArray& a : m.pv) {
    for (const physics::ModulePlacement& p : a.modules) {
      xy.insert(xy.end(), {p.center.x, p.center.y});
      rotation.push_back(p.rotation / physics::units::deg);
    }
    for (const Quad& q : moduleQuads(m, a)) {
      for (const Eigen::Vector3d& c : q) corners.insert(corners.end(), {c.x(), c.y(), c.z()});
    }
    first.push_back(static_cast<int64_t>(rotation.size()));
  }
  const hsize_t n = rotation.size();
  writeInt64Vector(group, "module_first", first);
  writeDoubleArray(group, "module_position_m", {n, 2}, xy, "m");
  writeDoubleVector(group, "module_rotation_deg", rotation, "degree");
  // Roof and facade modules; ground arrays have positions but no place in the park frame.
  writeDoubleArray(group, "module_corners_m", {corners.size() / 12, 4, 3}, corners, "m");
}

void readModules(const H5::Group& model, ParkModel& m) {
  H5::Group group = model.openGroup("pv");
  const std::vector<int64_t> first =
      readOffsets(group, "module_first", m.pv.size(), "model/pv/module_first");
  const auto n = static_cast<hsize_t>(first.back());
  const std::vector<double> xy = readDoubleArray(group, "module_position_m", {n, 2}, "positions");
  const std::vector<double> rotation =
      readDoubleVector(group.openDataSet("module_rotation_deg"), n, "module_rotation_deg");
  for (size_t a = 0; a < m.pv.size(); ++a) {
    for (int64_t k = first[a]; k < first[a + 1]; ++k) {
      const auto i = static_cast<size_t>(k);
      m.pv[a].modules.push_back({{xy[2 * i], xy[2 * i + 1]}, rotation[i] * physics::units::deg});
    }
  }
}

// What the tables cannot check column by column: one feeder per bus, each bus reaching the grid
// connection, footprints that are polygons, and PV arrays on the building and wall they name.
void checkModel(const ParkModel& m) {
  const Network& n = m.network;
  if (n.feeders.size() != n.buses.size()) throw LayoutError("model/feeder: expected one per bus");
  for (size_t b = 0; b < n.buses.size(); ++b) {
    int bus = static_cast<int>(b);
    for (size_t hops = 0; bus != n.grid_bus; ++hops) {
      bus = n.feeders[static_cast<size_t>(bus)].parent;
      if (bus < 0 || hops > n.buses.size()) {
        throw LayoutError("model/feeder row " + std::to_string(b) +
                          ": bus does not reach the grid connection");
      }
    }
  }
  for (const Building& b : m.buildings) {
    if (b.footprint.size() < 3) throw LayoutError("model/building " + b.id + ": footprint_m");
  }
  for (const Obstacle& o : m.obstacles) {
    if ((o.kind == ObstacleKind::kPrism) != (o.footprint.size() >= 3))
      throw LayoutError("model/obstacle " + o.id + ": footprint_m does not fit its kind");
  }
  for (const PvArray& a : m.pv) {
    const bool on_building = a.surface != PvSurface::kGround;
    const size_t edges = a.building >= 0 ? m.buildings[size_t(a.building)].footprint.size() : 0;
    const bool facade_ok = a.surface == PvSurface::kFacade
                               ? a.facade >= 0 && size_t(a.facade) < edges
                               : a.facade == -1;
    if (on_building != (a.building >= 0) || !facade_ok) {
      throw LayoutError("model/pv " + a.id + ": building or facade does not fit its surface");
    }
  }
}

}  // namespace

void writeModel(H5::Group& parent, const ParkModel& m, const std::string& description) {
  H5::Group model = parent.createGroup("model");
  writeStringAttribute(model, "scenario", m.scenario.empty() ? "baseline" : m.scenario);
  writeStringAttribute(model, "description", description);
  writeStringAttribute(model, "measure_of", m.measure_of);
  model_columns::forEachTable([&](const auto& table) { writeTable(model, table, m); });
  writeFootprints(model, "building", m.buildings);
  writeFootprints(model, "obstacle", m.obstacles);
  writeModules(model, m);
}

ParkModel readModel(const H5::Group& parent) {
  if (!parent.nameExists("model")) {
    throw LayoutError("no /model (written by a parktwin before 0.2; run the park again)");
  }
  H5::Group model = parent.openGroup("model");
  ParkModel m;
  const std::string scenario = stringAttribute(model, "scenario");
  m.scenario = scenario == "baseline" ? "" : scenario;
  m.measure_of = stringAttribute(model, "measure_of");
  model_columns::forEachTable([&](const auto& table) { readTable(model, table, m); });
  readFootprints(model, "building", m.buildings);
  readFootprints(model, "obstacle", m.obstacles);
  readModules(model, m);
  checkModel(m);
  return m;
}

}  // namespace twin
