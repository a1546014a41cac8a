//===- TensorShapes.cpp - Shapes of data-movement ops ---------------------===//
//
// Ops whose output shape follows from input shapes and, for some, from the
// values of shape-like operands (Reshape's shape, Slice's starts, ...). When
// such an operand is not a constant, the rank is still known where ONNX
// fixes it, and the dims are unknown.
//
//===----------------------------------------------------------------------===//
#include "dialects/hone/ShapeFunction.h"
#include "dialects/hone/ops/ShapeFunctions.h"

#include "dialects/hone/ops/OpAttributes.h"
#include "dialects/hone/ops/ShapeHelpers.h"

using namespace mlir;
using namespace mlir::hone;

namespace {

bool unrankedOperand0(ShapeContext &context) {
  if (context.hasRank(0))
    return false;
  context.setAllResults(ShapeResult::unranked());
  return true;
}

/// Requires every dim of `dims` to be >= 0 (`what` names them).
LogicalResult requireNonNegative(ShapeContext &context, ArrayRef<DimExpr> dims, StringRef what) {
  for (const DimExpr &d : dims)
    if (failed(context.require(ge(d, 0), "expected non-negative " + what + ", got " + d.str())))
      return failure();
  return success();
}

} // namespace

/// Reshape: a 0 copies the input's dim (unless allowzero), one -1 takes
/// what is left. Entries known only at run time decide the same by value.
LogicalResult mlir::hone::shapeReshape(ShapeContext &context) {
  Operation *op = context.getOp();
  if (std::optional<int64_t> rank = context.declaredResultRank(0))
    if (failed(context.pinLength(1, *rank, "shape entries (the declared rank)")))
      return failure();
  std::optional<SmallVector<DimExpr>> shape = context.getIntValues(1);
  if (!shape) {
    if (std::optional<int64_t> rank = vectorLength(context, 1))
      context.setResult(0, ShapeResult::ofRank(*rank));
    return success();
  }
  bool allowZero = getIntAttr(op, "allowzero", 0) != 0;
  int64_t inputRank = context.hasRank(0) ? context.getRank(0) : -1;
  SmallVector<DimExpr> entries, inferredAt;
  DimExpr known(1), minusOnes(0);
  for (size_t i = 0; i < shape->size(); ++i) {
    const DimExpr &s = (*shape)[i];
    if (failed(context.require(ge(s, -1), "expected shape dims >= -1, got " + s.str())))
      return failure();
    DimExpr entry = s;
    if (!allowZero) {
      DimExpr copied;
      if (inputRank < 0)
        copied = DimExpr::unknown();
      else if (static_cast<int64_t>(i) < inputRank)
        copied = context.getDims(0)[i];
      else if (failed(context.require(ne(s, 0), "shape dim " + Twine(i) +
                                                    " copies an input dim that does not exist")))
        return failure();
      if (copied.isValid())
        entry = select(eq(s, 0), copied, s);
    }
    DimExpr isInferred = eq(s, -1);
    entries.push_back(entry);
    inferredAt.push_back(isInferred);
    known = known * select(isInferred, 1, entry);
    minusOnes = minusOnes + isInferred;
  }
  if (failed(context.require(le(minusOnes, 1), "expected at most one -1 in the shape")))
    return failure();
  DimExpr total = inputRank < 0 ? DimExpr::unknown() : product(context.getDims(0));
  DimExpr anyInferred = ne(minusOnes, 0);
  if (failed(context.require(logicalOr(logicalNot(anyInferred),
                                       logicalAnd(ne(known, 0), eq(mod(total, known), 0))),
                             "cannot reshape " + total.str() +
                                 " elements into a shape with " + known.str() +
                                 " elements per -1 entry")))
    return failure();
  DimExpr inferred = floorDiv(total, known);
  SmallVector<DimExpr> dims;
  for (size_t i = 0; i < entries.size(); ++i)
    dims.push_back(select(inferredAt[i], inferred, entries[i]));
  if (failed(context.require(logicalOr(anyInferred, eq(product(dims), total)),
                             "cannot reshape " + total.str() + " elements into " +
                                 product(dims).str())))
    return failure();
  context.setResult(0, ShapeResult::of(dims));
  return success();
}

