// `parktwin diagnose --xlsx FILE`: the findings as a workbook (libxlsxwriter): sheet Motors, one
// row per motor by rank with numbers as numbers and units in the headers; sheet Input, what the
// reader skipped and the gaps it found.
#include "app/diagnose_output.h"
#include "app/xlsx_file.h"
#include "twin/base/iso_time.h"
#include "twin/base/text.h"
#include "twin/diagnosis/finding_fields.h"

namespace twin::cli {
namespace {

using diagnosis::MotorFinding;

void writeOptional(lxw_worksheet* ws, int row, int col, std::optional<double> v, lxw_format* f) {
  if (v) writeNumber(ws, row, col, *v, f);
}

void motorsSheet(lxw_workbook* wb, const diagnosis::Diagnosis& d, bool zh, lxw_format* bold,
                 lxw_format* number) {
  lxw_worksheet* ws = workbook_add_worksheet(wb, zh ? "电机" : "Motors");
  std::vector<std::string> heads = {zh ? "排名" : "Rank",
                                    zh ? "设备" : "Id",
                                    zh ? "名称" : "Name",
                                    zh ? "类型" : "Kind",
                                    withUnit(zh ? "额定功率" : "Rated power", "kW"),
                                    zh ? "能效等级" : "Class"};
  for (const auto& f : diagnosis::kFindingFields)
    heads.push_back(withUnit(zh ? f.label_zh : f.label, f.unit));
  heads.push_back(zh ? "标记" : "Flags");
  const std::string to = " " + d.to_class;
  for (const auto& f : diagnosis::kReplacementFields) {
    heads.push_back(withUnit(std::string(zh ? f.label_zh : f.label) + to, f.unit));
  }
  for (size_t c = 0; c < heads.size(); ++c) writeText(ws, 0, int(c), heads[c], bold);
  int row = 1;
  for (const MotorFinding& m : d.motors) {
    int col = 0;
    writeNumber(ws, row, col++, m.rank, nullptr);
    writeText(ws, row, col++, m.id, nullptr);
    writeText(ws, row, col++, m.name, nullptr);
    writeText(ws, row, col++, m.kind, nullptr);
    writeNumber(ws, row, col++, m.rated_power / 1e3, number);
    writeText(ws, row, col++, m.efficiency_class, nullptr);
    for (const auto& f : diagnosis::kFindingFields) writeOptional(ws, row, col++, f.get(m), number);
    std::vector<std::string> flags;
    for (diagnosis::Flag flag : m.flags) flags.emplace_back(diagnosis::kFlagNames[size_t(flag)]);
    writeText(ws, row, col++, join(flags, ", "), nullptr);
    for (const auto& f : diagnosis::kReplacementFields) {
      writeOptional(ws, row, col++, m.replacement ? f.get(*m.replacement) : std::nullopt, number);
    }
    ++row;
  }
  worksheet_freeze_panes(ws, 1, 2);
}

void inputSheet(lxw_workbook* wb, const MeterData& meters, bool zh, lxw_format* bold) {
  lxw_worksheet* ws = workbook_add_worksheet(wb, zh ? "输入" : "Input");
  writeText(ws, 0, 0, zh ? "行号" : "Line", bold);
  writeText(ws, 0, 1, zh ? "跳过原因" : "Skipped: reason", bold);
  int row = 1;
  for (const SkippedRow& s : meters.skipped) {
    writeNumber(ws, row, 0, s.line, nullptr);
    writeText(ws, row++, 1, s.reason, nullptr);
  }
  writeText(ws, 0, 3, zh ? "设备" : "Gap: id", bold);
  writeText(ws, 0, 4, zh ? "起" : "From", bold);
  writeText(ws, 0, 5, zh ? "止" : "To", bold);
  row = 1;
  for (const MeterGap& g : meters.gaps) {
    writeText(ws, row, 3, g.id, nullptr);
    writeText(ws, row, 4, formatIsoTime(g.from, meters.utc_offset), nullptr);
    writeText(ws, row++, 5, formatIsoTime(g.to, meters.utc_offset), nullptr);
  }
}

}  // namespace

void writeDiagnosisXlsx(const diagnosis::Diagnosis& d, const MeterData& meters,
                        const std::string& path, bool chinese) {
  XlsxFile file = openXlsx(path, "--xlsx");
  lxw_format* bold = workbook_add_format(file.wb);
  format_set_bold(bold);
  lxw_format* number = workbook_add_format(file.wb);
  format_set_num_format(number, "#,##0.0##");
  motorsSheet(file.wb, d, chinese, bold, number);
  inputSheet(file.wb, meters, chinese, bold);
  closeXlsx(file);
}

}  // namespace twin::cli
