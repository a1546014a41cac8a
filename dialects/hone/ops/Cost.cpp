//===- Cost.cpp - Work of one op, from its types --------------------------===//
#include "dialects/hone/ops/Cost.h"

#include "dialects/hone/HoneOps.h"

using namespace mlir;
using namespace mlir::hone;

namespace {

std::optional<int64_t> elementCount(Type type) {
  auto shaped = dyn_cast<RankedTensorType>(type);
  if (!shaped || !shaped.hasStaticShape())
    return std::nullopt;
  return shaped.getNumElements();
}

std::optional<int64_t> staticDim(Value value, int64_t dim) {
  auto shaped = dyn_cast<RankedTensorType>(value.getType());
  if (!shaped || dim < 0 || dim >= shaped.getRank() || shaped.isDynamicDim(dim))
    return std::nullopt;
  return shaped.getDimSize(dim);
}

} // namespace

std::optional<int64_t> mlir::hone::multiplyAdds(Operation *op) {
  std::optional<int64_t> outputs = op->getNumResults() ? elementCount(op->getResult(0).getType())
                                                       : std::optional<int64_t>(0);
  // Conv: each output sums C/group x kernel taps, the weight's dims after
  // M. ConvTranspose: each input element scatters into M/group x kernel
  // taps, the weight's dims after C.
  if (isa<ConvOp, ConvTransposeOp>(op)) {
    std::optional<int64_t> points = isa<ConvOp>(op) ? outputs : elementCount(op->getOperand(0).getType());
    std::optional<int64_t> weights = elementCount(op->getOperand(1).getType());
    std::optional<int64_t> leading = staticDim(op->getOperand(1), 0);
    if (!points || !weights || !leading || *leading == 0)
      return std::nullopt;
    return *points * (*weights / *leading);
  }
  if (isa<MatMulOp>(op)) {
    auto a = dyn_cast<RankedTensorType>(op->getOperand(0).getType());
    if (!outputs || !a || a.getRank() == 0 || a.isDynamicDim(a.getRank() - 1))
      return std::nullopt;
    return *outputs * a.getDimSize(a.getRank() - 1);
  }
  if (auto gemm = dyn_cast<GemmOp>(op)) {
    bool transA = false;
    if (auto attr = op->getAttrOfType<IntegerAttr>("transA"))
      transA = attr.getInt() != 0;
    std::optional<int64_t> k = staticDim(op->getOperand(0), transA ? 0 : 1);
    if (!outputs || !k)
      return std::nullopt;
    return *outputs * *k;
  }
  return 0;
}

