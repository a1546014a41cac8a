//===- NNConv.cpp - Reference kernels of Conv and ConvTranspose -----------===//
//
// Direct loops over N-D convolutions with groups, strides, dilations and
// padding (explicit or auto_pad). Accumulation is in double; a float32 path
// reads the buffers directly so that whole models (ResNet-50) evaluate in
// tens of seconds, not hours.
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
  for (size_t i = 0; i < n; ++i)
    if (out.strides[i] < 1 || out.dilations[i] < 1 || out.kernel[i] < 1 || pads[i] < 0 ||
        pads[i + n] < 0)
      return ctx.error("strides, dilations and kernel must be positive, pads non-negative");
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

Status convKernel(KernelContext &ctx) {
  const Tensor *x, *w;
  if (Status s = requireInputs(ctx, {&x, &w}); !s)
    return s;
  const Tensor *b = ctx.input(2);
  if (x->rank() < 3 || w->rank() != x->rank())
    return ctx.error("expected input and weight of the same rank >= 3");
  int64_t group = ctx.getInt("group", 1);
  int64_t n = x->dim(0), c = x->dim(1), m = w->dim(0), cg = w->dim(1);
  if (group < 1 || c != cg * group || m % group)
    return ctx.error("channels " + std::to_string(c) + " and " + std::to_string(m) +
                     " do not fit group " + std::to_string(group) + " and weight " +
                     shapeToString(w->shape()));
  if (b && b->numel() != m)
    return ctx.error("bias has " + std::to_string(b->numel()) + " values, expected " + std::to_string(m));
  size_t spatial = x->rank() - 2;
  Shape inSpatial(x->shape().begin() + 2, x->shape().end());
  std::vector<int64_t> kernel(w->shape().begin() + 2, w->shape().end());
  std::vector<int64_t> given = ctx.getInts("kernel_shape");
  if (!given.empty() && given != kernel)
    return ctx.error("kernel_shape does not match the weight");
  WindowGeometry g;
  if (Status s = resolveWindow(ctx, inSpatial, kernel, false, g); !s)
    return s;
  Shape outShape{n, m};
  for (size_t i = 0; i < spatial; ++i) {
    int64_t extent = (kernel[i] - 1) * g.dilations[i] + 1;
    int64_t size = (inSpatial[i] + g.padsBegin[i] + g.padsEnd[i] - extent) / g.strides[i] + 1;
    if (size < 1)
      return ctx.error("input too small for the kernel");
    outShape.push_back(size);
  }
  if (Status s = checkShape(ctx, outShape); !s)
    return s;
  if (Status s = checkWork(ctx, {shapeNumel(outShape), cg, shapeNumel(kernel)}); !s)
    return s;
  Tensor y(x->dtype(), outShape);
  Shape outSpatial(outShape.begin() + 2, outShape.end());
  int64_t outPixels = shapeNumel(outSpatial), inPixels = shapeNumel(inSpatial);
  int64_t kernelPixels = shapeNumel(kernel);
  std::vector<int64_t> inStrides = shapeStrides(inSpatial);
  // For every (output pixel, kernel tap), the input pixel or -1 (padding).
  std::vector<int64_t> source(outPixels * kernelPixels);
  std::vector<int64_t> o, k;
  for (int64_t op = 0; op < outPixels; ++op) {
    unflatten(op, outSpatial, o);
    for (int64_t kp = 0; kp < kernelPixels; ++kp) {
      unflatten(kp, kernel, k);
      int64_t flat = 0;
      bool inside = true;
      for (size_t d = 0; d < spatial && inside; ++d) {
        int64_t i = o[d] * g.strides[d] - g.padsBegin[d] + k[d] * g.dilations[d];
        inside = i >= 0 && i < inSpatial[d];
        flat += i * inStrides[d];
      }
      source[op * kernelPixels + kp] = inside ? flat : -1;
    }
  }
  bool f32 = x->dtype() == DType::F32 && w->dtype() == DType::F32;
  int64_t mg = m / group;
  std::vector<double> acc(outPixels);
  for (int64_t batch = 0; batch < n; ++batch)
    for (int64_t oc = 0; oc < m; ++oc) {
      int64_t grp = oc / mg;
      std::fill(acc.begin(), acc.end(), b ? b->getDouble(oc) : 0.0);
      for (int64_t icg = 0; icg < cg; ++icg) {
        int64_t ic = grp * cg + icg;
        int64_t inBase = (batch * c + ic) * inPixels;
        int64_t wBase = (oc * cg + icg) * kernelPixels;
        for (int64_t kp = 0; kp < kernelPixels; ++kp) {
          double weight = f32 ? w->data<float>()[wBase + kp] : w->getDouble(wBase + kp);
          if (weight == 0)
            continue;
          for (int64_t op = 0; op < outPixels; ++op) {
            int64_t src = source[op * kernelPixels + kp];
            if (src < 0)
              continue;
            double v = f32 ? x->data<float>()[inBase + src] : x->getDouble(inBase + src);
            acc[op] += v * weight;
          }
        }
      }
      int64_t outBase = (batch * m + oc) * outPixels;
      for (int64_t op = 0; op < outPixels; ++op)
        y.setDouble(outBase + op, acc[op]);
    }
  ctx.setOutput(0, std::move(y));
  return Status::success();
}

