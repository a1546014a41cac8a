//===- HalideSampleKernels.cpp - GridSample and RoiAlign ------------------===//
//
// GridSample and RoiAlign. GridSample (opset 16) samples X [N, C, H, W] at
// the normalized (x, y) points of grid [N, H', W', 2]: nearest, bilinear or bicubic (a = -0.75), with zeros,
// border or reflection padding, as the reference evaluator defines them.
// Coordinates are computed in double; pixel reads are clamped into the image
// (zeros padding selects 0 outside it), so no read leaves the buffer.
//
//===----------------------------------------------------------------------===//
#include "targets/cpu/HalideKernels.h"

#include "dialects/hone/ops/OpAttributes.h"

using namespace mlir;
using namespace mlir::hone;
using namespace mlir::hone::cpu;

namespace {

using Halide::Expr;

/// Reflects `x` into [lo, hi] (doubles; the image's extent may be known
/// only at run time).
Expr reflect(Expr x, Expr lo, Expr hi) {
  Expr range = hi - lo;
  Expr safeRange = Halide::select(range > f64(0), range, f64(1));
  // From `from` towards `to` (up: +1, down: -1).
  auto fold = [&](Expr distance, Expr from, Expr to, double up) {
    Expr flips = Halide::floor(distance / safeRange);
    Expr rest = distance - flips * safeRange;
    Expr even = Halide::cast(Halide::Int(64), flips) % 2 == 0;
    return Halide::select(even, from + f64(up) * rest, to - f64(up) * rest);
  };
  Expr folded = Halide::select(x < lo, fold(lo - x, lo, hi, 1), x > hi, fold(x - hi, hi, lo, -1), x);
  return Halide::select(range > f64(0), folded, lo);
}

FailureOr<Halide::Func> buildGridSample(const KernelRequest &request) {
  const HalideValue *x = request.operand(0), *grid = request.operand(1);
  if (!x || !grid || x->type.getRank() != 4 || grid->type.getRank() != 4)
    return request.fail("expected X [N, C, H, W] and a grid [N, H', W', 2]");
  StringRef mode = getStrAttr(request.op, "mode", "bilinear");
  StringRef padding = getStrAttr(request.op, "padding_mode", "zeros");
  if (mode != "bilinear" && mode != "nearest" && mode != "bicubic")
    return request.fail("unknown mode '" + mode.str() + "'");
  if (padding != "zeros" && padding != "border" && padding != "reflection")
    return request.fail("unknown padding_mode '" + padding.str() + "'");
  bool alignCorners = getIntAttr(request.op, "align_corners", 0) != 0;
  // Non-empty whenever the result is (the shape function requires it).
  Expr h = x->dim(2), w = x->dim(3);
  Halide::Var j("j"), i("i"), c("c"), n("n");

  auto asDouble = [](Expr v) { return Halide::cast(Halide::Float(64), v); };
  auto unnormalize = [&](Expr v, Expr size) {
    v = Halide::select(Halide::is_nan(v), f64(-1e9), Halide::clamp(v, f64(-1e9), f64(1e9)));
    Expr one = f64(1), extent = asDouble(size);
    return alignCorners ? (v + one) / f64(2) * (extent - one) : ((v + one) * extent - one) / f64(2);
  };
  auto pad = [&](Expr v, Expr size) {
    Expr last = asDouble(size - 1);
    if (padding == "border")
      return Halide::clamp(v, f64(0), last);
    if (padding == "reflection")
      return alignCorners ? reflect(v, f64(0), last) : reflect(v, f64(-0.5), last + f64(0.5));
    return v;
  };
  Expr gx = pad(unnormalize(Halide::cast(Halide::Float(64), grid->func(0, j, i, n)), w), w);
  Expr gy = pad(unnormalize(Halide::cast(Halide::Float(64), grid->func(1, j, i, n)), h), h);
  // A pixel at integer (yy, xx): 0 outside with zeros padding, else the
  // clamped pixel.
  auto pixel = [&](Expr yy, Expr xx) {
    Expr inside = yy >= 0 && yy < h && xx >= 0 && xx < w;
    Expr value = Halide::cast(Halide::Float(64),
                              x->func(Halide::clamp(xx, 0, w - 1), Halide::clamp(yy, 0, h - 1), c, n));
    return padding == "zeros" ? Halide::select(inside, value, f64(0)) : value;
  };
  auto toInt = [](Expr v) { return Halide::cast(Halide::Int(32), Halide::clamp(v, f64(-1e8), f64(1e8))); };
  Expr value;
  if (mode == "nearest") {
    // Halide's round is half to even, as std::nearbyint.
    value = pixel(toInt(Halide::round(gy)), toInt(Halide::round(gx)));
  } else if (mode == "bilinear") {
    Expr x0 = toInt(Halide::floor(gx)), y0 = toInt(Halide::floor(gy));
    Expr tx = gx - Halide::floor(gx), ty = gy - Halide::floor(gy);
    Expr one = f64(1);
    value = (one - ty) * ((one - tx) * pixel(y0, x0) + tx * pixel(y0, x0 + 1)) +
            ty * ((one - tx) * pixel(y0 + 1, x0) + tx * pixel(y0 + 1, x0 + 1));
  } else {
    Expr x0 = toInt(Halide::floor(gx)) - 1, y0 = toInt(Halide::floor(gy)) - 1;
    Expr tx = gx - Halide::floor(gx), ty = gy - Halide::floor(gy);
    Expr a = f64(-0.75), one = f64(1), two = f64(2);
    auto near = [&](Expr d) { return ((a + two) * d - (a + f64(3))) * d * d + one; };
    auto far = [&](Expr d) { return ((a * d - f64(5) * a) * d + f64(8) * a) * d - f64(4) * a; };
    Expr wx[4] = {far(tx + one), near(tx), near(one - tx), far(two - tx)};
    Expr wy[4] = {far(ty + one), near(ty), near(one - ty), far(two - ty)};
    auto tap = [&](Expr yy, Expr xx) {
      if (padding != "reflection")
        return pixel(yy, xx);
      // Reflection applies to the taps too (the reference's rule).
      auto fold = [&](Expr v, Expr size) {
        Expr d = asDouble(v), last = asDouble(size - 1);
        return toInt(alignCorners ? reflect(d, f64(0), last) : reflect(d, f64(-0.5), last + f64(0.5)));
      };
      return pixel(fold(yy, h), fold(xx, w));
    };
    for (int p = 0; p < 4; ++p)
      for (int q = 0; q < 4; ++q) {
        Expr term = wy[p] * wx[q] * tap(y0 + p, x0 + q);
        value = value.defined() ? value + term : term;
      }
  }
  Halide::Func sample("grid_sample");
  sample(j, i, c, n) = Halide::cast(halideTypeOf(request.result.getElementType()), value);
  return sample;
}

/// RoiAlign as the reference (and ONNX Runtime) computes it: each output
/// bin averages (or, in max mode, takes the largest weighted corner of) a
/// sampling_ratio x sampling_ratio grid of bilinear samples. The grid must
/// be a static size (sampling_ratio > 0): an adaptive grid's size depends
/// on each roi. Batch indices and coordinates are data: clamped into X.
FailureOr<Halide::Func> buildRoiAlign(const KernelRequest &request) {
  const HalideValue *x = request.operand(0), *rois = request.operand(1),
                    *batchIndices = request.operand(2);
  if (!x || !rois || !batchIndices || x->type.getRank() != 4 || rois->type.getRank() != 2)
    return request.fail("expected X of N x C x H x W, rois of R x 4 and R batch indices");
  Operation *op = request.op;
  int64_t oh = getIntAttr(op, "output_height", 1), ow = getIntAttr(op, "output_width", 1);
  int64_t ratio = getIntAttr(op, "sampling_ratio", 0);
  if (ratio <= 0)
    return request.fail("sampling_ratio 0 (a grid sized by each roi) is not compiled for the "
                        "CPU yet; give a positive sampling_ratio");
  if (oh < 1 || ow < 1)
    return request.fail("expected positive output_height and output_width");
  double scale = 1.0;
  if (auto attr = op->getAttrOfType<FloatAttr>("spatial_scale"))
    scale = attr.getValueAsDouble();
  bool isMax = getStrAttr(op, "mode", "avg") == "max";
  bool halfPixel = getStrAttr(op, "coordinate_transformation_mode", "half_pixel") == "half_pixel";
  Halide::Var j("j"), i("i"), ch("ch"), k("k");
  Expr h = x->dim(2), w = x->dim(3);
  Expr b = Halide::clamp(Halide::cast(Halide::Int(32), batchIndices->func(k)), 0,
                         Halide::max(x->dim(0) - 1, 0));
  auto corner = [&](int m) { return Halide::cast(Halide::Float(64), rois->func(m, k)) * f64(scale) -
                                    f64(halfPixel ? 0.5 : 0.0); };
  Expr x1 = corner(0), y1 = corner(1);
  Expr roiW = corner(2) - x1, roiH = corner(3) - y1;
  if (!halfPixel) {
    roiW = Halide::max(roiW, f64(1));
    roiH = Halide::max(roiH, f64(1));
  }
  Expr binH = roiH / f64(static_cast<double>(oh)), binW = roiW / f64(static_cast<double>(ow));
  Halide::RDom g(0, asInt(ratio), 0, asInt(ratio));
  Expr grid = f64(static_cast<double>(ratio));
  Expr yy = y1 + Halide::cast(Halide::Float(64), i) * binH +
            (Halide::cast(Halide::Float(64), g.y) + f64(0.5)) * binH / grid;
  Expr xx = x1 + Halide::cast(Halide::Float(64), j) * binW +
            (Halide::cast(Halide::Float(64), g.x) + f64(0.5)) * binW / grid;
  // The four weighted corners of a sample: zero outside [-1, size],
  // coordinates clamped to the edge within.
  Expr hd = Halide::cast(Halide::Float(64), h), wd = Halide::cast(Halide::Float(64), w);
  Expr outside = yy < f64(-1) || yy > hd || xx < f64(-1) || xx > wd;
  Expr cy = Halide::clamp(yy, f64(0), Halide::max(hd, f64(0)));
  Expr cx = Halide::clamp(xx, f64(0), Halide::max(wd, f64(0)));
  Expr y0 = Halide::cast(Halide::Int(32), cy), x0 = Halide::cast(Halide::Int(32), cx);
  Expr lastY = Halide::max(h - 1, 0), lastX = Halide::max(w - 1, 0);
  Expr yEdge = y0 >= h - 1, xEdge = x0 >= w - 1;
  Expr yLow = Halide::select(yEdge, lastY, y0), xLow = Halide::select(xEdge, lastX, x0);
  Expr yHigh = Halide::select(yEdge, lastY, Halide::min(y0 + 1, lastY));
  Expr xHigh = Halide::select(xEdge, lastX, Halide::min(x0 + 1, lastX));
  cy = Halide::select(yEdge, Halide::cast(Halide::Float(64), lastY), cy);
  cx = Halide::select(xEdge, Halide::cast(Halide::Float(64), lastX), cx);
  Expr ly = cy - Halide::cast(Halide::Float(64), yLow), lx = cx - Halide::cast(Halide::Float(64), xLow);
  Expr hy = f64(1) - ly, hx = f64(1) - lx;
  // The clamps change nothing (the indices are in range) but let Halide
  // bound the reads.
  auto pixel = [&](Expr row, Expr column) {
    return Halide::cast(Halide::Float(64), x->func(Halide::clamp(column, 0, lastX),
                                                   Halide::clamp(row, 0, lastY), ch, b));
  };
  Expr terms[4] = {hy * hx * pixel(yLow, xLow), hy * lx * pixel(yLow, xHigh),
                   ly * hx * pixel(yHigh, xLow), ly * lx * pixel(yHigh, xHigh)};
  Expr value;
  if (isMax) {
    Expr best = Halide::max(Halide::max(terms[0], terms[1]), Halide::max(terms[2], terms[3]));
    value = Halide::maximum(Halide::select(outside, f64(0), best));
  } else {
    Expr sum = terms[0] + terms[1] + terms[2] + terms[3];
    value = Halide::sum(Halide::select(outside, f64(0), sum)) / (grid * grid);
  }
  Halide::Func align("roi_align");
  align(j, i, ch, k) = Halide::cast(halideTypeOf(request.result.getElementType()), value);
  return align;
}

} // namespace

void mlir::hone::cpu::registerSampleKernelBuilders(void (*add)(const char *, KernelBuilder)) {
  add("GridSample", buildGridSample);
  add("RoiAlign", buildRoiAlign);
}
