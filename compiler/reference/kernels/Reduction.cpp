//===- Reduction.cpp - Reference kernels of reductions --------------------===//
//
// Reduce* (axes as input 1, the canonical form), ArgMax/ArgMin, CumSum and
// TopK. Reductions accumulate in double (int64 for integer sums and
// products, so they stay exact), then store once in the result type.
//
//===----------------------------------------------------------------------===//
#include "compiler/reference/kernels/KernelSupport.h"
#include "compiler/reference/kernels/Kernels.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <numeric>

namespace hone::ref {
namespace {

/// How a Reduce* op combines values: start, step, finish.
struct Reducer {
  double init;
  double (*step)(double acc, double x);
  double (*finish)(double acc, int64_t count);
};

double identityFinish(double acc, int64_t) { return acc; }

const std::map<std::string, Reducer> &reducers() {
  static const std::map<std::string, Reducer> table = {
      {"ReduceSum", {0, [](double a, double x) { return a + x; }, identityFinish}},
      {"ReduceMean",
       {0, [](double a, double x) { return a + x; },
        [](double a, int64_t n) { return n ? a / static_cast<double>(n) : NAN; }}},
      {"ReduceMax",
       {-std::numeric_limits<double>::infinity(),
        [](double a, double x) { return std::isnan(x) || x > a ? x : a; }, identityFinish}},
      {"ReduceMin",
       {std::numeric_limits<double>::infinity(),
        [](double a, double x) { return std::isnan(x) || x < a ? x : a; }, identityFinish}},
      {"ReduceProd", {1, [](double a, double x) { return a * x; }, identityFinish}},
      {"ReduceL1", {0, [](double a, double x) { return a + std::fabs(x); }, identityFinish}},
      {"ReduceL2",
       {0, [](double a, double x) { return a + x * x; },
        [](double a, int64_t) { return std::sqrt(a); }}},
      {"ReduceLogSum",
       {0, [](double a, double x) { return a + x; }, [](double a, int64_t) { return std::log(a); }}},
      {"ReduceSumSquare", {0, [](double a, double x) { return a + x * x; }, identityFinish}},
  };
  return table;
}

/// The reduced axes of a Reduce* op, or "none" (identity) per
/// noop_with_empty_axes.
Status reducedAxes(KernelContext &ctx, const Tensor &x, std::vector<bool> &reduced, bool &identity) {
  reduced.assign(x.rank(), false);
  identity = false;
  std::vector<int64_t> axes;
  if (const Tensor *axesT = ctx.input(1))
    axes = axesT->toInts();
  if (axes.empty()) {
    if (ctx.getInt("noop_with_empty_axes", 0)) {
      identity = true;
      return Status::success();
    }
    reduced.assign(x.rank(), true);
    return Status::success();
  }
  for (int64_t axis : axes) {
    if (!normalizeAxis(axis, x.rank()))
      return ctx.error("axis " + std::to_string(axis) + " out of range");
    reduced[axis] = true;
  }
  return Status::success();
}

/// Shape after reduction, and for every input element the output element it
/// folds into.
Shape reducedShape(const Tensor &x, const std::vector<bool> &reduced, bool keepDims,
                   std::vector<int64_t> &target) {
  Shape kept, out;
  for (int64_t d = 0; d < x.rank(); ++d) {
    kept.push_back(reduced[d] ? 1 : x.dim(d));
    if (!reduced[d] || keepDims)
      out.push_back(reduced[d] ? 1 : x.dim(d));
  }
  std::vector<int64_t> keptStrides = shapeStrides(kept), index;
  target.resize(x.numel());
  for (int64_t flat = 0; flat < x.numel(); ++flat) {
    unflatten(flat, x.shape(), index);
    int64_t t = 0;
    for (int64_t d = 0; d < x.rank(); ++d)
      t += (reduced[d] ? 0 : index[d]) * keptStrides[d];
    target[flat] = t;
  }
  return out;
}

Status reduceKernel(KernelContext &ctx, const std::string &op) {
  const Tensor *x;
  if (Status s = requireInput(ctx, 0, x); !s)
    return s;
  std::vector<bool> reduced;
  bool identity;
  if (Status s = reducedAxes(ctx, *x, reduced, identity); !s)
    return s;
  if (identity) {
    ctx.setOutput(0, *x);
    return Status::success();
  }
  std::vector<int64_t> target;
  Shape shape = reducedShape(*x, reduced, ctx.getInt("keepdims", 1) != 0, target);
  Tensor y(x->dtype(), shape);
  int64_t count = 1;
  for (int64_t d = 0; d < x->rank(); ++d)
    if (reduced[d])
      count *= x->dim(d);
  if (op == "ReduceLogSumExp") {
    // Subtract each group's max first so that exp cannot overflow.
    std::vector<double> maxima(y.numel(), -std::numeric_limits<double>::infinity()), sums(y.numel(), 0);
    for (int64_t i = 0; i < x->numel(); ++i)
      maxima[target[i]] = std::max(maxima[target[i]], x->getDouble(i));
    for (int64_t i = 0; i < x->numel(); ++i)
      sums[target[i]] += std::exp(x->getDouble(i) - maxima[target[i]]);
    for (int64_t i = 0; i < y.numel(); ++i)
      y.setDouble(i, std::isinf(maxima[i]) ? maxima[i] : maxima[i] + std::log(sums[i]));
    ctx.setOutput(0, std::move(y));
    return Status::success();
  }
  const Reducer &reducer = reducers().at(op);
  bool exactInt = !isFloatDType(x->dtype()) && (op == "ReduceSum" || op == "ReduceProd" ||
                                                op == "ReduceSumSquare" || op == "ReduceL1");
  if (exactInt) {
    std::vector<int64_t> acc(y.numel(), op == "ReduceProd" ? 1 : 0);
    for (int64_t i = 0; i < x->numel(); ++i) {
      int64_t v = x->getInt(i);
      int64_t &a = acc[target[i]];
      if (op == "ReduceSum")
        a += v;
      else if (op == "ReduceProd")
        a *= v;
      else if (op == "ReduceSumSquare")
        a += v * v;
      else
        a += v < 0 ? -v : v;
    }
    for (int64_t i = 0; i < y.numel(); ++i)
      y.setInt(i, acc[i]);
  } else {
    std::vector<double> acc(y.numel(), reducer.init);
    for (int64_t i = 0; i < x->numel(); ++i)
      acc[target[i]] = reducer.step(acc[target[i]], x->getDouble(i));
    for (int64_t i = 0; i < y.numel(); ++i)
      y.setDouble(i, reducer.finish(acc[i], count));
  }
  ctx.setOutput(0, std::move(y));
  return Status::success();
}

Status argReduceKernel(KernelContext &ctx, bool isMax) {
  const Tensor *x;
  if (Status s = requireInput(ctx, 0, x); !s)
    return s;
  int64_t axis = ctx.getInt("axis", 0);
  if (!normalizeAxis(axis, x->rank()))
    return ctx.error("axis out of range");
  if (x->dim(axis) == 0)
    return ctx.error("cannot take the arg-extremum of an empty axis");
  bool last = ctx.getInt("select_last_index", 0) != 0;
  std::vector<bool> reduced(x->rank(), false);
  reduced[axis] = true;
  std::vector<int64_t> target;
  Shape shape = reducedShape(*x, reduced, ctx.getInt("keepdims", 1) != 0, target);
  Tensor y(DType::I64, shape);
  std::vector<double> best(y.numel());
  std::vector<bool> seen(y.numel(), false);
  std::vector<int64_t> index;
  for (int64_t i = 0; i < x->numel(); ++i) {
    double v = x->getDouble(i);
    int64_t t = target[i];
    bool better = !seen[t] || (isMax ? v > best[t] : v < best[t]) || (last && v == best[t]);
    if (better) {
      unflatten(i, x->shape(), index);
      best[t] = v;
      seen[t] = true;
      y.setInt(t, index[axis]);
    }
  }
  ctx.setOutput(0, std::move(y));
  return Status::success();
}

Status cumSumKernel(KernelContext &ctx) {
  const Tensor *x, *axisT;
  if (Status s = requireInputs(ctx, {&x, &axisT}); !s)
    return s;
  if (axisT->numel() != 1)
    return ctx.error("expected a scalar axis");
  int64_t axis = axisT->getInt(0);
  if (!normalizeAxis(axis, x->rank()))
    return ctx.error("axis out of range");
  bool exclusive = ctx.getInt("exclusive", 0) != 0, reverse = ctx.getInt("reverse", 0) != 0;
  auto [outer, size, inner] = blocksAround(x->shape(), axis);
  Tensor y(x->dtype(), x->shape());
  bool isFloat = isFloatDType(x->dtype());
  for (int64_t o = 0; o < outer; ++o)
    for (int64_t i = 0; i < inner; ++i) {
      double accF = 0;
      int64_t accI = 0;
      for (int64_t step = 0; step < size; ++step) {
        int64_t k = reverse ? size - 1 - step : step;
        int64_t flat = (o * size + k) * inner + i;
        if (exclusive) {
          isFloat ? y.setDouble(flat, accF) : y.setInt(flat, accI);
        }
        if (isFloat)
          accF += x->getDouble(flat);
        else
          accI += x->getInt(flat);
        if (!exclusive) {
          isFloat ? y.setDouble(flat, accF) : y.setInt(flat, accI);
        }
      }
    }
  ctx.setOutput(0, std::move(y));
  return Status::success();
}

Status topKKernel(KernelContext &ctx) {
  const Tensor *x, *kT;
  if (Status s = requireInputs(ctx, {&x, &kT}); !s)
    return s;
  if (kT->numel() != 1)
    return ctx.error("expected a single K");
  int64_t k = kT->getInt(0), axis = ctx.getInt("axis", -1);
  if (!normalizeAxis(axis, x->rank()))
    return ctx.error("axis out of range");
  if (k < 0 || k > x->dim(axis))
    return ctx.error("K = " + std::to_string(k) + " exceeds the axis size " +
                     std::to_string(x->dim(axis)));
  bool largest = ctx.getInt("largest", 1) != 0;
  auto [outer, size, inner] = blocksAround(x->shape(), axis);
  Shape shape = x->shape();
  shape[axis] = k;
  Tensor values(x->dtype(), shape), indices(DType::I64, shape);
  std::vector<int64_t> order(size);
  for (int64_t o = 0; o < outer; ++o)
    for (int64_t i = 0; i < inner; ++i) {
      auto at = [&](int64_t j) { return x->getDouble((o * size + j) * inner + i); };
      std::iota(order.begin(), order.end(), 0);
      // Ties keep the lower index first, as ONNX's reference does.
      std::stable_sort(order.begin(), order.end(), [&](int64_t a, int64_t b) {
        return largest ? at(a) > at(b) : at(a) < at(b);
      });
      for (int64_t j = 0; j < k; ++j) {
        int64_t dst = (o * k + j) * inner + i;
        values.copyElement(dst, *x, (o * size + order[j]) * inner + i);
        indices.setInt(dst, order[j]);
      }
    }
  ctx.setOutput(0, std::move(values));
  ctx.setOutput(1, std::move(indices));
  return Status::success();
}

} // namespace

void registerReductionKernels() {
  for (const char *op : {"ReduceSum", "ReduceMean", "ReduceMax", "ReduceMin", "ReduceProd",
                         "ReduceL1", "ReduceL2", "ReduceLogSum", "ReduceLogSumExp",
                         "ReduceSumSquare"}) {
    std::string name = op;
    registerKernel(name, [name](KernelContext &ctx) { return reduceKernel(ctx, name); });
  }
  registerKernel("ArgMax", [](KernelContext &ctx) { return argReduceKernel(ctx, true); });
  registerKernel("ArgMin", [](KernelContext &ctx) { return argReduceKernel(ctx, false); });
  registerKernel("CumSum", cumSumKernel);
  registerKernel("TopK", topKKernel);
}

} // namespace hone::ref
