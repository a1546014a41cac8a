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

using namespace mlir::hone::cpu;

TileShape mlir::hone::cpu::tileShapeFor(const Halide::Target &target) {
  if (target.arch == Halide::Target::ARM)
    return {8, 8};
  if (target.has_feature(Halide::Target::AVX512))
    return {16, 8};
  return {16, 4};
}

Halide::Func mlir::hone::cpu::scheduledContraction(const std::string &name,
                                                   const std::vector<Halide::Var> &vars,
                                                   const std::vector<int64_t> &extents,
                                                   Halide::Expr init, const Halide::RDom &r,
                                                   Halide::Expr term, TileShape tile, size_t rowVar,
                                                   TileOrder tileOrder) {
  std::vector<Halide::Expr> args(vars.begin(), vars.end());
  Halide::Func acc(name + "_acc"), result(name);
  acc(args) = init;
  acc(args) += term;
  result(args) = acc(args);
  if (vars.empty() || extents.size() != vars.size() ||
      std::any_of(extents.begin(), extents.end(), [](int64_t e) { return e <= 0; }))
    return result; // a dynamic or empty extent: the plain loops are correct for any
  // A dim no longer than the tile is one whole tile; a longer one is split
  // with the last tile shifted inwards.
  auto tileExtent = [&](size_t dim, int size) {
    return static_cast<int>(std::min<int64_t>(extents[dim], size));
  };
  const Halide::TailStrategy shift = Halide::TailStrategy::ShiftInwards;
  Halide::Var lanesOuter("lo"), lanes("li");
  int laneCount = tileExtent(0, tile.lanes);
  if (vars.size() == 1) {
    result.split(vars[0], lanesOuter, lanes, laneCount, shift).vectorize(lanes).parallel(lanesOuter);
    acc.compute_at(result, lanesOuter).vectorize(vars[0]);
    std::vector<Halide::VarOrRVar> order{vars[0]};
    for (int d = 0; d < r.dimensions(); ++d)
      order.push_back(r[d]);
    acc.update().reorder(order).vectorize(vars[0]);
    return result;
  }
  const Halide::Var &x = vars[0], &y = vars[rowVar];
  int rowCount = tileExtent(rowVar, tile.rows);
  Halide::Var rowsOuter("ro"), rowsInner("ri");
  result.split(x, lanesOuter, lanes, laneCount, shift).split(y, rowsOuter, rowsInner, rowCount, shift);
  // Loop nest, innermost first: the tile, then the tiles of x and y, then
  // the other vars in their order (or the tiles of y last); all of the
  // tiles are one parallel loop.
  std::vector<Halide::VarOrRVar> nest{lanes, rowsInner};
  if (tileOrder == TileOrder::LanesInnermost)
    nest.insert(nest.end(), {lanesOuter, rowsOuter});
  else
    nest.push_back(tileOrder == TileOrder::RowsOutermost ? lanesOuter : rowsOuter);
  for (size_t i = 1; i < vars.size(); ++i)
    if (i != rowVar)
      nest.push_back(vars[i]);
  if (tileOrder != TileOrder::LanesInnermost)
    nest.push_back(tileOrder == TileOrder::RowsOutermost ? rowsOuter : lanesOuter);
  result.reorder(nest);
  Halide::Var tiles = nest[2].var;
  for (size_t i = 3; i < nest.size(); ++i) {
    Halide::Var fused(name + "_t" + std::to_string(i));
    result.fuse(tiles, nest[i].var, fused);
    tiles = fused;
  }
  result.vectorize(lanes).unroll(rowsInner).parallel(tiles);
  // The accumulator covers exactly one tile: its loops have constant
  // extents, vectorized and unrolled whole.
  acc.compute_at(result, tiles).vectorize(x).unroll(y);
  // Reduction outermost within the tile: every RVar before the tile's pure
  // loops in the update's loop nest (reorder lists innermost first).
  // The reduction's last dim innermost (a Conv's kernel columns, then rows,
  // then input channels: consecutive taps read neighbouring inputs).
  std::vector<Halide::VarOrRVar> order{x, y};
  for (int d = r.dimensions() - 1; d >= 0; --d)
    order.push_back(r[d]);
  acc.update().reorder(order).vectorize(x).unroll(y);
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
/// nothing (a guarded vector costs more than the scalar loop).
void vectorizeInnermost(Halide::Func f, const Halide::Var &var, int64_t extent) {
  if (extent >= kVectorLanes)
    f.vectorize(var, kVectorLanes, Halide::TailStrategy::ShiftInwards);
}

/// Fuses `f`'s vars `vars` (Halide order, adjacent in its loop nest) into
/// one loop and returns it.
Halide::Var fuseOuter(Halide::Func f, const std::vector<Halide::Var> &vars) {
  Halide::Var outer = vars.front();
  for (size_t i = 1; i < vars.size(); ++i) {
    Halide::Var fused(f.name() + "_f" + std::to_string(i));
    f.fuse(outer, vars[i], fused);
    outer = fused;
  }
  return outer;
}

int64_t product(const std::vector<int64_t> &extents) {
  int64_t elements = 1;
  for (int64_t e : extents)
    elements *= e;
  return elements;
}

} // namespace

void mlir::hone::cpu::computeOnceParallel(Halide::Func f, int64_t elements) {
  computeOnce(f);
  // Every dim but the innermost in one parallel loop: the outermost alone
  // is often a batch of 1.
  std::vector<Halide::Var> args = f.args();
  if (args.size() >= 2 && elements >= kParallelThreshold)
    f.parallel(fuseOuter(f, std::vector<Halide::Var>(args.begin() + 1, args.end())));
}

void mlir::hone::cpu::scheduleRowwise(Halide::Func result, const std::vector<Halide::Func> &perRow,
                                      size_t rowDims, const std::vector<int64_t> &extents) {
  std::vector<Halide::Var> args = result.args();
  if (args.size() != extents.size() || rowDims == 0 || rowDims > args.size() ||
      std::any_of(extents.begin(), extents.end(), [](int64_t e) { return e <= 0; })) {
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
  Halide::Var rows = fuseOuter(result, std::vector<Halide::Var>(args.begin() + rowDims, args.end()));
  if (product(extents) >= kParallelThreshold)
    result.parallel(rows);
  for (Halide::Func f : perRow)
    f.compute_at(result, rows);
}

void mlir::hone::cpu::scheduleDefault(Halide::Func f, const std::vector<int64_t> &extents) {
  std::vector<Halide::Var> args = f.args();
  if (args.empty() || args.size() != extents.size() ||
      std::any_of(extents.begin(), extents.end(), [](int64_t e) { return e <= 0; }))
    return;
  bool parallel = product(extents) >= kParallelThreshold;
  if (args.size() == 1) {
    if (parallel) {
      Halide::Var outer("po"), inner("pi");
      f.split(args[0], outer, inner, 4096, Halide::TailStrategy::ShiftInwards).parallel(outer);
      vectorizeInnermost(f, inner, 4096);
    } else {
      vectorizeInnermost(f, args[0], extents[0]);
    }
    return;
  }
  vectorizeInnermost(f, args[0], extents[0]);
  if (parallel)
    f.parallel(fuseOuter(f, std::vector<Halide::Var>(args.begin() + 1, args.end())));
}
