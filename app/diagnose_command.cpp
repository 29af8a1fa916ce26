// `parktwin diagnose METER.csv --park PARK.yaml [--json] [--csv OUT] [--xlsx OUT]
// [--to-class IE4|IE5] [--language en|zh]`: findings per metered motor, ranked by what replacing
// it would save (twin/diagnosis/motor_diagnosis.h, docs/diagnosis.md).
#include <iostream>

#include "app/commands.h"
#include "app/diagnose_output.h"
#include "app/text_table.h"
#include "twin/base/error.h"
#include "twin/base/text.h"
#include "twin/model/compile_park.h"
#include "twin/parkfile/source_tree.h"
#include "twin/results/measured_motors.h"

namespace twin::cli {
namespace {

physics::MotorClass targetClass(const std::string& name) {
  const std::optional<physics::MotorClass> c = physics::motorClassFromName(name);
  if (c != physics::MotorClass::kIE4 && c != physics::MotorClass::kIE5) {
    throw InputError("--to-class: expected IE4 or IE5, got " + quote(name));
  }
  return *c;
}

// The findings as the results file keeps them (twin/results/measured_motors.h).
MeasuredMotors measuredMotors(const diagnosis::Diagnosis& d, const std::string& meter_file) {
  MeasuredMotors out{meter_file, d.to_class, {}};
  const double none = MeasuredMotor::kNone;
  for (const diagnosis::MotorFinding& f : d.motors) {
    std::vector<std::string> flags;
    for (diagnosis::Flag flag : f.flags) flags.emplace_back(diagnosis::kFlagNames[size_t(flag)]);
    out.motors.push_back({f.id, f.efficiency.value_or(none),
                          f.efficiency_uncertainty.value_or(none),
                          f.class_efficiency.value_or(none), f.mean_load.value_or(none),
                          f.load_uncertainty.value_or(none), join(flags, ", "), f.rank,
                          f.replacement ? f.replacement->money : none});
  }
  return out;
}

}  // namespace

MeterData readParkMeters(const std::string& path, const ParkModel& model,
                         const std::string& park_path) {
  MeterData meters = readMeterCsv(readTextFile(path), path, [&](std::string_view id) {
    return diagnosis::isParkMeterId(model, id);
  });
  for (const SkippedRow& s : meters.skipped) {
    std::cerr << "warning: " << path << ":" << s.line << ": skipped: " << s.reason << '\n';
  }
  for (size_t i = 0; i < meters.unknown_ids.size(); ++i) {
    std::cerr << "warning: " << path << ":" << meters.unknown_id_lines[i] << ": id \""
              << meters.unknown_ids[i] << "\" is not in " << park_path << '\n';
  }
  return meters;
}

int diagnoseCommand(const DiagnoseRequest& request) {
  const physics::MotorClass target = targetClass(request.to_class);
  const CompiledPark park = compilePark(loadParkSource(request.park_path));
  for (const std::string& w : park.warnings) std::cerr << "warning: " << w << '\n';
  const MeterData meters = readParkMeters(request.meters, park.baseline, request.park_path);
  const diagnosis::Diagnosis d = diagnosis::diagnoseMotors(park.baseline, meters, target);
  if (d.motors.empty()) {
    const std::string example =
        park.baseline.motors.empty() ? std::string("P-01") : park.baseline.motors.front().id;
    throw InputError(request.meters + ": no readable reading names a motor of " +
                     request.park_path + " (ids are motor ids such as " + example + "; " +
                     std::to_string(meters.skipped.size()) + " rows skipped)");
  }
  for (const diagnosis::MotorFinding& f : d.motors) {
    for (const auto& s : f.skipped_methods) {
      std::cerr << "warning: " << f.id << ": method " << s.method << " skipped: " << s.reason
                << '\n';
    }
  }
  const bool chinese = request.language == "zh";
  if (!request.csv.empty()) writeDiagnosisCsv(d, request.csv);
  if (!request.results.empty())
    writeMeasuredMotors(request.results, measuredMotors(d, request.meters));
  if (!request.xlsx.empty()) writeDiagnosisXlsx(d, meters, request.xlsx, chinese);
  if (request.json) {
    std::cout << diagnosisJson(d, meters).dump(2) << '\n';
  } else {
    printDiagnosis(std::cout, d, meters, chinese, terminalWidth());
  }
  return 0;
}

}  // namespace twin::cli
