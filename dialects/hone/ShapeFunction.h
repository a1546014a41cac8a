//===- ShapeFunction.h - What an op's shape function sees -------*- C++ -*-===//
//
// Each hone op has one shape function (ShapeFunctionOpInterface): from its
// operands' types, and the values of operands that are constants, it computes
// its results' shapes. It is written once, in dialects/hone/ops/, and every
// user asks the op: the verifier (declared types must agree with it), shape
// propagation, and codegen. Dims are constants or unknown
// (ShapedType::kDynamic) here; symbolic dims extend this context, not the
// shape functions' signatures.
//
//===----------------------------------------------------------------------===//
#ifndef HONE_DIALECTS_HONE_SHAPEFUNCTION_H
#define HONE_DIALECTS_HONE_SHAPEFUNCTION_H

#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/OpDefinition.h"
#include "mlir/IR/Operation.h"

#include <optional>

namespace mlir::hone {

/// Ranks beyond this are not tracked (the shape stays unranked): only a
/// hostile model asks for more, and a rank is a vector allocation here.
constexpr int64_t kMaxTrackedRank = 1024;

/// A result shape: unranked, or a list of dims (kDynamic where unknown).
struct InferredShape {
  bool ranked = false;
  SmallVector<int64_t> dims;

  static InferredShape unranked() { return {}; }
  static InferredShape of(ArrayRef<int64_t> dims) {
    if (static_cast<int64_t>(dims.size()) > kMaxTrackedRank)
      return unranked();
    return {true, SmallVector<int64_t>(dims)};
  }
  /// Rank `rank`, every dim unknown.
  static InferredShape ofRank(int64_t rank) {
    if (rank < 0 || rank > kMaxTrackedRank)
      return unranked();
    return {true, SmallVector<int64_t>(rank, ShapedType::kDynamic)};
  }
};

class ShapeContext {
public:
  explicit ShapeContext(Operation *op);

  Operation *getOp() const { return op; }
  unsigned getNumOperands() const { return op->getNumOperands(); }
  unsigned getNumResults() const { return op->getNumResults(); }
  /// True for an absent optional input (`hone.none`) or an index past the end.
  bool isAbsent(unsigned i) const;
  /// True when operand `i` is a ranked tensor.
  bool hasRank(unsigned i) const;
  /// Rank and dims of ranked operand `i`.
  int64_t getRank(unsigned i) const;
  ArrayRef<int64_t> getDims(unsigned i) const;
  /// The values of operand `i` when it is an integer `hone.constant`.
  std::optional<SmallVector<int64_t>> getIntValues(unsigned i) const;
  /// The values of operand `i` when it is a floating-point `hone.constant`.
  std::optional<SmallVector<double>> getFloatValues(unsigned i) const;

  void setResult(unsigned i, InferredShape shape) { results[i] = std::move(shape); }
  const InferredShape &getResult(unsigned i) const { return results[i]; }
  /// Every result gets `shape`.
  void setAllResults(const InferredShape &shape);

private:
  Operation *op;
  SmallVector<InferredShape> results;
};

/// Trait of ops whose result values follow from operand shapes alone
/// (HoneInterfaces.td).
template <typename ConcreteType>
class ValueFromShapes : public OpTrait::TraitBase<ConcreteType, ValueFromShapes> {};

/// Runs `op`'s shape function. Failure means the op is ill-formed (the shape
/// function emitted an error); unknown shapes are success with kDynamic dims
/// or unranked results.
LogicalResult inferShapes(Operation *op, SmallVectorImpl<InferredShape> &results);

/// The more precise of `declared` and `inferred` (every static dim either
/// gives), or null when neither adds anything or they disagree.
Type refinedType(Type declared, const InferredShape &inferred);

/// Refines `op`'s result types with its shape function (quietly: an
/// ill-formed op is left for the verifier to report); true when a type
/// changed.
bool refineResultTypes(Operation *op);

/// Checks the result types `op` declares against its shape function: ranks
/// and static dims must agree. Part of every hone op's verifier.
LogicalResult verifyResultShapes(Operation *op);

} // namespace mlir::hone

#endif // HONE_DIALECTS_HONE_SHAPEFUNCTION_H
