//===- RewriteSupport.h - What graph rewrites before fusion share -*- C++ -*-===//
//
// The algebraic rewriter and the pattern recogniser build new hone ops in
// place of matched ones. They share how a rewrite is costed (elementwise
// FLOPs over static shapes), how new ops get their types (the op's own shape
// function) and how dead ops go.
//
//===----------------------------------------------------------------------===//
#ifndef HONE_PASSES_FUSION_REWRITESUPPORT_H
#define HONE_PASSES_FUSION_REWRITESUPPORT_H

#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/Operation.h"

#include <optional>

namespace mlir::hone::rewrite {

/// The sizes a `?` dim is costed at. A rewrite must save FLOPs at both: a
/// `?` may be a batch of 1 or a sequence of hundreds, and a rewrite that
/// pays off only for one of them (reordering a sum whose terms broadcast
/// over a `?` that is really 1) is not made.
constexpr int64_t kDynamicDimSizes[] = {128, 1};

/// Scopes the size `?` dims are costed at (default: the first of
/// kDynamicDimSizes).
class CostingDynamicDim {
public:
  explicit CostingDynamicDim(int64_t size);
  ~CostingDynamicDim();

private:
  int64_t saved;
};

/// `value`'s shape, or none when it is not a ranked tensor.
std::optional<SmallVector<int64_t>> shapeOf(Value value);

/// Elements of a shape, a `?` counting the costing size.
double elementCount(ArrayRef<int64_t> shape);
/// Elements of `value` (1e9 when unranked: never worth touching).
double elementCount(Value value);

/// The numpy broadcast of two shapes (a `?` against n gives n).
SmallVector<int64_t> broadcastShape(ArrayRef<int64_t> a, ArrayRef<int64_t> b);

/// Whether `value` is a tensor of floats: the only tensors rewritten, since
/// the rules are identities of real arithmetic.
bool isFloatTensor(Value value);

/// Whether `value` is known at compile time: a constant, or a pure op over
/// such values (constant folding, run after the rewrites, makes it one).
/// Computing it costs nothing at run time.
bool isConstantValue(Value value);

/// The value of a one-element constant, if `value` is one.
std::optional<double> scalarConstant(Value value);
/// The values of an integer constant (axes, shapes).
std::optional<SmallVector<int64_t>> intConstant(Value value);

/// Creates an `OpT` over `operands` with `attributes`; its result types come
/// from its shape function (element type from the first tensor operand).
template <typename OpT>
Value create(OpBuilder &builder, Location loc, ValueRange operands,
             ArrayRef<NamedAttribute> attributes = {});
Operation *createInferred(OpBuilder &builder, Location loc, StringRef name, ValueRange operands,
                          ArrayRef<NamedAttribute> attributes, unsigned numResults = 1);

template <typename OpT>
Value create(OpBuilder &builder, Location loc, ValueRange operands,
             ArrayRef<NamedAttribute> attributes) {
  return createInferred(builder, loc, OpT::getOperationName(), operands, attributes)->getResult(0);
}

/// A rank-0 constant of `like`'s element type.
Value scalarLike(OpBuilder &builder, Location loc, Value like, double value);
/// A 1-D i64 constant (shapes, axes).
Value int64Vector(OpBuilder &builder, Location loc, ArrayRef<int64_t> values);

/// Replaces `root`'s single result by `replacement` (given the result's
/// type, which rewrites preserve) and erases every op left dead by it.
void replaceAndErase(Operation *root, Value replacement);

} // namespace mlir::hone::rewrite

#endif // HONE_PASSES_FUSION_REWRITESUPPORT_H
