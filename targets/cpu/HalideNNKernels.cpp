//===- HalideNNKernels.cpp - Convolutions, matmuls, pools, softmax --------===//
//
// Halide definitions of the NN family. Each reads its operands only inside
// their bounds: padding goes through a boundary condition over the operand's
// static extents, so no kernel reads outside a buffer. Ops or forms not
// covered yet (non-2-D windows, auto_pad SAME, dynamic extents where a
// boundary condition needs them) fail with a message naming what is missing.
//
//===----------------------------------------------------------------------===//
#include "targets/cpu/HalideKernels.h"

#include "dialects/hone/ops/OpAttributes.h"

#include <limits>

using namespace mlir;
using namespace mlir::hone;
using namespace mlir::hone::cpu;

namespace {

bool staticShape(ShapedType type) { return type.hasStaticShape(); }

/// `value` with `padValue` outside its static extents.
Halide::Func withBoundary(const HalideValue &value, Halide::Expr padValue) {
  Halide::Region bounds;
  for (int64_t d = value.type.getRank() - 1; d >= 0; --d)
    bounds.push_back({0, static_cast<int>(value.type.getDimSize(d))});
  return Halide::BoundaryConditions::constant_exterior(value.func, padValue, bounds);
}

/// Strides, dilations and begin pads of a 2-D window op (NOTSET or VALID
/// auto_pad).
struct Window2D {
  int64_t strideH, strideW, dilationH, dilationW, padTop, padLeft;
};

FailureOr<Window2D> window2D(const KernelRequest &request) {
  Operation *op = request.op;
  StringRef autoPad = getStrAttr(op, "auto_pad", "NOTSET");
  if (autoPad != "NOTSET" && autoPad != "VALID") {
    (void)request.fail("auto_pad " + autoPad.str() + " is not supported on CPU yet");
    return failure();
  }
  SmallVector<int64_t> strides = getIntsAttr(op, "strides", {1, 1});
  SmallVector<int64_t> dilations = getIntsAttr(op, "dilations", {1, 1});
  SmallVector<int64_t> pads = getIntsAttr(op, "pads", {0, 0, 0, 0});
  if (strides.size() != 2 || dilations.size() != 2 || pads.size() != 4) {
    (void)request.fail("only 2-D windows are supported on CPU yet");
    return failure();
  }
  if (autoPad == "VALID")
    pads = {0, 0, 0, 0};
  return Window2D{strides[0], strides[1], dilations[0], dilations[1], pads[0], pads[1]};
}

FailureOr<Halide::Func> buildConv(const KernelRequest &request) {
  const HalideValue *x = request.operand(0), *w = request.operand(1), *b = request.operand(2);
  if (!x || !w)
    return request.fail("missing input");
  if (x->type.getRank() != 4 || w->type.getRank() != 4 || !staticShape(x->type) ||
      !staticShape(w->type))
    return request.fail("only 2-D convolutions of static shape are supported on CPU yet");
  FailureOr<Window2D> window = window2D(request);
  if (failed(window))
    return failure();
  int64_t group = getIntAttr(request.op, "group", 1);
  int64_t m = w->type.getDimSize(0), cg = w->type.getDimSize(1);
  int64_t kh = w->type.getDimSize(2), kw = w->type.getDimSize(3);
  int64_t mg = m / group;
  Halide::Func padded = withBoundary(*x, Halide::cast(halideTypeOf(x->type.getElementType()), 0));
  Halide::Var ow("ow"), oh("oh"), oc("oc"), n("n");
  Halide::RDom r(0, static_cast<int>(cg), 0, static_cast<int>(kh), 0, static_cast<int>(kw));
  Halide::Expr ic = (oc / static_cast<int>(mg)) * static_cast<int>(cg) + r.x;
  Halide::Expr ih = oh * static_cast<int>(window->strideH) - static_cast<int>(window->padTop) +
                    r.y * static_cast<int>(window->dilationH);
  Halide::Expr iw = ow * static_cast<int>(window->strideW) - static_cast<int>(window->padLeft) +
                    r.z * static_cast<int>(window->dilationW);
  Halide::Expr acc = Halide::sum(w->func(r.z, r.y, r.x, oc) * padded(iw, ih, ic, n));
  Halide::Func conv("conv");
  conv(ow, oh, oc, n) = b ? acc + b->func(oc) : acc;
  return conv;
}

FailureOr<Halide::Func> buildPool(const KernelRequest &request, bool isMax) {
  const HalideValue *x = request.operand(0);
  if (!x)
    return request.fail("missing input");
  if (x->type.getRank() != 4 || !staticShape(x->type))
    return request.fail("only 2-D pools of static shape are supported on CPU yet");
  for (unsigned i = 1; i < request.op->getNumResults(); ++i)
    if (!request.op->getResult(i).use_empty())
      return request.fail("MaxPool's Indices output is not supported on CPU yet");
  FailureOr<Window2D> window = window2D(request);
  if (failed(window))
    return failure();
  SmallVector<int64_t> kernel = getIntsAttr(request.op, "kernel_shape", {});
  if (kernel.size() != 2)
    return request.fail("expected a 2-D kernel_shape");
  Halide::Type type = halideTypeOf(x->type.getElementType());
  Halide::Var ow("ow"), oh("oh"), c("c"), n("n");
  Halide::RDom r(0, static_cast<int>(kernel[0]), 0, static_cast<int>(kernel[1]));
  Halide::Expr ih = oh * static_cast<int>(window->strideH) - static_cast<int>(window->padTop) +
                    r.x * static_cast<int>(window->dilationH);
  Halide::Expr iw = ow * static_cast<int>(window->strideW) - static_cast<int>(window->padLeft) +
                    r.y * static_cast<int>(window->dilationW);
  Halide::Func pool(isMax ? "max_pool" : "average_pool");
  if (isMax) {
    Halide::Func padded = withBoundary(*x, type.min());
    pool(ow, oh, c, n) = Halide::maximum(padded(iw, ih, c, n));
    return pool;
  }
  Halide::Func padded = withBoundary(*x, Halide::cast(type, 0));
  int64_t height = x->type.getDimSize(2), width = x->type.getDimSize(3);
  bool countPad = getIntAttr(request.op, "count_include_pad", 0) != 0;
  // count_include_pad counts taps in the explicit padding, never past it.
  SmallVector<int64_t> pads = getIntsAttr(request.op, "pads", {0, 0, 0, 0});
  Halide::Expr lowH = countPad ? -static_cast<int>(pads[0]) : 0;
  Halide::Expr highH = static_cast<int>(height + (countPad ? pads[2] : 0));
  Halide::Expr lowW = countPad ? -static_cast<int>(pads[1]) : 0;
  Halide::Expr highW = static_cast<int>(width + (countPad ? pads[3] : 0));
  Halide::Expr inside = ih >= lowH && ih < highH && iw >= lowW && iw < highW;
  Halide::Expr count = Halide::sum(Halide::select(inside, 1, 0));
  pool(ow, oh, c, n) = Halide::sum(padded(iw, ih, c, n)) / Halide::cast(type, Halide::max(count, 1));
  return pool;
}

FailureOr<Halide::Func> buildGlobalPool(const KernelRequest &request, bool isMax) {
  const HalideValue *x = request.operand(0);
  if (!x || x->type.getRank() != 4 || !staticShape(x->type))
    return request.fail("only 4-D inputs of static shape are supported on CPU yet");
  int64_t height = x->type.getDimSize(2), width = x->type.getDimSize(3);
  Halide::RDom r(0, static_cast<int>(height), 0, static_cast<int>(width));
  Halide::Var w("w"), h("h"), c("c"), n("n");
  Halide::Func pool(isMax ? "global_max_pool" : "global_average_pool");
  Halide::Type type = halideTypeOf(x->type.getElementType());
  if (isMax)
    pool(w, h, c, n) = Halide::maximum(x->func(r.y, r.x, c, n));
  else
    pool(w, h, c, n) = Halide::sum(x->func(r.y, r.x, c, n)) / Halide::cast(type, static_cast<int>(height * width));
  return pool;
}

FailureOr<Halide::Func> buildMatMul(const KernelRequest &request) {
  const HalideValue *a = request.operand(0), *b = request.operand(1);
  if (!a || !b)
    return request.fail("missing input");
  if (a->type.getRank() < 2 || b->type.getRank() < 2 || ShapedType::isDynamic(a->type.getShape().back()))
    return request.fail("only operands of rank >= 2 with a static contracted dim are supported on CPU yet");
  int64_t k = a->type.getShape().back();
  int64_t rank = request.result.getRank();
  std::vector<Halide::Var> vars = tensorVars(rank);
  Halide::RDom r(0, static_cast<int>(k));
  // Operand coordinates: batch dims broadcast (static 1 reads index 0),
  // then the two matrix dims.
  auto read = [&](const HalideValue &v, Halide::Expr row, Halide::Expr col) {
    int64_t vr = v.type.getRank();
    std::vector<Halide::Expr> args{col, row};
    for (int64_t j = vr - 3; j >= 0; --j) {
      int64_t d = j + rank - vr;
      bool broadcast = v.type.getDimSize(j) == 1 && request.result.getDimSize(d) != 1;
      args.push_back(broadcast ? Halide::Expr(0) : Halide::Expr(vars[d]));
    }
    return v.func(args);
  };
  Halide::Func matmul("matmul");
  matmul(halideArgs(vars)) = Halide::sum(read(*a, vars[rank - 2], r.x) * read(*b, r.x, vars[rank - 1]));
  return matmul;
}

FailureOr<Halide::Func> buildGemm(const KernelRequest &request) {
  const HalideValue *a = request.operand(0), *b = request.operand(1), *c = request.operand(2);
  if (!a || !b)
    return request.fail("missing input");
  bool transA = getIntAttr(request.op, "transA", 0), transB = getIntAttr(request.op, "transB", 0);
  int64_t k = a->type.getDimSize(transA ? 0 : 1);
  if (ShapedType::isDynamic(k))
    return request.fail("the contracted dim must be static on CPU yet");
  double alpha = 1, beta = 1;
  if (auto attr = request.op->getAttrOfType<FloatAttr>("alpha"))
    alpha = attr.getValueAsDouble();
  if (auto attr = request.op->getAttrOfType<FloatAttr>("beta"))
    beta = attr.getValueAsDouble();
  Halide::Var i("i"), j("j");
  Halide::RDom r(0, static_cast<int>(k));
  Halide::Expr av = transA ? a->func(i, r.x) : a->func(r.x, i);
  Halide::Expr bv = transB ? b->func(r.x, j) : b->func(j, r.x);
  Halide::Type type = halideTypeOf(a->type.getElementType());
  Halide::Expr value = Halide::cast(type, Halide::Expr(alpha)) * Halide::sum(av * bv);
  if (c) {
    std::vector<Halide::Var> vars{i, j};
    value = value + Halide::cast(type, Halide::Expr(beta)) * broadcastRead(*c, vars, request.result);
  }
  Halide::Func gemm("gemm");
  gemm(j, i) = value;
  return gemm;
}

/// Softmax and LogSoftmax along one axis: max, then the sum of exponentials.
FailureOr<Halide::Func> buildSoftmax(const KernelRequest &request, bool logarithm) {
  const HalideValue *x = request.operand(0);
  if (!x)
    return request.fail("missing input");
  int64_t rank = request.result.getRank();
  int64_t axis = getIntAttr(request.op, "axis", -1);
  if (axis < 0)
    axis += rank;
  if (axis < 0 || axis >= rank || ShapedType::isDynamic(request.result.getDimSize(axis)))
    return request.fail("the softmax axis must be in range and of static size on CPU yet");
  std::vector<Halide::Var> vars = tensorVars(rank);
  Halide::RDom r(0, static_cast<int>(request.result.getDimSize(axis)));
  auto along = [&](Halide::Expr k) {
    std::vector<Halide::Expr> args;
    for (int64_t d = rank - 1; d >= 0; --d)
      args.push_back(d == axis ? k : Halide::Expr(vars[d]));
    return args;
  };
  Halide::Func rowMax("row_max"), rowSum("row_sum"), softmax(logarithm ? "log_softmax" : "softmax");
  rowMax(halideArgs(vars)) = Halide::maximum(x->func(along(r.x)));
  rowSum(halideArgs(vars)) = Halide::sum(Halide::exp(x->func(along(r.x)) - rowMax(along(0))));
  Halide::Expr shifted = x->func(halideArgs(vars)) - rowMax(along(0));
  softmax(halideArgs(vars)) =
      logarithm ? shifted - Halide::log(rowSum(along(0))) : Halide::exp(shifted) / rowSum(along(0));
  return softmax;
}

FailureOr<Halide::Func> buildBatchNorm(const KernelRequest &request) {
  for (size_t i = 0; i < 5; ++i)
    if (!request.operand(i))
      return request.fail("missing input");
  if (getIntAttr(request.op, "training_mode", 0))
    return request.fail("training mode is not supported on CPU");
  for (unsigned i = 1; i < request.op->getNumResults(); ++i)
    if (!request.op->getResult(i).use_empty())
      return request.fail("the running statistics outputs are not supported on CPU");
  double epsilon = 1e-5;
  if (auto attr = request.op->getAttrOfType<FloatAttr>("epsilon"))
    epsilon = attr.getValueAsDouble();
  int64_t rank = request.result.getRank();
  if (rank < 2)
    return request.fail("expected rank >= 2");
  std::vector<Halide::Var> vars = tensorVars(rank);
  Halide::Expr c = vars[1];
  Halide::Type type = halideTypeOf(request.operand(0)->type.getElementType());
  Halide::Expr scale = request.operand(1)->func(c), bias = request.operand(2)->func(c);
  Halide::Expr mean = request.operand(3)->func(c), var = request.operand(4)->func(c);
  Halide::Func norm("batch_norm");
  norm(halideArgs(vars)) = (request.operand(0)->func(halideArgs(vars)) - mean) * scale /
                               Halide::sqrt(var + Halide::cast(type, Halide::Expr(epsilon))) +
                           bias;
  return norm;
}

/// LayerNormalization over the dims from `axis` on (static): mean and
/// variance in the element type, then scale and bias broadcast over them.
FailureOr<Halide::Func> buildLayerNorm(const KernelRequest &request) {
  const HalideValue *x = request.operand(0), *scale = request.operand(1), *bias = request.operand(2);
  if (!x || !scale)
    return request.fail("missing input");
  for (unsigned i = 1; i < request.op->getNumResults(); ++i)
    if (!request.op->getResult(i).use_empty())
      return request.fail("the Mean and InvStdDev outputs are not supported on CPU yet");
  int64_t rank = request.result.getRank();
  int64_t axis = getIntAttr(request.op, "axis", -1);
  if (axis < 0)
    axis += rank;
  Halide::Region region;
  int64_t count = 1;
  for (int64_t d = axis; d < rank; ++d) {
    int64_t size = request.result.getDimSize(d);
    if (ShapedType::isDynamic(size))
      return request.fail("the normalized dims must be static on CPU yet");
    region.push_back({0, static_cast<int>(size)});
    count *= size;
  }
  double epsilon = 1e-5;
  if (auto attr = request.op->getAttrOfType<FloatAttr>("epsilon"))
    epsilon = attr.getValueAsDouble();
  Halide::Type type = halideTypeOf(x->type.getElementType());
  std::vector<Halide::Var> vars = tensorVars(rank);
  Halide::RDom r(region);
  // x read at the outer coordinates and the reduction's inner ones.
  std::vector<Halide::Expr> inner;
  for (int64_t d = rank - 1; d >= 0; --d)
    inner.push_back(d >= axis ? Halide::Expr(r[static_cast<int>(d - axis)]) : Halide::Expr(vars[d]));
  std::vector<Halide::Expr> outerOnly;
  for (int64_t d = rank - 1; d >= 0; --d)
    outerOnly.push_back(d >= axis ? Halide::Expr(0) : Halide::Expr(vars[d]));
  Halide::Expr n = Halide::cast(type, Halide::Expr(static_cast<double>(count)));
  Halide::Func mean("ln_mean"), variance("ln_variance"), norm("layer_norm");
  mean(halideArgs(vars)) = Halide::sum(x->func(inner)) / n;
  Halide::Expr centered = x->func(inner) - mean(outerOnly);
  variance(halideArgs(vars)) = Halide::sum(centered * centered) / n;
  // Scale and B broadcast over the normalized dims (right-aligned).
  std::vector<Halide::Var> normVars(vars.begin() + axis, vars.end());
  RankedTensorType normType = RankedTensorType::get(request.result.getShape().drop_front(axis),
                                                    request.result.getElementType());
  Halide::Expr value = (x->func(halideArgs(vars)) - mean(outerOnly)) /
                       Halide::sqrt(variance(outerOnly) + Halide::cast(type, Halide::Expr(epsilon))) *
                       broadcastRead(*scale, normVars, normType);
  if (bias)
    value = value + broadcastRead(*bias, normVars, normType);
  norm(halideArgs(vars)) = value;
  return norm;
}

} // namespace

void mlir::hone::cpu::registerNNKernelBuilders(void (*add)(const char *, KernelBuilder)) {
  add("Conv", buildConv);
  add("MaxPool", [](const KernelRequest &r) { return buildPool(r, true); });
  add("AveragePool", [](const KernelRequest &r) { return buildPool(r, false); });
  add("GlobalMaxPool", [](const KernelRequest &r) { return buildGlobalPool(r, true); });
  add("GlobalAveragePool", [](const KernelRequest &r) { return buildGlobalPool(r, false); });
  add("MatMul", buildMatMul);
  add("Gemm", buildGemm);
  add("Softmax", [](const KernelRequest &r) { return buildSoftmax(r, false); });
  add("LogSoftmax", [](const KernelRequest &r) { return buildSoftmax(r, true); });
  add("BatchNormalization", buildBatchNorm);
  add("LayerNormalization", buildLayerNorm);
}
