//===- Schedules.cpp - Schedule templates for the CPU kernels -------------===//
//
// The contraction template is the classic register-blocked multiply: the
// result is tiled (lanes x rows), the accumulator lives per tile, its
// update loops run the reduction outermost and the tile's vector lanes
// innermost, so each reduction step loads one vector of the operand that
// varies along the lanes and multiplies it by `rows` broadcast values of the
// other (for Conv, `rows` output channels share one input vector). The tiles
// are fused into one loop of independent tasks for the pool.
//
//===----------------------------------------------------------------------===//
#include "targets/cpu/Schedules.h"

#include <algorithm>
#include <limits>

using namespace mlir::hone::cpu;

TileShape mlir::hone::cpu::tileShapeFor(const Halide::Target &target) {
  if (target.arch == Halide::Target::ARM)
    return {8, 8, 8, 8, 16, 6};
  if (target.has_feature(Halide::Target::AVX512))
    return {16, 8, 32, 8, 32, 7};
  return {16, 4, 16, 4, 16, 6};
}

namespace {

/// The blocked schedule of scheduledContraction, when it fits (see there).
bool scheduleBlocked(Halide::Func acc, Halide::Func result, const std::vector<Halide::Var> &vars,
                     const std::vector<int64_t> &extents, const Halide::RDom &r, TileShape tile, int block,
                     const std::vector<Halide::Var> &funcArgs) {
  size_t last = vars.size() - 1;
  if (vars.size() < 3 || r.dimensions() < 1)
    return false;
  int64_t plane = 1;
  for (size_t i = 1; i < last; ++i)
    plane *= extents[i];
  int lanes = static_cast<int>(std::min<int64_t>(extents[0], tile.lanes));
  int rows = static_cast<int>(std::min<int64_t>(extents[1], tile.rows));
  // A block divides the reduction's dim (no tail to guard).
  const int64_t *reduced = Halide::Internal::as_const_int(r[0].extent());
  if (plane > kBlockedPlane || extents[1] % rows != 0 || !reduced)
    return false;
  const Halide::Var &x = vars[0], &y = vars[1], &batch = vars[last];
  // Tasks: tiles of lanes (their last one shifted inwards) by batches, and
  // where those are fewer than kBlockedTasks (a pool of a few threads
  // balances 8 tasks within an eighth), parts of the plane's outermost dim
  // (of whole tiles of rows when that is y): each part re-reads the
  // weights, from cache.
  int64_t tasks = (extents[0] + lanes - 1) / lanes * extents[last];
  size_t partDim = last - 1;
  int64_t unit = partDim == 1 ? rows : 1;
  int64_t parts = std::min<int64_t>((kBlockedTasks + tasks - 1) / tasks, extents[partDim] / unit);
  int64_t partExtent = ((extents[partDim] + parts - 1) / parts + unit - 1) / unit * unit;
  Halide::Var lanesOuter("lo"), lanesInner("li"), partOuter("po"), partInner("pi"), task("task");
  std::vector<Halide::VarOrRVar> nest{lanesInner};
  for (size_t i = 1; i < last; ++i)
    nest.push_back(i == partDim && parts > 1 ? partInner : vars[i]);
  nest.push_back(lanesOuter);
  if (parts > 1)
    nest.push_back(partOuter);
  nest.push_back(batch);
  result.split(x, lanesOuter, lanesInner, lanes, Halide::TailStrategy::ShiftInwards);
  if (parts > 1)
    result.split(vars[partDim], partOuter, partInner, static_cast<int>(partExtent),
                 Halide::TailStrategy::ShiftInwards);
  result.reorder(nest);
  // The loops from the tiles of lanes (nest[last]) outwards are the tasks.
  Halide::Var outer = lanesOuter;
  for (size_t i = last + 1; i < nest.size(); ++i) {
    Halide::Var fused(outer.name() + "_" + nest[i].name());
    result.fuse(outer, nest[i].var, fused);
    outer = fused;
  }
  result.rename(outer, task).vectorize(lanesInner).parallel(task);
  acc.compute_at(result, task).store_in(Halide::MemoryType::Stack);
  if (!funcArgs.empty())
    acc.reorder_storage(vars);
  acc.vectorize(x, lanes);
  // The update: blocks of the reduction's first dim outermost, then the
  // plane's tiles (rows of `rows` along y), then the block's reduction,
  // the tile's lanes and rows innermost, in registers.
  Halide::RVar blockOuter("rbo"), blockInner("rbi");
  Halide::Var rowsOuter("yo"), rowsInner("yi");
  Halide::Stage update = acc.update();
  int blockSize = static_cast<int>(std::min<int64_t>(block, *reduced));
  while (*reduced % blockSize != 0)
    --blockSize;
  update.split(r[0], blockOuter, blockInner, blockSize)
      .split(y, rowsOuter, rowsInner, rows, Halide::TailStrategy::RoundUp);
  std::vector<Halide::VarOrRVar> order{x, rowsInner};
  for (int d = r.dimensions() - 1; d >= 1; --d)
    order.push_back(r[d]);
  order.push_back(blockInner);
  order.push_back(rowsOuter);
  for (size_t i = 2; i < last; ++i)
    order.push_back(vars[i]);
  order.push_back(blockOuter);
  update.reorder(order).vectorize(x, lanes).unroll(rowsInner);
  return true;
}

} // namespace

