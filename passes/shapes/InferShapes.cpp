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

/// The more precise of `declared` and `inferred`, or null when neither adds
/// anything or they disagree.
Type refinedType(Type declared, const InferredShape &inferred) {
  auto shaped = dyn_cast<TensorType>(declared);
  if (!shaped || !inferred.ranked)
    return nullptr;
  if (!shaped.hasRank())
    return RankedTensorType::get(inferred.dims, shaped.getElementType());
  if (shaped.getRank() != static_cast<int64_t>(inferred.dims.size()))
    return nullptr;
  SmallVector<int64_t> dims(shaped.getShape());
  bool changed = false;
  for (size_t d = 0; d < dims.size(); ++d) {
    if (ShapedType::isDynamic(dims[d]) && !ShapedType::isDynamic(inferred.dims[d])) {
      dims[d] = inferred.dims[d];
      changed = true;
    } else if (!ShapedType::isDynamic(dims[d]) && !ShapedType::isDynamic(inferred.dims[d]) &&
               dims[d] != inferred.dims[d]) {
      return nullptr;
    }
  }
  return changed ? RankedTensorType::get(dims, shaped.getElementType()) : nullptr;
}

struct InferShapesPass final : mlir::hone::impl::InferShapesPassBase<InferShapesPass> {
  using Base::Base;
  void runOnOperation() override;
};

void InferShapesPass::runOnOperation() {
  func::FuncOp func = getOperation();
  // Pre-order: an op's operands are refined before the op is asked.
  func.walk<WalkOrder::PreOrder>([&](Operation *op) {
    if (!isa<ShapeFunctionOpInterface>(op))
      return;
    SmallVector<InferredShape> shapes;
    // An ill-formed op fails its shape function with an error; the verifier
    // reports the same after the pass, so stay quiet here.
    ScopedDiagnosticHandler quiet(&getContext(), [](Diagnostic &) { return success(); });
    if (failed(inferShapes(op, shapes)))
      return;
    for (auto [result, shape] : llvm::zip(op->getResults(), shapes))
      if (Type type = refinedType(result.getType(), shape))
        result.setType(type);
  });
  if (func.getBody().empty())
    return;
  Operation *terminator = func.getBody().back().getTerminator();
  func.setType(FunctionType::get(&getContext(), func.getArgumentTypes(),
                                 terminator->getOperandTypes()));
}

} // namespace
