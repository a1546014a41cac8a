//===- ValueFunctions.cpp - Values of small integer results ---------------===//
//
// Values are the row-major elements of a result whose shape is static and
// small (kMaxValueElements); a value function sets nothing when a value it
// needs is unknown. Element-wise ops broadcast numpy-style over the static
// shapes of their operands. Booleans are 0 and 1.
//
//===----------------------------------------------------------------------===//
#include "dialects/hone/ops/ValueFunctions.h"

#include "dialects/hone/HoneOps.h"
#include "dialects/hone/ShapeFunction.h"
#include "dialects/hone/ops/OpAttributes.h"
#include "dialects/hone/ops/ShapeHelpers.h"

using namespace mlir;
using namespace mlir::hone;

namespace {

/// The static dims of result `i` (as the shape function gave them).
std::optional<SmallVector<int64_t>> staticResultDims(ShapeContext &context, unsigned i) {
  const ShapeResult &result = context.getResult(i);
  if (!result.ranked)
    return std::nullopt;
  SmallVector<int64_t> dims;
  for (const DimExpr &d : result.dims) {
    std::optional<int64_t> c = d.getConstant();
    if (!c || *c < 0)
      return std::nullopt;
    dims.push_back(*c);
  }
  return dims;
}

/// The static dims of operand `i`.
std::optional<SmallVector<int64_t>> staticOperandDims(ShapeContext &context, unsigned i) {
  if (!context.hasRank(i))
    return std::nullopt;
  SmallVector<int64_t> dims;
  for (const DimExpr &d : context.getDims(i)) {
    std::optional<int64_t> c = d.getConstant();
    if (!c || *c < 0)
      return std::nullopt;
    dims.push_back(*c);
  }
  return dims;
}

int64_t elementCount(ArrayRef<int64_t> dims) {
  int64_t count = 1;
  for (int64_t d : dims)
    count *= d;
  return count;
}

/// Operand `i`'s values when its shape is static and they are known.
std::optional<SmallVector<DimExpr>> valuesOf(ShapeContext &context, unsigned i) {
  std::optional<SmallVector<int64_t>> dims = staticOperandDims(context, i);
  if (!dims)
    return std::nullopt;
  std::optional<SmallVector<DimExpr>> values = context.getIntValues(i);
  if (!values || static_cast<int64_t>(values->size()) != elementCount(*dims))
    return std::nullopt;
  return values;
}

/// Result 0 = fn(operands...) element-wise, numpy-broadcast over static
/// shapes.
LogicalResult elementwise(ShapeContext &context,
                          const std::function<DimExpr(ArrayRef<DimExpr>)> &fn) {
  std::optional<SmallVector<int64_t>> out = staticResultDims(context, 0);
  if (!out || elementCount(*out) > kMaxValueElements)
    return success();
  SmallVector<SmallVector<DimExpr>> inputs;
  SmallVector<SmallVector<int64_t>> shapes;
  for (unsigned i = 0; i < context.getNumOperands(); ++i) {
    std::optional<SmallVector<DimExpr>> values = valuesOf(context, i);
    if (!values)
      return success();
    inputs.push_back(*values);
    shapes.push_back(*staticOperandDims(context, i));
  }
  int64_t rank = static_cast<int64_t>(out->size());
  SmallVector<DimExpr> result;
  SmallVector<int64_t> index(rank, 0);
  for (int64_t flat = 0; flat < elementCount(*out); ++flat) {
    int64_t rest = flat;
    for (int64_t d = rank - 1; d >= 0; --d) {
      index[d] = (*out)[d] ? rest % (*out)[d] : 0;
      rest = (*out)[d] ? rest / (*out)[d] : 0;
    }
    SmallVector<DimExpr> args;
    for (size_t k = 0; k < inputs.size(); ++k) {
      ArrayRef<int64_t> shape = shapes[k];
      int64_t offset = rank - static_cast<int64_t>(shape.size()), at = 0;
      for (size_t d = 0; d < shape.size(); ++d)
        at = at * shape[d] + (shape[d] == 1 ? 0 : index[offset + d]);
      args.push_back(inputs[k][at]);
    }
    result.push_back(fn(args));
  }
  context.setResultValues(0, result);
  return success();
}

DimExpr truncDiv(const DimExpr &a, const DimExpr &b) {
  DimExpr floor = floorDiv(a, b);
  DimExpr inexact = ne(mod(a, b), 0), signsDiffer = ne(lt(a, 0), lt(b, 0));
  return select(logicalAnd(inexact, signsDiffer), floor + 1, floor);
}

} // namespace