Halide::Func mlir::hone::cpu::scheduledContraction(const std::string &name,
                                                   const std::vector<Halide::Var> &vars,
                                                   const std::vector<int64_t> &extents,
                                                   Halide::Expr init, const Halide::RDom &r,
                                                   Halide::Expr term, TileShape tile, size_t rowVar,
                                                   TileOrder tileOrder,
                                                   const std::vector<Halide::Expr> &extentExprs,
                                                   const Epilogue &epilogue, const StripSchedule &strip,
                                                   const std::vector<Halide::Var> &funcArgs,
                                                   int reductionBlock, const std::vector<TileChoice> &choices) {
  const std::vector<Halide::Var> &stored = funcArgs.empty() ? vars : funcArgs;
  std::vector<Halide::Expr> args(stored.begin(), stored.end());
  Halide::Func acc(name + "_acc"), result(name);
  acc(args) = init;
  acc(args) += term;
  if (epilogue) {
    // The fused ops read the value, inlined into the tiles' final loop.
    Halide::Func value(name + "_value");
    value(args) = acc(args);
    std::vector<Halide::Expr> dims; // tensor order
    for (size_t k = stored.size(); k-- > 0;) {
      size_t i = std::find_if(vars.begin(), vars.end(),
                              [&](const Halide::Var &v) { return v.same_as(stored[k]); }) -
                 vars.begin();
      dims.push_back(i < extents.size() && extents[i] >= 0 ? Halide::Expr(static_cast<int>(extents[i]))
                     : i < extentExprs.size()              ? extentExprs[i]
                                                           : Halide::Expr());
    }
    Halide::Func last = epilogue(value, dims);
    result(args) = last(args);
  } else {
    result(args) = acc(args);
  }
  if (vars.empty() || extents.size() != vars.size() ||
      std::any_of(extents.begin(), extents.end(), [](int64_t e) { return e == 0; }))
    return result; // an empty extent: the plain loops are correct for any
  // A dynamic extent (-1) needs its run-time value to decide how tiles fit.
  bool dynamic = std::any_of(extents.begin(), extents.end(), [](int64_t e) { return e < 0; });
  if (reductionBlock > 0 && !dynamic && strip.role == StripSchedule::Role::None &&
      scheduleBlocked(acc, result, vars, extents, r, tile, reductionBlock, funcArgs))
    return result;
  if (dynamic && extentExprs.size() != vars.size())
    return result;
  size_t rowDim = vars.size() == 1 ? 0 : rowVar;
  const Halide::Var &x = vars[0], &y = vars[rowDim];
  // A root strips a dim that is neither the vector's nor the tile's rows.
  bool stripRoot = strip.role == StripSchedule::Role::Root && strip.dim > 0 && strip.dim < vars.size() &&
                   strip.dim != rowDim;
  bool stripInner = strip.role == StripSchedule::Role::Inner;
  Halide::Expr stripRows =
      stripRoot ? rowsPerStrip(extents[strip.dim], dynamic ? extentExprs[strip.dim] : Halide::Expr(), strip.strips)
                : Halide::Expr();
  // Tile sizes to try along a dim: a static dim no longer than the tile is
  // one whole tile; a longer one is split into full tiles. A dynamic dim
  // tries the tile, then halves of it down to a quarter: the kernel is
  // specialized on the largest that the run-time extent holds.
  auto candidates = [&](size_t dim, int size) {
    std::vector<int> sizes;
    if (extents[dim] >= 0) {
      sizes.push_back(static_cast<int>(std::min<int64_t>(extents[dim], size)));
      return sizes;
    }
    for (int s = size; s >= std::max(1, size / 4); s /= 2)
      sizes.push_back(s);
    return sizes;
  };
  std::vector<int> laneSizes = candidates(0, tile.lanes);
  std::vector<int> rowSizes = vars.size() == 1 ? std::vector<int>{1} : candidates(rowVar, tile.rows);
  const Halide::TailStrategy shift = Halide::TailStrategy::ShiftInwards;
  const Halide::TailStrategy guard = Halide::TailStrategy::GuardWithIf;
  Halide::Var lanesOuter("lo"), lanes("li"), rowsOuter("ro"), rowsInner("ri");
  // The loop nest of the tiles, innermost first: the tile, then the tiles
  // of x and y, then the other vars in their order (or the tiles of y
  // last); all of the tiles are one parallel loop.
  // A strip root's nest: the tiles of one row, the rows, then the strips
  // (with channel tasks, the tiles of the channels: the tile's rows) and
  // what is outside them (the batch), fused into one parallel loop.
  bool channelTasks = stripRoot && strip.channelTasks && rowDim == strip.channelDim;
  // A row-tile root (strip.tileLoop: the rows its tiles read are computed
  // inside it) keeps a row of tiles in each task, its lane tiles the
  // innermost loop of tiles, so those rows are computed once per task.
  bool rowTileRoot = strip.tileLoop && !stripRoot && !stripInner && vars.size() > 1;
  if (stripRoot || (rowTileRoot && tileOrder == TileOrder::LanesOutermost))
    tileOrder = TileOrder::LanesInnermost;
  Halide::Var stripOuter(strip.strip.name() + "_o");
  std::vector<Halide::VarOrRVar> nest{lanes, rowsInner};
  if (tileOrder == TileOrder::LanesInnermost)
    nest.insert(nest.end(), {lanesOuter, rowsOuter});
  else
    nest.push_back(tileOrder == TileOrder::RowsOutermost ? lanesOuter : rowsOuter);
  if (channelTasks)
    nest.pop_back();
  size_t stripLoop = 0;
  for (size_t i = 1; i < vars.size(); ++i) {
    if (i == rowDim)
      continue;
    if (stripRoot && i == strip.dim) {
      nest.push_back(strip.row);
      stripLoop = nest.size();
      nest.push_back(stripOuter);
      if (channelTasks)
        nest.push_back(rowsOuter);
      continue;
    }
    nest.push_back(vars[i]);
  }
  if (tileOrder != TileOrder::LanesInnermost)
    nest.push_back(tileOrder == TileOrder::RowsOutermost ? rowsOuter : lanesOuter);
  // With run-time extents each parallel task recovers its tile's
  // coordinates with divisions by run-time values (tens of cycles each, a
  // depthwise tile is only 72 FMAs): where the reduction is short (or its
  // length known only at run time) a task then runs a row of tiles (the
  // innermost tile loop stays a plain loop inside it), unless that would
  // leave a single tile loop to parallelize. A long reduction keeps one
  // tile per task, as with static extents (bert_mini's projections at 16
  // tokens: 6% faster than by rows of tiles, measured in alternating
  // blocks, `hone-run --bench-against`).
  int64_t reduction = 1;
  for (int d = 0; d < r.dimensions(); ++d) {
    const int64_t *extent = Halide::Internal::as_const_int(r[d].extent());
    reduction = extent && reduction > 0 ? reduction * *extent : -1;
  }
  bool shortReduction = reduction < 0 || reduction < kLongReduction;
  size_t firstParallel =
      (dynamic && shortReduction && nest.size() > 4) || (rowTileRoot && nest.size() > 3) ? 3 : 2;
  // A run-time dim of the result's plane (not its outermost, the batch)
  // first among the fused task loops made Halide bound the accumulator,
  // computed inside them, over every value of that dim: a convolution's
  // channel tile over every image row, a stack allocation per task that
  // grew with the map. Such a dim goes outermost and is the only parallel
  // loop (the image rows are the tasks). A run-time batch fused first
  // (bert_mini's projections) is bounded to its tile and stays fused.
  auto runTimeVar = [&](const Halide::VarOrRVar &loop) {
    for (size_t i = 1; i + 1 < vars.size(); ++i)
      if (!loop.is_rvar && loop.var.same_as(vars[i]))
        return extents[i] < 0;
    return false;
  };
  if (dynamic && !stripRoot && !stripInner && !rowTileRoot && nest.size() > 4 && runTimeVar(nest[3])) {
    Halide::VarOrRVar loop = nest[3];
    nest.erase(nest.begin() + 3);
    nest.push_back(loop);
    firstParallel = nest.size() - 1;
  }
  std::vector<Halide::Var> fusedNames;
  for (size_t i = 3; i < nest.size(); ++i)
    fusedNames.emplace_back(name + "_t" + std::to_string(i));
  Halide::Var tiles = vars.size() == 1                                       ? lanesOuter
                      : stripRoot || stripInner                              ? nest[2].var
                      : firstParallel == 2 && nest.size() > 3 ? fusedNames.back()
                                                              : nest[2].var;
  // Every schedule of the result (one per tile size, and the general one)
  // has the same loops, so that the accumulator is computed at the tile in
  // each. Its last tile shifts inwards to overlap its neighbour
  // (recomputing a few outputs), so every vector is full and unguarded.
  auto tileStage = [&](Halide::Stage stage, int laneCount, int rowCount, Halide::TailStrategy tail) {
    if (vars.size() == 1) {
      stage.split(x, lanesOuter, lanes, laneCount, tail).vectorize(lanes);
      if (!stripInner)
        stage.parallel(lanesOuter);
      return;
    }
    stage.split(x, lanesOuter, lanes, laneCount, tail).split(y, rowsOuter, rowsInner, rowCount, tail);
    if (stripRoot)
      stage.split(vars[strip.dim], stripOuter, strip.row, stripRows, Halide::TailStrategy::ShiftInwards);
    stage.reorder(nest);
    if (stripInner) {
      stage.vectorize(lanes).unroll(rowsInner);
      return;
    }
    if (stripRoot) {
      Halide::Var outer = stripOuter;
      for (size_t i = stripLoop + 1; i < nest.size(); ++i) {
        Halide::Var fused(outer.name() + "_" + nest[i].name());
        stage.fuse(outer, nest[i].var, fused);
        outer = fused;
      }
      stage.rename(outer, strip.strip);
      stage.vectorize(lanes).unroll(rowsInner).parallel(strip.strip);
      return;
    }
    Halide::Var fused = nest[firstParallel].var;
    for (size_t i = firstParallel + 1; i < nest.size(); ++i) {
      stage.fuse(fused, nest[i].var, fusedNames[i - 3]);
      fused = fusedNames[i - 3];
    }
    stage.vectorize(lanes).unroll(rowsInner).parallel(fused);
  };
  // The accumulator covers one tile: its loops have constant extents,
  // vectorized and unrolled whole.
  auto accStage = [&](Halide::Stage stage, int laneCount, int rowCount, Halide::TailStrategy tail) {
    stage.vectorize(x, laneCount, tail);
    if (vars.size() > 1)
      stage.unroll(y, rowCount, tail);
  };
  // Reduction outermost within the tile: every RVar before the tile's pure
  // loops in the update's loop nest (reorder lists innermost first). The
  // reduction's last dim innermost (a Conv's kernel columns, then rows, then
  // input channels: consecutive taps read neighbouring inputs).
  std::vector<Halide::VarOrRVar> order{x};
  if (vars.size() > 1)
    order.push_back(y);
  for (int d = r.dimensions() - 1; d >= 0; --d)
    order.push_back(r[d]);
  acc.compute_at(result, tiles);
  if (rowTileRoot) {
    // The task's loop: the fused parallel loop, or the loop itself.
    Halide::Var task = firstParallel + 1 < nest.size() ? fusedNames.back() : nest[firstParallel].var;
    *strip.tileLoop = Halide::LoopLevel(result, task);
  }
  if (!funcArgs.empty())
    acc.reorder_storage(vars);
  acc.update().reorder(order);
  if (!dynamic) {
    tileStage(result, laneSizes[0], rowSizes[0], shift);
    acc.vectorize(x);
    acc.update().vectorize(x);
    if (vars.size() > 1) {
      acc.unroll(y);
      acc.update().unroll(y);
    }
    return result;
  }
  // Specializations: the choices, then the largest tiles first; the general
  // case guards its smallest tile (only ever for problems smaller than it)
  // and keeps the accumulator on the stack.
  auto specializeTile = [&](Halide::Expr when, int laneCount, int rowCount) {
    Halide::Expr fits = when;
    if (extents[0] < 0)
      fits = fits && extentExprs[0] >= laneCount;
    if (vars.size() > 1 && extents[rowVar] < 0)
      fits = fits && extentExprs[rowVar] >= rowCount;
    tileStage(result.specialize(fits), laneCount, rowCount, shift);
    // With an epilogue the accumulator's region is its tile's, which a
    // specialization of the accumulator alone cannot know: its loops
    // guard their ends rather than round the region up (reading past
    // the operands where the tile is smaller).
    // Only the update is specialized: with the initialization specialized
    // on the same condition as well, Halide 14 dropped the update from some
    // of the tiles, leaving zeros (where the tile's extents are both
    // run-time values and the condition simplifies to a minimum, `8 <=
    // min(columns, rows)`: a MatMul of T x T at T from 8 to 15,
    // test/lit/honec/dynamic-matmul-tiles.onnxtext; and on one run-time
    // extent too: channel tiles of strided Convs at 2x2 and 32x32,
    // test/lit/honec/conv-channel-vectors-dynamic.onnxtext). The
    // initialization keeps the general schedule: a few guarded stores.
    Halide::TailStrategy accTail = epilogue ? guard : Halide::TailStrategy::Auto;
    accStage(acc.update().specialize(fits), laneCount, rowCount, accTail);
  };
  for (const TileChoice &choice : choices)
    specializeTile(choice.when, choice.lanes, choice.rows);
  for (int laneCount : laneSizes)
    for (int rowCount : rowSizes)
      specializeTile(Halide::Internal::const_true(), laneCount, rowCount);
  tileStage(result, laneSizes.back(), rowSizes.back(), guard);
  // The initialization, in every tile, vectorized and unrolled by the
  // largest tile with guards: a whole tile is one store per vector (by the
  // smallest, a 16 x 8 tile took 32 stores of 4 lanes, as many as a
  // depthwise tile's updates).
  accStage(acc, laneSizes.front(), rowSizes.front(), guard);
  accStage(acc.update(), laneSizes.back(), rowSizes.back(), guard);
  acc.store_in(Halide::MemoryType::Stack);
  return result;
}

