//===- FusionPlanner.h - DNNFusion's seed-based fusion plan -----*- C++ -*-===//
//
// Which ops of a function body run as one kernel (PLDI'21, §4.3, Listing
// 1): seeds are the ungrouped One-to-One ops, smallest result first (then,
// hone's extension, the other ungrouped ops by complexity); a seed
// grows into its successors (recursively), then into its predecessors whose
// results only the group reads, while the fusion table allows each step,
// the group stays acyclic with the rest of the graph and within the size
// limit; "profile" cells ask a cost model. FuseOps.cpp turns the groups
// into hone.fused ops.
//
// hone's extension, row-strip fusion (StripChains.h), then merges chains
// of window ops across Many-to-Many edges.
//
//===----------------------------------------------------------------------===//
#ifndef HONE_PASSES_FUSION_FUSIONPLANNER_H
#define HONE_PASSES_FUSION_FUSIONPLANNER_H

#include "passes/fusion/FusionTable.h"
#include "passes/shapes/SymbolicShapes.h"

#include "mlir/IR/Block.h"

#include <vector>

namespace mlir::hone {

struct FusionOptions {
  /// Most ops in one group (the resource constraint).
  int64_t maxOps = 24;
  /// How "profile" cells are decided.
  enum class Profile { Cost, Fuse, Never } profile = Profile::Cost;
  /// The cost model's machine: FLOP/s and bytes/s.
  double peakFlops = 114e9;
  double bandwidth = 12e9;
  /// Row-strip fusion (hone's extension for Many-to-Many chains): strips
  /// per image of a chain's last op (the parallel tasks; each recomputes the
  /// halo of rows its first row needs), and most window ops in one chain.
  int64_t stripsPerImage = 4;
  int64_t maxStripOps = 3;
  /// Channels per task when a chain's tasks are blocks of channels (the CPU
  /// code generator's tile rows), and the cache whose contents are re-read
  /// at `cacheBandwidth` rather than `bandwidth`.
  int64_t channelsPerTask = 8;
  double cacheBytes = 1 << 20;
  double cacheBandwidth = 48e9;
  /// Row tiles (RowTiles.h): the rows of one tile of a matrix product (the
  /// CPU code generator's matrix tile), and the fewest tasks (rows of
  /// tiles) a product with row tiles may run as.
  int64_t tileRows = 8;
  int64_t minRowTileTasks = 16;
};

struct FusionGroup {
  /// In program order.
  SmallVector<Operation *> ops;
  MappingType type = MappingType::OneToOne;
  /// Strips per image of the last op's result when the group is a chain of
  /// window ops fused across Many-to-Many edges (code generation computes
  /// it by strips, the ops before it row by row); 0 otherwise.
  int64_t rowStrips = 0;
  /// Whether the chain's tasks are also blocks of channels.
  bool channelTasks = false;
  /// When positive, the chain's first op (a convolution and its epilogue)
  /// runs in the strips only when its result has at least this many bytes
  /// at run time, else as its own kernel before them (StripChains.h); 0:
  /// always in the strips.
  int64_t stripMinBytes = 0;
  /// With stripMinBytes: the ops of that kernel (the producer group the
  /// chain took).
  SmallVector<Operation *> wholeProducer;
  /// Whether the group's MatMul computes the softmax it reads inside its
  /// tasks, each a row of its tiles (RowTiles.h).
  bool rowTiles = false;
};

/// The groups of `body` (ops of groups with one op stay as they are).
std::vector<FusionGroup> planFusion(Block &body, const SymbolicShapes &shapes, const FusionTable &table,
                                    const FusionOptions &options);

/// Whether an op may join a group: it has a mapping type, no regions, and
/// results whose sizes are known when a run starts (not NonZero's) and
/// that are not integer tensors (shapes and indices that code generation
/// may read to size later tensors stay between kernels; booleans fuse).
bool isFusible(Operation *op, const SymbolicShapes &shapes);

} // namespace mlir::hone

#endif // HONE_PASSES_FUSION_FUSIONPLANNER_H
