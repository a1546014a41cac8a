//===- HalideKernels.cpp - hone ops as Halide definitions -----------------===//
//
// One table per family, keyed by the ONNX name the op reports through
// OnnxOpInterface (the same key the reference evaluator uses, so that every
// kernel here is checked against its reference kernel by the tests).
// Broadcasting follows the static dims: an operand dim that is statically 1
// against a larger result dim reads index 0; dynamic dims are taken to agree
// (the symbolic shapes of the dynamic-shape issue will decide the rest).
//
//===----------------------------------------------------------------------===//
#include "targets/cpu/HalideKernels.h"

#include "dialects/hone/HoneOps.h"
#include "targets/cpu/DimLowering.h"

#include <functional>
#include <map>
#if defined(__x86_64__)
#include <cpuid.h>
#endif

using namespace mlir;
using namespace mlir::hone;
using namespace mlir::hone::cpu;

namespace {

using UnaryFn = std::function<Halide::Expr(Halide::Expr, Operation *)>;
using BinaryFn = std::function<Halide::Expr(Halide::Expr, Halide::Expr)>;

double floatAttr(Operation *op, StringRef name, double fallback) {
  if (auto attr = op->getAttrOfType<FloatAttr>(name))
    return attr.getValueAsDouble();
  return fallback;
}

/// A constant of `like`'s type.
Halide::Expr constantLike(const Halide::Expr &like, double value) {
  return Halide::cast(like.type(), Halide::Expr(value));
}

const std::map<std::string, UnaryFn> &unaryFloatOps() {
  static const std::map<std::string, UnaryFn> table = {
      {"Relu", [](Halide::Expr x, Operation *) { return Halide::max(x, constantLike(x, 0)); }},
      {"Sigmoid",
       [](Halide::Expr x, Operation *) {
         Halide::Expr one = constantLike(x, 1);
         return one / (one + Halide::exp(-x));
       }},
      {"Tanh", [](Halide::Expr x, Operation *) { return Halide::tanh(x); }},
      {"Exp", [](Halide::Expr x, Operation *) { return Halide::exp(x); }},
      {"Log", [](Halide::Expr x, Operation *) { return Halide::log(x); }},
      {"Sqrt", [](Halide::Expr x, Operation *) { return Halide::sqrt(x); }},
      {"Abs", [](Halide::Expr x, Operation *) { return Halide::cast(x.type(), Halide::abs(x)); }},
      {"Neg", [](Halide::Expr x, Operation *) { return -x; }},
      {"Floor", [](Halide::Expr x, Operation *) { return Halide::floor(x); }},
      {"Ceil", [](Halide::Expr x, Operation *) { return Halide::ceil(x); }},
      // Halide's round is half to even, as ONNX's Round.
      {"Round", [](Halide::Expr x, Operation *) { return Halide::round(x); }},
      {"Sin", [](Halide::Expr x, Operation *) { return Halide::sin(x); }},
      {"Cos", [](Halide::Expr x, Operation *) { return Halide::cos(x); }},
      {"Reciprocal", [](Halide::Expr x, Operation *) { return constantLike(x, 1) / x; }},
      {"Identity", [](Halide::Expr x, Operation *) { return x; }},
      {"Erf", [](Halide::Expr x, Operation *) { return Halide::erf(x); }},
      {"Acos", [](Halide::Expr x, Operation *) { return Halide::acos(x); }},
      {"Asin", [](Halide::Expr x, Operation *) { return Halide::asin(x); }},
      {"Atan", [](Halide::Expr x, Operation *) { return Halide::atan(x); }},
      {"Tan", [](Halide::Expr x, Operation *) { return Halide::tan(x); }},
      {"Sinh", [](Halide::Expr x, Operation *) { return Halide::sinh(x); }},
      {"Cosh", [](Halide::Expr x, Operation *) { return Halide::cosh(x); }},
      {"Asinh", [](Halide::Expr x, Operation *) { return Halide::asinh(x); }},
      {"Acosh", [](Halide::Expr x, Operation *) { return Halide::acosh(x); }},
      {"Atanh", [](Halide::Expr x, Operation *) { return Halide::atanh(x); }},
      {"Sign",
       [](Halide::Expr x, Operation *) {
         return Halide::select(x > constantLike(x, 0), constantLike(x, 1),
                               Halide::select(x < constantLike(x, 0), constantLike(x, -1),
                                              constantLike(x, 0)));
       }},
      {"ThresholdedRelu",
       [](Halide::Expr x, Operation *op) {
         return Halide::select(x > constantLike(x, floatAttr(op, "alpha", 1.0)), x, constantLike(x, 0));
       }},
      {"Selu",
       [](Halide::Expr x, Operation *op) {
         Halide::Expr alpha = constantLike(x, floatAttr(op, "alpha", 1.67326319217681884765625));
         Halide::Expr gamma = constantLike(x, floatAttr(op, "gamma", 1.05070102214813232421875));
         return gamma * Halide::select(x > constantLike(x, 0), x,
                                       alpha * (Halide::exp(x) - constantLike(x, 1)));
       }},
      {"Celu",
       [](Halide::Expr x, Operation *op) {
         Halide::Expr alpha = constantLike(x, floatAttr(op, "alpha", 1.0));
         return Halide::max(x, constantLike(x, 0)) +
                Halide::min(constantLike(x, 0), alpha * (Halide::exp(x / alpha) - constantLike(x, 1)));
       }},
      {"Softsign",
       [](Halide::Expr x, Operation *) { return x / (constantLike(x, 1) + Halide::abs(x)); }},
      {"Softplus",
       [](Halide::Expr x, Operation *) {
         return Halide::select(x > constantLike(x, 30), x,
                               Halide::log(constantLike(x, 1) + Halide::exp(x)));
       }},
      {"HardSwish",
       [](Halide::Expr x, Operation *) {
         return x * Halide::clamp(x / constantLike(x, 6) + constantLike(x, 0.5), constantLike(x, 0),
                                  constantLike(x, 1));
       }},
      {"LeakyRelu",
       [](Halide::Expr x, Operation *op) {
         return Halide::select(x >= constantLike(x, 0), x,
                               x * constantLike(x, floatAttr(op, "alpha", 0.01)));
       }},
      {"Elu",
       [](Halide::Expr x, Operation *op) {
         Halide::Expr alpha = constantLike(x, floatAttr(op, "alpha", 1.0));
         return Halide::select(x >= constantLike(x, 0), x, alpha * (Halide::exp(x) - constantLike(x, 1)));
       }},
      {"Gelu",
       [](Halide::Expr x, Operation *op) {
         Halide::Expr half = constantLike(x, 0.5), one = constantLike(x, 1);
         auto approximate = op->getAttrOfType<StringAttr>("approximate");
         if (approximate && approximate.getValue() == "tanh")
           return half * x *
                  (one + Halide::tanh(constantLike(x, std::sqrt(2 / M_PI)) *
                                      (x + constantLike(x, 0.044715) * x * x * x)));
         return half * x * (one + Halide::erf(x * constantLike(x, M_SQRT1_2)));
       }},
      {"HardSigmoid",
       [](Halide::Expr x, Operation *op) {
         Halide::Expr alpha = constantLike(x, floatAttr(op, "alpha", 0.2));
         Halide::Expr beta = constantLike(x, floatAttr(op, "beta", 0.5));
         return Halide::clamp(alpha * x + beta, constantLike(x, 0), constantLike(x, 1));
       }},
  };
  return table;
}

const std::map<std::string, BinaryFn> &binaryOps() {
  static const std::map<std::string, BinaryFn> table = {
      {"Add", [](Halide::Expr a, Halide::Expr b) { return a + b; }},
      {"Sub", [](Halide::Expr a, Halide::Expr b) { return a - b; }},
      {"Mul", [](Halide::Expr a, Halide::Expr b) { return a * b; }},
      // ONNX's integer division truncates; Halide's rounds toward -inf.
      {"Div",
       [](Halide::Expr a, Halide::Expr b) {
         return a.type().is_float() ? a / b : Halide::div_round_to_zero(a, b);
       }},
      // Integer bases go through double (exact for the magnitudes that fit).
      {"Pow",
       [](Halide::Expr a, Halide::Expr b) {
         if (a.type().is_float())
           return Halide::pow(a, Halide::cast(a.type(), b));
         return Halide::cast(a.type(), Halide::pow(Halide::cast(Halide::Float(64), a),
                                                   Halide::cast(Halide::Float(64), b)));
       }},
      {"Sum", [](Halide::Expr a, Halide::Expr b) { return a + b; }},
      {"Max", [](Halide::Expr a, Halide::Expr b) { return Halide::max(a, b); }},
      // Logic on bools (bytes 0/1).
      {"And", [](Halide::Expr a, Halide::Expr b) { return Halide::cast(a.type(), (a != 0) && (b != 0)); }},
      {"Or", [](Halide::Expr a, Halide::Expr b) { return Halide::cast(a.type(), (a != 0) || (b != 0)); }},
      {"Xor", [](Halide::Expr a, Halide::Expr b) { return Halide::cast(a.type(), (a != 0) != (b != 0)); }},
      {"Min", [](Halide::Expr a, Halide::Expr b) { return Halide::min(a, b); }},
  };
  return table;
}

std::map<std::string, KernelBuilder> &builderTable() {
  static std::map<std::string, KernelBuilder> table;
  return table;
}

void addBuilder(const char *onnxName, KernelBuilder builder) { builderTable()[onnxName] = builder; }

/// The family builders, registered on first use.
const std::map<std::string, KernelBuilder> &kernelBuilders() {
  static const bool registered = [] {
    registerNNKernelBuilders(addBuilder);
    registerWindowKernelBuilders(addBuilder);
    registerReduceKernelBuilders(addBuilder);
    registerElementwiseKernelBuilders(addBuilder);
    registerIndexKernelBuilders(addBuilder);
    registerLossKernelBuilders(addBuilder);
    registerNormKernelBuilders(addBuilder);
    registerSampleKernelBuilders(addBuilder);
    registerEinsumKernelBuilder(addBuilder);
    registerTensorKernelBuilders(addBuilder);
    registerGenerateKernelBuilders(addBuilder);
    registerPadKernelBuilder(addBuilder);
    registerResizeKernelBuilder(addBuilder);
    registerDetKernelBuilder(addBuilder);
    return true;
  }();
  (void)registered;
  return builderTable();
}

} // namespace

