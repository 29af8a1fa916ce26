#include "twin/results/probe_watch.h"

#include <fmt/format.h>
#include <signal.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <new>
#include <sstream>
#include <thread>

namespace twin {
namespace {

// How much processor time the walk may take without a step forward (an object walked, a slab of a
// table read, a run of chunk lookups): HDF5 looping on a damaged structure does so inside one call.
// A sound file's steps take milliseconds.
constexpr std::chrono::milliseconds kStallLimit{500};

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

// Why the child is to be stopped now ("" when it may go on), from its use, its steps so far and
// when it last stepped forward (both clocks).
class Watch {
 public:
  explicit Watch(const WalkLimits& limits) : limits_(limits) {}
  std::string verdict(const Use& use, uint64_t steps) {
    const auto now = std::chrono::steady_clock::now();
    if (steps != steps_) {
      steps_ = steps;
      cpu_at_step_ = use.cpu;
      wall_at_step_ = now;
    }
    if (tooBig(use.resident_bytes)) return tooBig();
    if (use.cpu > limits_.cpu) return ended(limits_.cpu, " of processor time");
    if (use.cpu - cpu_at_step_ > kStallLimit) return stalled(kStallLimit, " of processor time");
    if (now - wall_at_step_ > 20 * kStallLimit) return stalled(20 * kStallLimit, "");
    if (now - start_ > 10 * limits_.cpu) return ended(10 * limits_.cpu, "");
    return "";
  }
  bool tooBig(int64_t resident) const {
    return resident - limits_.resident_at_fork > limits_.memory;
  }
  std::string tooBig() const {
    return fmt::format("reading its structure took more than {} MiB of memory",
                       limits_.memory >> 20);
  }

 private:
  static double seconds(std::chrono::milliseconds t) {
    return static_cast<double>(t.count()) / 1e3;
  }
  static std::string ended(std::chrono::milliseconds t, const char* kind) {
    return fmt::format("reading its structure did not end within {:.1f} s{}", seconds(t), kind);
  }
  static std::string stalled(std::chrono::milliseconds t, const char* kind) {
    return fmt::format("reading its structure made no progress in {:.1f} s{}", seconds(t), kind);
  }

  WalkLimits limits_;
  uint64_t steps_ = 0;
  std::chrono::milliseconds cpu_at_step_{0};
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
  std::chrono::steady_clock::time_point wall_at_step_ = start_;
};

}  // namespace

int64_t residentBytes() {
  std::ifstream statm("/proc/self/statm");
  long size = 0, resident = 0;
  statm >> size >> resident;
  return int64_t{resident} * sysconf(_SC_PAGESIZE);
}

std::string awaitChild(pid_t child, const WalkLimits& limits, const WalkProgress& progress) {
  Watch watch(limits);
  int status = 0;
  rusage usage{};
  for (;;) {
    const pid_t done = wait4(child, &status, WNOHANG, &usage);
    if (done == child) break;
    if (done < 0) return "";  // reaped elsewhere: nothing to judge by
    const std::string stop =
        watch.verdict(childUse(child), progress.steps.load(std::memory_order_relaxed));
    if (!stop.empty()) {
      kill(child, SIGKILL);
      waitpid(child, &status, 0);
      return stop;
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
  return watch.tooBig(int64_t{usage.ru_maxrss} << 10) ? watch.tooBig() : "";  // between two looks
}

SharedProgress::SharedProgress() {
  void* p = mmap(nullptr, sizeof(WalkProgress), PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS,
                 -1, 0);
  if (p != MAP_FAILED) progress_ = new (p) WalkProgress;
}

SharedProgress::~SharedProgress() {
  if (progress_) munmap(progress_, sizeof(WalkProgress));
}

}  // namespace twin
