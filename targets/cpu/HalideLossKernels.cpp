//===- HalideLossKernels.cpp - NegativeLogLikelihoodLoss, SoftmaxCrossEntropy //
//
// Both losses pick, for every sample position, the log-probability of its
// target class along dim 1 of [N, C, d...], weight it by the class weight
// (1 without weights; 0 at ignore_index), and reduce (none, sum, or mean
// over the weights, 0 when every weight is 0, as the reference does).
// SoftmaxCrossEntropyLoss takes scores: log-softmax along C first, which is
// also its optional second result. Target classes are clamped into [0, C)
// for the read; the reference refuses an out-of-range class, which a kernel
// cannot report mid-run.
//
//===----------------------------------------------------------------------===//
#include "targets/cpu/HalideKernels.h"

#include "dialects/hone/ops/OpAttributes.h"

using namespace mlir;
using namespace mlir::hone;
using namespace mlir::hone::cpu;

namespace {

/// The loss of `logProb` (the input's shape [N, C, d...], `input` giving its
/// dims) against `target` ([N, d...]) with optional class `weight`, reduced
/// as the op says.
FailureOr<Halide::Func> negativeLogLikelihood(const KernelRequest &request, Halide::Func logProb,
                                              const HalideValue &input, Halide::Type type) {
  const HalideValue *target = request.operand(1), *weight = request.operand(2);
  if (!target)
    return request.fail("missing target");
  int64_t rank = input.type.getRank();
  if (rank < 2 || target->type.getRank() != rank - 1)
    return request.fail("expected input [N, C, d...] and a target [N, d...]");
  Halide::Expr classes = input.dim(1);
  StringRef reduction = getStrAttr(request.op, "reduction", "mean");
  if (reduction != "none" && reduction != "sum" && reduction != "mean")
    return request.fail("unknown reduction '" + reduction.str() + "'");
  bool hasIgnore = request.op->hasAttr("ignore_index");
  int64_t ignore = getIntAttr(request.op, "ignore_index", 0);

  // Per sample position (target coordinates).
  std::vector<Halide::Var> vars = tensorVars(rank - 1);
  Halide::Expr cls = Halide::cast(Halide::Int(64), target->func(halideArgs(vars)));
  Halide::Expr ignored = hasIgnore ? cls == Halide::Expr(ignore) : Halide::Internal::const_false();
  Halide::Expr clamped = Halide::clamp(Halide::cast(Halide::Int(32), cls), 0, Halide::max(classes - 1, 0));
  std::vector<Halide::Expr> at{vars[0], clamped};
  for (int64_t d = 1; d < rank - 1; ++d)
    at.push_back(vars[d]);
  Halide::Expr w = weight ? weight->func(clamped) : Halide::cast(type, 1);
  Halide::Expr zero = Halide::cast(type, 0);
  Halide::Func sampleWeight("nll_weight"), sampleLoss("nll_sample");
  sampleWeight(halideArgs(vars)) = Halide::select(ignored, zero, w);
  sampleLoss(halideArgs(vars)) = Halide::select(ignored, zero, -logProb(halideArgs(at)) * w);
  if (reduction == "none")
    return sampleLoss;

  Halide::Region region;
  for (int64_t d = rank - 2; d >= 0; --d)
    region.push_back({0, target->dim(d)});
  Halide::RDom r(region);
  std::vector<Halide::Expr> all;
  for (int d = 0; d < r.dimensions(); ++d)
    all.push_back(r[d]);
  Halide::Expr sum = Halide::sum(sampleLoss(all));
  Halide::Func loss("nll_loss");
  if (reduction == "sum") {
    loss() = sum;
    return loss;
  }
  Halide::Expr weightSum = Halide::sum(sampleWeight(all));
  loss() = Halide::select(weightSum == zero, zero, sum / weightSum);
  return loss;
}

FailureOr<Halide::Func> buildNegativeLogLikelihoodLoss(const KernelRequest &request) {
  const HalideValue *input = request.operand(0);
  if (!input)
    return request.fail("missing input");
  return negativeLogLikelihood(request, input->func, *input, halideTypeOf(input->type.getElementType()));
}

/// Log-softmax along dim 1, then the likelihood loss; result 1 (optional)
/// is the log-softmax itself.
FailureOr<Halide::Func> buildSoftmaxCrossEntropyLoss(const KernelRequest &request) {
  const HalideValue *scores = request.operand(0);
  if (!scores || scores->type.getRank() < 2)
    return request.fail("expected scores [N, C, d...]");
  int64_t rank = scores->type.getRank();
  Halide::Type type = halideTypeOf(scores->type.getElementType());
  std::vector<Halide::Var> vars = tensorVars(rank);
  Halide::RDom c(0, scores->dim(1));
  std::vector<Halide::Expr> across(vars.begin(), vars.end());
  across[1] = c.x;
  Halide::Func peak("sce_max"), total("sce_sum"), logProb("sce_log_prob");
  std::vector<Halide::Expr> reduced(vars.begin(), vars.end());
  reduced[1] = 0;
  peak(halideArgs(vars)) = Halide::maximum(scores->func(halideArgs(across)));
  total(halideArgs(vars)) = Halide::sum(Halide::exp(scores->func(halideArgs(across)) - peak(halideArgs(reduced))));
  logProb(halideArgs(vars)) =
      scores->func(halideArgs(vars)) - peak(halideArgs(reduced)) - Halide::log(total(halideArgs(reduced)));
  if (request.op->getNumResults() > 1 && request.resultType(1)) {
    Halide::Func logProbOut("sce_log_prob_out");
    logProbOut(halideArgs(vars)) = logProb(halideArgs(vars));
    request.defineResult(1, logProbOut);
  }
  return negativeLogLikelihood(request, logProb, *scores, type);
}

} // namespace

void mlir::hone::cpu::registerLossKernelBuilders(void (*add)(const char *, KernelBuilder)) {
  add("NegativeLogLikelihoodLoss", buildNegativeLogLikelihoodLoss);
  add("SoftmaxCrossEntropyLoss", buildSoftmaxCrossEntropyLoss);
}
