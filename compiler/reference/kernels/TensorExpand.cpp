//===- TensorExpand.cpp - Reference kernels that grow a tensor ------------===//
//
// Expand, Tile and Pad. Each output coordinate maps back to one input
// coordinate (broadcast, modulo the input dim, or mirrored / clamped /
// outside for Pad); the output shape is checked against the evaluator's
// size limit before anything is allocated, since repeats and pads come
// from the model.
//
//===----------------------------------------------------------------------===//
#include "compiler/reference/kernels/TensorFamily.h"

namespace hone::ref {
namespace {

/// Expand: broadcasts the input with the shape input (numpy rules, so the
/// result may have more dims or larger dims than either).
Status expandKernel(KernelContext &ctx) {
  const Tensor *x, *shapeTensor;
  if (Status s = requireInputs(ctx, {&x, &shapeTensor}); !s)
    return s;
  Shape shape;
  if (!broadcastShapes(x->shape(), shapeTensor->toInts(), shape))
    return ctx.error("cannot expand " + shapeToString(x->shape()) + " to " +
                     shapeToString(shapeTensor->toInts()));
  if (Status s = checkShape(ctx, shape); !s)
    return s;
  Tensor y(x->dtype(), shape);
  std::vector<int64_t> sourceOf = broadcastIndexMap(x->shape(), shape);
  for (int64_t i = 0; i < y.numel(); ++i)
    y.copyElement(i, *x, sourceOf[i]);
  ctx.setOutput(0, std::move(y));
  return Status::success();
}

/// Tile: dim d repeated repeats[d] times.
Status tileKernel(KernelContext &ctx) {
  const Tensor *x, *repeatsTensor;
  if (Status s = requireInputs(ctx, {&x, &repeatsTensor}); !s)
    return s;
  std::vector<int64_t> repeats = repeatsTensor->toInts();
  if (static_cast<int64_t>(repeats.size()) != x->rank())
    return ctx.error("expected " + std::to_string(x->rank()) + " repeats");
  Shape shape;
  for (int64_t d = 0; d < x->rank(); ++d) {
    if (repeats[d] < 0)
      return ctx.error("negative repeat");
    if (Status s = checkShape(ctx, {x->dim(d), repeats[d]}); !s)
      return s;
    shape.push_back(x->dim(d) * repeats[d]);
  }
  if (Status s = checkShape(ctx, shape); !s)
    return s;
  Tensor y(x->dtype(), shape);
  std::vector<int64_t> strides = shapeStrides(x->shape()), index;
  for (int64_t flat = 0; flat < y.numel(); ++flat) {
    unflatten(flat, shape, index);
    int64_t src = 0;
    for (int64_t d = 0; d < x->rank(); ++d)
      src += (index[d] % x->dim(d)) * strides[d];
    y.copyElement(flat, *x, src);
  }
  ctx.setOutput(0, std::move(y));
  return Status::success();
}

enum class PadMode { Constant, Reflect, Edge };

/// The input coordinate that padded coordinate `i` (already shifted by the
/// leading pad) reads along a dim of `size`, or -1 for the constant.
int64_t padSource(int64_t i, int64_t size, PadMode mode) {
  if (i >= 0 && i < size)
    return i;
  if (mode == PadMode::Constant || size == 0)
    return -1;
  if (mode == PadMode::Edge)
    return i < 0 ? 0 : size - 1;
  // Reflect mirrors without repeating the edge: with period 2 * (size - 1)
  // this is numpy's 'reflect' also for pads wider than the dim.
  if (size == 1)
    return 0;
  int64_t period = 2 * (size - 1);
  int64_t m = ((i % period) + period) % period;
  return m < size ? m : period - m;
}

/// Pad (opset 13): pads input 1 holds [begin_0, ..., begin_n, end_0, ...,
/// end_n] (negative ones crop); constant_value input 2 defaults to zero.
Status padKernel(KernelContext &ctx) {
  const Tensor *x, *padsTensor;
  if (Status s = requireInputs(ctx, {&x, &padsTensor}); !s)
    return s;
  std::vector<int64_t> pads = padsTensor->toInts();
  int64_t rank = x->rank();
  if (static_cast<int64_t>(pads.size()) != 2 * rank)
    return ctx.error("expected " + std::to_string(2 * rank) + " pads, got " +
                     std::to_string(pads.size()));
  std::string modeName = ctx.getString("mode", "constant");
  PadMode mode;
  if (modeName == "constant")
    mode = PadMode::Constant;
  else if (modeName == "reflect")
    mode = PadMode::Reflect;
  else if (modeName == "edge")
    mode = PadMode::Edge;
  else
    return ctx.error("unknown mode '" + modeName + "'");
  Shape shape;
  for (int64_t d = 0; d < rank; ++d) {
    int64_t size = x->dim(d);
    for (int64_t pad : {pads[d], pads[d + rank]}) {
      if (pad > kMaxKernelElements || pad < -size)
        return ctx.error("pad " + std::to_string(pad) + " out of range for dim " +
                         std::to_string(d));
      size += pad;
    }
    if (size < 0)
      return ctx.error("pads remove more than dim " + std::to_string(d) + " holds");
    if (mode != PadMode::Constant && x->dim(d) == 0 && size > 0)
      return ctx.error("cannot " + modeName + "-pad an empty dim");
    shape.push_back(size);
  }
  if (Status s = checkShape(ctx, shape); !s)
    return s;
  const Tensor *value = ctx.input(2);
  if (value && value->numel() == 0)
    value = nullptr; // an empty constant_value means the default, as in onnxruntime
  if (value && value->numel() != 1)
    return ctx.error("expected a single constant_value");
  Tensor y(x->dtype(), shape);
  std::vector<int64_t> strides = shapeStrides(x->shape()), index;
  for (int64_t flat = 0; flat < y.numel(); ++flat) {
    unflatten(flat, shape, index);
    int64_t src = 0;
    bool inside = true;
    for (int64_t d = 0; d < rank && inside; ++d) {
      int64_t i = padSource(index[d] - pads[d], x->dim(d), mode);
      inside = i >= 0;
      src += i * strides[d];
    }
    if (inside)
      y.copyElement(flat, *x, src);
    else if (value)
      copyConverted(y, flat, *value, 0);
  }
  ctx.setOutput(0, std::move(y));
  return Status::success();
}

} // namespace

void registerTensorExpandKernels() {
  registerKernel("Expand", expandKernel);
  registerKernel("Tile", tileKernel);
  registerKernel("Pad", padKernel);
}

} // namespace hone::ref