LogicalResult mlir::hone::shapeTranspose(ShapeContext &context) {
  if (unrankedOperand0(context))
    return success();
  ArrayRef<DimExpr> x = context.getDims(0);
  SmallVector<int64_t> perm;
  if (std::optional<SmallVector<int64_t>> given = getIntsAttr(context.getOp(), "perm"))
    perm = *given;
  else
    for (int64_t i = static_cast<int64_t>(x.size()) - 1; i >= 0; --i)
      perm.push_back(i);
  SmallVector<DimExpr> dims;
  for (int64_t p : perm) {
    if (p < 0 || p >= static_cast<int64_t>(x.size()))
      return success(); // the verifier reports a bad permutation
    dims.push_back(x[p]);
  }
  context.setResult(0, ShapeResult::of(dims));
  return success();
}

LogicalResult mlir::hone::shapeFlatten(ShapeContext &context) {
  if (unrankedOperand0(context))
    return success();
  ArrayRef<DimExpr> x = context.getDims(0);
  FailureOr<int64_t> axis = normalizeAxis(context.getOp(), getIntAttr(context.getOp(), "axis", 1),
                                          static_cast<int64_t>(x.size()), /*inclusive=*/true);
  if (failed(axis))
    return failure();
  context.setResult(0, ShapeResult::of({product(x.take_front(*axis)), product(x.drop_front(*axis))}));
  return success();
}

LogicalResult mlir::hone::shapeSqueeze(ShapeContext &context) {
  if (unrankedOperand0(context))
    return success();
  ArrayRef<DimExpr> x = context.getDims(0);
  int64_t rank = static_cast<int64_t>(x.size());
  if (std::optional<int64_t> declared = context.declaredResultRank(0); declared && *declared <= rank)
    if (failed(context.pinLength(1, rank - *declared, "axes (the declared rank)")))
      return failure();
  SmallVector<bool> drop(rank, false);
  if (context.isAbsent(1)) {
    // Every 1 goes; a dim known only at run time might be 1, so the rank
    // is unknown.
    for (int64_t i = 0; i < rank; ++i) {
      if (!x[i].getConstant())
        return success();
      drop[i] = x[i].isConstant(1);
    }
  } else if (std::optional<SmallVector<int64_t>> axes = context.getConstantInts(1)) {
    for (int64_t a : *axes) {
      FailureOr<int64_t> axis = normalizeAxis(context.getOp(), a, rank);
      if (failed(axis))
        return failure();
      if (failed(context.require(eq(x[*axis], 1), "cannot squeeze dim " + Twine(*axis) +
                                                      " of size " + x[*axis].str())))
        return failure();
      drop[*axis] = true;
    }
  } else if (std::optional<SmallVector<DimExpr>> runtimeAxes = context.getIntValues(1)) {
    // Axes known at run time: the squeezed dims (each must be 1) go.
    if (static_cast<int64_t>(runtimeAxes->size()) > rank)
      return context.getOp()->emitOpError() << "expected at most " << rank << " axes";
    FailureOr<SmallVector<DimExpr>> mask = axisMask(context, rank, *runtimeAxes);
    if (failed(mask))
      return failure();
    for (int64_t d = 0; d < rank; ++d)
      if (failed(context.require(logicalOr(logicalNot((*mask)[d]), eq(x[d], 1)),
                                 "cannot squeeze dim " + Twine(d) + " of size " + x[d].str())))
        return failure();
    context.setResult(0, ShapeResult::of(dropMasked(
                             x, *mask, rank - static_cast<int64_t>(runtimeAxes->size()))));
    return success();
  } else {
    return success();
  }
  SmallVector<DimExpr> dims;
  for (int64_t i = 0; i < rank; ++i)
    if (!drop[i])
      dims.push_back(x[i]);
  context.setResult(0, ShapeResult::of(dims));
  return success();
}

