// A park file as read from disk (text, digest, tree) and its compilation into the baseline model
// and one model per named scenario, with every error of all of them reported at once.
#pragma once

#include <string>
#include <vector>

#include "twin/model.h"
#include "twin/source_tree.h"

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

struct ScenarioSpec {
  std::string name;
  std::string description;
};

struct CompiledPark {
  ParkModel baseline;
  std::vector<ParkModel> scenarios;  // in file order; model.scenario holds the name
  std::vector<ScenarioSpec> specs;   // same order
};

// Compiles the baseline and every scenario; throws InputError listing every problem.
CompiledPark compilePark(const ParkSource& source);

}  // namespace twin
