#include "twin/results/results_writer.h"

#include <H5Cpp.h>
#include <fmt/format.h>

#include <chrono>
#include <filesystem>
#include <limits>
#include <optional>
#include <stdexcept>

#include "physics/units.h"
#include "twin/base/error.h"
#include "twin/base/iso_time.h"
#include "twin/base/units.h"
#include "twin/engine/series.h"
#include "twin/results/hdf5_io.h"
#include "twin/results/model_tables.h"
#include "twin/results/module_shading_io.h"
#include "twin/results/output_file.h"
#include "twin/results/results_probe.h"
#include "twin/results/series_sink.h"

namespace twin {
namespace {

void writeDoubleScalar(H5::Group& group, const std::string& name, double value,
                       std::string_view units) {
  H5::DataSet ds =
      group.createDataSet(name, H5::PredType::NATIVE_DOUBLE, H5::DataSpace(H5S_SCALAR));
  ds.write(&value, H5::PredType::NATIVE_DOUBLE, H5::DataSpace::ALL, H5::DataSpace::ALL,
           smallTransfer());
  writeStringAttribute(ds, "units", std::string(units));
}

// /kpi/limits: per bus, transformer and cable, how many steps went beyond the limit and the
// worst value; the count of steps whose power flow did not converge.
void writeLimits(H5::Group& kpi, const ParkModel& model, const NetworkLimits& limits) {
  H5::Group group = kpi.createGroup("limits");
  writeStringAttribute(group, "description",
                       "network limits over the run: bus voltages outside 1 +- voltage_tolerance "
                       "pu, transformers and cables loaded above 100 %");
  // Each limit in the unit and columns of the series it watches.
  const auto write = [&](const std::string& name, SeriesId series,
                         const std::vector<LimitRecord>& records) {
    const SeriesDecl& decl = kSeries[series];
    std::vector<double> worst;
    std::vector<int64_t> steps;
    for (const LimitRecord& r : records) {
      worst.push_back(r.steps > 0 ? (r.worst - decl.unit_offset) / decl.unit_si
                                  : std::numeric_limits<double>::quiet_NaN());
      steps.push_back(r.steps);
    }
    H5::DataSet w = writeDoubleVector(group, name + "_worst", worst, decl.unit);
    writeStringListAttribute(w, "ids", columnIds(model, decl.column_kind));
    H5::DataSet c = writeInt64Vector(group, name + "_steps", steps);
    writeStringListAttribute(c, "ids", columnIds(model, decl.column_kind));
  };
  write("bus_voltage", kBusVoltage, limits.bus_voltage);
  write("transformer_loading", kTransformerLoading, limits.transformer);
  write("cable_loading", kCableLoading, limits.cable);
  const int64_t failures = limits.power_flow_failures;
  group
      .createAttribute("power_flow_failures", H5::PredType::NATIVE_INT64, H5::DataSpace(H5S_SCALAR))
      .write(H5::PredType::NATIVE_INT64, &failures);
}

// /kpi attributes of the optimal dispatch (none without it): programmes solved, steps the rule
// fallback dispatched, and where and why the first programme failed.
void writeDispatch(H5::Group& kpi, const DispatchRecord& d) {
  if (d.programmes == 0) return;
  const auto put = [&](const char* name, int64_t value) {
    kpi.createAttribute(name, H5::PredType::NATIVE_INT64, H5::DataSpace(H5S_SCALAR))
        .write(H5::PredType::NATIVE_INT64, &value);
  };
  put("dispatch_programmes", d.programmes);
  put("dispatch_fallback_steps", d.fallback_steps);
  put("dispatch_first_fallback_step", d.first_fallback);
  if (!d.reason.empty()) writeStringAttribute(kpi, "dispatch_fallback_reason", d.reason);
}

// /kpi/vpp: the park's flexibility for a virtual power plant per month (mean and lowest of the
// park/flex_* series).
void writeVpp(H5::Group& kpi, const std::vector<VppMonth>& months) {
  if (months.empty()) return;
  H5::Group group = kpi.createGroup("vpp");
  writeStringAttribute(group, "description",
                       "flexibility the park could hold for 1 h and 2 h (park/flex_* series): "
                       "mean and lowest of each month's steps");
  std::vector<std::string> labels;
  for (const VppMonth& m : months)
    labels.push_back(fmt::format("{:04}-{:02}", m.month.year, m.month.month));
  writeStringVector(group, "month", labels);
  for (size_t i = 0; i < kVppSeries.size(); ++i) {
    std::string name(kSeries[kVppSeries[i]].field);
    name = name.substr(5, name.size() - 8);  // "flex_up_1h_kW" -> "up_1h"
    std::vector<double> mean, lowest;
    for (const VppMonth& m : months) {
      mean.push_back(m.mean[i] / 1e3);
      lowest.push_back(m.lowest[i] / 1e3);
    }
    writeDoubleVector(group, name + "_mean_kW", mean, "kW");
    writeDoubleVector(group, name + "_lowest_kW", lowest, "kW");
  }
}

// /kpi/dr_events: each demand-response event of the run, requested and delivered.
void writeDrEvents(H5::Group& kpi, const ParkModel& model,
                   const std::vector<DrEventResult>& events) {
  if (events.empty()) return;
  H5::Group group = kpi.createGroup("dr_events");
  writeStringAttribute(group, "description",
                       "demand-response events inside the run: energy requested and delivered, "
                       "and the lowest reduction of any of their steps");
  // Each column: dataset, unit (from twin/base/units.h) and the field of an event's result.
  struct Column {
    const char* name;
    const char* unit;
    double DrEventResult::*field;
  };
  static constexpr Column kColumns[] = {{"requested_kWh", "kWh", &DrEventResult::requested},
                                        {"delivered_kWh", "kWh", &DrEventResult::delivered},
                                        {"lowest_reduction_kW", "kW", &DrEventResult::shortest}};
  std::vector<std::string> ids;
  for (const DrEventResult& e : events) {
    ids.push_back(model.demand_response.events[static_cast<size_t>(e.event)].id);
  }
  writeStringListAttribute(group, "ids", ids);
  for (const Column& c : kColumns) {
    std::vector<double> values;
    for (const DrEventResult& e : events) values.push_back(fromSi(e.*c.field, c.unit));
    writeDoubleVector(group, c.name, values, c.unit);
  }
}

void writeKpis(H5::Group& root, const ParkModel& model, const Kpis& kpis) {
  H5::Group group = root.createGroup("kpi");
  H5::Group total = group.createGroup("total");
  for (const KpiDecl& k : kKpis) {
    writeDoubleScalar(total, std::string(k.name), k.get(kpis.total) / k.unit_si, k.unit);
  }
  writeStringAttribute(total, "description", "totals over the simulated period");
  H5::Group monthly = group.createGroup("monthly");
  std::vector<std::string> labels;
  for (const PeriodKpi& m : kpis.months) {
    labels.push_back(fmt::format("{:04}-{:02}", m.month.year, m.month.month));
  }
  writeStringVector(monthly, "month", labels);
  for (const KpiDecl& k : kKpis) {
    std::vector<double> values;
    for (const PeriodKpi& m : kpis.months) values.push_back(k.get(m) / k.unit_si);
    writeDoubleVector(monthly, std::string(k.name), values, k.unit);
  }
  const double residual = kpis.max_balance_residual;
  H5::Attribute attr = group.createAttribute("max_balance_residual", H5::PredType::NATIVE_DOUBLE,
                                             H5::DataSpace(H5S_SCALAR));
  attr.write(H5::PredType::NATIVE_DOUBLE, &residual);
  writeLimits(group, model, kpis.limits);
  writeDrEvents(group, model, kpis.events);
  writeDispatch(group, kpis.dispatch);
  writeVpp(group, kpis.vpp);
}

void writeTime(H5::H5File& file, const TimeGrid& grid) {
  const auto n = static_cast<hsize_t>(grid.steps());
  std::vector<int64_t> times(n);
  for (hsize_t k = 0; k < n; ++k) times[k] = grid.unixTime(static_cast<int64_t>(k));
  H5::DSetCreatPropList props;
  const hsize_t chunk = std::min<hsize_t>(n, 8192);
  props.setChunk(1, &chunk);
  props.setDeflate(1);
  H5::DataSet ds =
      file.createDataSet("time", H5::PredType::NATIVE_INT64, H5::DataSpace(1, &n), props);
  ds.write(times.data(), H5::PredType::NATIVE_INT64);
  writeStringAttribute(ds, "units", "s since 1970-01-01T00:00:00Z");
  writeStringAttribute(ds, "convention",
                       "start of each step; series values are means over [t, t + step)");
  const int32_t step = grid.step_s;
  const int32_t offset = grid.utc_offset_s;
  ds.createAttribute("step_s", H5::PredType::NATIVE_INT32, H5::DataSpace(H5S_SCALAR))
      .write(H5::PredType::NATIVE_INT32, &step);
  ds.createAttribute("utc_offset_s", H5::PredType::NATIVE_INT32, H5::DataSpace(H5S_SCALAR))
      .write(H5::PredType::NATIVE_INT32, &offset);
}

// Runs fn, turning an HDF5 exception (which is no std::exception) into a std::runtime_error, or
// into a WriteError naming `target` when the disk or a file-size limit is full.
template <typename Fn>
decltype(auto) hdf5(const std::string& target, const char* what, Fn&& fn) {
  try {
    return fn();
  } catch (const H5::Exception& e) {
    throwIfOutOfSpace(target + ": cannot write the results");
    throw std::runtime_error(std::string("HDF5 failed while ") + what + ": " + e.getDetailMsg());
  }
}

}  // namespace

struct ResultsWriter::Impl {
  EncodedChunks chunks{SeriesSink::kDeflateLevel};  // before the sinks that refer to it
  H5::H5File file;
  TimeGrid grid;
  std::optional<H5::Group> scenario_root;
  const ParkModel* model = nullptr;
  std::unique_ptr<SeriesSink> sink;
  std::optional<StoredSeries> baseline;  // what scenarios' equal series link to
};

std::string utcNowIso() {
  const auto now = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
  return formatIsoTimeUtc(now.time_since_epoch().count());
}

ResultsWriter::ResultsWriter(std::string target_path, const RunMeta& meta, const TimeGrid& grid)
    : impl_(std::make_unique<Impl>()), target_path_(std::move(target_path)) {
  H5::Exception::dontPrint();
  temp_path_ = temporaryPathBeside(target_path_);
  try {
    H5::FileAccPropList access;
    access.setLibverBounds(H5F_LIBVER_V18, H5F_LIBVER_LATEST);  // large attributes (many ids)
    access.setFcloseDegree(H5F_CLOSE_SEMI);
    impl_->file = H5::H5File(temp_path_, H5F_ACC_TRUNC, H5::FileCreatPropList::DEFAULT, access);
  } catch (const H5::Exception&) {
    throw InputError(target_path_ + ": cannot create the results file (is the folder writable?)");
  }
  impl_->grid = grid;
  try {
    hdf5(target_path_, "writing the metadata", [&] {
      const int schema = kResultsSchema;
      impl_->file
          .createAttribute("parktwin_schema", H5::PredType::NATIVE_INT32, H5::DataSpace(H5S_SCALAR))
          .write(H5::PredType::NATIVE_INT, &schema);
      H5::Group meta_group = impl_->file.createGroup("meta");
      writeStringDataset(meta_group, "park_file", meta.park_file);
      writeStringDataset(meta_group, "park_sha256", meta.park_sha256);
      writeStringDataset(meta_group, "tool_version", meta.tool_version);
      writeStringDataset(meta_group, "command_line", meta.command_line);
      writeStringDataset(meta_group, "created_utc", meta.created_utc);
      writeTime(impl_->file, grid);
      impl_->file.createGroup("scenarios");
    });
  } catch (...) {
    impl_.reset();
    std::error_code ignored;
    std::filesystem::remove(temp_path_, ignored);
    throw;
  }
}

ResultsWriter::~ResultsWriter() {
  if (committed_) return;
  impl_.reset();
  std::error_code ignored;
  std::filesystem::remove(temp_path_, ignored);
}

BlockSink& ResultsWriter::beginScenario(const ParkModel& model, const std::string& description,
                                        StoreLevel store) {
  return hdf5(target_path_, "creating the scenario's datasets", [&]() -> BlockSink& {
    H5::Group root = model.scenario.empty()
                         ? impl_->file.openGroup("/")
                         : impl_->file.openGroup("scenarios").createGroup(model.scenario);
    writeStringAttribute(root, "scenario", model.scenario.empty() ? "baseline" : model.scenario);
    writeStringAttribute(root, "description", description);
    writeModel(root, model, description);
    impl_->scenario_root = root;
    impl_->model = &model;
    impl_->sink = std::make_unique<SeriesSink>(
        root, model, impl_->grid,
        model.scenario.empty() || !impl_->baseline ? nullptr : &*impl_->baseline,
        store == StoreLevel::kPark, target_path_, impl_->chunks);
    return *impl_->sink;
  });
}

void ResultsWriter::setScenarioAttribute(const std::string& name, const std::string& value) {
  hdf5(target_path_, "writing a scenario attribute",
       [&] { writeStringAttribute(*impl_->scenario_root, name, value); });
}

void ResultsWriter::endScenario(const Kpis& kpis) {
  hdf5(target_path_, "writing the KPIs", [&] {
    writeKpis(*impl_->scenario_root, *impl_->model, kpis);
    H5::Group model_pv = impl_->scenario_root->openGroup("model/pv");
    writeModuleShading(model_pv, *impl_->model, kpis.pv_modules);
    StoredSeries written = impl_->sink->finish();
    if (impl_->model->scenario.empty()) impl_->baseline = std::move(written);
    impl_->sink.reset();
    impl_->scenario_root.reset();
  });
}

H5::H5File& ResultsWriter::file() { return impl_->file; }

void ResultsWriter::commit() {
  // HDF5 writes a file's last metadata when its last object closes: every handle goes before the
  // rename, so the target is complete when it appears (H5F_CLOSE_SEMI: one left open is an error).
  hdf5(target_path_, "closing the file", [&] {
    impl_->sink.reset();
    impl_->scenario_root.reset();
    impl_->baseline.reset();
    impl_->file.close();
  });
  std::filesystem::rename(temp_path_, target_path_);
  committed_ = true;
  trustResultsFile(target_path_);  // what this process wrote needs no guard to be read back
}

}  // namespace twin
