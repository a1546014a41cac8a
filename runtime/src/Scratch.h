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
#include <mutex>
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

/// A kernel's own temporaries (Halide's halide_malloc and halide_free: a
/// padded copy, a value computed once inside a fused kernel). Blocks stay
/// with the instance and are reused by later allocations of at most their
/// size, so after the first run a kernel's temporaries cost no system call
/// and no page fault. Safe to call from the pool's threads.
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
  /// Bytes the blocks hold.
  size_t capacity();

private:
  struct Block {
    uint8_t *memory = nullptr;
    size_t size = 0;
    bool used = false;
  };
  std::mutex mutex;
  std::vector<Block> blocks;
};

} // namespace hone::runtime

/// halide_malloc_t and halide_free_t for generated kernels (the run
/// context's kernel_malloc and kernel_free): `user_context` is the run's
/// hone_run_context_t, whose kernel_memory holds the blocks; without one
/// (Halide's own runtime) plain aligned memory.
extern "C" void *hone_kernel_malloc(void *user_context, size_t bytes);
extern "C" void hone_kernel_free(void *user_context, void *memory);

#endif // HONE_RUNTIME_SRC_SCRATCH_H
