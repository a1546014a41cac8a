//===- ShapeFunction.h - What an op's shape function sees -------*- C++ -*-===//
//
// Each hone op has one shape function (ShapeFunctionOpInterface): from its
// operands' dims and the values of small shape-like operands it computes its
// results' dims, as DimExprs (DimExpr.h). It is written once, in
// dialects/hone/ops/, and every user asks the op: the verifier (declared
// types must agree with it) and shape propagation fold the expressions to
// constants; the CPU code generator lowers them to compute dims at run time
// and to index kernels (Slice's starts); the conditions a shape function
// requires become compile-time errors or run-time checks.
//
// The context this file defines sees an op as its IR says: a static dim is
// a constant, a dynamic dim is an OperandDim leaf, a `hone.constant`
// operand has constant values, and a small 0-D or 1-D operand that is not a
// constant has OperandValue leaves (read from its data at run time).
//
//===----------------------------------------------------------------------===//
#ifndef HONE_DIALECTS_HONE_SHAPEFUNCTION_H
#define HONE_DIALECTS_HONE_SHAPEFUNCTION_H

#include "dialects/hone/DimExpr.h"

#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/OpDefinition.h"
#include "mlir/IR/Operation.h"

#include <optional>
#include <string>

namespace mlir::hone {

/// Ranks beyond this are not tracked (the shape stays unranked): only a
/// hostile model asks for more, and a rank is a vector allocation here.
constexpr int64_t kMaxTrackedRank = 1024;
/// Operands with at most this many elements have their values seen (as
/// constants or OperandValue leaves): shape vectors, scalars, scales.
constexpr int64_t kMaxValueElements = 64;

/// A result shape as expressions: unranked, or one DimExpr per dim.
struct ShapeResult {
  bool ranked = false;
  SmallVector<DimExpr> dims;

  static ShapeResult unranked() { return {}; }
  static ShapeResult of(ArrayRef<DimExpr> dims) {
    if (static_cast<int64_t>(dims.size()) > kMaxTrackedRank)
      return unranked();
    return {true, SmallVector<DimExpr>(dims)};
  }
  /// Rank `rank`, every dim unknown.
  static ShapeResult ofRank(int64_t rank);
};

/// A result shape folded to what is known at compile time: unranked, or a
/// list of dims (kDynamic where not a constant).
struct InferredShape {
  bool ranked = false;
  SmallVector<int64_t> dims;

  static InferredShape unranked() { return {}; }
  static InferredShape of(ArrayRef<int64_t> dims) {
    if (static_cast<int64_t>(dims.size()) > kMaxTrackedRank)
      return unranked();
    return {true, SmallVector<int64_t>(dims)};
  }
};

/// A condition a shape function requires that is not known at compile time.
struct ShapeCheck {
  DimExpr condition;
  std::string message;
};

/// How an operand is seen from outside the op (SymbolicShapes): its dims
/// and, for a small integer tensor whose elements are known as expressions,
/// its values in row-major order.
struct OperandView {
  bool ranked = false;
  SmallVector<DimExpr> dims;
  std::optional<SmallVector<DimExpr>> values;
};

class ShapeContext {
public:
  explicit ShapeContext(Operation *op);
  /// Sees the operands as `operands` says (one view per operand); values
  /// not given are seen as in the op-local view above.
  ShapeContext(Operation *op, ArrayRef<OperandView> operands);

  /// Runs the op's shape function (success with unranked results when it
  /// has none).
  LogicalResult infer();
  /// Runs the op's value function (ValueFunctionOpInterface), when it has
  /// one: the values of small integer results, from the operands' values.
  LogicalResult inferValues();

