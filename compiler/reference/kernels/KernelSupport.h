//===- KernelSupport.h - Small helpers shared by reference kernels -*- C++ -*-===//
//
// Axis normalization, input checks and index arithmetic that several kernel
// families use. Everything reports through Status; nothing here trusts a
// shape or an index that came from a model.
//
//===----------------------------------------------------------------------===//
#ifndef HONE_COMPILER_REFERENCE_KERNELS_KERNELSUPPORT_H
#define HONE_COMPILER_REFERENCE_KERNELS_KERNELSUPPORT_H

#include "compiler/reference/Kernel.h"

#include <cmath>

namespace hone::ref {

/// Tensors above this many elements are refused: the evaluator is for tests
/// and checks, and a hostile shape must not exhaust memory.
constexpr int64_t kMaxKernelElements = int64_t(1) << 28;
/// Kernels whose loops would run more steps than this refuse: a hostile
/// attribute (a huge kernel_shape) must not keep the evaluator busy for hours.
constexpr int64_t kMaxKernelWork = int64_t(1) << 34;

/// `axis` in [-rank, rank) made non-negative; false when out of range.
inline bool normalizeAxis(int64_t &axis, int64_t rank) {
  if (axis < -rank || axis >= rank)
    return false;
  if (axis < 0)
    axis += rank;
  return true;
}

/// Input `i`, or an error naming it when absent.
inline Status requireInput(KernelContext &ctx, size_t i, const Tensor *&out) {
  out = ctx.input(i);
  if (!out)
    return ctx.error("missing input " + std::to_string(i));
  return Status::success();
}

/// Inputs 0, 1, ... into `outs`, or an error naming the first absent one.
inline Status requireInputs(KernelContext &ctx, std::initializer_list<const Tensor **> outs) {
  size_t i = 0;
  for (const Tensor **out : outs)
    if (Status s = requireInput(ctx, i++, *out); !s)
      return s;
  return Status::success();
}

/// A shape whose element count and every dim are within kMaxKernelElements
/// and whose dims are non-negative. (Each dim is bounded too: a zero dim
/// makes the count 0, and kernels still loop over the other dims.)
inline Status checkShape(KernelContext &ctx, const Shape &shape) {
  int64_t numel = 1;
  for (int64_t d : shape) {
    if (d < 0)
      return ctx.error("negative dim " + std::to_string(d) + " in shape " + shapeToString(shape));
    if (d > kMaxKernelElements)
      return ctx.error("shape " + shapeToString(shape) + " is too large");
    if (d > 0 && numel > kMaxKernelElements / d)
      return ctx.error("shape " + shapeToString(shape) + " is too large");
    numel *= d;
  }
  return Status::success();
}

/// Checks that the product of `factors` (loop trip counts) stays within
/// kMaxKernelWork.
inline Status checkWork(KernelContext &ctx, std::initializer_list<int64_t> factors) {
  int64_t work = 1;
  for (int64_t f : factors) {
    if (f < 0)
      return ctx.error("negative loop count");
    if (f > 0 && work > kMaxKernelWork / f)
      return ctx.error("too much work for the reference evaluator (over 2^34 steps)");
    work *= f;
  }
  return Status::success();
}

/// Unflattens `flat` into `index` for `shape` (row-major).
inline void unflatten(int64_t flat, const Shape &shape, std::vector<int64_t> &index) {
  index.resize(shape.size());
  for (int64_t d = static_cast<int64_t>(shape.size()) - 1; d >= 0; --d) {
    int64_t size = shape[d] ? shape[d] : 1;
    index[d] = flat % size;
    flat /= size;
  }
}

/// Flattens `index` for `strides`.
inline int64_t flatten(const std::vector<int64_t> &index, const std::vector<int64_t> &strides) {
  int64_t flat = 0;
  for (size_t d = 0; d < index.size(); ++d)
    flat += index[d] * strides[d];
  return flat;
}

/// A shape seen around one axis: the product of the dims before it, its
/// size, and the product of the dims after it. Element (o, k, i) is at
/// flat index (o * size + k) * inner + i.
struct AxisBlocks {
  int64_t outer = 1, size = 1, inner = 1;
};

inline AxisBlocks blocksAround(const Shape &shape, int64_t axis) {
  AxisBlocks blocks;
  for (int64_t d = 0; d < static_cast<int64_t>(shape.size()); ++d) {
    if (d < axis)
      blocks.outer *= shape[d];
    else if (d == axis)
      blocks.size = shape[d];
    else
      blocks.inner *= shape[d];
  }
  return blocks;
}

/// Rounds half to even, as numpy and ONNX's Round do.
inline double roundHalfToEven(double x) { return std::nearbyint(x); }

} // namespace hone::ref

#endif // HONE_COMPILER_REFERENCE_KERNELS_KERNELSUPPORT_H
