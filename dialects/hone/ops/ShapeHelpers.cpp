//===- ShapeHelpers.cpp - Rules several shape functions share -------------===//
//
// A dim that is only known at run time broadcasts by its value there: the
// result is the other dim where it is 1, and the compatibility of the two is
// a run-time check. Axes known only at run time select dims by conditions.
//
//===----------------------------------------------------------------------===//
#include "dialects/hone/ops/ShapeHelpers.h"

#include "dialects/hone/ops/OpAttributes.h"

using namespace mlir;
using namespace mlir::hone;

FailureOr<int64_t> mlir::hone::normalizeAxis(Operation *op, int64_t axis, int64_t rank,
                                             bool inclusive) {
  int64_t upper = inclusive ? rank : rank - 1;
  if (axis < -rank || axis > upper)
    return op->emitOpError() << "expected axis in [" << -rank << ", " << upper << "], got "
                             << axis,
           failure();
  return axis < 0 ? axis + rank : axis;
}

FailureOr<DimExpr> mlir::hone::broadcastDim(ShapeContext &context, const DimExpr &a,
                                            const DimExpr &b, const Twine &where) {
  if (a.isConstant(1))
    return b;
  if (b.isConstant(1))
    return a;
  if (a == b)
    return a;
  if (failed(context.require(logicalOr(logicalOr(eq(a, 1), eq(b, 1)), eq(a, b)),
                             "operands are not broadcast-compatible at " + where + ": " +
                                 a.str() + " vs " + b.str())))
    return failure();
  // A known size other than 1 is the only legal result.
  if (a.getConstant())
    return a;
  if (b.getConstant())
    return b;
  return select(eq(a, 1), b, a);
}

FailureOr<SmallVector<DimExpr>> mlir::hone::broadcastShapes(ShapeContext &context,
                                                            ArrayRef<DimExpr> a,
                                                            ArrayRef<DimExpr> b) {
  size_t rank = std::max(a.size(), b.size());
  SmallVector<DimExpr> dims;
  for (size_t i = 0; i < rank; ++i) {
    DimExpr da = i < rank - a.size() ? DimExpr(1) : a[i - (rank - a.size())];
    DimExpr db = i < rank - b.size() ? DimExpr(1) : b[i - (rank - b.size())];
    FailureOr<DimExpr> d = broadcastDim(context, da, db, "dim " + Twine(i));
    if (failed(d))
      return failure();
    dims.push_back(*d);
  }
  return dims;
}

bool mlir::hone::allConstant(ArrayRef<DimExpr> dims) {
  return llvm::all_of(dims, [](const DimExpr &d) { return d.getConstant().has_value(); });
}

std::optional<int64_t> mlir::hone::vectorLength(ShapeContext &context, unsigned i) {
  if (!context.hasRank(i) || context.getRank(i) != 1)
    return std::nullopt;
  return context.getDims(i)[0].getConstant();
}

FailureOr<SmallVector<DimExpr>> mlir::hone::axisMask(ShapeContext &context, int64_t rank,
                                                     ArrayRef<DimExpr> axes) {
  SmallVector<DimExpr> normalized;
  for (const DimExpr &axis : axes) {
    if (failed(context.require(logicalAnd(ge(axis, -rank), lt(axis, rank)),
                               "expected axes in [" + Twine(-rank) + ", " + Twine(rank - 1) +
                                   "], got " + axis.str())))
      return failure();
    normalized.push_back(select(lt(axis, 0), axis + rank, axis));
  }
  for (size_t k = 0; k < normalized.size(); ++k)
    for (size_t l = k + 1; l < normalized.size(); ++l)
      if (failed(context.require(ne(normalized[k], normalized[l]), "expected distinct axes")))
        return failure();
  SmallVector<DimExpr> mask;
  for (int64_t d = 0; d < rank; ++d) {
    DimExpr any(0);
    for (const DimExpr &axis : normalized)
      any = logicalOr(any, eq(axis, d));
    mask.push_back(any);
  }
  return mask;
}

SmallVector<DimExpr> mlir::hone::dropMasked(ArrayRef<DimExpr> dims, ArrayRef<DimExpr> mask,
                                            int64_t kept) {
  SmallVector<DimExpr> out;
  for (int64_t j = 0; j < kept; ++j) {
    DimExpr value(0), keptBefore(0);
    for (size_t d = 0; d < dims.size(); ++d) {
      value = select(logicalAnd(logicalNot(mask[d]), eq(keptBefore, j)), dims[d], value);
      keptBefore = keptBefore + select(mask[d], 0, 1);
    }
    out.push_back(value);
  }
  return out;
}

DimExpr mlir::hone::pick(ArrayRef<DimExpr> values, const DimExpr &index) {
  if (std::optional<int64_t> known = index.getConstant())
    return *known >= 0 && *known < static_cast<int64_t>(values.size()) ? values[*known]
                                                                        : DimExpr(0);
  DimExpr value(0);
  for (size_t i = 0; i < values.size(); ++i)
    value = select(eq(index, static_cast<int64_t>(i)), values[i], value);
  return value;
}

std::pair<int64_t, int64_t> mlir::hone::shapeOpRange(Operation *op, int64_t rank) {
  auto clampAxis = [&](int64_t v) {
    return std::max<int64_t>(0, std::min(rank, v < 0 ? v + rank : v));
  };
  return {clampAxis(getIntAttr(op, "start", 0)), clampAxis(getIntAttr(op, "end", rank))};
}
