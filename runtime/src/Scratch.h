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

} // namespace hone::runtime

#endif // HONE_RUNTIME_SRC_SCRATCH_H
