//===- NNNorm.cpp - Reference kernels of normalizations -------------------===//
//
// BatchNormalization (inference, and training mode's batch statistics),
// InstanceNormalization, LayerNormalization, LRN,
// MeanVarianceNormalization and LpNormalization. Statistics are computed in
// double over the normalized elements of each group.
//
//===----------------------------------------------------------------------===//
#include "compiler/reference/kernels/KernelSupport.h"
#include "compiler/reference/kernels/NNFamily.h"

#include <algorithm>

namespace hone::ref {
namespace {

/// Per channel `ch` of [N, C, spatial...]: the flat indices of its elements.
template <typename Fn> void forEachInChannel(const Tensor &x, int64_t ch, Fn &&fn) {
  int64_t n = x.dim(0), c = x.dim(1), inner = n * c != 0 ? x.numel() / (n * c) : 0;
  for (int64_t b = 0; b < n; ++b)
    for (int64_t i = 0; i < inner; ++i)
      fn((b * c + ch) * inner + i);
}

/// BatchNormalization: per channel, (x - mean) / sqrt(var + epsilon) *
/// scale + B; training_mode uses the batch statistics and also returns the
/// updated running mean and variance.
Status batchNormKernel(KernelContext &ctx) {
  const Tensor *x, *scale, *bias, *mean, *var;
  if (Status s = requireInputs(ctx, {&x, &scale, &bias, &mean, &var}); !s)
    return s;
  if (x->rank() < 2)
    return ctx.error("expected input of rank >= 2");
  int64_t c = x->dim(1);
  for (const Tensor *t : {scale, bias, mean, var})
    if (t->numel() != c)
      return ctx.error("scale, B, mean and var must have one value per channel");
  double epsilon = ctx.getFloat("epsilon", 1e-5), momentum = ctx.getFloat("momentum", 0.9);
  bool training = ctx.getInt("training_mode", 0) != 0;
  Tensor y(resultDType(ctx, 0, x->dtype()), x->shape());
  Tensor runningMean(resultDType(ctx, 1, mean->dtype()), {c}),
      runningVar(resultDType(ctx, 2, var->dtype()), {c});
  for (int64_t ch = 0; ch < c; ++ch) {
    double mu = mean->getDouble(ch), sigma2 = var->getDouble(ch);
    if (training) {
      // Batch statistics (population variance), and the running averages.
      double sum = 0, sq = 0;
      int64_t count = 0;
      forEachInChannel(*x, ch, [&](int64_t i) {
        sum += x->getDouble(i);
        ++count;
      });
      double batchMean = count ? sum / count : 0;
      forEachInChannel(*x, ch, [&](int64_t i) {
        double d = x->getDouble(i) - batchMean;
        sq += d * d;
      });
      double batchVar = count ? sq / count : 0;
      runningMean.setDouble(ch, mu * momentum + batchMean * (1 - momentum));
      runningVar.setDouble(ch, sigma2 * momentum + batchVar * (1 - momentum));
      mu = batchMean;
      sigma2 = batchVar;
    } else {
      runningMean.setDouble(ch, mu);
      runningVar.setDouble(ch, sigma2);
    }
    double factor = scale->getDouble(ch) / std::sqrt(sigma2 + epsilon), shift = bias->getDouble(ch);
    forEachInChannel(*x, ch,
                     [&](int64_t i) { y.setDouble(i, (x->getDouble(i) - mu) * factor + shift); });
  }
  ctx.setOutput(0, std::move(y));
  if (ctx.numOutputs() > 1)
    ctx.setOutput(1, std::move(runningMean));
  if (ctx.numOutputs() > 2)
    ctx.setOutput(2, std::move(runningVar));
  return Status::success();
}

/// InstanceNormalization: normalizes each (batch, channel) over its
/// spatial elements.
Status instanceNormKernel(KernelContext &ctx) {
  const Tensor *x, *scale, *bias;
  if (Status s = requireInputs(ctx, {&x, &scale, &bias}); !s)
    return s;
  if (x->rank() < 3 || scale->numel() != x->dim(1) || bias->numel() != x->dim(1))
    return ctx.error("expected N x C x spatial input and per-channel scale and B");
  double epsilon = ctx.getFloat("epsilon", 1e-5);
  int64_t n = x->dim(0), c = x->dim(1), inner = x->numel() / std::max<int64_t>(1, n * c);
  Tensor y(resultDType(ctx, 0, x->dtype()), x->shape());
  for (int64_t g = 0; g < n * c; ++g) {
    double sum = 0, sq = 0;
    for (int64_t i = 0; i < inner; ++i)
      sum += x->getDouble(g * inner + i);
    double mean = sum / inner;
    for (int64_t i = 0; i < inner; ++i)
      sq += std::pow(x->getDouble(g * inner + i) - mean, 2);
    double factor = scale->getDouble(g % c) / std::sqrt(sq / inner + epsilon);
    for (int64_t i = 0; i < inner; ++i)
      y.setDouble(g * inner + i,
                  (x->getDouble(g * inner + i) - mean) * factor + bias->getDouble(g % c));
  }
  ctx.setOutput(0, std::move(y));
  return Status::success();
}

/// LayerNormalization: normalizes over the dims from `axis` on; also
/// returns Mean and InvStdDev with those dims kept as 1.
Status layerNormKernel(KernelContext &ctx) {
  const Tensor *x, *scale;
  if (Status s = requireInputs(ctx, {&x, &scale}); !s)
    return s;
  const Tensor *bias = ctx.input(2);
  int64_t axis = ctx.getInt("axis", -1);
  if (!normalizeAxis(axis, x->rank()))
    return ctx.error("axis out of range");
  double epsilon = ctx.getFloat("epsilon", 1e-5);
  Shape normShape(x->shape().begin() + axis, x->shape().end());
  int64_t inner = shapeNumel(normShape), outer = inner ? x->numel() / inner : 0;
  Shape outerShape(x->shape().begin(), x->shape().begin() + axis);
  Shape statShape = outerShape;
  statShape.insert(statShape.end(), x->rank() - axis, 1);
  Shape broadcast;
  if (!broadcastShapes(scale->shape(), normShape, broadcast) || broadcast != normShape ||
      (bias && (!broadcastShapes(bias->shape(), normShape, broadcast) || broadcast != normShape)))
    return ctx.error("Scale and B must broadcast to the normalized dims");
  std::vector<int64_t> mapScale = broadcastIndexMap(scale->shape(), normShape);
  std::vector<int64_t> mapBias =
      bias ? broadcastIndexMap(bias->shape(), normShape) : std::vector<int64_t>();
  Tensor y(resultDType(ctx, 0, x->dtype()), x->shape());
  Tensor meanOut(ctx.numOutputs() > 1 ? ctx.outputDType(1) : DType::F32, statShape);
  Tensor invStdOut(ctx.numOutputs() > 2 ? ctx.outputDType(2) : DType::F32, statShape);
  for (int64_t o = 0; o < outer; ++o) {
    double sum = 0, sq = 0;
    for (int64_t i = 0; i < inner; ++i)
      sum += x->getDouble(o * inner + i);
    double mean = sum / inner;
    for (int64_t i = 0; i < inner; ++i)
      sq += std::pow(x->getDouble(o * inner + i) - mean, 2);
    double invStd = 1 / std::sqrt(sq / inner + epsilon);
    for (int64_t i = 0; i < inner; ++i)
      y.setDouble(o * inner + i,
                  (x->getDouble(o * inner + i) - mean) * invStd * scale->getDouble(mapScale[i]) +
                      (bias ? bias->getDouble(mapBias[i]) : 0.0));
    meanOut.setDouble(o, mean);
    invStdOut.setDouble(o, invStd);
  }
  ctx.setOutput(0, std::move(y));
  if (ctx.numOutputs() > 1)
    ctx.setOutput(1, std::move(meanOut));
  if (ctx.numOutputs() > 2)
    ctx.setOutput(2, std::move(invStdOut));
  return Status::success();
}

/// LRN: divides by (bias + alpha / size * sum of squares over `size`
/// neighbouring channels) ^ beta.
Status lrnKernel(KernelContext &ctx) {
  const Tensor *x;
  if (Status s = requireInput(ctx, 0, x); !s)
    return s;
  if (x->rank() < 3)
    return ctx.error("expected input of rank >= 3");
  double alpha = ctx.getFloat("alpha", 1e-4), beta = ctx.getFloat("beta", 0.75),
         bias = ctx.getFloat("bias", 1.0);
  int64_t size = ctx.getInt("size", 0);
  if (size < 1)
    return ctx.error("size must be positive");
  int64_t n = x->dim(0), c = x->dim(1), inner = x->numel() / std::max<int64_t>(1, n * c);
  if (Status s = checkWork(ctx, {x->numel(), std::min(size, c)}); !s)
    return s;
  int64_t before = (size - 1) / 2, after = size - 1 - before;
  Tensor y(resultDType(ctx, 0, x->dtype()), x->shape());
  for (int64_t b = 0; b < n; ++b)
    for (int64_t ch = 0; ch < c; ++ch)
      for (int64_t i = 0; i < inner; ++i) {
        double sq = 0;
        for (int64_t j = std::max<int64_t>(0, ch - before); j <= std::min(c - 1, ch + after); ++j)
          sq += std::pow(x->getDouble((b * c + j) * inner + i), 2);
        int64_t at = (b * c + ch) * inner + i;
        y.setDouble(at, x->getDouble(at) / std::pow(bias + alpha / size * sq, beta));
      }
  ctx.setOutput(0, std::move(y));
  return Status::success();
}

/// MeanVarianceNormalization: (x - mean) / (std + 1e-9) over `axes`, as
/// the ONNX function body computes it.
Status meanVarianceNormKernel(KernelContext &ctx) {
  const Tensor *x;
  if (Status s = requireInput(ctx, 0, x); !s)
    return s;
  std::vector<int64_t> axes = ctx.getInts("axes", {0, 2, 3});
  std::vector<bool> reduced(x->rank(), false);
  for (int64_t axis : axes) {
    if (!normalizeAxis(axis, x->rank()))
      return ctx.error("axis out of range");
    reduced[axis] = true;
  }
  Shape kept;
  for (int64_t d = 0; d < x->rank(); ++d)
    kept.push_back(reduced[d] ? 1 : x->dim(d));
  std::vector<int64_t> keptStrides = shapeStrides(kept), index, group(x->numel());
  for (int64_t i = 0; i < x->numel(); ++i) {
    unflatten(i, x->shape(), index);
    int64_t g = 0;
    for (int64_t d = 0; d < x->rank(); ++d)
      g += (reduced[d] ? 0 : index[d]) * keptStrides[d];
    group[i] = g;
  }
  int64_t groups = shapeNumel(kept), count = groups ? x->numel() / groups : 0;
  std::vector<double> sum(groups, 0), sq(groups, 0);
  for (int64_t i = 0; i < x->numel(); ++i)
    sum[group[i]] += x->getDouble(i);
  for (int64_t i = 0; i < x->numel(); ++i)
    sq[group[i]] += std::pow(x->getDouble(i) - sum[group[i]] / count, 2);
  Tensor y(resultDType(ctx, 0, x->dtype()), x->shape());
  for (int64_t i = 0; i < x->numel(); ++i)
    y.setDouble(i, (x->getDouble(i) - sum[group[i]] / count) /
                       (std::sqrt(sq[group[i]] / count) + 1e-9));
  ctx.setOutput(0, std::move(y));
  return Status::success();
}

/// LpNormalization: divides by the L1 or L2 norm along `axis`.
Status lpNormKernel(KernelContext &ctx) {
  const Tensor *x;
  if (Status s = requireInput(ctx, 0, x); !s)
    return s;
  int64_t axis = ctx.getInt("axis", -1), p = ctx.getInt("p", 2);
  if (!normalizeAxis(axis, x->rank()) || (p != 1 && p != 2))
    return ctx.error("axis out of range or p not 1 or 2");
  auto [outer, size, inner] = blocksAround(x->shape(), axis);
  Tensor y(resultDType(ctx, 0, x->dtype()), x->shape());
  for (int64_t o = 0; o < outer; ++o)
    for (int64_t i = 0; i < inner; ++i) {
      double norm = 0;
      for (int64_t j = 0; j < size; ++j) {
        double v = x->getDouble((o * size + j) * inner + i);
        norm += p == 1 ? std::fabs(v) : v * v;
      }
      if (p == 2)
        norm = std::sqrt(norm);
      for (int64_t j = 0; j < size; ++j) {
        int64_t at = (o * size + j) * inner + i;
        y.setDouble(at, norm ? x->getDouble(at) / norm : 0.0);
      }
    }
  ctx.setOutput(0, std::move(y));
  return Status::success();
}

} // namespace

void registerNormKernels() {
  registerKernel("BatchNormalization", batchNormKernel);
  registerKernel("InstanceNormalization", instanceNormKernel);
  registerKernel("LayerNormalization", layerNormKernel);
  registerKernel("LRN", lrnKernel);
  registerKernel("MeanVarianceNormalization", meanVarianceNormKernel);
  registerKernel("LpNormalization", lpNormKernel);
}

} // namespace hone::ref
