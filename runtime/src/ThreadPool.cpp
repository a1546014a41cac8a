//===- ThreadPool.cpp - The runtime's pool for parallel loops -------------===//
//
// parallelFor publishes the loop under the mutex and bumps `generation`;
// each worker runs its chunk once per generation and the caller runs chunk
// 0, then waits until every worker has reported.
//
//===----------------------------------------------------------------------===//
#include "ThreadPool.h"

hone_parallel_t::hone_parallel_t(int32_t threads) {
  for (int32_t i = 1; i < threads; ++i)
    workers.emplace_back([this, i] { workerLoop(i); });
}

hone_parallel_t::~hone_parallel_t() {
  {
    std::lock_guard<std::mutex> lock(mutex);
    stopping = true;
  }
  wake.notify_all();
  for (std::thread &worker : workers)
    worker.join();
}

void hone_parallel_t::runChunk(int32_t index) {
  int64_t parts = threads();
  int64_t begin = count * index / parts, end = count * (index + 1) / parts;
  if (begin < end)
    body(context, begin, end);
}

void hone_parallel_t::workerLoop(int32_t index) {
  uint64_t seen = 0;
  while (true) {
    {
      std::unique_lock<std::mutex> lock(mutex);
      wake.wait(lock, [&] { return stopping || generation != seen; });
      if (stopping)
        return;
      seen = generation;
    }
    runChunk(index);
    {
      std::lock_guard<std::mutex> lock(mutex);
      if (--pending == 0)
        done.notify_one();
    }
  }
}

void hone_parallel_t::parallelFor(int64_t total, void *loopContext, hone_parallel_body_t loopBody) {
  if (total <= 0 || !loopBody)
    return;
  if (workers.empty() || total == 1) {
    loopBody(loopContext, 0, total);
    return;
  }
  {
    std::lock_guard<std::mutex> lock(mutex);
    count = total;
    context = loopContext;
    body = loopBody;
    pending = static_cast<int32_t>(workers.size());
    ++generation;
  }
  wake.notify_all();
  runChunk(0);
  std::unique_lock<std::mutex> lock(mutex);
  done.wait(lock, [&] { return pending == 0; });
}

extern "C" void hone_parallel_for(hone_parallel_t *pool, int64_t count, void *context,
                                  hone_parallel_body_t body) {
  if (pool)
    pool->parallelFor(count, context, body);
  else if (body && count > 0)
    body(context, 0, count);
}
