//===- SymbolicShapes.h - Every tensor's dims as expressions ----*- C++ -*-===//
//
// Rank and dimension propagation (SoD², ASPLOS'24): every dim of every
// tensor of a function is a constant, a named symbol, or an expression over
// symbols (DimExpr, canonical), and every small integer tensor that feeds a
// shape has its elements as expressions too (value propagation), so that
// Shape -> Gather -> Concat -> Reshape chains resolve to symbolic dims.
//
// Symbols come from the graph inputs' dynamic dims (an ONNX dim_param names
// one; dims with the same name are one symbol), from data the run reads (an
// element of a shape tensor computed from data), from results known only
// after their op ran (NonZero's count), and from what nothing determines.
// The ops' own shape and value functions (ShapeContext) compute everything,
// forward in program order; the equalities they require between input-dim
// symbols (a MatMul's contracted dims, a Concat's other dims) unify those
// symbols, and propagation runs again until nothing changes. A unification
// is an assumption about the inputs: the compiled model checks every one
// when a run starts, before any kernel.
//
//===----------------------------------------------------------------------===//
#ifndef HONE_PASSES_SHAPES_SYMBOLICSHAPES_H
#define HONE_PASSES_SHAPES_SYMBOLICSHAPES_H

#include "dialects/hone/HoneOps.h"
#include "dialects/hone/ShapeFunction.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"

#include "llvm/ADT/DenseMap.h"

#include <map>
#include <string>
#include <tuple>

namespace mlir::hone {

/// A symbol of a function's dims.
struct DimSymbol {
  enum Origin {
    /// Dim `dim` of graph input `argument`: known when a run starts.
    InputDim,
    /// Element `dim` of operand `argument` of `op`: read from data when the
    /// op runs.
    Data,
    /// Dim `dim` of result `argument` of `op`: known after the op ran.
    AfterRun,
    /// Nothing determines it before the run.
    Opaque,
  };
  std::string name;
  Origin origin;
  Operation *op = nullptr;
  int64_t argument = -1, dim = -1;
  /// An upper bound (an expression over other symbols), when known.
  DimExpr upperBound;
};

/// What the analysis knows of one tensor.
struct TensorDims {
  bool ranked = false;
  SmallVector<DimExpr> dims;
  /// The elements of a small integer tensor, row-major.
  std::optional<SmallVector<DimExpr>> values;
};

/// Representative value of an input-dim symbol when its size is unknown.
constexpr int64_t kRepresentativeDim = 128;

class SymbolicShapes {
public:
  /// Propagates through `func`'s body (a single block).
  explicit SymbolicShapes(func::FuncOp func);

  /// What is known of `value` (unranked when nothing is).
  const TensorDims &get(Value value) const;
  ArrayRef<DimSymbol> getSymbols() const { return symbols; }
  /// Where each input-dim symbol is bound: (argument, dim, symbol id), for
  /// every dynamic dim of every graph input (several dims may share a
  /// symbol: one dim_param, or unified).
  struct InputBinding {
    unsigned argument;
    int64_t dim;
    unsigned symbol;
  };
  ArrayRef<InputBinding> getInputBindings() const { return inputBindings; }
  /// The equalities between input-dim symbols the analysis assumed
  /// (symbol id, the expression it was replaced by).
  ArrayRef<std::pair<unsigned, DimExpr>> getAssumptions() const { return assumptions; }
  /// Whether every leaf of `e` is an input-dim symbol (or a constant): its
  /// value is known when a run starts.
  bool knownAtStart(const DimExpr &e) const;
  /// `e` printed with the symbols' names.
  std::string print(const DimExpr &e) const;
  /// `e` with the unified symbols replaced by what they equal.
  DimExpr resolve(const DimExpr &e) const { return substituted(e); }
  /// Bytes of `value` as an expression (null when its rank or element type
  /// is unknown).
  DimExpr bytes(Value value) const;
  /// `e` at representative dims: each symbol at its constant upper bound,
  /// else `unknownDim` (plans and cost models that need one number; a plan
  /// that depends on the size evaluates itself at several).
  std::optional<int64_t> representative(const DimExpr &e, int64_t unknownDim = kRepresentativeDim) const;

private:
  void propagate(Block &body);
  void visit(Operation &op);
  /// If and Loop: their regions' ops are visited, and the results take the
  /// dims the regions yield where those do not change (else a symbol known
  /// after the op ran).
  void visitFused(FusedOp op);
  void visitIf(IfOp op);
  void visitLoop(LoopOp op);
  /// `a` where it equals `b`, else dim `dim` of result `result` of `op`
  /// known after the op ran, at most max(a, b).
  DimExpr joined(const DimExpr &a, const DimExpr &b, Operation *op, unsigned result, int64_t dim);
  DimExpr substituted(const DimExpr &e) const;
  /// The global form of an expression of `op`'s shape function: its leaves
  /// (operand values, result dims after the run, unknowns) become symbols.
  DimExpr globalize(const DimExpr &e, Operation *op, unsigned result, int64_t dim);
  unsigned symbolFor(std::tuple<Operation *, int, int64_t, int64_t> key, DimSymbol symbol);
  /// Unifies what `condition` says equal, when both sides are input dims.
  bool unify(const DimExpr &condition);

  func::FuncOp func;
  std::vector<DimSymbol> symbols;
  std::map<std::tuple<Operation *, int, int64_t, int64_t>, unsigned> symbolKeys;
  std::map<std::string, unsigned> symbolsByName;
  llvm::DenseMap<Value, TensorDims> tensors;
  /// Unified symbols: id -> what replaces it.
  std::map<unsigned, DimExpr> replacements;
  std::vector<std::pair<unsigned, DimExpr>> assumptions;
  std::vector<InputBinding> inputBindings;
  TensorDims unknown;
};

} // namespace mlir::hone

#endif // HONE_PASSES_SHAPES_SYMBOLICSHAPES_H
