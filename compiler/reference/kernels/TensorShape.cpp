//===- TensorShape.cpp - Reference kernels that only change the shape -----===//
//
// Reshape, Flatten, Squeeze, Unsqueeze, Shape and Size. None of them moves
// an element: the first four return the input's bytes under a new shape,
// the last two describe the shape. So the whole work is computing and
// checking the new shape from attributes and shape-like inputs.
//
//===----------------------------------------------------------------------===//
#include "compiler/reference/kernels/TensorFamily.h"

#include <algorithm>

namespace hone::ref {
namespace {

/// Reshape (opset 14): a 0 entry copies the input dim (or is a real 0 with
/// allowzero), one -1 entry is inferred from the element count.
Status reshapeKernel(KernelContext &ctx) {
  const Tensor *x, *shapeTensor;
  if (Status s = requireInputs(ctx, {&x, &shapeTensor}); !s)
    return s;
  bool allowZero = ctx.getInt("allowzero", 0) != 0;
  std::vector<int64_t> requested = shapeTensor->toInts();
  Shape shape;
  int64_t inferredDim = -1, knownElements = 1;
  bool hasZero = false;
  for (size_t i = 0; i < requested.size(); ++i) {
    int64_t d = requested[i];
    if (d == -1) {
      if (inferredDim >= 0)
        return ctx.error("more than one -1 in the shape");
      inferredDim = static_cast<int64_t>(i);
      shape.push_back(1);
      continue;
    }
    if (d < -1)
      return ctx.error("invalid shape entry " + std::to_string(d));
    if (d == 0 && !allowZero) {
      if (static_cast<int64_t>(i) >= x->rank())
        return ctx.error("shape entry " + std::to_string(i) + " copies a dim the input lacks");
      d = x->dim(static_cast<int64_t>(i));
    }
    hasZero |= d == 0;
    if (d && knownElements > kMaxKernelElements / d)
      return ctx.error("shape too large");
    knownElements *= d;
    shape.push_back(d);
  }
  if (inferredDim >= 0) {
    // With allowzero, a real 0 next to -1 leaves the -1 undetermined.
    if (allowZero && hasZero)
      return ctx.error("allowzero shape has both 0 and -1");
    if (knownElements == 0 || x->numel() % knownElements != 0)
      return ctx.error("cannot infer the -1 dim reshaping " + shapeToString(x->shape()));
    shape[inferredDim] = x->numel() / knownElements;
  }
  if (shapeNumel(shape) != x->numel())
    return ctx.error("cannot reshape " + shapeToString(x->shape()) + " to " + shapeToString(shape));
  ctx.setOutput(0, x->reshaped(shape));
  return Status::success();
}

/// Flatten: dims before `axis` (in [-rank, rank]) become the rows, the rest
/// the columns.
Status flattenKernel(KernelContext &ctx) {
  const Tensor *x;
  if (Status s = requireInput(ctx, 0, x); !s)
    return s;
  int64_t axis = ctx.getInt("axis", 1);
  if (axis < 0)
    axis += x->rank();
  if (axis < 0 || axis > x->rank())
    return ctx.error("axis out of range");
  int64_t rows = 1, columns = 1;
  for (int64_t d = 0; d < x->rank(); ++d)
    (d < axis ? rows : columns) *= x->dim(d);
  ctx.setOutput(0, x->reshaped({rows, columns}));
  return Status::success();
}

/// Squeeze (axes as input 1): removes the listed size-1 dims, or every
/// size-1 dim when axes is absent.
Status squeezeKernel(KernelContext &ctx) {
  const Tensor *x;
  if (Status s = requireInput(ctx, 0, x); !s)
    return s;
  std::vector<bool> dropped(x->rank(), false);
  if (const Tensor *axes = ctx.input(1)) {
    for (int64_t axis : axes->toInts()) {
      if (!normalizeAxis(axis, x->rank()))
        return ctx.error("axis " + std::to_string(axis) + " out of range");
      if (x->dim(axis) != 1)
        return ctx.error("cannot squeeze dim " + std::to_string(axis) + " of size " +
                         std::to_string(x->dim(axis)));
      dropped[axis] = true;
    }
  } else {
    for (int64_t d = 0; d < x->rank(); ++d)
      dropped[d] = x->dim(d) == 1;
  }
  Shape shape;
  for (int64_t d = 0; d < x->rank(); ++d)
    if (!dropped[d])
      shape.push_back(x->dim(d));
  ctx.setOutput(0, x->reshaped(shape));
  return Status::success();
}

/// Unsqueeze (axes as input 1): inserts size-1 dims at the listed positions
/// of the output.
Status unsqueezeKernel(KernelContext &ctx) {
  const Tensor *x, *axes;
  if (Status s = requireInputs(ctx, {&x, &axes}); !s)
    return s;
  std::vector<int64_t> axisList = axes->toInts();
  int64_t rank = x->rank() + static_cast<int64_t>(axisList.size());
  std::vector<bool> inserted(rank, false);
  for (int64_t axis : axisList) {
    if (!normalizeAxis(axis, rank) || inserted[axis])
      return ctx.error("axis " + std::to_string(axis) + " out of range or repeated");
    inserted[axis] = true;
  }
  Shape shape;
  int64_t nextInputDim = 0;
  for (int64_t d = 0; d < rank; ++d)
    shape.push_back(inserted[d] ? 1 : x->dim(nextInputDim++));
  ctx.setOutput(0, x->reshaped(shape));
  return Status::success();
}

/// Shape (opset 15): the dims in [start, end), both clamped after counting
/// negative ones from the end.
Status shapeKernel(KernelContext &ctx) {
  const Tensor *x;
  if (Status s = requireInput(ctx, 0, x); !s)
    return s;
  int64_t rank = x->rank();
  auto clampToRank = [rank](int64_t v) {
    return std::clamp<int64_t>(v < 0 ? v + rank : v, 0, rank);
  };
  int64_t start = clampToRank(ctx.getInt("start", 0));
  int64_t end = clampToRank(ctx.getInt("end", rank));
  std::vector<int64_t> dims;
  for (int64_t d = start; d < end; ++d)
    dims.push_back(x->dim(d));
  ctx.setOutput(0, Tensor::fromInts(DType::I64, {static_cast<int64_t>(dims.size())}, dims));
  return Status::success();
}

/// Size: the element count as an int64 scalar.
Status sizeKernel(KernelContext &ctx) {
  const Tensor *x;
  if (Status s = requireInput(ctx, 0, x); !s)
    return s;
  ctx.setOutput(0, Tensor::fromInts(DType::I64, {}, {x->numel()}));
  return Status::success();
}

} // namespace

void registerTensorShapeKernels() {
  registerKernel("Reshape", reshapeKernel);
  registerKernel("Flatten", flattenKernel);
  registerKernel("Squeeze", squeezeKernel);
  registerKernel("Unsqueeze", unsqueezeKernel);
  registerKernel("Shape", shapeKernel);
  registerKernel("Size", sizeKernel);
}

} // namespace hone::ref
