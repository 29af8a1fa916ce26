// Pinned error messages: the formatted diagnostics of the InputError a call throws, and the
// (from, to, expected) cases that mutate a valid text in one place.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "twin/base/error.h"

namespace twin::test {

// Every formatted diagnostic of the InputError that fn() throws; empty when it throws none.
template <typename Fn>
std::vector<std::string> messagesOf(Fn&& fn) {
  try {
    fn();
  } catch (const InputError& e) {
    std::vector<std::string> out;
    for (const Diagnostic& d : e.diagnostics()) out.push_back(d.format());
    return out;
  }
  return {};
}

// A valid text with `from` replaced by `to` must give exactly the message `expected`.
struct ErrorCase {
  const char* name;
  const char* from;
  const char* to;
  const char* expected;
};

inline void PrintTo(const ErrorCase& c, std::ostream* os) { *os << c.name; }

}  // namespace twin::test
