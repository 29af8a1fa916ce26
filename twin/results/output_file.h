// A text output file that is never half-written: written to a hidden temporary beside the
// target and renamed over it by commit(); destroyed without commit, it removes the temporary and
// leaves any existing target untouched.
#pragma once

#include <fstream>
#include <string>

namespace twin {

// The hidden temporary beside a target path: DIR/.NAME.partial-PID. Writers create it, then
// rename it onto the target when complete (also used for HDF5 outputs). Temporaries of the same
// target whose process is gone (a run killed midway) are removed first.
std::string temporaryPathBeside(const std::string& path);

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
