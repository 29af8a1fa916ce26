#include "app/text_table.h"

#include <fmt/format.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>

#include "twin/base/text.h"

namespace twin::cli {
namespace {

// Display width of UTF-8 text: code points, CJK ideographs counting two.
size_t displayWidth(const std::string& text) {
  size_t width = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if ((c & 0xC0) == 0x80) continue;
    width += c >= 0xE3 && c <= 0xE9 ? 2 : 1;  // U+3000..U+9FFF
  }
  return width;
}

std::string pad(const std::string& text, size_t width, bool right) {
  const size_t w = displayWidth(text);
  const std::string fill(width > w ? width - w : 0, ' ');
  return right ? fill + text : text + fill;
}

std::string rightTrimmed(std::string text) {
  while (!text.empty() && text.back() == ' ') text.pop_back();
  return text;
}

}  // namespace

void printTable(std::ostream& out, const TextTable& table, size_t width) {
  size_t label = displayWidth(table.corner);
  for (const auto& row : table.rows) label = std::max(label, displayWidth(row.at(0)));
  std::vector<size_t> widths;
  for (size_t c = 0; c < table.columns.size(); ++c) {
    size_t w =
        std::max(displayWidth(table.columns[c].name), displayWidth(table.columns[c].unit) + 2);
    for (const auto& row : table.rows) w = std::max(w, displayWidth(row.at(c + 1)));
    widths.push_back(w);
  }
  size_t first = 0;
  while (first < widths.size()) {
    size_t last = first;
    size_t used = label;
    do {
      used += 2 + widths[last];
      ++last;
    } while (last < widths.size() && used + 2 + widths[last] <= width);
    std::string names = pad(table.corner, label, false);
    std::string units = pad("", label, false);
    for (size_t c = first; c < last; ++c) {
      names += "  " + pad(table.columns[c].name, widths[c], true);
      const std::string& u = table.columns[c].unit;
      units += "  " + pad(u.empty() ? "" : "[" + u + "]", widths[c], true);
    }
    out << rightTrimmed(names) << '\n' << rightTrimmed(units) << '\n';
    for (const auto& row : table.rows) {
      std::string line = pad(row[0], label, false);
      for (size_t c = first; c < last; ++c) line += "  " + pad(row[c + 1], widths[c], true);
      out << rightTrimmed(line) << '\n';
    }
    first = last;
    if (first < widths.size()) out << '\n';
  }
}

size_t terminalWidth() {
  if (const char* columns = std::getenv("COLUMNS")) {
    if (const std::optional<int> n = parseDigits(columns); n && *n >= 40) return size_t(*n);
  }
  winsize ws{};
  if (::isatty(STDOUT_FILENO) && ::ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col >= 40) {
    return ws.ws_col;
  }
  return 100;
}

}  // namespace twin::cli
