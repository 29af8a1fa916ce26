#include "twin/base/file_stamp.h"

#include <sys/stat.h>

namespace twin {

std::optional<FileStamp> fileStamp(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return std::nullopt;
  auto ns = [](const timespec& t) { return int64_t{t.tv_sec} * 1'000'000'000 + t.tv_nsec; };
  return FileStamp{st.st_dev, st.st_ino, static_cast<int64_t>(st.st_size), ns(st.st_mtim),
                   ns(st.st_ctim)};
}

}  // namespace twin
