//===- ElementwiseUnary.cpp - Unary math, activations and predicates ------===//
//
// One function applied to every element. Floats compute in double and round
// once to the input's type; signed integers compute in int64 with wrapping
// (so Abs and Neg of the most negative value stay defined), unsigned ones in
// uint64. NaN goes through the way numpy's reference implementations let it.
//
//===----------------------------------------------------------------------===//
#include "compiler/reference/kernels/ElementwiseFamily.h"
#include "compiler/reference/kernels/KernelSupport.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>

namespace hone::ref {
namespace {

/// The element function of a unary op, per arithmetic kind; the op takes
/// only the kinds whose function is set.
struct UnaryFns {
  std::function<double(double)> onFloat;
  std::function<int64_t(int64_t)> onSigned;
  std::function<uint64_t(uint64_t)> onUnsigned;
};

/// Applies `fns` to every element of input 0; the result has its type.
Status unaryMap(KernelContext &ctx, const UnaryFns &fns) {
  const Tensor *x;
  if (Status s = requireInput(ctx, 0, x); !s)
    return s;
  unsigned allowed = (fns.onFloat ? unsigned(kFloatTypes) : 0u) |
                     (fns.onSigned ? unsigned(kSignedTypes) : 0u) |
                     (fns.onUnsigned ? unsigned(kUnsignedTypes) : 0u);
  if (Status s = checkTypeIn(ctx, *x, allowed, "input"); !s)
    return s;
  Tensor y(x->dtype(), x->shape());
  TypeSet kind = typeSetOf(x->dtype());
  for (int64_t i = 0; i < x->numel(); ++i) {
    if (kind == kFloatTypes)
      y.setDouble(i, fns.onFloat(x->getDouble(i)));
    else if (kind == kUnsignedTypes)
      y.setUInt(i, fns.onUnsigned(x->getUInt(i)));
    else
      y.setInt(i, fns.onSigned(x->getInt(i)));
  }
  ctx.setOutput(0, std::move(y));
  return Status::success();
}

/// Applies a float-only function.
Status mapFloats(KernelContext &ctx, std::function<double(double)> fn) {
  return unaryMap(ctx, {std::move(fn), nullptr, nullptr});
}

void registerFloatUnary(const std::string &op, double (*fn)(double)) {
  registerKernel(op, [fn](KernelContext &ctx) { return mapFloats(ctx, fn); });
}

/// -x with two's complement wrapping, defined for INT64_MIN too.
int64_t wrappingNegate(int64_t x) { return static_cast<int64_t>(0 - static_cast<uint64_t>(x)); }

/// min(hi, max(lo, x)), keeping NaN as numpy's clip does.
double clampKeepingNaN(double x, double lo, double hi) {
  return std::isnan(x) ? x : std::min(hi, std::max(lo, x));
}

double sigmoid(double x) {
  // Two forms, so that exp never overflows.
  return x >= 0 ? 1 / (1 + std::exp(-x)) : std::exp(x) / (1 + std::exp(x));
}

double signOf(double x) { return std::isnan(x) ? x : double((x > 0) - (x < 0)); }

void registerMathKernels() {
  registerKernel("Abs", [](KernelContext &ctx) {
    return unaryMap(ctx, {[](double x) { return std::fabs(x); },
                          [](int64_t x) { return x < 0 ? wrappingNegate(x) : x; },
                          [](uint64_t x) { return x; }});
  });
  registerKernel("Neg", [](KernelContext &ctx) {
    return unaryMap(ctx, {[](double x) { return -x; }, wrappingNegate, nullptr});
  });
  registerKernel("Sign", [](KernelContext &ctx) {
    return unaryMap(ctx, {signOf, [](int64_t x) { return int64_t((x > 0) - (x < 0)); },
                          [](uint64_t x) { return uint64_t(x != 0); }});
  });
  registerFloatUnary("Acos", [](double x) { return std::acos(x); });
  registerFloatUnary("Acosh", [](double x) { return std::acosh(x); });
  registerFloatUnary("Asin", [](double x) { return std::asin(x); });
  registerFloatUnary("Asinh", [](double x) { return std::asinh(x); });
  registerFloatUnary("Atan", [](double x) { return std::atan(x); });
  registerFloatUnary("Atanh", [](double x) { return std::atanh(x); });
  registerFloatUnary("Ceil", [](double x) { return std::ceil(x); });
  registerFloatUnary("Cos", [](double x) { return std::cos(x); });
  registerFloatUnary("Cosh", [](double x) { return std::cosh(x); });
  registerFloatUnary("Erf", [](double x) { return std::erf(x); });
  registerFloatUnary("Exp", [](double x) { return std::exp(x); });
  registerFloatUnary("Floor", [](double x) { return std::floor(x); });
  registerFloatUnary("Log", [](double x) { return std::log(x); });
  registerFloatUnary("Reciprocal", [](double x) { return 1 / x; });
  registerFloatUnary("Round", roundHalfToEven);
  registerFloatUnary("Sin", [](double x) { return std::sin(x); });
  registerFloatUnary("Sinh", [](double x) { return std::sinh(x); });
  registerFloatUnary("Sqrt", [](double x) { return std::sqrt(x); });
  registerFloatUnary("Tan", [](double x) { return std::tan(x); });
  registerFloatUnary("Tanh", [](double x) { return std::tanh(x); });
}

void registerActivationKernels() {
  registerKernel("Relu", [](KernelContext &ctx) {
    return unaryMap(ctx, {[](double x) { return x < 0 ? 0.0 : x; },
                          [](int64_t x) { return x < 0 ? int64_t(0) : x; }, nullptr});
  });
  registerFloatUnary("Sigmoid", sigmoid);
  // log(1 + e^x); above 30, e^x's 1 is below double precision anyway.
  registerFloatUnary("Softplus", [](double x) { return x > 30 ? x : std::log1p(std::exp(x)); });
  registerFloatUnary("Softsign", [](double x) { return x / (1 + std::fabs(x)); });
  registerFloatUnary("HardSwish",
                     [](double x) { return x * clampKeepingNaN(x / 6 + 0.5, 0.0, 1.0); });
  // Opset 20's Gelu (hone builds it from the opset-17 formulas).
  registerKernel("Gelu", [](KernelContext &ctx) {
    if (ctx.getString("approximate", "none") == "tanh")
      return mapFloats(ctx, [](double x) {
        return 0.5 * x * (1 + std::tanh(std::sqrt(2 / M_PI) * (x + 0.044715 * x * x * x)));
      });
    return mapFloats(ctx, [](double x) { return 0.5 * x * (1 + std::erf(x * M_SQRT1_2)); });
  });
  registerKernel("HardSigmoid", [](KernelContext &ctx) {
    double alpha = ctx.getFloat("alpha", 0.2), beta = ctx.getFloat("beta", 0.5);
    return mapFloats(ctx, [=](double x) { return clampKeepingNaN(alpha * x + beta, 0.0, 1.0); });
  });
  registerKernel("Celu", [](KernelContext &ctx) {
    double alpha = ctx.getFloat("alpha", 1.0);
    return mapFloats(ctx, [=](double x) {
      return std::max(0.0, x) + std::min(0.0, alpha * std::expm1(x / alpha));
    });
  });
  registerKernel("Elu", [](KernelContext &ctx) {
    double alpha = ctx.getFloat("alpha", 1.0);
    return mapFloats(ctx, [=](double x) { return x < 0 ? alpha * std::expm1(x) : x; });
  });
  registerKernel("LeakyRelu", [](KernelContext &ctx) {
    double alpha = ctx.getFloat("alpha", 0.01);
    return mapFloats(ctx, [=](double x) { return x < 0 ? alpha * x : x; });
  });
  registerKernel("Selu", [](KernelContext &ctx) {
    // The schema's defaults, which are float32 values.
    double alpha = ctx.getFloat("alpha", 1.67326319217681884765625);
    double gamma = ctx.getFloat("gamma", 1.05070102214813232421875);
    return mapFloats(ctx, [=](double x) { return gamma * (x > 0 ? x : alpha * std::expm1(x)); });
  });
  registerKernel("ThresholdedRelu", [](KernelContext &ctx) {
    double alpha = ctx.getFloat("alpha", 1.0);
    return mapFloats(ctx, [=](double x) { return x > alpha ? x : 0.0; });
  });
}

/// Shrink takes every numeric type; integers go through double too, as the
/// schema's float `bias` and `lambd` suggest, and convert back truncating.
Status shrinkKernel(KernelContext &ctx) {
  double bias = ctx.getFloat("bias", 0.0), lambd = ctx.getFloat("lambd", 0.5);
  const Tensor *x;
  if (Status s = requireInput(ctx, 0, x); !s)
    return s;
  if (Status s = checkTypeIn(ctx, *x, kNumericTypes, "input"); !s)
    return s;
  Tensor y(x->dtype(), x->shape());
  for (int64_t i = 0; i < x->numel(); ++i) {
    double v = x->getDouble(i);
    y.setDouble(i, v < -lambd ? v + bias : (v > lambd ? v - bias : 0.0));
  }
  ctx.setOutput(0, std::move(y));
  return Status::success();
}

/// A bool result per element of input 0, whose types are `allowed`.
Status predicateMap(KernelContext &ctx, unsigned allowed, const std::function<bool(double)> &fn) {
  const Tensor *x;
  if (Status s = requireInput(ctx, 0, x); !s)
    return s;
  if (Status s = checkTypeIn(ctx, *x, allowed, "input"); !s)
    return s;
  Tensor y(DType::Bool, x->shape());
  for (int64_t i = 0; i < x->numel(); ++i)
    y.setInt(i, fn(x->getDouble(i)));
  ctx.setOutput(0, std::move(y));
  return Status::success();
}

void registerPredicateKernels() {
  registerKernel("IsNaN", [](KernelContext &ctx) {
    return predicateMap(ctx, kFloatTypes, [](double x) { return std::isnan(x); });
  });
  registerKernel("IsInf", [](KernelContext &ctx) {
    bool positive = ctx.getInt("detect_positive", 1) != 0;
    bool negative = ctx.getInt("detect_negative", 1) != 0;
    return predicateMap(ctx, kFloatTypes, [=](double x) {
      return std::isinf(x) && (x > 0 ? positive : negative);
    });
  });
  registerKernel("Not", [](KernelContext &ctx) {
    return predicateMap(ctx, kBoolType, [](double x) { return x == 0; });
  });
}

} // namespace

void registerUnaryKernels() {
  registerMathKernels();
  registerActivationKernels();
  registerKernel("Shrink", shrinkKernel);
  registerPredicateKernels();
}

} // namespace hone::ref