TileOrder mlir::hone::cpu::tileOrderFor(int64_t rowOperand, int64_t laneOperand) {
  if (rowOperand > laneOperand)
    return TileOrder::RowsOutermost;
  if (laneOperand > rowOperand)
    return TileOrder::LanesOutermost;
  return TileOrder::LanesInnermost;
}

void mlir::hone::cpu::computeOnce(Halide::Func f) {
  f.compute_root();
  std::vector<Halide::Var> args = f.args();
  if (!args.empty())
    f.vectorize(args[0], kVectorLanes, Halide::TailStrategy::GuardWithIf);
}

bool mlir::hone::cpu::hasLoopSchedule(const Halide::Func &f) {
  const Halide::Internal::StageSchedule &schedule = f.function().definition().schedule();
  if (!schedule.splits().empty())
    return true;
  return std::any_of(schedule.dims().begin(), schedule.dims().end(), [](const auto &dim) {
    return dim.for_type != Halide::Internal::ForType::Serial;
  });
}

namespace {

/// Vectorizes `f` along `var` of static extent `extent`: unguarded vectors
/// whose last one shifts inwards when the dim holds at least one, else
/// nothing (a guarded vector costs more than the scalar loop). A dynamic
/// extent (-1) gets guarded vectors, as it may be shorter than one, and
/// where its value `extentExpr` is given, the shifted tail in a
/// specialization for a vector or more.
void vectorizeInnermost(Halide::Func f, const Halide::Var &var, int64_t extent,
                        const Halide::Expr &extentExpr = Halide::Expr()) {
  if (extent < 0) {
    // A run-time extent of a whole vector or more takes the static
    // schedule's tail (the last vector shifted inwards) in a
    // specialization of the schedule so far; the guarded tail, predicated
    // loads and stores (scalarized where strided, a pool's window), only
    // where it is narrower.
    if (extentExpr.defined())
      f.specialize(extentExpr >= kVectorLanes).vectorize(var, kVectorLanes, Halide::TailStrategy::ShiftInwards);
    f.vectorize(var, kVectorLanes, Halide::TailStrategy::GuardWithIf);
  } else if (extent >= kVectorLanes) {
    f.vectorize(var, kVectorLanes, Halide::TailStrategy::ShiftInwards);
  }
}

bool anyDynamic(const std::vector<int64_t> &extents) {
  return std::any_of(extents.begin(), extents.end(), [](int64_t e) { return e < 0; });
}

/// Elements of `extents`; a dynamic extent (-1) counts as large (kernels
/// with dynamic dims run in parallel: the pool costs microseconds).
int64_t product(const std::vector<int64_t> &extents) {
  int64_t elements = 1;
  for (int64_t e : extents) {
    if (e < 0)
      return std::numeric_limits<int64_t>::max();
    elements *= e;
  }
  return elements;
}

} // namespace