LogicalResult mlir::hone::shapeUnsqueeze(ShapeContext &context) {
  if (unrankedOperand0(context))
    return success();
  ArrayRef<DimExpr> x = context.getDims(0);
  if (std::optional<int64_t> rank = context.declaredResultRank(0);
      rank && *rank >= static_cast<int64_t>(x.size()))
    if (failed(context.pinLength(1, *rank - static_cast<int64_t>(x.size()),
                                 "axes (the declared rank)")))
      return failure();
  std::optional<SmallVector<int64_t>> axes = context.getConstantInts(1);
  if (!axes) {
    std::optional<SmallVector<DimExpr>> runtimeAxes = context.getIntValues(1);
    if (!runtimeAxes) {
      if (std::optional<int64_t> count = vectorLength(context, 1))
        context.setResult(0, ShapeResult::ofRank(static_cast<int64_t>(x.size()) + *count));
      return success();
    }
    // Axes known at run time: result dim j is 1 where an axis names it,
    // else the next input dim.
    int64_t rank = static_cast<int64_t>(x.size() + runtimeAxes->size());
    FailureOr<SmallVector<DimExpr>> inserted = axisMask(context, rank, *runtimeAxes);
    if (failed(inserted))
      return failure();
    SmallVector<DimExpr> dims;
    DimExpr insertedBefore(0);
    for (int64_t j = 0; j < rank; ++j) {
      dims.push_back(select((*inserted)[j], 1, pick(x, DimExpr(j) - insertedBefore)));
      insertedBefore = insertedBefore + select((*inserted)[j], 1, 0);
    }
    context.setResult(0, ShapeResult::of(dims));
    return success();
  }
  int64_t rank = static_cast<int64_t>(x.size() + axes->size());
  SmallVector<bool> inserted(rank, false);
  for (int64_t a : *axes) {
    FailureOr<int64_t> axis = normalizeAxis(context.getOp(), a, rank);
    if (failed(axis))
      return failure();
    if (inserted[*axis])
      return context.getOp()->emitOpError() << "axis " << *axis << " appears twice";
    inserted[*axis] = true;
  }
  SmallVector<DimExpr> dims;
  size_t next = 0;
  for (int64_t i = 0; i < rank; ++i)
    dims.push_back(inserted[i] ? DimExpr(1) : x[next++]);
  context.setResult(0, ShapeResult::of(dims));
  return success();
}

LogicalResult mlir::hone::shapeConcat(ShapeContext &context) {
  Operation *op = context.getOp();
  SmallVector<DimExpr> dims;
  int64_t axis = -1;
  for (unsigned i = 0; i < context.getNumOperands(); ++i) {
    if (!context.hasRank(i)) {
      context.setResult(0, ShapeResult::unranked());
      return success();
    }
    ArrayRef<DimExpr> operand = context.getDims(i);
    if (i == 0) {
      FailureOr<int64_t> normalized =
          normalizeAxis(op, getIntAttr(op, "axis", 0), static_cast<int64_t>(operand.size()));
      if (failed(normalized))
        return failure();
      axis = *normalized;
      dims.assign(operand.begin(), operand.end());
      continue;
    }
    if (operand.size() != dims.size())
      return op->emitOpError() << "expected every input of rank " << dims.size()
                               << ", got rank " << operand.size() << " for input " << i;
    for (size_t d = 0; d < dims.size(); ++d) {
      if (static_cast<int64_t>(d) == axis) {
        dims[d] = dims[d] + operand[d];
        continue;
      }
      FailureOr<DimExpr> same = context.requireEqual(
          dims[d], operand[d],
          "input " + Twine(i) + " has " + operand[d].str() + " at dim " + Twine(d) +
              ", expected " + dims[d].str());
      if (failed(same))
        return failure();
      dims[d] = *same;
    }
  }
  context.setResult(0, ShapeResult::of(dims));
  return success();
}