std::optional<SmallVector<int64_t>> KernelRequest::constantInts(size_t i) const {
  if (i >= op->getNumOperands())
    return std::nullopt;
  auto constant = op->getOperand(i).getDefiningOp<ConstantOp>();
  auto dense = constant ? dyn_cast<DenseElementsAttr>(constant.getValue()) : nullptr;
  if (!dense || !dense.getElementType().isIntOrIndex())
    return std::nullopt;
  SmallVector<int64_t> values;
  for (const APInt &value : dense.getValues<APInt>())
    values.push_back(value.getSExtValue());
  return values;
}

FailureOr<Halide::Func> KernelRequest::fail(const std::string &message) const {
  std::string name = op->getName().getStringRef().str();
  if (auto onnxOp = dyn_cast<OnnxOpInterface>(op))
    name = onnxOp.getOnnxOpType().str();
  error = name + ": " + message;
  return failure();
}

Halide::Expr HalideValue::dim(int64_t d) const {
  if (std::optional<int64_t> size = staticDim(d))
    return Halide::Expr(static_cast<int>(*size));
  return dims.at(d);
}

Halide::Expr mlir::hone::cpu::broadcastRead(const HalideValue &value, ArrayRef<Halide::Var> vars,
                                           ShapedType result) {
  int64_t rank = static_cast<int64_t>(vars.size());
  int64_t operandRank = value.type.getRank();
  std::vector<Halide::Expr> args;
  for (int64_t j = operandRank - 1; j >= 0; --j) {
    int64_t d = j + rank - operandRank;
    std::optional<int64_t> size = value.staticDim(j);
    if (!size)
      args.push_back(value.readInPlace && operandRank == rank ? Halide::Expr(vars[d])
                                                               : Halide::select(value.dim(j) == 1, 0, vars[d]));
    else if (*size == 1 && result.getDimSize(d) != 1)
      args.push_back(Halide::Expr(0));
    else
      args.push_back(Halide::Expr(vars[d]));
  }
  return value.func(args);
}