void mlir::hone::cpu::parallelOuter(Halide::Stage stage, const std::vector<Halide::VarOrRVar> &loops,
                                     bool dynamic) {
  // Every loop but the innermost, not the outermost alone: that is often a
  // batch of 1.
  size_t first = dynamic && loops.size() >= 3 ? 2 : 1;
  if (loops.size() <= first)
    return;
  Halide::VarOrRVar outer = loops[first];
  for (size_t i = first + 1; i < loops.size(); ++i) {
    std::string name = outer.name() + "_f" + std::to_string(i);
    Halide::VarOrRVar fused = outer.is_rvar ? Halide::VarOrRVar(Halide::RVar(name)) : Halide::VarOrRVar(Halide::Var(name));
    stage.fuse(outer, loops[i], fused);
    outer = fused;
  }
  stage.parallel(outer);
}

namespace {
std::vector<Halide::VarOrRVar> loopsOf(const Halide::Func &f) {
  std::vector<Halide::Var> args = f.args();
  return std::vector<Halide::VarOrRVar>(args.begin(), args.end());
}
} // namespace

void mlir::hone::cpu::computeOnceParallel(Halide::Func f, int64_t elements, bool dynamic) {
  computeOnce(f);
  if (elements >= kParallelThreshold)
    parallelOuter(f, loopsOf(f), dynamic);
}

