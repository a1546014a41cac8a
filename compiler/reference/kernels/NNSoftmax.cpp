//===- NNSoftmax.cpp - Reference kernels of Softmax, Dropout and losses ---===//
//
// Softmax, LogSoftmax and Hardmax along one axis (opset 13 meaning),
// Dropout in inference, NegativeLogLikelihoodLoss and
// SoftmaxCrossEntropyLoss. Softmax subtracts each row's maximum before exp.
//
//===----------------------------------------------------------------------===//
#include "compiler/reference/kernels/KernelSupport.h"
#include "compiler/reference/kernels/NNFamily.h"

#include <algorithm>
#include <limits>

namespace hone::ref {
namespace {

enum class Normalizer { Softmax, LogSoftmax, Hardmax };

/// Normalizes `x` along `axis` into a double buffer.
Status normalizeAlong(KernelContext &ctx, const Tensor &x, int64_t axis, Normalizer kind,
                      std::vector<double> &out) {
  if (!normalizeAxis(axis, x.rank()))
    return ctx.error("axis out of range");
  auto [outer, size, inner] = blocksAround(x.shape(), axis);
  out.assign(x.numel(), 0.0);
  for (int64_t o = 0; o < outer; ++o)
    for (int64_t i = 0; i < inner; ++i) {
      auto at = [&](int64_t j) { return (o * size + j) * inner + i; };
      double best = -std::numeric_limits<double>::infinity();
      int64_t arg = 0;
      for (int64_t j = 0; j < size; ++j)
        if (x.getDouble(at(j)) > best) {
          best = x.getDouble(at(j));
          arg = j;
        }
      if (kind == Normalizer::Hardmax) {
        if (size)
          out[at(arg)] = 1;
        continue;
      }
      double sum = 0;
      for (int64_t j = 0; j < size; ++j)
        sum += std::exp(x.getDouble(at(j)) - best);
      for (int64_t j = 0; j < size; ++j) {
        double shifted = x.getDouble(at(j)) - best;
        out[at(j)] =
            kind == Normalizer::Softmax ? std::exp(shifted) / sum : shifted - std::log(sum);
      }
    }
  return Status::success();
}

/// Registers Softmax, LogSoftmax or Hardmax as `op`.
void registerNormalizer(const std::string &op, Normalizer kind) {
  registerKernel(op, [kind](KernelContext &ctx) {
    const Tensor *x;
    if (Status s = requireInput(ctx, 0, x); !s)
      return s;
    std::vector<double> values;
    if (Status s = normalizeAlong(ctx, *x, ctx.getInt("axis", -1), kind, values); !s)
      return s;
    Tensor y(resultDType(ctx, 0, x->dtype()), x->shape());
    for (int64_t i = 0; i < y.numel(); ++i)
      y.setDouble(i, values[i]);
    ctx.setOutput(0, std::move(y));
    return Status::success();
  });
}

/// Dropout in inference: the identity, and an all-true mask.
Status dropoutKernel(KernelContext &ctx) {
  const Tensor *x;
  if (Status s = requireInput(ctx, 0, x); !s)
    return s;
  const Tensor *training = ctx.input(2), *ratioT = ctx.input(1);
  double ratio = ratioT && ratioT->numel() ? ratioT->getDouble(0) : 0.5;
  bool train = training && training->numel() && training->getInt(0);
  // Training-mode dropout is random; with ratio 0 it is the identity, which
  // is the only case that has a reference answer.
  if (train && ratio != 0)
    return ctx.error("training mode is not supported (ratio " + std::to_string(ratio) +
                     " makes the output random)");
  ctx.setOutput(0, *x);
  if (ctx.numOutputs() > 1) {
    Tensor mask(DType::Bool, x->shape());
    for (int64_t i = 0; i < mask.numel(); ++i)
      mask.setInt(i, 1);
    ctx.setOutput(1, std::move(mask));
  }
  return Status::success();
}

/// NegativeLogLikelihoodLoss on log-probabilities `logProb` [N, C, d...]
/// of element type `inputType`.
Status negativeLogLikelihood(KernelContext &ctx, const std::vector<double> &logProb,
                             const Shape &shape, DType inputType, const Tensor &target,
                             const Tensor *weight, Tensor &loss) {
  if (shape.size() < 2)
    return ctx.error("expected input of rank >= 2 (N x C ...)");
  int64_t n = shape[0], c = shape[1];
  Shape targetShape{n};
  targetShape.insert(targetShape.end(), shape.begin() + 2, shape.end());
  if (target.shape() != targetShape)
    return ctx.error("target shape " + shapeToString(target.shape()) + " does not match " +
                     shapeToString(targetShape));
  if (weight && weight->numel() != c)
    return ctx.error("weight must have one value per class");
  int64_t inner = shapeNumel(Shape(shape.begin() + 2, shape.end()));
  bool hasIgnore = ctx.hasAttr("ignore_index");
  int64_t ignore = ctx.getInt("ignore_index", 0);
  std::string reduction = ctx.getString("reduction", "mean");
  std::vector<double> losses(target.numel()), weights(target.numel());
  for (int64_t b = 0; b < n; ++b)
    for (int64_t i = 0; i < inner; ++i) {
      int64_t t = b * inner + i;
      int64_t cls = target.getInt(t);
      if (hasIgnore && cls == ignore) {
        losses[t] = weights[t] = 0;
        continue;
      }
      if (cls < 0 || cls >= c)
        return ctx.error("target class " + std::to_string(cls) + " out of range");
      double w = weight ? weight->getDouble(cls) : 1.0;
      losses[t] = -logProb[(b * c + cls) * inner + i] * w;
      weights[t] = w;
    }
  DType dtype = resultDType(ctx, 0, inputType);
  if (reduction == "none") {
    loss = Tensor(dtype, targetShape);
    for (int64_t i = 0; i < loss.numel(); ++i)
      loss.setDouble(i, losses[i]);
    return Status::success();
  }
  double sum = 0, weightSum = 0;
  for (size_t i = 0; i < losses.size(); ++i) {
    sum += losses[i];
    weightSum += weights[i];
  }
  if (reduction != "sum" && reduction != "mean")
    return ctx.error("unknown reduction '" + reduction + "'");
  loss = Tensor(dtype, {});
  loss.setDouble(0, reduction == "sum" ? sum : (weightSum ? sum / weightSum : 0.0));
  return Status::success();
}

/// NegativeLogLikelihoodLoss on given log-probabilities.
Status nllKernel(KernelContext &ctx) {
  const Tensor *input, *target;
  if (Status s = requireInputs(ctx, {&input, &target}); !s)
    return s;
  Tensor loss;
  if (Status s = negativeLogLikelihood(ctx, input->toDoubles(), input->shape(), input->dtype(),
                                       *target, ctx.input(2), loss);
      !s)
    return s;
  ctx.setOutput(0, std::move(loss));
  return Status::success();
}

/// SoftmaxCrossEntropyLoss: NegativeLogLikelihoodLoss of LogSoftmax over
/// the class axis (1); optionally returns those log-probabilities.
Status softmaxCrossEntropyKernel(KernelContext &ctx) {
  const Tensor *scores, *labels;
  if (Status s = requireInputs(ctx, {&scores, &labels}); !s)
    return s;
  if (scores->rank() < 2)
    return ctx.error("expected scores of rank >= 2");
  std::vector<double> logProb;
  if (Status s = normalizeAlong(ctx, *scores, 1, Normalizer::LogSoftmax, logProb); !s)
    return s;
  Tensor loss;
  if (Status s = negativeLogLikelihood(ctx, logProb, scores->shape(), scores->dtype(), *labels,
                                       ctx.input(2), loss);
      !s)
    return s;
  ctx.setOutput(0, std::move(loss));
  if (ctx.numOutputs() > 1) {
    Tensor out(resultDType(ctx, 1, scores->dtype()), scores->shape());
    for (int64_t i = 0; i < out.numel(); ++i)
      out.setDouble(i, logProb[i]);
    ctx.setOutput(1, std::move(out));
  }
  return Status::success();
}

} // namespace

void registerSoftmaxKernels() {
  registerNormalizer("Softmax", Normalizer::Softmax);
  registerNormalizer("LogSoftmax", Normalizer::LogSoftmax);
  registerNormalizer("Hardmax", Normalizer::Hardmax);
  registerKernel("Dropout", dropoutKernel);
  registerKernel("NegativeLogLikelihoodLoss", nllKernel);
  registerKernel("SoftmaxCrossEntropyLoss", softmaxCrossEntropyKernel);
}

} // namespace hone::ref
