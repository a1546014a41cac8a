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

using namespace mlir;
using namespace mlir::hone;

namespace {

constexpr int64_t kDynamic = ShapedType::kDynamic;

/// `axis` in [-rank, rank) (or [-rank, rank] with `inclusive`) made
/// non-negative; emits an error otherwise.
FailureOr<int64_t> normalizeAxis(Operation *op, int64_t axis, int64_t rank,
                                 bool inclusive = false) {
  int64_t upper = inclusive ? rank : rank - 1;
  if (axis < -rank || axis > upper)
    return op->emitOpError() << "expected axis in [" << -rank << ", " << upper << "], got "
                             << axis,
           failure();
  return axis < 0 ? axis + rank : axis;
}

int64_t mulDims(int64_t a, int64_t b) {
  return ShapedType::isDynamic(a) || ShapedType::isDynamic(b) ? kDynamic : a * b;
}

/// A 1-D operand's length, when static.
std::optional<int64_t> vectorLength(ShapeContext &context, unsigned i) {
  if (!context.hasRank(i) || context.getRank(i) != 1 ||
      ShapedType::isDynamic(context.getDims(i)[0]))
    return std::nullopt;
  return context.getDims(i)[0];
}

bool unrankedOperand0(ShapeContext &context) {
  if (context.hasRank(0))
    return false;
  context.setAllResults(InferredShape::unranked());
  return true;
}

} // namespace

LogicalResult mlir::hone::shapeReshape(ShapeContext &context) {
  Operation *op = context.getOp();
  std::optional<SmallVector<int64_t>> shape = context.getIntValues(1);
  if (!shape) {
    if (std::optional<int64_t> rank = vectorLength(context, 1))
      context.setResult(0, InferredShape::ofRank(*rank));
    return success();
  }
  bool allowZero = getIntAttr(op, "allowzero", 0) != 0;
  SmallVector<int64_t> dims;
  int64_t inferred = -1, known = 1;
  for (size_t i = 0; i < shape->size(); ++i) {
    int64_t d = (*shape)[i];
    if (d == 0 && !allowZero) {
      if (!context.hasRank(0) || static_cast<int64_t>(i) >= context.getRank(0)) {
        if (context.hasRank(0))
          return op->emitOpError() << "shape dim " << i << " copies an input dim that does not exist";
        d = kDynamic;
      } else {
        d = context.getDims(0)[i];
      }
    } else if (d == -1) {
      if (inferred >= 0)
        return op->emitOpError() << "expected at most one -1 in the shape";
      inferred = static_cast<int64_t>(i);
    } else if (d < -1) {
      return op->emitOpError() << "expected shape dims >= -1, got " << d;
    }
    dims.push_back(d);
    if (static_cast<int64_t>(i) != inferred)
      known = mulDims(known, d);
  }
  if (inferred >= 0) {
    dims[inferred] = kDynamic;
    if (context.hasRank(0) && !ShapedType::isDynamic(known)) {
      int64_t total = 1;
      for (int64_t d : context.getDims(0))
        total = mulDims(total, d);
      if (!ShapedType::isDynamic(total)) {
        if (known == 0 || total % known != 0)
          return op->emitOpError() << "cannot reshape " << total << " elements into a shape with "
                                   << known << " elements per -1 entry";
        dims[inferred] = total / known;
      }
    }
  }
  context.setResult(0, InferredShape::of(dims));
  return success();
}

LogicalResult mlir::hone::shapeTranspose(ShapeContext &context) {
  if (unrankedOperand0(context))
    return success();
  ArrayRef<int64_t> x = context.getDims(0);
  SmallVector<int64_t> perm;
  if (std::optional<SmallVector<int64_t>> given = getIntsAttr(context.getOp(), "perm"))
    perm = *given;
  else
    for (int64_t i = static_cast<int64_t>(x.size()) - 1; i >= 0; --i)
      perm.push_back(i);
  SmallVector<int64_t> dims;
  for (int64_t p : perm) {
    if (p < 0 || p >= static_cast<int64_t>(x.size()))
      return success(); // the verifier reports a bad permutation
    dims.push_back(x[p]);
  }
  context.setResult(0, InferredShape::of(dims));
  return success();
}