Halide::Expr KernelRequest::lower(const DimExpr &e) const {
  return lowerToHalide(e, [&](const DimExpr &leaf) -> Halide::Expr {
    unsigned i = leaf.getIndex();
    const HalideValue *value = operand(i);
    if (!value)
      return Halide::Expr();
    if (leaf.getKind() == DimExpr::Kind::OperandDim)
      return value->dim(leaf.getPosition());
    if (leaf.getKind() == DimExpr::Kind::OperandValue) {
      std::vector<Halide::Expr> at;
      if (value->type.getRank() == 1)
        at.push_back(Halide::Expr(static_cast<int>(leaf.getPosition())));
      return value->param.defined() ? value->param(at) : value->func(at);
    }
    return Halide::Expr();
  });
}

std::vector<Halide::Expr> KernelRequest::resultDims(unsigned i) const {
  std::vector<Halide::Expr> dims;
  auto type = dyn_cast<RankedTensorType>(op->getResult(i).getType());
  if (!type)
    return dims;
  const ShapeResult &shape = shapes.getResult(i);
  for (int64_t d = 0; d < type.getRank(); ++d) {
    if (!type.isDynamicDim(d)) {
      dims.push_back(Halide::Expr(static_cast<int>(type.getDimSize(d))));
      continue;
    }
    Halide::Expr e = shape.ranked && d < static_cast<int64_t>(shape.dims.size())
                         ? lower(shape.dims[d])
                         : Halide::Expr();
    dims.push_back(e.defined() ? Halide::cast(Halide::Int(32), e) : e);
  }
  return dims;
}

