//===- HalideResizeKernel.cpp - Resize, one axis after another ------------===//
//
// Resize in every mode ONNX defines (nearest, linear, cubic), every
// coordinate transformation and nearest rounding mode, as the reference
// evaluator (compiler/reference/kernels/NNResize.cpp) defines them.
// Interpolation is separable, so the kernel resizes one axis at a time:
// stage d interpolates stage d-1 along axis d with that axis's taps (1, 2 or
// 4 per output coordinate). An axis whose mapping is the identity at
// compile time (same static size, scale 1) is skipped. Coordinates and sums
// are in double; tap indices are clamped into the input, so no read leaves
// the buffer. Scales, sizes and roi come from the shape function's values:
// constants, or read at run time.
//
//===----------------------------------------------------------------------===//
#include "targets/cpu/HalideKernels.h"

#include "dialects/hone/ops/OpAttributes.h"

using namespace mlir;
using namespace mlir::hone;
using namespace mlir::hone::cpu;

namespace {

using Halide::Expr;

Expr asDouble(const Expr &e) { return Halide::cast(Halide::Float(64), e); }

struct ResizeMode {
  std::string mode, transform, nearestMode;
  double cubicA, extrapolation;
  bool excludeOutside;
};

/// The input coordinate of output coordinate `x` along one axis (doubles);
/// `out` is the output length before flooring.
Expr sourceCoordinate(const Expr &x, const Expr &scale, const Expr &in, const Expr &out,
                      const ResizeMode &m, const Expr &roiStart, const Expr &roiEnd) {
  if (m.transform == "half_pixel")
    return (x + f64(0.5)) / scale - f64(0.5);
  if (m.transform == "pytorch_half_pixel")
    return Halide::select(out > f64(1.0), (x + f64(0.5)) / scale - f64(0.5), f64(0));
  if (m.transform == "align_corners")
    return Halide::select(out == f64(1.0), f64(0), x * (in - f64(1.0)) / (out - f64(1.0)));
  if (m.transform == "tf_half_pixel_for_nn")
    return (x + f64(0.5)) / scale;
  if (m.transform == "tf_crop_and_resize")
    return Halide::select(out > f64(1.0),
                          roiStart * (in - f64(1.0)) + x * (roiEnd - roiStart) * (in - f64(1.0)) / (out - f64(1.0)),
                          f64(0.5) * (roiStart + roiEnd) * (in - f64(1.0)));
  return x / scale; // asymmetric
}

/// The nearest input index under nearest_mode.
Expr nearestIndex(const Expr &x, const std::string &mode) {
  if (mode == "floor")
    return Halide::floor(x);
  if (mode == "ceil")
    return Halide::ceil(x);
  Expr f = Halide::floor(x);
  Expr half = mode == "round_prefer_ceil" ? f + f64(1.0) : f;
  // Away from ties, rounding to nearest is unambiguous.
  return Halide::select(x - f == f64(0.5), half, Halide::floor(x + f64(0.5)));
}

/// Cubic convolution weight at distance `d`.
Expr cubicWeight(Expr d, double coefficient) {
  Expr a = f64(coefficient);
  d = Halide::abs(d);
  return Halide::select(d <= f64(1.0), ((a + f64(2)) * d - (a + f64(3))) * d * d + f64(1.0),
                        d < f64(2.0), ((a * d - f64(5) * a) * d + f64(8) * a) * d - f64(4) * a,
                        f64(0));
}

/// One axis's taps at output coordinate `o`: (index, weight) pairs and
/// whether the point is outside the crop (tf_crop_and_resize).
struct AxisTaps {
  std::vector<std::pair<Expr, Expr>> taps;
  Expr outside;
};

AxisTaps axisTaps(const Expr &o, const Expr &scale, const Expr &inInt, const Expr &out,
                  const ResizeMode &m, const Expr &roiStart, const Expr &roiEnd) {
  Expr in = asDouble(inInt);
  Expr x = sourceCoordinate(asDouble(o), scale, in, out, m, roiStart, roiEnd);
  AxisTaps result;
  result.outside = Halide::Internal::const_false();
  if (m.transform == "tf_crop_and_resize")
    result.outside = !(x >= f64(0.0) && x <= in - f64(1.0));
  // Far outside the input every tap clamps to the edge anyway; bounding x
  // keeps the index arithmetic exact whatever the scales or roi are.
  x = Halide::select(Halide::is_nan(x), f64(0), Halide::clamp(x, f64(-4), in + f64(3.0)));
  Expr last = Halide::max(inInt - 1, 0);
  auto index = [&](const Expr &i) { return Halide::clamp(Halide::cast(Halide::Int(32), i), 0, last); };
  if (m.mode == "nearest") {
    result.taps.push_back({index(nearestIndex(x, m.nearestMode)), f64(1)});
    return result;
  }
  Expr f = Halide::floor(x), t = x - f;
  if (m.mode == "linear") {
    // Outside the input the value is the edge's.
    Expr low = x <= f64(0.0), high = x >= in - f64(1.0);
    Expr i0 = Halide::select(low, 0, high, last, index(f));
    Expr w0 = Halide::select(low || high, f64(1), f64(1.0) - t);
    Expr w1 = Halide::select(low || high, f64(0), t);
    result.taps.push_back({i0, w0});
    result.taps.push_back({index(f + f64(1.0)), w1});
    return result;
  }
  Expr weights[4] = {cubicWeight(t + f64(1.0), m.cubicA), cubicWeight(t, m.cubicA),
                     cubicWeight(f64(1.0) - t, m.cubicA), cubicWeight(f64(2.0) - t, m.cubicA)};
  Expr total = f64(0);
  std::vector<Expr> kept;
  for (int k = 0; k < 4; ++k) {
    Expr i = f + f64(k - 1);
    Expr keep = m.excludeOutside ? (i >= f64(0.0) && i <= in - f64(1.0)) : Halide::Internal::const_true();
    kept.push_back(keep);
    total = total + Halide::select(keep, weights[k], f64(0));
  }
  // With exclude_outside the kept weights are renormalized; when every tap
  // is excluded the edge value stands alone.
  Expr none = m.excludeOutside ? total == f64(0.0) : Halide::Internal::const_false();
  for (int k = 0; k < 4; ++k) {
    Expr w = Halide::select(kept[k], weights[k], f64(0));
    if (m.excludeOutside)
      w = Halide::select(none, k == 1 ? f64(1) : f64(0), w / total);
    result.taps.push_back({index(f + f64(k - 1)), w});
  }
  return result;
}

FailureOr<Halide::Func> buildResize(const KernelRequest &request) {
  const HalideValue *x = request.operand(0);
  if (!x)
    return request.fail("missing input");
  Operation *op = request.op;
  ResizeMode m{getStrAttr(op, "mode", "nearest").str(),
               getStrAttr(op, "coordinate_transformation_mode", "half_pixel").str(),
               getStrAttr(op, "nearest_mode", "round_prefer_floor").str(),
               -0.75, 0.0, getIntAttr(op, "exclude_outside", 0) != 0};
  if (auto a = op->getAttrOfType<FloatAttr>("cubic_coeff_a"))
    m.cubicA = a.getValueAsDouble();
  if (auto e = op->getAttrOfType<FloatAttr>("extrapolation_value"))
    m.extrapolation = e.getValueAsDouble();
  if (m.mode != "nearest" && m.mode != "linear" && m.mode != "cubic")
    return request.fail("unknown mode '" + m.mode + "'");
  int64_t rank = x->type.getRank();
  std::vector<Expr> outDims = request.resultDims();
  for (const Expr &d : outDims)
    if (!d.defined())
      return request.fail("the result dims must be known before the run");
  // Sizes win over scales when given (a non-empty `sizes`).
  const HalideValue *sizesOperand = request.operand(3);
  bool bySizes = sizesOperand && !(sizesOperand->type.hasStaticShape() &&
                                   sizesOperand->type.getNumElements() == 0);
  std::optional<SmallVector<DimExpr>> scaleValues;
  if (!bySizes) {
    scaleValues = request.shapes.getFloatValues(2);
    if (!scaleValues || static_cast<int64_t>(scaleValues->size()) != rank)
      return request.fail("the scales must be known before the run");
  }
  std::optional<SmallVector<DimExpr>> roi;
  if (m.transform == "tf_crop_and_resize") {
    roi = request.shapes.getFloatValues(1);
    if (!roi || static_cast<int64_t>(roi->size()) != 2 * rank)
      return request.fail("tf_crop_and_resize needs an roi of " + std::to_string(2 * rank) +
                          " values known before the run");
  }
  std::vector<Halide::Var> vars = tensorVars(rank);
  Halide::Func stage("resize_in");
  stage(halideArgs(vars)) = asDouble(x->func(halideArgs(vars)));
  Expr outside = Halide::Internal::const_false();
  for (int64_t d = 0; d < rank; ++d) {
    std::optional<int64_t> inStatic = x->staticDim(d);
    bool sameSize = inStatic && !request.result.isDynamicDim(d) &&
                    *inStatic == request.result.getDimSize(d);
    bool unitScale = bySizes || ((*scaleValues)[d].getFloatConstant() == 1.0);
    bool identityTransform = m.transform != "tf_crop_and_resize" &&
                             m.transform != "tf_half_pixel_for_nn";
    if (sameSize && unitScale && identityTransform)
      continue;
    Expr in = x->dim(d);
    Expr scale, outLength;
    if (bySizes) {
      scale = Halide::select(in == 0, f64(1), asDouble(outDims[d]) / asDouble(in));
      outLength = asDouble(outDims[d]);
    } else {
      scale = request.lower((*scaleValues)[d]);
      outLength = asDouble(in) * scale;
    }
    Expr roiStart = roi ? request.lower((*roi)[d]) : f64(0);
    Expr roiEnd = roi ? request.lower((*roi)[d + rank]) : f64(1);
    AxisTaps axis = axisTaps(vars[d], scale, in, outLength, m, roiStart, roiEnd);
    outside = outside || axis.outside;
    Expr sum;
    for (auto &[index, weight] : axis.taps) {
      std::vector<Expr> at(vars.begin(), vars.end());
      at[d] = index;
      Expr term = weight * stage(halideArgs(at));
      sum = sum.defined() ? sum + term : term;
    }
    Halide::Func next("resize_axis" + std::to_string(d));
    next(halideArgs(vars)) = sum;
    // A stage with several taps is read several times per output.
    if (axis.taps.size() > 1)
      next.compute_root();
    stage = next;
  }
  Halide::Type type = halideTypeOf(request.result.getElementType());
  Expr value = Halide::select(outside, f64(m.extrapolation), stage(halideArgs(vars)));
  Halide::Func resize("resize");
  resize(halideArgs(vars)) =
      type.is_float() ? Halide::cast(type, value) : Halide::saturating_cast(type, value);
  return resize;
}

} // namespace

void mlir::hone::cpu::registerResizeKernelBuilder(void (*add)(const char *, KernelBuilder)) {
  add("Resize", buildResize);
}
