//===- RecognizePatterns.cpp - Decomposed layers become their ops ---------===//
//
// Each pattern is matched at one root op and checked all the way: every
// inner value must be used only inside the pattern (else the chain stays,
// since its pieces are needed anyway), axes must be constants, and the
// shapes must be those the replacing op gives.
//
//===----------------------------------------------------------------------===//
#include "passes/fusion/Passes.h"

#include "passes/fusion/RewriteSupport.h"

#include "dialects/hone/HoneOps.h"

#include "llvm/ADT/StringSet.h"

#include <cmath>

namespace mlir::hone {
#define GEN_PASS_DEF_RECOGNIZEPATTERNSPASS
#include "passes/fusion/Passes.h.inc"
} // namespace mlir::hone

using namespace mlir;
using namespace mlir::hone;
using namespace mlir::hone::rewrite;

namespace {

/// The number of uses of `value`.
unsigned useCount(Value value) {
  return static_cast<unsigned>(std::distance(value.use_begin(), value.use_end()));
}

/// The axes of a reduction with keepdims = 1, normalized to [0, rank).
template <typename ReduceT>
std::optional<SmallVector<int64_t>> keptAxes(ReduceT reduce) {
  if (reduce.getKeepdims() != 1 || isa<NoneType>(reduce.getAxes().getType()))
    return std::nullopt;
  std::optional<SmallVector<int64_t>> axes = intConstant(reduce.getAxes());
  std::optional<SmallVector<int64_t>> shape = shapeOf(reduce.getData());
  if (!axes || !shape || axes->empty())
    return std::nullopt;
  int64_t rank = static_cast<int64_t>(shape->size());
  for (int64_t &axis : *axes) {
    if (axis < -rank || axis >= rank)
      return std::nullopt;
    axis = axis < 0 ? axis + rank : axis;
  }
  llvm::sort(*axes);
  return axes;
}

/// BatchNormalization (inference) -> x * s + t.
bool recognizeBatchNorm(Operation *op) {
  auto norm = dyn_cast<BatchNormalizationOp>(op);
  if (!norm || norm.getTrainingMode() != 0 || !norm.getRunningMean().use_empty() ||
      !norm.getRunningVar().use_empty() || !isFloatTensor(norm.getY()))
    return false;
  std::optional<SmallVector<int64_t>> shape = shapeOf(norm.getX());
  if (!shape || shape->size() < 2)
    return false;
  OpBuilder builder(op);
  Location loc = op->getLoc();
  Value eps = scalarLike(builder, loc, norm.getInputVar(), norm.getEpsilon().convertToDouble());
  Value stddev = create<SqrtOp>(builder, loc, {create<AddOp>(builder, loc, {norm.getInputVar(), eps})});
  Value scale = create<DivOp>(builder, loc, {norm.getScale(), stddev});
  Value shift = create<SubOp>(builder, loc,
                              {norm.getB(), create<MulOp>(builder, loc, {norm.getInputMean(), scale})});
  // Per channel (dim 1): [C, 1, ..., 1] broadcasts over the spatial dims.
  SmallVector<int64_t> perChannel(shape->size() - 1, 1);
  perChannel[0] = -1;
  Value channelShape = int64Vector(builder, loc, perChannel);
  Value s = create<ReshapeOp>(builder, loc, {scale, channelShape});
  Value t = create<ReshapeOp>(builder, loc, {shift, channelShape});
  Value y = create<AddOp>(builder, loc, {create<MulOp>(builder, loc, {norm.getX(), s}), t});
  replaceAndErase(op, y);
  return true;
}

/// MatMul(A, B) + c with 2-D A and B -> Gemm(A, B, c).
bool recognizeGemm(Operation *op) {
  if (!isa<AddOp>(op) || !isFloatTensor(op->getResult(0)))
    return false;
  for (unsigned i = 0; i < 2; ++i) {
    auto matmul = op->getOperand(i).getDefiningOp<MatMulOp>();
    Value bias = op->getOperand(1 - i);
    if (!matmul || !matmul.getY().hasOneUse())
      continue;
    std::optional<SmallVector<int64_t>> a = shapeOf(matmul.getA()), b = shapeOf(matmul.getB());
    std::optional<SmallVector<int64_t>> c = shapeOf(bias), y = shapeOf(matmul.getY());
    if (!a || !b || !c || a->size() != 2 || b->size() != 2 || c->size() > 2 ||
        broadcastShape(*y, *c) != *y || *shapeOf(op->getResult(0)) != *y)
      continue;
    OpBuilder builder(op);
    Value gemm = create<GemmOp>(builder, op->getLoc(), {matmul.getA(), matmul.getB(), bias});
    replaceAndErase(op, gemm);
    return true;
  }
  return false;
}

/// exp(x - ReduceMax(x)) / ReduceSum(exp(...)) over one axis -> Softmax.
bool recognizeSoftmax(Operation *op) {
  auto div = dyn_cast<DivOp>(op);
  if (!div || !isFloatTensor(div.getResult()))
    return false;
  auto exp = div.getA().getDefiningOp<ExpOp>();
  auto sum = div.getB().getDefiningOp<ReduceSumOp>();
  if (!exp || !sum || sum.getData() != exp->getResult(0) || useCount(exp->getResult(0)) != 2 ||
      !sum.getReduced().hasOneUse())
    return false;
  std::optional<SmallVector<int64_t>> axes = keptAxes(sum);
  if (!axes || axes->size() != 1)
    return false;
  Value x = exp->getOperand(0);
  // The max subtracted for range: softmax is the same without it.
  if (auto sub = x.getDefiningOp<SubOp>(); sub && sub.getResult().hasOneUse()) {
    auto max = sub.getB().getDefiningOp<ReduceMaxOp>();
    if (max && max.getData() == sub.getA() && max.getReduced().hasOneUse() && keptAxes(max) == axes)
      x = sub.getA();
  }
  if (shapeOf(x) != shapeOf(div.getResult()))
    return false;
  OpBuilder builder(op);
  Value softmax =
      create<SoftmaxOp>(builder, op->getLoc(), {x},
                        {builder.getNamedAttr("axis", builder.getI64IntegerAttr((*axes)[0]))});
  replaceAndErase(op, softmax);
  return true;
}

/// Whether `value` broadcasts into the trailing `normalized` dims only.
bool fitsNormalized(Value value, ArrayRef<int64_t> normalized) {
  std::optional<SmallVector<int64_t>> shape = shapeOf(value);
  return shape && shape->size() <= normalized.size() &&
         broadcastShape(normalized, *shape) == SmallVector<int64_t>(normalized);
}

/// (x - mean) / sqrt(mean((x - mean)^2) + eps) [* scale] [+ bias] over the
/// trailing axes -> LayerNormalization.
bool recognizeLayerNorm(Operation *op) {
  auto div = dyn_cast<DivOp>(op);
  if (!div || !isFloatTensor(div.getResult()))
    return false;
  auto centered = div.getA().getDefiningOp<SubOp>();
  auto sqrt = div.getB().getDefiningOp<SqrtOp>();
  if (!centered || !sqrt || !sqrt->getResult(0).hasOneUse())
    return false;
  auto addEps = sqrt->getOperand(0).getDefiningOp<AddOp>();
  if (!addEps || !addEps.getResult().hasOneUse())
    return false;
  auto variance = addEps.getA().getDefiningOp<ReduceMeanOp>();
  std::optional<double> eps = scalarConstant(addEps.getB());
  if (!variance || !eps || !variance.getReduced().hasOneUse())
    return false;
  Value x = centered.getA();
  auto mean = centered.getB().getDefiningOp<ReduceMeanOp>();
  if (!mean || mean.getData() != x || !mean.getReduced().hasOneUse())
    return false;
  // The square: Pow(d, 2) or d * d, read by the variance alone.
  Operation *square = variance.getData().getDefiningOp();
  Value d = centered.getResult();
  unsigned squareUses = 0;
  if (auto pow = dyn_cast_or_null<PowOp>(square);
      pow && pow.getX() == d && scalarConstant(pow.getY()) == 2.0)
    squareUses = 1;
  else if (auto mul = dyn_cast_or_null<MulOp>(square); mul && mul.getA() == d && mul.getB() == d)
    squareUses = 2;
  if (!squareUses || !square->getResult(0).hasOneUse() || useCount(d) != squareUses + 1)
    return false;
  std::optional<SmallVector<int64_t>> axes = keptAxes(mean), shape = shapeOf(x);
  if (!axes || keptAxes(variance) != axes || !shape)
    return false;
  int64_t rank = static_cast<int64_t>(shape->size());
  int64_t first = rank - static_cast<int64_t>(axes->size());
  for (int64_t i = 0; i < static_cast<int64_t>(axes->size()); ++i)
    if ((*axes)[i] != first + i)
      return false; // LayerNormalization normalizes trailing axes
  ArrayRef<int64_t> normalized = ArrayRef<int64_t>(*shape).drop_front(first);
  if (llvm::any_of(normalized, ShapedType::isDynamic))
    return false;

  // The affine tail: Mul by a scale, then Add of a bias, each optional.
  Operation *root = op;
  Value scale, bias;
  auto soleUser = [](Operation *producer) -> Operation * {
    Value result = producer->getResult(0);
    return result.hasOneUse() ? *result.getUsers().begin() : nullptr;
  };
  auto otherOperand = [](Operation *user, Operation *producer) {
    return user->getOperand(0).getDefiningOp() == producer ? user->getOperand(1) : user->getOperand(0);
  };
  if (auto mul = dyn_cast_or_null<MulOp>(soleUser(root));
      mul && fitsNormalized(otherOperand(mul, root), normalized)) {
    scale = otherOperand(mul, root);
    root = mul;
  }
  if (auto add = dyn_cast_or_null<AddOp>(soleUser(root));
      add && fitsNormalized(otherOperand(add, root), normalized)) {
    bias = otherOperand(add, root);
    root = add;
  }
  if (shapeOf(root->getResult(0)) != shape)
    return false;

  OpBuilder builder(root);
  Location loc = root->getLoc();
  Value shapeValue = int64Vector(builder, loc, normalized);
  auto fullSize = [&](Value value) {
    return shapeOf(value) == SmallVector<int64_t>(normalized)
               ? value
               : create<ExpandOp>(builder, loc, {value, shapeValue});
  };
  if (scale) {
    scale = fullSize(scale);
  } else {
    auto type = RankedTensorType::get(normalized, cast<ShapedType>(x.getType()).getElementType());
    scale = builder.create<ConstantOp>(
        loc, DenseElementsAttr::get(type, builder.getFloatAttr(type.getElementType(), 1.0)));
  }
  Value none = bias ? fullSize(bias) : builder.create<NoneOp>(loc).getResult();
  SmallVector<NamedAttribute> attributes{
      builder.getNamedAttr("axis", builder.getI64IntegerAttr(first)),
      builder.getNamedAttr("epsilon", builder.getF32FloatAttr(static_cast<float>(*eps)))};
  Operation *norm = createInferred(builder, loc, LayerNormalizationOp::getOperationName(),
                                   {x, scale, none}, attributes, /*numResults=*/3);
  // The statistics results are float32 whatever x is (stash_type 1).
  for (unsigned i = 1; i < 3; ++i)
    if (auto unranked = dyn_cast<UnrankedTensorType>(norm->getResult(i).getType()))
      norm->getResult(i).setType(UnrankedTensorType::get(builder.getF32Type()));
  refineResultTypes(norm);
  replaceAndErase(root, norm->getResult(0));
  return true;
}

/// The factors of the product `value`: the leaves of its tree of Mul ops
/// whose inner results are used only by the tree.
SmallVector<Value> factorsOf(Value value) {
  SmallVector<Value> factors, stack{value};
  while (!stack.empty()) {
    Value v = stack.pop_back_val();
    auto mul = v.getDefiningOp<MulOp>();
    if (mul && (v == value || v.hasOneUse())) {
      stack.push_back(mul.getB());
      stack.push_back(mul.getA());
    } else {
      factors.push_back(v);
    }
  }
  return factors;
}

/// Whether `value` is a one-element constant within float rounding of
/// `expected`.
bool isScalar(Value value, double expected) {
  std::optional<double> actual = scalarConstant(value);
  std::optional<SmallVector<int64_t>> shape = shapeOf(value);
  return actual && shape && shape->empty() &&
         std::fabs(*actual - expected) <= 1e-5 * std::fabs(expected);
}

/// Whether `value` is `1 + inner(...)` for a unary `InnerT`, used once;
/// returns the inner op's operand.
template <typename InnerT>
Value onePlus(Value value) {
  auto add = value.getDefiningOp<AddOp>();
  if (!add || !value.hasOneUse())
    return nullptr;
  for (unsigned i = 0; i < 2; ++i)
    if (isScalar(add->getOperand(1 - i), 1.0))
      if (auto inner = add->getOperand(i).getDefiningOp<InnerT>(); inner && inner->getResult(0).hasOneUse())
        return inner->getOperand(0);
  return nullptr;
}

/// Whether `value` is x * c (or x / (1/c)) with `x` given, used once.
bool isScaled(Value value, Value x, double c) {
  if (!value.hasOneUse())
    return false;
  if (auto div = value.getDefiningOp<DivOp>())
    return div.getA() == x && isScalar(div.getB(), 1 / c);
  SmallVector<Value> factors = factorsOf(value);
  return factors.size() == 2 && ((factors[0] == x && isScalar(factors[1], c)) ||
                                 (factors[1] == x && isScalar(factors[0], c)));
}

/// Whether `value` is x + 0.044715 * x^3 (the tanh form's argument).
bool isCubicTerm(Value value, Value x) {
  auto add = value.getDefiningOp<AddOp>();
  if (!add || !value.hasOneUse())
    return false;
  for (unsigned i = 0; i < 2; ++i) {
    if (add->getOperand(i) != x)
      continue;
    Value term = add->getOperand(1 - i);
    if (!term.hasOneUse())
      return false;
    SmallVector<Value> factors = factorsOf(term);
    auto coefficient = llvm::find_if(factors, [](Value f) { return isScalar(f, 0.044715); });
    if (coefficient == factors.end())
      return false;
    factors.erase(coefficient);
    if (factors.size() == 3)
      return llvm::all_of(factors, [&](Value f) { return f == x; });
    auto pow = factors.size() == 1 ? factors[0].getDefiningOp<PowOp>() : PowOp();
    return pow && pow.getX() == x && isScalar(pow.getY(), 3.0) && factors[0].hasOneUse();
  }
  return false;
}

/// 0.5 * x * (1 + erf(x / sqrt(2))) -> Gelu, and 0.5 * x * (1 + tanh(sqrt(2 /
/// pi) * (x + 0.044715 * x^3))) -> Gelu(approximate = "tanh"), in any order
/// of the products.
bool recognizeGelu(Operation *op) {
  auto mul = dyn_cast<MulOp>(op);
  if (!mul || !isFloatTensor(mul.getC()))
    return false;
  // Only at the root of the product.
  Value result = mul.getC();
  if (result.hasOneUse() && isa<MulOp>(*result.getUsers().begin()))
    return false;
  SmallVector<Value> factors = factorsOf(result);
  if (factors.size() != 3)
    return false;
  auto half = llvm::find_if(factors, [](Value f) { return isScalar(f, 0.5); });
  if (half == factors.end())
    return false;
  factors.erase(half);
  for (unsigned i = 0; i < 2; ++i) {
    Value x = factors[i], other = factors[1 - i];
    StringRef approximate;
    if (Value z = onePlus<ErfOp>(other); z && isScaled(z, x, M_SQRT1_2)) {
      approximate = "none";
    } else if (Value w = onePlus<TanhOp>(other); w && w.hasOneUse()) {
      SmallVector<Value> scaled = factorsOf(w);
      if (scaled.size() != 2)
        continue;
      unsigned c = isScalar(scaled[0], std::sqrt(2 / M_PI)) ? 0 : 1;
      if (!isScalar(scaled[c], std::sqrt(2 / M_PI)) || !isCubicTerm(scaled[1 - c], x))
        continue;
      approximate = "tanh";
    } else {
      continue;
    }
    if (shapeOf(x) != shapeOf(result))
      return false; // x broadcast by the other factors: not one Gelu
    OpBuilder builder(op);
    SmallVector<NamedAttribute> attributes;
    if (approximate != "none")
      attributes.push_back(builder.getNamedAttr("approximate", builder.getStringAttr(approximate)));
    replaceAndErase(op, create<GeluOp>(builder, op->getLoc(), {x}, attributes));
    return true;
  }
  return false;
}

struct Pattern {
  llvm::StringLiteral name;
  bool (*recognize)(Operation *);
};

const Pattern kPatterns[] = {
    {"batchnorm-to-scale-shift", recognizeBatchNorm},
    {"matmul-bias-to-gemm", recognizeGemm},
    {"softmax", recognizeSoftmax},
    {"layer-normalization", recognizeLayerNorm},
    {"gelu", recognizeGelu},
};

struct RecognizePatternsPass final
    : mlir::hone::impl::RecognizePatternsPassBase<RecognizePatternsPass> {
  using Base::Base;
  void runOnOperation() override;
};

void RecognizePatternsPass::runOnOperation() {
  llvm::StringSet<> enabled;
  for (const std::string &name : patterns) {
    if (!llvm::any_of(kPatterns, [&](const Pattern &pattern) { return pattern.name == name; })) {
      getOperation().emitError() << "unknown pattern '" << name << "'";
      return signalPassFailure();
    }
    enabled.insert(name);
  }
  // A rewrite erases ops, so the walk starts again after each one. Each
  // removes the op its pattern is rooted at and builds none that a pattern
  // is rooted at, so this ends.
  bool changed = true;
  while (changed) {
    changed = false;
    getOperation().walk([&](Operation *op) {
      for (const Pattern &pattern : kPatterns)
        if ((enabled.empty() || enabled.contains(pattern.name)) && pattern.recognize(op)) {
          ++numRecognized;
          changed = true;
          return WalkResult::interrupt();
        }
      return WalkResult::advance();
    });
  }
}

} // namespace
