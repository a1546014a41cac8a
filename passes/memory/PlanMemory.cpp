//===- PlanMemory.cpp - Arena offsets from tensor lifetimes ---------------===//
//
// The plan (MemoryPlan.h) written as attributes: `hone.arena_offsets` on
// each op (one entry per result, -1 when the result is not in the arena; a
// view's is its root's)
// and `hone.arena_bytes` on the function; integers for static sizes, else
// the offset variables' definitions over the input dims' symbols.
//
//===----------------------------------------------------------------------===//
#include "passes/memory/Passes.h"

#include "dialects/hone/HoneOps.h"
#include "passes/memory/MemoryPlan.h"

#include "llvm/ADT/DenseMap.h"

#include <algorithm>

namespace mlir::hone {
#define GEN_PASS_DEF_PLANMEMORYPASS
#include "passes/memory/Passes.h.inc"
} // namespace mlir::hone

using namespace mlir;
using namespace mlir::hone;

namespace {

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
  SymbolicShapes shapes(func);
  MemoryPlan plan = planMemory(func, shapes, alignment);
  Builder builder(&getContext());
  // Symbolic plans print offset variables as @k, in evaluation order.
  unsigned firstVariable = static_cast<unsigned>(shapes.getSymbols().size());
  auto name = [&](unsigned id) {
    return id >= firstVariable ? "@" + std::to_string(id - firstVariable)
                               : shapes.getSymbols()[id].name;
  };
  llvm::DenseMap<unsigned, DimExpr> definitions(plan.variables.begin(), plan.variables.end());
  // A view is at its root's offset.
  auto storageOf = [&](Value value) {
    Value root = plan.views.lookup(value);
    return root ? root : value;
  };
  for (Operation &op : func.getBody().front()) {
    if (isa<ConstantOp, NoneOp>(op) || op.hasTrait<OpTrait::IsTerminator>() || op.getNumResults() == 0)
      continue;
    if (!plan.symbolic) {
      SmallVector<int64_t> offsets;
      for (Value result : op.getResults()) {
        auto it = plan.offsets.find(storageOf(result));
        offsets.push_back(it == plan.offsets.end() ? -1 : *it->second.getConstant());
      }
      op.setAttr("hone.arena_offsets", builder.getDenseI64ArrayAttr(offsets));
      continue;
    }
    SmallVector<Attribute> offsets;
    for (Value result : op.getResults()) {
      auto it = plan.offsets.find(storageOf(result));
      if (it == plan.offsets.end()) {
        offsets.push_back(builder.getStringAttr("-1"));
        continue;
      }
      unsigned variable = it->second.getIndex();
      offsets.push_back(builder.getStringAttr(name(variable) + " = " +
                                              definitions[variable].str(name)));
    }
    op.setAttr("hone.arena_offsets", builder.getArrayAttr(offsets));
  }
  if (plan.symbolic)
    func->setAttr("hone.arena_bytes", builder.getStringAttr(plan.arenaBytes.str(name)));
  else
    func->setAttr("hone.arena_bytes", builder.getI64IntegerAttr(*plan.arenaBytes.getConstant()));
}

} // namespace
