//===- HalideNormKernels.cpp - Instance, LRN, MVN and Lp normalizations ---===//
//
// Normalizations whose statistics run over a fixed set of dims of a static
// shape: InstanceNormalization (spatial dims per batch and channel),
// MeanVarianceNormalization (its `axes`, with the ONNX function body's
// 1e-9 added to the standard deviation), LpNormalization (one axis, p 1 or
// 2) and LRN (a window of neighbouring channels). Batch and layer
// normalization live with the dense NN kernels.
//
//===----------------------------------------------------------------------===//
#include "targets/cpu/HalideKernels.h"

#include "dialects/hone/ops/OpAttributes.h"

using namespace mlir;
using namespace mlir::hone;
using namespace mlir::hone::cpu;

namespace {

/// Sums of a function of `x` over the dims marked in `reduced`, indexed by
/// the other coordinates (reduced coordinates are ignored).
struct GroupReduction {
  const HalideValue &x;
  std::vector<bool> reduced;
  std::vector<Halide::Var> vars;
  Halide::Expr count = 1;

  GroupReduction(const HalideValue &x, std::vector<bool> reducedDims)
      : x(x), reduced(std::move(reducedDims)), vars(tensorVars(x.type.getRank())) {
    for (size_t d = 0; d < reduced.size(); ++d)
      if (reduced[d])
        count = count * x.dim(d);
  }

