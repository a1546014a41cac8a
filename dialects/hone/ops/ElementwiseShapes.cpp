//===- ElementwiseShapes.cpp - Shapes of elementwise ops ------------------===//
//
// Same-shape and broadcasting ops. Broadcasting keeps a dim unknown when it
// cannot tell which operand wins (a dynamic dim against 1 or another dynamic
// dim).
//
//===----------------------------------------------------------------------===//
#include "dialects/hone/ShapeFunction.h"
#include "dialects/hone/ops/ShapeFunctions.h"

using namespace mlir;
using namespace mlir::hone;

LogicalResult mlir::hone::shapeSameAsOperand0(ShapeContext &context) {
  context.setAllResults(context.hasRank(0) ? InferredShape::of(context.getDims(0))
                                           : InferredShape::unranked());
  return success();
}

LogicalResult mlir::hone::shapeBroadcast(ShapeContext &context) {
  SmallVector<int64_t> dims;
  for (unsigned i = 0; i < context.getNumOperands(); ++i) {
    if (context.isAbsent(i))
      continue;
    if (!context.hasRank(i)) {
      context.setAllResults(InferredShape::unranked());
      return success();
    }
    ArrayRef<int64_t> operand = context.getDims(i);
    if (operand.size() > dims.size())
      dims.insert(dims.begin(), operand.size() - dims.size(), 1);
    size_t offset = dims.size() - operand.size();
    for (size_t d = 0; d < operand.size(); ++d) {
      int64_t &out = dims[offset + d];
      int64_t in = operand[d];
      if (in == 1)
        continue;
      if (out == 1)
        out = in;
      else if (ShapedType::isDynamic(out) && !ShapedType::isDynamic(in))
        out = in; // the static dim (> 1) is the only legal size
      else if (!ShapedType::isDynamic(out) && !ShapedType::isDynamic(in) && out != in)
        return context.getOp()->emitOpError()
               << "operands are not broadcast-compatible at dim " << offset + d << ": " << out
               << " vs " << in;
    }
  }
  context.setAllResults(InferredShape::of(dims));
  return success();
}
