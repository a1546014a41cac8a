//===- SplitProjections.cpp - A split of a product becomes its own product ===//
//
// The layout stage's projection-split rule (LayoutRules.h). Attention
// exported from PyTorch computes q, k and v with one product and splits it:
//
//   qkv = matmul(x, W) + b                      [B, S, 3*H*D]
//   t   = transpose(reshape(qkv, [B, S, 3, H, D]), [2, 0, 3, 1, 4])
//   q   = gather(t, 0)   k = gather(t, 1)   v = gather(t, 2)   [B, H, S, D]
//
// The Reshape is a view, but the Transpose and the Gathers move every
// element of the product once more (a kernel of their own: a Shuffle
// after a Many-to-Many, which fusion keeps apart). Each Gather takes the
// columns of W that one part's elements come from, so it is itself a
// product, computed in the Gather's layout from the start:
//
//   q = matmul(unsqueeze(x, [1]), W_q) + b_q    W_q: [1, H, K, D], b_q: [1, H, 1, D]
//
// W_q and b_q are W and b reshaped, gathered and transposed: constants the
// stage folds. The heads become a batch dim of the weights, over which x
// broadcasts, so nothing is moved at run time. The rule applies where the
// Reshape splits only the product's last dim, the Gather takes one index
// of one of its parts, and the Gather's dims are the product's batch dims
// in order and the parts left (in any order), then the product's rows,
// then a part of at least kMinRowSize (the width of each product computed:
// a narrower one fills its vectors poorly). Every user of the Transpose
// must be such a Gather, so that the whole product goes; FLOPs are the same.
//
//===----------------------------------------------------------------------===//
#include "passes/layout/LayoutRules.h"

#include "passes/fusion/RewriteSupport.h"

#include "llvm/ADT/STLExtras.h"

#include <numeric>

using namespace mlir;
using namespace mlir::hone;
using layout::staticShape;

