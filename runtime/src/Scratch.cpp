//===- Scratch.cpp - Memory for tensors sized during a run ----------------===//
#include "Scratch.h"

#include "hone/runtime.h"

#include <algorithm>

#include <sys/mman.h>
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
  /// The owner's shard that placed it.
  size_t shard;
};

/// This thread's shard number (KernelMemory): taken on first use.
size_t threadShard() {
  static std::atomic<size_t> next{0};
  thread_local size_t mine = next.fetch_add(1, std::memory_order_relaxed);
  return mine;
}
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

namespace {

/// Memory for the region and the blocks beyond it, mapped from the system
/// and unmapped when freed, so that what a first run held beyond the
/// region is no longer resident once the region replaces it (freed to
/// malloc, it stayed in the heap: 25-40% more resident memory).
uint8_t *mapMemory(size_t bytes) {
  void *memory = mmap(nullptr, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  return memory == MAP_FAILED ? nullptr : static_cast<uint8_t *>(memory);
}

void unmapMemory(uint8_t *memory, size_t bytes) {
  if (memory)
    munmap(memory, bytes);
}

} // namespace

hone::runtime::KernelMemory::~KernelMemory() {
  for (Shard &shard : shards) {
    for (Placement &placement : shard.live)
      unmapMemory(placement.block, placement.size);
    unmapMemory(shard.region, shard.regionSize);
  }
}

void *hone::runtime::KernelMemory::allocate(size_t bytes) {
  if (bytes > SIZE_MAX - kKernelHeader - 63)
    return nullptr;
  size_t size = ((bytes + kKernelHeader + 63) / 64) * 64;
  size_t index = threadShard() % kShards;
  Shard &shard = shards[index];
  std::lock_guard<SpinLock> lock(shard.mutex);
  // First fit: the lowest gap between live placements that holds it.
  size_t offset = 0, at = 0;
  for (; at < shard.live.size(); ++at) {
    if (shard.live[at].offset - offset >= size)
      break;
    offset = shard.live[at].offset + shard.live[at].size;
  }
  Placement placement{offset, size, nullptr};
  uint8_t *base = nullptr;
  if (offset + size <= shard.regionSize) {
    base = shard.region + offset;
  } else {
    placement.block = mapMemory(size);
    if (!placement.block)
      return nullptr;
    base = placement.block;
  }
  try {
    shard.live.insert(shard.live.begin() + static_cast<std::ptrdiff_t>(at), placement);
  } catch (const std::bad_alloc &) {
    unmapMemory(placement.block, placement.size);
    return nullptr;
  }
  shard.highWater = std::max(shard.highWater, offset + size);
  auto *header = reinterpret_cast<KernelBlockHeader *>(base);
  header->owner = this;
  header->shard = index;
  return base + kKernelHeader;
}

void hone::runtime::KernelMemory::release(void *memory) {
  auto *base = static_cast<uint8_t *>(memory) - kKernelHeader;
  size_t index = reinterpret_cast<KernelBlockHeader *>(base)->shard;
  if (index >= kShards)
    return;
  Shard &shard = shards[index];
  std::lock_guard<SpinLock> lock(shard.mutex);
  // Kernels free in the reverse order they allocate: search from the end.
  for (size_t i = shard.live.size(); i-- > 0;) {
    Placement &placement = shard.live[i];
    if (placement.block ? placement.block != base : shard.region + placement.offset != base)
      continue;
    unmapMemory(placement.block, placement.size);
    shard.live.erase(shard.live.begin() + static_cast<std::ptrdiff_t>(i));
    return;
  }
}

void hone::runtime::KernelMemory::prepare() {
  for (Shard &shard : shards) {
    std::lock_guard<SpinLock> lock(shard.mutex);
    // A failed run may leave placements behind; their memory is dead.
    for (Placement &placement : shard.live)
      unmapMemory(placement.block, placement.size);
    shard.live.clear();
    if (shard.highWater <= shard.regionSize)
      continue;
    unmapMemory(shard.region, shard.regionSize);
    shard.region = mapMemory(shard.highWater);
    shard.regionSize = shard.region ? shard.highWater : 0; // without it, every placement gets a block
  }
}

size_t hone::runtime::KernelMemory::capacity() {
  size_t total = 0;
  for (Shard &shard : shards) {
    std::lock_guard<SpinLock> lock(shard.mutex);
    total += shard.regionSize;
    for (const Placement &placement : shard.live)
      if (placement.block)
        total += placement.size;
  }
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