Halide::Expr mlir::hone::cpu::largeAtRunTime(const std::vector<int64_t> &extents,
                                              const std::vector<Halide::Expr> &runtimeExtents) {
  if (!anyDynamic(extents) || runtimeExtents.size() != extents.size())
    return Halide::Expr();
  Halide::Expr elements = Halide::cast<int64_t>(1);
  for (size_t i = 0; i < extents.size(); ++i) {
    if (extents[i] < 0 && !runtimeExtents[i].defined())
      return Halide::Expr();
    elements = elements * Halide::cast<int64_t>(extents[i] >= 0 ? Halide::Expr(static_cast<int>(extents[i]))
                                                                : runtimeExtents[i]);
  }
  return elements >= Halide::cast<int64_t>(static_cast<int>(kParallelThreshold));
}

namespace {
/// The stage of `f` that runs in parallel: a specialization for large runs
/// when `large` (largeAtRunTime) is defined, else `f` itself.
Halide::Stage parallelStage(Halide::Func f, const Halide::Expr &large) {
  return large.defined() ? f.specialize(large) : Halide::Stage(f);
}
} // namespace

void mlir::hone::cpu::scheduleRowwise(Halide::Func result, const std::vector<Halide::Func> &perRow,
                                      size_t rowDims, const std::vector<int64_t> &extents, bool parallel,
                                      const std::vector<Halide::Expr> &runtimeExtents) {
  std::vector<Halide::Var> args = result.args();
  if (args.size() != extents.size() || rowDims == 0 || rowDims > args.size() ||
      std::any_of(extents.begin(), extents.end(), [](int64_t e) { return e == 0; })) {
    for (const Halide::Func &f : perRow)
      computeOnce(f);
    return;
  }
  vectorizeInnermost(result, args[0], extents[0]);
  if (rowDims == args.size()) {
    for (const Halide::Func &f : perRow)
      computeOnce(f);
    return;
  }
  Halide::Var rows = args[rowDims];
  // Inside another kernel's tasks the loops stay as they are: fused, their
  // coordinates would be divisions whose bounds Halide widens beyond the
  // region a task reads (with run-time extents).
  for (size_t i = rowDims + 1; parallel && i < args.size(); ++i) {
    Halide::Var fused(result.name() + "_f" + std::to_string(i));
    result.fuse(rows, args[i], fused);
    rows = fused;
  }
  if (parallel && product(extents) >= kParallelThreshold)
    parallelStage(result, largeAtRunTime(extents, runtimeExtents)).parallel(rows);
  for (Halide::Func f : perRow)
    f.compute_at(result, rows);
}

