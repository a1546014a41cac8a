//===- ElementwiseBinary.cpp - Broadcasting binary operators --------------===//
//
// Arithmetic, Pow, Mod, BitShift, PRelu, comparisons and logic, all with
// ONNX multidirectional (numpy) broadcasting, PRelu's unidirectional one
// aside. Floats compute in double and round once to the result type. Signed
// integers compute in int64 and unsigned ones in uint64, with wrapping, so
// that integer division truncates toward zero as numpy's C loops do and
// overflow stays defined. Integer division or modulo by zero gives 0 rather
// than a trap: ONNX leaves it undefined.
//
//===----------------------------------------------------------------------===//
#include "compiler/reference/kernels/ElementwiseFamily.h"
#include "compiler/reference/kernels/KernelSupport.h"

#include <cmath>
#include <functional>
#include <limits>

namespace hone::ref {
namespace {

/// The element function of a binary op, per arithmetic kind; the op takes
/// only the kinds whose function is set. Bool inputs use `onSigned`.
struct BinaryFns {
  std::function<double(double, double)> onFloat;
  std::function<int64_t(int64_t, int64_t)> onSigned;
  std::function<uint64_t(uint64_t, uint64_t)> onUnsigned;
};

/// Broadcasts `a` and `b` and writes fns(a, b) into a tensor of `outType`.
/// The arithmetic kind is `a`'s, or float when either input is a float
/// (Pow's base and exponent may differ).
Status broadcastMap(KernelContext &ctx, const Tensor &a, const Tensor &b, DType outType,
                    const BinaryFns &fns, Tensor &out) {
  Shape shape;
  if (!broadcastShapes(a.shape(), b.shape(), shape))
    return ctx.error("cannot broadcast " + shapeToString(a.shape()) + " with " +
                     shapeToString(b.shape()));
  if (Status s = checkShape(ctx, shape); !s)
    return s;
  std::vector<int64_t> mapA = broadcastIndexMap(a.shape(), shape);
  std::vector<int64_t> mapB = broadcastIndexMap(b.shape(), shape);
  TypeSet kind = typeSetOf(a.dtype());
  if (isFloatDType(b.dtype()))
    kind = kFloatTypes;
  out = Tensor(outType, shape);
  for (int64_t i = 0; i < out.numel(); ++i) {
    int64_t ia = mapA[i], ib = mapB[i];
    if (kind == kFloatTypes)
      out.setDouble(i, fns.onFloat(a.getDouble(ia), b.getDouble(ib)));
    else if (kind == kUnsignedTypes)
      out.setUInt(i, fns.onUnsigned(a.getUInt(ia), b.getUInt(ib)));
    else
      out.setInt(i, fns.onSigned(a.getInt(ia), b.getInt(ib)));
  }
  return Status::success();
}

/// Registers an op of two inputs of one element type, taking the types in
/// `allowed`; the result is bool when `boolResult`, else the inputs' type.
void registerBinary(const std::string &op, unsigned allowed, bool boolResult, BinaryFns fns) {
  registerKernel(op, [=](KernelContext &ctx) {
    const Tensor *a, *b;
    if (Status s = requireInputs(ctx, {&a, &b}); !s)
      return s;
    if (Status s = checkSameType(ctx, *a, *b); !s)
      return s;
    if (Status s = checkTypeIn(ctx, *a, allowed, "input"); !s)
      return s;
    Tensor out;
    DType outType = boolResult ? DType::Bool : a->dtype();
    if (Status s = broadcastMap(ctx, *a, *b, outType, fns, out); !s)
      return s;
    ctx.setOutput(0, std::move(out));
    return Status::success();
  });
}

int64_t wrappingAdd(int64_t a, int64_t b) { return int64_t(uint64_t(a) + uint64_t(b)); }
int64_t wrappingSub(int64_t a, int64_t b) { return int64_t(uint64_t(a) - uint64_t(b)); }
int64_t wrappingMul(int64_t a, int64_t b) { return int64_t(uint64_t(a) * uint64_t(b)); }

/// a / b truncated toward zero; INT64_MIN / -1 wraps to INT64_MIN.
int64_t truncatingDiv(int64_t a, int64_t b) {
  if (b == 0)
    return 0;
  return b == -1 ? wrappingSub(0, a) : a / b;
}

/// The remainder with the divisor's sign (Python's %, numpy's mod).
int64_t flooredMod(int64_t a, int64_t b) {
  if (b == 0 || b == -1)
    return 0;
  int64_t r = a % b;
  return (r != 0 && (r < 0) != (b < 0)) ? r + b : r;
}

/// The remainder with the dividend's sign (C's %, numpy's fmod).
int64_t truncatedMod(int64_t a, int64_t b) { return (b == 0 || b == -1) ? 0 : a % b; }

/// base^exponent by squaring, wrapping modulo 2^64. Negative exponents have
/// no integer result but for bases 1 and -1; they give 0 otherwise.
int64_t integerPow(int64_t base, int64_t exponent) {
  if (exponent < 0)
    return base == 1 ? 1 : base == -1 ? (exponent % 2 ? -1 : 1) : 0;
  uint64_t result = 1, factor = static_cast<uint64_t>(base);
  for (uint64_t e = static_cast<uint64_t>(exponent); e; e >>= 1) {
    if (e & 1)
      result *= factor;
    factor *= factor;
  }
  return static_cast<int64_t>(result);
}

void registerArithmeticKernels() {
  registerBinary("Add", kNumericTypes, false,
                 {[](double a, double b) { return a + b; }, wrappingAdd,
                  [](uint64_t a, uint64_t b) { return a + b; }});
  registerBinary("Sub", kNumericTypes, false,
                 {[](double a, double b) { return a - b; }, wrappingSub,
                  [](uint64_t a, uint64_t b) { return a - b; }});
  registerBinary("Mul", kNumericTypes, false,
                 {[](double a, double b) { return a * b; }, wrappingMul,
                  [](uint64_t a, uint64_t b) { return a * b; }});
  registerBinary("Div", kNumericTypes, false,
                 {[](double a, double b) { return a / b; }, truncatingDiv,
                  [](uint64_t a, uint64_t b) { return b ? a / b : 0; }});
}

/// Pow: the result has the base's type; the exponent may be of any numeric
/// type. A float on either side computes in double (an integer base with a
/// float exponent then truncates back, as numpy's astype does).
Status powKernel(KernelContext &ctx) {
  const Tensor *base, *exponent;
  if (Status s = requireInputs(ctx, {&base, &exponent}); !s)
    return s;
  if (Status s = checkTypeIn(ctx, *base, kFloatTypes | kSignedTypes, "base"); !s)
    return s;
  if (Status s = checkTypeIn(ctx, *exponent, kNumericTypes, "exponent"); !s)
    return s;
  BinaryFns fns{[](double a, double b) { return std::pow(a, b); }, integerPow, nullptr};
  Tensor out;
  if (Status s = broadcastMap(ctx, *base, *exponent, base->dtype(), fns, out); !s)
    return s;
  ctx.setOutput(0, std::move(out));
  return Status::success();
}

/// Mod: fmod = 0 takes the divisor's sign (integers only), fmod = 1 the
/// dividend's, as C's fmod.
Status modKernel(KernelContext &ctx) {
  bool fmod = ctx.getInt("fmod", 0) != 0;
  const Tensor *a, *b;
  if (Status s = requireInputs(ctx, {&a, &b}); !s)
    return s;
  if (Status s = checkSameType(ctx, *a, *b); !s)
    return s;
  if (Status s = checkTypeIn(ctx, *a, fmod ? kNumericTypes : kIntegerTypes, "input"); !s)
    return Status::failure(s.message + (fmod ? "" : " (floats need fmod=1)"));
  BinaryFns fns{[](double x, double y) { return std::fmod(x, y); },
                fmod ? truncatedMod : flooredMod,
                [](uint64_t x, uint64_t y) { return y ? x % y : 0; }};
  Tensor out;
  if (Status s = broadcastMap(ctx, *a, *b, a->dtype(), fns, out); !s)
    return s;
  ctx.setOutput(0, std::move(out));
  return Status::success();
}

/// BitShift on unsigned integers; shifting by the type's width or more
/// gives 0 (the result wraps to the type's width when it is stored).
Status bitShiftKernel(KernelContext &ctx) {
  std::string direction = ctx.getString("direction", "");
  if (direction != "LEFT" && direction != "RIGHT")
    return ctx.error("expected direction LEFT or RIGHT, got '" + direction + "'");
  bool left = direction == "LEFT";
  const Tensor *a, *b;
  if (Status s = requireInputs(ctx, {&a, &b}); !s)
    return s;
  if (Status s = checkSameType(ctx, *a, *b); !s)
    return s;
  if (Status s = checkTypeIn(ctx, *a, kUnsignedTypes, "input"); !s)
    return s;
  BinaryFns fns{nullptr, nullptr, [left](uint64_t x, uint64_t shift) -> uint64_t {
                  if (shift >= 64)
                    return 0;
                  return left ? x << shift : x >> shift;
                }};
  Tensor out;
  if (Status s = broadcastMap(ctx, *a, *b, a->dtype(), fns, out); !s)
    return s;
  ctx.setOutput(0, std::move(out));
  return Status::success();
}

/// PRelu: slope * x where x < 0; the slope broadcasts to x's shape
/// (unidirectionally: the result keeps x's shape).
Status preluKernel(KernelContext &ctx) {
  const Tensor *x, *slope;
  if (Status s = requireInputs(ctx, {&x, &slope}); !s)
    return s;
  if (Status s = checkSameType(ctx, *x, *slope); !s)
    return s;
  if (Status s = checkTypeIn(ctx, *x, kNumericTypes, "input"); !s)
    return s;
  Shape shape;
  if (!broadcastShapes(x->shape(), slope->shape(), shape) || shape != x->shape())
    return ctx.error("slope of shape " + shapeToString(slope->shape()) +
                     " does not broadcast to the input's shape " + shapeToString(x->shape()));
  BinaryFns fns{[](double v, double a) { return v < 0 ? a * v : v; },
                [](int64_t v, int64_t a) { return v < 0 ? wrappingMul(a, v) : v; },
                [](uint64_t v, uint64_t) { return v; }};
  Tensor out;
  if (Status s = broadcastMap(ctx, *x, *slope, x->dtype(), fns, out); !s)
    return s;
  ctx.setOutput(0, std::move(out));
  return Status::success();
}

/// A comparison on every arithmetic kind, giving 0 or 1.
template <typename Compare> BinaryFns comparison(Compare compare) {
  return {[compare](double a, double b) { return double(compare(a, b)); },
          [compare](int64_t a, int64_t b) { return int64_t(compare(a, b)); },
          [compare](uint64_t a, uint64_t b) { return uint64_t(compare(a, b)); }};
}

void registerComparisonKernels() {
  registerBinary("Equal", kAllTypes, true, comparison(std::equal_to<>()));
  registerBinary("Greater", kNumericTypes, true, comparison(std::greater<>()));
  registerBinary("GreaterOrEqual", kNumericTypes, true, comparison(std::greater_equal<>()));
  registerBinary("Less", kNumericTypes, true, comparison(std::less<>()));
  registerBinary("LessOrEqual", kNumericTypes, true, comparison(std::less_equal<>()));
}

void registerLogicKernels() {
  // Bool inputs compute through onSigned, as 0 and 1.
  registerBinary("And", kBoolType, true,
                 {nullptr, [](int64_t a, int64_t b) { return int64_t(a && b); }, nullptr});
  registerBinary("Or", kBoolType, true,
                 {nullptr, [](int64_t a, int64_t b) { return int64_t(a || b); }, nullptr});
  registerBinary("Xor", kBoolType, true,
                 {nullptr, [](int64_t a, int64_t b) { return int64_t(!a != !b); }, nullptr});
}

} // namespace

void registerBinaryKernels() {
  registerArithmeticKernels();
  registerKernel("Pow", powKernel);
  registerKernel("Mod", modKernel);
  registerKernel("BitShift", bitShiftKernel);
  registerKernel("PRelu", preluKernel);
  registerComparisonKernels();
  registerLogicKernels();
}

} // namespace hone::ref
