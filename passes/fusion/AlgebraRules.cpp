//===- AlgebraRules.cpp - Rewrite rules by algebraic properties -----------===//
//
// Sums and products are matched as trees: a maximal nest of Add (or Mul) ops
// whose inner results are used once, by the tree. Associativity and
// commutativity let the tree be rebuilt in any order, so the rules rewrite
// its list of leaves (two leaves become one) and the tree is rebuilt with the
// cheapest order: values known at compile time first (they fold into one),
// then the others from the smallest to the largest, so that a broadcast
// operand meets the others while it is still small. That one mechanism
// carries Table 4's associative rules ((A*sqrt(B))*(sqrt(B)*C) -> A*B*C,
// Abs(A)*B*Abs(C) -> Abs(A*C)*B) and its distributive ones
// (A*B + A*C -> A*(B+C), A + A*B -> A*(B+1)) wherever the factors sit in
// the tree.
//
//===----------------------------------------------------------------------===//
#include "passes/fusion/AlgebraRules.h"

#include "passes/fusion/RewriteSupport.h"

#include "dialects/hone/AlgebraicTraits.h"
#include "dialects/hone/HoneOps.h"

#include <numeric>

using namespace mlir;
using namespace mlir::hone;
using namespace mlir::hone::rewrite;

namespace {

/// FLOPs of computing `value` with its defining op; nothing when it is known
/// at compile time. An elementwise op or a reduction costs one per element
/// of its largest tensor; MatMul two per multiply-add.
double costOf(Value value) {
  if (isConstantValue(value))
    return 0;
  Operation *op = value.getDefiningOp();
  if (!op)
    return 0;
  if (auto matmul = dyn_cast<MatMulOp>(op)) {
    std::optional<SmallVector<int64_t>> a = shapeOf(matmul.getA());
    double depth = a && !a->empty() ? elementCount(ArrayRef<int64_t>(*a).take_back()) : 1;
    return 2 * elementCount(value) * depth;
  }
  double cost = elementCount(value);
  for (Value operand : op->getOperands())
    if (isa<RankedTensorType>(operand.getType()))
      cost = std::max(cost, elementCount(operand));
  return cost;
}

/// The cost of `value`'s op when `uses` of its uses go away with the
/// rewrite: the op dies only when those are all it has.
double deadCost(Value value, unsigned uses) {
  if (static_cast<unsigned>(std::distance(value.use_begin(), value.use_end())) != uses)
    return 0;
  return costOf(value);
}

/// A term of a sum or a factor of a product.
struct Leaf {
  /// An existing value, or null when `make` builds a new one.
  Value value;
  std::function<Value(OpBuilder &)> make;
  SmallVector<int64_t> shape;
  bool constant = false;
};

std::optional<Leaf> existing(Value value) {
  std::optional<SmallVector<int64_t>> shape = shapeOf(value);
  if (!shape)
    return std::nullopt;
  return Leaf{value, nullptr, *shape, isConstantValue(value)};
}

Value materialize(OpBuilder &builder, const Leaf &leaf) {
  return leaf.value ? leaf.value : leaf.make(builder);
}

/// A maximal tree of `OpT` ops (Add or Mul) rooted at an op.
struct Tree {
  SmallVector<Leaf> leaves;
  /// FLOPs of the tree's ops.
  double cost = 0;
  unsigned numOps = 0;
};

template <typename OpT>
bool isInnerNode(Value value) {
  return value.getDefiningOp<OpT>() && value.hasOneUse() && isFloatTensor(value);
}

template <typename OpT>
std::optional<Tree> collectTree(Operation *root) {
  if (!isa<OpT>(root) || !isFloatTensor(root->getResult(0)))
    return std::nullopt;
  // A root inside a larger tree is matched at that tree's root.
  Value result = root->getResult(0);
  if (isInnerNode<OpT>(result) && isa<OpT>(*result.getUsers().begin()))
    return std::nullopt;
  Tree tree;
  SmallVector<Operation *> stack{root};
  while (!stack.empty()) {
    Operation *op = stack.pop_back_val();
    ++tree.numOps;
    tree.cost += costOf(op->getResult(0));
    for (Value operand : op->getOperands()) {
      if (isInnerNode<OpT>(operand)) {
        stack.push_back(operand.getDefiningOp());
        continue;
      }
      std::optional<Leaf> leaf = existing(operand);
      if (!leaf)
        return std::nullopt;
      tree.leaves.push_back(std::move(*leaf));
    }
  }
  // Pairs are tried against each other: keep it to the sizes graphs have.
  if (tree.leaves.size() > 32)
    return std::nullopt;
  return tree;
}

/// The order the tree is rebuilt in: compile-time values first, then by
/// size (at the first costing size of `?` dims, whatever the costing: a
/// candidate is one graph, costed at each size).
SmallVector<unsigned> rebuildOrder(ArrayRef<Leaf> leaves) {
  SmallVector<unsigned> order(leaves.size());
  std::iota(order.begin(), order.end(), 0);
  CostingDynamicDim ordering(kDynamicDimSizes[0]);
  std::stable_sort(order.begin(), order.end(), [&](unsigned a, unsigned b) {
    if (leaves[a].constant != leaves[b].constant)
      return leaves[a].constant;
    return elementCount(leaves[a].shape) < elementCount(leaves[b].shape);
  });
  return order;
}

double rebuildCost(ArrayRef<Leaf> leaves) {
  SmallVector<unsigned> order = rebuildOrder(leaves);
  SmallVector<int64_t> shape = leaves[order[0]].shape;
  bool constant = leaves[order[0]].constant;
  double cost = 0;
  for (unsigned i : ArrayRef<unsigned>(order).drop_front()) {
    shape = broadcastShape(shape, leaves[i].shape);
    constant = constant && leaves[i].constant;
    if (!constant)
      cost += elementCount(shape);
  }
  return cost;
}

template <typename OpT>
Value rebuild(OpBuilder &builder, Location loc, ArrayRef<Leaf> leaves) {
  SmallVector<unsigned> order = rebuildOrder(leaves);
  Value value = materialize(builder, leaves[order[0]]);
  for (unsigned i : ArrayRef<unsigned>(order).drop_front())
    value = create<OpT>(builder, loc, {value, materialize(builder, leaves[i])});
  return value;
}

/// Offers rebuilding `root`'s tree from `leaves`, where building the new
/// leaves costs `built` and the rewrite leaves `dead` FLOPs of ops dead.
template <typename OpT>
void offerTree(Operation *root, const Tree &tree, SmallVector<Leaf> leaves, double dead,
               double built, SmallVectorImpl<Candidate> &candidates) {
  SmallVector<int64_t> shape = leaves.front().shape;
  for (const Leaf &leaf : leaves)
    shape = broadcastShape(shape, leaf.shape);
  if (shape != *shapeOf(root->getResult(0)))
    return; // the rewrite must keep the value's shape
  double saved = tree.cost + dead - built - rebuildCost(leaves);
  Location loc = root->getLoc();
  candidates.push_back({saved, [leaves = std::move(leaves), loc](OpBuilder &builder) {
                          return rebuild<OpT>(builder, loc, leaves);
                        }});
}

/// What a pair rule turns two leaves into.
struct PairResult {
  SmallVector<Leaf> leaves;
  /// FLOPs of the ops built for them.
  double built = 0;
};
using PairRule = std::optional<PairResult> (*)(const Leaf &, const Leaf &);

/// Offers every rewrite of two of the tree's leaves by `rule` (both orders).
template <typename OpT>
void offerPairs(Operation *root, PairRule rule, SmallVectorImpl<Candidate> &candidates) {
  std::optional<Tree> tree = collectTree<OpT>(root);
  if (!tree)
    return;
  ArrayRef<Leaf> leaves = tree->leaves;
  for (unsigned i = 0; i < leaves.size(); ++i)
    for (unsigned j = 0; j < leaves.size(); ++j) {
      if (i == j)
        continue;
      std::optional<PairResult> pair = rule(leaves[i], leaves[j]);
      if (!pair)
        continue;
      double dead = leaves[i].value == leaves[j].value
                        ? deadCost(leaves[i].value, 2)
                        : deadCost(leaves[i].value, 1) + deadCost(leaves[j].value, 1);
      SmallVector<Leaf> rest;
      for (unsigned k = 0; k < leaves.size(); ++k)
        if (k != i && k != j)
          rest.push_back(leaves[k]);
      rest.append(pair->leaves.begin(), pair->leaves.end());
      offerTree<OpT>(root, *tree, std::move(rest), dead, pair->built, candidates);
    }
}

/// The operand of `leaf`'s op when that op is an `OpT` (a unary op).
template <typename OpT>
Value unaryOperand(const Leaf &leaf) {
  if (!leaf.value)
    return nullptr;
  auto op = leaf.value.getDefiningOp<OpT>();
  return op ? op->getOperand(0) : nullptr;
}

/// A leaf built as `OuterT(InnerT(a, b))` (or `InnerT(a, b)` without an
/// outer op), with what it costs.
template <typename InnerT, typename OuterT = void>
std::optional<PairResult> combined(Value a, Value b) {
  std::optional<Leaf> la = existing(a), lb = existing(b);
  if (!la || !lb)
    return std::nullopt;
  Leaf leaf;
  leaf.shape = broadcastShape(la->shape, lb->shape);
  leaf.constant = la->constant && lb->constant;
  Location loc = a.getLoc();
  leaf.make = [a, b, loc](OpBuilder &builder) {
    Value inner = create<InnerT>(builder, loc, {a, b});
    if constexpr (std::is_same_v<OuterT, void>)
      return inner;
    else
      return create<OuterT>(builder, loc, {inner});
  };
  double ops = std::is_same_v<OuterT, void> ? 1 : 2;
  double built = leaf.constant ? 0 : ops * elementCount(leaf.shape);
  return PairResult{{std::move(leaf)}, built};
}

//===----------------------------------------------------------------------===//
// Associative rules over products, commutative rules over sums and products
//===----------------------------------------------------------------------===//

void matchReassociateProduct(Operation *root, SmallVectorImpl<Candidate> &candidates) {
  if (std::optional<Tree> tree = collectTree<MulOp>(root); tree && tree->numOps > 1)
    offerTree<MulOp>(root, *tree, tree->leaves, 0, 0, candidates);
}

void matchReassociateSum(Operation *root, SmallVectorImpl<Candidate> &candidates) {
  if (std::optional<Tree> tree = collectTree<AddOp>(root); tree && tree->numOps > 1)
    offerTree<AddOp>(root, *tree, tree->leaves, 0, 0, candidates);
}

/// sqrt(B) * sqrt(B) -> B (not for negative B: relaxed).
void matchSqrtPair(Operation *root, SmallVectorImpl<Candidate> &candidates) {
  offerPairs<MulOp>(
      root,
      [](const Leaf &a, const Leaf &b) -> std::optional<PairResult> {
        Value x = unaryOperand<SqrtOp>(a);
        if (!x || x != unaryOperand<SqrtOp>(b))
          return std::nullopt;
        std::optional<Leaf> leaf = existing(x);
        if (!leaf)
          return std::nullopt;
        return PairResult{{std::move(*leaf)}, 0};
      },
      candidates);
}

/// UnaryT(A) * UnaryT(C) -> UnaryT(CombineT(A, C)): Abs(A) * Abs(C) ->
/// Abs(A * C), (1/A) * (1/C) -> 1/(A * C), and exp(A) * exp(C) ->
/// exp(A + C) (the product may overflow where the sum does not: relaxed).
template <typename UnaryT, typename CombineT>
void matchUnaryPair(Operation *root, SmallVectorImpl<Candidate> &candidates) {
  offerPairs<MulOp>(
      root,
      [](const Leaf &a, const Leaf &b) -> std::optional<PairResult> {
        Value x = unaryOperand<UnaryT>(a), y = unaryOperand<UnaryT>(b);
        if (!x || !y)
          return std::nullopt;
        return combined<CombineT, UnaryT>(x, y);
      },
      candidates);
}

/// (-A) * (-C) -> A * C.
void matchNegPair(Operation *root, SmallVectorImpl<Candidate> &candidates) {
  offerPairs<MulOp>(
      root,
      [](const Leaf &a, const Leaf &b) -> std::optional<PairResult> {
        Value x = unaryOperand<NegOp>(a), y = unaryOperand<NegOp>(b);
        std::optional<Leaf> lx = x ? existing(x) : std::nullopt;
        std::optional<Leaf> ly = y ? existing(y) : std::nullopt;
        if (!lx || !ly)
          return std::nullopt;
        return PairResult{{std::move(*lx), std::move(*ly)}, 0};
      },
      candidates);
}

/// ReduceProd(exp(A)) -> exp(ReduceSum(A)): the exponential runs on the
/// reduced tensor.
void matchExpReduceProd(Operation *root, SmallVectorImpl<Candidate> &candidates) {
  auto prod = dyn_cast<ReduceProdOp>(root);
  if (!prod || !isFloatTensor(prod.getResult()))
    return;
  auto exp = prod.getData().getDefiningOp<ExpOp>();
  if (!exp)
    return;
  Value a = exp->getOperand(0);
  double saved = deadCost(exp->getResult(0), 1) + costOf(prod.getResult()) - elementCount(a) -
                 elementCount(prod.getResult());
  candidates.push_back({saved, [prod, a](OpBuilder &builder) mutable {
                          Operation *sum = createInferred(
                              builder, prod.getLoc(), ReduceSumOp::getOperationName(),
                              {a, prod.getAxes()}, prod->getAttrs());
                          return create<ExpOp>(builder, prod.getLoc(), {sum->getResult(0)});
                        }});
}

//===----------------------------------------------------------------------===//
// Distributive rules
//===----------------------------------------------------------------------===//

/// A factor two products share: a = common * x and b = common * y.
struct SharedFactor {
  Value common, x, y;
};

std::optional<SharedFactor> sharedFactor(MulOp a, MulOp b) {
  for (unsigned i = 0; i < 2; ++i)
    for (unsigned j = 0; j < 2; ++j)
      if (a->getOperand(i) == b->getOperand(j))
        return SharedFactor{a->getOperand(i), a->getOperand(1 - i), b->getOperand(1 - j)};
  return std::nullopt;
}

/// A*B + A*C -> A*(B + C) for two terms of a sum, wherever they sit in it.
std::optional<PairResult> factorCommon(const Leaf &a, const Leaf &b) {
  if (!a.value || !b.value || a.value == b.value)
    return std::nullopt;
  auto ma = a.value.getDefiningOp<MulOp>(), mb = b.value.getDefiningOp<MulOp>();
  std::optional<SharedFactor> shared = ma && mb ? sharedFactor(ma, mb) : std::nullopt;
  if (!shared)
    return std::nullopt;
  Value common = shared->common;
  std::optional<PairResult> sum = combined<AddOp>(shared->x, shared->y);
  std::optional<Leaf> factor = existing(common);
  if (!sum || !factor)
    return std::nullopt;
  Leaf leaf;
  leaf.shape = broadcastShape(factor->shape, sum->leaves[0].shape);
  leaf.constant = factor->constant && sum->leaves[0].constant;
  Location loc = a.value.getLoc();
  leaf.make = [common, inner = sum->leaves[0], loc](OpBuilder &builder) {
    return create<MulOp>(builder, loc, {common, materialize(builder, inner)});
  };
  double built = sum->built + (leaf.constant ? 0 : elementCount(leaf.shape));
  return PairResult{{std::move(leaf)}, built};
}

void matchFactorCommon(Operation *root, SmallVectorImpl<Candidate> &candidates) {
  offerPairs<AddOp>(root, factorCommon, candidates);
  // A*B - A*C -> A*(B - C); with B = A, Table 4's Square(S) - S*C -> S*(S - C).
  auto sub = dyn_cast<SubOp>(root);
  if (!sub || !isFloatTensor(sub.getResult()))
    return;
  auto ma = sub.getA().getDefiningOp<MulOp>(), mb = sub.getB().getDefiningOp<MulOp>();
  std::optional<SharedFactor> shared = ma && mb && ma != mb ? sharedFactor(ma, mb) : std::nullopt;
  if (!shared)
    return;
  Value common = shared->common, x = shared->x, y = shared->y;
  std::optional<SmallVector<int64_t>> sx = shapeOf(x), sy = shapeOf(y), sc = shapeOf(common);
  if (!sx || !sy || !sc)
    return;
  SmallVector<int64_t> diffShape = broadcastShape(*sx, *sy);
  SmallVector<int64_t> shape = broadcastShape(*sc, diffShape);
  if (shape != *shapeOf(sub.getResult()))
    return;
  bool constDiff = isConstantValue(x) && isConstantValue(y);
  double built = (constDiff ? 0 : elementCount(diffShape)) + elementCount(shape);
  double saved =
      deadCost(sub.getA(), 1) + deadCost(sub.getB(), 1) + costOf(sub.getResult()) - built;
  Location loc = root->getLoc();
  candidates.push_back({saved, [common, x, y, loc](OpBuilder &builder) {
                          Value diff = create<SubOp>(builder, loc, {x, y});
                          return create<MulOp>(builder, loc, {common, diff});
                        }});
}

/// A + A*B -> A*(B + 1).
void matchAddSelfProduct(Operation *root, SmallVectorImpl<Candidate> &candidates) {
  offerPairs<AddOp>(
      root,
      [](const Leaf &a, const Leaf &b) -> std::optional<PairResult> {
        if (!a.value || !b.value)
          return std::nullopt;
        auto mul = b.value.getDefiningOp<MulOp>();
        if (!mul)
          return std::nullopt;
        for (unsigned i = 0; i < 2; ++i) {
          if (mul->getOperand(i) != a.value)
            continue;
          Value x = a.value, y = mul->getOperand(1 - i);
          std::optional<Leaf> lx = existing(x), ly = existing(y);
          if (!lx || !ly)
            return std::nullopt;
          Leaf leaf;
          leaf.shape = broadcastShape(lx->shape, ly->shape);
          leaf.constant = lx->constant && ly->constant;
          Location loc = b.value.getLoc();
          leaf.make = [x, y, loc](OpBuilder &builder) {
            Value plusOne = create<AddOp>(builder, loc, {y, scalarLike(builder, loc, y, 1.0)});
            return create<MulOp>(builder, loc, {x, plusOne});
          };
          double built = (ly->constant ? 0 : elementCount(ly->shape)) +
                         (leaf.constant ? 0 : elementCount(leaf.shape));
          return PairResult{{std::move(leaf)}, built};
        }
        return std::nullopt;
      },
      candidates);
}

/// A@B + A@C -> A@(B + C) and B@A + C@A -> (B + C)@A: one contraction
/// fewer.
void matchFactorMatMul(Operation *root, SmallVectorImpl<Candidate> &candidates) {
  offerPairs<AddOp>(
      root,
      [](const Leaf &a, const Leaf &b) -> std::optional<PairResult> {
        if (!a.value || !b.value || a.value == b.value)
          return std::nullopt;
        auto ma = a.value.getDefiningOp<MatMulOp>(), mb = b.value.getDefiningOp<MatMulOp>();
        if (!ma || !mb)
          return std::nullopt;
        for (unsigned side = 0; side < 2; ++side) {
          Value common = ma->getOperand(side);
          Value x = ma->getOperand(1 - side), y = mb->getOperand(1 - side);
          if (common != mb->getOperand(side) || x.getType() != y.getType() ||
              !isa<RankedTensorType>(x.getType()))
            continue;
          Leaf leaf{nullptr, nullptr, a.shape, false};
          Location loc = a.value.getLoc();
          leaf.make = [common, x, y, side, loc](OpBuilder &builder) {
            Value sum = create<AddOp>(builder, loc, {x, y});
            return side == 0 ? create<MatMulOp>(builder, loc, {common, sum})
                             : create<MatMulOp>(builder, loc, {sum, common});
          };
          double sum = isConstantValue(x) && isConstantValue(y) ? 0 : elementCount(x);
          return PairResult{{std::move(leaf)}, sum + costOf(a.value)};
        }
        return std::nullopt;
      },
      candidates);
}

/// The operand of the binary `root` that is not `value`'s, when `value` is
/// defined by an `OpT` used only by `root`.
template <typename OpT>
std::pair<OpT, Value> operandPair(Operation *root) {
  for (unsigned i = 0; i < 2; ++i)
    if (auto op = root->getOperand(i).getDefiningOp<OpT>();
        op && op->getResult(0).hasOneUse())
      return {op, root->getOperand(1 - i)};
  return {OpT(), nullptr};
}

/// (A@B) * s -> (A*s)@B or A@(B*s) for a constant scalar s and a constant
/// operand: the scale folds into the weight. A computed operand is not
/// offered: the FLOPs would move to an op of their own, where after the
/// contraction they run inside its register tiles (the fused kernel's
/// epilogue) and cost nothing measurable.
void matchScaleThroughMatMul(Operation *root, SmallVectorImpl<Candidate> &candidates) {
  if (!isa<MulOp>(root) || !isFloatTensor(root->getResult(0)))
    return;
  auto [matmul, scale] = operandPair<MatMulOp>(root);
  if (!matmul)
    return;
  std::optional<SmallVector<int64_t>> scaleShape = shapeOf(scale);
  if (!scaleShape || !llvm::all_of(*scaleShape, [](int64_t dim) { return dim == 1; }))
    return;
  bool scalar = scaleShape->empty();
  Value a = matmul.getA(), b = matmul.getB();
  if (!isConstantValue(scale) || (!isConstantValue(a) && !isConstantValue(b)))
    return;
  unsigned side = isConstantValue(b) ? 1 : 0;
  double saved = costOf(root->getResult(0));
  Location loc = root->getLoc();
  candidates.push_back({saved, [a, b, scale, scalar, side, loc](OpBuilder &builder) {
                          Value s = scalar ? scale
                                           : create<ReshapeOp>(builder, loc,
                                                               {scale, int64Vector(builder, loc, {})});
                          if (side == 0)
                            return create<MatMulOp>(builder, loc, {create<MulOp>(builder, loc, {a, s}), b});
                          return create<MatMulOp>(builder, loc, {a, create<MulOp>(builder, loc, {b, s})});
                        }});
}

/// How many channels a constant `value` holds when it broadcasts over
/// `conv`'s output along the channel dim only (1 for a scalar), if it does.
std::optional<int64_t> channelsOf(ConvOp conv, Value value) {
  std::optional<SmallVector<int64_t>> out = shapeOf(conv.getY()), shape = shapeOf(value);
  std::optional<SmallVector<int64_t>> weight = shapeOf(conv.getW());
  if (!out || !shape || !weight || !isConstantValue(value) || shape->size() > out->size() ||
      out->size() < 2 || ShapedType::isDynamic((*weight)[0]))
    return std::nullopt;
  int64_t channels = 1;
  size_t offset = out->size() - shape->size();
  for (size_t i = 0; i < shape->size(); ++i) {
    int64_t dim = (*shape)[i];
    if (dim == 1)
      continue;
    if (i + offset != 1 || dim != (*weight)[0])
      return std::nullopt;
    channels = dim;
  }
  return channels;
}

/// The conv `conv` with `weight` and `bias` in place of its own.
Value convWith(OpBuilder &builder, ConvOp conv, Value weight, Value bias) {
  SmallVector<NamedAttribute> attributes(conv->getAttrs());
  return createInferred(builder, conv.getLoc(), ConvOp::getOperationName(),
                        {conv.getX(), weight, bias}, attributes)
      ->getResult(0);
}

/// A Conv whose result only `RootT` reads, with a constant per-channel
/// other operand of `RootT` (and a constant bias, if any).
struct PerChannel {
  ConvOp conv;
  Value value;
  int64_t channels;
  bool hasBias;
};

template <typename RootT>
std::optional<PerChannel> perChannelOperand(Operation *root) {
  if (!isa<RootT>(root) || !isFloatTensor(root->getResult(0)))
    return std::nullopt;
  auto [conv, value] = operandPair<ConvOp>(root);
  if (!conv)
    return std::nullopt;
  bool hasBias = !isa<NoneType>(conv.getB().getType());
  if (hasBias && !isConstantValue(conv.getB()))
    return std::nullopt;
  std::optional<int64_t> channels = channelsOf(conv, value);
  if (!channels || *shapeOf(root->getResult(0)) != *shapeOf(conv.getY()))
    return std::nullopt;
  return PerChannel{conv, value, *channels, hasBias};
}

/// Conv(x, W, b) * s -> Conv(x, W*s, b*s) for a per-channel constant s (a
/// BatchNormalization's scale): the scale folds into the weights.
void matchScaleIntoConv(Operation *root, SmallVectorImpl<Candidate> &candidates) {
  std::optional<PerChannel> match = perChannelOperand<MulOp>(root);
  if (!match || !isConstantValue(match->conv.getW()))
    return;
  size_t weightRank = shapeOf(match->conv.getW())->size();
  Location loc = root->getLoc();
  candidates.push_back(
      {costOf(root->getResult(0)),
       [conv = match->conv, scale = match->value, channels = match->channels, weightRank,
        hasBias = match->hasBias, loc](OpBuilder &builder) mutable {
         SmallVector<int64_t> perRow(weightRank, 1);
         perRow[0] = channels;
         Value rows = create<ReshapeOp>(builder, loc, {scale, int64Vector(builder, loc, perRow)});
         Value weight = create<MulOp>(builder, loc, {conv.getW(), rows});
         Value bias = conv.getB();
         if (hasBias) {
           Value flat = create<ReshapeOp>(builder, loc, {scale, int64Vector(builder, loc, {channels})});
           bias = create<MulOp>(builder, loc, {bias, flat});
         }
         return convWith(builder, conv, weight, bias);
       }});
}

/// Conv(x, W, b) + t -> Conv(x, W, b + t) for a per-channel constant t.
void matchBiasIntoConv(Operation *root, SmallVectorImpl<Candidate> &candidates) {
  std::optional<PerChannel> match = perChannelOperand<AddOp>(root);
  if (!match)
    return;
  int64_t outChannels = (*shapeOf(match->conv.getW()))[0];
  Location loc = root->getLoc();
  candidates.push_back(
      {costOf(root->getResult(0)),
       [conv = match->conv, shift = match->value, channels = match->channels, outChannels,
        hasBias = match->hasBias, loc](OpBuilder &builder) mutable {
         Value flat = create<ReshapeOp>(builder, loc, {shift, int64Vector(builder, loc, {channels})});
         Value base = conv.getB();
         if (!hasBias) {
           auto type = RankedTensorType::get({outChannels},
                                             cast<ShapedType>(shift.getType()).getElementType());
           base = builder.create<ConstantOp>(
               loc, DenseElementsAttr::get(type, builder.getZeroAttr(type.getElementType())));
         }
         return convWith(builder, conv, conv.getW(), create<AddOp>(builder, loc, {base, flat}));
       }});
}

const AlgebraRule kRules[] = {
    {"reassociate-product", "associative", false, matchReassociateProduct},
    {"reassociate-sum", "associative", false, matchReassociateSum},
    {"sqrt-pair", "associative", true, matchSqrtPair},
    {"abs-pair", "associative", false, matchUnaryPair<AbsOp, MulOp>},
    {"neg-pair", "associative", false, matchNegPair},
    {"reciprocal-pair", "associative", false, matchUnaryPair<ReciprocalOp, MulOp>},
    {"exp-pair", "associative", true, matchUnaryPair<ExpOp, AddOp>},
    {"exp-reduce-prod", "commutative", false, matchExpReduceProd},
    {"factor-common", "distributive", false, matchFactorCommon},
    {"add-self-product", "distributive", false, matchAddSelfProduct},
    {"factor-matmul", "distributive", false, matchFactorMatMul},
    {"scale-through-matmul", "distributive", false, matchScaleThroughMatMul},
    {"scale-into-conv", "distributive", false, matchScaleIntoConv},
    {"bias-into-conv", "associative", false, matchBiasIntoConv},
};

} // namespace

