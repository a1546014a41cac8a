//===- SelectLayouts.cpp - Each tensor's layout, by its consumers --------===//
//
// SmartMem's layout selection (passes/layout/TensorLayout.h) over a
// function's body: every result an op of the body produces gets the layout
// its producer writes for the reduction dims its consumers read
// (LayoutOpInterface::getReductionDims of each use), in 1-D buffers (k = 1)
// or in 2.5D textures (k = 2), and the requirements left to copies. The
// consumers count in program order; uses inside nested regions (an If's
// branches) are not weighed.
//
//===----------------------------------------------------------------------===//
#include "passes/layout/Passes.h"
#include "passes/layout/TensorLayout.h"

#include "dialects/hone/HoneOps.h"

namespace mlir::hone {
#define GEN_PASS_DEF_SELECTLAYOUTSPASS
#include "passes/layout/Passes.h.inc"
} // namespace mlir::hone

using namespace mlir;
using namespace mlir::hone;

namespace {

struct SelectLayoutsPass final : mlir::hone::impl::SelectLayoutsPassBase<SelectLayoutsPass> {
  using Base::Base;
  void runOnOperation() override;
};

std::string dimList(ArrayRef<int64_t> dims) {
  std::string text = "[";
  for (size_t i = 0; i < dims.size(); ++i)
    text += (i ? ", " : "") + std::to_string(dims[i]);
  return text + "]";
}

void SelectLayoutsPass::runOnOperation() {
  func::FuncOp func = getOperation();
  LayoutMemory kind;
  if (memory == "buffer")
    kind = LayoutMemory::Buffer;
  else if (memory == "texture")
    kind = LayoutMemory::Texture;
  else {
    func.emitError() << "unknown layout memory '" << memory << "' (buffer or texture)";
    return signalPassFailure();
  }
  if (!func.getBody().hasOneBlock())
    return;
  Builder b(&getContext());
  for (Operation &op : func.getBody().front()) {
    if (op.getNumResults() == 0 || isa<ConstantOp, NoneOp>(op))
      continue;
    SmallVector<Attribute> layouts, copies;
    bool any = false;
    for (Value result : op.getResults()) {
      auto type = dyn_cast<RankedTensorType>(result.getType());
      if (!type) {
        layouts.push_back(b.getStringAttr("none"));
        copies.push_back(b.getArrayAttr({}));
        continue;
      }
      any = true;
      // Consumers in program order (a value's use list is not).
      SmallVector<OpOperand *> uses;
      for (OpOperand &use : result.getUses())
        if (isa<LayoutOpInterface>(use.getOwner()) && use.getOwner()->getBlock() == op.getBlock())
          uses.push_back(&use);
      llvm::sort(uses, [](OpOperand *a, OpOperand *b) {
        return a->getOwner() == b->getOwner() ? a->getOperandNumber() < b->getOperandNumber()
                                              : a->getOwner()->isBeforeInBlock(b->getOwner());
      });
      SmallVector<SmallVector<int64_t>> consumers;
      for (OpOperand *use : uses)
        consumers.push_back(cast<LayoutOpInterface>(use->getOwner()).getReductionDims(use->getOperandNumber()));
      // A texture needs its extent: a tensor with run-time dims is a buffer.
      LayoutMemory here = type.hasStaticShape() ? kind : LayoutMemory::Buffer;
      SmallVector<SmallVector<int64_t>> left;
      TensorLayout layout = selectLayout(type.getShape(), consumers, here, maxImageExtent, left);
      layouts.push_back(b.getStringAttr(layout.str()));
      SmallVector<Attribute> copyDims;
      for (const SmallVector<int64_t> &required : left)
        copyDims.push_back(b.getStringAttr(dimList(required)));
      copies.push_back(b.getArrayAttr(copyDims));
    }
    if (!any)
      continue;
    op.setAttr("hone.layouts", b.getArrayAttr(layouts));
    op.setAttr("hone.layout_copies", b.getArrayAttr(copies));
  }
}

} // namespace
