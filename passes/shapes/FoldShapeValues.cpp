//===- FoldShapeValues.cpp - Shape tensors known symbolically, folded -----===//
//
// With dynamic dims an exporter's shape computations (Shape -> Gather ->
// Unsqueeze -> Concat -> Reshape: attention's split into heads) cannot be
// evaluated when the model is compiled, but the symbolic analysis knows
// their elements as expressions over the input dims (SymbolicShapes'
// values). Left as they are they run as a dozen tiny kernels per block and
// leave the Reshape's result with no static dim, so every kernel after it
// is compiled for run-time extents (4 heads of 64 as `?x?`). Two rewrites:
//
//  - an integer tensor whose every element is a constant becomes a
//    constant (a head's width, 256 / 4, where 256 is a static dim);
//  - a Reshape (allowzero = 0) whose target has elements that are not
//    constants reads a constant target instead when each of them is either
//    the input's dim at the same position (written 0: "copy the input's
//    dim") or, for one of them, what the element count leaves (-1). ONNX
//    gives those the values the analysis found, since the original target's
//    elements multiply to the element count.
//
// What the chains leave unread is erased by the canonicalizer; InferShapes
// then gives the Reshape's result its static dims.
//
//===----------------------------------------------------------------------===//
#include "passes/shapes/Passes.h"
#include "passes/shapes/SymbolicShapes.h"

#include "dialects/hone/HoneOps.h"

namespace mlir::hone {
#define GEN_PASS_DEF_FOLDSHAPEVALUESPASS
#include "passes/shapes/Passes.h.inc"
} // namespace mlir::hone

using namespace mlir;
using namespace mlir::hone;

namespace {

/// The constant elements of `t`, a known integer tensor, when every one is
/// a constant; its static shape in `shape`.
std::optional<SmallVector<int64_t>> constantValues(const TensorDims &t, SmallVector<int64_t> &shape) {
  if (!t.ranked || !t.values)
    return std::nullopt;
  shape.clear();
  for (const DimExpr &d : t.dims) {
    std::optional<int64_t> size = d.isValid() ? d.getConstant() : std::nullopt;
    if (!size)
      return std::nullopt;
    shape.push_back(*size);
  }
  SmallVector<int64_t> values;
  for (const DimExpr &e : *t.values) {
    std::optional<int64_t> value = e.isValid() ? e.getConstant() : std::nullopt;
    if (!value)
      return std::nullopt;
    values.push_back(*value);
  }
  return values;
}

/// The constant target of `reshape` (see the file comment), if it has one
/// and its target is not a constant already.
std::optional<SmallVector<int64_t>> constantTarget(ReshapeOp reshape, const SymbolicShapes &shapes) {
  if (reshape.getAllowzero() != 0 || reshape.getShape().getDefiningOp<ConstantOp>())
    return std::nullopt;
  const TensorDims &target = shapes.get(reshape.getShape());
  const TensorDims &input = shapes.get(reshape.getData());
  if (!target.values || !input.ranked)
    return std::nullopt;
  SmallVector<int64_t> elements;
  bool inferred = llvm::any_of(*target.values, [](const DimExpr &e) {
    return e.isValid() && e.getConstant() == std::optional<int64_t>(-1);
  });
  for (auto [i, element] : llvm::enumerate(*target.values)) {
    if (!element.isValid())
      return std::nullopt;
    if (std::optional<int64_t> value = element.getConstant()) {
      elements.push_back(*value);
      continue;
    }
    DimExpr wanted = shapes.resolve(element);
    if (i < input.dims.size() && input.dims[i].isValid() && shapes.resolve(input.dims[i]) == wanted) {
      elements.push_back(0);
      continue;
    }
    if (inferred)
      return std::nullopt;
    inferred = true;
    elements.push_back(-1);
  }
  return elements;
}

/// A constant of `elementType` (an integer type) with `values` and `shape`.
Value integerConstant(OpBuilder &builder, Location loc, Type elementType, ArrayRef<int64_t> shape,
                      ArrayRef<int64_t> values) {
  auto type = RankedTensorType::get(shape, elementType);
  unsigned width = elementType.getIntOrFloatBitWidth();
  SmallVector<APInt> elements;
  for (int64_t v : values)
    elements.push_back(APInt(width, static_cast<uint64_t>(v), /*isSigned=*/true));
  return builder.create<ConstantOp>(loc, DenseElementsAttr::get(type, elements));
}

struct FoldShapeValuesPass final : mlir::hone::impl::FoldShapeValuesPassBase<FoldShapeValuesPass> {
  using Base::Base;
  void runOnOperation() override;
};

void FoldShapeValuesPass::runOnOperation() {
  func::FuncOp func = getOperation();
  if (!func.getBody().hasOneBlock())
    return;
  // Every decision first, from one analysis (the rewrites add values it
  // has not seen), then the rewrites.
  SymbolicShapes shapes(func);
  struct Folded {
    Operation *op;
    SmallVector<int64_t> shape, values;
  };
  SmallVector<Folded> folded;
  SmallVector<std::pair<ReshapeOp, SmallVector<int64_t>>> targets;
  for (Operation &op : func.getBody().front()) {
    if (auto reshape = dyn_cast<ReshapeOp>(op))
      if (std::optional<SmallVector<int64_t>> target = constantTarget(reshape, shapes))
        targets.push_back({reshape, *target});
    if (isa<ConstantOp>(op) || op.getNumResults() != 1 || op.getNumRegions() != 0)
      continue;
    auto type = dyn_cast<RankedTensorType>(op.getResult(0).getType());
    if (!type || !type.getElementType().isSignlessInteger() || type.getElementType().isInteger(1))
      continue;
    // A function result keeps its op (its type is the function's).
    if (llvm::any_of(op.getUsers(), [](Operation *user) { return user->hasTrait<OpTrait::IsTerminator>(); }))
      continue;
    SmallVector<int64_t> shape;
    if (std::optional<SmallVector<int64_t>> values = constantValues(shapes.get(op.getResult(0)), shape))
      folded.push_back({&op, shape, *values});
  }
  OpBuilder builder(&getContext());
  for (const Folded &f : folded) {
    builder.setInsertionPoint(f.op);
    Type element = cast<RankedTensorType>(f.op->getResult(0).getType()).getElementType();
    Value constant = integerConstant(builder, f.op->getLoc(), element, f.shape, f.values);
    f.op->getResult(0).replaceAllUsesWith(constant);
  }
  for (auto &[reshape, target] : targets) {
    builder.setInsertionPoint(reshape);
    Type element = cast<ShapedType>(reshape.getShape().getType()).getElementType();
    Value constant = integerConstant(builder, reshape.getLoc(), element,
                                     {static_cast<int64_t>(target.size())}, target);
    reshape->setOperand(1, constant);
  }
}

} // namespace
