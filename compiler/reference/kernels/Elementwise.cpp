//===- Elementwise.cpp - Reference kernels of elementwise operators -------===//
//
// Unary math and activations, broadcasting binary arithmetic, comparisons
// and logic, Where, Clip, Cast/CastLike, variadic Sum/Mean/Max/Min and
// Identity. Floats compute in double and round once to the result type;
// integers compute in int64 (uint64 for uint64), so integer division
// truncates toward zero as ONNX's reference does.
//
//===----------------------------------------------------------------------===//
#include "compiler/reference/kernels/KernelSupport.h"
#include "compiler/reference/kernels/Kernels.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>

namespace hone::ref {
namespace {

using UnaryFloat = std::function<double(double)>;
using UnaryInt = std::function<int64_t(int64_t)>;

/// Applies `floatFn` (float inputs) or `intFn` (integer inputs; absent means
/// the op takes floats only) to every element.
Status unaryMap(KernelContext &ctx, const UnaryFloat &floatFn, const UnaryInt &intFn = nullptr) {
  const Tensor *x;
  if (Status s = requireInput(ctx, 0, x); !s)
    return s;
  Tensor y(x->dtype(), x->shape());
  bool isFloat = isFloatDType(x->dtype());
  if (!isFloat && !intFn)
    return ctx.error(std::string("expected a floating-point input, got ") + dtypeName(x->dtype()));
  for (int64_t i = 0; i < x->numel(); ++i) {
    if (isFloat)
      y.setDouble(i, floatFn(x->getDouble(i)));
    else
      y.setInt(i, intFn(x->getInt(i)));
  }
  ctx.setOutput(0, std::move(y));
  return Status::success();
}

void registerUnary(const std::string &op, UnaryFloat floatFn, UnaryInt intFn = nullptr) {
  registerKernel(op, [floatFn, intFn](KernelContext &ctx) { return unaryMap(ctx, floatFn, intFn); });
}

/// Unary ops with a float parameter read from attribute `name`.
void registerUnaryWithAttrs(const std::string &op,
                            std::function<UnaryFloat(const KernelContext &)> make) {
  registerKernel(op, [make](KernelContext &ctx) { return unaryMap(ctx, make(ctx)); });
}

double sigmoid(double x) { return x >= 0 ? 1 / (1 + std::exp(-x)) : std::exp(x) / (1 + std::exp(x)); }

void registerUnaryKernels() {
  registerUnary("Abs", [](double x) { return std::fabs(x); },
                [](int64_t x) { return x < 0 ? -x : x; });
  registerUnary("Neg", [](double x) { return -x; }, [](int64_t x) { return -x; });
  registerUnary("Sign", [](double x) { return double((x > 0) - (x < 0)); },
                [](int64_t x) { return int64_t((x > 0) - (x < 0)); });
  registerUnary("Relu", [](double x) { return x > 0 ? x : 0.0; },
                [](int64_t x) { return x > 0 ? x : 0; });
  registerUnary("Acos", [](double x) { return std::acos(x); });
  registerUnary("Acosh", [](double x) { return std::acosh(x); });
  registerUnary("Asin", [](double x) { return std::asin(x); });
  registerUnary("Asinh", [](double x) { return std::asinh(x); });
  registerUnary("Atan", [](double x) { return std::atan(x); });
  registerUnary("Atanh", [](double x) { return std::atanh(x); });
  registerUnary("Ceil", [](double x) { return std::ceil(x); });
  registerUnary("Cos", [](double x) { return std::cos(x); });
  registerUnary("Cosh", [](double x) { return std::cosh(x); });
  registerUnary("Erf", [](double x) { return std::erf(x); });
  registerUnary("Exp", [](double x) { return std::exp(x); });
  registerUnary("Floor", [](double x) { return std::floor(x); });
  registerUnary("Log", [](double x) { return std::log(x); });
  registerUnary("Reciprocal", [](double x) { return 1 / x; });
  registerUnary("Round", roundHalfToEven);
  registerUnary("Sigmoid", sigmoid);
  registerUnary("Sin", [](double x) { return std::sin(x); });
  registerUnary("Sinh", [](double x) { return std::sinh(x); });
  registerUnary("Sqrt", [](double x) { return std::sqrt(x); });
  registerUnary("Tan", [](double x) { return std::tan(x); });
  registerUnary("Tanh", [](double x) { return std::tanh(x); });
  registerUnary("Softplus", [](double x) { return x > 30 ? x : std::log1p(std::exp(x)); });
  registerUnary("Softsign", [](double x) { return x / (1 + std::fabs(x)); });
  registerUnary("HardSwish", [](double x) { return x * std::max(0.0, std::min(1.0, x / 6 + 0.5)); });
  registerUnaryWithAttrs("Celu", [](const KernelContext &ctx) -> UnaryFloat {
    double alpha = ctx.getFloat("alpha", 1.0);
    return [alpha](double x) { return std::max(0.0, x) + std::min(0.0, alpha * std::expm1(x / alpha)); };
  });
  registerUnaryWithAttrs("Elu", [](const KernelContext &ctx) -> UnaryFloat {
    double alpha = ctx.getFloat("alpha", 1.0);
    return [alpha](double x) { return x >= 0 ? x : alpha * std::expm1(x); };
  });
  registerUnaryWithAttrs("HardSigmoid", [](const KernelContext &ctx) -> UnaryFloat {
    double alpha = ctx.getFloat("alpha", 0.2), beta = ctx.getFloat("beta", 0.5);
    return [alpha, beta](double x) { return std::max(0.0, std::min(1.0, alpha * x + beta)); };
  });
  registerUnaryWithAttrs("LeakyRelu", [](const KernelContext &ctx) -> UnaryFloat {
    double alpha = ctx.getFloat("alpha", 0.01);
    return [alpha](double x) { return x >= 0 ? x : alpha * x; };
  });
  registerUnaryWithAttrs("Selu", [](const KernelContext &ctx) -> UnaryFloat {
    double alpha = ctx.getFloat("alpha", 1.67326319217681884765625);
    double gamma = ctx.getFloat("gamma", 1.05070102214813232421875);
    return [alpha, gamma](double x) { return gamma * (x > 0 ? x : alpha * std::expm1(x)); };
  });
  registerUnaryWithAttrs("ThresholdedRelu", [](const KernelContext &ctx) -> UnaryFloat {
    double alpha = ctx.getFloat("alpha", 1.0);
    return [alpha](double x) { return x > alpha ? x : 0.0; };
  });
  // Shrink also takes integer inputs.
  registerKernel("Shrink", [](KernelContext &ctx) {
    double bias = ctx.getFloat("bias", 0.0), lambd = ctx.getFloat("lambd", 0.5);
    auto f = [bias, lambd](double x) { return x < -lambd ? x + bias : (x > lambd ? x - bias : 0.0); };
    return unaryMap(ctx, f, [f](int64_t x) { return static_cast<int64_t>(f(double(x))); });
  });
}

/// A boolean or float predicate per element: IsNaN, IsInf, Not.
void registerPredicateKernels() {
  registerKernel("IsNaN", [](KernelContext &ctx) {
    const Tensor *x;
    if (Status s = requireInput(ctx, 0, x); !s)
      return s;
    Tensor y(DType::Bool, x->shape());
    for (int64_t i = 0; i < x->numel(); ++i)
      y.setInt(i, std::isnan(x->getDouble(i)));
    ctx.setOutput(0, std::move(y));
    return Status::success();
  });
  registerKernel("IsInf", [](KernelContext &ctx) {
    const Tensor *x;
    if (Status s = requireInput(ctx, 0, x); !s)
      return s;
    bool positive = ctx.getInt("detect_positive", 1), negative = ctx.getInt("detect_negative", 1);
    Tensor y(DType::Bool, x->shape());
    for (int64_t i = 0; i < x->numel(); ++i) {
      double v = x->getDouble(i);
      y.setInt(i, std::isinf(v) && ((v > 0 && positive) || (v < 0 && negative)));
    }
    ctx.setOutput(0, std::move(y));
    return Status::success();
  });
  registerKernel("Not", [](KernelContext &ctx) {
    const Tensor *x;
    if (Status s = requireInput(ctx, 0, x); !s)
      return s;
    Tensor y(DType::Bool, x->shape());
    for (int64_t i = 0; i < x->numel(); ++i)
      y.setInt(i, x->getInt(i) == 0);
    ctx.setOutput(0, std::move(y));
    return Status::success();
  });
}

/// Element functions of a broadcasting binary op, per arithmetic kind. A
/// missing function means the op rejects that kind of input.
struct BinaryFns {
  std::function<double(double, double)> onFloat;
  std::function<int64_t(int64_t, int64_t)> onInt;
  std::function<uint64_t(uint64_t, uint64_t)> onUInt64;
};

/// Broadcasts `a` and `b` and writes fn(a, b) into a tensor of `outDType`.
Status broadcastBinary(KernelContext &ctx, const Tensor &a, const Tensor &b, DType outDType,
                       const BinaryFns &fns, Tensor &out) {
  Shape shape;
  if (!broadcastShapes(a.shape(), b.shape(), shape))
    return ctx.error("cannot broadcast " + shapeToString(a.shape()) + " with " +
                     shapeToString(b.shape()));
  if (Status s = checkShape(ctx, shape); !s)
    return s;
  std::vector<int64_t> mapA = broadcastIndexMap(a.shape(), shape);
  std::vector<int64_t> mapB = broadcastIndexMap(b.shape(), shape);
  out = Tensor(outDType, shape);
  bool isFloat = isFloatDType(a.dtype()) || isFloatDType(b.dtype());
  if (isFloat && !fns.onFloat)
    return ctx.error(std::string("does not take ") + dtypeName(a.dtype()) + " inputs");
  bool isU64 = a.dtype() == DType::U64;
  for (int64_t i = 0; i < out.numel(); ++i) {
    if (isFloat) {
      out.setDouble(i, fns.onFloat(a.getDouble(mapA[i]), b.getDouble(mapB[i])));
    } else if (isU64 && fns.onUInt64) {
      out.setUInt(i, fns.onUInt64(a.getUInt(mapA[i]), b.getUInt(mapB[i])));
    } else if (fns.onInt) {
      out.setInt(i, fns.onInt(a.getInt(mapA[i]), b.getInt(mapB[i])));
    } else {
      out.setDouble(i, fns.onFloat(a.getDouble(mapA[i]), b.getDouble(mapB[i])));
    }
  }
  return Status::success();
}

/// Registers a two-input broadcasting op whose result has the element type
/// the IR declares.
void registerBinary(const std::string &op, BinaryFns fns) {
  registerKernel(op, [fns](KernelContext &ctx) {
    const Tensor *a, *b;
    if (Status s = requireInputs(ctx, {&a, &b}); !s)
      return s;
    Tensor out;
    if (Status s = broadcastBinary(ctx, *a, *b, ctx.outputDType(0), fns, out); !s)
      return s;
    ctx.setOutput(0, std::move(out));
    return Status::success();
  });
}

/// A comparison on every arithmetic kind; the result is bool.
template <typename Compare> BinaryFns comparison(Compare compare) {
  return {[compare](double a, double b) { return double(compare(a, b)); },
          [compare](int64_t a, int64_t b) { return int64_t(compare(a, b)); },
          [compare](uint64_t a, uint64_t b) { return uint64_t(compare(a, b)); }};
}

int64_t floorMod(int64_t a, int64_t b) {
  if (b == 0)
    return 0;
  int64_t r = a % b;
  return (r != 0 && ((r < 0) != (b < 0))) ? r + b : r;
}

int64_t integerPow(int64_t base, int64_t exponent) {
  if (exponent < 0)
    return base == 1 ? 1 : (base == -1 ? (exponent % 2 ? -1 : 1) : 0);
  int64_t result = 1;
  for (int64_t i = 0; i < exponent && i < 64; ++i)
    result = static_cast<int64_t>(static_cast<uint64_t>(result) * static_cast<uint64_t>(base));
  return result;
}

void registerBinaryKernels() {
  // Wrapping integer arithmetic (through uint64) keeps overflow defined.
  auto wrap = [](uint64_t v) { return static_cast<int64_t>(v); };
  registerBinary("Add", {[](double a, double b) { return a + b; },
                         [wrap](int64_t a, int64_t b) { return wrap(uint64_t(a) + uint64_t(b)); },
                         [](uint64_t a, uint64_t b) { return a + b; }});
  registerBinary("Sub", {[](double a, double b) { return a - b; },
                         [wrap](int64_t a, int64_t b) { return wrap(uint64_t(a) - uint64_t(b)); },
                         [](uint64_t a, uint64_t b) { return a - b; }});
  registerBinary("Mul", {[](double a, double b) { return a * b; },
                         [wrap](int64_t a, int64_t b) { return wrap(uint64_t(a) * uint64_t(b)); },
                         [](uint64_t a, uint64_t b) { return a * b; }});
  // Integer division by zero has no meaning; it yields 0 rather than a trap.
  registerBinary("Div", {[](double a, double b) { return a / b; },
                         [](int64_t a, int64_t b) {
                           return b == 0 || (a == INT64_MIN && b == -1) ? 0 : a / b;
                         },
                         [](uint64_t a, uint64_t b) { return b ? a / b : 0; }});
  registerBinary("Pow", {[](double a, double b) { return std::pow(a, b); }, integerPow, nullptr});
  registerBinary("Equal", comparison(std::equal_to<>()));
  registerBinary("Greater", comparison(std::greater<>()));
  registerBinary("GreaterOrEqual", comparison(std::greater_equal<>()));
  registerBinary("Less", comparison(std::less<>()));
  registerBinary("LessOrEqual", comparison(std::less_equal<>()));
  registerBinary("And", {nullptr, [](int64_t a, int64_t b) { return int64_t(a && b); }, nullptr});
  registerBinary("Or", {nullptr, [](int64_t a, int64_t b) { return int64_t(a || b); }, nullptr});
  registerBinary("Xor", {nullptr, [](int64_t a, int64_t b) { return int64_t(!a != !b); }, nullptr});

  registerKernel("BitShift", [](KernelContext &ctx) {
    std::string direction = ctx.getString("direction", "");
    if (direction != "LEFT" && direction != "RIGHT")
      return ctx.error("expected direction LEFT or RIGHT, got '" + direction + "'");
    bool left = direction == "LEFT";
    auto shift = [left](uint64_t a, uint64_t b) -> uint64_t {
      if (b >= 64)
        return 0;
      return left ? a << b : a >> b;
    };
    const Tensor *a, *b;
    if (Status s = requireInputs(ctx, {&a, &b}); !s)
      return s;
    if (!isUnsignedDType(a->dtype()))
      return ctx.error(std::string("expected unsigned integers, got ") + dtypeName(a->dtype()));
    BinaryFns fns{nullptr,
                  [shift](int64_t x, int64_t y) {
                    return static_cast<int64_t>(shift(static_cast<uint64_t>(x), static_cast<uint64_t>(y)));
                  },
                  shift};
    Tensor out;
    if (Status s = broadcastBinary(ctx, *a, *b, a->dtype(), fns, out); !s)
      return s;
    ctx.setOutput(0, std::move(out));
    return Status::success();
  });

  registerKernel("Mod", [](KernelContext &ctx) {
    bool fmod = ctx.getInt("fmod", 0) != 0;
    const Tensor *a, *b;
    if (Status s = requireInputs(ctx, {&a, &b}); !s)
      return s;
    if (isFloatDType(a->dtype()) && !fmod)
      return ctx.error("fmod must be 1 for floating-point inputs");
    BinaryFns fns{
        [fmod](double x, double y) {
          if (fmod)
            return std::fmod(x, y);
          double r = std::fmod(x, y);
          return (r != 0 && ((r < 0) != (y < 0))) ? r + y : r;
        },
        [fmod](int64_t x, int64_t y) -> int64_t {
          if (y == 0)
            return 0;
          if (x == INT64_MIN && y == -1)
            return 0;
          return fmod ? x % y : floorMod(x, y);
        },
        [](uint64_t x, uint64_t y) { return y ? x % y : 0; }};
    Tensor out;
    if (Status s = broadcastBinary(ctx, *a, *b, a->dtype(), fns, out); !s)
      return s;
    ctx.setOutput(0, std::move(out));
    return Status::success();
  });

  registerKernel("PRelu", [](KernelContext &ctx) {
    const Tensor *x, *slope;
    if (Status s = requireInputs(ctx, {&x, &slope}); !s)
      return s;
    BinaryFns fns{[](double v, double a) { return v < 0 ? a * v : v; },
                  [](int64_t v, int64_t a) { return v < 0 ? a * v : v; }, nullptr};
    Tensor out;
    if (Status s = broadcastBinary(ctx, *x, *slope, x->dtype(), fns, out); !s)
      return s;
    if (out.shape() != x->shape())
      return ctx.error("slope of shape " + shapeToString(slope->shape()) +
                       " does not broadcast to the input's shape " + shapeToString(x->shape()));
    ctx.setOutput(0, std::move(out));
    return Status::success();
  });
}

/// Sum, Mean, Max, Min over any number of broadcasting inputs.
void registerVariadic(const std::string &op, BinaryFns fns, bool mean) {
  registerKernel(op, [fns, mean](KernelContext &ctx) {
    if (ctx.numInputs() == 0 || !ctx.input(0))
      return ctx.error("expected at least one input");
    Tensor acc = *ctx.input(0);
    for (size_t i = 1; i < ctx.numInputs(); ++i) {
      const Tensor *next = ctx.input(i);
      if (!next)
        return ctx.error("missing input " + std::to_string(i));
      Tensor out;
      if (Status s = broadcastBinary(ctx, acc, *next, acc.dtype(), fns, out); !s)
        return s;
      acc = std::move(out);
    }
    if (mean)
      for (int64_t i = 0; i < acc.numel(); ++i)
        acc.setDouble(i, acc.getDouble(i) / static_cast<double>(ctx.numInputs()));
    ctx.setOutput(0, std::move(acc));
    return Status::success();
  });
}

void registerVariadicKernels() {
  BinaryFns sum{[](double a, double b) { return a + b; },
                [](int64_t a, int64_t b) { return int64_t(uint64_t(a) + uint64_t(b)); },
                [](uint64_t a, uint64_t b) { return a + b; }};
  // NaN propagates through Max and Min, as numpy's maximum does.
  BinaryFns max{[](double a, double b) { return std::isnan(a) || std::isnan(b) ? NAN : std::max(a, b); },
                [](int64_t a, int64_t b) { return std::max(a, b); },
                [](uint64_t a, uint64_t b) { return std::max(a, b); }};
  BinaryFns min{[](double a, double b) { return std::isnan(a) || std::isnan(b) ? NAN : std::min(a, b); },
                [](int64_t a, int64_t b) { return std::min(a, b); },
                [](uint64_t a, uint64_t b) { return std::min(a, b); }};
  registerVariadic("Sum", sum, false);
  registerVariadic("Mean", sum, true);
  registerVariadic("Max", max, false);
  registerVariadic("Min", min, false);
}

/// Converts every element of `x` to `to`, as numpy's astype does (floats to
/// integers truncate; to bool is "non-zero").
Tensor convertTensor(const Tensor &x, DType to) {
  Tensor y(to, x.shape());
  bool fromFloat = isFloatDType(x.dtype());
  for (int64_t i = 0; i < x.numel(); ++i) {
    if (to == DType::Bool)
      y.setInt(i, fromFloat ? x.getDouble(i) != 0 : x.getInt(i) != 0);
    else if (fromFloat || isFloatDType(to))
      y.setDouble(i, x.dtype() == DType::U64 ? static_cast<double>(x.getUInt(i)) : x.getDouble(i));
    else if (x.dtype() == DType::U64)
      y.setUInt(i, x.getUInt(i));
    else
      y.setInt(i, x.getInt(i));
  }
  return y;
}

void registerConversionKernels() {
  registerKernel("Cast", [](KernelContext &ctx) {
    const Tensor *x;
    if (Status s = requireInput(ctx, 0, x); !s)
      return s;
    ctx.setOutput(0, convertTensor(*x, ctx.outputDType(0)));
    return Status::success();
  });
  registerKernel("CastLike", [](KernelContext &ctx) {
    const Tensor *x, *like;
    if (Status s = requireInputs(ctx, {&x, &like}); !s)
      return s;
    ctx.setOutput(0, convertTensor(*x, like->dtype()));
    return Status::success();
  });
  registerKernel("Identity", [](KernelContext &ctx) {
    const Tensor *x;
    if (Status s = requireInput(ctx, 0, x); !s)
      return s;
    ctx.setOutput(0, *x);
    return Status::success();
  });
}

void registerSelectionKernels() {
  registerKernel("Where", [](KernelContext &ctx) {
    const Tensor *cond, *x, *y;
    if (Status s = requireInputs(ctx, {&cond, &x, &y}); !s)
      return s;
    if (x->dtype() != y->dtype())
      return ctx.error("expected X and Y of one element type");
    Shape shape, xy;
    if (!broadcastShapes(x->shape(), y->shape(), xy) || !broadcastShapes(cond->shape(), xy, shape))
      return ctx.error("cannot broadcast the condition, X and Y together");
    if (Status s = checkShape(ctx, shape); !s)
      return s;
    std::vector<int64_t> mc = broadcastIndexMap(cond->shape(), shape),
                         mx = broadcastIndexMap(x->shape(), shape),
                         my = broadcastIndexMap(y->shape(), shape);
    Tensor out(x->dtype(), shape);
    for (int64_t i = 0; i < out.numel(); ++i) {
      if (cond->getInt(mc[i]))
        out.copyElement(i, *x, mx[i]);
      else
        out.copyElement(i, *y, my[i]);
    }
    ctx.setOutput(0, std::move(out));
    return Status::success();
  });
  registerKernel("Clip", [](KernelContext &ctx) {
    const Tensor *x;
    if (Status s = requireInput(ctx, 0, x); !s)
      return s;
    const Tensor *lo = ctx.input(1), *hi = ctx.input(2);
    if ((lo && lo->numel() != 1) || (hi && hi->numel() != 1))
      return ctx.error("expected scalar min and max");
    Tensor y(x->dtype(), x->shape());
    bool isFloat = isFloatDType(x->dtype());
    for (int64_t i = 0; i < x->numel(); ++i) {
      if (isFloat) {
        double v = x->getDouble(i);
        if (lo && v < lo->getDouble(0))
          v = lo->getDouble(0);
        if (hi && v > hi->getDouble(0))
          v = hi->getDouble(0);
        y.setDouble(i, v);
      } else if (x->dtype() == DType::U64) {
        uint64_t v = x->getUInt(i);
        if (lo)
          v = std::max(v, lo->getUInt(0));
        if (hi)
          v = std::min(v, hi->getUInt(0));
        y.setUInt(i, v);
      } else {
        int64_t v = x->getInt(i);
        if (lo)
          v = std::max(v, lo->getInt(0));
        if (hi)
          v = std::min(v, hi->getInt(0));
        y.setInt(i, v);
      }
    }
    ctx.setOutput(0, std::move(y));
    return Status::success();
  });
}

} // namespace

void registerElementwiseKernels() {
  registerUnaryKernels();
  registerPredicateKernels();
  registerBinaryKernels();
  registerVariadicKernels();
  registerConversionKernels();
  registerSelectionKernels();
}

} // namespace hone::ref
