//===- HalideGenerateKernels.cpp - Tensors built from shapes and scalars --===//
//
// Shape, Size, ConstantOfShape, Range and OneHot write values that come
// from dims or scalars rather than from an input's elements. Where their
// inputs are constants they fold away before code generation; these kernels
// run when the dims are dynamic or the scalars arrive at run time. Their
// result dims are the shape function's (KernelRequest::resultDims).
//
//===----------------------------------------------------------------------===//
#include "targets/cpu/HalideKernels.h"

#include "dialects/hone/ops/OpAttributes.h"

using namespace mlir;
using namespace mlir::hone;
using namespace mlir::hone::cpu;

namespace {

/// Shape: the input's dims [start, end) as int64.
FailureOr<Halide::Func> buildShape(const KernelRequest &request) {
  const HalideValue *x = request.operand(0);
  if (!x)
    return request.fail("missing input");
  int64_t rank = x->type.getRank();
  auto clampAxis = [&](int64_t v) {
    return std::max<int64_t>(0, std::min(rank, v < 0 ? v + rank : v));
  };
  int64_t start = clampAxis(getIntAttr(request.op, "start", 0));
  int64_t end = clampAxis(getIntAttr(request.op, "end", rank));
  Halide::Var i("i");
  Halide::Expr value = Halide::Expr(int64_t(0));
  for (int64_t d = end - 1; d >= start; --d)
    value = Halide::select(i == static_cast<int>(d - start), Halide::cast(Halide::Int(64), x->dim(d)),
                           value);
  Halide::Func shape("shape");
  shape(i) = value;
  return shape;
}

/// Size: the product of the input's dims as an int64 scalar.
FailureOr<Halide::Func> buildSize(const KernelRequest &request) {
  const HalideValue *x = request.operand(0);
  if (!x)
    return request.fail("missing input");
  Halide::Expr count = Halide::Expr(int64_t(1));
  for (int64_t d = 0; d < x->type.getRank(); ++d)
    count = count * Halide::cast(Halide::Int(64), x->dim(d));
  Halide::Func size("size");
  size() = count;
  return size;
}

/// ConstantOfShape: the `value` attribute (float32 zero when absent)
/// everywhere.
FailureOr<Halide::Func> buildConstantOfShape(const KernelRequest &request) {
  Halide::Type type = halideTypeOf(request.result.getElementType());
  if (type == Halide::Type())
    return request.fail("unsupported element type");
  Halide::Expr value = Halide::cast(type, 0);
  if (auto attr = request.op->getAttrOfType<DenseElementsAttr>("value")) {
    if (attr.getNumElements() != 1)
      return request.fail("expected a one-element value");
    Type element = attr.getElementType();
    if (isa<FloatType>(element))
      value = Halide::cast(type, Halide::Expr((*attr.getValues<APFloat>().begin()).convertToDouble()));
    else if (element.isInteger(1))
      value = Halide::cast(type, *attr.getValues<bool>().begin() ? 1 : 0);
    else if (element.isUnsignedInteger())
      value = Halide::cast(type, Halide::Expr(static_cast<uint64_t>((*attr.getValues<APInt>().begin()).getZExtValue())));
    else
      value = Halide::cast(type, Halide::Expr(static_cast<int64_t>((*attr.getValues<APInt>().begin()).getSExtValue())));
  }
  std::vector<Halide::Var> vars = tensorVars(request.result.getRank());
  Halide::Func constant("constant_of_shape");
  constant(halideArgs(vars)) = value;
  return constant;
}

/// Range: start + i * delta, in double for floats and in (wrapping) int64
/// for integers, as the reference computes.
FailureOr<Halide::Func> buildRange(const KernelRequest &request) {
  const HalideValue *start = request.operand(0), *delta = request.operand(2);
  if (!start || !delta)
    return request.fail("missing input");
  Halide::Type type = halideTypeOf(request.result.getElementType());
  std::vector<Halide::Expr> scalar;
  Halide::Var i("i");
  Halide::Expr value;
  if (type.is_float())
    value = Halide::cast(Halide::Float(64), start->func(scalar)) +
            Halide::cast(Halide::Float(64), i) * Halide::cast(Halide::Float(64), delta->func(scalar));
  else
    value = Halide::cast(Halide::Int(64), start->func(scalar)) +
            Halide::cast(Halide::Int(64), i) * Halide::cast(Halide::Int(64), delta->func(scalar));
  Halide::Func range("range");
  range(i) = Halide::cast(type, value);
  return range;
}

/// OneHot: along the new axis, values[1] where the coordinate is the index
/// (negative indices count from the end), values[0] elsewhere.
FailureOr<Halide::Func> buildOneHot(const KernelRequest &request) {
  const HalideValue *indices = request.operand(0), *values = request.operand(2);
  if (!indices || !values)
    return request.fail("missing input");
  int64_t rank = request.result.getRank();
  int64_t axis = getIntAttr(request.op, "axis", -1);
  if (axis < 0)
    axis += rank;
  std::vector<Halide::Expr> dims = request.resultDims();
  if (axis < 0 || axis >= rank || !dims[axis].defined())
    return request.fail("the depth must be known before the run");
  Halide::Expr depth = Halide::cast(Halide::Int(64), dims[axis]);
  std::vector<Halide::Var> vars = tensorVars(rank);
  std::vector<Halide::Expr> at;
  for (int64_t d = 0; d < rank; ++d)
    if (d != axis)
      at.push_back(vars[d]);
  Halide::Expr hot = Halide::cast(Halide::Int(64), indices->func(halideArgs(at)));
  hot = Halide::select(hot < 0, hot + depth, hot);
  Halide::Func oneHot("one_hot");
  oneHot(halideArgs(vars)) = Halide::select(Halide::cast(Halide::Int(64), vars[axis]) == hot,
                                            values->func(1), values->func(0));
  return oneHot;
}

} // namespace

void mlir::hone::cpu::registerGenerateKernelBuilders(void (*add)(const char *, KernelBuilder)) {
  add("Shape", buildShape);
  add("Size", buildSize);
  add("ConstantOfShape", buildConstantOfShape);
  add("Range", buildRange);
  add("OneHot", buildOneHot);
}
