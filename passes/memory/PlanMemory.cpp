//===- PlanMemory.cpp - Arena offsets from tensor lifetimes ---------------===//
//
// Greedy-by-size placement over live ranges (see Passes.td). The plan is
// written as attributes: `hone.arena_offsets` on each op (one entry per
// result, -1 when the result is not in the arena) and `hone.arena_bytes` on
// the function.
//
//===----------------------------------------------------------------------===//
#include "passes/memory/Passes.h"

#include "dialects/hone/HoneOps.h"

#include "llvm/ADT/DenseMap.h"

#include <algorithm>

namespace mlir::hone {
#define GEN_PASS_DEF_PLANMEMORYPASS
#include "passes/memory/Passes.h.inc"
} // namespace mlir::hone

using namespace mlir;
using namespace mlir::hone;

namespace {

/// One tensor to place: its size and the op indices where it is live.
struct Lifetime {
  Value value;
  int64_t bytes;
  int64_t begin, end;
  int64_t offset = -1;
};

/// Bytes of a statically shaped tensor (bools take a byte); nullopt for
/// dynamic shapes and non-tensors.
std::optional<int64_t> staticBytes(Type type) {
  auto tensor = dyn_cast<RankedTensorType>(type);
  if (!tensor || !tensor.hasStaticShape())
    return std::nullopt;
  Type element = tensor.getElementType();
  int64_t width = element.isIntOrFloat() ? std::max<int64_t>(8, element.getIntOrFloatBitWidth()) : 0;
  if (width == 0)
    return std::nullopt;
  return tensor.getNumElements() * (width / 8);
}

int64_t alignTo(int64_t value, int64_t alignment) {
  return (value + alignment - 1) / alignment * alignment;
}

struct PlanMemoryPass final : mlir::hone::impl::PlanMemoryPassBase<PlanMemoryPass> {
  using Base::Base;
  void runOnOperation() override;
};

void PlanMemoryPass::runOnOperation() {
  func::FuncOp func = getOperation();
  if (alignment <= 0 || (alignment & (alignment - 1)) != 0) {
    func.emitError() << "alignment must be a power of two, got " << static_cast<int64_t>(alignment);
    return signalPassFailure();
  }
  if (!func.getBody().hasOneBlock())
    return; // declarations and multi-block bodies have nothing to plan here
  Block &body = func.getBody().front();

  // Op order in the top-level block; uses inside regions count at their
  // top-level ancestor.
  llvm::DenseMap<Operation *, int64_t> position;
  int64_t index = 0;
  for (Operation &op : body)
    position[&op] = index++;
  int64_t endOfFunction = index;

  std::vector<Lifetime> lifetimes;
  for (Operation &op : body) {
    if (isa<ConstantOp, NoneOp>(op) || op.hasTrait<OpTrait::IsTerminator>())
      continue;
    for (OpResult result : op.getResults()) {
      std::optional<int64_t> bytes = staticBytes(result.getType());
      // A result other than the first that nothing reads (MaxPool's
      // Indices, Dropout's mask) is not computed, so it takes no space.
      if (!bytes || (result.getResultNumber() > 0 && result.use_empty()))
        continue;
      int64_t end = position[&op];
      for (OpOperand &use : result.getUses()) {
        Operation *user = body.findAncestorOpInBlock(*use.getOwner());
        end = std::max(end, isa<func::ReturnOp>(user) ? endOfFunction : position[user]);
      }
      lifetimes.push_back({result, *bytes, position[&op], end});
    }
  }

  // Largest first; each at the lowest aligned offset clear of every placed
  // tensor that is live at the same time.
  std::vector<Lifetime *> order;
  for (Lifetime &lifetime : lifetimes)
    order.push_back(&lifetime);
  std::stable_sort(order.begin(), order.end(),
                   [](const Lifetime *a, const Lifetime *b) { return a->bytes > b->bytes; });
  std::vector<Lifetime *> placed;
  int64_t arenaBytes = 0;
  for (Lifetime *tensor : order) {
    std::vector<std::pair<int64_t, int64_t>> busy;
    for (Lifetime *other : placed)
      if (other->begin <= tensor->end && tensor->begin <= other->end)
        busy.push_back({other->offset, other->offset + other->bytes});
    std::sort(busy.begin(), busy.end());
    int64_t offset = 0;
    for (auto [start, stop] : busy) {
      if (offset + tensor->bytes <= start)
        break;
      offset = std::max(offset, alignTo(stop, alignment));
    }
    tensor->offset = offset;
    placed.push_back(tensor);
    arenaBytes = std::max(arenaBytes, offset + tensor->bytes);
  }

  llvm::DenseMap<Value, int64_t> offsets;
  for (const Lifetime &lifetime : lifetimes)
    offsets[lifetime.value] = lifetime.offset;
  Builder builder(&getContext());
  for (Operation &op : body) {
    if (isa<ConstantOp, NoneOp>(op) || op.hasTrait<OpTrait::IsTerminator>())
      continue;
    SmallVector<int64_t> resultOffsets;
    for (Value result : op.getResults()) {
      auto it = offsets.find(result);
      resultOffsets.push_back(it == offsets.end() ? -1 : it->second);
    }
    if (!resultOffsets.empty())
      op.setAttr("hone.arena_offsets", builder.getDenseI64ArrayAttr(resultOffsets));
  }
  func->setAttr("hone.arena_bytes", builder.getI64IntegerAttr(alignTo(arenaBytes, alignment)));
}

} // namespace
