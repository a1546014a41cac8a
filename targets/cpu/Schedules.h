//===- Schedules.h - Schedule templates for the CPU kernels ------*- C++ -*-===//
//
// The schedules the kernel builders apply to their definitions, per op
// class: contractions (MatMul, Gemm, Conv) accumulate in a tile that stays
// in registers, vectorized along the result's innermost dim with the
// reduction outside the vector; statistics (softmax's max and sum, the
// normalizations' moments) are computed once per row instead of per
// element. Every split guards its tail (GuardWithIf), so any extent, even
// one smaller than a vector, stays correct. Kernels run on the calling
// thread: Halide's own thread pool would not honour the runtime's thread
// count.
//
//===----------------------------------------------------------------------===//
#ifndef HONE_TARGETS_CPU_SCHEDULES_H
#define HONE_TARGETS_CPU_SCHEDULES_H

#include <Halide.h>

#include <vector>

namespace mlir::hone::cpu {

/// Lanes of a vector of 32-bit values in the schedules (AVX2 width; LLVM
/// splits or merges it for NEON and AVX-512).
constexpr int kVectorLanes = 8;

/// A contraction `result(vars) = init(vars) + sum over r of term(vars, r)`,
/// written as an accumulator with an update definition and scheduled: the
/// innermost var vectorized (and unrolled over `rowVar`, the next one, in
/// blocks of `rows`), the reduction outside the vector. `vars` are in Halide
/// order (innermost first).
Halide::Func scheduledContraction(const std::string &name, const std::vector<Halide::Var> &vars,
                                  Halide::Expr init, const Halide::RDom &r, Halide::Expr term,
                                  int rows = 4);

/// Computes `f` once for the whole kernel (statistics read by every element
/// of a row), vectorized along its innermost var.
void computeOnce(Halide::Func f);

} // namespace mlir::hone::cpu

#endif // HONE_TARGETS_CPU_SCHEDULES_H