std::vector<Halide::Expr> KernelRequest::aux(StringRef name) const {
  std::vector<Halide::Expr> values;
  if (const SmallVector<DimExpr> *exprs = shapes.getAux(name))
    for (const DimExpr &e : *exprs) {
      Halide::Expr lowered = lower(e);
      values.push_back(lowered.defined() ? Halide::cast(Halide::Int(32), lowered) : lowered);
    }
  return values;
}

Halide::Target mlir::hone::cpu::hostTarget() {
  Halide::Target target = Halide::get_host_target();
#if defined(__x86_64__)
  unsigned eax = 0, ebx = 0, ecx = 0, edx = 0;
  bool fp16 = __get_cpuid_count(7, 0, &eax, &ebx, &ecx, &edx) && (edx & (1u << 23));
  if (!fp16)
    target = target.without_feature(Halide::Target::AVX512_SapphireRapids);
#endif
  return target;
}

Halide::Type mlir::hone::cpu::halideTypeOf(Type type) {
  if (type.isF32())
    return Halide::Float(32);
  if (type.isF64())
    return Halide::Float(64);
  if (type.isF16())
    return Halide::Float(16);
  if (type.isBF16())
    return Halide::BFloat(16);
  if (auto integer = dyn_cast<IntegerType>(type)) {
    unsigned width = integer.getWidth();
    if (width == 1)
      return Halide::UInt(8); // bools are bytes in memory
    if (width == 8 || width == 16 || width == 32 || width == 64)
      return integer.isUnsigned() ? Halide::UInt(width) : Halide::Int(width);
  }
  return Halide::Type();
}

std::vector<Halide::Var> mlir::hone::cpu::tensorVars(int64_t rank) {
  std::vector<Halide::Var> vars;
  for (int64_t i = 0; i < rank; ++i)
    vars.emplace_back("d" + std::to_string(i));
  return vars;
}

std::vector<Halide::Expr> mlir::hone::cpu::halideArgs(ArrayRef<Halide::Var> vars) {
  return std::vector<Halide::Expr>(vars.rbegin(), vars.rend());
}

