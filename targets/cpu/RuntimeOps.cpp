//===- RuntimeOps.cpp - Ops the runtime runs for the CPU target -----------===//
//
// Keyed by ONNX name through OnnxOpInterface, as the kernel builders are.
// Axes are normalized here, so the runtime never sees a negative one.
//
//===----------------------------------------------------------------------===//
#include "targets/cpu/RuntimeOps.h"

#include "dialects/hone/HoneOps.h"
#include "dialects/hone/ops/OpAttributes.h"
#include "runtime/include/hone/runtime.h"

using namespace mlir;
using namespace mlir::hone;
using namespace mlir::hone::cpu;

namespace {

/// (has_axis, axis) with the axis made non-negative for operand 0's rank.
SmallVector<int64_t> axisAttrs(Operation *op) {
  std::optional<int64_t> axis = getIntAttr(op, "axis");
  if (!axis)
    return {0, 0};
  auto type = dyn_cast<RankedTensorType>(op->getOperand(0).getType());
  int64_t rank = type ? type.getRank() : 0;
  return {1, *axis < 0 ? *axis + rank : *axis};
}

} // namespace

std::optional<RuntimeOpCall> mlir::hone::cpu::runtimeOpFor(Operation *op) {
  auto onnxOp = dyn_cast<OnnxOpInterface>(op);
  if (!onnxOp)
    return std::nullopt;
  StringRef name = onnxOp.getOnnxOpType();
  if (name == "NonZero")
    return RuntimeOpCall{HONE_RUNTIME_OP_NON_ZERO, {}};
  if (name == "Compress")
    return RuntimeOpCall{HONE_RUNTIME_OP_COMPRESS, axisAttrs(op)};
  if (name == "Unique") {
    SmallVector<int64_t> attrs = axisAttrs(op);
    attrs.push_back(getIntAttr(op, "sorted", 1));
    return RuntimeOpCall{HONE_RUNTIME_OP_UNIQUE, attrs};
  }
  if (name == "NonMaxSuppression")
    return RuntimeOpCall{HONE_RUNTIME_OP_NON_MAX_SUPPRESSION,
                         {getIntAttr(op, "center_point_box", 0)}};
  return std::nullopt;
}
