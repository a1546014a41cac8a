//===- InferShapes.cpp - Result types from the ops' shape functions -------===//
//
// The join of a declared type and an inferred shape keeps every fact either
// gives (a static dim from either side); a conflict is left to the
// verifier, which reports it at the op.
//
//===----------------------------------------------------------------------===//
#include "passes/shapes/Passes.h"

#include "dialects/hone/HoneOps.h"

namespace mlir::hone {
#define GEN_PASS_DEF_INFERSHAPESPASS
#include "passes/shapes/Passes.h.inc"
} // namespace mlir::hone

using namespace mlir;
using namespace mlir::hone;

namespace {


struct InferShapesPass final : mlir::hone::impl::InferShapesPassBase<InferShapesPass> {
  using Base::Base;
  void runOnOperation() override;
};

void InferShapesPass::runOnOperation() {
  func::FuncOp func = getOperation();
  // Pre-order: an op's operands are refined before the op is asked.
  func.walk<WalkOrder::PreOrder>([&](Operation *op) { refineResultTypes(op); });
  if (func.getBody().empty())
    return;
  Operation *terminator = func.getBody().back().getTerminator();
  func.setType(FunctionType::get(&getContext(), func.getArgumentTypes(),
                                 terminator->getOperandTypes()));
}

} // namespace
