// A small valid park for tests: one grid bus, a 10 kV cable, one 10/0.4 kV transformer, two
// motors, one lighting load, a two-period tariff. Tests mutate its text to provoke errors.
#pragma once

#include <string>

#include "twin/model/compile_park.h"

namespace twin::test {

std::string smallParkYaml();
// Its network section: grid bus PCC, cable CB1 to MV1, transformer TR1 (630 kVA) to LV1.
std::string smallParkNetworkYaml();
// A `tariff:` section with one flat price, 0.8 CNY/kWh, all day all year.
std::string flatTariffYaml();
// The small park with `sections` (YAML text) inserted before its tariff section.
std::string smallParkWith(const std::string& sections);
// Compiles the bundled demo park, datasets/demo-park/park.yaml.
CompiledPark compileDemoPark();
// Compiles text named "test.yaml"; throws InputError like the CLI would.
CompiledPark compileText(const std::string& text);
// Replaces the first occurrence of `from` in text with `to` (fails the test if absent).
std::string replaced(std::string text, const std::string& from, const std::string& to);

}  // namespace twin::test
