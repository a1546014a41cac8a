//===- Reduction.cpp - Reference kernels of the Reduce* ops ---------------===//
//
// ReduceSum, ReduceMean, ReduceMax, ReduceMin, ReduceProd, ReduceL1,
// ReduceL2, ReduceLogSum, ReduceLogSumExp and ReduceSumSquare in their
// canonical (opset 18) form: axes as optional input 1, keepdims, and
// noop_with_empty_axes. Floats accumulate in double and are stored once in
// the result type. Integer sums, products and extrema accumulate in int64
// (wrapping like the element type would), so they stay exact; integer
// means and norms go through double and truncate, as numpy's astype does.
// An empty reduction gives the identity of the op (0 for sums, 1 for
// products, -inf or the type's minimum for max, NaN for the mean).
//
//===----------------------------------------------------------------------===//
#include "compiler/reference/kernels/Kernels.h"
#include "compiler/reference/kernels/ReductionFamily.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace hone::ref {

Shape reduceTargets(const Shape &input, const std::vector<bool> &reduced, bool keepDims,
                    std::vector<int64_t> &target) {
  int64_t rank = static_cast<int64_t>(input.size());
  Shape keptShape, outShape; // keptShape has the folded dims as 1
  for (int64_t d = 0; d < rank; ++d) {
    keptShape.push_back(reduced[d] ? 1 : input[d]);
    if (!reduced[d] || keepDims)
      outShape.push_back(keptShape.back());
  }
  std::vector<int64_t> keptStrides = shapeStrides(keptShape), index;
  int64_t numel = shapeNumel(input);
  target.resize(numel);
  for (int64_t flat = 0; flat < numel; ++flat) {
    unflatten(flat, input, index);
    int64_t t = 0;
    for (int64_t d = 0; d < rank; ++d)
      t += (reduced[d] ? 0 : index[d]) * keptStrides[d];
    target[flat] = t;
  }
  return outShape;
}