namespace {

/// Result 0's definition when `op` is one of the table-driven families.
FailureOr<Halide::Func> defineResult0(const KernelRequest &request, const std::string &name) {
  ArrayRef<HalideValue> operands = request.operands;
  RankedTensorType result = request.result;
  Operation *op = request.op;
  std::vector<Halide::Var> vars = tensorVars(result.getRank());
  Halide::Func func(name + "_out");

  if (auto unary = unaryFloatOps().find(name); unary != unaryFloatOps().end()) {
    if (!request.operand(0))
      return request.fail("missing input");
    bool isFloat = isa<FloatType>(operands[0].type.getElementType());
    bool intSafe = name == "Relu" || name == "Abs" || name == "Neg" || name == "Identity";
    if (!isFloat && !intSafe)
      return request.fail("the CPU kernel takes floating-point inputs");
    // A unary op's operand has the result's shape: a plain read (no
    // run-time broadcast test per dynamic dim, which blocks dense vectors).
    func(halideArgs(vars)) = unary->second(operands[0].func(halideArgs(vars)), op);
    return func;
  }
  if (auto binary = binaryOps().find(name); binary != binaryOps().end()) {
    // Max and Min are variadic: one input is the identity.
    if (operands.empty() || !request.operand(0))
      return request.fail("missing input");
    for (size_t i = 1; i < operands.size(); ++i)
      if (!request.operand(i))
        return request.fail("missing input");
    if (operands.size() < 2 && name != "Max" && name != "Min" && name != "Sum")
      return request.fail("missing input");
    Halide::Expr value = broadcastRead(operands[0], vars, result);
    for (size_t i = 1; i < operands.size(); ++i)
      value = binary->second(value, broadcastRead(operands[i], vars, result));
    func(halideArgs(vars)) = value;
    return func;
  }
  if (auto builder = kernelBuilders().find(name); builder != kernelBuilders().end())
    return builder->second(request);
  request.error = "no CPU kernel for " + name + " yet";
  return failure();
}

} // namespace

FailureOr<std::vector<HalideValue>> mlir::hone::cpu::defineHalideKernel(
    Operation *op, ArrayRef<HalideValue> operands, std::string &error, TileShape tile,
    const Epilogue *epilogue, bool *epilogueApplied, const StripSchedule &strip) {
  if (epilogueApplied)
    *epilogueApplied = false;
  auto onnxOp = dyn_cast<OnnxOpInterface>(op);
  if (!onnxOp || op->getNumResults() < 1) {
    error = "no CPU kernel for '" + op->getName().getStringRef().str() + "'";
    return failure();
  }
  std::string name = onnxOp.getOnnxOpType().str();
  auto result = dyn_cast<RankedTensorType>(op->getResult(0).getType());
  if (!result) {
    error = name + ": the CPU target needs a ranked result";
    return failure();
  }
  for (const HalideValue &operand : operands)
    if (operand.func.defined() && !operand.type.hasRank()) {
      error = name + ": the CPU target needs ranked operands";
      return failure();
    }
  std::vector<Halide::Func> otherResults;
  RankedTensorType resultView;
  ShapeContext shapes(op);
  if (failed(shapes.infer())) {
    error = name + ": the shape function fails";
    return failure();
  }
  KernelRequest request{op, operands, result, error, otherResults, tile, resultView, shapes,
                        epilogue, epilogueApplied, strip};
  FailureOr<Halide::Func> first = defineResult0(request, name);
  if (failed(first))
    return failure();
  otherResults.resize(op->getNumResults() - 1);
  if (resultView && (resultView.getNumElements() != result.getNumElements() ||
                     resultView.getElementType() != result.getElementType())) {
    error = name + ": the kernel's view of its result holds other elements";
    return failure();
  }
  std::vector<HalideValue> results{{*first, resultView ? resultView : result}};
  // Run-time dims of a result, for a kernel fused after this one to read
  // (the shape function over the operands' dims).
  if (!resultView && !result.hasStaticShape())
    results[0].dims = request.resultDims(0);
  for (unsigned i = 1; i < op->getNumResults(); ++i) {
    Halide::Func func = otherResults[i - 1];
    auto type = dyn_cast<RankedTensorType>(op->getResult(i).getType());
    if (!func.defined() || !type) {
      if (request.resultUsed(i)) {
        error = name + ": result " + std::to_string(i) + " is not computed on CPU yet";
        return failure();
      }
      results.push_back({Halide::Func(), nullptr});
      continue;
    }
    results.push_back({func, type});
    if (!type.hasStaticShape())
      results.back().dims = request.resultDims(i);
  }
  return results;
}
