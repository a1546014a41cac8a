//===- ReduceShapes.cpp - Shapes of reductions, ArgMax/ArgMin and TopK ----===//
//
// A reduced axis becomes 1 (keepdims) or disappears. Reduce* with no axes
// reduce everything, unless noop_with_empty_axes makes them the identity.
//
//===----------------------------------------------------------------------===//
#include "dialects/hone/ShapeFunction.h"
#include "dialects/hone/ops/ShapeFunctions.h"

#include "dialects/hone/ops/OpAttributes.h"

using namespace mlir;
using namespace mlir::hone;

namespace {

/// The shape left after reducing `axes` of `dims`.
FailureOr<InferredShape> reduceDims(Operation *op, ArrayRef<int64_t> dims,
                                    ArrayRef<int64_t> axes, bool keepDims) {
  int64_t rank = static_cast<int64_t>(dims.size());
  SmallVector<bool> reduced(rank, false);
  for (int64_t axis : axes) {
    if (axis < -rank || axis >= rank)
      return op->emitOpError() << "expected axes in [" << -rank << ", " << rank - 1
                               << "], got " << axis,
             failure();
    reduced[axis < 0 ? axis + rank : axis] = true;
  }
  SmallVector<int64_t> out;
  for (int64_t i = 0; i < rank; ++i) {
    if (!reduced[i])
      out.push_back(dims[i]);
    else if (keepDims)
      out.push_back(1);
  }
  return InferredShape::of(out);
}

} // namespace

LogicalResult mlir::hone::shapeReduce(ShapeContext &context) {
  Operation *op = context.getOp();
  if (!context.hasRank(0))
    return success();
  ArrayRef<int64_t> x = context.getDims(0);
  bool keepDims = getIntAttr(op, "keepdims", 1) != 0;
  SmallVector<int64_t> axes;
  bool emptyAxes = context.isAbsent(1);
  if (!emptyAxes) {
    std::optional<SmallVector<int64_t>> values = context.getIntValues(1);
    if (!values) {
      // Unknown axes: with keepdims the rank stays.
      if (keepDims)
        context.setResult(0, InferredShape::ofRank(static_cast<int64_t>(x.size())));
      return success();
    }
    axes = *values;
    emptyAxes = axes.empty();
  }
  if (emptyAxes) {
    if (getIntAttr(op, "noop_with_empty_axes", 0)) {
      context.setResult(0, InferredShape::of(x));
      return success();
    }
    for (int64_t i = 0; i < static_cast<int64_t>(x.size()); ++i)
      axes.push_back(i);
  }
  FailureOr<InferredShape> shape = reduceDims(op, x, axes, keepDims);
  if (failed(shape))
    return failure();
  context.setResult(0, *shape);
  return success();
}

LogicalResult mlir::hone::shapeArgReduce(ShapeContext &context) {
  Operation *op = context.getOp();
  if (!context.hasRank(0))
    return success();
  FailureOr<InferredShape> shape = reduceDims(op, context.getDims(0), {getIntAttr(op, "axis", 0)},
                                              getIntAttr(op, "keepdims", 1) != 0);
  if (failed(shape))
    return failure();
  context.setResult(0, *shape);
  return success();
}

LogicalResult mlir::hone::shapeTopK(ShapeContext &context) {
  Operation *op = context.getOp();
  if (!context.hasRank(0))
    return success();
  SmallVector<int64_t> dims(context.getDims(0));
  int64_t rank = static_cast<int64_t>(dims.size());
  int64_t axis = getIntAttr(op, "axis", -1);
  if (axis < -rank || axis >= rank)
    return op->emitOpError() << "expected axis in [" << -rank << ", " << rank - 1 << "], got "
                             << axis;
  if (axis < 0)
    axis += rank;
  std::optional<SmallVector<int64_t>> k = context.getIntValues(1);
  dims[axis] = k && k->size() == 1 ? (*k)[0] : ShapedType::kDynamic;
  context.setAllResults(InferredShape::of(dims));
  return success();
}