LogicalResult mlir::hone::shapeSplit(ShapeContext &context) {
  if (unrankedOperand0(context))
    return success();
  Operation *op = context.getOp();
  ArrayRef<DimExpr> x = context.getDims(0);
  FailureOr<int64_t> axis =
      normalizeAxis(op, getIntAttr(op, "axis", 0), static_cast<int64_t>(x.size()));
  if (failed(axis))
    return failure();
  unsigned outputs = context.getNumResults();
  SmallVector<DimExpr> sizes;
  if (!context.isAbsent(1)) {
    if (failed(context.pinLength(1, outputs, "split sizes")))
      return failure();
    std::optional<SmallVector<DimExpr>> split = context.getIntValues(1);
    if (!split) {
      sizes = ShapeResult::ofRank(outputs).dims;
    } else {
      if (split->size() != outputs)
        return op->emitOpError() << "expected " << outputs << " split sizes, got "
                                 << split->size();
      if (failed(requireNonNegative(context, *split, "split sizes")))
        return failure();
      DimExpr sum(0);
      for (const DimExpr &size : *split)
        sum = sum + size;
      if (failed(context.require(eq(sum, x[*axis]), "split sizes add up to " + sum.str() +
                                                        ", expected " + x[*axis].str())))
        return failure();
      sizes.assign(split->begin(), split->end());
    }
  } else {
    if (failed(context.require(eq(mod(x[*axis], outputs), 0),
                               "cannot split dim of size " + x[*axis].str() + " evenly into " +
                                   Twine(outputs))))
      return failure();
    sizes.assign(outputs, floorDiv(x[*axis], outputs));
  }
  for (unsigned i = 0; i < outputs; ++i) {
    SmallVector<DimExpr> dims(x);
    dims[*axis] = sizes[i];
    context.setResult(i, ShapeResult::of(dims));
  }
  return success();
}

namespace {

/// One sliced dim of `size`: where the slice starts and how many elements
/// it takes. Forward steps take [start, end) within [0, size]; backward ones
/// (end, start] within [-1, size - 1].
std::pair<DimExpr, DimExpr> resolveSlice(DimExpr start, DimExpr end, const DimExpr &step,
                                         const DimExpr &size) {
  start = select(lt(start, 0), start + size, start);
  end = select(lt(end, 0), end + size, end);
  DimExpr forward = gt(step, 0);
  DimExpr first = select(forward, clamp(start, 0, size), clamp(start, -1, size - 1));
  DimExpr last = select(forward, clamp(end, 0, size), clamp(end, -1, size - 1));
  DimExpr count = select(forward, select(gt(last, first), ceilDiv(last - first, step), 0),
                         select(gt(first, last), ceilDiv(first - last, -step), 0));
  return {first, count};
}

} // namespace

/// Slice. The resolved start and step of every dim are the aux values
/// "begin" and "step" (0 and 1 where a dim is not sliced): the kernel reads
/// input index begin + i * step. Axes known only at run time pick the
/// sliced dims by value.
LogicalResult mlir::hone::shapeSlice(ShapeContext &context) {
  if (unrankedOperand0(context))
    return success();
  ArrayRef<DimExpr> x = context.getDims(0);
  int64_t rank = static_cast<int64_t>(x.size());
  std::optional<SmallVector<DimExpr>> starts = context.getIntValues(1),
                                      ends = context.getIntValues(2), axes, steps;
  if (!context.isAbsent(3))
    axes = context.getIntValues(3);
  if (!context.isAbsent(4))
    steps = context.getIntValues(4);
  SmallVector<DimExpr> dims(x);
  if (!starts || !ends || (!context.isAbsent(3) && !axes) || (!context.isAbsent(4) && !steps)) {
    // Unknown slice parameters: the sliced axes are unknown; without
    // constant axes, every axis might be.
    std::optional<SmallVector<int64_t>> known =
        context.isAbsent(3) ? std::nullopt : context.getConstantInts(3);
    for (size_t d = 0; d < dims.size(); ++d)
      if (!known || llvm::is_contained(*known, static_cast<int64_t>(d)) ||
          llvm::is_contained(*known, static_cast<int64_t>(d) - rank))
        dims[d] = DimExpr::unknown();
    context.setResult(0, ShapeResult::of(dims));
    return success();
  }
  size_t n = starts->size();
  if (ends->size() != n || (axes && axes->size() != n) || (steps && steps->size() != n))
    return context.getOp()->emitOpError()
           << "expected starts, ends, axes and steps of the same length";
  if (!axes) {
    axes.emplace();
    for (size_t i = 0; i < n; ++i)
      axes->push_back(static_cast<int64_t>(i));
  }
  SmallVector<DimExpr> begins(rank, DimExpr(0)), strides(rank, DimExpr(1));
  bool constantAxes = allConstant(*axes);
  SmallVector<DimExpr> normalized;
  if (!constantAxes) {
    if (failed(axisMask(context, rank, *axes))) // range and distinctness checks
      return failure();
    for (const DimExpr &axis : *axes)
      normalized.push_back(select(lt(axis, 0), axis + rank, axis));
  }
  for (size_t i = 0; i < n; ++i) {
    DimExpr step = steps ? (*steps)[i] : DimExpr(1);
    if (failed(context.require(ne(step, 0), "expected non-zero steps")))
      return failure();
    if (constantAxes) {
      FailureOr<int64_t> axis =
          normalizeAxis(context.getOp(), *(*axes)[i].getConstant(), rank);
      if (failed(axis))
        return failure();
      auto [first, count] = resolveSlice((*starts)[i], (*ends)[i], step, x[*axis]);
      dims[*axis] = count;
      begins[*axis] = first;
      strides[*axis] = step;
      continue;
    }
    // Every dim this axis might name takes the slice where it does.
    for (int64_t d = 0; d < rank; ++d) {
      DimExpr names = eq(normalized[i], d);
      auto [first, count] = resolveSlice((*starts)[i], (*ends)[i], step, x[d]);
      dims[d] = select(names, count, dims[d]);
      begins[d] = select(names, first, begins[d]);
      strides[d] = select(names, step, strides[d]);
    }
  }
  context.setAux("begin", begins);
  context.setAux("step", strides);
  context.setResult(0, ShapeResult::of(dims));
  return success();
}

