//===- Elementwise.cpp - Elementwise family: conversion and selection -----===//
//
// The entry point of the elementwise family, and the ops that convert or
// select elements rather than compute them: Cast, CastLike, Identity, Where
// and Clip. Conversions follow numpy's astype: floats to integers truncate
// toward zero (saturating where C++ would be undefined), anything to bool is
// "non-zero", integers to narrower integers wrap.
//
//===----------------------------------------------------------------------===//
#include "compiler/reference/kernels/ElementwiseFamily.h"
#include "compiler/reference/kernels/KernelSupport.h"
#include "compiler/reference/kernels/Kernels.h"

namespace hone::ref {
namespace {

/// Every element of `x` converted to `to`.
Tensor convertElements(const Tensor &x, DType to) {
  Tensor y(to, x.shape());
  bool fromFloat = isFloatDType(x.dtype());
  for (int64_t i = 0; i < x.numel(); ++i) {
    if (to == DType::Bool)
      y.setInt(i, fromFloat ? x.getDouble(i) != 0 : x.getUInt(i) != 0);
    else if (fromFloat || isFloatDType(to))
      y.setDouble(i, x.getDouble(i));
    else if (isUnsignedDType(x.dtype()))
      y.setUInt(i, x.getUInt(i));
    else
      y.setInt(i, x.getInt(i));
  }
  return y;
}

/// Cast: attribute `to` is an ONNX element type number.
Status castKernel(KernelContext &ctx) {
  const Tensor *x;
  if (Status s = requireInput(ctx, 0, x); !s)
    return s;
  if (!ctx.hasAttr("to"))
    return ctx.error("missing attribute 'to'");
  int64_t to = ctx.getInt("to", 0);
  DType dtype = dtypeFromOnnx(to);
  if (dtype == DType::Undefined)
    return ctx.error("cannot cast to ONNX element type " + std::to_string(to));
  if (Status s = checkTypeIn(ctx, *x, kAllTypes, "input"); !s)
    return s;
  ctx.setOutput(0, convertElements(*x, dtype));
  return Status::success();
}

/// CastLike: converts input 0 to the element type of input 1.
Status castLikeKernel(KernelContext &ctx) {
  const Tensor *x, *like;
  if (Status s = requireInputs(ctx, {&x, &like}); !s)
    return s;
  if (Status s = checkTypeIn(ctx, *x, kAllTypes, "input"); !s)
    return s;
  if (Status s = checkTypeIn(ctx, *like, kAllTypes, "target_type"); !s)
    return s;
  ctx.setOutput(0, convertElements(*x, like->dtype()));
  return Status::success();
}

Status identityKernel(KernelContext &ctx) {
  const Tensor *x;
  if (Status s = requireInput(ctx, 0, x); !s)
    return s;
  ctx.setOutput(0, *x);
  return Status::success();
}

/// Where: X where the condition holds, else Y; all three broadcast.
Status whereKernel(KernelContext &ctx) {
  const Tensor *cond, *x, *y;
  if (Status s = requireInputs(ctx, {&cond, &x, &y}); !s)
    return s;
  if (Status s = checkTypeIn(ctx, *cond, kBoolType, "condition"); !s)
    return s;
  if (Status s = checkSameType(ctx, *x, *y); !s)
    return s;
  Shape shape, xyShape;
  if (!broadcastShapes(x->shape(), y->shape(), xyShape) ||
      !broadcastShapes(cond->shape(), xyShape, shape))
    return ctx.error("cannot broadcast condition " + shapeToString(cond->shape()) + ", X " +
                     shapeToString(x->shape()) + " and Y " + shapeToString(y->shape()));
  if (Status s = checkShape(ctx, shape); !s)
    return s;
  std::vector<int64_t> condMap = broadcastIndexMap(cond->shape(), shape);
  std::vector<int64_t> xMap = broadcastIndexMap(x->shape(), shape);
  std::vector<int64_t> yMap = broadcastIndexMap(y->shape(), shape);
  Tensor out(x->dtype(), shape);
  for (int64_t i = 0; i < out.numel(); ++i) {
    if (cond->getInt(condMap[i]))
      out.copyElement(i, *x, xMap[i]);
    else
      out.copyElement(i, *y, yMap[i]);
  }
  ctx.setOutput(0, std::move(out));
  return Status::success();
}

/// Clip: limits to [min, max], each an optional scalar input. As in numpy,
/// min above max gives max, and NaN stays NaN.
Status clipKernel(KernelContext &ctx) {
  const Tensor *x;
  if (Status s = requireInput(ctx, 0, x); !s)
    return s;
  if (Status s = checkTypeIn(ctx, *x, kNumericTypes, "input"); !s)
    return s;
  const Tensor *lo = ctx.input(1), *hi = ctx.input(2);
  for (const Tensor *bound : {lo, hi}) {
    if (!bound)
      continue;
    if (Status s = checkSameType(ctx, *x, *bound); !s)
      return s;
    if (bound->numel() != 1)
      return ctx.error("min and max must be scalars, got shape " + shapeToString(bound->shape()));
  }
  Tensor y(x->dtype(), x->shape());
  TypeSet kind = typeSetOf(x->dtype());
  for (int64_t i = 0; i < x->numel(); ++i) {
    if (kind == kFloatTypes) {
      double v = x->getDouble(i);
      if (lo && v < lo->getDouble(0))
        v = lo->getDouble(0);
      if (hi && v > hi->getDouble(0))
        v = hi->getDouble(0);
      y.setDouble(i, v);
    } else if (kind == kUnsignedTypes) {
      uint64_t v = x->getUInt(i);
      if (lo && v < lo->getUInt(0))
        v = lo->getUInt(0);
      if (hi && v > hi->getUInt(0))
        v = hi->getUInt(0);
      y.setUInt(i, v);
    } else {
      int64_t v = x->getInt(i);
      if (lo && v < lo->getInt(0))
        v = lo->getInt(0);
      if (hi && v > hi->getInt(0))
        v = hi->getInt(0);
      y.setInt(i, v);
    }
  }
  ctx.setOutput(0, std::move(y));
  return Status::success();
}

} // namespace

void registerElementwiseKernels() {
  registerUnaryKernels();
  registerBinaryKernels();
  registerVariadicKernels();
  registerKernel("Cast", castKernel);
  registerKernel("CastLike", castLikeKernel);
  registerKernel("Identity", identityKernel);
  registerKernel("Where", whereKernel);
  registerKernel("Clip", clipKernel);
}

} // namespace hone::ref
