// Typed errors and the collector that gathers every input problem before failing
// (ARCHITECTURE.md §4): each message reads FILE:LINE:COL: field.path: expected ..., got ...
#pragma once

#include <stdexcept>
#include <string>
#include <vector>

namespace twin {

// Where a value came from. line and column are 1-based; 0 means unknown.
struct SourceLoc {
  std::string file;
  int line = 0;
  int column = 0;
};

struct Diagnostic {
  SourceLoc loc;
  std::string path;     // field path such as equipment[12].motor.rated_power
  std::string message;  // what was expected and what was found
  std::string format() const;
};

// Bad input from a user: a park file, a CLI flag, a results file. Exit code 2.
class InputError : public std::runtime_error {
 public:
  explicit InputError(std::vector<Diagnostic> diagnostics);
  explicit InputError(const std::string& message);
  const std::vector<Diagnostic>& diagnostics() const { return diagnostics_; }

 private:
  std::vector<Diagnostic> diagnostics_;
};

// Raised when a run is cancelled (SIGINT/SIGTERM) between time blocks.
// An output that could not be written (disk full, file-size limit, quota): exit 1 with the
// message; the target is left as it was.
class WriteError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class Interrupted : public std::runtime_error {
 public:
  Interrupted() : std::runtime_error("interrupted") {}
};

class Diagnostics {
 public:
  void error(const SourceLoc& loc, std::string path, std::string message);
  // Something implausible but usable: reported, and compiling goes on.
  void warning(const SourceLoc& loc, std::string path, std::string message);
  const std::vector<Diagnostic>& warnings() const { return warnings_; }
  bool empty() const { return list_.empty(); }
  const std::vector<Diagnostic>& list() const { return list_; }
  // Throws InputError with every collected diagnostic, if there is any.
  void throwIfAny() const;

 private:
  std::vector<Diagnostic> list_;
  std::vector<Diagnostic> warnings_;
};

}  // namespace twin
