//===- NNConv.cpp - Reference kernels of Conv and ConvTranspose -----------===//
//
// Direct loops over N-D convolutions with groups, strides, dilations and
// padding (explicit or auto_pad). For one output channel and one kernel tap,
// the output coordinates whose input coordinate lies inside the image form
// a box, computed per dim; the loops walk that box row by row, so padding
// costs no per-element test. Accumulation is in double; float32 operands
// are read in place, other types through a double copy, so whole models
// (ResNet-50) evaluate in seconds.
//
//===----------------------------------------------------------------------===//
#include "compiler/reference/kernels/KernelSupport.h"
#include "compiler/reference/kernels/NNFamily.h"

#include <algorithm>

namespace hone::ref {

Status resolveWindow(KernelContext &ctx, const Shape &spatialIn, const std::vector<int64_t> &kernel,
                     bool transposed, WindowGeometry &out) {
  size_t n = spatialIn.size();
  out.kernel = kernel;
  out.strides = ctx.getInts("strides", std::vector<int64_t>(n, 1));
  out.dilations = ctx.getInts("dilations", std::vector<int64_t>(n, 1));
  std::vector<int64_t> pads = ctx.getInts("pads", std::vector<int64_t>(2 * n, 0));
  if (out.kernel.size() != n || out.strides.size() != n || out.dilations.size() != n ||
      pads.size() != 2 * n)
    return ctx.error("kernel_shape, strides, dilations and pads do not match the " +
                     std::to_string(n) + " spatial dims");
  // The bound keeps window arithmetic ((kernel - 1) * dilation + pads) far
  // from int64 overflow whatever a model says.
  constexpr int64_t kLimit = int64_t(1) << 30;
  for (size_t i = 0; i < n; ++i)
    if (out.strides[i] < 1 || out.dilations[i] < 1 || out.kernel[i] < 1 || pads[i] < 0 ||
        pads[i + n] < 0 || out.strides[i] > kLimit || out.dilations[i] > kLimit ||
        out.kernel[i] > kLimit || pads[i] > kLimit || pads[i + n] > kLimit)
      return ctx.error("expected positive strides, dilations and kernel and non-negative pads "
                       "(all below 2^30), got strides " +
                       shapeToString(out.strides) + ", dilations " + shapeToString(out.dilations) +
                       ", kernel " + shapeToString(out.kernel) + ", pads " + shapeToString(pads));
  out.padsBegin.assign(pads.begin(), pads.begin() + n);
  out.padsEnd.assign(pads.begin() + n, pads.end());
  std::string autoPad = ctx.getString("auto_pad", "NOTSET");
  if (autoPad == "VALID") {
    std::fill(out.padsBegin.begin(), out.padsBegin.end(), 0);
    std::fill(out.padsEnd.begin(), out.padsEnd.end(), 0);
  } else if ((autoPad == "SAME_UPPER" || autoPad == "SAME_LOWER") && !transposed) {
    // (ConvTranspose derives SAME padding from its output size itself.)
    for (size_t i = 0; i < n; ++i) {
      int64_t extent = (out.kernel[i] - 1) * out.dilations[i] + 1;
      int64_t outSize = (spatialIn[i] + out.strides[i] - 1) / out.strides[i];
      int64_t total = std::max<int64_t>(0, (outSize - 1) * out.strides[i] + extent - spatialIn[i]);
      int64_t small = total / 2, large = total - small;
      bool upper = autoPad == "SAME_UPPER";
      out.padsBegin[i] = upper ? small : large;
      out.padsEnd[i] = upper ? large : small;
    }
  } else if (autoPad != "NOTSET" && autoPad != "SAME_UPPER" && autoPad != "SAME_LOWER") {
    return ctx.error("unknown auto_pad '" + autoPad + "'");
  }
  return Status::success();
}

namespace {

/// ceil(a / b) for b > 0 and any sign of a.
int64_t ceilDiv(int64_t a, int64_t b) { return a >= 0 ? (a + b - 1) / b : -((-a) / b); }

/// The coordinates `o` in [0, count) with 0 <= o * stride + offset < limit,
/// as the half-open range [lo, hi) (empty when lo == hi).
void insideRange(int64_t count, int64_t stride, int64_t offset, int64_t limit, int64_t &lo,
                 int64_t &hi) {
  lo = std::clamp<int64_t>(ceilDiv(-offset, stride), 0, count);
  hi = std::clamp<int64_t>(ceilDiv(limit - offset, stride), lo, count);
}

/// One strided walk of a convolution: for every `o` of the box
/// [lo, hi) (per spatial dim), `walked[flat(o)]` pairs with
/// `other[flat(o * stride + offset)]`; `walkedShape` and `otherShape` are the
/// two spatial shapes. Calls `row(walkedStart, otherStart, length)` for each
/// row of the last dim; the other index advances by `stride.back()` along it.
template <typename RowFn>
void walkBox(const Shape &walkedShape, const Shape &otherShape, const std::vector<int64_t> &strides,
             const std::vector<int64_t> &offsets, const std::vector<int64_t> &lo,
             const std::vector<int64_t> &hi, RowFn &&row) {
  size_t rank = walkedShape.size();
  for (size_t d = 0; d < rank; ++d)
    if (lo[d] >= hi[d])
      return;
  std::vector<int64_t> o(lo.begin(), lo.end());
  size_t last = rank - 1;
  while (true) {
    int64_t walked = 0, other = 0;
    for (size_t d = 0; d < rank; ++d) {
      walked = walked * walkedShape[d] + o[d];
      other = other * otherShape[d] + o[d] * strides[d] + offsets[d];
    }
    row(walked, other, hi[last] - lo[last]);
    // Advance the leading dims like an odometer.
    size_t d = last;
    while (d > 0) {
      --d;
      if (++o[d] < hi[d])
        break;
      o[d] = lo[d];
      if (d == 0)
        return;
    }
    if (last == 0)
      return;
  }
}

/// The shapes of one convolution (or transposed convolution): batch `n`,
/// input channels `c`, output channels `m`, `group`s, and spatial extents.
struct ConvShape {
  int64_t n, c, m, group;
  Shape inSpatial, outSpatial, kernel;
  WindowGeometry window;
};

/// Conv: out[b, oc, o] = bias[oc] + sum over ic of its group and taps k of
/// x[b, ic, o * stride + k * dilation - padBegin] * w[oc, ic, k].
template <typename T>
void convolve(const ConvShape &s, const T *x, const T *w, const Tensor *bias,
              std::vector<double> &out) {
  size_t rank = s.inSpatial.size();
  int64_t cg = s.c / s.group, mg = s.m / s.group;
  int64_t inPixels = shapeNumel(s.inSpatial), outPixels = shapeNumel(s.outSpatial),
          kernelPixels = shapeNumel(s.kernel);
  std::vector<int64_t> tap, offsets(rank), lo(rank), hi(rank);
  for (int64_t batch = 0; batch < s.n; ++batch)
    for (int64_t oc = 0; oc < s.m; ++oc) {
      double *acc = out.data() + (batch * s.m + oc) * outPixels;
      std::fill(acc, acc + outPixels, bias ? bias->getDouble(oc) : 0.0);
      for (int64_t icg = 0; icg < cg; ++icg) {
        const T *plane = x + (batch * s.c + (oc / mg) * cg + icg) * inPixels;
        const T *weights = w + (oc * cg + icg) * kernelPixels;
        for (int64_t kp = 0; kp < kernelPixels; ++kp) {
          double weight = weights[kp];
          if (weight == 0)
            continue;
          unflatten(kp, s.kernel, tap);
          for (size_t d = 0; d < rank; ++d) {
            offsets[d] = tap[d] * s.window.dilations[d] - s.window.padsBegin[d];
            insideRange(s.outSpatial[d], s.window.strides[d], offsets[d], s.inSpatial[d], lo[d],
                        hi[d]);
          }
          int64_t step = s.window.strides[rank - 1];
          walkBox(s.outSpatial, s.inSpatial, s.window.strides, offsets, lo, hi,
                  [&](int64_t o, int64_t i, int64_t length) {
                    for (int64_t j = 0; j < length; ++j)
                      acc[o + j] += weight * plane[i + j * step];
                  });
        }
      }
    }
}

/// ConvTranspose: every x[b, ic, i] * w[ic, ocg, k] lands on
/// out[b, oc, i * stride + k * dilation - padBegin] when that is inside.
template <typename T>
void convolveTransposed(const ConvShape &s, const T *x, const T *w, const Tensor *bias,
                        std::vector<double> &out) {
  size_t rank = s.inSpatial.size();
  int64_t cg = s.c / s.group, mg = s.m / s.group;
  int64_t inPixels = shapeNumel(s.inSpatial), outPixels = shapeNumel(s.outSpatial),
          kernelPixels = shapeNumel(s.kernel);
  std::vector<int64_t> tap, offsets(rank), lo(rank), hi(rank);
  for (int64_t batch = 0; batch < s.n; ++batch)
    for (int64_t oc = 0; oc < s.m; ++oc) {
      double *acc = out.data() + (batch * s.m + oc) * outPixels;
      std::fill(acc, acc + outPixels, bias ? bias->getDouble(oc) : 0.0);
      int64_t grp = oc / mg, ocg = oc % mg;
      for (int64_t icg = 0; icg < cg; ++icg) {
        int64_t ic = grp * cg + icg;
        const T *plane = x + (batch * s.c + ic) * inPixels;
        const T *weights = w + (ic * mg + ocg) * kernelPixels;
        for (int64_t kp = 0; kp < kernelPixels; ++kp) {
          double weight = weights[kp];
          if (weight == 0)
            continue;
          unflatten(kp, s.kernel, tap);
          for (size_t d = 0; d < rank; ++d) {
            offsets[d] = tap[d] * s.window.dilations[d] - s.window.padsBegin[d];
            insideRange(s.inSpatial[d], s.window.strides[d], offsets[d], s.outSpatial[d], lo[d],
                        hi[d]);
          }
          int64_t step = s.window.strides[rank - 1];
          walkBox(s.inSpatial, s.outSpatial, s.window.strides, offsets, lo, hi,
                  [&](int64_t i, int64_t o, int64_t length) {
                    for (int64_t j = 0; j < length; ++j)
                      acc[o + j * step] += weight * plane[i + j];
                  });
        }
      }
    }
}

/// Runs `convolve` or `convolveTransposed` on float32 buffers in place, or
/// on double copies of other element types, and stores the result as `dtype`.
template <bool Transposed>
Tensor runConvolution(const ConvShape &s, const Tensor &x, const Tensor &w, const Tensor *bias,
                      DType dtype) {
  Shape outShape{s.n, s.m};
  outShape.insert(outShape.end(), s.outSpatial.begin(), s.outSpatial.end());
  std::vector<double> out(shapeNumel(outShape));
  auto run = [&](const auto *xs, const auto *ws) {
    if constexpr (Transposed)
      convolveTransposed(s, xs, ws, bias, out);
    else
      convolve(s, xs, ws, bias, out);
  };
  if (x.dtype() == DType::F32 && w.dtype() == DType::F32) {
    run(x.data<float>(), w.data<float>());
  } else {
    std::vector<double> xs = x.toDoubles(), ws = w.toDoubles();
    run(xs.data(), ws.data());
  }
  Tensor y(dtype, outShape);
  if (dtype == DType::F32) {
    float *dst = y.data<float>();
    for (size_t i = 0; i < out.size(); ++i)
      dst[i] = static_cast<float>(out[i]);
  } else {
    for (size_t i = 0; i < out.size(); ++i)
      y.setDouble(static_cast<int64_t>(i), out[i]);
  }
  return y;
}

/// Checks what Conv and ConvTranspose share: X and W of one float type and
/// one rank >= 3, and kernel_shape (when given) equal to W's spatial dims.
Status checkConvOperands(KernelContext &ctx, const Tensor &x, const Tensor &w) {
  if (x.rank() < 3 || w.rank() != x.rank())
    return ctx.error("expected X and W of the same rank >= 3, got X " + shapeToString(x.shape()) +
                     " and W " + shapeToString(w.shape()));
  if (!isFloatDType(x.dtype()) || x.dtype() != w.dtype())
    return ctx.error(std::string("expected X and W of one float type, got ") +
                     dtypeName(x.dtype()) + " and " + dtypeName(w.dtype()));
  std::vector<int64_t> given = ctx.getInts("kernel_shape");
  if (!given.empty() && given != std::vector<int64_t>(w.shape().begin() + 2, w.shape().end()))
    return ctx.error("expected kernel_shape to match W " + shapeToString(w.shape()) + ", got " +
                     shapeToString(given));
  return Status::success();
}

/// Conv: X [N, C, spatial...], W [M, C / group, kernel...], optional B [M].
Status convKernel(KernelContext &ctx) {
  const Tensor *x, *w;
  if (Status s = requireInputs(ctx, {&x, &w}); !s)
    return s;
  const Tensor *b = ctx.input(2);
  if (Status s = checkConvOperands(ctx, *x, *w); !s)
    return s;
  ConvShape s;
  s.group = ctx.getInt("group", 1);
  s.n = x->dim(0), s.c = x->dim(1), s.m = w->dim(0);
  int64_t cg = w->dim(1);
  if (s.group < 1 || s.c != cg * s.group || s.m % s.group)
    return ctx.error(
        "expected X channels = W dim 1 x group and W dim 0 divisible by group, got X " +
        shapeToString(x->shape()) + ", W " + shapeToString(w->shape()) + ", group " +
        std::to_string(s.group));
  if (b && (b->rank() != 1 || b->numel() != s.m))
    return ctx.error("expected B of " + std::to_string(s.m) + " values, got " +
                     shapeToString(b->shape()));
  size_t spatial = x->rank() - 2;
  s.inSpatial.assign(x->shape().begin() + 2, x->shape().end());
  s.kernel.assign(w->shape().begin() + 2, w->shape().end());
  if (Status st = resolveWindow(ctx, s.inSpatial, s.kernel, false, s.window); !st)
    return st;
  for (size_t i = 0; i < spatial; ++i) {
    int64_t extent = (s.kernel[i] - 1) * s.window.dilations[i] + 1;
    int64_t padded = s.inSpatial[i] + s.window.padsBegin[i] + s.window.padsEnd[i];
    if (padded < extent)
      return ctx.error("expected the padded input " + shapeToString(s.inSpatial) +
                       " to hold the dilated kernel " + shapeToString(s.kernel));
    s.outSpatial.push_back((padded - extent) / s.window.strides[i] + 1);
  }
  Shape outShape{s.n, s.m};
  outShape.insert(outShape.end(), s.outSpatial.begin(), s.outSpatial.end());
  if (Status st = checkShape(ctx, outShape); !st)
    return st;
  if (Status st = checkWork(ctx, {shapeNumel(outShape), cg, shapeNumel(s.kernel)}); !st)
    return st;
  ctx.setOutput(0, runConvolution<false>(s, *x, *w, b, resultDType(ctx, 0, x->dtype())));
  return Status::success();
}

/// ConvTranspose: X [N, C, spatial...], W [C, M / group, kernel...],
/// optional B [M]; the output size comes from output_shape, SAME auto_pad
/// (input x stride), or strides, pads and output_padding.
Status convTransposeKernel(KernelContext &ctx) {
  const Tensor *x, *w;
  if (Status s = requireInputs(ctx, {&x, &w}); !s)
    return s;
  const Tensor *b = ctx.input(2);
  if (Status s = checkConvOperands(ctx, *x, *w); !s)
    return s;
  ConvShape s;
  s.group = ctx.getInt("group", 1);
  s.n = x->dim(0), s.c = x->dim(1);
  int64_t mg = w->dim(1);
  if (s.group < 1 || w->dim(0) != s.c || s.c % s.group)
    return ctx.error("expected W dim 0 = X channels, divisible by group, got X " +
                     shapeToString(x->shape()) + ", W " + shapeToString(w->shape()) + ", group " +
                     std::to_string(s.group));
  s.m = mg * s.group;
  if (b && (b->rank() != 1 || b->numel() != s.m))
    return ctx.error("expected B of " + std::to_string(s.m) + " values, got " +
                     shapeToString(b->shape()));
  size_t spatial = x->rank() - 2;
  s.inSpatial.assign(x->shape().begin() + 2, x->shape().end());
  s.kernel.assign(w->shape().begin() + 2, w->shape().end());
  WindowGeometry &g = s.window;
  if (Status st = resolveWindow(ctx, s.inSpatial, s.kernel, true, g); !st)
    return st;
  std::vector<int64_t> outputPadding =
      ctx.getInts("output_padding", std::vector<int64_t>(spatial, 0));
  std::vector<int64_t> outputShape = ctx.getInts("output_shape");
  if (outputPadding.size() != spatial)
    return ctx.error("expected " + std::to_string(spatial) + " output_padding values, got " +
                     std::to_string(outputPadding.size()));
  // output_shape may include N and C; its last values are the spatial ones.
  if (!outputShape.empty() && outputShape.size() != spatial && outputShape.size() != spatial + 2)
    return ctx.error("expected output_shape of " + std::to_string(spatial) + " values, got " +
                     shapeToString(outputShape));
  std::string autoPad = ctx.getString("auto_pad", "NOTSET");
  bool same = autoPad == "SAME_UPPER" || autoPad == "SAME_LOWER";
  constexpr int64_t kLimit = int64_t(1) << 30;
  for (size_t i = 0; i < spatial; ++i) {
    if (outputPadding[i] < 0 || outputPadding[i] > kLimit)
      return ctx.error("expected output_padding in [0, 2^30), got " + shapeToString(outputPadding));
    int64_t extent = (s.kernel[i] - 1) * g.dilations[i] + 1;
    int64_t full = g.strides[i] * (s.inSpatial[i] - 1) + outputPadding[i] + extent;
    if (!outputShape.empty() || same) {
      // The output size is fixed (output_shape, or input x stride for SAME);
      // the padding follows from it, the larger half at the end unless
      // SAME_LOWER.
      int64_t want = !outputShape.empty() ? outputShape[outputShape.size() - spatial + i]
                                          : s.inSpatial[i] * g.strides[i];
      if (want < 0 || want > kLimit)
        return ctx.error("expected output_shape values in [0, 2^30), got " +
                         shapeToString(outputShape));
      int64_t total = full - want;
      bool lower = autoPad == "SAME_LOWER";
      g.padsBegin[i] = lower ? total - total / 2 : total / 2;
      g.padsEnd[i] = total - g.padsBegin[i];
    }
    int64_t size = full - g.padsBegin[i] - g.padsEnd[i];
    if (size < 0)
      return ctx.error("pads " + shapeToString(g.padsBegin) + " and " + shapeToString(g.padsEnd) +
                       " leave a negative output size");
    s.outSpatial.push_back(size);
  }
  Shape outShape{s.n, s.m};
  outShape.insert(outShape.end(), s.outSpatial.begin(), s.outSpatial.end());
  if (Status st = checkShape(ctx, outShape); !st)
    return st;
  if (Status st = checkWork(ctx, {x->numel(), shapeNumel(s.kernel), mg}); !st)
    return st;
  if (Status st = checkWork(ctx, {shapeNumel(outShape), s.c / s.group}); !st)
    return st;
  ctx.setOutput(0, runConvolution<true>(s, *x, *w, b, resultDType(ctx, 0, x->dtype())));
  return Status::success();
}

} // namespace

void registerConvKernels() {
  registerKernel("Conv", convKernel);
  registerKernel("ConvTranspose", convTransposeKernel);
}

} // namespace hone::ref