  /// sum over the group of f(x at the group's coordinates).
  Halide::Func sum(const std::function<Halide::Expr(Halide::Expr)> &f, const char *name) const {
    Halide::Region region;
    for (size_t d = 0; d < reduced.size(); ++d)
      if (reduced[d])
        region.push_back({0, x.dim(d)});
    Halide::Func result(name);
    if (region.empty()) {
      result(halideArgs(vars)) = f(x.func(halideArgs(vars)));
      return result;
    }
    Halide::RDom r(region);
    std::vector<Halide::Expr> at;
    int next = 0;
    for (size_t d = 0; d < reduced.size(); ++d)
      at.push_back(reduced[d] ? Halide::Expr(r[next++]) : Halide::Expr(vars[d]));
    result(halideArgs(vars)) = Halide::sum(f(x.func(halideArgs(at))));
    return result;
  }
};

Halide::Expr typed(Halide::Type type, double value) { return Halide::cast(type, Halide::Expr(value)); }

double floatAttr(Operation *op, StringRef name, double fallback) {
  if (auto attr = op->getAttrOfType<FloatAttr>(name))
    return attr.getValueAsDouble();
  return fallback;
}

FailureOr<Halide::Func> buildInstanceNorm(const KernelRequest &request) {
  const HalideValue *x = request.operand(0), *scale = request.operand(1), *bias = request.operand(2);
  if (!x || !scale || !bias)
    return request.fail("missing input");
  int64_t rank = x->type.getRank();
  if (rank < 3)
    return request.fail("expected an input [N, C, spatial...]");
  std::vector<bool> reduced(rank, true);
  reduced[0] = reduced[1] = false;
  GroupReduction group(*x, reduced);
  Halide::Type type = halideTypeOf(x->type.getElementType());
  Halide::Expr n = Halide::cast(type, group.count);
  Halide::Func mean = group.sum([](Halide::Expr v) { return v; }, "in_sum");
  Halide::Func square = group.sum([](Halide::Expr v) { return v * v; }, "in_square");
  std::vector<Halide::Var> &vars = group.vars;
  std::vector<Halide::Expr> at(vars.begin(), vars.end());
  for (int64_t d = 2; d < rank; ++d)
    at[d] = 0;
  Halide::Expr mu = mean(halideArgs(at)) / n;
  Halide::Expr variance = Halide::max(square(halideArgs(at)) / n - mu * mu, typed(type, 0));
  double epsilon = floatAttr(request.op, "epsilon", 1e-5);
  Halide::Func norm("instance_norm");
  norm(halideArgs(vars)) = (x->func(halideArgs(vars)) - mu) / Halide::sqrt(variance + typed(type, epsilon)) *
                               scale->func(vars[1]) +
                           bias->func(vars[1]);
  return norm;
}

FailureOr<Halide::Func> buildMeanVarianceNorm(const KernelRequest &request) {
  const HalideValue *x = request.operand(0);
  if (!x)
    return request.fail("missing input");
  int64_t rank = x->type.getRank();
  SmallVector<int64_t> axes = getIntsAttr(request.op, "axes", {0, 2, 3});
  std::vector<bool> reduced(rank, false);
  for (int64_t a : axes) {
    int64_t axis = a < 0 ? a + rank : a;
    if (axis < 0 || axis >= rank)
      return request.fail("axis " + std::to_string(a) + " out of range");
    reduced[axis] = true;
  }
  GroupReduction group(*x, reduced);
  Halide::Type type = halideTypeOf(x->type.getElementType());
  Halide::Expr n = Halide::cast(type, group.count);
  Halide::Func sum = group.sum([](Halide::Expr v) { return v; }, "mvn_sum");
  Halide::Func square = group.sum([](Halide::Expr v) { return v * v; }, "mvn_square");
  std::vector<Halide::Var> &vars = group.vars;
  std::vector<Halide::Expr> at(vars.begin(), vars.end());
  for (int64_t d = 0; d < rank; ++d)
    if (reduced[d])
      at[d] = 0;
  Halide::Expr mu = sum(halideArgs(at)) / n;
  Halide::Expr variance = Halide::max(square(halideArgs(at)) / n - mu * mu, typed(type, 0));
  Halide::Func norm("mean_variance_norm");
  norm(halideArgs(vars)) = (x->func(halideArgs(vars)) - mu) / (Halide::sqrt(variance) + typed(type, 1e-9));
  return norm;
}

FailureOr<Halide::Func> buildLpNorm(const KernelRequest &request) {
  const HalideValue *x = request.operand(0);
  if (!x)
    return request.fail("missing input");
  int64_t rank = x->type.getRank();
  int64_t axis = getIntAttr(request.op, "axis", -1), p = getIntAttr(request.op, "p", 2);
  if (axis < 0)
    axis += rank;
  if (axis < 0 || axis >= rank || (p != 1 && p != 2))
    return request.fail("axis out of range or p not 1 or 2");
  std::vector<bool> reduced(rank, false);
  reduced[axis] = true;
  GroupReduction group(*x, reduced);
  Halide::Func total = p == 1 ? group.sum([](Halide::Expr v) { return Halide::abs(v); }, "lp_sum")
                              : group.sum([](Halide::Expr v) { return v * v; }, "lp_sum");
  std::vector<Halide::Var> &vars = group.vars;
  std::vector<Halide::Expr> at(vars.begin(), vars.end());
  at[axis] = 0;
  Halide::Type type = halideTypeOf(x->type.getElementType());
  Halide::Expr norm = Halide::cast(type, total(halideArgs(at)));
  if (p == 2)
    norm = Halide::sqrt(norm);
  Halide::Func lp("lp_norm");
  lp(halideArgs(vars)) =
      Halide::select(norm == typed(type, 0), typed(type, 0), x->func(halideArgs(vars)) / norm);
  return lp;
}

FailureOr<Halide::Func> buildLRN(const KernelRequest &request) {
  const HalideValue *x = request.operand(0);
  if (!x || x->type.getRank() < 3)
    return request.fail("expected an input of rank >= 3");
  int64_t size = getIntAttr(request.op, "size", 0);
  if (size < 1)
    return request.fail("size must be positive");
  double alpha = floatAttr(request.op, "alpha", 1e-4), beta = floatAttr(request.op, "beta", 0.75),
         bias = floatAttr(request.op, "bias", 1.0);
  int64_t rank = x->type.getRank();
  Halide::Expr channels = x->dim(1);
  int64_t before = (size - 1) / 2;
  std::vector<Halide::Var> vars = tensorVars(rank);
  Halide::RDom r(0, asInt(size));
  Halide::Expr channel = vars[1] - asInt(before) + r.x;
  std::vector<Halide::Expr> at(vars.begin(), vars.end());
  at[1] = Halide::clamp(channel, 0, Halide::max(channels - 1, 0));
  Halide::Type type = halideTypeOf(x->type.getElementType());
  Halide::Expr v = x->func(halideArgs(at));
  Halide::Expr inside = channel >= 0 && channel < channels;
  Halide::Expr squares = Halide::sum(Halide::select(inside, v * v, typed(type, 0)));
  Halide::Func lrn("lrn");
  lrn(halideArgs(vars)) = x->func(halideArgs(vars)) /
                          Halide::pow(typed(type, bias) + typed(type, alpha / static_cast<double>(size)) * squares,
                                      typed(type, beta));
  return lrn;
}

} // namespace

void mlir::hone::cpu::registerNormKernelBuilders(void (*add)(const char *, KernelBuilder)) {
  add("InstanceNormalization", buildInstanceNorm);
  add("MeanVarianceNormalization", buildMeanVarianceNorm);
  add("LpNormalization", buildLpNorm);
  add("LRN", buildLRN);
}
