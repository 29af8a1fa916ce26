// Results files: the bytes written to a temporary .h5 and opened as `info` (summary), `compare`
// (every run's KPIs and economics, or a sweep's summary table) and the viewer (stored model,
// times, series) open them.
#include <pthread.h>
#include <unistd.h>

#include <csignal>
#include <cstdio>
#include <filesystem>
#include <fstream>

#include "fuzz_input.h"
#include "twin/economics/comparison.h"
#include "twin/results/results_probe.h"
#include "twin/results/results_reader.h"
#include "twin/sweep/sweep_table.h"
#include "viewer/results_data.h"

#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define PARKTWIN_FUZZ_ASAN 1
#endif
#elif defined(__SANITIZE_ADDRESS__)  // GCC
#define PARKTWIN_FUZZ_ASAN 1
#endif
#ifdef PARKTWIN_FUZZ_ASAN
#include <sanitizer/common_interface_defs.h>
#endif

// HDF5 crashing in the structure probe's child is the probe doing its job: the child dies and the
// file is refused. The child therefore drops the fuzzer's handlers (libFuzzer's crash handlers
// for the signals, and ASan's death callback under ASan), so that it writes no crash artifact of
// its own; the fuzzing process keeps them for real findings. Under ASan the child still reports
// a memory error it meets. (An allocation over -malloc_limit_mb in a child still leaves an oom-*
// artifact: libFuzzer's malloc hook cannot be taken back.)
const int kQuietChildren = pthread_atfork(nullptr, nullptr, [] {
#ifdef PARKTWIN_FUZZ_ASAN
  __sanitizer_set_death_callback(nullptr);
#else
  for (int sig : {SIGSEGV, SIGBUS, SIGFPE}) std::signal(sig, SIG_DFL);  // ASan's own otherwise
#endif
  std::signal(SIGABRT, SIG_DFL);
  std::signal(SIGILL, SIG_DFL);
});

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
#ifndef PARKTWIN_FUZZ_ASAN
  // Without ASan, damage HDF5 did to this process's heap is checked for now, while this input
  // is still in its file.
  twin::checkHeapAfterHdf5();
#endif
  std::remove(path.c_str());
  return 0;
}
