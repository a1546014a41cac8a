//===- KernelMemoryTest.cpp - Kernels' temporaries in one region ----------===//
//
// Live allocations never share bytes and keep their alignment; after a
// run, the region holds the most that was live at once (not the sum of
// every allocation), and a run repeating the same allocations takes no
// memory beyond it.
//
//===----------------------------------------------------------------------===//
#include "runtime/src/Scratch.h"

#include <catch2/catch.hpp>

#include <cstdint>
#include <cstring>
#include <thread>
#include <vector>

using hone::runtime::KernelMemory;

namespace {

/// One run of a pattern: kernels one after another, each holding a few
/// temporaries at once (sizes in bytes), all released before the next.
void runKernels(KernelMemory &memory, const std::vector<std::vector<size_t>> &kernels) {
  for (const std::vector<size_t> &sizes : kernels) {
    std::vector<uint8_t *> held;
    for (size_t size : sizes) {
      auto *p = static_cast<uint8_t *>(memory.allocate(size));
      REQUIRE(p != nullptr);
      CHECK(reinterpret_cast<uintptr_t>(p) % 64 == 0);
      std::memset(p, static_cast<int>(held.size() + 1), size);
      held.push_back(p);
    }
    // Nothing written through one temporary shows in another.
    for (size_t i = 0; i < held.size(); ++i)
      for (size_t at : {size_t(0), sizes[i] / 2, sizes[i] - 1})
        CHECK(held[i][at] == static_cast<uint8_t>(i + 1));
    for (size_t i = held.size(); i-- > 0;)
      memory.release(held[i]);
  }
}

} // namespace

TEST_CASE("kernel memory holds what is live at once", "[runtime][memory]") {
  KernelMemory memory;
  // Three kernels: two halves of a strip, a large copy, a small one.
  std::vector<std::vector<size_t>> kernels{{100000, 100000}, {300000}, {5000, 7000, 9000}};
  memory.prepare();
  runKernels(memory, kernels);
  memory.prepare();
  size_t region = memory.capacity();
  // The largest live set (300000 and a header), not 100000*2 + 300000 + ...
  CHECK(region >= 300000);
  CHECK(region < 300000 + 4096);
  runKernels(memory, kernels);
  CHECK(memory.capacity() == region);
  memory.prepare();
  CHECK(memory.capacity() == region);
}

TEST_CASE("kernel memory grows for a larger run and releases out of order", "[runtime][memory]") {
  KernelMemory memory;
  memory.prepare();
  runKernels(memory, {{1000}});
  memory.prepare();
  size_t small = memory.capacity();
  void *a = memory.allocate(50000), *b = memory.allocate(70000), *c = memory.allocate(10);
  REQUIRE((a && b && c));
  memory.release(b);
  // A smaller allocation while a and c stay live (first fit: b's gap).
  void *d = memory.allocate(60000);
  REQUIRE(d != nullptr);
  CHECK(memory.capacity() > small);
  memory.release(a);
  memory.release(c);
  memory.release(d);
  memory.prepare();
  CHECK(memory.capacity() >= 50000 + 70000 + 10);
  CHECK(memory.capacity() < 50000 + 70000 + 4096);
  // A run that leaves an allocation behind (a failed kernel) is cleared.
  CHECK(memory.allocate(1000) != nullptr);
  size_t before = memory.capacity();
  memory.prepare();
  CHECK(memory.capacity() == before);
  CHECK(memory.allocate(SIZE_MAX - 8) == nullptr);
}

TEST_CASE("kernel memory serves threads at once, each in its own shard", "[runtime][memory]") {
  KernelMemory memory;
  memory.prepare();
  // Each thread: tasks that hold two temporaries, filled with the thread's
  // byte and checked before they go back (another thread's writes would
  // show); one block of each thread is released by the other at the end.
  constexpr int kThreads = 4, kTasks = 2000;
  std::vector<void *> leftOver(kThreads, nullptr);
  std::vector<int> failures(kThreads, 0);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t)
    threads.emplace_back([&, t] {
      for (int task = 0; task < kTasks; ++task) {
        size_t sizes[2] = {size_t(64 + 8 * (task % 50)), size_t(1000 + task % 300)};
        uint8_t *held[2];
        for (int k = 0; k < 2; ++k) {
          held[k] = static_cast<uint8_t *>(memory.allocate(sizes[k]));
          if (!held[k] || reinterpret_cast<uintptr_t>(held[k]) % 64 != 0) {
            ++failures[t];
            return;
          }
          std::memset(held[k], t + 1, sizes[k]);
        }
        for (int k = 0; k < 2; ++k)
          for (size_t at = 0; at < sizes[k]; at += 61)
            failures[t] += held[k][at] != static_cast<uint8_t>(t + 1);
        memory.release(held[1]);
        memory.release(held[0]);
      }
      leftOver[t] = memory.allocate(4096);
    });
  for (std::thread &thread : threads)
    thread.join();
  for (int t = 0; t < kThreads; ++t) {
    CHECK(failures[t] == 0);
    REQUIRE(leftOver[t] != nullptr);
  }
  // Released by a thread that did not allocate them.
  for (void *block : leftOver)
    memory.release(block);
  memory.prepare();
  size_t held = memory.capacity();
  // At most each thread's largest live set, not the sum of its tasks'.
  CHECK(held <= static_cast<size_t>(kThreads) * (2 * 4096 + 2048));
}