LogicalResult mlir::hone::shapeGather(ShapeContext &context) {
  if (!context.hasRank(0) || !context.hasRank(1)) {
    context.setResult(0, ShapeResult::unranked());
    return success();
  }
  ArrayRef<DimExpr> data = context.getDims(0), indices = context.getDims(1);
  FailureOr<int64_t> axis = normalizeAxis(context.getOp(), getIntAttr(context.getOp(), "axis", 0),
                                          static_cast<int64_t>(data.size()));
  if (failed(axis))
    return failure();
  SmallVector<DimExpr> dims(data.begin(), data.begin() + *axis);
  dims.append(indices.begin(), indices.end());
  dims.append(data.begin() + *axis + 1, data.end());
  context.setResult(0, ShapeResult::of(dims));
  return success();
}

LogicalResult mlir::hone::shapeSameAsOperand1(ShapeContext &context) {
  context.setAllResults(context.hasRank(1) ? ShapeResult::of(context.getDims(1))
                                           : ShapeResult::unranked());
  return success();
}

LogicalResult mlir::hone::shapeGatherND(ShapeContext &context) {
  if (!context.hasRank(0) || !context.hasRank(1)) {
    context.setResult(0, ShapeResult::unranked());
    return success();
  }
  ArrayRef<DimExpr> data = context.getDims(0), indices = context.getDims(1);
  int64_t batch = getIntAttr(context.getOp(), "batch_dims", 0);
  if (indices.empty() || !indices.back().getConstant())
    return success();
  int64_t last = *indices.back().getConstant();
  if (batch < 0 || batch + last > static_cast<int64_t>(data.size()))
    return context.getOp()->emitOpError() << "indices address " << batch + last
                                          << " dims of data of rank " << data.size();
  SmallVector<DimExpr> dims(indices.begin(), indices.end() - 1);
  dims.append(data.begin() + batch + last, data.end());
  context.setResult(0, ShapeResult::of(dims));
  return success();
}

/// Expand broadcasts the input against the shape operand's values.
LogicalResult mlir::hone::shapeExpand(ShapeContext &context) {
  // A declared rank above the input's is the shape's length.
  if (std::optional<int64_t> rank = context.declaredResultRank(0);
      rank && context.hasRank(0) && *rank > context.getRank(0))
    if (failed(context.pinLength(1, *rank, "dims (the declared rank)")))
      return failure();
  std::optional<SmallVector<DimExpr>> shape = context.getIntValues(1);
  if (!shape || !context.hasRank(0)) {
    if (std::optional<int64_t> rank = vectorLength(context, 1); rank && context.hasRank(0))
      context.setResult(0, ShapeResult::ofRank(std::max(*rank, context.getRank(0))));
    return success();
  }
  if (failed(requireNonNegative(context, *shape, "dims")))
    return failure();
  ArrayRef<DimExpr> x = context.getDims(0);
  size_t rank = std::max(x.size(), shape->size());
  SmallVector<DimExpr> dims;
  for (size_t i = 0; i < rank; ++i) {
    DimExpr a = i < rank - x.size() ? DimExpr(1) : x[i - (rank - x.size())];
    DimExpr b = i < rank - shape->size() ? DimExpr(1) : (*shape)[i - (rank - shape->size())];
    if (a.getConstant() && b.getConstant() && !a.isConstant(1) && !b.isConstant(1) && a != b)
      return context.getOp()->emitOpError() << "cannot expand dim of size " << a.str() << " to " << b.str();
    FailureOr<DimExpr> d = broadcastDim(context, a, b, "dim " + Twine(i));
    if (failed(d))
      return failure();
    dims.push_back(*d);
  }
  context.setResult(0, ShapeResult::of(dims));
  return success();
}