LogicalResult mlir::hone::valueShape(ShapeContext &context) {
  if (!context.hasRank(0))
    return success();
  auto [start, end] = shapeOpRange(context.getOp(), context.getRank(0));
  ArrayRef<DimExpr> dims = context.getDims(0);
  SmallVector<DimExpr> values;
  for (int64_t d = start; d < end; ++d)
    values.push_back(dims[d]);
  context.setResultValues(0, values);
  return success();
}

LogicalResult mlir::hone::valueSize(ShapeContext &context) {
  if (context.hasRank(0))
    context.setResultValues(0, {product(context.getDims(0))});
  return success();
}

/// Gather from 1-D data (a shape): each index picks an element; negative
/// indices count from the end.
LogicalResult mlir::hone::valueGather(ShapeContext &context) {
  std::optional<SmallVector<DimExpr>> data = valuesOf(context, 0), indices = valuesOf(context, 1);
  if (!data || !indices || context.getRank(0) != 1)
    return success();
  int64_t n = static_cast<int64_t>(data->size());
  SmallVector<DimExpr> values;
  for (const DimExpr &index : *indices)
    values.push_back(pick(*data, select(lt(index, 0), index + n, index)));
  context.setResultValues(0, values);
  return success();
}

LogicalResult mlir::hone::valueConcat(ShapeContext &context) {
  SmallVector<DimExpr> values;
  for (unsigned i = 0; i < context.getNumOperands(); ++i) {
    std::optional<SmallVector<DimExpr>> part = valuesOf(context, i);
    if (!part || context.getRank(i) != 1)
      return success();
    values.append(part->begin(), part->end());
  }
  context.setResultValues(0, values);
  return success();
}

/// Slice of 1-D values, with the starts and steps the shape function
/// resolved (its aux values).
LogicalResult mlir::hone::valueSlice(ShapeContext &context) {
  std::optional<SmallVector<DimExpr>> data = valuesOf(context, 0);
  std::optional<SmallVector<int64_t>> out = staticResultDims(context, 0);
  const SmallVector<DimExpr> *begin = context.getAux("begin"), *step = context.getAux("step");
  if (!data || !out || out->size() != 1 || !begin || !step || begin->size() != 1)
    return success();
  SmallVector<DimExpr> values;
  for (int64_t i = 0; i < (*out)[0]; ++i)
    values.push_back(pick(*data, (*begin)[0] + (*step)[0] * i));
  context.setResultValues(0, values);
  return success();
}

/// Integer to integer casts keep the values (shapes fit any integer type);
/// casts from floats are not followed.
LogicalResult mlir::hone::valueCast(ShapeContext &context) {
  auto type = dyn_cast<ShapedType>(context.getOp()->getResult(0).getType());
  if (!type || !type.getElementType().isIntOrIndex())
    return success();
  if (std::optional<SmallVector<DimExpr>> values = valuesOf(context, 0))
    context.setResultValues(0, *values);
  return success();
}

LogicalResult mlir::hone::valueSameElements(ShapeContext &context) {
  std::optional<SmallVector<int64_t>> out = staticResultDims(context, 0);
  std::optional<SmallVector<DimExpr>> values = valuesOf(context, 0);
  if (out && values && elementCount(*out) == static_cast<int64_t>(values->size()))
    context.setResultValues(0, *values);
  return success();
}