LogicalResult mlir::hone::shapeFlatten(ShapeContext &context) {
  if (unrankedOperand0(context))
    return success();
  ArrayRef<int64_t> x = context.getDims(0);
  FailureOr<int64_t> axis = normalizeAxis(context.getOp(), getIntAttr(context.getOp(), "axis", 1),
                                          static_cast<int64_t>(x.size()), /*inclusive=*/true);
  if (failed(axis))
    return failure();
  int64_t outer = 1, inner = 1;
  for (int64_t i = 0; i < static_cast<int64_t>(x.size()); ++i)
    (i < *axis ? outer : inner) = mulDims(i < *axis ? outer : inner, x[i]);
  context.setResult(0, InferredShape::of({outer, inner}));
  return success();
}

LogicalResult mlir::hone::shapeSqueeze(ShapeContext &context) {
  if (unrankedOperand0(context))
    return success();
  ArrayRef<int64_t> x = context.getDims(0);
  int64_t rank = static_cast<int64_t>(x.size());
  SmallVector<bool> drop(rank, false);
  if (context.isAbsent(1)) {
    // Every static 1 goes; a dynamic dim might be 1, so the rank is unknown.
    for (int64_t i = 0; i < rank; ++i) {
      if (ShapedType::isDynamic(x[i]))
        return success();
      drop[i] = x[i] == 1;
    }
  } else {
    std::optional<SmallVector<int64_t>> axes = context.getIntValues(1);
    if (!axes)
      return success();
    for (int64_t a : *axes) {
      FailureOr<int64_t> axis = normalizeAxis(context.getOp(), a, rank);
      if (failed(axis))
        return failure();
      if (!ShapedType::isDynamic(x[*axis]) && x[*axis] != 1)
        return context.getOp()->emitOpError()
               << "cannot squeeze dim " << *axis << " of size " << x[*axis];
      drop[*axis] = true;
    }
  }
  SmallVector<int64_t> dims;
  for (int64_t i = 0; i < rank; ++i)
    if (!drop[i])
      dims.push_back(x[i]);
  context.setResult(0, InferredShape::of(dims));
  return success();
}

LogicalResult mlir::hone::shapeUnsqueeze(ShapeContext &context) {
  if (unrankedOperand0(context))
    return success();
  ArrayRef<int64_t> x = context.getDims(0);
  std::optional<SmallVector<int64_t>> axes = context.getIntValues(1);
  if (!axes) {
    if (std::optional<int64_t> count = vectorLength(context, 1))
      context.setResult(0, InferredShape::ofRank(static_cast<int64_t>(x.size()) + *count));
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
  SmallVector<int64_t> dims;
  size_t next = 0;
  for (int64_t i = 0; i < rank; ++i)
    dims.push_back(inserted[i] ? 1 : x[next++]);
  context.setResult(0, InferredShape::of(dims));
  return success();
}

LogicalResult mlir::hone::shapeConcat(ShapeContext &context) {
  Operation *op = context.getOp();
  SmallVector<int64_t> dims;
  int64_t axis = -1;
  for (unsigned i = 0; i < context.getNumOperands(); ++i) {
    if (!context.hasRank(i)) {
      context.setResult(0, InferredShape::unranked());
      return success();
    }
    ArrayRef<int64_t> operand = context.getDims(i);
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
        dims[d] = ShapedType::isDynamic(dims[d]) || ShapedType::isDynamic(operand[d])
                      ? kDynamic
                      : dims[d] + operand[d];
      } else if (ShapedType::isDynamic(dims[d])) {
        dims[d] = operand[d];
      } else if (!ShapedType::isDynamic(operand[d]) && operand[d] != dims[d]) {
        return op->emitOpError() << "input " << i << " has " << operand[d] << " at dim " << d
                                 << ", expected " << dims[d];
      }
    }
  }
  context.setResult(0, InferredShape::of(dims));
  return success();
}

