//===- MemoryPlan.h - Arena offsets as expressions over input dims -*- C++ -*-===//
//
// The compile-time memory plan (SoD², ASPLOS'24): every intermediate tensor
// whose size is known when a run starts (a constant, or an expression of the
// graph inputs' dims) gets an offset in one arena, so that tensors whose
// lifetimes overlap never share bytes. Offsets of symbolic sizes are
// expressions too, evaluated once per input shape at run time; tensors whose
// size depends on data are left to the runtime's scratch.
//
// The plan is first made for representative sizes (each input-dim symbol at
// its bound, or 128) by the greedy of decreasing size, each tensor at the
// lowest aligned gap clear of the live ones. With static sizes that plan is
// the answer. With symbolic ones it fixes an order: each tensor sits at the
// end of the highest live tensor placed below it in the representative
// plan, which is clear of every such tensor whatever the dims (sizes only
// shift what is above them).
//
// Reshape-class ops take no memory: their result is a view of the
// operand's storage, which lives until the last use of any of its views.
// A function result stays a copy when it would view a graph input or the
// weights (outputs never alias memory the caller or the library owns).
//
//===----------------------------------------------------------------------===//
#ifndef HONE_PASSES_MEMORY_MEMORYPLAN_H
#define HONE_PASSES_MEMORY_MEMORYPLAN_H

#include "passes/shapes/SymbolicShapes.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"

#include "llvm/ADT/DenseMap.h"

namespace mlir::hone {

struct MemoryPlan {
  /// The offset of every planned tensor: a constant, or (symbolic plans) the
  /// symbol of an offset variable.
  llvm::DenseMap<Value, DimExpr> offsets;
  /// Symbolic plans: the offset variables in evaluation order, each with its
  /// definition (over input-dim symbols and earlier variables). Their
  /// symbol ids follow the analysis' symbols.
  std::vector<std::pair<unsigned, DimExpr>> variables;
  /// Bytes the arena needs (aligned).
  DimExpr arenaBytes = DimExpr(0);
  /// Whether any offset or size is an expression (not a constant).
  bool symbolic = false;
  /// Results that are views of another tensor's bytes (isViewOp), with the
  /// tensor whose storage they share (planned, a graph input or weights).
  /// They take no space; their root lives as long as they are used.
  llvm::DenseMap<Value, Value> views;
};

/// Ops whose result is their first operand's elements in the same order
/// under other dims (Reshape, Flatten, Squeeze, Unsqueeze, Identity): the
/// plan makes the result a view of the operand, not a copy.
bool isViewOp(Operation *op);

/// Plans `func`'s single block. `alignment` is a power of two.
MemoryPlan planMemory(func::FuncOp func, const SymbolicShapes &shapes, int64_t alignment);

} // namespace mlir::hone

#endif // HONE_PASSES_MEMORY_MEMORYPLAN_H
