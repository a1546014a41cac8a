//===- HalideNNKernels.cpp - Matmuls, softmax, normalizations -------------===//
//
// Halide definitions of the NN family's dense ops (windows are in
// HalideWindowKernels.cpp). Ops or forms not covered yet (dynamic extents
// where a reduction needs them) fail with a message naming what is missing.
//
//===----------------------------------------------------------------------===//
#include "targets/cpu/HalideKernels.h"
#include "targets/cpu/Schedules.h"

#include "dialects/hone/ops/OpAttributes.h"

#include <limits>

using namespace mlir;
using namespace mlir::hone;
using namespace mlir::hone::cpu;

namespace {

/// Elements of one matrix of `type` (its last two dims; a vector's one).
int64_t matrixElements(ShapedType type) {
  ArrayRef<int64_t> shape = type.getShape();
  int64_t elements = 1;
  for (int64_t d : shape.take_back(std::min<size_t>(2, shape.size())))
    elements *= ShapedType::isDynamic(d) ? 1 : d;
  return elements;
}

FailureOr<Halide::Func> buildMatMul(const KernelRequest &request) {
  const HalideValue *a = request.operand(0), *b = request.operand(1);
  if (!a || !b)
    return request.fail("missing input");
  if (a->type.getRank() < 2 || b->type.getRank() < 2)
    return request.fail("only operands of rank >= 2 are supported on CPU yet");
  int64_t rank = request.result.getRank();
  std::vector<Halide::Var> vars = tensorVars(rank);
  Halide::RDom r(0, a->dim(a->type.getRank() - 1));
  // Operand coordinates: batch dims broadcast (a dim of 1 reads index 0,
  // decided at run time where it is dynamic), then the two matrix dims.
  auto read = [&](const HalideValue &v, Halide::Expr row, Halide::Expr col) {
    int64_t vr = v.type.getRank();
    std::vector<Halide::Expr> args{col, row};
    for (int64_t j = vr - 3; j >= 0; --j) {
      int64_t d = j + rank - vr;
      std::optional<int64_t> size = v.staticDim(j);
      if (!size)
        args.push_back(Halide::select(v.dim(j) == 1, 0, vars[d]));
      else
        args.push_back(*size == 1 && request.result.getDimSize(d) != 1 ? Halide::Expr(0)
                                                                        : Halide::Expr(vars[d]));
    }
    return v.func(args);
  };
  Halide::Type type = halideTypeOf(request.result.getElementType());
  // Stored transposed for the Transpose that reads it (StripSchedule): the
  // result's args in the transposed tensor's Halide order.
  std::vector<Halide::Var> stored;
  const std::vector<int64_t> &perm = request.strip.resultPerm;
  if (request.strip.resultPermuted && static_cast<int64_t>(perm.size()) == rank && !request.epilogue) {
    for (int64_t i = rank - 1; i >= 0; --i)
      stored.push_back(vars[perm[i]]);
    *request.strip.resultPermuted = true;
  }
  return scheduledContraction("matmul", std::vector<Halide::Var>(vars.rbegin(), vars.rend()),
                              request.halideExtents(), Halide::cast(type, 0), r,
                              read(*a, vars[rank - 2], r.x) * read(*b, r.x, vars[rank - 1]),
                              request.matrixTile(), /*rowVar=*/1,
                              tileOrderFor(matrixElements(a->type), matrixElements(b->type)),
                              request.halideExtentExprs(), request.takeEpilogue(), request.strip, stored);
}

FailureOr<Halide::Func> buildGemm(const KernelRequest &request) {
  const HalideValue *a = request.operand(0), *b = request.operand(1), *c = request.operand(2);
  if (!a || !b)
    return request.fail("missing input");
  bool transA = getIntAttr(request.op, "transA", 0), transB = getIntAttr(request.op, "transB", 0);
  Halide::Expr k = a->dim(transA ? 0 : 1);
  double alpha = 1, beta = 1;
  if (auto attr = request.op->getAttrOfType<FloatAttr>("alpha"))
    alpha = attr.getValueAsDouble();
  if (auto attr = request.op->getAttrOfType<FloatAttr>("beta"))
    beta = attr.getValueAsDouble();
  Halide::Var i("i"), j("j");
  Halide::RDom r(0, k);
  Halide::Expr av = transA ? a->func(i, r.x) : a->func(r.x, i);
  Halide::Expr bv = transB ? b->func(r.x, j) : b->func(j, r.x);
  Halide::Type type = halideTypeOf(a->type.getElementType());
  // alpha * A * B + beta * C: the accumulator starts at beta * C.
  Halide::Expr init = Halide::cast(type, 0);
  if (c) {
    std::vector<Halide::Var> vars{i, j};
    init = Halide::cast(type, Halide::Expr(beta)) * broadcastRead(*c, vars, request.result);
  }
  return scheduledContraction("gemm", {j, i}, request.halideExtents(), init, r,
                              Halide::cast(type, Halide::Expr(alpha)) * av * bv, request.matrixTile(),
                              /*rowVar=*/1,
                              tileOrderFor(matrixElements(a->type), matrixElements(b->type)),
                              request.halideExtentExprs(), request.takeEpilogue());
}

/// Lanes of a row reduction over `n` elements (-1: known at run time): 8,
/// doubled up to 64 while each lane still combines 8 elements or more. A
/// lane's partial result is one chain of dependent adds; independent
/// chains (vectors) keep the adder busy on long rows (768: 0.33 ns an
/// element with one chain of 8).
int reductionLanes(int64_t n) {
  if (n < 0)
    return 4 * kVectorLanes;
  int lanes = kVectorLanes;
  while (lanes < 64 && lanes * 16 <= n)
    lanes *= 2;
  return lanes;
}

/// A statistic of each row along the innermost dim (`n` elements, `width`
/// statically or -1) as a vector reduction: lane u of reductionLanes(width)
/// combines elements u, u + lanes, u + 2 lanes... of the row
/// (`element(k)`: vector loads; a partial last block reads the row's last
/// element again and leaves it out); more lanes than a vector are folded
/// to one vector of lanes, whose lanes `row` combines. Halide's inline
/// reductions are scalar loops, one dependent add per element. The caller
/// computes perRow() per row (scheduleRowwise), then vectorizeLanes.
struct RowReduction {
  Halide::Func lanes, folded, row;
  std::vector<Halide::Func> perRow() const {
    if (folded.defined())
      return {lanes, folded, row};
    return {lanes, row};
  }
};
RowReduction reduceRows(const std::string &name, const std::vector<Halide::Expr> &rowArgs, Halide::Expr n,
                        int64_t width, const std::function<Halide::Expr(Halide::Expr)> &element,
                        Halide::Expr identity, const std::function<Halide::Expr(Halide::Expr, Halide::Expr)> &combine) {
  int count = reductionLanes(width);
  Halide::Var u("u");
  std::vector<Halide::Expr> laneArgs{u};
  laneArgs.insert(laneArgs.end(), rowArgs.begin(), rowArgs.end());
  auto laneAt = [&](Halide::Expr lane) {
    std::vector<Halide::Expr> args{lane};
    args.insert(args.end(), rowArgs.begin(), rowArgs.end());
    return args;
  };
  Halide::RDom blocks(0, (n + (count - 1)) / count);
  Halide::Expr k = blocks.x * count + u;
  RowReduction reduction{Halide::Func(name + "_lanes"), Halide::Func(), Halide::Func(name)};
  reduction.lanes(laneArgs) = identity;
  reduction.lanes(laneArgs) = Halide::select(k < n, combine(reduction.lanes(laneArgs), element(Halide::min(k, n - 1))),
                                             reduction.lanes(laneArgs));
  Halide::Func last = reduction.lanes;
  if (count > kVectorLanes) {
    reduction.folded = Halide::Func(name + "_folded");
    Halide::RDom vectors(0, count / kVectorLanes);
    reduction.folded(laneArgs) = identity;
    reduction.folded(laneArgs) = combine(reduction.folded(laneArgs), reduction.lanes(laneAt(vectors.x * kVectorLanes + u)));
    last = reduction.folded;
  }
  Halide::RDom lanes(0, kVectorLanes);
  reduction.row(rowArgs) = identity;
  reduction.row(rowArgs) = combine(reduction.row(rowArgs), last(laneAt(lanes.x)));
  return reduction;
}

/// Vectorizes a RowReduction's lanes along u: all of them, and the folded
/// vector of lanes.
void vectorizeLanes(const RowReduction &reduction) {
  for (Halide::Func f : {reduction.lanes, reduction.folded}) {
    if (!f.defined())
      continue;
    Halide::Var u = f.args()[0];
    f.vectorize(u);
    f.update().vectorize(u);
  }
}

/// Softmax and LogSoftmax along one axis: max, then the sum of exponentials.
/// Along the innermost dim the row statistics are vector reductions
/// (reduceRows); each exponential is computed once per row into a row
/// buffer that the sum and the result read (as Halide's inline reductions
/// they were scalar loops, with a scalar exponential per element and a
/// second, vector one for the result).
FailureOr<Halide::Func> buildSoftmax(const KernelRequest &request, bool logarithm) {
  const HalideValue *x = request.operand(0);
  if (!x)
    return request.fail("missing input");
  int64_t rank = request.result.getRank();
  int64_t axis = getIntAttr(request.op, "axis", -1);
  if (axis < 0)
    axis += rank;
  if (axis < 0 || axis >= rank)
    return request.fail("the softmax axis must be in range");
  std::vector<Halide::Var> vars = tensorVars(rank);
  Halide::Expr n = x->dim(axis);
  Halide::RDom r(0, n);
  auto along = [&](Halide::Expr k) {
    std::vector<Halide::Expr> args;
    for (int64_t d = rank - 1; d >= 0; --d)
      args.push_back(d == axis ? k : Halide::Expr(vars[d]));
    return args;
  };
  Halide::Func softmax(logarithm ? "log_softmax" : "softmax");
  if (axis != rank - 1) {
    Halide::Func rowMax("row_max"), rowSum("row_sum");
    rowMax(halideArgs(vars)) = Halide::maximum(x->func(along(r.x)));
    Halide::Expr shifted = x->func(halideArgs(vars)) - rowMax(along(0));
    rowSum(halideArgs(vars)) = Halide::sum(Halide::exp(x->func(along(r.x)) - rowMax(along(0))));
    softmax(halideArgs(vars)) =
        logarithm ? shifted - Halide::log(rowSum(along(0))) : Halide::exp(shifted) / rowSum(along(0));
    computeOnce(rowMax);
    computeOnce(rowSum);
    return softmax;
  }
  Halide::Type type = halideTypeOf(request.result.getElementType());
  std::vector<Halide::Expr> rowArgs = halideArgs(vars);
  auto max = [](Halide::Expr a, Halide::Expr b) { return Halide::max(a, b); };
  auto add = [](Halide::Expr a, Halide::Expr b) { return a + b; };
  int64_t width = request.result.getShape().back();
  RowReduction rowMax = reduceRows(
      "row_max", rowArgs, n, width, [&](Halide::Expr k) { return x->func(along(k)); }, type.min(), max);
  Halide::Expr shifted = x->func(rowArgs) - rowMax.row(along(0));
  Halide::Func exponential("softmax_exp");
  exponential(rowArgs) = Halide::exp(shifted);
  RowReduction rowSum = reduceRows(
      "row_sum", rowArgs, n, width, [&](Halide::Expr k) { return exponential(along(k)); }, Halide::cast(type, 0), add);
  softmax(rowArgs) =
      logarithm ? shifted - Halide::log(rowSum.row(along(0))) : exponential(rowArgs) / rowSum.row(along(0));
  // Rows along the innermost dim: statistics per row, rows in parallel
  // (not inside another kernel's tasks: row tiles).
  std::vector<int64_t> extents = request.halideExtents();
  std::vector<Halide::Func> perRow = rowMax.perRow();
  perRow.push_back(exponential);
  for (const Halide::Func &f : rowSum.perRow())
    perRow.push_back(f);
  scheduleRowwise(softmax, perRow, 1, extents,
                  /*parallel=*/request.strip.role != StripSchedule::Role::Inner, halideDims(*x));
  vectorizeLanes(rowMax);
  vectorizeLanes(rowSum);
  int64_t row = extents.empty() ? -1 : extents[0];
  if (row < 0)
    exponential.vectorize(vars[rank - 1], kVectorLanes, Halide::TailStrategy::GuardWithIf);
  else if (row >= kVectorLanes)
    exponential.vectorize(vars[rank - 1], kVectorLanes, Halide::TailStrategy::ShiftInwards);
  return softmax;
}

/// BatchNormalization: per channel, (x - mean) / sqrt(var + epsilon) *
/// scale + B. In training mode the mean and (population) variance are the
/// batch's, over N and the spatial dims, and results 1 and 2 are the
/// running averages: input * momentum + batch * (1 - momentum); otherwise
/// they are the inputs' statistics passed through.
FailureOr<Halide::Func> buildBatchNorm(const KernelRequest &request) {
  for (size_t i = 0; i < 5; ++i)
    if (!request.operand(i))
      return request.fail("missing input");
  double epsilon = 1e-5, momentum = 0.9;
  if (auto attr = request.op->getAttrOfType<FloatAttr>("epsilon"))
    epsilon = attr.getValueAsDouble();
  if (auto attr = request.op->getAttrOfType<FloatAttr>("momentum"))
    momentum = attr.getValueAsDouble();
  bool training = getIntAttr(request.op, "training_mode", 0) != 0;
  const HalideValue &x = *request.operand(0);
  int64_t rank = request.result.getRank();
  if (rank < 2)
    return request.fail("expected rank >= 2");
  std::vector<Halide::Var> vars = tensorVars(rank);
  Halide::Expr c = vars[1];
  Halide::Type type = halideTypeOf(x.type.getElementType());
  Halide::Expr scale = request.operand(1)->func(c), bias = request.operand(2)->func(c);
  Halide::Expr mean = request.operand(3)->func(c), var = request.operand(4)->func(c);
  Halide::Func batchMean("bn_batch_mean"), batchVar("bn_batch_var");
  if (training) {
    // Every dim but the channel's is reduced.
    Halide::Region region;
    Halide::Expr count = 1;
    for (int64_t d = rank - 1; d >= 0; --d)
      if (d != 1) {
        region.push_back({0, x.dim(d)});
        count = count * x.dim(d);
      }
    Halide::RDom r(region);
    std::vector<Halide::Expr> at;
    int next = static_cast<int>(region.size()) - 1;
    for (int64_t d = 0; d < rank; ++d)
      at.push_back(d == 1 ? Halide::Expr(c) : Halide::Expr(r[next--]));
    Halide::Expr read = x.func(std::vector<Halide::Expr>(at.rbegin(), at.rend()));
    Halide::Expr n = Halide::cast(type, Halide::max(count, 1));
    batchMean(c) = Halide::sum(read) / n;
    Halide::Expr centered = read - batchMean(c);
    batchVar(c) = Halide::sum(centered * centered) / n;
    Halide::Expr m = Halide::cast(type, Halide::Expr(momentum)), rest = Halide::cast(type, Halide::Expr(1 - momentum));
    Halide::Var k("k");
    if (request.op->getNumResults() > 1 && request.resultType(1)) {
      Halide::Func running("bn_running_mean");
      running(k) = request.operand(3)->func(k) * m + batchMean(k) * rest;
      request.defineResult(1, running);
    }
    if (request.op->getNumResults() > 2 && request.resultType(2)) {
      Halide::Func running("bn_running_var");
      running(k) = request.operand(4)->func(k) * m + batchVar(k) * rest;
      request.defineResult(2, running);
    }
    mean = batchMean(c);
    var = batchVar(c);
  } else {
    Halide::Var k("k");
    for (unsigned i = 1; i < std::min(3u, request.op->getNumResults()); ++i)
      if (request.resultType(i)) {
        Halide::Func passed(i == 1 ? "bn_mean" : "bn_var");
        passed(k) = request.operand(2 + i)->func(k);
        request.defineResult(i, passed);
      }
  }
  Halide::Func norm("batch_norm");
  norm(halideArgs(vars)) = (x.func(halideArgs(vars)) - mean) * scale /
                               Halide::sqrt(var + Halide::cast(type, Halide::Expr(epsilon))) +
                           bias;
  return norm;
}

/// LayerNormalization over the innermost dim alone (a transformer's), its
/// statistics not results: the row's sum and its centered sum of squares
/// as vector reductions (reduceRows), mean and 1/sqrt(variance + epsilon)
/// once per row, then the row normalized. Rows of 48 ran 0.84 ns an
/// element as scalar reductions (Swin's first stage).
FailureOr<Halide::Func> layerNormAlongRows(const KernelRequest &request, const HalideValue &x,
                                           const HalideValue &scale, const HalideValue *bias,
                                           const std::vector<Halide::Var> &vars, double epsilon) {
  int64_t rank = request.result.getRank();
  Halide::Type type = halideTypeOf(x.type.getElementType());
  std::vector<Halide::Expr> rowArgs = halideArgs(vars);
  auto along = [&](Halide::Expr k) {
    std::vector<Halide::Expr> args = rowArgs;
    args[0] = k;
    return args;
  };
  auto add = [](Halide::Expr a, Halide::Expr b) { return a + b; };
  Halide::Expr length = x.dim(rank - 1), n = Halide::cast(type, length);
  int64_t width = request.result.getShape().back();
  RowReduction sum = reduceRows(
      "ln_sum", rowArgs, length, width, [&](Halide::Expr k) { return x.func(along(k)); }, Halide::cast(type, 0), add);
  Halide::Func mean("ln_mean"), invStdDev("ln_inv_std");
  mean(rowArgs) = sum.row(along(0)) / n;
  RowReduction squares = reduceRows(
      "ln_squares", rowArgs, length, width,
      [&](Halide::Expr k) {
        Halide::Expr centered = x.func(along(k)) - mean(along(0));
        return centered * centered;
      },
      Halide::cast(type, 0), add);
  invStdDev(rowArgs) =
      Halide::cast(type, 1) / Halide::sqrt(squares.row(along(0)) / n + Halide::cast(type, Halide::Expr(epsilon)));
  std::vector<Halide::Var> normVars{vars.back()};
  RankedTensorType normType =
      RankedTensorType::get(request.result.getShape().take_back(), request.result.getElementType());
  Halide::Expr value = (x.func(rowArgs) - mean(along(0))) * invStdDev(along(0)) * broadcastRead(scale, normVars, normType);
  if (bias)
    value = value + broadcastRead(*bias, normVars, normType);
  Halide::Func norm("layer_norm");
  norm(rowArgs) = value;
  std::vector<Halide::Func> perRow = sum.perRow();
  perRow.push_back(mean);
  for (const Halide::Func &f : squares.perRow())
    perRow.push_back(f);
  perRow.push_back(invStdDev);
  scheduleRowwise(norm, perRow, 1,
                  request.halideExtents(), /*parallel=*/true, halideDims(x));
  vectorizeLanes(sum);
  vectorizeLanes(squares);
  return norm;
}

/// LayerNormalization over the dims from `axis` on (static): mean and
/// variance in the element type, then scale and bias broadcast over them.
FailureOr<Halide::Func> buildLayerNorm(const KernelRequest &request) {
  const HalideValue *x = request.operand(0), *scale = request.operand(1), *bias = request.operand(2);
  if (!x || !scale)
    return request.fail("missing input");
  int64_t rank = request.result.getRank();
  int64_t axis = getIntAttr(request.op, "axis", -1);
  if (axis < 0)
    axis += rank;
  if (axis < 0 || axis >= rank)
    return request.fail("axis out of range");
  Halide::Region region;
  Halide::Expr count = 1;
  for (int64_t d = axis; d < rank; ++d) {
    region.push_back({0, x->dim(d)});
    count = count * x->dim(d);
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
  Halide::Expr n = Halide::cast(type, count);
  bool statisticsOut = (request.op->getNumResults() > 1 && request.resultUsed(1)) ||
                       (request.op->getNumResults() > 2 && request.resultUsed(2));
  if (axis == rank - 1 && !statisticsOut)
    return layerNormAlongRows(request, *x, *scale, bias, vars, epsilon);
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
  // Mean and InvStdDev have the input's rank with 1 for every normalized dim;
  // the statistics above ignore those coordinates.
  auto statistic = [&](unsigned i, Halide::Expr e, const char *name) {
    if (RankedTensorType type = request.resultType(i)) {
      Halide::Func f(name);
      f(halideArgs(vars)) = Halide::cast(halideTypeOf(type.getElementType()), e);
      request.defineResult(i, f);
    }
  };
  if (request.op->getNumResults() > 1 && request.resultUsed(1))
    statistic(1, mean(outerOnly), "ln_mean_out");
  if (request.op->getNumResults() > 2 && request.resultUsed(2))
    statistic(2, Halide::cast(type, 1) / Halide::sqrt(variance(outerOnly) + Halide::cast(type, Halide::Expr(epsilon))),
              "ln_inv_std_dev");
  // Statistics that are results too are read by those pipelines' outputs
  // and cannot live inside the rows of `norm`.
  if (statisticsOut) {
    computeOnce(mean);
    computeOnce(variance);
  } else {
    scheduleRowwise(norm, {mean, variance}, static_cast<size_t>(rank - axis), request.halideExtents(),
                    /*parallel=*/true, halideDims(*x));
  }
  return norm;
}

} // namespace

void mlir::hone::cpu::registerNNKernelBuilders(void (*add)(const char *, KernelBuilder)) {
  add("MatMul", buildMatMul);
  add("Gemm", buildGemm);
  add("Softmax", [](const KernelRequest &r) { return buildSoftmax(r, false); });
  add("LogSoftmax", [](const KernelRequest &r) { return buildSoftmax(r, true); });
  add("BatchNormalization", buildBatchNorm);
  add("LayerNormalization", buildLayerNorm);
}