LogicalResult mlir::hone::shapeSplit(ShapeContext &context) {
  if (unrankedOperand0(context))
    return success();
  Operation *op = context.getOp();
  ArrayRef<int64_t> x = context.getDims(0);
  FailureOr<int64_t> axis =
      normalizeAxis(op, getIntAttr(op, "axis", 0), static_cast<int64_t>(x.size()));
  if (failed(axis))
    return failure();
  unsigned outputs = context.getNumResults();
  SmallVector<int64_t> sizes(outputs, kDynamic);
  if (!context.isAbsent(1)) {
    if (std::optional<SmallVector<int64_t>> split = context.getIntValues(1)) {
      if (split->size() != outputs)
        return op->emitOpError() << "expected " << outputs << " split sizes, got "
                                 << split->size();
      sizes.assign(split->begin(), split->end());
    }
  } else if (!ShapedType::isDynamic(x[*axis])) {
    if (x[*axis] % outputs != 0)
      return op->emitOpError() << "cannot split dim of size " << x[*axis] << " evenly into "
                               << outputs;
    sizes.assign(outputs, x[*axis] / outputs);
  }
  for (unsigned i = 0; i < outputs; ++i) {
    SmallVector<int64_t> dims(x);
    dims[*axis] = sizes[i];
    context.setResult(i, InferredShape::of(dims));
  }
  return success();
}

LogicalResult mlir::hone::shapeSlice(ShapeContext &context) {
  if (unrankedOperand0(context))
    return success();
  ArrayRef<int64_t> x = context.getDims(0);
  int64_t rank = static_cast<int64_t>(x.size());
  std::optional<SmallVector<int64_t>> starts = context.getIntValues(1),
                                      ends = context.getIntValues(2);
  std::optional<SmallVector<int64_t>> axes, steps;
  if (!context.isAbsent(3))
    axes = context.getIntValues(3);
  if (!context.isAbsent(4))
    steps = context.getIntValues(4);
  SmallVector<int64_t> dims(x);
  if (!starts || !ends || (!context.isAbsent(3) && !axes) || (!context.isAbsent(4) && !steps)) {
    // Unknown slice parameters: the sliced axes are unknown; without axes,
    // every axis might be.
    std::fill(dims.begin(), dims.end(), kDynamic);
    if (axes)
      for (size_t d = 0; d < dims.size(); ++d)
        if (!llvm::is_contained(*axes, static_cast<int64_t>(d)) &&
            !llvm::is_contained(*axes, static_cast<int64_t>(d) - rank))
          dims[d] = x[d];
    context.setResult(0, InferredShape::of(dims));
    return success();
  }
  size_t n = starts->size();
  if (ends->size() != n || (axes && axes->size() != n) || (steps && steps->size() != n))
    return context.getOp()->emitOpError()
           << "expected starts, ends, axes and steps of the same length";
  for (size_t i = 0; i < n; ++i) {
    FailureOr<int64_t> axis =
        normalizeAxis(context.getOp(), axes ? (*axes)[i] : static_cast<int64_t>(i), rank);
    if (failed(axis))
      return failure();
    int64_t step = steps ? (*steps)[i] : 1;
    if (step == 0)
      return context.getOp()->emitOpError() << "expected non-zero steps";
    int64_t size = x[*axis];
    if (ShapedType::isDynamic(size)) {
      dims[*axis] = kDynamic;
      continue;
    }
    auto clamp = [&](int64_t v, int64_t lo, int64_t hi) { return std::max(lo, std::min(hi, v)); };
    int64_t start = (*starts)[i], end = (*ends)[i];
    if (start < 0)
      start += size;
    if (end < 0)
      end += size;
    if (step > 0) {
      start = clamp(start, 0, size);
      end = clamp(end, 0, size);
      dims[*axis] = end > start ? (end - start + step - 1) / step : 0;
    } else {
      start = clamp(start, 0, size - 1);
      end = clamp(end, -1, size - 1);
      dims[*axis] = start > end ? (start - end - step - 1) / -step : 0;
    }
  }
  context.setResult(0, InferredShape::of(dims));
  return success();
}

