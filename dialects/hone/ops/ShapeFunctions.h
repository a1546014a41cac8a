//===- ShapeFunctions.h - Shape functions of the hone op families -*- C++ -*-===//
//
// One function per family of ops that share a shape rule. generate_ops.py's
// SHAPE_FUNCTIONS table says which op uses which; an op absent from it has
// no shape function yet and does not claim ShapeFunctionOpInterface.
//
//===----------------------------------------------------------------------===//
#ifndef HONE_DIALECTS_HONE_OPS_SHAPEFUNCTIONS_H
#define HONE_DIALECTS_HONE_OPS_SHAPEFUNCTIONS_H

#include "mlir/Support/LogicalResult.h"

namespace mlir::hone {

class ShapeContext;

/// Every result has operand 0's shape (unary elementwise ops, activations,
/// normalizations along an axis, Cast, Identity, ...).
LogicalResult shapeSameAsOperand0(ShapeContext &context);
/// Numpy broadcasting of all operands (binary elementwise ops, Where, Sum,
/// Max, Min, Mean).
LogicalResult shapeBroadcast(ShapeContext &context);

} // namespace mlir::hone

#endif // HONE_DIALECTS_HONE_OPS_SHAPEFUNCTIONS_H
