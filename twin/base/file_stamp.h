// What identifies a file's state on disk: its device and inode, size, and modification and change
// times (to the nanosecond). Writing to the file or replacing it changes at least one of them; the
// change time cannot be set back by a user, as `touch` and `cp -p` set the modification time. For
// what a process keeps of a file it has read (the results file's structure verdict, its summary)
// as long as the file stays as it was.
#pragma once

#include <sys/types.h>

#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <utility>

namespace twin {

struct FileStamp {
  dev_t device = 0;
  ino_t inode = 0;
  int64_t size = 0;
  int64_t modified_ns = 0;
  int64_t changed_ns = 0;
  bool operator==(const FileStamp&) const = default;
};

// The stamp of the regular file at `path`; nullopt when it is not one or cannot be read.
std::optional<FileStamp> fileStamp(const std::string& path);

// What a process keeps of the files it has read, by path, as long as each file keeps the stamp
// it had then. Thread-safe.
template <typename T>
class KeptByStamp {
 public:
  std::optional<T> find(const std::string& path, const FileStamp& stamp) const {
    const std::lock_guard<std::mutex> lock(mutex_);
    const auto it = known_.find(path);
    if (it == known_.end() || !(it->second.first == stamp)) return std::nullopt;
    return it->second.second;
  }
  void keep(const std::string& path, const FileStamp& stamp, T value) {
    const std::lock_guard<std::mutex> lock(mutex_);
    known_.insert_or_assign(path, std::pair{stamp, std::move(value)});
  }

 private:
  mutable std::mutex mutex_;
  std::map<std::string, std::pair<FileStamp, T>> known_;
};

}  // namespace twin
