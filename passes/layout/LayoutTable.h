//===- LayoutTable.h - SmartMem's producer-consumer table -------*- C++ -*-===//
//
// What layout transformation elimination does with an edge from a
// producer to a consumer, by their layout classes (SmartMem, ASPLOS'24,
// Tables 5 and 6): the action, the class of the op that results, and
// which op's layout is searched. A Fixed op (a Reshape, a Transpose, a
// Gather) is eliminated into the index map of its neighbour; two Variable
// ops fuse where DNNFusion's rules allow, except two input-layout
// dependent ones (a MatMul into a MatMul), which both stay and both have
// their layouts searched.
//
//===----------------------------------------------------------------------===//
#ifndef HONE_PASSES_LAYOUT_LAYOUTTABLE_H
#define HONE_PASSES_LAYOUT_LAYOUTTABLE_H

#include "dialects/hone/HoneOps.h"

#include "llvm/ADT/StringRef.h"

#include <optional>

namespace mlir::hone {

enum class EdgeAction { KeepBoth, TryFuse, EliminateFirst, EliminateSecond, EliminateBoth };

/// Where the layout of what an edge leaves is searched (Table 6): none, the
/// first op's (the producer's), the second's, the fused op's, or both ops'.
enum class LayoutSearch { None, First, Second, Fused, Both };

struct EdgeRule {
  EdgeAction action;
  /// The class of the op the edge leaves; none where both ops are
  /// eliminated (the chain of transformations folds into its neighbours).
  std::optional<LayoutClass> result;
  LayoutSearch search;
};

/// The table's rule for an edge from an op of class `producer` to one of
/// class `consumer`.
EdgeRule edgeRule(LayoutClass producer, LayoutClass consumer);

StringRef stringifyEdgeAction(EdgeAction action);
StringRef stringifyLayoutSearch(LayoutSearch search);

} // namespace mlir::hone

#endif // HONE_PASSES_LAYOUT_LAYOUTTABLE_H
