//===- Scratch.cpp - Memory for tensors sized during a run ----------------===//
#include "Scratch.h"

#include "hone/runtime.h"

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

namespace {

/// Every block of kernel memory starts with this header (64 bytes, so the
/// memory after it keeps the block's alignment): who to give it back to.
struct KernelBlockHeader {
  hone::runtime::KernelMemory *owner;
};
constexpr size_t kKernelHeader = 64;

void *plainKernelMemory(size_t bytes) {
  size_t total = ((bytes + kKernelHeader + 63) / 64) * 64;
  auto *base = static_cast<uint8_t *>(std::aligned_alloc(64, total));
  if (!base)
    return nullptr;
  reinterpret_cast<KernelBlockHeader *>(base)->owner = nullptr;
  return base + kKernelHeader;
}

} // namespace

hone::runtime::KernelMemory::~KernelMemory() {
  for (Block &block : blocks)
    std::free(block.memory);
}

void *hone::runtime::KernelMemory::allocate(size_t bytes) {
  std::lock_guard<std::mutex> lock(mutex);
  Block *best = nullptr;
  for (Block &block : blocks)
    if (!block.used && block.size >= bytes && (!best || block.size < best->size))
      best = &block;
  if (!best) {
    size_t total = ((bytes + kKernelHeader + 63) / 64) * 64;
    auto *memory = static_cast<uint8_t *>(std::aligned_alloc(64, total));
    if (!memory)
      return nullptr;
    reinterpret_cast<KernelBlockHeader *>(memory)->owner = this;
    blocks.push_back({memory, total - kKernelHeader, false});
    best = &blocks.back();
  }
  best->used = true;
  return best->memory + kKernelHeader;
}

void hone::runtime::KernelMemory::release(void *memory) {
  std::lock_guard<std::mutex> lock(mutex);
  for (Block &block : blocks)
    if (block.memory + kKernelHeader == memory) {
      block.used = false;
      return;
    }
}

size_t hone::runtime::KernelMemory::capacity() {
  std::lock_guard<std::mutex> lock(mutex);
  size_t total = 0;
  for (const Block &block : blocks)
    total += block.size;
  return total;
}

extern "C" void *hone_kernel_malloc(void *user_context, size_t bytes) {
  auto *context = static_cast<const hone_run_context_t *>(user_context);
  auto *memory = context ? static_cast<hone::runtime::KernelMemory *>(context->kernel_memory) : nullptr;
  return memory ? memory->allocate(bytes) : plainKernelMemory(bytes);
}

extern "C" void hone_kernel_free(void *, void *memory) {
  if (!memory)
    return;
  auto *base = static_cast<uint8_t *>(memory) - kKernelHeader;
  hone::runtime::KernelMemory *owner = reinterpret_cast<KernelBlockHeader *>(base)->owner;
  if (owner)
    owner->release(memory);
  else
    std::free(base);
}
