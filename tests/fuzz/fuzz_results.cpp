// Results files: the bytes written to a temporary .h5 and opened as `info` (summary), `compare`
// (every run's KPIs and economics, or a sweep's summary table) and the viewer (stored model,
// times, series) open them.
#include <unistd.h>

#include <csignal>
#include <cstdio>
#include <filesystem>
#include <fstream>

#include "fuzz_input.h"
#include "twin/economics/comparison.h"
#include "twin/results/results_reader.h"
#include "twin/sweep/sweep_table.h"
#include "viewer/results_data.h"

#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#include <pthread.h>
#include <sanitizer/common_interface_defs.h>
// HDF5 crashing in the structure probe's child is the probe doing its job: the child reports
// it (ASan) and dies, the file is refused. Without libFuzzer's death callback and its abort and
// illegal-instruction handlers there, the child writes no crash artifact of its own; the fuzzing
// process keeps them for real findings. (An allocation over -malloc_limit_mb in a child still
// leaves an oom-* artifact: libFuzzer's malloc hook cannot be taken back.)
const int kQuietChildren = pthread_atfork(nullptr, nullptr, [] {
  __sanitizer_set_death_callback(nullptr);
  std::signal(SIGABRT, SIG_DFL);
  std::signal(SIGILL, SIG_DFL);
});
#endif
#endif

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const std::string path = (std::filesystem::temp_directory_path() /
                                   ("parktwin_fuzz_" + std::to_string(getpid()) + ".h5"))
                                      .string();
  {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  }
  fuzz::refuseOnlyWithInputError([&] { twin::readResultsSummary(path); });
  fuzz::refuseOnlyWithInputError([&] { twin::economics::compareResults(path, ""); });
  fuzz::refuseOnlyWithInputError([&] { twin::sweep::findSweepTable(path); });
  fuzz::refuseOnlyWithInputError([&] { viewer::loadResults(path, ""); });
  std::remove(path.c_str());
  return 0;
}
