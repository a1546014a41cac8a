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
  /// thread, which the threads claim as they finish: a thread the system
  /// preempts delays one chunk, not a whole share of the loop.
  void parallelFor(int64_t count, void *context, hone_parallel_body_t body);

private:
  void workerLoop();
  /// Claims and runs chunks until none is left.
  void runChunks();

  std::vector<std::thread> workers;
  // The loop being run: its fields are written by parallelFor before it
  // bumps `generation` (release) and read by the workers after they see
  // the new generation (acquire), one generation per loop.
  std::atomic<uint64_t> generation{0};
  std::atomic<int32_t> pending{0};
  std::atomic<bool> stopping{false};
  int64_t count = 0, chunk = 1;
  std::atomic<int64_t> next{0};
  void *context = nullptr;
  hone_parallel_body_t body = nullptr;
  // Sleeping after a spin: workers wait on `wake`, the caller on `done`;
  // `sleepers` counts the threads that may be waiting, so that a loop
  // whose threads all spin takes no lock.
  std::mutex mutex;
  std::condition_variable wake, done;
  std::atomic<int32_t> sleepers{0};
};

#endif // HONE_RUNTIME_SRC_THREADPOOL_H
