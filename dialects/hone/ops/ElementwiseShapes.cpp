//===- ElementwiseShapes.cpp - Shapes of elementwise ops ------------------===//
//
// Same-shape and broadcasting ops (the rule itself is broadcastShapes in
// ShapeHelpers.cpp).
//
//===----------------------------------------------------------------------===//
#include "dialects/hone/ShapeFunction.h"
#include "dialects/hone/ops/ShapeFunctions.h"
#include "dialects/hone/ops/ShapeHelpers.h"

using namespace mlir;
using namespace mlir::hone;

LogicalResult mlir::hone::shapeSameAsOperand0(ShapeContext &context) {
  context.setAllResults(context.hasRank(0) ? ShapeResult::of(context.getDims(0))
                                           : ShapeResult::unranked());
  return success();
}

LogicalResult mlir::hone::shapeBroadcast(ShapeContext &context) {
  SmallVector<DimExpr> dims;
  for (unsigned i = 0; i < context.getNumOperands(); ++i) {
    if (context.isAbsent(i))
      continue;
    if (!context.hasRank(i)) {
      context.setAllResults(ShapeResult::unranked());
      return success();
    }
    FailureOr<SmallVector<DimExpr>> merged = broadcastShapes(context, dims, context.getDims(i));
    if (failed(merged))
      return failure();
    dims = std::move(*merged);
  }
  context.setAllResults(ShapeResult::of(dims));
  return success();
}