LogicalResult mlir::hone::valueAdd(ShapeContext &context) {
  return elementwise(context, [](ArrayRef<DimExpr> x) { return x[0] + x[1]; });
}
LogicalResult mlir::hone::valueSub(ShapeContext &context) {
  return elementwise(context, [](ArrayRef<DimExpr> x) { return x[0] - x[1]; });
}
LogicalResult mlir::hone::valueMul(ShapeContext &context) {
  return elementwise(context, [](ArrayRef<DimExpr> x) { return x[0] * x[1]; });
}
LogicalResult mlir::hone::valueDiv(ShapeContext &context) {
  return elementwise(context, [](ArrayRef<DimExpr> x) { return truncDiv(x[0], x[1]); });
}
LogicalResult mlir::hone::valueMod(ShapeContext &context) {
  if (getIntAttr(context.getOp(), "fmod", 0) != 0)
    return success();
  return elementwise(context, [](ArrayRef<DimExpr> x) { return mod(x[0], x[1]); });
}
/// Max and Min are variadic: `pick` folds the inputs left to right.
static LogicalResult variadicExtreme(ShapeContext &context, DimExpr (*pick)(const DimExpr &, const DimExpr &)) {
  return elementwise(context, [pick](ArrayRef<DimExpr> x) {
    DimExpr m = x[0];
    for (size_t i = 1; i < x.size(); ++i)
      m = pick(m, x[i]);
    return m;
  });
}
LogicalResult mlir::hone::valueMax(ShapeContext &context) { return variadicExtreme(context, max); }
LogicalResult mlir::hone::valueMin(ShapeContext &context) { return variadicExtreme(context, min); }
LogicalResult mlir::hone::valueNeg(ShapeContext &context) {
  return elementwise(context, [](ArrayRef<DimExpr> x) { return -x[0]; });
}
LogicalResult mlir::hone::valueAbs(ShapeContext &context) {
  return elementwise(context, [](ArrayRef<DimExpr> x) { return max(x[0], -x[0]); });
}
LogicalResult mlir::hone::valueEqual(ShapeContext &context) {
  return elementwise(context, [](ArrayRef<DimExpr> x) { return eq(x[0], x[1]); });
}
LogicalResult mlir::hone::valueLess(ShapeContext &context) {
  return elementwise(context, [](ArrayRef<DimExpr> x) { return lt(x[0], x[1]); });
}
LogicalResult mlir::hone::valueGreater(ShapeContext &context) {
  return elementwise(context, [](ArrayRef<DimExpr> x) { return gt(x[0], x[1]); });
}
LogicalResult mlir::hone::valueLessOrEqual(ShapeContext &context) {
  return elementwise(context, [](ArrayRef<DimExpr> x) { return le(x[0], x[1]); });
}
LogicalResult mlir::hone::valueGreaterOrEqual(ShapeContext &context) {
  return elementwise(context, [](ArrayRef<DimExpr> x) { return ge(x[0], x[1]); });
}
LogicalResult mlir::hone::valueNot(ShapeContext &context) {
  return elementwise(context, [](ArrayRef<DimExpr> x) { return logicalNot(x[0]); });
}
LogicalResult mlir::hone::valueAnd(ShapeContext &context) {
  return elementwise(context, [](ArrayRef<DimExpr> x) { return logicalAnd(x[0], x[1]); });
}
LogicalResult mlir::hone::valueOr(ShapeContext &context) {
  return elementwise(context, [](ArrayRef<DimExpr> x) { return logicalOr(x[0], x[1]); });
}
LogicalResult mlir::hone::valueWhere(ShapeContext &context) {
  return elementwise(context, [](ArrayRef<DimExpr> x) { return select(x[0], x[1], x[2]); });
}

