//===- Schedules.cpp - Schedule templates for the CPU kernels -------------===//
//
// The contraction template is the classic Halide matrix-multiply schedule:
// the result is tiled (lanes x rows), the accumulator is computed per tile,
// its update loops run the reduction outermost and the tile's vector lanes
// innermost, so each reduction step is one vector multiply-add per row.
//
//===----------------------------------------------------------------------===//
#include "targets/cpu/Schedules.h"

using namespace mlir::hone::cpu;

Halide::Func mlir::hone::cpu::scheduledContraction(const std::string &name,
                                                   const std::vector<Halide::Var> &vars,
                                                   Halide::Expr init, const Halide::RDom &r,
                                                   Halide::Expr term, int rows) {
  std::vector<Halide::Expr> args(vars.begin(), vars.end());
  Halide::Func acc(name + "_acc"), result(name);
  acc(args) = init;
  acc(args) += term;
  result(args) = acc(args);
  if (vars.empty())
    return result;
  const Halide::TailStrategy guard = Halide::TailStrategy::GuardWithIf;
  Halide::Var lanesOuter("lo"), lanes("li");
  if (vars.size() == 1) {
    result.split(vars[0], lanesOuter, lanes, kVectorLanes, guard).vectorize(lanes);
    acc.compute_at(result, lanesOuter).vectorize(vars[0], kVectorLanes, guard);
    std::vector<Halide::VarOrRVar> order{vars[0]};
    for (int d = 0; d < r.dimensions(); ++d)
      order.push_back(r[d]);
    acc.update().reorder(order).vectorize(vars[0], kVectorLanes, guard);
    return result;
  }
  Halide::Var rowsOuter("ro"), rowsInner("ri");
  result.tile(vars[0], vars[1], lanesOuter, rowsOuter, lanes, rowsInner, kVectorLanes, rows, guard)
      .vectorize(lanes)
      .unroll(rowsInner);
  acc.compute_at(result, lanesOuter).vectorize(vars[0], kVectorLanes, guard);
  // Reduction outermost within the tile: every RVar before the pure vars'
  // loops in the update's loop nest (reorder lists innermost first).
  std::vector<Halide::VarOrRVar> order{vars[0], vars[1]};
  for (int d = 0; d < r.dimensions(); ++d)
    order.push_back(r[d]);
  acc.update().reorder(order).vectorize(vars[0], kVectorLanes, guard).unroll(vars[1], rows, guard);
  return result;
}

void mlir::hone::cpu::computeOnce(Halide::Func f) {
  f.compute_root();
  std::vector<Halide::Var> args = f.args();
  if (!args.empty())
    f.vectorize(args[0], kVectorLanes, Halide::TailStrategy::GuardWithIf);
}
