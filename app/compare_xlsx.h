// `parktwin compare --xlsx FILE`: the comparison as an Excel workbook (libxlsxwriter) with sheets
// for the summary, the economics, the cash flows, the monthly figures and the abatement curve,
// native charts, numbers as numbers with units in the headers, in English or Chinese.
#pragma once

#include <string>

#include "twin/economics/comparison.h"

namespace twin::cli {

// Written to a temporary beside `path` and renamed onto it: a failed write leaves no file and
// keeps an existing one. Throws InputError naming the file when it cannot be written.
void writeComparisonXlsx(const economics::Comparison& c, const std::string& path, bool chinese);

}  // namespace twin::cli
