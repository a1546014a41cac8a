//===- ControlFlow.cpp - Reference kernels of If and Loop -----------------===//
//
// The bodies are regions of the op; the evaluator runs them through
// KernelContext::runSubgraph. Loop follows opset 16: optional trip count and
// condition, loop-carried values, and scan outputs stacked along a new
// leading axis.
//
//===----------------------------------------------------------------------===//
#include "compiler/reference/kernels/KernelSupport.h"
#include "compiler/reference/kernels/TensorFamily.h"

namespace hone::ref {
namespace {

/// A loop stops with an error here, whatever its trip count says: the
/// reference evaluator is not meant for longer loops, and a hostile trip
/// count must not run for hours.
constexpr int64_t kMaxLoopIterations = 10'000'000;

Status ifKernel(KernelContext &ctx) {
  const Tensor *cond;
  if (Status s = requireInput(ctx, 0, cond); !s)
    return s;
  if (cond->numel() != 1)
    return ctx.error("expected a single-element condition");
  std::vector<Tensor> results;
  if (Status s = ctx.runSubgraph(cond->getInt(0) ? 0 : 1, {}, results); !s)
    return s;
  if (results.size() != ctx.numOutputs())
    return ctx.error("the branch yields " + std::to_string(results.size()) + " values, expected " +
                     std::to_string(ctx.numOutputs()));
  for (size_t i = 0; i < results.size(); ++i)
    ctx.setOutput(i, std::move(results[i]));
  return Status::success();
}

/// Stacks same-shaped tensors along a new axis 0.
Status stack(KernelContext &ctx, const std::vector<Tensor> &parts, DType dtype, Tensor &out) {
  if (parts.empty()) {
    out = Tensor(dtype, {0});
    return Status::success();
  }
  Shape shape = parts[0].shape();
  shape.insert(shape.begin(), static_cast<int64_t>(parts.size()));
  if (Status s = checkShape(ctx, shape); !s)
    return s;
  out = Tensor(parts[0].dtype(), shape);
  int64_t size = parts[0].numel();
  for (size_t k = 0; k < parts.size(); ++k) {
    if (parts[k].shape() != parts[0].shape())
      return ctx.error("scan output changes shape between iterations");
    for (int64_t i = 0; i < size; ++i)
      out.copyElement(static_cast<int64_t>(k) * size + i, parts[k], i);
  }
  return Status::success();
}

Status loopKernel(KernelContext &ctx) {
  const Tensor *tripCount = ctx.input(0), *condition = ctx.input(1);
  int64_t maxTrips = tripCount && tripCount->numel() ? tripCount->getInt(0) : kMaxLoopIterations;
  bool keepGoing = condition ? condition->getInt(0) != 0 : true;
  size_t carried = ctx.numInputs() >= 2 ? ctx.numInputs() - 2 : 0;
  std::vector<Tensor> values;
  for (size_t i = 0; i < carried; ++i) {
    if (!ctx.input(2 + i))
      return ctx.error("missing loop-carried input " + std::to_string(i));
    values.push_back(*ctx.input(2 + i));
  }
  if (ctx.numOutputs() < carried)
    return ctx.error("fewer outputs than loop-carried values");
  size_t scans = ctx.numOutputs() - carried;
  std::vector<std::vector<Tensor>> scanParts(scans);
  int64_t iteration = 0;
  for (; iteration < maxTrips && keepGoing; ++iteration) {
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
    keepGoing = results[0].numel() == 1 && results[0].getInt(0) != 0;
    for (size_t i = 0; i < carried; ++i)
      values[i] = std::move(results[1 + i]);
    for (size_t i = 0; i < scans; ++i)
      scanParts[i].push_back(std::move(results[1 + carried + i]));
  }
  for (size_t i = 0; i < carried; ++i)
    ctx.setOutput(i, std::move(values[i]));
  for (size_t i = 0; i < scans; ++i) {
    Tensor stacked;
    if (Status s = stack(ctx, scanParts[i], ctx.outputDType(carried + i), stacked); !s)
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