ArrayRef<AlgebraRule> rewrite::algebraRules() { return kRules; }

bool rewrite::isAlgebraic(Operation *op) {
  return op->hasTrait<Commutative>() || op->hasTrait<Associative>() ||
         op->hasTrait<Distributive>() ||
         isa<SubOp, DivOp, SqrtOp, AbsOp, NegOp, ExpOp, ReciprocalOp, ReduceProdOp>(op);
}

bool rewrite::canonicalize(Operation *op) {
  if (op->getNumResults() != 1 || !isFloatTensor(op->getResult(0)))
    return false;
  OpBuilder builder(op);
  Location loc = op->getLoc();
  Value replacement;
  if (auto div = dyn_cast<DivOp>(op); div && isConstantValue(div.getB())) {
    Value inverse = create<ReciprocalOp>(builder, loc, {div.getB()});
    replacement = create<MulOp>(builder, loc, {div.getA(), inverse});
  } else if (auto sub = dyn_cast<SubOp>(op); sub && isConstantValue(sub.getB())) {
    Value negated = create<NegOp>(builder, loc, {sub.getB()});
    replacement = create<AddOp>(builder, loc, {sub.getA(), negated});
  } else if (auto pow = dyn_cast<PowOp>(op); pow && scalarConstant(pow.getY()) == 2.0 &&
                                               shapeOf(pow.getY())->empty()) {
    replacement = create<MulOp>(builder, loc, {pow.getX(), pow.getX()});
  }
  if (!replacement)
    return false;
  replaceAndErase(op, replacement);
  return true;
}
