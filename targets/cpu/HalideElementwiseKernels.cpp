//===- HalideElementwiseKernels.cpp - Elementwise ops with attributes -----===//
//
// The elementwise ops that the tables of HalideKernels.cpp cannot express
// as a plain function of their inputs: Mod (fmod or Python's sign rule),
// BitShift, IsInf, IsNaN, PRelu, Shrink and Mean. Inputs broadcast
// numpy-style, as in the tables.
//
//===----------------------------------------------------------------------===//
#include "targets/cpu/HalideKernels.h"

#include "dialects/hone/ops/OpAttributes.h"

using namespace mlir;
using namespace mlir::hone;
using namespace mlir::hone::cpu;

namespace {

/// Reads operands `a` and `b` of `request` broadcast to its result.
struct BinaryReads {
  Halide::Expr a, b;
  std::vector<Halide::Var> vars;
};

FailureOr<BinaryReads> readTwo(const KernelRequest &request) {
  const HalideValue *a = request.operand(0), *b = request.operand(1);
  if (!a || !b) {
    (void)request.fail("missing input");
    return failure();
  }
  std::vector<Halide::Var> vars = tensorVars(request.result.getRank());
  return BinaryReads{broadcastRead(*a, vars, request.result), broadcastRead(*b, vars, request.result), vars};
}

/// Mod: with fmod the remainder has the dividend's sign (C's fmod, and the
/// only form floats allow); otherwise the divisor's (Python's %). A zero
/// integer divisor gives 0 rather than trapping (the evaluator agrees).
FailureOr<Halide::Func> buildMod(const KernelRequest &request) {
  FailureOr<BinaryReads> in = readTwo(request);
  if (failed(in))
    return failure();
  bool fmod = getIntAttr(request.op, "fmod", 0) != 0;
  Halide::Expr a = in->a, b = in->b;
  Halide::Type type = a.type();
  Halide::Expr zero = Halide::cast(type, 0);
  Halide::Expr value;
  if (type.is_float()) {
    if (!fmod)
      return request.fail("floating-point Mod needs fmod = 1");
    value = a - Halide::trunc(a / b) * b;
  } else if (fmod || type.is_uint()) {
    // div_round_to_zero is the machine's division, which traps on a zero
    // divisor (and on INT_MIN / -1); those divisors leave remainder 0.
    Halide::Expr trivial = b == zero;
    if (type.is_int())
      trivial = trivial || b == Halide::cast(type, -1);
    Halide::Expr divisor = Halide::select(trivial, Halide::cast(type, 1), b);
    value = Halide::select(trivial, zero, a - Halide::div_round_to_zero(a, divisor) * divisor);
  } else {
    // Halide's % is Euclidean (never negative); move it to b's sign.
    Halide::Expr r = a % b;
    value = Halide::select(r != zero && b < zero, r + b, r);
  }
  if (!type.is_float())
    value = Halide::select(b == zero, zero, value);
  Halide::Func mod("mod");
  mod(halideArgs(in->vars)) = value;
  return mod;
}

/// BitShift on unsigned integers; shifts of the full width or more give 0.
FailureOr<Halide::Func> buildBitShift(const KernelRequest &request) {
  FailureOr<BinaryReads> in = readTwo(request);
  if (failed(in))
    return failure();
  Halide::Type type = in->a.type();
  if (!type.is_uint())
    return request.fail("BitShift takes unsigned integers");
  StringRef direction = getStrAttr(request.op, "direction", "");
  if (direction != "LEFT" && direction != "RIGHT")
    return request.fail("direction must be LEFT or RIGHT, got '" + direction.str() + "'");
  Halide::Expr amount = in->b;
  Halide::Expr inRange = amount < Halide::cast(type, type.bits());
  Halide::Expr safe = Halide::select(inRange, amount, Halide::cast(type, 0));
  Halide::Expr shifted = direction == "LEFT" ? in->a << safe : in->a >> safe;
  Halide::Func shift("bit_shift");
  shift(halideArgs(in->vars)) = Halide::select(inRange, shifted, Halide::cast(type, 0));
  return shift;
}

FailureOr<Halide::Func> buildIsInf(const KernelRequest &request) {
  const HalideValue *x = request.operand(0);
  if (!x)
    return request.fail("missing input");
  std::vector<Halide::Var> vars = tensorVars(request.result.getRank());
  Halide::Expr v = x->func(halideArgs(vars));
  bool positive = getIntAttr(request.op, "detect_positive", 1) != 0;
  bool negative = getIntAttr(request.op, "detect_negative", 1) != 0;
  Halide::Expr zero = Halide::cast(v.type(), 0);
  Halide::Expr hit = Halide::is_inf(v) && ((positive && v > zero) || (negative && v < zero));
  Halide::Func isInf("is_inf");
  isInf(halideArgs(vars)) = Halide::cast(Halide::UInt(8), hit);
  return isInf;
}

FailureOr<Halide::Func> buildIsNaN(const KernelRequest &request) {
  const HalideValue *x = request.operand(0);
  if (!x)
    return request.fail("missing input");
  std::vector<Halide::Var> vars = tensorVars(request.result.getRank());
  Halide::Func isNaN("is_nan");
  isNaN(halideArgs(vars)) = Halide::cast(Halide::UInt(8), Halide::is_nan(x->func(halideArgs(vars))));
  return isNaN;
}

/// PRelu: x, or slope * x where x < 0 (slope broadcast to x).
FailureOr<Halide::Func> buildPRelu(const KernelRequest &request) {
  FailureOr<BinaryReads> in = readTwo(request);
  if (failed(in))
    return failure();
  Halide::Func prelu("prelu");
  prelu(halideArgs(in->vars)) = Halide::select(in->a < Halide::cast(in->a.type(), 0), in->b * in->a, in->a);
  return prelu;
}

/// Shrink: x + bias below -lambd, x - bias above lambd, 0 between.
FailureOr<Halide::Func> buildShrink(const KernelRequest &request) {
  const HalideValue *x = request.operand(0);
  if (!x)
    return request.fail("missing input");
  std::vector<Halide::Var> vars = tensorVars(request.result.getRank());
  Halide::Expr v = x->func(halideArgs(vars));
  double lambd = 0.5, bias = 0.0;
  if (auto attr = request.op->getAttrOfType<FloatAttr>("lambd"))
    lambd = attr.getValueAsDouble();
  if (auto attr = request.op->getAttrOfType<FloatAttr>("bias"))
    bias = attr.getValueAsDouble();
  // Compare and shift in double so that integer inputs follow the float
  // attributes exactly, then store in the input type.
  Halide::Expr w = Halide::cast(Halide::Float(64), v);
  Halide::Expr low = Halide::Expr(-lambd), high = Halide::Expr(lambd), shift = Halide::Expr(bias);
  Halide::Expr value =
      Halide::select(w < low, w + shift, Halide::select(w > high, w - shift, Halide::Expr(0.0)));
  Halide::Func shrink("shrink");
  shrink(halideArgs(vars)) = Halide::cast(v.type(), value);
  return shrink;
}

/// Mean of one or more broadcast inputs.
FailureOr<Halide::Func> buildMean(const KernelRequest &request) {
  if (request.operands.empty())
    return request.fail("missing input");
  std::vector<Halide::Var> vars = tensorVars(request.result.getRank());
  Halide::Expr sum;
  for (size_t i = 0; i < request.operands.size(); ++i) {
    const HalideValue *x = request.operand(i);
    if (!x)
      return request.fail("missing input");
    Halide::Expr v = broadcastRead(*x, vars, request.result);
    sum = sum.defined() ? sum + v : v;
  }
  Halide::Func mean("mean");
  mean(halideArgs(vars)) =
      sum / Halide::cast(sum.type(), Halide::Expr(static_cast<double>(request.operands.size())));
  return mean;
}

} // namespace

void mlir::hone::cpu::registerElementwiseKernelBuilders(void (*add)(const char *, KernelBuilder)) {
  add("Mod", buildMod);
  add("BitShift", buildBitShift);
  add("IsInf", buildIsInf);
  add("IsNaN", buildIsNaN);
  add("PRelu", buildPRelu);
  add("Shrink", buildShrink);
  add("Mean", buildMean);
}