namespace {

/// The narrowest part computed as a product of its own: 16 floats fill one
/// AVX-512 vector (x86) or four NEON ones. Measured at 16 (Swin's heads):
/// the three products ran 8% faster than the product and its split.
constexpr int64_t kMinRowSize = 16;

/// What a Gather of a split product takes.
struct ProjectionSplit {
  Value input;   // x, [batch..., M, K]
  Value weights; // W, [K, N]
  Value bias;    // b, [N] or [1, ..., 1, N]; null when there is none
  bool biasFirst = false;
  int64_t productRank = 0;         // rank of x W: [batch..., M, N]
  SmallVector<int64_t> parts;      // N split: [f_0, ..., f_p]
  int64_t part = 0;                // the part the Gather indexes
  SmallVector<int64_t> sources;    // for each dim of the Gather's result, the Reshape's dim
  Operation *splitter = nullptr;   // the Transpose (or Reshape) every Gather reads
};

/// The product and bias behind `value`: matmul(x, W) or matmul(x, W) + b
/// (either order), W and b known at compile time, each read only once.
bool matchProjection(Value value, int64_t n, ProjectionSplit &split) {
  Value product = value;
  if (auto add = value.getDefiningOp<AddOp>()) {
    for (unsigned side : {0u, 1u}) {
      Value other = add->getOperand(1 - side);
      if (other.getDefiningOp<MatMulOp>() && rewrite::isConstantValue(add->getOperand(side))) {
        split.bias = add->getOperand(side);
        split.biasFirst = side == 0;
        product = other;
        break;
      }
    }
    if (!split.bias || !product.hasOneUse())
      return false;
    std::optional<ArrayRef<int64_t>> biasShape = staticShape(split.bias);
    if (!biasShape || biasShape->empty() || biasShape->back() != n ||
        static_cast<int64_t>(biasShape->size()) > split.productRank ||
        llvm::any_of(biasShape->drop_back(), [](int64_t d) { return d != 1; }))
      return false;
  }
  auto matmul = product.getDefiningOp<MatMulOp>();
  if (!matmul)
    return false;
  split.input = matmul.getA();
  split.weights = matmul.getB();
  std::optional<ArrayRef<int64_t>> weightShape = staticShape(split.weights);
  auto inputType = dyn_cast<RankedTensorType>(split.input.getType());
  return weightShape && weightShape->size() == 2 && (*weightShape)[1] == n &&
         rewrite::isConstantValue(split.weights) && inputType && inputType.getRank() == split.productRank;
}

std::optional<ProjectionSplit> matchSplit(GatherOp gather) {
  auto indicesType = dyn_cast<RankedTensorType>(gather.getIndices().getType());
  std::optional<SmallVector<int64_t>> index = rewrite::intConstant(gather.getIndices());
  if (!indicesType || indicesType.getRank() != 0 || !index || index->size() != 1)
    return std::nullopt;
  ProjectionSplit split;
  Value source = gather.getData();
  ReshapeOp reshape;
  SmallVector<int64_t> perm;
  if (auto transpose = source.getDefiningOp<TransposeOp>()) {
    reshape = transpose.getData().getDefiningOp<ReshapeOp>();
    if (!reshape || !reshape->hasOneUse())
      return std::nullopt;
    perm = layout::permutationOf(transpose);
    split.splitter = transpose;
  } else {
    reshape = source.getDefiningOp<ReshapeOp>();
    split.splitter = reshape;
  }
  if (!reshape)
    return std::nullopt;
  Value product = reshape.getData();
  auto productType = dyn_cast<RankedTensorType>(product.getType());
  auto splitType = dyn_cast<RankedTensorType>(reshape.getResult().getType());
  if (!productType || !splitType || !product.hasOneUse() || !rewrite::isFloatTensor(product))
    return std::nullopt;
  int64_t rank = productType.getRank();
  ArrayRef<int64_t> productShape = productType.getShape(), splitShape = splitType.getShape();
  int64_t n = productShape.back();
  if (rank < 2 || ShapedType::isDynamic(n) || static_cast<int64_t>(splitShape.size()) < rank + 1)
    return std::nullopt;
  if (perm.empty())
    perm = llvm::to_vector(llvm::seq<int64_t>(0, static_cast<int64_t>(splitShape.size())));
  // The leading dims stay: equal, and at most one of them known only at run
  // time (as many elements on both sides, so it is the same one).
  int64_t dynamic = 0;
  for (int64_t d = 0; d < rank - 1; ++d) {
    if (productShape[d] != splitShape[d])
      return std::nullopt;
    dynamic += ShapedType::isDynamic(productShape[d]);
  }
  split.parts.assign(splitShape.begin() + rank - 1, splitShape.end());
  if (dynamic > 1 || llvm::any_of(split.parts, ShapedType::isDynamic) ||
      std::accumulate(split.parts.begin(), split.parts.end(), int64_t{1}, std::multiplies<>()) != n)
    return std::nullopt;
  split.productRank = rank;
  if (!matchProjection(product, n, split))
    return std::nullopt;
  // The Gather takes one index of one part.
  int64_t axis = gather.getAxis();
  if (axis < 0)
    axis += static_cast<int64_t>(perm.size());
  if (axis < 0 || axis >= static_cast<int64_t>(perm.size()) || perm[axis] < rank - 1)
    return std::nullopt;
  split.part = perm[axis] - (rank - 1);
  int64_t taken = (*index)[0] < 0 ? (*index)[0] + split.parts[split.part] : (*index)[0];
  if (taken < 0 || taken >= split.parts[split.part])
    return std::nullopt;
  for (int64_t d = 0; d < static_cast<int64_t>(perm.size()); ++d)
    if (d != axis)
      split.sources.push_back(perm[d]);
  // [batch dims in order and parts..., rows, a part]: a batched product.
  size_t resultRank = split.sources.size();
  if (split.sources.back() < rank - 1 || split.sources[resultRank - 2] != rank - 2 ||
      split.parts[split.sources.back() - (rank - 1)] < kMinRowSize)
    return std::nullopt;
  int64_t lastBatch = -1;
  for (size_t j = 0; j + 2 < resultRank; ++j) {
    if (split.sources[j] >= rank - 1)
      continue;
    if (split.sources[j] <= lastBatch)
      return std::nullopt;
    lastBatch = split.sources[j];
  }
  return split;
}

/// `value`, whose dims are `leading` dims and then the parts, with the
/// index `indices` of the part taken, the other parts first in the order
/// the Gather's result has them, then the leading dims, then the last
/// part, reshaped to `shape`: a constant's columns laid out for one part's
/// product (the weights: one leading dim, K; the bias: none).
Value takePart(OpBuilder &builder, Location loc, const ProjectionSplit &split, Value value, Value indices,
               int64_t leading, ArrayRef<int64_t> shape) {
  Value taken = rewrite::create<GatherOp>(
      builder, loc, {value, indices}, {builder.getNamedAttr("axis", builder.getI64IntegerAttr(leading + split.part))});
  int64_t rank = split.productRank;
  auto position = [&](int64_t source) {
    int64_t part = source - (rank - 1);
    return leading + (part < split.part ? part : part - 1);
  };
  SmallVector<int64_t> perm;
  for (size_t j = 0; j + 2 < split.sources.size(); ++j)
    if (split.sources[j] >= rank - 1)
      perm.push_back(position(split.sources[j]));
  for (int64_t d = 0; d < leading; ++d)
    perm.push_back(d);
  perm.push_back(position(split.sources.back()));
  if (!llvm::equal(perm, llvm::seq<int64_t>(0, static_cast<int64_t>(perm.size()))))
    taken = rewrite::createInferred(builder, loc, TransposeOp::getOperationName(), {taken},
                                    {builder.getNamedAttr("perm", builder.getI64ArrayAttr(perm))})
                ->getResult(0);
  return rewrite::create<ReshapeOp>(builder, loc, {taken, rewrite::int64Vector(builder, loc, shape)});
}

/// Erases `value`'s op and the ops only it read, when nothing reads it.
void eraseIfDead(Value value) {
  Operation *op = value.getDefiningOp();
  if (!op || !op->use_empty())
    return;
  SmallVector<Value> operands(op->getOperands());
  op->erase();
  for (Value operand : operands)
    eraseIfDead(operand);
}

} // namespace

