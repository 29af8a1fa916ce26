#include "twin/results/output_file.h"

#include <cerrno>
#include <cstring>
#include <filesystem>

#include "twin/base/error.h"

namespace twin {

void throwIfOutOfSpace(const std::string& what) {
  const int e = errno;
  if (e == ENOSPC || e == EFBIG || e == EDQUOT) {
    throw WriteError(what + ": " + std::strerror(e) + " (the disk or a file-size limit is full)");
  }
}

OutputFile::OutputFile(const std::string& path) : path_(path) {
  const std::filesystem::path target(path);
  if (std::filesystem::is_directory(target)) {
    throw InputError(path + ": expected a file to write, got a folder");
  }
  temp_path_ = temporaryPathBeside(path);
  stream_.open(temp_path_, std::ios::binary | std::ios::trunc);
  if (!stream_) throw InputError(path + ": cannot create the file (is the folder there?)");
}

OutputFile::~OutputFile() {
  if (committed_) return;
  stream_.close();
  std::error_code ignored;
  std::filesystem::remove(temp_path_, ignored);
}

void OutputFile::commit() {
  stream_.flush();
  stream_.close();
  if (!stream_) {
    throwIfOutOfSpace(path_ + ": cannot write the file");
    throw WriteError(path_ + ": cannot write the file");
  }
  std::filesystem::rename(temp_path_, path_);
  committed_ = true;
}

}  // namespace twin
