//===- ThreadPool.cpp - The runtime's pool for parallel loops -------------===//
//
// parallelFor publishes the loop in a slot and bumps `generation`; the
// workers and the caller claim chunks from `claim` until none is left, and
// the caller waits until every claimed chunk is done (not for the workers:
// one that wakes after the last claim finds nothing to do). Waiting threads spin for a while before
// they sleep on a condition variable (the way ONNX Runtime's pool does). hone_do_par_for runs a
// Halide kernel's parallel loop as one such loop, and a loop nested inside
// one serially on its thread (a worker waiting for its own pool would
// deadlock).
//
//===----------------------------------------------------------------------===//
#include "ThreadPool.h"

#include <algorithm>
#include <atomic>
#include <chrono>

namespace {

/// How long a thread spins before it sleeps: a sleeping thread takes tens
/// to hundreds of microseconds to wake (far more in a VM), longer than many
/// kernels run, while one that spins starts at once. 500 us covers the gap
/// between the kernels of a run; between runs the threads sleep.
constexpr auto kSpin = std::chrono::microseconds(500);

inline void cpuRelax() {
#if defined(__x86_64__) || defined(__i386__)
  __builtin_ia32_pause();
#elif defined(__aarch64__) || defined(__arm__)
  asm volatile("yield");
#endif
}

/// Spins until `ready()` or kSpin has passed; returns ready().
template <typename Ready>
bool spinUntil(Ready ready) {
  auto deadline = std::chrono::steady_clock::now() + kSpin;
  for (int i = 0;; ++i) {
    if (ready())
      return true;
    cpuRelax();
    if ((i & 255) == 255 && std::chrono::steady_clock::now() > deadline)
      return ready();
  }
}

} // namespace

hone_parallel_t::hone_parallel_t(int32_t threads) {
  for (int32_t i = 1; i < threads; ++i)
    workers.emplace_back([this] { workerLoop(); });
}

hone_parallel_t::~hone_parallel_t() {
  {
    std::lock_guard<std::mutex> lock(mutex);
    stopping.store(true);
  }
  wake.notify_all();
  for (std::thread &worker : workers)
    worker.join();
}

void hone_parallel_t::runChunks(uint64_t loopGeneration) {
  Loop &loop = loops[loopGeneration % 2];
  const uint64_t tag = loopGeneration << 32;
  int64_t count = loop.count.load(), chunk = loop.chunk.load();
  void *context = loop.context.load();
  hone_parallel_body_t body = loop.body.load();
  uint64_t current = claim.load();
  while ((current & ~0xffffffffull) == tag) {
    int64_t begin = static_cast<int64_t>(current & 0xffffffffull);
    if (begin >= count)
      return;
    int64_t end = std::min(count, begin + chunk);
    if (!claim.compare_exchange_weak(current, tag | static_cast<uint64_t>(end)))
      continue; // `current` is reloaded
    body(context, begin, end);
    if (loop.finished.fetch_add(end - begin) + (end - begin) == count && sleepers.load() > 0) {
      std::lock_guard<std::mutex> lock(mutex);
      done.notify_all();
    }
    current = claim.load();
  }
}

void hone_parallel_t::workerLoop() {
  uint64_t seen = 0;
  auto published = [&] { return stopping.load() || generation.load() != seen; };
  while (true) {
    if (!spinUntil(published)) {
      std::unique_lock<std::mutex> lock(mutex);
      sleepers.fetch_add(1);
      wake.wait(lock, published);
      sleepers.fetch_sub(1);
    }
    if (stopping.load())
      return;
    seen = generation.load();
    runChunks(seen);
  }
}

void hone_parallel_t::parallelFor(int64_t total, void *loopContext, hone_parallel_body_t loopBody) {
  if (total <= 0 || !loopBody)
    return;
  if (workers.empty() || total == 1 || total > 0xffffffffll) {
    loopBody(loopContext, 0, total);
    return;
  }
  uint64_t next = (generation.load() + 1) & 0xffffffffull;
  Loop &loop = loops[next % 2];
  loop.count.store(total);
  loop.chunk.store(std::max<int64_t>(1, total / (8 * threads())));
  loop.finished.store(0);
  loop.context.store(loopContext);
  loop.body.store(loopBody);
  claim.store(next << 32);
  generation.store(next);
  if (sleepers.load() > 0) {
    std::lock_guard<std::mutex> lock(mutex);
    wake.notify_all();
  }
  runChunks(next);
  auto finished = [&] { return loop.finished.load() == total; };
  if (!spinUntil(finished)) {
    std::unique_lock<std::mutex> lock(mutex);
    sleepers.fetch_add(1);
    done.wait(lock, finished);
    sleepers.fetch_sub(1);
  }
}

extern "C" void hone_parallel_for(hone_parallel_t *pool, int64_t count, void *context,
                                  hone_parallel_body_t body) {
  if (pool)
    pool->parallelFor(count, context, body);
  else if (body && count > 0)
    body(context, 0, count);
}

namespace {

/// Whether this thread is running iterations of a parallel loop.
thread_local bool insideParallelLoop = false;

/// A Halide parallel loop handed to the pool.
struct TaskLoop {
  hone_task_t task;
  void *userContext;
  int min;
  uint8_t *closure;
  std::atomic<int> status{0};
};

void runTasks(void *context, int64_t begin, int64_t end) {
  auto *loop = static_cast<TaskLoop *>(context);
  bool outer = insideParallelLoop;
  insideParallelLoop = true;
  for (int64_t i = begin; i < end && loop->status.load(std::memory_order_relaxed) == 0; ++i)
    if (int status = loop->task(loop->userContext, loop->min + static_cast<int>(i), loop->closure)) {
      int none = 0;
      loop->status.compare_exchange_strong(none, status);
    }
  insideParallelLoop = outer;
}

} // namespace

extern "C" int hone_do_par_for(void *user_context, hone_task_t task, int min, int size,
                               uint8_t *closure) {
  TaskLoop loop{task, user_context, min, closure};
  auto *run = static_cast<const hone_run_context_t *>(user_context);
  if (insideParallelLoop || !run)
    runTasks(&loop, 0, size);
  else
    hone_parallel_for(run->pool, size, &loop, runTasks);
  return loop.status.load();
}