void mlir::hone::cpu::scheduleDefault(Halide::Func f, const std::vector<int64_t> &extents,
                                      const std::vector<Halide::Expr> &runtimeExtents) {
  std::vector<Halide::Var> args = f.args();
  if (args.empty() || args.size() != extents.size() ||
      std::any_of(extents.begin(), extents.end(), [](int64_t e) { return e == 0; }))
    return;
  bool parallel = product(extents) >= kParallelThreshold;
  // With run-time extents, parallel only in the specialization for runs
  // that are large (the plain loops otherwise).
  Halide::Expr large = largeAtRunTime(extents, runtimeExtents);
  if (args.size() == 1) {
    if (parallel) {
      Halide::Var outer("po"), inner("pi");
      f.split(args[0], outer, inner, 4096,
              extents[0] < 0 ? Halide::TailStrategy::GuardWithIf : Halide::TailStrategy::ShiftInwards);
      vectorizeInnermost(f, inner, extents[0] < 0 ? -1 : 4096);
      parallelStage(f, large).parallel(outer);
    } else {
      vectorizeInnermost(f, args[0], extents[0]);
    }
    return;
  }
  vectorizeInnermost(f, args[0], extents[0]);
  if (parallel)
    parallelOuter(parallelStage(f, large), loopsOf(f), anyDynamic(extents));
}