bool layout::splitProjection(GatherOp gather) {
  std::optional<ProjectionSplit> split = matchSplit(gather);
  if (!split)
    return false;
  // Every reader of the split must go, or the whole product stays too.
  for (Operation *user : split->splitter->getUsers()) {
    auto other = dyn_cast<GatherOp>(user);
    if (!other || other.getData() != split->splitter->getResult(0) || !matchSplit(other))
      return false;
  }
  int64_t rank = split->productRank;
  size_t resultRank = split->sources.size();
  auto isPart = [&](int64_t source) { return source >= rank - 1; };
  auto partSize = [&](int64_t source) { return split->parts[source - (rank - 1)]; };
  OpBuilder builder(gather);
  Location loc = gather.getLoc();

  // x with a unit dim where the result has a part before its last two dims.
  Value input = split->input;
  SmallVector<int64_t> unitAxes;
  for (size_t j = 0; j + 2 < resultRank; ++j)
    if (isPart(split->sources[j]))
      unitAxes.push_back(static_cast<int64_t>(j));
  if (!unitAxes.empty()) {
    if (std::optional<ArrayRef<int64_t>> shape = staticShape(input)) {
      SmallVector<int64_t> viewed;
      for (size_t j = 0; j + 2 < resultRank; ++j)
        viewed.push_back(isPart(split->sources[j]) ? 1 : (*shape)[split->sources[j]]);
      viewed.append({(*shape)[rank - 2], (*shape)[rank - 1]});
      input = rewrite::create<ReshapeOp>(builder, loc, {input, rewrite::int64Vector(builder, loc, viewed)});
    } else {
      input = rewrite::create<UnsqueezeOp>(builder, loc, {input, rewrite::int64Vector(builder, loc, unitAxes)});
    }
  }

  // W: [K, N] -> [K, parts...] -> the part taken -> [parts or 1..., K, last part].
  int64_t k = (*staticShape(split->weights))[0];
  SmallVector<int64_t> weightParts{k};
  weightParts.append(split->parts);
  SmallVector<int64_t> weightShape, biasShape;
  for (size_t j = 0; j + 2 < resultRank; ++j) {
    int64_t size = isPart(split->sources[j]) ? partSize(split->sources[j]) : 1;
    weightShape.push_back(size);
    biasShape.push_back(size);
  }
  int64_t width = partSize(split->sources.back());
  weightShape.append({k, width});
  biasShape.append({1, width});
  Value weights = rewrite::create<ReshapeOp>(builder, loc, {split->weights, rewrite::int64Vector(builder, loc, weightParts)});
  weights = takePart(builder, loc, *split, weights, gather.getIndices(), 1, weightShape);

  Value result = rewrite::create<MatMulOp>(builder, loc, {input, weights});
  if (split->bias) {
    Value bias = rewrite::create<ReshapeOp>(builder, loc, {split->bias, rewrite::int64Vector(builder, loc, split->parts)});
    bias = takePart(builder, loc, *split, bias, gather.getIndices(), 0, biasShape);
    result = rewrite::create<AddOp>(builder, loc, split->biasFirst ? ValueRange{bias, result} : ValueRange{result, bias});
  }
  if (result.getType() != gather.getType()) {
    // The match promises the Gather's type; should a case slip through,
    // the graph is left as it was.
    eraseIfDead(result);
    return false;
  }
  rewrite::replaceAndErase(gather, result);
  return true;
}
