//===- NNPool.cpp - Reference kernels of pooling --------------------------===//
//
// AveragePool, MaxPool (with Indices), LpPool, their global forms, and
// MaxUnpool. ceil_mode drops a last window that would start in the end
// padding, as ONNX's reference does.
//
//===----------------------------------------------------------------------===//
#include "compiler/reference/kernels/KernelSupport.h"
#include "compiler/reference/kernels/NNFamily.h"

#include <algorithm>
#include <limits>

namespace hone::ref {
namespace {

enum class PoolKind { Average, Max, Lp };

/// AveragePool, MaxPool (and its Indices output) and LpPool over windows
/// of kernel_shape.
Status poolKernel(KernelContext &ctx, PoolKind kind) {
  const Tensor *x;
  if (Status s = requireInput(ctx, 0, x); !s)
    return s;
  if (x->rank() < 3)
    return ctx.error("expected input of rank >= 3");
  size_t spatial = x->rank() - 2;
  Shape inSpatial(x->shape().begin() + 2, x->shape().end());
  std::vector<int64_t> kernel = ctx.getInts("kernel_shape");
  WindowGeometry g;
  if (Status s = resolveWindow(ctx, inSpatial, kernel, false, g); !s)
    return s;
  bool ceilMode = ctx.getInt("ceil_mode", 0) != 0;
  bool countPad = ctx.getInt("count_include_pad", 0) != 0;
  double p = static_cast<double>(ctx.getInt("p", 2));
  Shape outSpatial;
  for (size_t i = 0; i < spatial; ++i) {
    int64_t extent = (kernel[i] - 1) * g.dilations[i] + 1;
    int64_t padded = inSpatial[i] + g.padsBegin[i] + g.padsEnd[i] - extent;
    if (padded < 0)
      return ctx.error("input too small for the kernel");
    int64_t size =
        (ceilMode ? (padded + g.strides[i] - 1) / g.strides[i] : padded / g.strides[i]) + 1;
    if (ceilMode && (size - 1) * g.strides[i] >= inSpatial[i] + g.padsBegin[i])
      --size;
    outSpatial.push_back(size);
  }
  Shape outShape{x->dim(0), x->dim(1)};
  outShape.insert(outShape.end(), outSpatial.begin(), outSpatial.end());
  if (Status s = checkShape(ctx, outShape); !s)
    return s;
  if (Status s = checkWork(ctx, {shapeNumel(outShape), shapeNumel(kernel)}); !s)
    return s;
  Tensor y(resultDType(ctx, 0, x->dtype()), outShape);
  Tensor indices(resultDType(ctx, 1, DType::I64), outShape);
  bool columnMajor = ctx.getInt("storage_order", 0) != 0;
  int64_t channels = x->dim(0) * x->dim(1), inPixels = shapeNumel(inSpatial),
          outPixels = shapeNumel(outSpatial), kernelPixels = shapeNumel(kernel);
  std::vector<int64_t> inStrides = shapeStrides(inSpatial), o, k;
  // Column-major strides for MaxPool's storage_order = 1 indices.
  std::vector<int64_t> colStrides(spatial, 1);
  for (size_t d = 1; d < spatial; ++d)
    colStrides[d] = colStrides[d - 1] * inSpatial[d - 1];
  for (int64_t ch = 0; ch < channels; ++ch)
    for (int64_t op = 0; op < outPixels; ++op) {
      unflatten(op, outSpatial, o);
      double sum = 0, best = -std::numeric_limits<double>::infinity();
      int64_t bestIndex = -1, count = 0, padCount = 0;
      for (int64_t kp = 0; kp < kernelPixels; ++kp) {
        unflatten(kp, kernel, k);
        int64_t flat = 0, colFlat = 0;
        bool inside = true, inPadded = true;
        for (size_t d = 0; d < spatial; ++d) {
          int64_t i = o[d] * g.strides[d] - g.padsBegin[d] + k[d] * g.dilations[d];
          inside &= i >= 0 && i < inSpatial[d];
          inPadded &= i < inSpatial[d] + g.padsEnd[d];
          flat += i * inStrides[d];
          colFlat += i * colStrides[d];
        }
        if (inPadded)
          ++padCount;
        if (!inside)
          continue;
        double v = x->getDouble(ch * inPixels + flat);
        ++count;
        if (kind == PoolKind::Max) {
          if (v > best || bestIndex < 0) {
            best = v;
            bestIndex = (columnMajor ? colFlat : flat) + ch * inPixels;
          }
        } else if (kind == PoolKind::Lp) {
          sum += std::pow(std::fabs(v), p);
        } else {
          sum += v;
        }
      }
      double value;
      if (kind == PoolKind::Max)
        value = bestIndex < 0 ? 0.0 : best;
      else if (kind == PoolKind::Lp)
        value = std::pow(sum, 1.0 / p);
      else
        value = sum / static_cast<double>(countPad ? padCount : std::max<int64_t>(count, 1));
      y.setDouble(ch * outPixels + op, value);
      indices.setInt(ch * outPixels + op, bestIndex);
    }
  ctx.setOutput(0, std::move(y));
  if (ctx.numOutputs() > 1)
    ctx.setOutput(1, std::move(indices));
  return Status::success();
}

/// The Global* pools: one window covering all spatial dims.
Status globalPoolKernel(KernelContext &ctx, PoolKind kind) {
  const Tensor *x;
  if (Status s = requireInput(ctx, 0, x); !s)
    return s;
  if (x->rank() < 3)
    return ctx.error("expected input of rank >= 3");
  Shape outShape{x->dim(0), x->dim(1)};
  outShape.insert(outShape.end(), x->rank() - 2, 1);
  int64_t channels = x->dim(0) * x->dim(1), pixels = channels ? x->numel() / channels : 0;
  double p = static_cast<double>(ctx.getInt("p", 2));
  Tensor y(resultDType(ctx, 0, x->dtype()), outShape);
  for (int64_t ch = 0; ch < channels; ++ch) {
    double acc = kind == PoolKind::Max ? -std::numeric_limits<double>::infinity() : 0.0;
    for (int64_t i = 0; i < pixels; ++i) {
      double v = x->getDouble(ch * pixels + i);
      if (kind == PoolKind::Max)
        acc = std::max(acc, v);
      else if (kind == PoolKind::Lp)
        acc += std::pow(std::fabs(v), p);
      else
        acc += v;
    }
    if (kind == PoolKind::Average)
      acc /= static_cast<double>(pixels);
    else if (kind == PoolKind::Lp)
      acc = std::pow(acc, 1.0 / p);
    y.setDouble(ch, acc);
  }
  ctx.setOutput(0, std::move(y));
  return Status::success();
}

/// MaxUnpool: scatters X to the positions MaxPool's Indices name, zeros
/// elsewhere.
Status maxUnpoolKernel(KernelContext &ctx) {
  const Tensor *x, *indices;
  if (Status s = requireInputs(ctx, {&x, &indices}); !s)
    return s;
  if (x->rank() < 3 || indices->shape() != x->shape())
    return ctx.error("expected indices of the input's shape and rank >= 3");
  size_t spatial = x->rank() - 2;
  // Indices address the default unpooled shape (the inverse of the pool);
  // output_shape may enlarge it, keeping each element at its coordinates.
  Shape inSpatial(x->shape().begin() + 2, x->shape().end());
  std::vector<int64_t> kernel = ctx.getInts("kernel_shape");
  WindowGeometry g;
  if (Status s = resolveWindow(ctx, inSpatial, kernel, false, g); !s)
    return s;
  Shape defaultShape{x->dim(0), x->dim(1)};
  for (size_t i = 0; i < spatial; ++i)
    defaultShape.push_back((inSpatial[i] - 1) * g.strides[i] + kernel[i] - g.padsBegin[i] -
                           g.padsEnd[i]);
  Shape outShape = defaultShape;
  if (const Tensor *given = ctx.input(2)) {
    outShape = given->toInts();
    if (outShape.size() != static_cast<size_t>(x->rank()))
      return ctx.error("output_shape has the wrong rank");
  }
  if (Status s = checkShape(ctx, outShape); !s)
    return s;
  if (Status s = checkShape(ctx, defaultShape); !s)
    return s;
  Tensor y(resultDType(ctx, 0, x->dtype()), outShape);
  std::vector<int64_t> outStrides = shapeStrides(outShape), index;
  int64_t defaultCount = shapeNumel(defaultShape);
  for (int64_t i = 0; i < x->numel(); ++i) {
    int64_t source = indices->getInt(i);
    if (source < 0 || source >= defaultCount)
      return ctx.error("index " + std::to_string(source) + " out of range");
    unflatten(source, defaultShape, index);
    for (size_t d = 0; d < index.size(); ++d)
      if (index[d] >= outShape[d])
        return ctx.error("index " + std::to_string(source) + " falls outside output_shape");
    y.copyElement(flatten(index, outStrides), *x, i);
  }
  ctx.setOutput(0, std::move(y));
  return Status::success();
}

} // namespace

void registerPoolKernels() {
  registerKernel("AveragePool",
                 [](KernelContext &ctx) { return poolKernel(ctx, PoolKind::Average); });
  registerKernel("MaxPool", [](KernelContext &ctx) { return poolKernel(ctx, PoolKind::Max); });
  registerKernel("LpPool", [](KernelContext &ctx) { return poolKernel(ctx, PoolKind::Lp); });
  registerKernel("GlobalAveragePool",
                 [](KernelContext &ctx) { return globalPoolKernel(ctx, PoolKind::Average); });
  registerKernel("GlobalMaxPool",
                 [](KernelContext &ctx) { return globalPoolKernel(ctx, PoolKind::Max); });
  registerKernel("GlobalLpPool",
                 [](KernelContext &ctx) { return globalPoolKernel(ctx, PoolKind::Lp); });
  registerKernel("MaxUnpool", maxUnpoolKernel);
}

} // namespace hone::ref
