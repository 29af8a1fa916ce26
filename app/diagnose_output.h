// What `parktwin diagnose` writes: the ranked terminal table, the JSON document, the CSV file and
// the workbook (docs/diagnosis.md).
#pragma once

#include <nlohmann/json.hpp>
#include <ostream>
#include <string>

#include "twin/diagnosis/motor_diagnosis.h"
#include "twin/parkfile/meter_csv.h"

namespace twin::cli {

// {"motors": [...], "input": {"rows", "skipped", "duplicates", "gaps", ...}} with the fields the
// issue names (twin/diagnosis/finding_fields.h) and a few more (name, kind, drive, notes).
nlohmann::ordered_json diagnosisJson(const diagnosis::Diagnosis& d, const MeterData& meters);
// The ranked table, the meaning of each flag shown, and what the input lacked.
void printDiagnosis(std::ostream& out, const diagnosis::Diagnosis& d, const MeterData& meters,
                    bool chinese, size_t width);
// One row per motor, by rank, the JSON names as headers; written to a temporary and renamed.
void writeDiagnosisCsv(const diagnosis::Diagnosis& d, const std::string& path);
// Sheets Motors (the findings, ranked) and Input (skipped rows, gaps), in English or Chinese.
void writeDiagnosisXlsx(const diagnosis::Diagnosis& d, const MeterData& meters,
                        const std::string& path, bool chinese);

}  // namespace twin::cli