LogicalResult mlir::hone::shapeTile(ShapeContext &context) {
  if (unrankedOperand0(context))
    return success();
  ArrayRef<DimExpr> x = context.getDims(0);
  if (failed(context.pinLength(1, static_cast<int64_t>(x.size()), "repeats")))
    return failure();
  std::optional<SmallVector<DimExpr>> repeats = context.getIntValues(1);
  if (!repeats) {
    context.setResult(0, ShapeResult::ofRank(static_cast<int64_t>(x.size())));
    return success();
  }
  if (repeats->size() != x.size())
    return context.getOp()->emitOpError()
           << "expected " << x.size() << " repeats, got " << repeats->size();
  if (failed(requireNonNegative(context, *repeats, "repeats")))
    return failure();
  SmallVector<DimExpr> dims;
  for (size_t i = 0; i < x.size(); ++i)
    dims.push_back(x[i] * (*repeats)[i]);
  context.setResult(0, ShapeResult::of(dims));
  return success();
}

LogicalResult mlir::hone::shapePad(ShapeContext &context) {
  if (unrankedOperand0(context))
    return success();
  ArrayRef<DimExpr> x = context.getDims(0);
  if (failed(context.pinLength(1, 2 * static_cast<int64_t>(x.size()), "pads")))
    return failure();
  std::optional<SmallVector<DimExpr>> pads = context.getIntValues(1);
  if (!pads) {
    context.setResult(0, ShapeResult::ofRank(static_cast<int64_t>(x.size())));
    return success();
  }
  if (pads->size() != 2 * x.size())
    return context.getOp()->emitOpError()
           << "expected " << 2 * x.size() << " pads, got " << pads->size();
  SmallVector<DimExpr> dims;
  for (size_t i = 0; i < x.size(); ++i)
    dims.push_back(x[i] + (*pads)[i] + (*pads)[i + x.size()]);
  if (failed(requireNonNegative(context, dims, "padded dims")))
    return failure();
  // Edge and reflect read the input's elements to fill the pads.
  if (getStrAttr(context.getOp(), "mode", "constant") != "constant")
    for (size_t i = 0; i < x.size(); ++i)
      if (failed(context.require(logicalOr(gt(x[i], 0), eq(dims[i], 0)),
                                 "cannot pad an empty dim " + Twine(i) + " by its edge")))
        return failure();
  context.setResult(0, ShapeResult::of(dims));
  return success();
}

LogicalResult mlir::hone::shapeShape(ShapeContext &context) {
  if (!context.hasRank(0)) {
    context.setResult(0, ShapeResult::ofRank(1));
    return success();
  }
  auto [start, end] = shapeOpRange(context.getOp(), context.getRank(0));
  context.setResult(0, ShapeResult::of({DimExpr(std::max<int64_t>(0, end - start))}));
  return success();
}

LogicalResult mlir::hone::shapeScalar(ShapeContext &context) {
  context.setAllResults(ShapeResult::of({}));
  return success();
}

LogicalResult mlir::hone::shapeFromShapeOperand(ShapeContext &context) {
  if (std::optional<int64_t> rank = context.declaredResultRank(0))
    if (failed(context.pinLength(0, *rank, "dims (the declared rank)")))
      return failure();
  if (std::optional<SmallVector<DimExpr>> shape = context.getIntValues(0)) {
    if (failed(requireNonNegative(context, *shape, "dims")))
      return failure();
    context.setResult(0, ShapeResult::of(*shape));
  } else if (std::optional<int64_t> rank = vectorLength(context, 0)) {
    context.setResult(0, ShapeResult::ofRank(*rank));
  }
  return success();
}

