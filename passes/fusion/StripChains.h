//===- StripChains.h - Row-strip fusion of Many-to-Many chains ---*- C++ -*-===//
//
// hone's extension of DNNFusion's plan. Where the fusion table lets
// Many-to-Many fuse with Many-to-Many (the CPU target's "profile"), a group
// whose first Many-to-Many op is a window op (a convolution with a kernel or
// stride beyond 1x1, a max or average pool) takes the group that computes
// its data operand: a convolution, with the elementwise ops after it, when
// that operand is all the producer's group hands out and the chain stays
// within FusionOptions::maxStripOps window ops. Code generation computes
// the chain's last op by strips of rows (or blocks of channels) and the ops
// before it row by row inside each task (FusionGroup::rowStrips,
// channelTasks). The cost model weighs the intermediate's bytes against
// the rows strips recompute or the input blocks re-read.
//
//===----------------------------------------------------------------------===//
#ifndef HONE_PASSES_FUSION_STRIPCHAINS_H
#define HONE_PASSES_FUSION_STRIPCHAINS_H

#include "passes/fusion/FusionPlanner.h"
#include "passes/fusion/GroupGraph.h"

#include <vector>

namespace mlir::hone {

/// Merges the groups of `groups` (program-ordered ops each) that chain, and
/// drops the emptied ones.
void mergeStripChains(std::vector<FusionGroup> &groups, const GroupGraph &graph, const FusionTable &table,
                      const FusionOptions &options);

} // namespace mlir::hone

#endif // HONE_PASSES_FUSION_STRIPCHAINS_H
