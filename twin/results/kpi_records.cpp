#include "twin/results/kpi_records.h"

#include "twin/results/results_file.h"

namespace twin {

std::vector<LimitCrossing> readLimitCrossings(const std::string& path,
                                              const std::string& scenario) {
  H5::H5File file = openResults(path);
  return guarded(path, [&] {
    std::vector<LimitCrossing> out;
    const H5::Group kpi = scenarioGroup(file, scenario).openGroup("kpi");
    if (!kpi.nameExists("limits")) return out;
    const H5::Group g = kpi.openGroup("limits");
    for (const char* kind : {"bus_voltage", "transformer_loading", "cable_loading"}) {
      const std::string name(kind), where = "/kpi/limits/" + name;
      const H5::DataSet worst_ds = g.openDataSet(name + "_worst");
      const std::vector<std::string> ids =
          readStringList(worst_ds.openAttribute("ids"), where + "_worst ids");
      const std::vector<double> worst = readDoubleVector(worst_ds, ids.size(), where + "_worst");
      const std::vector<int64_t> steps =
          readInt64Vector(g.openDataSet(name + "_steps"), ids.size(), where + "_steps");
      const std::string units = stringAttribute(worst_ds, "units");
      for (size_t i = 0; i < ids.size(); ++i) {
        if (steps[i] > 0)
          out.push_back({name, ids[i], worst[i], units, static_cast<long>(steps[i])});
      }
    }
    return out;
  });
}

std::vector<DrEventRecord> readDrEventRecords(const std::string& path,
                                              const std::string& scenario) {
  H5::H5File file = openResults(path);
  return guarded(path, [&] {
    std::vector<DrEventRecord> out;
    const H5::Group kpi = scenarioGroup(file, scenario).openGroup("kpi");
    if (!kpi.nameExists("dr_events")) return out;
    const H5::Group g = kpi.openGroup("dr_events");
    const std::vector<std::string> ids =
        readStringList(g.openAttribute("ids"), "/kpi/dr_events ids");
    const size_t n = ids.size();
    const std::vector<double> requested =
        readDoubleVector(g.openDataSet("requested_kWh"), n, "/kpi/dr_events/requested_kWh");
    const std::vector<double> delivered =
        readDoubleVector(g.openDataSet("delivered_kWh"), n, "/kpi/dr_events/delivered_kWh");
    const std::vector<double> lowest = readDoubleVector(g.openDataSet("lowest_reduction_kW"), n,
                                                        "/kpi/dr_events/lowest_reduction_kW");
    for (size_t i = 0; i < n; ++i) out.push_back({ids[i], requested[i], delivered[i], lowest[i]});
    return out;
  });
}

}  // namespace twin
