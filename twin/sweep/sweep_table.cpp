#include "twin/sweep/sweep_table.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <utility>

#include "twin/results/hdf5_io.h"
#include "twin/results/results_file.h"

namespace twin::sweep {
namespace {

constexpr size_t kSlot = 8;  // every column: a char* (text) or a double
static_assert(sizeof(char*) == kSlot && sizeof(double) == kSlot);
constexpr hsize_t kChunkRows = 1024;

H5::StrType textType() {
  H5::StrType t(H5::PredType::C_S1, H5T_VARIABLE);
  t.setCset(H5T_CSET_UTF8);
  return t;
}

H5::CompType rowType(const std::vector<std::string>& text,
                     const std::vector<std::string>& numbers) {
  H5::CompType type((text.size() + numbers.size()) * kSlot);
  size_t at = 0;
  for (const std::string& c : text) type.insertMember(c, (at++) * kSlot, textType());
  for (const std::string& c : numbers)
    type.insertMember(c, (at++) * kSlot, H5::PredType::NATIVE_DOUBLE);
  return type;
}

std::vector<std::string> textColumns(const SweepPlan& plan) {
  std::vector<std::string> out{"name", "park", "scenario", "reference", "status", "error"};
  for (const Variation& v : plan.variations) out.push_back("vary:" + v.path);
  if (plan.samples > 0) out.insert(out.end(), {"sample", "weather"});
  return out;
}

std::vector<std::string> textCells(const SweepPlan& plan, const VariantRow& row) {
  const VariantSpec& v = plan.variants.at(row.index);
  std::vector<std::string> out{v.name,     plan.parks[v.park].source.path,
                               v.scenario, plan.variants[v.reference].name,
                               row.status, row.error};
  for (size_t i = 0; i < plan.variations.size(); ++i)
    out.push_back(v.values.empty() ? "" : v.values[i]);
  if (plan.samples > 0) {
    const Sample s = sampleOf(plan, row.index);
    out.push_back(std::to_string(v.sample + 1));
    out.push_back(s.weather.empty() ? "as described" : s.weather);
  }
  return out;
}

// The factors a row's sample drew (none without --samples).
std::vector<double> sampleNumbers(const SweepPlan& plan, const VariantRow& row) {
  if (plan.samples == 0) return {};
  const Sample s = sampleOf(plan, row.index);
  return {s.load_scale, s.price_scale};
}

}  // namespace

std::vector<size_t> byNpv(const SweepTable& table) {
  std::vector<size_t> order(table.text.size());
  for (size_t r = 0; r < order.size(); ++r) order[r] = r;
  const int c = columnOf(table.number_columns, "npv_cny");
  const auto npv = [&](size_t r) {
    const double v = c < 0 ? NAN : table.numbers[r][static_cast<size_t>(c)];
    return std::isnan(v) ? -INFINITY : v;
  };
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return npv(a) > npv(b); });
  return order;
}

int columnOf(const std::vector<std::string>& columns, const std::string& name) {
  for (size_t i = 0; i < columns.size(); ++i) {
    if (columns[i] == name) return static_cast<int>(i);
  }
  return -1;
}