namespace {

enum class ReduceOp { Sum, Mean, Max, Min, Prod, L1, L2, LogSum, LogSumExp, SumSquare };

/// Which dims a Reduce* op folds: those in the axes input, or all of them
/// when it is absent or empty, or none (`identity`) then with
/// noop_with_empty_axes.
Status reducedDims(KernelContext &ctx, const Tensor &x, std::vector<bool> &reduced,
                   bool &identity) {
  std::vector<int64_t> axes;
  if (const Tensor *axesTensor = ctx.input(1))
    axes = axesTensor->toInts();
  identity = axes.empty() && ctx.getInt("noop_with_empty_axes", 0) != 0;
  reduced.assign(x.rank(), axes.empty());
  for (int64_t axis : axes) {
    if (!normalizeAxis(axis, x.rank()))
      return ctx.error("axis " + std::to_string(axis) + " out of range for rank " +
                       std::to_string(x.rank()));
    reduced[axis] = true;
  }
  return Status::success();
}

/// Folds integer input exactly where the op allows it: Sum, Prod, L1,
/// SumSquare (wrapping in uint64, so that overflow is defined) and Max, Min.
/// Returns false for the ops that need double.
bool reduceIntegers(ReduceOp op, const Tensor &x, const std::vector<int64_t> &target,
                    const std::vector<int64_t> &counts, Tensor &y) {
  if (op != ReduceOp::Sum && op != ReduceOp::Prod && op != ReduceOp::L1 &&
      op != ReduceOp::SumSquare && op != ReduceOp::Max && op != ReduceOp::Min)
    return false;
  bool isU64 = x.dtype() == DType::U64;
  std::vector<uint64_t> acc(y.numel(), op == ReduceOp::Prod ? 1 : 0);
  std::vector<bool> seen(y.numel(), false);
  for (int64_t i = 0; i < x.numel(); ++i) {
    uint64_t &a = acc[target[i]];
    int64_t v = x.getInt(i);
    uint64_t u = static_cast<uint64_t>(v);
    switch (op) {
    case ReduceOp::Sum: a += u; break;
    case ReduceOp::Prod: a *= u; break;
    case ReduceOp::L1: a += v < 0 && !isU64 ? uint64_t(0) - u : u; break;
    case ReduceOp::SumSquare: a += u * u; break;
    default: {
      // Max, Min: compare as the element type's values.
      bool better = !seen[target[i]];
      if (!better && isU64)
        better = op == ReduceOp::Max ? u > a : u < a;
      else if (!better)
        better = op == ReduceOp::Max ? v > static_cast<int64_t>(a) : v < static_cast<int64_t>(a);
      if (better)
        a = u;
      seen[target[i]] = true;
    }
    }
  }
  for (int64_t j = 0; j < y.numel(); ++j) {
    if ((op == ReduceOp::Max || op == ReduceOp::Min) && counts[j] == 0)
      // The type's minimum (maximum): the infinity saturates.
      y.setDouble(j, op == ReduceOp::Max ? -INFINITY : INFINITY);
    else
      y.setUInt(j, acc[j]);
  }
  return true;
}

/// Folds in double, for floats and the integer ops that need it.
void reduceDoubles(ReduceOp op, const Tensor &x, const std::vector<int64_t> &target,
                   const std::vector<int64_t> &counts, Tensor &y) {
  int64_t n = y.numel();
  double inf = std::numeric_limits<double>::infinity();
  // LogSumExp subtracts each group's maximum first, so that exp cannot
  // overflow; the maxima are an extra pass.
  std::vector<double> shift(n, 0);
  if (op == ReduceOp::LogSumExp) {
    shift.assign(n, -inf);
    for (int64_t i = 0; i < x.numel(); ++i)
      shift[target[i]] = std::max(shift[target[i]], x.getDouble(i));
    for (double &s : shift)
      if (std::isinf(s))
        s = 0; // all -inf (or +inf) terms: exp(v - 0) gives the right limit
  }
  double init = op == ReduceOp::Prod  ? 1
                : op == ReduceOp::Max ? -inf
                : op == ReduceOp::Min ? inf
                                      : 0;
  std::vector<double> acc(n, init);
  for (int64_t i = 0; i < x.numel(); ++i) {
    double &a = acc[target[i]], v = x.getDouble(i);
    switch (op) {
    case ReduceOp::Sum:
    case ReduceOp::Mean:
    case ReduceOp::LogSum: a += v; break;
    case ReduceOp::Prod: a *= v; break;
    case ReduceOp::L1: a += std::fabs(v); break;
    case ReduceOp::L2:
    case ReduceOp::SumSquare: a += v * v; break;
    case ReduceOp::LogSumExp: a += std::exp(v - shift[target[i]]); break;
    // NaN wins, as in numpy's maximum.reduce.
    case ReduceOp::Max: a = std::isnan(v) || v > a ? v : a; break;
    case ReduceOp::Min: a = std::isnan(v) || v < a ? v : a; break;
    }
  }
  for (int64_t j = 0; j < n; ++j) {
    double r = acc[j];
    if (op == ReduceOp::Mean)
      r = counts[j] ? r / static_cast<double>(counts[j]) : std::nan("");
    else if (op == ReduceOp::L2)
      r = std::sqrt(r);
    else if (op == ReduceOp::LogSum)
      r = std::log(r);
    else if (op == ReduceOp::LogSumExp)
      r = shift[j] + std::log(r);
    y.setDouble(j, r);
  }
}

/// One Reduce* op.
Status reduceKernel(KernelContext &ctx, ReduceOp op) {
  const Tensor *x;
  if (Status s = requireInput(ctx, 0, x); !s)
    return s;
  std::vector<bool> reduced;
  bool identity;
  if (Status s = reducedDims(ctx, *x, reduced, identity); !s)
    return s;
  if (identity) {
    ctx.setOutput(0, *x);
    return Status::success();
  }
  std::vector<int64_t> target;
  Shape shape = reduceTargets(x->shape(), reduced, ctx.getInt("keepdims", 1) != 0, target);
  Tensor y(x->dtype(), shape);
  std::vector<int64_t> counts(y.numel(), 0);
  for (int64_t t : target)
    ++counts[t];
  if (isFloatDType(x->dtype()) || !reduceIntegers(op, *x, target, counts, y))
    reduceDoubles(op, *x, target, counts, y);
  ctx.setOutput(0, std::move(y));
  return Status::success();
}

} // namespace

void registerReductionKernels() {
  const std::pair<const char *, ReduceOp> ops[] = {
      {"ReduceSum", ReduceOp::Sum},
      {"ReduceMean", ReduceOp::Mean},
      {"ReduceMax", ReduceOp::Max},
      {"ReduceMin", ReduceOp::Min},
      {"ReduceProd", ReduceOp::Prod},
      {"ReduceL1", ReduceOp::L1},
      {"ReduceL2", ReduceOp::L2},
      {"ReduceLogSum", ReduceOp::LogSum},
      {"ReduceLogSumExp", ReduceOp::LogSumExp},
      {"ReduceSumSquare", ReduceOp::SumSquare},
  };
  for (auto [name, op] : ops)
    registerKernel(name, [op = op](KernelContext &ctx) { return reduceKernel(ctx, op); });
  registerArgAndTopKKernels();
  registerCumSumKernel();
}

} // namespace hone::ref
