//===- ShapeHelpers.h - Rules several shape functions share -----*- C++ -*-===//
//
// Numpy broadcasting of one dim, axis normalization, and the reading of an
// operand's values, in the DimExpr form every shape function computes in.
//
//===----------------------------------------------------------------------===//
#ifndef HONE_DIALECTS_HONE_OPS_SHAPEHELPERS_H
#define HONE_DIALECTS_HONE_OPS_SHAPEHELPERS_H

#include "dialects/hone/ShapeFunction.h"

namespace mlir::hone {

/// `axis` in [-rank, rank) (or [-rank, rank] with `inclusive`) made
/// non-negative; emits an error otherwise.
FailureOr<int64_t> normalizeAxis(Operation *op, int64_t axis, int64_t rank,
                                 bool inclusive = false);

/// The numpy broadcast of dims `a` and `b`: one of them is 1 or they are
/// equal (checked: at compile time when both are known, else at run time).
/// `where` names the dim in the message.
FailureOr<DimExpr> broadcastDim(ShapeContext &context, const DimExpr &a, const DimExpr &b,
                                const Twine &where);

/// Numpy broadcasting of two shapes (right-aligned).
FailureOr<SmallVector<DimExpr>> broadcastShapes(ShapeContext &context, ArrayRef<DimExpr> a,
                                                ArrayRef<DimExpr> b);

/// Whether every dim is a compile-time constant.
bool allConstant(ArrayRef<DimExpr> dims);

/// Shape's dims [start, end) of an operand of rank `rank`: its `start` and
/// `end` attributes, negative ones counted from the end, clamped into
/// [0, rank] (end may fall below start: no dims).
std::pair<int64_t, int64_t> shapeOpRange(Operation *op, int64_t rank);

/// A 1-D operand's static length.
std::optional<int64_t> vectorLength(ShapeContext &context, unsigned i);

/// For axes known only at run time (in [-rank, rank), distinct: checked),
/// one condition per dim: whether an axis names it.
FailureOr<SmallVector<DimExpr>> axisMask(ShapeContext &context, int64_t rank,
                                         ArrayRef<DimExpr> axes);

/// The first `kept` dims of `dims` whose `mask` condition is false, in order.
SmallVector<DimExpr> dropMasked(ArrayRef<DimExpr> dims, ArrayRef<DimExpr> mask, int64_t kept);

/// values[index] for an index known only at run time (0 when out of range).
DimExpr pick(ArrayRef<DimExpr> values, const DimExpr &index);

} // namespace mlir::hone

#endif // HONE_DIALECTS_HONE_OPS_SHAPEHELPERS_H