LogicalResult mlir::hone::shapeGather(ShapeContext &context) {
  if (!context.hasRank(0) || !context.hasRank(1)) {
    context.setResult(0, InferredShape::unranked());
    return success();
  }
  ArrayRef<int64_t> data = context.getDims(0), indices = context.getDims(1);
  FailureOr<int64_t> axis = normalizeAxis(context.getOp(), getIntAttr(context.getOp(), "axis", 0),
                                          static_cast<int64_t>(data.size()));
  if (failed(axis))
    return failure();
  SmallVector<int64_t> dims(data.begin(), data.begin() + *axis);
  dims.append(indices.begin(), indices.end());
  dims.append(data.begin() + *axis + 1, data.end());
  context.setResult(0, InferredShape::of(dims));
  return success();
}

LogicalResult mlir::hone::shapeSameAsOperand1(ShapeContext &context) {
  context.setAllResults(context.hasRank(1) ? InferredShape::of(context.getDims(1))
                                           : InferredShape::unranked());
  return success();
}

LogicalResult mlir::hone::shapeGatherND(ShapeContext &context) {
  if (!context.hasRank(0) || !context.hasRank(1)) {
    context.setResult(0, InferredShape::unranked());
    return success();
  }
  ArrayRef<int64_t> data = context.getDims(0), indices = context.getDims(1);
  int64_t batch = getIntAttr(context.getOp(), "batch_dims", 0);
  if (indices.empty() || ShapedType::isDynamic(indices.back())) {
    return success();
  }
  int64_t last = indices.back();
  if (batch < 0 || batch + last > static_cast<int64_t>(data.size()))
    return context.getOp()->emitOpError() << "indices address " << batch + last
                                          << " dims of data of rank " << data.size();
  SmallVector<int64_t> dims(indices.begin(), indices.end() - 1);
  dims.append(data.begin() + batch + last, data.end());
  context.setResult(0, InferredShape::of(dims));
  return success();
}

/// Expand broadcasts the input against the shape operand's values.
LogicalResult mlir::hone::shapeExpand(ShapeContext &context) {
  std::optional<SmallVector<int64_t>> shape = context.getIntValues(1);
  if (!shape || !context.hasRank(0)) {
    if (std::optional<int64_t> rank = vectorLength(context, 1); rank && context.hasRank(0))
      context.setResult(0, InferredShape::ofRank(std::max(*rank, context.getRank(0))));
    return success();
  }
  ArrayRef<int64_t> x = context.getDims(0);
  size_t rank = std::max(x.size(), shape->size());
  SmallVector<int64_t> dims(rank);
  for (size_t i = 0; i < rank; ++i) {
    int64_t a = i < rank - x.size() ? 1 : x[i - (rank - x.size())];
    int64_t b = i < rank - shape->size() ? 1 : (*shape)[i - (rank - shape->size())];
    if (a == 1 || a == b)
      dims[i] = b;
    else if (b == 1)
      dims[i] = a;
    else if (ShapedType::isDynamic(a))
      dims[i] = b;
    else
      return context.getOp()->emitOpError()
             << "cannot expand dim of size " << a << " to " << b;
  }
  context.setResult(0, InferredShape::of(dims));
  return success();
}

LogicalResult mlir::hone::shapeTile(ShapeContext &context) {
  if (unrankedOperand0(context))
    return success();
  ArrayRef<int64_t> x = context.getDims(0);
  std::optional<SmallVector<int64_t>> repeats = context.getIntValues(1);
  if (!repeats) {
    context.setResult(0, InferredShape::ofRank(static_cast<int64_t>(x.size())));
    return success();
  }
  if (repeats->size() != x.size())
    return context.getOp()->emitOpError()
           << "expected " << x.size() << " repeats, got " << repeats->size();
  SmallVector<int64_t> dims;
  for (size_t i = 0; i < x.size(); ++i)
    dims.push_back(mulDims(x[i], (*repeats)[i]));
  context.setResult(0, InferredShape::of(dims));
  return success();
}