/// ConstantOfShape with an integer `value` (0 when absent).
LogicalResult mlir::hone::valueConstantOfShape(ShapeContext &context) {
  auto type = dyn_cast<ShapedType>(context.getOp()->getResult(0).getType());
  std::optional<SmallVector<int64_t>> out = staticResultDims(context, 0);
  if (!type || !type.getElementType().isIntOrIndex() || !out ||
      elementCount(*out) > kMaxValueElements)
    return success();
  int64_t fill = 0;
  if (auto attr = context.getOp()->getAttrOfType<DenseElementsAttr>("value")) {
    if (!attr.getElementType().isIntOrIndex() || attr.getNumElements() != 1)
      return success();
    fill = attr.getElementType().isInteger(1) ? (*attr.getValues<bool>().begin() ? 1 : 0)
                                              : (*attr.getValues<APInt>().begin()).getSExtValue();
  }
  context.setResultValues(0, SmallVector<DimExpr>(elementCount(*out), DimExpr(fill)));
  return success();
}

LogicalResult mlir::hone::valueRange(ShapeContext &context) {
  std::optional<SmallVector<int64_t>> out = staticResultDims(context, 0);
  std::optional<SmallVector<DimExpr>> start = valuesOf(context, 0), delta = valuesOf(context, 2);
  if (!out || out->size() != 1 || !start || !delta || start->size() != 1 || delta->size() != 1)
    return success();
  SmallVector<DimExpr> values;
  for (int64_t i = 0; i < (*out)[0]; ++i)
    values.push_back((*start)[0] + (*delta)[0] * i);
  context.setResultValues(0, values);
  return success();
}

LogicalResult mlir::hone::valueExpand(ShapeContext &context) {
  // The shape operand only shapes the result: broadcast operand 0 alone.
  std::optional<SmallVector<int64_t>> out = staticResultDims(context, 0);
  std::optional<SmallVector<DimExpr>> values = valuesOf(context, 0);
  std::optional<SmallVector<int64_t>> in = staticOperandDims(context, 0);
  if (!out || !values || !in || elementCount(*out) > kMaxValueElements)
    return success();
  int64_t rank = static_cast<int64_t>(out->size()), offset = rank - static_cast<int64_t>(in->size());
  SmallVector<DimExpr> result;
  SmallVector<int64_t> index(rank, 0);
  for (int64_t flat = 0; flat < elementCount(*out); ++flat) {
    int64_t rest = flat;
    for (int64_t d = rank - 1; d >= 0; --d) {
      index[d] = (*out)[d] ? rest % (*out)[d] : 0;
      rest = (*out)[d] ? rest / (*out)[d] : 0;
    }
    int64_t at = 0;
    for (size_t d = 0; d < in->size(); ++d)
      at = at * (*in)[d] + ((*in)[d] == 1 ? 0 : index[offset + d]);
    result.push_back((*values)[at]);
  }
  context.setResultValues(0, result);
  return success();
}

namespace {

/// A reduction of every value to the one element of the result.
LogicalResult reduceAll(ShapeContext &context,
                        const std::function<DimExpr(const DimExpr &, const DimExpr &)> &combine) {
  std::optional<SmallVector<int64_t>> out = staticResultDims(context, 0);
  std::optional<SmallVector<DimExpr>> values = valuesOf(context, 0);
  if (!out || elementCount(*out) != 1 || !values || values->empty())
    return success();
  DimExpr total = (*values)[0];
  for (size_t i = 1; i < values->size(); ++i)
    total = combine(total, (*values)[i]);
  context.setResultValues(0, {total});
  return success();
}

} // namespace

LogicalResult mlir::hone::valueReduceSum(ShapeContext &context) {
  return reduceAll(context, [](const DimExpr &a, const DimExpr &b) { return a + b; });
}
LogicalResult mlir::hone::valueReduceProd(ShapeContext &context) {
  return reduceAll(context, [](const DimExpr &a, const DimExpr &b) { return a * b; });
}
LogicalResult mlir::hone::valueReduceMax(ShapeContext &context) {
  return reduceAll(context, [](const DimExpr &a, const DimExpr &b) { return max(a, b); });
}
LogicalResult mlir::hone::valueReduceMin(ShapeContext &context) {
  return reduceAll(context, [](const DimExpr &a, const DimExpr &b) { return min(a, b); });
}
