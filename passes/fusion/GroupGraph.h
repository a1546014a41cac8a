//===- GroupGraph.h - What fusion planning asks of a body --------*- C++ -*-===//
//
// The questions the seed-based planner (FusionPlanner.cpp) and the row-strip
// merger (StripChains.cpp) both ask of a function body: where an op sits,
// whether a candidate group keeps the graph acyclic once it is one op, and
// the representative sizes their cost models weigh.
//
//===----------------------------------------------------------------------===//
#ifndef HONE_PASSES_FUSION_GROUPGRAPH_H
#define HONE_PASSES_FUSION_GROUPGRAPH_H

#include "passes/shapes/SymbolicShapes.h"

#include "mlir/IR/Block.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"

namespace mlir::hone {

class GroupGraph {
public:
  GroupGraph(Block &body, const SymbolicShapes &shapes);

  /// Sorts `ops` (of the body) in program order.
  void sortOps(MutableArrayRef<Operation *> ops) const;
  /// Whether `group` as one op keeps the graph acyclic: no value it reads
  /// from outside depends on the group itself.
  bool acyclic(const llvm::DenseSet<Operation *> &group) const;
  /// Bytes of `value` at representative dims (SymbolicShapes::representative,
  /// dims without a bound at `unknownDim`); 0 when unknown.
  double bytesOf(Value value, int64_t unknownDim = kRepresentativeDim) const;
  /// Elements of `value` at representative dims.
  double elementsOf(Value value, int64_t unknownDim = kRepresentativeDim) const;

  const SymbolicShapes &shapes;

private:
  int64_t position(Operation *op) const { return positions.lookup(op); }
  /// Whether `from` (outside the group) reads, through any chain of ops, a
  /// value of `group`. Ops before the group's first can not.
  bool reachesGroup(Operation *from, const llvm::DenseSet<Operation *> &group, int64_t earliest) const;

  llvm::DenseMap<Operation *, int64_t> positions;
};

} // namespace mlir::hone

#endif // HONE_PASSES_FUSION_GROUPGRAPH_H
