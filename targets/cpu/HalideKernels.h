//===- HalideKernels.h - hone ops as Halide definitions ---------*- C++ -*-===//
//
// The CPU target's kernels are Halide pipelines. This file turns one hone op
// into the Halide definition of its result from its operands' definitions,
// so that a kernel (and, with fusion, a group of ops) is one composed
// pipeline. Shapes stay symbolic: a definition holds for any extents, which
// are bound when the pipeline runs (dynamic shapes need no recompiling).
//
// Tensor dim i is Halide dim rank-1-i: Halide's first dimension is the
// innermost, the last of a row-major tensor.
//
//===----------------------------------------------------------------------===//
#ifndef HONE_TARGETS_CPU_HALIDEKERNELS_H
#define HONE_TARGETS_CPU_HALIDEKERNELS_H

#include "mlir/IR/Operation.h"

#include <Halide.h>

#include <string>
#include <vector>

namespace mlir::hone::cpu {

/// A tensor inside a pipeline: its definition, its tensor type (for ranks
/// and static broadcast dims) and its Halide element type.
struct HalideValue {
  Halide::Func func;
  ShapedType type;
};

/// The Halide type of an MLIR element type; Halide::Type() when the CPU
/// target has no kernel for it.
Halide::Type halideTypeOf(Type elementType);

/// Defines `op`'s single result from `operands` (one per op operand; absent
/// optional inputs have an undefined Func). Fails with `error` set when the
/// CPU target has no kernel for the op or its types.
FailureOr<HalideValue> defineHalideKernel(Operation *op, ArrayRef<HalideValue> operands,
                                          std::string &error);

/// `rank` pure variables, tensor order.
std::vector<Halide::Var> tensorVars(int64_t rank);
/// Halide argument order (innermost first) of tensor-order `vars`.
std::vector<Halide::Expr> halideArgs(ArrayRef<Halide::Var> vars);

} // namespace mlir::hone::cpu

#endif // HONE_TARGETS_CPU_HALIDEKERNELS_H
