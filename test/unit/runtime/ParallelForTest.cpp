//===- ParallelForTest.cpp - The runtime's thread pool ---------------------===//
//
// Every index of a parallel loop runs exactly once, on any thread count,
// and loops reuse the same workers.
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
