// The MPI side of `parktwin sweep` (app/sweep_ranks.h), built with -DPARKTWIN_MPI=ON. Only each
// process's main thread calls MPI (MPI_THREAD_FUNNELED); rank 0's own variants run on a thread
// of their own meanwhile.
#include <mpi.h>

#include <atomic>
#include <chrono>
#include <climits>
#include <deque>
#include <iostream>
#include <mutex>
#include <optional>
#include <thread>

#include "app/sweep_collector.h"
#include "app/sweep_ranks.h"
#include "twin/base/error.h"
#include "twin/engine/engine.h"

namespace twin::cli {
namespace {

enum Tag { kReady = 1, kResult = 2, kWork = 3 };

struct MpiSession {
  MpiSession() {
    int provided = 0;
    MPI_Init_thread(nullptr, nullptr, MPI_THREAD_FUNNELED, &provided);
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);
  }
  ~MpiSession() { MPI_Finalize(); }
  MpiSession(const MpiSession&) = delete;
  MpiSession& operator=(const MpiSession&) = delete;
  int rank = 0;
  int size = 1;
};

// Every rank's `text`, on rank 0 (empty elsewhere).
std::vector<std::string> gather(const MpiSession& mpi, const std::string& text) {
  const int length = static_cast<int>(text.size());
  std::vector<int> lengths(static_cast<size_t>(mpi.size)), offsets(lengths.size());
  MPI_Gather(&length, 1, MPI_INT, lengths.data(), 1, MPI_INT, 0, MPI_COMM_WORLD);
  std::string all;
  if (mpi.rank == 0) {
    for (size_t r = 1; r < lengths.size(); ++r) offsets[r] = offsets[r - 1] + lengths[r - 1];
    all.resize(static_cast<size_t>(offsets.back() + lengths.back()));
  }
  MPI_Gatherv(text.data(), length, MPI_CHAR, all.data(), lengths.data(), offsets.data(), MPI_CHAR,
              0, MPI_COMM_WORLD);
  std::vector<std::string> out;
  if (mpi.rank == 0) {
    for (size_t r = 0; r < lengths.size(); ++r) out.push_back(all.substr(offsets[r], lengths[r]));
  }
  return out;
}

// On rank 0: what stops the sweep before it starts ("" when every rank read the same inputs).
std::string disagreement(const std::vector<std::string>& errors,
                         const std::vector<std::string>& digests) {
  for (size_t r = 0; r < errors.size(); ++r) {
    if (!errors[r].empty()) return (r == 0 ? "" : "rank " + std::to_string(r) + ": ") + errors[r];
  }
  for (size_t r = 1; r < digests.size(); ++r) {
    if (digests[r] != digests[0]) {
      return "sweep: rank " + std::to_string(r) +
             " read other inputs than rank 0 (its park files or flags differ: is every node "
             "given the same files?); nothing was run";
    }
  }
  return "";
}

// Rank 0: hands out the variants, runs some itself, writes the file.
void coordinate(const MpiSession& mpi, const SweepRequest& request, const SweepSetup& setup) {
  SweepCollector collector(request, setup);
  const std::vector<size_t>& pending = collector.pending();
  std::mutex mutex;
  size_t next = 0;
  std::deque<sweep::VariantResult> local;
  auto take = [&]() -> std::optional<size_t> {
    const std::lock_guard<std::mutex> lock(mutex);
    return next < pending.size() ? std::optional(pending[next++]) : std::nullopt;
  };
  std::thread own([&] {
    drainJobs(take, [&](size_t i) {
      sweep::VariantResult r = sweep::runVariant(setup.plan, i, setup.stored[i]);
      const std::lock_guard<std::mutex> lock(mutex);
      local.push_back(std::move(r));
    });
  });
  try {
    size_t received = 0;
    int stopped = 0;
    while (received < pending.size() || stopped < mpi.size - 1) {
      int flag = 0;
      MPI_Status status;
      MPI_Iprobe(MPI_ANY_SOURCE, MPI_ANY_TAG, MPI_COMM_WORLD, &flag, &status);
      if (flag) {
        int count = 0;
        MPI_Get_count(&status, MPI_BYTE, &count);
        std::string bytes(static_cast<size_t>(count), '\0');
        MPI_Recv(bytes.data(), count, MPI_BYTE, status.MPI_SOURCE, status.MPI_TAG, MPI_COMM_WORLD,
                 MPI_STATUS_IGNORE);
        if (status.MPI_TAG == kResult) {
          collector.handle(sweep::decodeResult(bytes));
          ++received;
        }
        const std::optional<size_t> i = take();
        const int64_t work = i ? static_cast<int64_t>(*i) : -1;
        stopped += i ? 0 : 1;
        MPI_Send(&work, 1, MPI_INT64_T, status.MPI_SOURCE, kWork, MPI_COMM_WORLD);
        continue;
      }
      std::optional<sweep::VariantResult> mine;
      {
        const std::lock_guard<std::mutex> lock(mutex);
        if (!local.empty()) {
          mine = std::move(local.front());
          local.pop_front();
        }
      }
      if (mine) {
        collector.handle(std::move(*mine));
        ++received;
      } else {
        std::this_thread::sleep_for(std::chrono::microseconds(500));
      }
    }
  } catch (...) {
    {
      const std::lock_guard<std::mutex> lock(mutex);
      next = pending.size();
    }
    own.join();
    throw;
  }
  own.join();
  collector.finish();
}

// Ranks 1..N-1: ask, run, send back, until told to stop.
void work(const SweepSetup& setup) {
  MPI_Send(nullptr, 0, MPI_BYTE, 0, kReady, MPI_COMM_WORLD);
  while (true) {
    int64_t i = -1;
    MPI_Recv(&i, 1, MPI_INT64_T, 0, kWork, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
    if (i < 0) return;
    const auto index = static_cast<size_t>(i);
    const std::string bytes =
        sweep::encodeResult(sweep::runVariant(setup.plan, index, setup.stored[index]));
    if (bytes.size() > INT_MAX) {
      throw std::runtime_error("variant " + setup.plan.variants[index].name +
                               ": its series are too large to send (over 2 GB); use --store none");
    }
    MPI_Send(bytes.data(), static_cast<int>(bytes.size()), MPI_BYTE, 0, kResult, MPI_COMM_WORLD);
  }
}

// Rank 0's failure mid-sweep: its temporary file is gone (the collector's writer is destroyed),
// the message printed; every rank stops with the code.
[[noreturn]] void abortAll(int code, const std::string& message) {
  std::cerr << message << std::endl;
  MPI_Abort(MPI_COMM_WORLD, code);
  std::_Exit(code);
}

}  // namespace

int sweepOnRanks(const SweepRequest& request) {
  MpiSession mpi;
  if (mpi.size == 1) return sweepAlone(request);
  std::optional<SweepSetup> setup;
  std::string error;
  try {
    if (mpi.rank == 0) checkSweepOutput(request);
    if (request.store == "full") {
      throw InputError(
          "--store full: not across MPI ranks (every series of every variant goes "
          "through one writer); use --store park or a list of variants");
    }
    setup = prepareSweep(request);
  } catch (const InputError& e) {
    error = e.what();
  }
  const std::vector<std::string> errors = gather(mpi, error);
  const std::vector<std::string> digests = gather(mpi, setup ? setup->digest : "");
  int code = 0;
  if (mpi.rank == 0) {
    const std::string why = disagreement(errors, digests);
    if (!why.empty()) std::cerr << why << '\n';
    code = why.empty() ? 0 : 2;
    if (code == 0) {
      std::cerr << setup->plan.parks.size() << " park(s), " << setup->plan.variants.size()
                << " variants on " << mpi.size << " ranks\n";
    }
  }
  MPI_Bcast(&code, 1, MPI_INT, 0, MPI_COMM_WORLD);
  if (code != 0) return code;
  try {
    if (mpi.rank == 0) {
      coordinate(mpi, request, *setup);
    } else {
      work(*setup);
    }
  } catch (const InputError& e) {
    abortAll(2, e.what());
  } catch (const std::exception& e) {
    abortAll(1, (mpi.rank == 0 ? "" : "rank " + std::to_string(mpi.rank) + ": ") + e.what());
  }
  return 0;
}

}  // namespace twin::cli
