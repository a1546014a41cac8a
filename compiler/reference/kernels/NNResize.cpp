//===- NNResize.cpp - Reference kernel of Resize --------------------------===//
//
// Resize in every mode ONNX defines (nearest, linear, cubic), with every
// coordinate transformation and nearest rounding mode. Interpolation is
// separable: each output element sums the products of per-axis taps, with
// indices outside the input clamped to its edge (as ONNX's reference pads
// with edge values) and tf_crop_and_resize's out-of-range points taking
// extrapolation_value.
//
//===----------------------------------------------------------------------===//
#include "compiler/reference/kernels/KernelSupport.h"
#include "compiler/reference/kernels/NNFamily.h"

#include <algorithm>
#include <array>

namespace hone::ref {
namespace {

/// One tap of 1-D interpolation: an input index and its weight.
struct Tap {
  int64_t index;
  double weight;
};

struct ResizeOptions {
  std::string mode, transform, nearestMode;
  double cubicA, extrapolation;
  bool excludeOutside;
};

/// The input coordinate of output coordinate `x` along one axis. `out` is
/// the output length before flooring (in x scale) when scales were given, as
/// ONNX's reference computes align_corners and the crop with it.
double sourceCoordinate(double x, double scale, int64_t in, double out,
                        const std::string &transform, double roiStart, double roiEnd) {
  if (transform == "half_pixel")
    return (x + 0.5) / scale - 0.5;
  if (transform == "pytorch_half_pixel")
    return out > 1 ? (x + 0.5) / scale - 0.5 : 0.0;
  if (transform == "align_corners")
    return out == 1 ? 0.0 : x * static_cast<double>(in - 1) / (out - 1);
  if (transform == "tf_half_pixel_for_nn")
    return (x + 0.5) / scale;
  if (transform == "tf_crop_and_resize")
    return out > 1 ? roiStart * (in - 1) + x * (roiEnd - roiStart) * (in - 1) / (out - 1)
                   : 0.5 * (roiStart + roiEnd) * (in - 1);
  return x / scale; // asymmetric
}

/// The input index nearest to coordinate `x` under nearest_mode `mode`.
int64_t nearestIndex(double x, const std::string &mode) {
  if (mode == "floor")
    return static_cast<int64_t>(std::floor(x));
  if (mode == "ceil")
    return static_cast<int64_t>(std::ceil(x));
  double f = std::floor(x);
  if (x - f == 0.5)
    return static_cast<int64_t>(mode == "round_prefer_ceil" ? f + 1 : f);
  return static_cast<int64_t>(std::round(x));
}

/// Cubic convolution weights for offsets -1, 0, 1, 2 around floor(x).
std::array<double, 4> cubicWeights(double t, double a) {
  auto w = [a](double d) {
    d = std::fabs(d);
    if (d <= 1)
      return ((a + 2) * d - (a + 3)) * d * d + 1;
    if (d < 2)
      return ((a * d - 5 * a) * d + 8 * a) * d - 4 * a;
    return 0.0;
  };
  return {w(t + 1), w(t), w(1 - t), w(2 - t)};
}

/// Taps of output coordinate `o` along one axis; empty means "extrapolate".
std::vector<Tap> axisTaps(int64_t o, double scale, int64_t in, double out, const ResizeOptions &opt,
                          double roiStart, double roiEnd) {
  double x =
      sourceCoordinate(static_cast<double>(o), scale, in, out, opt.transform, roiStart, roiEnd);
  if (opt.transform == "tf_crop_and_resize" && !(x >= 0 && x <= in - 1))
    return {};
  // Far outside the input every tap clamps to the edge anyway; bounding x
  // keeps the index arithmetic exact whatever the scales or roi are.
  x = std::isnan(x) ? 0.0 : std::clamp(x, -4.0, static_cast<double>(in) + 3);
  auto clamp = [in](int64_t i) { return std::clamp<int64_t>(i, 0, in - 1); };
  if (opt.mode == "nearest")
    return {{clamp(nearestIndex(x, opt.nearestMode)), 1.0}};
  double f = std::floor(x), t = x - f;
  int64_t base = static_cast<int64_t>(f);
  if (opt.mode == "linear") {
    // Outside the input the value is the edge's (the weights still sum to 1).
    if (x <= 0)
      return {{0, 1.0}};
    if (x >= in - 1)
      return {{in - 1, 1.0}};
    return {{clamp(base), 1 - t}, {clamp(base + 1), t}};
  }
  std::array<double, 4> weights = cubicWeights(t, opt.cubicA);
  std::vector<Tap> taps;
  double total = 0;
  for (int k = 0; k < 4; ++k) {
    int64_t index = base - 1 + k;
    if (opt.excludeOutside && (index < 0 || index >= in))
      continue;
    taps.push_back({clamp(index), weights[k]});
    total += weights[k];
  }
  if (taps.empty()) // every tap outside and excluded: the edge value
    return {{clamp(base), 1.0}};
  if (opt.excludeOutside && total != 0)
    for (Tap &tap : taps)
      tap.weight /= total;
  return taps;
}

/// Resize of X to `sizes`, or to floor(dim x scale) for `scales`.
Status resizeKernel(KernelContext &ctx) {
  const Tensor *x;
  if (Status s = requireInput(ctx, 0, x); !s)
    return s;
  const Tensor *roi = ctx.input(1), *scalesT = ctx.input(2), *sizesT = ctx.input(3);
  int64_t rank = x->rank();
  ResizeOptions opt{ctx.getString("mode", "nearest"),
                    ctx.getString("coordinate_transformation_mode", "half_pixel"),
                    ctx.getString("nearest_mode", "round_prefer_floor"),
                    ctx.getFloat("cubic_coeff_a", -0.75),
                    ctx.getFloat("extrapolation_value", 0.0),
                    ctx.getInt("exclude_outside", 0) != 0};
  if (opt.mode != "nearest" && opt.mode != "linear" && opt.mode != "cubic")
    return ctx.error("expected mode nearest, linear or cubic, got '" + opt.mode + "'");
  static const char *const kTransforms[] = {"half_pixel",           "pytorch_half_pixel",
                                            "align_corners",        "asymmetric",
                                            "tf_half_pixel_for_nn", "tf_crop_and_resize"};
  if (std::find(std::begin(kTransforms), std::end(kTransforms), opt.transform) ==
      std::end(kTransforms))
    return ctx.error("unknown coordinate_transformation_mode '" + opt.transform + "'");
  static const char *const kNearestModes[] = {"round_prefer_floor", "round_prefer_ceil", "floor",
                                              "ceil"};
  if (std::find(std::begin(kNearestModes), std::end(kNearestModes), opt.nearestMode) ==
      std::end(kNearestModes))
    return ctx.error("unknown nearest_mode '" + opt.nearestMode + "'");
  std::vector<double> scales(rank, 1.0), outLengths(rank);
  Shape outShape = x->shape();
  if (sizesT && sizesT->numel() > 0) {
    std::vector<int64_t> sizes = sizesT->toInts();
    if (static_cast<int64_t>(sizes.size()) != rank)
      return ctx.error("expected one size per dim");
    for (int64_t d = 0; d < rank; ++d) {
      outShape[d] = sizes[d];
      outLengths[d] = static_cast<double>(sizes[d]);
      scales[d] = x->dim(d) ? static_cast<double>(sizes[d]) / static_cast<double>(x->dim(d)) : 1.0;
    }
  } else if (scalesT && scalesT->numel() > 0) {
    scales = scalesT->toDoubles();
    if (static_cast<int64_t>(scales.size()) != rank)
      return ctx.error("expected one scale per dim");
    for (int64_t d = 0; d < rank; ++d) {
      if (!(scales[d] > 0))
        return ctx.error("scales must be positive");
      outLengths[d] = static_cast<double>(x->dim(d)) * scales[d];
      if (!(outLengths[d] < double(kMaxKernelElements) + 1))
        return ctx.error("scale " + std::to_string(scales[d]) + " makes dim " + std::to_string(d) +
                         " too large");
      outShape[d] = static_cast<int64_t>(std::floor(outLengths[d]));
    }
  } else {
    return ctx.error("one of scales and sizes must be given");
  }
  if (Status s = checkShape(ctx, outShape); !s)
    return s;
  for (int64_t d = 0; d < rank; ++d)
    if (x->dim(d) == 0 && outShape[d] != 0)
      return ctx.error("expected a non-empty input to resize to " + shapeToString(outShape) +
                       ", got " + shapeToString(x->shape()));
  int64_t tapsPerAxis = opt.mode == "cubic" ? 4 : opt.mode == "linear" ? 2 : 1;
  std::vector<int64_t> work{shapeNumel(outShape)};
  for (int64_t d = 0; d < rank && tapsPerAxis > 1; ++d)
    if (outShape[d] != x->dim(d) || opt.transform == "tf_crop_and_resize")
      work.push_back(tapsPerAxis);
  int64_t steps = 1;
  for (int64_t w : work)
    if (Status s = checkWork(ctx, {steps, w}); !s)
      return s;
    else
      steps *= w;
  // Only tf_crop_and_resize reads roi; other modes ignore whatever is there.
  std::vector<double> roiValues;
  if (opt.transform == "tf_crop_and_resize") {
    roiValues = roi ? roi->toDoubles() : std::vector<double>();
    if (static_cast<int64_t>(roiValues.size()) != 2 * rank)
      return ctx.error("expected an roi of " + std::to_string(2 * rank) +
                       " values for tf_crop_and_resize, got " + std::to_string(roiValues.size()));
  }
  // Taps per axis and output coordinate.
  std::vector<std::vector<std::vector<Tap>>> taps(rank);
  for (int64_t d = 0; d < rank; ++d)
    for (int64_t o = 0; o < outShape[d]; ++o)
      taps[d].push_back(axisTaps(o, scales[d], x->dim(d), outLengths[d], opt,
                                 roiValues.empty() ? 0.0 : roiValues[d],
                                 roiValues.empty() ? 1.0 : roiValues[d + rank]));
  Tensor y(resultDType(ctx, 0, x->dtype()), outShape);
  std::vector<int64_t> inStrides = shapeStrides(x->shape()), index;
  std::vector<const std::vector<Tap> *> axes(rank);
  std::vector<size_t> pick(rank);
  for (int64_t flat = 0; flat < y.numel(); ++flat) {
    unflatten(flat, outShape, index);
    // Walk the product of the axes' taps with an odometer.
    bool extrapolate = false;
    for (int64_t d = 0; d < rank; ++d) {
      axes[d] = &taps[d][index[d]];
      extrapolate |= axes[d]->empty();
    }
    if (extrapolate) {
      y.setDouble(flat, opt.extrapolation);
      continue;
    }
    std::fill(pick.begin(), pick.end(), 0);
    double sum = 0;
    while (true) {
      double weight = 1;
      int64_t src = 0;
      for (int64_t d = 0; d < rank; ++d) {
        const Tap &tap = (*axes[d])[pick[d]];
        weight *= tap.weight;
        src += tap.index * inStrides[d];
      }
      if (weight != 0)
        sum += weight * x->getDouble(src);
      int64_t d = rank - 1;
      for (; d >= 0; --d) {
        if (++pick[d] < axes[d]->size())
          break;
        pick[d] = 0;
      }
      if (d < 0)
        break;
    }
    y.setDouble(flat, sum);
  }
  ctx.setOutput(0, std::move(y));
  return Status::success();
}

} // namespace

void registerResizeKernels() { registerKernel("Resize", resizeKernel); }

} // namespace hone::ref