/// Range: max(0, ceil((limit - start) / delta)) elements; integer ranges
/// divide exactly.
LogicalResult mlir::hone::shapeRange(ShapeContext &context) {
  auto scalar = [&](unsigned i, bool asFloat) -> DimExpr {
    std::optional<SmallVector<DimExpr>> values =
        asFloat ? context.getFloatValues(i) : context.getIntValues(i);
    return values && values->size() == 1 ? (*values)[0] : DimExpr();
  };
  DimExpr start = scalar(0, false), limit = scalar(1, false), delta = scalar(2, false);
  DimExpr count;
  if (start.isValid() && limit.isValid() && delta.isValid()) {
    if (failed(context.require(ne(delta, 0), "expected a non-zero delta")))
      return failure();
    count = ceilDiv(limit - start, delta);
  } else {
    start = scalar(0, true), limit = scalar(1, true), delta = scalar(2, true);
    if (!start.isValid() || !limit.isValid() || !delta.isValid()) {
      context.setResult(0, ShapeResult::ofRank(1));
      return success();
    }
    if (failed(context.require(ne(delta, 0), "expected a non-zero delta")))
      return failure();
    count = ceilToInt(fdiv(limit - start, delta));
  }
  context.setResult(0, ShapeResult::of({max(count, 0)}));
  return success();
}

LogicalResult mlir::hone::shapeDepthToSpace(ShapeContext &context) {
  if (unrankedOperand0(context))
    return success();
  ArrayRef<DimExpr> x = context.getDims(0);
  int64_t block = getIntAttr(context.getOp(), "blocksize", 1);
  if (x.size() != 4 || block < 1)
    return context.getOp()->emitOpError() << "expected a 4-D input and blocksize >= 1";
  bool toSpace = context.getOp()->getName().getStringRef() == "hone.depth_to_space";
  if (toSpace) {
    if (failed(context.require(eq(mod(x[1], block * block), 0),
                               "expected channels divisible by blocksize^2, got " + x[1].str())))
      return failure();
    context.setResult(0, ShapeResult::of({x[0], floorDiv(x[1], block * block), x[2] * block,
                                          x[3] * block}));
    return success();
  }
  if (failed(context.require(logicalAnd(eq(mod(x[2], block), 0), eq(mod(x[3], block), 0)),
                             "expected spatial dims divisible by blocksize")))
    return failure();
  context.setResult(0, ShapeResult::of({x[0], x[1] * (block * block), floorDiv(x[2], block),
                                        floorDiv(x[3], block)}));
  return success();
}

LogicalResult mlir::hone::shapeOneHot(ShapeContext &context) {
  if (!context.hasRank(0))
    return success();
  ArrayRef<DimExpr> indices = context.getDims(0);
  int64_t rank = static_cast<int64_t>(indices.size()) + 1;
  FailureOr<int64_t> axis =
      normalizeAxis(context.getOp(), getIntAttr(context.getOp(), "axis", -1), rank);
  if (failed(axis))
    return failure();
  DimExpr depth = DimExpr::unknown();
  if (std::optional<SmallVector<DimExpr>> ints = context.getIntValues(1); ints && ints->size() == 1)
    depth = (*ints)[0];
  else if (std::optional<SmallVector<DimExpr>> floats = context.getFloatValues(1);
           floats && floats->size() == 1)
    depth = floorToInt((*floats)[0]);
  if (failed(context.require(ge(depth, 1), "expected depth >= 1, got " + depth.str())))
    return failure();
  SmallVector<DimExpr> dims(indices);
  dims.insert(dims.begin() + *axis, depth);
  context.setResult(0, ShapeResult::of(dims));
  return success();
}

LogicalResult mlir::hone::shapeNonZero(ShapeContext &context) {
  // The count of non-zeros is known only after execution; at most every
  // element.
  if (!context.hasRank(0)) {
    context.setResult(0, ShapeResult::ofRank(2));
    return success();
  }
  // A scalar is seen as a one-element vector, as numpy does.
  DimExpr count = DimExpr::resultDim(0, 1, product(context.getDims(0)));
  context.setResult(0, ShapeResult::of({DimExpr(std::max<int64_t>(1, context.getRank(0))), count}));
  return success();
}

