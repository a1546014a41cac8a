//===- ControlFlow.cpp - Reference kernels of If and Loop -----------------===//
//
// The branches and the loop body are regions of the op; the evaluator runs
// them through KernelContext::runSubgraph, so these kernels only decide
// which region runs, how often, and with what. Loop follows opset 16: an
// optional trip count and condition, loop-carried values, and scan outputs
// stacked along a new leading axis. No loop runs unbounded: the evaluator
// stops one after kMaxLoopIterations iterations with an error.
//
//===----------------------------------------------------------------------===//
#include "compiler/reference/kernels/TensorFamily.h"

#include <limits>

namespace hone::ref {
namespace {

/// A loop stops with an error after this many iterations, whatever its trip
/// count says: the reference evaluator is not meant for longer loops, and a
/// hostile model must not keep it busy for hours.
constexpr int64_t kMaxLoopIterations = 10'000'000;

/// If: runs then_branch (region 0) when the condition is true, else
/// else_branch (region 1); the branch's results are the op's.
Status ifKernel(KernelContext &ctx) {
  const Tensor *cond;
  if (Status s = requireInput(ctx, 0, cond); !s)
    return s;
  if (cond->numel() != 1)
    return ctx.error("expected a single-element condition, got shape " +
                     shapeToString(cond->shape()));
  std::vector<Tensor> results;
  if (Status s = ctx.runSubgraph(cond->getDouble(0) != 0 ? 0 : 1, {}, results); !s)
    return s;
  if (results.size() != ctx.numOutputs())
    return ctx.error("the branch yields " + std::to_string(results.size()) + " values, expected " +
                     std::to_string(ctx.numOutputs()));
  for (size_t i = 0; i < results.size(); ++i)
    ctx.setOutput(i, std::move(results[i]));
  return Status::success();
}

/// Stacks the per-iteration values of one scan output along a new axis 0;
/// no iterations give an empty [0] tensor of `dtype`.
Status stackScanOutput(KernelContext &ctx, const std::vector<Tensor> &parts, DType dtype,
                       Tensor &out) {
  if (parts.empty()) {
    out = Tensor(dtype, {0});
    return Status::success();
  }
  Shape shape = parts[0].shape();
  shape.insert(shape.begin(), static_cast<int64_t>(parts.size()));
  if (Status s = checkShape(ctx, shape); !s)
    return s;
  out = Tensor(parts[0].dtype(), shape);
  int64_t partSize = parts[0].numel();
  for (size_t k = 0; k < parts.size(); ++k) {
    if (parts[k].shape() != parts[0].shape() || parts[k].dtype() != parts[0].dtype())
      return ctx.error("scan output changes shape or type between iterations");
    for (int64_t i = 0; i < partSize; ++i)
      out.copyElement(static_cast<int64_t>(k) * partSize + i, parts[k], i);
  }
  return Status::success();
}

/// Loop: inputs (M?, cond?, v_initial...); the body (region 0) takes
/// (iteration_num, cond, v...) and yields (cond, v..., scan_outputs...).
/// It runs while the iteration count is below M (when given) and cond (when
/// given, then as the body yields it) is true. Results: the final v...,
/// then each scan output stacked over the iterations.
Status loopKernel(KernelContext &ctx) {
  const Tensor *tripCount = ctx.input(0), *initialCondition = ctx.input(1);
  int64_t maxTrips = std::numeric_limits<int64_t>::max();
  if (tripCount)
    if (Status s = scalarInt(ctx, *tripCount, "trip count M", maxTrips); !s)
      return s;
  bool keepGoing = true;
  if (initialCondition) {
    if (initialCondition->numel() != 1)
      return ctx.error("expected a single-element condition");
    keepGoing = initialCondition->getDouble(0) != 0;
  }
  size_t carried = ctx.numInputs() > 2 ? ctx.numInputs() - 2 : 0;
  std::vector<Tensor> values;
  for (size_t i = 0; i < carried; ++i) {
    if (!ctx.input(2 + i))
      return ctx.error("missing loop-carried input " + std::to_string(i));
    values.push_back(*ctx.input(2 + i));
  }
  if (ctx.numOutputs() < carried)
    return ctx.error("fewer results than loop-carried values");
  size_t scans = ctx.numOutputs() - carried;
  std::vector<std::vector<Tensor>> scanParts(scans);
  std::vector<int64_t> scanElements(scans, 0); // so far, to stop before memory runs out
  for (int64_t iteration = 0; iteration < maxTrips && keepGoing; ++iteration) {
    if (iteration >= kMaxLoopIterations)
      return ctx.error("stopped after " + std::to_string(kMaxLoopIterations) + " iterations");
    std::vector<Tensor> args;
    args.push_back(Tensor::fromInts(DType::I64, {}, {iteration}));
    args.push_back(Tensor::fromInts(DType::Bool, {}, {keepGoing ? 1 : 0}));
    args.insert(args.end(), values.begin(), values.end());
    std::vector<Tensor> results;
    if (Status s = ctx.runSubgraph(0, args, results); !s)
      return s;
    if (results.size() != 1 + carried + scans)
      return ctx.error("the body yields " + std::to_string(results.size()) + " values, expected " +
                       std::to_string(1 + carried + scans));
    if (results[0].numel() != 1)
      return ctx.error("the body yields a condition of shape " + shapeToString(results[0].shape()));
    keepGoing = results[0].getDouble(0) != 0;
    for (size_t i = 0; i < carried; ++i)
      values[i] = std::move(results[1 + i]);
    for (size_t i = 0; i < scans; ++i) {
      scanElements[i] += results[1 + carried + i].numel();
      if (scanElements[i] > kMaxKernelElements)
        return ctx.error("scan output " + std::to_string(i) + " grows too large");
      scanParts[i].push_back(std::move(results[1 + carried + i]));
    }
  }
  for (size_t i = 0; i < carried; ++i)
    ctx.setOutput(i, std::move(values[i]));
  for (size_t i = 0; i < scans; ++i) {
    Tensor stacked;
    if (Status s = stackScanOutput(ctx, scanParts[i], ctx.outputDType(carried + i), stacked); !s)
      return s;
    ctx.setOutput(carried + i, std::move(stacked));
  }
  return Status::success();
}

} // namespace

void registerControlFlowKernels() {
  registerKernel("If", ifKernel);
  registerKernel("Loop", loopKernel);
}

} // namespace hone::ref
