//===- ReductionSelect.cpp - Reference kernels of ArgMax, ArgMin, TopK ----===//
//
// Reductions that pick elements rather than combine them. Values compare
// as numpy orders them: NaN above every number (so ArgMax and TopK with
// largest pick it first, as np.argmax does; ArgMin does too, as np.argmin
// does). Ties go to the lowest index, or to the highest for ArgMax/ArgMin
// with select_last_index.
//
//===----------------------------------------------------------------------===//
#include "compiler/reference/kernels/ReductionFamily.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace hone::ref {
namespace {

/// numpy's sort order on doubles: NaN after every number, NaNs equal.
bool lessWithNaNLast(double a, double b) {
  if (std::isnan(a))
    return false;
  return std::isnan(b) || a < b;
}

/// ArgMax (`isMax`) or ArgMin along `axis`: int64 indices, keepdims, and
/// select_last_index for ties.
Status argExtremumKernel(KernelContext &ctx, bool isMax) {
  const Tensor *x;
  if (Status s = requireInput(ctx, 0, x); !s)
    return s;
  int64_t axis = ctx.getInt("axis", 0);
  if (!normalizeAxis(axis, x->rank()))
    return ctx.error("axis out of range");
  if (x->dim(axis) == 0)
    return ctx.error("cannot take the arg-extremum of an empty axis");
  bool selectLast = ctx.getInt("select_last_index", 0) != 0;
  AxisBlocks in = blocksAround(x->shape(), axis);
  std::vector<bool> reduced(x->rank(), false);
  reduced[axis] = true;
  std::vector<int64_t> unused;
  Shape shape = reduceTargets(x->shape(), reduced, ctx.getInt("keepdims", 1) != 0, unused);
  Tensor y(DType::I64, shape);
  for (int64_t o = 0; o < in.outer; ++o)
    for (int64_t i = 0; i < in.inner; ++i) {
      auto at = [&](int64_t k) { return x->getDouble((o * in.size + k) * in.inner + i); };
      int64_t best = 0;
      for (int64_t k = 1; k < in.size; ++k) {
        double v = at(k), b = at(best);
        // NaN is the extremum either way: np.argmin also returns the first NaN.
        bool better, tie;
        if (std::isnan(b)) {
          better = false;
          tie = std::isnan(v);
        } else if (std::isnan(v)) {
          better = true;
          tie = false;
        } else {
          better = isMax ? v > b : v < b;
          tie = v == b;
        }
        if (better || (selectLast && tie))
          best = k;
      }
      y.setInt(o * in.inner + i, best);
    }
  ctx.setOutput(0, std::move(y));
  return Status::success();
}

/// TopK (K as input 1): the K largest (or smallest) elements along `axis`
/// and their int64 indices, in sorted order (also when sorted = 0, which
/// leaves the order to the implementation); equal values keep the lower
/// index first.
Status topKKernel(KernelContext &ctx) {
  const Tensor *x, *kTensor;
  if (Status s = requireInputs(ctx, {&x, &kTensor}); !s)
    return s;
  if (kTensor->numel() != 1)
    return ctx.error("expected a single K");
  int64_t k = kTensor->getInt(0), axis = ctx.getInt("axis", -1);
  if (!normalizeAxis(axis, x->rank()))
    return ctx.error("axis out of range");
  if (k < 0 || k > x->dim(axis))
    return ctx.error("K = " + std::to_string(k) + " is outside [0, " +
                     std::to_string(x->dim(axis)) + "]");
  bool largest = ctx.getInt("largest", 1) != 0;
  AxisBlocks in = blocksAround(x->shape(), axis);
  Shape shape = x->shape();
  shape[axis] = k;
  Tensor values(x->dtype(), shape), indices(DType::I64, shape);
  std::vector<int64_t> order(in.size);
  std::vector<double> row(in.size);
  for (int64_t o = 0; o < in.outer; ++o)
    for (int64_t i = 0; i < in.inner; ++i) {
      for (int64_t j = 0; j < in.size; ++j)
        row[j] = x->getDouble((o * in.size + j) * in.inner + i);
      std::iota(order.begin(), order.end(), 0);
      // A stable sort keeps equal values in index order.
      std::stable_sort(order.begin(), order.end(), [&](int64_t a, int64_t b) {
        return largest ? lessWithNaNLast(row[b], row[a]) : lessWithNaNLast(row[a], row[b]);
      });
      for (int64_t j = 0; j < k; ++j) {
        int64_t dst = (o * k + j) * in.inner + i;
        values.copyElement(dst, *x, (o * in.size + order[j]) * in.inner + i);
        indices.setInt(dst, order[j]);
      }
    }
  ctx.setOutput(0, std::move(values));
  ctx.setOutput(1, std::move(indices));
  return Status::success();
}

} // namespace

void registerArgAndTopKKernels() {
  registerKernel("ArgMax", [](KernelContext &ctx) { return argExtremumKernel(ctx, true); });
  registerKernel("ArgMin", [](KernelContext &ctx) { return argExtremumKernel(ctx, false); });
  registerKernel("TopK", topKKernel);
}

} // namespace hone::ref
