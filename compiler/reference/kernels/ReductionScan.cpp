//===- ReductionScan.cpp - Reference kernel of CumSum ---------------------===//
//
// CumSum: running sums along one axis, forward or reversed, inclusive or
// exclusive (each element then gets the sum of the ones before it). Floats
// accumulate in double; integers in uint64, which wraps like the element
// type instead of overflowing.
//
//===----------------------------------------------------------------------===//
#include "compiler/reference/kernels/ReductionFamily.h"

namespace hone::ref {
namespace {

/// CumSum (axis as input 1, a scalar), attributes exclusive and reverse.
Status cumSumKernel(KernelContext &ctx) {
  const Tensor *x, *axisTensor;
  if (Status s = requireInputs(ctx, {&x, &axisTensor}); !s)
    return s;
  if (axisTensor->numel() != 1)
    return ctx.error("expected a single axis");
  int64_t axis = axisTensor->getInt(0);
  if (!normalizeAxis(axis, x->rank()))
    return ctx.error("axis out of range");
  bool exclusive = ctx.getInt("exclusive", 0) != 0, reverse = ctx.getInt("reverse", 0) != 0;
  bool isFloat = isFloatDType(x->dtype());
  AxisBlocks in = blocksAround(x->shape(), axis);
  Tensor y(x->dtype(), x->shape());
  for (int64_t o = 0; o < in.outer; ++o)
    for (int64_t i = 0; i < in.inner; ++i) {
      double floatSum = 0;
      uint64_t intSum = 0;
      for (int64_t step = 0; step < in.size; ++step) {
        int64_t k = reverse ? in.size - 1 - step : step;
        int64_t flat = (o * in.size + k) * in.inner + i;
        // Exclusive stores the sum of the elements before this one.
        if (isFloat) {
          double before = floatSum;
          floatSum += x->getDouble(flat);
          y.setDouble(flat, exclusive ? before : floatSum);
        } else {
          uint64_t before = intSum;
          intSum += static_cast<uint64_t>(x->getInt(flat));
          y.setUInt(flat, exclusive ? before : intSum);
        }
      }
    }
  ctx.setOutput(0, std::move(y));
  return Status::success();
}

} // namespace

void registerCumSumKernel() { registerKernel("CumSum", cumSumKernel); }

} // namespace hone::ref
