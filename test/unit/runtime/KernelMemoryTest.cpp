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