Halide::Expr mlir::hone::cpu::rowsPerStrip(int64_t extent, const Halide::Expr &extentExpr, int strips) {
  strips = std::max(strips, 1);
  if (extent >= 0)
    return static_cast<int>(std::max<int64_t>((extent + strips - 1) / strips, 1));
  return Halide::max((extentExpr + (strips - 1)) / strips, 1);
}

void mlir::hone::cpu::scheduleStripRoot(Halide::Func f, const std::vector<int64_t> &extents,
                                         const StripSchedule &strip, const std::vector<Halide::Expr> &extentExprs) {
  std::vector<Halide::Var> args = f.args();
  if (args.size() < 2 || args.size() != extents.size() || strip.dim == 0 || strip.dim >= args.size() ||
      (extents[strip.dim] < 0 && extentExprs.size() != args.size()))
    return;
  // The dims inside a row: all but the strips', the channel blocks' (with
  // channel tasks) and the outermost (the batch), which go with the strips.
  Halide::Var stripOuter(strip.strip.name() + "_o"), channelOuter(strip.strip.name() + "_co"),
      channelInner(strip.strip.name() + "_ci");
  size_t channelDim = strip.channelDim;
  bool channelTasks = strip.channelTasks && channelDim > 0 && channelDim + 1 < args.size() &&
                      channelDim != strip.dim && extents[channelDim] > strip.channelBlock &&
                      strip.channelBlock > 0;
  if (channelTasks)
    f.split(args[channelDim], channelOuter, channelInner, strip.channelBlock, Halide::TailStrategy::ShiftInwards);
  std::vector<Halide::VarOrRVar> nest;
  for (size_t i = 0; i + 1 < args.size(); ++i) {
    if (i == strip.dim)
      continue;
    nest.push_back(channelTasks && i == channelDim ? channelInner : args[i]);
  }
  nest.push_back(strip.row);
  nest.push_back(stripOuter);
  std::vector<Halide::Var> outside;
  if (channelTasks)
    outside.push_back(channelOuter);
  if (strip.dim + 1 != args.size())
    outside.push_back(args.back());
  nest.insert(nest.end(), outside.begin(), outside.end());
  f.split(args[strip.dim], stripOuter, strip.row,
          rowsPerStrip(extents[strip.dim], extents[strip.dim] < 0 ? extentExprs[strip.dim] : Halide::Expr(),
                       strip.strips),
          Halide::TailStrategy::ShiftInwards);
  f.reorder(nest);
  Halide::Var outer = stripOuter;
  for (const Halide::Var &var : outside) {
    Halide::Var fused(outer.name() + "_" + var.name());
    f.fuse(outer, var, fused);
    outer = fused;
  }
  f.rename(outer, strip.strip);
  f.parallel(strip.strip);
  vectorizeInnermost(f, args[0], extents[0], extents[0] < 0 ? extentExprs[0] : Halide::Expr());
}

void mlir::hone::cpu::scheduleInRow(Halide::Func f, const std::vector<int64_t> &extents) {
  std::vector<Halide::Var> args = f.args();
  if (!args.empty() && args.size() == extents.size())
    vectorizeInnermost(f, args[0], extents[0]);
}

bool mlir::hone::cpu::hasLoop(const Halide::Func &f, const Halide::Var &var) {
  const Halide::Internal::StageSchedule &schedule = f.function().definition().schedule();
  return std::any_of(schedule.dims().begin(), schedule.dims().end(), [&](const auto &dim) {
    const std::string &name = dim.var;
    return name == var.name() || (name.size() > var.name().size() &&
                                  name.compare(name.size() - var.name().size() - 1, std::string::npos,
                                               "." + var.name()) == 0);
  });
}
