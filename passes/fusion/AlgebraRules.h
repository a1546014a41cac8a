//===- AlgebraRules.h - Rewrite rules by algebraic properties ---*- C++ -*-===//
//
// DNNFusion's graph rewriting (PLDI'21, §4.2, Table 4): rules derived from
// the associative, commutative and distributive properties of ops, each
// offered with the FLOPs it saves so that the rewriter can apply the best one
// first. Costs count one FLOP per element an elementwise op writes (two per
// multiply-add of a contraction) and nothing for values known at compile
// time, which constant folding computes once.
//
//===----------------------------------------------------------------------===//
#ifndef HONE_PASSES_FUSION_ALGEBRARULES_H
#define HONE_PASSES_FUSION_ALGEBRARULES_H

#include "mlir/IR/Builders.h"
#include "mlir/IR/Operation.h"

#include <functional>

namespace mlir::hone::rewrite {

/// One way to rewrite the value of a root op.
struct Candidate {
  /// FLOPs the graph loses (ops left dead minus ops built).
  double flopsSaved = 0;
  /// Builds, before the root, the value that replaces the root's result.
  std::function<Value(OpBuilder &)> build;
};

struct AlgebraRule {
  llvm::StringLiteral name;
  /// The property the rule follows from: associative, commutative or
  /// distributive.
  llvm::StringLiteral property;
  /// Whether the rule can change results on special values (a negative under
  /// a square root, an overflow to infinity), beyond rounding: such rules run
  /// only with relaxed math.
  bool relaxed;
  /// Adds the rule's candidates at `root` to `candidates`, whatever they
  /// save: the same list in the same order at every costing size of `?`
  /// dims (RewriteSupport.h), so that the driver can take the least saving.
  void (*match)(Operation *root, SmallVectorImpl<Candidate> &candidates);
};

/// Every rule, in a fixed order (ties go to the earlier rule).
ArrayRef<AlgebraRule> algebraRules();

/// Whether `op` takes part in the partitions rules match within: it has an
/// algebraic property, or it is an op a rule reads through (Sub, Div, Sqrt,
/// Abs, Neg, Exp, Reciprocal, ReduceProd).
bool isAlgebraic(Operation *op);

/// The canonical forms the rules assume, applied to `op` before matching:
/// x / c -> x * (1/c), x - c -> x + (-c) for constants c, and Pow(x, 2) ->
/// x * x. Returns true when `op` was replaced.
bool canonicalize(Operation *op);

} // namespace mlir::hone::rewrite

#endif // HONE_PASSES_FUSION_ALGEBRARULES_H