void writeSweepTable(H5::H5File& file, const SweepPlan& plan, const std::vector<VariantRow>& rows) {
  const std::vector<std::string> text = textColumns(plan);
  std::vector<std::string> numbers, units(text.size(), "");
  if (plan.samples > 0) {
    numbers = {"load_scale", "price_scale"};
    units.insert(units.end(), {"1", "1"});
  }
  for (const KpiDecl& k : kKpis) {
    numbers.emplace_back(k.name);
    units.emplace_back(k.unit);
  }
  for (const economics::AppraisalField& f : economics::kAppraisalFields) {
    numbers.emplace_back(f.json);
    units.emplace_back(f.json_unit);
  }
  std::vector<std::vector<std::string>> cells;
  std::vector<char> buffer(rows.size() * (text.size() + numbers.size()) * kSlot);
  char* at = buffer.data();
  for (const VariantRow& row : rows) cells.push_back(textCells(plan, row));
  for (size_t r = 0; r < rows.size(); ++r) {
    for (const std::string& cell : cells[r]) {
      const char* p = cell.c_str();
      std::memcpy(at, &p, kSlot);
      at += kSlot;
    }
    for (double v : sampleNumbers(plan, rows[r]))
      std::memcpy(std::exchange(at, at + kSlot), &v, kSlot);
    for (double v : rows[r].kpi) std::memcpy(std::exchange(at, at + kSlot), &v, kSlot);
    for (double v : rows[r].appraisal) std::memcpy(std::exchange(at, at + kSlot), &v, kSlot);
  }
  H5::Group group = file.createGroup("sweep");
  std::vector<std::string> parks, variations;
  for (const SweepPark& p : plan.parks) parks.push_back(p.source.path);
  for (const Variation& v : plan.variations) variations.push_back(v.path);
  writeStringListAttribute(group, "parks", parks);
  writeStringListAttribute(group, "variations", variations);
  const hsize_t n = rows.size();
  const hsize_t chunk = std::max<hsize_t>(1, std::min(n, kChunkRows));
  const hsize_t max_dims = H5S_UNLIMITED;
  H5::DSetCreatPropList create;
  create.setChunk(1, &chunk);
  create.setDeflate(4);
  const H5::CompType type = rowType(text, numbers);
  H5::DataSet ds = group.createDataSet("variants", type, H5::DataSpace(1, &n, &max_dims), create);
  if (n > 0) ds.write(buffer.data(), type);
  writeStringListAttribute(ds, "units", units);
}

std::optional<SweepTable> findSweepTable(const std::string& path) {
  H5::H5File file = openResults(path);
  return guarded(path, [&]() -> std::optional<SweepTable> {
    if (!file.nameExists("sweep") || !file.openGroup("sweep").nameExists("variants")) {
      return std::nullopt;
    }
    SweepTable t;
    H5::Group group = file.openGroup("sweep");
    t.parks = readStringList(group.openAttribute("parks"), "sweep attribute parks");
    t.variations = readStringList(group.openAttribute("variations"), "sweep attribute variations");
    H5::DataSet ds = group.openDataSet("variants");
    if (ds.getTypeClass() != H5T_COMPOUND || dimsOf(ds.getSpace()).size() != 1) {
      throw LayoutError("sweep/variants is not a 1-D table of rows");
    }
    const hsize_t n = dimsOf(ds.getSpace())[0];
    const H5::CompType stored = ds.getCompType();
    std::vector<std::string> units =
        readStringList(ds.openAttribute("units"), "sweep/variants attribute units");
    if (units.size() != static_cast<size_t>(stored.getNmembers())) {
      throw LayoutError("sweep/variants has " + std::to_string(stored.getNmembers()) +
                        " columns but " + std::to_string(units.size()) + " units");
    }
    for (int i = 0; i < stored.getNmembers(); ++i) {
      const H5T_class_t c = stored.getMemberClass(static_cast<unsigned>(i));
      const std::string name = stored.getMemberName(static_cast<unsigned>(i));
      if (c == H5T_STRING) {
        t.text_columns.push_back(name);
      } else if (c == H5T_FLOAT) {
        t.number_columns.push_back(name);
        t.number_units.push_back(units[static_cast<size_t>(i)]);
      } else {
        throw LayoutError("sweep/variants column " + name + " is neither text nor a number");
      }
    }
    const H5::CompType type = rowType(t.text_columns, t.number_columns);
    std::vector<char> buffer(n * type.getSize());
    ds.read(buffer.data(), type);
    const char* at = buffer.data();
    for (hsize_t r = 0; r < n; ++r) {
      std::vector<std::string>& text = t.text.emplace_back();
      for (size_t c = 0; c < t.text_columns.size(); ++c, at += kSlot) {
        const char* p = nullptr;
        std::memcpy(&p, at, kSlot);
        text.emplace_back(p ? p : "");
      }
      std::vector<double>& numbers = t.numbers.emplace_back(t.number_columns.size());
      for (double& v : numbers) std::memcpy(&v, std::exchange(at, at + kSlot), kSlot);
    }
    const H5::DataSpace space(1, &n);
    H5Dvlen_reclaim(type.getId(), space.getId(), H5P_DEFAULT, buffer.data());
    return t;
  });
}

}  // namespace twin::sweep