  Operation *getOp() const { return op; }
  unsigned getNumOperands() const { return op->getNumOperands(); }
  unsigned getNumResults() const { return op->getNumResults(); }
  /// True for an absent optional input (`hone.none`) or an index past the end.
  bool isAbsent(unsigned i) const;
  /// True when operand `i` is a ranked tensor.
  bool hasRank(unsigned i) const;
  /// Rank and dims of ranked operand `i`.
  int64_t getRank(unsigned i) const;
  ArrayRef<DimExpr> getDims(unsigned i) const { return operandDims[i]; }
  /// The values of integer operand `i` (constants or leaves), when it is
  /// small enough to be seen.
  std::optional<SmallVector<DimExpr>> getIntValues(unsigned i) const;
  /// The values of operand `i` as floats (integers convert).
  std::optional<SmallVector<DimExpr>> getFloatValues(unsigned i) const;
  /// Operand `i` is a 1-D tensor whose length the op's semantics fix at
  /// `count` (Resize's scales: one per dim; TopK's K: one): when its length
  /// is dynamic, requires it (a run-time check) and from then on sees its
  /// values as leaves like a static operand's. `what` names the values in
  /// the message.
  LogicalResult pinLength(unsigned i, int64_t count, const Twine &what);
  /// The rank result `i`'s type declares, when it is ranked: the model can
  /// state a rank the operands do not show (a graph output's declared type,
  /// applied at import), which pins the length of a shape operand.
  std::optional<int64_t> declaredResultRank(unsigned i) const;
  /// The values of integer operand `i` when they are all constants: for
  /// operands whose values decide which dims a result has (axes).
  std::optional<SmallVector<int64_t>> getConstantInts(unsigned i) const;

  void setResult(unsigned i, ShapeResult shape) { results[i] = std::move(shape); }
  /// Result `i`'s values (row-major), set by a value function.
  void setResultValues(unsigned i, SmallVector<DimExpr> values);
  const std::optional<SmallVector<DimExpr>> &getResultValues(unsigned i) const {
    return resultValues[i];
  }
  const ShapeResult &getResult(unsigned i) const { return results[i]; }
  /// Every result gets `shape`.
  void setAllResults(const ShapeResult &shape);

  /// `condition` must hold (be non-zero). A constant false fails with
  /// `message` as an error on the op; an unknown condition is recorded as a
  /// check for run time.
  LogicalResult require(const DimExpr &condition, const Twine &message);
  /// `a` and `b` must be equal; returns the better known of the two.
  FailureOr<DimExpr> requireEqual(const DimExpr &a, const DimExpr &b, const Twine &message);
  ArrayRef<ShapeCheck> getChecks() const { return checks; }

  /// Named values a kernel of the op needs besides the dims (Slice's
  /// resolved starts), from the same rules as the dims.
  void setAux(StringRef name, SmallVector<DimExpr> values);
  const SmallVector<DimExpr> *getAux(StringRef name) const;

private:
  Operation *op;
  SmallVector<SmallVector<DimExpr>> operandDims;
  /// Per operand: whether its rank is known, and its given values.
  SmallVector<bool> operandRanked;
  SmallVector<std::optional<SmallVector<DimExpr>>> operandValues;
  /// Per operand: a length pinLength fixed.
  SmallVector<std::optional<int64_t>> pinnedLengths;
  /// The element count of operand `i` when its values can be leaves.
  std::optional<int64_t> valueCount(unsigned i) const;
  SmallVector<ShapeResult> results;
  SmallVector<std::optional<SmallVector<DimExpr>>> resultValues;
  SmallVector<ShapeCheck> checks;
  SmallVector<std::pair<std::string, SmallVector<DimExpr>>> aux;
};

/// Trait of ops whose result values follow from operand shapes alone
/// (HoneInterfaces.td).
template <typename ConcreteType>
class ValueFromShapes : public OpTrait::TraitBase<ConcreteType, ValueFromShapes> {};

/// Runs `op`'s shape function and folds it to compile-time dims. Failure
/// means the op is ill-formed (the shape function emitted an error); unknown
/// shapes are success with kDynamic dims or unranked results.
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
