// What every fuzz harness shares: the input as text, and the rule that only twin::InputError (a
// located message, exit 2) is an acceptable outcome of bad input. Any other exception escapes to
// libFuzzer and is reported as a finding, as are crashes, leaks and inputs slower than 1 s.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

#include "twin/base/error.h"

namespace fuzz {

inline std::string text(const uint8_t* data, size_t size) {
  return std::string(reinterpret_cast<const char*>(data), size);
}

// Runs `read` on the input; an InputError is the expected refusal of bad input.
template <typename Fn>
int refuseOnlyWithInputError(Fn&& read) {
  try {
    read();
  } catch (const twin::InputError&) {
  }
  return 0;
}

}  // namespace fuzz
