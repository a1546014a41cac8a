//===- Scratch.h - Memory for tensors sized during a run -------*- C++ -*-===//
//
// A tensor whose dims depend on input dims or on data (Reshape by a shape
// computed at run time, NonZero) has no place in the compile-time arena; the
// generated code asks the run context's `alloc` for it. Memory is handed out
// in order from blocks and released all at once when the next run starts. A
// run that needed several blocks leaves one block of their total for the
// next, so repeated runs at one shape allocate nothing.
//
//===----------------------------------------------------------------------===//
#ifndef HONE_RUNTIME_SRC_SCRATCH_H
#define HONE_RUNTIME_SRC_SCRATCH_H

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <atomic>
#include <mutex>
#include <thread>
#include <vector>

namespace hone::runtime {

class Scratch {
public:
  /// Releases what the last run took (its pointers become invalid).
  void reset();
  /// `bytes` of 64-byte aligned memory, or null when out of memory.
  void *allocate(size_t bytes);
  /// Bytes the current blocks hold.
  size_t capacity() const;

private:
  struct FreeDeleter {
    void operator()(uint8_t *p) const { std::free(p); }
  };
  struct Block {
    std::unique_ptr<uint8_t, FreeDeleter> memory;
    size_t size = 0, used = 0;
  };
  bool addBlock(size_t bytes);
  std::vector<Block> blocks;
};

/// A lock held for a few instructions: waiters spin (then yield) rather
/// than sleep in the kernel. KernelMemory's shards are one per thread, so
/// it is taken uncontended but for threads beyond the shards and blocks
/// released by another thread.
class SpinLock {
public:
  void lock() {
    for (int spins = 0; flag.test_and_set(std::memory_order_acquire); ++spins) {
      if (spins < 64) {
#if defined(__x86_64__) || defined(__i386__)
        __builtin_ia32_pause();
#endif
      } else {
        std::this_thread::yield();
      }
    }
  }
  void unlock() { flag.clear(std::memory_order_release); }

private:
  std::atomic_flag flag = ATOMIC_FLAG_INIT;
};

/// A kernel's own temporaries (Halide's halide_malloc and halide_free: a
/// padded copy, a value computed once inside a fused kernel), carved from
/// regions that stay with the instance. Kernels run one after another
/// and free what they allocate, so a region needs only the most that is
/// live at once, not the sum over kernels (a cache of blocks per size held
/// 2-4x that: cnn_dyn at 224x224 kept 4.8 MB of blocks for 1.3 MB live).
///
/// Each allocation is placed first-fit among the live ones in an unbounded
/// address space; what lands beyond the region gets its own block for the
/// time it is live. `prepare` (before each run) grows the region to the
/// highest end placed so far, so a run that repeats the last one's
/// allocations (the same input shape) reproduces its placements inside the
/// region: no system call and no page fault.
///
/// Safe to call from the pool's threads: each thread places its
/// allocations in its own shard (region, placements, lock), since kernels
/// allocate inside their parallel tasks (a MatMul's softmax rows sized at
/// run time) and one shared list had the threads waiting for each other
/// there (bert_mini at 16 tokens on two threads: about 13% of its samples
/// in the lock and futex calls).
class KernelMemory {
public:
  KernelMemory() = default;
  KernelMemory(const KernelMemory &) = delete;
  KernelMemory &operator=(const KernelMemory &) = delete;
  ~KernelMemory();
  /// `bytes` of 64-byte aligned memory, or null when out of memory.
  void *allocate(size_t bytes);
  /// Gives back memory from allocate().
  void release(void *memory);
  /// Before a run (nothing allocated is live): grows the regions to what
  /// the earlier runs placed.
  void prepare();
  /// Bytes held: the regions and the blocks live beyond them.
  size_t capacity();

private:
  /// A live allocation: its place in the address space (header included)
  /// and, beyond the region, its own block.
  struct Placement {
    size_t offset = 0, size = 0;
    uint8_t *block = nullptr;
  };
  struct alignas(64) Shard {
    SpinLock mutex;
    uint8_t *region = nullptr;
    size_t regionSize = 0;
    /// Live placements in order of offset.
    std::vector<Placement> live;
    /// The highest end any placement reached.
    size_t highWater = 0;
  };
  /// Threads map to shards by a number each takes on its first allocation
  /// (modulo the count: more threads than shards share them, correctly).
  static constexpr size_t kShards = 8;
  Shard shards[kShards];
};

} // namespace hone::runtime

/// halide_malloc_t and halide_free_t for generated kernels (the run
/// context's kernel_malloc and kernel_free): `user_context` is the run's
/// hone_run_context_t, whose kernel_memory holds the blocks; without one
/// (Halide's own runtime) plain aligned memory.
extern "C" void *hone_kernel_malloc(void *user_context, size_t bytes);
extern "C" void hone_kernel_free(void *user_context, void *memory);

#endif // HONE_RUNTIME_SRC_SCRATCH_H
