//===- ReduceShapes.cpp - Shapes of reductions, ArgMax/ArgMin and TopK ----===//
//
// A reduced axis becomes 1 (keepdims) or disappears. Reduce* with no axes
// reduce everything, unless noop_with_empty_axes makes them the identity.
//
//===----------------------------------------------------------------------===//
#include "dialects/hone/ShapeFunction.h"
#include "dialects/hone/ops/ShapeFunctions.h"

#include "dialects/hone/ops/OpAttributes.h"
#include "dialects/hone/ops/ShapeHelpers.h"

using namespace mlir;
using namespace mlir::hone;

namespace {

/// The shape left after reducing constant `axes` of `dims`.
FailureOr<ShapeResult> reduceDims(Operation *op, ArrayRef<DimExpr> dims, ArrayRef<int64_t> axes,
                                  bool keepDims) {
  int64_t rank = static_cast<int64_t>(dims.size());
  SmallVector<bool> reduced(rank, false);
  for (int64_t axis : axes) {
    if (axis < -rank || axis >= rank)
      return op->emitOpError() << "expected axes in [" << -rank << ", " << rank - 1
                               << "], got " << axis,
             failure();
    reduced[axis < 0 ? axis + rank : axis] = true;
  }
  SmallVector<DimExpr> out;
  for (int64_t i = 0; i < rank; ++i) {
    if (!reduced[i])
      out.push_back(dims[i]);
    else if (keepDims)
      out.push_back(1);
  }
  return ShapeResult::of(out);
}

/// The shape left after reducing `axes` known only at run time: which dims
/// go is a condition per dim, and without keepdims the kept dims shift left.
FailureOr<ShapeResult> reduceDimsAtRunTime(ShapeContext &context, ArrayRef<DimExpr> dims,
                                           ArrayRef<DimExpr> axes, bool keepDims) {
  int64_t rank = static_cast<int64_t>(dims.size());
  FailureOr<SmallVector<DimExpr>> reduced = axisMask(context, rank, axes);
  if (failed(reduced))
    return failure();
  // The kernel reduces the dims this mask names.
  context.setAux("reduced", *reduced);
  if (keepDims) {
    SmallVector<DimExpr> out;
    for (int64_t d = 0; d < rank; ++d)
      out.push_back(select((*reduced)[d], 1, dims[d]));
    return ShapeResult::of(out);
  }
  if (static_cast<int64_t>(axes.size()) > rank)
    return context.getOp()->emitOpError() << "expected at most " << rank << " axes, got "
                                          << axes.size(),
           failure();
  return ShapeResult::of(dropMasked(dims, *reduced, rank - static_cast<int64_t>(axes.size())));
}

} // namespace

LogicalResult mlir::hone::shapeReduce(ShapeContext &context) {
  Operation *op = context.getOp();
  if (!context.hasRank(0))
    return success();
  ArrayRef<DimExpr> x = context.getDims(0);
  bool keepDims = getIntAttr(op, "keepdims", 1) != 0;
  SmallVector<int64_t> axes;
  bool emptyAxes = context.isAbsent(1);
  if (!emptyAxes) {
    std::optional<SmallVector<int64_t>> values = context.getConstantInts(1);
    if (!values) {
      std::optional<SmallVector<DimExpr>> runtime = context.getIntValues(1);
      if (runtime && !runtime->empty()) {
        FailureOr<ShapeResult> shape = reduceDimsAtRunTime(context, x, *runtime, keepDims);
        if (failed(shape))
          return failure();
        context.setResult(0, *shape);
        return success();
      }
      // Unknown axes: with keepdims the rank stays.
      if (!runtime && keepDims)
        context.setResult(0, ShapeResult::ofRank(static_cast<int64_t>(x.size())));
      if (!runtime)
        return success();
      values = SmallVector<int64_t>();
    }
    axes = *values;
    emptyAxes = axes.empty();
  }
  if (emptyAxes) {
    if (getIntAttr(op, "noop_with_empty_axes", 0)) {
      context.setResult(0, ShapeResult::of(x));
      return success();
    }
    for (int64_t i = 0; i < static_cast<int64_t>(x.size()); ++i)
      axes.push_back(i);
  }
  FailureOr<ShapeResult> shape = reduceDims(op, x, axes, keepDims);
  if (failed(shape))
    return failure();
  context.setResult(0, *shape);
  return success();
}

LogicalResult mlir::hone::shapeArgReduce(ShapeContext &context) {
  Operation *op = context.getOp();
  if (!context.hasRank(0))
    return success();
  FailureOr<ShapeResult> shape = reduceDims(op, context.getDims(0), {getIntAttr(op, "axis", 0)},
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
  SmallVector<DimExpr> dims(context.getDims(0));
  FailureOr<int64_t> axis =
      normalizeAxis(op, getIntAttr(op, "axis", -1), static_cast<int64_t>(dims.size()));
  if (failed(axis))
    return failure();
  if (failed(context.pinLength(1, 1, "value of k")))
    return failure();
  std::optional<SmallVector<DimExpr>> k = context.getIntValues(1);
  if (k && k->size() == 1) {
    DimExpr count = (*k)[0];
    if (failed(context.require(logicalAnd(ge(count, 0), le(count, dims[*axis])),
                               "expected k in [0, " + dims[*axis].str() + "], got " + count.str())))
      return failure();
    dims[*axis] = count;
  } else {
    dims[*axis] = DimExpr::unknown();
  }
  context.setAllResults(ShapeResult::of(dims));
  return success();
}