LogicalResult mlir::hone::shapePad(ShapeContext &context) {
  if (unrankedOperand0(context))
    return success();
  ArrayRef<int64_t> x = context.getDims(0);
  std::optional<SmallVector<int64_t>> pads = context.getIntValues(1);
  if (!pads) {
    context.setResult(0, InferredShape::ofRank(static_cast<int64_t>(x.size())));
    return success();
  }
  if (pads->size() != 2 * x.size())
    return context.getOp()->emitOpError()
           << "expected " << 2 * x.size() << " pads, got " << pads->size();
  SmallVector<int64_t> dims;
  for (size_t i = 0; i < x.size(); ++i)
    dims.push_back(ShapedType::isDynamic(x[i]) ? kDynamic
                                               : x[i] + (*pads)[i] + (*pads)[i + x.size()]);
  context.setResult(0, InferredShape::of(dims));
  return success();
}

LogicalResult mlir::hone::shapeShape(ShapeContext &context) {
  if (!context.hasRank(0)) {
    context.setResult(0, InferredShape::ofRank(1));
    return success();
  }
  int64_t rank = context.getRank(0);
  auto clamp = [&](int64_t v) { return std::max<int64_t>(0, std::min(rank, v < 0 ? v + rank : v)); };
  int64_t start = clamp(getIntAttr(context.getOp(), "start", 0));
  int64_t end = clamp(getIntAttr(context.getOp(), "end", rank));
  context.setResult(0, InferredShape::of({std::max<int64_t>(0, end - start)}));
  return success();
}

LogicalResult mlir::hone::shapeScalar(ShapeContext &context) {
  context.setAllResults(InferredShape::of({}));
  return success();
}

LogicalResult mlir::hone::shapeFromShapeOperand(ShapeContext &context) {
  if (std::optional<SmallVector<int64_t>> shape = context.getIntValues(0)) {
    for (int64_t d : *shape)
      if (d < 0)
        return context.getOp()->emitOpError() << "expected non-negative dims, got " << d;
    context.setResult(0, InferredShape::of(*shape));
  } else if (std::optional<int64_t> rank = vectorLength(context, 0)) {
    context.setResult(0, InferredShape::ofRank(*rank));
  }
  return success();
}

LogicalResult mlir::hone::shapeRange(ShapeContext &context) {
  std::optional<SmallVector<double>> start = context.getFloatValues(0),
                                     limit = context.getFloatValues(1),
                                     delta = context.getFloatValues(2);
  auto asDoubles = [&](unsigned i, std::optional<SmallVector<double>> &out) {
    if (out)
      return;
    if (std::optional<SmallVector<int64_t>> ints = context.getIntValues(i))
      out = SmallVector<double>(ints->begin(), ints->end());
  };
  asDoubles(0, start);
  asDoubles(1, limit);
  asDoubles(2, delta);
  if (start && limit && delta && start->size() == 1 && limit->size() == 1 && delta->size() == 1) {
    if ((*delta)[0] == 0)
      return context.getOp()->emitOpError() << "expected a non-zero delta";
    double count = std::ceil(((*limit)[0] - (*start)[0]) / (*delta)[0]);
    context.setResult(0, InferredShape::of({std::max<int64_t>(0, static_cast<int64_t>(count))}));
  } else {
    context.setResult(0, InferredShape::ofRank(1));
  }
  return success();
}

LogicalResult mlir::hone::shapeDepthToSpace(ShapeContext &context) {
  if (unrankedOperand0(context))
    return success();
  ArrayRef<int64_t> x = context.getDims(0);
  int64_t block = getIntAttr(context.getOp(), "blocksize", 1);
  if (x.size() != 4 || block < 1)
    return context.getOp()->emitOpError() << "expected a 4-D input and blocksize >= 1";
  bool toSpace = context.getOp()->getName().getStringRef() == "hone.depth_to_space";
  auto scale = [&](int64_t d, bool up) {
    if (ShapedType::isDynamic(d))
      return kDynamic;
    return up ? d * block : d / block;
  };
  int64_t channels = ShapedType::isDynamic(x[1]) ? kDynamic
                     : toSpace                   ? x[1] / (block * block)
                                                 : x[1] * block * block;
  context.setResult(0, InferredShape::of({x[0], channels, scale(x[2], toSpace),
                                          scale(x[3], toSpace)}));
  return success();
}

