//===- LayoutClasses.cpp - The dims an op reduces over --------------------===//
#include "dialects/hone/ops/LayoutClasses.h"

#include "dialects/hone/HoneOps.h"
#include "mlir/IR/BuiltinTypes.h"

using namespace mlir;
using namespace mlir::hone;

namespace {

/// The dims [from, to).
SmallVector<int64_t> dimsFrom(int64_t from, int64_t to) {
  SmallVector<int64_t> dims;
  for (int64_t d = std::max<int64_t>(from, 0); d < to; ++d)
    dims.push_back(d);
  return dims;
}

/// `op`'s integer attribute `name` (default `fallback`) as a dim of a
/// tensor of `rank` (negative counts from the end); none out of range.
std::optional<int64_t> axisOf(Operation *op, StringRef name, int64_t fallback, int64_t rank) {
  auto attr = op->getAttrOfType<IntegerAttr>(name);
  int64_t axis = attr ? attr.getInt() : fallback;
  if (axis < 0)
    axis += rank;
  if (axis < 0 || axis >= rank)
    return std::nullopt;
  return axis;
}

/// A Reduce op's axes: its constant axes operand, every dim without one
/// (none with noop_with_empty_axes), nothing when the axes are computed.
SmallVector<int64_t> reduceAxes(Operation *op, int64_t rank) {
  Value axes = op->getNumOperands() > 1 ? op->getOperand(1) : Value();
  if (!axes || isa<NoneType>(axes.getType())) {
    auto noop = op->getAttrOfType<IntegerAttr>("noop_with_empty_axes");
    return noop && noop.getInt() ? SmallVector<int64_t>() : dimsFrom(0, rank);
  }
  auto constant = axes.getDefiningOp<ConstantOp>();
  auto values = constant ? dyn_cast<DenseIntElementsAttr>(constant.getValueAttr()) : DenseIntElementsAttr();
  if (!values)
    return {};
  SmallVector<int64_t> dims;
  for (const APInt &value : values.getValues<APInt>()) {
    int64_t axis = value.getSExtValue() < 0 ? value.getSExtValue() + rank : value.getSExtValue();
    if (axis < 0 || axis >= rank)
      return {};
    dims.push_back(axis);
  }
  llvm::sort(dims);
  dims.erase(std::unique(dims.begin(), dims.end()), dims.end());
  return dims;
}

} // namespace

SmallVector<int64_t> mlir::hone::reductionDimsOf(Operation *op, unsigned index) {
  if (index >= op->getNumOperands())
    return {};
  auto type = dyn_cast<RankedTensorType>(op->getOperand(index).getType());
  if (!type)
    return {};
  int64_t rank = type.getRank();
  auto single = [](std::optional<int64_t> axis) {
    return axis ? SmallVector<int64_t>{*axis} : SmallVector<int64_t>();
  };
  if (isa<MatMulOp>(op) && index < 2) {
    // A vector operand is its own inner dim.
    if (rank == 1)
      return {0};
    return {index == 0 ? rank - 1 : rank - 2};
  }
  if (isa<GemmOp>(op) && index < 2 && rank == 2) {
    bool transposed = [&] {
      auto attr = op->getAttrOfType<IntegerAttr>(index == 0 ? "transA" : "transB");
      return attr && attr.getInt() != 0;
    }();
    return {index == 0 ? (transposed ? 0 : 1) : (transposed ? 1 : 0)};
  }
  // A convolution combines, per output, its input channels (of a group)
  // and its window: dims 1.. of the data; of the weights [M, C/g, k...]
  // the same dims (ConvTranspose's weights [C, M/g, k...]: C and the taps).
  if (isa<ConvOp>(op) && index < 2)
    return dimsFrom(1, rank);
  if (isa<ConvTransposeOp>(op) && index < 2) {
    if (index == 0)
      return dimsFrom(1, rank);
    SmallVector<int64_t> dims{0};
    dims.append(dimsFrom(2, rank));
    return dims;
  }
  if (index != 0)
    return {};
  if (isa<MaxPoolOp, AveragePoolOp, LpPoolOp, GlobalAveragePoolOp, GlobalMaxPoolOp, InstanceNormalizationOp>(op))
    return dimsFrom(2, rank);
  if (isa<SoftmaxOp, LogSoftmaxOp, HardmaxOp, LpNormalizationOp>(op))
    return single(axisOf(op, "axis", -1, rank));
  if (isa<LayerNormalizationOp>(op)) {
    std::optional<int64_t> axis = axisOf(op, "axis", -1, rank);
    return axis ? dimsFrom(*axis, rank) : SmallVector<int64_t>();
  }
  if (isa<ArgMaxOp, ArgMinOp>(op))
    return single(axisOf(op, "axis", 0, rank));
  if (isa<ReduceL1Op, ReduceL2Op, ReduceLogSumOp, ReduceLogSumExpOp, ReduceMaxOp, ReduceMeanOp, ReduceMinOp,
          ReduceProdOp, ReduceSumOp, ReduceSumSquareOp>(op))
    return reduceAxes(op, rank);
  return {};
}
