#include "twin/results/results_probe.h"

#include <H5Cpp.h>
#include <malloc.h>
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <mutex>
#include <optional>
#include <set>
#include <vector>

#include "twin/base/error.h"
#include "twin/base/file_stamp.h"
#include "twin/results/chunk_reader.h"
#include "twin/results/hdf5_io.h"
#include "twin/results/probe_watch.h"

namespace twin {
namespace {

// How much processor time the whole walk may take: 2 s, and 2 s more per MiB of the file (at most
// 2 GiB are counted). The objects are walked once each, so a walk that keeps stepping ends; this
// is the bound on one that steps through a damaged file's endless table. Sound files walk at
// 15-100 ms per MiB: the demo's, large chunked series, at the low end; a 2,000-variant sweep's,
// 490,000 small objects in 229 MB, at the high end (15-23 s).
std::chrono::milliseconds walkLimit(uintmax_t bytes) {
  return std::chrono::milliseconds(2000 +
                                   static_cast<long>(std::min<uintmax_t>(bytes, 1ull << 31) / 524));
}

// How much memory the walk may take beyond what the process had when it forked: 256 MiB, and 4
// bytes more per byte of the file. A sound file's walk reads small datasets, first chunks and
// lists of names, tens of MiB; a damaged variable-length string can make HDF5 allocate (and
// clear) whatever length it claims, gigabytes from a file of kilobytes.
int64_t memoryLimit(uintmax_t bytes) {
  return (int64_t{256} << 20) + 4 * static_cast<int64_t>(std::min<uintmax_t>(bytes, 1ull << 31));
}

constexpr hsize_t kFullReadBytes = hsize_t{256} << 10;  // datasets read whole up to this size

// The child's count of its steps (probe_watch.h); null in the parent.
WalkProgress* g_progress = nullptr;
void stepForward() {
  if (g_progress) g_progress->steps.fetch_add(1, std::memory_order_relaxed);
}
constexpr size_t kIndexLookups = size_t{1} << 20;  // chunks looked up in a dataset at most

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
    if (n % 4096 == 0) stepForward();
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
    stepForward();
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

// Objects by the file they are in and their address there.
using Walked = std::set<std::pair<unsigned long, haddr_t>>;
constexpr int kDeepest = 32;  // groups listed at most this deep

// Each object once (`walked`), however many links lead to it: a group that links to itself is not
// walked again. A group reached too deep to be listed is not marked, so that a shallower link to
// it still lists it.
void walkGroup(const H5::Group& group, int depth, Walked& walked) {
  stepForward();
  step([&] { readAttributes(group); });
  if (depth > kDeepest) return;
  std::vector<std::string> names;
  step([&] { names = childNames(group); });  // as the readers list a group
  for (const std::string& name : names) {
    step([&] {
      H5O_info_t info{};
      if (H5Oget_info_by_name2(group.getId(), name.c_str(), &info, H5O_INFO_BASIC, H5P_DEFAULT) < 0)
        return;
      const bool listed = info.type != H5O_TYPE_GROUP || depth + 1 <= kDeepest;
      if (listed && !walked.insert({info.fileno, info.addr}).second) return;
      if (info.type == H5O_TYPE_GROUP) walkGroup(group.openGroup(name), depth + 1, walked);
      if (info.type == H5O_TYPE_DATASET) readDataset(group.openDataSet(name));
      stepForward();
    });
  }
}

// In the child: 0 when the walk ends, with or without HDF5 errors (the readers report those).
// Its crashes leave no core file (each would be the size of the parent).
[[noreturn]] void walkAndExit(const std::string& path, WalkProgress* progress) {
  g_progress = progress;
  const rlimit no_core{0, 0};
  setrlimit(RLIMIT_CORE, &no_core);
  H5::Exception::dontPrint();
  step([&] {
    const H5::H5File file(path, H5F_ACC_RDONLY);
    const H5::Group root = file.openGroup("/");
    H5O_info_t info{};
    Walked walked;
    if (H5Oget_info2(root.getId(), &info, H5O_INFO_BASIC) >= 0)
      walked.insert({info.fileno, info.addr});
    walkGroup(root, 0, walked);
  });
  stepForward();  // closing the file is not a stall
  // A damaged file can make HDF5 write past a buffer without the walk crashing: found here, in
  // the child, rather than in the reading process.
  checkHeapAfterHdf5();
  stepForward();  // nor is the exit
  _exit(0);
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
    const SharedProgress shared;
    if (!shared.progress()) return;  // no memory to spare: read without the guard
    const pid_t child = fork();
    if (child < 0) return;  // no process to spare: read without the guard
    if (child == 0) walkAndExit(path, shared.progress());
    failure = awaitChild(child, limits, *shared.progress());
    verdicts().keep(path, *now, *failure);
  }
  if (!failure->empty()) throw InputError(path + ": the file is damaged: " + *failure);
}

void checkHeapAfterHdf5() {
  H5garbage_collect();
  malloc_trim(0);
}

void trustResultsFile(const std::string& path) {
  if (const std::optional<FileStamp> now = fileStamp(path)) verdicts().keep(path, *now, "");
}

}  // namespace twin
