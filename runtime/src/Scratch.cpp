//===- Scratch.cpp - Memory for tensors sized during a run ----------------===//
#include "Scratch.h"

#include <new>

using hone::runtime::Scratch;

namespace {
constexpr size_t kAlignment = 64;
constexpr size_t kMinimumBlock = 64 * 1024;

/// `bytes` rounded up to the alignment; 0 when that overflows.
size_t aligned(size_t bytes) {
  if (bytes > SIZE_MAX - kAlignment)
    return 0;
  return (bytes + kAlignment - 1) / kAlignment * kAlignment;
}
} // namespace

size_t Scratch::capacity() const {
  size_t total = 0;
  for (const Block &block : blocks)
    total += block.size;
  return total;
}

void Scratch::reset() {
  if (blocks.size() > 1) {
    size_t total = capacity();
    blocks.clear();
    addBlock(total); // on failure the next allocate tries again
  }
  for (Block &block : blocks)
    block.used = 0;
}

bool Scratch::addBlock(size_t bytes) {
  size_t size = aligned(bytes < kMinimumBlock ? kMinimumBlock : bytes);
  if (size == 0)
    return false;
  auto *memory = static_cast<uint8_t *>(std::aligned_alloc(kAlignment, size));
  if (!memory)
    return false;
  try {
    Block block;
    block.memory.reset(memory);
    block.size = size;
    blocks.push_back(std::move(block));
  } catch (const std::bad_alloc &) {
    std::free(memory);
    return false;
  }
  return true;
}

void *Scratch::allocate(size_t bytes) {
  size_t size = aligned(bytes == 0 ? 1 : bytes);
  if (size == 0)
    return nullptr;
  if (blocks.empty() || blocks.back().size - blocks.back().used < size) {
    // Grow geometrically so that a run with many tensors takes few blocks.
    size_t next = blocks.empty() ? size : blocks.back().size * 2;
    if (!addBlock(next < size ? size : next) && !addBlock(size))
      return nullptr;
  }
  Block &block = blocks.back();
  void *p = block.memory.get() + block.used;
  block.used += size;
  return p;
}
