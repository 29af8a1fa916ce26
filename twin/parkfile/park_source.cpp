#include "twin/parkfile/park_source.h"

#include "twin/parkfile/sha256.h"

namespace twin {

ParkSource parkSourceFromText(std::string text, const std::string& name) {
  ParkSource src;
  src.path = name;
  src.sha256 = sha256Hex(text);
  src.tree = parseYaml(text, name, src.parse_diagnostics);
  src.text = std::move(text);
  return src;
}

ParkSource loadParkSource(const std::string& path) {
  return parkSourceFromText(readTextFile(path), path);
}

}  // namespace twin
