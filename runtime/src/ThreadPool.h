//===- ThreadPool.h - The runtime's pool for parallel loops -----*- C++ -*-===//
//
// A fixed set of worker threads per model instance, created once and reused
// by every parallel loop of every run: no thread is started per kernel.
//
//===----------------------------------------------------------------------===//
#ifndef HONE_RUNTIME_SRC_THREADPOOL_H
#define HONE_RUNTIME_SRC_THREADPOOL_H

#include "hone/runtime.h"

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <thread>
#include <vector>

/// The C API names this type; it is the runtime's thread pool.
struct hone_parallel_t {
  /// Starts `threads - 1` workers (the caller of parallelFor is the last).
  /// Throws std::system_error when a thread cannot start.
  explicit hone_parallel_t(int32_t threads);
  ~hone_parallel_t();
  hone_parallel_t(const hone_parallel_t &) = delete;
  hone_parallel_t &operator=(const hone_parallel_t &) = delete;

  int32_t threads() const { return static_cast<int32_t>(workers.size()) + 1; }

  /// Runs body over [0, count) in contiguous chunks, about eight per
  /// thread, which the threads claim as they go; returns when every chunk
  /// is done. A thread that wakes late or is preempted delays at most the
  /// chunk it holds: the caller never waits for a thread that holds none.
  /// Not reentrant: one thread runs a pool's loops (an instance is run by
  /// one thread at a time; hone_do_par_for runs nested loops serially).
  void parallelFor(int64_t count, void *context, hone_parallel_body_t body);

private:
  /// One loop. Loops alternate between two slots, so that a thread still
  /// reading the previous loop's slot never sees this one's fields.
  struct Loop {
    std::atomic<int64_t> count{0}, chunk{1}, finished{0};
    std::atomic<void *> context{nullptr};
    std::atomic<hone_parallel_body_t> body{nullptr};
  };

  void workerLoop();
  /// Claims and runs chunks of loop `generation` until none is left.
  void runChunks(uint64_t generation);

  std::vector<std::thread> workers;
  Loop loops[2];
  // The loop being run is loops[generation % 2]; `claim` holds its
  // generation (high 32 bits) and the next unclaimed index (low 32), so a
  // thread claims only from the loop whose slot it read.
  std::atomic<uint64_t> generation{0};
  std::atomic<uint64_t> claim{0};
  std::atomic<bool> stopping{false};
  // Sleeping after a spin: workers wait on `wake`, the caller on `done`;
  // `sleepers` counts the threads that may be waiting, so that a loop
  // whose threads all spin takes no lock.
  std::mutex mutex;
  std::condition_variable wake, done;
  std::atomic<int32_t> sleepers{0};
};

#endif // HONE_RUNTIME_SRC_THREADPOOL_H
