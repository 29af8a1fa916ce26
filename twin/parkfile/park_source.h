// A park file as read from disk: its text, digest and YAML tree with a location per node
// (twin/model/compile_park.h compiles it).
#pragma once

#include <string>
#include <vector>

#include "twin/parkfile/source_tree.h"

namespace twin {

struct ParkSource {
  std::string path;  // as given; used in messages
  std::string text;
  std::string sha256;
  Node tree;
  Diagnostics parse_diagnostics;  // problems found while reading the YAML (repeated keys)
};

// Reads and parses a park file; throws InputError (unreadable file, YAML syntax).
ParkSource loadParkSource(const std::string& path);
// The same from text already in memory (the embedded demo park, tests).
ParkSource parkSourceFromText(std::string text, const std::string& name);

}  // namespace twin
