// A text output file that is never half-written: written to a hidden temporary beside the
// target and renamed over it by commit(); destroyed without commit, it removes the temporary and
// leaves any existing target untouched.
#pragma once

#include <fstream>
#include <string>

#include "twin/base/temporary_path.h"

namespace twin {

// After a failed write: throws WriteError ("`what`: No space left on device (the disk or a
// file-size limit is full)") when errno says the disk, a quota or the file-size limit is full;
// returns otherwise.
void throwIfOutOfSpace(const std::string& what);

class OutputFile {
 public:
  // Throws InputError when the temporary cannot be created (missing folder, no permission).
  explicit OutputFile(const std::string& path);
  ~OutputFile();
  OutputFile(const OutputFile&) = delete;
  OutputFile& operator=(const OutputFile&) = delete;

  std::ostream& stream() { return stream_; }
  // Flushes, checks for write errors (InputError) and renames the temporary onto the target.
  void commit();

 private:
  std::string path_;
  std::string temp_path_;
  std::ofstream stream_;
  bool committed_ = false;
};

}  // namespace twin
