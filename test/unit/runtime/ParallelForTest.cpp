//===- ParallelForTest.cpp - The runtime's thread pool ---------------------===//
//
// Every index of a parallel loop runs exactly once, on any thread count,
// and loops reuse the same workers; Halide's loops (hone_do_par_for) run
// every task, nest without deadlock and report the first failure.
//
//===----------------------------------------------------------------------===//
#include "runtime/src/ThreadPool.h"

#include <catch2/catch.hpp>

#include <atomic>
#include <vector>

namespace {

void countVisits(void *context, int64_t begin, int64_t end) {
  auto *visits = static_cast<std::vector<std::atomic<int>> *>(context);
  for (int64_t i = begin; i < end; ++i)
    ++(*visits)[i];
}

} // namespace

TEST_CASE("parallel loops visit every index once", "[runtime][threads]") {
  for (int32_t threads : {1, 2, 3, 8}) {
    hone_parallel_t pool(threads);
    for (int64_t count : {0, 1, 2, 7, 1000}) {
      std::vector<std::atomic<int>> visits(count);
      for (int repeat = 0; repeat < 20; ++repeat)
        hone_parallel_for(&pool, count, &visits, countVisits);
      for (int64_t i = 0; i < count; ++i)
        CHECK(visits[i] == 20);
    }
  }
}

TEST_CASE("a null pool runs the loop on the caller", "[runtime][threads]") {
  std::vector<std::atomic<int>> visits(5);
  hone_parallel_for(nullptr, 5, &visits, countVisits);
  for (auto &v : visits)
    CHECK(v == 1);
}

namespace {

struct TaskCounts {
  hone_parallel_t *pool;
  std::vector<std::atomic<int>> visits;
  int failAt = -1;
};

int countTask(void *userContext, int index, uint8_t *closure) {
  auto *counts = reinterpret_cast<TaskCounts *>(closure);
  ++counts->visits[index];
  (void)userContext;
  return index == counts->failAt ? 7 : 0;
}

/// A task that starts a loop of its own, as a Halide kernel with nested
/// parallel loops does.
int nestingTask(void *userContext, int index, uint8_t *closure) {
  auto *counts = reinterpret_cast<TaskCounts *>(closure);
  (void)index;
  return hone_do_par_for(userContext, countTask, 0, static_cast<int>(counts->visits.size()), closure);
}

} // namespace

TEST_CASE("Halide's parallel loops run on the pool of the run", "[runtime][threads]") {
  for (int32_t threads : {1, 2, 4}) {
    hone_parallel_t pool(threads);
    hone_run_context_t run{};
    run.pool = &pool;
    TaskCounts counts{&pool, std::vector<std::atomic<int>>(100)};
    auto *closure = reinterpret_cast<uint8_t *>(&counts);
    // Tasks [10, 60): each once.
    CHECK(hone_do_par_for(&run, countTask, 10, 50, closure) == 0);
    for (int i = 0; i < 100; ++i)
      CHECK(counts.visits[i] == (i >= 10 && i < 60 ? 1 : 0));
    // Nested loops run on the calling thread: 8 outer tasks each visit all.
    for (auto &v : counts.visits)
      v = 0;
    CHECK(hone_do_par_for(&run, nestingTask, 0, 8, closure) == 0);
    for (auto &v : counts.visits)
      CHECK(v == 8);
    // A failing task's status comes back.
    counts.failAt = 42;
    CHECK(hone_do_par_for(&run, countTask, 0, 100, closure) == 7);
  }
}
