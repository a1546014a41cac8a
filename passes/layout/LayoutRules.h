//===- LayoutRules.h - Rules of the layout stage in files of their own -*- C++ -*-===//
//
// EliminateLayoutTransforms.cpp runs its rules to a fixpoint; the larger
// ones live in files of their own and are declared here.
//
//===----------------------------------------------------------------------===//
#ifndef HONE_PASSES_LAYOUT_LAYOUTRULES_H
#define HONE_PASSES_LAYOUT_LAYOUTRULES_H

#include "dialects/hone/HoneOps.h"

#include <optional>

namespace mlir::hone::layout {

/// A Transpose's permutation (reversed dims when it has none).
SmallVector<int64_t> permutationOf(TransposeOp transpose);

/// `value`'s shape when it is a ranked tensor with static dims.
std::optional<ArrayRef<int64_t>> staticShape(Value value);

/// projection-split (SplitProjections.cpp): gather(transpose(reshape(
/// matmul(x, W) + b)), i), where the reshape splits the product's last dim
/// and the Gather takes one part of it (q, k or v of a fused attention
/// projection), -> matmul(x', W_i) + b_i: the product of that part only,
/// computed in the Gather's layout (the heads a batch dim of the weights),
/// so that neither the split nor the Transpose moves data. Rewrites
/// `gather`; true when it did.
bool splitProjection(GatherOp gather);

} // namespace mlir::hone::layout

#endif // HONE_PASSES_LAYOUT_LAYOUTRULES_H
