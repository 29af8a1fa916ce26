#include "twin/results/results_probe.h"

#include <H5Cpp.h>
#include <fmt/format.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <mutex>
#include <optional>
#include <sstream>
#include <thread>
#include <vector>

#include "twin/base/error.h"
#include "twin/base/file_stamp.h"
#include "twin/results/chunk_reader.h"
#include "twin/results/hdf5_io.h"

namespace twin {
namespace {

// How much processor time the walk may take: 2 s, and 1 s more per 8 MiB of file (at most 2 GiB
// are read). A sound file's walk takes about 15 ms per MiB (the demo's 54 MB in 0.8 s with
// `info`'s own reading), so the limit is a tenth of that pace; HDF5 looping on a damaged one is
// cut short. Counted in the child's processor time, a loaded machine does not make a sound file
// look damaged; ten times the limit in wall time ends a child that waits instead.
std::chrono::milliseconds walkLimit(uintmax_t bytes) {
  return std::chrono::milliseconds(
      2000 + static_cast<long>(std::min<uintmax_t>(bytes, 1ull << 31) / 8389));
}

// How much memory the walk may take beyond what the process had when it forked: 256 MiB, and 4
// bytes more per byte of the file. A sound file's walk reads small datasets, first chunks and
// lists of names, tens of MiB; a damaged variable-length string can make HDF5 allocate (and
// clear) whatever length it claims, gigabytes from a file of kilobytes.
int64_t memoryLimit(uintmax_t bytes) {
  return (int64_t{256} << 20) + 4 * static_cast<int64_t>(std::min<uintmax_t>(bytes, 1ull << 31));
}

// What a process uses so far: processor time (user + system) and resident memory.
struct Use {
  std::chrono::milliseconds cpu{0};
  int64_t resident_bytes = 0;
};

// The child's use from /proc/PID/stat; zero when unreadable.
Use childUse(pid_t child) {
  std::ifstream stat("/proc/" + std::to_string(child) + "/stat");
  std::string line;
  std::getline(stat, line);
  const size_t end = line.rfind(')');  // fields after the command name, which may hold spaces
  if (end == std::string::npos) return {};
  std::istringstream fields(line.substr(end + 2));
  std::string field;
  long ticks = 0, pages = 0;
  for (int k = 3; k <= 24 && fields >> field; ++k) {  // utime 14, stime 15, rss 24 (pages)
    if (k == 14 || k == 15) ticks += std::atol(field.c_str());
    if (k == 24) pages = std::atol(field.c_str());
  }
  return {std::chrono::milliseconds(ticks * 1000 / std::max(1L, sysconf(_SC_CLK_TCK))),
          int64_t{pages} * sysconf(_SC_PAGESIZE)};
}

// This process's resident memory (/proc/self/statm); zero when unreadable.
int64_t residentBytes() {
  std::ifstream statm("/proc/self/statm");
  long size = 0, resident = 0;
  statm >> size >> resident;
  return int64_t{resident} * sysconf(_SC_PAGESIZE);
}

constexpr hsize_t kFullReadBytes = hsize_t{256} << 10;  // datasets read whole up to this size
constexpr size_t kIndexLookups = size_t{1} << 20;       // chunks looked up in a dataset at most

// Runs one step of the walk; an HDF5 error ends that step only (the readers report it), so that
// the walk still reaches everything after it.
template <typename Fn>
void step(Fn&& fn) {
  try {
    fn();
  } catch (const H5::Exception&) {
  } catch (const LayoutError&) {
  }
}

// Reads every attribute of an object: a string or a list of strings as the readers read them,
// anything else as raw bytes of its own type. One attribute's error does not stop the others.
void readAttributes(const H5::H5Object& object) {
  int count = 0;
  step([&] { count = object.getNumAttrs(); });
  for (int i = 0; i < count; ++i) {
    step([&] {
      const H5::Attribute a = object.openAttribute(static_cast<unsigned>(i));
      const H5::DataType type = a.getDataType();
      if (type.getClass() != H5T_STRING) {
        std::vector<char> bytes(a.getInMemDataSize());
        a.read(type, bytes.data());
      } else if (a.getSpace().getSimpleExtentNpoints() == 1) {
        std::string value;
        a.read(a.getStrType(), value);
      } else {
        readStringList(a, "attribute");
      }
    });
  }
}

// A chunked dataset's chunk index, walked the way the readers look each chunk up (its stored
// size), without reading the chunks: damaged index nodes are met here, while damaged chunk bytes
// only fail to inflate in the readers (libdeflate, or zlib in HDF5's filter), an error. At most
// kIndexLookups chunks (a 10-year run at 1 minute has 3,653 a series); the rest are left to the
// readers, as chunk data is.
void lookUpChunks(const H5::DataSet& ds, const std::vector<hsize_t>& dims,
                  const H5::DSetCreatPropList& props) {
  std::vector<hsize_t> chunk(dims.size(), 0), at(dims.size(), 0);
  if (props.getChunk(static_cast<int>(chunk.size()), chunk.data()) !=
      static_cast<int>(chunk.size()))
    return;
  if (std::find(chunk.begin(), chunk.end(), 0) != chunk.end()) return;
  for (size_t n = 0; n < kIndexLookups; ++n) {
    hsize_t size = 0;
    H5Dget_chunk_storage_size(ds.getId(), at.data(), &size);
    size_t k = at.size();  // the next chunk, the last dimension fastest
    while (k > 0 && (at[k - 1] += chunk[k - 1]) >= dims[k - 1]) at[--k] = 0;
    if (k == 0) return;
  }
}

// A dataset that holds variable-length values (a table's text columns) read whole, as its reader
// reads it, kVariableRows rows at a time: each value points into the file's global heap, and
// HDF5 crashes converting a damaged pointer in any row (the sweep table's, found by fuzzing).
constexpr hsize_t kVariableRows = 4096;
void readVariableLength(const H5::DataSet& ds, const H5::DataSpace& space,
                        const H5::DataType& type) {
  const int rank = space.getSimpleExtentNdims();
  std::vector<hsize_t> dims(static_cast<size_t>(std::max(rank, 1)), 1);  // a scalar: one row
  std::vector<hsize_t> start(dims.size(), 0);
  if (rank > 0) space.getSimpleExtentDims(dims.data());
  std::vector<hsize_t> count = dims;
  hsize_t row = 1;
  for (size_t k = 1; k < count.size(); ++k) row *= count[k];
  std::vector<char> bytes;
  for (start[0] = 0; start[0] < dims[0]; start[0] += count[0]) {
    count[0] = std::min(kVariableRows, dims[0] - start[0]);
    H5::DataSpace file_space = space;
    if (rank > 0) file_space.selectHyperslab(H5S_SELECT_SET, count.data(), start.data());
    const hsize_t points = count[0] * row;
    const H5::DataSpace memory(1, &points);
    bytes.assign(points * type.getSize(), 0);
    ds.read(bytes.data(), type, memory, file_space);
    H5Dvlen_reclaim(type.getId(), memory.getId(), H5P_DEFAULT, bytes.data());
  }
}

// A dataset's values: its chunk index and first chunk when chunked, else all of a small one and
// the first row of a large one; all of one with variable-length values.
void readDataset(const H5::DataSet& ds) {
  readAttributes(ds);
  const H5::DataSpace space = ds.getSpace();
  const H5::DataType type = ds.getDataType();
  if (type.getClass() == H5T_STRING) {
    if (space.getSimpleExtentNdims() == 0) {
      readString(ds, "dataset");
    } else {
      readStringList(ds, "dataset");
    }
    return;
  }
  const hsize_t points = static_cast<hsize_t>(space.getSimpleExtentNpoints());
  if (points == 0) return;
  if (H5Tdetect_class(type.getId(), H5T_VLEN) > 0) return readVariableLength(ds, space, type);
  const H5::DSetCreatPropList props = ds.getCreatePlist();
  const bool chunked = props.getLayout() == H5D_CHUNKED;
  if (!chunked && points * type.getSize() <= kFullReadBytes) {
    std::vector<char> bytes(points * type.getSize());
    ds.read(bytes.data(), type);
    return;
  }
  const int rank = space.getSimpleExtentNdims();
  std::vector<hsize_t> dims(static_cast<size_t>(rank)), start(dims.size(), 0);
  space.getSimpleExtentDims(dims.data());
  if (chunked) lookUpChunks(ds, dims, props);
  // A series's first chunk as the readers read it (chunk_reader.h), else its first row by HDF5.
  std::vector<double> first_row;
  if (rank == 2 && readStoredRows(ds, 0, 1, dims[1], first_row)) return;
  std::vector<hsize_t> count = dims;
  count[0] = 1;
  H5::DataSpace file_space = space;
  file_space.selectHyperslab(H5S_SELECT_SET, count.data(), start.data());
  hsize_t row = 1;
  for (size_t k = 1; k < count.size(); ++k) row *= count[k];
  std::vector<char> bytes(row * type.getSize());
  ds.read(bytes.data(), type, H5::DataSpace(1, &row), file_space);
}

void walkGroup(const H5::Group& group, int depth) {
  step([&] { readAttributes(group); });
  if (depth > 32) return;
  std::vector<std::string> names;
  step([&] { names = childNames(group); });  // as the readers list a group
  for (const std::string& name : names) {
    step([&] {
      const H5O_type_t type = group.childObjType(name);
      if (type == H5O_TYPE_GROUP) walkGroup(group.openGroup(name), depth + 1);
      if (type == H5O_TYPE_DATASET) readDataset(group.openDataSet(name));
    });
  }
}

// In the child: 0 when the walk ends, with or without HDF5 errors (the readers report those).
[[noreturn]] void walkAndExit(const std::string& path) {
  H5::Exception::dontPrint();
  step([&] {
    const H5::H5File file(path, H5F_ACC_RDONLY);
    walkGroup(file.openGroup("/"), 0);
  });
  _exit(0);
}

// The child's limits: processor time, and memory above the process's when it forked.
struct WalkLimits {
  std::chrono::milliseconds cpu;
  int64_t memory;
  int64_t resident_at_fork;
};

// What the child's end says: "" when it walked the file, else why not.
std::string awaitChild(pid_t child, const WalkLimits& limits) {
  const auto deadline = std::chrono::steady_clock::now() + 10 * limits.cpu;
  auto tooBig = [&](int64_t resident) {
    return resident - limits.resident_at_fork > limits.memory;
  };
  const std::string too_big =
      fmt::format("reading its structure took more than {} MiB of memory", limits.memory >> 20);
  int status = 0;
  rusage usage{};
  for (;;) {
    const pid_t done = wait4(child, &status, WNOHANG, &usage);
    if (done == child) break;
    if (done < 0) return "";  // reaped elsewhere: nothing to judge by
    const Use use = childUse(child);
    const bool busy = use.cpu > limits.cpu, big = tooBig(use.resident_bytes);
    if (busy || big || std::chrono::steady_clock::now() > deadline) {
      kill(child, SIGKILL);
      waitpid(child, &status, 0);
      if (big) return too_big;
      return fmt::format("reading its structure did not end within {:.1f} s{}",
                         static_cast<double>((busy ? 1 : 10) * limits.cpu.count()) / 1000.0,
                         busy ? " of processor time" : "");
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  if (WIFSIGNALED(status)) {
    return std::string("HDF5 crashed reading its structure (") + strsignal(WTERMSIG(status)) + ")";
  }
  // A sanitizer build reports a crash and exits 1 instead of dying of the signal.
  if (WIFEXITED(status) && WEXITSTATUS(status) != 0) {
    return "HDF5 crashed reading its structure (exit " + std::to_string(WEXITSTATUS(status)) + ")";
  }
  return tooBig(int64_t{usage.ru_maxrss} << 10) ? too_big : "";  // between two looks
}

// Each file's verdict: "" passed, else why not.
KeptByStamp<std::string>& verdicts() {
  static KeptByStamp<std::string> v;
  return v;
}

}  // namespace

void probeResultsFile(const std::string& path) {
  const std::optional<FileStamp> now = fileStamp(path);
  if (!now) return;           // not a file to walk: opening it will say what is wrong
  static std::mutex walking;  // one walk at a time
  const std::lock_guard<std::mutex> lock(walking);
  std::optional<std::string> failure = verdicts().find(path, *now);
  if (!failure) {
    const auto bytes = static_cast<uintmax_t>(now->size);
    const WalkLimits limits{walkLimit(bytes), memoryLimit(bytes), residentBytes()};
    const pid_t child = fork();
    if (child < 0) return;  // no process to spare: read without the guard
    if (child == 0) walkAndExit(path);
    failure = awaitChild(child, limits);
    verdicts().keep(path, *now, *failure);
  }
  if (!failure->empty()) throw InputError(path + ": the file is damaged: " + *failure);
}

void trustResultsFile(const std::string& path) {
  if (const std::optional<FileStamp> now = fileStamp(path)) verdicts().keep(path, *now, "");
}

}  // namespace twin
