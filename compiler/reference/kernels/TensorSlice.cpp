//===- TensorSlice.cpp - Reference kernels that cut and join along axes ---===//
//
// Concat, Split and Slice. Concat and Split see the tensor as blocks around
// one axis (outer x axis x inner, see blocksAround) and copy runs of
// `axis size * inner` elements. Slice resolves its starts and ends exactly
// as the ONNX spec says (negative ones counted from the end, then clamped
// differently for positive and negative steps) before copying.
//
//===----------------------------------------------------------------------===//
#include "compiler/reference/kernels/TensorFamily.h"

#include <algorithm>

namespace hone::ref {
namespace {

/// Concat: joins same-typed inputs along `axis`; other dims must agree.
Status concatKernel(KernelContext &ctx) {
  if (ctx.numInputs() == 0 || !ctx.input(0))
    return ctx.error("expected at least one input");
  const Tensor &first = *ctx.input(0);
  int64_t axis = ctx.getInt("axis", 0);
  if (!normalizeAxis(axis, first.rank()))
    return ctx.error("axis out of range");
  Shape shape = first.shape();
  shape[axis] = 0;
  for (size_t i = 0; i < ctx.numInputs(); ++i) {
    const Tensor *t = ctx.input(i);
    if (!t || t->rank() != first.rank() || t->dtype() != first.dtype())
      return ctx.error("input " + std::to_string(i) + " is missing or differs in rank or type");
    for (int64_t d = 0; d < first.rank(); ++d)
      if (d != axis && t->dim(d) != first.dim(d))
        return ctx.error("inputs differ at dim " + std::to_string(d));
    shape[axis] += t->dim(axis);
  }
  if (Status s = checkShape(ctx, shape); !s)
    return s;
  Tensor y(first.dtype(), shape);
  AxisBlocks out = blocksAround(shape, axis);
  int64_t offsetInRow = 0; // where the current input starts within one outer row
  for (size_t i = 0; i < ctx.numInputs(); ++i) {
    const Tensor &t = *ctx.input(i);
    int64_t run = t.dim(axis) * out.inner;
    for (int64_t o = 0; o < out.outer; ++o)
      for (int64_t k = 0; k < run; ++k)
        y.copyElement(o * out.size * out.inner + offsetInRow + k, t, o * run + k);
    offsetInRow += run;
  }
  ctx.setOutput(0, std::move(y));
  return Status::success();
}

/// Split (split sizes as input 1): into the given sizes, or into
/// numOutputs equal parts (the last smaller when the dim does not divide,
/// as opset 18 says).
Status splitKernel(KernelContext &ctx) {
  const Tensor *x;
  if (Status s = requireInput(ctx, 0, x); !s)
    return s;
  int64_t axis = ctx.getInt("axis", 0);
  if (!normalizeAxis(axis, x->rank()))
    return ctx.error("axis out of range");
  int64_t outputs = static_cast<int64_t>(ctx.numOutputs());
  if (outputs == 0)
    return ctx.error("expected at least one output");
  int64_t axisSize = x->dim(axis);
  std::vector<int64_t> sizes;
  if (const Tensor *split = ctx.input(1)) {
    sizes = split->toInts();
    if (static_cast<int64_t>(sizes.size()) != outputs)
      return ctx.error("expected " + std::to_string(outputs) + " split sizes, got " +
                       std::to_string(sizes.size()));
  } else {
    int64_t part = (axisSize + outputs - 1) / outputs, left = axisSize;
    for (int64_t i = 0; i < outputs; ++i) {
      sizes.push_back(std::min(part, left));
      left -= sizes.back();
    }
  }
  int64_t total = 0;
  for (int64_t size : sizes) {
    if (size < 0 || size > axisSize)
      return ctx.error("split size " + std::to_string(size) + " out of range");
    total += size;
  }
  if (total != axisSize)
    return ctx.error("split sizes add up to " + std::to_string(total) + ", not " +
                     std::to_string(axisSize));
  AxisBlocks in = blocksAround(x->shape(), axis);
  int64_t offsetInRow = 0;
  for (int64_t i = 0; i < outputs; ++i) {
    Shape shape = x->shape();
    shape[axis] = sizes[i];
    Tensor y(x->dtype(), shape);
    int64_t run = sizes[i] * in.inner;
    for (int64_t o = 0; o < in.outer; ++o)
      for (int64_t k = 0; k < run; ++k)
        y.copyElement(o * run + k, *x, o * axisSize * in.inner + offsetInRow + k);
    offsetInRow += run;
    ctx.setOutput(i, std::move(y));
  }
  return Status::success();
}

/// One sliced axis: the first input index and the step, and how many
/// elements the slice takes.
struct AxisSlice {
  int64_t start = 0, step = 1, count = 0;
};

/// Resolves starts[i], ends[i], steps[i] on a dim of `size` per the spec:
/// negative start/end count from the end; then for a positive step both are
/// clamped to [0, size], for a negative step start to [0, size-1] and end to
/// [-1, size-1]. (The spec's rule differs from numpy's in one corner: a
/// start still negative with a negative step takes element 0 here, where
/// numpy would take nothing.)
AxisSlice resolveSlice(int64_t start, int64_t end, int64_t step, int64_t size) {
  AxisSlice slice;
  slice.step = step;
  if (start < 0)
    start += size;
  if (end < 0)
    end += size;
  if (step > 0) {
    start = std::clamp<int64_t>(start, 0, size);
    end = std::clamp<int64_t>(end, 0, size);
  } else {
    if (size == 0)
      return slice; // nothing to take, and [0, -1] is no range to clamp to
    start = std::clamp<int64_t>(start, 0, size - 1);
    end = std::clamp<int64_t>(end, -1, size - 1);
  }
  int64_t distance = step > 0 ? end - start : start - end; // both in [-1, size]
  slice.start = start;
  slice.count = distance > 0 ? static_cast<int64_t>(ceilDiv(distance, magnitude(step))) : 0;
  return slice;
}

/// Slice (opset 13): starts, ends and optional axes, steps as inputs 1-4.
Status sliceKernel(KernelContext &ctx) {
  const Tensor *x, *startsT, *endsT;
  if (Status s = requireInputs(ctx, {&x, &startsT, &endsT}); !s)
    return s;
  std::vector<int64_t> starts = startsT->toInts(), ends = endsT->toInts(), axes, steps;
  if (const Tensor *axesT = ctx.input(3))
    axes = axesT->toInts();
  else
    for (size_t i = 0; i < starts.size(); ++i)
      axes.push_back(static_cast<int64_t>(i));
  if (const Tensor *stepsT = ctx.input(4))
    steps = stepsT->toInts();
  else
    steps.assign(starts.size(), 1);
  if (ends.size() != starts.size() || axes.size() != starts.size() || steps.size() != starts.size())
    return ctx.error("starts, ends, axes and steps differ in length");
  int64_t rank = x->rank();
  std::vector<AxisSlice> slices(rank);
  for (int64_t d = 0; d < rank; ++d)
    slices[d].count = x->dim(d);
  std::vector<bool> seen(rank, false);
  for (size_t i = 0; i < starts.size(); ++i) {
    int64_t axis = axes[i];
    if (!normalizeAxis(axis, rank) || seen[axis])
      return ctx.error("axis " + std::to_string(axes[i]) + " out of range or repeated");
    seen[axis] = true;
    if (steps[i] == 0)
      return ctx.error("step 0");
    slices[axis] = resolveSlice(starts[i], ends[i], steps[i], x->dim(axis));
  }
  Shape shape(rank);
  for (int64_t d = 0; d < rank; ++d)
    shape[d] = slices[d].count;
  Tensor y(x->dtype(), shape);
  std::vector<int64_t> strides = shapeStrides(x->shape()), index;
  for (int64_t flat = 0; flat < y.numel(); ++flat) {
    unflatten(flat, shape, index);
    int64_t src = 0;
    for (int64_t d = 0; d < rank; ++d)
      src += (slices[d].start + index[d] * slices[d].step) * strides[d];
    y.copyElement(flat, *x, src);
  }
  ctx.setOutput(0, std::move(y));
  return Status::success();
}

} // namespace

void registerTensorSliceKernels() {
  registerKernel("Concat", concatKernel);
  registerKernel("Split", splitKernel);
  registerKernel("Slice", sliceKernel);
}

} // namespace hone::ref
