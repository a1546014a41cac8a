//===- Schedules.h - Schedule templates for the CPU kernels ------*- C++ -*-===//
//
// The schedules the kernel builders apply to their definitions, per op
// class: contractions (MatMul, Gemm, Conv) accumulate in a tile that stays
// in registers, vectorized along the result's innermost dim with the
// reduction outside the vector; statistics (softmax's max and sum, the
// normalizations' moments) are computed once per row instead of per
// element; a kernel its builder left unscheduled (elementwise, data
// movement) gets the default: vectorized along its innermost dim, its outer
// dims fused into one parallel loop. Every split guards its tail
// (GuardWithIf), so any extent, even one smaller than a vector, stays
// correct. Parallel loops run on the runtime's pool (hone_do_par_for).
//
//===----------------------------------------------------------------------===//
#ifndef HONE_TARGETS_CPU_SCHEDULES_H
#define HONE_TARGETS_CPU_SCHEDULES_H

#include <Halide.h>

#include <functional>

#include <cstdint>
#include <vector>

namespace mlir::hone::cpu {

/// Lanes of a vector of 32-bit values in the default schedules (AVX2 width;
/// LLVM splits or merges it for NEON and AVX-512).
constexpr int kVectorLanes = 8;
/// The register tile of a contraction: `lanes` along the result's
/// innermost dim (the vector) by `rows` along the row dim, sized so that the
/// rows x lanes accumulators and an operand vector fit the target's vector
/// registers.
struct TileShape {
  int lanes = 16;
  int rows = 8;
  /// The tile of a matrix product (MatMul, Gemm, a pointwise Conv over its
  /// flattened map): wider where registers allow.
  int matrixLanes = 32;
  int matrixRows = 8;
  /// The tile of a convolution vectorized along its output channels (see
  /// buildConv): `channelLanes` output channels (whole vectors) by
  /// `channelRows` output pixels along its row, each pixel's input value
  /// broadcast against a vector of weights.
  int channelLanes = 32;
  int channelRows = 7;
};

/// The tile for `target`: 16 x 8 with AVX-512 (8 of its 32 registers), 16 x
/// 4 with AVX2 (8 of 16), 8 x 8 with NEON (16 of 32). Matrix tiles: 32 x 8
/// with AVX-512 (16 accumulators: 8 leave two FMA pipes of 4 cycles' latency
/// no slack; measured 1.26-1.37x faster on bert_mini and vit_tiny than 16
/// x 8, and 32 x 12 no better), otherwise the same as the others. Channel
/// tiles: 32 x 7 with AVX-512 (14 accumulators, two weight vectors), 16 x
/// 6 with AVX2 (12 of 16) and NEON (24 of 32).
TileShape tileShapeFor(const Halide::Target &target);
/// The largest plane of a blocked contraction, in elements per lane: 256
/// (a 16x16 map; its 32-lane accumulator is 32 KiB).
constexpr int64_t kBlockedPlane = 256;
/// The fewest tasks of a blocked contraction: its plane is split in parts
/// where its tiles of lanes are fewer.
constexpr int64_t kBlockedTasks = 8;
/// Multiply-adds per output from which a contraction with run-time extents
/// keeps one tile per parallel task (see scheduledContraction).
constexpr int64_t kLongReduction = 64;
/// Elements below which a kernel stays on one thread: waking the pool costs
/// more than the work.
constexpr int64_t kParallelThreshold = 16384;

/// Ops fused after a kernel, applied to its value inside its loops: from
/// the value (a Func over the kernel's arguments) and its dims (tensor
/// order), the Func of the last fused op.
using Epilogue = std::function<Halide::Func(Halide::Func value, const std::vector<Halide::Expr> &dims)>;

/// A contraction `result(vars) = init(vars) + sum over r of term(vars, r)`,
/// written as an accumulator with an update definition and scheduled: a
/// tile of `tile.lanes` along vars[0] (Halide order, innermost first) by
/// `tile.rows` along vars[rowVar], the reduction outside the tile's vectors
/// and its rows unrolled, and every tile of the result one task of a
/// parallel loop. `extents` are the result's static extents (Halide order):
/// a dim shorter than the tile is covered whole, and the last tile of a
/// longer one shifts inwards to overlap its neighbour (recomputing a few
/// outputs), so every vector is full and unguarded. `order` says which
/// tiles the loop over tiles keeps together (see TileOrder).
enum class TileOrder {
  /// Tiles along x innermost, then along the row var, then the other vars.
  LanesInnermost,
  /// The tiles along the row var outermost: one row tile's share of the
  /// operand indexed by the row var (a Conv's weights for `rows` output
  /// channels, a MatMul's rows of A) stays in cache while every other tile
  /// reads it. For when that operand is the larger one.
  RowsOutermost,
  /// The tiles along x outermost: the same for the operand indexed by x (a
  /// MatMul's columns of B).
  LanesOutermost,
};
/// Row-strip fusion: a chain of window ops (a convolution or pool reading
/// the result of the op before it) computed as one kernel. The last op, the
/// root, runs over strips of its result's rows, the strips (and batches) in
/// parallel, each strip's rows in order; the ops before it are computed at
/// the root's row loop and stored per strip, so each row computes only the
/// rows of their results it newly reads (Halide's sliding window): a strip
/// recomputes just its first rows' halo, and the intermediate results live
/// a few rows at a time, in cache, never whole.
struct StripSchedule {
  enum class Role {
    None,
    /// The chain's last op: its loops are the strips (parallel) and rows.
    Root,
    /// An op computed inside the root's rows: serial loops only.
    Inner,
  } role = Role::None;
  /// Root: the Halide index of the dim split into strips (a window op's
  /// first spatial dim), strips per image (a strip's rows: the dim's extent
  /// divided by it, rounded up, at run time where the extent is dynamic),
  /// and the loops it makes: the strips (fused with every loop outside
  /// them) and the rows.
  size_t dim = 0;
  int strips = 1;
  /// Root: whether the tasks are also blocks of channels (every op after
  /// the chain's first reads only its own channels: a task computes the
  /// first op's result for its block alone), the Halide index of the
  /// channels and the channels per block (a contraction's tile rows).
  bool channelTasks = false;
  size_t channelDim = 0;
  int channelBlock = 8;
  Halide::Var strip, row;
  /// Whether the op's data operand is computed inside the strip: it is
  /// then padded row by row (a copy with its border, computed at the
  /// root's rows), not copied whole.
  bool readsStrip = false;
  /// Where a builder puts the Funcs it defines that must be computed at the
  /// root's rows (that bordered copy): a boundary condition read inside a
  /// contraction's taps would gather every vector.
  std::vector<Halide::Func> *rowFuncs = nullptr;
  /// Where a contraction records the loop of its tasks, each a row of its
  /// tiles, for a group that computes the rows those tiles read inside it
  /// (row tiles: a matmul's softmax operand). Left as it is by a
  /// contraction without tiles.
  Halide::LoopLevel *tileLoop = nullptr;
  /// The permutation (tensor order) of a Transpose that is the op's only
  /// reader in its group; a builder that defines its result over the
  /// transposed dims instead (MatMul) sets `*resultPermuted`, and the
  /// Transpose is then no copy of its own (attention's heads back to
  /// tokens: the product's tiles write the tokens' layout).
  std::vector<int64_t> resultPerm;
  bool *resultPermuted = nullptr;
};

/// A tile that a contraction with run-time extents takes where `when` holds
/// at run time (and its extents hold the tile), before the tiles that its
/// extents merely fit.
struct TileChoice {
  Halide::Expr when;
  int lanes = 0, rows = 0;
};

/// `extents` are -1 where dynamic; `extentExprs` (Halide order) then give
/// every extent's value at run time, and the kernel is specialized on the
/// dynamic extents holding a whole tile (first on each of `choices`).
///
/// `funcArgs`, when given, are the result's pure args in the order of its
/// buffer (Halide order) where that is not `vars`' (the tile's order): a
/// convolution whose vectors run along its output channels, stored with
/// its columns innermost. The accumulator is stored in `vars`' order.
///
/// `reductionBlock` > 0 asks for the blocked schedule where it fits: static
/// extents, no strip, every var but the first and the last (the batch)
/// together at most kBlockedPlane elements, the row var a multiple of the
/// tile's rows. Each task is then one tile of lanes (and one batch) that
/// accumulates its whole plane (in L1), the reduction's first dim split
/// into blocks of `reductionBlock` outside the plane's tiles: the operand
/// indexed by the lanes (a convolution's weights) is read from memory once
/// and from cache by every tile of the plane while it is hot, so the
/// stream of a large operand overlaps the arithmetic.
///
/// `epilogue`, when given, defines what the kernel computes from the
/// contraction's value (the ops fused after it: a bias, an activation, a
/// residual): it gets the value as a Func (the contraction's arguments, in
/// Halide order) and its dims (tensor order), and returns the
/// Func of the last op; that is then what the tiles compute, so the value
/// never leaves the register tile.
Halide::Func scheduledContraction(const std::string &name, const std::vector<Halide::Var> &vars,
                                  const std::vector<int64_t> &extents, Halide::Expr init,
                                  const Halide::RDom &r, Halide::Expr term, TileShape tile,
                                  size_t rowVar = 1, TileOrder order = TileOrder::LanesInnermost,
                                  const std::vector<Halide::Expr> &extentExprs = {},
                                  const Epilogue &epilogue = {}, const StripSchedule &strip = {},
                                  const std::vector<Halide::Var> &funcArgs = {}, int reductionBlock = 0,
                                  const std::vector<TileChoice> &choices = {});

/// Schedules `f`, a pure definition with `extents` (Halide order, -1 where
/// dynamic: `extentExprs` then give them), as a strip root (see
/// StripSchedule): vectorized along its innermost dim, `strip.dim` split
/// into strips and rows, the strips and the dims outside them one parallel
/// loop, the dims between the innermost and the rows serial inside each row.
void scheduleStripRoot(Halide::Func f, const std::vector<int64_t> &extents, const StripSchedule &strip,
                       const std::vector<Halide::Expr> &extentExprs = {});

/// Rows per strip of a dim of static `extent` (or, where it is -1, of the
/// run-time extent `extentExpr`) cut into `strips`: at least 1.
Halide::Expr rowsPerStrip(int64_t extent, const Halide::Expr &extentExpr, int strips);

/// The tile order of a matrix product whose row var indexes `rowOperand`
/// elements and whose x indexes `laneOperand` elements: keep the larger one's
/// tile in cache.
TileOrder tileOrderFor(int64_t rowOperand, int64_t laneOperand);

/// Computes `f` once for the whole kernel (statistics read by every element
/// of a row), vectorized along its innermost var.
void computeOnce(Halide::Func f);

/// Computes `f` (a padded copy of an operand, say) once for the kernel,
/// vectorized along its innermost var and parallel over the others (see
/// parallelOuter) when it holds `elements` >= kParallelThreshold; `dynamic`:
/// its extents are known only at run time.
void computeOnceParallel(Halide::Func f, int64_t elements, bool dynamic);

/// Runs `stage`'s loops `loops` (innermost first, adjacent in its nest,
/// the innermost one vectorized) but the first as one parallel loop. With
/// `dynamic` extents the second stays a plain loop inside it: each
/// iteration of a fused loop recovers its coordinates by dividing by the
/// loops' extents, tens of cycles each by run-time values (a row of a deep
/// feature map is a few vectors), and a reduction computed inline per
/// vector (a pool's maximum) is bounded exactly only along a plain loop
/// (along a fused one its bounds widen to the whole dim: a heap allocation
/// per vector).
void parallelOuter(Halide::Stage stage, const std::vector<Halide::VarOrRVar> &loops, bool dynamic);

/// A kernel that reduces along its `rowDims` innermost dims (Halide order)
/// and maps each row on its own (softmax, layer normalization): the rows,
/// its outer dims fused, are one parallel loop (when the result is large),
/// `perRow` (the row statistics) are computed per row, and `result` is
/// vectorized along its innermost dim. `extents` are the static extents of
/// `result`. Not `parallel`: computed inside another kernel's parallel
/// tasks, the rows are a plain loop. `runtimeExtents` (Halide order), where
/// some extent is dynamic: the rows run in parallel only in a
/// specialization for runs whose result reaches kParallelThreshold
/// elements (without them, always): a parallel loop over a few small rows
/// costs more in hand-offs than it saves (bert_mini at 16 tokens, two
/// threads).
void scheduleRowwise(Halide::Func result, const std::vector<Halide::Func> &perRow, size_t rowDims,
                     const std::vector<int64_t> &extents, bool parallel = true,
                     const std::vector<Halide::Expr> &runtimeExtents = {});

/// Schedules `f`, a pure definition computed inside a strip root's rows,
/// with static `extents` (Halide order): vectorized along its innermost
/// dim, serial otherwise.
void scheduleInRow(Halide::Func f, const std::vector<int64_t> &extents);

/// Whether `f`'s pure definition has a loop named like `var`.
bool hasLoop(const Halide::Func &f, const Halide::Var &var);

/// Whether the builder gave `f`'s pure definition any loop schedule.
bool hasLoopSchedule(const Halide::Func &f);

/// The default schedule of an output with static extents `extents` (Halide
/// order): vectorized along the innermost dim when it is wide enough, and
/// the others fused into one parallel loop when the output is large (with
/// dynamic extents and their `runtimeExtents`: in a specialization for runs
/// where it is, as scheduleRowwise).
void scheduleDefault(Halide::Func f, const std::vector<int64_t> &extents,
                     const std::vector<Halide::Expr> &runtimeExtents = {});

/// Whether the run's extents `runtimeExtents` (defined, one per dim of
/// static `extents`, -1 where dynamic) make at least kParallelThreshold
/// elements; undefined when an extent is dynamic and not given, or when
/// every extent is static (the static rule applies).
Halide::Expr largeAtRunTime(const std::vector<int64_t> &extents, const std::vector<Halide::Expr> &runtimeExtents);

} // namespace mlir::hone::cpu

#endif // HONE_TARGETS_CPU_SCHEDULES_H
