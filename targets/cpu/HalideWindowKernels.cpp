//===- HalideWindowKernels.cpp - Convolutions and pools over N-D windows --===//
//
// Conv, ConvTranspose, MaxPool (with its Indices), AveragePool, LpPool and
// the global pools, for any number of spatial dims. The window geometry
// (strides, dilations, begin pads, auto_pad SAME_UPPER/SAME_LOWER/VALID) is
// resolved once from the static shapes; the result's extents come from the
// op's shape function, so ceil_mode needs nothing here. Every kernel reads
// its input only inside its bounds: padding is a boundary condition over the
// operand's static extents.
//
//===----------------------------------------------------------------------===//
#include "targets/cpu/HalideKernels.h"
#include "targets/cpu/Schedules.h"

#include "dialects/hone/ops/OpAttributes.h"

using namespace mlir;
using namespace mlir::hone;
using namespace mlir::hone::cpu;

namespace {

/// `value` with `padValue` outside its static extents.
Halide::Func withBoundary(const HalideValue &value, Halide::Expr padValue) {
  Halide::Region bounds;
  for (int64_t d = value.type.getRank() - 1; d >= 0; --d)
    bounds.push_back({0, static_cast<int>(value.type.getDimSize(d))});
  return Halide::BoundaryConditions::constant_exterior(value.func, padValue, bounds);
}

/// The geometry of a window op over `spatial` dims.
struct Window {
  SmallVector<int64_t> kernel, strides, dilations, padBegin, padEnd;
};

/// Resolves the window of `request`'s op whose input is `input` (N, C,
/// spatial...) and whose kernel extents are `kernel`. For ConvTranspose
/// (`transposed`) SAME pads follow its own rule: total pad =
/// stride * (in - 1) + output_padding + (k - 1) * dilation + 1 - out.
FailureOr<Window> resolveWindow(const KernelRequest &request, ShapedType input,
                                ArrayRef<int64_t> kernel, bool transposed = false) {
  Operation *op = request.op;
  size_t spatial = kernel.size();
  Window w;
  w.kernel.assign(kernel.begin(), kernel.end());
  w.strides = getIntsAttr(op, "strides", SmallVector<int64_t>(spatial, 1));
  w.dilations = getIntsAttr(op, "dilations", SmallVector<int64_t>(spatial, 1));
  SmallVector<int64_t> pads = getIntsAttr(op, "pads", SmallVector<int64_t>(2 * spatial, 0));
  if (w.strides.size() != spatial || w.dilations.size() != spatial || pads.size() != 2 * spatial) {
    (void)request.fail("strides, dilations and pads must match the kernel's " +
                       std::to_string(spatial) + " spatial dims");
    return failure();
  }
  StringRef autoPad = getStrAttr(op, "auto_pad", "NOTSET");
  SmallVector<int64_t> outputPadding =
      getIntsAttr(op, "output_padding", SmallVector<int64_t>(spatial, 0));
  for (size_t i = 0; i < spatial; ++i) {
    int64_t in = input.getDimSize(2 + i), out = request.result.getDimSize(2 + i);
    int64_t span = (kernel[i] - 1) * w.dilations[i] + 1;
    if (autoPad == "VALID") {
      w.padBegin.push_back(0);
      w.padEnd.push_back(0);
    } else if (autoPad == "SAME_UPPER" || autoPad == "SAME_LOWER") {
      int64_t total = transposed ? w.strides[i] * (in - 1) + outputPadding[i] + span - out
                                 : (out - 1) * w.strides[i] + span - in;
      total = std::max<int64_t>(total, 0);
      // SAME_UPPER puts the odd pad at the end, SAME_LOWER at the beginning.
      int64_t begin = autoPad == "SAME_UPPER" ? total / 2 : total - total / 2;
      w.padBegin.push_back(begin);
      w.padEnd.push_back(total - begin);
    } else if (autoPad == "NOTSET") {
      w.padBegin.push_back(pads[i]);
      w.padEnd.push_back(pads[spatial + i]);
    } else {
      (void)request.fail("unknown auto_pad '" + autoPad.str() + "'");
      return failure();
    }
  }
  return w;
}

/// The operands and window of a (transposed) convolution: X [N, C, spatial],
/// W [., ., kernel...] and optional B, all of static shape.
struct ConvOperands {
  const HalideValue *x, *w, *b;
  int64_t rank;
  Window window;
};

FailureOr<ConvOperands> convOperands(const KernelRequest &request, bool transposed) {
  const HalideValue *x = request.operand(0), *w = request.operand(1);
  if (!x || !w) {
    (void)request.fail("missing input");
    return failure();
  }
  int64_t rank = x->type.getRank();
  if (rank < 3 || w->type.getRank() != rank || !x->type.hasStaticShape() ||
      !w->type.hasStaticShape() || !request.result.hasStaticShape()) {
    (void)request.fail(std::string("only ") + (transposed ? "transposed " : "") +
                       "convolutions of static shape are supported on CPU yet");
    return failure();
  }
  FailureOr<Window> window = resolveWindow(request, x->type, w->type.getShape().drop_front(2), transposed);
  if (failed(window))
    return failure();
  return ConvOperands{x, w, request.operand(2), rank, *window};
}

/// Whether a Conv is pointwise: 1x1 taps, unit strides, no padding, one
/// group, so that its spatial dims are one dense dim of input and output.
bool isPointwise(const ConvOperands &operands, int64_t group) {
  auto ones = [](ArrayRef<int64_t> v) { return llvm::all_of(v, [](int64_t e) { return e == 1; }); };
  auto zeros = [](ArrayRef<int64_t> v) { return llvm::all_of(v, [](int64_t e) { return e == 0; }); };
  const Window &w = operands.window;
  return group == 1 && ones(w.kernel) && ones(w.strides) && zeros(w.padBegin) && zeros(w.padEnd);
}

/// A pointwise Conv as the product of its weights [M, C] with the input
/// viewed as [N, C, S] (S: the spatial dims flattened): the result is
/// defined over the view [N, M, S], so its tiles run along all of S with
/// full vectors however narrow each spatial dim is (a 7x7 map is one dim
/// of 49). The input is read at coordinates recovered from s; with the
/// buffers' constant strides the address folds back to s, a dense load.
FailureOr<Halide::Func> buildPointwiseConv(const KernelRequest &request, const ConvOperands &operands) {
  const HalideValue *x = operands.x, *w = operands.w, *b = operands.b;
  int64_t rank = operands.rank;
  int64_t n = x->type.getDimSize(0), c = x->type.getDimSize(1), m = w->type.getDimSize(0);
  Halide::Var s("s"), oc("oc"), batch("n");
  Halide::RDom r(0, asInt(c));
  std::vector<Halide::Expr> in; // Halide order: spatial innermost first
  Halide::Expr rest = s;
  int64_t spatial = 1;
  for (int64_t d = rank - 1; d >= 2; --d) {
    int64_t extent = x->type.getDimSize(d);
    spatial *= extent;
    in.push_back(d == 2 ? rest : rest % asInt(extent));
    rest = rest / asInt(extent);
  }
  in.push_back(r.x);
  in.push_back(batch);
  std::vector<Halide::Expr> weight(rank - 2, Halide::Expr(0));
  weight.push_back(r.x);
  weight.push_back(oc);
  Halide::Type type = halideTypeOf(x->type.getElementType());
  request.resultView = RankedTensorType::get({n, m, spatial}, request.result.getElementType());
  return scheduledContraction("conv1x1", {s, oc, batch}, {spatial, m, n},
                              b ? b->func(oc) : Halide::cast(type, 0), r,
                              w->func(weight) * x->func(in), request.tile, /*rowVar=*/1,
                              tileOrderFor(w->type.getNumElements(), x->type.getNumElements() / n));
}

FailureOr<Halide::Func> buildConv(const KernelRequest &request) {
  FailureOr<ConvOperands> operands = convOperands(request, /*transposed=*/false);
  if (failed(operands))
    return failure();
  const HalideValue *x = operands->x, *w = operands->w, *b = operands->b;
  int64_t rank = operands->rank;
  Window *window = &operands->window;
  int64_t group = getIntAttr(request.op, "group", 1);
  if (isPointwise(*operands, group))
    return buildPointwiseConv(request, *operands);
  int64_t m = w->type.getDimSize(0), cg = w->type.getDimSize(1);
  int64_t mg = m / std::max<int64_t>(group, 1);
  // The padded input is copied once (a boundary condition in the inner loop
  // would turn every load into a clamp and a select).
  bool hasPads = llvm::any_of(window->padBegin, [](int64_t p) { return p != 0; }) ||
                 llvm::any_of(window->padEnd, [](int64_t p) { return p != 0; });
  Halide::Func padded = x->func;
  if (hasPads) {
    padded = withBoundary(*x, Halide::cast(halideTypeOf(x->type.getElementType()), 0));
    computeOnceParallel(padded, x->type.getNumElements());
  }
  std::vector<Halide::Var> vars = tensorVars(rank);
  Halide::Region region{{0, asInt(cg)}};
  for (int64_t k : window->kernel)
    region.push_back({0, asInt(k)});
  Halide::RDom r(region);
  Halide::Expr oc = vars[1];
  // Without groups the input channel is the reduction's own: written
  // without oc, every output channel of a tile shares the input vector.
  Halide::Expr channel = group == 1 ? Halide::Expr(r[0]) : (oc / asInt(mg)) * asInt(cg) + r[0];
  std::vector<Halide::Expr> in{vars[0], channel};
  std::vector<Halide::Expr> weight{oc, r[0]};
  for (int64_t i = 0; i + 2 < rank; ++i) {
    in.push_back(vars[2 + i] * asInt(window->strides[i]) - asInt(window->padBegin[i]) +
                 r[1 + i] * asInt(window->dilations[i]));
    weight.push_back(r[1 + i]);
  }
  Halide::Type type = halideTypeOf(x->type.getElementType());
  return scheduledContraction("conv", std::vector<Halide::Var>(vars.rbegin(), vars.rend()),
                              request.halideExtents(), b ? b->func(oc) : Halide::cast(type, 0), r,
                              w->func(halideArgs(weight)) * padded(halideArgs(in)), request.tile,
                              /*rowVar=*/static_cast<size_t>(rank - 2),
                              w->type.getNumElements() > x->type.getNumElements()
                                  ? TileOrder::RowsOutermost
                                  : TileOrder::LanesInnermost);
}

/// ConvTranspose as a gather: output o along a dim receives input i at tap
/// k where o + pad = i * stride + k * dilation, so each output sums the taps
/// whose input coordinate is integral and inside the input.
FailureOr<Halide::Func> buildConvTranspose(const KernelRequest &request) {
  FailureOr<ConvOperands> operands = convOperands(request, /*transposed=*/true);
  if (failed(operands))
    return failure();
  const HalideValue *x = operands->x, *w = operands->w, *b = operands->b;
  int64_t rank = operands->rank;
  Window *window = &operands->window;
  // An explicit output_shape fixes the output; the pads follow from it, the
  // larger half at the end unless SAME_LOWER (the reference's rule).
  if (getIntsAttr(request.op, "output_shape")) {
    SmallVector<int64_t> outputPadding =
        getIntsAttr(request.op, "output_padding", SmallVector<int64_t>(rank - 2, 0));
    bool lower = getStrAttr(request.op, "auto_pad", "NOTSET") == "SAME_LOWER";
    for (int64_t i = 0; i + 2 < rank; ++i) {
      int64_t in = x->type.getDimSize(2 + i), out = request.result.getDimSize(2 + i);
      int64_t total = window->strides[i] * (in - 1) + outputPadding[i] +
                      (window->kernel[i] - 1) * window->dilations[i] + 1 - out;
      window->padBegin[i] = lower ? total - total / 2 : total / 2;
    }
  }
  int64_t group = getIntAttr(request.op, "group", 1);
  int64_t cin = x->type.getDimSize(1), mg = w->type.getDimSize(1);
  int64_t cinPerGroup = cin / std::max<int64_t>(group, 1);
  Halide::Func padded = withBoundary(*x, Halide::cast(halideTypeOf(x->type.getElementType()), 0));
  std::vector<Halide::Var> vars = tensorVars(rank);
  Halide::Region region{{0, asInt(cinPerGroup)}};
  for (int64_t k : window->kernel)
    region.push_back({0, asInt(k)});
  Halide::RDom r(region);
  Halide::Expr oc = vars[1];
  Halide::Expr g = oc / asInt(mg);
  Halide::Expr ic = g * asInt(cinPerGroup) + r[0];
  std::vector<Halide::Expr> in{vars[0], ic};
  std::vector<Halide::Expr> weight{ic, oc % asInt(mg)};
  Halide::Expr valid = Halide::Internal::const_true();
  for (int64_t i = 0; i + 2 < rank; ++i) {
    Halide::Expr offset = vars[2 + i] + asInt(window->padBegin[i]) - r[1 + i] * asInt(window->dilations[i]);
    int stride = asInt(window->strides[i]);
    // Floor division keeps negative offsets out of range instead of
    // aliasing them onto input 0.
    valid = valid && offset >= 0 && offset % stride == 0;
    in.push_back(Halide::select(offset >= 0, offset / stride, -1));
    weight.push_back(r[1 + i]);
  }
  Halide::Type type = halideTypeOf(x->type.getElementType());
  Halide::Expr tap = Halide::select(valid, w->func(halideArgs(weight)) * padded(halideArgs(in)),
                                    Halide::cast(type, 0));
  Halide::Expr acc = Halide::sum(tap);
  Halide::Func conv("conv_transpose");
  conv(halideArgs(vars)) = b ? acc + b->func(oc) : acc;
  return conv;
}

/// Input coordinates of a pool tap and whether it lies inside the input
/// (or, with `countPad`, inside the explicitly padded extent).
struct PoolTaps {
  Halide::RDom r;
  std::vector<Halide::Expr> in; // tensor order
  Halide::Expr inside, insidePadded;
};

FailureOr<PoolTaps> poolTaps(const KernelRequest &request, const HalideValue &x,
                             ArrayRef<Halide::Var> vars, Window &window) {
  int64_t rank = x.type.getRank();
  Halide::Region region;
  for (int64_t k : window.kernel)
    region.push_back({0, asInt(k)});
  PoolTaps taps{Halide::RDom(region), {vars[0], vars[1]}, Halide::Internal::const_true(), Halide::Internal::const_true()};
  for (int64_t i = 0; i + 2 < rank; ++i) {
    Halide::Expr coordinate = vars[2 + i] * asInt(window.strides[i]) - asInt(window.padBegin[i]) +
                              taps.r[i] * asInt(window.dilations[i]);
    int64_t extent = x.type.getDimSize(2 + i);
    taps.in.push_back(coordinate);
    taps.inside = taps.inside && coordinate >= 0 && coordinate < asInt(extent);
    taps.insidePadded = taps.insidePadded && coordinate >= -asInt(window.padBegin[i]) &&
                        coordinate < asInt(extent + window.padEnd[i]);
  }
  return taps;
}

enum class PoolKind { Max, Average, Lp };

FailureOr<Halide::Func> buildPool(const KernelRequest &request, PoolKind kind) {
  const HalideValue *x = request.operand(0);
  if (!x)
    return request.fail("missing input");
  int64_t rank = x->type.getRank();
  if (rank < 3 || !x->type.hasStaticShape() || !request.result.hasStaticShape())
    return request.fail("only pools of static shape are supported on CPU yet");
  std::optional<SmallVector<int64_t>> kernel = getIntsAttr(request.op, "kernel_shape");
  if (!kernel || static_cast<int64_t>(kernel->size()) != rank - 2)
    return request.fail("kernel_shape must have one entry per spatial dim");
  FailureOr<Window> window = resolveWindow(request, x->type, *kernel);
  if (failed(window))
    return failure();
  std::vector<Halide::Var> vars = tensorVars(rank);
  FailureOr<PoolTaps> taps = poolTaps(request, *x, vars, *window);
  if (failed(taps))
    return failure();
  Halide::Type type = halideTypeOf(x->type.getElementType());
  Halide::Func pool("pool");
  if (kind == PoolKind::Max) {
    Halide::Func padded = withBoundary(*x, type.min());
    Halide::Expr tap = padded(halideArgs(taps->in));
    pool(halideArgs(vars)) = Halide::maximum(tap);
    if (request.op->getNumResults() > 1 && request.resultType(1) && request.resultUsed(1)) {
      // Indices: the first maximal tap's flat index into the input (row
      // major, or with storage_order 1 the spatial dims column major).
      Halide::Tuple best = Halide::argmax(Halide::select(taps->inside, tap, type.min()));
      bool columnMajor = getIntAttr(request.op, "storage_order", 0) != 0;
      Halide::Expr plane = 0;
      if (columnMajor) {
        for (int64_t i = rank - 3; i >= 0; --i) {
          Halide::Expr c = taps->in[2 + i];
          c = Halide::Internal::substitute(taps->r[i].name(), best[i], c);
          plane = plane * asInt(x->type.getDimSize(2 + i)) + c;
        }
      } else {
        for (int64_t i = 0; i + 2 < rank; ++i) {
          Halide::Expr c = Halide::Internal::substitute(taps->r[i].name(), best[i], taps->in[2 + i]);
          plane = plane * asInt(x->type.getDimSize(2 + i)) + c;
        }
      }
      int64_t planeSize = 1;
      for (int64_t i = 2; i < rank; ++i)
        planeSize *= x->type.getDimSize(i);
      Halide::Expr channel = Halide::cast(Halide::Int(64), vars[0]) * Halide::Expr(x->type.getDimSize(1)) + vars[1];
      Halide::Func indices("max_pool_indices");
      indices(halideArgs(vars)) = channel * Halide::Expr(planeSize) + Halide::cast(Halide::Int(64), plane);
      request.defineResult(1, indices);
    }
    return pool;
  }
  Halide::Func padded = withBoundary(*x, Halide::cast(type, 0));
  Halide::Expr tap = padded(halideArgs(taps->in));
  if (kind == PoolKind::Lp) {
    double p = static_cast<double>(getIntAttr(request.op, "p", 2));
    pool(halideArgs(vars)) =
        Halide::pow(Halide::sum(Halide::pow(Halide::abs(tap), Halide::cast(type, Halide::Expr(p)))), Halide::cast(type, Halide::Expr(1.0 / p)));
    return pool;
  }
  // count_include_pad counts taps in the explicit padding, never past it.
  bool countPad = getIntAttr(request.op, "count_include_pad", 0) != 0;
  Halide::Expr count = Halide::sum(Halide::select(countPad ? taps->insidePadded : taps->inside, 1, 0));
  pool(halideArgs(vars)) = Halide::sum(tap) / Halide::cast(type, Halide::max(count, 1));
  return pool;
}

FailureOr<Halide::Func> buildGlobalPool(const KernelRequest &request, PoolKind kind) {
  const HalideValue *x = request.operand(0);
  if (!x || x->type.getRank() < 3 || !x->type.hasStaticShape())
    return request.fail("only inputs of static shape with spatial dims are supported on CPU yet");
  int64_t rank = x->type.getRank();
  Halide::Region region;
  int64_t count = 1;
  for (int64_t d = 2; d < rank; ++d) {
    region.push_back({0, asInt(x->type.getDimSize(d))});
    count *= x->type.getDimSize(d);
  }
  Halide::RDom r(region);
  std::vector<Halide::Var> vars = tensorVars(rank);
  std::vector<Halide::Expr> in{vars[0], vars[1]};
  for (int64_t d = 2; d < rank; ++d)
    in.push_back(r[static_cast<int>(d - 2)]);
  Halide::Expr tap = x->func(halideArgs(in));
  Halide::Type type = halideTypeOf(x->type.getElementType());
  Halide::Func pool("global_pool");
  switch (kind) {
  case PoolKind::Max: pool(halideArgs(vars)) = Halide::maximum(tap); break;
  case PoolKind::Average: pool(halideArgs(vars)) = Halide::sum(tap) / Halide::cast(type, asInt(count)); break;
  case PoolKind::Lp: {
    double p = static_cast<double>(getIntAttr(request.op, "p", 2));
    pool(halideArgs(vars)) =
        Halide::pow(Halide::sum(Halide::pow(Halide::abs(tap), Halide::cast(type, Halide::Expr(p)))), Halide::cast(type, Halide::Expr(1.0 / p)));
    break;
  }
  }
  return pool;
}

} // namespace

void mlir::hone::cpu::registerWindowKernelBuilders(void (*add)(const char *, KernelBuilder)) {
  add("Conv", buildConv);
  add("ConvTranspose", buildConvTranspose);
  add("MaxPool", [](const KernelRequest &r) { return buildPool(r, PoolKind::Max); });
  add("AveragePool", [](const KernelRequest &r) { return buildPool(r, PoolKind::Average); });
  add("LpPool", [](const KernelRequest &r) { return buildPool(r, PoolKind::Lp); });
  add("GlobalMaxPool", [](const KernelRequest &r) { return buildGlobalPool(r, PoolKind::Max); });
  add("GlobalAveragePool", [](const KernelRequest &r) { return buildGlobalPool(r, PoolKind::Average); });
  add("GlobalLpPool", [](const KernelRequest &r) { return buildGlobalPool(r, PoolKind::Lp); });
}
