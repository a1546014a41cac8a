//===- TensorGenerate.cpp - Reference kernels that make new tensors -------===//
//
// ConstantOfShape, Range, OneHot and EyeLike build their output from
// scalars and shapes rather than from an input's elements. Their sizes come
// from tensor values, so each is checked against the evaluator's limit
// before allocation; element types come from the IR (ctx.outputDType)
// where the spec takes them from an attribute.
//
//===----------------------------------------------------------------------===//
#include "compiler/reference/kernels/TensorFamily.h"

#include <cmath>

namespace hone::ref {
namespace {

/// The declared type of result `i`, or `fallback` when the IR gives none.
DType outputTypeOr(KernelContext &ctx, size_t i, DType fallback) {
  DType dtype = ctx.outputDType(i);
  return dtype == DType::Undefined ? fallback : dtype;
}

/// ConstantOfShape: the shape input filled with the one-element `value`
/// attribute (float32 zero when absent).
Status constantOfShapeKernel(KernelContext &ctx) {
  const Tensor *shapeTensor;
  if (Status s = requireInput(ctx, 0, shapeTensor); !s)
    return s;
  Shape shape = shapeTensor->toInts();
  if (Status s = checkShape(ctx, shape); !s)
    return s;
  const Tensor *fill = nullptr;
  if (const AttrValue *value = ctx.attr("value")) {
    fill = std::get_if<Tensor>(value);
    if (!fill || fill->numel() != 1)
      return ctx.error("expected a one-element tensor as value");
  }
  Tensor y(outputTypeOr(ctx, 0, fill ? fill->dtype() : DType::F32), shape);
  if (fill)
    for (int64_t i = 0; i < y.numel(); ++i)
      copyConverted(y, i, *fill, 0);
  ctx.setOutput(0, std::move(y));
  return Status::success();
}

/// Range: start + i * delta for i in [0, max(ceil((limit - start) / delta), 0)).
/// Integer ranges are computed exactly in wrapping uint64 arithmetic (every
/// value lies between start and limit, so nothing actually wraps), float
/// ones in double.
Status rangeKernel(KernelContext &ctx) {
  const Tensor *start, *limit, *delta;
  if (Status s = requireInputs(ctx, {&start, &limit, &delta}); !s)
    return s;
  if (start->numel() != 1 || limit->numel() != 1 || delta->numel() != 1)
    return ctx.error("expected scalar start, limit and delta");
  Tensor y;
  if (isFloatDType(start->dtype())) {
    double first = start->getDouble(0), last = limit->getDouble(0), step = delta->getDouble(0);
    if (step == 0 || std::isnan(step))
      return ctx.error("delta must be non-zero");
    double n = std::ceil((last - first) / step);
    if (n > static_cast<double>(kMaxKernelElements))
      return ctx.error("range too long");
    int64_t count = n > 0 ? static_cast<int64_t>(n) : 0; // also 0 for NaN
    y = Tensor(outputTypeOr(ctx, 0, start->dtype()), {count});
    for (int64_t i = 0; i < count; ++i)
      y.setDouble(i, first + static_cast<double>(i) * step);
  } else {
    int64_t first = start->getInt(0), last = limit->getInt(0), step = delta->getInt(0);
    if (step == 0)
      return ctx.error("delta must be non-zero");
    // last - first may not fit in int64, but always fits in uint64.
    uint64_t count = 0;
    if (step > 0 && last > first)
      count = ceilDiv(static_cast<uint64_t>(last) - static_cast<uint64_t>(first), magnitude(step));
    else if (step < 0 && last < first)
      count = ceilDiv(static_cast<uint64_t>(first) - static_cast<uint64_t>(last), magnitude(step));
    if (count > static_cast<uint64_t>(kMaxKernelElements))
      return ctx.error("range too long");
    y = Tensor(outputTypeOr(ctx, 0, start->dtype()), {static_cast<int64_t>(count)});
    for (uint64_t i = 0; i < count; ++i)
      y.setInt(static_cast<int64_t>(i), static_cast<int64_t>(static_cast<uint64_t>(first) +
                                                             i * static_cast<uint64_t>(step)));
  }
  ctx.setOutput(0, std::move(y));
  return Status::success();
}

/// OneHot: a new dim of size `depth` at `axis`, holding values[1] where its
/// coordinate equals the index (negative ones counted from the end) and
/// values[0] elsewhere; an index outside [-depth, depth) gives all values[0].
Status oneHotKernel(KernelContext &ctx) {
  const Tensor *indices, *depthTensor, *values;
  if (Status s = requireInputs(ctx, {&indices, &depthTensor, &values}); !s)
    return s;
  if (depthTensor->numel() != 1 || values->numel() != 2)
    return ctx.error("expected a single depth and two values");
  int64_t depth = depthTensor->getInt(0); // a float depth truncates, as in the spec
  if (depth < 1)
    return ctx.error("depth must be positive");
  int64_t rank = indices->rank() + 1, axis = ctx.getInt("axis", -1);
  if (!normalizeAxis(axis, rank))
    return ctx.error("axis out of range");
  Shape shape = indices->shape();
  shape.insert(shape.begin() + axis, depth);
  if (Status s = checkShape(ctx, shape); !s)
    return s;
  // Indices seen as [outer, inner] around the new axis.
  AxisBlocks out = blocksAround(shape, axis);
  Tensor y(values->dtype(), shape);
  for (int64_t o = 0; o < out.outer; ++o)
    for (int64_t i = 0; i < out.inner; ++i) {
      int64_t hot = indices->getInt(o * out.inner + i);
      if (hot < 0)
        hot += depth;
      for (int64_t k = 0; k < depth; ++k)
        y.copyElement((o * depth + k) * out.inner + i, *values, k == hot ? 1 : 0);
    }
  ctx.setOutput(0, std::move(y));
  return Status::success();
}

/// EyeLike: a 2-D tensor of the input's shape with ones on diagonal k; the
/// type is the `dtype` attribute's (the IR result type), else the input's.
Status eyeLikeKernel(KernelContext &ctx) {
  const Tensor *x;
  if (Status s = requireInput(ctx, 0, x); !s)
    return s;
  if (x->rank() != 2)
    return ctx.error("expected a 2-D input");
  int64_t k = ctx.getInt("k", 0);
  Tensor y(outputTypeOr(ctx, 0, x->dtype()), x->shape());
  for (int64_t row = 0; row < x->dim(0); ++row) {
    // k may be anything; compare before adding so that nothing overflows.
    if (k >= x->dim(1) || k < -row)
      continue;
    int64_t column = row + k;
    if (column >= 0 && column < x->dim(1))
      y.setInt(row * x->dim(1) + column, 1);
  }
  ctx.setOutput(0, std::move(y));
  return Status::success();
}

} // namespace

void registerTensorGenerateKernels() {
  registerKernel("ConstantOfShape", constantOfShapeKernel);
  registerKernel("Range", rangeKernel);
  registerKernel("OneHot", oneHotKernel);
  registerKernel("EyeLike", eyeLikeKernel);
}

} // namespace hone::ref
