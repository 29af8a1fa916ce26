#include "twin/sweep/sweep_journal.h"

#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "twin/base/error.h"
#include "twin/parkfile/sha256.h"
#include "twin/sweep/byte_codec.h"

namespace twin::sweep {
namespace {

constexpr std::string_view kMagic = "parktwin sweep journal 2\n";  // 2: KPIs with dispatch, VPP

}  // namespace

std::string journalPath(const std::string& output) { return output + ".journal"; }

std::vector<VariantRow> readJournal(const std::string& path, const std::string& digest,
                                    size_t variant_count) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return {};
  std::ostringstream text;
  text << in.rdbuf();
  const std::string bytes = text.str();
  const std::string header = std::string(kMagic) + digest + "\n";
  if (bytes.compare(0, kMagic.size(), kMagic) != 0) {
    throw InputError(path + ": not a parktwin sweep journal (remove it to start the sweep afresh)");
  }
  if (bytes.compare(0, header.size(), header) != 0) {
    throw InputError(path +
                     ": the journal of a sweep of other inputs (park files, --vary, period "
                     "or --store differ); remove it or run without --resume");
  }
  std::vector<VariantRow> rows;
  ByteReader r(std::string_view(bytes).substr(header.size()), path);
  try {
    while (!r.done()) {
      const std::string_view record = r.str();
      const std::string_view check = r.str();
      if (sha256Hex(record) != check) break;
      VariantRow row = decodeRow(record);
      if (row.index >= variant_count) break;
      rows.push_back(std::move(row));
    }
  } catch (const std::runtime_error&) {
    // the end, or a record torn by the kill: what came before it stands
  }
  return rows;
}

SweepJournal::SweepJournal(std::string path, const std::string& digest,
                           const std::vector<VariantRow>& kept)
    : path_(std::move(path)) {
  file_ = std::fopen(path_.c_str(), "wb");
  if (!file_)
    throw InputError(path_ + ": cannot write the sweep's journal (is the folder writable?)");
  const std::string header = std::string(kMagic) + digest + "\n";
  std::fwrite(header.data(), 1, header.size(), file_);
  for (const VariantRow& row : kept) write(row);
  std::fflush(file_);
  fsync(fileno(file_));
}

SweepJournal::~SweepJournal() {
  if (file_) std::fclose(file_);
}

void SweepJournal::write(const VariantRow& row) {
  const std::string record = encodeRow(row);
  ByteWriter w;
  w.str(record);
  w.str(sha256Hex(record));
  std::fwrite(w.out.data(), 1, w.out.size(), file_);
}

void SweepJournal::append(const VariantRow& row) {
  write(row);
  // Flushed at once: a killed process loses nothing; synced at most once a second, so that a
  // sweep of many short variants on a cluster's filesystem does not wait on the disk per row.
  const auto now = std::chrono::steady_clock::now();
  const bool sync = now - last_sync_ >= std::chrono::seconds(1);
  if (std::fflush(file_) != 0 || (sync && fsync(fileno(file_)) != 0)) {
    throw std::runtime_error(path_ + ": cannot write the sweep's journal (disk full?)");
  }
  if (sync) last_sync_ = now;
}

void SweepJournal::remove() {
  std::fclose(file_);
  file_ = nullptr;
  std::filesystem::remove(path_);
}

}  // namespace twin::sweep