LogicalResult mlir::hone::shapeCompress(ShapeContext &context) {
  if (unrankedOperand0(context))
    return success();
  ArrayRef<DimExpr> x = context.getDims(0);
  // The count of selected slices is known after execution; at most every
  // slice (or element, without an axis).
  if (auto attr = context.getOp()->getAttrOfType<IntegerAttr>("axis")) {
    FailureOr<int64_t> normalized =
        normalizeAxis(context.getOp(), attr.getInt(), static_cast<int64_t>(x.size()));
    if (failed(normalized))
      return failure();
    SmallVector<DimExpr> dims(x);
    dims[*normalized] = DimExpr::resultDim(0, *normalized, x[*normalized]);
    context.setResult(0, ShapeResult::of(dims));
    return success();
  }
  context.setResult(0, ShapeResult::of({DimExpr::resultDim(0, 0, product(x))}));
  return success();
}

LogicalResult mlir::hone::shapeUnique(ShapeContext &context) {
  // The unique count is known after execution: Y has it along the axis (or
  // flat), indices and counts have it; inverse_indices has one entry per
  // slice (or element).
  if (!context.hasRank(0)) {
    context.setAllResults(ShapeResult::ofRank(1));
    return success();
  }
  ArrayRef<DimExpr> x = context.getDims(0);
  SmallVector<DimExpr> y;
  DimExpr slices, unique;
  if (auto attr = context.getOp()->getAttrOfType<IntegerAttr>("axis")) {
    FailureOr<int64_t> axis =
        normalizeAxis(context.getOp(), attr.getInt(), static_cast<int64_t>(x.size()));
    if (failed(axis))
      return failure();
    slices = x[*axis];
    unique = DimExpr::resultDim(0, *axis, slices);
    y.assign(x.begin(), x.end());
    y[*axis] = unique;
  } else {
    slices = product(x);
    unique = DimExpr::resultDim(0, 0, slices);
    y.push_back(unique);
  }
  context.setResult(0, ShapeResult::of(y));
  for (unsigned i = 1; i < context.getNumResults(); ++i)
    context.setResult(i, ShapeResult::of({i == 2 ? slices : unique}));
  return success();
}

/// Resize: the sizes, or floor(dim * scale).
LogicalResult mlir::hone::shapeResize(ShapeContext &context) {
  if (unrankedOperand0(context))
    return success();
  ArrayRef<DimExpr> x = context.getDims(0);
  SmallVector<DimExpr> dims = ShapeResult::ofRank(x.size()).dims;
  // An empty `sizes` (a placeholder before scales) counts as absent.
  bool emptySizes = false;
  if (auto type = context.isAbsent(3) ? nullptr
                                      : dyn_cast<RankedTensorType>(context.getOp()->getOperand(3).getType()))
    emptySizes = type.hasStaticShape() && type.getNumElements() == 0;
  int64_t rank = static_cast<int64_t>(x.size());
  if (!context.isAbsent(3) && !emptySizes) {
    if (failed(context.pinLength(3, rank, "sizes")))
      return failure();
    if (std::optional<SmallVector<DimExpr>> sizes = context.getIntValues(3)) {
      if (sizes->size() != x.size())
        return context.getOp()->emitOpError()
               << "expected " << x.size() << " sizes, got " << sizes->size();
      if (failed(requireNonNegative(context, *sizes, "sizes")))
        return failure();
      dims.assign(sizes->begin(), sizes->end());
    }
  } else if (failed(context.pinLength(2, rank, "scales"))) {
    return failure();
  } else if (std::optional<SmallVector<DimExpr>> scales = context.getFloatValues(2)) {
    if (scales->size() != x.size())
      return context.getOp()->emitOpError()
             << "expected " << x.size() << " scales, got " << scales->size();
    for (size_t i = 0; i < x.size(); ++i) {
      if (failed(context.require(gt((*scales)[i], DimExpr::floatConstant(0)),
                                 "expected positive scales, got " + (*scales)[i].str())))
        return failure();
      dims[i] = floorToInt(toFloat(x[i]) * (*scales)[i]);
    }
  }
  context.setResult(0, ShapeResult::of(dims));
  return success();
}
