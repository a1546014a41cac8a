//===- FoldConstants.cpp - Evaluate what is known at compile time ---------===//
//
// Folding runs the reference kernel of the op (compiler/reference), so a
// folded model computes exactly what the unfolded one did. Results become
// `dense` constants when small and `dense_resource` blobs otherwise.
//
//===----------------------------------------------------------------------===//
#include "passes/simplify/Passes.h"

#include "compiler/reference/Evaluator.h"
#include "dialects/hone/HoneOps.h"

#include "mlir/IR/DialectResourceBlobManager.h"

namespace mlir::hone {
#define GEN_PASS_DEF_FOLDCONSTANTSPASS
#include "passes/simplify/Passes.h.inc"
} // namespace mlir::hone

using namespace mlir;
using namespace mlir::hone;

namespace {

/// The attribute holding `tensor` as a constant of `type`.
ElementsAttr elementsOf(const ref::Tensor &tensor, RankedTensorType type) {
  ArrayRef<char> bytes(static_cast<const char *>(tensor.rawData()), tensor.byteSize());
  if (type.getElementType().isInteger(1)) {
    SmallVector<bool> values;
    for (int64_t i = 0; i < tensor.numel(); ++i)
      values.push_back(tensor.getInt(i) != 0);
    return DenseElementsAttr::get(type, values);
  }
  if (tensor.numel() <= 16)
    return DenseElementsAttr::getFromRawBuffer(type, bytes);
  return DenseResourceElementsAttr::get(
      type, "folded", HeapAsmResourceBlob::allocateAndCopyWithAlign(bytes, alignof(uint64_t)));
}

struct FoldConstantsPass final : mlir::hone::impl::FoldConstantsPassBase<FoldConstantsPass> {
  using Base::Base;
  void runOnOperation() override;
  /// Folds `op` when its value is known; true when it did.
  bool tryFold(Operation *op);
};

bool FoldConstantsPass::tryFold(Operation *op) {
  if (!isa<OnnxOpInterface>(op) || op->getNumRegions() != 0)
    return false;
  bool fromShapes = op->hasTrait<ValueFromShapes>();
  std::vector<ref::Tensor> storage;
  storage.reserve(op->getNumOperands());
  std::vector<const ref::Tensor *> inputs;
  int64_t inputElements = 0;
  for (Value operand : op->getOperands()) {
    if (isa<NoneType>(operand.getType())) {
      inputs.push_back(nullptr);
      continue;
    }
    if (auto constant = operand.getDefiningOp<ConstantOp>()) {
      std::string error;
      FailureOr<ref::Tensor> value = tensorFromElementsAttr(constant.getValue(), error);
      if (failed(value))
        return false;
      inputElements += value->numel();
      storage.push_back(std::move(*value));
    } else if (auto type = dyn_cast<RankedTensorType>(operand.getType());
               fromShapes && type && type.hasStaticShape()) {
      storage.push_back(ref::Tensor::shapeOnly(dtypeOf(type.getElementType()), type.getShape().vec()));
    } else {
      return false;
    }
    inputs.push_back(&storage.back());
  }
  for (Value result : op->getResults()) {
    auto type = dyn_cast<RankedTensorType>(result.getType());
    if (!type || !type.hasStaticShape())
      return false; // the result's shape must be known to hold it as a constant
    if (type.getNumElements() > maxElements && type.getNumElements() > inputElements)
      return false;
  }
  std::string error;
  FailureOr<std::vector<ref::Tensor>> values = evaluateOp(op, inputs, error);
  if (failed(values))
    return false; // an op that fails on its constants is left for run time to report
  OpBuilder builder(op);
  for (auto [result, value] : llvm::zip(op->getResults(), *values)) {
    auto type = cast<RankedTensorType>(result.getType());
    auto constant = builder.create<ConstantOp>(op->getLoc(), elementsOf(value, type));
    result.replaceAllUsesWith(constant.getResult());
  }
  op->erase();
  return true;
}

void FoldConstantsPass::runOnOperation() {
  SmallVector<Operation *> ops;
  getOperation().walk([&](Operation *op) { ops.push_back(op); });
  // Program order: an op's folded operands are constants by the time it is
  // visited, and its result types are refined from them first (the op's
  // shape function), so a whole Shape -> Gather -> Concat -> Reshape chain,
  // and every chain after it, folds in one pass.
  for (Operation *op : ops) {
    refineResultTypes(op);
    tryFold(op);
  }
  // Returned values may have been refined: the signature follows them.
  func::FuncOp func = getOperation();
  if (!func.getBody().empty())
    func.setType(FunctionType::get(&getContext(), func.getArgumentTypes(),
                                   func.getBody().back().getTerminator()->getOperandTypes()));
}

} // namespace