Status convTransposeKernel(KernelContext &ctx) {
  const Tensor *x, *w;
  if (Status s = requireInputs(ctx, {&x, &w}); !s)
    return s;
  const Tensor *b = ctx.input(2);
  if (x->rank() < 3 || w->rank() != x->rank())
    return ctx.error("expected input and weight of the same rank >= 3");
  int64_t group = ctx.getInt("group", 1);
  int64_t n = x->dim(0), c = x->dim(1), mg = w->dim(1);
  if (group < 1 || w->dim(0) != c || c % group)
    return ctx.error("weight " + shapeToString(w->shape()) + " does not fit " +
                     std::to_string(c) + " input channels and group " + std::to_string(group));
  int64_t m = mg * group, cg = c / group;
  if (b && b->numel() != m)
    return ctx.error("bias size does not match the output channels");
  size_t spatial = x->rank() - 2;
  Shape inSpatial(x->shape().begin() + 2, x->shape().end());
  std::vector<int64_t> kernel(w->shape().begin() + 2, w->shape().end());
  WindowGeometry g;
  if (Status s = resolveWindow(ctx, inSpatial, kernel, true, g); !s)
    return s;
  std::vector<int64_t> outputPadding = ctx.getInts("output_padding", std::vector<int64_t>(spatial, 0));
  std::vector<int64_t> outputShape = ctx.getInts("output_shape");
  if (outputPadding.size() != spatial)
    return ctx.error("output_padding does not match the spatial dims");
  std::string autoPad = ctx.getString("auto_pad", "NOTSET");
  bool same = autoPad == "SAME_UPPER" || autoPad == "SAME_LOWER";
  if (!outputShape.empty() && outputShape.size() < spatial)
    return ctx.error("output_shape has fewer values than spatial dims");
  Shape outSpatial(spatial);
  for (size_t i = 0; i < spatial; ++i) {
    int64_t extent = (kernel[i] - 1) * g.dilations[i] + 1;
    int64_t full = g.strides[i] * (inSpatial[i] - 1) + outputPadding[i] + extent;
    if (!outputShape.empty() || same) {
      // The output size is fixed (output_shape, or input x stride for SAME);
      // the padding follows from it, the larger half at the end unless
      // SAME_LOWER.
      int64_t want = !outputShape.empty() ? outputShape[outputShape.size() - spatial + i]
                                          : inSpatial[i] * g.strides[i];
      int64_t total = full - want;
      bool lower = autoPad == "SAME_LOWER";
      g.padsBegin[i] = lower ? total - total / 2 : total / 2;
      g.padsEnd[i] = total - g.padsBegin[i];
    }
    outSpatial[i] = full - g.padsBegin[i] - g.padsEnd[i];
    if (outSpatial[i] < 0)
      return ctx.error("negative output size");
  }
  Shape outShape{n, m};
  outShape.insert(outShape.end(), outSpatial.begin(), outSpatial.end());
  if (Status s = checkShape(ctx, outShape); !s)
    return s;
  if (Status s = checkWork(ctx, {x->numel(), shapeNumel(kernel), mg}); !s)
    return s;
  int64_t outPixels = shapeNumel(outSpatial), inPixels = shapeNumel(inSpatial),
          kernelPixels = shapeNumel(kernel);
  std::vector<int64_t> outStrides = shapeStrides(outSpatial), i, k;
  std::vector<double> acc(shapeNumel(outShape), 0.0);
  for (int64_t batch = 0; batch < n; ++batch)
    for (int64_t ic = 0; ic < c; ++ic) {
      int64_t grp = ic / cg;
      for (int64_t ip = 0; ip < inPixels; ++ip) {
        double v = x->getDouble((batch * c + ic) * inPixels + ip);
        if (v == 0)
          continue;
        unflatten(ip, inSpatial, i);
        for (int64_t kp = 0; kp < kernelPixels; ++kp) {
          unflatten(kp, kernel, k);
          int64_t flat = 0;
          bool inside = true;
          for (size_t d = 0; d < spatial && inside; ++d) {
            int64_t o = i[d] * g.strides[d] + k[d] * g.dilations[d] - g.padsBegin[d];
            inside = o >= 0 && o < outSpatial[d];
            flat += o * outStrides[d];
          }
          if (!inside)
            continue;
          for (int64_t ocg = 0; ocg < mg; ++ocg) {
            int64_t oc = grp * mg + ocg;
            acc[(batch * m + oc) * outPixels + flat] +=
                v * w->getDouble((ic * mg + ocg) * kernelPixels + kp);
          }
        }
      }
    }
  Tensor y(x->dtype(), outShape);
  for (int64_t j = 0; j < y.numel(); ++j)
    y.setDouble(j, acc[j] + (b ? b->getDouble((j / outPixels) % m) : 0.0));
  ctx.setOutput(0, std::move(y));
  return Status::success();
}

} // namespace

void registerConvKernels() {
  registerKernel("Conv", convKernel);
  registerKernel("ConvTranspose", convTransposeKernel);
}

} // namespace hone::ref
