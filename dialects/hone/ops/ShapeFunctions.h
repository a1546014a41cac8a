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

/// Operand 1's shape (GatherElements: the indices' shape).
LogicalResult shapeSameAsOperand1(ShapeContext &context);
/// Every result is a scalar (Size, Det of a 2-D matrix).
LogicalResult shapeScalar(ShapeContext &context);

// NNShapes.cpp
LogicalResult shapeConv(ShapeContext &context);
LogicalResult shapeConvTranspose(ShapeContext &context);
/// AveragePool, MaxPool (and its Indices), LpPool.
LogicalResult shapePool(ShapeContext &context);
/// GlobalAveragePool, GlobalMaxPool, GlobalLpPool: spatial dims become 1.
LogicalResult shapeGlobalPool(ShapeContext &context);
LogicalResult shapeMatMul(ShapeContext &context);
LogicalResult shapeGemm(ShapeContext &context);
LogicalResult shapeBatchNormalization(ShapeContext &context);
LogicalResult shapeLayerNormalization(ShapeContext &context);

// TensorShapes.cpp
LogicalResult shapeReshape(ShapeContext &context);
LogicalResult shapeTranspose(ShapeContext &context);
LogicalResult shapeFlatten(ShapeContext &context);
LogicalResult shapeSqueeze(ShapeContext &context);
LogicalResult shapeUnsqueeze(ShapeContext &context);
LogicalResult shapeConcat(ShapeContext &context);
LogicalResult shapeSplit(ShapeContext &context);
LogicalResult shapeSlice(ShapeContext &context);
LogicalResult shapeGather(ShapeContext &context);
LogicalResult shapeGatherND(ShapeContext &context);
LogicalResult shapeExpand(ShapeContext &context);
LogicalResult shapeTile(ShapeContext &context);
LogicalResult shapePad(ShapeContext &context);
LogicalResult shapeShape(ShapeContext &context);
/// ConstantOfShape: the values of operand 0 are the shape.
LogicalResult shapeFromShapeOperand(ShapeContext &context);
LogicalResult shapeRange(ShapeContext &context);
/// DepthToSpace and SpaceToDepth.
LogicalResult shapeDepthToSpace(ShapeContext &context);
LogicalResult shapeOneHot(ShapeContext &context);
LogicalResult shapeNonZero(ShapeContext &context);
LogicalResult shapeCompress(ShapeContext &context);
LogicalResult shapeUnique(ShapeContext &context);
LogicalResult shapeResize(ShapeContext &context);

// ReduceShapes.cpp
LogicalResult shapeReduce(ShapeContext &context);
/// ArgMax, ArgMin.
LogicalResult shapeArgReduce(ShapeContext &context);
LogicalResult shapeTopK(ShapeContext &context);

// SpecialShapes.cpp
LogicalResult shapeEinsum(ShapeContext &context);
LogicalResult shapeDet(ShapeContext &context);
LogicalResult shapeMaxUnpool(ShapeContext &context);
LogicalResult shapeRoiAlign(ShapeContext &context);
LogicalResult shapeGridSample(ShapeContext &context);
LogicalResult shapeNonMaxSuppression(ShapeContext &context);
/// NegativeLogLikelihoodLoss and SoftmaxCrossEntropyLoss.
LogicalResult shapeLoss(ShapeContext &context);
/// If and Loop: from the types their regions yield.
LogicalResult shapeFromRegions(ShapeContext &context);

} // namespace mlir::hone

#endif // HONE_DIALECTS_HONE_OPS_SHAPEFUNCTIONS_H
