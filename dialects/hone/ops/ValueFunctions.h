//===- ValueFunctions.h - Values of small integer results -------*- C++ -*-===//
//
// The value functions (ValueFunctionOpInterface) of the ops exported graphs
// build shapes with. Each reads its operands' values (row-major DimExprs:
// constants, symbols, or expressions of them) from the ShapeContext and
// sets its results' values, when every value it needs is known and the
// result is small with a static shape. generate_ops.py's VALUE_FUNCTIONS
// table says which op uses which.
//
//===----------------------------------------------------------------------===//
#ifndef HONE_DIALECTS_HONE_OPS_VALUEFUNCTIONS_H
#define HONE_DIALECTS_HONE_OPS_VALUEFUNCTIONS_H

#include "mlir/Support/LogicalResult.h"

namespace mlir::hone {

class ShapeContext;

LogicalResult valueShape(ShapeContext &context);
LogicalResult valueSize(ShapeContext &context);
LogicalResult valueGather(ShapeContext &context);
LogicalResult valueConcat(ShapeContext &context);
LogicalResult valueSlice(ShapeContext &context);
LogicalResult valueCast(ShapeContext &context);
/// Squeeze, Unsqueeze, Reshape, Flatten, Identity: the same elements.
LogicalResult valueSameElements(ShapeContext &context);
LogicalResult valueAdd(ShapeContext &context);
LogicalResult valueSub(ShapeContext &context);
LogicalResult valueMul(ShapeContext &context);
/// Integer division truncating toward zero, as ONNX's Div.
LogicalResult valueDiv(ShapeContext &context);
/// Integer modulo with the divisor's sign (ONNX Mod, fmod = 0).
LogicalResult valueMod(ShapeContext &context);
LogicalResult valueMax(ShapeContext &context);
LogicalResult valueMin(ShapeContext &context);
LogicalResult valueNeg(ShapeContext &context);
LogicalResult valueAbs(ShapeContext &context);
LogicalResult valueEqual(ShapeContext &context);
LogicalResult valueLess(ShapeContext &context);
LogicalResult valueGreater(ShapeContext &context);
LogicalResult valueLessOrEqual(ShapeContext &context);
LogicalResult valueGreaterOrEqual(ShapeContext &context);
LogicalResult valueNot(ShapeContext &context);
LogicalResult valueAnd(ShapeContext &context);
LogicalResult valueOr(ShapeContext &context);
LogicalResult valueWhere(ShapeContext &context);
LogicalResult valueConstantOfShape(ShapeContext &context);
LogicalResult valueRange(ShapeContext &context);
LogicalResult valueExpand(ShapeContext &context);
/// ReduceSum, ReduceProd, ReduceMax, ReduceMin to one element.
LogicalResult valueReduceSum(ShapeContext &context);
LogicalResult valueReduceProd(ShapeContext &context);
LogicalResult valueReduceMax(ShapeContext &context);
LogicalResult valueReduceMin(ShapeContext &context);

} // namespace mlir::hone

#endif // HONE_DIALECTS_HONE_OPS_VALUEFUNCTIONS_H