LogicalResult mlir::hone::shapeOneHot(ShapeContext &context) {
  if (!context.hasRank(0))
    return success();
  ArrayRef<int64_t> indices = context.getDims(0);
  int64_t rank = static_cast<int64_t>(indices.size()) + 1;
  FailureOr<int64_t> axis =
      normalizeAxis(context.getOp(), getIntAttr(context.getOp(), "axis", -1), rank);
  if (failed(axis))
    return failure();
  int64_t depth = kDynamic;
  if (std::optional<SmallVector<int64_t>> ints = context.getIntValues(1); ints && ints->size() == 1)
    depth = (*ints)[0];
  else if (std::optional<SmallVector<double>> floats = context.getFloatValues(1);
           floats && floats->size() == 1)
    depth = static_cast<int64_t>((*floats)[0]);
  SmallVector<int64_t> dims(indices);
  dims.insert(dims.begin() + *axis, depth);
  context.setResult(0, InferredShape::of(dims));
  return success();
}

LogicalResult mlir::hone::shapeNonZero(ShapeContext &context) {
  // The count of non-zeros is known only after execution.
  int64_t rank = context.hasRank(0) ? context.getRank(0) : kDynamic;
  context.setResult(0, InferredShape::of({rank, kDynamic}));
  return success();
}

LogicalResult mlir::hone::shapeCompress(ShapeContext &context) {
  if (unrankedOperand0(context))
    return success();
  ArrayRef<int64_t> x = context.getDims(0);
  if (auto attr = context.getOp()->getAttrOfType<IntegerAttr>("axis")) {
    FailureOr<int64_t> normalized =
        normalizeAxis(context.getOp(), attr.getInt(), static_cast<int64_t>(x.size()));
    if (failed(normalized))
      return failure();
    SmallVector<int64_t> dims(x);
    dims[*normalized] = kDynamic;
    context.setResult(0, InferredShape::of(dims));
    return success();
  }
  context.setResult(0, InferredShape::ofRank(1));
  return success();
}

LogicalResult mlir::hone::shapeUnique(ShapeContext &context) {
  // Y's unique count is known after execution; the other outputs are 1-D.
  context.setAllResults(InferredShape::ofRank(1));
  if (auto attr = context.getOp()->getAttrOfType<IntegerAttr>("axis"); attr && context.hasRank(0)) {
    ArrayRef<int64_t> x = context.getDims(0);
    FailureOr<int64_t> axis =
        normalizeAxis(context.getOp(), attr.getInt(), static_cast<int64_t>(x.size()));
    if (failed(axis))
      return failure();
    SmallVector<int64_t> dims(x);
    dims[*axis] = kDynamic;
    context.setResult(0, InferredShape::of(dims));
  }
  return success();
}

LogicalResult mlir::hone::shapeResize(ShapeContext &context) {
  if (unrankedOperand0(context))
    return success();
  ArrayRef<int64_t> x = context.getDims(0);
  SmallVector<int64_t> dims(x.size(), kDynamic);
  if (!context.isAbsent(3)) {
    if (std::optional<SmallVector<int64_t>> sizes = context.getIntValues(3)) {
      if (sizes->size() != x.size())
        return context.getOp()->emitOpError()
               << "expected " << x.size() << " sizes, got " << sizes->size();
      dims.assign(sizes->begin(), sizes->end());
    }
  } else if (std::optional<SmallVector<double>> scales = context.getFloatValues(2)) {
    if (scales->size() != x.size())
      return context.getOp()->emitOpError()
             << "expected " << x.size() << " scales, got " << scales->size();
    for (size_t i = 0; i < x.size(); ++i)
      if (!ShapedType::isDynamic(x[i]))
        dims[i] = static_cast<int64_t>(std::floor(x[i] * (*scales)[i]));
  }
  context.setResult(0, InferredShape::of(dims));
  return success();
}
